//! The import suite: exports of KoboToolbox and ODK Central written for these tests
//! (`tests/fixtures/submissions/`), each with the files and messages `import-submissions`
//! must give: CRLF with line breaks inside cells, the same submission twice, two
//! submissions of one visit, duplicate ids, a 1 MB note, a Windows-1250 file, one centre
//! typed three ways.

use std::path::{Path, PathBuf};

use crate::common::*;

fn fixture(name: &str) -> PathBuf {
    fixtures().join("submissions").join(name)
}

/// `import-submissions FILE --out OUT` on `root`: exit code, stdout, stderr.
fn import_in(root: &Path, file: &Path, out: &Path) -> (Option<i32>, String, String) {
    let o = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "import-submissions",
        file.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let said = (
        o.status.code(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    );
    assert!(!said.2.contains("panicked"), "{}", said.2);
    said
}

fn import(file: &Path, out: &Path) -> (Option<i32>, String, String) {
    import_in(&fixtures().join("minimal"), file, out)
}

fn files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&read(path)).unwrap()
}

#[test]
fn crlf_rows_are_numbered_as_the_spreadsheet_shows_them() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = import(&fixture("crlf-quoted.csv"), dir.path());
    // Rows 2 and 3 hold notes over several lines; the bad date stands in row 4.
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("crlf-quoted.csv:4:2: error: row 4: expected the date of the visit as YYYY-MM-DD (column date), found \"3.11.2026\"; the row is skipped"),
        "{err}"
    );
    assert!(out.contains("(row 2)") && out.contains("(row 3)"), "{out}");
    let vatra = dir
        .path()
        .join("qendra-vatra-2026-11-02--c0ffee00-0000-4000-8000-000000000201.json");
    assert_eq!(
        json(&vatra)["ratings"]["S1.1"]["note"],
        "Dosjet e plota.\r\nRegjistri i hyrjeve u pa.\r\nAsnjë mungesë."
    );
}

#[test]
fn the_same_export_twice_changes_nothing_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (_, first, _) = import(&fixture("kobo.csv"), dir.path());
    assert!(
        first.contains("submissions: 2 written, 0 unchanged"),
        "{first}"
    );
    let before = snapshot(dir.path());
    let (_, again, _) = import(&fixture("kobo.csv"), dir.path());
    assert!(
        again.contains("submissions: 0 written, 2 unchanged, 0 kept, 1 skipped"),
        "{again}"
    );
    assert!(again.contains("unchanged ") && again.contains("imported before, the same"));
    assert_eq!(snapshot(dir.path()), before, "not one byte changed");
}

#[test]
fn two_submissions_of_one_visit_keep_two_files() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = import(&fixture("two-visits.csv"), dir.path());
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("submissions: 2 written"), "{out}");
    assert_eq!(
        files(dir.path()),
        [
            "qendra-vatra-2026-11-02--c0ffee00-0000-4000-8000-000000000301.json",
            "qendra-vatra-2026-11-02--c0ffee00-0000-4000-8000-000000000302.json",
        ]
    );
    // A later export with another submission of that centre and day overwrites neither.
    let (_, out, _) = import(&fixture("duplicate-ids.csv"), dir.path());
    assert!(out.contains("1 written, 1 unchanged"), "{out}");
    assert_eq!(files(dir.path()).len(), 3);
    let inspectors: Vec<String> = files(dir.path())
        .iter()
        .map(|f| json(&dir.path().join(f))["assessment"]["name"].to_string())
        .collect();
    assert!(
        inspectors.iter().any(|n| n.contains("Besnik Leka")),
        "{inspectors:?}"
    );
}

/// Submission ids that a file name cannot hold apart (`日本` and `中国` have no letter a
/// file name keeps; `a_b` and `a b` are both `a-b`) are still two submissions: two files,
/// none skipped as a repeat, and importing again changes nothing.
#[test]
fn submissions_whose_ids_differ_only_in_what_a_file_name_drops_keep_a_file_each() {
    let dir = tempfile::tempdir().unwrap();
    let two = read(&fixture("two-visits.csv"));
    let mut lines: Vec<String> = two.lines().map(str::to_string).collect();
    let row = lines[1].clone();
    let id = "c0ffee00-0000-4000-8000-000000000301";
    lines.truncate(1);
    for other in ["日本", "中国", "a_b", "a b", "A_B"] {
        lines.push(row.replace(id, other));
    }
    let csv = dir.path().join("ids.csv");
    std::fs::write(&csv, lines.join("\n") + "\n").unwrap();
    let out_dir = dir.path().join("out");
    let (code, out, err) = import(&csv, &out_dir);
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains("again"), "no row is a repeat:\n{err}");
    assert!(out.contains("submissions: 5 written"), "{out}\n{err}");
    assert_eq!(files(&out_dir).len(), 5, "{:?}", files(&out_dir));
    let (_, out, _) = import(&csv, &out_dir);
    assert!(out.contains("0 written, 5 unchanged"), "{out}");
    // An id a file name holds whole keeps its name (the files of earlier imports).
    let (_, _, _) = import(&fixture("two-visits.csv"), &out_dir);
    assert!(
        files(&out_dir).contains(&format!("qendra-vatra-2026-11-02--{id}.json")),
        "{:?}",
        files(&out_dir)
    );
}

