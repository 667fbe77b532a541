//! Nothing a person enters in the browser is lost (issue 24): every typed value is checked
//! by the file's rules as it is typed, with the reason beside the field and the last valid
//! value kept; a kept assessment that fails the rules is listed as "needs attention" and
//! exported as it is; training records past the limits are refused before anything is
//! written; the browser's CSV neutralises formula cells as the Rust CSV writer does.

use std::path::Path;

use crate::common::browser::*;
use crate::common::*;
use headless_chrome::Tab;
use serde_json::{Value, json};

fn go(tab: &Tab, site: &Path, page: &str) {
    tab.navigate_to(&file_url(&site.join(page)))
        .unwrap()
        .wait_until_navigated()
        .unwrap();
}

/// Put `value` (a JS expression) into the field at `selector` as typing does (an input
/// event), and say what the page shows: { invalid, message } of the field.
fn type_value(tab: &Tab, selector: &str, value: &str) -> Value {
    let sel = serde_json::to_string(selector).unwrap();
    eval(
        tab,
        &format!(
            "(() => {{ const i = document.querySelector({sel}); i.value = {value}; i.dispatchEvent(new Event('input', {{ bubbles: true }})); const by = i.getAttribute('aria-describedby'); const m = by && document.getElementById(by); return {{ invalid: i.getAttribute('aria-invalid'), message: m && !m.hidden ? m.textContent : null, value: i.value.length }}; }})()"
        ),
    )
}

/// The current assessment as the store keeps it.
fn kept(tab: &Tab) -> Value {
    eval(
        tab,
        "(() => { const s = Doracak.assessmentPage.state.store; const r = s.load(s.current()); return r && r.data; })()",
    )
}

/// Capture what the page downloads: the text of every Blob made into a URL after this.
const CAPTURE: &str = "(() => { window.__blobs = []; const o = URL.createObjectURL; URL.createObjectURL = b => { window.__blobs.push(b); return o.call(URL, b); }; return true; })()";

