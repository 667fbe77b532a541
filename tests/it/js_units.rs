//! The plain JS functions of the theme (assessment scoring, validation, migration, CSV;
//! search normalisation), run in headless Chromium against hand-computed expectations.

use crate::common::browser::*;
use crate::common::*;
use serde_json::{Value, json};

#[test]
fn assessment_functions() {
    let Some(browser) = browser("assessment_functions") else {
        return;
    };
    let (_dir, out) = minimal_site();
    let tab = open(&browser, &file_url(&out.join("vleresim/index.html")));
    let fixture = read(&fixtures().join("assessments/qendra-b.json"));
    let a = format!("const A = Doracak.assessment, C = DORACAK_CATALOG, f = {fixture};");

    // Scoring: B has S1.1 partial (1), S1.2 not applicable, S2.1 not met (0).
    let s = eval(&tab, &format!("(() => {{ {a} return A.scores(f, C); }})()"));
    assert_eq!(s["standards"][0]["points"], 1);
    assert_eq!(s["standards"][0]["max"], 2);
    assert_eq!(s["standards"][0]["na"], 1);
    assert_eq!(s["standards"][0]["percent"], 50.0);
    assert_eq!(s["standards"][1]["points"], 0);
    assert_eq!(s["standards"][1]["max"], 2);
    assert_eq!(s["total"]["percent"], 25.0);
    let empty = eval(
        &tab,
        &format!("(() => {{ {a} return A.scores(A.emptyAssessment(C, 'x'), C); }})()"),
    );
    assert_eq!(
        empty["total"],
        json!({"points": 0, "max": 6, "unrated": 3, "na": 0, "percent": 0})
    );

    // Validation: the unknown criterion is a note, not a refusal; bad values are refused.
    let v = eval(
        &tab,
        &format!("(() => {{ {a} return A.read(JSON.stringify(f), C); }})()"),
    );
    assert_eq!(v["problems"], json!([]));
    assert_eq!(v["notes"][0]["code"], "unknown-id");
    assert!(v["notes"][0]["message"].as_str().unwrap().contains("S9.9"));
    for (broken, expect) in [
        ("f.ratings['S1.1'].rating = 'excellent'", "excellent"),
        // The messages are the Albanian pack's (the minimal handbook is in Albanian).
        ("f.version = 2", "version më i ri i doracak"),
        ("f.version = 'one'", "numër i plotë"),
        ("f.schema = 'x'", "schema"),
        ("f.assessment.name = ''", "mungon emri"),
        (
            "f.evidence['S1.1.1'] = { status: 'ka' }",
            "\"status\" duhet të jetë një nga",
        ),
        (
            "f.evidence['S1.1.1'] = { next_review: '2026-02-30x' }",
            "Prova S1.1.1: fusha \"next_review\" duhet të jetë një datë VVVV-MM-DD",
        ),
        ("f.plan = {}", "Plani: pritej një listë, por ka një objekt"),
        // The shape of what an earlier edition set aside: the pack's words, the file's keys.
        (
            "f.set_aside = { plan: [1] }",
            "Hyrjet e lëna mënjanë nga një botim i mëparshëm nuk kanë formën e pritur: te set_aside.plan[0] ka një numër.",
        ),
        (
            "f.set_aside = { ratings: { 'S1.1': { rating: 3 } } }",
            "te set_aside.ratings[\"S1.1\"].rating ka një numër.",
        ),
    ] {
        let r = eval(
            &tab,
            &format!(
                "(() => {{ {a} {broken}; return A.read(JSON.stringify(f), C).problems.map(p => p.message).join(' '); }})()"
            ),
        );
        assert!(r.as_str().unwrap().contains(expect), "{broken}: {r}");
    }
    let r = eval(
        &tab,
        &format!("(() => {{ {a} return A.read('{{not json', C).problems[0].message; }})()"),
    );
    assert!(
        r.as_str()
            .unwrap()
            .starts_with("Skedari nuk është JSON i vlefshëm")
    );

    // Migration: a registered migration runs, one version at a time; the current version is left alone.
    let m = eval(
        &tab,
        &format!(
            "(() => {{ {a} const old = JSON.parse(JSON.stringify(f)); old.version = 0; A.MIGRATIONS[0] = o => Object.assign({{}}, o, {{ version: 1, migrated: true }}); const r = A.migrate(old); delete A.MIGRATIONS[0]; return [r.file.version, r.file.migrated, r.notes.length, A.migrate(f).notes.length]; }})()"
        ),
    );
    assert_eq!(m, json!([1, true, 1, 0]));

    // The improvement plan: one row per criterion below the top of the scale.
    let p = eval(
        &tab,
        &format!("(() => {{ {a} return A.planRows(f, C).map(r => r.criterion.id); }})()"),
    );
    assert_eq!(p, json!(["S1.1", "S2.1"]));
    assert_eq!(
        eval(
            &tab,
            "Doracak.assessment.notFullyMet(DORACAK_CATALOG, 'met')"
        ),
        Value::Bool(false)
    );
    assert_eq!(
        eval(
            &tab,
            "Doracak.assessment.notFullyMet(DORACAK_CATALOG, 'na')"
        ),
        Value::Bool(false)
    );

    // CSV: RFC 4180 quoting, a BOM, one row per criterion, evidence item and plan row.
    let csv = eval(
        &tab,
        &format!(
            "(() => {{ {a} f.ratings['S1.1'].note = 'Tha: \"po\", më vonë'; return A.toCSV(f, C); }})()"
        ),
    );
    let csv = csv.as_str().unwrap();
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv
        .trim_start_matches('\u{feff}')
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines.len(), 1 + 3 + 4 + 2, "{csv}");
    assert!(
        // Albanian writes a decimal comma: fields part with `;`.
        lines[1].contains(";\"Tha: \"\"po\"\", më vonë\";"),
        "{}",
        lines[1]
    );

    // Overdue reviews.
    assert_eq!(
        eval(
            &tab,
            "Doracak.assessment.isOverdue({ next_review: '2020-01-01' }, '2026-11-24')"
        ),
        Value::Bool(true)
    );
    assert_eq!(
        eval(
            &tab,
            "Doracak.assessment.isOverdue({ next_review: '2030-01-01' }, '2026-11-24')"
        ),
        Value::Bool(false)
    );
    assert_eq!(
        eval(&tab, "Doracak.assessment.isOverdue({}, '2026-11-24')"),
        Value::Bool(false)
    );
}

