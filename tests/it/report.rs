//! `doracak report` and `doracak aggregate` on fixture assessments, valid and invalid.

use crate::common::*;

fn assessment(name: &str) -> String {
    fixtures()
        .join("assessments")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn minimal() -> String {
    fixtures().join("minimal").to_string_lossy().into_owned()
}

#[test]
fn report_shows_scores_gaps_and_plan() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("raport.html");
    let o = doracak(&[
        "--root",
        &minimal(),
        "report",
        &assessment("qendra-a.json"),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = unescape(&read(&out));
    assert!(html.contains("Qendra A — 2026"));
    // S1: met 2 + partial 1 of 4 = 75 %; S2: not met 0 of 2; overall 3 of 6 = 50 %.
    assert!(html.contains("<td>3 / 4</td><td>75,0 %</td>"), "{html}");
    assert!(html.contains("<td>0 / 2</td><td>0,0 %</td>"));
    assert!(html.contains("<td>3 / 6</td><td>50,0 %</td>"));
    assert!(
        html.contains("Deklarata nuk është e afishuar."),
        "the note of an unmet criterion"
    );
    assert!(
        html.contains("Afishimi i deklaratës"),
        "the improvement plan"
    );
    assert!(html.contains(">2.1.1<"), "missing evidence is a gap");
    assert!(
        html.contains("2025-01-10 <strong>"),
        "an overdue review is flagged"
    );
    assert!(!html.contains("<script"), "the report has no script");
    assert!(html.contains("Content-Security-Policy"));
}

#[test]
fn aggregate_compares_centres_in_html_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let o = doracak(&[
        "--root",
        &minimal(),
        "aggregate",
        &assessment("qendra-a.json"),
        &assessment("qendra-b.json"),
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let csv = read(&dir.path().join("krahasimi.csv"));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    // Albanian writes decimals with a comma: fields part with `;`.
    assert_eq!(
        lines[0],
        "qendra;vleresimi;S1;S2;gjithsej;pa_vleresuar;mangesi_provash;prova_pa_shenuar"
    );
    // B: S1.1 partial (1 of 2), S1.2 not applicable → 50 %; S2 0 %; overall 1 of 4 = 25 %.
    // The gap columns of A hang on today's date (a review falls due on 2027-01-10).
    assert!(
        lines[1].starts_with("Qendra A;Qendra A — 2026;75,0;0,0;50,0;0;"),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2], "Qendra B;Qendra B — 2026;50,0;0,0;25,0;0;0;3");
    let html = read(&dir.path().join("krahasimi.html"));
    assert!(
        html.contains("Qendra A, Qendra B"),
        "S2.1 is unmet in both centres"
    );
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!stderr.contains("error:"), "{stderr}");
    // B rates an id the handbook does not have: read, counted without it, and said.
    assert!(
        stderr.contains("qendra-b.json: warning: the handbook has no criterion S9.9; its rating is kept but not scored"),
        "{stderr}"
    );
}

#[test]
fn invalid_assessments_are_refused_with_the_reason() {
    let cases = [
        ("invalid-not-json.json", "expected a JSON file"),
        (
            "invalid-wrong-schema.json",
            "expected \"schema\": \"doracak-assessment\"",
        ),
        ("invalid-newer-version.json", "found version 7"),
        ("invalid-bad-rating.json", "found \"excellent\""),
        (
            "invalid-bad-date.json",
            "expected next_review as a date YYYY-MM-DD, found \"31.12.2026\"",
        ),
        (
            "invalid-missing-name.json",
            "expected the assessment's name",
        ),
    ];
    for (file, message) in cases {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("r.html");
        let o = doracak(&[
            "--root",
            &minimal(),
            "report",
            &assessment(file),
            "--out",
            out.to_str().unwrap(),
        ]);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{file}: {stderr}");
        assert!(
            stderr.contains(file) && stderr.contains(message),
            "{file}: expected {message:?} in\n{stderr}"
        );
        assert!(!out.exists(), "{file}: nothing is written");
        let o = doracak(&[
            "--root",
            &minimal(),
            "aggregate",
            &assessment("qendra-a.json"),
            &assessment(file),
            "--out",
            dir.path().to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(1), "aggregate refuses {file}");
        assert!(!dir.path().join("krahasimi.csv").exists());
    }
}

#[test]
fn evidence_gaps_are_counted_only_where_the_criterion_is_rated_and_applicable() {
    let dir = tempfile::tempdir().unwrap();
    let report = |file: &std::path::Path| {
        let out = dir.path().join("r.html");
        let o = doracak(&[
            "--root",
            &minimal(),
            "report",
            file.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        read(&out)
    };
    // S1.1.2 overdue, S2.1.1 missing: two gaps; S1.2.1 (criterion rated "partial") unmarked,
    // counted apart.
    let html = report(std::path::Path::new(&assessment("qendra-a.json")));
    assert!(html.contains("Mangësitë e provave (2)"), "{html}");
    assert!(html.contains("<strong data-unmarked>1</strong>"), "{html}");
    assert!(
        html.contains("<td class=\"num\">2.1.1</td>"),
        "the full number"
    );
    // The criterion rated not applicable: its missing evidence is no gap.
    let na = dir.path().join("na.json");
    std::fs::write(
        &na,
        read(std::path::Path::new(&assessment("qendra-a.json"))).replace(
            "\"S2.1\": { \"rating\": \"not_met\"",
            "\"S2.1\": { \"rating\": \"na\"",
        ),
    )
    .unwrap();
    let html = report(&na);
    assert!(html.contains("Mangësitë e provave (1)"), "{html}");
}

#[test]
fn aggregate_writes_a_criterion_by_centre_table_and_a_workbook_with_numbers() {
    use calamine::{Data, Reader};
    let dir = tempfile::tempdir().unwrap();
    let o = doracak(&[
        "--root",
        &minimal(),
        "aggregate",
        &assessment("qendra-a.json"),
        &assessment("qendra-b.json"),
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let csv = read(&dir.path().join("krahasimi-sipas-kriterit.csv"));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    // Albanian writes a decimal comma: fields part with `;`.
    assert_eq!(lines[0], "id;numri;teksti;Qendra A;Qendra B");
    assert!(lines[1].starts_with("S1.1;1.1;"), "{}", lines[1]);
    assert!(
        lines[1].ends_with(";2;1"),
        "met = 2 points, partial = 1: {}",
        lines[1]
    );
    assert!(lines[2].ends_with(";1;Nuk aplikohet"), "{}", lines[2]);
    assert!(lines[3].ends_with(";0;0"), "{}", lines[3]);
    assert!(csv.contains("\r\n"), "CRLF, as Excel writes");

    let mut book = calamine::open_workbook_auto(dir.path().join("krahasimi.xlsx")).unwrap();
    assert_eq!(book.sheet_names(), ["Qendrat", "Kriteret"]);
    let centres = book.worksheet_range("Qendrat").unwrap();
    assert_eq!(centres.get((1, 0)), Some(&Data::String("Qendra A".into())));
    assert_eq!(
        centres.get((1, 2)),
        Some(&Data::Float(75.0)),
        "a share is a number"
    );
    assert_eq!(centres.get((2, 4)), Some(&Data::Float(25.0)));
    let criteria = book.worksheet_range("Kriteret").unwrap();
    assert_eq!(criteria.get((1, 3)), Some(&Data::Float(2.0)));
    assert_eq!(
        criteria.get((2, 4)),
        Some(&Data::String("Nuk aplikohet".into()))
    );
}
