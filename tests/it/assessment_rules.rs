//! One set of rules for assessment files: every file of the corpus in
//! `tests/fixtures/assessment-files/` gets the verdict `expected.txt` gives it — the same
//! from `doracak report`'s reader and from the browser's import — and a file the rules
//! accept never breaks a page.

use crate::common::browser::*;
use crate::common::*;
use serde_json::{Value, json};

struct Case {
    file: String,
    verdict: String,
    codes: Vec<String>,
}

fn corpus() -> Vec<Case> {
    let dir = fixtures().join("assessment-files");
    let cases: Vec<Case> = read(&dir.join("expected.txt"))
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut w = l.split_whitespace().map(String::from);
            let file = w.next().unwrap();
            let verdict = w.next().unwrap();
            let mut codes: Vec<String> = w.collect();
            codes.sort();
            Case {
                file,
                verdict,
                codes,
            }
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
        cases.len(),
        "every file has its line in expected.txt"
    );
    assert!(cases.len() >= 30, "at least 30 edge cases");
    assert!(
        cases.iter().any(|c| c.verdict == "accept") && cases.iter().any(|c| c.verdict == "refuse")
    );
    cases
}

fn bytes(c: &Case) -> Vec<u8> {
    std::fs::read(fixtures().join("assessment-files").join(&c.file)).unwrap()
}

/// (verdict, codes): a refusal's problem codes, an acceptance's note codes, sorted.
fn verdict_of(accepted: bool, mut codes: Vec<String>) -> (String, Vec<String>) {
    codes.sort();
    (
        (if accepted { "accept" } else { "refuse" }).to_string(),
        codes,
    )
}

