//! The audit form as a KoboToolbox designer would make it: one `field-list` page per
//! standard, evidence and notes asked only where the criterion is rated and applicable, the
//! date not in the future, notes over several lines, an instance name, the visit's
//! metadata, full numbers, lists kept as lines, guidance on request, language-neutral list
//! names, labels in `label::Language (code)` columns, the centres of doracak.toml as a list
//! and the location off unless asked for.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use calamine::{Data, Reader};

use crate::common::python::python_with;
use crate::common::*;

const FORM: &str = "auditim/formulari-auditimit.xlsx";
const LABEL: &str = "label::Shqip (sq)";

fn records(path: &Path, sheet: &str) -> Vec<HashMap<String, String>> {
    let mut book = calamine::open_workbook_auto(path).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::String(s) => s.clone(),
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect();
    rows[1..]
        .iter()
        .map(|r| {
            rows[0]
                .iter()
                .cloned()
                .zip(r.iter().cloned().chain(std::iter::repeat(String::new())))
                .collect()
        })
        .collect()
}

fn by_name(survey: &[HashMap<String, String>]) -> HashMap<String, HashMap<String, String>> {
    survey
        .iter()
        .filter(|r| !r["name"].is_empty())
        .map(|r| (r["name"].clone(), r.clone()))
        .collect()
}

/// The minimal handbook with centres declared, a form id and the location on.
fn with_centres() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = minimal_copy();
    let toml = dir.path().join("doracak.toml");
    let text = format!(
        "{}\n[form]\nid = \"audit_2026\"\ngps = true\n\n[[centres]]\nid = \"tirana-1\"\nname = \"Qendra Tiranë 1\"\nmunicipality = \"Tiranë\"\nkind = \"shelter\"\n\n[[centres]]\nid = \"vatra\"\nname = \"Qendra Vatra, Vlorë\"\n",
        read(&toml)
    );
    std::fs::write(&toml, text).unwrap();
    let out = dir.path().join("site");
    build_ok(dir.path(), &out);
    (dir, out.join(FORM))
}

#[test]
fn one_field_list_page_per_standard_and_the_visit_metadata() {
    let form = shipped_site().join("site").join(FORM);
    let survey = records(&form, "survey");
    let groups: Vec<&HashMap<String, String>> = survey
        .iter()
        .filter(|r| r["type"] == "begin_group")
        .collect();
    assert_eq!(groups.len(), 11, "the visit and ten standards");
    assert!(groups.iter().all(|g| g["appearance"] == "field-list"));
    assert_eq!(groups[0]["name"], "visit");
    let q = by_name(&survey);
    for meta in ["start", "end", "deviceid"] {
        assert_eq!(q[meta]["type"], meta);
    }
    assert!(
        !survey.iter().any(|r| r["type"] == "geopoint"),
        "no location by default"
    );
    let settings = &records(&form, "settings")[0];
    assert_eq!(
        settings["instance_name"],
        "concat(${centre_name}, ' — ', ${date})"
    );
    assert_eq!(settings["default_language"], "Shqip (sq)");
    assert_eq!(settings["form_id"], "doracak_audit");
    assert_eq!(q["centre_name"]["calculation"], "${centre}");
}

