//! `doracak training-report`: the staff training roster (HTML and CSV) from training files
//! exported by the site's training records page: who was trained on which procedure or
//! role, on which edition, with which score, and who is due a refresher.
//!
//! A file is read strictly, by the same rules as the browser's import
//! (theme/static/training-store.js; docs/training-format.md): a key twice in one object, an
//! unknown field, a missing or malformed one are errors at their line and column, all at
//! once; a file with any error is refused.

mod parse;
mod roster;

use std::path::{Path, PathBuf};

use minijinja::context;

use crate::diagnostics::{Diagnostics, Pos};
use crate::pipeline::model::Handbook;
use crate::pipeline::render::{environment, template_value, ui_strings};
use crate::theme::Theme;

pub use parse::{Record, TrainingFile, parse, read_training};
pub use roster::{RosterRow, add_months, roster};

/// The name of the format, in its `format` field.
pub const FORMAT: &str = "doracak-training";
/// The version this doracak reads and the site writes.
pub const VERSION: u64 = 1;
/// The refresher period when neither the command line nor `doracak.toml` sets one.
pub const DEFAULT_REFRESHER_MONTHS: u32 = 12;

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
    let ctx = context! {
        csp => super::report::REPORT_CSP, style => super::report::style(&theme), ui => template_value(&ui),
        site => context! { title => hb.config.title.clone(), language => hb.config.language.clone() },
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
    let mut csv = String::from("\u{feff}");
    let head = [
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
    ];
    csv.push_str(
        &head
            .iter()
            .map(|h| csv_field(h))
            .collect::<Vec<_>>()
            .join(","),
    );
    csv.push_str("\r\n");
    for r in &rows {
        let yes_no = |b: bool| word(if b { "training_yes" } else { "training_no" });
        let cells = [
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
        ];
        csv.push_str(
            &cells
                .iter()
                .map(|c| csv_field(c))
                .collect::<Vec<_>>()
                .join(","),
        );
        csv.push_str("\r\n");
    }
    let name = word("training_report_file_name");
    let html_path = out.join(format!("{name}.html"));
    let csv_path = out.join(format!("{name}.csv"));
    super::report::write_file(&html_path, html.as_bytes(), diags)?;
    super::report::write_file(&csv_path, csv.as_bytes(), diags)?;
    Some(vec![html_path, csv_path])
}

/// A CSV cell; a cell a spreadsheet would take for a formula is quoted with a `'` first.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r', ';']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}
