//! What a careless or hostile user does to doracak's commands, and what each is told:
//! a temporary folder that is not there, output into a source folder, odd bytes in content.

use crate::common::*;
use std::process::Command;

/// A missing temporary folder is named as the variable that chose it and its value.
#[test]
fn a_missing_temporary_folder_is_named_as_tmpdir_and_its_value() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("no-such-tmp");
    let out = dir.path().join("site");
    let o = Command::new(env!("CARGO_BIN_EXE_doracak"))
        .args([
            "--root",
            fixtures().join("minimal").to_str().unwrap(),
            "build",
            "--out",
            out.to_str().unwrap(),
        ])
        .env("TMPDIR", &gone)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success(), "{stderr}");
    let want = format!(
        "expected a temporary folder that can be written (TMPDIR={}), found: No such file or directory",
        gone.display()
    );
    assert!(stderr.contains(&want), "expected {want:?} in: {stderr}");
    assert!(!out.exists(), "nothing was written");
}

/// Every command that writes files refuses the places `build` refuses for a site — `/`, a
/// home folder, the handbook's folder, its sources (through `..` and links too) — with
/// `build`'s message, and writes nothing there.
#[test]
fn commands_writing_files_refuse_the_places_build_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let hb = dir.path().join("hb");
    copy_tree(&fixtures().join("minimal"), &hb);
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(hb.join("content"), dir.path().join("link")).unwrap();
    let a = fixtures().join("assessment-files/valid-minimal.json");
    let t = fixtures().join("training/a.json");
    let csv = std::fs::read_dir(fixtures().join("submissions"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "csv"))
        .unwrap();
    let before = snapshot(&hb);
    let places: Vec<(String, &str)> = vec![
        ("/".into(), "which holds the handbook"),
        (
            hb.join("content").display().to_string(),
            "apart from the handbook's sources",
        ),
        (
            hb.join("standards/new").display().to_string(),
            "apart from the handbook's sources",
        ),
        (
            hb.join("nothere/../theme").display().to_string(),
            "apart from the handbook's sources",
        ),
        #[cfg(unix)]
        (
            dir.path().join("link").display().to_string(),
            "apart from the handbook's sources",
        ),
    ];
    for (place, says) in &places {
        // The site build refuses there, and so does every command writing files.
        let build = ["build", "--out", place.as_str()];
        let report_out = format!("{place}/r.html");
        let report = ["report", a.to_str().unwrap(), "--out", report_out.as_str()];
        let aggregate = ["aggregate", a.to_str().unwrap(), "--out", place.as_str()];
        let training = [
            "training-report",
            t.to_str().unwrap(),
            "--out",
            place.as_str(),
        ];
        let import = [
            "import-submissions",
            csv.to_str().unwrap(),
            "--out",
            place.as_str(),
        ];
        let synth = ["synth", "--standards", "1", "--out", place.as_str()];
        for args in [&build[..], &report, &aggregate, &training, &import, &synth] {
            let o = Command::new(env!("CARGO_BIN_EXE_doracak"))
                .arg("--root")
                .arg(&hb)
                .args(args)
                .env("HOME", &home)
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(1), "{args:?}: {stderr}");
            assert!(
                stderr.contains(says) && stderr.contains("error: expected an output folder"),
                "{args:?}: expected {says:?} in: {stderr}"
            );
        }
    }
    assert!(snapshot(&hb) == before, "the handbook is as it was");
    assert_eq!(
        std::fs::read_dir(&home).unwrap().count(),
        0,
        "nothing in home"
    );
    assert!(!hb.join("nothere").exists() && !hb.join("standards/new").exists());

    // The handbook's folder and a home folder: a site (build, synth) would replace what is
    // there, so they are refused; a report is a file beside a person's own, so it is written
    // there (the default `--out .` run from the handbook's folder), never over their files.
    for (place, says) in [
        (&hb, "found the handbook's own folder"),
        (&home, "found the home folder"),
    ] {
        let p = place.to_str().unwrap();
        for args in [
            &["build", "--out", p][..],
            &["synth", "--standards", "1", "--out", p],
        ] {
            let o = Command::new(env!("CARGO_BIN_EXE_doracak"))
                .arg("--root")
                .arg(&hb)
                .args(args)
                .env("HOME", &home)
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(1), "{args:?}: {stderr}");
            assert!(
                stderr.contains(says),
                "{args:?}: expected {says:?} in: {stderr}"
            );
        }
        let o = Command::new(env!("CARGO_BIN_EXE_doracak"))
            .arg("--root")
            .arg(&hb)
            .args(["aggregate", a.to_str().unwrap(), "--out", p])
            .env("HOME", &home)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "aggregate into {p}: {stderr}");
    }
    assert!(
        std::fs::read_dir(&home).unwrap().count() > 0,
        "the comparison is in the home folder"
    );
    assert!(
        std::fs::read_dir(&hb)
            .unwrap()
            .filter_map(Result::ok)
            .any(|e| e.file_name().to_string_lossy().ends_with(".html")),
        "the comparison is in the handbook's folder, beside its sources"
    );
}

/// Bidirectional controls and control characters in content text, written as they are or
/// as YAML escapes, are warnings at their line and column (the handbook still checks and
/// builds); a file full of them gives ten and a count, not one line each.
#[test]
fn bidi_and_control_characters_in_content_are_located_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let hb = dir.path().join("hb");
    copy_tree(&fixtures().join("minimal"), &hb);
    let sop = hb.join("content/sop/02-identifikimi-formal.yaml");
    let text = read(&sop).replacen(
        "title: Identifikimi formal",
        "title: \"Identifikimi \\u202Eformal\\x01\"",
        1,
    );
    std::fs::write(&sop, text).unwrap();
    let std1 = hb.join("standards/01-qellimi.yaml");
    let text = read(&std1).replacen("outcome: Shërbimet", "outcome: Shër\u{2067}bimet", 1);
    std::fs::write(&std1, text).unwrap();
    let many = hb.join("standards/03-many.yaml");
    std::fs::write(
        &many,
        format!(
            // (`\x01` in a block scalar is those four characters, no escape: stop 58.)
            "number: 3\ntitle: \"{}\"\noutcome: x\nstatement: |\n  y \\x01 '\\u202E'\ncriteria: []\n",
            "\\u202E".repeat(5000)
        ),
    )
    .unwrap();
    let o = doracak(&["--root", hb.to_str().unwrap(), "check"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    for want in [
        "content/sop/02-identifikimi-formal.yaml:1:22: warning: expected text without bidirectional controls, found the escape `\\u202E` (U+202E RIGHT-TO-LEFT OVERRIDE)",
        "content/sop/02-identifikimi-formal.yaml:1:34: warning: expected text without control characters, found the escape `\\x01` (U+0001 a control character)",
        "standards/01-qellimi.yaml:3:14: warning: expected text without bidirectional controls, found U+2067 RIGHT-TO-LEFT ISOLATE",
        "standards/03-many.yaml:2:69: warning: expected text without bidirectional controls or control characters, found 4990 more in this file",
    ] {
        assert!(stderr.contains(want), "expected {want:?} in: {stderr}");
    }
    assert_eq!(
        stderr
            .lines()
            .filter(|l| l.starts_with("standards/03-many.yaml") && l.contains(": warning: "))
            .count(),
        11,
        "ten warnings and a count: {stderr}"
    );
    let _ = std::fs::remove_file(&many);
    let o = doracak(&["--root", hb.to_str().unwrap(), "check"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "warnings, not errors: {stderr}");
    assert!(stderr.contains("0 errors, 3 warnings"), "{stderr}");
}
