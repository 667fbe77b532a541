//! Printed forms (`content/forms/ID.yaml`): the fixture with every field kind loads into
//! the catalogue, renders as a page with every field labelled, and the shipped handbook's
//! forms are all there.

mod common;

use common::*;

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
    assert_eq!(form["code"], "E-9");
    let t = &form["template"];
    assert_eq!(t["pages"], 2);
    assert_eq!(t["serial"], "Nr. Serik:");
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
    assert_eq!(choice["other"], "tjetër");
    let tables: Vec<_> = fields.iter().filter(|f| f["kind"] == "table").collect();
    assert_eq!(
        tables[0]["rows"],
        serde_json::json!(["Objektivi 1", "", "Objektivi 2"])
    );
    assert_eq!(tables[0]["columns"][2]["kind"], "period");
    assert_eq!(tables[1]["rows"].as_array().unwrap().len(), 2);
    let sig = fields.iter().find(|f| f["kind"] == "signature").unwrap();
    assert_eq!(sig["parts"].as_array().unwrap().len(), 6);
    let area = fields.iter().find(|f| f["kind"] == "textarea").unwrap();
    assert_eq!(area["lines"], 4);
}
