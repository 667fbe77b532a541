//! Printing: the blank audit sheet of Standard 2 and the full set, printed by headless
//! Chromium to PDF, are A4 and hold every criterion and evidence text of the standards.

mod common;

use common::browser::*;
use common::*;
use headless_chrome::types::PrintToPdfOptions;

/// Letters and digits only, lowercased, ligatures undone: PDF text extraction adds and
/// drops spaces inside words, so the comparison ignores everything else.
fn letters(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfkc()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// `needle` is in `hay`: whole, or (a long text that a page break interrupts with the page
/// number and the repeated table header) in 30-character pieces, nearly all of them found.
fn contains(hay: &str, needle: &str) -> bool {
    if hay.contains(needle) {
        return true;
    }
    let chars: Vec<char> = needle.chars().collect();
    let pieces: Vec<String> = chars.chunks(30).map(|c| c.iter().collect()).collect();
    let found = pieces.iter().filter(|p| hay.contains(p.as_str())).count();
    pieces.len() >= 4 && found * 100 >= pieces.len() * 85
}

fn print(path: &std::path::Path) -> (Vec<u8>, String) {
    let browser = browser("print").expect("checked by the caller");
    let tab = open(&browser, &file_url(path));
    let pdf = tab
        .print_to_pdf(Some(PrintToPdfOptions {
            prefer_css_page_size: Some(true),
            display_header_footer: Some(false),
            print_background: Some(true),
            ..Default::default()
        }))
        .expect("prints");
    let text = pdf_extract::extract_text_from_mem(&pdf).expect("the PDF has text");
    (pdf, text)
}

/// Page count, and whether every page is A4 (595.28 × 841.89 pt, give or take rounding).
fn pages_and_size(pdf: &[u8]) -> (usize, bool) {
    let doc = lopdf::Document::load_mem(pdf).expect("a readable PDF");
    let pages = doc.get_pages();
    let a4 = pages.values().all(|id| {
        let mut node = doc.get_object(*id).and_then(|o| o.as_dict()).ok();
        // The MediaBox may be inherited from a parent Pages node.
        while let Some(dict) = node {
            if let Ok(mb) = dict.get(b"MediaBox").and_then(|o| o.as_array()) {
                let n: Vec<f32> = mb
                    .iter()
                    .filter_map(|v| {
                        v.as_float()
                            .ok()
                            .or_else(|| v.as_i64().ok().map(|i| i as f32))
                    })
                    .collect();
                return n.len() == 4
                    && (n[2] - n[0] - 595.3).abs() < 1.5
                    && (n[3] - n[1] - 841.9).abs() < 1.5;
            }
            node = dict
                .get(b"Parent")
                .and_then(|p| p.as_reference())
                .and_then(|r| doc.get_object(r))
                .and_then(|o| o.as_dict())
                .ok();
        }
        false
    });
    (pages.len(), a4)
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
