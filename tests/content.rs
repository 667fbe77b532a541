//! The shipped content is complete: what the printed originals hold, counted.

mod common;

use std::collections::HashSet;

use common::*;
use serde_json::Value;

fn catalog() -> Value {
    serde_json::from_str(&read(&shipped_site().join("site/catalog.json"))).unwrap()
}

#[test]
fn ten_standards_66_criteria_81_evidence_items() {
    let cat = catalog();
    let standards = cat["standards"].as_array().unwrap();
    assert_eq!(standards.len(), 10);
    let numbers: Vec<u64> = standards
        .iter()
        .map(|s| s["number"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, (1..=10).collect::<Vec<_>>());
    let criteria: Vec<&Value> = standards
        .iter()
        .flat_map(|s| s["criteria"].as_array().unwrap())
        .collect();
    assert_eq!(criteria.len(), 66);
    let evidence: usize = criteria
        .iter()
        .map(|c| c["evidence"].as_array().unwrap().len())
        .sum();
    assert_eq!(evidence, 81);
    for c in &criteria {
        let n = c["evidence"].as_array().unwrap().len();
        if c["id"] == "S8.1" {
            assert_eq!(n, 0, "S8.1 has a guidance note but no evidence");
            assert!(
                !c["guidance"].as_array().unwrap().is_empty(),
                "S8.1 has its guidance note"
            );
        } else {
            assert!(n >= 1, "{} has at least one evidence item", c["id"]);
        }
    }
    for s in standards {
        for key in ["title", "outcome", "statement"] {
            assert!(
                s[key].as_str().is_some_and(|t| t.trim().len() > 10),
                "{} has its {key}",
                s["id"]
            );
        }
    }
}

#[test]
fn the_standards_set_their_deadlines() {
    let cat = catalog();
    let timings: Vec<&Value> = cat["standards"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["criteria"].as_array().unwrap())
        .flat_map(|c| c["timing"].as_array().unwrap())
        .collect();
    let isos: HashSet<&str> = timings.iter().map(|t| t["iso"].as_str().unwrap()).collect();
    // The needs assessment within 2 weeks; monthly review; records kept 5 years; two-year plan.
    for iso in ["P14D", "P1M", "P5Y", "P2Y"] {
        assert!(isos.contains(iso), "a standard sets {iso}: {isos:?}");
    }
    assert!(
        timings.len() >= 10,
        "{} timings in the standards",
        timings.len()
    );
}

#[test]
fn procedures_roles_forms_and_the_deadlines_register() {
    let cat = catalog();
    let procs = cat["procedures"].as_array().unwrap();
    let psv: Vec<&Value> = procs.iter().filter(|p| p["collection"] == "psv").collect();
    assert_eq!(psv.len(), 7, "the 7 SOP phases");
    for p in &psv {
        assert!(
            !p["steps"].as_array().unwrap().is_empty(),
            "{} has steps",
            p["id"]
        );
    }
    let cm = procs
        .iter()
        .find(|p| p["collection"] == "menaxhimi-rastit")
        .expect("the case-management procedure");
    let steps: Vec<&str> = cm["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["number"].as_str().unwrap())
        .collect();
    for n in ["0", "1", "2", "3", "4", "5", "6", "7"] {
        assert!(steps.contains(&n), "case-management step {n}: {steps:?}");
    }
    let jobs = cat["roles"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == "job")
        .count();
    assert_eq!(jobs, 4, "the 4 job descriptions");
    let forms: HashSet<&str> = cat["forms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    let sop_forms = [
        "A1", "A2", "A3", "A4", "A5", "B1", "B2", "B3", "VKP", "C1", "C2", "C3", "C4", "C5", "D1",
        "D2", "E1", "E2", "E3", "E4", "E5",
    ];
    assert_eq!(sop_forms.len(), 21);
    for f in sop_forms {
        assert!(forms.contains(f), "form {f}");
    }
    let deadlines = cat["deadlines"].as_array().unwrap();
    assert!(
        deadlines.len() >= 25,
        "{} timed items in the deadlines register",
        deadlines.len()
    );
    assert!(cat["glossary"]["abbreviations"].as_array().unwrap().len() >= 40);
    assert!(
        !cat["glossary"]["definitions"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert!(cat["indicators"]["groups"].as_array().unwrap().len() >= 3);
    assert!(!cat["plans"].as_array().unwrap().is_empty());
}

#[test]
fn every_role_page_says_where_the_role_acts_and_every_form_page_who_uses_it() {
    let site = shipped_site().join("site");
    let cat = catalog();
    for r in cat["roles"].as_array().unwrap() {
        let html = read(&site.join(format!("roli/{}.html", r["id"].as_str().unwrap())));
        assert!(html.contains("Ku vepron ky rol"), "{}", r["id"]);
        for place in r["acts_in"].as_array().unwrap() {
            assert!(
                html.contains(&format!("#{}\"", place.as_str().unwrap())),
                "{} links {}",
                r["id"],
                place
            );
        }
    }
    let forms = read(&site.join("formularet.html"));
    for f in cat["forms"].as_array().unwrap() {
        assert!(forms.contains(&format!("id=\"{}\"", f["id"].as_str().unwrap())));
        for step in f["used_by"].as_array().unwrap() {
            assert!(
                forms.contains(&format!("#{}\"", step.as_str().unwrap())),
                "{} lists {}",
                f["id"],
                step
            );
        }
    }
}
