//! `doracak training-report`: the staff training roster (HTML and CSV) from training files
//! exported by the site's training records page: who was trained on which procedure or
//! role, on which edition, with which score, and who is due a refresher.
//!
//! A file is read strictly, by the same rules as the browser's import
//! (theme/static/training-store.js; docs/training-format.md): a key twice in one object, an
//! unknown field, a missing or malformed one are errors at their line and column, all at
//! once; a file with any error is refused.

use crate::text::TextExt;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use minijinja::context;
use serde::Serialize;

use crate::diagnostics::{Diagnostics, Pos};
use crate::pipeline::model::Handbook;
use crate::pipeline::render::{environment, template_value, ui_strings};
use crate::theme::Theme;

mod read;

pub use read::{parse, read_training};

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

impl Record {
    /// The title the record shows: its own, else the subject it covers.
    pub(crate) fn shown_title(&self) -> String {
        if self.title.is_empty() {
            self.subject.clone()
        } else {
            self.title.clone()
        }
    }
}

/// A training file, checked.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainingFile {
    pub handbook_title: String,
    pub handbook_edition: String,
    pub records: Vec<Record>,
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
        (crate::text::fold(&a.name).lowered(), &a.date, &a.saved).cmp(&(
            crate::text::fold(&b.name).lowered(),
            &b.date,
            &b.saved,
        ))
    });
    let person = |r: &Record| {
        (
            crate::text::fold(r.name.trim()).lowered(),
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
                title: r.shown_title(),
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
}
