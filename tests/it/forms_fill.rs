//! A case form filled on screen and printed (issue 29), in headless Chromium from `file://`:
//! MR3 filled as a case manager fills it prints its 6 sheets; text longer than its box is
//! marked on screen and printed whole (the box, then a continuation sheet with the form's
//! header, serial and page X of Y); no form's printed page reaches past the page box; the
//! leave-page warning, the question before clearing, and drafts kept in a JSON file
//! (round trip of every MR3 field; another form's draft and a newer version refused), with
//! nothing kept in the browser.

use std::path::Path;
use std::time::Duration;

use crate::common::browser::*;
use crate::common::pdf::*;
use crate::common::*;
use headless_chrome::Tab;
use headless_chrome::protocol::cdp::Browser::{
    SetDownloadBehavior, SetDownloadBehaviorBehaviorOption,
};
use serde_json::{Value, json};

/// Set a field's value as typing does (an input event), by id.
fn set(tab: &Tab, id: &str, text: &str) {
    eval(
        tab,
        &format!(
            "(() => {{ const e = document.getElementById({}); e.value = {}; e.dispatchEvent(new Event('input', {{ bubbles: true }})); }})()",
            serde_json::to_string(id).unwrap(),
            serde_json::to_string(text).unwrap()
        ),
    );
}

fn storage_empty(tab: &Tab, when: &str) {
    let s = eval(
        tab,
        "(async () => ({ local: localStorage.length, session: sessionStorage.length, idb: indexedDB.databases ? (await indexedDB.databases()).length : 0, cookie: document.cookie }))()",
    );
    assert_eq!(
        s,
        json!({ "local": 0, "session": 0, "idb": 0, "cookie": "" }),
        "{when}: nothing is kept in the browser"
    );
}

fn pdf_pages(pdf: &[u8]) -> Vec<String> {
    pdf_extract::extract_text_from_mem_by_pages(pdf)
        .expect("text")
        .iter()
        .map(|p| letters(p))
        .collect()
}

fn open_form(browser: &headless_chrome::Browser, site: &Path, id: &str) -> std::sync::Arc<Tab> {
    let tab = open(
        browser,
        &file_url(&site.join(format!("formulari/{id}.html"))),
    );
    wait_for(
        &tab,
        "!!(window.Doracak && Doracak.formFill && Doracak.formDraft)",
        "the form scripts",
    );
    tab
}

const LONG: &str = "Ndikimi i punës në shkollim është i madh: fëmija mungon shpesh në mësim, nuk i bën detyrat e shtëpisë dhe ka rënë në mësime; mësuesja kujdestare raporton mungesa të shpeshta gjatë tremujorit të dytë dhe lodhje gjatë orëve të mësimit përfundimisht";

