//! The search index in shards (issue 28, point 4): the sharded search gives the same
//! results in the same order, with the same scores, as the whole index did — recorded with
//! main's binary before the split (tests/fixtures/search-before-shards) and computed now by
//! the whole-index reference (`Ranking::rank`) — in the command line and in headless
//! Chromium from `file://`, and a query loads only the shards it needs.

use std::path::{Path, PathBuf};

use crate::common::browser::*;
use crate::common::*;
use doracak::pipeline::search::analyzer::Analysis;
use doracak::pipeline::search::index::Ranking;
use doracak::pipeline::search::reader::Reader;
use doracak::pipeline::search::shards::ShardSet;
use serde_json::Value;

fn recorded(file: &str) -> Value {
    serde_json::from_str(&read(&fixtures().join("search-before-shards").join(file))).unwrap()
}

/// `DORACAK_RECORD_SEARCH=1`: write the results as they are now over the recording (after a
/// change of content; the whole-index check below still holds the shards to `Ranking`).
fn record(file: &str, results: &Value) -> bool {
    if std::env::var_os("DORACAK_RECORD_SEARCH").is_none() {
        return false;
    }
    let path = fixtures().join("search-before-shards").join(file);
    std::fs::write(&path, serde_json::to_string(results).unwrap()).unwrap();
    eprintln!("recorded {}", path.display());
    true
}

/// The three handbooks the recorded queries ran on: (name, folder, analysis).
fn handbooks() -> Vec<(&'static str, PathBuf, Analysis, Option<tempfile::TempDir>)> {
    let chapters = minimal_copy();
    copy_tree(&fixtures().join("chapters"), chapters.path());
    vec![
        ("sq", repo(), Analysis::Albanian, None),
        ("en", fixtures().join("english"), Analysis::English, None),
        (
            "ch",
            chapters.path().to_path_buf(),
            Analysis::Albanian,
            Some(chapters),
        ),
    ]
}

fn queries(name: &str) -> Vec<String> {
    serde_json::from_value(recorded(&format!("queries-{name}.json"))).unwrap()
}

/// The documents and the sets of synonyms (`content/synonyms.yaml`) of a handbook.
fn documents_and_synonyms(root: &Path) -> (Vec<doracak::pipeline::search::Doc>, Vec<Vec<String>>) {
    let (hb, diags) = doracak::check(root);
    let hb = hb.unwrap_or_else(|| panic!("{}", diags.report()));
    let docs = doracak::pipeline::search::documents(&hb, &doracak::interface_strings(root, &hb));
    (docs, hb.synonyms)
}

