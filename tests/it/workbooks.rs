//! Issue 24: XLS and ODS workbooks are measured like XLSX before they are read (their reader
//! reads every sheet whole): a sheet past 100000 rows, 4096 columns or 5000000 cells is
//! refused, located, in the same words; a damaged record is an error, never a crash.

use std::io::Write;
use std::path::Path;

use crate::common::*;

fn import(file: &Path, out: &Path) -> std::process::Output {
    doracak(&[
        "--root",
        fixtures().join("minimal").to_str().unwrap(),
        "import-submissions",
        file.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ])
}

/// One BIFF record.
fn rec(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut v = typ.to_le_bytes().to_vec();
    v.extend((data.len() as u16).to_le_bytes());
    v.extend(data);
    v
}

/// A BIFF8 workbook of one sheet "S" holding `cells` records (after a Dimensions record of
/// `dims`), in a compound file.
fn xls(path: &Path, dims: Option<(u32, u16)>, cells: &[Vec<u8>]) {
    let bof = |dt: u16| {
        let mut d = vec![0u8; 16];
        d[0..2].copy_from_slice(&0x0600u16.to_le_bytes());
        d[2..4].copy_from_slice(&dt.to_le_bytes());
        rec(0x0809, &d)
    };
    let mut globals = bof(0x0005);
    let sheet_entry_len = 4 + 9; // header; position, state, type, length, flags, "S"
    let eof = rec(0x000A, &[]);
    let pos = (globals.len() + sheet_entry_len + eof.len()) as u32;
    let mut entry = pos.to_le_bytes().to_vec();
    entry.extend([0, 0, 1, 0, b'S']);
    globals.extend(rec(0x0085, &entry));
    globals.extend(&eof);
    let mut sheet = bof(0x0010);
    if let Some((rows, cols)) = dims {
        let mut d = Vec::new();
        d.extend(0u32.to_le_bytes());
        d.extend(rows.to_le_bytes());
        d.extend(0u16.to_le_bytes());
        d.extend(cols.to_le_bytes());
        d.extend(0u16.to_le_bytes());
        sheet.extend(rec(0x0200, &d));
    }
    for c in cells {
        sheet.extend(c);
    }
    sheet.extend(&eof);
    globals.extend(sheet);
    let file = std::fs::File::create(path).unwrap();
    let mut comp = cfb::CompoundFile::create_with_version(cfb::Version::V3, file).unwrap();
    let mut s = comp.create_stream("/Workbook").unwrap();
    s.write_all(&globals).unwrap();
}

/// A Number record at (row, col), 0-based.
fn number(row: u16, col: u16) -> Vec<u8> {
    let mut d = row.to_le_bytes().to_vec();
    d.extend(col.to_le_bytes());
    d.extend(0u16.to_le_bytes());
    d.extend(1.0f64.to_le_bytes());
    rec(0x0203, &d)
}

fn refused(file: &Path, out: &Path, says: &str) {
    let o = import(file, out);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(says), "expected {says:?} in:\n{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!out.exists(), "nothing was written");
}

#[test]
fn an_xls_with_a_far_cell_or_a_lying_size_is_refused_in_the_xlsx_words() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    // One cell at IV65536: a rectangle of 16.7 million cells.
    let far = dir.path().join("far.xls");
    xls(&far, None, &[number(0, 0), number(65_535, 255)]);
    assert!(std::fs::metadata(&far).unwrap().len() < 10_000);
    refused(
        &far,
        &out,
        "far.xls:65536:256: error: expected a sheet of at most 100000 rows, 4096 columns and 5000000 cells, found a cell at IV65536 (65536 rows × 256 columns = 16777216 cells); nothing was read",
    );
    // A size record claiming four billion rows (the reader reserved room for them).
    let lying = dir.path().join("lying.xls");
    xls(&lying, Some((u32::MAX, 256)), &[number(0, 0)]);
    refused(
        &lying,
        &out,
        "lying.xls:4294967295:256: error: expected a sheet of at most 100000 rows, 4096 columns and 5000000 cells, found a sheet declared to reach IV4294967295",
    );
    // A cell past column 256, which no XLS has: 65536 × 65536 cells.
    let wide = dir.path().join("wide.xls");
    xls(&wide, None, &[number(0, 65_535)]);
    refused(
        &wide,
        &out,
        "wide.xls:1:65536: error: expected a sheet of at most 100000 rows, 4096 columns and 5000000 cells, found a cell at ",
    );
    // A row of numbers whose last column comes before its first (the reader stopped).
    let backwards = dir.path().join("backwards.xls");
    let mut d = 0u16.to_le_bytes().to_vec();
    d.extend(5u16.to_le_bytes());
    d.extend(2u16.to_le_bytes());
    xls(&backwards, None, &[rec(0x00BD, &d)]);
    refused(
        &backwards,
        &out,
        "backwards.xls: error: expected a spreadsheet workbook (XLS), found a damaged one (a row of numbers of the wrong length); nothing was read",
    );
}

