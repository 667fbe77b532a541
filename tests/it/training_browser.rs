//! A quiz and the training records in headless Chromium, opened from `file://`, as a
//! trainee and a trainer use them: answer a procedure's quiz (some answers right, some
//! wrong), see the score equal the answers given and the feedback link to the step, save a
//! training record, export → clear → import → identical, and a corrupted file refused with
//! nothing changed.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::common::browser::*;
use crate::common::*;
use headless_chrome::Tab;
use headless_chrome::protocol::cdp::Browser::{
    SetDownloadBehavior, SetDownloadBehaviorBehaviorOption,
};
use serde_json::Value;

fn wait_file(dir: &Path, ext: &str) -> PathBuf {
    for _ in 0..100 {
        if let Some(p) = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|x| x == ext))
            && let Ok(v) =
                serde_json::from_str::<Value>(&std::fs::read_to_string(&p).unwrap_or_default())
            && v.is_object()
        {
            return p;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("no whole .{ext} file was downloaded");
}

fn storage(tab: &Tab) -> Value {
    eval(
        tab,
        "Object.fromEntries(Object.keys(localStorage).sort().map(k => [k, localStorage.getItem(k)]))",
    )
}

/// The answer key page's letters, by question id.
fn key(site: &Path, quiz: &str) -> Vec<(String, BTreeSet<String>)> {
    let html = read(&site.join(format!("trajnim/pergjigjet/{quiz}.html")));
    html.split("data-key=\"")
        .skip(1)
        .map(|part| {
            let id = part[..part.find('"').unwrap()].to_string();
            let strong = &part[part.find("<strong>").unwrap() + 8..];
            let letters = strong[..strong.find("</strong>").unwrap()]
                .split(", ")
                .map(str::to_string)
                .collect();
            (id, letters)
        })
        .collect()
}

