//! Every error path reports a located, readable message, exits 1 and writes nothing.
//!
//! Each folder under `tests/fixtures/errors/` holds files laid over the minimal fixture
//! handbook and `expect.txt`: one line per expected error, each the start of the error's
//! first line (`file:line:col: error: message…`). The errors reported must be exactly
//! these, no more.

use crate::common::*;

fn run_fixture(name: &str) -> (String, String, i32) {
    let dir = minimal_copy();
    copy_tree(&fixtures().join("errors").join(name), dir.path());
    let _ = std::fs::remove_file(dir.path().join("expect.txt"));
    let out = dir.path().join("site");
    let o = build(dir.path(), &out);
    assert!(
        !out.exists(),
        "{name}: a failed build must not write the site"
    );
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
        o.status.code().unwrap_or(-1),
    )
}

#[test]
fn every_error_fixture_reports_exactly_its_errors() {
    let mut names: Vec<String> = std::fs::read_dir(fixtures().join("errors"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(
        names.len() >= 15,
        "the error fixtures are there ({})",
        names.len()
    );
    let mut failures = Vec::new();
    for name in &names {
        let expect = read(&fixtures().join("errors").join(name).join("expect.txt"));
        let expected: Vec<&str> = expect.lines().filter(|l| !l.trim().is_empty()).collect();
        let (_, stderr, code) = run_fixture(name);
        let errors: Vec<&str> = stderr.lines().filter(|l| l.contains(": error: ")).collect();
        if code != 1 {
            failures.push(format!("{name}: exit status {code}, expected 1\n{stderr}"));
        }
        if stderr.contains("panicked") {
            failures.push(format!("{name}: panicked\n{stderr}"));
        }
        if errors.len() != expected.len() {
            failures.push(format!(
                "{name}: expected {} errors, found {}:\n{stderr}",
                expected.len(),
                errors.len()
            ));
            continue;
        }
        for e in &expected {
            if !errors.iter().any(|got| got.starts_with(e)) {
                failures.push(format!(
                    "{name}: no error starts with\n  {e}\nfound:\n{stderr}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn a_table_column_the_row_labels_would_swallow_is_refused() {
    // MR8 §2 as it shipped (adversary 51, H-1): the period was the table's only column, so
    // the row labels took it and the row printed no "Prej:"/"Deri:" and no date blanks.
    let dir = minimal_copy();
    std::fs::create_dir_all(dir.path().join("content/forms")).unwrap();
    std::fs::write(
        dir.path().join("content/forms/A1.yaml"),
        "title: \"F\"\nsections:\n  - title: \"S\"\n    fields:\n      - kind: table\n        columns:\n          - {label: \"\", kind: period, bounds: [\"Prej:\", \"Deri:\"]}\n        row_labels: [\"Periudha që mbulohet\"]\n",
    )
    .unwrap();
    let o = doracak(&["--root", dir.path().to_str().unwrap(), "check"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("content/forms/A1.yaml:7:31: error: expected the table's first column to hold its rows' labels (`row_labels`), found `kind: period` on it: its cells would not be printed"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: declare the labels' own column first"),
        "{stderr}"
    );
    assert!(stderr.contains("1 error,"), "{stderr}");
}

#[test]
fn check_reports_five_located_errors_and_exits_1() {
    let dir = minimal_copy();
    copy_tree(&fixtures().join("errors/five-faults"), dir.path());
    let o = doracak(&["--root", dir.path().to_str().unwrap(), "check"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1));
    let located = stderr
        .lines()
        .filter(|l| l.starts_with("standards/02-vleresimi.yaml:") && l.contains(": error: "))
        .count();
    assert_eq!(located, 5, "{stderr}");
    assert!(stderr.contains("5 errors"), "{stderr}");
}

/// The standards are checked in parallel, each into its own diagnostics (issue 28): the
/// errors are said in the same order as one pass said them, also two at the same place
/// (a standard's number given twice, in a file with no criteria: the number's error first,
/// then the criteria's), and across many standards.
#[test]
fn the_standards_errors_are_said_in_one_order_however_many_standards() {
    let dir = minimal_copy();
    let standards = dir.path().join("standards");
    let file = |n: u32, number: u32, criteria: &str| {
        std::fs::write(
            standards.join(format!("{n:02}-standardi.yaml")),
            format!(
                "number: {number}\ntitle: Standardi {n}\noutcome: Rezultati {n}.\nstatement: Standardi {n}.\ncriteria:{criteria}"
            ),
        )
        .unwrap();
    };
    // Standard 3 again, with no criteria; then twenty standards each with an evidence
    // number of another criterion and one with an empty text.
    file(3, 1, " []\n");
    for n in 4..24 {
        file(
            n,
            n,
            "\n  - number: 1\n    text: Vlerësimi bëhet me shkrim.\n    evidence:\n      - number: \"2.1\"\n        text: Formulari.\n  - number: 2\n    text: \"\"\n",
        );
    }
    let o = doracak(&["--root", dir.path().to_str().unwrap(), "check"]);
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    let errors: Vec<&str> = stderr.lines().filter(|l| l.contains(": error: ")).collect();
    let mut expected = vec![
        "standards/03-standardi.yaml:1:9: error: expected each standard number once, found standard 1 again".to_string(),
        "standards/03-standardi.yaml:1:9: error: expected the criteria of standard 1, found none".to_string(),
    ];
    for n in 4..24 {
        expected.push(format!("standards/{n:02}-standardi.yaml:9:17: error: expected evidence of criterion 1 to be numbered 1.N, found \"2.1\""));
        expected.push(format!("standards/{n:02}-standardi.yaml:12:11: error: "));
    }
    assert_eq!(errors.len(), expected.len(), "{stderr}");
    for (got, want) in errors.iter().zip(&expected) {
        assert!(
            got.starts_with(want.as_str()),
            "expected\n  {want}\nfound\n  {got}\n\n{stderr}"
        );
    }
}

#[test]
fn a_failed_build_leaves_the_previous_site_byte_for_byte() {
    let dir = minimal_copy();
    let root = dir.path().to_str().unwrap();
    let out = dir.path().join("out");
    let o = doracak(&["--root", root, "build", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let before = snapshot(&out);
    assert!(before.len() > 4);

    copy_tree(&fixtures().join("errors/dangling-role"), dir.path());
    let o = doracak(&["--root", root, "build", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(snapshot(&out), before, "the previous site is untouched");

    // A template error fails at render time, after the content checked fine.
    let dir2 = minimal_copy();
    copy_tree(
        &fixtures().join("errors/template-unknown-variable"),
        dir2.path(),
    );
    let o = build(dir2.path(), &out);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(snapshot(&out), before, "the previous site is untouched");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("doracak-"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary folders are left behind");
}

#[test]
fn unreadable_inputs_are_located_errors() {
    let dir = minimal_copy();
    let std2 = dir.path().join("standards/02-vleresimi.yaml");
    // Not UTF-8: a Windows-1250 "ë" on line 2.
    std::fs::write(
        &std2,
        b"number: 2\ntitle: Vler\xEBsimi\noutcome: x\nstatement: y\n",
    )
    .unwrap();
    // A byte-order mark at the start is YAML's own and is dropped (old Notepad writes one):
    // the file reads as it is, its places unmoved (`x3` at 1:9). A second one is refused, as
    // is one inside the text.
    std::fs::write(
        dir.path().join("standards/03-bom.yaml"),
        b"\xEF\xBB\xBFnumber: x3\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("standards/06-two-boms.yaml"),
        b"\xEF\xBB\xBF\xEF\xBB\xBFnumber: 6\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("standards/07-bom-inside.yaml"),
        "number: 7\ntitle: \u{feff}x\n",
    )
    .unwrap();
    // A file far too large to be content.
    let big = "number: 4\ntitle: x\noutcome: y\nstatement: |\n".to_string()
        + &"  tekst i gjatë\n".repeat(700_000);
    std::fs::write(dir.path().join("standards/04-big.yaml"), big).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("/etc/hostname", dir.path().join("standards/05-link.yaml")).unwrap();
    let o = doracak(&["--root", dir.path().to_str().unwrap(), "check"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "standards/02-vleresimi.yaml:2:12: error: expected UTF-8 text, found the byte 0xEB"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("standards/03-bom.yaml:1:9: error: expected a whole number, found `x3`"),
        "{stderr}"
    );
    assert!(!stderr.contains("03-bom.yaml:1:1"), "{stderr}");
    assert!(
        stderr.contains(
            "standards/06-two-boms.yaml:1:1: error: expected UTF-8 text without a byte-order mark"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "standards/07-bom-inside.yaml:2:8: error: expected text, found a byte-order mark (U+FEFF) inside the file"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("standards/04-big.yaml: error: expected a content file of at most 4 MiB"),
        "{stderr}"
    );
    #[cfg(unix)]
    assert!(
        stderr.contains("standards/05-link.yaml: error: expected a file inside the handbook"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"));
}

#[test]
fn usage_errors_exit_2() {
    let o = doracak(&["build", "--no-such-flag"]);
    assert_eq!(o.status.code(), Some(2));
    let o = doracak(&["--root", "/nonexistent/handbook", "check"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn help_describes_every_command() {
    let o = doracak(&["--help"]);
    assert!(o.status.success());
    let help = String::from_utf8_lossy(&o.stdout);
    for (command, says) in [
        ("build", "write the site"),
        ("check", "validate"),
        ("search", "Search the handbook"),
        ("report", "report of one exported self-assessment"),
        ("aggregate", "Compare several centres"),
        ("serve", "serve the site on 127.0.0.1"),
    ] {
        let line = help
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{command} ")))
            .unwrap_or_else(|| panic!("`{command}` is listed in --help:\n{help}"));
        assert!(
            line.contains(says),
            "`{command}` is described as it is: {line}"
        );
    }
    assert!(
        !help.contains("synth"),
        "the benchmark generator stays hidden"
    );
}

/// A careless author's file: a mistyped field is named with the field meant, and an empty
/// file, a UTF-16 file, a NUL byte and a tab each say what was expected and what was found.
#[test]
fn typos_and_odd_bytes_say_what_was_expected_and_found() {
    let dir = minimal_copy();
    let std2 = dir.path().join("standards/02-vleresimi.yaml");
    let text = read(&std2);
    // `outcom` for `outcome`; `evidenc` one level down.
    std::fs::write(&std2, text.replacen("outcome:", "outcom:", 1)).unwrap();
    std::fs::write(
        dir.path().join("standards/03-bosh.yaml"),
        b"# nothing yet\n",
    )
    .unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "number: 4\ntitle: Siguria\n".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    std::fs::write(dir.path().join("standards/04-utf16.yaml"), utf16).unwrap();
    std::fs::write(
        dir.path().join("standards/05-nul.yaml"),
        b"number: 5\ntitle: a\0b\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("standards/06-tab.yaml"),
        "number: 6\ntitle: x\ncriteria:\n\t- number: 1\n",
    )
    .unwrap();
    let o = doracak(&["--root", dir.path().to_str().unwrap(), "check"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    for want in [
        "standards/02-vleresimi.yaml:3:1: error: expected one of number, title, outcome, statement, criteria, found `outcom`",
        "= hint: did you mean `outcome`?",
        "standards/03-bosh.yaml:2:1: error: expected the file's fields (`key: value` lines), found an empty file",
        "standards/04-utf16.yaml:1:1: error: expected UTF-8 text, found UTF-16 (little-endian",
        "standards/05-nul.yaml:2:9: error: expected text, found the control character",
        "standards/06-tab.yaml:4:2: error: expected spaces for indentation, found a tab",
    ] {
        assert!(stderr.contains(want), "missing {want:?} in\n{stderr}");
    }
    assert!(
        !stderr.contains("Windows-1250"),
        "a UTF-16 file is not called a legacy 8-bit one:\n{stderr}"
    );
    // Every error line is `file:line:col: error: expected …, found …`.
    for line in stderr.lines().filter(|l| l.contains(": error: ")) {
        assert!(
            line.contains(": error: expected ") && line.contains(", found "),
            "{line}"
        );
    }
}

/// One typo in a procedure (`actor:` for `actors:`) and one in a role file are one error
/// each, at the typo: the standards that link the procedure and the role are not also told
/// that no such procedure or role exists.
#[test]
fn a_file_that_cannot_be_read_is_one_error_not_one_per_reference_to_it() {
    let dir = minimal_copy();
    let sop = dir.path().join("content/sop/02-identifikimi-formal.yaml");
    std::fs::write(&sop, read(&sop).replacen("    actors:", "    actor:", 1)).unwrap();
    let role = dir.path().join("content/roles/punonjes-social.yaml");
    std::fs::write(&role, read(&role) + "titel: x\n").unwrap();
    let o = doracak(&["--root", dir.path().to_str().unwrap(), "check"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    let errors: Vec<&str> = stderr.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(errors.len(), 2, "{stderr}");
    assert!(
        errors[0].starts_with("content/roles/punonjes-social.yaml:")
            && errors[0].contains("found `titel`"),
        "{stderr}"
    );
    assert!(
        errors[1]
            .starts_with("content/sop/02-identifikimi-formal.yaml:8:5: error: expected one of")
            && errors[1].contains("found `actor`"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `actors`?"), "{stderr}");
}

/// A content folder that is a link to another handbook's (`content/roles` → elsewhere) is
/// not read from there: each of its files is a located error, as a linked file is.
#[cfg(unix)]
#[test]
fn a_linked_content_folder_leading_outside_the_handbook_is_not_read() {
    let dir = minimal_copy();
    let elsewhere = tempfile::tempdir().unwrap();
    let roles = dir.path().join("content/roles");
    copy_tree(&roles, elsewhere.path());
    std::fs::remove_dir_all(&roles).unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), &roles).unwrap();
    let o = doracak(&["--root", dir.path().to_str().unwrap(), "check"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("content/roles/punonjes-social.yaml: error: expected a file inside the handbook, found one in a folder that is a symbolic link to outside it"),
        "{stderr}"
    );
}