#[test]
fn the_reader_gives_every_corpus_file_its_verdict() {
    let (hb, d) = doracak::check(&fixtures().join("minimal"));
    let hb = hb.unwrap_or_else(|| panic!("{}", d.report()));
    let mut wrong = Vec::new();
    for c in corpus() {
        let r = doracak::assessment::read_bytes(&bytes(&c), &hb);
        let accepted = r.file.is_some();
        assert_eq!(accepted, r.problems.is_empty(), "{}", c.file);
        let list = if accepted { &r.notes } else { &r.problems };
        let got = verdict_of(accepted, list.iter().map(|f| f.code.to_string()).collect());
        if got != (c.verdict.clone(), c.codes.clone()) {
            wrong.push(format!(
                "{}: expected {} {:?}, found {} {:?} ({:?})",
                c.file,
                c.verdict,
                c.codes,
                got.0,
                got.1,
                list.iter().map(|f| &f.message).collect::<Vec<_>>()
            ));
        }
        if let Some(f) = r.file {
            // Normalised: nothing missing, and what it writes reads back the same.
            let again = doracak::assessment::read(&serde_json::to_string(&f).unwrap(), &hb);
            assert!(
                again.problems.is_empty(),
                "{}: {:?}",
                c.file,
                again.problems
            );
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// `doracak report` itself, run on every corpus file: it writes a report for exactly the
/// files the rules accept (the browser's verdicts are checked below).
#[test]
fn the_command_gives_every_corpus_file_its_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.html");
    let mut wrong = Vec::new();
    for c in corpus() {
        let o = doracak(&[
            "--root",
            fixtures().join("minimal").to_str().unwrap(),
            "report",
            fixtures()
                .join("assessment-files")
                .join(&c.file)
                .to_str()
                .unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        let stderr = String::from_utf8_lossy(&o.stderr);
        if o.status.success() != (c.verdict == "accept") || stderr.contains("panicked") {
            wrong.push(format!(
                "{}: expected {}, exit {:?}: {}",
                c.file,
                c.verdict,
                o.status.code(),
                stderr.chars().take(200).collect::<String>()
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn report_refuses_and_accepts_as_the_rules_say() {
    let dir = tempfile::tempdir().unwrap();
    for (file, ok) in [
        ("refuse-updated-number.json", false),
        ("valid-no-ratings.json", true),
    ] {
        let out = dir.path().join("r.html");
        let o = doracak(&[
            "--root",
            fixtures().join("minimal").to_str().unwrap(),
            "report",
            fixtures()
                .join("assessment-files")
                .join(file)
                .to_str()
                .unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.success(), ok, "{file}: {stderr}");
        if !ok {
            assert!(
                stderr.contains("error: assessment: expected updated as text, found a number"),
                "{stderr}"
            );
        }
    }
}

#[test]
fn the_browser_import_gives_every_corpus_file_the_same_verdict_and_never_breaks_a_page() {
    let Some(browser) = browser("the_browser_import_gives_every_corpus_file_the_same_verdict")
    else {
        return;
    };
    let (_dir, site) = minimal_site();
    let tab = open(&browser, &file_url(&site.join("vleresim/index.html")));
    eval(&tab, "localStorage.clear()");
    let mut wrong = Vec::new();
    let mut accepted = Vec::new();
    for c in corpus() {
        let data = json!(bytes(&c));
        let r = eval(
            &tab,
            &format!(
                "(() => {{ const r = Doracak.assessment.readBytes(new Uint8Array({data}).buffer, DORACAK_CATALOG); return {{ ok: !!r.file, problems: r.problems.map(p => p.code), notes: r.notes.map(n => n.code) }}; }})()"
            ),
        );
        let ok = r["ok"] == Value::Bool(true);
        let list = if ok { &r["notes"] } else { &r["problems"] };
        let codes = list
            .as_array()
            .unwrap_or_else(|| panic!("{}: {r}", c.file))
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        let got = verdict_of(ok, codes);
        if got != (c.verdict.clone(), c.codes.clone()) {
            wrong.push(format!(
                "{}: expected {} {:?}, the browser says {} {:?}",
                c.file, c.verdict, c.codes, got.0, got.1
            ));
        }
        if ok {
            accepted.push(c);
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));

    // Every accepted file is imported, then every assessment page renders it whole: the
    // filled printout is the last thing a page draws, after scores, tracker and plan.
    let tab = open(&browser, &file_url(&site.join("vleresim/index.html")));
    for c in &accepted {
        tab.navigate_to(&file_url(&site.join("vleresim/index.html")))
            .unwrap()
            .wait_until_navigated()
            .unwrap();
        eval(&tab, "localStorage.clear()");
        let data = json!(bytes(c));
        let ok = eval(
            &tab,
            &format!("Doracak.assessmentPage.importBytes(new Uint8Array({data}).buffer)"),
        );
        assert_eq!(ok, Value::Bool(true), "{}: imported", c.file);
        for page in ["S1.html", "provat.html", "plani.html", "printo.html"] {
            tab.navigate_to(&file_url(&site.join("vleresim").join(page)))
                .unwrap()
                .wait_until_navigated()
                .unwrap();
            let drawn = eval(
                &tab,
                "(() => { const p = document.querySelector('[data-filled-print]'); const s = document.querySelector('[data-assess-select]'); const sc = document.querySelector('[data-score]'); return (!s || !!(s.selectedOptions[0] && s.selectedOptions[0].value)) && (!p || (!p.hidden && p.querySelector('[data-fill=name]').textContent.length > 0)) && (!sc || sc.textContent.length > 0); })()",
            );
            assert_eq!(
                drawn,
                Value::Bool(true),
                "{}: vleresim/{page} draws it",
                c.file
            );
        }
    }
}

#[test]
fn an_import_the_page_cannot_draw_stores_nothing() {
    let Some(browser) = browser("an_import_the_page_cannot_draw_stores_nothing") else {
        return;
    };
    let (_dir, site) = minimal_site();
    let tab = open(&browser, &file_url(&site.join("vleresim/index.html")));
    eval(&tab, "localStorage.clear()");
    let good = read(&fixtures().join("assessment-files/valid-full.json"));
    let good = serde_json::to_string(&good).unwrap();
    assert_eq!(
        eval(&tab, &format!("Doracak.assessmentPage.importText({good})")),
        Value::Bool(true)
    );
    let before = eval(&tab, "JSON.stringify(localStorage)");
    // Another centre's file (one of the same name would first ask what to do).
    let good = good.replace("Qendra A", "Qendra B");
    // The overview throws while it draws: the import must be refused and change nothing.
    let r = eval(
        &tab,
        &format!(
            "(() => {{ const q = document.querySelector.bind(document); document.querySelector = s => {{ if (s === '[data-assess-meta]') throw new Error('drawing failed'); return q(s); }}; const ok = Doracak.assessmentPage.importText({good}); document.querySelector = q; return [ok, document.querySelector('[data-import-result]').textContent]; }})()"
        ),
    );
    assert_eq!(r[0], Value::Bool(false), "{r}");
    assert!(r[1].as_str().unwrap().contains("drawing failed"), "{r}");
    assert_eq!(
        eval(&tab, "JSON.stringify(localStorage)"),
        before,
        "nothing stored"
    );
}

/// `doracak report` says where a file stops being JSON as `file:line:col`, as
/// `training-report` does: an empty file at 1:1, a key twice where the second stands.
#[test]
fn report_says_where_the_json_goes_wrong_as_file_line_col() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.json");
    std::fs::write(&empty, "").unwrap();
    let twice = dir.path().join("twice.json");
    std::fs::write(
        &twice,
        "{\"schema\": \"doracak-assessment\",\n  \"schema\": 1}",
    )
    .unwrap();
    for (file, place, what) in [
        (
            &empty,
            "1:1",
            "expected a JSON file, found text that is not JSON",
        ),
        (
            &twice,
            "2:10",
            "expected each key once in an object, found \"schema\"",
        ),
    ] {
        let o = doracak(&[
            "--root",
            fixtures().join("minimal").to_str().unwrap(),
            "report",
            file.to_str().unwrap(),
            "--out",
            dir.path().join("r.html").to_str().unwrap(),
        ]);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success());
        let want = format!("{}:{place}: error: {what}", file.display());
        assert!(stderr.contains(&want), "expected {want:?} in: {stderr}");
        assert!(!stderr.contains("(line"), "{stderr}");
    }
}
