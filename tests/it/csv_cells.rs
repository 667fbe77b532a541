//! Every CSV doracak writes goes through one cell rule (`src/csv_out.rs`,
//! docs/assessment-format.md "CSV cells"): a cell a spreadsheet would take for a formula
//! (first character `=`, `+`, `-`, `@`, tab, carriage return) gets a `'` first.

use crate::common::*;

/// The cells of a CSV the cell rule wrote, read back with a real CSV reader.
fn cells(path: &std::path::Path) -> Vec<Vec<String>> {
    let text = read(path);
    let text = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    // A language that writes a decimal comma (Albanian) parts fields with `;`.
    let head = text.lines().next().unwrap_or("");
    let sep = if head.matches(';').count() > head.matches(',').count() {
        b';'
    } else {
        b','
    };
    csv::ReaderBuilder::new()
        .delimiter(sep)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

/// No cell of any row may start as a formula does.
fn assert_no_formula(rows: &[Vec<String>]) {
    for row in rows {
        for c in row {
            assert!(
                !c.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a live formula cell {c:?} in {row:?}"
            );
        }
    }
}

#[test]
fn the_aggregate_csv_neutralises_formula_cells() {
    let dir = tempfile::tempdir().unwrap();
    let a = std::fs::read_to_string(fixtures().join("assessments/qendra-a.json")).unwrap();
    let b = std::fs::read_to_string(fixtures().join("assessments/qendra-b.json")).unwrap();
    let a = a.replace("\"centre\": \"Qendra A\"", "\"centre\": \"+cmd|calc!A1\"");
    let a = a.replace(
        "\"name\": \"Qendra A — 2026\"",
        "\"name\": \"=HYPERLINK(\\\"http://x.invalid\\\",\\\"Kliko\\\")\"",
    );
    let b = b.replace("\"centre\": \"Qendra B\"", "\"centre\": \"- mungon dosja\"");
    assert!(a.contains("+cmd") && a.contains("HYPERLINK") && b.contains("- mungon"));
    let (pa, pb) = (dir.path().join("a.json"), dir.path().join("b.json"));
    std::fs::write(&pa, a).unwrap();
    std::fs::write(&pb, b).unwrap();
    let out = dir.path().join("out");
    let o = doracak(&[
        "--root",
        fixtures().join("minimal").to_str().unwrap(),
        "aggregate",
        pa.to_str().unwrap(),
        pb.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let rows = cells(&out.join("krahasimi.csv"));
    assert_no_formula(&rows);
    assert_eq!(rows[1][0], "'+cmd|calc!A1");
    assert_eq!(rows[1][1], "'=HYPERLINK(\"http://x.invalid\",\"Kliko\")");
    assert_eq!(rows[2][0], "'- mungon dosja");
    // Numbers stay numbers, with Albanian's decimal comma (fields part with `;`).
    assert_eq!(rows[1][2..6], ["75,0", "0,0", "50,0", "0"]);
    // The criterion × centre table goes through the same writer: its header names the
    // centres.
    let by_criterion = cells(&out.join("krahasimi-sipas-kriterit.csv"));
    assert_no_formula(&by_criterion);
    assert!(
        by_criterion[0].contains(&"'+cmd|calc!A1".to_string())
            && by_criterion[0].contains(&"'- mungon dosja".to_string()),
        "{:?}",
        by_criterion[0]
    );
}

#[test]
fn the_training_roster_neutralises_tab_and_carriage_return_too() {
    let dir = minimal_copy();
    let text = std::fs::read_to_string(fixtures().join("training/a.json")).unwrap();
    let text = text
        .replace("\"title\": \"Punonjësi social\"", "\"title\": \"\\t=1+1\"")
        .replace("\"edition\": \"2024\"", "\"edition\": \"\\r@SUM(A1)\"");
    let file = dir.path().join("t.json");
    std::fs::write(&file, text).unwrap();
    let out = dir.path().join("roster");
    let o = doracak(&[
        "--root",
        dir.path().to_str().unwrap(),
        "training-report",
        "--out",
        out.to_str().unwrap(),
        "--today",
        "2026-11-29",
        file.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let rows = cells(&out.join("regjistri-i-trajnimit.csv"));
    assert_no_formula(&rows);
    let flat: Vec<&String> = rows.iter().flatten().collect();
    assert!(flat.iter().any(|c| *c == "'\t=1+1"), "{rows:?}");
    assert!(flat.iter().any(|c| *c == "'\r@SUM(A1)"), "{rows:?}");
}
