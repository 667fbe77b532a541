//! Issue 25 item 7, adversary 51 L-6: a role's quiz spread over its steps and criteria, not
//! one procedure's repeats. A duty printed twice is asked once (referral 30/48 "nis …
//! procedurat për sigurimin e lejes së qëndrimit", 51/52 "punonjësi njofton … APAP-in"),
//! at most `SAME_WHEN` "by when?"s with the same answer, a step's "who?" and "by when?" not
//! both where the quiz holds more than `FEW`, and no procedure gives more than half of a
//! role's questions where a question of another was left out for one of its own.

use std::collections::{BTreeMap, BTreeSet};

use crate::quiz_feedback::handbook;
use crate::quizzes::{Q, questions};

/// The rules' numbers (`render::views::quiz::spread`).
const SAME_WHEN: usize = 2;
const FEW: usize = 5;

/// The role quiz pages and their questions, in page order.
fn role_pages() -> BTreeMap<String, Vec<Q>> {
    let mut out: BTreeMap<String, Vec<Q>> = BTreeMap::new();
    for q in questions() {
        if q.page.starts_with("roli-") {
            out.entry(q.page.clone()).or_default().push(q);
        }
    }
    out
}

/// A question's procedure (or standard), its step (or section, criterion) and its kind.
fn parts(id: &str) -> (&str, &str, &str) {
    let mut it = id.split('.');
    let procedure = it.next().unwrap_or_default();
    let step = it.next().unwrap_or_default();
    (procedure, step, id.rsplit('.').next().unwrap_or_default())
}

fn answers(q: &Q) -> Vec<String> {
    let mut a = q.correct.clone();
    a.sort();
    a
}

#[test]
fn the_near_twin_duties_of_a_role_are_asked_once_the_first_in_the_source() {
    let pages = role_pages();
    let ids =
        |page: &str| -> BTreeSet<String> { pages[page].iter().map(|q| q.id.clone()).collect() };
    let r = "referimi-mbrojtja-asistenca";
    let case = ids("roli-punonjesi-i-rastit.html");
    // 001:1086 (30, the child) and 001:1130 (48, the victim): "nis menjëherë procedurat
    // për sigurimin e lejes së qëndrimit"; 30 is first.
    assert!(case.contains(&format!("{r}.30.when")), "{case:?}");
    assert!(!case.contains(&format!("{r}.48.when")), "{case:?}");
    // 51 and 52 "punonjësi njofton menjëherë APAP-in", and 43 the same duty as 52.
    let notify = [51, 52, 43].map(|n| format!("{r}.{n}.when"));
    assert!(
        notify.iter().filter(|id| case.contains(*id)).count() <= 1,
        "{case:?}"
    );
    // The staff: the child's and the adult's leaving without leave (20, 42), one "who?".
    let staff = ids("roli-stafi.html");
    assert!(
        !(staff.contains(&format!("{r}.20.who")) && staff.contains(&format!("{r}.42.who"))),
        "{staff:?}"
    );
}

#[test]
fn no_role_quiz_asks_more_than_two_by_whens_with_one_answer() {
    let mut bad = Vec::new();
    for (page, qs) in role_pages() {
        let mut by: BTreeMap<Vec<String>, usize> = BTreeMap::new();
        for q in qs.iter().filter(|q| parts(&q.id).2 == "when") {
            *by.entry(answers(q)).or_default() += 1;
        }
        for (a, n) in by.into_iter().filter(|(_, n)| *n > SAME_WHEN) {
            bad.push(format!("{page}: {a:?} ×{n}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn a_role_quiz_asks_a_steps_who_and_when_both_only_where_it_is_short() {
    let mut bad = Vec::new();
    let mut checked = 0;
    for (page, qs) in role_pages() {
        let mut kinds: BTreeMap<(&str, &str), BTreeSet<&str>> = BTreeMap::new();
        for q in &qs {
            let (p, s, k) = parts(&q.id);
            kinds.entry((p, s)).or_default().insert(k);
        }
        checked += 1;
        for ((p, s), k) in kinds {
            if k.contains("who") && k.contains("when") && qs.len() > FEW {
                bad.push(format!("{page}: {p} {s} ({} questions)", qs.len()));
            }
        }
    }
    assert!(checked > 30, "{checked}");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn no_procedure_gives_more_than_half_of_a_role_quiz_for_another_left_out() {
    // A question of another procedure the role's quiz leaves out though that procedure's
    // own quiz asks it (so it tests), where the page asks one of the largest procedure's
    // of the same kind with the same answers (the cap chose the largest's).
    let hb = handbook();
    let model: BTreeMap<String, Vec<String>> = doracak::pipeline::model::quiz::quizzes(hb)
        .into_iter()
        .map(|q| (q.id, q.questions.into_iter().map(|q| q.id).collect()))
        .collect();
    let all = questions();
    let on_own_page: BTreeSet<(String, String)> =
        all.iter().map(|q| (q.page.clone(), q.id.clone())).collect();
    let mut bad = Vec::new();
    let mut over = 0;
    for (page, qs) in role_pages() {
        let mut by: BTreeMap<&str, usize> = BTreeMap::new();
        for q in &qs {
            *by.entry(parts(&q.id).0).or_default() += 1;
        }
        let Some((largest, n)) = by.iter().max_by_key(|(_, n)| **n) else {
            continue;
        };
        if 2 * n <= qs.len() || by.len() < 2 {
            continue;
        }
        over += 1;
        let role = page.trim_start_matches("roli-").trim_end_matches(".html");
        let asked: BTreeSet<&str> = qs.iter().map(|q| q.id.as_str()).collect();
        for id in &model[&format!("role-{role}")] {
            let (p, _, kind) = parts(id);
            if p == *largest || asked.contains(id.as_str()) {
                continue;
            }
            let Some(left) = all
                .iter()
                .find(|q| q.id == *id && on_own_page.contains(&(format!("{p}.html"), id.clone())))
            else {
                continue;
            };
            if qs.iter().any(|q| {
                parts(&q.id).0 == *largest && parts(&q.id).2 == kind && answers(q) == answers(left)
            }) {
                bad.push(format!(
                    "{page}: {id} left out, {largest} gives {n}/{}",
                    qs.len()
                ));
            }
        }
    }
    assert!(over > 0);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
