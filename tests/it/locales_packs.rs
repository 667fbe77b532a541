//! The built-in packs themselves: the same keys in all three, no empty text, the Serbian
//! pack in Latin script with Serbian plurals, the reference's placeholders in every message,
//! and every key used by the code, the templates or the scripts.

use crate::common::*;
use crate::locales::pack;

#[test]
fn the_built_in_packs_have_the_same_keys_and_no_empty_text() {
    let sq = pack("sq");
    let en = pack("en");
    assert!(
        sq.len() > 250,
        "the reference pack is complete ({})",
        sq.len()
    );
    let only_sq: Vec<_> = sq.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<_> = en.keys().filter(|k| !sq.contains_key(*k)).collect();
    assert!(
        only_sq.is_empty() && only_en.is_empty(),
        "sq only: {only_sq:?}; en only: {only_en:?}"
    );
    for (lang, p) in [("sq", &sq), ("en", &en)] {
        for (k, v) in p {
            assert!(!v.trim().is_empty(), "{lang}: {k} is empty");
        }
    }
    // English is not Albanian left in place: no text of the English pack carries ë or ç.
    let albanian: Vec<_> = en
        .iter()
        .filter(|(_, v)| v.contains(['ë', 'ç', 'Ë', 'Ç']))
        .map(|(k, _)| k)
        .collect();
    assert!(
        albanian.is_empty(),
        "Albanian letters in the English pack: {albanian:?}"
    );
}

/// The key a counted form belongs to (`criteria_count` for `criteria_count_few` or
/// `every_year_1`), else the key itself.
fn base_key(k: &str) -> &str {
    for c in ["_zero", "_one", "_two", "_few", "_many", "_other"] {
        if let Some(b) = k.strip_suffix(c) {
            return b;
        }
    }
    match k.rsplit_once('_') {
        Some((b, n)) if !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()) => b,
        _ => k,
    }
}

