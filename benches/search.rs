//! Search benchmark: index size and build time for the shipped handbook and a synthetic
//! handbook of about 10,000 documents; median and 95th-percentile query time of the
//! browser search in headless Chromium on the large index. Run with
//! `cargo bench --bench search`; figures go to BENCHMARKS.md by hand.

mod common;

use std::path::{Path, PathBuf};
use std::time::Instant;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn index_figures(label: &str, root: &Path) -> (usize, usize) {
    let (hb, diags) = doracak::check(root);
    let hb = hb.unwrap_or_else(|| panic!("{}", diags.report()));
    let docs = doracak::pipeline::search::documents(&hb, &doracak::interface_strings(root, &hb));
    let mut times = Vec::new();
    let mut size = 0;
    let mut terms = 0;
    for _ in 0..5 {
        let t = Instant::now();
        let set = doracak::pipeline::search::shards::ShardSet::new(
            &docs,
            doracak::language::Analysis::Albanian,
        );
        let figures = set.write(&mut |_, _| Ok(())).unwrap();
        times.push(t.elapsed());
        size = figures.bytes as usize;
        terms = figures.terms;
    }
    times.sort();
    println!(
        "| {label} | {} | {terms} | {:.1} KiB | {:.0} B | {:.0} ms |",
        docs.len(),
        size as f64 / 1024.0,
        size as f64 / docs.len() as f64,
        times[times.len() / 2].as_secs_f64() * 1000.0
    );
    (docs.len(), size)
}

fn main() {
    let work = tempfile::tempdir().unwrap();
    println!("| handbook | documents | terms | index | per document | build (median of 5) |");
    println!("| --- | --- | --- | --- | --- | --- |");
    index_figures("shipped", &repo());
    let synth = work.path().join("synth");
    let (hb, _) = doracak::check(&repo());
    let hb = hb.expect("the shipped handbook checks");
    doracak::commands::synth::generate(
        &hb,
        doracak::commands::synth::Spec {
            standards: 48,
            criteria: 66,
            seed: 3,
        },
        &synth,
    )
    .unwrap();
    let (n, _) = index_figures("synthetic (48 × 66)", &synth);
    assert!(n >= 10_000, "{n} documents");

    // Query time in the browser on the large index.
    let out = synth.join("site");
    let (summary, diags) = doracak::build(&synth, Some(&out));
    summary.unwrap_or_else(|| panic!("{}", diags.report()));
    let Some(browser) = common::chromium() else {
        println!("(query times skipped: Chromium not installed)");
        return;
    };
    let tab = browser.new_tab().unwrap();
    tab.navigate_to(&format!("file://{}", out.join("kerko.html").display()))
        .unwrap();
    tab.wait_until_navigated().unwrap();
    let queries = [
        "deshmi penaliteti",
        "ankese",
        "intervista formale femije",
        "60 minuta",
        "G/SPIF",
        "kthimi vullnetar",
        "plani individual",
        "siguria",
        "stafi trajnim",
        "dosje personale",
        "monitorim",
        "viktime",
        "referim",
        "femije",
        "vleresimi i nevojave",
        "konfidencialitet",
        "punonjes social",
        "kasaforte",
        "emergjence",
        "ushqim",
        "mjedis",
        "rregullore",
        "drejtues",
        "perfitues",
        "shendet",
    ];
    let script = format!(
        "(async () => {{ while (!window.DORACAK_SEARCH) {{ await new Promise(r => setTimeout(r, 50)); }} const qs = {}; const t = []; for (let round = 0; round < 8; round++) for (const q of qs) {{ const a = performance.now(); await Doracak.search.search(Doracak.search.open(DORACAK_SEARCH, ''), q, {{ limit: 10 }}); t.push(performance.now() - a); }} t.sort((a, b) => a - b); return JSON.stringify({{ n: t.length, median: t[Math.floor(t.length / 2)], p95: t[Math.floor(t.length * 0.95)], max: t[t.length - 1] }}); }})()",
        serde_json::to_string(&queries).unwrap()
    );
    // Loading the index: the first search box focus does this on a real page.
    tab.evaluate("(() => { const s = document.createElement('script'); s.src = 'search-index.js'; document.head.appendChild(s); })()", false)
        .unwrap();
    let load = Instant::now();
    let r = tab.evaluate(&script, true).unwrap();
    let load_and_run = load.elapsed();
    let v: serde_json::Value = serde_json::from_str(r.value.unwrap().as_str().unwrap()).unwrap();
    println!();
    println!(
        "browser query time on {n} documents ({} queries, typed as a person types them, in headless Chromium): median {:.2} ms, p95 {:.2} ms, max {:.2} ms (index load + all queries {:.0} ms)",
        v["n"],
        v["median"].as_f64().unwrap(),
        v["p95"].as_f64().unwrap(),
        v["max"].as_f64().unwrap(),
        load_and_run.as_secs_f64() * 1000.0
    );
}
