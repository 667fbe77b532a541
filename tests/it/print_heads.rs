//! Printouts that can be told apart once their pages are separated: every printed page of
//! the improvement plan, the filled printout and the report carries the centre, the
//! assessment's name and date and "page X of Y"; the blank audit sheet repeats the centre
//! and date fields on every page.

use serde_json::{Value, json};

use crate::common::browser::*;
use crate::common::pdf::*;
use crate::common::*;

fn ui() -> std::collections::HashMap<String, String> {
    toml::from_str(&read(&repo().join("theme/locales/sq.toml"))).unwrap()
}

/// Each page's text, as letters, of a PDF.
fn pages(pdf: &[u8]) -> Vec<String> {
    pdf_extract::extract_text_from_mem_by_pages(pdf)
        .unwrap()
        .iter()
        .map(|t| letters(t))
        .collect()
}

/// Every page carries the head (centre, name, date) and "Faqe i nga n".
fn assert_heads(what: &str, pdf: &[u8], head: &str) {
    let ui = ui();
    let texts = pages(pdf);
    let n = texts.len();
    for (i, t) in texts.iter().enumerate() {
        let foot = letters(
            &ui["print_page_of"]
                .replace("{pages}", &n.to_string())
                .replace("{page}", &(i + 1).to_string()),
        );
        assert!(t.contains(&foot), "{what}: page {} lacks {foot:?}", i + 1);
        assert!(
            t.contains(&letters(head)),
            "{what}: page {} lacks its head: {t:.200}",
            i + 1
        );
    }
    println!("{what}: {n} pages, each with its head and page number");
}

#[test]
fn plan_and_printout_pages_carry_centre_name_date_and_page_numbers() {
    let Some(browser) = browser("plan_and_printout_pages_carry_centre_name_date_and_page_numbers")
    else {
        return;
    };
    let (_dir, site) = minimal_site();
    let tab = open(&browser, &file_url(&site.join("vleresim/index.html")));
    eval(&tab, "localStorage.clear()");
    let mut f: Value =
        serde_json::from_str(&read(&fixtures().join("assessment-files/valid-full.json"))).unwrap();
    // A plan long enough for several pages.
    let row = f["plan"][0].clone();
    let mut rows = Vec::new();
    for (i, c) in ["S1.1", "S1.2", "S2.1"].iter().enumerate() {
        let mut r = row.clone();
        r["criterion"] = json!(c);
        r["action"] = json!("Veprimi i përmirësimit, i përshkruar gjatë. ".repeat(30 + i));
        rows.push(r);
    }
    f["plan"] = json!(rows);
    f["ratings"] = json!({
        "S1.1": { "rating": "partial", "note": "" },
        "S1.2": { "rating": "partial", "note": "" },
        "S2.1": { "rating": "not_met", "note": "" }
    });
    let text = serde_json::to_string(&f.to_string()).unwrap();
    assert_eq!(
        eval(&tab, &format!("Doracak.assessmentPage.importText({text})")),
        Value::Bool(true)
    );
    let head = "Qendra A — Qendra A — 2026 — 2026-10-02";

    let tab = open(&browser, &file_url(&site.join("vleresim/plani.html")));
    wait_for(
        &tab,
        "!!document.querySelector('[data-plan-row=\"S2.1\"]')",
        "the plan",
    );
    let pdf = print_tab(&tab);
    assert!(pages(&pdf).len() > 1, "the plan runs over pages");
    assert_heads("the plan", &pdf, head);

    let tab = open(&browser, &file_url(&site.join("vleresim/printo.html")));
    wait_for(
        &tab,
        "document.querySelector('[data-fill=name]').textContent.length > 0",
        "the printout",
    );
    assert_heads("the filled printout", &print_tab(&tab), head);
}

#[test]
fn report_pages_carry_centre_name_date_and_page_numbers() {
    let Some(browser) = browser("report_pages_carry_centre_name_date_and_page_numbers") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("raport.html");
    let o = doracak(&[
        "--root",
        fixtures().join("minimal").to_str().unwrap(),
        "report",
        fixtures()
            .join("assessments/qendra-a.json")
            .to_str()
            .unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let tab = open(&browser, &file_url(&out));
    let pdf = print_tab(&tab);
    assert!(pages(&pdf).len() > 1);
    assert_heads(
        "the report",
        &pdf,
        "Qendra A — Qendra A — 2026 — 2026-10-02",
    );
}

#[test]
fn every_audit_sheet_page_repeats_the_centre_and_date_fields() {
    let Some(browser) = browser("every_audit_sheet_page_repeats_the_centre_and_date_fields") else {
        return;
    };
    let ui = ui();
    let site = shipped_site().join("site");
    let tab = open(&browser, &file_url(&site.join("auditim/S2.html")));
    let texts = pages(&print_tab(&tab));
    let fields = letters(&format!("{}: · {}:", ui["audit_centre"], ui["audit_date"]));
    assert!(texts.len() > 1);
    for (i, t) in texts.iter().enumerate() {
        assert!(
            t.contains(&fields),
            "page {} lacks the centre and date: {t:.300}",
            i + 1
        );
    }
}
