//! Native in every language: a French handbook with a partial strings file (the rest in
//! English, its fallback), CLDR plurals for 0, 1, 2 and 5, " : " from its strings; an Arabic
//! handbook with no strings file at all, right to left; placeholders checked; `init` for a
//! language without a built-in pack.

use std::collections::HashMap;

use tantivy::tokenizer::TokenStream;

use crate::common::*;

fn french_site() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("french"), dir.path());
    let site = dir.path().join("site");
    build_ok(dir.path(), &site);
    (dir, site)
}

fn interface(root: &std::path::Path) -> HashMap<String, String> {
    let (hb, diags) = doracak::check(root);
    let hb = hb.unwrap_or_else(|| panic!("{}", diags.report()));
    doracak::interface_strings(root, &hb)
}

#[test]
fn a_partial_french_pack_falls_back_to_english_with_one_warning() {
    let root = fixtures().join("french");
    let o = doracak(&["--root", root.to_str().unwrap(), "check"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains(": warning: "))
        .collect();
    assert_eq!(warnings.len(), 1, "one warning: {stderr}");
    assert!(
        warnings[0].starts_with("theme/strings.toml: warning: ")
            && warnings[0].contains(
                "interface strings have no `fr` text; they are shown in the fallback language `en`"
            ),
        "{stderr}"
    );
    let o = doracak(&["--root", root.to_str().unwrap(), "check", "--verbose"]);
    let verbose = String::from_utf8_lossy(&o.stderr);
    assert!(verbose.contains("\n  skip_to_content\n"), "{verbose}");
    assert!(
        !verbose.contains("\n  home\n"),
        "a translated key is not listed"
    );

    let ui = interface(&root);
    assert_eq!(ui["home"], "Accueil", "the handbook's own text");
    assert_eq!(ui["skip_to_content"], "Skip to content", "the fallback's");
}

/// A strings file written before the pack gained messages (here the whole messages that
/// replaced glued pieces), with no `fallback_language`: the new messages come from English,
/// the default fallback, under the one warning, whose count is the keys `--verbose` lists.
#[test]
fn a_strings_file_older_than_the_pack_falls_back_for_the_new_keys_with_one_counted_warning() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("french"), dir.path());
    let config = dir.path().join("doracak.toml");
    let text = read(&config).replace("fallback_language = \"en\"\n", "");
    assert!(!text.lines().any(|l| l.starts_with("fallback_language")));
    std::fs::write(&config, text).unwrap();
    let root = dir.path().to_str().unwrap();
    let o = doracak(&["--root", root, "check", "--verbose"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains(": warning: "))
        .collect();
    assert_eq!(warnings.len(), 1, "one warning: {stderr}");
    let en: std::collections::BTreeMap<String, String> =
        toml::from_str(&read(&repo().join("theme/locales/en.toml"))).unwrap();
    let listed: Vec<&str> = stderr
        .lines()
        .filter_map(|l| l.strip_prefix("  "))
        .filter(|k| en.contains_key(*k))
        .collect();
    for key in [
        "standard_numbered",
        "quiz_score_answered",
        "search_none_suggest",
    ] {
        assert!(listed.contains(&key), "{key} listed: {stderr}");
    }
    assert!(
        warnings[0].contains(&format!(
            "{} of {} interface strings have no `fr` text; they are shown in the fallback language `en`",
            listed.len(),
            en.len()
        )),
        "the count is the keys listed: {stderr}"
    );
    let ui = interface(dir.path());
    assert_eq!(ui["standard_numbered"], en["standard_numbered"]);
    assert_eq!(ui["audit_sheet_standard"], en["audit_sheet_standard"]);
    assert_eq!(ui["home"], "Accueil", "the handbook's own text stays");
}

