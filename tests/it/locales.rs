//! Locale packs: `language` in doracak.toml chooses the built-in pack (`sq`, `en`); a
//! handbook's `theme/strings.toml` replaces only the keys it names; an unknown key is a
//! located warning; a key missing everywhere is an error that names it; `check` says so.

use std::collections::BTreeMap;

use crate::common::*;

pub(crate) fn pack(lang: &str) -> BTreeMap<String, String> {
    toml::from_str(&read(&repo().join(format!("theme/locales/{lang}.toml")))).unwrap()
}

#[test]
fn an_english_handbook_speaks_english() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("english"), dir.path());
    let site = dir.path().join("site");
    build_ok(dir.path(), &site);
    let en = pack("en");
    let sq = pack("sq");
    for page in [
        "index.html",
        "S1.html",
        "assessment/index.html",
        "audit/S1.html",
    ] {
        let html = read(&site.join(page));
        assert!(html.contains("<html lang=\"en\" dir=\"ltr\">"), "{page}");
        assert!(
            html.contains(&en["skip_to_content"]),
            "{page}: the English skip link"
        );
        assert!(
            !html.contains(&sq["skip_to_content"]),
            "{page}: no Albanian skip link"
        );
    }
    let s1 = unescape(&read(&site.join("S1.html")));
    assert!(
        s1.contains("every 3 years"),
        "durations in English with plurals: {s1}"
    );
    assert!(s1.contains("within 4 weeks"), "{s1}");
    let ui = read(&site.join("static/ui.js"));
    assert!(
        ui.contains("\"assess_title\":\"Self-assessment\""),
        "the scripts' strings too"
    );
}

#[test]
fn a_partial_override_replaces_only_its_keys() {
    let dir = minimal_copy();
    std::fs::create_dir_all(dir.path().join("theme")).unwrap();
    std::fs::write(
        dir.path().join("theme/strings.toml"),
        "home = \"Ballina\"\nprint_button = \"Shtyp\"\n",
    )
    .unwrap();
    let site = dir.path().join("site");
    let o = build(dir.path(), &site);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let index = read(&site.join("index.html"));
    assert!(
        index.contains(">Ballina</a>") && index.contains("Shtyp"),
        "the two keys replaced"
    );
    assert!(
        index.contains(&pack("sq")["skip_to_content"]),
        "every other key from the pack"
    );
}

