//! The build's output does not depend on how many threads make it: what the quizzes and
//! the views make once and share between threads (`doracak::memo`) is the same whichever
//! thread makes it first, and pages are written in no order that shows.

use std::path::Path;
use std::process::Command;

use crate::common::{repo, shipped_site, snapshot};

/// Build the shipped handbook into `out` with `threads` worker threads.
fn build_with_threads(out: &Path, threads: &str) {
    let o = Command::new(env!("CARGO_BIN_EXE_doracak"))
        .env("RAYON_NUM_THREADS", threads)
        .args(["--root", repo().to_str().unwrap(), "build", "--out"])
        .arg(out)
        .output()
        .expect("the doracak binary runs");
    assert!(
        o.status.success(),
        "the shipped handbook builds on {threads} thread(s):\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn one_thread_or_many_make_the_same_bytes() {
    let shared = snapshot(&shipped_site().join("site"));
    assert!(shared.len() > 200, "{} files", shared.len());
    for threads in ["1", "7"] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        build_with_threads(&out, threads);
        let made = snapshot(&out);
        let names = |s: &[(std::path::PathBuf, Vec<u8>)]| -> Vec<String> {
            s.iter().map(|(p, _)| p.display().to_string()).collect()
        };
        let (made_names, shared_names) = (names(&made), names(&shared));
        let only = |a: &[String], b: &[String]| -> Vec<String> {
            a.iter().filter(|n| !b.contains(n)).cloned().collect()
        };
        assert!(
            made_names == shared_names,
            "{threads} thread(s): files only in this build {:?}, only in the default one {:?}",
            only(&made_names, &shared_names),
            only(&shared_names, &made_names)
        );
        let differ: Vec<String> = made
            .iter()
            .zip(&shared)
            .filter(|((_, a), (_, b))| a != b)
            .map(|((p, _), _)| p.display().to_string())
            .collect();
        assert!(
            differ.is_empty(),
            "{threads} thread(s): these files differ from the default build's: {differ:?}"
        );
    }
}
