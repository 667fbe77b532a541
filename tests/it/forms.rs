//! Printed forms (`content/forms/ID.yaml`): the fixture with every field kind loads into
//! the catalogue, renders as a page with every field labelled, and the shipped handbook's
//! forms are all there.

use crate::common::*;

/// The minimal handbook with the every-kind form laid over it, built.
fn forms_site() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = minimal_copy();
    copy_tree(&fixtures().join("forms"), dir.path());
    let out = dir.path().join("site");
    build_ok(dir.path(), &out);
    (dir, out)
}

#[test]
fn every_field_kind_loads_into_the_catalogue() {
    let (_dir, site) = forms_site();
    let cat: serde_json::Value = serde_json::from_str(&read(&site.join("catalog.json"))).unwrap();
    let form = cat["forms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "A1")
        .expect("form A1");
    assert_eq!(form["printed_code"], "E-9");
    let t = &form["template"];
    assert_eq!(t["pages"], 2);
    assert_eq!(t["serial"], "Nr. Serik:");
    assert_eq!(t["serial_instruction"], "[F1]");
    assert_eq!(
        t["page_lines"],
        serde_json::json!(["Formular E-9 (Rev.1) Faqe 1 nga 2 (printuar)"])
    );
    let fields: Vec<&serde_json::Value> = t["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["fields"].as_array().unwrap())
        .collect();
    let mut kinds: Vec<&str> = fields.iter().map(|f| f["kind"].as_str().unwrap()).collect();
    kinds.sort();
    kinds.dedup();
    assert_eq!(
        kinds,
        [
            "choice",
            "date",
            "fixed",
            "number",
            "signature",
            "table",
            "text",
            "textarea",
            "yesno"
        ]
    );
    let ids: Vec<&str> = fields.iter().map(|f| f["id"].as_str().unwrap()).collect();
    assert_eq!(ids.first(), Some(&"f1"));
    let unique: std::collections::HashSet<&&str> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "field ids are unique: {ids:?}");
    // An option with its own blank, the "other" option, a table's printed first column
    // and blank rows, a signature block's parts.
    let choice = fields.iter().find(|f| f["kind"] == "choice").unwrap();
    assert_eq!(choice["options"][2]["blank"], "Arsyeja:");
    assert_eq!(choice["options"][3]["date"], true);
    assert_eq!(choice["other"], "tjetër");
    let tables: Vec<_> = fields.iter().filter(|f| f["kind"] == "table").collect();
    // Each row: its printed label and a cell for each column after the label column.
    let labels: Vec<&str> = tables[0]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["Objektivi 1", "", "Objektivi 2"]);
    assert_eq!(
        tables[0]["rows"][1]["cells"],
        serde_json::json!(["", "", "", ""])
    );
    assert_eq!(tables[0]["columns"][2]["kind"], "period");
    assert_eq!(tables[1]["rows"].as_array().unwrap().len(), 2);
    let sig = fields.iter().find(|f| f["kind"] == "signature").unwrap();
    assert_eq!(sig["parts"].as_array().unwrap().len(), 6);
    let area = fields.iter().find(|f| f["kind"] == "textarea").unwrap();
    assert_eq!(area["lines"], 4);
}

/// Every input, textarea and choice on a form page has words a screen reader announces:
/// a `<label for>`, an `aria-label` or an `aria-labelledby` that resolves.
fn unlabelled_controls(html: &str) -> Vec<String> {
    let ids: std::collections::HashSet<String> = attr_values(html, "id").into_iter().collect();
    let labelled: std::collections::HashSet<String> =
        attr_values(html, "for").into_iter().collect();
    let mut bad = Vec::new();
    for tag in html.split('<').skip(1) {
        let name = tag.split([' ', '>']).next().unwrap_or("");
        if !matches!(name, "input" | "textarea") {
            continue;
        }
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        let attr = |a: &str| {
            let key = format!(" {a}=\"");
            tag.find(&key).map(|i| {
                let rest = &tag[i + key.len()..];
                rest[..rest.find('"').unwrap_or(rest.len())].to_string()
            })
        };
        if attr("type").as_deref() == Some("search") {
            continue;
        }
        let id = attr("id").unwrap_or_default();
        let ok = labelled.contains(&id)
            || attr("aria-label").is_some_and(|l| !l.trim().is_empty())
            || attr("aria-labelledby").is_some_and(|l| ids.contains(&l));
        if !ok {
            bad.push(format!("<{tag}>"));
        }
    }
    bad
}

