//! Reading a training file strictly: its keys located in the text, every field checked, all
//! errors at once at their line and column.

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;

use super::{FORMAT, MAX_FILE, MAX_RECORDS, Record, TrainingFile, VERSION};
use crate::assessment::rules::json::{
    DUPLICATE, length, nesting, parse_strict, strip_bom, trim, whole_number,
};
use crate::assessment::{is_date, is_id, is_timestamp};
use crate::config::line_col;
use crate::diagnostics::{Diagnostics, Pos};

/// How deeply lists and objects may nest (the format needs 3), measured before parsing.
const MAX_DEPTH: usize = 16;
const MAX_NAME: usize = 200;
const MAX_TEXT: usize = 500;
const TOP: [&str; 4] = ["format", "version", "handbook", "records"];
const HANDBOOK: [&str; 2] = ["title", "edition"];
const RECORD: [&str; 12] = [
    "id",
    "name",
    "date",
    "kind",
    "subject",
    "title",
    "score",
    "total",
    "understood",
    "edition",
    "saved",
    "content",
];

/// Where keys sit in the text: the top level's, the handbook object's, and each record's
/// (its start and its keys), as byte offsets.
#[derive(Default)]
struct Loc {
    top: HashMap<String, usize>,
    handbook: HashMap<String, usize>,
    records: Vec<usize>,
    fields: HashMap<(usize, String), usize>,
}

