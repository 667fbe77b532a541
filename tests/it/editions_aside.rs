//! Editions: an assessment of this edition that holds entries set aside (written when a file
//! of the previous edition was carried over and saved) lists them in `report`, `aggregate`
//! and the browser's overview and printout, the same rows from the same file; and a file of
//! this edition naming an id this edition does not have is said by `aggregate` as by `report`.

use crate::common::browser::*;
use crate::common::*;
use crate::editions::{built, new_with_previous};

/// This edition's catalogue hash, as the build wrote it into the mapping table.
fn current_catalog(site: &std::path::Path) -> String {
    let text = read(&site.join("vleresim/editions.js"));
    let json = text[text.find('{').unwrap()..text.rfind('}').unwrap() + 1].to_string();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["current"].as_str().unwrap().to_string()
}

/// A file of this edition, as the fixture's assessment of 2024 is once carried over and
/// saved: S1.3 (removed) and S9.9 (an id no edition had) set aside with their notes and
/// plan rows, and S1.3.1's evidence.
pub fn saved_after_carry(dir: &std::path::Path, site: &std::path::Path) -> std::path::PathBuf {
    let v = serde_json::json!({
        "schema": "doracak-assessment", "version": 1,
        "handbook": {"title": "Doracak provë i botimeve", "catalog": current_catalog(site), "edition": "Botimi 2026"},
        "assessment": {"name": "Qendra A — 2026", "centre": "Qendra A", "created": "2025-10-01T08:00:00Z", "updated": "2026-01-02T08:00:00Z"},
        "ratings": {"S1.1": {"rating": "met", "note": ""}, "S1.2": {"rating": "partial", "note": ""}},
        "evidence": {},
        "plan": [],
        "set_aside": {
            "edition": "Botimi 2024",
            "ratings": {
                "S1.3": {"rating": "not_met", "note": "Regjistri mungon."},
                "S9.9": {"rating": null, "note": "Shënim i humbur."}
            },
            "evidence": {"S1.3.1": {"status": "missing", "location": "", "owner": "", "reviewed": "", "next_review": ""}},
            "plan": [
                {"criterion": "S1.3", "action": "Hapja e regjistrit të ankesave", "owner": "Drejtori", "due": "2026-03-01", "indicator": "", "cost": ""},
                {"criterion": "S8.8", "action": "Veprim i humbur", "owner": "", "due": "", "indicator": "", "cost": ""}
            ]
        }
    });
    let path = dir.join("qendra-2026-me-te-lena.json");
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    path
}

/// The rows of the list `data-carry="aside"` in `html`: (criterion id, its words).
fn aside_rows(html: &str) -> Vec<(String, String)> {
    let at = html
        .find("data-carry=\"aside\"")
        .unwrap_or_else(|| panic!("no list of entries set aside: {html}"));
    let list = &html[at..at + html[at..].find("</ul>\n").unwrap()];
    list.split("<li data-criterion=\"")
        .skip(1)
        .map(|p| {
            let id = p[..p.find('"').unwrap()].to_string();
            let body = &p[p.find('>').unwrap() + 1..];
            let words = unescape(&plain(body))
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            (id, words)
        })
        .collect()
}

fn expected_rows() -> Vec<(String, String)> {
    vec![
        (
            "S1.3".into(),
            "1.3 Ofruesi mban një regjistër të ankesave të përfituesve. — Nuk përmbushet: Regjistri mungon. Rresht i planit: Hapja e regjistrit të ankesave".into(),
        ),
        ("S8.8".into(), "S8.8 Rresht i planit: Veprim i humbur".into()),
        ("S9.9".into(), "S9.9 — Shënim i humbur.".into()),
    ]
}

