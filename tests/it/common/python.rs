//! Python with the external checkers of tests/python/requirements.txt (pyxform,
//! compliance-trestle), as `.ci/run` installs them into `tests/python/.venv`.
//!
//! Where Python or a package is missing the tests say so loudly and skip, except under
//! `CI=true`, where that is a failure.

use std::io::Write;
use std::path::PathBuf;
use std::process::Command;

/// The Python interpreter: `$DORACAK_PYTHON`, else the project's virtual environment,
/// else `python3` on the path.
fn interpreter() -> PathBuf {
    if let Some(p) = std::env::var_os("DORACAK_PYTHON") {
        return PathBuf::from(p);
    }
    let venv = super::repo().join("tests/python/.venv/bin/python");
    if venv.exists() {
        return venv;
    }
    PathBuf::from("python3")
}

/// A Python that can import `module`, or `None` (after a loud notice) where there is none.
pub fn python_with(module: &str, test: &str) -> Option<PathBuf> {
    let python = interpreter();
    let ok = Command::new(&python)
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if ok {
        return Some(python);
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!(
            "{test}: Python with `{module}` is not installed ({}), and CI=true requires this test to run",
            python.display()
        );
    }
    // Written past the test harness's capture, so it shows in the terminal.
    let _ = writeln!(
        std::io::stderr(),
        "\n*** SKIPPED {test}: no Python with `{module}` (python3 -m venv tests/python/.venv && tests/python/.venv/bin/pip install -r tests/python/requirements.txt) ***\n"
    );
    None
}
