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
    let html = read(&out);
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
    assert!(html.contains("S2.1.1"), "missing evidence is a gap");
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
    assert_eq!(lines[0], "qendra;vleresimi;S1;S2;gjithsej;pa_vleresuar");
    // B: S1.1 partial (1 of 2), S1.2 not applicable → 50 %; S2 0 %; overall 1 of 4 = 25 %.
    assert_eq!(lines[1], "Qendra A;Qendra A — 2026;75,0;0,0;50,0;0");
    assert_eq!(lines[2], "Qendra B;Qendra B — 2026;50,0;0,0;25,0;0");
    let html = read(&dir.path().join("krahasimi.html"));
    assert!(
        html.contains("Qendra A, Qendra B"),
        "S2.1 is unmet in both centres"
    );
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!stderr.contains("error"), "{stderr}");
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
