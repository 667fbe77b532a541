//! A workbook export (XLSX; XLS and ODS too) read as a table, from its first sheet.
//!
//! An XLSX sheet is read cell by cell, never as one rectangle: a sheet that declares or
//! holds a cell beyond [`MAX_ROWS`] rows, [`MAX_COLUMNS`] columns or [`MAX_CELLS`] cells
//! (rows × columns of the used area) is refused at that cell, before anything of its size
//! is allocated. (One cell at XFD1048576 would otherwise ask for a rectangle of 17 billion
//! cells.) XLS and ODS sheets, which the reader reads whole, are measured by the same
//! limits before they are read (`legacy`).

use std::collections::BTreeMap;
use std::path::Path;

use calamine::{Data, Reader};

use super::Table;

/// Why a workbook could not be read, and where (row and column, 1-based, where known).
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

/// The most rows a sheet may have (the header included).
pub const MAX_ROWS: u32 = 100_000;
/// The most columns a sheet may have.
pub const MAX_COLUMNS: u32 = 4_096;
/// The most cells (rows × columns) of the area a sheet uses.
pub const MAX_CELLS: u64 = 5_000_000;

pub(super) fn read(path: &Path) -> Result<Table, TableError> {
    let is_xlsx = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["xlsx", "xlsm"].contains(&e.to_ascii_lowercase().as_str()));
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    // XLS and ODS are measured first (`legacy`): their reader reads every sheet at once.
    match ext.as_str() {
        "xls" => super::legacy::check_xls(path)?,
        "ods" => {
            super::legacy::check_unpacked(path, "ODS")?;
            super::legacy::check_ods(path)?
        }
        _ => super::legacy::check_unpacked(path, "XLSX")?,
    }
    let kind = if ext == "xls" || ext == "ods" {
        ext.to_ascii_uppercase()
    } else {
        "XLSX".into()
    };
    // A reader that stops on a damaged file is answered with an error, never a crash.
    let quiet = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let read = std::panic::catch_unwind(|| {
        if is_xlsx {
            read_xlsx(path)
        } else {
            read_other(path, &kind)
        }
    });
    std::panic::set_hook(quiet);
    read.unwrap_or_else(|_| {
        Err(format!(
            "expected a spreadsheet workbook ({kind}), found a damaged one the reader could not read; nothing was read"
        )
        .into())
    })
}

/// A column number as a spreadsheet names it: 1 → A, 16384 → XFD.
fn column_name(mut col: u32) -> String {
    let mut name = Vec::new();
    while col > 0 {
        let r = (col - 1) % 26;
        name.push(b'A' + r as u8);
        col = (col - 1) / 26;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// Refuse an area that ends at (`rows`, `cols`) (1-based, from A1) when it passes a limit.
pub(super) fn check_size(
    rows: u32,
    cols: u32,
    at: (u32, u32),
    what: &str,
) -> Result<(), TableError> {
    let cells = rows as u64 * cols as u64;
    if rows <= MAX_ROWS && cols <= MAX_COLUMNS && cells <= MAX_CELLS {
        return Ok(());
    }
    Err(TableError {
        at: Some(at),
        message: format!(
            "expected a sheet of at most {MAX_ROWS} rows, {MAX_COLUMNS} columns and {MAX_CELLS} cells, found {what} {}{} ({rows} rows × {cols} columns = {cells} cells); nothing was read",
            column_name(at.1),
            at.0
        ),
    })
}

fn read_xlsx(path: &Path) -> Result<Table, TableError> {
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(path)
        .map_err(|e| format!("expected a spreadsheet workbook (XLSX), found {e}"))?;
    let name = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or("expected a sheet with the submissions, found a workbook without sheets")?;
    let mut reader = book
        .worksheet_cells_reader(&name)
        .map_err(|e| format!("cannot read the first sheet: {e}"))?;
    // The size the sheet declares, checked before a cell is read…
    let dim = reader.dimensions();
    let (end_row, end_col) = (dim.end.0.saturating_add(1), dim.end.1.saturating_add(1));
    check_size(
        end_row,
        end_col,
        (end_row, end_col),
        "a sheet declared to reach",
    )?;
    // …and each cell, where the declaration is missing or wrong.
    let mut rows: BTreeMap<u32, Vec<(u32, String)>> = BTreeMap::new();
    let (mut max_row, mut max_col) = (0u32, 0u32);
    while let Some(cell) = reader
        .next_cell()
        .map_err(|e| format!("cannot read the first sheet: {e}"))?
    {
        let (r, c) = cell.get_position();
        let value = text(&Data::from(cell.get_value().clone()));
        if value.is_empty() {
            continue;
        }
        let (r1, c1) = (r.saturating_add(1), c.saturating_add(1));
        max_row = max_row.max(r1);
        max_col = max_col.max(c1);
        check_size(max_row, max_col, (r1, c1), "a cell at")?;
        rows.entry(r).or_default().push((c, value));
    }
    let mut table = Table::default();
    let first = rows.keys().next().copied().unwrap_or(0);
    let first_col = rows
        .values()
        .flat_map(|cells| cells.iter().map(|(c, _)| *c))
        .min()
        .unwrap_or(0);
    let width = (max_col as usize).saturating_sub(first_col as usize);
    // Rows in between that hold nothing are rows too: their numbers stay the sheet's.
    for r in first..=rows.keys().last().copied().unwrap_or(0) {
        let mut cells = vec![String::new(); width];
        if let Some(found) = rows.remove(&r) {
            for (c, v) in found {
                cells[(c - first_col) as usize] = v;
            }
        }
        if r == first {
            table.header = cells;
        } else {
            table.rows.push((r + 1, cells));
        }
    }
    Ok(table)
}

/// XLS and ODS: the sheet as one rectangle.
fn read_other(path: &Path, kind: &str) -> Result<Table, TableError> {
    let mut book = calamine::open_workbook_auto(path)
        .map_err(|e| format!("expected a spreadsheet workbook ({kind}), found {e}"))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or("expected a sheet with the submissions, found a workbook without sheets")?
        .map_err(|e| format!("cannot read the first sheet: {e}"))?;
    let first_row = range.start().map_or(0, |(r, _)| r);
    let mut table = Table::default();
    for (i, row) in range.rows().enumerate() {
        let cells: Vec<String> = row.iter().map(text).collect();
        let line = first_row + i as u32 + 1;
        if i == 0 {
            table.header = cells;
        } else {
            table.rows.push((line, cells));
        }
    }
    Ok(table)
}

/// A cell's value as the text an export means by it.
fn text(c: &Data) -> String {
    match c {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => (*f as i64).to_string(),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => {
            // Days since 1899-12-30; whole days are dates.
            let secs = ((d.as_f64() - 25_569.0) * 86_400.0).round().max(0.0) as u64;
            let full = crate::pipeline::render::oscal::rfc3339(secs);
            if d.as_f64().fract() == 0.0 {
                full[..10].to_string()
            } else {
                full
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn columns_are_named_as_spreadsheets_name_them() {
        assert_eq!(super::column_name(1), "A");
        assert_eq!(super::column_name(26), "Z");
        assert_eq!(super::column_name(27), "AA");
        assert_eq!(super::column_name(16_384), "XFD");
    }
}