#[test]
fn a_date_typo_a_long_note_and_a_long_name_are_refused_beside_the_field_and_the_assessment_stays() {
    let Some(browser) = browser("a_date_typo_a_long_note_and_a_long_name_are_refused") else {
        return;
    };
    let (_dir, site) = minimal_site();
    let tab = open(&browser, &file_url(&site.join("vleresim/index.html")));
    eval(&tab, "localStorage.clear()");
    go(&tab, &site, "vleresim/index.html");

    // A name of 205 characters is refused at creation: nothing is created.
    let long_name = "Q".repeat(205);
    let r = eval(
        &tab,
        &format!(
            "(() => {{ const f = document.querySelector('[data-assess-new]'); f.elements.name.value = {}; f.requestSubmit(); const by = f.elements.name.getAttribute('aria-describedby'); return [Doracak.assessmentPage.state.store.list().length, by && document.getElementById(by).textContent]; }})()",
            json!(long_name)
        ),
    );
    assert_eq!(r[0], json!(0), "{r}");
    assert_eq!(
        r[1],
        json!("Lejohen deri në 200 shenja; ky tekst ka 205. Ruhet teksti i fundit i vlefshëm."),
        "{r}"
    );
    eval(
        &tab,
        "(() => { const f = document.querySelector('[data-assess-new]'); f.elements.name.value = 'Qendra A'; f.requestSubmit(); return true; })()",
    );
    assert_eq!(
        eval(&tab, "Doracak.assessmentPage.state.store.list().length"),
        json!(1)
    );

    // Rate S1.1 and write a note.
    go(&tab, &site, "vleresim/S1.html");
    eval(
        &tab,
        "document.querySelector('[data-criterion=\"S1.1\"] input[data-field=rating]').click()",
    );
    let ok = type_value(
        &tab,
        "[data-criterion=\"S1.1\"] textarea[data-field=note]",
        "'Deklarata mungon.'",
    );
    assert_eq!(ok["message"], Value::Null, "{ok}");
    wait_stored(&tab, "Deklarata mungon.", "the note saved");

    // A note of 10,001 characters: the reason beside the field, the last note kept.
    let r = type_value(
        &tab,
        "[data-criterion=\"S1.1\"] textarea[data-field=note]",
        "'x'.repeat(10001)",
    );
    assert_eq!(r["invalid"], json!("true"), "{r}");
    assert_eq!(
        r["message"],
        json!("Lejohen deri në 10000 shenja; ky tekst ka 10001. Ruhet teksti i fundit i vlefshëm."),
        "{r}"
    );
    assert_eq!(
        kept(&tab)["ratings"]["S1.1"]["note"],
        json!("Deklarata mungon.")
    );
    // 10,000 emoji are 10,000 characters (Unicode scalar values), as Rust counts: kept.
    let r = type_value(
        &tab,
        "[data-criterion=\"S1.1\"] textarea[data-field=note]",
        "'😀'.repeat(10000)",
    );
    assert_eq!(r["message"], Value::Null, "{r}");
    assert_eq!(r["invalid"], Value::Null, "{r}");
    type_value(
        &tab,
        "[data-criterion=\"S1.1\"] textarea[data-field=note]",
        "'Deklarata mungon.'",
    );

    // A reviewed date with a 5-digit year.
    go(&tab, &site, "vleresim/provat.html");
    let sel = "[data-evidence=\"S1.1.1\"] input[data-field=reviewed]";
    let r = type_value(&tab, sel, "'2026-01-15'");
    assert_eq!(r["message"], Value::Null, "{r}");
    let r = type_value(&tab, sel, "'20266-01-15'");
    assert_eq!(r["invalid"], json!("true"), "{r}");
    assert_eq!(
        r["message"],
        json!(
            "“20266-01-15” nuk është një datë që ekziston (VVVV-MM-DD). Ruhet data e fundit e vlefshme."
        ),
        "{r}"
    );
    wait_stored(&tab, "2026-01-15", "the valid date saved");
    assert_eq!(
        kept(&tab)["evidence"]["S1.1.1"]["reviewed"],
        json!("2026-01-15")
    );

    // A name of 205 characters typed into the name field.
    go(&tab, &site, "vleresim/index.html");
    let r = type_value(
        &tab,
        "input[data-meta=name]",
        &format!("{}", json!(long_name)),
    );
    assert_eq!(r["invalid"], json!("true"), "{r}");
    assert!(r["message"].as_str().unwrap().contains("205"), "{r}");
    assert_eq!(kept(&tab)["assessment"]["name"], json!("Qendra A"));
    // A blank name (U+0085 and U+FEFF are blank, as in Rust) is refused too.
    let r = type_value(&tab, "input[data-meta=name]", "'\\u0085\\ufeff'");
    assert_eq!(
        r["message"],
        json!("Vlerësimi ka nevojë për një emër. Ruhet emri i fundit."),
        "{r}"
    );

    // After a reload the assessment is listed, opens and exports.
    go(&tab, &site, "vleresim/index.html");
    let stored = eval(&tab, "JSON.stringify(localStorage)");
    assert!(!stored.as_str().unwrap().contains("20266"), "{stored}");
    let r = eval(
        &tab,
        "(() => { const s = document.querySelector('[data-assess-select]'); return [s.disabled, Array.from(s.options).map(o => o.textContent), !!Doracak.assessmentPage.state.rec, document.querySelector('button[data-action=export-csv]').disabled]; })()",
    );
    assert_eq!(r, json!([false, ["Qendra A"], true, false]), "{r}");
    eval(&tab, CAPTURE);
    eval(
        &tab,
        "document.querySelector('button[data-action=export-json]').click()",
    );
    let exported: Value =
        serde_json::from_str(eval(&tab, "window.__blobs[0].text()").as_str().unwrap()).unwrap();
    assert_eq!(
        exported["ratings"]["S1.1"]["note"],
        json!("Deklarata mungon.")
    );
    assert_eq!(
        exported["evidence"]["S1.1.1"]["reviewed"],
        json!("2026-01-15")
    );
}

