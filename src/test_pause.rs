//! A pause for the end-to-end tests, at the instants a person's file could come in the way
//! (before a build swaps its site in, before a command's file takes its place): with
//! `DORACAK_TEST_PAUSE=POINT:DIR` in the environment, a process reaching `POINT` makes the
//! file `DIR/paused` and waits until `DIR/resume` exists (at most a minute). Without the
//! variable, nothing happens. Tests wait for `paused`, act (drop a file, kill the process),
//! then make `resume`: no fixed sleeps.

use std::path::Path;
use std::time::{Duration, Instant};

/// The environment variable that names the point and the folder.
pub const VAR: &str = "DORACAK_TEST_PAUSE";

/// Pause here if the tests asked for `point`.
pub fn pause(point: &str) {
    let Ok(spec) = std::env::var(VAR) else {
        return;
    };
    let Some((at, dir)) = spec.split_once(':') else {
        return;
    };
    if at != point {
        return;
    }
    let dir = Path::new(dir);
    let _ = std::fs::write(dir.join("paused"), std::process::id().to_string());
    let start = Instant::now();
    while !dir.join("resume").exists() && start.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(5));
    }
}
