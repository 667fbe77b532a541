//! Git editions attacked as a careless and a hostile user would: revisions that are options,
//! empty or malformed; trees holding `..` paths, links out of the handbook, submodules, a
//! 300 MB blob and names that are not UTF-8; a shallow or partial clone that lacks what is
//! named; another repository named by `GIT_DIR`; two builds at once and a kill mid-read.
//! Every case is one located sentence, never a panic, and no temporary folder outlives its
//! process for long.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use super::{git, repository};
use crate::common::*;

fn fails(o: &Output) -> String {
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

fn set_previous(hb: &Path, previous: &str) {
    let toml = hb.join("doracak.toml");
    let text = read(&toml);
    std::fs::write(&toml, format!("previous = {previous:?}\n{text}")).unwrap();
}

#[test]
fn revisions_that_are_options_empty_or_malformed_are_refused_before_git_runs() {
    let (dir, hb) = repository();
    let root = hb.to_str().unwrap();
    let marker = dir.path().join("pwned");
    let hostile = format!("--upload-pack=touch {}", marker.display());
    for rev in [
        hostile.as_str(),
        "-",
        "--output=/tmp/x",
        "",
        " ",
        "v2024 --all",
        "v2024\n--all",
    ] {
        let spec = format!("git:{rev}");
        let err = fails(&doracak(&["--root", root, "diff", &spec]));
        // A control character in the place an error names is written escaped, never raw
        // to the terminal (session 43's attack on messages).
        let shown = spec.replace('\n', "\\u{a}");
        assert!(
            err.contains(&format!(
                "{shown}: error: expected a git revision after \"git:\" (a tag, branch or commit), found {rev:?}"
            )),
            "{err}"
        );
        // The hint never repeats the revision as a command to paste.
        assert!(
            err.contains("hint: name a tag, branch or commit after \"git:\""),
            "{err}"
        );
        assert!(!err.contains("git worktree add"), "{err}");
    }
    // The same in doracak.toml, said there by `check` and `build`.
    set_previous(&hb, &format!("git:{hostile}"));
    for cmd in ["check", "build"] {
        let err = fails(&doracak(&["--root", root, cmd]));
        assert!(
            err.contains("doracak.toml: error: expected a git revision after \"git:\""),
            "{err}"
        );
    }
    assert!(!marker.exists(), "git ran the option");
    // Revisions that name no commit are said as such: a tree, a path, an unknown reflog.
    for rev in ["v2024^{tree}", "v2024:handbook", "@{-1}"] {
        let err = fails(&doracak(&["--root", root, "diff", &format!("git:{rev}")]));
        assert!(
            err.contains(&format!("error: expected {rev:?} to name a commit")),
            "{err}"
        );
    }
}

/// `git mktree` from `lines` ("mode type oid\tname", raw bytes).
fn mktree(repo: &Path, lines: &[Vec<u8>]) -> String {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(repo)
        .arg("mktree")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    for l in lines {
        stdin.write_all(l).unwrap();
        stdin.write_all(b"\n").unwrap();
    }
    drop(stdin);
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success());
    String::from_utf8(o.stdout).unwrap().trim().to_string()
}