#[test]
fn a_kept_assessment_that_fails_the_rules_is_listed_as_needing_attention_and_exports_as_it_is() {
    let Some(browser) = browser("a_kept_assessment_that_fails_the_rules_is_listed") else {
        return;
    };
    let (_dir, site) = minimal_site();
    let tab = open(&browser, &file_url(&site.join("vleresim/index.html")));
    eval(&tab, "localStorage.clear()");
    go(&tab, &site, "vleresim/index.html");
    eval(
        &tab,
        "(() => { const f = document.querySelector('[data-assess-new]'); f.elements.name.value = 'Qendra A'; f.requestSubmit(); return true; })()",
    );
    // An older version (or a hand edit) kept a date with a 5-digit year and a long name.
    let id = eval(
        &tab,
        "(() => { const s = Doracak.assessmentPage.state.store; const id = s.current(); const k = s.key('a:' + id); const r = JSON.parse(localStorage.getItem(k)); r.data.evidence['S1.1.1'] = { status: 'present', location: '', owner: '', reviewed: '20266-01-15', next_review: '' }; r.data.assessment.name = 'Qendra B'; localStorage.setItem(k, JSON.stringify(r)); return id; })()",
    );
    let before = eval(&tab, "JSON.stringify(localStorage)");
    for page in [
        "vleresim/index.html",
        "vleresim/provat.html",
        "vleresim/S1.html",
    ] {
        go(&tab, &site, page);
        let r = eval(
            &tab,
            "(() => { const s = document.querySelector('[data-assess-select]'); const n = document.querySelector('[data-assess-attention]'); return [Array.from(s.options).map(o => o.textContent), !!n && !n.hidden && n.textContent]; })()",
        );
        assert_eq!(r[0], json!(["Qendra B (kërkon vëmendje)"]), "{page}: {r}");
        let notice = r[1].as_str().unwrap_or_else(|| panic!("{page}: {r}"));
        assert!(notice.starts_with("“Qendra B” kërkon vëmendje"), "{notice}");
        assert!(notice.contains("20266-01-15"), "{notice}");
    }
    // Exported as it is, and nothing in storage changed or was dropped.
    eval(&tab, CAPTURE);
    eval(
        &tab,
        "document.querySelector('button[data-action=export-as-is]').click()",
    );
    let exported: Value =
        serde_json::from_str(eval(&tab, "window.__blobs[0].text()").as_str().unwrap()).unwrap();
    assert_eq!(
        exported["evidence"]["S1.1.1"]["reviewed"],
        json!("20266-01-15")
    );
    assert_eq!(exported["assessment"]["name"], json!("Qendra B"));
    assert_eq!(eval(&tab, "JSON.stringify(localStorage)"), before);
    // The store refuses to write a record the pages cannot load.
    let r = eval(
        &tab,
        &format!(
            "(() => {{ const s = Doracak.assessmentPage.state.store; const d = JSON.parse(localStorage.getItem(s.key('a:' + {id}))).data; try {{ s.save('x', {{ data: d }}); return 'saved'; }} catch (e) {{ return e.reason; }} }})()"
        ),
    );
    assert!(r.as_str().unwrap().contains("20266-01-15"), "{r}");
    assert_eq!(eval(&tab, "JSON.stringify(localStorage)"), before);
}

/// A training file of `n` records with ids from `from`.
fn training_file(from: usize, n: usize) -> String {
    let records: Vec<String> = (from..from + n)
        .map(|i| format!("{{\"id\":\"t{i}\",\"name\":\"Ana Hoxha\",\"date\":\"2025-03-10\",\"kind\":\"procedure\",\"subject\":\"identifikimi-formal\",\"title\":\"Identifikimi formal\",\"score\":28,\"total\":32,\"understood\":true,\"edition\":\"2025\",\"saved\":\"2025-03-10T09:15:00Z\"}}"))
        .collect();
    format!(
        "{{\"format\":\"doracak-training\",\"version\":1,\"handbook\":{{\"title\":\"Doracak provë\",\"edition\":\"2025\"}},\"records\":[{}]}}",
        records.join(",")
    )
}

