//! Locale packs: `language` in doracak.toml chooses the built-in pack (`sq`, `en`); a
//! handbook's `theme/strings.toml` replaces only the keys it names; an unknown key is a
//! located warning; a key missing everywhere is an error that names it; `check` says so.

use std::collections::BTreeMap;

use crate::common::*;

pub(crate) fn pack(lang: &str) -> BTreeMap<String, String> {
    toml::from_str(&read(&repo().join(format!("theme/locales/{lang}.toml")))).unwrap()
}

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

#[test]
fn an_english_handbook_speaks_english() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("english"), dir.path());
    let site = dir.path().join("site");
    build_ok(dir.path(), &site);
    let en = pack("en");
    let sq = pack("sq");
    for page in [
        "index.html",
        "S1.html",
        "assessment/index.html",
        "audit/S1.html",
    ] {
        let html = read(&site.join(page));
        assert!(html.contains("<html lang=\"en\" dir=\"ltr\">"), "{page}");
        assert!(
            html.contains(&en["skip_to_content"]),
            "{page}: the English skip link"
        );
        assert!(
            !html.contains(&sq["skip_to_content"]),
            "{page}: no Albanian skip link"
        );
    }
    let s1 = unescape(&read(&site.join("S1.html")));
    assert!(
        s1.contains("every 3 years"),
        "durations in English with plurals: {s1}"
    );
    assert!(s1.contains("within 4 weeks"), "{s1}");
    let ui = read(&site.join("static/ui.js"));
    assert!(
        ui.contains("\"assess_title\":\"Self-assessment\""),
        "the scripts' strings too"
    );
}

#[test]
fn a_partial_override_replaces_only_its_keys() {
    let dir = minimal_copy();
    std::fs::create_dir_all(dir.path().join("theme")).unwrap();
    std::fs::write(
        dir.path().join("theme/strings.toml"),
        "home = \"Ballina\"\nprint_button = \"Shtyp\"\n",
    )
    .unwrap();
    let site = dir.path().join("site");
    let o = build(dir.path(), &site);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let index = read(&site.join("index.html"));
    assert!(
        index.contains(">Ballina</a>") && index.contains("Shtyp"),
        "the two keys replaced"
    );
    assert!(
        index.contains(&pack("sq")["skip_to_content"]),
        "every other key from the pack"
    );
}

