//! Issue 24: the commands that write files (`report`, `aggregate`, `training-report`,
//! `diff`, `import-submissions`, `synth`) never write over a file a person has at the
//! output path, unless doracak wrote it and nobody changed it since, or the person asks
//! with `--force` (docs/output.md); and a write is atomic: a process killed at the last
//! instant leaves the old file whole.

use std::path::{Path, PathBuf};

use crate::common::*;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn err(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn assessment(dir: &Path, name: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::copy(fixtures().join("assessments/qendra-a.json"), &p).unwrap();
    p
}

fn minimal() -> String {
    fixtures().join("minimal").to_str().unwrap().to_string()
}

#[test]
fn report_never_writes_over_a_persons_file() {
    let dir = tempfile::tempdir().unwrap();
    let a = assessment(dir.path(), "a.json");
    // The default output, a.html, is a person's file.
    let mine = dir.path().join("a.html");
    std::fs::write(&mine, "my notes").unwrap();
    let o = doracak(&["--root", &minimal(), "report", s(&a)]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(
        err(&o).contains(&format!(
            "{}: error: expected no file there or a file doracak wrote and nobody changed since, found a file doracak did not write (8 bytes, changed ",
            mine.display()
        )),
        "{}",
        err(&o)
    );
    assert!(err(&o).contains("--force"), "{}", err(&o));
    assert_eq!(read(&mine), "my notes");

    // A report doracak wrote is replaced by the next run …
    let r = dir.path().join("r.html");
    for _ in 0..2 {
        let o = doracak(&["--root", &minimal(), "report", s(&a), "--out", s(&r)]);
        assert!(o.status.success(), "{}", err(&o));
    }
    // … until a person changes it.
    let mut edited = read(&r);
    edited.push_str("<!-- my remark -->");
    std::fs::write(&r, &edited).unwrap();
    let o = doracak(&["--root", &minimal(), "report", s(&a), "--out", s(&r)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("found a file changed since doracak wrote it"),
        "{}",
        err(&o)
    );
    assert_eq!(read(&r), edited);

    // --force replaces it.
    let o = doracak(&["--root", &minimal(), "report", s(&a), "--force"]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(read(&mine).contains("<html"));
    // No temporary file is left.
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("doracak-tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn report_never_replaces_a_link_nor_writes_through_it() {
    let dir = tempfile::tempdir().unwrap();
    let a = assessment(dir.path(), "a.json");
    let elsewhere = dir.path().join("elsewhere.txt");
    std::os::unix::fs::symlink(&elsewhere, dir.path().join("a.html")).unwrap();
    let o = doracak(&["--root", &minimal(), "report", s(&a)]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(err(&o).contains("found a link to"), "{}", err(&o));
    assert!(!elsewhere.exists());
}

#[test]
fn aggregate_writes_all_four_files_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let a = assessment(dir.path(), "a.json");
    let b = dir.path().join("b.json");
    std::fs::copy(fixtures().join("assessments/qendra-b.json"), &b).unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let mine = out.join("krahasimi.xlsx");
    std::fs::write(&mine, "a workbook of my own").unwrap();
    let root = minimal();
    let run = |extra: &[&str]| {
        let mut args = vec!["--root", root.as_str(), "aggregate", s(&a), s(&b)];
        args.extend(["--out", s(&out)]);
        args.extend(extra);
        doracak(&args)
    };
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(
        err(&o).contains(&format!(
            "{}: error: expected no file there or a file doracak wrote and nobody changed since, found a file doracak did not write",
            mine.display()
        )),
        "{}",
        err(&o)
    );
    // Nothing of the command was written.
    let names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["krahasimi.xlsx"]);
    assert_eq!(read(&mine), "a workbook of my own");

    std::fs::remove_file(&mine).unwrap();
    for _ in 0..2 {
        let o = run(&[]);
        assert!(o.status.success(), "{}", err(&o));
    }
    // A changed CSV is a person's now.
    let csv = out.join("krahasimi.csv");
    std::fs::write(&csv, "my,own\r\n").unwrap();
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("found a file changed since doracak wrote it"));
    assert_eq!(read(&csv), "my,own\r\n");
    let o = run(&["--force"]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(read(&csv).contains("Qendra A"));
}

#[test]
fn training_report_and_diff_keep_a_persons_file() {
    let dir = minimal_copy();
    let out = dir.path().join("roster");
    std::fs::create_dir(&out).unwrap();
    let mine = out.join("regjistri-i-trajnimit.csv");
    std::fs::write(&mine, "mine").unwrap();
    let t = fixtures().join("training/a.json");
    let o = doracak(&[
        "--root",
        s(dir.path()),
        "training-report",
        "--out",
        s(&out),
        "--today",
        "2026-11-29",
        s(&t),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(err(&o).contains("found a file doracak did not write"));
    assert_eq!(read(&mine), "mine");
    assert!(!out.join("regjistri-i-trajnimit.html").exists());

    let editions = fixtures().join("editions");
    let page = out.join("ndryshimet.html");
    std::fs::write(&page, "mine too").unwrap();
    let o = doracak(&[
        "--root",
        s(&editions.join("new")),
        "diff",
        s(&editions.join("old")),
        "--out",
        s(&out),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(
        err(&o).contains(&format!(
            "{}: error: expected no file there",
            page.display()
        )),
        "{}",
        err(&o)
    );
    assert_eq!(read(&page), "mine too");
}

#[test]
fn import_never_writes_through_a_link_at_a_submissions_place() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let file = fixtures().join("submissions/kobo.csv");
    let root = fixtures().join("minimal");
    let import = || {
        doracak(&[
            "--root",
            s(&root),
            "import-submissions",
            s(&file),
            "--out",
            s(&out),
        ])
    };
    import();
    // Replace one imported file by a link to a place that does not exist.
    let first = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .unwrap();
    std::fs::remove_file(&first).unwrap();
    let elsewhere = dir.path().join("elsewhere.json");
    std::os::unix::fs::symlink(&elsewhere, &first).unwrap();
    let o = import();
    assert!(!elsewhere.exists(), "written through the link");
    assert!(
        err(&o).contains("it is kept as it is"),
        "{}\n{}",
        err(&o),
        String::from_utf8_lossy(&o.stdout)
    );
}

#[test]
fn synth_writes_only_into_a_missing_or_empty_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("thesis.txt"), "mine").unwrap();
    let o = doracak(&[
        "--root",
        &minimal(),
        "synth",
        "--standards",
        "1",
        "--criteria",
        "1",
        "--out",
        s(dir.path()),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("error: expected a missing or empty folder, found a folder holding files"),
        "{}",
        err(&o)
    );
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1);
}

#[test]
fn a_write_killed_at_the_last_instant_leaves_the_old_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let control = tempfile::tempdir().unwrap();
    let a = assessment(dir.path(), "a.json");
    let r = dir.path().join("r.html");
    let o = doracak(&["--root", &minimal(), "report", s(&a), "--out", s(&r)]);
    assert!(o.status.success(), "{}", err(&o));
    let before = std::fs::read(&r).unwrap();
    // The next report differs (another date), and is killed just before it takes the
    // place of the first.
    std::fs::write(&a, read(&a).replace("Qendra A", "Qendra A2")).unwrap();
    let mut child = paused(
        "place",
        control.path(),
        &["--root", &minimal(), "report", s(&a), "--out", s(&r)],
    );
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(std::fs::read(&r).unwrap(), before, "the old report, whole");
    let tmp: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("doracak-tmp"))
        .collect();
    assert_eq!(tmp.len(), 1, "the killed process's new file is beside it");
    // The next run recognises the report as its own and removes what the killed one left.
    let o = doracak(&["--root", &minimal(), "report", s(&a), "--out", s(&r)]);
    assert!(o.status.success(), "{}", err(&o));
    assert_ne!(std::fs::read(&r).unwrap(), before);
    assert!(!tmp[0].exists());
}

#[test]
fn a_file_put_in_the_place_of_a_new_report_while_it_is_written_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let control = tempfile::tempdir().unwrap();
    let a = assessment(dir.path(), "a.json");
    let r = dir.path().join("r.html");
    let child = paused(
        "place",
        control.path(),
        &["--root", &minimal(), "report", s(&a), "--out", s(&r)],
    );
    std::fs::write(&r, "came in the meantime").unwrap();
    std::fs::write(control.path().join("resume"), "").unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(
        err(&o).contains("found a file put there while doracak was writing"),
        "{}",
        err(&o)
    );
    assert_eq!(read(&r), "came in the meantime");
}

#[test]
fn doracak_s_record_is_never_a_person_s_file_nor_an_output() {
    let dir = tempfile::tempdir().unwrap();
    let a = assessment(dir.path(), "a.json");
    // A person's own file of that name is kept, even with --force.
    let theirs = dir.path().join(".doracak-written");
    std::fs::write(&theirs, "mine").unwrap();
    let r = dir.path().join("r.html");
    let o = doracak(&[
        "--root",
        &minimal(),
        "report",
        s(&a),
        "--out",
        s(&r),
        "--force",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(
        err(&o).contains("found a file of another kind named .doracak-written beside it"),
        "{}",
        err(&o)
    );
    assert_eq!(read(&theirs), "mine");
    assert!(!r.exists());
    // The record is never an output.
    std::fs::remove_file(&theirs).unwrap();
    let o = doracak(&["--root", &minimal(), "report", s(&a), "--out", s(&r)]);
    assert!(o.status.success(), "{}", err(&o));
    let o = doracak(&[
        "--root",
        &minimal(),
        "report",
        s(&a),
        "--out",
        s(&theirs),
        "--force",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(
        err(&o).contains("found the name of doracak's own record .doracak-written"),
        "{}",
        err(&o)
    );
    assert!(read(&theirs).starts_with("doracak-written 1\n"));
}