#[test]
fn training_records_past_the_limit_are_refused_before_anything_is_written() {
    let Some(browser) = browser("training_records_past_the_limit_are_refused") else {
        return;
    };
    let (_dir, site) = minimal_site();
    let tab = open(&browser, &file_url(&site.join("trajnim/regjistrat.html")));
    eval(&tab, "localStorage.clear()");
    go(&tab, &site, "trajnim/regjistrat.html");
    let rows = "document.querySelectorAll('[data-training-rows] tr').length";
    let import = |text: &str| {
        eval(
            &tab,
            &format!("Doracak.training.importText({})", json!(text)),
        )
    };
    assert_eq!(import(&training_file(0, 6000)), json!(true));
    assert_eq!(eval(&tab, rows), json!(6000));
    let before = eval(&tab, "JSON.stringify(localStorage)");

    // 5,000 more would make 11,000: refused whole, with the reason; nothing written.
    assert_eq!(import(&training_file(6000, 5000)), json!(false));
    let error = eval(
        &tab,
        "document.querySelector('[data-training-error]').textContent",
    );
    assert!(
        error.as_str().unwrap().contains(
            "Asgjë nuk u ruajt: ky shfletues do të ruante 11000 regjistrime trajnimi; lejohen deri në 10000."
        ),
        "{error}"
    );
    assert_eq!(eval(&tab, "JSON.stringify(localStorage)"), before);
    assert_eq!(eval(&tab, rows), json!(6000));
    // A quiz's record still goes in (6,001), and the page shows every one after a reload.
    let add = "(() => { const s = new Doracak.training.Store('Doracak provë', '2025'); try { s.add({ id: 'q1', name: 'Besnik Krasniqi', date: '2026-11-01', kind: 'procedure', subject: 'identifikimi-formal', title: 'Identifikimi formal', score: 30, total: 32, understood: true, edition: '2025', saved: '2026-11-01T10:00:00Z' }); return 'saved'; } catch (e) { return e.reason || String(e); } })()";
    assert_eq!(eval(&tab, add), json!("saved"));
    go(&tab, &site, "trajnim/regjistrat.html");
    assert_eq!(eval(&tab, rows), json!(6001));
    // Never replaced by a smaller set without the person's word.
    let before = eval(&tab, "JSON.stringify(localStorage)");
    let r = eval(
        &tab,
        "(() => { const s = new Doracak.training.Store('Doracak provë', '2025'); const f = s.file(); f.records = f.records.slice(0, 10); try { s.put(f); return 'saved'; } catch (e) { return e.reason; } })()",
    );
    assert_eq!(
        r,
        json!("Asgjë nuk u ruajt: do të mbeteshin 10 regjistrime aty ku ruhen 6001.")
    );
    assert_eq!(eval(&tab, "JSON.stringify(localStorage)"), before);

    // What an older version kept past the limit (11,000 records): said, exported as it is,
    // and never replaced by a quiz's single record.
    eval(
        &tab,
        &format!(
            "(() => {{ const s = new Doracak.training.Store('Doracak provë', '2025'); localStorage.setItem(s.key, JSON.stringify({{ store: 1, data: JSON.parse({}) }})); return true; }})()",
            json!(training_file(0, 11000))
        ),
    );
    let before = eval(&tab, "JSON.stringify(localStorage)");
    go(&tab, &site, "trajnim/regjistrat.html");
    let error = eval(
        &tab,
        "document.querySelector('[data-training-attention]').textContent",
    );
    assert!(
        error.as_str().unwrap().starts_with(
            "Regjistrimet e trajnimit që ruan ky shfletues nuk i plotësojnë rregullat"
        ),
        "{error}"
    );
    let r = eval(&tab, add);
    assert!(
        r.as_str().unwrap().starts_with("Regjistrimet e trajnimit"),
        "{r}"
    );
    assert_eq!(import(&training_file(20000, 1)), json!(false));
    assert_eq!(
        eval(&tab, "JSON.stringify(localStorage)"),
        before,
        "nothing replaced"
    );
    eval(&tab, CAPTURE);
    eval(
        &tab,
        "document.querySelector('button[data-action=training-export-raw]').click()",
    );
    let exported: Value =
        serde_json::from_str(eval(&tab, "window.__blobs[0].text()").as_str().unwrap()).unwrap();
    assert_eq!(exported["records"].as_array().unwrap().len(), 11000);
}

