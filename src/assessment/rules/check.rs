//! An assessment file's fields checked one by one and normalised into an
//! [`AssessmentFile`]: its metadata, handbook, ratings, evidence and plan.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::json::trim;
use super::{Checked, Checker, MAX_NAME, MAX_TEXT, kind};
use crate::assessment::{
    AssessmentFile, EVIDENCE_STATUS, EvidenceEntry, HandbookRef, Meta, PlanEntry, RatingEntry,
    SCHEMA, VERSION,
};
use crate::pipeline::model::Handbook;

pub(super) fn check(top: &Map<String, Value>, hb: &Handbook, out: &mut Checked) -> AssessmentFile {
    let mut c = Checker { out };
    c.known(
        top,
        &[
            "schema",
            "version",
            "handbook",
            "assessment",
            "ratings",
            "evidence",
            "plan",
            "set_aside",
        ],
        "the file",
    );
    let mut file = AssessmentFile {
        schema: SCHEMA.into(),
        version: VERSION,
        ..Default::default()
    };
    if let Some(h) = c.object(top.get("handbook"), "handbook") {
        c.known(h, &["title", "catalog", "edition"], "handbook");
        file.handbook = HandbookRef {
            title: c.text(h, "title", MAX_TEXT, "handbook"),
            catalog: c.text(h, "catalog", MAX_TEXT, "handbook"),
            edition: c.text(h, "edition", MAX_TEXT, "handbook"),
        };
    }
    match c.object(top.get("assessment"), "assessment") {
        Some(a) => {
            c.known(a, &["name", "centre", "created", "updated"], "assessment");
            let name = c.text(a, "name", MAX_NAME, "assessment");
            if trim(&name).is_empty()
                && matches!(a.get("name"), None | Some(Value::Null | Value::String(_)))
            {
                c.out
                    .problem("name", "expected the assessment's name, found none".into());
            }
            file.assessment = Meta {
                name,
                centre: c.text(a, "centre", MAX_NAME, "assessment"),
                created: c.date(a, "created", true, "assessment"),
                updated: c.date(a, "updated", true, "assessment"),
            };
        }
        None if matches!(top.get("assessment"), None | Some(Value::Null)) => {
            c.out
                .problem("name", "expected the assessment's name, found none".into());
        }
        None => {}
    }

    let scale: Vec<&str> = hb.config.scale.iter().map(|r| r.code.as_str()).collect();
    let criteria: HashSet<&str> = hb
        .standards
        .iter()
        .flat_map(|s| &s.criteria)
        .map(|c| c.id.as_str())
        .collect();
    let evidence: HashSet<&str> = hb
        .standards
        .iter()
        .flat_map(|s| &s.criteria)
        .flat_map(|c| &c.evidence)
        .map(|e| e.id.as_str())
        .collect();

    if let Some(ratings) = c.object(top.get("ratings"), "ratings") {
        for (id, v) in ratings {
            let what = format!("criterion {id}");
            c.id(id, &what);
            let Some(r) = c.object(Some(v), &what) else {
                if v.is_null() {
                    c.out
                        .problem("type", format!("{what}: expected an object, found null"));
                }
                continue;
            };
            c.known(r, &["rating", "note"], &what);
            let entry = RatingEntry {
                rating: c.code(r, "rating", &scale, "rating", &what),
                note: c.text(r, "note", MAX_TEXT, &what),
            };
            if !criteria.contains(id.as_str()) {
                c.out.note_said(
                    "unknown-id",
                    format!(
                        "the handbook has no criterion {id}; its rating is kept but not scored"
                    ),
                    "rule_unknown_criterion",
                    vec![("id", id.clone())],
                );
            }
            file.ratings.insert(id.clone(), entry);
        }
    }
    if let Some(ev) = c.object(top.get("evidence"), "evidence") {
        for (id, v) in ev {
            let what = format!("evidence {id}");
            c.id(id, &what);
            let Some(e) = c.object(Some(v), &what) else {
                if v.is_null() {
                    c.out
                        .problem("type", format!("{what}: expected an object, found null"));
                }
                continue;
            };
            c.known(
                e,
                &["status", "location", "owner", "reviewed", "next_review"],
                &what,
            );
            let entry = EvidenceEntry {
                status: c.code(e, "status", &EVIDENCE_STATUS, "status", &what),
                location: c.text(e, "location", MAX_TEXT, &what),
                owner: c.text(e, "owner", MAX_TEXT, &what),
                reviewed: c.date(e, "reviewed", false, &what),
                next_review: c.date(e, "next_review", false, &what),
            };
            if !evidence.contains(id.as_str()) {
                c.out.note_said(
                    "unknown-id",
                    format!("the handbook has no evidence item {id}; its entry is kept"),
                    "rule_unknown_evidence",
                    vec![("id", id.clone())],
                );
            }
            file.evidence.insert(id.clone(), entry);
        }
    }
    match top.get("plan") {
        None | Some(Value::Null) => {}
        Some(Value::Array(rows)) => {
            let mut seen = HashSet::new();
            for (i, v) in rows.iter().enumerate() {
                let what = format!("plan row {}", i + 1);
                let Value::Object(p) = v else {
                    c.out.problem(
                        "type",
                        format!("{what}: expected an object, found {}", kind(v)),
                    );
                    continue;
                };
                c.known(
                    p,
                    &["criterion", "action", "owner", "due", "indicator", "cost"],
                    &what,
                );
                let criterion = match p.get("criterion") {
                    Some(Value::String(s)) => {
                        c.id(s, &what);
                        s.clone()
                    }
                    other => {
                        let found = other.map_or("none", kind);
                        c.out.problem(
                            "type",
                            format!("{what}: expected the criterion's id as text, found {found}"),
                        );
                        String::new()
                    }
                };
                if !criterion.is_empty() && !seen.insert(criterion.clone()) {
                    c.out.problem(
                        "duplicate-plan",
                        format!(
                            "{what}: expected one plan row per criterion, found {criterion} again"
                        ),
                    );
                }
                if !criterion.is_empty() && !criteria.contains(criterion.as_str()) {
                    c.out.note_said(
                        "unknown-id",
                        format!("{what}: the handbook has no criterion {criterion}"),
                        "rule_unknown_plan_criterion",
                        vec![("n", (i + 1).to_string()), ("id", criterion.clone())],
                    );
                }
                file.plan.push(PlanEntry {
                    action: c.text(p, "action", MAX_TEXT, &what),
                    owner: c.text(p, "owner", MAX_TEXT, &what),
                    due: c.date(p, "due", false, &what),
                    indicator: c.text(p, "indicator", MAX_TEXT, &what),
                    cost: c.text(p, "cost", MAX_TEXT, &what),
                    criterion,
                });
            }
        }
        Some(other) => {
            c.out.problem(
                "type",
                format!("plan: expected a list, found {}", kind(other)),
            );
        }
    }
    // Entries of a previous edition that map to nothing in this one (written by carrying a
    // file over): kept as they are, never scored.
    match top.get("set_aside") {
        None | Some(Value::Null) => {}
        Some(v) => match serde_json::from_value::<crate::assessment::SetAside>(v.clone()) {
            Ok(s) => file.set_aside = s,
            Err(e) => c.out.problem(
                "type",
                format!("set_aside: expected the entries of a previous edition (ratings, evidence, plan), found {e}"),
            ),
        },
    }
    file
}
