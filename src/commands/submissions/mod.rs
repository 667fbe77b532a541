//! `doracak import-submissions`: the data export of the audit XLSForm (CSV or XLSX, as
//! KoboToolbox and ODK Central write it) → one assessment file per submission.
//!
//! Columns are found by the form's question names (see `xlsform`), with or without group
//! prefixes (`S2/S2_3`, `S2-S2_3`, `S2.S2_3`); other columns are ignored, but for the
//! submission's id (`_uuid`, `meta-instanceID`, `KEY`). Values may be the choices' names
//! (`met`, `yes`) or their labels (`Përmbushur`, `Po`). A row that does not validate is
//! reported with its row number as the spreadsheet shows it (the header is row 1) and
//! skipped; the others are written, each to a file named by centre, date and submission
//! id, so importing again changes nothing and two submissions never share a file. Every
//! file written passes `assessment::read`, as the browser import does.

use crate::text::TextExt;

mod legacy;
mod row;
mod table;
mod workbook;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::assessment;
use crate::centres::Registry;
use crate::diagnostics::{Diagnostics, Pos};
use crate::pipeline::model::Handbook;
use crate::pipeline::render::xlsform::{self, name_of};

pub use row::cut;
pub use table::{ReadError, Table, read_table};
pub use workbook::{MAX_CELLS, MAX_COLUMNS, MAX_ROWS};

/// What an import did.
#[derive(Debug, Default)]
pub struct Imported {
    /// The files written, with the row each came from.
    pub written: Vec<(u32, PathBuf)>,
    /// The submissions imported before whose files are as this import would write them.
    pub unchanged: Vec<(u32, PathBuf)>,
    /// The submissions imported before whose files differ now (edited since): kept.
    pub kept: Vec<(u32, PathBuf)>,
    /// The rows skipped (their problems are in the diagnostics), duplicates included.
    pub skipped: Vec<u32>,
    /// The centres met under several spellings: the name they count as, the spellings.
    pub merged: Vec<(String, Vec<String>)>,
}

/// A column header without its group prefix: `S2/S2_3`, `S2-S2_3`, `S2.S2_3` → `S2_3`.
pub fn bare(header: &str) -> &str {
    let h = header.trim();
    h.rsplit(['/', '-', '.', ':']).next().unwrap_or(h)
}