/// Find the keys of a training file in its text (the text is JSON already).
fn locate(text: &str) -> Loc {
    let b = text.as_bytes();
    let mut loc = Loc::default();
    // Each open container: `{` or `[`, and whether an object expects a key next.
    let mut stack: Vec<(u8, bool)> = Vec::new();
    let mut top_key = String::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            c @ (b'{' | b'[') => {
                if c == b'{' && stack.len() == 2 && stack[1].0 == b'[' && top_key == "records" {
                    loc.records.push(i);
                }
                stack.push((c, c == b'{'));
                i += 1;
            }
            b'}' | b']' => {
                stack.pop();
                i += 1;
            }
            b',' => {
                if let Some(t) = stack.last_mut()
                    && t.0 == b'{'
                {
                    t.1 = true;
                }
                i += 1;
            }
            b'"' => {
                let start = i;
                let mut j = i + 1;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                let depth = stack.len();
                let is_key = matches!(stack.last(), Some((b'{', true)));
                if is_key {
                    if let Some(t) = stack.last_mut() {
                        t.1 = false;
                    }
                    let key: String = serde_json::from_str(&text[start..(j + 1).min(b.len())])
                        .unwrap_or_default();
                    match depth {
                        1 => {
                            top_key = key.clone();
                            loc.top.insert(key, start);
                        }
                        2 if top_key == "handbook" => {
                            loc.handbook.insert(key, start);
                        }
                        3 if top_key == "records" && !loc.records.is_empty() => {
                            loc.fields.insert((loc.records.len() - 1, key), start);
                        }
                        _ => {}
                    }
                }
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    loc
}

/// A whole number from 0 to 2^53 − 1, as JSON writes it (`3`, `3.0`, `3e0`), as the
/// browser reads it too; `1e16` or `2.5` is none.
fn whole(v: Option<&Value>) -> Option<u64> {
    whole_number(v?)
}

fn kind_of(v: Option<&Value>) -> String {
    match v {
        None => "nothing".into(),
        Some(Value::Null) => "null".into(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(s)) => {
            let shown: String = s.chars().take(60).collect();
            format!("{shown:?}")
        }
        Some(Value::Array(_)) => "a list".into(),
        Some(Value::Object(_)) => "an object".into(),
    }
}

/// Read and check a training file's text; errors go into `diags` at `path:line:col`.
pub fn parse(text: &str, path: &Path, diags: &mut Diagnostics) -> Option<TrainingFile> {
    let text = strip_bom(text);
    let at = |offset: usize| {
        let (line, col) = line_col(text, offset);
        Pos::new(path, line, col)
    };
    if text.len() > MAX_FILE {
        diags.error(
            Pos::file(path),
            format!(
                "expected a training file of at most {MAX_FILE} bytes, found {}",
                text.len()
            ),
        );
        return None;
    }
    if nesting(text) > MAX_DEPTH {
        diags.error(
            Pos::file(path),
            format!("expected lists and objects nested at most {MAX_DEPTH} deep, found deeper"),
        );
        return None;
    }
    let value = match parse_strict(text) {
        Ok(v) => v,
        Err(e) => {
            let msg = e.to_string();
            let msg = msg.split(" at line").next().unwrap_or(&msg).to_string();
            let message = match msg.strip_prefix(DUPLICATE) {
                Some(key) => format!("expected each key once in an object, found {key} twice"),
                None => format!("expected a JSON training file, found {msg}"),
            };
            diags.error(
                Pos::new(path, e.line() as u32, e.column().max(1) as u32),
                message,
            );
            return None;
        }
    };
    let loc = locate(text);
    let before = diags.error_count();
    let Value::Object(top) = &value else {
        diags.error(
            at(0),
            format!(
                "expected a training file (a JSON object with \"format\": \"{FORMAT}\"), found {}",
                kind_of(Some(&value))
            ),
        );
        return None;
    };
    let top_at = |key: &str| at(loc.top.get(key).copied().unwrap_or(0));
    if top.get("format").and_then(Value::as_str) != Some(FORMAT) {
        diags.error(
            top_at("format"),
            format!(
                "expected \"format\": \"{FORMAT}\", found {}",
                kind_of(top.get("format"))
            ),
        );
        return None;
    }
    match whole(top.get("version")) {
        Some(VERSION) => {}
        Some(v) if v > VERSION => {
            diags
                .error(
                    top_at("version"),
                    format!("expected \"version\": {VERSION}, found {v}, from a newer doracak"),
                )
                .hint("update doracak to read this file");
            return None;
        }
        _ => {
            diags.error(
                top_at("version"),
                format!(
                    "expected \"version\": {VERSION}, found {}",
                    kind_of(top.get("version"))
                ),
            );
            return None;
        }
    }
    for k in top.keys() {
        if !TOP.contains(&k.as_str()) {
            diags.error(
                top_at(k),
                format!("expected only the fields {}, found {k:?}", TOP.join(", ")),
            );
        }
    }
    let text_field = |obj: &serde_json::Map<String, Value>, key: &str, max: usize| {
        obj.get(key)
            .and_then(Value::as_str)
            .filter(|s| length(s) <= max)
            .map(str::to_string)
    };
    let (mut hb_title, mut hb_edition) = (String::new(), String::new());
    match top.get("handbook") {
        Some(Value::Object(h)) => {
            let h_at = |key: &str| {
                at(loc
                    .handbook
                    .get(key)
                    .or(loc.top.get("handbook"))
                    .copied()
                    .unwrap_or(0))
            };
            for k in h.keys() {
                if !HANDBOOK.contains(&k.as_str()) {
                    diags.error(
                        h_at(k),
                        format!(
                            "handbook: expected only the fields {}, found {k:?}",
                            HANDBOOK.join(", ")
                        ),
                    );
                }
            }
            match text_field(h, "title", MAX_TEXT) {
                Some(t) => hb_title = t,
                None => {
                    diags.error(
                        h_at("title"),
                        format!(
                            "handbook.title: expected text of at most {MAX_TEXT} characters, found {}",
                            kind_of(h.get("title"))
                        ),
                    );
                }
            }
            match text_field(h, "edition", MAX_NAME) {
                Some(t) => hb_edition = t,
                None => {
                    diags.error(
                        h_at("edition"),
                        format!(
                            "handbook.edition: expected text of at most {MAX_NAME} characters, found {}",
                            kind_of(h.get("edition"))
                        ),
                    );
                }
            }
        }
        other => {
            diags.error(
                top_at("handbook"),
                format!(
                    "handbook: expected an object with the handbook's title and edition, found {}",
                    kind_of(other)
                ),
            );
        }
    }
    let items = match top.get("records") {
        Some(Value::Array(a)) if a.len() <= MAX_RECORDS => a,
        other => {
            diags.error(
                top_at("records"),
                format!(
                    "records: expected a list of at most {MAX_RECORDS} records, found {}",
                    match other {
                        Some(Value::Array(a)) => format!("{} records", a.len()),
                        x => kind_of(x),
                    }
                ),
            );
            return None;
        }
    };
    let mut records = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        let rec_at = |key: Option<&str>| {
            let field = key.and_then(|k| loc.fields.get(&(i, k.to_string())));
            at(field
                .or(loc.records.get(i))
                .or(loc.top.get("records"))
                .copied()
                .unwrap_or(0))
        };
        let Value::Object(r) = item else {
            diags.error(
                rec_at(None),
                format!(
                    "records[{i}]: expected a record (an object), found {}",
                    kind_of(Some(item))
                ),
            );
            continue;
        };
        for k in r.keys() {
            if !RECORD.contains(&k.as_str()) {
                diags.error(
                    rec_at(Some(k)),
                    format!(
                        "records[{i}]: expected only the fields {}, found {k:?}",
                        RECORD.join(", ")
                    ),
                );
            }
        }
        let mut bad = |key: &str, expected: String| {
            diags.error(
                rec_at(Some(key)),
                format!(
                    "records[{i}].{key}: expected {expected}, found {}",
                    kind_of(r.get(key))
                ),
            );
        };
        let s = |key: &str| r.get(key).and_then(Value::as_str);
        let id = s("id").filter(|x| is_id(x));
        if id.is_none() {
            bad(
                "id",
                "an id (letters, digits, '.', '_' or '-', at most 100)".into(),
            );
        }
        let name = s("name").filter(|x| !trim(x).is_empty() && length(x) <= MAX_NAME);
        if name.is_none() {
            bad("name", format!("a name of 1 to {MAX_NAME} characters"));
        }
        let date = s("date").filter(|x| is_date(x));
        if date.is_none() {
            bad("date", "a date YYYY-MM-DD that exists".into());
        }
        let kind = s("kind").filter(|x| matches!(*x, "procedure" | "role"));
        if kind.is_none() {
            bad("kind", "\"procedure\" or \"role\"".into());
        }
        let subject = s("subject").filter(|x| is_id(x));
        if subject.is_none() {
            bad("subject", "the id of a procedure or a role".into());
        }
        let title = s("title").filter(|x| length(x) <= MAX_TEXT);
        if title.is_none() {
            bad("title", format!("text of at most {MAX_TEXT} characters"));
        }
        let total = whole(r.get("total")).filter(|t| *t >= 1);
        if total.is_none() {
            bad("total", "a whole number of questions from 1".into());
        }
        let score = whole(r.get("score")).filter(|sc| total.is_none_or(|t| *sc <= t));
        if score.is_none() {
            bad(
                "score",
                "a whole number of right answers from 0 to the total".into(),
            );
        }
        let understood = r.get("understood").and_then(Value::as_bool);
        if understood.is_none() {
            bad("understood", "true or false".into());
        }
        let edition = s("edition").filter(|x| length(x) <= MAX_NAME);
        if edition.is_none() {
            bad("edition", format!("text of at most {MAX_NAME} characters"));
        }
        let content = match r.get("content") {
            None => Some(""),
            Some(_) => s("content").filter(|x| x.chars().count() <= MAX_NAME),
        };
        if content.is_none() {
            bad("content", format!("text of at most {MAX_NAME} characters"));
        }
        let saved = s("saved").filter(|x| is_timestamp(x));
        if saved.is_none() {
            bad("saved", "a time YYYY-MM-DDThh:mm:ssZ".into());
        }
        if let Some(id) = id {
            if let Some(first) = ids.get(id) {
                diags.error(
                    rec_at(Some("id")),
                    format!(
                        "records[{i}].id: expected each id once, found {id:?} again (first in records[{first}])"
                    ),
                );
            } else {
                ids.insert(id.to_string(), i);
            }
        }
        if let (
            Some(id),
            Some(name),
            Some(date),
            Some(kind),
            Some(subject),
            Some(title),
            Some(score),
            Some(total),
            Some(understood),
            Some(edition),
            Some(saved),
            Some(content),
        ) = (
            id, name, date, kind, subject, title, score, total, understood, edition, saved, content,
        ) {
            records.push(Record {
                id: id.into(),
                name: trim(name).into(),
                date: date.into(),
                kind: kind.into(),
                subject: subject.into(),
                title: title.into(),
                score,
                total,
                understood,
                edition: edition.into(),
                saved: saved.into(),
                content: content.into(),
            });
        }
    }
    (diags.error_count() == before).then_some(TrainingFile {
        handbook_title: hb_title,
        handbook_edition: hb_edition,
        records,
    })
}