#[test]
fn the_serbian_pack_is_complete_in_latin_script_with_serbian_plurals() {
    let sr = pack("sr-Latn");
    let en = pack("en");
    let sq = pack("sq");
    // Every key of the reference, and no other key than their plural forms.
    let missing: Vec<_> = sq.keys().filter(|k| !sr.contains_key(*k)).collect();
    let stray: Vec<_> = sr
        .keys()
        .filter(|k| !sq.contains_key(*k) && !sq.contains_key(base_key(k)))
        .collect();
    assert!(
        missing.is_empty() && stray.is_empty(),
        "missing: {missing:?}; not in the reference: {stray:?}"
    );
    for (k, v) in &sr {
        assert!(!v.trim().is_empty(), "sr-Latn: {k} is empty");
        assert!(
            !v.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
            "sr-Latn: {k} is in Cyrillic: {v}"
        );
    }
    // Serbian's CLDR categories: every counted message has its `one` and `few` forms.
    let counted: Vec<&String> = en
        .keys()
        .filter_map(|k| k.strip_suffix("_one").and_then(|b| en.get_key_value(b)))
        .map(|(k, _)| k)
        .collect();
    assert!(counted.len() > 20, "{}", counted.len());
    for k in counted {
        for form in ["one", "few"] {
            assert!(
                sr.contains_key(&format!("{k}_{form}")),
                "sr-Latn: {k}_{form} is missing"
            );
        }
    }
    // Translated, not left in English: fewer than 5 % of the texts are the English ones
    // (a message of placeholders and punctuation only, "{item} ({aside})", has no word).
    let words_of = |v: &str| {
        v.split('{')
            .map(|p| p.split_once('}').map_or(p, |(_, rest)| rest))
            .any(|p| p.chars().any(char::is_alphabetic))
    };
    let same = sr
        .iter()
        .filter(|(k, v)| en.get(*k) == Some(v) && words_of(v))
        .count();
    assert!(same * 20 < sr.len(), "{same} texts are the English pack's");
    assert!(sr.values().any(|v| v.contains(['č', 'ć', 'š', 'ž', 'đ'])));

    // A handbook in Serbian: no fallback, no placeholder error, Serbian on the pages.
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("english"), dir.path());
    let toml = read(&dir.path().join("doracak.toml"));
    let toml: String = toml
        .lines()
        .map(|l| {
            if l.starts_with("language") {
                "language = \"sr-Latn\"".to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(dir.path().join("doracak.toml"), toml).unwrap();
    let o = doracak(&["--root", dir.path().to_str().unwrap(), "check"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(!err.contains("warning"), "no fallback, no stray key: {err}");
    let site = dir.path().join("site");
    build_ok(dir.path(), &site);
    let s1 = unescape(&read(&site.join("S1.html")));
    assert!(s1.contains("<html lang=\"sr-Latn\" dir=\"ltr\">"), "{s1}");
    assert!(s1.contains(&sr["skip_to_content"]));
    assert!(s1.contains("svake 3 godine"), "few: {s1}");
    assert!(s1.contains("u roku od 4 nedelje"), "{s1}");
    assert!(site.join("pretraga.html").is_file() && site.join("rokovi.html").is_file());
}

/// Every built-in pack holds the reference's placeholders in every message (the whole
/// messages `report_made`, `compare_since` and `heading_count` among them): a pack
/// translated carelessly is caught here before any handbook uses it.
#[test]
fn every_built_in_pack_keeps_the_reference_s_placeholders() {
    let en = pack("en");
    let names = |t: &str| -> std::collections::BTreeSet<String> {
        doracak::theme::strings::placeholders(t)
            .into_iter()
            .map(String::from)
            .collect()
    };
    for lang in ["sq", "sr-Latn"] {
        let p = pack(lang);
        for (k, v) in &p {
            let base = base_key(k);
            let Some(reference) = en.get(k).or_else(|| en.get(base)) else {
                continue;
            };
            // A counted form may leave out {count} ("tous les ans").
            let mut want = names(reference);
            let mut have = names(v);
            want.remove("count");
            have.remove("count");
            assert_eq!(have, want, "{lang}: {k} = {v:?} against {reference:?}");
        }
    }
    for (key, names_wanted) in [
        ("report_made", vec!["date"]),
        ("compare_since", vec!["from", "name", "to"]),
        ("heading_count", vec!["count", "label"]),
        ("standard_number", vec!["number"]),
        ("evidence_number", vec!["number"]),
        ("criterion_number", vec!["number"]),
        ("assess_rating_of_number", vec!["number"]),
        ("assess_standard_kicker", vec!["standard"]),
        (
            "assess_score_line",
            vec!["max", "percent", "points", "unrated"],
        ),
        ("ev_gaps_line", vec!["gaps", "unmarked"]),
        ("criterion_rated", vec!["criterion", "rating"]),
        ("compare_option", vec!["date", "name"]),
        ("chart_before_after", vec!["after", "before"]),
        ("audit_running", vec!["centre", "date", "standard"]),
        ("step_number", vec!["number"]),
        ("goal_title", vec!["number", "title"]),
        ("objective_title", vec!["number", "title"]),
        ("assess_saved_at", vec!["time"]),
        ("assess_created_named", vec!["name"]),
        ("assess_deleted_named", vec!["name"]),
        ("assess_import_exists_named", vec!["name"]),
        ("assess_delete_confirm_named", vec!["name"]),
        ("plan_field_of", vec!["criterion", "field"]),
        ("assess_name_copy", vec!["n", "name"]),
    ] {
        let got: Vec<String> = names(&en[key]).into_iter().collect();
        assert_eq!(got, names_wanted, "{key}");
    }
}

/// Whether `hay` has `word` right after one of `before` and right before a character
/// that is not part of a name (nor `(`: `addr.form_page(` is a method, not the key).
fn quoted_or_member(
    hay: &str,
    word: &str,
    before: &[char],
    after_ok: impl Fn(char) -> bool,
) -> bool {
    hay.match_indices(word).any(|(i, _)| {
        let prev = hay[..i].chars().next_back();
        let next = hay[i + word.len()..].chars().next();
        prev.is_some_and(|c| before.contains(&c)) && next.is_none_or(&after_ok)
    })
}

#[test]
fn every_key_of_the_packs_is_used_by_the_code_templates_or_scripts() {
    let mut corpus = String::new();
    for dir in ["src", "theme/templates", "theme/static"] {
        for e in walkdir::WalkDir::new(repo().join(dir)) {
            let e = e.unwrap();
            let p = e.path();
            if p.extension()
                .is_some_and(|x| x == "rs" || x == "html" || x == "js")
            {
                corpus.push_str(&read(p));
                corpus.push('\n');
            }
        }
    }
    let name = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let used = |k: &str| {
        // Named: "key", 'key', ui.key, UI.key (a counted form by the key it belongs to).
        [k, base_key(k)].iter().any(|w| {
            quoted_or_member(&corpus, w, &['"', '\'', '.'], |c| !name(c) && c != '(')
        })
        // Or built: "csv_" + k, format!("kind_{}", …), "carry_" ~ key — and then the rest
        // must be named in the code too ("criterion" for `kind_criterion`), else every key
        // under a built prefix would pass for used.
        || [k, base_key(k)].iter().any(|w| {
            w.match_indices('_').any(|(i, _)| {
                quoted_or_member(&corpus, &w[..=i], &['"', '\''], |c| matches!(c, '"' | '\'' | '{'))
                    && quoted_or_member(&corpus, &w[i + 1..], &['"', '\''], |c| matches!(c, '"' | '\''))
            })
        })
    };
    for lang in ["en", "sq", "sr-Latn"] {
        let unused: Vec<String> = pack(lang).into_keys().filter(|k| !used(k)).collect();
        assert!(
            unused.is_empty(),
            "{lang}: keys no code, template or script uses: {unused:?}"
        );
    }
}
