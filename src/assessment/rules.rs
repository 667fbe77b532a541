//! The rules an assessment file must meet, in one place for `doracak report`, `aggregate`
//! and (mirrored line for line in `theme/static/assessment.js`) the browser's import.
//!
//! Every problem has a stable code, so the two sides can be compared file by file (the
//! corpus in `tests/fixtures/assessment-files/`). A file with a problem is refused whole;
//! notes (an unknown field, an id this handbook does not have) do not refuse it. What is
//! accepted is normalised: every field present, with its empty value where the file had
//! none, so nothing downstream ever meets a missing or mistyped field.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::{
    AssessmentFile, EVIDENCE_STATUS, EvidenceEntry, HandbookRef, Meta, PlanEntry, RatingEntry,
    SCHEMA, VERSION,
};
use crate::pipeline::model::Handbook;

pub(crate) mod json;

use json::{DUPLICATE, length, nesting, parse_strict, strip_bom, trim};
pub use json::{is_date, is_timestamp};

/// The largest file read, in bytes of UTF-8 after one byte-order mark (the browser counts
/// the same).
pub const MAX_FILE: usize = 5_000_000;
/// How deeply lists and objects may nest (the format needs 3).
pub const MAX_DEPTH: usize = 16;
/// The longest assessment name.
pub const MAX_NAME: usize = 200;
/// The longest id (a key of `ratings` or `evidence`, a plan row's criterion).
pub const MAX_ID: usize = 100;
/// The longest other text (a note, an action, where a document is kept …).
pub const MAX_TEXT: usize = 10_000;

/// One reason a file is refused, or one note about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Stable: `not-utf8`, `not-json`, `too-large`, `too-deep`, `duplicate-key`, `not-object`, `schema`, `version`,
    /// `version-newer`, `type`, `name`, `id`, `too-long`, `date`, `rating`, `status`,
    /// `duplicate-plan`; notes: `unknown-field`, `unknown-id`.
    pub code: &'static str,
    pub message: String,
}

/// What reading a file found: problems refuse it, notes do not.
#[derive(Debug, Default)]
pub struct Checked {
    pub file: Option<AssessmentFile>,
    pub problems: Vec<Finding>,
    pub notes: Vec<Finding>,
}

impl Checked {
    fn problem(&mut self, code: &'static str, message: String) {
        self.problems.push(Finding { code, message });
    }
    fn note(&mut self, code: &'static str, message: String) {
        self.notes.push(Finding { code, message });
    }
}

/// Read a file's bytes: UTF-8 (with or without a byte-order mark), then as [`read`].
pub fn read_bytes(bytes: &[u8], hb: &Handbook) -> Checked {
    match std::str::from_utf8(bytes) {
        Ok(text) => read(text, hb),
        Err(e) => {
            let mut out = Checked::default();
            out.problem(
                "not-utf8",
                format!(
                    "expected a text file in UTF-8, found bytes that are not (at byte {})",
                    e.valid_up_to()
                ),
            );
            out
        }
    }
}

/// Read and check an assessment file against the handbook, migrating older versions.
pub fn read(text: &str, hb: &Handbook) -> Checked {
    let mut out = Checked::default();
    let text = strip_bom(text);
    if text.len() > MAX_FILE {
        out.problem(
            "too-large",
            format!(
                "expected a file of at most {MAX_FILE} bytes, found {}",
                text.len()
            ),
        );
        return out;
    }
    // Measured on the text, before anything is parsed or walked.
    if nesting(text) > MAX_DEPTH {
        out.problem(
            "too-deep",
            format!("expected lists and objects nested at most {MAX_DEPTH} deep, found deeper"),
        );
        return out;
    }
    let value = match parse_strict(text) {
        Ok(v) => v,
        Err(e) if e.to_string().starts_with(DUPLICATE) => {
            let what = e.to_string();
            let what = what.split(" at line").next().unwrap_or(&what);
            out.problem(
                "duplicate-key",
                format!(
                    "expected each key once in an object, found {} (line {}, column {})",
                    &what[DUPLICATE.len()..],
                    e.line(),
                    e.column()
                ),
            );
            return out;
        }
        Err(e) => {
            out.problem(
                "not-json",
                format!(
                    "expected a JSON file, found text that is not JSON (line {}, column {})",
                    e.line(),
                    e.column()
                ),
            );
            return out;
        }
    };
    let Value::Object(top) = value else {
        out.problem(
            "not-object",
            format!("expected a JSON object, found {}", kind(&value)),
        );
        return out;
    };
    if top.get("schema").and_then(Value::as_str) != Some(SCHEMA) {
        let found = top
            .get("schema")
            .map_or("no schema".into(), Value::to_string);
        out.problem(
            "schema",
            format!("expected \"schema\": \"{SCHEMA}\", found {found}"),
        );
        return out;
    }
    match top.get("version").and_then(whole) {
        Some(v) if v > VERSION as f64 => {
            out.problem(
                "version-newer",
                format!(
                    "expected version {VERSION} or older, found version {v}: the file was made by a newer doracak"
                ),
            );
            return out;
        }
        Some(v) if v >= 1.0 => {}
        _ => {
            let found = top.get("version").map_or("none".into(), Value::to_string);
            out.problem(
                "version",
                format!("expected a whole \"version\" number from 1 to {VERSION}, found {found}"),
            );
            return out;
        }
    }
    // Older versions would be migrated here, one step at a time; 1 is the first.
    let file = check(&top, hb, &mut out);
    if out.problems.is_empty() {
        out.file = Some(file);
    }
    out
}