#[test]
fn a_small_xls_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let small = dir.path().join("small.xls");
    xls(&small, Some((2, 2)), &[number(0, 0), number(1, 1)]);
    let o = import(&small, &dir.path().join("out"));
    let stderr = String::from_utf8_lossy(&o.stderr);
    // Read, then judged by its columns (it is not an export of the form).
    assert!(
        stderr.contains("expected the data export of the audit form"),
        "{stderr}"
    );
}

/// An ODS of `content.xml` holding `rows` (the XML of the table's rows).
fn ods(path: &Path, rows: &str) {
    let f = std::fs::File::create(path).unwrap();
    let mut z = zip::ZipWriter::new(f);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    z.start_file("mimetype", stored).unwrap();
    z.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    z.start_file(
        "META-INF/manifest.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    z.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).unwrap();
    z.start_file("content.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    write!(
        z,
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="S">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    )
    .unwrap();
    z.finish().unwrap();
}

const HEADER: &str = r#"<table:table-row><table:table-cell office:value-type="string"><text:p>centre</text:p></table:table-cell></table:table-row>"#;

#[test]
fn an_ods_with_repeated_cells_past_the_limits_is_refused_in_the_xlsx_words() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    // A full-width row repeated a million times: 17 billion cells from a few hundred bytes.
    let bomb = dir.path().join("bomb.ods");
    ods(
        &bomb,
        &format!(
            r#"{HEADER}<table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#
        ),
    );
    assert!(std::fs::metadata(&bomb).unwrap().len() < 10_000);
    refused(
        &bomb,
        &out,
        "bomb.ods:2:16384: error: expected a sheet of at most 100000 rows, 4096 columns and 5000000 cells, found a cell at XFD2 (2 rows × 16384 columns = 32768 cells); nothing was read",
    );
    // Rows repeated past the limit, each of two cells.
    let tall = dir.path().join("tall.ods");
    ods(
        &tall,
        &format!(
            r#"{HEADER}<table:table-row table:number-rows-repeated="200000"><table:table-cell table:number-columns-repeated="2" office:value-type="float" office:value="1"/></table:table-row>"#
        ),
    );
    refused(
        &tall,
        &out,
        "tall.ods:200001:2: error: expected a sheet of at most 100000 rows, 4096 columns and 5000000 cells, found a cell at B200001 (200001 rows × 2 columns = 400002 cells); nothing was read",
    );
    // A repeat count that is not a number.
    let odd = dir.path().join("odd.ods");
    ods(
        &odd,
        r#"<table:table-row table:number-rows-repeated="-1"><table:table-cell/></table:table-row>"#,
    );
    refused(
        &odd,
        &out,
        "odd.ods: error: expected a spreadsheet workbook (ODS), found a repeat count \"-1\"; nothing was read",
    );
}

#[test]
fn a_small_ods_with_trailing_empty_repeats_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let small = dir.path().join("small.ods");
    // As LibreOffice writes a sheet: empty cells and rows repeated to the sheet's end.
    ods(
        &small,
        &format!(
            r#"{HEADER}<table:table-row><table:table-cell office:value-type="string"><text:p>A</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16383"/></table:table-row><table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#
        ),
    );
    let o = import(&small, &dir.path().join("out"));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("expected the data export of the audit form"),
        "{stderr}"
    );
}

/// A zipped workbook whose shared strings unpack to 3 GB (declared in its directory, as a
/// packed bomb declares them) is refused before its reader holds them.
#[test]
fn an_xlsx_whose_parts_unpack_to_gigabytes_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().write_string(0, 0, "centre").unwrap();
    let mut bytes = book.save_to_buffer().unwrap();
    // Patch the central directory's unpacked size of xl/sharedStrings.xml to 3 GB.
    let name = b"xl/sharedStrings.xml";
    let at = (0..bytes.len() - 46)
        .find(|&i| bytes[i..i + 4] == [0x50, 0x4b, 0x01, 0x02] && bytes[i + 46..].starts_with(name))
        .expect("the central directory entry");
    bytes[at + 24..at + 28].copy_from_slice(&3_000_000_000u32.to_le_bytes());
    let bomb = dir.path().join("bomb.xlsx");
    std::fs::write(&bomb, bytes).unwrap();
    refused(
        &bomb,
        &dir.path().join("out"),
        "bomb.xlsx: error: expected a workbook (XLSX) whose parts unpack to at most 256 MB each, found xl/sharedStrings.xml of 2861 MB; nothing was read",
    );
}
