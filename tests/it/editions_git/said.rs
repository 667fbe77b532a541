//! A bad `previous` as `build` and `serve` meet it: every error of the earlier edition at its
//! own path, as `doracak diff` says them, and one line at doracak.toml; nothing written. And
//! the temporary folders a killed run left, swept as any `build`, `diff` or `serve` starts.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::{git, repository};
use crate::common::*;
use crate::serve::{get, start, wait_until};

fn set_previous(hb: &Path, previous: &str) {
    let toml = hb.join("doracak.toml");
    let text = read(&toml);
    std::fs::write(&toml, format!("previous = {previous:?}\n{text}")).unwrap();
}

/// The old fixture edition with two mistakes, into `hb`: a deadline that is not a
/// duration, and a second standard 1.
fn break_old(hb: &Path) {
    let file = hb.join("content/sop/03-referimi.yaml");
    let text = read(&file);
    std::fs::write(&file, text.replacen("within: P3D", "within: soon", 1)).unwrap();
    let second = hb.join("standards/02-vleresimi.yaml");
    let text = read(&second);
    std::fs::write(&second, text.replacen("number: 2\n", "number: 1\n", 1)).unwrap();
}

fn stderr(o: &std::process::Output) -> String {
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_bad_previous_folder_or_revision_is_said_error_by_error_in_build_and_serve() {
    let (dir, hb) = repository();
    // The broken old edition as a folder beside the handbook, and as tag `broken`.
    let old = dir.path().join("old");
    copy_tree(&fixtures().join("editions/old"), &old);
    break_old(&old);
    git(dir.path(), &["checkout", "-q", "v2024", "--", "handbook"]);
    break_old(&hb);
    git(dir.path(), &["commit", "-q", "-am", "broken"]);
    git(dir.path(), &["tag", "broken"]);
    std::fs::remove_dir_all(&hb).unwrap();
    copy_tree(&fixtures().join("editions/new"), &hb);
    let root = hb.to_str().unwrap();
    let site = dir.path().join("site");
    let build = || doracak(&["--root", root, "build", "--out", site.to_str().unwrap()]);

    set_previous(&hb, "../old");
    let err = stderr(&build());
    for said in [
        "../old/content/sop/03-referimi.yaml:11:17: error: expected an ISO 8601 duration such as P14D, PT24H or P1Y, found \"soon\"",
        "../old/standards/02-vleresimi.yaml:1:9: error: expected each standard number once, found standard 1 again",
        // The file the hint names is the old edition's too.
        "= hint: standard 1 is already defined at ../old/standards/01-qellimi.yaml:1:9",
        "doracak.toml: error: expected the previous edition at \"../old\" to check, found 2 error(s), each said at its own path (under ../old/)",
    ] {
        assert!(err.contains(said), "{said}\n{err}");
    }
    assert!(!site.exists(), "a site was written");

    let toml = hb.join("doracak.toml");
    let text = read(&toml).replacen("previous = \"../old\"", "previous = \"git:broken\"", 1);
    std::fs::write(&toml, text).unwrap();
    let err = stderr(&build());
    for said in [
        "broken:handbook/content/sop/03-referimi.yaml:11:17: error: expected an ISO 8601 duration such as P14D, PT24H or P1Y, found \"soon\"",
        "broken:handbook/standards/02-vleresimi.yaml:1:9: error: expected each standard number once, found standard 1 again",
        "= hint: standard 1 is already defined at broken:handbook/standards/01-qellimi.yaml:1:9",
        "doracak.toml: error: expected the previous edition at \"git:broken\" to check, found 2 error(s), each said at its own path (under broken:)",
    ] {
        assert!(err.contains(said), "{said}\n{err}");
    }
    assert!(!site.exists(), "a site was written");
    // `diff` says the same errors at the same places.
    let diff = stderr(&doracak(&["--root", root, "diff", "git:broken"]));
    assert!(
        diff.contains(
            "broken:handbook/content/sop/03-referimi.yaml:11:17: error: expected an ISO 8601 duration"
        ),
        "{diff}"
    );

    // `serve` reports the same, all at once.
    let srv = start(&hb);
    let status = || -> serde_json::Value {
        serde_json::from_str(&get(srv.port, "/__doracak/status").1).unwrap()
    };
    wait_until("the error to show", || status()["error"].is_string());
    let err = status()["error"].as_str().unwrap().to_string();
    for said in [
        "broken:handbook/content/sop/03-referimi.yaml:11:17: error: expected an ISO 8601 duration such as P14D, PT24H or P1Y, found \"soon\"",
        "broken:handbook/standards/02-vleresimi.yaml:1:9: error: expected each standard number once",
        "doracak.toml: error: expected the previous edition at \"git:broken\" to check, found 2 error(s)",
    ] {
        assert!(err.contains(said), "{said}\n{err}");
    }
}

/// The id of a process that has ended.
fn gone_pid() -> u32 {
    let mut c = Command::new("true").spawn().unwrap();
    let pid = c.id();
    c.wait().unwrap();
    pid
}

/// In `tmp`: a folder a killed run left (its process gone), one of a running process (this
/// test's), and one that is not ours. Returns them in that order.
fn leftovers(tmp: &Path) -> [PathBuf; 3] {
    let stale = tmp.join(format!("doracak-edition-{}-Xk3f9a", gone_pid()));
    let live = tmp.join(format!("doracak-edition-{}-Lv7q2b", std::process::id()));
    let other = tmp.join("someone-else-s");
    for d in [&stale, &live, &other] {
        std::fs::create_dir_all(d.join("standards")).unwrap();
        std::fs::write(d.join("standards/01.yaml"), "number: 1\n").unwrap();
    }
    [stale, live, other]
}

fn doracak_in(tmp: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_doracak"));
    c.args(args).env("TMPDIR", tmp);
    c
}

#[test]
fn a_stale_temporary_folder_is_swept_as_build_diff_or_serve_starts() {
    // A handbook without `previous` and a diff against a folder: no revision is read, and
    // still the killed run's folder goes; the running one's and another's stay.
    let (dir, hb) = repository();
    let old = dir.path().join("old");
    copy_tree(&fixtures().join("editions/old"), &old);
    let tmp = dir.path().join("tmp");
    let root = hb.to_str().unwrap();
    let site = dir.path().join("site");
    let runs: [&[&str]; 2] = [
        &["--root", root, "build", "--out", site.to_str().unwrap()],
        &["--root", root, "diff", old.to_str().unwrap(), "--json"],
    ];
    for args in runs {
        let [stale, live, other] = leftovers(&tmp);
        let o = doracak_in(&tmp, args).output().unwrap();
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(!stale.exists(), "{args:?} left the stale folder");
        assert!(
            live.exists() && other.exists(),
            "{args:?} removed a folder not stale"
        );
    }
    let [stale, live, other] = leftovers(&tmp);
    let mut srv = doracak_in(
        &tmp,
        &[
            "--root",
            root,
            "serve",
            "--port",
            "0",
            "--out",
            site.to_str().unwrap(),
        ],
    )
    .stdout(Stdio::null())
    .stderr(Stdio::null())
    .spawn()
    .unwrap();
    wait_until("serve to sweep the stale folder", || !stale.exists());
    let _ = srv.kill();
    let _ = srv.wait();
    assert!(live.exists() && other.exists());
}
