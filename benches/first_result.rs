//! First results in the browser, index load included (issue 28): a fresh page opened from
//! `file://` in headless Chromium, the header's search box focused and a query put in it at
//! once (as pasted), timed from the focus (which starts loading the index's shards) to the
//! first result shown in the box's list. The shipped handbook is built here; more sites,
//! built beforehand (the 1,000-standard one with a release binary: `doracak synth
//! --standards 1000 …` then `doracak build`), are named by `DORACAK_BENCH_SITES`
//! (paths separated by `:`). Run with `cargo bench --bench first_result`; figures go to
//! BENCHMARKS.md by hand.

mod common;

use std::path::{Path, PathBuf};

use headless_chrome::Browser;

/// Relevance queries of the test suite (tests/it/search_shards.rs), as a person types them
/// (no ë, ç).
const QUERIES: [&str; 6] = [
    "ankese",
    "60 minuta",
    "kthimi vullnetar",
    "punonjes social",
    "G/SPIF",
    "plani individual",
];
const ROUNDS: usize = 3;

/// The script run on a fresh page: focus, query, and the milliseconds until the list shows
/// its first result (or -1 after 30 s).
const SCRIPT: &str = r#"(async (q) => {
  const input = document.getElementById('search-input');
  const list = document.getElementById('search-list');
  const shown = () => list && !list.hidden && list.querySelector('[role=option]');
  const t0 = performance.now();
  input.focus();
  input.value = q;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  const t1 = await new Promise((done) => {
    if (shown()) { done(performance.now()); return; }
    const o = new MutationObserver(() => { if (shown()) { o.disconnect(); done(performance.now()); } });
    o.observe(document.body, { childList: true, subtree: true, attributes: true });
    setTimeout(() => { o.disconnect(); done(-1); }, 30000);
  });
  return t1 < 0 ? -1 : t1 - t0;
})"#;

fn first_results(browser: &Browser, site: &Path) -> Vec<f64> {
    let mut times = Vec::new();
    for _ in 0..ROUNDS {
        for q in QUERIES {
            let tab = browser.new_tab().unwrap();
            tab.navigate_to(&format!("file://{}", site.join("index.html").display()))
                .unwrap();
            tab.wait_until_navigated().unwrap();
            let call = format!("{SCRIPT}({})", serde_json::to_string(q).unwrap());
            let r = tab.evaluate(&call, true).unwrap();
            let ms = r.value.and_then(|v| v.as_f64()).unwrap_or(-1.0);
            assert!(ms >= 0.0, "{}: no result for {q:?} in 30 s", site.display());
            times.push(ms);
            let _ = tab.close(true);
        }
    }
    times.sort_by(f64::total_cmp);
    times
}

fn main() {
    let Some(browser) = common::chromium() else {
        println!("(first-result times skipped: Chromium not installed)");
        return;
    };
    let work = tempfile::tempdir().unwrap();
    let shipped = work.path().join("site");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let (summary, diags) = doracak::build(&root, Some(&shipped));
    summary.unwrap_or_else(|| panic!("{}", diags.report()));
    let mut sites = vec![("shipped".to_string(), shipped)];
    if let Ok(more) = std::env::var("DORACAK_BENCH_SITES") {
        sites.extend(
            more.split(':')
                .filter(|s| !s.is_empty())
                .map(|s| (s.to_string(), PathBuf::from(s))),
        );
    }
    println!("| site | search-index files | first result: median | p90 | max | runs |");
    println!("| --- | --- | --- | --- | --- | --- |");
    for (label, site) in sites {
        let files = std::fs::read_dir(site.join("search-index"))
            .map(|d| d.count())
            .unwrap_or(0);
        let t = first_results(&browser, &site);
        println!(
            "| {label} | {files} | {:.0} ms | {:.0} ms | {:.0} ms | {} |",
            t[t.len() / 2],
            t[(t.len() * 9) / 10],
            t[t.len() - 1],
            t.len()
        );
    }
}
