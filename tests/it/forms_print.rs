//! A case form printed (issue 29), measured on the PDF as paper shows it: every sheet of
//! every form, on A4 and on US Letter, has its frame whole and inside the printable area
//! with every word inside it too; a continuation longer than one sheet repeats the form's
//! header, serial and "page X of Y" on each of its sheets; the writing lines of a field
//! stay on the sheet of its label, and text sits on its ruled lines.

use std::path::Path;

use crate::common::browser::*;
use crate::common::pdf::*;
use crate::common::*;
use headless_chrome::Tab;

fn set(tab: &Tab, id: &str, text: &str) {
    eval(
        tab,
        &format!(
            "(() => {{ const e = document.getElementById({}); e.value = {}; e.dispatchEvent(new Event('input', {{ bubbles: true }})); Doracak.formFill.refresh(); }})()",
            serde_json::to_string(id).unwrap(),
            serde_json::to_string(text).unwrap()
        ),
    );
}

fn open_form(browser: &headless_chrome::Browser, site: &Path, path: &str) -> std::sync::Arc<Tab> {
    let tab = open(browser, &file_url(&site.join(path)));
    wait_for(
        &tab,
        "!!(window.Doracak && Doracak.formFill && Doracak.formDraft)",
        "the form scripts",
    );
    tab
}

fn form_paths(site: &Path) -> Vec<String> {
    let forms: Vec<String> = pages(site)
        .into_iter()
        .filter(|(p, h)| p.starts_with("formulari/") && h.contains("printed-form"))
        .map(|(p, _)| p)
        .collect();
    assert!(forms.len() >= 9, "{forms:?}");
    forms
}

/// The printable area of a form's sheet, in mm from the left edge: A4 less the form's
/// 12 mm side margins, or on Letter that A4 page as Chromium fits it into the sheet
/// (scaled to the smaller of the two ratios, centred).
fn printable(paper: &str) -> (f64, f64) {
    let (w, h) = if paper == "Letter" {
        (215.9, 279.4)
    } else {
        (210.0, 297.0)
    };
    let s = (w / 210.0_f64).min(h / 297.0).min(1.0);
    (w / 2.0 - (105.0 - 12.0) * s, w / 2.0 + (105.0 - 12.0) * s)
}

/// Every sheet of `pdf`: its frame's left and right borders whole and on the printable
/// area's edges, no ink and no word beyond them. Problems are pushed to `bad`.
fn check_sheets(what: &str, paper: &str, pdf: &[u8], bad: &mut Vec<String>) -> Option<usize> {
    let (lo, hi) = printable(paper);
    let Some(sheets) = ink(pdf) else {
        skip(
            "forms_print",
            "pdftoppm is not installed",
            "apt-get install poppler-utils",
        );
        return None;
    };
    let words = words(pdf)?;
    for (i, s) in sheets.iter().enumerate() {
        let n = i + 1;
        if (s.left - lo).abs() > 0.6 || (s.right - hi).abs() > 0.6 {
            bad.push(format!(
                "{what} {paper} sheet {n}: ink from {:.1} to {:.1} mm, the printable area is {lo:.1}–{hi:.1} mm",
                s.left, s.right
            ));
        }
        if s.left_stroke < 12.0 || s.right_stroke < 12.0 {
            bad.push(format!(
                "{what} {paper} sheet {n}: the frame's border is not whole at the edge: longest stroke {:.1} mm at the left, {:.1} mm at the right",
                s.left_stroke, s.right_stroke
            ));
        }
    }
    for (p, x0, x1, w) in &words {
        if *x0 < lo - 0.3 || *x1 > hi + 0.3 {
            bad.push(format!(
                "{what} {paper} sheet {}: “{w}” at {x0:.1}–{x1:.1} mm, outside {lo:.1}–{hi:.1} mm",
                p + 1
            ));
        }
    }
    Some(sheets.len())
}