#[test]
fn the_browser_csv_neutralises_formula_cells_as_the_rust_writer_does() {
    let Some(browser) = browser("the_browser_csv_neutralises_formula_cells") else {
        return;
    };
    let (_dir, site) = minimal_site();
    let tab = open(&browser, &file_url(&site.join("vleresim/index.html")));
    // The rule, cell by cell (OWASP: = + - @ tab and carriage return get a ' first).
    for (cell, want) in [
        (
            "=HYPERLINK(\"http://x.invalid\",\"Kliko\")",
            "\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"Kliko\"\")\"",
        ),
        ("+cmd|calc!A1", "'+cmd|calc!A1"),
        ("- mungon", "'- mungon"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "\"'\rx\""),
        ("Dosja 3", "Dosja 3"),
        ("a=b", "a=b"),
        ("", ""),
    ] {
        let got = eval(
            &tab,
            &format!("Doracak.assessment.csvField({})", json!(cell)),
        );
        assert_eq!(got, json!(want), "{cell:?}");
    }
    // In the export itself.
    let csv = eval(
        &tab,
        "(() => { const A = Doracak.assessment, f = A.emptyAssessment(DORACAK_CATALOG, 'Qendra A', '+cmd|calc!A1'); f.ratings['S1.1'] = { rating: 'partial', note: '=HYPERLINK(\"http://x.invalid\",\"Kliko\")' }; f.ratings['S1.2'] = { rating: 'met', note: '- mungon deklarata' }; f.evidence['S1.1.1'] = { status: 'present', location: '+cmd|calc!A1', owner: '@Drejtori', reviewed: '', next_review: '' }; return A.toCSV(f, DORACAK_CATALOG); })()",
    );
    let csv = csv.as_str().unwrap();
    // Albanian writes a decimal comma: the fields part with `;`.
    assert!(
        csv.contains(";\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"Kliko\"\")\";"),
        "{csv}"
    );
    assert!(csv.contains(";'- mungon deklarata;"), "{csv}");
    assert!(csv.contains(";'+cmd|calc!A1;'@Drejtori;"), "{csv}");
    for line in csv.split("\r\n") {
        for cell in line.split(';') {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "a live formula cell: {cell:?} in {line}"
            );
        }
    }
}

/// Issue 24, hostile: a storage too full for the index after the record was written kept
/// the record where no page listed it. Now the save is all or nothing, and a record kept
/// without its index entry (by an older version) is listed.
#[test]
fn a_full_storage_never_leaves_an_assessment_no_page_lists() {
    let Some(browser) = browser("a_full_storage_never_leaves_an_assessment_no_page_lists") else {
        return;
    };
    let (_dir, site) = minimal_site();
    let tab = open(&browser, &file_url(&site.join("vleresim/index.html")));
    // A storage of a few kilobytes that refuses as a full localStorage does.
    let r = eval(
        &tab,
        r#"(() => {
          const A = Doracak.assessment, C = DORACAK_CATALOG;
          const mem = new Map();
          let quota = 1e9;
          const st = {
            get length() { return mem.size; },
            key(i) { return Array.from(mem.keys())[i] ?? null; },
            getItem(k) { return mem.has(k) ? mem.get(k) : null; },
            setItem(k, v) {
              let used = 0; for (const [kk, vv] of mem) { if (kk !== k) used += kk.length + vv.length; }
              if (used + k.length + v.length > quota) { throw new DOMException('full', 'QuotaExceededError'); }
              mem.set(k, String(v));
            },
            removeItem(k) { mem.delete(k); },
          };
          const s = new A.Store(C, st);
          s.save('a', { data: A.emptyAssessment(C, 'Qendra A') });
          // Room for the next record, not for the index after it.
          const rec = JSON.stringify({ store: A.STORE, data: A.emptyAssessment(C, 'Qendra B'), exported: null, carried: null });
          let used = 0; for (const [k, v] of mem) used += k.length + v.length;
          // (the index grows by 4 characters, `,"b"`)
          quota = used + s.key('a:b').length + rec.length + 2;
          const before = JSON.stringify(Array.from(mem));
          let refused = null;
          try { s.save('b', { data: A.emptyAssessment(C, 'Qendra B') }); } catch (e) { refused = e.name; }
          const after = JSON.stringify(Array.from(mem));
          // An orphan as an older version left it: a record without its index entry.
          quota = 1e9;
          mem.set(s.key('a:c'), JSON.stringify({ store: A.STORE, data: A.emptyAssessment(C, 'Qendra C'), exported: null, carried: null }));
          return [refused, before === after, s.list().map(x => x.name)];
        })()"#,
    );
    assert_eq!(r[0], json!("QuotaExceededError"), "{r}");
    assert_eq!(
        r[1],
        json!(true),
        "the refused save left the storage as it was: {r}"
    );
    assert_eq!(r[2], json!(["Qendra A", "Qendra C"]), "{r}");
}

