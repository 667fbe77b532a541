//! Issue 28 (output per criterion): the term shards' postings are strings of base-64
//! varints (layout 4, src/pipeline/search/postings.rs), not arrays of decimal numbers.
//! Every term of the shipped site's index decodes, in Rust and in the browser alike, to
//! the postings of the whole index (each with its document's kind) and encodes back to the
//! same string; an index of the older layout (v 3, decimal arrays) is refused by the
//! command line's reader and by the page, never misread.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::browser::*;
use crate::common::*;
use doracak::pipeline::search::Kind;
use doracak::pipeline::search::analyzer::Analysis;
use doracak::pipeline::search::index::Ranking;
use doracak::pipeline::search::postings::{decode, encode};
use doracak::pipeline::search::reader::Reader;
use serde_json::Value;

/// The term shards of a built site, by number.
fn term_shards(site: &Path) -> BTreeMap<usize, Value> {
    let mut out = BTreeMap::new();
    for e in std::fs::read_dir(site.join("search-index")).unwrap() {
        let path = e.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let Some(k) = name.strip_prefix('t').and_then(|k| k.parse().ok()) else {
            continue;
        };
        let text = read(&path);
        let json = text
            .strip_prefix(&format!("Doracak.search.loaded(\"{name}\","))
            .and_then(|t| t.strip_suffix(");\n"))
            .unwrap_or_else(|| panic!("{name}: not a shard"));
        out.insert(k, serde_json::from_str(json).unwrap());
    }
    out
}

fn write_term_shard(site: &Path, k: usize, data: &Value) {
    std::fs::write(
        site.join(format!("search-index/t{k}.js")),
        format!("Doracak.search.loaded(\"t{k}\",{data});\n"),
    )
    .unwrap();
}

#[test]
fn every_terms_postings_decode_to_the_whole_index_in_rust_and_in_the_browser() {
    let site = shipped_site().join("site");
    let root = repo();
    let (hb, diags) = doracak::check(&root);
    let hb = hb.unwrap_or_else(|| panic!("{}", diags.report()));
    let docs = doracak::pipeline::search::documents(&hb, &doracak::interface_strings(&root, &hb));
    let whole = Ranking::new(&docs, Analysis::Albanian).with_synonyms(&hb.synonyms);
    let kind = |d: usize| Kind::ALL.iter().position(|k| *k == docs[d].kind).unwrap() as u32;
    // What each term's postings hold: document delta, score × 16 + kind, in turn.
    let expected: Vec<(&str, Vec<u32>)> = whole
        .postings()
        .map(|(t, p)| {
            let mut doc = 0;
            let nums = p
                .chunks_exact(2)
                .flat_map(|pair| {
                    doc += pair[0] as usize;
                    [pair[0], pair[1] * 16 + kind(doc)]
                })
                .collect();
            (t, nums)
        })
        .collect();
    let shards = term_shards(&site);
    let mut n = 0;
    for (k, shard) in &shards {
        let terms = shard["terms"].as_array().unwrap();
        let post = shard["post"].as_array().unwrap();
        assert_eq!(terms.len(), post.len(), "t{k}");
        for (t, p) in terms.iter().zip(post) {
            let (term, want) = &expected[n];
            assert_eq!(t.as_str().unwrap(), *term, "t{k}: the terms in order");
            let s = p
                .as_str()
                .unwrap_or_else(|| panic!("t{k} {t}: postings not a string: {p}"));
            let got = decode(s).unwrap_or_else(|e| panic!("t{k} {t}: {e}"));
            assert_eq!(&got, want, "t{k} {t}");
            assert_eq!(encode(&got), s, "t{k} {t}: encodes back to the same string");
            n += 1;
        }
    }
    assert_eq!(n, expected.len(), "every term of the index is in a shard");
    assert!(n > 1000, "{n} terms");

    let Some(browser) =
        browser("every_terms_postings_decode_to_the_whole_index_in_rust_and_in_the_browser")
    else {
        return;
    };
    let tab = open(&browser, &file_url(&site.join("kerko.html")));
    wait_for(&tab, "!!(window.Doracak && Doracak.search)", "the engine");
    for (k, shard) in &shards {
        let got = eval(
            &tab,
            &format!("{}.map(p => Doracak.search.decodePost(p))", shard["post"]),
        );
        let want: Vec<Vec<u32>> = shard["post"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| decode(p.as_str().unwrap()).unwrap())
            .collect();
        assert!(
            got == serde_json::to_value(&want).unwrap(),
            "t{k}: the browser reads the postings otherwise"
        );
    }
    // What Rust refuses the browser refuses: cut short, not a digit, decimal, an array (the
    // older layout), a number over 32 bits.
    let refused = eval(
        &tab,
        r#"["g", "A,B", "1,2", [1, 2], "_______D", "______E"].map(p => { try { Doracak.search.decodePost(p); return false; } catch (e) { return true; } })"#,
    );
    assert_eq!(
        refused,
        serde_json::json!([true, true, true, true, true, true])
    );
    for s in ["g", "A,B", "1,2", "_______D", "______E"] {
        assert!(decode(s).is_err(), "{s}");
    }
    assert_eq!(decode("______D").unwrap(), vec![u32::MAX]);
}