/// `git hash-object -w` of `len` bytes of `byte`, written in pieces.
fn blob(repo: &Path, byte: u8, len: usize) -> String {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(["hash-object", "-w", "--stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let piece = vec![byte; 1 << 20];
    let mut left = len;
    while left > 0 {
        let n = left.min(piece.len());
        stdin.write_all(&piece[..n]).unwrap();
        left -= n;
    }
    drop(stdin);
    let o = child.wait_with_output().unwrap();
    String::from_utf8(o.stdout).unwrap().trim().to_string()
}

fn text_blob(repo: &Path, text: &[u8]) -> String {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(["hash-object", "-w", "--stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(text).unwrap();
    let o = child.wait_with_output().unwrap();
    String::from_utf8(o.stdout).unwrap().trim().to_string()
}

/// Tag `name`: the v2024 commit with `extra` entries added to `handbook/standards`.
fn tag_with(repo: &Path, name: &str, extra: &[Vec<u8>]) {
    let ls = |t: &str| -> Vec<Vec<u8>> {
        git(repo, &["ls-tree", t])
            .lines()
            .map(|l| l.as_bytes().to_vec())
            .collect()
    };
    let mut std_lines = ls("v2024:handbook/standards");
    std_lines.extend(extra.iter().cloned());
    let standards = mktree(repo, &std_lines);
    let mut hb_lines: Vec<Vec<u8>> = ls("v2024:handbook")
        .into_iter()
        .filter(|l| !l.ends_with(b"\tstandards"))
        .collect();
    hb_lines.push(format!("040000 tree {standards}\tstandards").into_bytes());
    let hb = mktree(repo, &hb_lines);
    let top = mktree(repo, &[format!("040000 tree {hb}\thandbook").into_bytes()]);
    let commit = git(repo, &["commit-tree", &top, "-p", "v2024", "-m", "crafted"]);
    git(repo, &["tag", name, commit.trim()]);
}

#[test]
fn a_tree_with_dotdot_links_out_a_submodule_a_huge_blob_and_odd_names_is_said_file_by_file() {
    let (dir, hb) = repository();
    let repo = dir.path();
    let v2024 = git(repo, &["rev-parse", "v2024"]);
    let line = |mode: &str, kind: &str, oid: &str, name: &[u8]| {
        let mut l = format!("{mode} {kind} {oid}\t").into_bytes();
        l.extend_from_slice(name);
        l
    };
    let out = text_blob(repo, b"../../../../../etc/passwd");
    let inside = text_blob(repo, b"01-qellimi.yaml");
    let huge = blob(repo, b'a', 300 * 1024 * 1024);
    let small = text_blob(repo, b"x");
    tag_with(
        repo,
        "hostile",
        &[
            line("120000", "blob", &out, b"out.yaml"),
            line("120000", "blob", &inside, b"same.yaml"),
            line("100644", "blob", &huge, b"huge.yaml"),
            line("160000", "commit", v2024.trim(), b"sub"),
            line("100644", "blob", &small, b"\xff\xfe.yaml"),
        ],
    );
    tag_with(repo, "dotdot", &[line("100644", "blob", &small, b"..")]);
    let root = hb.to_str().unwrap();
    let start = Instant::now();
    let err = fails(&doracak(&["--root", root, "diff", "git:hostile"]));
    let took = start.elapsed();
    for said in [
        "hostile:handbook/standards/out.yaml: error: expected a file inside the handbook, found a symbolic link to \"../../../../../etc/passwd\" that points outside it",
        "hostile:handbook/standards/huge.yaml: error: expected a file of at most 4 MiB, found 300.0 MiB; not read",
        "hostile:handbook/standards/sub: error: expected a file or a folder, found a submodule",
        // A link inside the handbook is read as its target: here a second standard 1.
        "hostile:handbook/standards/same.yaml:1:9: error: expected each standard number once",
        // …and the file it duplicates is named at the revision too.
        "= hint: standard 1 is already defined at hostile:handbook/standards/01-qellimi.yaml:1:9",
        // A name that is not UTF-8 is read as git holds it, and shown as near as can be.
        "hostile:handbook/standards/\u{FFFD}\u{FFFD}.yaml:1:1: error: expected a mapping",
    ] {
        assert!(err.contains(said), "{said}\n{err}");
    }
    assert!(
        took < Duration::from_secs(20),
        "the huge blob was read: {took:?}"
    );
    let err = fails(&doracak(&["--root", root, "diff", "git:dotdot"]));
    assert!(
        err.contains("dotdot:handbook/standards/..: error: expected a plain path inside the handbook, found one with `..` or a root; not read"),
        "{err}"
    );
    // As `previous`, the build says each at its path, as diff does, and one line at
    // doracak.toml; it writes nothing.
    set_previous(&hb, "git:hostile");
    let err = fails(&doracak(&["--root", root, "build"]));
    assert!(
        err.contains("doracak.toml: error: expected the previous edition at \"git:hostile\" to check, found 5 error(s), each said at its own path (under hostile:)"),
        "{err}"
    );
    for said in [
        "hostile:handbook/standards/out.yaml: error: expected a file inside the handbook",
        "hostile:handbook/standards/huge.yaml: error: expected a file of at most 4 MiB",
        "hostile:handbook/standards/sub: error: expected a file or a folder, found a submodule",
        "hostile:handbook/standards/same.yaml:1:9: error: expected each standard number once",
        "hostile:handbook/standards/\u{FFFD}\u{FFFD}.yaml:1:1: error: expected a mapping",
    ] {
        assert!(err.contains(said), "{said}\n{err}");
    }
    assert!(!hb.join("site").exists());
}

#[test]
fn a_shallow_or_partial_clone_lacking_the_revision_is_said_and_nothing_is_fetched() {
    let (dir, _hb) = repository();
    let repo = dir.path();
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "Botimi 2026"]);
    git(repo, &["config", "uploadpack.allowfilter", "true"]);
    let url = format!("file://{}", repo.display());
    let clones = tempfile::tempdir().unwrap();
    let shallow = clones.path().join("shallow");
    git(
        clones.path(),
        &[
            "clone",
            "-q",
            "--depth",
            "1",
            &url,
            shallow.to_str().unwrap(),
        ],
    );
    let err = fails(&doracak(&[
        "--root",
        shallow.join("handbook").to_str().unwrap(),
        "diff",
        "git:v2024",
    ]));
    assert!(
        err.contains("git:v2024: error: expected \"v2024\" to name a commit of the git repository at ")
            && err.contains("found none (the repository is a shallow clone, which may lack it: git fetch --unshallow"),
        "{err}"
    );
    // A partial clone holds the commit but not its files: said, not fetched (the origin
    // is moved away, so a fetch would fail loudly rather than succeed quietly).
    let partial = clones.path().join("partial");
    git(
        clones.path(),
        &[
            "clone",
            "-q",
            "--filter=blob:none",
            &url,
            partial.to_str().unwrap(),
        ],
    );
    git(&partial, &["fetch", "-q", "origin", "tag", "v2024"]);
    let moved = clones.path().join("moved-away");
    std::fs::rename(repo, &moved).unwrap();
    let err = fails(&doracak(&[
        "--root",
        partial.join("handbook").to_str().unwrap(),
        "diff",
        "git:v2024",
    ]));
    assert!(
        err.contains("git:v2024: error: expected the file ")
            && err.contains("found its object ")
            && err.contains("missing (a partial clone holds only what was fetched, and doracak does not go to the network"),
        "{err}"
    );
    std::fs::rename(&moved, repo).unwrap();
}

#[test]
fn the_handbook_s_own_repository_is_read_whatever_git_dir_names() {
    let (dir, hb) = repository();
    let other = tempfile::tempdir().unwrap();
    git(other.path(), &["init", "-q"]);
    let o = Command::new(env!("CARGO_BIN_EXE_doracak"))
        .args([
            "--root",
            hb.to_str().unwrap(),
            "diff",
            "git:v2024",
            "--json",
        ])
        .env("GIT_DIR", other.path().join(".git"))
        .env("GIT_WORK_TREE", other.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let d: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(d["old"]["edition"], "Botimi 2024");
    // A handbook not tracked in the repository around it: said, with the question.
    let untracked = dir.path().join("untracked");
    copy_tree(&fixtures().join("editions/new"), &untracked);
    let err = fails(&doracak(&[
        "--root",
        untracked.to_str().unwrap(),
        "diff",
        "git:v2024",
    ]));
    assert!(
        err.contains(
            "git:v2024: error: expected the handbook folder \"untracked/\" in revision v2024 ("
        ) && err.contains("found none (is the handbook tracked in this repository?)"),
        "{err}"
    );
}

/// The temporary folders of revisions in `tmp`.
fn temporaries(tmp: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(tmp)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("doracak-edition-"))
        })
        .collect()
}