#[test]
fn an_unknown_key_is_a_located_warning_and_a_missing_key_a_located_error_naming_it() {
    // An unknown key: a warning with its line, and the build goes on.
    let dir = minimal_copy();
    std::fs::create_dir_all(dir.path().join("theme")).unwrap();
    std::fs::write(
        dir.path().join("theme/strings.toml"),
        "home = \"Ballina\"\n\nhomme = \"Ballina\"\n",
    )
    .unwrap();
    let o = doracak(&["--root", dir.path().to_str().unwrap(), "check"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(
        stderr.contains("theme/strings.toml:3:9: warning: the interface has no string `homme`"),
        "{stderr}"
    );

    // A language doracak has no pack for: every key the handbook does not give comes from
    // the fallback language's pack; `check` says how many in one warning, `--verbose`
    // names them, and the site is built.
    let dir = minimal_copy();
    let toml = dir.path().join("doracak.toml");
    std::fs::write(&toml, format!("language = \"de\"\n{}", read(&toml))).unwrap();
    let mut strings = pack("en");
    strings.remove("audit_notes");
    std::fs::create_dir_all(dir.path().join("theme")).unwrap();
    std::fs::write(
        dir.path().join("theme/strings.toml"),
        toml::to_string(&strings).unwrap(),
    )
    .unwrap();
    let total = pack("sq").len();
    let o = doracak(&["--root", dir.path().to_str().unwrap(), "check"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(
        stderr.contains(&format!("theme/strings.toml: warning: 1 of {total} interface strings has no `de` text; it is shown in the fallback language `en`")),
        "{stderr}"
    );
    assert!(
        !stderr.contains("\n  audit_notes"),
        "the key only with --verbose: {stderr}"
    );
    let o = doracak(&["--root", dir.path().to_str().unwrap(), "check", "--verbose"]);
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("\n  audit_notes\n"),
        "--verbose names the key"
    );
    let o = doracak(&["--root", dir.path().to_str().unwrap(), "build"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn search_results_are_titled_and_labelled_in_the_handbook_s_language() {
    let root = fixtures().join("english");
    let o = doracak(&["--root", root.to_str().unwrap(), "search", "recruitment"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(out.contains("Standard 1: Safe recruitment"), "{out}");
    assert!(
        out.contains("Criterion   ") && out.contains("Criterion 1.1 — Safe recruitment"),
        "{out}"
    );
    let none = doracak(&["--root", root.to_str().unwrap(), "search", "zzzqqq"]);
    assert_eq!(String::from_utf8_lossy(&none.stdout).trim(), "No results.");
    // The site's index carries the same titles.
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root, dir.path());
    let site = dir.path().join("site");
    build_ok(dir.path(), &site);
    let index = search_index_text(&site);
    assert!(
        index.contains("Evidence 1.1 — standard 1, criterion 1"),
        "the browser's titles"
    );
}

#[test]
fn reports_and_comparisons_use_the_language_s_number_format_and_names() {
    let root = fixtures().join("english");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.json");
    std::fs::write(
        &file,
        r#"{"schema":"doracak-assessment","version":1,"assessment":{"name":"Hill House 2026","centre":"Hill House"},
           "ratings":{"S1.1":{"rating":"met"},"S1.2":{"rating":"partly"},"S2.1":{"rating":"not_met"}}}"#,
    )
    .unwrap();
    let report = dir.path().join("r.html");
    let o = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "report",
        file.to_str().unwrap(),
        "--out",
        report.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = read(&report);
    assert!(
        html.contains("75.0%") && html.contains("Self-assessment report"),
        "{html}"
    );
    let o = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "aggregate",
        file.to_str().unwrap(),
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let csv = read(&dir.path().join("comparison.csv"));
    assert!(
        csv.starts_with("\u{feff}centre,assessment,S1,S2,total,unrated"),
        "{csv}"
    );
    assert!(dir.path().join("comparison.html").is_file());
}

#[test]
fn a_handbook_declares_its_vocabulary_and_takes_the_rest_from_its_pack() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("english"), dir.path());
    let toml = dir.path().join("doracak.toml");
    // No [[scale]]: the default steps, named by the English pack. Its own id prefix and
    // its own name for one column.
    let text = read(&toml);
    let without_scale = &text[..text.find("[[scale]]").unwrap()];
    let rest = &text[text.find("# The groups of procedures.").unwrap()..];
    std::fs::write(
        &toml,
        format!(
            "id_prefix = \"SG\"\n{without_scale}{rest}\n[columns]\ncriterion = \"Requirement\"\n"
        ),
    )
    .unwrap();
    let site = dir.path().join("site");
    build_ok(dir.path(), &site);
    let en = pack("en");
    let rate = unescape(&read(&site.join("assessment/SG1.html")));
    for key in ["scale_met", "scale_partial", "scale_not_met", "scale_na"] {
        assert!(rate.contains(&en[key]), "{key}: {}", en[key]);
    }
    assert!(!rate.contains("Përmbushur"), "no Albanian default label");
    let s1 = unescape(&read(&site.join("SG1.html")));
    assert!(s1.contains("id=\"SG1.1\""), "the ids carry the prefix");
    assert!(s1.contains(">Requirement<"), "the handbook's column name");
    assert!(
        s1.contains(&en["col_evidence"]),
        "the other columns from the pack"
    );
    assert!(!site.join("S1.html").exists());

    // A step of its own with no label and no string: a located error naming the key; a
    // prefix that is not letters: an error.
    std::fs::write(
        &toml,
        format!(
            "id_prefix = \"S-\"\n{without_scale}{rest}\n[[scale]]\ncode = \"good\"\npoints = 1\n\n[[scale]]\ncode = \"bad\"\nlabel = \"Bad\"\npoints = 0\n"
        ),
    )
    .unwrap();
    let o = doracak(&["--root", dir.path().to_str().unwrap(), "check"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("doracak.toml: error: expected a `label` for the scale step \"good\" (or the interface string `scale_good`), found neither"),
        "{stderr}"
    );
    assert!(
        stderr.contains("doracak.toml: error: expected `id_prefix` to be one or more letters A–Z (as the `S` of `S2.3`), found \"S-\""),
        "{stderr}"
    );
}

#[test]
fn addresses_come_from_the_pack_and_a_handbook_may_rename_them() {
    // The English fixture renames one page and one folder in its own strings.
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("english"), dir.path());
    std::fs::create_dir_all(dir.path().join("theme")).unwrap();
    std::fs::write(
        dir.path().join("theme/strings.toml"),
        "address_deadlines = \"time-limits.html\"\naddress_role_dir = \"who/\"\n",
    )
    .unwrap();
    let site = dir.path().join("site");
    build_ok(dir.path(), &site);
    assert!(site.join("time-limits.html").is_file());
    assert!(site.join("who/key-worker.html").is_file());
    assert!(!site.join("deadlines.html").exists() && !site.join("role").exists());
    let index = read(&site.join("index.html"));
    assert!(
        index.contains("href=\"time-limits.html\""),
        "the nav links the new name"
    );
    let procedure = unescape(&read(&site.join("procedure/responding-to-a-concern.html")));
    assert!(
        procedure.contains("href=\"../who/key-worker.html\""),
        "{procedure}"
    );

    // Addresses that would escape the site, clash, or not be pages: located errors naming
    // the key, and nothing built.
    std::fs::write(
        dir.path().join("theme/strings.toml"),
        "address_deadlines = \"../outside.html\"\naddress_glossary = \"search.html\"\naddress_role_dir = \"who\"\n",
    )
    .unwrap();
    let out = dir.path().join("site2");
    let o = build(dir.path(), &out);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    for expected in [
        "theme/strings.toml: error: expected the address `address_deadlines` to be a relative file name ending in .html (`kerko.html`, `auditim/te-gjitha.html`), found \"../outside.html\"",
        "theme/strings.toml: error: expected every address to be different, found `address_glossary` = \"search.html\", the same as address_search",
        "theme/strings.toml: error: expected the address `address_role_dir` to be a relative folder name ending in / (`vleresim/`), found \"who\"",
    ] {
        assert!(stderr.contains(expected), "{expected}\n{stderr}");
    }
    assert!(!out.exists(), "nothing written");
}