/// A copy of the shipped site whose term shards are put back in the older layout (each
/// term's postings an array of decimal numbers), and its manifest too (v 3) where
/// `manifest`: what a build before layout 4 wrote.
fn older_layout(dir: &Path, manifest: bool) -> PathBuf {
    let site = dir.join("site");
    copy_tree(&shipped_site().join("site"), &site);
    for (k, mut shard) in term_shards(&site) {
        for p in shard["post"].as_array_mut().unwrap() {
            *p = serde_json::to_value(decode(p.as_str().unwrap()).unwrap()).unwrap();
        }
        write_term_shard(&site, k, &shard);
    }
    if manifest {
        let text = read(&site.join("search-index.js"));
        assert!(text.contains("window.DORACAK_SEARCH = {\"v\":4,"));
        std::fs::write(
            site.join("search-index.js"),
            text.replacen("{\"v\":4,", "{\"v\":3,", 1),
        )
        .unwrap();
    }
    site
}

/// The command line's reader over a built site's files.
fn on_disk(site: &Path) -> std::io::Result<Reader<'static>> {
    let site = site.to_path_buf();
    Reader::open(
        Analysis::Albanian,
        Box::new(move |n: &str| std::fs::read(site.join(n))),
    )
}

/// Type `q` into the box of `page`; [results shown, the panel's message].
fn typed(browser: &headless_chrome::Browser, page: &Path, q: &str) -> Value {
    let tab = open(browser, &file_url(page));
    eval(
        &tab,
        &format!(
            "(() => {{ const i = document.getElementById('search-input'); i.focus(); i.value = {}; i.dispatchEvent(new Event('input', {{ bubbles: true }})); }})()",
            serde_json::to_string(q).unwrap()
        ),
    );
    wait_for(
        &tab,
        "!document.getElementById('search-panel').hidden && (document.querySelectorAll('#search-list a.result').length > 0 || document.querySelector('[data-search-more]').textContent.trim() !== '')",
        "the box to answer",
    );
    eval(
        &tab,
        "[document.querySelectorAll('#search-list a.result').length, document.querySelector('[data-search-more]').textContent.trim()]",
    )
}

#[test]
fn an_index_of_the_older_layout_is_refused_never_misread() {
    // The shipped site as built reads, from its files on disk.
    let site = shipped_site().join("site");
    let mut reader = on_disk(&site).unwrap();
    assert!(!reader.rank("deshmi").unwrap().is_empty());

    // All of it older: the manifest says so, and the reader says which.
    let old = tempfile::tempdir().unwrap();
    let old_site = older_layout(old.path(), true);
    match on_disk(&old_site) {
        Ok(_) => panic!("an index of layout 3 was opened"),
        Err(e) => {
            let e = e.to_string();
            assert!(
                e.contains("version 3") && e.contains("version 4"),
                "says which versions: {e}"
            );
        }
    }
    // Older shards behind a new manifest (files left from an older build): refused at the
    // first term shard read, not ranked.
    let mixed = tempfile::tempdir().unwrap();
    let mixed_site = older_layout(mixed.path(), false);
    let mut reader = on_disk(&mixed_site).unwrap();
    match reader.rank("deshmi") {
        Ok(r) => panic!("older shards ranked: {} results", r.len()),
        Err(e) => assert!(e.to_string().contains("search-index/t"), "{e}"),
    }

    // A stray number added to each list (a hand-edited shard): every pair after it would be
    // read shifted, fewer and other results (adversary 50 L-5); refused.
    let stray = tempfile::tempdir().unwrap();
    let stray_site = stray.path().join("site");
    copy_tree(&site, &stray_site);
    for (k, mut shard) in term_shards(&stray_site) {
        for p in shard["post"].as_array_mut().unwrap() {
            *p = Value::String(format!("{}B", p.as_str().unwrap()));
        }
        write_term_shard(&stray_site, k, &shard);
    }
    let mut reader = on_disk(&stray_site).unwrap();
    match reader.rank("deshmi") {
        Ok(r) => panic!("a list with a stray number ranked: {} results", r.len()),
        Err(e) => assert!(e.to_string().contains("not pairs"), "{e}"),
    }

    let Some(browser) = browser("an_index_of_the_older_layout_is_refused_never_misread") else {
        return;
    };
    let unavailable = "Kërkimi nuk u ngarkua.";
    let said = typed(&browser, &site.join("S1.html"), "deshmi");
    assert!(said[0].as_u64().unwrap() > 0, "the site as built: {said}");
    for (what, s) in [
        ("older", &old_site),
        ("older shards", &mixed_site),
        ("a stray number", &stray_site),
    ] {
        let said = typed(&browser, &s.join("S1.html"), "deshmi");
        assert_eq!(said, serde_json::json!([0, unavailable]), "{what}");
    }
    // The engine says why.
    let tab = open(&browser, &file_url(&old_site.join("kerko.html")));
    wait_for(&tab, "!!window.DORACAK_SEARCH", "the manifest");
    let why = eval(
        &tab,
        "Doracak.search.search(Doracak.search.open(DORACAK_SEARCH, ''), 'deshmi', { limit: 8 }).then(() => 'ranked', e => String(e))",
    );
    let why = why.as_str().unwrap();
    assert!(why.contains("layout version 3"), "{why}");
}
