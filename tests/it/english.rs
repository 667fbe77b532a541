//! An English handbook, end to end: its search stems and stops words the English way in
//! the command line and in the browser alike, and its self-assessment and search work from
//! `file://` with no Albanian word on screen.

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::common::browser::*;
use crate::common::*;
use doracak::pipeline::search::analyzer::Analysis;
use headless_chrome::Tab;

const EN: Analysis = Analysis::English;

fn root() -> PathBuf {
    fixtures().join("english")
}

fn cli(query: &str) -> Vec<String> {
    let (hb, diags) = doracak::check(&root());
    let hb = hb.unwrap_or_else(|| panic!("{}", diags.report()));
    let docs = doracak::pipeline::search::documents(&hb, &doracak::interface_strings(&root(), &hb));
    doracak::pipeline::search::query::search(&docs, EN, query, 20)
        .unwrap()
        .into_iter()
        .map(|h| h.url)
        .collect()
}

/// The terms `doracak search` reads `query` as: through the table of word forms the
/// index's term shards carry, as the browser does.
fn cli_terms(query: &str) -> Vec<String> {
    let (hb, diags) = doracak::check(&root());
    let hb = hb.unwrap_or_else(|| panic!("{}", diags.report()));
    let docs = doracak::pipeline::search::documents(&hb, &doracak::interface_strings(&root(), &hb));
    let set = doracak::pipeline::search::shards::ShardSet::new(&docs, EN);
    let load = Box::new(|name: &str| {
        set.file(name)
            .ok_or_else(|| std::io::Error::other(name.to_string()))
    });
    let mut reader = doracak::pipeline::search::reader::Reader::open(EN, load).unwrap();
    reader
        .parse(query)
        .unwrap()
        .into_iter()
        .map(|(t, _)| t)
        .collect()
}

const STEP_POLICE: &str = "procedure/responding-to-a-concern.html#responding-to-a-concern.2";
const STEP_POLICIES: &str = "procedure/responding-to-a-concern.html#responding-to-a-concern.3";

#[test]
fn english_search_meets_reported_and_report_and_keeps_policies_from_police() {
    // "Staff know how to report a concern, and every report is followed up." — standard 2.
    let reported = cli("reported");
    assert!(reported.iter().any(|u| u == "S2.html"), "{reported:?}");
    let policies = cli("policies");
    assert!(policies.iter().any(|u| u == STEP_POLICIES), "{policies:?}");
    assert!(!policies.iter().any(|u| u == STEP_POLICE), "{policies:?}");
    // "police " typed whole: a word still being typed ("police") also finds longer words.
    let police = cli("police ");
    assert!(police.iter().any(|u| u == STEP_POLICE), "{police:?}");
    assert!(!police.iter().any(|u| u == STEP_POLICIES), "{police:?}");
    // Stop words find nothing on their own, and do not dilute a query.
    assert!(cli("the of and").is_empty());
    assert_eq!(cli("the police "), police);
}

/// Albanian words: the Albanian pack's words that are neither in the English pack nor in
/// the English handbook.
fn albanian_words() -> BTreeSet<String> {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 3)
            .map(|w| w.to_lowercase().replace('ë', "e").replace('ç', "c"))
            .collect()
    };
    let pack = |lang: &str| -> std::collections::BTreeMap<String, String> {
        toml::from_str(&read(&repo().join(format!("theme/locales/{lang}.toml")))).unwrap()
    };
    let en: BTreeSet<String> = pack("en").values().flat_map(|v| words(v)).collect();
    let mut content = BTreeSet::new();
    for e in walkdir::WalkDir::new(root()) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            content.extend(words(&read(e.path())));
        }
    }
    pack("sq")
        .values()
        .flat_map(|v| words(v))
        .filter(|w| !en.contains(w) && !content.contains(w))
        .collect()
}

fn no_albanian_on_screen(tab: &Tab, albanian: &BTreeSet<String>, what: &str) {
    let text = eval(tab, "document.body.innerText");
    let text = text.as_str().unwrap();
    let found: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| albanian.contains(&w.to_lowercase().replace('ë', "e").replace('ç', "c")))
        .collect();
    assert!(
        found.is_empty() && !text.contains(['ë', 'ç']),
        "{what}: Albanian on screen: {found:?}"
    );
}

