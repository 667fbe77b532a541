//! Issue 28: the search shards attacked as a hostile user would, from `file://`: a shard
//! deleted or cut short, a query of 10,000 characters, regex and HTML characters, 500
//! words, a site in a folder whose path has spaces and non-ASCII letters. The box must
//! always say something (results, no results, or that the search did not load) and never
//! hang or run markup it was given.

use std::path::{Path, PathBuf};

use crate::common::browser::*;
use crate::common::*;
use headless_chrome::{Browser, Tab};
use serde_json::Value;

/// A copy of the shipped site in a folder named with spaces and non-ASCII letters.
fn odd_site(dir: &Path) -> PathBuf {
    let site = dir.join("dosja ë ç — 2026").join("faqja e kërkimit");
    std::fs::create_dir_all(&site).unwrap();
    copy_tree(&shipped_site().join("site"), &site);
    site
}

/// Type `q` into the box of `page` and wait until the panel says something: the results,
/// or its message. Returns [results, the message].
fn typed(browser: &Browser, page: &Path, q: &str) -> (std::sync::Arc<Tab>, Value) {
    let tab = open(browser, &url_of(page));
    let js_q = serde_json::to_string(q).unwrap();
    eval(
        &tab,
        &format!(
            "(() => {{ const i = document.getElementById('search-input'); i.focus(); i.value = {js_q}; i.dispatchEvent(new Event('input', {{ bubbles: true }})); }})()"
        ),
    );
    wait_for(
        &tab,
        "!document.getElementById('search-panel').hidden && (document.querySelectorAll('#search-list a.result').length > 0 || document.querySelector('[data-search-more]').textContent.trim() !== '')",
        &format!("the box to answer {:.40}…", q),
    );
    let said = eval(
        &tab,
        "[document.querySelectorAll('#search-list a.result').length, document.querySelector('[data-search-more]').textContent.trim(), document.querySelectorAll('#search-panel img, #search-panel script').length]",
    );
    (tab, said)
}

/// The `file://` address of a path, its spaces and letters escaped as a browser writes them.
fn url_of(p: &Path) -> String {
    let s = p.to_string_lossy();
    let mut out = String::from("file://");
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[test]
fn the_search_box_answers_every_hostile_query_from_an_odd_path() {
    let Some(browser) = browser("the_search_box_answers_every_hostile_query_from_an_odd_path")
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let site = odd_site(dir.path());
    let page = site.join("S1.html");
    // An ordinary word, from a path with spaces and non-ASCII letters.
    let (_, said) = typed(&browser, &page, "deshmi");
    assert!(said[0].as_u64().unwrap() > 0, "{said}");
    // Markup and regex characters are text: searched, never run or drawn.
    let (_, said) = typed(&browser, &page, "<img src=x onerror=alert(1)>(.*[\\$^|?+{");
    assert_eq!(said[2], Value::from(0), "{said}");
    // Ten thousand characters, and five hundred words.
    let long = "penaliteti".repeat(1000);
    let (_, said) = typed(&browser, &page, &long);
    assert!(said[0].as_u64().unwrap() > 0 || !said[1].as_str().unwrap().is_empty());
    let many: Vec<String> = (0..500).map(|i| format!("fjala{i}")).collect();
    let (_, said) = typed(&browser, &page, &many.join(" "));
    assert!(
        !said[1].as_str().unwrap().is_empty() || said[0].as_u64().unwrap() > 0,
        "{said}"
    );
}

#[test]
fn a_missing_or_cut_shard_says_the_search_did_not_load_and_never_hangs() {
    let Some(browser) =
        browser("a_missing_or_cut_shard_says_the_search_did_not_load_and_never_hangs")
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let site = odd_site(dir.path());
    let page = site.join("S1.html");
    let manifest = std::fs::read_to_string(site.join("search-index.js")).unwrap();
    let manifest: Value = serde_json::from_str(
        manifest[manifest.find('=').unwrap() + 1..]
            .trim()
            .trim_end_matches(';'),
    )
    .unwrap();
    let unavailable = "Kërkimi nuk u ngarkua.";
    // The prefix shard of a letter gone (the first one-letter prefix of the manifest: which
    // ones have a shard depends on the content): the term shards answer, as before.
    let prefixes = manifest["prefixes"].as_array().unwrap();
    let k = prefixes
        .iter()
        .position(|p| p.as_str().is_some_and(|p| p.chars().count() == 1))
        .unwrap_or_else(|| panic!("a one-letter prefix among {prefixes:?}"));
    let letter = prefixes[k].as_str().unwrap().to_string();
    let (tab, fast) = typed(&browser, &page, &letter);
    let fast_urls = eval(
        &tab,
        "[...document.querySelectorAll('#search-list a.result')].map(a => a.getAttribute('href'))",
    );
    std::fs::remove_file(site.join(format!("search-index/p{k}.js"))).unwrap();
    let (tab, slow) = typed(&browser, &page, &letter);
    let slow_urls = eval(
        &tab,
        "[...document.querySelectorAll('#search-list a.result')].map(a => a.getAttribute('href'))",
    );
    assert_eq!(fast[0], slow[0]);
    assert_eq!(
        fast_urls, slow_urls,
        "the same results without the prefix shard"
    );
    // A term shard cut short, then deleted: the box says the search did not load.
    let shards: Vec<String> = manifest["shards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect();
    let t = shards.partition_point(|s| s.as_str() <= "deshmi") - 1;
    let file = site.join(format!("search-index/t{t}.js"));
    let whole = std::fs::read(&file).unwrap();
    std::fs::write(&file, &whole[..whole.len() / 2]).unwrap();
    let (_, said) = typed(&browser, &page, "deshmi");
    assert_eq!(said[1], Value::from(unavailable), "cut short: {said}");
    std::fs::remove_file(&file).unwrap();
    let (_, said) = typed(&browser, &page, "deshmi");
    assert_eq!(said[1], Value::from(unavailable), "deleted: {said}");
    // The manifest itself gone.
    std::fs::remove_file(site.join("search-index.js")).unwrap();
    let (_, said) = typed(&browser, &page, "deshmi");
    assert_eq!(said[1], Value::from(unavailable), "no manifest: {said}");
}
