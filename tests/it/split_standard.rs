//! Issue 28 (stop 51): a standard's self-assessment page above the split size
//! (`vleresim/SN.html`) holds no text its standard's catalogue file (`vleresim/catalog/SN.js`,
//! which it loads) can show as printed: it draws its criteria, guidance and evidence from
//! it, with the same visible text in the same order as the page the template writes whole
//! below the split size. Ratings, notes and evidence are kept and restored, the score line
//! and the print are the same, a link to a criterion lands on it, and without JavaScript
//! the page says so and links its standard's page. A text the catalogue cannot show as
//! printed (marks, a list, an image) stays in the page.

use std::path::Path;

use headless_chrome::Tab;
use headless_chrome::protocol::cdp::Emulation;

use crate::common::browser::{
    browser, eval, file_url, new_assessment, open, wait_for, wait_stored,
};
use crate::common::pdf::print_tab;
use crate::split_printout::{build, handbook};

/// The page drawn and filled: every criterion there, its rating choices and evidence
/// fields copied in (assessment.js), the score line written.
const READY: &str = "document.querySelectorAll('[data-criterion]').length > 0 && !document.querySelector('[data-rating-for], [data-ev-legend]') && document.querySelector('.score-line').textContent.length > 0";

fn ready(tab: &Tab) {
    wait_for(tab, READY, "the page drawn and filled");
}

/// What the page shows: `main`'s text with every `details` closed, then open, and the
/// form's state (checked choices, notes and fields typed in).
fn shown(tab: &Tab) -> serde_json::Value {
    ready(tab);
    eval(
        tab,
        "(() => { const m = document.querySelector('main'); const ds = [...m.querySelectorAll('details')]; ds.forEach(d => d.open = false); const closed = m.innerText; ds.forEach(d => d.open = true); const open = m.innerText; ds.forEach(d => d.open = false); const state = [...m.querySelectorAll('form input, form textarea')].map(i => [i.closest('[data-criterion]').id, i.name || '', i.getAttribute('data-field'), i.type === 'radio' ? i.value + ':' + i.checked : i.value]); return { closed, open, state }; })()",
    )
}

/// `a` and `b` the same, or a panic naming the first line where they differ.
fn same(a: &serde_json::Value, b: &serde_json::Value, what: &str) {
    for key in ["closed", "open"] {
        let (x, y) = (a[key].as_str().unwrap(), b[key].as_str().unwrap());
        if let Some((i, (l, r))) = x
            .lines()
            .zip(y.lines())
            .enumerate()
            .find(|(_, (l, r))| l != r)
        {
            panic!("{what} ({key}), line {i}: {l:?} against {r:?}");
        }
        assert_eq!(
            x.lines().count(),
            y.lines().count(),
            "{what} ({key}): lines"
        );
    }
    assert_eq!(a["state"], b["state"], "{what}: the form's state");
}

