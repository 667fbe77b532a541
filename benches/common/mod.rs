//! What the browser benchmarks share: Debian's Chromium, headless, as the tests start it.

use std::path::PathBuf;
use std::time::Duration;

use headless_chrome::{Browser, LaunchOptions};

/// Headless Chromium, or none where it is not installed (the figures are then skipped).
pub fn chromium() -> Option<Browser> {
    let path = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())?;
    Some(
        Browser::new(
            LaunchOptions::default_builder()
                .path(Some(path))
                .sandbox(false)
                .idle_browser_timeout(Duration::from_secs(300))
                .args(vec![
                    std::ffi::OsStr::new("--disable-gpu"),
                    std::ffi::OsStr::new("--disable-background-networking"),
                ])
                .build()
                .unwrap(),
        )
        .unwrap(),
    )
}