#[test]
fn a_submission_twice_in_one_export_is_reported_and_written_once() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = import(&fixture("duplicate-ids.csv"), dir.path());
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("duplicate-ids.csv:4:15: warning: row 4: expected each submission once, found submission c0ffee00-0000-4000-8000-000000000301 again (first in row 2); the row is skipped"),
        "{err}"
    );
    assert!(
        out.contains("submissions: 2 written, 0 unchanged, 0 kept, 1 skipped"),
        "{out}"
    );
    assert_eq!(files(dir.path()).len(), 2);
}

#[test]
fn an_edited_file_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    import(&fixture("two-visits.csv"), dir.path());
    let f = dir
        .path()
        .join("qendra-vatra-2026-11-02--c0ffee00-0000-4000-8000-000000000301.json");
    let edited = read(&f).replace(
        "\"plan\": []",
        "\"plan\": [{\"criterion\": \"S1.1\", \"action\": \"Afishimi\"}]",
    );
    std::fs::write(&f, &edited).unwrap();
    let (_, out, err) = import(&fixture("two-visits.csv"), dir.path());
    assert!(
        err.contains("two-visits.csv:2:15: warning: row 2: submission c0ffee00-0000-4000-8000-000000000301 was imported before into"),
        "{err}"
    );
    assert!(
        err.contains("and that file differs now; it is kept as it is"),
        "{err}"
    );
    assert!(out.contains("0 written, 1 unchanged, 1 kept"), "{out}");
    assert_eq!(read(&f), edited);
}

#[test]
fn a_one_megabyte_note_is_cut_with_a_warning_and_the_visit_kept() {
    let dir = tempfile::tempdir().unwrap();
    let csv = read(&fixture("two-visits.csv"));
    let mut lines: Vec<String> = csv.split("\r\n").map(str::to_string).collect();
    let note = "Shënim i gjatë. ".repeat(65_536); // 1 MiB of text
    lines[1] = lines[1].replacen("yes,yes,,", &format!("yes,yes,\"{note}\","), 1);
    // And a centre name that would make the assessment's name too long.
    let centre = "Qendra ".repeat(40);
    lines[2] = lines[2].replacen("Qendra Vatra", centre.trim(), 1);
    let long = dir.path().join("long.csv");
    std::fs::write(&long, lines.join("\r\n")).unwrap();
    let out_dir = dir.path().join("out");
    let (code, out, err) = import(&long, &out_dir);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("long.csv:2:7: warning: row 2: expected an answer of at most 10000 characters (column S1/S1_1_note), found 1048575; cut to 10000"),
        "{err}"
    );
    assert!(
        err.contains("long.csv:3:1: warning: row 3: expected an answer of at most 200 characters (column centre), found 279; cut to 200"),
        "{err}"
    );
    assert!(
        err.contains("long.csv:3:3: warning: row 3: expected the assessment's name (centre — date — inspector) of at most 200 characters"),
        "{err}"
    );
    assert!(out.contains("submissions: 2 written"), "{out}");
    let (hb, _) = doracak::check(&fixtures().join("minimal"));
    let hb = hb.unwrap();
    for f in files(&out_dir) {
        let text = read(&out_dir.join(&f));
        let checked = doracak::assessment::read(&text, &hb);
        assert!(checked.problems.is_empty(), "{f}: {:?}", checked.problems);
        assert!(f.len() < 140, "{f}");
    }
}

