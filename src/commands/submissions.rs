//! `doracak import-submissions`: the data export of the audit XLSForm (CSV or XLSX, as
//! KoboToolbox and ODK Central write it) → one assessment file per submission.
//!
//! Columns are found by the form's question names (see `xlsform`), with or without group
//! prefixes (`S2/S2_3`, `S2-S2_3`, `S2.S2_3`); other columns (`_uuid`, `SubmissionDate`,
//! `meta-instanceID`, …) are ignored. Values may be the choices' names (`met`, `yes`) or
//! their labels (`Përmbushur`, `Po`). A row that does not validate is reported with its row
//! number (the header is row 1) and skipped; the others are written. Every file written
//! passes `assessment::read`, as the browser import does.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::assessment::{self, AssessmentFile, EvidenceEntry, HandbookRef, Meta, RatingEntry};
use crate::diagnostics::{Diagnostics, Pos};
use crate::pipeline::model::Handbook;
use crate::pipeline::render::xlsform::{self, name_of, note_name};

mod workbook;

pub use workbook::{MAX_CELLS, MAX_COLUMNS, MAX_ROWS};

/// Why a table could not be read, and where (row and column, 1-based, where known).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableError {
    pub at: Option<(u32, u32)>,
    pub message: String,
}

impl From<String> for TableError {
    fn from(message: String) -> Self {
        TableError { at: None, message }
    }
}

impl From<&str> for TableError {
    fn from(message: &str) -> Self {
        message.to_string().into()
    }
}

/// A table read from an export: the header, then each row with its row number.
#[derive(Debug, Default)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<(u32, Vec<String>)>,
}

/// What an import did.
#[derive(Debug, Default)]
pub struct Imported {
    /// The files written, with the row each came from.
    pub written: Vec<(u32, PathBuf)>,
    /// The rows skipped (their problems are in the diagnostics).
    pub skipped: Vec<u32>,
}

/// Read a CSV (comma, semicolon or tab separated; UTF-8, with or without a byte-order
/// mark) or a workbook export, XLSX (or XLS, ODS), from its first sheet.
pub fn read_table(path: &Path) -> Result<Table, TableError> {
    let is_workbook = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["xlsx", "xlsm", "xls", "ods"].contains(&e.to_ascii_lowercase().as_str()));
    if is_workbook {
        workbook::read(path)
    } else {
        let bytes = std::fs::read(path).map_err(|e| format!("cannot read the file: {e}"))?;
        Ok(read_csv(&bytes)?)
    }
}

fn read_csv(bytes: &[u8]) -> Result<Table, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes)
        .map_err(|e| format!("expected UTF-8 text, found other bytes ({e})"))?;
    let first = text.lines().next().unwrap_or("");
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut table = Table::default();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("expected CSV, found {e}"))?;
        let line = record.position().map_or(i as u64 + 1, |p| p.line()) as u32;
        let cells: Vec<String> = record.iter().map(str::to_string).collect();
        if i == 0 {
            table.header = cells;
        } else {
            table.rows.push((line, cells));
        }
    }
    Ok(table)
}

/// A column header without its group prefix: `S2/S2_3`, `S2-S2_3`, `S2.S2_3` → `S2_3`.
pub fn bare(header: &str) -> &str {
    let h = header.trim();
    h.rsplit(['/', '-', '.', ':']).next().unwrap_or(h)
}

