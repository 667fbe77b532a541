//! The OSCAL catalogue, stable and namespaced: the same content gives the same bytes
//! whatever the files' times; doracak's properties carry its namespace; control titles are
//! the criterion's words; the source documents are back-matter; each control links to its
//! page; evidence carries its full number.

use std::collections::HashSet;
use std::path::Path;
use std::time::{Duration, SystemTime};

use serde_json::Value;

use crate::common::*;

const OSCAL: &str = "oscal/catalog.json";
const NS: &str = "https://doracak.invalid/ns/oscal";

fn catalog(site: &Path) -> Value {
    serde_json::from_str(&read(&site.join(OSCAL))).unwrap()
}

/// Every `props` array anywhere in a JSON value.
fn all_props(v: &Value, out: &mut Vec<Value>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if k == "props" {
                    out.extend(x.as_array().unwrap().iter().cloned());
                }
                all_props(x, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| all_props(x, out)),
        _ => {}
    }
}

#[test]
fn two_copies_of_one_handbook_give_identical_bytes() {
    let a = minimal_copy();
    let b = minimal_copy();
    // The second copy's files carry other times, as a fresh checkout's do.
    for entry in walkdir::WalkDir::new(b.path()).into_iter().flatten() {
        if entry.file_type().is_file() {
            let f = std::fs::File::options()
                .append(true)
                .open(entry.path())
                .unwrap();
            f.set_modified(SystemTime::now() - Duration::from_secs(86_400 * 400))
                .unwrap();
        }
    }
    build_ok(a.path(), &a.path().join("site"));
    build_ok(b.path(), &b.path().join("site"));
    let (x, y) = (
        std::fs::read(a.path().join("site").join(OSCAL)).unwrap(),
        std::fs::read(b.path().join("site").join(OSCAL)).unwrap(),
    );
    assert!(x == y, "the same content gives the same bytes");
    let meta = &catalog(&a.path().join("site"))["catalog"]["metadata"];
    assert_eq!(
        meta["last-modified"], "1970-01-01T00:00:00Z",
        "no date in the content"
    );
}

#[test]
fn doracak_properties_are_namespaced_and_oscal_ones_are_not() {
    let site = shipped_site().join("site");
    let mut props = Vec::new();
    all_props(&catalog(&site), &mut props);
    let oscal: HashSet<&str> = ["label", "sort-id", "method"].into();
    let mut names = HashSet::new();
    for p in &props {
        let name = p["name"].as_str().unwrap();
        names.insert(name.to_string());
        if oscal.contains(name) {
            assert!(p.get("ns").is_none(), "{p}");
        } else {
            assert_eq!(p["ns"], NS, "{p}");
        }
    }
    for n in [
        "timing",
        "responsible-role",
        "catalog-hash",
        "source-id",
        "published",
    ] {
        assert!(names.contains(n), "{n} among {names:?}");
    }
}

#[test]
fn controls_say_what_they_are_link_their_page_and_number_evidence_in_full() {
    let site = shipped_site().join("site");
    let cat = &catalog(&site)["catalog"];
    let plain = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut titles = HashSet::new();
    for g in cat["groups"].as_array().unwrap() {
        for c in g["controls"].as_array().unwrap() {
            let title = c["title"].as_str().unwrap();
            let statement = c["parts"][0]["prose"].as_str().unwrap();
            let stem = title.trim_end_matches('…');
            assert!(plain(statement).starts_with(stem), "{title} / {statement}");
            assert!(title.chars().count() <= 81, "{title}");
            titles.insert(title.to_string());
            let link = &c["links"][0];
            assert_eq!(link["rel"], "alternate");
            let href = link["href"].as_str().unwrap();
            let (page, anchor) = href.trim_start_matches("../").split_once('#').unwrap();
            assert_eq!(anchor, c["id"]);
            let html = read(&site.join(page));
            assert!(html.contains(&format!("id=\"{anchor}\"")), "{href}");
        }
    }
    assert!(titles.len() > 60, "titles tell controls apart");
    let s2 = &cat["groups"][1]["controls"][1];
    let objects = s2["parts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "assessment-method")
        .unwrap();
    assert_eq!(objects["parts"][0]["props"][0]["value"], "2.2.1");
}

#[test]
fn the_source_documents_are_back_matter_and_date_the_catalogue() {
    let site = shipped_site().join("site");
    let cat = &catalog(&site)["catalog"];
    let resources = cat["back-matter"]["resources"].as_array().unwrap();
    assert_eq!(resources.len(), 2);
    assert!(
        resources[0]["title"]
            .as_str()
            .unwrap()
            .starts_with("Standartet për shërbimet e përkujdesit shoqëror")
    );
    let links: Vec<&str> = cat["metadata"]["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["href"].as_str().unwrap())
        .collect();
    for r in resources {
        assert!(links.contains(&format!("#{}", r["uuid"].as_str().unwrap()).as_str()));
    }
    // No `modified` in doracak.toml: the newest publication date of the sources.
    assert_eq!(cat["metadata"]["last-modified"], "2025-12-19T00:00:00Z");
}
