//! `aggregate`'s tables for spreadsheets: the criterion × centre table (each centre's
//! latest assessment: the points of each criterion's rating, the label of a step without
//! points, empty where unrated) as a CSV, and both tables (centres × standards, criteria ×
//! centres) as an XLSX workbook with numbers as numbers.
//!
//! The CSV goes through the one CSV writer (`crate::csv_out`), with the pack's decimal mark
//! and `;` between fields where that mark is a comma ([`csv_bytes`]).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::assessment::AssessmentFile;
use crate::diagnostics::{Diagnostics, Pos};
use crate::pipeline::model::Handbook;

/// A row of the centres × standards table, as `aggregate` computed it.
pub struct CentreScores {
    pub centre: String,
    pub name: String,
    pub scores: Vec<Option<f64>>,
    pub total: Option<f64>,
    pub unrated: usize,
}

/// The criterion × centre CSV and the workbook of both tables, to be written into `out`
/// (`name` the comparison's file name): each path with its bytes.
#[allow(clippy::too_many_arguments)]
pub fn files(
    hb: &Handbook,
    files: &[AssessmentFile],
    latest: &[usize],
    rows: &[CentreScores],
    ui: &HashMap<String, String>,
    out: &Path,
    name: &str,
    diags: &mut Diagnostics,
) -> Option<[(PathBuf, Vec<u8>); 2]> {
    let word = |k: &str| crate::theme::say(ui, k, &[]);
    let centre_names: Vec<String> = latest.iter().map(|&i| rows[i].centre.clone()).collect();
    let by_criterion = criteria_by_centre(
        hb,
        files,
        latest,
        &centre_names,
        ui,
        word("aggregate_sheet_criteria"),
    );
    let mut header = vec![word("csv_centre"), word("csv_assessment")];
    header.extend(hb.standards.iter().map(|s| s.id.clone()));
    header.extend([word("csv_total"), word("csv_unrated")]);
    let share = |p: Option<f64>| p.map_or(Cell::Empty, |p| Cell::Number((p * 10.0).round() / 10.0));
    let by_centre = Table {
        sheet: word("aggregate_sheet_centres"),
        header,
        rows: rows
            .iter()
            .map(|r| {
                let mut row = vec![Cell::Text(r.centre.clone()), Cell::Text(r.name.clone())];
                row.extend(r.scores.iter().map(|s| share(*s)));
                row.push(share(r.total));
                row.push(Cell::Number(r.unrated as f64));
                row
            })
            .collect(),
        shares: true,
    };
    let criteria_path = out.join(format!("{}.csv", word("aggregate_criteria_file_name")));
    let (sep, decimal) = super::report::csv_format(ui);
    let xlsx_path = out.join(format!("{name}.xlsx"));
    match xlsx_bytes(&[&by_centre, &by_criterion]) {
        Ok(bytes) => Some([
            (criteria_path, csv_bytes(&by_criterion, sep, &decimal)),
            (xlsx_path, bytes),
        ]),
        Err(e) => {
            diags.error(
                Pos::file(&xlsx_path),
                format!(
                    "cannot write the workbook: {}",
                    crate::diagnostics::workbook_problem(&e)
                ),
            );
            None
        }
    }
}

/// One cell of a table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

impl Cell {
    fn text(&self, decimals: bool) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Number(n) if decimals => format!("{n:.1}"),
            Cell::Number(n) => format!("{n}"),
            Cell::Empty => String::new(),
        }
    }
}

/// A table: its sheet name, its header, its rows, and whether its numbers are shares
/// (written with one decimal).
pub struct Table {
    pub sheet: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    pub shares: bool,
}

/// The criterion × centre table: a row per criterion (id, number, text), a column per
/// centre (its latest assessment, `latest[k]` the file of `centres[k]`).
pub fn criteria_by_centre(
    hb: &Handbook,
    files: &[AssessmentFile],
    latest: &[usize],
    centres: &[String],
    ui: &HashMap<String, String>,
    sheet: String,
) -> Table {
    let word = |k: &str| ui.get(k).cloned().unwrap_or_default();
    let mut header = vec![word("csv_id"), word("csv_number"), word("csv_text")];
    header.extend(centres.iter().cloned());
    let mut rows = Vec::new();
    for s in &hb.standards {
        for c in &s.criteria {
            let mut row = vec![
                Cell::Text(c.id.clone()),
                Cell::Text(format!("{}.{}", s.number, c.number)),
                Cell::Text(
                    crate::markdown::to_plain(&crate::markdown::unmarked(&c.text))
                        .replace('\n', " "),
                ),
            ];
            for &i in latest {
                let code = files[i]
                    .ratings
                    .get(&c.id)
                    .and_then(|r| r.rating.as_deref());
                let step = code.and_then(|code| hb.config.scale.iter().find(|r| r.code == code));
                row.push(match step {
                    Some(r) => match r.points {
                        Some(p) => Cell::Number(p as f64),
                        None => Cell::Text(r.label.clone()),
                    },
                    None => Cell::Empty,
                });
            }
            rows.push(row);
        }
    }
    Table {
        sheet,
        header,
        rows,
        shares: false,
    }
}

/// A table as CSV through the one CSV writer: UTF-8 with a byte-order mark (so Excel reads
/// the letters), CRLF, fields parted by `sep`, numbers with the `decimal` mark.
pub fn csv_bytes(table: &Table, sep: char, decimal: &str) -> Vec<u8> {
    let mut csv = crate::csv_out::Csv::with_separator(sep);
    csv.row(&table.header);
    for r in &table.rows {
        csv.row(r.iter().map(|c| match c {
            Cell::Number(_) => c.text(table.shares).replace('.', decimal),
            _ => c.text(table.shares),
        }));
    }
    csv.into_string().into_bytes()
}

/// Tables as one workbook, a sheet each: a bold, frozen header; numbers as numbers
/// (shares with one decimal); text as text, never a formula.
pub fn xlsx_bytes(tables: &[&Table]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let one = Format::new().set_num_format("0.0");
    for t in tables {
        let sheet = wb.add_worksheet();
        // Sheet names: at most 31 characters, none of []:*?/\
        let name: String = t
            .sheet
            .chars()
            .filter(|c| !"[]:*?/\\".contains(*c))
            .take(31)
            .collect();
        sheet.set_name(&name)?;
        for (col, h) in t.header.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, h, &bold)?;
        }
        for (i, r) in t.rows.iter().enumerate() {
            let line = i as u32 + 1;
            for (col, c) in r.iter().enumerate() {
                let col = col as u16;
                match c {
                    Cell::Text(s) => {
                        sheet.write_string(line, col, s)?;
                    }
                    Cell::Number(n) if t.shares => {
                        sheet.write_number_with_format(line, col, *n, &one)?;
                    }
                    Cell::Number(n) => {
                        sheet.write_number(line, col, *n)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        sheet.set_freeze_panes(1, 0)?;
        sheet.autofit();
    }
    wb.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_ends_lines_as_excel_reads_them() {
        let t = Table {
            sheet: "x".into(),
            header: vec!["a".into(), "b".into()],
            rows: vec![vec![Cell::Text("Qendra, Vlorë".into()), Cell::Number(75.0)]],
            shares: true,
        };
        assert_eq!(
            String::from_utf8(csv_bytes(&t, ',', ".")).unwrap(),
            "\u{feff}a,b\r\n\"Qendra, Vlorë\",75.0\r\n"
        );
        assert_eq!(
            String::from_utf8(csv_bytes(&t, ';', ",")).unwrap(),
            "\u{feff}a;b\r\nQendra, Vlorë;75,0\r\n"
        );
    }
}
