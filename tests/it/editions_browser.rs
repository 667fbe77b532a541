//! Editions in headless Chromium: an assessment of the previous edition imported on the new
//! edition's site is mapped exactly as `doracak report` maps it (tests/it/editions.rs).

use crate::common::browser::*;
use crate::common::*;
use crate::editions::{expected_carry, new_with_previous};

#[test]
fn an_assessment_of_the_previous_edition_opens_mapped_in_the_browser() {
    let Some(browser) =
        browser("an_assessment_of_the_previous_edition_opens_mapped_in_the_browser")
    else {
        return;
    };
    let dir = new_with_previous();
    let root = dir.path().join("new");
    let o = doracak(&["--root", root.to_str().unwrap(), "build"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let site = root.join("site");
    let file = fixtures().join("editions/assessments/qendra-botimi-2024.json");
    let tab = open(&browser, &file_url(&site.join("vleresim/index.html")));
    tab.wait_for_element("input[data-action=import]")
        .unwrap()
        .set_input_files(&[file.to_str().unwrap()])
        .unwrap();
    wait_for(
        &tab,
        "document.querySelectorAll('[data-import-result] [data-carry]').length === 4",
        "the carried-over lists",
    );
    let lists = eval(
        &tab,
        "[...document.querySelectorAll('[data-import-result] [data-carry]')].map(ul => [ul.dataset.carry, [...ul.querySelectorAll('[data-criterion]')].map(li => li.dataset.criterion)])",
    );
    let lists: Vec<(String, Vec<String>)> = serde_json::from_value(lists).unwrap();
    assert_eq!(
        lists,
        expected_carry(),
        "the same lists as `doracak report`"
    );
    // What is kept: the re-rated criterion's rating, the removed one's under its old id.
    let data = eval(
        &tab,
        "(() => { const s = new Doracak.assessment.Store(DORACAK_CATALOG); return s.load(s.current()).data; })()",
    );
    assert_eq!(data["ratings"]["S1.2"]["rating"], "partial");
    assert_eq!(data["ratings"]["S1.3"]["note"], "Regjistri mungon.");
    assert_eq!(
        data["handbook"]["catalog"],
        eval(&tab, "DORACAK_CATALOG.catalog")
    );
    // The mapped file names this edition; a file names the edition it was made on, read
    // without a note.
    assert_eq!(data["handbook"]["edition"], "Botimi 2026");
    assert_eq!(eval(&tab, "DORACAK_CATALOG.edition"), "Botimi 2026");
    let read = eval(
        &tab,
        r#"(() => { const r = Doracak.assessment.read(JSON.stringify({schema: "doracak-assessment", version: 1, handbook: {title: "x", catalog: "y", edition: "Botimi 2024"}, assessment: {name: "a"}}), DORACAK_CATALOG); return [r.file.handbook.edition, r.notes.length, r.problems.length]; })()"#,
    );
    assert_eq!(read, serde_json::json!(["Botimi 2024", 0, 0]));
    // On the standard's rating page the changed criterion is flagged, linking to its
    // difference; the others are not.
    let tab = open(&browser, &file_url(&site.join("vleresim/S1.html")));
    wait_for(
        &tab,
        "!!document.querySelector('[data-rerate-flag=\"S1.2\"]')",
        "the re-rate flag",
    );
    assert_eq!(
        eval(
            &tab,
            "document.querySelectorAll('[data-rerate-flag]').length"
        ),
        1
    );
    let href = eval(
        &tab,
        "document.querySelector('[data-rerate-flag=\"S1.2\"] a').getAttribute('href')",
    );
    assert_eq!(href, "../ndryshimet.html#d-criterion-S1-2");
    assert_eq!(
        eval(
            &tab,
            "document.querySelector('section[data-criterion=\"S1.2\"] input[value=partial]').checked"
        ),
        true
    );
}