#[test]
fn the_english_site_s_search_and_self_assessment_work_from_file_urls_in_english() {
    let Some(browser) =
        browser("the_english_site_s_search_and_self_assessment_work_from_file_urls_in_english")
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root(), dir.path());
    let site = dir.path().join("site");
    build_ok(dir.path(), &site);
    let albanian = albanian_words();

    // The browser and the command line read a query alike, word by word, through the
    // index's table of word forms (no stemmer in the browser): words with stems, stop
    // words, apostrophes and marks, forms the handbook has and forms it does not.
    let tab = open(&browser, &file_url(&site.join("search.html")));
    wait_for(&tab, "!!window.DORACAK_SEARCH", "the index to load");
    let words = [
        "reported",
        "reporting",
        "reports",
        "report",
        "policies",
        "policy",
        "police",
        "children's",
        "don't",
        "the",
        "And",
        "within",
        "generously",
        "communism",
        "arsenal",
        "emergency",
        "evening",
        "added",
        "dying",
        "skies",
        "news",
        "ugly",
        "proceeded",
        "naïve",
        "Café",
        "G/SPIF",
        "24-hour",
        "2nd",
        "safeguarding",
        "volunteers",
        "recruiting",
        "policy",
        "supervising",
    ];
    for w in words {
        assert_eq!(js_analyze(&tab, w), cli_terms(w), "{w}");
    }
    // The words the handbook has get the stemmer's term, through the index's table.
    for w in [
        "reported",
        "report",
        "policies",
        "police",
        "safeguarding",
        "The",
    ] {
        assert_eq!(js_analyze(&tab, w), EN.analyze(w), "{w}");
    }
    // The browser ranks as the command line does.
    for q in [
        "reported",
        "policies",
        "police",
        "the police",
        "concern log",
        "recr",
    ] {
        let urls = js_search_urls(&tab, q, 20);
        assert_eq!(urls, cli(q), "{q}");
    }

    // The search page, with a query typed as a person would.
    let tab = open(
        &browser,
        &format!("{}?q=reported", file_url(&site.join("search.html"))),
    );
    wait_for(
        &tab,
        "document.querySelectorAll('#search-page-results li').length > 0",
        "results",
    );
    let marks = eval(
        &tab,
        "[...document.querySelectorAll('#search-page-results mark')].map(m => m.textContent.toLowerCase())",
    );
    assert!(
        marks.as_array().unwrap().iter().any(|m| m == "report"),
        "'report' is highlighted for 'reported': {marks}"
    );
    no_albanian_on_screen(&tab, &albanian, "the search page");

    // The self-assessment: create, rate, see the score, all in English.
    let tab = new_assessment(
        &browser,
        &site.join("assessment/index.html"),
        "Hill House 2026",
    );
    no_albanian_on_screen(&tab, &albanian, "the self-assessment overview");
    let tab = open(&browser, &file_url(&site.join("assessment/S1.html")));
    tab.wait_for_element("input[name='r-S1.1'][value=met]")
        .unwrap()
        .click()
        .unwrap();
    tab.wait_for_element("input[name='r-S1.2'][value=partly]")
        .unwrap()
        .click()
        .unwrap();
    wait_for(
        &tab,
        "document.querySelector('[data-score=\"S1\"]').textContent.includes('3 / 4')",
        "the score of standard 1",
    );
    no_albanian_on_screen(&tab, &albanian, "a standard's rating page");
    let tab = open(&browser, &file_url(&site.join("assessment/index.html")));
    wait_for(
        &tab,
        "document.body.innerText.includes('Hill House 2026')",
        "the overview",
    );
    no_albanian_on_screen(&tab, &albanian, "the overview with scores");
}