#[test]
fn an_unknown_key_is_a_located_warning_and_a_missing_key_a_located_error_naming_it() {
    // An unknown key: a warning with its line, and the build goes on.
    let dir = minimal_copy();
    std::fs::create_dir_all(dir.path().join("theme")).unwrap();
    std::fs::write(
        dir.path().join("theme/strings.toml"),
        "home = \"Ballina\"\n\nhomme = \"Ballina\"\n",
    )
    .unwrap();
    let o = doracak(&["--root", dir.path().to_str().unwrap(), "check"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(
        stderr.contains("theme/strings.toml:3:9: warning: the interface has no string `homme`"),
        "{stderr}"
    );

    // A language doracak has no pack for: every key the handbook does not give comes from
    // the fallback language's pack; `check` says how many in one warning, `--verbose`
    // names them, and the site is built.
    let dir = minimal_copy();
    let toml = dir.path().join("doracak.toml");
    std::fs::write(&toml, format!("language = \"de\"\n{}", read(&toml))).unwrap();
    let mut strings = pack("en");
    strings.remove("audit_notes");
    std::fs::create_dir_all(dir.path().join("theme")).unwrap();
    std::fs::write(
        dir.path().join("theme/strings.toml"),
        toml::to_string(&strings).unwrap(),
    )
    .unwrap();
    let total = pack("sq").len();
    let o = doracak(&["--root", dir.path().to_str().unwrap(), "check"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(
        stderr.contains(&format!("theme/strings.toml: warning: 1 of {total} interface strings has no `de` text; it is shown in the fallback language `en`")),
        "{stderr}"
    );
    assert!(
        !stderr.contains("\n  audit_notes"),
        "the key only with --verbose: {stderr}"
    );
    let o = doracak(&["--root", dir.path().to_str().unwrap(), "check", "--verbose"]);
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("\n  audit_notes\n"),
        "--verbose names the key"
    );
    let o = doracak(&["--root", dir.path().to_str().unwrap(), "build"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn search_results_are_titled_and_labelled_in_the_handbook_s_language() {
    let root = fixtures().join("english");
    let o = doracak(&["--root", root.to_str().unwrap(), "search", "recruitment"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(out.contains("Standard 1: Safe recruitment"), "{out}");
    assert!(
        out.contains("Criterion   ") && out.contains("Criterion 1.1 — Safe recruitment"),
        "{out}"
    );
    let none = doracak(&["--root", root.to_str().unwrap(), "search", "zzzqqq"]);
    assert_eq!(String::from_utf8_lossy(&none.stdout).trim(), "No results.");
    // The site's index carries the same titles.
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root, dir.path());
    let site = dir.path().join("site");
    build_ok(dir.path(), &site);
    let index = search_index_text(&site);
    assert!(
        index.contains("Evidence 1.1 — standard 1, criterion 1"),
        "the browser's titles"
    );
}

#[test]
fn reports_and_comparisons_use_the_language_s_number_format_and_names() {
    let root = fixtures().join("english");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.json");
    std::fs::write(
        &file,
        r#"{"schema":"doracak-assessment","version":1,"assessment":{"name":"Hill House 2026","centre":"Hill House"},
           "ratings":{"S1.1":{"rating":"met"},"S1.2":{"rating":"partly"},"S2.1":{"rating":"not_met"}}}"#,
    )
    .unwrap();
    let report = dir.path().join("r.html");
    let o = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "report",
        file.to_str().unwrap(),
        "--out",
        report.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = read(&report);
    assert!(
        html.contains("75.0%") && html.contains("Self-assessment report"),
        "{html}"
    );
    let o = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "aggregate",
        file.to_str().unwrap(),
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let csv = read(&dir.path().join("comparison.csv"));
    assert!(
        csv.starts_with("\u{feff}centre,assessment,S1,S2,total,unrated"),
        "{csv}"
    );
    assert!(dir.path().join("comparison.html").is_file());
}

#[test]
fn a_handbook_declares_its_vocabulary_and_takes_the_rest_from_its_pack() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("english"), dir.path());
    let toml = dir.path().join("doracak.toml");
    // No [[scale]]: the default steps, named by the English pack. Its own id prefix and
    // its own name for one column.
    let text = read(&toml);
    let without_scale = &text[..text.find("[[scale]]").unwrap()];
    let rest = &text[text.find("# The groups of procedures.").unwrap()..];
    std::fs::write(
        &toml,
        format!(
            "id_prefix = \"SG\"\n{without_scale}{rest}\n[columns]\ncriterion = \"Requirement\"\n"
        ),
    )
    .unwrap();
    let site = dir.path().join("site");
    build_ok(dir.path(), &site);
    let en = pack("en");
    let rate = unescape(&read(&site.join("assessment/SG1.html")));
    for key in ["scale_met", "scale_partial", "scale_not_met", "scale_na"] {
        assert!(rate.contains(&en[key]), "{key}: {}", en[key]);
    }
    assert!(!rate.contains("Përmbushur"), "no Albanian default label");
    let s1 = unescape(&read(&site.join("SG1.html")));
    assert!(s1.contains("id=\"SG1.1\""), "the ids carry the prefix");
    assert!(s1.contains(">Requirement<"), "the handbook's column name");
    assert!(
        s1.contains(&en["col_evidence"]),
        "the other columns from the pack"
    );
    assert!(!site.join("S1.html").exists());

    // A step of its own with no label and no string: a located error naming the key; a
    // prefix that is not letters: an error.
    std::fs::write(
        &toml,
        format!(
            "id_prefix = \"S-\"\n{without_scale}{rest}\n[[scale]]\ncode = \"good\"\npoints = 1\n\n[[scale]]\ncode = \"bad\"\nlabel = \"Bad\"\npoints = 0\n"
        ),
    )
    .unwrap();
    let o = doracak(&["--root", dir.path().to_str().unwrap(), "check"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("doracak.toml: error: expected a `label` for the scale step \"good\" (or the interface string `scale_good`), found neither"),
        "{stderr}"
    );
    assert!(
        stderr.contains("doracak.toml: error: expected `id_prefix` to be one or more letters A–Z (as the `S` of `S2.3`), found \"S-\""),
        "{stderr}"
    );
}

#[test]
fn addresses_come_from_the_pack_and_a_handbook_may_rename_them() {
    // The English fixture renames one page and one folder in its own strings.
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("english"), dir.path());
    std::fs::create_dir_all(dir.path().join("theme")).unwrap();
    std::fs::write(
        dir.path().join("theme/strings.toml"),
        "address_deadlines = \"time-limits.html\"\naddress_role_dir = \"who/\"\n",
    )
    .unwrap();
    let site = dir.path().join("site");
    build_ok(dir.path(), &site);
    assert!(site.join("time-limits.html").is_file());
    assert!(site.join("who/key-worker.html").is_file());
    assert!(!site.join("deadlines.html").exists() && !site.join("role").exists());
    let index = read(&site.join("index.html"));
    assert!(
        index.contains("href=\"time-limits.html\""),
        "the nav links the new name"
    );
    let procedure = unescape(&read(&site.join("procedure/responding-to-a-concern.html")));
    assert!(
        procedure.contains("href=\"../who/key-worker.html\""),
        "{procedure}"
    );

    // Addresses that would escape the site, clash, or not be pages: located errors naming
    // the key, and nothing built.
    std::fs::write(
        dir.path().join("theme/strings.toml"),
        "address_deadlines = \"../outside.html\"\naddress_glossary = \"search.html\"\naddress_role_dir = \"who\"\n",
    )
    .unwrap();
    let out = dir.path().join("site2");
    let o = build(dir.path(), &out);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    for expected in [
        "theme/strings.toml: error: expected the address `address_deadlines` to be a relative file name ending in .html (`kerko.html`, `auditim/te-gjitha.html`), found \"../outside.html\"",
        "theme/strings.toml: error: expected every address to be different, found `address_glossary` = \"search.html\", the same as address_search",
        "theme/strings.toml: error: expected the address `address_role_dir` to be a relative folder name ending in / (`vleresim/`), found \"who\"",
    ] {
        assert!(stderr.contains(expected), "{expected}\n{stderr}");
    }
    assert!(!out.exists(), "nothing written");
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