/// Lower-case letters, digits and single dashes: `Qendra "Tjetër Vizion"` → `qendra-tjeter-vizion`.
fn slug(s: &str) -> String {
    crate::text::slug(s)
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
pub struct Columns {
    header: Vec<String>,
    by_name: HashMap<String, usize>,
}

impl Columns {
    fn new(header: &[String]) -> Columns {
        let mut by_name = HashMap::new();
        for (i, h) in header.iter().enumerate() {
            by_name.entry(bare(h).to_string()).or_insert(i);
        }
        Columns {
            header: header.to_vec(),
            by_name,
        }
    }

    fn col(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }

    /// A column's header as the file writes it.
    fn header(&self, i: usize) -> &str {
        self.header.get(i).map_or("", String::as_str)
    }
}

/// The columns that carry a submission's id: KoboToolbox's `_uuid`, ODK Central's
/// `meta-instanceID` (bare `instanceID`) and ODK Briefcase's `KEY`.
const ID_COLUMNS: [&str; 3] = ["_uuid", "instanceID", "KEY"];

/// A submission's id for a file name: `uuid:5A1E…` → `5a1e…`; only letters, digits and
/// dashes; at most 64 characters. Without an id column, one from the row's content, so
/// the same row still gives the same file.
fn submission_id(cols: &Columns, cells: &[String]) -> String {
    let given = ID_COLUMNS
        .iter()
        .filter_map(|n| cols.col(n))
        .filter_map(|i| cells.get(i))
        .map(|v| {
            let v = v.trim();
            v.strip_prefix("uuid:").unwrap_or(v)
        })
        .find(|v| !v.is_empty());
    match given {
        Some(v) => {
            let s: String = slug(v).chars().take(64).collect();
            // An id the slug keeps whole (up to case: `uuid:5A1E…` is `5a1e…`) is its own
            // name; one it changes (`a_b` and `a b` are both `a-b`, `日本` is empty) or
            // cuts gets its hash too, so two submissions never share a file name.
            if s == v.lowered() {
                s
            } else {
                let h = fnv([v.as_bytes()].into_iter());
                let s: String = s.chars().take(47).collect();
                let s = s.trim_end_matches('-');
                if s.is_empty() {
                    format!("id{h:016x}")
                } else {
                    format!("{s}-{h:016x}")
                }
            }
        }
        None => {
            let h = fnv(cells.iter().map(String::as_bytes));
            format!("row{h:016x}")
        }
    }
}

/// FNV-1a over byte strings, each ended by a 0: the same cells give the same hash.
fn fnv<'a>(parts: impl Iterator<Item = &'a [u8]>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in parts.flat_map(|c| c.iter().copied().chain([0])) {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The files already in `out`, by the submission id their name ends with.
fn existing(out: &Path) -> HashMap<String, PathBuf> {
    let mut found = HashMap::new();
    for entry in std::fs::read_dir(out).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix(".json")
            && let Some((_, id)) = stem.rsplit_once("--")
        {
            found.insert(id.to_string(), entry.path());
        }
    }
    found
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
        Err(e) => {
            let pos = match e.at {
                Some((row, col)) => Pos::new(file, row, col),
                None => Pos::file(file),
            };
            let d = diags.error(pos, e.message);
            if let Some(h) = e.hint {
                d.hint(h);
            }
            return None;
        }
    };
    if let Some(enc) = table.encoding {
        diags
            .warning(
                Pos::file(file),
                format!("expected UTF-8 text, found {enc}; read as {enc}"),
            )
            .hint(table::legacy_hint());
    }
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
    if crate::commands::output::place_refused(out, out, false, diags) {
        return None;
    }
    if let Err(e) = std::fs::create_dir_all(out) {
        diags.error(Pos::file(out), format!("cannot create the folder: {e}"));
        return None;
    }
    let mut result = Imported::default();
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
    let mut centres = Registry::new(&hb.config.centres);
    let before = existing(out);
    let mut seen: HashMap<String, u32> = HashMap::new();
    // The old naming: the n-th visit of one centre and date in an export was `…-n.json`.
    let mut ordinals: HashMap<String, u32> = HashMap::new();
    let mut claimed: Vec<PathBuf> = Vec::new();
    let id_col = ID_COLUMNS.iter().find_map(|n| cols.col(n)).unwrap_or(0) as u32 + 1;
    for (line, cells) in &table.rows {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let id = submission_id(&cols, cells);
        if let Some(first) = seen.get(&id) {
            diags.warning(
                Pos::new(file, *line, id_col),
                format!(
                    "row {line}: expected each submission once, found submission {id} again (first in row {first}); the row is skipped"
                ),
            );
            result.skipped.push(*line);
            continue;
        }
        seen.insert(id.clone(), *line);
        let mut problems: Vec<(usize, String)> = Vec::new();
        let Some(visit) = row::submission(hb, ui, &cols, cells, &mut centres, &mut problems) else {
            report_row(diags, file, *line, &problems);
            result.skipped.push(*line);
            continue;
        };
        for (col, w) in &visit.warnings {
            diags.warning(
                Pos::new(file, *line, *col as u32 + 1),
                format!("row {line}: {w}"),
            );
        }
        let text = serde_json::to_string_pretty(&visit.file).unwrap_or_default();
        let checked = assessment::read(&text, hb);
        for note in &checked.notes {
            diags.warning(
                Pos::new(file, *line, 1),
                format!("row {line}: {}", note.message),
            );
        }
        if !checked.problems.is_empty() {
            let problems: Vec<(usize, String)> = checked
                .problems
                .into_iter()
                .map(|p| (0, p.message))
                .collect();
            report_row(diags, file, *line, &problems);
            result.skipped.push(*line);
            continue;
        }
        let who = visit
            .centre
            .id
            .clone()
            .unwrap_or_else(|| slug(&visit.centre.name).chars().take(60).collect());
        let path = before.get(&id).cloned().unwrap_or_else(|| {
            out.join(format!(
                "{}-{}--{id}.json",
                who.trim_end_matches('-'),
                visit.date
            ))
        });
        let content = format!("{text}\n");
        // A file an earlier doracak wrote for this submission, named by centre and date
        // only (`…-2026-10-05.json`, `…-2.json`), edited or not (docs/xlsform.md).
        let bases = [slug(&visit.typed), slug(&visit.centre.name)];
        let base = format!("{}-{}", bases[0], visit.date);
        let ordinal = {
            let n = ordinals.entry(base).or_insert(0);
            *n += 1;
            *n
        };
        let earlier = (!before.contains_key(&id))
            .then(|| {
                old_named(
                    out,
                    &bases,
                    &visit.date,
                    &visit.file.assessment.created,
                    ordinal,
                    &content,
                    &claimed,
                )
            })
            .flatten();
        if let Some(p) = &earlier {
            claimed.push(p.clone());
        }
        let path = earlier.unwrap_or(path);
        match holds(&path, content.as_bytes()) {
            Some(true) => {
                result.unchanged.push((*line, path));
                continue;
            }
            Some(false) => {
                diags
                    .warning(
                        Pos::new(file, *line, id_col),
                        format!(
                            "row {line}: submission {id} was imported before into {}, and that file differs now; it is kept as it is",
                            path.display()
                        ),
                    )
                    .hint("the file was edited since (here or on the server): to import the submission again, move the file away first");
                result.kept.push((*line, path));
                continue;
            }
            None => {}
        }
        // Written only where nothing is, atomically (commands::output): a file put there
        // in the meantime is kept.
        match crate::commands::output::write_new(&path, content.as_bytes(), diags) {
            Some(true) => result.written.push((*line, path)),
            Some(false) => {
                diags.warning(
                    Pos::new(file, *line, id_col),
                    format!(
                        "row {line}: submission {id}: a file came to {} while importing; it is kept as it is",
                        path.display()
                    ),
                );
                result.kept.push((*line, path));
            }
            None => result.skipped.push(*line),
        }
    }
    result.merged = centres.merged();
    Some(result)
}