/// English queries a reader would type, mostly in forms the handbook does not use
/// ("recruiting" where it says "recruitment"), each with the place a person expects.
const EXPECTED: &[(&str, &str)] = &[
    ("recruiting", "S1.html"),
    ("recruited", "S1.html"),
    ("volunteering", "S1.html"),
    ("references", "S1.html#S1.1"),
    ("employers", "S1.html#S1.1"),
    ("employment", "S1.html#S1.1"),
    ("checking", "S1.html"),
    ("supervising", "S1.html#S1.2"),
    ("supervision", "S1.html#S1.2"),
    ("inductions", "S1.html#S1.2"),
    ("receiving", "S1.html#S1.1"),
    ("renewal", "S1.html#S1.1"),
    ("reporting", "S2.html"),
    ("concerned", "S2.html"),
    ("deciding", "safeguarding-lead"),
    ("calling police", STEP_POLICE),
    ("dangerous", STEP_POLICE),
    ("reviewing policies", STEP_POLICIES),
    ("policy", STEP_POLICIES),
    ("records", "C1"),
    ("meeting", "key-worker"),
    ("knowing", "key-worker"),
    ("seniors", "safeguarding-lead"),
    ("rules", "glossary"),
    ("reviews", STEP_POLICIES),
    ("writing", "responding-to-a-concern.1"),
    ("logs", "responding-to-a-concern.1"),
    ("closing", "procedure/responding-to-a-concern.html"),
    ("arising", "S2.html#S2.1"),
    ("plans", STEP_POLICIES),
];

/// How many of `EXPECTED` find their place first and in the top five, with the misses.
fn english_figures() -> (usize, usize, Vec<String>) {
    let (mut first, mut five, mut misses) = (0, 0, Vec::new());
    for (q, want) in EXPECTED {
        let urls = cli(q);
        if urls.first().is_some_and(|u| u.contains(want)) {
            first += 1;
        } else {
            eprintln!("{q:?}: first {:?}, {want} expected", urls.first());
        }
        if urls.iter().take(5).any(|u| u.contains(want)) {
            five += 1;
        } else {
            misses.push(format!(
                "{q:?}: {want} not in {:?}",
                &urls[..urls.len().min(5)]
            ));
        }
    }
    (first, five, misses)
}

#[test]
fn english_queries_find_what_a_person_expects() {
    let (first, five, misses) = english_figures();
    eprintln!(
        "English queries: {first} of {} first, {five} in the top five; misses: {misses:#?}",
        EXPECTED.len()
    );
    // Measured with tantivy's Snowball stemmer in the browser's port and the CLI: 22
    // first, 29 in the top five; through the index's word forms (no stemmer in the
    // browser, the same reading in both): 21 first ("policy", unseen, reads as the
    // indexed "polic" of "police"), 29 in the top five.
    assert!(five >= 29, "{five} in the top five: {misses:#?}");
    assert!(first >= 21, "{first} first");
}

/// The table of word forms holds the handbook's words only: the interface's words in the
/// results' titles ("Criterion 1.1 — …", "Evidence 1.1 — standard 1, criterion 1") are not
/// the documents' text, and the English fixture's text never says "criterion".
#[test]
fn the_word_forms_table_holds_no_interface_word_of_the_titles() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root(), dir.path());
    let site = dir.path().join("site");
    build_ok(dir.path(), &site);
    let mut forms = BTreeSet::new();
    let mut shards = 0;
    let mut titles = String::new();
    for e in std::fs::read_dir(site.join("search-index")).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if !((name.starts_with('t') || name.starts_with('d')) && name.ends_with(".js")) {
            continue;
        }
        let text = read(&p);
        if name.starts_with('d') {
            titles.push_str(&text);
        }
        let json = &text[text.find(',').unwrap() + 1..text.rfind(')').unwrap()];
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        if let Some(f) = v["forms"].as_object() {
            shards += 1;
            forms.extend(f.keys().cloned());
        }
    }
    assert!(shards > 0 && forms.contains("recruitment"), "{forms:?}");
    assert!(titles.contains("Criterion 1."), "the titles say it");
    for word in ["criterion", "criteria"] {
        assert!(!forms.contains(word), "{word} is indexed as text");
    }
}
