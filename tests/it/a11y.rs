//! Accessibility: axe-core (pinned in tests/a11y/package.json) in headless Chromium over
//! every page type of the shipped handbook, plus the basics axe does not insist on.

use std::collections::BTreeMap;

use crate::common::browser::*;
use crate::common::*;

pub(crate) fn axe_source() -> Option<String> {
    let path = repo().join("tests/a11y/node_modules/axe-core/axe.min.js");
    match std::fs::read_to_string(&path) {
        Ok(s) => Some(s),
        Err(_) => {
            skip(
                "accessibility tests",
                "axe-core is not installed",
                "npm ci --prefix tests/a11y",
            );
            None
        }
    }
}

/// One page of each type: the first page of each folder and each top-level page.
fn page_types() -> Vec<String> {
    let site = shipped_site().join("site");
    let mut by_type: BTreeMap<String, String> = BTreeMap::new();
    for (path, _) in pages(&site) {
        let kind = match path.rsplit_once('/') {
            Some((dir, _)) if dir != "vleresim" && dir != "auditim" => dir.to_string(),
            _ if path.starts_with('S') && path.ends_with(".html") => "standard".to_string(),
            _ if path.contains("/S") => format!("{}/standard", path.split('/').next().unwrap()),
            _ => path.clone(),
        };
        by_type.entry(kind).or_insert(path);
    }
    by_type.into_values().collect()
}

#[test]
fn no_serious_or_critical_violations_on_any_page_type() {
    let Some(axe) = axe_source() else { return };
    let Some(browser) = browser("no_serious_or_critical_violations_on_any_page_type") else {
        return;
    };
    let site = shipped_site().join("site");
    let types = page_types();
    assert!(types.len() >= 15, "page types: {types:?}");
    let mut failures = Vec::new();
    let mut summary = Vec::new();
    for path in &types {
        let tab = open(&browser, &file_url(&site.join(path)));
        tab.evaluate(&axe, false).expect("axe loads");
        assert_eq!(
            eval(
                &tab,
                "typeof axe === 'object' && typeof axe.run === 'function'"
            ),
            serde_json::Value::Bool(true),
            "{path}: axe-core is loaded in the page"
        );
        let result = eval(
            &tab,
            "axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, first: v.nodes[0] && v.nodes[0].target.join(' ') })))",
        );
        // No answer is not "no violations": axe must have run and said so.
        let Some(violations) = result.as_array().cloned() else {
            panic!("{path}: axe-core did not run (its answer was {result})");
        };
        let bad: Vec<_> = violations
            .iter()
            .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
            .collect();
        summary.push(format!(
            "{path}: {} violations ({} serious/critical)",
            violations.len(),
            bad.len()
        ));
        for v in bad {
            failures.push(format!(
                "{path}: {} ({}) on {} nodes, e.g. {}",
                v["id"], v["impact"], v["nodes"], v["first"]
            ));
        }
        // The basics: language, a skip link to main, landmarks, one h1, headings in order.
        let basics = eval(
            &tab,
            "(() => { const hs = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1]); let jump = null; for (let i = 1; i < hs.length; i++) if (hs[i] > hs[i-1] + 1) { jump = hs[i-1] + '→' + hs[i]; break; } return { lang: document.documentElement.lang, skip: !!document.querySelector('a.skip-link[href=\"#main\"]'), main: document.querySelectorAll('main').length, nav: document.querySelectorAll('nav').length > 0, h1: document.querySelectorAll('h1').length, first: hs[0], jump }; })()",
        );
        if basics["lang"] != "sq"
            || basics["skip"] != true
            || basics["main"] != 1
            || basics["nav"] != true
        {
            failures.push(format!(
                "{path}: landmarks/lang/skip link missing: {basics}"
            ));
        }
        if basics["h1"] != 1 || basics["first"] != 1 || !basics["jump"].is_null() {
            failures.push(format!("{path}: headings out of order: {basics}"));
        }
    }
    assert_eq!(summary.len(), types.len(), "axe ran on every page type");
    println!("axe-core results:\n{}", summary.join("\n"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn focus_is_visible() {
    let Some(browser) = browser("focus_is_visible") else {
        return;
    };
    let site = shipped_site().join("site");
    let tab = open(&browser, &file_url(&site.join("index.html")));
    tab.press_key("Tab").unwrap();
    let r = eval(
        &tab,
        "(() => { const e = document.activeElement; const s = getComputedStyle(e); return { cls: e.className, outline: s.outlineStyle, width: s.outlineWidth }; })()",
    );
    assert_eq!(
        r["cls"], "skip-link",
        "the first Tab reaches the skip link: {r}"
    );
    assert_ne!(r["outline"], "none", "focus is visible: {r}");
}

/// The report with its comparison and charts, the comparison of centres, the overview with
/// its chart and the filled comparison page: no serious or critical violations.
#[test]
fn reports_charts_and_the_comparison_pass_axe() {
    let Some(axe) = axe_source() else { return };
    let Some(browser) = browser("reports_charts_and_the_comparison_pass_axe") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let report = comparison_reports(dir.path());
    let site = shipped_site().join("site");
    let overview = open(&browser, &file_url(&site.join("vleresim/index.html")));
    for n in ["2025.json", "2026.json"] {
        let text = serde_json::to_string(&read(&fixtures().join("compare").join(n))).unwrap();
        eval(
            &overview,
            &format!("window.Doracak.assessmentPage.importText({text})"),
        );
    }
    wait_for(
        &overview,
        "!!document.querySelector('[data-score-chart] svg')",
        "the overview chart",
    );
    let compare = open(&browser, &file_url(&site.join("vleresim/krahasimi.html")));
    wait_for(
        &compare,
        "!!document.querySelector('[data-compare=improved]')",
        "the comparison",
    );
    let tabs = [
        ("raporti.html", open(&browser, &file_url(&report))),
        (
            "krahasimi.html",
            open(&browser, &file_url(&dir.path().join("krahasimi.html"))),
        ),
        ("vleresim/index.html", overview),
        ("vleresim/krahasimi.html", compare),
    ];
    let mut failures = Vec::new();
    for (name, tab) in &tabs {
        tab.evaluate(&axe, false).expect("axe loads");
        let result = eval(
            tab,
            "axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, first: v.nodes[0] && v.nodes[0].target.join(' ') })))",
        );
        let Some(violations) = result.as_array().cloned() else {
            panic!("{name}: axe-core did not run (its answer was {result})");
        };
        for v in violations
            .iter()
            .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
        {
            failures.push(format!(
                "{name}: {} ({}) on {} nodes, e.g. {}",
                v["id"], v["impact"], v["nodes"], v["first"]
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