/// A browser that keeps nothing for the page (site data blocked: reading
/// `window.localStorage` throws a SecurityError, as Chromium does under "block all site
/// data"): the quiz, the training records and the self-assessment still load and work, and
/// a record or an assessment that cannot be kept says so in the pack's words, never a
/// script that dies with nothing said.
#[test]
fn a_browser_that_blocks_site_data_is_told_so_and_the_pages_still_work() {
    let Some(browser) =
        browser("a_browser_that_blocks_site_data_is_told_so_and_the_pages_still_work")
    else {
        return;
    };
    let (_dir, site) = minimal_site();
    let tab = browser.new_tab().expect("a tab");
    tab.set_default_timeout(std::time::Duration::from_secs(20));
    tab.call_method(headless_chrome::protocol::cdp::Page::AddScriptToEvaluateOnNewDocument {
        source: "window.__errors = []; \
                 window.addEventListener('error', e => window.__errors.push(String(e.message))); \
                 Object.defineProperty(window, 'localStorage', { configurable: true, \
                   get() { throw new DOMException('The user has denied permission', 'SecurityError'); } });"
            .into(),
        world_name: None,
        include_command_line_api: None,
        run_immediately: None,
    })
    .unwrap();

    // A quiz: every question answered (the first choice), the record refused with the reason.
    let quiz = std::fs::read_dir(site.join("trajnim/kuizi"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.ends_with(".html"))
        .expect("a quiz page");
    go(&tab, &site, &format!("trajnim/kuizi/{quiz}"));
    let r = eval(
        &tab,
        r#"(() => {
          document.querySelectorAll('[data-quiz-check]').forEach(b => {
            b.closest('.quiz-q').querySelector('input').checked = true; b.click();
          });
          const f = document.querySelector('[data-quiz-form]');
          f.elements.name.value = 'Arta'; f.elements.understood.checked = true;
          f.querySelector('button[type=submit]').click();
          return { errors: window.__errors, status: document.querySelector('[data-quiz-status]').textContent,
                   want: DORACAK_UI.training_storage_off, answered: document.querySelectorAll('.is-right, .is-wrong').length };
        })()"#,
    );
    assert_eq!(r["errors"], json!([]), "no script died: {r}");
    assert!(r["answered"].as_u64().unwrap() > 0, "the quiz answers: {r}");
    assert!(r["want"].as_str().is_some_and(|w| !w.is_empty()), "{r}");
    assert_eq!(r["status"], r["want"], "{r}");

    // The training records page loads, with nothing kept.
    go(&tab, &site, "trajnim/regjistrat.html");
    assert_eq!(eval(&tab, "window.__errors"), json!([]));

    // The self-assessment: a new assessment cannot be kept, and the page says why.
    go(&tab, &site, "vleresim/index.html");
    assert_eq!(eval(&tab, "window.__errors"), json!([]));
    tab.wait_for_element("[data-assess-new] input[name=name]")
        .unwrap()
        .type_into("Qendra A")
        .unwrap();
    tab.wait_for_element("[data-assess-new] button[type=submit]")
        .unwrap()
        .click()
        .unwrap();
    wait_for(
        &tab,
        "document.body.innerText.includes(DORACAK_UI.assess_storage_off)",
        "the page says the browser keeps nothing",
    );
    assert_eq!(eval(&tab, "window.__errors"), json!([]));
}