#[test]
fn rust_and_js_agree_on_the_assessment_rules() {
    // The same fixtures through `doracak report` (Rust) give the same verdicts as the JS.
    let Some(browser) = browser("rust_and_js_agree_on_the_assessment_rules") else {
        return;
    };
    let (_dir, out) = minimal_site();
    let tab = open(&browser, &file_url(&out.join("vleresim/index.html")));
    let dir = fixtures().join("assessments");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in names {
        let text = read(&dir.join(&name));
        let js_ok = eval(
            &tab,
            &format!(
                "Doracak.assessment.read({}, DORACAK_CATALOG).problems.length === 0",
                serde_json::to_string(&text).unwrap()
            ),
        );
        let tmp = tempfile::tempdir().unwrap();
        let o = doracak(&[
            "--root",
            fixtures().join("minimal").to_str().unwrap(),
            "report",
            dir.join(&name).to_str().unwrap(),
            "--out",
            tmp.path().join("r.html").to_str().unwrap(),
        ]);
        assert_eq!(
            js_ok,
            Value::Bool(o.status.success()),
            "{name}: JS and Rust disagree"
        );
        assert_eq!(o.status.success(), !name.starts_with("invalid-"), "{name}");
    }
}

/// The browser's import (theme/static/training-store.js) and `doracak training-report`
/// (src/commands/training.rs) accept and refuse the same training files.
#[test]
fn training_rules_are_the_same_in_the_browser_and_the_command() {
    let Some(browser) = browser("training_rules_are_the_same_in_the_browser_and_the_command")
    else {
        return;
    };
    let (_dir, out) = minimal_site();
    let tab = open(&browser, &file_url(&out.join("trajnim/regjistrat.html")));
    let good = read(&fixtures().join("training/a.json"));
    // The corpus, from its bytes, both ways: the browser's import of the file's bytes, and
    // `doracak training-report` run on the file; each gives the verdict expected.txt says.
    let dir = fixtures().join("training");
    let expected: Vec<(String, bool)> = read(&dir.join("expected.txt"))
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (f, v) = l.split_once(' ').unwrap();
            (f.to_string(), v.trim() == "accept")
        })
        .collect();
    let on_disk = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "json")
        })
        .count();
    assert_eq!(
        on_disk,
        expected.len(),
        "every file has its line in expected.txt"
    );
    assert!(
        expected.len() >= 29,
        "the corpus holds every case of issue 24"
    );
    let cli_dir = tempfile::tempdir().unwrap();
    let mut wrong = Vec::new();
    for (name, ok) in &expected {
        let path = dir.join(name);
        let data = json!(std::fs::read(&path).unwrap());
        let js = eval(
            &tab,
            &format!(
                "Doracak.training.readBytes(new Uint8Array({data}).buffer).problems.length === 0"
            ),
        );
        let o = doracak(&[
            "--root",
            fixtures().join("minimal").to_str().unwrap(),
            "training-report",
            "--out",
            cli_dir.path().to_str().unwrap(),
            "--today",
            "2026-11-29",
            path.to_str().unwrap(),
        ]);
        if js != Value::Bool(*ok) || o.status.success() != *ok {
            wrong.push(format!(
                "{name}: expected {}, the browser says {js}, the command {} ({})",
                if *ok { "accept" } else { "refuse" },
                o.status.success(),
                String::from_utf8_lossy(&o.stderr)
                    .chars()
                    .take(300)
                    .collect::<String>()
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));

    let mut cases: Vec<(String, String)> = Vec::new();
    for (name, from, to) in [
        ("version 1.0", "\"version\": 1,", "\"version\": 1.0,"),
        ("score 28.0", "\"score\": 28,", "\"score\": 28.0,"),
        ("score 2.5", "\"score\": 28,", "\"score\": 2.5,"),
        ("score -1", "\"score\": 28,", "\"score\": -1,"),
        ("total 0", "\"total\": 32,", "\"total\": 0,"),
        (
            "not understood",
            "\"understood\": true, \"edition\": \"2024\"",
            "\"understood\": false, \"edition\": \"2024\"",
        ),
        ("blank name", "\"Besnik Krasniqi\"", "\"  \""),
        ("id with space", "\"id\": \"t1\"", "\"id\": \"t 1\""),
        ("29 February 2025", "\"2025-03-10\"", "\"2025-02-29\""),
        (
            "saved as a date",
            "\"2025-03-10T09:15:00Z\"",
            "\"2025-03-10\"",
        ),
        (
            "saved at 24:00",
            "\"2025-03-10T09:15:00Z\"",
            "\"2025-03-10T24:00:00Z\"",
        ),
        ("kind Role", "\"kind\": \"role\"", "\"kind\": \"Role\""),
        (
            "handbook extra",
            "\"edition\": \"2025\" }",
            "\"edition\": \"2025\", \"x\": 1 }",
        ),
        (
            "records not a list",
            "\"records\": [",
            "\"records\": {\"a\": [",
        ),
    ] {
        assert!(good.contains(from), "{name}: {from}");
        let mut text = good.replacen(from, to, 1);
        if name == "records not a list" {
            text = text.replacen("  ]\n}", "  ]}\n}", 1);
        }
        cases.push((name.to_string(), text));
    }
    let mut accepted = 0;
    for (name, text) in &cases {
        let js = eval(
            &tab,
            &format!(
                "Doracak.training.read({}).problems.length === 0",
                serde_json::to_string(text).unwrap()
            ),
        );
        let mut diags = doracak::diagnostics::Diagnostics::new();
        let rust = doracak::commands::training::parse(text, std::path::Path::new(name), &mut diags)
            .is_some();
        assert_eq!(
            js,
            Value::Bool(rust),
            "{name}: browser and command disagree\n{}",
            diags.report()
        );
        accepted += usize::from(rust);
    }
    assert_eq!(
        accepted, 4,
        "version 1.0, score 28.0, not understood, saved as a date (a timestamp may be a date)"
    );
}

/// A training file of 7 MB (10,000 records, titles of 150 '€', about 4 million UTF-16
/// units): the browser held and exported it, `training-report` refused it. Now the same
/// byte limit refuses it both ways.
#[test]
fn a_7_mb_training_file_gets_the_same_verdict_both_ways() {
    let Some(browser) = browser("a_7_mb_training_file_gets_the_same_verdict_both_ways") else {
        return;
    };
    let (_dir, out) = minimal_site();
    let tab = open(&browser, &file_url(&out.join("trajnim/regjistrat.html")));
    let title = "€".repeat(150);
    let records: Vec<String> = (0..10_000)
        .map(|i| format!("    {{ \"id\": \"t{i}\", \"name\": \"Ana Hoxha\", \"date\": \"2025-03-10\", \"kind\": \"procedure\", \"subject\": \"identifikimi-formal\", \"title\": \"{title}\", \"score\": 28, \"total\": 32, \"understood\": true, \"edition\": \"2025\", \"saved\": \"2025-03-10T09:15:00Z\" }}"))
        .collect();
    let text = format!(
        "{{\n  \"format\": \"doracak-training\",\n  \"version\": 1,\n  \"handbook\": {{ \"title\": \"Doracak provë\", \"edition\": \"2025\" }},\n  \"records\": [\n{}\n  ]\n}}\n",
        records.join(",\n")
    );
    assert!(
        text.len() > 6_500_000 && text.encode_utf16().count() < 5_000_000,
        "{}",
        text.len()
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("7mb.json");
    std::fs::write(&path, &text).unwrap();
    let o = doracak(&[
        "--root",
        fixtures().join("minimal").to_str().unwrap(),
        "training-report",
        "--out",
        dir.path().join("out").to_str().unwrap(),
        path.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(
        stderr.contains("expected a training file of at most 5000000 bytes"),
        "{stderr}"
    );
    let js = eval(
        &tab,
        &format!(
            "Doracak.training.read({}).problems",
            serde_json::to_string(&text).unwrap()
        ),
    );
    assert_eq!(js.as_array().map(Vec::len), Some(1), "{js}");
    assert!(js[0].as_str().unwrap().contains("5000000"), "{js}");
}

/// One message formatter for every script: `DORACAK_SAY` of `static/ui.js` fills named
/// values in one pass, leaves a placeholder whose value is missing or null, and takes the
/// fallback only where the pack has no such message; the rules, the charts and the form
/// filler format through it and keep no copy of their own.
#[test]
fn one_message_formatter_serves_every_script() {
    for script in ["assessment-core.js", "assessment-charts.js", "form-fill.js"] {
        let js = read(&repo().join("theme/static").join(script));
        assert!(
            js.contains("window.DORACAK_SAY(")
                && !js.contains("\"{\" + k + \"}\"")
                && !js.contains(".replace(/\\{"),
            "{script} formats messages with the shared DORACAK_SAY only"
        );
    }
    let Some(browser) = browser("one_message_formatter_serves_every_script") else {
        return;
    };
    let (_dir, out) = minimal_site();
    let tab = open(&browser, &file_url(&out.join("vleresim/index.html")));
    wait_for(
        &tab,
        "!!(window.DORACAK_SAY && window.Doracak && Doracak.assessment && Doracak.charts)",
        "the scripts",
    );
    let got = eval(
        &tab,
        r#"(() => {
          const S = window.DORACAK_SAY, UI = window.DORACAK_UI;
          UI.t_msg = "{a} and {b}, {a}";
          const out = {
            filled: S("t_msg", { a: "{b}", b: 2 }),
            missing: S("t_msg", { a: 1, b: null }),
            fallback: S("t_none", { x: "y" }, "no {x}"),
            empty: S("t_none", {}),
            rules: Doracak.assessment.say("t_msg", { a: 1, b: 2 }, "x"),
            rulesFallback: Doracak.assessment.say("t_none", {}, "English"),
            numbered: S("standard_numbered", { number: 3, title: "T" }),
          };
          delete UI.t_msg;
          return out;
        })()"#,
    );
    assert_eq!(
        got["filled"], "{b} and 2, {b}",
        "one pass: a value is not read again"
    );
    assert_eq!(got["missing"], "1 and {b}, 1");
    assert_eq!(got["fallback"], "no y");
    assert_eq!(got["empty"], "");
    assert_eq!(got["rules"], "1 and 2, 1");
    assert_eq!(got["rulesFallback"], "English");
    assert_eq!(got["numbered"], "3. T");
}
