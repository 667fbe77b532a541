//! Issue 28, S-1: above the split size the evidence tracker's address holds a contents page
//! (each standard's evidence fields are on its own self-assessment page), which keeps the
//! tracker's cross-handbook view: the same filters (status, only overdue, only gaps), the
//! same count and gaps, every evidence item as a row to read linking its fields, and for
//! each standard its gaps and the items shown. Read from the assessment kept in the browser
//! and the split catalogue; the same answers as the one-page tracker of the same handbook
//! built whole, and nothing stored changes.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::common::browser::{
    browser, eval, file_url, new_assessment, open, wait_for, wait_stored,
};
use crate::common::doracak;

/// One small synthetic handbook built twice: whole (the theme's split size) and split
/// (`split_page_bytes = 40000`), the same standards, title and catalogue.
pub(crate) fn whole_and_split(dir: &Path) -> (PathBuf, PathBuf) {
    let hb = crate::split_pages::synth_handbook(dir);
    let build = |site: &Path| {
        let out = doracak(&[
            "--root",
            hb.to_str().unwrap(),
            "build",
            "--out",
            site.to_str().unwrap(),
        ]);
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() && !said.contains("warning:"), "{said}");
    };
    let whole = dir.join("whole");
    build(&whole);
    std::fs::create_dir_all(hb.join("theme")).unwrap();
    std::fs::write(hb.join("theme/settings.toml"), "split_page_bytes = 40000\n").unwrap();
    let split = dir.join("split");
    build(&split);
    (whole, split)
}

/// Everything this browser keeps for the site, key by key.
const KEPT: &str = "Object.keys(localStorage).sort().map(k => [k, localStorage.getItem(k)])";

/// Set the tracker's filters (the statuses shown, only overdue, only gaps) as the reader
/// does, a change at a time, and say what the page shows: the count, the gaps and unmarked
/// items, the rows shown and the standards shown.
fn filtered(tab: &headless_chrome::Tab, statuses: &[&str], overdue: bool, gaps: bool) -> Value {
    let statuses = serde_json::to_string(statuses).unwrap();
    eval(
        tab,
        &format!(
            "(() => {{
              const box = document.querySelector('[data-ev-filters]');
              const want = i => i.matches('[data-overdue]') ? {overdue} : i.matches('[data-gaps-only]') ? {gaps} : {statuses}.includes(i.value);
              for (const i of box.querySelectorAll('input')) {{ if (i.checked !== want(i)) {{ i.click(); }} }}
              const shown = sel => [...document.querySelectorAll(sel)].filter(r => !r.hidden);
              const g = document.querySelector('[data-ev-gaps]');
              return {{
                count: document.querySelector('[data-ev-count]').textContent,
                gaps: [g.getAttribute('data-gaps'), g.getAttribute('data-unmarked'), g.textContent],
                rows: shown('[data-ev-row]').map(r => r.getAttribute('data-ev-row')),
                standards: shown('[data-ev-standard]').map(s => [s.getAttribute('data-ev-standard'), shown('[data-ev-standard=\"' + s.getAttribute('data-ev-standard') + '\"] [data-ev-row]').length]),
              }};
            }})()"
        ),
    )
}

/// The contents page's count for each standard: (id, gaps, items shown, its words).
fn tallies(tab: &headless_chrome::Tab) -> Value {
    eval(
        tab,
        "[...document.querySelectorAll('[data-ev-tally]')].map(r => [r.getAttribute('data-ev-tally'), r.querySelector('[data-col=gaps]').textContent, +r.querySelector('[data-col=shown]').getAttribute('data-shown'), r.querySelector('[data-col=shown]').textContent])",
    )
}

