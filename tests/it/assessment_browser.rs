//! The self-assessment in headless Chromium, opened from `file://`, as a director uses it:
//! create, rate, note, track evidence, reload, export, clear, import, refuse bad files.

use crate::common;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::common::browser::*;
use crate::common::*;
use headless_chrome::Tab;
use headless_chrome::protocol::cdp::Browser::{
    SetDownloadBehavior, SetDownloadBehaviorBehaviorOption,
};
use serde_json::Value;

fn click(tab: &Tab, selector: &str) {
    tab.wait_for_element(selector)
        .unwrap_or_else(|e| panic!("{selector}: {e}"))
        .click()
        .unwrap();
}

fn storage(tab: &Tab) -> Value {
    eval(
        tab,
        "Object.fromEntries(Object.keys(localStorage).sort().map(k => [k, localStorage.getItem(k)]))",
    )
}

/// The downloaded file's JSON, once the download has finished writing it.
fn wait_json(path: &Path) -> Value {
    for _ in 0..100 {
        if let Ok(v) = serde_json::from_str(&std::fs::read_to_string(path).unwrap_or_default()) {
            return v;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("{} never held whole JSON", path.display());
}

fn wait_file(dir: &Path, ext: &str) -> PathBuf {
    for _ in 0..100 {
        if let Some(p) = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|x| x == ext))
        {
            return p;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("no .{ext} file was downloaded");
}

#[test]
fn a_director_rates_exports_and_imports_from_file_urls() {
    let Some(browser) = browser("a_director_rates_exports_and_imports_from_file_urls") else {
        return;
    };
    let (dir, site) = minimal_site();
    let downloads = dir.path().join("downloads");
    std::fs::create_dir_all(&downloads).unwrap();

    // 1. Create a named assessment.
    let tab = open(&browser, &file_url(&site.join("vleresim/index.html")));
    tab.call_method(SetDownloadBehavior {
        behavior: SetDownloadBehaviorBehaviorOption::Allow,
        browser_context_id: None,
        download_path: Some(downloads.to_string_lossy().into_owned()),
        events_enabled: None,
    })
    .unwrap();
    eval(&tab, "localStorage.clear()");
    tab.reload(true, None).unwrap();
    tab.wait_until_navigated().unwrap();
    tab.wait_for_element("[data-assess-new] input[name=name]")
        .unwrap()
        .type_into("Qendra X — 2026")
        .unwrap();
    tab.wait_for_element("[data-assess-new] input[name=centre]")
        .unwrap()
        .type_into("Qendra X")
        .unwrap();
    click(&tab, "[data-assess-new] button[type=submit]");
    wait_for(
        &tab,
        "document.querySelector('[data-assess-select]').selectedOptions[0].textContent === 'Qendra X — 2026'",
        "the new assessment is selected",
    );

    // 2. Rate criteria, write a note, record evidence on the standard page.
    let tab = open(&browser, &file_url(&site.join("vleresim/S1.html")));
    click(&tab, "input[name='r-S1.1'][value=met]");
    click(&tab, "input[name='r-S1.2'][value=partial]");
    tab.wait_for_element("[data-criterion='S1.2'] textarea")
        .unwrap()
        .type_into("Deklarata nuk është e afishuar.")
        .unwrap();
    eval(
        &tab,
        "document.querySelector('[data-criterion=\"S1.1\"] details.ev-details').open = true",
    );
    click(&tab, "input[name='ev-S1.1.1'][value=present]");
    tab.wait_for_element("[data-evidence='S1.1.1'] input[data-field=location]")
        .unwrap()
        .type_into("Dosja 3, zyra e drejtorit")
        .unwrap();
    eval(
        &tab,
        "(() => { const i = document.querySelector('[data-evidence=\"S1.1.2\"] input[data-field=next_review]'); i.value = '2020-01-31'; i.dispatchEvent(new Event('input', { bubbles: true })); })()",
    );
    wait_for(
        &tab,
        "document.querySelector('[data-score=\"S1\"]').textContent.includes('3 / 4')",
        "the score of standard 1",
    );
    wait_stored(&tab, "2020-01-31", "the autosave of the last field");

    // 3. Reload: everything is still there.
    tab.reload(true, None).unwrap();
    tab.wait_until_navigated().unwrap();
    wait_for(
        &tab,
        "document.querySelector(\"input[name='r-S1.1'][value=met]\").checked",
        "the rating survives a reload",
    );
    assert_eq!(
        eval(
            &tab,
            "document.querySelector(\"input[name='r-S1.2'][value=partial]\").checked"
        ),
        Value::Bool(true)
    );
    assert_eq!(
        eval(
            &tab,
            "document.querySelector('[data-criterion=\"S1.2\"] textarea').value"
        ),
        Value::String("Deklarata nuk është e afishuar.".into())
    );
    assert_eq!(
        eval(
            &tab,
            "document.querySelector('[data-evidence=\"S1.1.1\"] input[data-field=location]').value"
        ),
        Value::String("Dosja 3, zyra e drejtorit".into())
    );

    // 4. Scores equal the hand-computed expectation: S1 = met (2) + partial (1) of 4 = 75 %;
    //    S2 has one unrated criterion: 0 of 2; overall 3 of 6 = 50 %.
    let tab = open(&browser, &file_url(&site.join("vleresim/index.html")));
    wait_for(
        &tab,
        "document.querySelector('[data-score-row=S1] [data-col=points]').textContent === '3 / 4'",
        "S1 points",
    );
    assert_eq!(
        eval(
            &tab,
            "document.querySelector('[data-score-row=S1] [data-col=percent]').textContent"
        ),
        Value::String("75,0 %".into())
    );
    assert_eq!(
        eval(
            &tab,
            "document.querySelector('[data-score-row=S2] [data-col=points]').textContent"
        ),
        Value::String("0 / 2".into())
    );
    assert_eq!(
        eval(
            &tab,
            "document.querySelector('[data-score-row=S2] [data-col=unrated]').textContent"
        ),
        Value::String("1".into())
    );
    assert_eq!(
        eval(
            &tab,
            "document.querySelector('[data-score-row=total] [data-col=percent]').textContent"
        ),
        Value::String("50,0 %".into())
    );
    assert_eq!(
        eval(
            &tab,
            "!document.querySelector('[data-assess-unsaved]').hidden"
        ),
        Value::Bool(true),
        "reminds to export"
    );

    // 5. The improvement plan has a row for the partly met criterion; fill it in.
    let tab = open(&browser, &file_url(&site.join("vleresim/plani.html")));
    wait_for(
        &tab,
        "document.querySelectorAll('[data-plan-row]').length === 1",
        "one plan row",
    );
    tab.wait_for_element("[data-plan-row='S1.2'] textarea[data-plan-field=action]")
        .unwrap()
        .type_into("Afishimi i deklaratës")
        .unwrap();
    wait_stored(
        &tab,
        "Afishimi i deklaratës",
        "the autosave of the plan row",
    );

    // 5b. The filled assessment prints on A4: scores, ratings, notes, evidence status and
    //     where it is kept, and the improvement plan.
    let tab = open(&browser, &file_url(&site.join("vleresim/printo.html")));
    wait_for(
        &tab,
        "document.querySelectorAll('[data-filled-print] .audit-sheet').length === 3 && document.querySelector('[data-fill=name]').textContent === 'Qendra X — 2026'",
        "the filled grid of both standards and the plan",
    );
    let pdf = common::pdf::print_tab(&tab);
    let (pages, a4) = common::pdf::pages_and_size(&pdf);
    assert!(a4, "the filled assessment prints on A4");
    let text = common::pdf::letters(&pdf_extract::extract_text_from_mem(&pdf).unwrap());
    for expected in [
        "Qendra X — 2026",
        "3 / 4",
        "75,0 %",
        "Përmbushur",
        "Pjesërisht",
        "Deklarata nuk është e afishuar.",
        "Dosja 3, zyra e drejtorit",
        "Afishimi i deklaratës",
    ] {
        assert!(
            text.contains(&common::pdf::letters(expected)),
            "the printed assessment ({pages} pages) shows {expected:?}"
        );
    }

    // 6. The evidence tracker filters by status and by overdue review.
    let tab = open(&browser, &file_url(&site.join("vleresim/provat.html")));
    wait_for(
        &tab,
        "document.querySelector('[data-ev-count]').textContent.startsWith('4 nga 4 prova')",
        "all evidence shown",
    );
    click(&tab, "[data-ev-filters] input[data-overdue]");
    wait_for(
        &tab,
        "document.querySelector('[data-ev-count]').textContent.startsWith('1 nga 4 prova')",
        "only the overdue one",
    );
    assert_eq!(
        eval(
            &tab,
            "document.querySelector('[data-ev-row=\"S1.1.2\"]').hidden"
        ),
        Value::Bool(false)
    );

    // 7. Export → clear → import → identical.
    let tab = open(&browser, &file_url(&site.join("vleresim/index.html")));
    tab.call_method(SetDownloadBehavior {
        behavior: SetDownloadBehaviorBehaviorOption::Allow,
        browser_context_id: None,
        download_path: Some(downloads.to_string_lossy().into_owned()),
        events_enabled: None,
    })
    .unwrap();
    click(&tab, "[data-action=export-json]");
    let exported_path = wait_file(&downloads, "json");
    let exported: Value = wait_json(&exported_path);
    assert_eq!(exported["schema"], "doracak-assessment");
    assert_eq!(exported["version"], 1);
    assert_eq!(exported["ratings"]["S1.1"]["rating"], "met");
    assert_eq!(exported["evidence"]["S1.1.1"]["status"], "present");
    assert_eq!(exported["plan"][0]["action"], "Afishimi i deklaratës");
    wait_for(
        &tab,
        "document.querySelector('[data-assess-unsaved]').hidden",
        "the export reminder goes away",
    );

    click(&tab, "[data-action=export-csv]");
    let csv = read(&wait_file(&downloads, "csv"));
    assert!(
        csv.starts_with('\u{feff}'),
        "CSV has a BOM for spreadsheets"
    );
    // Albanian writes a decimal comma: fields part with `;`, a comma needs no quotes.
    assert!(csv.contains("kriter;S1.1;1;1.1;"), "{csv}");
    assert!(csv.contains("Dosja 3, zyra e drejtorit"));

    eval(&tab, "localStorage.clear()");
    tab.reload(true, None).unwrap();
    tab.wait_until_navigated().unwrap();
    wait_for(
        &tab,
        "document.querySelector('[data-assess-select]').disabled",
        "nothing is stored",
    );
    tab.wait_for_element("input[data-action=import]")
        .unwrap()
        .set_input_files(&[exported_path.to_str().unwrap()])
        .unwrap();
    wait_for(
        &tab,
        "document.querySelector('[data-import-result]').textContent.length > 0",
        "the import result",
    );
    let current = eval(
        &tab,
        "(() => { const s = new Doracak.assessment.Store(DORACAK_CATALOG); return s.load(s.current()).data; })()",
    );
    assert_eq!(
        current, exported,
        "the imported assessment is identical to the exported one"
    );

    // 8. A corrupted file and a file of a newer schema version are refused; nothing changes.
    let before = storage(&tab);
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        "{ \"schema\": \"doracak-assessment\", \"version\": 1, \"assessment\": ",
    )
    .unwrap();
    tab.wait_for_element("input[data-action=import]")
        .unwrap()
        .set_input_files(&[bad.to_str().unwrap()])
        .unwrap();
    wait_for(
        &tab,
        "document.querySelector('[data-import-result]').classList.contains('error')",
        "the corrupted file is refused",
    );
    assert!(
        eval(
            &tab,
            "document.querySelector('[data-import-result]').textContent"
        )
        .as_str()
        .unwrap()
        .contains("JSON")
    );
    assert_eq!(
        storage(&tab),
        before,
        "state untouched after a corrupted file"
    );

    let mut newer = exported.clone();
    newer["version"] = Value::from(99);
    let newer_path = dir.path().join("newer.json");
    std::fs::write(&newer_path, newer.to_string()).unwrap();
    eval(
        &tab,
        "document.querySelector('[data-import-result]').textContent = ''",
    );
    tab.wait_for_element("input[data-action=import]")
        .unwrap()
        .set_input_files(&[newer_path.to_str().unwrap()])
        .unwrap();
    wait_for(
        &tab,
        "document.querySelector('[data-import-result]').textContent.includes('versioni 99')",
        "the newer version is refused",
    );
    assert_eq!(
        storage(&tab),
        before,
        "state untouched after a wrong version"
    );

    let mut wrong = exported.clone();
    wrong["ratings"]["S1.1"]["rating"] = Value::from("excellent");
    let wrong_path = dir.path().join("wrong.json");
    std::fs::write(&wrong_path, wrong.to_string()).unwrap();
    tab.wait_for_element("input[data-action=import]")
        .unwrap()
        .set_input_files(&[wrong_path.to_str().unwrap()])
        .unwrap();
    wait_for(
        &tab,
        "document.querySelector('[data-import-result]').textContent.includes('excellent')",
        "a bad rating is refused",
    );
    assert_eq!(storage(&tab), before, "state untouched after a bad rating");

    // 9. Deleting asks first.
    click(&tab, "[data-action=delete]");
    tab.wait_for_element("[data-action=delete-no]")
        .unwrap()
        .click()
        .unwrap();
    assert_eq!(storage(&tab), before, "cancel keeps the assessment");
    click(&tab, "[data-action=delete]");
    click(&tab, "[data-action=delete-yes]");
    wait_for(
        &tab,
        "document.querySelector('[data-assess-select]').disabled",
        "the assessment is gone",
    );
}

#[test]
fn a_full_storage_shows_a_message_and_offers_export() {
    let Some(browser) = browser("a_full_storage_shows_a_message_and_offers_export") else {
        return;
    };
    let (_dir, site) = minimal_site();
    let tab = open(&browser, &file_url(&site.join("vleresim/index.html")));
    eval(&tab, "localStorage.clear()");
    tab.reload(true, None).unwrap();
    tab.wait_until_navigated().unwrap();
    tab.wait_for_element("[data-assess-new] input[name=name]")
        .unwrap()
        .type_into("Plot")
        .unwrap();
    click(&tab, "[data-assess-new] button[type=submit]");
    let tab = open(&browser, &file_url(&site.join("vleresim/S1.html")));
    // Fill the storage to its quota, then make a change.
    eval(
        &tab,
        "(() => { let i = 0; for (const n of [1 << 20, 1 << 14, 1 << 10, 64, 1]) { const v = 'x'.repeat(n); try { for (;;) { localStorage.setItem('filler' + i++, v); } } catch (e) {} } return i; })()",
    );
    click(&tab, "input[name='r-S1.1'][value=met]");
    wait_for(
        &tab,
        "!document.querySelector('[data-assess-error]').hidden",
        "the storage-full message",
    );
    let msg = eval(
        &tab,
        "document.querySelector('[data-assess-error]').textContent",
    );
    assert!(
        msg.as_str().unwrap().contains("Eksporto"),
        "offers export: {msg}"
    );
    eval(
        &tab,
        "Object.keys(localStorage).filter(k => k.startsWith('filler')).forEach(k => localStorage.removeItem(k))",
    );
}

#[test]
fn ratings_work_from_the_keyboard_with_visible_focus() {
    let Some(browser) = browser("ratings_work_from_the_keyboard_with_visible_focus") else {
        return;
    };
    let (_dir, site) = minimal_site();
    let tab = open(&browser, &file_url(&site.join("vleresim/index.html")));
    eval(&tab, "localStorage.clear()");
    tab.reload(true, None).unwrap();
    tab.wait_until_navigated().unwrap();
    // Create an assessment with the keyboard only: type the name, Enter submits.
    tab.wait_for_element("[data-assess-new] input[name=name]")
        .unwrap()
        .click()
        .unwrap();
    tab.type_str("Tastiera").unwrap();
    tab.press_key("Enter").unwrap();
    wait_for(
        &tab,
        "!document.querySelector('[data-assess-select]').disabled",
        "the assessment exists",
    );

    let tab = open(&browser, &file_url(&site.join("vleresim/S1.html")));
    // The rating group is a real radio group: Space chooses, the arrow keys move the choice.
    eval(
        &tab,
        "document.querySelector(\"input[name='r-S1.1'][value=met]\").focus()",
    );
    tab.press_key(" ").unwrap();
    wait_for(
        &tab,
        "document.querySelector(\"input[name='r-S1.1'][value=met]\").checked",
        "Space checks the rating",
    );
    tab.press_key("ArrowRight").unwrap();
    wait_for(
        &tab,
        "document.querySelector(\"input[name='r-S1.1'][value=partial]\").checked",
        "an arrow key moves the rating",
    );
    let focus = eval(
        &tab,
        "getComputedStyle(document.activeElement.closest('label')).outlineStyle",
    );
    assert_ne!(focus, "none", "the focused rating is visibly outlined");
    // Every control of the page has a label.
    let unlabeled = eval(
        &tab,
        "[...document.querySelectorAll('input, textarea, select, button')].filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !(e.tagName === 'BUTTON' && e.textContent.trim())).map(e => e.outerHTML.slice(0, 80))",
    );
    assert_eq!(unlabeled, serde_json::json!([]), "unlabelled controls");
    wait_stored(
        &tab,
        "\"S1.1\":{\"rating\":\"partial\"",
        "the autosave of the moved rating",
    );
    tab.reload(true, None).unwrap();
    tab.wait_until_navigated().unwrap();
    wait_for(
        &tab,
        "document.querySelector(\"input[name='r-S1.1'][value=partial]\").checked",
        "the keyboard choice was saved",
    );
}