#[test]
fn the_form_page_has_every_field_labelled_and_the_privacy_sentence_first() {
    let (_dir, site) = forms_site();
    let html = read(&site.join("formulari/A1.html"));
    let bad = unlabelled_controls(&html);
    assert!(bad.is_empty(), "controls without a label: {bad:#?}");
    // The sentence that nothing is stored comes before the first field.
    let privacy = html
        .find("class=\"form-privacy\"")
        .expect("the privacy sentence");
    let first = html
        .find("<input type=\"text\" id=\"serial\"")
        .expect("the first field");
    assert!(privacy < first);
    let ui = read(&repo().join("theme/locales/sq.toml"));
    assert!(
        ui.contains("form_privacy"),
        "the sentence comes from strings.toml"
    );
    // Every kind is on the page, as printed: header, tick boxes, tables, signature lines.
    for needle in [
        "FORMULARI PROVË",
        "E-9",
        // Page 1 prints its own line as the form gives it, page 2 the revision and count.
        "Formular E-9 (Rev.1) Faqe 1 nga 2 (printuar)",
        "Formular E-9 (Rev.1) Faqe 2 nga 2",
        "id=\"serial-i\">[F1]</span>",
        // An option's printed date blank is a date.
        "class=\"blank date\" inputmode=\"numeric\" placeholder=\"__ . __ . ____\" aria-label=\"takim Data:\"",
        "Puna e rrezikshme e fëmijëve",
        "type=\"radio\"",
        "type=\"checkbox\"",
        "<textarea id=\"f8\" rows=\"4\"",
        "Objektivi 2",
        "Prej:",
        "class=\"sig-line\"",
        "Vërejtje: një kopje i jipet palës",
    ] {
        assert!(html.contains(needle), "the form page has {needle}");
    }
    // The catalogue and the step link the form's page, with the printed code beside the id.
    let cat = unescape(&read(&site.join("formularet.html")));
    assert!(cat.contains("A1 (E-9)") && cat.contains("formulari/A1.html"));
    let step = unescape(&read(&site.join("procedura/identifikimi-formal.html")));
    assert!(step.contains("../formulari/A1.html") && step.contains("A1 (E-9)"));
}

