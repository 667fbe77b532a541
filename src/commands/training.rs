//! `doracak training-report`: the staff training roster (HTML and CSV) from training files
//! exported by the site's training records page: who was trained on which procedure or
//! role, on which edition, with which score, and who is due a refresher.
//!
//! A file is read strictly, by the same rules as the browser's import
//! (theme/static/training-store.js; docs/training-format.md): a key twice in one object, an
//! unknown field, a missing or malformed one are errors at their line and column, all at
//! once; a file with any error is refused.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use minijinja::context;
use serde::Serialize;
use serde_json::Value;

use crate::assessment::rules::json::{
    DUPLICATE, length, nesting, parse_strict, strip_bom, trim, whole_number,
};
use crate::assessment::{is_date, is_id, is_timestamp};
use crate::config::line_col;
use crate::diagnostics::{Diagnostics, Pos};
use crate::pipeline::model::Handbook;
use crate::pipeline::render::{environment, template_value, ui_strings};
use crate::theme::Theme;

/// The name of the format, in its `format` field.
pub const FORMAT: &str = "doracak-training";
/// The version this doracak reads and the site writes.
pub const VERSION: u64 = 1;
/// The refresher period when neither the command line nor `doracak.toml` sets one.
pub const DEFAULT_REFRESHER_MONTHS: u32 = 12;

/// The largest file read, in bytes of UTF-8 after one byte-order mark (the browser's store
/// never holds more than it could export within this).
pub const MAX_FILE: usize = 5_000_000;
/// The most records in one file (the browser's store never holds more).
pub const MAX_RECORDS: usize = 10_000;
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

/// One training record: a trainee, a quiz, its score, "read and understood".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Record {
    pub id: String,
    pub name: String,
    pub date: String,
    /// `procedure` or `role`.
    pub kind: String,
    pub subject: String,
    pub title: String,
    pub score: u64,
    pub total: u64,
    pub understood: bool,
    pub edition: String,
    pub saved: String,
    /// The content hash of the subject when trained (`edition::content`); empty in older
    /// records.
    pub content: String,
}

/// A training file, checked.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainingFile {
    pub handbook_title: String,
    pub handbook_edition: String,
    pub records: Vec<Record>,
}

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
    match std::str::from_utf8(&bytes) {
        Ok(text) => parse(text, path, diags),
        Err(e) => {
            diags.error(
                Pos::file(path),
                format!(
                    "expected a text file in UTF-8, found bytes that are not (at byte {})",
                    e.valid_up_to()
                ),
            );
            None
        }
    }
}