/// The file an earlier doracak wrote for this submission under the old naming
/// (`<centre>-<date>.json`, the n-th visit of that centre and date in its export
/// `<centre>-<date>-<n>.json`), edited since or not. The rule: among the old-named files of
/// this centre and date not yet claimed by another row, one with the bytes this import
/// would write; else one whose `assessment.created` is this submission's time (what the
/// earlier doracak wrote there and what neither the browser nor an edit of the ratings
/// changes). Where the export gives no submission time, `created` is only the visit's
/// date, shared by every visit of that day: then only the file of the same position
/// (`-n`) counts.
fn old_named(
    out: &Path,
    bases: &[String],
    date: &str,
    created: &str,
    ordinal: u32,
    content: &str,
    claimed: &[PathBuf],
) -> Option<PathBuf> {
    let mut candidates: Vec<(PathBuf, u32)> = Vec::new();
    for entry in std::fs::read_dir(out).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".json") else {
            continue;
        };
        for b in bases {
            let base = format!("{b}-{date}");
            let n = match stem.strip_prefix(base.as_str()) {
                Some("") => 1,
                Some(rest) => match rest.strip_prefix('-').map(str::parse::<u32>) {
                    Some(Ok(n)) if n >= 2 => n,
                    _ => continue,
                },
                None => continue,
            };
            let path = entry.path();
            if !claimed.contains(&path) && !candidates.iter().any(|(p, _)| *p == path) {
                candidates.push((path, n));
            }
        }
    }
    candidates.sort();
    if let Some((p, _)) = candidates
        .iter()
        .find(|(p, _)| holds(p, content.as_bytes()) == Some(true))
    {
        return Some(p.clone());
    }
    let created_of = |p: &Path| -> Option<String> {
        // Only a regular file of a visit's size is read (never a link to a device).
        let meta = std::fs::symlink_metadata(p).ok()?;
        if !meta.is_file() || meta.len() > 64 << 20 {
            return None;
        }
        let v: serde_json::Value = serde_json::from_slice(&std::fs::read(p).ok()?).ok()?;
        Some(v.get("assessment")?.get("created")?.as_str()?.to_string())
    };
    let timed = created.len() > 10;
    candidates
        .into_iter()
        .filter(|(_, n)| timed || *n == ordinal)
        .find(|(p, _)| created_of(p).as_deref() == Some(created))
        .map(|(p, _)| p)
}

/// Whether the file at `path` holds exactly `bytes` (`None`: nothing is there). Only a
/// regular file of the same length is read, so a link to a device or a huge file is never
/// read whole.
fn holds(path: &Path, bytes: &[u8]) -> Option<bool> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.is_file() || meta.len() != bytes.len() as u64 {
        return Some(false);
    }
    Some(std::fs::read(path).is_ok_and(|b| b == bytes))
}

fn report_row(diags: &mut Diagnostics, file: &Path, line: u32, problems: &[(usize, String)]) {
    for (col, p) in problems {
        diags.error(
            Pos::new(file, line, *col as u32 + 1),
            format!("row {line}: {p}; the row is skipped"),
        );
    }
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
    fn a_submission_is_known_by_its_id() {
        let cols = Columns::new(&["centre".into(), "meta-instanceID".into()]);
        let row = ["A".to_string(), "uuid:5A1E-77".into()];
        assert_eq!(submission_id(&cols, &row), "5a1e-77");
        let cols = Columns::new(&["centre".into()]);
        let a = submission_id(&cols, &["A".to_string()]);
        assert_eq!(a, submission_id(&cols, &["A".to_string()]));
        assert_ne!(a, submission_id(&cols, &["B".to_string()]));
    }
}
