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
    let (criteria, evidence) = crate::assessment::criterion_and_evidence_ids(hb);

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
        Some(v) => match set_aside_shape(v)
            .and_then(|()| serde_json::from_value(v.clone()).map_err(|e| e.to_string()))
        {
            Ok(s) => file.set_aside = s,
            Err(e) => c.out.problem(
                "type",
                format!("set_aside: expected the entries of a previous edition (ratings, evidence, plan), found {e}"),
            ),
        },
    }
    file
}

/// The shape of `set_aside`, the same rule as the browser's import (`assessment-core.js`,
/// `setAsideShape`): an object of `edition` (text), `ratings` and `evidence` (objects of
/// objects) and `plan` (a list of objects naming a criterion), each entry's fields text
/// (a rating or status: text or null), nothing else at its top. Err: what was found.
fn set_aside_shape(v: &Value) -> Result<(), String> {
    let text = |o: &Map<String, Value>, k: &str, null: bool, what: &str| match o.get(k) {
        None | Some(Value::String(_)) => Ok(()),
        Some(Value::Null) if null => Ok(()),
        Some(x) => Err(format!("{what}: {k} as {}", kind(x))),
    };
    let entries = |x: Option<&Value>, name: &str, fields: &[(&str, bool)]| match x {
        None => Ok(()),
        Some(Value::Object(m)) => m.iter().try_for_each(|(id, e)| match e {
            Value::Object(o) => fields
                .iter()
                .try_for_each(|(k, null)| text(o, k, *null, &format!("{name} {id}"))),
            other => Err(format!("{name} {id} as {}", kind(other))),
        }),
        Some(other) => Err(format!("{name} as {}", kind(other))),
    };
    let Value::Object(sa) = v else {
        return Err(kind(v).to_string());
    };
    if let Some(k) = sa
        .keys()
        .find(|k| !["edition", "ratings", "evidence", "plan"].contains(&k.as_str()))
    {
        return Err(format!("the field {k:?}"));
    }
    text(sa, "edition", false, "set_aside")?;
    entries(
        sa.get("ratings"),
        "ratings",
        &[("rating", true), ("note", false)],
    )?;
    let ev = [
        ("status", true),
        ("location", false),
        ("owner", false),
        ("reviewed", false),
        ("next_review", false),
    ];
    entries(sa.get("evidence"), "evidence", &ev)?;
    match sa.get("plan") {
        None => Ok(()),
        Some(Value::Array(rows)) => rows.iter().enumerate().try_for_each(|(i, r)| {
            let what = format!("plan row {}", i + 1);
            match r {
                Value::Object(o) if matches!(o.get("criterion"), Some(Value::String(_))) => {
                    ["action", "owner", "due", "indicator", "cost"]
                        .iter()
                        .try_for_each(|k| text(o, k, false, &what))
                }
                Value::Object(_) => Err(format!("{what} without a criterion")),
                other => Err(format!("{what} as {}", kind(other))),
            }
        }),
        Some(other) => Err(format!("plan as {}", kind(other))),
    }
}
