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