/// Read and check one training file.
pub fn read_training(path: &Path, diags: &mut Diagnostics) -> Option<TrainingFile> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            diags.error(
                Pos::file(path),
                format!("cannot read the training file: {e}"),
            );
            return None;
        }
    };
    match crate::text::decode_text(&bytes) {
        Ok(text) => parse(&text, path, diags),
        Err(e) => {
            diags.error(Pos::file(path), e.message());
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_located_at_the_key() {
        let text = "{\n  \"format\": \"doracak-training\",\n  \"version\": 1,\n  \"handbook\": {\"title\": \"T\", \"edition\": \"\"},\n  \"records\": [\n    {\"id\": \"a\", \"name\": \"X\", \"date\": \"2025-02-30\", \"kind\": \"procedure\", \"subject\": \"p\", \"title\": \"\", \"score\": 1, \"total\": 2, \"understood\": true, \"edition\": \"\", \"saved\": \"2025-01-01T10:00:00Z\"}\n  ]\n}\n";
        let mut d = Diagnostics::new();
        assert!(parse(text, Path::new("a.json"), &mut d).is_none());
        let report = d.report();
        assert!(
            report.contains("a.json:6:30: error: records[0].date: expected a date YYYY-MM-DD that exists, found \"2025-02-30\""),
            "{report}"
        );
    }
}
