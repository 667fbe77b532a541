//! Issue 25, stop 50 (c50b): adversary 49 L-4 (a stem that ends where the source's examples
//! begin), the "who?" feedback that names every correct answer, and the sentence splitter's
//! abbreviations.

use crate::common::{shipped_site, unescape};

/// Every question of every quiz page of the shipped site, once: (id, page, stem, feedback).
fn questions() -> Vec<(String, String, String, String)> {
    let dir = shipped_site().join("site/trajnim/kuizi");
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    pages.sort();
    let mut out: Vec<(String, String, String, String)> = Vec::new();
    for page in pages {
        let html = unescape(&std::fs::read_to_string(&page).unwrap());
        let name = page.file_name().unwrap().to_string_lossy().to_string();
        for part in html.split("data-question=\"").skip(1) {
            let id = part.split('"').next().unwrap().to_string();
            let legend = part
                .split("<legend")
                .nth(1)
                .and_then(|l| l.split("</legend>").next())
                .unwrap_or_default();
            let source = part
                .split("class=\"quiz-source")
                .nth(1)
                .and_then(|s| s.split("</q>").next())
                .unwrap_or_default();
            let text = |h: &str| crate::common::plain(h.split_once('>').map_or("", |(_, t)| t));
            if !out.iter().any(|q| q.0 == id) {
                out.push((id, name.clone(), text(legend), text(source)));
            }
        }
    }
    assert!(out.len() > 150, "{} questions", out.len());
    out
}

/// The quotes („…“) of a stem.
fn quotes(stem: &str) -> Vec<&str> {
    stem.split('„')
        .skip(1)
        .filter_map(|q| q.split('“').next())
        .collect()
}

#[test]
fn no_stem_ends_where_the_sources_examples_begin() {
    // Adversary 49 L-4, 003:2511-2527: menaxhimi-i-rastit 7.who ended on "…, për
    // shembull:“?", the colon pointing at the cases the source gives as examples. The stem
    // quotes the sentence up to where they begin, on every quiz page.
    let all = questions();
    let open: Vec<String> = all
        .iter()
        .filter(|(_, _, stem, _)| {
            quotes(stem).iter().any(|q| {
                let q = q.trim_end();
                q.ends_with(':') || q.contains("për shembull") || q.contains("p.sh.")
            })
        })
        .map(|(id, page, stem, _)| format!("{page} {id}: {stem}"))
        .collect();
    assert!(open.is_empty(), "{open:#?}");
    let (_, _, stem, _) = all
        .iter()
        .find(|q| q.0 == "menaxhimi-i-rastit.7.who")
        .expect("7.who is asked");
    assert!(
        stem.contains("… transferon fëmijën në një organizatë/institucion tjetër“?"),
        "{stem}"
    );
}
