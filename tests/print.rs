//! Printing: the blank audit sheet of Standard 2 and the full set, printed by headless
//! Chromium to PDF, are A4 and hold every criterion and evidence text of the standards.

mod common;

use common::browser::*;
use common::pdf::*;
use common::*;

fn print(path: &std::path::Path) -> (Vec<u8>, String) {
    let browser = browser("print").expect("checked by the caller");
    let tab = open(&browser, &file_url(path));
    let pdf = print_tab(&tab);
    let text = pdf_extract::extract_text_from_mem(&pdf).expect("the PDF has text");
    (pdf, text)
}

#[test]
fn audit_sheets_print_on_a4_with_every_criterion_and_evidence() {
    if browser("audit_sheets_print_on_a4_with_every_criterion_and_evidence").is_none() {
        return;
    }
    let site = shipped_site().join("site");
    let cat: serde_json::Value = serde_json::from_str(&read(&site.join("catalog.json"))).unwrap();
    let standards = cat["standards"].as_array().unwrap();

    let mut report = Vec::new();
    for (page, only) in [
        ("auditim/S2.html", Some(2)),
        ("auditim/te-gjitha.html", None),
    ] {
        let (pdf, text) = print(&site.join(page));
        let (pages, a4) = pages_and_size(&pdf);
        assert!(a4, "{page} prints on A4");
        report.push(format!("{page}: {pages} pages"));
        let hay = letters(&text);
        let mut missing = Vec::new();
        for s in standards
            .iter()
            .filter(|s| only.is_none_or(|n| s["number"] == n))
        {
            for c in s["criteria"].as_array().unwrap() {
                let plain = doracak::markdown::to_plain(c["text"].as_str().unwrap());
                if !contains(&hay, &letters(&plain)) {
                    missing.push(c["id"].as_str().unwrap().to_string());
                }
                for e in c["evidence"].as_array().unwrap() {
                    let plain = doracak::markdown::to_plain(e["text"].as_str().unwrap());
                    if !contains(&hay, &letters(&plain)) {
                        missing.push(e["id"].as_str().unwrap().to_string());
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "{page}: texts missing from the PDF: {missing:?}"
        );
        assert!(
            hay.contains("inspektori") && hay.contains("qendra"),
            "{page} has the header fields"
        );
        assert!(
            hay.contains("nënshkrimiiinspektorit"),
            "{page} has the signature block"
        );
    }
    eprintln!("printed: {}", report.join(", "));
}