#[test]
fn a_trainee_takes_a_quiz_and_the_records_export_and_import() {
    let Some(browser) = browser("a_trainee_takes_a_quiz_and_the_records_export_and_import") else {
        return;
    };
    let site = shipped_site().join("site");
    let answers = key(&site, "identifikimi-formal");
    assert!(answers.len() >= 20, "{} questions", answers.len());
    assert!(
        answers.iter().any(|(_, l)| l.len() > 1),
        "a multiple-answer question"
    );

    let tab = open(
        &browser,
        &file_url(&site.join("trajnim/kuizi/identifikimi-formal.html")),
    );
    eval(&tab, "localStorage.clear()");
    tab.reload(true, None).unwrap();
    tab.wait_until_navigated().unwrap();
    wait_for(
        &tab,
        "!document.querySelector('[data-quiz-record]').hidden",
        "the quiz script",
    );

    // A record is refused without the confirmation, and before every question is answered.
    tab.wait_for_element("#trainee-name")
        .unwrap()
        .type_into("Ana Hoxha")
        .unwrap();
    eval(
        &tab,
        "document.getElementById('trainee-date').value = '2026-11-20'",
    );
    tab.wait_for_element("[data-quiz-form] button[type=submit]")
        .unwrap()
        .click()
        .unwrap();
    wait_for(
        &tab,
        "document.querySelector('[data-quiz-status]').textContent.includes('Konfirmoni')",
        "the confirmation is asked for",
    );
    tab.wait_for_element("[data-quiz-form] input[name=understood]")
        .unwrap()
        .click()
        .unwrap();
    tab.wait_for_element("[data-quiz-form] button[type=submit]")
        .unwrap()
        .click()
        .unwrap();
    wait_for(
        &tab,
        "document.querySelector('[data-quiz-status]').textContent.includes('Përgjigjuni të gjitha pyetjeve')",
        "every answer is asked for",
    );
    assert_eq!(
        eval(&tab, "localStorage.length"),
        Value::from(0),
        "nothing kept yet"
    );

    // Every third question answered wrong, the others right, by the answer key's letters.
    let mut right = 0;
    let mut wrong_ids = Vec::new();
    for (i, (id, letters)) in answers.iter().enumerate() {
        let q = format!("document.getElementById('q-{id}')");
        let all: Vec<String> = serde_json::from_value(eval(
            &tab,
            &format!("Array.from({q}.querySelectorAll('input')).map(i => i.value)"),
        ))
        .unwrap();
        let pick: Vec<String> = if i % 3 == 0 {
            wrong_ids.push(id.clone());
            vec![all.iter().find(|l| !letters.contains(*l)).unwrap().clone()]
        } else {
            right += 1;
            letters.iter().cloned().collect()
        };
        for l in &pick {
            tab.wait_for_element(&format!("[id='q-{id}'] input[value='{l}']"))
                .unwrap()
                .click()
                .unwrap();
        }
        // Choosing never grades; "Check" does (issue 32), for one answer or several.
        tab.wait_for_element(&format!("[id='q-{id}'] [data-quiz-check]"))
            .unwrap()
            .click()
            .unwrap();
        wait_for(
            &tab,
            &format!("{q}.classList.contains('is-right') || {q}.classList.contains('is-wrong')"),
            "the feedback",
        );
        let verdict = if i % 3 == 0 { "is-wrong" } else { "is-right" };
        assert_eq!(
            eval(&tab, &format!("{q}.classList.contains('{verdict}')")),
            Value::Bool(true),
            "{id}: {verdict}"
        );
    }
    let total = answers.len();
    let score = eval(
        &tab,
        "document.querySelector('[data-quiz-score]').textContent",
    );
    assert!(
        score
            .as_str()
            .unwrap()
            .starts_with(&format!("Pikët: {right} nga {total}")),
        "{score}"
    );
    // A wrong answer says the right letters and links to its step.
    let wrong = &wrong_ids[0];
    let feedback = eval(
        &tab,
        &format!(
            "(() => {{ const q = document.getElementById('q-{wrong}'); const a = q.querySelector('[data-quiz-step]'); return [q.querySelector('[data-quiz-verdict]').textContent, a.hidden, a.getAttribute('href')]; }})()"
        ),
    );
    assert!(
        feedback[0]
            .as_str()
            .unwrap()
            .starts_with("Jo e saktë. Përgjigjja e saktë: ")
    );
    assert_eq!(feedback[1], Value::Bool(false));
    let step = wrong.rsplit_once('.').unwrap().0;
    assert_eq!(
        feedback[2].as_str().unwrap(),
        format!("../../procedura/identifikimi-formal.html#{step}")
    );
    // Answers cannot be changed once checked.
    assert_eq!(
        eval(
            &tab,
            &format!(
                "Array.from(document.querySelectorAll('[id=\"q-{wrong}\"] input')).every(i => i.disabled)"
            )
        ),
        Value::Bool(true)
    );

    // Save the training record, now that every question is answered.
    tab.wait_for_element("[data-quiz-form] button[type=submit]")
        .unwrap()
        .click()
        .unwrap();
    wait_stored(&tab, "Ana Hoxha", "the record is kept");

    // The records page lists it; export → clear → import → identical.
    let downloads = tempfile::tempdir().unwrap();
    let tab = open(&browser, &file_url(&site.join("trajnim/regjistrat.html")));
    tab.call_method(SetDownloadBehavior {
        behavior: SetDownloadBehaviorBehaviorOption::Allow,
        browser_context_id: None,
        download_path: Some(downloads.path().to_string_lossy().into_owned()),
        events_enabled: None,
    })
    .unwrap();
    wait_for(
        &tab,
        "document.querySelectorAll('[data-training-rows] tr').length === 1",
        "the record listed",
    );
    let row = eval(
        &tab,
        "document.querySelector('[data-training-rows] tr').textContent",
    );
    let row = row.as_str().unwrap();
    assert!(
        row.contains("Ana Hoxha") && row.contains("2026-11-20"),
        "{row}"
    );
    assert!(row.contains(&format!("{right} / {total}")), "{row}");
    assert!(row.contains("VKM nr. 772"), "the handbook's edition: {row}");
    let before = storage(&tab);

    tab.wait_for_element("[data-action=training-export]")
        .unwrap()
        .click()
        .unwrap();
    let exported_path = wait_file(downloads.path(), "json");
    let exported: Value = serde_json::from_str(&read(&exported_path)).unwrap();
    assert_eq!(exported["format"], "doracak-training");
    assert_eq!(exported["version"], 1);
    let rec = &exported["records"][0];
    assert_eq!(rec["name"], "Ana Hoxha");
    assert_eq!(rec["kind"], "procedure");
    assert_eq!(rec["subject"], "identifikimi-formal");
    assert_eq!(rec["score"], right);
    assert_eq!(rec["total"], total);
    assert_eq!(rec["understood"], true);
    assert_eq!(rec["edition"], "VKM nr. 772, datë 19.12.2025");
    // What the browser exports, the command reads.
    let mut diags = doracak::diagnostics::Diagnostics::new();
    let parsed =
        doracak::commands::training::parse(&read(&exported_path), &exported_path, &mut diags);
    assert!(parsed.is_some(), "{}", diags.report());

    eval(&tab, "window.confirm = () => true");
    tab.wait_for_element("[data-action=training-clear]")
        .unwrap()
        .click()
        .unwrap();
    wait_for(
        &tab,
        "!document.querySelector('[data-training-none]').hidden",
        "the records cleared",
    );
    assert_ne!(storage(&tab), before);
    tab.wait_for_element("[data-training-import]")
        .unwrap()
        .set_input_files(&[exported_path.to_str().unwrap()])
        .unwrap();
    wait_for(
        &tab,
        "document.querySelectorAll('[data-training-rows] tr').length === 1",
        "the record imported",
    );
    assert_eq!(
        storage(&tab),
        before,
        "export → clear → import gives back what was kept"
    );

    // A corrupted file is refused and nothing changes.
    let bad = downloads.path().join("corrupted.txt");
    let text = read(&exported_path).replace("\"score\": ", "\"score\": \"x\", \"score2\": ");
    std::fs::write(&bad, text).unwrap();
    tab.wait_for_element("[data-training-import]")
        .unwrap()
        .set_input_files(&[bad.to_str().unwrap()])
        .unwrap();
    wait_for(
        &tab,
        "!document.querySelector('[data-training-error]').hidden",
        "the refusal",
    );
    let msg = eval(
        &tab,
        "document.querySelector('[data-training-error]').textContent",
    );
    assert!(
        msg.as_str().unwrap().contains("asgjë nuk ndryshoi")
            && msg.as_str().unwrap().contains("\"score\""),
        "{msg}"
    );
    assert_eq!(storage(&tab), before, "nothing changed");
    let truncated = downloads.path().join("truncated.txt");
    let whole = read(&exported_path);
    std::fs::write(&truncated, &whole[..whole.len() / 2]).unwrap();
    eval(
        &tab,
        "document.querySelector('[data-training-error]').hidden = true",
    );
    tab.wait_for_element("[data-training-import]")
        .unwrap()
        .set_input_files(&[truncated.to_str().unwrap()])
        .unwrap();
    wait_for(
        &tab,
        "!document.querySelector('[data-training-error]').hidden",
        "the refusal of a truncated file",
    );
    assert_eq!(storage(&tab), before, "nothing changed");
    assert_eq!(
        eval(
            &tab,
            "document.querySelectorAll('[data-training-rows] tr').length"
        ),
        Value::from(1)
    );
}

