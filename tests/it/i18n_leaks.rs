//! The leak test over every fixture: no Albanian word of the built-in pack in any page,
//! script, data file, style sheet or file name of a handbook in another language.

use crate::common::*;
use crate::locales::pack;

/// Words of at least three letters, lowercased, ë and ç as e and c (as an anchor or a
/// file name would write them).
fn words(text: &str) -> std::collections::BTreeSet<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 3)
        .map(|w| w.to_lowercase().replace('ë', "e").replace('ç', "c"))
        .collect()
}

/// The Albanian words of the built site of the fixture `name`: words of the Albanian pack
/// that are in neither the English pack (every fixture's fallback) nor the fixture's own
/// files, and "ë" or "ç", in page text, scripts, data, style sheets and file names.
fn albanian_in(name: &str) -> (usize, Vec<String>, tempfile::TempDir) {
    let en: std::collections::BTreeSet<String> =
        pack("en").values().flat_map(|v| words(v)).collect();
    let mut content = std::collections::BTreeSet::new();
    for e in walkdir::WalkDir::new(fixtures().join(name)) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            content.extend(words(&read(e.path())));
        }
    }
    let albanian: std::collections::BTreeSet<String> = pack("sq")
        .values()
        .flat_map(|v| words(v))
        .filter(|w| !en.contains(w) && !content.contains(w))
        .collect();
    assert!(albanian.len() > 300, "{}", albanian.len());
    assert!(albanian.contains("vleresimi") && albanian.contains("kerko"));

    // Albanian's letters, where the handbook's own language has none of them (French
    // writes "ç").
    let mut fixture_text = String::new();
    for e in walkdir::WalkDir::new(fixtures().join(name)) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            fixture_text.push_str(&read(e.path()));
        }
    }
    let own: Vec<char> = ['ë', 'ç', 'Ë', 'Ç']
        .into_iter()
        .filter(|c| !fixture_text.contains(*c))
        .collect();
    let own_letters = own.as_slice();
    assert!(own.contains(&'ë'), "{name} writes ë");

    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join(name), dir.path());
    let site = dir.path().join("site");
    build_ok(dir.path(), &site);
    let mut found = Vec::new();
    let mut files = 0;
    for e in walkdir::WalkDir::new(&site) {
        let e = e.unwrap();
        if !e.file_type().is_file() {
            continue;
        }
        files += 1;
        let rel = e
            .path()
            .strip_prefix(&site)
            .unwrap()
            .to_string_lossy()
            .to_string();
        for w in words(&rel) {
            if albanian.contains(&w) {
                found.push(format!("file name {rel}: {w}"));
            }
        }
        // The spreadsheet is binary.
        if rel.ends_with(".xlsx") {
            continue;
        }
        // Page text, inline scripts, the scripts' strings and data, the style sheets.
        let text = unescape(&read(e.path()));
        if text.contains(own_letters) {
            found.push(format!("{rel}: one of {own:?}"));
        }
        for w in words(&text) {
            if albanian.contains(&w) {
                found.push(format!("{rel}: {w}"));
            }
        }
    }
    (files, found, dir)
}

#[test]
fn an_english_handbook_has_no_albanian_word_in_any_page_script_or_file_name() {
    let (files, found, dir) = albanian_in("english");
    let site = dir.path().join("site");
    assert!(files > 30, "the whole site: {files} files");
    for page in [
        "search.html",
        "deadlines.html",
        "procedures.html",
        "procedure/responding-to-a-concern.html",
        "role/key-worker.html",
        "glossary.html",
        "assessment/evidence.html",
        "audit/all.html",
    ] {
        assert!(site.join(page).is_file(), "the English address {page}");
    }
    assert!(
        found.is_empty(),
        "Albanian in the English site:\n{}",
        found.join("\n")
    );
}

/// The leak test over the other fixtures: a French handbook with a partial pack and an
/// Arabic one with none fall back to English, never to the Albanian of the built-in pack.
#[test]
fn the_french_and_arabic_handbooks_have_no_albanian_word_in_any_page_script_or_file_name() {
    for name in ["french", "arabic"] {
        let (files, found, _dir) = albanian_in(name);
        assert!(files > 30, "{name}: the whole site: {files} files");
        assert!(
            found.is_empty(),
            "Albanian in the {name} site:\n{}",
            found.join("\n")
        );
    }
}