#[test]
fn a_windows_1250_export_is_read_and_a_doubtful_one_refused_with_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = import(&fixture("windows-1250.csv"), dir.path());
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("windows-1250.csv: warning: expected UTF-8 text, found windows-1250; read as windows-1250"),
        "{err}"
    );
    assert!(err.contains("CSV UTF-8"), "{err}");
    assert!(out.contains("submissions: 2 written"), "{out}");
    let f = dir
        .path()
        .join("centar-durdevac-2026-11-07--c0ffee00-0000-4000-8000-000000000402.json");
    let v = json(&f);
    assert_eq!(
        v["assessment"]["name"],
        "Centar Đurđevac — 2026-11-07 — Ivana Čačić"
    );
    assert_eq!(v["ratings"]["S1.1"]["note"], "Šef smjene je odsutan.");
    let tirane = files(dir.path())
        .into_iter()
        .find(|f| f.starts_with("qendra-tirane"))
        .unwrap();
    assert_eq!(
        json(&dir.path().join(tirane))["ratings"]["S1.1"]["note"],
        "Çështja u zgjidh."
    );

    // A byte that is "è" in Windows-1252 and "č" in Windows-1250: not clear, refused.
    let doubtful = dir.path().join("doubtful.csv");
    let bytes = std::fs::read(fixture("two-visits.csv")).unwrap();
    let text = String::from_utf8(bytes)
        .unwrap()
        .replace("Besnik Leka", "Besnik Lek\u{1}");
    let mut bytes = text.into_bytes();
    let at = bytes.iter().position(|b| *b == 1).unwrap();
    bytes[at] = 0xE8;
    std::fs::write(&doubtful, bytes).unwrap();
    let (code, _, err) = import(&doubtful, &dir.path().join("out"));
    assert_eq!(code, Some(1));
    assert!(
        err.contains("doubtful.csv:3:3: error: row 3: expected UTF-8 text, found bytes of another encoding that is not clearly Windows-1250 or Windows-1252"),
        "{err}"
    );
    assert!(
        err.contains("hint: save the file again as \"CSV UTF-8"),
        "{err}"
    );
    assert!(!dir.path().join("out").exists());
}

#[test]
fn one_centre_typed_three_ways_stays_one_centre() {
    let root = minimal_copy();
    let toml = root.path().join("doracak.toml");
    let mut text = read(&toml);
    text.push_str("\n[[centres]]\nid = \"tirana-1\"\nname = \"Qendra Tiranë 1\"\nmunicipality = \"Tiranë\"\nkind = \"shelter\"\n");
    std::fs::write(&toml, text).unwrap();
    let out = root.path().join("visits");
    let (code, said, err) = import_in(root.path(), &fixture("name-variants.csv"), &out);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        said.contains("centre \"Qendra Tiranë 1\": also written \"Qendra  Tiranë 1\", \"qendra tirane 1\", counted as one centre"),
        "{said}"
    );
    let names = files(&out);
    assert_eq!(names.len(), 3);
    assert!(
        names.iter().all(|n| n.starts_with("tirana-1-2026-")),
        "{names:?}"
    );
    for n in &names {
        assert_eq!(
            json(&out.join(n))["assessment"]["centre"],
            "Qendra Tiranë 1"
        );
    }

    // Without the declaration the variants still merge, under the first spelling.
    let plain = tempfile::tempdir().unwrap();
    let (_, said, _) = import(&fixture("name-variants.csv"), plain.path());
    assert!(
        said.contains("centre \"Qendra Tiranë 1\": also written"),
        "{said}"
    );
    // Files typed by hand (or imported before) with the variants: `aggregate` counts them
    // as one centre too, its latest visit in the matrix, the others in its trend.
    let paths: Vec<String> = files(plain.path())
        .iter()
        .zip(["Qendra Tiranë 1", "Qendra  Tiranë 1", "qendra tirane 1"])
        .map(|(f, typed)| {
            let p = plain.path().join(f);
            let mut v = json(&p);
            v["assessment"]["centre"] = typed.into();
            std::fs::write(&p, v.to_string()).unwrap();
            p.to_string_lossy().into_owned()
        })
        .collect();
    let report = plain.path().join("cmp");
    let mut args = vec![
        "--root".to_string(),
        fixtures().join("minimal").to_string_lossy().into_owned(),
        "aggregate".into(),
    ];
    args.extend(paths);
    args.extend(["--out".to_string(), report.to_string_lossy().into_owned()]);
    let o = doracak(&args.iter().map(String::as_str).collect::<Vec<_>>());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("warning: centre \"Qendra Tiranë 1\": also written \"Qendra  Tiranë 1\", \"qendra tirane 1\", counted as one centre"),
        "{err}"
    );
    let csv = read(&report.join("krahasimi.csv"));
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(rows.len(), 3, "{csv}");
    assert!(
        rows.iter().all(|r| r.starts_with("Qendra Tiranë 1;")),
        "{csv}"
    );
    let html = read(&report.join("krahasimi.html"));
    assert!(html.contains("chart-trend-0"), "its trend");
    assert!(!html.contains("chart-trend-1"), "one centre, one trend");
}

#[test]
fn a_visit_imported_by_an_earlier_version_is_not_written_twice() {
    let dir = tempfile::tempdir().unwrap();
    let expected = fixtures().join("submissions/expected");
    // What doracak wrote before files were named by submission id.
    std::fs::copy(
        expected.join("qendra-vatra-vlore-2026-10-05--5a1e1c52-7d6a-4f0e-9a4b-1f0f6d1e2a01.json"),
        dir.path().join("qendra-vatra-vlore-2026-10-05.json"),
    )
    .unwrap();
    let (_, out, _) = import(&fixture("kobo.csv"), dir.path());
    assert!(out.contains("unchanged"), "{out}");
    assert!(
        out.contains("qendra-vatra-vlore-2026-10-05.json (row 2)"),
        "{out}"
    );
    assert!(out.contains("submissions: 1 written, 1 unchanged"), "{out}");
    assert_eq!(files(dir.path()).len(), 2);
}

