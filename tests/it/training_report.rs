//! `doracak training-report`: the staff training roster from exported training files, and
//! the refusal of files that do not pass, at the line and column of each problem.

use std::path::Path;

use crate::common::*;

fn fixture(name: &str) -> String {
    fixtures()
        .join("training")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn run(root: &Path, out: &Path, files: &[&str], extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "--root",
        root.to_str().unwrap(),
        "training-report",
        "--out",
        out.to_str().unwrap(),
        "--today",
        "2026-11-29",
    ];
    args.extend_from_slice(extra);
    let paths: Vec<String> = files.iter().map(|f| fixture(f)).collect();
    args.extend(paths.iter().map(String::as_str));
    doracak(&args)
}

/// The CSV's rows (after the header), unsplit (Albanian writes decimals with a comma, so
/// the roster parts its fields with `;`).
fn csv_rows(path: &Path) -> Vec<String> {
    let text = read(path);
    let text = text.strip_prefix('\u{feff}').unwrap();
    text.split("\r\n")
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn the_roster_lists_every_record_once_and_who_is_due_a_refresher() {
    let dir = minimal_copy();
    let out = dir.path().join("roster");
    let o = run(dir.path(), &out, &["a.json", "b.json"], &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = read(&out.join("regjistri-i-trajnimit.html"));
    let rows = csv_rows(&out.join("regjistri-i-trajnimit.csv"));
    // t3 is in both files: once in the roster.
    assert_eq!(rows.len(), 5, "{rows:?}");
    let due: Vec<&String> = rows.iter().filter(|r| r.ends_with(";Po")).collect();
    // Only Besnik's training of 2025-06-30 is a year old today; Ana's older record of the
    // same procedure is superseded by her newer one.
    assert_eq!(due.len(), 1, "{rows:?}");
    assert!(due[0].starts_with("Besnik Krasniqi;Procedura;identifikimi-formal;"));
    assert!(due[0].contains(";2025-06-30;20/32;Po;2024;2026-06-30;"));
    // A name a spreadsheet would take for a formula stays text; commas and quotes stay in
    // their cell.
    assert!(
        rows.iter().any(|r| r
            .starts_with("'=Drita Leka;Procedura;pranimi;\"Pranimi, hapi 1, \"\"i shpejtë\"\"\";")),
        "{rows:?}"
    );
    assert!(html.contains("Regjistri i trajnimit të stafit"));
    assert!(html.contains("Besnik Krasniqi") && html.contains("Punonjësi social"));
    assert!(html.contains("(çdo 12 muaj)") && html.contains("2026-11-29"));
    assert!(!html.contains("<script"));
}

#[test]
fn the_refresher_period_comes_from_the_command_line_or_doracak_toml() {
    let dir = minimal_copy();
    let out = dir.path().join("six");
    let o = run(
        dir.path(),
        &out,
        &["a.json", "b.json"],
        &["--refresher-months", "6"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let due = csv_rows(&out.join("regjistri-i-trajnimit.csv"))
        .into_iter()
        .filter(|r| r.ends_with(";Po"))
        .count();
    assert_eq!(
        due, 2,
        "Ana's training of 2026-02-15 is due after six months"
    );

    let toml = dir.path().join("doracak.toml");
    std::fs::write(&toml, format!("refresher_months = 2\n{}", read(&toml))).unwrap();
    let out = dir.path().join("two");
    let o = run(dir.path(), &out, &["a.json", "b.json"], &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let due = csv_rows(&out.join("regjistri-i-trajnimit.csv"))
        .into_iter()
        .filter(|r| r.ends_with(";Po"))
        .count();
    assert_eq!(due, 3);
    assert!(read(&out.join("regjistri-i-trajnimit.html")).contains("(çdo 2 muaj)"));
}

#[test]
fn invalid_files_are_refused_with_every_problem_at_its_line_and_column() {
    let dir = minimal_copy();
    let out = dir.path().join("roster");
    let o = run(
        dir.path(),
        &out,
        &[
            "a.json",
            "bad-syntax.json",
            "bad-fields.json",
            "duplicate-key.json",
            "newer.json",
            "assessment.json",
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    for expected in [
        "bad-syntax.json:6:34: error: expected a JSON training file, found trailing comma",
        "bad-fields.json:6:34: error: records[0].date: expected a date YYYY-MM-DD that exists, found \"2025-02-30\"",
        "bad-fields.json:6:106: error: records[0].score: expected a whole number of right answers from 0 to the total, found 5",
        "bad-fields.json:7:197: error: records[1]: expected only the fields id, name, date, kind, subject, title, score, total, understood, edition, saved, content, found \"grade\"",
        "bad-fields.json:7:7: error: records[1].id: expected each id once, found \"t1\" again (first in records[0])",
        "bad-fields.json:7:19: error: records[1].name: expected a name of 1 to 200 characters, found \"\"",
        "bad-fields.json:7:53: error: records[1].kind: expected \"procedure\" or \"role\", found \"course\"",
        "bad-fields.json:7:124: error: records[1].understood: expected true or false, found \"yes\"",
        "duplicate-key.json:6:11: error: expected each key once in an object, found \"records\" twice",
        "newer.json:3:3: error: expected \"version\": 1, found 99, from a newer doracak",
        "assessment.json:1:1: error: expected \"format\": \"doracak-training\", found nothing",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    assert!(!out.exists(), "nothing is written when a file is refused");
}

#[test]
fn a_bad_today_is_a_usage_error() {
    let dir = minimal_copy();
    let o = doracak(&[
        "--root",
        dir.path().to_str().unwrap(),
        "training-report",
        "--today",
        "2026-02-30",
        &fixture("a.json"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--today"));
}
