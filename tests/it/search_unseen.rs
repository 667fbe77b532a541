//! Search relevance on queries the project had not seen: 75 Albanian queries a shelter
//! director or a social worker would type (tests/fixtures/search-unseen/queries.tsv, written
//! before they were searched), each with the place a person expects. The share found in the
//! top five, measured once, is recorded in `measured.toml` and held here as a floor.

use crate::common::*;

const ALBANIAN: doracak::pipeline::search::analyzer::Analysis =
    doracak::pipeline::search::analyzer::Analysis::Albanian;

fn queries() -> Vec<(String, String)> {
    read(&fixtures().join("search-unseen/queries.tsv"))
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (q, want) = l.split_once('\t').expect("query<TAB>expected");
            (q.to_string(), want.to_string())
        })
        .collect()
}

fn floor(key: &str) -> usize {
    let t: toml::Table =
        toml::from_str(&read(&fixtures().join("search-unseen/measured.toml"))).unwrap();
    t[key].as_integer().unwrap() as usize
}

/// How many queries find their place in the top five, and the misses.
fn measure(synonyms: &[Vec<String>]) -> (usize, Vec<String>) {
    let (hb, diags) = doracak::check(&repo());
    let hb = hb.unwrap_or_else(|| panic!("{}", diags.report()));
    let docs = doracak::pipeline::search::documents(&hb, &doracak::interface_strings(&repo(), &hb));
    // The shards once, read as `doracak search` reads them.
    let set = doracak::pipeline::search::shards::ShardSet::with_synonyms(&docs, ALBANIAN, synonyms);
    let mut found = 0;
    let mut misses = Vec::new();
    for (q, want) in queries() {
        let load = Box::new(|name: &str| {
            set.file(name)
                .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, name.to_string()))
        });
        let mut reader = doracak::pipeline::search::reader::Reader::open(ALBANIAN, load).unwrap();
        let urls: Vec<String> =
            doracak::pipeline::search::query::search_shards(&mut reader, ALBANIAN, &q, 5)
                .unwrap()
                .into_iter()
                .map(|h| h.url)
                .collect();
        if urls.iter().any(|u| u.contains(&want)) {
            found += 1;
        } else {
            misses.push(format!("{q:?}: {want} not in {urls:?}"));
        }
    }
    (found, misses)
}

#[test]
fn unseen_queries_find_what_a_person_expects_in_the_top_five() {
    assert_eq!(queries().len(), 75);
    let (hb, diags) = doracak::check(&repo());
    let hb = hb.unwrap_or_else(|| panic!("{}", diags.report()));
    let (before, _) = measure(&[]);
    let (after, misses) = measure(&hb.synonyms);
    eprintln!(
        "unseen queries, top five: {before} of 75 without the synonyms, {after} of 75 with them"
    );
    eprintln!("misses: {misses:#?}");
    assert!(
        after >= floor("top_five_with_synonyms"),
        "{after} of 75 found, below the measured floor: {misses:#?}"
    );
    assert!(
        before >= floor("top_five_without_synonyms"),
        "{before} without the synonyms"
    );
}
