//! The quiz generator on the shipped handbook, continued: a role's own deadlines and how its
//! quiz says whose they are; the role-name matcher against a brute-force one.

use std::collections::BTreeSet;

use super::tests::shipped;
use super::*;

/// Review 41, Q8: a role's quiz marks correct only the deadlines that bind the role (the
/// NJMF is not told the NJVNR's week at step 4 of the reception, nor the child-protection
/// worker the adults' 90 minutes), and offers none of its step's other deadlines as wrong;
/// all copies of one question id stay the same.
#[test]
fn a_role_quiz_marks_correct_only_the_deadlines_that_bind_the_role() {
    let hb = shipped();
    let all = quizzes(hb);
    let owner = |q: &Question| -> (Vec<String>, Vec<Timing>) {
        match q.place {
            Place::Step => hb
                .procedures
                .iter()
                .flat_map(|p| &p.steps)
                .find(|s| s.id == q.step)
                .map(|s| (s.actors.clone(), s.timing.clone())),
            Place::Section => hb
                .procedures
                .iter()
                .flat_map(|p| &p.sections)
                .find(|s| s.id == q.step)
                .map(|s| (Vec::new(), s.timing.clone())),
            Place::Criterion => hb
                .standards
                .iter()
                .flat_map(|s| &s.criteria)
                .find(|c| c.id == q.step)
                .map(|c| (c.roles.clone(), c.timing.clone())),
        }
        .unwrap()
    };
    let mut variants = 0;
    for quiz in all.iter().filter(|q| q.kind == QuizKind::Role) {
        let role = &quiz.subject;
        for q in quiz.questions.iter().filter(|q| q.ask == Ask::When) {
            let (actors, timings) = owner(q);
            for c in &q.choices {
                let Answer::Timing(t) = &c.answer else {
                    continue;
                };
                if c.correct {
                    assert!(
                        t.binds(role, &actors),
                        "{}: {} marks „{}“",
                        quiz.id,
                        q.id,
                        t.text
                    );
                } else {
                    // Another actor's deadline of the place is no wrong answer.
                    assert!(
                        !timings.iter().any(|o| limits(o)
                            && Answer::Timing(Box::new(o.clone())).key() == c.answer.key()),
                        "{}: {} offers „{}“ as wrong",
                        quiz.id,
                        q.id,
                        t.text
                    );
                }
            }
            variants += usize::from(q.id.ends_with(&format!(".{role}.when")));
        }
    }
    assert!(variants >= 4, "{variants} role variants");
    let asks = |role: &str, id: &str| {
        all.iter()
            .find(|q| q.id == role_quiz_id(role))
            .is_some_and(|q| q.questions.iter().any(|q| q.id == id))
    };
    assert!(asks("njmf", "pritja-shtetas-shqiptare.4.njmf.when"));
    assert!(!asks("njmf", "pritja-shtetas-shqiptare.4.when"));
    assert!(asks("shssh", "identifikimi-formal.6.shssh.when"));
    // The same id, the same question, in every quiz that holds it.
    let mut seen: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for q in all.iter().flat_map(|q| &q.questions) {
        let keys: Vec<String> = q
            .choices
            .iter()
            .map(|c| format!("{}{}", c.correct, c.answer.key()))
            .collect();
        assert_eq!(
            seen.entry(q.id.clone()).or_insert_with(|| keys.clone()),
            &keys,
            "{}",
            q.id
        );
    }
}

#[test]
fn a_roles_own_by_when_says_whose_it_is_in_a_field_not_in_its_ids_shape() {
    let hb = shipped();
    let p = hb
        .procedures
        .iter()
        .find(|p| p.id == "pritja-shtetas-shqiptare")
        .unwrap();
    let step = p.steps.iter().find(|s| s.number.trim() == "4").unwrap();
    let shared = question(hb, p, step, Ask::When).unwrap();
    assert_eq!(shared.for_role, None);
    let own = role_when(hb, p, step, "njmf").unwrap();
    assert_eq!(own.for_role.as_deref(), Some("njmf"));
    // Every role quiz's own variants say so, and no shared question does.
    for quiz in quizzes(hb) {
        for q in &quiz.questions {
            let own = q.id == role_question_id(&q.step, &quiz.subject, q.ask);
            assert_eq!(q.for_role.is_some(), own, "{}: {}", quiz.id, q.id);
        }
    }
}

/// `names` as it was before the roles' names were made once and indexed by their first
/// letter (every name of every role tried at every word): the same roles in every step.
#[test]
fn names_finds_what_trying_every_name_at_every_word_finds() {
    let hb = shipped();
    let split = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let tried = |text: &str| -> BTreeSet<String> {
        let words = split(text);
        let at = |p: &[String], stem: bool| {
            !p.is_empty()
                && words.windows(p.len()).any(|w| {
                    w.iter().zip(p).all(|(w, s)| match stem {
                        true => w.starts_with(s.as_str()),
                        false => w == s,
                    })
                })
        };
        let stems = |t: &String| {
            split(t)
                .iter()
                .map(|w| inflection_stem(w))
                .collect::<Vec<_>>()
        };
        hb.roles
            .iter()
            .filter(|r| {
                std::iter::once(&r.title)
                    .chain(&r.named_by)
                    .any(|t| at(&stems(t), true))
                    || r.abbr
                        .iter()
                        .chain(&r.abbr_variants)
                        .any(|a| at(&split(a), false))
            })
            .map(|r| r.id.clone())
            .collect()
    };
    let mut named = 0;
    for s in hb.procedures.iter().flat_map(|p| &p.steps) {
        let found = names(hb, &s.text);
        assert_eq!(found, tried(&s.text), "{}", s.id);
        named += usize::from(!found.is_empty());
    }
    assert!(named > 50, "{named} steps name a role");
}