#[test]
fn the_command_line_reads_the_shards_and_ranks_as_the_whole_index_did() {
    let before = recorded("cli.json");
    let mut now = serde_json::Map::new();
    let mut failures = Vec::new();
    let mut compared = 0;
    for (name, root, analysis, _keep) in handbooks() {
        // With the handbook's synonyms, as `doracak search` and the site search.
        let (docs, synonyms) = documents_and_synonyms(&root);
        let whole = Ranking::new(&docs, analysis).with_synonyms(&synonyms);
        let set = ShardSet::with_synonyms(&docs, analysis, &synonyms);
        for q in queries(name) {
            // As recorded with main's binary: id, url, score; the first three's snippets.
            let hits =
                doracak::pipeline::search::query::search_with(&docs, analysis, &synonyms, &q, 200)
                    .unwrap();
            let got: Vec<Value> = hits
                .iter()
                .enumerate()
                .map(|(i, h)| {
                    let mut row = vec![
                        Value::from(h.id.clone()),
                        Value::from(h.url.clone()),
                        Value::from(h.score),
                    ];
                    if i < 3 {
                        row.push(Value::from(h.snippet.clone()));
                        row.push(serde_json::to_value(&h.highlights).unwrap());
                    }
                    Value::Array(row)
                })
                .collect();
            // Through JSON text as the recording went: serde_json reads floats to within an
            // ulp, so both sides take the same path.
            let got: Vec<Value> =
                serde_json::from_str(&serde_json::to_string(&got).unwrap()).unwrap();
            now.entry(name)
                .or_insert_with(|| Value::Object(Default::default()))
                .as_object_mut()
                .unwrap()
                .insert(q.clone(), Value::Array(got.clone()));
            let was = before[name][&q].as_array().cloned().unwrap_or_default();
            if got != was {
                let at = got.iter().zip(&was).position(|(a, b)| a != b);
                failures.push(format!(
                    "{name} {q:?}: differs from the recording ({} results, {} before; first at {at:?}: {:?} now, {:?} before)",
                    got.len(),
                    was.len(),
                    at.map(|i| &got[i]),
                    at.map(|i| &was[i])
                ));
            }
            // And as the whole index ranks now, every result.
            let load = Box::new(|n: &str| {
                set.file(n)
                    .ok_or_else(|| std::io::Error::other(n.to_string()))
            });
            let mut reader = Reader::open(analysis, load).unwrap();
            let sharded: Vec<(usize, f64)> = reader
                .rank(&q)
                .unwrap()
                .into_iter()
                .map(|(d, s, _)| (d, s))
                .collect();
            if sharded != whole.rank(&q) {
                failures.push(format!("{name} {q:?}: differs from the whole index"));
            }
            compared += 1;
        }
    }
    assert!(compared >= 50, "{compared} queries");
    if record("cli.json", &Value::Object(now)) {
        failures.retain(|f| f.ends_with("differs from the whole index"));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_browser_reads_the_shards_and_ranks_as_the_whole_index_did() {
    let Some(browser) = browser("the_browser_reads_the_shards_and_ranks_as_the_whole_index_did")
    else {
        return;
    };
    let mut failures = Vec::new();
    for (name, root, _, _keep) in handbooks() {
        let built;
        let site = if name == "sq" {
            shipped_site().join("site")
        } else {
            built = tempfile::tempdir().unwrap();
            copy_tree(&root, built.path());
            build_ok(built.path(), &built.path().join("site"));
            built.path().join("site")
        };
        let page = if name == "en" {
            "search.html"
        } else {
            "kerko.html"
        };
        let tab = open(&browser, &file_url(&site.join(page)));
        wait_for(&tab, "!!window.DORACAK_SEARCH", "the manifest to load");
        let before = recorded(&format!("browser-{name}.json"));
        let qs = queries(name);
        // As recorded: url and score of up to 200 results; the suggestions when none.
        let now = eval(
            &tab,
            &format!(
                "(async () => {{ const idx = Doracak.search.open(DORACAK_SEARCH, ''); const out = {{}}; for (const q of {}) {{ const r = await Doracak.search.search(idx, q, {{ limit: 200 }}); out[q] = {{ r: r.map(x => [x.url, x.score]), s: r.length ? [] : await Doracak.search.suggest(idx, q, 5) }}; }} return out; }})()",
                serde_json::to_string(&qs).unwrap()
            ),
        );
        if record(&format!("browser-{name}.json"), &now) {
            continue;
        }
        for q in &qs {
            if now[q] != before[q] {
                failures.push(format!(
                    "{name} {q:?}: {} now, {} before",
                    now[q], before[q]
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The shards a search through the CLI's reader loads for `query`, at most `limit` shown.
/// With the handbook's synonyms, whose terms' shards a query reads too.
fn shards_read(
    docs: &[doracak::pipeline::search::Doc],
    synonyms: &[Vec<String>],
    query: &str,
    limit: usize,
) -> Vec<String> {
    let set = ShardSet::with_synonyms(docs, Analysis::Albanian, synonyms);
    let load = Box::new(|n: &str| {
        set.file(n)
            .ok_or_else(|| std::io::Error::other(n.to_string()))
    });
    let mut reader = Reader::open(Analysis::Albanian, load).unwrap();
    let ranked = reader.rank(query).unwrap();
    for &(d, _, _) in ranked.iter().take(limit) {
        reader.doc(d).unwrap();
    }
    let mut names: Vec<String> = reader
        .loaded
        .iter()
        .filter_map(|n| n.strip_prefix("search-index/"))
        .map(|n| n.trim_end_matches(".js").to_string())
        .collect();
    names.sort();
    names.dedup();
    names
}

#[test]
fn a_query_loads_only_the_shards_it_needs() {
    let (docs, synonyms) = documents_and_synonyms(&repo());
    let set = ShardSet::new(&docs, Analysis::Albanian);
    let (terms, doc_shards) = set.counts();
    assert!(
        terms >= 4 && doc_shards >= 4,
        "the shipped index is in shards: {terms} term shards, {doc_shards} document shards"
    );
    // The command line's reader: the term shards of the two words and of the synonyms of
    // "dëshmi" (certifikatë, vërtetim: content/synonyms.yaml), the results' document shards.
    let read = shards_read(&docs, &synonyms, "deshmi penaliteti", 8);
    let t = read.iter().filter(|n| n.starts_with('t')).count();
    assert!((1..=4).contains(&t), "{read:?}");
    let without = shards_read(&docs, &[], "deshmi penaliteti", 8);
    let t = without.iter().filter(|n| n.starts_with('t')).count();
    assert!((1..=2).contains(&t), "{without:?}");
    assert!(read.len() < terms + doc_shards, "{read:?}");

    let Some(browser) = browser("a_query_loads_only_the_shards_it_needs") else {
        return;
    };
    let site = shipped_site().join("site");
    // Typed into the box of a page: the manifest, then only the shards the eight results
    // shown need — the very ones the command line's reader reads.
    let tab = open(&browser, &file_url(&site.join("S1.html")));
    tab.press_key("/").unwrap();
    tab.type_str("deshmi penaliteti").unwrap();
    wait_for(
        &tab,
        "document.querySelectorAll('#search-panel a.result').length > 0 && document.getElementById('search-input').value === 'deshmi penaliteti'",
        "results as you type",
    );
    wait_for(
        &tab,
        "[...document.querySelectorAll('#search-panel a.result .result-title')].length === Math.min(8, document.querySelectorAll('#search-panel a.result').length)",
        "the results",
    );
    let injected = eval(
        &tab,
        "[...document.querySelectorAll('script[data-search-shard]')].map(s => s.getAttribute('data-search-shard')).sort()",
    );
    let injected: Vec<String> = serde_json::from_value(injected).unwrap();
    // Each word typed ran a search; their union is what the page loaded.
    let mut expected: Vec<String> = [
        "d",
        "de",
        "des",
        "desh",
        "deshm",
        "deshmi",
        "deshmi p",
        "deshmi pe",
        "deshmi pen",
        "deshmi pena",
        "deshmi penal",
        "deshmi penali",
        "deshmi penalit",
        "deshmi penalite",
        "deshmi penalitet",
        "deshmi penaliteti",
    ]
    .iter()
    .flat_map(|q| shards_read(&docs, &synonyms, q, 8))
    .collect();
    // The words of one or two letters read their prefix's shard of best documents.
    let manifest = std::fs::read_to_string(site.join("search-index.js")).unwrap();
    let manifest: Value = serde_json::from_str(
        manifest[manifest.find('=').unwrap() + 1..]
            .trim()
            .trim_end_matches(';'),
    )
    .unwrap();
    for (k, p) in manifest["prefixes"].as_array().unwrap().iter().enumerate() {
        if p == "d" || p == "de" {
            expected.push(format!("p{k}"));
        }
    }
    expected.sort();
    expected.dedup();
    assert!(
        injected.iter().all(|n| expected.contains(n)),
        "the page loaded {injected:?}; a search for what was typed needs at most {expected:?}"
    );
    assert!(
        injected.len() < terms + doc_shards,
        "not every shard: {injected:?} of {terms} + {doc_shards}"
    );
    // The final query's shards are all there.
    for n in shards_read(&docs, &synonyms, "deshmi penaliteti", 8) {
        assert!(injected.contains(&n), "{n} missing from {injected:?}");
    }
}

/// First-result times in headless Chromium, index load included: a fresh page, the box
/// focused, a query typed; from the focus to the first result on screen . A measurement, not a check: run it with
/// A word of one or two letters being typed reads one small shard of its best documents
/// (`search-index/pK.js`) instead of the term shards of the 64 terms it begins: the same
/// results in the same order, with the box's limit and the search page's, and the page's
/// kinds all checked; a filter by kind or a second word takes the term shards.
#[test]
fn short_prefixes_read_one_shard_and_rank_as_the_term_shards() {
    let Some(browser) = browser("short_prefixes_read_one_shard_and_rank_as_the_term_shards") else {
        return;
    };
    let site = shipped_site().join("site");
    let tab = open(&browser, &file_url(&site.join("kerko.html")));
    wait_for(&tab, "!!window.DORACAK_SEARCH", "the manifest to load");
    let prefixes = eval(&tab, "DORACAK_SEARCH.prefixes");
    let prefixes = prefixes
        .as_array()
        .expect("the manifest lists the prefixes");
    // A one-letter prefix with a shard of its own (which ones depends on the content).
    let one = prefixes
        .iter()
        .filter_map(Value::as_str)
        .find(|p| p.chars().count() == 1)
        .unwrap_or_else(|| panic!("a one-letter prefix among {prefixes:?}"))
        .to_string();
    let compared = eval(
        &tab,
        "(async () => { const S = Doracak.search, idx = S.open(DORACAK_SEARCH, ''), out = []; const all = idx.kinds.map((k, i) => i); for (const p of idx.prefixes) { for (const o of [{ limit: 8 }, { limit: 200, kinds: all }, { limit: 30 }]) { const before = document.querySelectorAll('script[data-search-shard]').length; const fast = await S.search(idx, p, o); const read = [...document.querySelectorAll('script[data-search-shard]')].slice(before).map(s => s.getAttribute('data-search-shard')).filter(n => n[0] === 't'); const keep = idx.prefixes; idx.prefixes = null; const slow = await S.search(idx, p, o); idx.prefixes = keep; out.push([p, o.limit, JSON.stringify(fast.map(r => [r.url, r.score, r.kind])) === JSON.stringify(slow.map(r => [r.url, r.score, r.kind])), fast.length, read.length]); } } return out; })()",
    );
    let rows = compared.as_array().unwrap();
    assert_eq!(rows.len(), prefixes.len() * 3);
    for r in rows {
        assert_eq!(r[2], Value::Bool(true), "same results and order: {r}");
        assert!(r[3].as_u64().unwrap() > 0, "{r}");
    }
    // That letter alone (first typed, nothing loaded before) reads no term shard.
    let tab = open(&browser, &file_url(&site.join("kerko.html")));
    wait_for(&tab, "!!window.DORACAK_SEARCH", "the manifest to load");
    let read = eval(
        &tab,
        &format!(
            "(async () => {{ const S = Doracak.search, idx = S.open(DORACAK_SEARCH, ''); const r = await S.search(idx, '{one}', {{ limit: 8 }}); const f = await S.search(idx, '{one}', {{ limit: 8, kinds: [1] }}); return [r.length, [...document.querySelectorAll('script[data-search-shard]')].map(s => s.getAttribute('data-search-shard')).filter(n => n[0] !== 'd')]; }})()"
        ),
    );
    assert_eq!(read[0], Value::from(8));
    let names: Vec<&str> = read[1]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(names[0].starts_with('p'), "{names:?}");
    assert!(
        names[1..].iter().all(|n| n.starts_with('t')) && names.len() > 2,
        "a filter by kind reads the term shards: {names:?}"
    );
}

/// `cargo test --test it search_shards::first_result_times -- --ignored --nocapture`,
/// `DORACAK_SITE=/path/to/site` for another built site (default: the shipped one).
#[test]
#[ignore]
fn first_result_times() {
    let Some(browser) = browser("first_result_times") else {
        return;
    };
    let site = std::env::var_os("DORACAK_SITE")
        .map(PathBuf::from)
        .unwrap_or_else(|| shipped_site().join("site"));
    let queries = [
        "deshmi penaliteti",
        "ankese",
        "r",
        "kthimi vullnetar",
        "siguria e perfituesve",
        "femije",
        "plani individual",
        "monitorim",
    ];
    let mut all = Vec::new();
    for q in queries {
        let mut times = Vec::new();
        for _ in 0..3 {
            let tab = open(&browser, &file_url(&site.join("S1.html")));
            let ms = eval(
                &tab,
                &format!(
                    "(async () => {{ const input = document.getElementById('search-input'); const list = document.getElementById('search-list'); const t0 = performance.now(); input.focus(); input.value = {}; input.dispatchEvent(new Event('input', {{ bubbles: true }})); await new Promise(done => {{ const seen = () => list.querySelector('a.result') || !document.getElementById('search-panel').hidden; if (seen()) {{ done(); return; }} new MutationObserver((m, o) => {{ if (seen()) {{ o.disconnect(); done(); }} }}).observe(document.getElementById('search-panel'), {{ childList: true, subtree: true, attributes: true }}); }}); return [performance.now() - t0, document.querySelectorAll('script[data-search-shard]').length, list.querySelectorAll('a.result').length]; }})()",
                    serde_json::to_string(q).unwrap()
                ),
            );
            times.push((
                v_f64(&ms[0]),
                ms[1].as_u64().unwrap_or(0),
                ms[2].as_u64().unwrap_or(0),
            ));
            tab.close(true).ok();
        }
        times.sort_by(|a, b| a.0.total_cmp(&b.0));
        println!(
            "first result {q:?}: median {:.0} ms, max {:.0} ms ({} shard scripts, {} results)",
            times[1].0, times[2].0, times[1].1, times[1].2
        );
        all.extend(times.iter().map(|t| t.0));
    }
    all.sort_by(f64::total_cmp);
    println!(
        "all: median {:.0} ms, max {:.0} ms over {} runs on {}",
        all[all.len() / 2],
        all[all.len() - 1],
        all.len(),
        site.display()
    );
}

fn v_f64(v: &Value) -> f64 {
    v.as_f64().unwrap_or(f64::NAN)
}

/// Issue 28 (memory): a build makes the index a document at a time (`search::stream`),
/// writing each document shard when full and never holding every document's text; its
/// files are byte for byte those of the whole index made from the documents held in memory,
/// on the three handbooks (Albanian, English with its word forms, chapters).
#[test]
fn the_index_made_a_document_at_a_time_writes_the_same_files() {
    use std::collections::BTreeMap;
    for (name, root, analysis, _keep) in handbooks() {
        let (hb, diags) = doracak::check(&root);
        let hb = hb.unwrap_or_else(|| panic!("{}", diags.report()));
        let ui = doracak::interface_strings(&root, &hb);
        let docs = doracak::pipeline::search::documents(&hb, &ui);
        let mut whole = BTreeMap::new();
        let figures = ShardSet::with_synonyms(&docs, analysis, &hb.synonyms)
            .write(&mut |n, b| {
                whole.insert(n.to_string(), b.to_vec());
                Ok(())
            })
            .unwrap();
        let mut streamed = BTreeMap::new();
        let streamed_figures = doracak::pipeline::search::stream::write(
            &hb,
            &ui,
            analysis,
            &hb.synonyms,
            &mut |n, b| {
                assert!(
                    streamed.insert(n.to_string(), b.to_vec()).is_none(),
                    "{n} twice"
                );
                Ok(())
            },
        )
        .unwrap();
        assert!(
            whole.keys().any(|n| n.contains("/d")),
            "{name}: document shards"
        );
        assert_eq!(
            whole.keys().collect::<Vec<_>>(),
            streamed.keys().collect::<Vec<_>>(),
            "{name}: the same files"
        );
        for (n, bytes) in &whole {
            assert!(streamed[n] == *bytes, "{name}: {n} differs");
        }
        assert_eq!(
            (figures.docs, figures.terms, figures.postings, figures.bytes),
            (
                streamed_figures.docs,
                streamed_figures.terms,
                streamed_figures.postings,
                streamed_figures.bytes
            ),
            "{name}: figures"
        );
    }
}