#[test]
fn evidence_and_notes_only_where_the_criterion_is_rated_and_applicable() {
    let form = shipped_site().join("site").join(FORM);
    let survey = records(&form, "survey");
    let q = by_name(&survey);
    let want = "${S2_2} != '' and ${S2_2} != 'na'";
    assert_eq!(q["S2_2_1"]["relevant"], want);
    assert_eq!(q["S2_2_note"]["relevant"], want);
    assert_eq!(
        q["S2_2"]["relevant"], "",
        "the rating itself is always asked"
    );
    assert_eq!(q["S2_2_note"]["appearance"], "multiline");
    assert!(
        q["S2_2_1"][LABEL].starts_with("2.2.1 "),
        "{}",
        q["S2_2_1"][LABEL]
    );
    let date = &q["date"];
    assert_eq!(date["constraint"], ". <= today()");
    assert_eq!(
        date["constraint_message::Shqip (sq)"],
        "Data e vizitës nuk mund të jetë në të ardhmen."
    );
    // Lists stay lists, nested ones indented.
    let guidance = &q["S1_5"][LABEL];
    assert!(
        guidance.contains("1. Qendra Pritëse\n2. Strehëza:\n  - Qendra riintegruese afatgjatë;\n"),
        "{guidance}"
    );
    // Guidance on request, a short hint in its place.
    let longest = survey
        .iter()
        .map(|r| r["hint::Shqip (sq)"].chars().count())
        .max()
        .unwrap();
    assert!(longest < 100, "hints are short: {longest}");
    assert!(q["S1_1"]["guidance_hint::Shqip (sq)"].len() > 100);
    assert!(
        q["S1_4"]["guidance_hint::Shqip (sq)"].starts_with("1.4.1 "),
        "guidance numbered in full"
    );
    // No Albanian names in the form's structure.
    let lists: std::collections::BTreeSet<String> = records(&form, "choices")
        .iter()
        .map(|c| c["list_name"].clone())
        .collect();
    assert_eq!(lists.into_iter().collect::<Vec<_>>(), ["rating", "yes_no"]);
}

#[test]
fn declared_centres_are_a_list_with_other_and_the_location_is_opt_in() {
    let (_dir, form) = with_centres();
    let survey = records(&form, "survey");
    let q = by_name(&survey);
    assert_eq!(q["centre"]["type"], "select_one centres");
    assert_eq!(q["centre_other"]["relevant"], "${centre} = 'other'");
    assert_eq!(q["location"]["type"], "geopoint");
    let centres: Vec<(String, String)> = records(&form, "choices")
        .iter()
        .filter(|c| c["list_name"] == "centres")
        .map(|c| (c["name"].clone(), c[LABEL].clone()))
        .collect();
    assert_eq!(
        centres,
        [
            ("tirana-1", "Qendra Tiranë 1"),
            ("vatra", "Qendra Vatra, Vlorë"),
            ("other", "Tjetër")
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    assert_eq!(records(&form, "settings")[0]["form_id"], "audit_2026");
}

#[test]
fn pyxform_converts_the_form_with_centres_and_location_without_warnings() {
    let Some(python) = python_with(
        "pyxform",
        "pyxform_converts_the_form_with_centres_and_location_without_warnings",
    ) else {
        return;
    };
    let (dir, form) = with_centres();
    let xml = dir.path().join("form.xml");
    let o = Command::new(&python)
        .args(["-m", "pyxform.xls2xform", "--json"])
        .arg(&form)
        .arg(&xml)
        .output()
        .unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    eprintln!("pyxform: {said}");
    assert!(
        said.contains("{\"code\": 100, \"message\": \"Ok!\", \"warnings\": []}"),
        "{said}"
    );
    let xml = read(&xml);
    assert!(
        xml.contains("jr:choice-name"),
        "the instance name shows the centre's name"
    );
    assert!(xml.contains("appearance=\"field-list\""));
}

#[test]
fn a_centre_chosen_from_the_list_or_typed_as_other_imports_by_identity() {
    let (dir, _) = with_centres();
    let csv = dir.path().join("export.csv");
    std::fs::write(
        &csv,
        "visit/centre,visit/centre_other,visit/date,visit/inspector,S1/S1_1,_uuid\r\n\
         vatra,,2026-11-02,Arta Hoxha,met,a1\r\n\
         other,Qendra e Re,2026-11-03,Arta Hoxha,met,a2\r\n\
         Tjetër,qendra  e re,2026-11-04,Arta Hoxha,met,a3\r\n",
    )
    .unwrap();
    let out = dir.path().join("visits");
    let o = doracak(&[
        "--root",
        dir.path().to_str().unwrap(),
        "import-submissions",
        csv.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "qendra-e-re-2026-11-03--a2.json",
            "qendra-e-re-2026-11-04--a3.json",
            "vatra-2026-11-02--a1.json"
        ]
    );
    assert!(
        said.contains("centre \"Qendra e Re\": also written \"qendra  e re\""),
        "{said}"
    );
    let v: serde_json::Value =
        serde_json::from_str(&read(&out.join("vatra-2026-11-02--a1.json"))).unwrap();
    assert_eq!(v["assessment"]["centre"], "Qendra Vatra, Vlorë");
}
