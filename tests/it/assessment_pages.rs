//! The self-assessment pages as a director meets them, from `file://` in headless Chromium:
//! a rating page that guides (guidance, the criterion in its standard, previous and next,
//! the score below as well as above), an import that asks before it doubles an assessment,
//! a printed plan with every column in full, and a printout of only what was rated.

use crate::common::browser::*;
use crate::common::pdf::{letters, pages_and_size, print_tab};
use crate::common::*;
use serde_json::{Value, json};

fn fixture(name: &str) -> String {
    serde_json::to_string(&read(&fixtures().join("assessment-files").join(name))).unwrap()
}

#[test]
fn a_rating_page_shows_guidance_the_criterion_in_its_standard_and_the_way_on() {
    let Some(browser) = browser("a_rating_page_shows_guidance") else {
        return;
    };
    let (_dir, site) = minimal_site();
    let tab = open(&browser, &file_url(&site.join("vleresim/index.html")));
    eval(&tab, "localStorage.clear()");
    eval(
        &tab,
        &format!(
            "Doracak.assessmentPage.importText({})",
            fixture("valid-full.json")
        ),
    );
    let tab = open(&browser, &file_url(&site.join("vleresim/S1.html")));
    let page = eval(
        &tab,
        "(() => { const c = document.querySelector('[data-criterion=\"S1.1\"]'); const g = c.querySelector('details.guidance-details'); return { guidance: g ? g.textContent.replace(/\\s+/g, ' ').trim() : null, folded: g ? !g.open : null, link: c.querySelector('.c-source a').getAttribute('href'), next: (document.querySelector('.pager a[rel=next]') || {}).textContent, prev: !!document.querySelector('.pager a[rel=prev]'), scores: [...document.querySelectorAll('[data-score=\"S1\"]')].map(e => e.textContent) }; })()",
    );
    let guidance = page["guidance"]
        .as_str()
        .expect("the criterion's guidance is there");
    assert!(
        guidance.contains("Shërbimet me bazë komunitare duhet të inkurajohen."),
        "{page}"
    );
    assert!(guidance.contains("Një udhëzim pa numër."), "{page}");
    assert_eq!(page["folded"], true, "folded until opened");
    assert_eq!(page["link"], "../S1.html#S1.1");
    assert!(
        page["next"].as_str().unwrap().contains("Standardi 2"),
        "{page}"
    );
    assert_eq!(page["prev"], false, "the first standard has no previous");
    let scores = page["scores"].as_array().unwrap();
    assert_eq!(scores.len(), 2, "the score above and below");
    assert!(
        scores[0].as_str().unwrap().contains("3 / 4") && scores[0] == scores[1],
        "{page}"
    );
    // The link leads to the criterion on its standard's page.
    let target = site.join("S1.html");
    assert!(read(&target).contains("id=\"S1.1\""));
}

#[test]
fn importing_an_assessment_of_the_same_name_asks_to_replace_or_keep_both() {
    let Some(browser) = browser("importing_an_assessment_of_the_same_name_asks") else {
        return;
    };
    let (_dir, site) = minimal_site();
    let tab = open(&browser, &file_url(&site.join("vleresim/index.html")));
    eval(&tab, "localStorage.clear()");
    let file = fixture("valid-full.json");
    let names = "Doracak.assessmentPage.state.store.list().map(a => a.name)";
    assert_eq!(
        eval(&tab, &format!("Doracak.assessmentPage.importText({file})")),
        Value::Bool(true)
    );
    // The same file again: nothing is stored until the person chooses.
    assert_eq!(
        eval(&tab, &format!("Doracak.assessmentPage.importText({file})")),
        Value::Null
    );
    assert_eq!(eval(&tab, names), json!(["Qendra A — 2026"]));
    let ask = eval(
        &tab,
        "document.querySelector('[data-import-result]').textContent",
    );
    assert!(ask.as_str().unwrap().contains("Qendra A — 2026"), "{ask}");
    tab.wait_for_element("[data-action=import-keep-both]")
        .unwrap()
        .click()
        .unwrap();
    wait_for(
        &tab,
        &format!("{names}.length === 2"),
        "the second assessment",
    );
    assert_eq!(
        eval(&tab, names),
        json!(["Qendra A — 2026", "Qendra A — 2026 (2)"])
    );
    // Once more, replacing: still two, and the current one is the replaced one.
    eval(&tab, &format!("Doracak.assessmentPage.importText({file})"));
    tab.wait_for_element("[data-action=import-replace]")
        .unwrap()
        .click()
        .unwrap();
    wait_for(
        &tab,
        "document.querySelector('[data-import-result]').textContent.includes('importua')",
        "the import to finish",
    );
    assert_eq!(
        eval(&tab, names),
        json!(["Qendra A — 2026", "Qendra A — 2026 (2)"])
    );
}

