//! Printed forms in headless Chromium from `file://`: one field of every kind filled in,
//! printed to A4 with the typed text in the PDF; after a reload nothing is left, and no
//! browser storage holds anything. E-3 prints on about as many A4 pages as the original
//! (6) with every label; every form page has no serious axe violation; a choice continued
//! across a page break is one group (MR3 §7).

use crate::common::browser::*;
use crate::common::pdf::*;
use crate::common::*;

/// Type `text` into the element `id` as a person would (input events included).
fn type_into(tab: &headless_chrome::Tab, id: &str, text: &str) {
    tab.wait_for_element(&format!("#{}", id.replace('/', "\\/")))
        .unwrap_or_else(|e| panic!("#{id}: {e}"))
        .click()
        .unwrap();
    tab.type_str(text).unwrap();
}

#[test]
fn a_filled_form_prints_with_what_was_typed_and_a_reload_keeps_nothing() {
    let Some(browser) =
        browser("a_filled_form_prints_with_what_was_typed_and_a_reload_keeps_nothing")
    else {
        return;
    };
    let dir = minimal_copy();
    copy_tree(&fixtures().join("forms"), dir.path());
    let site = dir.path().join("site");
    build_ok(dir.path(), &site);
    let tab = open(&browser, &file_url(&site.join("formulari/A1.html")));
    wait_for(&tab, "!!document.getElementById('f2')", "the form");
    // One field of every kind (the ids are those of tests/fixtures/forms/content/forms/A1.yaml).
    let typed = [
        ("serial", "Serik4711"),
        ("h1", "Komunaprove"),
        ("f2", "Arbenprove"),         // text
        ("f3", "12.03.2026"),         // date
        ("f4", "38"),                 // number
        ("f6-3b", "Arsyejaprove"),    // an option's own blank
        ("f6-ob", "Tjeterprove"),     // the "other" blank
        ("f8", "Tekstigjateprove"),   // textarea
        ("f10-r1c2", "Veprimiprove"), // table cell
        ("f10-r1c3-1", "01.04.2026"), // period in a table
        ("f11-r2c2", "77"),           // number column
        ("f12-p1", "Emriprove"),      // signature block: name
        ("f12-p4", "05.05.2026"),     // signature block: date
    ];
    for (id, text) in typed {
        type_into(&tab, id, text);
    }
    for id in ["f6-1", "f7-1", "f7-2", "f9-1", "f10-r1c4-2"] {
        // radio, checkboxes (two), yes/no, a table's scale
        tab.wait_for_element(&format!("#{id}"))
            .unwrap()
            .click()
            .unwrap();
    }
    wait_for(
        &tab,
        "document.getElementById('f6-1').checked && document.getElementById('f7-2').checked && document.getElementById('f9-1').checked && document.getElementById('f10-r1c4-2').checked",
        "the ticks",
    );
    let pdf = print_tab(&tab);
    let (pages, a4) = pages_and_size(&pdf);
    assert!(a4, "the form prints on A4");
    assert!((2..=3).contains(&pages), "2 printed pages, found {pages}");
    let text = letters(&pdf_extract::extract_text_from_mem(&pdf).expect("text"));
    for (id, t) in typed {
        assert!(text.contains(&letters(t)), "{id}: \"{t}\" is in the PDF");
    }
    // The serial typed on page 1 is repeated in page 2's header.
    assert!(
        text.matches("serik4711").count() >= 2,
        "the serial on every page"
    );
    // Reload: nothing survives, and nothing was stored anywhere.
    // The page asks before a reload with typed text (issue 29); the person says "leave".
    assert_eq!(
        eval(
            &tab,
            "window.dispatchEvent(new Event('beforeunload', { cancelable: true })) === false"
        ),
        serde_json::Value::Bool(true),
        "leaving a filled form asks first"
    );
    // Reload: the browser asks "leave this page?", the person accepts.
    eval(&tab, "(setTimeout(() => location.reload(), 50), true)");
    let mut accepted = false;
    for _ in 0..100 {
        if tab.get_dialog().accept(None).is_ok() {
            accepted = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(accepted, "the browser asked before reloading a filled form");
    tab.wait_until_navigated().unwrap();
    wait_for(&tab, "!!document.getElementById('f2')", "the form again");
    let left = eval(
        &tab,
        "[...document.querySelectorAll('#printed-form input, #printed-form textarea')].filter(e => (e.type === 'checkbox' || e.type === 'radio') ? e.checked : e.value !== '').map(e => e.id)",
    );
    assert_eq!(
        left,
        serde_json::json!([]),
        "nothing is left after a reload"
    );
    let storage = eval(
        &tab,
        "(async () => ({ local: localStorage.length, session: sessionStorage.length, idb: indexedDB.databases ? (await indexedDB.databases()).length : 0, cookie: document.cookie }))()",
    );
    assert_eq!(
        storage,
        serde_json::json!({ "local": 0, "session": 0, "idb": 0, "cookie": "" }),
        "no browser storage holds anything"
    );
}

#[test]
fn each_printed_page_prints_its_own_head_and_typed_text_in_a_rows_printed_cell() {
    let Some(browser) =
        browser("each_printed_page_prints_its_own_head_and_typed_text_in_a_rows_printed_cell")
    else {
        return;
    };
    let dir = minimal_copy();
    copy_tree(&fixtures().join("forms"), dir.path());
    let site = dir.path().join("site");
    build_ok(dir.path(), &site);
    // tests/fixtures/forms/content/forms/A2.yaml: two page heads, a table's rows as printed.
    let tab = open(&browser, &file_url(&site.join("formulari/A2.html")));
    wait_for(&tab, "!!document.getElementById('f1-r1c3-1')", "the form");
    let typed = [
        ("h1", "Komunaprove"),
        ("f1-r1c3-1", "01.04.2026"), // after "Prej:" in row 1
        ("f1-r2c3-2", "30.06.2026"), // after "Deri:" in row 2
        ("f1-r1c4-2", "Oraprove"),   // the line after "deri"
    ];
    for (id, text) in typed {
        type_into(&tab, id, text);
    }
    let pdf = print_tab(&tab);
    let (pages, a4) = pages_and_size(&pdf);
    assert!(a4, "the form prints on A4");
    assert_eq!(pages, 2, "two printed pages, as encoded");
    let by_page: Vec<String> = pdf_extract::extract_text_from_mem_by_pages(&pdf)
        .expect("text by pages")
        .iter()
        .map(|t| letters(t))
        .collect();
    let all = by_page.concat();
    for (id, t) in typed {
        assert!(all.contains(&letters(t)), "{id}: \"{t}\" is in the PDF");
    }
    assert_eq!(all.matches("prej").count(), 2, "Prej: printed in each row");
    // Page 1 prints its own head, page 2 its own: no serial box there, its own title and line.
    assert!(by_page[0].contains(&letters("Nr. Serik:")));
    assert!(by_page[0].contains(&letters("Formular E-8 (Rev.1) Faqe 1 nga 2")));
    assert!(!by_page[0].contains(&letters("VAZHDIM")));
    assert!(!by_page[1].contains(&letters("Nr. Serik:")));
    assert!(by_page[1].contains(&letters("PLANI PROVË VAZHDIM")));
    assert!(by_page[1].contains(&letters("Formular E-8 (Rev.1) Faqe 2 nga 2")));
    // What was typed in the first page's placeholder shows where page 2 prints it.
    assert!(by_page[1].contains("komunaprove"), "{}", by_page[1]);
}

#[test]
fn e3_prints_on_six_a4_pages_with_every_label_and_every_form_prints_like_its_original() {
    let Some(browser) = browser(
        "e3_prints_on_six_a4_pages_with_every_label_and_every_form_prints_like_its_original",
    ) else {
        return;
    };
    let site = shipped_site().join("site");
    let cat: serde_json::Value = serde_json::from_str(&read(&site.join("catalog.json"))).unwrap();
    let mut report = Vec::new();
    let mut failures = Vec::new();
    for f in cat["forms"].as_array().unwrap() {
        let t = &f["template"];
        if t.is_null() {
            continue;
        }
        let id = f["id"].as_str().unwrap();
        let tab = open(
            &browser,
            &file_url(&site.join(format!("formulari/{id}.html"))),
        );
        let pdf = print_tab(&tab);
        let (pages, a4) = pages_and_size(&pdf);
        let original = t["pages"].as_u64().unwrap_or(0) as usize;
        report.push(format!(
            "{id} ({}): {pages} A4 pages, the original {original}",
            f["printed_code"].as_str().unwrap_or("-")
        ));
        if !a4 {
            failures.push(format!("{id}: not A4"));
        }
        // As many pages as the original breaks into (E-4/1's source holds one page of four).
        let encoded = t["sections"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|s| {
                std::iter::once(&s["page"])
                    .chain(s["fields"].as_array().unwrap().iter().map(|fl| &fl["page"]))
            })
            .filter_map(|p| p.as_u64())
            .max()
            .unwrap_or(1) as usize;
        if pages != encoded {
            failures.push(format!(
                "{id}: {pages} printed pages, the encoded original breaks into {encoded}"
            ));
        }
        // Each printed page carries its own head at its top (the form's one header where it
        // gives none page by page), and every row the text of its printed cells.
        let by_page: Vec<String> = pdf_extract::extract_text_from_mem_by_pages(&pdf)
            .expect("text by pages")
            .iter()
            .map(|t| letters(t))
            .collect();
        for (i, h) in t["heads"].as_array().unwrap().iter().enumerate() {
            let Some(text) = by_page.get(i) else { break };
            for w in [&h["title"], &h["line"], &h["code"]]
                .into_iter()
                .filter_map(|w| w.as_str())
                .chain(
                    h["placeholders"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter_map(|p| p.as_str()),
                )
            {
                if !contains(text, &letters(w)) {
                    failures.push(format!(
                        "{id}: page {} does not print its head's {w}",
                        i + 1
                    ));
                }
            }
        }
        let printed_cells: Vec<&str> = t["sections"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|s| s["fields"].as_array().unwrap())
            .flat_map(|fl| fl["rows"].as_array().unwrap())
            .flat_map(|r| r["cells"].as_array().unwrap())
            .filter_map(|c| c.as_str())
            .filter(|c| c.contains("Prej:"))
            .collect();
        let all = by_page.concat();
        let prej = letters("Prej:");
        if !printed_cells.is_empty() && all.matches(prej.as_str()).count() < printed_cells.len() {
            failures.push(format!(
                "{id}: \"Prej:\" printed {} times, in {} rows' cells",
                all.matches(prej.as_str()).count(),
                printed_cells.len()
            ));
        }
        if id == "MR4" {
            assert_eq!(
                printed_cells.len(),
                30,
                "E-4 prints Prej: … Deri: … in 30 rows"
            );
        }
        if id == "MR3" {
            assert_eq!(original, 6);
            let text = letters(&pdf_extract::extract_text_from_mem(&pdf).expect("text"));
            let mut missing = Vec::new();
            for s in t["sections"].as_array().unwrap() {
                let mut words: Vec<&str> = vec![];
                words.extend(s["title"].as_str());
                for fl in s["fields"].as_array().unwrap() {
                    words.extend(fl["label"].as_str());
                    for o in fl["options"].as_array().unwrap() {
                        words.extend(o["label"].as_str());
                    }
                    for c in fl["columns"].as_array().unwrap() {
                        words.extend(c["label"].as_str());
                    }
                    for r in fl["rows"].as_array().unwrap() {
                        words.extend(r["label"].as_str().filter(|l| !l.is_empty()));
                    }
                    for p in fl["parts"].as_array().unwrap() {
                        words.extend(p["label"].as_str());
                    }
                }
                for w in words {
                    if !contains(&text, &letters(w)) {
                        missing.push(w.to_string());
                    }
                }
            }
            assert!(
                missing.is_empty(),
                "E-3 labels missing from the PDF: {missing:#?}"
            );
        }
    }
    eprintln!("printed forms:\n{}", report.join("\n"));
    assert!(
        failures.is_empty(),
        "{}\n{}",
        failures.join("\n"),
        report.join("\n")
    );
}

#[test]
fn every_form_page_has_no_serious_axe_violation() {
    let path = repo().join("tests/a11y/node_modules/axe-core/axe.min.js");
    let Ok(axe) = std::fs::read_to_string(&path) else {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!(
                "axe-core is not installed (npm ci --prefix tests/a11y), and CI=true requires it"
            );
        }
        eprintln!(
            "\n*** SKIPPED every_form_page_has_no_serious_axe_violation: axe-core not found (run: npm ci --prefix tests/a11y) ***\n"
        );
        return;
    };
    let Some(browser) = browser("every_form_page_has_no_serious_axe_violation") else {
        return;
    };
    let site = shipped_site().join("site");
    let mut failures = Vec::new();
    let mut forms: Vec<_> = std::fs::read_dir(site.join("formulari"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    forms.sort();
    assert!(forms.len() >= 10, "the form pages: {forms:?}");
    for page in &forms {
        let tab = open(&browser, &file_url(page));
        tab.evaluate(&axe, false).expect("axe loads");
        let result = eval(
            &tab,
            "axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ' on ' + v.nodes.length + ' nodes, e.g. ' + v.nodes[0].target.join(' ')))",
        );
        for v in result.as_array().cloned().unwrap_or_default() {
            failures.push(format!("{}: {v}", page.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn mr3_school_status_is_one_choice_across_its_page_break() {
    // Review 43 L13: 003:2919-2922 and 2940 print section 7's three school statuses as one
    // list of alternatives, the third after "Faqe 4 nga 6": one radio group, not a radio
    // pair and a checkbox.
    let page = read(&shipped_site().join("site/formulari/MR3.html"));
    for id in ["f37-1", "f37-2", "f41-1"] {
        let at = page
            .find(&format!("id=\"{id}\""))
            .unwrap_or_else(|| panic!("#{id}"));
        let input = &page[page[..at].rfind("<input").unwrap()..];
        let input = &input[..input.find('>').unwrap()];
        assert!(
            input.contains("type=\"radio\"") && input.contains("name=\"f37\""),
            "{input}"
        );
    }
    let Some(browser) = browser("mr3_school_status_is_one_choice_across_its_page_break") else {
        return;
    };
    let tab = open(
        &browser,
        &file_url(&shipped_site().join("site/formulari/MR3.html")),
    );
    wait_for(&tab, "!!document.getElementById('f41-1')", "the form");
    let checked = |id: &str| eval(&tab, &format!("document.getElementById('{id}').checked"));
    tab.wait_for_element("#f37-2").unwrap().click().unwrap();
    tab.wait_for_element("#f41-1").unwrap().click().unwrap();
    wait_for(
        &tab,
        "document.getElementById('f41-1').checked",
        "the third status",
    );
    assert_eq!(
        checked("f37-2"),
        serde_json::Value::Bool(false),
        "two statuses at once"
    );
    tab.wait_for_element("#f37-1").unwrap().click().unwrap();
    wait_for(
        &tab,
        "document.getElementById('f37-1').checked",
        "the first status",
    );
    assert_eq!(
        checked("f41-1"),
        serde_json::Value::Bool(false),
        "two statuses at once"
    );
}
