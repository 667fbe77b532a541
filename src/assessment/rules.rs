//! The rules an assessment file must meet, in one place for `doracak report`, `aggregate`
//! and (mirrored line for line in `theme/static/assessment-core.js`) the browser's import.
//!
//! Every problem has a stable code, so the two sides can be compared file by file (the
//! corpus in `tests/fixtures/assessment-files/`). A file with a problem is refused whole;
//! notes (an unknown field, an id this handbook does not have) do not refuse it. What is
//! accepted is normalised: every field present, with its empty value where the file had
//! none, so nothing downstream ever meets a missing or mistyped field.

use serde_json::{Map, Value};

use super::{AssessmentFile, SCHEMA, VERSION};
use crate::pipeline::model::Handbook;

mod check;
pub(crate) mod json;

use check::check;
use json::{DUPLICATE, length, nesting, parse_strict, strip_bom};
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
    /// Stable: `not-utf8`, `not-utf16`, `not-json`, `too-large`, `too-deep`, `duplicate-key`, `not-object`, `schema`, `version`,
    /// `version-newer`, `type`, `name`, `id`, `too-long`, `date`, `rating`, `status`,
    /// `duplicate-plan`; notes: `unknown-field`, `unknown-id`.
    pub code: &'static str,
    pub message: String,
    /// Where a person reads it: the locale pack's key and its values (the `message` is the
    /// command line's own sentence). A value `n` is a plan row's number, said as
    /// `rule_what_plan_row` in the value `what` ([`Finding::said`]).
    pub say: Option<(&'static str, Vec<(&'static str, String)>)>,
    /// Where in the file, as (line, column) from 1, when the finding has one place.
    pub at: Option<(u32, u32)>,
}

/// A locale pack's lookup: key and values to the sentence.
pub type Say<'a> = &'a dyn Fn(&str, &[(&str, &str)]) -> String;

impl Finding {
    /// The finding in the locale pack's words (`say`: the pack's lookup with values), else
    /// its own sentence.
    pub fn said(&self, say: Say) -> String {
        let Some((key, values)) = &self.say else {
            return self.message.clone();
        };
        let mut v: Vec<(&str, String)> = values.iter().map(|(k, x)| (*k, x.clone())).collect();
        if let Some((_, n)) = values.iter().find(|(k, _)| *k == "n") {
            v.push(("what", say("rule_what_plan_row", &[("n", n.as_str())])));
        }
        let refs: Vec<(&str, &str)> = v.iter().map(|(k, x)| (*k, x.as_str())).collect();
        say(key, &refs)
    }
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
        self.problems.push(Finding {
            code,
            message,
            say: None,
            at: None,
        });
    }
    /// A problem at one place: serde_json's line and column (a column 0, before the first
    /// character, is said as 1).
    fn problem_at(&mut self, code: &'static str, message: String, (line, col): (usize, usize)) {
        self.problem(code, message);
        if let Some(p) = self.problems.last_mut() {
            p.at = Some((line.max(1) as u32, col.max(1) as u32));
        }
    }
    fn note(&mut self, code: &'static str, message: String) {
        self.notes.push(Finding {
            code,
            message,
            say: None,
            at: None,
        });
    }
    /// A note said in the locale pack's words where a person reads it (`key`, `values`).
    fn note_said(
        &mut self,
        code: &'static str,
        message: String,
        key: &'static str,
        values: Vec<(&'static str, String)>,
    ) {
        self.notes.push(Finding {
            code,
            message,
            say: Some((key, values)),
            at: None,
        });
    }
}

/// Read a file's bytes: UTF-8, or UTF-16 after its byte-order mark (with or without a
/// UTF-8 byte-order mark), then as [`read`].
pub fn read_bytes(bytes: &[u8], hb: &Handbook) -> Checked {
    match crate::text::decode_text(bytes) {
        Ok(text) => read(&text, hb),
        Err(e) => {
            let mut out = Checked::default();
            out.problem(if e.utf16 { "not-utf16" } else { "not-utf8" }, e.message());
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
            out.problem_at(
                "duplicate-key",
                format!(
                    "expected each key once in an object, found {}",
                    &what[DUPLICATE.len()..],
                ),
                (e.line(), e.column()),
            );
            return out;
        }
        Err(e) => {
            let found = e.to_string();
            let found = found.split(" at line").next().unwrap_or(&found).to_string();
            out.problem_at(
                "not-json",
                format!("expected a JSON file, found text that is not JSON ({found})"),
                (e.line(), e.column()),
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