#[test]
fn french_counts_take_cldr_forms_for_0_1_2_and_5() {
    let ui = interface(&fixtures().join("french"));
    let say = |key: &str, n| doracak::plural::say_count(&ui, key, n, &[]);
    // French takes the singular for 0 and 1.
    assert_eq!(say("criteria_count", 0), "0 critère");
    assert_eq!(say("criteria_count", 1), "1 critère");
    assert_eq!(say("criteria_count", 2), "2 critères");
    assert_eq!(say("criteria_count", 5), "5 critères");
    assert_eq!(say("evidence_count", 0), "0 preuve");
    // A counted message the handbook does not translate keeps the fallback's forms.
    assert_eq!(say("trainer_steps_count", 1), "1 step");
    assert_eq!(say("trainer_steps_count", 5), "5 steps");

    let (_dir, site) = french_site();
    let index = unescape(&read(&site.join("index.html")));
    assert!(index.contains("1 critère · 1 preuve"), "{index}");
    assert!(index.contains("2 critères · 3 preuves"), "{index}");
    let n1 = unescape(&read(&site.join("N1.html")));
    // "Every" agrees with its noun and says no "1".
    for phrase in [
        "tous les 3 ans",
        "toutes les 2 semaines",
        "tous les mois",
        "dans un délai de 4 semaines",
    ] {
        assert!(n1.contains(phrase), "{phrase}: {n1}");
    }
    assert!(!n1.contains("tous les 1"), "{n1}");
    // The label and its value as the French pack writes them.
    assert!(n1.contains("Norme 1\u{a0}: Recrutement sûr"), "{n1}");
    assert!(!n1.contains("Norme 1: "), "{n1}");
    // No colon after a breaking space: French keeps it on the line of its label (the
    // link to the next standard as well as the heading).
    assert!(n1.contains("Norme 2\u{a0}: Signalement"), "{n1}");
    assert!(!n1.contains("Norme 2 : "), "{n1}");
    // Quoted words take the pack's guillemets, a narrow no-break space inside, and the
    // style sheet draws no marks of its own around a <q>.
    assert!(n1.contains("<q>«\u{202f}"), "{n1}");
    assert!(!n1.contains("<q>“"), "{n1}");
    assert!(
        read(&site.join("static/style.css")).contains("q { quotes: none; }"),
        "the browser's own quote marks are off"
    );
    assert!(n1.contains("<html lang=\"fr\" dir=\"ltr\">"));
}

#[test]
fn the_browser_chooses_the_same_plural_forms() {
    let Some(browser) = browser::browser("i18n::the_browser_chooses_the_same_plural_forms") else {
        return;
    };
    let (_dir, site) = french_site();
    let tab = browser::open(&browser, &browser::file_url(&site.join("index.html")));
    let got = browser::eval(
        &tab,
        "[0, 1, 2, 5].map(function (n) { return window.DORACAK_COUNT('criteria_count', n); }).join('|')",
    );
    assert_eq!(got, "0 critère|1 critère|2 critères|5 critères");
    // Dates and label-value pairs the scripts write, as the pack says.
    let got = browser::eval(
        &tab,
        "window.DORACAK_DATE('2026-12-03T10:00:00Z') + '|' + window.DORACAK_PAIR('Source', 'X') + '|' + window.DORACAK_DATE('n/a')",
    );
    assert_eq!(got, "03/12/2026|Source\u{a0}: X|n/a");
}

