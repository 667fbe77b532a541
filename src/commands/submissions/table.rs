//! Reading an export as the spreadsheet shows it: CSV (comma, semicolon or tab; UTF-8
//! with or without a byte-order mark, UTF-16 as Excel's "Unicode text", or Windows-1250 /
//! Windows-1252 where the bytes say so clearly) or a workbook (XLSX, XLS, ODS), each row
//! with the number the spreadsheet gives it (the header is row 1; a cell's line breaks
//! and CRLF line ends do not shift the numbers).

use std::path::Path;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1250, WINDOWS_1252};

/// A table read from an export: the header, then each row with its row number.
#[derive(Debug, Default)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<(u32, Vec<String>)>,
    /// The encoding a CSV was read in, where it was not UTF-8.
    pub encoding: Option<&'static str>,
}

/// Why a file could not be read, and where.
#[derive(Debug)]
pub struct ReadError {
    /// Row and column (1-based), where the problem has a place.
    pub at: Option<(u32, u32)>,
    pub message: String,
    pub hint: Option<String>,
}

impl ReadError {
    fn new(message: impl Into<String>) -> ReadError {
        ReadError {
            at: None,
            message: message.into(),
            hint: None,
        }
    }
}

const SAVE_AS_UTF8: &str = "save the file again as \"CSV UTF-8 (Comma delimited)\" (Excel: File → Save As → file type), or export it again from KoboToolbox or ODK Central, which write UTF-8";

/// Read a CSV or a workbook export, from its first sheet.
pub fn read_table(path: &Path) -> Result<Table, ReadError> {
    let is_workbook = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["xlsx", "xlsm", "xls", "ods"].contains(&e.to_ascii_lowercase().as_str()));
    if is_workbook {
        super::workbook::read(path).map_err(|e| ReadError {
            at: e.at,
            message: e.message,
            hint: None,
        })
    } else {
        let bytes = std::fs::read(path)
            .map_err(|e| ReadError::new(format!("cannot read the file: {e}")))?;
        read_csv(&bytes)
    }
}

/// The records of a CSV, each with its spreadsheet row: one more than the record before,
/// and one more for each empty line before it (a spreadsheet shows those as empty rows).
fn records(bytes: &[u8]) -> Result<Vec<(u32, csv::ByteRecord)>, ReadError> {
    let first = bytes.split(|b| *b == b'\n').next().unwrap_or(b"");
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first.iter().filter(|b| *b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut out = Vec::new();
    let mut row = 0u32;
    loop {
        let mut record = csv::ByteRecord::new();
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let mut start = record.position().map_or(0, |p| p.byte() as usize);
                // The reader may place a record after the CR of the CRLF before it.
                if start > 0
                    && bytes.get(start - 1) == Some(&b'\r')
                    && bytes.get(start) == Some(&b'\n')
                {
                    start += 1;
                }
                row += 1 + blank_lines(&bytes[start.min(bytes.len())..]);
                out.push((row, record));
            }
            Err(e) => {
                return Err(ReadError {
                    at: Some((row + 1, 1)),
                    message: format!("row {}: expected CSV, found {e}", row + 1),
                    hint: None,
                });
            }
        }
    }
    Ok(out)
}

/// How many empty lines stand at the start of `bytes` (CRLF, LF or CR each).
fn blank_lines(bytes: &[u8]) -> u32 {
    let mut n = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => i += 2,
            b'\r' | b'\n' => i += 1,
            _ => break,
        }
        n += 1;
    }
    n
}

/// The text of a CSV's bytes, and the encoding when it is not UTF-8.
fn decode(bytes: &[u8]) -> Result<(String, Option<&'static str>), ReadError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8(rest.to_vec())
            .map(|t| (t, None))
            .map_err(|_| {
                ReadError::new(
                    "expected UTF-8 text after the UTF-8 byte-order mark, found other bytes",
                )
            });
    }
    for (bom, enc) in [(&b"\xFF\xFE"[..], UTF_16LE), (&b"\xFE\xFF"[..], UTF_16BE)] {
        if bytes.starts_with(bom) {
            let (text, _, bad) = enc.decode(bytes);
            if bad {
                return Err(ReadError::new(format!(
                    "expected {} text, found other bytes",
                    enc.name()
                )));
            }
            return Ok((text.into_owned(), Some(enc.name())));
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_string(), None));
    }
    match legacy(bytes) {
        Some(enc) => {
            let (text, _) = enc.decode_without_bom_handling(bytes);
            Ok((text.into_owned(), Some(enc.name())))
        }
        None => Err(ReadError::new(String::new())),
    }
}