#[test]
fn report_and_aggregate_list_what_a_file_of_this_edition_holds_set_aside() {
    let dir = new_with_previous();
    let root = dir.path().join("new");
    built(&root);
    let file = saved_after_carry(dir.path(), &root.join("site"));
    let out = dir.path().join("r.html");
    let o = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "report",
        file.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = read(&out);
    assert!(
        html.contains("Shënime të lëna mënjanë nga një botim i mëparshëm (Botimi 2024)"),
        "{html}"
    );
    assert_eq!(aside_rows(&html), expected_rows());
    // Not carried again: the file is of this edition.
    assert!(!html.contains("data-carry=\"removed\""), "{html}");
    let out = dir.path().join("a");
    let o = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "aggregate",
        file.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = read(&out.join("krahasimi.html"));
    assert_eq!(aside_rows(&html), expected_rows());
    // Without the site's table (no `previous`), the rows stand with their ids alone.
    let plain_root = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("editions/new"), plain_root.path());
    let out = dir.path().join("r2.html");
    let o = doracak(&[
        "--root",
        plain_root.path().to_str().unwrap(),
        "report",
        file.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let rows = aside_rows(&read(&out));
    assert_eq!(rows[0].0, "S1.3");
    assert!(
        rows[0]
            .1
            .starts_with("S1.3 — Nuk përmbushet: Regjistri mungon."),
        "{rows:?}"
    );
}

#[test]
fn the_browser_lists_what_a_file_of_this_edition_holds_set_aside_as_report_does() {
    let Some(browser) =
        browser("the_browser_lists_what_a_file_of_this_edition_holds_set_aside_as_report_does")
    else {
        return;
    };
    let dir = new_with_previous();
    let root = dir.path().join("new");
    built(&root);
    let site = root.join("site");
    let file = saved_after_carry(dir.path(), &site);
    let out = dir.path().join("r.html");
    let o = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "report",
        file.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let cli = aside_rows(&read(&out));
    let tab = open(&browser, &file_url(&site.join("vleresim/index.html")));
    import_file(&tab, &file);
    let rows_js = "[...document.querySelectorAll('[data-set-aside]:not([hidden]) [data-carry=aside] > li')].map(li => [li.dataset.criterion, li.innerText.split(/\\s+/).filter(Boolean).join(' ')])";
    wait_for(
        &tab,
        &format!("{rows_js}.length === 3"),
        "the entries set aside on the overview",
    );
    let rows: Vec<(String, String)> = serde_json::from_value(eval(&tab, rows_js)).unwrap();
    assert_eq!(rows, cli, "the same rows as `doracak report`");
    assert_eq!(rows, expected_rows());
    // The printout lists them too, after a reload (from what the browser kept).
    let tab = open(&browser, &file_url(&site.join("vleresim/printo.html")));
    wait_for(
        &tab,
        &format!("{rows_js}.length === 3"),
        "the entries set aside on the printout",
    );
    let rows: Vec<(String, String)> = serde_json::from_value(eval(&tab, rows_js)).unwrap();
    assert_eq!(rows, cli);
}

/// Review: `aggregate` said nothing of an id this edition does not have in a file of this
/// edition; it says it now, at the file, as `report` does.
#[test]
fn an_unknown_id_in_a_file_of_this_edition_is_said_by_report_and_aggregate_alike() {
    let dir = new_with_previous();
    let root = dir.path().join("new");
    built(&root);
    let file = dir.path().join("s9.json");
    let v = serde_json::json!({
        "schema": "doracak-assessment", "version": 1,
        "handbook": {"title": "x", "catalog": current_catalog(&root.join("site"))},
        "assessment": {"name": "A", "centre": "Qendra B"},
        "ratings": {"S1.1": {"rating": "met"}, "S9.9": {"rating": "met"}},
        "evidence": {"S9.9.1": {"status": "present"}},
        "plan": [{"criterion": "S9.8", "action": "x"}]
    });
    std::fs::write(&file, v.to_string()).unwrap();
    let f = file.display().to_string();
    let said = [
        format!(
            "{f}: warning: the handbook has no criterion S9.9; its rating is kept but not scored"
        ),
        format!("{f}: warning: the handbook has no evidence item S9.9.1; its entry is kept"),
        format!("{f}: warning: plan row 1: the handbook has no criterion S9.8"),
    ];
    let out = dir.path().join("r.html");
    let o = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "report",
        &f,
        "--out",
        out.to_str().unwrap(),
    ]);
    let report_err = String::from_utf8_lossy(&o.stderr).to_string();
    assert!(o.status.success(), "{report_err}");
    let o = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "aggregate",
        &f,
        "--out",
        dir.path().join("a").to_str().unwrap(),
    ]);
    let aggregate_err = String::from_utf8_lossy(&o.stderr).to_string();
    assert!(o.status.success(), "{aggregate_err}");
    for s in &said {
        assert!(report_err.contains(s), "report: {s}\n{report_err}");
        assert!(aggregate_err.contains(s), "aggregate: {s}\n{aggregate_err}");
    }
    // Both accept it; the browser's import reads it with the same notes.
}
