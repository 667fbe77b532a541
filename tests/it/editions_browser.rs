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
    import_file(&tab, &file);
    wait_for(
        &tab,
        "document.querySelectorAll('[data-import-result] [data-carry]').length === 4",
        "the carried-over lists",
    );
    let lists = imported_lists(&tab);
    assert_eq!(
        lists,
        expected_carry(),
        "the same lists as `doracak report`"
    );
    // What is kept: the re-rated criterion's rating; the removed one's set aside under its
    // old id, with its evidence and plan row (never scored).
    let data = eval(
        &tab,
        "(() => { const s = new Doracak.assessment.Store(DORACAK_CATALOG); return s.load(s.current()).data; })()",
    );
    assert_eq!(data["ratings"]["S1.2"]["rating"], "partial");
    assert_eq!(
        data["set_aside"]["ratings"]["S1.3"]["note"],
        "Regjistri mungon."
    );
    assert_eq!(data["set_aside"]["evidence"]["S1.3.1"]["status"], "missing");
    assert_eq!(data["set_aside"]["plan"][0]["criterion"], "S1.3");
    assert!(data["ratings"].get("S1.3").is_none());
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

/// Both ways from the same written data: the site's mapping table is edited by hand (S2.1
/// made "re-rate"); Chromium and `doracak report` then give the same, edited, lists.
#[test]
fn the_browser_and_report_map_with_the_same_written_table() {
    let Some(browser) = browser("the_browser_and_report_map_with_the_same_written_table") else {
        return;
    };
    let dir = new_with_previous();
    let root = dir.path().join("new");
    let o = doracak(&["--root", root.to_str().unwrap(), "build"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let site = root.join("site");
    let table = site.join("vleresim/editions.js");
    let text = std::fs::read_to_string(&table).unwrap();
    let edited = text.replacen(
        "\"S2.1\":{\"to\":\"S2.1\",\"state\":\"kept\"",
        "\"S2.1\":{\"to\":\"S2.1\",\"state\":\"rerate\"",
        1,
    );
    assert_ne!(edited, text);
    std::fs::write(&table, edited).unwrap();
    let file = fixtures().join("editions/assessments/qendra-botimi-2024.json");
    let out = dir.path().join("raport.html");
    let o = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "report",
        file.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let cli = crate::editions::carry_lists(&read(&out));
    let tab = open(&browser, &file_url(&site.join("vleresim/index.html")));
    import_file(&tab, &file);
    wait_for(
        &tab,
        "document.querySelectorAll('[data-import-result] [data-carry]').length === 4",
        "the carried-over lists",
    );
    let lists = imported_lists(&tab);
    assert_eq!(lists, cli, "Chromium and `report` from the same table");
    assert_eq!(
        lists[0],
        (
            "rerate".to_string(),
            vec!["S1.2".to_string(), "S2.1".to_string()]
        ),
        "the edited table, not a mapping worked out again"
    );
}

/// Review B1 in Chromium: criterion 1.3 removed and a different criterion numbered 1.3 in
/// its place. The old rating, evidence and plan row are listed under "removed" and set
/// aside in the stored file; the new 1.3 is listed new and stays unrated on its page.
#[test]
fn a_removed_rating_is_not_put_on_a_new_criterion_reusing_its_id_in_the_browser() {
    let Some(browser) =
        browser("a_removed_rating_is_not_put_on_a_new_criterion_reusing_its_id_in_the_browser")
    else {
        return;
    };
    let dir = crate::editions_review::reused_id();
    let site = dir.path().join("new/site");
    let file = fixtures().join("editions/assessments/qendra-botimi-2024.json");
    let tab = open(&browser, &file_url(&site.join("vleresim/index.html")));
    import_file(&tab, &file);
    wait_for(
        &tab,
        "!!document.querySelector('[data-import-result] [data-carry=new]')",
        "the carried-over lists",
    );
    let lists = imported_lists(&tab);
    let v = |k: &str, ids: &[&str]| (k.to_string(), ids.iter().map(|s| s.to_string()).collect());
    assert_eq!(
        lists,
        vec![
            v("removed", &["S1.3"]),
            v("new", &["S1.3"]),
            v("kept", &["S1.1", "S1.2", "S2.1", "S2.2"]),
        ]
    );
    let removed = eval(
        &tab,
        "document.querySelector('[data-carry=removed] li').textContent",
    );
    let removed = removed.as_str().unwrap();
    assert!(removed.contains("Regjistri mungon."), "{removed}");
    assert!(
        removed.contains("Hapja e regjistrit të ankesave"),
        "the plan row under its removed criterion: {removed}"
    );
    let data = eval(
        &tab,
        "(() => { const s = new Doracak.assessment.Store(DORACAK_CATALOG); return s.load(s.current()).data; })()",
    );
    assert!(data["ratings"].get("S1.3").is_none(), "{data}");
    assert!(data["evidence"].get("S1.3.1").is_none(), "{data}");
    assert_eq!(data["plan"], serde_json::json!([]), "{data}");
    assert_eq!(
        data["set_aside"]["ratings"]["S1.3"]["rating"], "not_met",
        "{data}"
    );
    assert_eq!(data["set_aside"]["edition"], "Botimi 2024", "{data}");
    // The new 1.3 is unrated on its page.
    let tab = open(&browser, &file_url(&site.join("vleresim/S1.html")));
    tab.wait_for_element("section[data-criterion=\"S1.3\"] input[value=not_met]")
        .unwrap();
    wait_for(
        &tab,
        "document.querySelector('section[data-criterion=\"S1.1\"] input[value=met]').checked",
        "the ratings drawn",
    );
    assert_eq!(
        eval(
            &tab,
            "[...document.querySelectorAll('section[data-criterion=\"S1.3\"] input[data-field=rating]')].some(i => i.checked)"
        ),
        false
    );
}

/// Review B3 in Chromium: a table edited by hand (S1.3 put on S1.1, S2.2 on S9.9) is
/// refused with a sentence naming the entries; nothing is imported.
#[test]
fn a_table_whose_targets_are_missing_or_shared_is_refused_in_the_browser() {
    let Some(browser) =
        browser("a_table_whose_targets_are_missing_or_shared_is_refused_in_the_browser")
    else {
        return;
    };
    let dir = new_with_previous();
    let root = dir.path().join("new");
    crate::editions::built(&root);
    let site = root.join("site");
    let table = site.join("vleresim/editions.js");
    let text = std::fs::read_to_string(&table).unwrap();
    let edited = text
        .replacen(
            "\"S1.3\":{\"to\":null,\"state\":\"removed\"",
            "\"S1.3\":{\"to\":\"S1.1\",\"state\":\"kept\"",
            1,
        )
        .replacen("\"S2.2\":{\"to\":\"S2.2\"", "\"S2.2\":{\"to\":\"S9.9\"", 1);
    assert_eq!(edited.matches("S9.9").count(), 1);
    std::fs::write(&table, edited).unwrap();
    let file = fixtures().join("editions/assessments/qendra-botimi-2024.json");
    let tab = open(&browser, &file_url(&site.join("vleresim/index.html")));
    import_file(&tab, &file);
    wait_for(
        &tab,
        "(document.querySelector('[data-import-result]') || {}).textContent.includes('S9.9')",
        "the refusal",
    );
    let said = eval(
        &tab,
        "document.querySelector('[data-import-result]').textContent",
    );
    let said = said.as_str().unwrap();
    assert!(
        said.contains("Tabela e botimeve e faqes e çon S1.3 të botimit të mëparshëm te S1.1, që i është dhënë tashmë S1.1"),
        "{said}"
    );
    assert!(
        said.contains("e çon S2.2 të botimit të mëparshëm te S9.9, që ky botim nuk e ka"),
        "{said}"
    );
    assert_eq!(
        eval(
            &tab,
            "new Doracak.assessment.Store(DORACAK_CATALOG).list().length"
        ),
        0,
        "nothing imported"
    );
}

/// The lists the import shows (kept, re-rate, removed, new …): each list's kind and the
/// criteria in it.
fn imported_lists(tab: &headless_chrome::Tab) -> Vec<(String, Vec<String>)> {
    let lists = eval(
        tab,
        "[...document.querySelectorAll('[data-import-result] [data-carry]')].map(ul => [ul.dataset.carry, [...ul.querySelectorAll('[data-criterion]')].map(li => li.dataset.criterion)])",
    );
    serde_json::from_value(lists).unwrap()
}