#[test]
fn the_printed_plan_shows_every_column_in_full_and_the_printout_can_hold_only_what_was_rated() {
    let Some(browser) = browser("the_printed_plan_shows_every_column_in_full") else {
        return;
    };
    let (_dir, site) = minimal_site();
    let tab = open(&browser, &file_url(&site.join("vleresim/index.html")));
    eval(&tab, "localStorage.clear()");
    let long = "Afishimi i deklaratës në hyrje, në dhomën e ndenjes dhe në zyrën e punonjësit social, me një kopje për çdo përfitues të ri në ditën e pranimit.";
    let mut f: Value =
        serde_json::from_str(&read(&fixtures().join("assessment-files/valid-full.json"))).unwrap();
    f["plan"][0]["action"] = json!(long);
    f["plan"][0]["indicator"] = json!("Deklarata e afishuar në tre vende");
    f["plan"][0]["cost"] = json!("12000 lekë");
    f["ratings"] = json!({ "S1.2": { "rating": "partial", "note": "" } });
    let text = serde_json::to_string(&f.to_string()).unwrap();
    assert_eq!(
        eval(&tab, &format!("Doracak.assessmentPage.importText({text})")),
        Value::Bool(true)
    );

    let tab = open(&browser, &file_url(&site.join("vleresim/plani.html")));
    wait_for(
        &tab,
        "!!document.querySelector('[data-plan-row=\"S1.2\"]')",
        "the plan row",
    );
    let pdf = print_tab(&tab);
    let (_, a4) = pages_and_size(&pdf);
    assert!(a4);
    let printed = letters(&pdf_extract::extract_text_from_mem(&pdf).unwrap());
    for expected in [
        long,
        "Drejtori",
        "2026-12-31",
        "Deklarata e afishuar në tre vende",
        "12000 lekë",
    ] {
        assert!(
            printed.contains(&letters(expected)),
            "the printed plan shows {expected:?}"
        );
    }
    assert!(
        !printed.contains(&letters("mm/dd/yyyy")),
        "no date placeholder"
    );

    // The printout: all standards, or only those with a rated criterion (here S1).
    let tab = open(&browser, &file_url(&site.join("vleresim/printo.html")));
    wait_for(
        &tab,
        "document.querySelector('[data-fill=name]').textContent.length > 0",
        "the printout",
    );
    let all = pages_and_size(&print_tab(&tab)).0;
    eval(
        &tab,
        "(() => { const r = document.querySelector('[data-print-scope] input[value=rated]'); r.checked = true; r.dispatchEvent(new Event('change', { bubbles: true })); })()",
    );
    let shown = eval(
        &tab,
        "[...document.querySelectorAll('section[data-filled-standard]')].filter(s => !s.hidden).map(s => s.dataset.filledStandard)",
    );
    assert_eq!(shown, json!(["S1"]));
    let pdf = print_tab(&tab);
    let rated = pages_and_size(&pdf).0;
    let text = letters(&pdf_extract::extract_text_from_mem(&pdf).unwrap());
    assert!(
        !text.contains(&letters("Vlerësimi i nevojave")),
        "standard 2 is left out"
    );
    assert!(rated <= all, "rated only: {rated} pages, all: {all}");
    println!("printout: all {all} pages, rated only {rated}");
}