fn build_cmd(hb: &Path, out: &Path, tmp: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_doracak"));
    c.args([
        "--root",
        hb.to_str().unwrap(),
        "build",
        "--out",
        out.to_str().unwrap(),
    ])
    .env("TMPDIR", tmp)
    .stdout(Stdio::null())
    .stderr(Stdio::piped());
    c
}

fn wait_for_file(p: &Path) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !p.exists() {
        assert!(Instant::now() < deadline, "timed out waiting for {p:?}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn two_builds_at_once_and_a_kill_mid_read_leave_no_temporary_folder_and_no_half_site() {
    let (dir, hb) = repository();
    set_previous(&hb, "git:v2024");
    let tmp = dir.path().join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let (out_a, out_b) = (dir.path().join("site-a"), dir.path().join("site-b"));
    // A whole site first, to see that a killed build leaves it as it was.
    let o = build_cmd(&hb, &out_a, &tmp).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let before = snapshot(&out_a);
    assert!(temporaries(&tmp).is_empty());
    // Build A stops while it reads the revision; build B runs beside it to the end.
    let pause = dir.path().join("pause");
    std::fs::create_dir(&pause).unwrap();
    let mut a = build_cmd(&hb, &out_a, &tmp)
        .env(
            "DORACAK_TEST_PAUSE",
            format!("edition-read:{}", pause.display()),
        )
        .spawn()
        .unwrap();
    wait_for_file(&pause.join("paused"));
    let live = temporaries(&tmp);
    assert_eq!(live.len(), 1, "{live:?}");
    let o = build_cmd(&hb, &out_b, &tmp).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(temporaries(&tmp), live, "B removed its own folder, not A's");
    // A is killed mid-read: its folder stays until the next reader sweeps it; its site is
    // the whole earlier one.
    a.kill().unwrap();
    a.wait().unwrap();
    assert_eq!(temporaries(&tmp), live);
    assert_eq!(snapshot(&out_a), before, "a half-written site");
    let o = build_cmd(&hb, &out_a, &tmp).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        temporaries(&tmp).is_empty(),
        "the killed build's folder was not swept"
    );
    assert_eq!(snapshot(&out_a), before);
}