/// What a person does to an imported visit: rates a criterion again, adds a plan row, gives
/// it another name and a later `updated` (as the browser's export writes it).
fn edit_as_a_person(path: &Path) -> String {
    let mut v = json(path);
    v["assessment"]["name"] = "Vizita e korrikut (rishikuar)".into();
    v["assessment"]["updated"] = "2026-12-01T09:30:00Z".into();
    v["ratings"]["S1.1"]["rating"] = "not_met".into();
    v["plan"] = serde_json::json!([{"criterion": "S1.1", "action": "Afishimi i rregullores"}]);
    let text = serde_json::to_string_pretty(&v).unwrap() + "\n";
    std::fs::write(path, &text).unwrap();
    text
}

/// Import `csv` once, then give its files the names an earlier doracak gave (centre and
/// date, `-2` for the second visit of that centre and day), in export order.
fn as_the_earlier_doracak_named_them(csv: &Path, dir: &Path) -> Vec<PathBuf> {
    import(csv, dir);
    let mut by_row: Vec<(String, String)> = files(dir)
        .into_iter()
        .map(|f| (json(&dir.join(&f))["assessment"]["name"].to_string(), f))
        .collect();
    // Arta Hoxha's visit is row 2, Besnik Leka's row 3.
    by_row.sort();
    by_row
        .iter()
        .enumerate()
        .map(|(i, (_, f))| {
            let old = dir.join(if i == 0 {
                "qendra-vatra-2026-11-02.json".to_string()
            } else {
                format!("qendra-vatra-2026-11-02-{}.json", i + 1)
            });
            std::fs::rename(dir.join(f), &old).unwrap();
            old
        })
        .collect()
}

#[test]
fn an_edited_file_of_the_old_naming_is_recognised_and_kept() {
    // With the submission time in the export (Kobo's `_submission_time`): the file whose
    // `created` is that time is the submission's, whatever its position.
    let dir = tempfile::tempdir().unwrap();
    let old = as_the_earlier_doracak_named_them(&fixture("two-visits.csv"), dir.path());
    let edited: Vec<String> = old.iter().map(|p| edit_as_a_person(p)).collect();
    // A file of the old naming that is no import of this export: the person's own.
    let own = dir.path().join("qendra-vatra-2026-11-02-3.json");
    let mut mine = json(&old[0]);
    mine["assessment"]["created"] = "2026-11-01T08:00:00Z".into();
    std::fs::write(&own, serde_json::to_string_pretty(&mine).unwrap()).unwrap();
    let own_bytes = std::fs::read(&own).unwrap();
    let (code, out, err) = import(&fixture("two-visits.csv"), dir.path());
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("submissions: 0 written, 0 unchanged, 2 kept, 0 skipped"),
        "{out}\n{err}"
    );
    assert!(
        err.contains(
            "row 2: submission c0ffee00-0000-4000-8000-000000000301 was imported before into"
        ) && err.contains(
            "qendra-vatra-2026-11-02.json, and that file differs now; it is kept as it is"
        ),
        "{err}"
    );
    assert!(
        err.contains("qendra-vatra-2026-11-02-2.json, and that file differs now"),
        "{err}"
    );
    assert_eq!(files(dir.path()).len(), 3, "{:?}", files(dir.path()));
    for (p, text) in old.iter().zip(&edited) {
        assert_eq!(&read(p), text, "the person's edits are kept");
    }
    assert_eq!(std::fs::read(&own).unwrap(), own_bytes);

    // Without a submission time, `created` is the visit's date for both visits: the
    // position decides (row 2 → `…-2026-11-02.json`, row 3 → `…-2.json`).
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("no-time.csv");
    let no_time: String = read(&fixture("two-visits.csv"))
        .lines()
        .map(|l| l.rsplit_once(',').unwrap().0.to_string() + "\n")
        .collect();
    std::fs::write(&csv, no_time).unwrap();
    let out_dir = dir.path().join("vizitat");
    std::fs::create_dir(&out_dir).unwrap();
    let old = as_the_earlier_doracak_named_them(&csv, &out_dir);
    let edited: Vec<String> = old.iter().map(|p| edit_as_a_person(p)).collect();
    let (_, out, err) = import(&csv, &out_dir);
    assert!(
        out.contains("submissions: 0 written, 0 unchanged, 2 kept"),
        "{out}\n{err}"
    );
    assert_eq!(files(&out_dir).len(), 2);
    for (p, text) in old.iter().zip(&edited) {
        assert_eq!(&read(p), text);
    }
}
