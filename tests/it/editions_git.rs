//! Editions from git: the previous edition named as a revision of the repository holding the
//! handbook (`doracak diff git:v2024`, `previous = "git:v2024"`), read from git's objects
//! without touching the work tree.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common::*;

/// Hostile and careless git editions: each is said, located, and nothing is left behind.
mod attacks;
/// A bad `previous` in `build` and `serve`: every error at its own path; stale temporary
/// folders swept as any command that reads editions starts.
mod said;

/// Run git in `dir`; panics when it fails.
pub(crate) fn git(dir: &Path, args: &[&str]) -> String {
    let o = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        o.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A repository whose folder `handbook/` held the old fixture edition at tag `v2024`, and
/// whose work tree holds the new one, not committed. Returns (repository, handbook folder).
pub(crate) fn repository() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let hb = dir.path().join("handbook");
    copy_tree(&fixtures().join("editions/old"), &hb);
    std::fs::write(dir.path().join("README.txt"), "not the handbook\n").unwrap();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "Botimi 2024"]);
    git(dir.path(), &["tag", "v2024"]);
    std::fs::remove_dir_all(&hb).unwrap();
    copy_tree(&fixtures().join("editions/new"), &hb);
    (dir, hb)
}

/// (kind, change, id, old id) of every change of a diff's JSON.
fn changes(d: &serde_json::Value) -> Vec<(String, String, String, String)> {
    let s = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
    let mut v: Vec<_> = d["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (s(&c["kind"]), s(&c["change"]), s(&c["id"]), s(&c["old_id"])))
        .collect();
    v.sort();
    v
}

/// Every file of the repository, its work tree and `.git` alike, with a digest of its bytes.
fn work_tree(repo: &Path) -> Vec<(PathBuf, usize, u64)> {
    use std::hash::{Hash, Hasher};
    snapshot(repo)
        .into_iter()
        .map(|(p, bytes)| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            bytes.hash(&mut h);
            (p, bytes.len(), h.finish())
        })
        .collect()
}

#[test]
fn diff_reads_the_old_edition_from_a_git_revision_without_touching_the_work_tree() {
    let (dir, hb) = repository();
    let before = work_tree(dir.path());
    let o = doracak(&[
        "--root",
        hb.to_str().unwrap(),
        "diff",
        "git:v2024",
        "--json",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let d: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    // The same differences as from the old edition's folder.
    let folder = super::editions::diff_json();
    assert_eq!(changes(&d), changes(&folder));
    assert_eq!(d["old"]["catalog"], folder["old"]["catalog"]);
    assert_eq!(d["old"]["edition"], "Botimi 2024");
    // A revision by another name (a commit) reads the same.
    let o = doracak(&["--root", hb.to_str().unwrap(), "diff", "git:HEAD", "--json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let d: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(changes(&d), changes(&folder));
    assert_eq!(
        work_tree(dir.path()),
        before,
        "the work tree, the index and the repository are as they were"
    );
    assert!(git(dir.path(), &["status", "--porcelain"]).contains(" M handbook/doracak.toml"));
}

#[test]
fn previous_as_a_git_revision_builds_the_changes_page_and_maps_assessments() {
    let (dir, hb) = repository();
    let toml = hb.join("doracak.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, format!("previous = \"git:v2024\"\n{text}")).unwrap();
    let out = dir.path().join("out-site");
    let o = doracak(&[
        "--root",
        hb.to_str().unwrap(),
        "build",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let page = read(&out.join("ndryshimet.html"));
    assert!(page.contains("<h1>Çfarë ndryshoi që nga Botimi 2024</h1>"));
    assert!(page.contains("brenda 30 ditëve → brenda 30 ditëve pune"));
    assert!(read(&out.join("S1.html")).contains("ndryshimet.html#d-criterion-S1-2"));
    // The report maps an assessment of the revision's edition, as from a folder.
    let report = dir.path().join("raport.html");
    let file = fixtures().join("editions/assessments/qendra-botimi-2024.json");
    let o = doracak(&[
        "--root",
        hb.to_str().unwrap(),
        "report",
        file.to_str().unwrap(),
        "--out",
        report.to_str().unwrap(),
        "--site",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        super::editions::carry_lists(&read(&report)),
        super::editions::expected_carry()
    );
}

fn without_git(args: &[&str]) -> Output {
    let empty = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_doracak"))
        .args(args)
        .env("PATH", empty.path())
        .output()
        .expect("the doracak binary runs")
}

#[test]
fn an_unknown_revision_a_missing_git_and_no_repository_are_said() {
    let (dir, hb) = repository();
    let root = hb.to_str().unwrap();
    let o = doracak(&["--root", root, "diff", "git:v2030"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    let top = dir.path().canonicalize().unwrap();
    assert!(
        err.contains(&format!(
            "git:v2030: error: expected \"v2030\" to name a commit of the git repository at {}, found none",
            top.display()
        )),
        "{err}"
    );
    // git is there: the hint lists the revisions, it does not ask to install git.
    assert!(
        err.contains(
            "hint: list the revisions there are with git tag, git branch -a or git log --oneline"
        ),
        "{err}"
    );
    assert!(!err.contains("install git"), "{err}");
    let o = without_git(&["--root", root, "diff", "git:v2024"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(
            "git:v2024: error: expected the program `git` to read the edition \"git:v2024\", found none on PATH"
        ) && err.contains("hint: install git"),
        "{err}"
    );
    // `previous` naming a revision is checked with the handbook, said at doracak.toml.
    let toml = hb.join("doracak.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, format!("previous = \"git:v2030\"\n{text}")).unwrap();
    let o = doracak(&["--root", root, "check"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("doracak.toml: error: expected \"v2030\" to name a commit")
            && err.contains("hint: list the revisions there are with git tag")
            && !err.contains("install git"),
        "{err}"
    );
    // A revision that names a file, not a commit: said as such.
    let o = doracak(&["--root", root, "diff", "git:v2024:handbook/doracak.toml"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("error: expected \"v2024:handbook/doracak.toml\" to name a commit of the git repository at ")
            && err.contains(", found a blob")
            && err.contains("hint: name a commit, or a tag or branch of one")
            && !err.contains("install git"),
        "{err}"
    );
    // A handbook outside any repository.
    let plain = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("editions/new"), plain.path());
    let o = doracak(&[
        "--root",
        plain.path().to_str().unwrap(),
        "diff",
        "git:v2024",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("error: expected the handbook to be in a git repository to read the edition \"git:v2024\", found none at")
            && err.contains("hint: name the previous edition's handbook folder instead")
            && !err.contains("install git"),
        "{err}"
    );
}

#[test]
fn errors_of_an_old_revision_are_said_at_the_revision_and_path() {
    let (dir, hb) = repository();
    // Commit an old edition with a mistake, then put the new one back.
    git(dir.path(), &["checkout", "-q", "v2024", "--", "handbook"]);
    let file = hb.join("standards/01-qellimi.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("number: 2\n", "number: two\n", 1)).unwrap();
    git(dir.path(), &["commit", "-q", "-am", "broken"]);
    git(dir.path(), &["tag", "broken"]);
    std::fs::remove_dir_all(&hb).unwrap();
    copy_tree(&fixtures().join("editions/new"), &hb);
    let o = doracak(&["--root", hb.to_str().unwrap(), "diff", "git:broken"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("broken:handbook/standards/01-qellimi.yaml:15:13: error: expected a whole number, found `two`"),
        "{err}"
    );
}
