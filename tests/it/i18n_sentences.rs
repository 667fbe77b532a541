//! Whole sentences with named placeholders: the standard's and evidence's labels, the
//! score and gaps lines, a rated criterion, the audit sheet's running row, the compare
//! page's options and the chart's "before → after" are each one message of the pack, whose
//! word order and punctuation a translation decides; the templates and scripts glue nothing.

use crate::common::browser::{browser, eval, file_url, new_assessment, open, wait_for};
use crate::common::*;

/// The French fixture with its own word order for the messages the templates used to glue.
fn french_reordered() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("hb");
    copy_tree(&fixtures().join("french"), &root);
    let strings = root.join("theme/strings.toml");
    let text = read(&strings)
        .replace(
            "standard_number = \"Norme {number}\"",
            "standard_number = \"{number}e norme\"",
        )
        .replace(
            "evidence_number = \"Preuve {number}\"",
            "evidence_number = \"preuve n° {number}\"",
        );
    std::fs::write(
        &strings,
        format!(
            "{text}assess_standard_kicker = \"{{standard}}, auto-évaluation\"\n\
             audit_running = \"{{standard}} | feuille d'audit | centre : {{centre}} | date : {{date}}\"\n\
             criterion_rated = \"{{criterion}}, coté « {{rating}} »\"\n"
        ),
    )
    .unwrap();
    let site = dir.path().join("site");
    build_ok(&root, &site);
    (dir, site)
}

#[test]
fn standard_and_evidence_labels_and_the_running_row_take_the_pack_s_word_order() {
    let (_dir, site) = french_reordered();
    let n2 = unescape(&read(&site.join("N2.html")));
    assert!(
        n2.contains("</span> 1e norme\u{a0}: "),
        "prev: {}",
        &n2[n2.find("rel=\"prev\"").unwrap()..][..160]
    );
    assert!(
        n2.contains("<title>2e norme\u{a0}: "),
        "title in the pack's order"
    );
    assert!(
        n2.contains("<span class=\"kicker\">2e norme</span>"),
        "kicker"
    );
    assert!(n2.contains("› 2e norme</nav>"), "breadcrumb");
    for glued in ["Norme 1", "Norme 2"] {
        assert!(
            !n2.contains(glued),
            "nothing glued: {}",
            &n2[n2.find(glued).unwrap().saturating_sub(200)..][..260]
        );
    }
    let a2 = unescape(&read(&site.join("assessment/N2.html")));
    assert!(
        a2.contains("class=\"kicker\">2e norme, auto-évaluation</span>"),
        "kicker: {}",
        &a2[a2.find("kicker").unwrap()..][..80]
    );
    assert!(a2.contains("<legend>preuve n° 2.1"), "evidence legend");
    assert!(
        a2.contains("<span class=\"c-label\">Critère 2.1</span>"),
        "criterion label"
    );
    assert!(a2.contains("</span> 1e norme\u{a0}: "), "pager");
    let audit = read(&site.join("audit/N2.html"));
    let row = &audit[audit.find("<tr class=\"audit-running\">").expect("the row")..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(
        row.contains("2e norme\u{a0}: ")
            && row.contains(" | feuille d&#x27;audit | centre : <span class=\"blank-line\"></span> | date : <span class=\"blank-line blank-date\"></span>"),
        "{row}"
    );
    // The shipped packs read as before, in one message each.
    let sq = site_page("S2.html");
    assert!(sq.contains("<title>Standardi 2: "), "sq title");
    assert!(sq.contains("</span> Standardi 1: "), "sq pager");
}

#[test]
fn the_score_line_and_the_rated_criterion_in_the_browser_take_the_pack_s_word_order() {
    let Some(browser) = browser(
        "i18n_sentences::the_score_line_and_the_rated_criterion_in_the_browser_take_the_pack_s_word_order",
    ) else {
        return;
    };
    let (_dir, site) = french_reordered();
    new_assessment(&browser, &site.join("assessment/index.html"), "Foyer A");
    let tab = open(&browser, &file_url(&site.join("assessment/N1.html")));
    tab.wait_for_element("input[name='r-N1.1'][value=not_met]")
        .unwrap()
        .click()
        .unwrap();
    wait_for(
        &tab,
        "document.querySelector('[data-score=\"N1\"]').textContent.startsWith('Note\\u00a0: ')",
        "the score line in the pack's order",
    );
    let line = eval(
        &tab,
        "document.querySelector('[data-score=\"N1\"]').textContent",
    );
    let line = line.as_str().unwrap();
    assert!(
        line.contains(" points sur ")
            && line.contains(" · non cotés\u{a0}: ")
            && !line.contains(" / "),
        "{line}"
    );
    let tab = open(&browser, &file_url(&site.join("assessment/plan.html")));
    wait_for(
        &tab,
        "!!document.querySelector('[data-plan-row=\"N1.1\"]')",
        "the plan row of the unmet criterion",
    );
    let th = eval(
        &tab,
        "document.querySelector('[data-plan-row=\"N1.1\"] th').textContent",
    );
    let th = th.as_str().unwrap();
    assert!(th.starts_with("1.1, coté « "), "{th}");
    assert!(
        eval(
            &tab,
            "!!document.querySelector('[data-plan-row=\"N1.1\"] th a')"
        )
        .as_bool()
            == Some(true),
        "the number stays a link"
    );
}
