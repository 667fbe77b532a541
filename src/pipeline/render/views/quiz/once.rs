//! A role's quiz asks each of its duties once, and a page asks at most `SAME_ANSWERS`
//! "who?" questions with the same answers.

use std::collections::{BTreeMap, BTreeSet};

use super::giveaway::OMITTED;
use super::{QuestionView, content_words};
use crate::pipeline::model::quiz;

/// The sorted texts of a question's correct choices.
fn answers(qv: &QuestionView) -> Vec<String> {
    let mut answers: Vec<String> = qv
        .choices
        .iter()
        .filter(|c| c.correct)
        .map(|c| c.text.clone())
        .collect();
    answers.sort();
    answers
}

/// At most `quiz::SAME_ANSWERS` "who?" questions of a page with the same answers (the model
/// keeps past its cap a "who?" it judges to point to its answer, which the view may leave
/// out; where one was kept, the cap holds here, review 44, Q-7). The places go first to
/// the questions that quote the source with no word left out ("[…]"), then to those with
/// one, each in page order (adversary 46, Q-4: initial identification 4 had given way to
/// 2, whose stem leaves "institucionit" out).
pub(super) fn same_answers_capped(questions: &mut Vec<QuestionView>) {
    let who = quiz::Ask::Who.name();
    let mut kept: Vec<bool> = questions.iter().map(|qv| qv.ask != who).collect();
    let mut same: BTreeMap<Vec<String>, usize> = BTreeMap::new();
    for omitting in [false, true] {
        for (i, qv) in questions.iter().enumerate() {
            if qv.ask != who || qv.quote.contains(OMITTED) != omitting {
                continue;
            }
            let n = same.entry(answers(qv)).or_default();
            if *n < quiz::SAME_ANSWERS {
                *n += 1;
                kept[i] = true;
            }
        }
    }
    let mut kept = kept.into_iter();
    questions.retain(|_| kept.next().unwrap_or(true));
}

/// Keeps the first of the questions that ask one duty: the same kind and the same answers
/// to a quote whose words another's hold.
pub(super) fn duties_once(questions: &mut Vec<QuestionView>) {
    // A role's quiz asks a duty once: the same answers to a quote whose words
    // another's hold (the director's "… cakton një …" for the child, referral 26,
    // and the adult, 45: one has "rezidencial" more) are one question
    // (adversary 46, Q-3).
    let mut seen: Vec<(&str, Vec<String>, BTreeSet<String>)> = Vec::new();
    questions.retain(|qv| {
        let answers = answers(qv);
        let words: BTreeSet<String> = content_words(&qv.quote).into_iter().collect();
        let again = seen.iter().any(|(ask, a, w)| {
            *ask == qv.ask && *a == answers && (w.is_subset(&words) || words.is_subset(w))
        });
        if !again {
            seen.push((qv.ask, answers, words));
        }
        !again
    });
}
