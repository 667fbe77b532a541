//! Accessibility when the site is used (issue 32): axe-core over every page of the shipped
//! handbook as loaded and over the interactive states (search open with results and with
//! none, a quiz answered, training records listed, an assessment rated, the register
//! filtered to nothing, the phone menu open), failing on any critical or serious
//! violation; the keyboard in a quiz (arrows choose, Enter grades, focus on the verdict)
//! and in the search list (the APG combobox); diagrams and charts readable on a phone.

use std::collections::BTreeMap;

use crate::common::browser::*;
use crate::common::*;
use headless_chrome::Tab;
use headless_chrome::protocol::cdp::Emulation;
use serde_json::Value;

fn axe_source() -> Option<String> {
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

/// Run axe in `tab` (loading it first if the page does not have it): its violations as
/// `{ id, impact, nodes, first }`.
fn axe_run(tab: &Tab, axe: &str, what: &str) -> Vec<Value> {
    if eval(tab, "typeof axe === 'object'") != Value::Bool(true) {
        tab.evaluate(axe, false).expect("axe loads");
    }
    let result = eval(
        tab,
        "axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, first: v.nodes[0] && v.nodes[0].target.join(' ') })))",
    );
    result
        .as_array()
        .cloned()
        .unwrap_or_else(|| panic!("{what}: axe-core did not run (its answer was {result})"))
}

/// Count violations by impact into `counts`; the serious and critical ones into `failures`.
fn tally(
    what: &str,
    violations: &[Value],
    counts: &mut BTreeMap<String, usize>,
    failures: &mut Vec<String>,
) {
    for v in violations {
        let impact = v["impact"].as_str().unwrap_or("none").to_string();
        *counts.entry(impact.clone()).or_default() += 1;
        if impact == "serious" || impact == "critical" {
            failures.push(format!(
                "{what}: {} ({impact}) on {} nodes, e.g. {}",
                v["id"], v["nodes"], v["first"]
            ));
        }
    }
}

fn navigate(tab: &Tab, url: &str) {
    tab.navigate_to(url).expect("navigates");
    tab.wait_until_navigated().expect("loads");
}

#[test]
fn axe_over_every_page_finds_nothing_serious_or_critical() {
    let Some(axe) = axe_source() else { return };
    let Some(browser) = browser("axe_over_every_page_finds_nothing_serious_or_critical") else {
        return;
    };
    let site = shipped_site().join("site");
    let all = pages(&site);
    assert!(all.len() >= 200, "{} pages", all.len());
    let tab = browser.new_tab().expect("a tab");
    tab.set_default_timeout(std::time::Duration::from_secs(30));
    let mut counts = BTreeMap::new();
    let mut failures = Vec::new();
    for (path, _) in &all {
        navigate(&tab, &file_url(&site.join(path)));
        let v = axe_run(&tab, &axe, path);
        tally(path, &v, &mut counts, &mut failures);
    }
    println!(
        "axe over {} pages, violations by impact: {counts:?}",
        all.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn axe_over_the_interactive_states_finds_nothing_serious_or_critical() {
    let Some(axe) = axe_source() else { return };
    let Some(browser) =
        browser("axe_over_the_interactive_states_finds_nothing_serious_or_critical")
    else {
        return;
    };
    let site = shipped_site().join("site");
    let mut counts = BTreeMap::new();
    let mut failures = Vec::new();
    let mut check = |tab: &Tab, what: &str| {
        let v = axe_run(tab, &axe, what);
        println!("{what}: {} violations", v.len());
        tally(what, &v, &mut counts, &mut failures);
    };

    // The search box open with results, then with none.
    let tab = open(&browser, &file_url(&site.join("index.html")));
    tab.wait_for_element("#search-input")
        .unwrap()
        .click()
        .unwrap();
    tab.type_str("afati").unwrap();
    wait_for(
        &tab,
        "!document.getElementById('search-panel').hidden && document.querySelectorAll('#search-list [role=option]').length > 0",
        "search results",
    );
    tab.press_key("ArrowDown").unwrap();
    check(&tab, "search open with results");
    eval(
        &tab,
        "(() => { const i = document.getElementById('search-input'); i.value = 'qqqxzzv'; i.dispatchEvent(new Event('input', { bubbles: true })); })()",
    );
    wait_for(
        &tab,
        "!!document.querySelector('#search-panel .search-empty')",
        "no results",
    );
    check(&tab, "search open with no results");

    // A quiz with every question answered (checked), right or wrong.
    let tab = open(
        &browser,
        &file_url(&site.join("trajnim/kuizi/identifikimi-formal.html")),
    );
    wait_for(
        &tab,
        "!document.querySelector('[data-quiz-record]').hidden",
        "the quiz script",
    );
    eval(
        &tab,
        "document.querySelectorAll('[data-question]').forEach(q => { q.querySelector('input').checked = true; q.querySelector('[data-quiz-check]').click(); })",
    );
    wait_for(
        &tab,
        "document.querySelectorAll('.quiz-q.is-right, .quiz-q.is-wrong').length === document.querySelectorAll('[data-question]').length",
        "every question graded",
    );
    check(&tab, "a quiz answered");

    // Training records listed.
    let tab = open(&browser, &file_url(&site.join("trajnim/regjistrat.html")));
    eval(&tab, "localStorage.clear()");
    eval(
        &tab,
        "(() => { const p = document.getElementById('training'); const T = Doracak.training; const s = new T.Store(p.getAttribute('data-handbook') || '', p.getAttribute('data-edition') || ''); s.add({ id: s.newId(), name: 'Ana Hoxha', date: '2026-11-20', kind: 'procedure', subject: 'identifikimi-formal', title: 'Identifikimi formal', score: 18, total: 20, understood: true, edition: p.getAttribute('data-edition') || '', saved: T.nowIso() }); })()",
    );
    tab.reload(true, None).unwrap();
    tab.wait_until_navigated().unwrap();
    wait_for(
        &tab,
        "document.querySelectorAll('[data-training-rows] tr').length === 1",
        "a record listed",
    );
    check(&tab, "training records listed");
    eval(&tab, "localStorage.clear()");

    // An assessment imported (the overview with its chart), and a standard's criterion rated.
    let tab = open(&browser, &file_url(&site.join("vleresim/index.html")));
    eval(&tab, "localStorage.clear()");
    let text = serde_json::to_string(&read(&fixtures().join("compare").join("2026.json"))).unwrap();
    eval(
        &tab,
        &format!("window.Doracak.assessmentPage.importText({text})"),
    );
    wait_for(
        &tab,
        "!!document.querySelector('[data-score-chart] svg')",
        "the overview chart",
    );
    check(&tab, "the overview with an assessment and its chart");
    navigate(&tab, &file_url(&site.join("vleresim/S1.html")));
    tab.wait_for_element("input[name='r-S1.1'][value=partial]")
        .unwrap()
        .click()
        .unwrap();
    wait_for(
        &tab,
        "document.querySelector(\"input[name='r-S1.1'][value=partial]\").checked",
        "a rating",
    );
    check(&tab, "an assessment rated");
    eval(&tab, "localStorage.clear()");

    // The deadlines register filtered to nothing.
    let tab = open(&browser, &file_url(&site.join("afatet.html")));
    let found = eval(
        &tab,
        "(() => { const r = document.getElementById('dl-filter-role'), c = document.getElementById('dl-filter-collection'); for (const ro of r.options) for (const co of c.options) { r.value = ro.value; c.value = co.value; r.dispatchEvent(new Event('change', { bubbles: true })); c.dispatchEvent(new Event('change', { bubbles: true })); if (!document.getElementById('dl-filter-empty').hidden) return true; } return false; })()",
    );
    assert_eq!(found, Value::Bool(true), "a filter that shows nothing");
    check(&tab, "the register filtered to nothing");

    // The phone menu open.
    let tab = open(&browser, &file_url(&site.join("index.html")));
    resize(&tab, 390, 844, true);
    tab.wait_for_element(".nav-toggle")
        .unwrap()
        .click()
        .unwrap();
    wait_for(
        &tab,
        "document.querySelector('.nav-toggle').getAttribute('aria-expanded') === 'true'",
        "the menu open",
    );
    check(&tab, "the phone menu open");

    println!("axe over the interactive states, violations by impact: {counts:?}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The question `n` (1-based) of the quiz, as a JS expression.
fn q(n: usize) -> String {
    format!("document.querySelectorAll('[data-question]')[{}]", n - 1)
}

#[test]
fn a_quiz_by_keyboard_arrows_choose_and_enter_grades() {
    let Some(browser) = browser("a_quiz_by_keyboard_arrows_choose_and_enter_grades") else {
        return;
    };
    let site = shipped_site().join("site");
    let tab = open(
        &browser,
        &file_url(&site.join("trajnim/kuizi/identifikimi-formal.html")),
    );
    wait_for(
        &tab,
        "!document.querySelector('[data-quiz-record]').hidden",
        "the quiz script",
    );
    // A single-answer question with four choices.
    let n = eval(
        &tab,
        "[...document.querySelectorAll('[data-question]')].findIndex(q => q.querySelectorAll('input[type=radio]').length >= 4) + 1",
    )
    .as_u64()
    .unwrap() as usize;
    assert!(n >= 1, "a single-answer question");
    let qn = q(n);
    eval(&tab, &format!("{qn}.querySelector('input').focus()"));
    tab.press_key(" ").unwrap();
    for _ in 0..3 {
        tab.press_key("ArrowDown").unwrap();
    }
    let state = eval(
        &tab,
        &format!(
            "({{ checked: [...{qn}.querySelectorAll('input')].findIndex(i => i.checked), disabled: [...{qn}.querySelectorAll('input')].some(i => i.disabled), graded: {qn}.classList.contains('is-right') || {qn}.classList.contains('is-wrong'), focus: document.activeElement.value, button: !{qn}.querySelector('[data-quiz-check]').hidden }})"
        ),
    );
    assert_eq!(
        state["checked"], 3,
        "the arrows moved the choice to D: {state}"
    );
    assert_eq!(state["graded"], false, "the arrows did not grade: {state}");
    assert_eq!(state["disabled"], false, "every choice still open: {state}");
    assert_eq!(state["button"], true, "\"Check\" is offered: {state}");
    tab.press_key("ArrowUp").unwrap();
    tab.press_key("Enter").unwrap();
    wait_for(
        &tab,
        &format!("{qn}.classList.contains('is-right') || {qn}.classList.contains('is-wrong')"),
        "Enter grades",
    );
    let after = eval(
        &tab,
        &format!(
            "({{ focusIsVerdict: document.activeElement === {qn}.querySelector('[data-quiz-feedback]'), role: document.activeElement.getAttribute('role'), text: document.activeElement.textContent.trim() }})"
        ),
    );
    assert_eq!(
        after["focusIsVerdict"], true,
        "focus is on the verdict: {after}"
    );
    assert_eq!(after["role"], "status", "the verdict is announced: {after}");
    assert!(
        after["text"].as_str().unwrap().len() > 3,
        "the verdict says something: {after}"
    );

    // A multiple-answer question: Space ticks, Enter grades, and focus goes to the verdict.
    let m = eval(
        &tab,
        "[...document.querySelectorAll('[data-question]')].findIndex(q => q.querySelector('input[type=checkbox]')) + 1",
    )
    .as_u64()
    .unwrap() as usize;
    assert!(m >= 1, "a multiple-answer question");
    let qm = q(m);
    eval(&tab, &format!("{qm}.querySelector('input').focus()"));
    tab.press_key(" ").unwrap();
    assert_eq!(
        eval(
            &tab,
            &format!("{qm}.classList.contains('is-right') || {qm}.classList.contains('is-wrong')")
        ),
        Value::Bool(false),
        "ticking does not grade"
    );
    tab.press_key("Enter").unwrap();
    wait_for(
        &tab,
        &format!(
            "({qm}.classList.contains('is-right') || {qm}.classList.contains('is-wrong')) && document.activeElement === {qm}.querySelector('[data-quiz-feedback]')"
        ),
        "Enter grades a multiple-answer question and focus is on its verdict",
    );
}

#[test]
fn the_search_list_follows_the_combobox_pattern() {
    let Some(browser) = browser("the_search_list_follows_the_combobox_pattern") else {
        return;
    };
    let site = shipped_site().join("site");
    let tab = open(&browser, &file_url(&site.join("index.html")));
    tab.press_key("/").unwrap();
    assert_eq!(
        eval(&tab, "document.activeElement.id"),
        "search-input",
        "/ goes to the search box"
    );
    tab.type_str("afati").unwrap();
    wait_for(
        &tab,
        "document.querySelectorAll('#search-list [role=option]').length > 1",
        "results",
    );
    let shape = eval(
        &tab,
        "(() => { const l = document.getElementById('search-list'); const i = document.getElementById('search-input'); return { role: l.getAttribute('role'), controls: i.getAttribute('aria-controls'), expanded: i.getAttribute('aria-expanded'), others: [...l.children].filter(c => c.getAttribute('role') !== 'option').length, allOutside: !!document.querySelector('#search-panel .search-all') && !l.querySelector('.search-all'), active: i.getAttribute('aria-activedescendant') }; })()",
    );
    assert_eq!(shape["role"], "listbox", "{shape}");
    assert_eq!(shape["controls"], "search-list", "{shape}");
    assert_eq!(shape["expanded"], "true", "{shape}");
    assert_eq!(shape["others"], 0, "only options in the listbox: {shape}");
    assert_eq!(
        shape["allOutside"], true,
        "the all-results link outside the listbox: {shape}"
    );
    assert!(shape["active"].is_null(), "no option active yet: {shape}");

    tab.press_key("ArrowDown").unwrap();
    tab.press_key("ArrowDown").unwrap();
    let step = eval(
        &tab,
        "(() => { const i = document.getElementById('search-input'); const a = document.getElementById(i.getAttribute('aria-activedescendant')); const s = getComputedStyle(a); const sel = [...document.querySelectorAll('#search-list [aria-selected=true]')]; return { focus: document.activeElement.id, active: a.id, index: [...a.parentNode.children].indexOf(a), selected: sel.length === 1 && sel[0] === a, outline: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor }; })()",
    );
    assert_eq!(
        step["focus"], "search-input",
        "focus stays in the input: {step}"
    );
    assert_eq!(
        step["index"], 1,
        "two steps down, the second option: {step}"
    );
    assert_eq!(
        step["selected"], true,
        "aria-selected in step with aria-activedescendant: {step}"
    );
    assert_ne!(
        step["outline"], "none",
        "the active option is outlined: {step}"
    );
    assert!(step["width"].as_f64().unwrap() >= 2.0, "{step}");
    // The outline colour against white: at least 3:1.
    let contrast = eval(
        &tab,
        &format!(
            "(() => {{ const m = {}.match(/\\d+/g).map(Number).slice(0, 3).map(c => {{ c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); }}); const L = 0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2]; return 1.05 / (L + 0.05); }})()",
            serde_json::to_string(step["color"].as_str().unwrap()).unwrap()
        ),
    );
    assert!(
        contrast.as_f64().unwrap() >= 3.0,
        "outline contrast {contrast} ≥ 3:1"
    );
    tab.press_key("ArrowUp").unwrap();
    assert_eq!(
        eval(
            &tab,
            "document.getElementById('search-input').getAttribute('aria-activedescendant')"
        ),
        "search-opt-0",
        "ArrowUp moves back"
    );
    // Typing again resets the active option; Escape closes the list.
    tab.type_str("s").unwrap();
    assert!(
        eval(
            &tab,
            "document.getElementById('search-input').getAttribute('aria-activedescendant')"
        )
        .is_null(),
        "typing resets the active option"
    );
    tab.press_key("Escape").unwrap();
    wait_for(
        &tab,
        "document.getElementById('search-panel').hidden && document.getElementById('search-input').getAttribute('aria-expanded') === 'false'",
        "Escape closes the list",
    );
    // Enter on an active option opens it.
    tab.press_key("ArrowDown").unwrap();
    wait_for(
        &tab,
        "!document.getElementById('search-panel').hidden && document.querySelectorAll('#search-list [role=option]').length > 0",
        "the list again",
    );
    tab.press_key("ArrowDown").unwrap();
    let href = eval(&tab, "document.getElementById('search-opt-0').href");
    tab.press_key("Enter").unwrap();
    wait_for(
        &tab,
        &format!("location.href === {href}"),
        "Enter opens the active option",
    );
}

#[test]
fn diagrams_and_the_overview_chart_stay_readable_on_a_phone() {
    let Some(browser) = browser("diagrams_and_the_overview_chart_stay_readable_on_a_phone") else {
        return;
    };
    let site = shipped_site().join("site");
    let tab = open(
        &browser,
        &file_url(&site.join("procedura/identifikimi-formal.html")),
    );
    resize(&tab, 390, 844, true);
    // The smallest text of every diagram, in CSS px as drawn; the page does not scroll sideways.
    let r = eval(
        &tab,
        "(() => { let min = 99; document.querySelectorAll('svg.diagram').forEach(svg => { const k = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width; svg.querySelectorAll('text').forEach(t => { min = Math.min(min, parseFloat(getComputedStyle(t).fontSize) * k); }); }); const sc = document.querySelector('.diagram-scroll'); return { min, n: document.querySelectorAll('svg.diagram').length, pageWide: document.documentElement.scrollWidth, scrolls: sc.scrollWidth > sc.clientWidth, focusable: sc.tabIndex === 0 }; })()",
    );
    assert!(r["n"].as_u64().unwrap() >= 1, "{r}");
    assert!(
        r["min"].as_f64().unwrap() >= 10.0 - 1e-6,
        "diagram text at least 10 px: {r}"
    );
    assert!(
        r["pageWide"].as_u64().unwrap() <= 390,
        "the page stays 390 px: {r}"
    );
    assert_eq!(r["scrolls"], true, "the diagram scrolls on its own: {r}");
    assert_eq!(
        r["focusable"], true,
        "its scroll is reachable by keyboard: {r}"
    );

    // The overview's chart with one assessment imported.
    navigate(&tab, &file_url(&site.join("vleresim/index.html")));
    let text = serde_json::to_string(&read(&fixtures().join("compare").join("2026.json"))).unwrap();
    eval(
        &tab,
        &format!("window.Doracak.assessmentPage.importText({text})"),
    );
    wait_for(
        &tab,
        "!!document.querySelector('[data-score-chart] svg')",
        "the chart",
    );
    let c = eval(
        &tab,
        "(() => { const svg = document.querySelector('[data-score-chart] svg'); const k = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width; let min = 99; svg.querySelectorAll('text').forEach(t => { min = Math.min(min, parseFloat(getComputedStyle(t).fontSize) * k); }); return { min, pageWide: document.documentElement.scrollWidth }; })()",
    );
    eval(&tab, "localStorage.clear()");
    assert!(
        c["min"].as_f64().unwrap() >= 10.0 - 1e-6,
        "chart text at least 10 px: {c}"
    );
    assert!(c["pageWide"].as_u64().unwrap() <= 390, "{c}");
}

#[test]
fn the_search_placeholder_fits_the_device() {
    let Some(browser) = browser("the_search_placeholder_fits_the_device") else {
        return;
    };
    let site = shipped_site().join("site");
    let tab = open(&browser, &file_url(&site.join("index.html")));
    let desk = eval(&tab, "document.getElementById('search-input').placeholder");
    assert!(desk.as_str().unwrap().contains('/'), "a keyboard: {desk}");
    tab.call_method(Emulation::SetTouchEmulationEnabled {
        enabled: true,
        max_touch_points: Some(1),
    })
    .unwrap();
    navigate(&tab, &file_url(&site.join("index.html")));
    wait_for(
        &tab,
        "matchMedia('(hover: none) and (pointer: coarse)').matches",
        "a touch screen",
    );
    let touch = eval(&tab, "document.getElementById('search-input').placeholder");
    assert!(
        !touch.as_str().unwrap().contains('/') && !touch.as_str().unwrap().is_empty(),
        "a phone has no / key: {touch}"
    );
}

#[test]
fn targets_are_at_least_24_px_and_print_buttons_are_buttons() {
    let Some(browser) = browser("targets_are_at_least_24_px_and_print_buttons_are_buttons") else {
        return;
    };
    let site = shipped_site().join("site");
    let tab = open(&browser, &file_url(&site.join("vleresim/S1.html")));
    let small = eval(
        &tab,
        "[...document.querySelectorAll('.assess-nav a')].map(a => a.getBoundingClientRect()).filter(r => r.width < 24 || r.height < 24).length",
    );
    assert_eq!(small, 0, "the standards' links are 24 × 24 px or more");
    let page = pages(&site)
        .into_iter()
        .find(|(p, _)| p.starts_with("trajnim/fletushka/"))
        .expect("a handout")
        .0;
    navigate(&tab, &file_url(&site.join(&page)));
    let b = eval(
        &tab,
        "(() => { const b = document.querySelector('button[data-print]'); const r = b.getBoundingClientRect(); return { cls: b.className, h: r.height, bg: getComputedStyle(b).backgroundColor }; })()",
    );
    assert!(b["cls"].as_str().unwrap().contains("button"), "{b}");
    assert!(b["h"].as_f64().unwrap() >= 24.0, "{b}");
    // The form's single choices are drawn round; its serial field holds NR-2026-001.
    navigate(&tab, &file_url(&site.join("formulari/MR3.html")));
    let f = eval(
        &tab,
        "(() => { const r = document.querySelector('#printed-form input.tick[type=radio]'); const s = document.getElementById('serial'); s.value = 'NR-2026-001'; return { radius: getComputedStyle(r).borderTopLeftRadius, fits: s.scrollWidth <= s.clientWidth, emptyTh: document.querySelectorAll('th:empty').length }; })()",
    );
    assert_eq!(f["radius"], "50%", "a radio looks like a radio: {f}");
    assert_eq!(f["fits"], true, "the serial fits: {f}");
    assert_eq!(f["emptyTh"], 0, "no empty table header: {f}");
    let empty: Vec<String> = pages(&site)
        .into_iter()
        .filter(|(_, html)| {
            html.split("<th").skip(1).any(|rest| {
                rest.split_once('>')
                    .is_some_and(|(_, after)| after.starts_with("</th>"))
            })
        })
        .map(|(p, _)| p)
        .collect();
    assert!(empty.is_empty(), "pages with an empty <th>: {empty:?}");
}
