//! Headless Debian Chromium for the browser tests, driven over the DevTools protocol.
//!
//! Where Chromium is missing the tests say so loudly and skip, except under `CI=true`,
//! where a missing browser is a failure.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use headless_chrome::protocol::cdp::Emulation;
use headless_chrome::{Browser, LaunchOptions, Tab};

fn chromium_path() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("CHROME") {
        return Some(PathBuf::from(p));
    }
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
}

/// A headless browser, or `None` (after a loud notice) where none is installed.
pub fn browser(test: &str) -> Option<Browser> {
    let Some(path) = chromium_path() else {
        super::skip(
            test,
            "Chromium is not installed",
            "apt-get install chromium chromium-driver",
        );
        return None;
    };
    let args: Vec<&std::ffi::OsStr> = [
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--allow-file-access-from-files",
    ]
    .iter()
    .map(std::ffi::OsStr::new)
    .collect();
    let opts = LaunchOptions::default_builder()
        .path(Some(path))
        .headless(true)
        .sandbox(false)
        .window_size(Some((1280, 900)))
        .idle_browser_timeout(Duration::from_secs(120))
        .args(args)
        .build()
        .expect("launch options");
    Some(Browser::new(opts).expect("Chromium starts"))
}

pub fn file_url(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// Open `url` in a new tab and wait for it to load.
pub fn open(browser: &Browser, url: &str) -> Arc<Tab> {
    let tab = browser.new_tab().expect("a tab");
    tab.set_default_timeout(Duration::from_secs(20));
    tab.navigate_to(url).expect("navigates");
    tab.wait_until_navigated().expect("loads");
    tab
}

/// Evaluate a JS expression (which may return a promise) and return its JSON value.
pub fn eval(tab: &Tab, expr: &str) -> serde_json::Value {
    let wrapped = format!("(async () => JSON.stringify(await ({expr})))()");
    let r = tab
        .evaluate(&wrapped, true)
        .unwrap_or_else(|e| panic!("evaluating {expr}: {e}"));
    let s = r
        .value
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_else(|| "null".into());
    serde_json::from_str(&s).unwrap_or(serde_json::Value::Null)
}

/// Wait until some value the page keeps in `localStorage` contains `needle` (an autosave
/// has happened), or panic with `what`.
pub fn wait_stored(tab: &Tab, needle: &str, what: &str) {
    let needle = serde_json::to_string(needle).unwrap();
    wait_for(
        tab,
        &format!(
            "Object.keys(localStorage).some(k => (localStorage.getItem(k) || '').includes({needle}))"
        ),
        what,
    );
}

/// Wait until a JS condition holds (polling), or panic with `what`.
pub fn wait_for(tab: &Tab, cond: &str, what: &str) {
    for _ in 0..200 {
        if eval(tab, cond) == serde_json::Value::Bool(true) {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("timed out waiting for {what} ({cond})");
}

/// The terms the page's search analyzer (`Doracak.search.analyze`, with the page's index
/// and the word forms of `text` loaded) gives for `text`.
pub fn js_analyze(tab: &Tab, text: &str) -> Vec<String> {
    let v = eval(
        tab,
        &format!(
            "Doracak.search.ready(Doracak.search.open(DORACAK_SEARCH, ''), {0}).then(() => Doracak.search.analyze({0}, DORACAK_SEARCH))",
            serde_json::to_string(text).unwrap()
        ),
    );
    v.as_array()
        .unwrap_or_else(|| panic!("no terms for {text:?}: {v}"))
        .iter()
        .map(|t| t.as_str().unwrap_or_default().to_string())
        .collect()
}

/// The URLs of the page's search results for `query` (`Doracak.search.search`, which
/// loads the shards it needs), best first, at most `limit`. The page sits at the site's root.
pub fn js_search_urls(tab: &Tab, query: &str, limit: usize) -> Vec<String> {
    let v = eval(
        tab,
        &format!(
            "Doracak.search.search(Doracak.search.open(DORACAK_SEARCH, ''), {}, {{ limit: {limit} }}).then(rs => rs.map(r => r.url))",
            serde_json::to_string(query).unwrap()
        ),
    );
    v.as_array()
        .unwrap_or_else(|| panic!("no results for {query:?}: {v}"))
        .iter()
        .map(|u| u.as_str().unwrap_or_default().to_string())
        .collect()
}

/// Emulate a window `width` × `height` CSS pixels (`mobile`: a phone's viewport), and wait
/// until the page sees that width.
pub fn resize(tab: &Tab, width: u32, height: u32, mobile: bool) {
    tab.call_method(Emulation::SetDeviceMetricsOverride {
        width,
        height,
        device_scale_factor: 1.0,
        mobile,
        scale: None,
        screen_width: None,
        screen_height: None,
        position_x: None,
        position_y: None,
        dont_set_visible_size: None,
        screen_orientation: None,
        viewport: None,
        display_feature: None,
        device_posture: None,
    })
    .expect("the window resizes");
    wait_for(
        tab,
        &format!("window.innerWidth === {width}"),
        &format!("a window {width} px wide"),
    );
}

/// Lay the page out for print (`@media print`), as Chromium does when it prints.
pub fn print_media(tab: &Tab) {
    tab.call_method(Emulation::SetEmulatedMedia {
        media: Some("print".into()),
        features: None,
    })
    .expect("print media");
}

/// The self-assessment overview `index` opened with empty storage, and a new assessment
/// named `name` created there and selected.
pub fn new_assessment(browser: &Browser, index: &Path, name: &str) -> Arc<Tab> {
    let tab = open(browser, &file_url(index));
    eval(&tab, "localStorage.clear()");
    tab.reload(true, None).unwrap();
    tab.wait_until_navigated().unwrap();
    tab.wait_for_element("[data-assess-new] input[name=name]")
        .unwrap()
        .type_into(name)
        .unwrap();
    tab.wait_for_element("[data-assess-new] button[type=submit]")
        .unwrap()
        .click()
        .unwrap();
    let quoted = serde_json::to_string(name).unwrap();
    wait_for(
        &tab,
        &format!(
            "document.querySelector('[data-assess-select]').selectedOptions[0].textContent === {quoted}"
        ),
        "the new assessment is selected",
    );
    tab
}

/// `file` given to the page's import field (`input[data-action=import]`).
pub fn import_file(tab: &Tab, file: &Path) {
    tab.wait_for_element("input[data-action=import]")
        .unwrap()
        .set_input_files(&[file.to_str().unwrap()])
        .unwrap();
}