#[test]
fn filled_mr3_prints_six_sheets_and_a_continuation_when_text_overflows() {
    let Some(browser) =
        browser("filled_mr3_prints_six_sheets_and_a_continuation_when_text_overflows")
    else {
        return;
    };
    let site = shipped_site().join("site");
    let tab = open_form(&browser, &site, "MR3");
    let blank = print_tab(&tab);
    let (blank_pages, a4) = pages_and_size(&blank);
    assert!(a4);
    assert_eq!(blank_pages, 6, "MR3 blank prints 6 sheets");

    // As found: two lines in a cell of table 2.2, one line each in 2.3, 2.6 and 2.7.
    set(&tab, "serial", "NR-2026-001");
    set(&tab, "f13-r1c1", "Tregu i qytetit\nRruga e Dëshmorëve");
    set(&tab, "f14", "Lëndime të lehta në duar nga mbajtja e arkave");
    set(&tab, "f19", "Familja ka nevojë për të ardhura");
    set(&tab, "f20", "Fëmija mendon se duhet të ndihmojë familjen");
    wait_for(
        &tab,
        "document.querySelectorAll('.ff-over').length === 1",
        "the two-line cell is marked (its box holds one line)",
    );
    let filled = print_tab(&tab);
    let (filled_pages, _) = pages_and_size(&filled);
    let texts = pdf_pages(&filled);
    println!("MR3 blank: {blank_pages} sheets; filled as found: {filled_pages}");
    assert_eq!(filled_pages, 7, "6 sheets and the continuation of the cell");
    // The original prints the serial box on every sheet but the fourth.
    for (i, t) in texts.iter().enumerate() {
        assert_eq!(
            t.contains("nr2026001"),
            i != 3,
            "sheet {}: the serial, whole, where the original has its box",
            i + 1
        );
        assert!(t.contains("e3"), "sheet {}: the form's code", i + 1);
        assert!(
            t.contains(&letters(&format!("Faqe {} nga 7", i + 1))),
            "sheet {}: page {} of 7: {t}",
            i + 1,
            i + 1
        );
    }
    assert!(
        texts[6].contains(&letters("Rruga e Dëshmorëve")),
        "{}",
        texts[6]
    );

    // Only one line in the cell: 6 sheets, "page 2 of 6".
    set(&tab, "f13-r1c1", "Tregu i qytetit");
    wait_for(
        &tab,
        "document.querySelectorAll('.ff-over').length === 0",
        "no mark",
    );
    let fitted = print_tab(&tab);
    let (fitted_pages, _) = pages_and_size(&fitted);
    let texts = pdf_pages(&fitted);
    assert_eq!(
        fitted_pages, 6,
        "a filled MR3 whose text fits prints 6 sheets"
    );
    assert!(texts[1].contains(&letters("Faqe 2 nga 6")));

    // A one-line field and a two-line box given more than they hold.
    set(&tab, "f3", LONG);
    set(&tab, "f20", &format!("{LONG} {LONG}"));
    wait_for(
        &tab,
        "document.querySelectorAll('.ff-over').length === 2 && !!document.getElementById('f3-over') && !!document.getElementById('f20-over')",
        "the overflow marks on screen",
    );
    let mark = eval(
        &tab,
        "(() => { const m = document.getElementById('f3-over'); const r = m.getBoundingClientRect(); return { text: m.textContent, shown: r.width > 0 && r.height > 0, described: document.getElementById('f3').getAttribute('aria-describedby') }; })()",
    );
    assert_eq!(mark["shown"], true, "{mark}");
    assert!(
        mark["described"].as_str().unwrap().contains("f3-over"),
        "{mark}"
    );
    let over = print_tab(&tab);
    // DORACAK_KEEP_PDF=dir keeps the printout to look at.
    if let Ok(dir) = std::env::var("DORACAK_KEEP_PDF") {
        std::fs::write(Path::new(&dir).join("MR3-overflow.pdf"), &over).unwrap();
        std::fs::write(Path::new(&dir).join("MR3-filled.pdf"), &fitted).unwrap();
    }
    let (over_pages, _) = pages_and_size(&over);
    let texts = pdf_pages(&over);
    println!("MR3 with overflowing fields: {over_pages} sheets");
    assert_eq!(over_pages, 7, "6 sheets and one continuation sheet");
    let all: String = texts.concat();
    assert!(
        contains(&all, &letters(LONG)),
        "the whole of the one-line field's text is in the PDF"
    );
    assert!(
        texts[6].contains(&letters("lodhje gjatë orëve të mësimit përfundimisht")),
        "the end of the text on the continuation: {}",
        texts[6]
    );
    assert!(texts[6].contains("nr2026001") && texts[6].contains(&letters("Faqe 7 nga 7")));
    assert!(
        texts[0].contains(&letters("vazhdon në faqen 7")),
        "the box says where the rest is"
    );
}