#[test]
fn a_split_standard_page_draws_its_criteria_from_the_catalogue_and_shows_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let hb = handbook(dir.path());
    let site = dir.path().join("split");
    build(None, &hb, &site);
    let whole_hb = dir.path().join("whole-hb");
    crate::common::copy_tree(&hb, &whole_hb);
    std::fs::remove_file(whole_hb.join("theme/settings.toml")).unwrap();
    let whole = dir.path().join("whole");
    build(None, &whole_hb, &whole);

    // The page holds no text the catalogue shows as printed; the rich ones it keeps.
    let cat: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.join("catalog.json")).unwrap()).unwrap();
    let page = std::fs::read_to_string(site.join("vleresim/S3.html")).unwrap();
    let file = std::fs::read_to_string(site.join("vleresim/catalog/S3.js")).unwrap();
    let mut texts = 0;
    for c in cat["standards"][2]["criteria"].as_array().unwrap() {
        let items = std::iter::once(c)
            .chain(c["evidence"].as_array().unwrap())
            .chain(c["guidance"].as_array().unwrap());
        for x in items {
            let id = x["id"].as_str().unwrap();
            let plain = doracak::markdown::to_plain(x["text"].as_str().unwrap());
            let head: String = plain.chars().take_while(|&c| c != '\n').take(40).collect();
            assert!(file.contains(&head), "{id}: in catalog/S3.js");
            let rich = id == "S3.2" || id == "S3.3";
            assert_eq!(
                page.contains(&format!("data-drawn-html=\"{id}\"")),
                rich,
                "{id}: only a text the catalogue cannot show as printed is in the page"
            );
            assert!(rich || !page.contains(&head), "{id}: not in the page");
            texts += 1;
        }
    }
    assert!(texts > 20, "{texts}");
    assert!(!page.contains("data-criterion="), "no criterion written");
    let size = |site: &Path| {
        std::fs::metadata(site.join("vleresim/S3.html"))
            .unwrap()
            .len()
    };
    println!(
        "vleresim/S3.html: {} bytes split, {} whole",
        size(&site),
        size(&whole)
    );
    // Without JavaScript: it says so and links its standard's page.
    let noscript = page
        .split("<noscript>")
        .nth(1)
        .and_then(|s| s.split("</noscript>").next())
        .unwrap()
        .replace("&#x2f;", "/");
    assert!(
        noscript.contains("kërkon JavaScript")
            && noscript.contains("<a href=\"../S3.html\">Standardi 3</a>"),
        "{noscript}"
    );

    let Some(browser) =
        browser("a_split_standard_page_draws_its_criteria_from_the_catalogue_and_shows_the_same")
    else {
        return;
    };
    // One assessment, kept in the browser: file:// pages share it, so the whole build's
    // page shows the same assessment as the split one.
    new_assessment(
        &browser,
        &site.join("vleresim/index.html"),
        "Qendra Z — 2026",
    );
    let split_url = file_url(&site.join("vleresim/S3.html"));
    let whole_url = file_url(&whole.join("vleresim/S3.html"));
    let tab = open(&browser, &split_url);
    let before = shown(&tab);
    let w = open(&browser, &whole_url);
    assert_eq!(
        shown(&w),
        before,
        "the same text, in the same order, as the whole page"
    );
    assert!(
        before["open"].as_str().unwrap().contains("ushqim tri herë"),
        "the rich text, from the page"
    );

    // Rate, note and evidence on the split page: kept, and shown the same on both.
    eval(
        &tab,
        "document.querySelector('input[name=\"r-S3.4\"][value=met]').click()",
    );
    eval(
        &tab,
        "(() => { const t = document.querySelector('[id=\"S3.4\"] textarea[data-field=note]'); t.value = 'Shënim për 3.4'; t.dispatchEvent(new Event('input', { bubbles: true })); })()",
    );
    eval(
        &tab,
        "document.querySelector('input[name=\"ev-S3.1.1\"][value=partial]').click()",
    );
    wait_stored(&tab, "Shënim për 3.4", "the note kept");
    wait_stored(&tab, "partial", "the evidence status kept");
    // Opened again: restored, and the whole page shows the same.
    let tab = open(&browser, &split_url);
    let rated = shown(&tab);
    assert_ne!(rated, before);
    let state = rated["state"].as_array().unwrap();
    for (id, field, value) in [
        ("S3.4", "rating", "met:true"),
        ("S3.4", "note", "Shënim për 3.4"),
        ("S3.1", "status", "partial:true"),
    ] {
        assert!(
            state
                .iter()
                .any(|s| s[0] == id && s[2] == field && s[3] == value),
            "{id} {field} restored: {value}"
        );
    }
    let w = open(&browser, &whole_url);
    same(&shown(&w), &rated, "the whole page shows the same");

    // The print: the same words on the same sheets.
    let sheets = |tab: &Tab| {
        crate::common::pdf::words(&print_tab(tab))
            .expect("pdftotext is needed (apt-get install poppler-utils)")
            .into_iter()
            .map(|(page, _, _, word)| (page, word))
            .collect::<Vec<_>>()
    };
    assert_eq!(sheets(&tab), sheets(&w), "printed the same");

    // A link to a criterion lands on it, where the whole page's lands.
    let landed = |url: &str| {
        let t = open(&browser, &format!("{url}#S3.6"));
        ready(&t);
        eval(
            &t,
            "[document.querySelector(':target') && document.querySelector(':target').id, Math.round(document.getElementById('S3.6').getBoundingClientRect().top), window.scrollY > 0]",
        )
    };
    let there = landed(&split_url);
    assert_eq!(there[0], "S3.6", "{there}");
    assert_eq!(there[2], true, "{there}");
    assert_eq!(there, landed(&whole_url), "where the whole page lands");

    // Nu Html Checker on the page as written, and axe on the page as drawn.
    if let Some(jar) = crate::html_valid::vnu_jar() {
        let only = dir.path().join("vnu");
        std::fs::create_dir_all(&only).unwrap();
        std::fs::copy(site.join("vleresim/S3.html"), only.join("S3.html")).unwrap();
        let errs = crate::html_valid::errors(&jar, &[&only]);
        assert!(errs.is_empty(), "{}", errs.join("\n"));
    }
    if let Some(axe) = crate::a11y::axe_source() {
        let t = open(&browser, &split_url);
        ready(&t);
        t.evaluate(&axe, false).expect("axe loads");
        let bad = eval(
            &t,
            "axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ' ' + v.nodes[0].target.join(' ')))",
        );
        assert_eq!(bad, serde_json::json!([]), "axe on the drawn page");
    }

    // Without JavaScript the page says why it is empty and links its standard's page.
    let t = browser.new_tab().unwrap();
    t.call_method(Emulation::SetScriptExecutionDisabled { value: true })
        .unwrap();
    t.navigate_to(&split_url).unwrap();
    t.wait_until_navigated().unwrap();
    let said = t
        .wait_for_element("main")
        .unwrap()
        .get_inner_text()
        .unwrap();
    assert!(
        said.contains("kjo faqe nuk tregon kriteret") && said.contains("Standardi 3"),
        "{said}"
    );
    let link = t
        .wait_for_element("main .notice a[href$='S3.html']")
        .unwrap()
        .get_attributes()
        .unwrap()
        .unwrap_or_default();
    assert!(link.iter().any(|a| a.ends_with("S3.html")), "{link:?}");
}