#[test]
fn the_tracker_s_contents_page_filters_and_counts_every_standard_s_evidence_as_the_tracker_does() {
    let dir = tempfile::tempdir().unwrap();
    let (whole, split) = whole_and_split(dir.path());
    // The contents page: no evidence item's fields or rows written into it, its script
    // written beside it; the whole build has neither.
    let contents = std::fs::read_to_string(split.join("vleresim/provat.html")).unwrap();
    assert!(contents.contains("data-ev-filters") && contents.contains("data-ev-tally=\"S7\""));
    assert!(!contents.contains("data-evidence=\"S") && !contents.contains("data-ev-row="));
    assert!(contents.contains("static/assessment-tracker.js"));
    assert!(split.join("static/assessment-tracker.js").exists());
    assert!(!whole.join("static/assessment-tracker.js").exists());
    assert!(
        !std::fs::read_to_string(whole.join("vleresim/provat.html"))
            .unwrap()
            .contains("assessment-tracker.js")
    );

    let Some(browser) = browser(
        "the_tracker_s_contents_page_filters_and_counts_every_standard_s_evidence_as_the_tracker_does",
    ) else {
        return;
    };
    // An assessment recorded above the split size, on the standards' own pages: three
    // criteria rated; one evidence item missing, one partial, one in place but past its
    // review (overdue), one missing under a criterion not rated (no gap, but missing).
    new_assessment(
        &browser,
        &split.join("vleresim/index.html"),
        "Qendra Z — 2026",
    );
    // (page, criterion rated "met" or none, evidence item, its status)
    let steps = [
        ("S2", "S2.1", "S2.1.1", "missing"),
        ("S2", "S2.2", "S2.2.1", "partial"),
        ("S4", "S4.3", "S4.3.1", "present"),
        ("S5", "", "S5.1.1", "missing"),
    ];
    for (s, rated, e, status) in steps {
        let tab = open(
            &browser,
            &file_url(&split.join(format!("vleresim/{s}.html"))),
        );
        wait_for(&tab, "!!window.Doracak.assessmentPage", "the page's script");
        if !rated.is_empty() {
            eval(
                &tab,
                &format!("document.querySelector('input[name=\"r-{rated}\"][value=met]').click()"),
            );
            wait_stored(&tab, rated, "the rating");
        }
        eval(
            &tab,
            &format!("document.querySelector('input[name=\"ev-{e}\"][value={status}]').click()"),
        );
        wait_stored(&tab, e, "the evidence status");
        if s == "S4" {
            eval(
                &tab,
                "(() => { const f = document.querySelector('[data-evidence=\"S4.3.1\"]'); for (const [k, v] of [['next_review', '2020-01-31'], ['location', 'Dosja 4'], ['owner', 'Drejtori']]) { const i = f.querySelector('[data-field=' + k + ']'); i.value = v; i.dispatchEvent(new Event('input', { bubbles: true })); } })()",
            );
            wait_stored(&tab, "2020-01-31", "the next review");
            wait_stored(&tab, "Drejtori", "the person responsible");
        }
    }

    // The one-page tracker of the same handbook built whole, on the same assessment.
    let one = open(&browser, &file_url(&whole.join("vleresim/provat.html")));
    wait_for(
        &one,
        "document.querySelector('[data-assess-select]').selectedOptions[0].textContent === 'Qendra Z — 2026'",
        "the one-page tracker reads the assessment",
    );
    let kept = eval(&one, KEPT);
    let tab = open(&browser, &file_url(&split.join("vleresim/provat.html")));
    wait_for(
        &tab,
        "document.querySelector('[data-ev-tally=\"S4\"] [data-col=gaps]').textContent === '1'",
        "the contents page counts the assessment",
    );
    assert_eq!(
        eval(&tab, KEPT),
        kept,
        "opening the contents page keeps nothing"
    );

    let all = ["present", "partial", "missing", "none"];
    let cases: &[(&[&str], bool, bool, Option<Value>)] = &[
        (&all, false, false, None),
        (
            &["missing"],
            false,
            false,
            Some(json!(["S2.1.1", "S5.1.1"])),
        ),
        (&all, true, false, Some(json!(["S4.3.1"]))),
        (
            &all,
            false,
            true,
            Some(json!(["S2.1.1", "S2.2.1", "S4.3.1"])),
        ),
        (
            &["partial", "missing"],
            false,
            true,
            Some(json!(["S2.1.1", "S2.2.1"])),
        ),
        (&["present"], true, true, Some(json!(["S4.3.1"]))),
        (&[], false, false, Some(json!([]))),
    ];
    let mut gaps_by_standard = Value::Null;
    for (statuses, overdue, gaps, rows) in cases {
        let want = filtered(&one, statuses, *overdue, *gaps);
        let got = filtered(&tab, statuses, *overdue, *gaps);
        assert_eq!(got, want, "{statuses:?} overdue {overdue} gaps {gaps}");
        if let Some(rows) = rows {
            assert_eq!(
                &got["rows"], rows,
                "{statuses:?} overdue {overdue} gaps {gaps}"
            );
        }
        // Each standard's count of the items shown, the one-page tracker's section.
        let t = tallies(&tab);
        let per: Vec<(Value, Value)> = t
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r[0].clone(), r[2].clone()))
            .collect();
        for (id, n) in &per {
            let section = got["standards"]
                .as_array()
                .unwrap()
                .iter()
                .find(|s| &s[0] == id)
                .map_or(json!(0), |s| s[1].clone());
            assert_eq!(
                n, &section,
                "{id}: {statuses:?} overdue {overdue} gaps {gaps}"
            );
        }
        if *gaps && statuses.len() == 4 && !overdue {
            gaps_by_standard = got["standards"].clone();
        }
    }
    assert_eq!(gaps_by_standard, json!([["S2", 2], ["S4", 1]]));
    // Each standard's gaps, whatever the filters: the one-page tracker's "only gaps" rows.
    let t = tallies(&tab);
    let gaps: Vec<&Value> = t.as_array().unwrap().iter().map(|r| &r[1]).collect();
    assert_eq!(
        gaps,
        ["0", "2", "0", "1", "0", "0", "0"]
            .map(|s| json!(s))
            .iter()
            .collect::<Vec<_>>()
    );
    assert_eq!(t[0][3], json!("0 nga 16 prova të shfaqura"), "{t}");
    // A standard's count links its rows where the filters show any.
    filtered(&tab, &all, false, true);
    assert_eq!(
        eval(
            &tab,
            "[...document.querySelectorAll('[data-ev-tally] [data-col=shown] a')].map(a => [a.getAttribute('href'), a.textContent, document.querySelector(a.getAttribute('href')).getAttribute('data-ev-standard')])"
        ),
        json!([
            ["#ev-S2", "2 nga 16 prova të shfaqura", "S2"],
            ["#ev-S4", "1 nga 13 prova të shfaqura", "S4"]
        ])
    );

    // A row as the report's table of gaps writes it, its number linking its fields.
    let row = eval(
        &tab,
        "(() => { const r = document.querySelector('[data-ev-row=\"S4.3.1\"]'); return [...r.cells].map(c => c.textContent).concat([r.querySelector('a').getAttribute('href')]); })()",
    );
    assert_eq!(row[0], json!("4.3.1"), "{row}");
    assert_eq!(row[2], json!("ka"), "{row}");
    assert_eq!(row[3], json!("Dosja 4 · Drejtori"), "{row}");
    assert_eq!(row[4], json!("2020-01-31 (i vonuar)"), "{row}");
    assert_eq!(row[5], json!("../vleresim/S4.html#S4.3.1"), "{row}");
    if let Ok(dir) = std::env::var("DORACAK_SCREENSHOTS") {
        use headless_chrome::protocol::cdp::Page::CaptureScreenshotFormatOption;
        crate::common::browser::resize(&tab, 1280, 1900, false);
        let png = tab
            .capture_screenshot(CaptureScreenshotFormatOption::Png, None, None, true)
            .unwrap();
        std::fs::write(Path::new(&dir).join("split-tracker.png"), png).unwrap();
    }
    assert_eq!(eval(&tab, KEPT), kept, "filtering keeps nothing");

    // Another assessment, empty, made current on the overview: the contents page draws it;
    // choosing the first again draws the first.
    let overview = open(&browser, &file_url(&split.join("vleresim/index.html")));
    overview
        .wait_for_element("[data-assess-new] input[name=name]")
        .unwrap()
        .type_into("Qendra Z — 2027")
        .unwrap();
    overview
        .wait_for_element("[data-assess-new] button[type=submit]")
        .unwrap()
        .click()
        .unwrap();
    wait_stored(&overview, "Qendra Z — 2027", "the second assessment");
    let tab = open(&browser, &file_url(&split.join("vleresim/provat.html")));
    let s4 = "[document.querySelector('[data-ev-tally=\"S4\"] [data-col=gaps]').textContent, document.querySelector('[data-ev-row=\"S4.3.1\"]').cells[2].textContent]";
    wait_for(
        &tab,
        "document.querySelector('[data-assess-select]').selectedOptions[0].textContent === 'Qendra Z — 2027'",
        "the second assessment, current",
    );
    assert_eq!(eval(&tab, s4), json!(["0", "pa shënuar"]));
    eval(
        &tab,
        "(() => { const s = document.querySelector('[data-assess-select]'); s.value = [...s.options].find(o => o.textContent === 'Qendra Z — 2026').value; s.dispatchEvent(new Event('change', { bubbles: true })); })()",
    );
    assert_eq!(
        eval(&tab, s4),
        json!(["1", "ka"]),
        "the first, chosen again"
    );

    // The link lands on the item's fields, its criterion's evidence opened.
    let target = open(
        &browser,
        &file_url(&split.join("vleresim/S4.html")).replace(".html", ".html#S4.3.1"),
    );
    wait_for(
        &target,
        "document.getElementById('S4.3.1').closest('details').open && document.querySelector('input[name=\"ev-S4.3.1\"][value=present]').checked",
        "the evidence item's fields, open and filled",
    );
}