#[test]
fn a_placeholder_a_translation_changes_is_a_located_error_naming_the_key() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("french"), dir.path());
    let strings = dir.path().join("theme/strings.toml");
    std::fs::write(
        &strings,
        format!(
            "{}percent = \"pourcent\"\nquiz_title = \"Quiz : {{sujet}}\"\n",
            read(&strings).replace("percent = \"{n} %\"\n", "")
        ),
    )
    .unwrap();
    let lines = read(&strings).lines().count();
    let o = doracak(&["--root", dir.path().to_str().unwrap(), "check"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    let located = |line: usize, what: &str| {
        stderr
            .lines()
            .any(|l| l.starts_with(&format!("theme/strings.toml:{line}:")) && l.contains(what))
    };
    assert!(
        located(
            lines - 1,
            ": error: expected the text of `percent` to hold the placeholders {n}, found {n} missing"
        ),
        "{stderr}"
    );
    assert!(
        located(
            lines,
            ": error: expected the text of `quiz_title` to hold the placeholders {subject}, found {sujet} instead of {subject}"
        ),
        "{stderr}"
    );
}

#[test]
fn init_for_a_language_without_a_pack_writes_a_strings_file_to_translate() {
    let dir = tempfile::tempdir().unwrap();
    let hb = dir.path().join("fr");
    let o = doracak(&["init", hb.to_str().unwrap(), "--language", "fr"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let strings = read(&hb.join("theme/strings.toml"));
    assert!(strings.contains("# home = \"Home\""), "{strings}");
    // French's own categories are offered for every counted message.
    assert!(strings.contains("# criteria_count_many = "), "{strings}");
    let config = read(&hb.join("doracak.toml"));
    assert!(config.contains("language = \"fr\""), "{config}");
    // Its comment says the strings file is there, not "if you add one".
    assert!(!config.contains("if you add one"), "{config}");
    assert!(
        config.contains(
            "theme/strings.toml,\n# written beside this file for a translation into `fr`"
        ),
        "{config}"
    );
    let o = doracak(&["--root", hb.to_str().unwrap(), "check"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(
        stderr.contains("shown in the fallback language `en`"),
        "{stderr}"
    );
    let site = dir.path().join("site");
    build_ok(&hb, &site);
    assert!(read(&site.join("index.html")).contains("<html lang=\"fr\" dir=\"ltr\">"));
}

fn arabic_site() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("arabic"), dir.path());
    let site = dir.path().join("site");
    build_ok(dir.path(), &site);
    (dir, site)
}

#[test]
fn an_arabic_handbook_without_strings_is_right_to_left_in_english_words() {
    let (_dir, site) = arabic_site();
    for (page, html) in pages(&site) {
        assert!(
            html.contains("<html lang=\"ar\" dir=\"rtl\">"),
            "{page}: right to left"
        );
    }
    let index = read(&site.join("index.html"));
    assert!(index.contains("Skip to content"), "English fallback");
    // The style sheets place by the writing direction, not by left and right.
    for css in [
        "style.css",
        "print.css",
        "assessment.css",
        "form.css",
        "quiz.css",
    ] {
        let text = read(&site.join("static").join(css));
        for physical in [
            "margin-left",
            "padding-left",
            "border-left",
            "text-align: left",
            "left: -999px",
        ] {
            assert!(!text.contains(physical), "{css}: {physical}");
        }
    }
}

#[test]
fn an_arabic_site_has_no_horizontal_overflow_at_390_and_1280() {
    let Some(browser) =
        browser::browser("i18n::an_arabic_site_has_no_horizontal_overflow_at_390_and_1280")
    else {
        return;
    };
    // (Wide tables scroll inside their own box, as on a left-to-right page.)
    let (_dir, site) = arabic_site();
    for page in [
        "index.html",
        "S1.html",
        "procedure/alistijaba.html",
        "deadlines.html",
        "audit/S1.html",
        "assessment/index.html",
        "search.html",
    ] {
        let path = site.join(page);
        assert!(path.exists(), "{page}");
        let tab = browser::open(&browser, &browser::file_url(&path));
        for (width, mobile) in [(390, true), (1280, false)] {
            crate::common::browser::resize(&tab, width, 900, mobile);
            let got = browser::eval(
                &tab,
                "({ dir: getComputedStyle(document.documentElement).direction, scroll: document.documentElement.scrollWidth, inner: window.innerWidth, out: [...document.querySelectorAll('body *')].filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.left < -1 || r.right > window.innerWidth + 1) && getComputedStyle(e).position !== 'fixed' && !e.closest('.skip-link') && !(function (a) { for (a = e.parentElement; a && a !== document.body; a = a.parentElement) { if (getComputedStyle(a).overflowX !== 'visible') { return true; } } return false; })(); }).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().left) + '…' + Math.round(e.getBoundingClientRect().right)) })",
            );
            assert_eq!(got["dir"], "rtl", "{page}");
            assert!(
                got["scroll"].as_f64() <= got["inner"].as_f64()
                    && got["out"].as_array().is_some_and(|a| a.is_empty()),
                "{page} at {width} px: {got}"
            );
        }
    }
}

#[test]
fn french_reports_date_and_number_as_the_pack_says_and_label_standards_by_their_prefix() {
    let dir = tempfile::tempdir().unwrap();
    let root = fixtures().join("french");
    let files = dir.path().join("files");
    let jsons = synth_assessments(&root, 2, &files);
    // The report's dates in the French format.
    let report = dir.path().join("rapport.html");
    let o = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "report",
        &jsons[0],
        "--out",
        report.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = unescape(&read(&report));
    // One whole message: "Rapport établi le {date}", the date inside the sentence.
    let made = &html[html.find("Rapport établi le ").expect("the pack's words")..];
    let date = &made["Rapport établi le ".len()..made.find("</p>").unwrap()];
    let b = date.as_bytes();
    assert!(
        date.len() == 10 && b[2] == b'/' && b[5] == b'/',
        "a French date: {date}"
    );
    // The comparison: N1, N2 (the handbook's prefix), `;` between fields, `,` decimals.
    let out = dir.path().join("comparaison");
    let mut args = vec!["--root", root.to_str().unwrap(), "aggregate"];
    args.extend(jsons.iter().map(String::as_str));
    args.extend(["--out", out.to_str().unwrap()]);
    let o = doracak(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let csv = read(&out.join("comparison.csv"));
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    assert_eq!(
        lines.next().unwrap(),
        "centre;assessment;N1;N2;total;unrated;evidence_gaps;evidence_unmarked"
    );
    let row = lines.next().unwrap();
    assert!(row.split(';').nth(2).unwrap().contains(','), "{row}");
    let html = read(&out.join("comparison.html"));
    assert!(html.contains(">N1<") && !html.contains(">S1<"), "{html}");
}

fn french_cli(query: &str) -> Vec<String> {
    let root = fixtures().join("french");
    let (hb, diags) = doracak::check(&root);
    let hb = hb.unwrap_or_else(|| panic!("{}", diags.report()));
    let docs = doracak::pipeline::search::documents(&hb, &doracak::interface_strings(&root, &hb));
    let analysis = doracak::language::Analysis::for_language("fr");
    doracak::pipeline::search::query::search(&docs, analysis, query, 10)
        .unwrap()
        .into_iter()
        .map(|h| h.url)
        .collect()
}

#[test]
fn french_search_finds_plural_and_singular_forms_alike_in_the_cli_and_the_browser() {
    // (Snowball's French stems "foyer" and "foyers" apart — foi, foyer — so that pair is
    // not claimed; "foyers" finds the criterion that says it.)
    assert_eq!(french_cli("foyers"), ["N1.html#N1.2"]);
    let pairs = [
        ("enfants", "enfant"),
        ("l'enfant", "enfant"),
        ("préoccupations", "préoccupation"),
        ("signalée", "signalement"),
    ];
    for (a, b) in pairs {
        let (x, y) = (french_cli(a), french_cli(b));
        assert!(!x.is_empty(), "{a} finds something");
        assert_eq!(x, y, "{a} and {b} find the same");
    }
    // Stop words find nothing on their own.
    assert!(french_cli("de la").is_empty());
    let Some(browser) = browser::browser(
        "i18n::french_search_finds_plural_and_singular_forms_alike_in_the_cli_and_the_browser",
    ) else {
        return;
    };
    let (_dir, site) = french_site();
    let index = search_index_text(&site);
    assert!(
        index.contains("\"forms\":{"),
        "the index carries the word forms"
    );
    assert!(!index.contains("snowball-english"));
    let tab = browser::open(&browser, &browser::file_url(&site.join("search.html")));
    for q in [
        "foyers",
        "foyer",
        "enfants",
        "l'enfant",
        "préoccupations",
        "préoccupation",
        "signalée",
    ] {
        assert_eq!(
            browser::js_search_urls(&tab, q, 10),
            french_cli(q),
            "{q}: the same ranking in the browser"
        );
    }
    // A form the handbook does not have takes its longest known prefix's term.
    assert_eq!(
        browser::js_analyze(&tab, "préoccupationsxyz"),
        browser::js_analyze(&tab, "préoccupations")
    );
}

#[test]
fn arabic_search_unifies_tatweel_alef_ta_marbuta_and_the_prefixes() {
    let mut a = doracak::language::Analysis::for_language("ar").analyzer();
    let mut terms = |s: &str| {
        let mut st = a.token_stream(s);
        let mut out = Vec::new();
        while st.advance() {
            out.push(st.token().text.clone());
        }
        out
    };
    assert_eq!(
        terms("الحمـــاية"),
        terms("حماية"),
        "tatweel and the article"
    );
    assert_eq!(terms("والمدرسة"), terms("مدرسه"), "wa-, al- and ta marbuta");
    assert_eq!(terms("أطفال"), terms("اطفال"), "alef forms");
}

/// A report whose "made on", "compared with" and counted headings are whole messages: the
/// pack decides the word order and the punctuation, the template glues nothing.
#[test]
fn report_lines_are_whole_messages_in_the_pack_s_word_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("hb");
    copy_tree(&fixtures().join("french"), &root);
    let strings = root.join("theme/strings.toml");
    std::fs::write(
        &strings,
        format!(
            "{}compare_since = \"Comparé à {{name}}, du {{from}} au {{to}}\"\nheading_count = \"{{label}} — {{count}}\"\n",
            read(&strings)
        ),
    )
    .unwrap();
    let files = dir.path().join("files");
    let jsons = synth_assessments(&root, 2, &files);
    let report = dir.path().join("rapport.html");
    let o = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "report",
        &jsons[1],
        "--since",
        &jsons[0],
        "--out",
        report.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = unescape(&read(&report));
    let made = &html[html.find("<p class=\"report-made\">").expect("one line")..];
    let made = &made[..made.find("</p>").unwrap()];
    assert!(
        made.starts_with("<p class=\"report-made\">Rapport établi le ") && made.len() > 40,
        "{made}"
    );
    let since = &html[html
        .find("<p>Comparé à <strong>")
        .expect("the pack's order")..];
    let since = &since[..since.find("</p>").unwrap()];
    assert!(
        since.contains("</strong>, du ") && since.contains(" au "),
        "{since}"
    );
    assert!(
        !since.contains(": "),
        "nothing glued after the label: {since}"
    );
    // French dates inside the sentence.
    let to = &since[since.rfind(" au ").unwrap() + 4..];
    assert!(to.len() == 10 && to.as_bytes()[2] == b'/', "{since}");
    assert!(
        html.contains(" — 0</h") || html.contains(" — 1</h") || html.contains(" — 2</h"),
        "counted headings in the pack's form: {html}"
    );
    assert!(
        !html.contains(") (") && !html.contains("</strong> ("),
        "no count glued in parentheses: {html}"
    );
}

/// A careless translation of the new whole messages (the date or a name left out) is a
/// located error naming the key, as for every other message.
#[test]
fn a_whole_message_without_its_placeholder_is_a_located_error() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("french"), dir.path());
    let strings = dir.path().join("theme/strings.toml");
    std::fs::write(
        &strings,
        format!(
            "{}compare_since = \"Comparé à {{name}} ({{from}})\"\nheading_count = \"{{label}}\"\n",
            read(&strings).replace(
                "report_made = \"Rapport établi le {date}\"",
                "report_made = \"Rapport établi le\""
            )
        ),
    )
    .unwrap();
    let o = doracak(&["--root", dir.path().to_str().unwrap(), "check"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    for what in [
        "error: expected the text of `report_made` to hold the placeholders {date}, found {date} missing",
        "error: expected the text of `compare_since` to hold the placeholders {from}, {name}, {to}, found {to} missing",
        "error: expected the text of `heading_count` to hold the placeholders {count}, {label}, found {count} missing",
    ] {
        assert!(
            stderr
                .lines()
                .any(|l| l.starts_with("theme/strings.toml:") && l.contains(what)),
            "{what}: {stderr}"
        );
    }
}
