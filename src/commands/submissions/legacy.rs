//! The size of every sheet of an XLS or ODS workbook, measured before the workbook is read:
//! the reader (calamine) reads every sheet of these formats at once, as one rectangle, so a
//! tiny file can ask for gigabytes (one cell at IV65536 of an XLS, a cell repeated 16,384
//! columns × a million rows of an ODS) or stop the program (a record that lies about its
//! size). Each sheet is measured as the reader would place its cells, and refused by the
//! same limits and words as an XLSX sheet ([`super::workbook`]).

use std::io::Read;
use std::path::Path;

use quick_xml::events::{BytesStart, Event};

use super::workbook::{TableError, check_size};

/// The most bytes of an ODS's `content.xml` (unpacked) that are read.
pub const MAX_ODS_XML: u64 = 256 * 1024 * 1024;
/// The most bytes of an XLS's workbook stream.
pub const MAX_XLS_STREAM: u64 = 256 * 1024 * 1024;

/// Measure an XLS workbook (BIFF5/8 in a compound file) record by record.
pub fn check_xls(path: &Path) -> Result<(), TableError> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read the file: {e}"))?;
    let mut comp = cfb::CompoundFile::open(file).map_err(|e| {
        format!("expected a spreadsheet workbook (XLS), found a file that is not one ({e})")
    })?;
    let name = ["/Workbook", "/Book"]
        .into_iter()
        .find(|n| comp.is_stream(n))
        .ok_or("expected a spreadsheet workbook (XLS), found a compound file without a workbook")?;
    let mut stream = Vec::new();
    comp.open_stream(name)
        .map_err(|e| format!("cannot read the workbook: {e}"))?
        .take(MAX_XLS_STREAM + 1)
        .read_to_end(&mut stream)
        .map_err(|e| format!("cannot read the workbook: {e}"))?;
    if stream.len() as u64 > MAX_XLS_STREAM {
        return Err(format!(
            "expected a workbook of at most {} MB, found a larger one; nothing was read",
            MAX_XLS_STREAM >> 20
        )
        .into());
    }
    let broken = |what: &str| -> TableError {
        format!(
            "expected a spreadsheet workbook (XLS), found a damaged one ({what}); nothing was read"
        )
        .into()
    };
    // The workbook's globals: where each sheet begins.
    let mut sheets = Vec::new();
    for r in Records(&stream) {
        let (typ, data) = r.map_err(broken)?;
        match typ {
            0x0085 => {
                if data.len() < 8 {
                    return Err(broken("a sheet entry too short"));
                }
                let pos = u32::from_le_bytes([data[0], data[1], data[2], data[3]]) as usize;
                if pos > stream.len() {
                    return Err(broken("a sheet that begins past the end"));
                }
                sheets.push(pos);
            }
            0x000A => break,
            _ => {}
        }
    }
    for pos in sheets {
        let (mut max_row, mut max_col) = (0u32, 0u32);
        let mut depth = 0usize;
        let mut seen_bof = false;
        let mut cell = |r: u32, c: u32| -> Result<(), TableError> {
            let (r1, c1) = (r + 1, c + 1);
            max_row = max_row.max(r1);
            max_col = max_col.max(c1);
            check_size(max_row, max_col, (r1, c1), "a cell at")
        };
        for rec in Records(&stream[pos..]) {
            let (typ, data) = rec.map_err(broken)?;
            if depth > 0 {
                match typ {
                    0x0809 => depth += 1,
                    0x000A => depth -= 1,
                    _ => {}
                }
                continue;
            }
            let u16at = |i: usize| -> Option<u32> {
                data.get(i..i + 2)
                    .map(|b| u16::from_le_bytes([b[0], b[1]]) as u32)
            };
            match typ {
                0x0809 if seen_bof => depth += 1,
                0x0809 => seen_bof = true,
                0x000A => break,
                0x0200 => {
                    // Dimensions: the first row and column and one past the last.
                    let (rows, cols) = match data.len() {
                        10 => (u16at(2).unwrap_or(0), u16at(6).unwrap_or(0)),
                        14 | 16 => (
                            u32::from_le_bytes([data[4], data[5], data[6], data[7]]),
                            u16at(10).unwrap_or(0),
                        ),
                        _ => return Err(broken("a sheet size record of the wrong length")),
                    };
                    check_size(
                        rows,
                        cols.min(256),
                        (rows.max(1), cols.clamp(1, 256)),
                        "a sheet declared to reach",
                    )?;
                }
                // Number, Label, RString, BoolErr, Rk, LabelSst, Formula, formula String:
                // the row and column come first.
                0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                    let (Some(r), Some(c)) = (u16at(0), u16at(2)) else {
                        return Err(broken("a cell record too short"));
                    };
                    cell(r, c)?;
                }
                // MulRk: a row, the first and the last column.
                0x00BD => {
                    let (Some(r), Some(first), Some(last)) = (
                        u16at(0),
                        u16at(2),
                        data.len().checked_sub(2).and_then(u16at),
                    ) else {
                        return Err(broken("a cell record too short"));
                    };
                    if last < first || data.len() != 6 + 6 * (last - first + 1) as usize {
                        return Err(broken("a row of numbers of the wrong length"));
                    }
                    cell(r, last)?;
                }
                _ => {}
            }
        }
    }
    Ok(())
}

/// The records of a BIFF stream: type and data (`Continue` records are data too).
struct Records<'a>(&'a [u8]);