const L: &str = "Ndikimi i punës në shkollim është i madh: fëmija mungon shpesh në mësim, nuk i bën detyrat e shtëpisë dhe ka rënë në mësime; mësuesja kujdestare raporton mungesa të shpeshta gjatë tremujorit të dytë dhe lodhje gjatë orëve të mësimit.";

/// MR3 as a case manager fills it, with a very long text in 2.7 and more than a line in
/// the office field: a continuation of several sheets.
fn fill_long(tab: &Tab) -> String {
    let long: String = (1..=60)
        .map(|i| format!("{i}. {L}"))
        .collect::<Vec<_>>()
        .join(" ");
    set(tab, "serial", "NR-2026-001");
    set(tab, "f13-r1c1", "Tregu i qytetit\nRruga e Dëshmorëve");
    set(tab, "f14", "Lëndime të lehta në duar nga mbajtja e arkave");
    set(tab, "f3", L);
    set(tab, "f20", &long);
    long
}

/// Every sheet of every form, blank and (MR3) with a continuation of several sheets,
/// printed on A4 and on Letter: the frame whole and inside the printable area, every word
/// inside it. (The rightmost ink must lie on the form's own right margin: a sheet laid
/// out in the site's page margins, or cut at the paper's edge, fails.)
#[test]
fn every_printed_form_sheet_lies_inside_its_printable_area_on_a4_and_letter() {
    let name = "every_printed_form_sheet_lies_inside_its_printable_area_on_a4_and_letter";
    let Some(browser) = browser(name) else {
        return;
    };
    let site = shipped_site().join("site");
    let mut bad = Vec::new();
    let mut counts = Vec::new();
    for path in form_paths(&site) {
        let tab = open_form(&browser, &site, &path);
        let id = path
            .trim_start_matches("formulari/")
            .trim_end_matches(".html");
        let mut runs = vec![("blank", tab.clone())];
        if id == "MR3" {
            let filled = open_form(&browser, &site, &path);
            fill_long(&filled);
            runs.push(("long", filled));
        }
        for (how, tab) in runs {
            let a4 = print_tab(&tab);
            let letter = print_tab_letter(&tab);
            assert!(pages_and_size(&a4).1, "{id}: A4");
            let what = format!("{id} ({how})");
            let Some(na4) = check_sheets(&what, "A4", &a4, &mut bad) else {
                return;
            };
            let nl = check_sheets(&what, "Letter", &letter, &mut bad).unwrap();
            if na4 != nl {
                bad.push(format!("{what}: {na4} sheets on A4, {nl} on Letter"));
            }
            counts.push(format!("{what}: {na4} A4 / {nl} Letter"));
        }
    }
    println!("sheets: {}", counts.join("; "));
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// A continuation longer than one sheet: each of its sheets carries the form's header
/// (title, code, the serial) and "Faqe X nga Y" counted with all of them; the whole text
/// is printed, each piece under its field's label on the same sheet.
#[test]
fn a_continuation_longer_than_a_sheet_repeats_the_header_on_every_sheet() {
    let name = "a_continuation_longer_than_a_sheet_repeats_the_header_on_every_sheet";
    let Some(browser) = browser(name) else {
        return;
    };
    let site = shipped_site().join("site");
    let tab = open_form(&browser, &site, "formulari/MR3.html");
    let long = fill_long(&tab);
    // A field of page 5 that overflows too: its rest comes after 2.7's, on a later sheet.
    set(&tab, "f54", &[L; 8].join(" "));
    let dom = eval(
        &tab,
        "[...document.querySelectorAll('.form-cont')].map(s => ({ rev: s.querySelector('.fh-rev').textContent, items: [...s.querySelectorAll('.cont-item')].map(i => ({ label: i.querySelector('.cont-label').textContent, text: i.querySelector('.cont-text').textContent })) }))",
    );
    let conts = dom.as_array().unwrap();
    let total = 6 + conts.len();
    assert!(
        conts.len() >= 3,
        "a text of 60 paragraphs takes several continuation sheets: {:?}",
        conts
            .iter()
            .map(|s| s["rev"].to_string())
            .collect::<Vec<_>>()
    );
    // The text, from the box and the pieces of 2.7 on each sheet, is the text typed.
    let head = eval(
        &tab,
        "document.getElementById('f20-print').firstChild.textContent",
    );
    let mut joined = letters(head.as_str().unwrap());
    for s in conts {
        for it in s["items"].as_array().unwrap() {
            if it["label"].as_str().unwrap().starts_with("2.7.") {
                joined.push_str(&letters(it["text"].as_str().unwrap()));
            }
        }
    }
    assert_eq!(
        joined,
        letters(&long),
        "the whole text, in order, nothing twice"
    );
    // Each box names the sheet where its rest starts; 8.1's is after 2.7's, on a later one.
    let mut sheets = Vec::new();
    for (field, section) in [("f3", "1."), ("f20", "2.7."), ("f54", "8.1.")] {
        let sheet = conts
            .iter()
            .position(|s| {
                s["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|it| it["label"].as_str().unwrap().starts_with(section))
            })
            .unwrap_or_else(|| panic!("{field}: its rest is printed"))
            + 7;
        let mark = eval(
            &tab,
            &format!("document.querySelector('#{field}-print .ff-cont-ref').textContent"),
        );
        assert_eq!(
            mark.as_str().unwrap(),
            format!("→ vazhdon në faqen {sheet}"),
            "{field}"
        );
        sheets.push(sheet);
    }
    assert!(sheets[2] > 7, "8.1's rest starts after sheet 7: {sheets:?}");
    for kind in ["A4", "Letter"] {
        let pdf = if kind == "A4" {
            print_tab(&tab)
        } else {
            print_tab_letter(&tab)
        };
        let texts: Vec<String> = pdf_extract::extract_text_from_mem_by_pages(&pdf)
            .expect("text")
            .iter()
            .map(|p| letters(p))
            .collect();
        println!("MR3 with a long 2.7, {kind}: {} sheets", texts.len());
        assert_eq!(
            texts.len(),
            total,
            "{kind}: 6 sheets and the continuation's"
        );
        assert!(texts[0].contains(&letters("vazhdon në faqen 7")));
        for (i, s) in conts.iter().enumerate() {
            let n = 7 + i;
            let t = &texts[n - 1];
            let page = letters(&format!("Faqe {n} nga {total}"));
            assert!(
                s["rev"]
                    .as_str()
                    .unwrap()
                    .ends_with(&format!("{n} nga {total}")),
                "{s}"
            );
            for (what, needle) in [
                ("the form's title", letters("Vlerësimi i rastit")),
                ("the form's code", "e3".to_string()),
                ("the serial", "nr2026001".to_string()),
                ("page X of Y", page.clone()),
                ("the continuation's title", letters("Vazhdim")),
            ] {
                assert!(t.contains(&needle), "{kind} sheet {n}: {what}: {t}");
            }
            for it in s["items"].as_array().unwrap() {
                let label = letters(it["label"].as_str().unwrap());
                let text = letters(it["text"].as_str().unwrap());
                let start: String = text.chars().take(40).collect();
                assert!(
                    t.contains(&label) && t.contains(&start),
                    "{kind} sheet {n}: the label and the start of its text: {label} / {start}"
                );
                let pos = t.find(&label).unwrap();
                assert!(
                    t[pos..].contains(&start),
                    "{kind} sheet {n}: the text under its label"
                );
                assert!(contains(t, &text), "{kind} sheet {n}: the piece whole");
            }
        }
    }
}

/// The writing lines of a field are never split from its label across a sheet: every
/// form, its first box given a text of 40 paragraphs (MR3 filled as in `fill_long`),
/// prints one sheet per page of the original and per continuation sheet, each
/// sheet with the labels of its own boxes; a text sits on the ruled lines (one line of
/// text per ruled line, 5.5 mm, starting on the first).
#[test]
fn writing_lines_stay_with_their_label_and_text_on_its_lines() {
    let name = "writing_lines_stay_with_their_label_and_text_on_its_lines";
    let Some(browser) = browser(name) else {
        return;
    };
    let site = shipped_site().join("site");
    let mut bad = Vec::new();
    for path in form_paths(&site) {
        let tab = open_form(&browser, &site, &path);
        let id = path
            .trim_start_matches("formulari/")
            .trim_end_matches(".html");
        if id == "MR3" {
            fill_long(&tab);
        } else {
            // Every other form: its first text box given a text of 40 paragraphs.
            let first = eval(
                &tab,
                "(document.querySelector('#printed-form textarea') || document.querySelector('#printed-form input.blank:not(#serial)')).id",
            );
            set(&tab, first.as_str().unwrap(), &[L; 40].join(" "));
        }
        // The labels of the ruled boxes on each sheet, as the DOM has them.
        let labels = eval(
            &tab,
            "[...document.querySelectorAll('#printed-form .form-page')].map(p => p.classList.contains('form-cont') ? [...p.querySelectorAll('.cont-label')].map(l => l.textContent) : [...p.querySelectorAll('textarea.lines')].map(t => t.labels && t.labels.length ? t.labels[0].textContent : (t.closest('section') && t.closest('section').querySelector('.fs-title') || {}).textContent || ''))",
        );
        let labels = labels.as_array().unwrap();
        let pdf = print_tab(&tab);
        let texts: Vec<String> = pdf_extract::extract_text_from_mem_by_pages(&pdf)
            .expect("text")
            .iter()
            .map(|p| letters(p))
            .collect();
        if texts.len() != labels.len() {
            bad.push(format!(
                "{id}: {} sheets for {} pages: a box spilled over",
                texts.len(),
                labels.len()
            ));
            continue;
        }
        for (i, ls) in labels.iter().enumerate() {
            for l in ls.as_array().unwrap() {
                let l = letters(l.as_str().unwrap());
                if !l.is_empty() && !texts[i].contains(&l) {
                    bad.push(format!(
                        "{id} sheet {}: the label “{l}” is not with its lines",
                        i + 1
                    ));
                }
            }
        }
        // In print: every ruled box's text line is its ruled line.
        print_media(&tab);
        let off = eval(
            &tab,
            "[...document.querySelectorAll('#printed-form textarea.lines, #printed-form .ff-print-lines, #printed-form .cont-text')].map(e => { const c = getComputedStyle(e); const line = 5.5 * 96 / 25.4; return { e: e.className, lh: parseFloat(c.lineHeight), pt: parseFloat(c.paddingTop), bg: c.backgroundImage }; }).filter(r => Math.abs(r.lh - 5.5 * 96 / 25.4) > 0.05 || r.pt > 0.05 || !r.bg.includes('repeating-linear-gradient'))",
        );
        if off.as_array().is_some_and(|a| !a.is_empty()) {
            bad.push(format!("{id}: text off its ruled lines: {off}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// On a phone (390 px) a form is one column of fields and choices, no wider than the
/// window (two columns left two or three words to a line).
#[test]
fn on_a_phone_a_form_is_one_column_no_wider_than_the_window() {
    let name = "on_a_phone_a_form_is_one_column_no_wider_than_the_window";
    let Some(browser) = browser(name) else {
        return;
    };
    let site = shipped_site().join("site");
    let mut bad = Vec::new();
    for path in form_paths(&site) {
        let tab = open_form(&browser, &site, &path);
        resize(&tab, 390, 844, true);
        let r = eval(
            &tab,
            "({ wide: document.documentElement.scrollWidth, narrow: [...document.querySelectorAll('.fs-fields.cols-2 > *, fieldset.ff-choice.many > .opt')].filter(e => { const p = e.parentElement.getBoundingClientRect().width; return e.getBoundingClientRect().width < 0.8 * p; }).length })",
        );
        if r["wide"].as_u64().unwrap() > 390 || r["narrow"].as_u64().unwrap() > 0 {
            bad.push(format!("{path}: {r}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