#[test]
fn a_group_or_its_members_answer_for_both_and_the_feedback_says_so() {
    // 001: "NJMF/PMF-të kryejnë …" (formal identification, step 8): the unit and its
    // child-protection worker, a member of it, are both correct; ticking the unit, or the
    // worker, is right, and the verdict says either is enough (review 42, Q9). A wrong tick
    // beside them is still wrong, and elsewhere every correct choice is still wanted.
    let Some(browser) = browser("a_group_or_its_members_answer_for_both_and_the_feedback_says_so")
    else {
        return;
    };
    let site = shipped_site().join("site");
    let url = file_url(&site.join("trajnim/kuizi/identifikimi-formal.html"));
    let q = "document.getElementById('q-identifikimi-formal.8.who')";
    let grade = |ticks: &str| -> (bool, String) {
        let tab = open(&browser, &url);
        wait_for(
            &tab,
            "!document.querySelector('[data-quiz-record]').hidden",
            "the quiz script",
        );
        eval(
            &tab,
            &format!(
                "(() => {{ const q = {q}; const inputs = [...q.querySelectorAll('input')]; const group = inputs.find(i => i.dataset.members); const member = inputs.find(i => i.value === group.dataset.members); const wrong = inputs.find(i => i.dataset.correct === 'false'); {ticks}; q.querySelector('[data-quiz-check]').click(); }})()"
            ),
        );
        let v = eval(
            &tab,
            &format!(
                "[{q}.classList.contains('is-right'), {q}.querySelector('[data-quiz-verdict]').textContent]"
            ),
        );
        (
            v[0] == Value::Bool(true),
            v[1].as_str().unwrap().to_string(),
        )
    };
    let (right, verdict) = grade("group.click()");
    assert!(right, "{verdict}");
    assert!(verdict.contains("është pjesë e"), "{verdict}");
    let (right, verdict) = grade("member.click()");
    assert!(right, "{verdict}");
    assert!(grade("group.click(); member.click()").0);
    let (right, verdict) = grade("group.click(); wrong.click()");
    assert!(!right, "{verdict}");
    assert!(
        verdict.starts_with("Jo e saktë.") && verdict.contains("është pjesë e"),
        "{verdict}"
    );

    // A question of several answers and no group still wants them all.
    let tab = open(&browser, &url);
    wait_for(
        &tab,
        "!document.querySelector('[data-quiz-record]').hidden",
        "the quiz script",
    );
    let graded = eval(
        &tab,
        "(() => { const q = [...document.querySelectorAll('[data-question]')].find(q => q.querySelectorAll('input[data-correct=true]').length > 1 && !q.querySelector('[data-members]')); q.querySelector('input[data-correct=true]').click(); q.querySelector('[data-quiz-check]').click(); return q.classList.contains('is-wrong'); })()",
    );
    assert_eq!(graded, Value::Bool(true));
}