#[test]
fn no_printed_form_page_reaches_past_the_page_box() {
    let Some(browser) = browser("no_printed_form_page_reaches_past_the_page_box") else {
        return;
    };
    let site = shipped_site().join("site");
    let forms: Vec<String> = pages(&site)
        .into_iter()
        .filter(|(p, h)| p.starts_with("formulari/") && h.contains("printed-form"))
        .map(|(p, _)| p)
        .collect();
    assert!(forms.len() >= 9, "{forms:?}");
    let mut bad = Vec::new();
    for path in &forms {
        let tab = open(&browser, &file_url(&site.join(path)));
        // On screen (1280 px) the page is no wider than the window (a hidden legend made it so).
        let wide = eval(&tab, "document.documentElement.scrollWidth");
        if wide.as_u64().unwrap() > 1280 {
            bad.push(format!("{path}: {wide} px wide in a 1280 px window"));
        }
        // Print media at the printed width of A4 (210 − 2 × 12 mm) and of Letter.
        print_media(&tab);
        for (paper, width) in [("A4", 703u32), ("Letter", 725u32)] {
            resize(&tab, width, 1100, false);
            let r = eval(
                &tab,
                &format!(
                    "(() => {{ const W = {width}; return [...document.querySelectorAll('#printed-form *')].filter(e => {{ const r = e.getBoundingClientRect(); return r.width > 1 && (r.right > W + 0.5 || r.left < -0.5); }}).slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().left) + '–' + Math.round(e.getBoundingClientRect().right)); }})()"
                ),
            );
            if r.as_array().is_some_and(|a| !a.is_empty()) {
                bad.push(format!("{path} ({paper}): {r}"));
            }
        }
    }
    assert!(bad.is_empty(), "past the page box:\n{}", bad.join("\n"));
}

#[test]
fn leaving_asks_with_typed_text_and_clearing_asks_first() {
    let Some(browser) = browser("leaving_asks_with_typed_text_and_clearing_asks_first") else {
        return;
    };
    let site = shipped_site().join("site");
    let tab = open_form(&browser, &site, "MR3");
    let leave = "window.dispatchEvent(new Event('beforeunload', { cancelable: true })) === false";
    assert_eq!(
        eval(&tab, leave),
        Value::Bool(false),
        "no warning when nothing is typed"
    );
    set(&tab, "f14", "Lëndime");
    assert_eq!(
        eval(&tab, leave),
        Value::Bool(true),
        "a warning with typed text"
    );
    eval(
        &tab,
        "(window.__asked = [], window.confirm = (m) => { window.__asked.push(m); return false; })",
    );
    eval(&tab, "document.querySelector('[data-form-clear]').click()");
    let r = eval(
        &tab,
        "({ asked: window.__asked, kept: document.getElementById('f14').value })",
    );
    assert_eq!(r["kept"], "Lëndime", "cancelled: nothing cleared: {r}");
    assert!(
        r["asked"][0].as_str().unwrap().contains("fshihet"),
        "clear asks first: {r}"
    );
    eval(&tab, "window.confirm = () => true");
    eval(&tab, "document.querySelector('[data-form-clear]').click()");
    assert_eq!(eval(&tab, "document.getElementById('f14').value"), "");
    assert_eq!(
        eval(&tab, leave),
        Value::Bool(false),
        "no warning once cleared"
    );
    storage_empty(&tab, "after clearing");
}

