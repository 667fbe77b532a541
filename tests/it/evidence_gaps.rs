//! Evidence gaps, one rule in `report`, `aggregate` and the browser's evidence tracker:
//! under a criterion rated and applicable, evidence missing, partial or past its review date
//! is a gap; evidence left unmarked there is counted apart; evidence of inapplicable criteria
//! is none. `tests/fixtures/gaps/partial.json` (minimal handbook): S1.1 rated partly met
//! with its evidence 1.1 partial and 1.2 present but past review (two gaps), S1.2 not
//! applicable with its evidence missing (no gap), S2.1 met with its evidence unmarked.

use crate::common::browser::*;
use crate::common::*;

fn partial() -> std::path::PathBuf {
    fixtures().join("gaps/partial.json")
}

#[test]
fn partial_evidence_is_a_gap_in_the_report_and_the_aggregate() {
    let root = fixtures().join("minimal");
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("raporti.html");
    let o = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "report",
        partial().to_str().unwrap(),
        "--out",
        report.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = read(&report);
    assert!(html.contains("Mangësitë e provave (2)"), "two gaps");
    assert!(
        html.contains("<strong data-unmarked>1</strong>"),
        "one unmarked"
    );
    let gaps = &html[html.find("Mangësitë e provave (2)").unwrap()..];
    let gaps = &gaps[..gaps.find("</table>").unwrap()];
    assert!(
        gaps.contains("<td class=\"num\">1.1.1</td>") && gaps.contains(">pjesërisht<"),
        "the partial item is listed as a gap"
    );
    assert!(
        gaps.contains("<td class=\"num\">1.1.2</td>"),
        "the overdue item"
    );
    assert!(
        !gaps.contains("1.2.1"),
        "no gap under a criterion not applicable"
    );
    assert!(
        html.contains("Prova e pjesshme numërohet si mangësi"),
        "the report says why"
    );

    let out = dir.path().join("krahasimi");
    let o = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "aggregate",
        partial().to_str().unwrap(),
        fixtures()
            .join("assessments/qendra-a.json")
            .to_str()
            .unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let csv = read(&out.join("krahasimi.csv"));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert!(
        lines[0].ends_with(";mangesi_provash;prova_pa_shenuar"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with("Qendra C;") && lines[1].ends_with(";2;1"),
        "{}",
        lines[1]
    );
    let html = read(&out.join("krahasimi.html"));
    assert!(html.contains("data-gaps=\"2\""), "the table's gap column");
}

#[test]
fn the_tracker_counts_the_gaps_the_report_counts() {
    let Some(browser) = browser("the_tracker_counts_the_gaps_the_report_counts") else {
        return;
    };
    let (dir, site) = minimal_site();
    let (hb, diags) = doracak::check(dir.path());
    let hb = hb.unwrap_or_else(|| panic!("{}", diags.report()));
    let bytes = std::fs::read(partial()).unwrap();
    let file = doracak::assessment::read_bytes(&bytes, &hb).file.unwrap();
    let day = "2026-12-03";
    let rust =
        serde_json::to_value(doracak::assessment::gaps::evidence_gaps(&file, &hb, day)).unwrap();
    assert_eq!(rust["gaps"].as_array().unwrap().len(), 2, "{rust}");

    let tab = open(&browser, &file_url(&site.join("vleresim/provat.html")));
    let text = serde_json::to_string(&read(&partial())).unwrap();
    let js = eval(
        &tab,
        &format!(
            "(() => {{ const A = Doracak.assessment, C = DORACAK_CATALOG; return A.evidenceGaps(A.read({text}, C).file, C, '{day}'); }})()"
        ),
    );
    assert_eq!(js, rust, "the JS twin gives Rust's answer");

    // The tracker's own count and its "only gaps" filter, on the imported file.
    eval(
        &tab,
        &format!("window.Doracak.assessmentPage.importText({text})"),
    );
    wait_for(
        &tab,
        "document.querySelector('[data-ev-gaps]').getAttribute('data-gaps') === '2'",
        "the tracker's gap count",
    );
    assert_eq!(
        eval(
            &tab,
            "document.querySelector('[data-ev-gaps]').getAttribute('data-unmarked')"
        ),
        "1"
    );
    let shown = eval(
        &tab,
        "(() => { const b = document.querySelector('[data-gaps-only]'); b.checked = true; b.dispatchEvent(new Event('change', { bubbles: true })); return [...document.querySelectorAll('[data-ev-row]')].filter(r => !r.hidden).map(r => r.getAttribute('data-ev-row')); })()",
    );
    assert_eq!(shown, serde_json::json!(["S1.1.1", "S1.1.2"]));
}

/// On paper too: the printed report (Chromium's PDF) says two gaps, lists the partial item
/// with its status and says why partial evidence counts.
#[test]
fn the_printed_report_counts_the_partial_item_as_a_gap() {
    let Some(browser) = browser("the_printed_report_counts_the_partial_item_as_a_gap") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("raporti.html");
    let o = doracak(&[
        "--root",
        fixtures().join("minimal").to_str().unwrap(),
        "report",
        partial().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let tab = open(&browser, &file_url(&out));
    let pdf = crate::common::pdf::print_tab(&tab);
    let text: String = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    let text = crate::common::pdf::letters(&text);
    let want = |s: &str| crate::common::pdf::letters(s);
    assert!(text.contains(&want("Mangësitë e provave (2)")), "{text}");
    assert!(
        text.contains(&want("1.1.1 Dokumente në formë të shkruar. pjesërisht")),
        "{text}"
    );
    assert!(
        text.contains(&want("Prova e pjesshme numërohet si mangësi")),
        "{text}"
    );
}