#[test]
fn each_printed_page_prints_its_own_header_and_each_row_its_printed_cells() {
    let (_dir, site) = forms_site();
    let cat: serde_json::Value = serde_json::from_str(&read(&site.join("catalog.json"))).unwrap();
    let form = cat["forms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "A2")
        .expect("form A2");
    // The form's code and title are its first page's.
    assert_eq!(form["printed_code"], "E-8");
    assert_eq!(form["template"]["title"], "PLANI PROVË");
    let html = read(&site.join("formulari/A2.html"));
    let bad = unlabelled_controls(&html);
    assert!(bad.is_empty(), "controls without a label: {bad:#?}");
    // Split the page into its printed pages: each prints its own head at its top.
    let pages: Vec<&str> = html.split("<div class=\"form-page\"").skip(1).collect();
    assert_eq!(pages.len(), 2, "two printed pages");
    let head = |p: &str| p[..p.find("<section").expect("a section")].to_string();
    let (h1, h2) = (head(pages[0]), head(pages[1]));
    assert!(h1.contains("Nr. Serik:") && h1.contains("id=\"serial-i\">[F1]</span>"));
    assert!(h1.contains("placeholder=\"[KOMUNA]\"") && h1.contains("placeholder=\"[Drejtoria]\""));
    assert!(h1.contains(">PLANI PROVË</p>") && h1.contains("Formular E-8 (Rev.1) Faqe 1 nga 2"));
    assert!(!h1.contains("faqe dy") && !h1.contains("VAZHDIM"));
    // Page 2: no serial box, its one placeholder, its own title and line; nothing of page 1's.
    assert!(
        !h2.contains("Nr. Serik:"),
        "page 2 prints no serial box: {h2}"
    );
    assert!(h2.contains("[KOMUNA] faqe dy") && !h2.contains("[Drejtoria]"));
    assert!(h2.contains(">PLANI PROVË VAZHDIM</p>"));
    assert!(h2.contains("Formular E-8 (Rev.1) Faqe 2 nga 2") && !h2.contains("Faqe 1 nga 2"));
    assert!(h2.contains("E-8"));
    // Every row prints its cells' text, with a blank where the cell prints one.
    assert_eq!(
        html.matches(">Prej:</span>").count(),
        2,
        "Prej: in each row"
    );
    assert_eq!(
        html.matches(">Deri:</span>").count(),
        2,
        "Deri: in each row"
    );
    for needle in [
        "<th scope=\"row\">Objektivi 1</th>",
        "id=\"f1-r1c3-1\" class=\"blank date\"",
        "aria-label=\"Objektivi 1: Afati kohor Prej:\"",
        "id=\"f1-r2c3-2\" class=\"blank date\"",
        "aria-label=\"Objektivi 1, rreshti 2: Afati kohor Deri:\"",
        ">nga</span> <input type=\"text\" id=\"f1-r1c4-1\" class=\"blank\"",
        ">deri</span> <input type=\"text\" id=\"f1-r1c4-2\" class=\"blank\"",
        // A blank cell stays a cell to write in.
        "<textarea id=\"f1-r2c4\"",
    ] {
        assert!(html.contains(needle), "the form page has {needle}");
    }
}

#[test]
fn nothing_on_a_form_page_touches_browser_storage() {
    let (_dir, site) = forms_site();
    let js = read(&site.join("static/form-fill.js"));
    let code: String = js
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    for api in [
        "localStorage",
        "sessionStorage",
        "indexedDB",
        "document.cookie",
        "fetch(",
    ] {
        assert!(!code.contains(api), "form-fill.js uses {api}");
    }
    let html = read(&site.join("formulari/A1.html"));
    // The one <form> is the site's search box: what is typed in the form is in none.
    assert_eq!(
        html.matches("<form").count(),
        1,
        "no <form> that could submit what was typed"
    );
    assert!(!html.contains("assessment.js"));
}

#[test]
fn the_shipped_forms_are_all_encoded_linked_and_searchable() {
    let site = shipped_site().join("site");
    let cat: serde_json::Value = serde_json::from_str(&read(&site.join("catalog.json"))).unwrap();
    let forms = cat["forms"].as_array().unwrap();
    let printed: Vec<(&str, &str)> = forms
        .iter()
        .filter(|f| !f["template"].is_null())
        .map(|f| {
            (
                f["id"].as_str().unwrap(),
                f["printed_code"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        printed,
        [
            ("MR1", "E-1"),
            ("MR2", "E-2"),
            ("MR3", "E-3"),
            ("MR4", "E-4"),
            ("MR5", "E-5"),
            ("MR6", "E-6"),
            ("MR7", "E-4/1"),
            ("MR8", "E-4/2"),
            ("MR9", "E-7"),
            ("NJVNR-MR", "")
        ]
    );
    let e3 = forms.iter().find(|f| f["id"] == "MR3").unwrap();
    assert_eq!(e3["template"]["pages"], 6);
    // Every page of E-3 prints its header line as the original does, whatever the locale.
    let e3_page = read(&site.join("formulari/MR3.html"));
    for n in 1..=6 {
        let line = format!("Formular E-3 (Rev.1) Faqe {n} nga 6");
        assert!(e3_page.contains(&line), "E-3 prints {line}");
    }
    for (id, _) in &printed {
        let html = read(&site.join(format!("formulari/{id}.html")));
        let bad = unlabelled_controls(&html);
        assert!(bad.is_empty(), "{id}: controls without a label: {bad:#?}");
        // A label printed with its colon is named once, not "… të ngushtë:: 6. …".
        let doubled: Vec<&str> = html
            .split("aria-label=\"")
            .skip(1)
            .filter_map(|a| a.split('"').next())
            .filter(|a| a.contains("::"))
            .collect();
        assert!(doubled.is_empty(), "{id}: {doubled:#?}");
    }
    let catalogue = unescape(&read(&site.join("formularet.html")));
    assert!(catalogue.contains("MR3 (E-3)") && catalogue.contains("formulari/MR3.html"));
    let steps = unescape(&read(&site.join("procedura/menaxhimi-i-rastit.html")));
    for (id, code) in printed.iter().filter(|(i, _)| i.starts_with("MR")) {
        assert!(
            steps.contains(&format!("../formulari/{id}.html"))
                && steps.contains(&format!("{id} ({code})")),
            "the case-management steps link {id} ({code})"
        );
    }
    let nja = unescape(&read(&site.join("procedura/menaxhimi-i-rastit-nja.html")));
    assert!(nja.contains("../formulari/NJVNR-MR.html"));
    // "forma e referimit" reaches E-1's field.
    let o = doracak(&[
        "--root",
        repo().to_str().unwrap(),
        "search",
        "forma",
        "e",
        "referimit",
        "--json",
        "--limit",
        "3",
    ]);
    let hits: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let first = &hits.as_array().unwrap()[0];
    assert_eq!(first["url"], "formulari/MR1.html#s2", "{hits}");
}