#[test]
fn a_draft_saved_and_opened_restores_every_mr3_field() {
    let Some(browser) = browser("a_draft_saved_and_opened_restores_every_mr3_field") else {
        return;
    };
    let site = shipped_site().join("site");
    let tab = open_form(&browser, &site, "MR3");
    // Every field: a text of its own in each text field, the first choice of every radio
    // group, every checkbox.
    let all = eval(
        &tab,
        "(() => { const seen = new Set(); const out = {}; document.querySelectorAll('#printed-form input, #printed-form textarea').forEach(e => { if (e.type === 'radio') { if (!seen.has(e.name)) { seen.add(e.name); e.checked = true; out[e.id] = true; } } else if (e.type === 'checkbox') { e.checked = true; out[e.id] = true; } else { e.value = 'v ' + e.id + (e.tagName === 'TEXTAREA' ? '\\nrreshti 2 ë ç' : ''); out[e.id] = e.value; } }); document.getElementById('printed-form').dispatchEvent(new Event('input', { bubbles: true })); return out; })()",
    );
    let n = all.as_object().unwrap().len();
    assert!(n > 100, "{n} fields filled");
    assert_eq!(
        eval(&tab, "Doracak.formFill.values()"),
        all,
        "values() reads every field"
    );

    // Save: a JSON file named by form and date is downloaded.
    let downloads = tempfile::tempdir().unwrap();
    tab.call_method(SetDownloadBehavior {
        behavior: SetDownloadBehaviorBehaviorOption::Allow,
        browser_context_id: None,
        download_path: Some(downloads.path().to_string_lossy().into_owned()),
        events_enabled: None,
    })
    .unwrap();
    tab.wait_for_element("[data-draft-save]")
        .unwrap()
        .click()
        .unwrap();
    let mut file = None;
    for _ in 0..100 {
        file = std::fs::read_dir(downloads.path())
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|x| x == "json"));
        if file.is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let file = file.expect("a draft file is downloaded");
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    let today = eval(&tab, "new Date().toISOString().slice(0, 10)");
    assert!(
        name.starts_with("MR3-skice-") && name.contains(today.as_str().unwrap()),
        "named by form and date: {name}"
    );
    let mut text = String::new();
    for _ in 0..50 {
        text = std::fs::read_to_string(&file).unwrap_or_default();
        if serde_json::from_str::<Value>(&text).is_ok() {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let draft: Value = serde_json::from_str(&text).expect("the draft is JSON");
    assert_eq!(draft["schema"], "doracak-form-draft");
    assert_eq!(draft["version"], 1);
    assert_eq!(draft["form"], "MR3");
    assert_eq!(draft["fields"], all, "the draft holds every field");
    storage_empty(&tab, "after saving");

    // Cleared, then opened from the file's text: every field as it was.
    eval(&tab, "window.confirm = () => true");
    eval(&tab, "document.querySelector('[data-form-clear]').click()");
    assert_eq!(eval(&tab, "Doracak.formFill.values()"), json!({}));
    let opened = eval(
        &tab,
        &format!(
            "Doracak.formDraft.open({})",
            serde_json::to_string(&text).unwrap()
        ),
    );
    assert_eq!(opened, Value::Bool(true));
    assert_eq!(
        eval(&tab, "Doracak.formFill.values()"),
        all,
        "every field restored"
    );
    assert!(
        eval(
            &tab,
            "document.querySelector('[data-draft-status]').textContent"
        )
        .as_str()
        .unwrap()
        .contains(&n.to_string()),
        "the person is told how many fields were filled"
    );
    // The serial repeated in every page's header.
    assert_eq!(
        eval(
            &tab,
            "[...document.querySelectorAll('[data-mirrored=serial]')].every(m => m.textContent === document.getElementById('serial').value)"
        ),
        Value::Bool(true)
    );

    // Another form's draft, a newer version, a foreign field: refused, MR3 unchanged.
    let mr1 = open_form(&browser, &site, "MR1");
    set(&mr1, "serial", "NR-2026-009");
    let mr1_text = eval(&mr1, "Doracak.formDraft.serialize()");
    let newer = text.replace("\"version\": 1", "\"version\": 2");
    let foreign = text.replace("\"fields\": {", "\"fields\": {\n    \"zz-nope\": \"x\",");
    for (what, t, says) in [
        (
            "an MR1 draft",
            mr1_text.as_str().unwrap().to_string(),
            "MR1",
        ),
        ("a newer version", newer, "version"),
        ("a field MR3 does not have", foreign, "zz-nope"),
        ("not JSON", "{ nope".to_string(), "JSON"),
    ] {
        let r = eval(
            &tab,
            &format!(
                "(() => {{ const ok = Doracak.formDraft.open({}); return {{ ok, status: document.querySelector('[data-draft-status]').textContent, values: Doracak.formFill.values() }}; }})()",
                serde_json::to_string(&t).unwrap()
            ),
        );
        assert_eq!(r["ok"], false, "{what} is refused: {}", r["status"]);
        assert_eq!(r["values"], all, "{what}: MR3 unchanged");
        let status = r["status"].as_str().unwrap();
        assert!(
            status.contains(says) && status.contains("nuk ndryshoi"),
            "{what}: {status}"
        );
    }
    storage_empty(&tab, "after opening drafts");
    storage_empty(&mr1, "MR1");
}

#[test]
fn mr8_period_dates_are_filled_printed_saved_and_read_back() {
    // MR8 §2 (003:3372-3373): "Periudha që mbulohet nga plani i rishikuar i shërbimeve
    // Prej: __ . __ .____ Deri: __ . __ .____" — the row's two dates, typed, printed, saved
    // in a draft and read back from it (adversary 51, H-1: the row had no cells at all).
    let Some(browser) = browser("mr8_period_dates_are_filled_printed_saved_and_read_back") else {
        return;
    };
    let site = shipped_site().join("site");
    let tab = open_form(&browser, &site, "MR8");
    let row = "[...document.querySelectorAll('#printed-form th[scope=row]')].find(t => t.textContent.startsWith('Periudha që mbulohet nga plani i rishikuar')).parentElement";
    let found = eval(
        &tab,
        &format!(
            "(() => {{ const r = {row}; return {{ labels: [...r.querySelectorAll('.ff-label')].map(l => l.textContent), ids: [...r.querySelectorAll('input.date')].filter(i => {{ const b = i.getBoundingClientRect(); return b.width > 0 && b.height > 0; }}).map(i => i.id) }}; }})()"
        ),
    );
    assert_eq!(found["labels"], json!(["Prej:", "Deri:"]), "{found}");
    let ids: Vec<String> = found["ids"]
        .as_array()
        .expect("ids")
        .iter()
        .map(|i| i.as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 2, "two date inputs shown on screen: {found}");
    // On one line, as printed: "Prej: … Deri: …" beside the label, not one above the other.
    let tops = eval(
        &tab,
        &format!(
            "[...{row}.querySelectorAll('input.date')].map(i => Math.round(i.getBoundingClientRect().top))"
        ),
    );
    assert_eq!(tops[0], tops[1], "Prej: and Deri: on one line: {tops}");
    set(&tab, &ids[0], "01.03.2026");
    set(&tab, &ids[1], "31.08.2026");
    let values = eval(&tab, "Doracak.formFill.values()");
    assert_eq!(values[&ids[0]], "01.03.2026", "{values}");
    assert_eq!(values[&ids[1]], "31.08.2026", "{values}");

    // Printed: the label, then "Prej:" and "Deri:", each with its date.
    let all = pdf_pages(&print_tab(&tab)).concat();
    assert!(
        all.contains(&letters(
            "Periudha që mbulohet nga plani i rishikuar i shërbimeve"
        )),
        "{all}"
    );
    assert!(
        all.contains(&letters("Prej: 01.03.2026 Deri: 31.08.2026")),
        "{all}"
    );

    // Saved in the draft, cleared, and read back from it.
    let text = eval(&tab, "Doracak.formDraft.serialize()");
    let text = text.as_str().expect("the draft's text").to_string();
    let draft: Value = serde_json::from_str(&text).expect("the draft is JSON");
    assert_eq!(draft["form"], "MR8");
    assert_eq!(draft["fields"][&ids[0]], "01.03.2026", "{draft}");
    assert_eq!(draft["fields"][&ids[1]], "31.08.2026", "{draft}");
    eval(&tab, "window.confirm = () => true");
    eval(&tab, "document.querySelector('[data-form-clear]').click()");
    assert_eq!(eval(&tab, "Doracak.formFill.values()"), json!({}));
    let opened = eval(
        &tab,
        &format!(
            "Doracak.formDraft.open({})",
            serde_json::to_string(&text).unwrap()
        ),
    );
    assert_eq!(opened, Value::Bool(true));
    let back = eval(
        &tab,
        &format!(
            "[{}].map(id => document.getElementById(id).value)",
            ids.iter()
                .map(|i| serde_json::to_string(i).unwrap())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    );
    assert_eq!(back, json!(["01.03.2026", "31.08.2026"]));
    storage_empty(&tab, "MR8 after the draft");
}