/// A file name from a centre's name and a date: `qendra-x-2026-10-01`.
fn slug(s: &str) -> String {
    let folded = crate::text::fold(s).to_lowercase();
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A date as `YYYY-MM-DD` from `2026-10-01` or `2026-10-01T10:00:00…`.
fn date_of(s: &str) -> Option<String> {
    let s = s.trim();
    let d = s.get(..10)?;
    let ok = d.as_bytes()[4] == b'-'
        && d.as_bytes()[7] == b'-'
        && d[..4].parse::<u32>().is_ok()
        && d[5..7].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
        && d[8..10].parse::<u32>().is_ok_and(|n| (1..=31).contains(&n))
        && (s.len() == 10 || matches!(s.as_bytes()[10], b'T' | b' '));
    ok.then(|| d.to_string())
}

/// The questions of the form, found in a table's header.
struct Columns {
    by_name: HashMap<String, usize>,
}

impl Columns {
    fn new(header: &[String]) -> Columns {
        let mut by_name = HashMap::new();
        for (i, h) in header.iter().enumerate() {
            by_name.entry(bare(h).to_string()).or_insert(i);
        }
        Columns { by_name }
    }

    fn col(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }
}

/// Import the submissions in `file` into `out`, one assessment file per submission.
/// `ui` gives the labels of the yes/no choices. Problems go into `diags`; `None` when the
/// file as a whole could not be read.
pub fn import(
    hb: &Handbook,
    ui: &HashMap<String, String>,
    file: &Path,
    out: &Path,
    diags: &mut Diagnostics,
) -> Option<Imported> {
    let table = match read_table(file) {
        Ok(t) => t,
        Err(TableError { at, message }) => {
            let pos = match at {
                Some((line, col)) => Pos::new(file, line, col),
                None => Pos::file(file),
            };
            diags.error(pos, message);
            return None;
        }
    };
    let cols = Columns::new(&table.header);
    let has_criterion = hb
        .standards
        .iter()
        .flat_map(|s| &s.criteria)
        .any(|c| cols.col(&name_of(&c.id)).is_some());
    if cols.col(xlsform::CENTRE).is_none() || !has_criterion {
        diags
            .error(
                Pos::new(file, 1, 1),
                format!(
                    "expected the data export of the audit form (columns {}, {}, {}, S1_1 …), found the columns {}",
                    xlsform::CENTRE,
                    xlsform::DATE,
                    xlsform::INSPECTOR,
                    table
                        .header
                        .iter()
                        .take(8)
                        .map(|h| format!("\"{h}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
            .hint("export the submissions with the question names as headers (KoboToolbox: \"XML values and headers\"; ODK Central: the CSV export)");
        return None;
    }
    if let Err(e) = std::fs::create_dir_all(crate::pipeline::write::normalise(out)) {
        diags.error(Pos::file(out), format!("cannot create the folder: {e}"));
        return None;
    }
    let mut result = Imported::default();
    let mut used: HashMap<String, usize> = HashMap::new();
    // ODK Central records the form's version with each submission.
    if let Some(i) = cols.col("FormVersion") {
        let current = xlsform::version(hb);
        let other = table
            .rows
            .iter()
            .find(|(_, cells)| cells.get(i).is_some_and(|v| !v.is_empty() && *v != current));
        if let Some((line, cells)) = other {
            diags
                .warning(
                    Pos::new(file, *line, i as u32 + 1),
                    format!(
                        "row {line}: expected submissions of this handbook's form (version {current}), found version {}",
                        cells[i]
                    ),
                )
                .hint("the standards changed since the form was published: questions of criteria that no longer exist are not read");
        }
    }
    for (line, cells) in &table.rows {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut problems: Vec<(usize, String)> = Vec::new();
        let Some((sub, date)) = submission(hb, ui, &cols, cells, &mut problems) else {
            report_row(diags, file, *line, &problems);
            result.skipped.push(*line);
            continue;
        };
        let text = serde_json::to_string_pretty(&sub).unwrap_or_default();
        let checked = assessment::read(&text, hb);
        for note in &checked.notes {
            diags.warning(
                Pos::new(file, *line, 1),
                format!("row {line}: {}", note.message),
            );
        }
        if !checked.problems.is_empty() || !problems.is_empty() {
            problems.extend(checked.problems.into_iter().map(|p| (0, p.message)));
            report_row(diags, file, *line, &problems);
            result.skipped.push(*line);
            continue;
        }
        let base = format!("{}-{date}", slug(&sub.assessment.centre));
        let n = used.entry(base.clone()).or_insert(0);
        *n += 1;
        let name = if *n == 1 {
            format!("{base}.json")
        } else {
            format!("{base}-{n}.json")
        };
        let path = out.join(name);
        match std::fs::write(
            crate::pipeline::write::normalise(&path),
            format!("{text}\n"),
        ) {
            Ok(()) => result.written.push((*line, path)),
            Err(e) => {
                diags.error(
                    Pos::file(&path),
                    format!("cannot write the assessment: {e}"),
                );
                result.skipped.push(*line);
            }
        }
    }
    Some(result)
}

fn report_row(diags: &mut Diagnostics, file: &Path, line: u32, problems: &[(usize, String)]) {
    for (col, p) in problems {
        diags.error(
            Pos::new(file, line, *col as u32 + 1),
            format!("row {line}: {p}; the row is skipped"),
        );
    }
}

/// One submission as an assessment file and the date of the visit, or `None` with the
/// problems found (column index, message). The name says centre, date and inspector:
/// "Qendra X — 2026-10-05 — Arta Hoxha".
fn submission(
    hb: &Handbook,
    ui: &HashMap<String, String>,
    cols: &Columns,
    cells: &[String],
    problems: &mut Vec<(usize, String)>,
) -> Option<(AssessmentFile, String)> {
    let cell = |name: &str| -> Option<(usize, &str)> {
        let i = cols.col(name)?;
        Some((i, cells.get(i).map_or("", |s| s.trim())))
    };
    let centre = cell(xlsform::CENTRE).map_or("", |(_, v)| v).to_string();
    if centre.is_empty() {
        problems.push((
            cols.col(xlsform::CENTRE).unwrap_or(0),
            format!(
                "expected the centre (column {}), found none",
                xlsform::CENTRE
            ),
        ));
    }
    let date = match cell(xlsform::DATE) {
        Some((i, v)) => match date_of(v) {
            Some(d) => d,
            None => {
                problems.push((
                    i,
                    format!(
                        "expected the date of the visit as YYYY-MM-DD (column {}), found \"{v}\"",
                        xlsform::DATE
                    ),
                ));
                String::new()
            }
        },
        None => {
            problems.push((
                0,
                format!(
                    "expected the date of the visit (column {}), found no such column",
                    xlsform::DATE
                ),
            ));
            String::new()
        }
    };
    let inspector = cell(xlsform::INSPECTOR).map_or("", |(_, v)| v).to_string();
    let submitted = ["_submission_time", "SubmissionDate", "end"]
        .iter()
        .find_map(|n| cell(n).map(|(_, v)| v).filter(|v| date_of(v).is_some()))
        .map(|v| {
            // KoboToolbox writes UTC without a zone.
            if v.len() == 19 {
                format!("{v}Z")
            } else {
                v.to_string()
            }
        });

    let scale = &hb.config.scale;
    let codes = scale
        .iter()
        .map(|r| r.code.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let yes_label = ui.get("yes").map_or("", String::as_str);
    let no_label = ui.get("no").map_or("", String::as_str);
    let mut ratings = BTreeMap::new();
    let mut evidence = BTreeMap::new();
    for s in &hb.standards {
        for c in &s.criteria {
            let rating = match cell(&name_of(&c.id)) {
                Some((_, "")) | None => None,
                Some((i, v)) => {
                    let found = scale
                        .iter()
                        .find(|r| r.code == v || r.label.to_lowercase() == v.to_lowercase());
                    match found {
                        Some(r) => Some(r.code.clone()),
                        None => {
                            problems.push((
                                i,
                                format!(
                                    "criterion {}: expected a rating of {codes} (or its label), found \"{v}\"",
                                    c.id
                                ),
                            ));
                            None
                        }
                    }
                }
            };
            let note = cell(&note_name(&c.id)).map_or("", |(_, v)| v).to_string();
            if rating.is_some() || !note.is_empty() {
                ratings.insert(c.id.clone(), RatingEntry { rating, note });
            }
            for e in &c.evidence {
                let status = match cell(&name_of(&e.id)) {
                    Some((_, "")) | None => continue,
                    Some((_, v))
                        if v == xlsform::YES || v.to_lowercase() == yes_label.to_lowercase() =>
                    {
                        "present"
                    }
                    Some((_, v))
                        if v == xlsform::NO || v.to_lowercase() == no_label.to_lowercase() =>
                    {
                        "missing"
                    }
                    Some((i, v)) => {
                        problems.push((
                            i,
                            format!(
                                "evidence {}: expected {} or {} (or {yes_label}, {no_label}), found \"{v}\"",
                                e.id,
                                xlsform::YES,
                                xlsform::NO
                            ),
                        ));
                        continue;
                    }
                };
                evidence.insert(
                    e.id.clone(),
                    EvidenceEntry {
                        status: Some(status.to_string()),
                        ..EvidenceEntry::default()
                    },
                );
            }
        }
    }
    if !problems.is_empty() {
        return None;
    }
    let stamp = submitted
        .filter(|s| assessment::is_timestamp(s))
        .unwrap_or_else(|| date.clone());
    let name = if inspector.is_empty() {
        format!("{centre} — {date}")
    } else {
        format!("{centre} — {date} — {inspector}")
    };
    let file = AssessmentFile {
        schema: assessment::SCHEMA.to_string(),
        version: assessment::VERSION,
        handbook: HandbookRef {
            title: hb.config.title.clone(),
            catalog: assessment::catalog_hash(hb),
        },
        assessment: Meta {
            name,
            centre,
            created: stamp.clone(),
            updated: stamp,
        },
        ratings,
        evidence,
        plan: Vec::new(),
    };
    Some((file, date))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_lose_their_group_prefix() {
        assert_eq!(bare("S2/S2_3"), "S2_3");
        assert_eq!(bare("S2-S2_3_note"), "S2_3_note");
        assert_eq!(bare("S2.S2_3_1"), "S2_3_1");
        assert_eq!(bare("centre"), "centre");
        assert_eq!(bare("meta-instanceID"), "instanceID");
    }

    #[test]
    fn dates_and_slugs() {
        assert_eq!(date_of("2026-10-01").as_deref(), Some("2026-10-01"));
        assert_eq!(
            date_of("2026-10-01T09:12:00.000+02:00").as_deref(),
            Some("2026-10-01")
        );
        assert_eq!(date_of("1.10.2026"), None);
        assert_eq!(date_of("2026-13-01"), None);
        assert_eq!(
            slug("Qendra \"Tjetër Vizion\", Elbasan"),
            "qendra-tjeter-vizion-elbasan"
        );
    }

    #[test]
    fn semicolon_csv_with_bom() {
        let t =
            read_csv("\u{feff}centre;date\nA;2026-10-01\n\"B;C\";2026-10-02\n".as_bytes()).unwrap();
        assert_eq!(t.header, ["centre", "date"]);
        assert_eq!(t.rows[1], (3, vec!["B;C".to_string(), "2026-10-02".into()]));
    }
}
