//! `serve` and the previous edition: a git revision that moves (a new commit on its branch, a
//! moved tag) rebuilds the site; when `previous` names another folder or a revision, the
//! server watches that and stops watching the old folder.

use std::path::Path;
use std::time::{Duration, Instant};

use super::{get, start, wait_until};
use crate::common::*;
use crate::editions_git::{git, repository};

/// The server's status: (build number, what of the previous edition it watches).
fn status(port: u16) -> (u64, Vec<String>) {
    let (_, body) = get(port, "/__doracak/status");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let watching = v["watching"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap().to_string())
        .collect();
    (v["version"].as_u64().unwrap(), watching)
}

fn changed_s1_1(port: u16) -> bool {
    get(port, "/ndryshimet.html")
        .1
        .contains("id=\"d-criterion-S1-1\"")
}

/// The old edition's criterion 1.1, edited in the handbook folder `hb`.
fn edit_s1_1(hb: &Path, words: &str) {
    let file = hb.join("standards/01-qellimi.yaml");
    let text = read(&file);
    let edited = text.replacen(
        "deklaratë të misionit",
        &format!("deklaratë të misionit {words}"),
        1,
    );
    assert_ne!(edited, text);
    std::fs::write(&file, edited).unwrap();
}

/// Do `action`, then wait for a build after it that makes `cond` hold (the build number
/// grows only once the new site is in place).
fn after(port: u16, what: &str, action: impl FnOnce(), mut cond: impl FnMut() -> bool) {
    let before = status(port).0;
    action();
    wait_until(what, || status(port).0 > before && cond());
}

/// No build for 2 s after `action` (a negative can only be bounded).
fn no_build(port: u16, why: &str, action: impl FnOnce()) {
    let before = status(port).0;
    action();
    let until = Instant::now() + Duration::from_millis(2000);
    while Instant::now() < until {
        assert_eq!(status(port).0, before, "{why}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn set_previous(hb: &Path, previous: &str) {
    let toml = hb.join("doracak.toml");
    let text = read(&toml);
    let rest: String = text
        .lines()
        .filter(|l| !l.starts_with("previous = "))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&toml, format!("previous = \"{previous}\"\n{rest}")).unwrap();
}

#[test]
fn a_git_revision_that_moves_rebuilds_the_site() {
    let (dir, hb) = repository();
    git(dir.path(), &["branch", "edition-2024", "v2024"]);
    set_previous(&hb, "git:edition-2024");
    let srv = start(&hb);
    assert!(!changed_s1_1(srv.port), "S1.1 is the same in both");
    // A new commit on the branch, made in another worktree (nothing of the handbook's own
    // work tree changes, so no file event tells the server).
    let wt = dir.path().join("wt");
    git(
        dir.path(),
        &[
            "worktree",
            "add",
            "-q",
            wt.to_str().unwrap(),
            "edition-2024",
        ],
    );
    edit_s1_1(&wt.join("handbook"), "të miratuar");
    let mut amended = String::new();
    after(
        srv.port,
        "the new commit on the branch to show",
        || {
            git(&wt, &["commit", "-q", "-am", "S1.1 amended"]);
            amended = git(&wt, &["rev-parse", "HEAD"]).trim().to_string();
        },
        || changed_s1_1(srv.port),
    );
    assert_eq!(
        status(srv.port).1,
        vec![format!("git:edition-2024 {amended}")]
    );
    // A tag: named, then moved to the amended commit.
    after(
        srv.port,
        "the tag's edition to be the previous one",
        || set_previous(&hb, "git:v2024"),
        || !changed_s1_1(srv.port),
    );
    after(
        srv.port,
        "the moved tag to show",
        || {
            git(dir.path(), &["tag", "-f", "v2024", &amended]);
        },
        || changed_s1_1(srv.port),
    );
    assert_eq!(status(srv.port).1, vec![format!("git:v2024 {amended}")]);
    // Nothing moves: no rebuild at the polls.
    no_build(srv.port, "rebuilt with nothing changed", || {});
}

#[test]
fn serve_follows_previous_from_folder_to_folder_to_revision() {
    let (dir, hb) = repository();
    copy_tree(&fixtures().join("editions/old"), &dir.path().join("old"));
    copy_tree(&fixtures().join("editions/old"), &dir.path().join("old2"));
    let old = dir.path().join("old").canonicalize().unwrap();
    let old2 = dir.path().join("old2").canonicalize().unwrap();
    set_previous(&hb, "../old");
    let srv = start(&hb);
    let watches = |d: &Path| {
        status(srv.port)
            .1
            .iter()
            .any(|w| Path::new(w).starts_with(d))
    };
    assert!(watches(&old), "{:?}", status(srv.port).1);
    // Another folder: the server watches it, and no longer the first.
    after(
        srv.port,
        "the server to watch old2",
        || set_previous(&hb, "../old2"),
        || watches(&old2) && !watches(&old),
    );
    after(
        srv.port,
        "old2's change to show",
        || edit_s1_1(&old2, "të miratuar"),
        || changed_s1_1(srv.port),
    );
    // The first folder changes: nothing is rebuilt.
    no_build(
        srv.port,
        "a change in the folder no longer named rebuilt the site",
        || edit_s1_1(&old, "të tjetër"),
    );
    // A git revision: no folder is watched, the revision is.
    let tag = git(dir.path(), &["rev-parse", "v2024^{commit}"])
        .trim()
        .to_string();
    after(
        srv.port,
        "the server to watch the revision only",
        || set_previous(&hb, "git:v2024"),
        || status(srv.port).1 == vec![format!("git:v2024 {tag}")] && !changed_s1_1(srv.port),
    );
    no_build(srv.port, "old2 is still watched", || {
        edit_s1_1(&old2, "sërish")
    });
}