/// A JSON number with no fraction.
fn whole(v: &Value) -> Option<f64> {
    v.as_f64().filter(|f| f.fract() == 0.0 && f.is_finite())
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Where in the file a check is: "criterion S2.3", "plan row 2" …
struct Checker<'a> {
    out: &'a mut Checked,
}

impl Checker<'_> {
    /// An optional object (absent and null mean empty); a problem for any other type.
    fn object<'v>(&mut self, v: Option<&'v Value>, what: &str) -> Option<&'v Map<String, Value>> {
        match v {
            None | Some(Value::Null) => None,
            Some(Value::Object(m)) => Some(m),
            Some(other) => {
                self.out.problem(
                    "type",
                    format!("{what}: expected an object, found {}", kind(other)),
                );
                None
            }
        }
    }

    /// An optional text (absent and null mean empty) of at most `max` characters (Unicode
    /// scalar values).
    fn text(&mut self, obj: &Map<String, Value>, key: &str, max: usize, what: &str) -> String {
        match obj.get(key) {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => {
                let n = length(s);
                if n > max {
                    self.out.problem(
                        "too-long",
                        format!("{what}: expected {key} of at most {max} characters, found {n}"),
                    );
                }
                s.clone()
            }
            Some(other) => {
                self.out.problem(
                    "type",
                    format!("{what}: expected {key} as text, found {}", kind(other)),
                );
                String::new()
            }
        }
    }

    /// An optional date `YYYY-MM-DD` (or, with `time`, a date and time); empty is none.
    fn date(&mut self, obj: &Map<String, Value>, key: &str, time: bool, what: &str) -> String {
        let s = self.text(obj, key, 40, what);
        let ok = s.is_empty() || if time { is_timestamp(&s) } else { is_date(&s) };
        if !ok {
            let form = if time {
                "a date YYYY-MM-DD or a date and time YYYY-MM-DDThh:mm:ssZ"
            } else {
                "a date YYYY-MM-DD"
            };
            self.out.problem(
                "date",
                format!("{what}: expected {key} as {form}, found \"{s}\""),
            );
        }
        s
    }

    /// An optional code from `allowed` (absent and null mean none).
    fn code(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        allowed: &[&str],
        problem: &'static str,
        what: &str,
    ) -> Option<String> {
        match obj.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if allowed.contains(&s.as_str()) => Some(s.clone()),
            Some(Value::String(s)) => {
                self.out.problem(
                    problem,
                    format!(
                        "{what}: expected {key} of {}, found \"{s}\"",
                        allowed.join(", ")
                    ),
                );
                None
            }
            Some(other) => {
                self.out.problem(
                    "type",
                    format!("{what}: expected {key} as text, found {}", kind(other)),
                );
                None
            }
        }
    }

    /// Fields a part of the file may have; any other is noted and left out.
    fn known(&mut self, obj: &Map<String, Value>, fields: &[&str], what: &str) {
        for k in obj.keys() {
            if !fields.contains(&k.as_str()) {
                self.out.note(
                    "unknown-field",
                    format!("{what}: the field \"{k}\" is not part of the format and is left out"),
                );
            }
        }
    }

    /// An id (a key of `ratings` or `evidence`, a plan row's criterion): 1 to [`MAX_ID`]
    /// letters, digits, `.`, `_` and `-`, starting with a letter or a digit.
    fn id(&mut self, id: &str, what: &str) {
        if !is_id(id) {
            self.out.problem(
                "id",
                format!(
                    "{what}: expected an id of 1 to {MAX_ID} letters, digits, dots, dashes or underscores, found \"{id}\""
                ),
            );
        }
    }
}

/// See [`Checker::id`].
pub fn is_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b.len() <= MAX_ID
        && b[0].is_ascii_alphanumeric()
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-'))
}

fn check(top: &Map<String, Value>, hb: &Handbook, out: &mut Checked) -> AssessmentFile {
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
                c.out.note(
                    "unknown-id",
                    format!(
                        "the handbook has no criterion {id}; its rating is kept but not scored"
                    ),
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
                c.out.note(
                    "unknown-id",
                    format!("the handbook has no evidence item {id}; its entry is kept"),
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
                    c.out.note(
                        "unknown-id",
                        format!("{what}: the handbook has no criterion {criterion}"),
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
    file
}
