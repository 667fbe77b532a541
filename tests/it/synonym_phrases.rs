//! Synonyms of more than one word (`content/synonyms.yaml`): a phrase is an entry of a set
//! like a word; the command line and the site expand it alike, the words a synonym found
//! are marked in the excerpts, and a careless synonyms file gets located messages.

use crate::common::browser::*;
use crate::common::*;

const ALBANIAN: doracak::pipeline::search::analyzer::Analysis =
    doracak::pipeline::search::analyzer::Analysis::Albanian;

/// The minimal handbook with `synonyms` as its content/synonyms.yaml.
fn handbook(synonyms: &str) -> tempfile::TempDir {
    let dir = minimal_copy();
    std::fs::write(dir.path().join("content/synonyms.yaml"), synonyms).unwrap();
    dir
}

const PHRASES: &str = "sets:\n  - [deklarata e misionit, mission statement]\n  - [mjek, doktor]\n";

fn hits(root: &std::path::Path, query: &str) -> Vec<doracak::pipeline::search::query::Hit> {
    let (hb, diags) = doracak::check(root);
    let hb = hb.unwrap_or_else(|| panic!("{}", diags.report()));
    let docs = doracak::pipeline::search::documents(&hb, &doracak::interface_strings(root, &hb));
    doracak::pipeline::search::query::search_with(&docs, ALBANIAN, &hb.synonyms, query, 10).unwrap()
}

/// The marked words of a hit's excerpt.
fn marked(h: &doracak::pipeline::search::query::Hit) -> Vec<String> {
    let chars: Vec<char> = h.snippet.chars().collect();
    h.highlights
        .iter()
        .map(|[a, b]| chars[*a..*b].iter().collect())
        .collect()
}

#[test]
fn a_phrase_finds_its_synonym_phrase_and_marks_its_words_on_the_command_line() {
    let dir = handbook(PHRASES);
    let o = doracak(&["--root", dir.path().to_str().unwrap(), "check"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // "mission statement" is not in the handbook; "Deklarata e misionit" is.
    let found = hits(dir.path(), "mission statement");
    let first = found.first().expect("the phrase's synonym is found");
    assert!(
        first.snippet.contains("Deklarata e misionit"),
        "{}: {}",
        first.url,
        first.snippet
    );
    let words = marked(first);
    assert!(
        words.contains(&"Deklarata".to_string()) && words.contains(&"misionit".to_string()),
        "the synonym's words are marked: {words:?} in {}",
        first.snippet
    );
    // Every result holds both words of the phrase: a document with only one of them is no
    // match for the phrase.
    for h in &found {
        let t = h.snippet.to_lowercase();
        assert!(
            t.contains("deklarat") && t.contains("misionit"),
            "{}: {}",
            h.url,
            h.snippet
        );
    }
    // The phrase typed as the handbook words it ranks first, the synonym a little lower.
    let own = hits(dir.path(), "deklarata e misionit");
    assert_eq!(own[0].url, first.url);
    assert!(own[0].score > first.score);
    // One word of a phrase alone is not the phrase.
    assert!(hits(dir.path(), "mission").is_empty());
}

#[test]
fn the_browser_expands_phrases_as_the_command_line_and_marks_the_same_words() {
    let Some(browser) = browser(
        "synonym_phrases::the_browser_expands_phrases_as_the_command_line_and_marks_the_same_words",
    ) else {
        return;
    };
    let dir = handbook(PHRASES);
    let site = dir.path().join("site");
    build_ok(dir.path(), &site);
    let tab = open(&browser, &file_url(&site.join("kerko.html")));
    wait_for(&tab, "!!window.DORACAK_SEARCH", "the manifest");
    for q in [
        "mission statement",
        "mission statement e qellimit",
        "deklarata e misionit",
        "qellimi mission statement",
        "mission",
        "statement mission",
    ] {
        let cli: Vec<String> = hits(dir.path(), q).into_iter().map(|h| h.url).collect();
        assert_eq!(js_search_urls(&tab, q, 10), cli, "{q}");
    }
    let got = eval(
        &tab,
        "(async () => { const idx = Doracak.search.open(DORACAK_SEARCH, ''); const r = await Doracak.search.search(idx, 'mission statement', { limit: 1 }); return Doracak.search.snippet(idx, 'mission statement', r[0].text).filter(s => s.mark).map(s => s.text); })()",
    );
    let cli = marked(&hits(dir.path(), "mission statement")[0]);
    assert_eq!(serde_json::from_value::<Vec<String>>(got).unwrap(), cli);
}

#[test]
fn a_careless_synonyms_file_gets_located_errors_and_a_warning() {
    let dir = handbook(
        "sets:\n  - [mjek, doktor]\n  - [deklarata e misionit, \"  \"]\n  - [Mjek, mjek i qendrës, mjek]\n  - [doktor, physician]\n",
    );
    let o = doracak(&["--root", dir.path().to_str().unwrap(), "check"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    let has = |line: u32, what: &str| {
        stderr
            .lines()
            .any(|l| l.starts_with(&format!("content/synonyms.yaml:{line}:")) && l.contains(what))
    };
    assert!(
        has(
            3,
            "error: expected a word or a phrase in the set, found \"  \""
        ),
        "{stderr}"
    );
    assert!(
        has(
            4,
            "error: expected each word or phrase once in the set, found \"mjek\" again"
        ),
        "{stderr}"
    );
    assert!(
        has(4, "warning: \"mjek\" is also in an earlier set (line 2)"),
        "{stderr}"
    );
    assert!(
        has(5, "warning: \"doktor\" is also in an earlier set (line 2)"),
        "{stderr}"
    );
}

#[test]
fn ten_thousand_sets_build_and_search_alike() {
    let Some(browser) = browser("synonym_phrases::ten_thousand_sets_build_and_search_alike") else {
        return;
    };
    let mut yaml = String::from("sets:\n");
    for i in 0..10_000 {
        yaml.push_str(&format!("  - [fjala{i} e pare, term{i} i dyte]\n"));
    }
    yaml.push_str("  - [deklarata e misionit, mission statement]\n");
    let dir = handbook(&yaml);
    let site = dir.path().join("site");
    let t = std::time::Instant::now();
    build_ok(dir.path(), &site);
    eprintln!("10,000 synonym sets: built in {:?}", t.elapsed());
    let manifest = std::fs::metadata(site.join("search-index.js"))
        .unwrap()
        .len();
    eprintln!("manifest: {manifest} bytes");
    let cli: Vec<String> = hits(dir.path(), "mission statement")
        .into_iter()
        .map(|h| h.url)
        .collect();
    assert!(!cli.is_empty());
    let tab = open(&browser, &file_url(&site.join("kerko.html")));
    wait_for(&tab, "!!window.DORACAK_SEARCH", "the manifest");
    assert_eq!(js_search_urls(&tab, "mission statement", 10), cli);
}
