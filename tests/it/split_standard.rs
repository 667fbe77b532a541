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
    for (j, c) in cat["standards"][2]["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
    {
        // Kept by place, never by id (adversary 51b MED-1): `c2`, `c2e1`, `c2g1`.
        let at = format!("c{}", j + 1);
        let place = |kind: &str, list: &str| {
            c[list]
                .as_array()
                .unwrap()
                .iter()
                .enumerate()
                .map(|(k, x)| (x, format!("{at}{kind}{}", k + 1)))
                .collect::<Vec<_>>()
        };
        let items = std::iter::once((c, at.clone()))
            .chain(place("e", "evidence"))
            .chain(place("g", "guidance"));
        for (x, key) in items {
            let id = x["id"].as_str().unwrap();
            let plain = doracak::markdown::to_plain(x["text"].as_str().unwrap());
            let head: String = plain.chars().take_while(|&c| c != '\n').take(40).collect();
            assert!(file.contains(&head), "{id}: in catalog/S3.js");
            let rich = id == "S3.2" || id == "S3.3";
            assert_eq!(
                page.contains(&format!("data-drawn-html=\"{key}\"")),
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

/// Adversary 51b (HIGH-1, MED-1, MED-2, LOW-1, LOW-2): the page draws its texts from its own
/// standard's file as this build wrote it, or nothing. A kept text lands at its place (a
/// rich guidance note after a plain one, a rich evidence item); a catalogue file missing,
/// cut short, filling another standard, written in the older form without guidance, or
/// short of a criterion, or a catalogue that cannot fill it (an older `catalog.js`), draws
/// no criterion and shows the line that links the standard's page.
#[test]
fn a_split_standard_page_draws_only_from_its_own_catalogue_file() {
    let dir = tempfile::tempdir().unwrap();
    let hb = handbook(dir.path());
    let file = hb.join("standards/0003-standardi-3.yaml");
    let yaml = std::fs::read_to_string(&file).unwrap();
    let yaml = yaml
        .replacen(
            "\n    roles: [psikologu]\n  - number: 3\n",
            "\n      - number: \"2.2\"\n        text: Udhëzim **i theksuar** me numër.\n    roles: [psikologu]\n  - number: 3\n",
            1,
        )
        .replacen("Për personat nën 18 vjeç", "Për personat **nën 18** vjeç", 1);
    assert!(yaml.contains("i theksuar") && yaml.contains("**nën 18**"));
    std::fs::write(&file, yaml).unwrap();
    let site = dir.path().join("split");
    build(None, &hb, &site);
    let page = std::fs::read_to_string(site.join("vleresim/S3.html")).unwrap();
    for key in ["c1e2", "c2g2"] {
        assert!(
            page.contains(&format!("data-drawn-html=\"{key}\"")),
            "{key} kept by place"
        );
    }
    assert!(page.contains("data-drawn-mark=\""), "the page's mark");

    let Some(browser) = browser("a_split_standard_page_draws_only_from_its_own_catalogue_file")
    else {
        return;
    };
    new_assessment(
        &browser,
        &site.join("vleresim/index.html"),
        "Qendra Z — 2026",
    );
    let url = file_url(&site.join("vleresim/S3.html"));
    let t = open(&browser, &url);
    ready(&t);
    assert_eq!(
        eval(
            &t,
            "[[...document.querySelectorAll('[id=\"S3.2\"] .guidance')].map(g => [...g.querySelectorAll('strong')].map(s => s.textContent).join()), [...document.getElementById('S3.1.2').querySelectorAll('strong')].map(s => s.textContent), document.querySelector('[data-drawn-failed]').hidden]"
        ),
        serde_json::json!([["", "i theksuar"], ["3.1.2", "nën 18"], true]),
        "the kept texts at their places, no failure shown"
    );
    eval(
        &t,
        "document.querySelector('input[name=\"r-S3.2\"][value=partial]').click()",
    );
    wait_stored(&t, "partial", "S3.2 rated");

    let part = site.join("vleresim/catalog/S3.js");
    let head = site.join("vleresim/catalog.js");
    let (part_js, head_js) = (
        std::fs::read_to_string(&part).unwrap(),
        std::fs::read_to_string(&head).unwrap(),
    );
    // The list the file gives standards[2], as JSON.
    let list = part_js
        .split_once("DORACAK_CATALOG_PART(2,")
        .and_then(|(_, l)| l.strip_suffix(");\n"))
        .expect("catalog/S3.js fills standards[2]");
    let list: Vec<serde_json::Value> = serde_json::from_str(list).unwrap();
    // The older form: every criterion whole, without guidance, set straight.
    let older: Vec<serde_json::Value> = list
        .iter()
        .enumerate()
        .map(|(j, c)| match c {
            serde_json::Value::Array(a) => {
                let (id, n) = (format!("S3.{}", j + 1), j + 1);
                let ev: Vec<_> = a[1]
                    .as_array()
                    .unwrap()
                    .iter()
                    .enumerate()
                    .map(|(k, t)| serde_json::json!({ "id": format!("{id}.{}", k + 1), "number": format!("{n}.{}", k + 1), "text": t }))
                    .collect();
                serde_json::json!({ "evidence": ev, "id": id, "number": n, "text": a[0] })
            }
            other => {
                let mut o = other.clone();
                o.as_object_mut().unwrap().remove("guidance");
                o
            }
        })
        .collect();
    let mut short = list.clone();
    short.remove(1);
    let cases: Vec<(&str, Option<String>, Option<String>)> = vec![
        ("catalog/S3.js missing", None, Some(head_js.clone())),
        (
            "catalog/S3.js cut short",
            Some(part_js.chars().take(part_js.chars().count() / 2).collect()),
            Some(head_js.clone()),
        ),
        (
            "catalog/S3.js filling another standard",
            Some(part_js.replace("DORACAK_CATALOG_PART(2,", "DORACAK_CATALOG_PART(3,")),
            Some(head_js.clone()),
        ),
        (
            "catalog/S3.js of the older form, no guidance",
            Some(format!(
                "window.DORACAK_CATALOG.standards[2].criteria = {};\n",
                serde_json::Value::Array(older)
            )),
            Some(head_js.clone()),
        ),
        (
            "catalog/S3.js short of its second criterion",
            Some(format!(
                "DORACAK_CATALOG_PART(2,{});\n",
                serde_json::Value::Array(short)
            )),
            Some(head_js.clone()),
        ),
        (
            "an older catalog.js, without DORACAK_CATALOG_PART",
            Some(part_js.clone()),
            Some(head_js.replace("window.DORACAK_CATALOG_PART =", "window.OLDER =")),
        ),
    ];
    for (what, p, h) in cases {
        match p {
            Some(p) => std::fs::write(&part, p).unwrap(),
            None => std::fs::remove_file(&part).unwrap(),
        }
        std::fs::write(&head, h.unwrap()).unwrap();
        let t = open(&browser, &url);
        wait_for(
            &t,
            "document.readyState === 'complete' && !document.querySelector('[data-drawn-failed]').hidden",
            what,
        );
        let seen = eval(
            &t,
            "[document.querySelectorAll('[data-criterion], .guidance, .ev-item').length, document.querySelector('[data-drawn-failed]').innerText, document.querySelector('[data-drawn-failed] a').getAttribute('href')]",
        );
        assert_eq!(seen[0], 0, "{what}: nothing drawn");
        let said = seen[1].as_str().unwrap();
        assert!(
            said.contains("nuk mund të lexoheshin")
                && said.contains("vleresim/catalog/S3.js")
                && said.contains("Standardi 3"),
            "{what}: {said}"
        );
        assert_eq!(seen[2], "../S3.html", "{what}: the standard's page");
    }
    // The files as built again: drawn, the rating where it was given.
    std::fs::write(&part, &part_js).unwrap();
    std::fs::write(&head, &head_js).unwrap();
    let t = open(&browser, &url);
    ready(&t);
    assert_eq!(
        eval(
            &t,
            "[document.querySelector('[data-drawn-failed]').hidden, document.querySelector('input[name=\"r-S3.2\"][value=partial]').checked]"
        ),
        serde_json::json!([true, true])
    );
}