/// Windows-1250 (Central Europe, the Balkans) or Windows-1252 (Western Europe), where only
/// one of them reads the bytes as ordinary text: both give Albanian's ë and ç alike; they
/// differ in č, ć, đ (1250) against è, æ, ð (1252), and in symbols. `None` when both
/// read as text or neither does.
fn legacy(bytes: &[u8]) -> Option<&'static Encoding> {
    let (a, _) = WINDOWS_1250.decode_without_bom_handling(bytes);
    let (b, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
    if a == b {
        return Some(WINDOWS_1252);
    }
    const PUNCTUATION: &str = "€‚„…†‡‰‹›‘’“”•–—™«»°§©®±·×÷\u{a0}";
    // Letters each encoding yields that text of this region seldom has: Icelandic and
    // Danish ones for 1252, Czech, Slovak, Polish and Hungarian ones for 1250.
    const RARE_1252: &str = "ðÐþÞæÆøØåÅƒˆ˜ªº";
    const RARE_1250: &str = "ŕŔĺĹăĂőŐűŰůŮďĎňŇřŘěĚęĘľĽťŤźŹąĄłŁśŚ";
    let odd = |text: &str, rare: &str| {
        text.chars()
            .filter(|c| {
                !c.is_ascii()
                    && ((!crate::text::is_letter(*c) && !PUNCTUATION.contains(*c))
                        || rare.contains(*c))
            })
            .count()
    };
    match (odd(&a, RARE_1250), odd(&b, RARE_1252)) {
        (0, n) if n > 0 => Some(WINDOWS_1250),
        (n, 0) if n > 0 => Some(WINDOWS_1252),
        _ => None,
    }
}

pub(super) fn read_csv(bytes: &[u8]) -> Result<Table, ReadError> {
    let (text, encoding) = match decode(bytes) {
        Ok(d) => d,
        Err(e) if !e.message.is_empty() => return Err(e),
        Err(_) => {
            // Where the first cell that is not UTF-8 stands.
            let at = records(bytes)?.into_iter().find_map(|(row, rec)| {
                rec.iter()
                    .position(|cell| std::str::from_utf8(cell).is_err())
                    .map(|col| (row, col as u32 + 1))
            });
            let (row, col) = at.unwrap_or((1, 1));
            return Err(ReadError {
                at: Some((row, col)),
                message: format!(
                    "row {row}: expected UTF-8 text, found bytes of another encoding that is not clearly Windows-1250 or Windows-1252"
                ),
                hint: Some(SAVE_AS_UTF8.to_string()),
            });
        }
    };
    let mut table = Table {
        encoding,
        ..Table::default()
    };
    for (i, (row, record)) in records(text.as_bytes())?.into_iter().enumerate() {
        let cells: Vec<String> = record
            .iter()
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect();
        if i == 0 {
            table.header = cells;
        } else {
            table.rows.push((row, cells));
        }
    }
    Ok(table)
}

/// The hint shown with a file read in a legacy encoding.
pub fn legacy_hint() -> &'static str {
    SAVE_AS_UTF8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolon_csv_with_bom() {
        let t =
            read_csv("\u{feff}centre;date\nA;2026-10-01\n\"B;C\";2026-10-02\n".as_bytes()).unwrap();
        assert_eq!(t.header, ["centre", "date"]);
        assert_eq!(t.rows[1], (3, vec!["B;C".to_string(), "2026-10-02".into()]));
    }

    #[test]
    fn rows_are_numbered_as_a_spreadsheet_shows_them() {
        let t = read_csv(b"a,b\r\n1,\"x\r\ny\"\r\n2,\"p\nq\nr\"\r\n\r\n3,w").unwrap();
        let rows: Vec<u32> = t.rows.iter().map(|(r, _)| *r).collect();
        assert_eq!(rows, [2, 3, 5]);
        assert_eq!(t.rows[0].1[1], "x\r\ny");
    }

    #[test]
    fn windows_1250_and_1252_are_read_when_clear() {
        // "Qendra Tiranë; Čačak Đurđevac" in Windows-1250.
        let (t, _, _) = WINDOWS_1250.encode("centre\nQendra Tiranë\nČačak Đurđevac\n");
        let table = read_csv(&t).unwrap();
        assert_eq!(table.encoding, Some("windows-1250"));
        assert_eq!(table.rows[1].1[0], "Čačak Đurđevac");
        // Albanian only: both encodings agree.
        let (t, _, _) = WINDOWS_1252.encode("centre\nQendra Tiranë, çështje\n");
        assert_eq!(read_csv(&t).unwrap().rows[0].1[0], "Qendra Tiranë, çështje");
        // One byte that is "è" in 1252 and "č" in 1250: either could be meant, refused
        // with the row and the hint.
        let e = read_csv(b"centre\nok\n\"caf\xe8\"\n").unwrap_err();
        assert_eq!(e.at, Some((3, 1)));
        assert!(e.hint.unwrap().contains("CSV UTF-8"));
    }
}