/// `date` (YYYY-MM-DD) plus `months`, the day kept where the month has it (31 January
/// plus one month is the last day of February).
pub fn add_months(date: &str, months: u32) -> String {
    let y: i64 = date[..4].parse().unwrap_or(0);
    let m: i64 = date[5..7].parse().unwrap_or(1);
    let d: u32 = date[8..10].parse().unwrap_or(1);
    let total = y * 12 + (m - 1) + i64::from(months);
    let (ny, nm) = (total.div_euclid(12), total.rem_euclid(12) + 1);
    let leap = (ny % 4 == 0 && ny % 100 != 0) || ny % 400 == 0;
    let last = match nm {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    format!("{ny:04}-{nm:02}-{:02}", d.min(last))
}

/// One row of the roster.
#[derive(Debug, Serialize)]
pub struct RosterRow {
    pub name: String,
    pub kind: String,
    pub kind_label: String,
    pub subject: String,
    pub title: String,
    pub date: String,
    pub score: u64,
    pub total: u64,
    pub understood: bool,
    pub edition: String,
    /// Another edition than the handbook's current one.
    pub other_edition: bool,
    /// The date by which a refresher is due.
    pub refresher: String,
    /// The latest training of this person on this subject, and its refresher date has come.
    pub due: bool,
}

/// The roster of several training files' records: every record once (by id), by name and
/// date; the latest record of each person and subject decides whether a refresher is due.
pub fn roster(
    files: &[TrainingFile],
    edition: &str,
    months: u32,
    today: &str,
    ui: &HashMap<String, String>,
) -> Vec<RosterRow> {
    let mut seen = std::collections::HashSet::new();
    let mut recs: Vec<&Record> = files
        .iter()
        .flat_map(|f| &f.records)
        .filter(|r| seen.insert(r.id.clone()))
        .collect();
    recs.sort_by(|a, b| {
        (crate::text::fold(&a.name).to_lowercase(), &a.date, &a.saved).cmp(&(
            crate::text::fold(&b.name).to_lowercase(),
            &b.date,
            &b.saved,
        ))
    });
    let person = |r: &Record| {
        (
            crate::text::fold(r.name.trim()).to_lowercase(),
            r.kind.clone(),
            r.subject.clone(),
        )
    };
    let mut latest: BTreeMap<(String, String, String), (&str, &str)> = BTreeMap::new();
    for r in &recs {
        let e = latest.entry(person(r)).or_insert((&r.date, &r.saved));
        if (r.date.as_str(), r.saved.as_str()) > *e {
            *e = (&r.date, &r.saved);
        }
    }
    recs.iter()
        .map(|r| {
            let refresher = add_months(&r.date, months);
            let is_latest = latest.get(&person(r)) == Some(&(r.date.as_str(), r.saved.as_str()));
            RosterRow {
                name: r.name.clone(),
                kind: r.kind.clone(),
                kind_label: crate::theme::say(ui, &format!("training_kind_{}", r.kind), &[]),
                subject: r.subject.clone(),
                title: if r.title.is_empty() {
                    r.subject.clone()
                } else {
                    r.title.clone()
                },
                date: r.date.clone(),
                score: r.score,
                total: r.total,
                understood: r.understood,
                edition: r.edition.clone(),
                other_edition: !edition.is_empty() && r.edition != edition,
                due: is_latest && refresher.as_str() <= today,
                refresher,
            }
        })
        .collect()
}

/// Write the roster of `inputs` into `out`: an HTML page and a CSV file, named by the
/// locale pack (`regjistri-i-trajnimit.html` and `.csv` in Albanian).
pub fn training_report(
    root: &Path,
    hb: &Handbook,
    inputs: &[PathBuf],
    out: &Path,
    today: &str,
    months: Option<u32>,
    diags: &mut Diagnostics,
) -> Option<Vec<PathBuf>> {
    let files: Vec<TrainingFile> = inputs
        .iter()
        .filter_map(|i| read_training(i, diags))
        .collect();
    if diags.has_errors() || files.is_empty() {
        return None;
    }
    let months = months
        .or(hb.config.refresher_months)
        .unwrap_or(DEFAULT_REFRESHER_MONTHS);
    let theme = Theme::load(root, diags);
    let ui = ui_strings(&theme, &hb.config, diags)?;
    let env = environment(&theme, &ui, diags)?;
    let edition = hb.config.edition.clone().unwrap_or_default();
    let rows = roster(&files, &edition, months, today, &ui);
    let due: Vec<&RosterRow> = rows.iter().filter(|r| r.due).collect();
    let changed = super::training_editions::changed_training(root, hb, &files, &ui, diags);
    let ctx = context! {
        changed => template_value(&changed),
        csp => super::report::REPORT_CSP, style => super::report::style(&theme), ui => template_value(&ui),
        site => context! { title => hb.config.title.clone(), language => hb.config.language.clone(), dir => hb.config.dir() },
        rows => template_value(&rows), due => template_value(&due), months => months, today => today, edition => edition,
    };
    let html = match env
        .get_template("training-report.html")
        .and_then(|t| t.render(ctx))
    {
        Ok(h) => h,
        Err(e) => {
            diags.error(
                Pos::new(
                    "theme/templates/training-report.html",
                    e.line().unwrap_or(1) as u32,
                    1,
                ),
                e.to_string(),
            );
            return None;
        }
    };
    let word = |k: &str| crate::theme::say(&ui, k, &[]);
    let mut csv = crate::csv_out::Csv::with_separator(crate::commands::report::csv_format(&ui).0);
    csv.row([
        word("training_col_name"),
        word("training_col_kind"),
        word("training_col_id"),
        word("training_col_subject"),
        word("training_col_date"),
        word("training_col_score"),
        word("training_col_understood"),
        word("training_col_edition"),
        word("training_report_refresher"),
        word("training_report_due"),
    ]);
    for r in &rows {
        let yes_no = |b: bool| word(if b { "training_yes" } else { "training_no" });
        csv.row([
            r.name.clone(),
            r.kind_label.clone(),
            r.subject.clone(),
            r.title.clone(),
            r.date.clone(),
            format!("{}/{}", r.score, r.total),
            yes_no(r.understood),
            r.edition.clone(),
            r.refresher.clone(),
            yes_no(r.due),
        ]);
    }
    let csv = csv.into_string();
    let name = word("training_report_file_name");
    let html_path = out.join(format!("{name}.html"));
    let csv_path = out.join(format!("{name}.csv"));
    super::output::write_files(
        &[
            (html_path.clone(), html.into_bytes()),
            (csv_path.clone(), csv.into_bytes()),
        ],
        diags,
    )?;
    Some(vec![html_path, csv_path])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_added_to_dates() {
        assert_eq!(add_months("2025-01-31", 1), "2025-02-28");
        assert_eq!(add_months("2024-01-31", 1), "2024-02-29");
        assert_eq!(add_months("2025-11-24", 12), "2026-11-24");
        assert_eq!(add_months("2025-11-24", 2), "2026-01-24");
    }

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