impl<'a> Iterator for Records<'a> {
    type Item = Result<(u16, &'a [u8]), &'static str>;
    fn next(&mut self) -> Option<Self::Item> {
        if self.0.is_empty() {
            return None;
        }
        if self.0.len() < 4 {
            self.0 = &[];
            return Some(Err("a record cut short"));
        }
        let typ = u16::from_le_bytes([self.0[0], self.0[1]]);
        let len = u16::from_le_bytes([self.0[2], self.0[3]]) as usize;
        if self.0.len() < 4 + len {
            self.0 = &[];
            return Some(Err("a record longer than the stream"));
        }
        let data = &self.0[4..4 + len];
        self.0 = &self.0[4 + len..];
        Some(Ok((typ, data)))
    }
}

/// The most bytes any part of an XLSX or ODS workbook may unpack to.
pub const MAX_PART: u64 = 256 * 1024 * 1024;

/// Refuse a zipped workbook (XLSX, ODS) a part of which unpacks to more than [`MAX_PART`]
/// (its reader holds some parts whole, such as the shared strings: a packed megabyte can
/// unpack to gigabytes).
pub fn check_unpacked(path: &Path, kind: &str) -> Result<(), TableError> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read the file: {e}"))?;
    let Ok(mut zip) = zip::ZipArchive::new(file) else {
        // Not a zip: the reader says so in its words.
        return Ok(());
    };
    for i in 0..zip.len() {
        let Ok(part) = zip.by_index_raw(i) else {
            continue;
        };
        if part.size() > MAX_PART {
            return Err(format!(
                "expected a workbook ({kind}) whose parts unpack to at most {} MB each, found {} of {} MB; nothing was read",
                MAX_PART >> 20,
                part.name().map(|n| n.into_owned()).unwrap_or_default(),
                part.size() >> 20
            )
            .into());
        }
    }
    Ok(())
}

/// Measure an ODS workbook: each sheet's rows and cells with their repeats, as the reader
/// places them (an empty cell or row takes room only before a cell that holds something).
pub fn check_ods(path: &Path) -> Result<(), TableError> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read the file: {e}"))?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| {
        format!("expected a spreadsheet workbook (ODS), found a file that is not one ({e})")
    })?;
    let content = zip.by_name("content.xml").map_err(|e| {
        format!("expected a spreadsheet workbook (ODS), found one without its content ({e})")
    })?;
    let mut counted = Counted {
        inner: content,
        read: 0,
    };
    let result = scan_ods(&mut counted);
    if counted.read > MAX_ODS_XML {
        return Err(format!(
            "expected a workbook of at most {} MB of content, found a larger one; nothing was read",
            MAX_ODS_XML >> 20
        )
        .into());
    }
    result
}

/// A reader that stops after [`MAX_ODS_XML`] bytes, counting.
struct Counted<R> {
    inner: R,
    read: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.read > MAX_ODS_XML {
            return Ok(0);
        }
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        Ok(n)
    }
}

fn repeats(e: &BytesStart, name: &str) -> Result<u64, TableError> {
    for a in e.attributes().flatten() {
        if a.key.as_ref() == name {
            let v: &str = &a.value;
            return v.trim().parse::<u64>().map_err(|_| {
                TableError::from(format!(
                    "expected a spreadsheet workbook (ODS), found a repeat count {v:?}; nothing was read"
                ))
            });
        }
    }
    Ok(1)
}

fn holds_value(e: &BytesStart) -> bool {
    e.attributes().flatten().any(|a| {
        matches!(
            a.key.as_ref(),
            "office:value-type" | "table:formula" | "calcext:value-type"
        )
    })
}

fn scan_ods<R: Read>(content: R) -> Result<(), TableError> {
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(content));
    let mut buf = Vec::new();
    // Within a sheet: the next row's number, the largest used row and column.
    let (mut row, mut max_row, mut max_col) = (0u64, 0u64, 0u64);
    // Within a row: its repeat, the next column, whether it holds something.
    let (mut row_rep, mut col, mut row_used) = (1u64, 0u64, 0u64);
    let refuse = |r: u64, c: u64, what: &str| -> Result<(), TableError> {
        let (r, c) = (r.min(u32::MAX as u64) as u32, c.min(u32::MAX as u64) as u32);
        check_size(r, c, (r, c), what)
    };
    loop {
        let ev = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("expected a spreadsheet workbook (ODS), found damaged content ({e}); nothing was read"))?;
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let closed = matches!(ev, Event::Empty(_));
                match e.name().as_ref() {
                    "table:table" => (row, max_row, max_col) = (0, 0, 0),
                    "table:table-row" => {
                        row_rep = repeats(e, "table:number-rows-repeated")?;
                        (col, row_used) = (0, 0);
                        if closed {
                            row = row.saturating_add(row_rep);
                        }
                    }
                    "table:table-cell" | "table:covered-table-cell" => {
                        let rep = repeats(e, "table:number-columns-repeated")?;
                        if holds_value(e) || !closed {
                            // Whether it holds text is known at its end; count it as
                            // used (the reader keeps at most the same).
                            let end = col.saturating_add(rep);
                            row_used = row_used.max(end);
                            max_col = max_col.max(end);
                            refuse(max_row.max(row + 1), max_col, "a cell at")?;
                        }
                        col = col.saturating_add(rep);
                    }
                    _ => {}
                }
            }
            Event::End(ref e) if e.name().as_ref() == "table:table-row" => {
                if row_used > 0 {
                    let last = row.saturating_add(row_rep);
                    max_row = max_row.max(last);
                    refuse(max_row, max_col.max(1), "a cell at")?;
                }
                row = row.saturating_add(row_rep);
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(())
}
