//! A role's quiz asks each of its duties once.

use std::collections::BTreeSet;

use super::{QuestionView, content_words};

/// Keeps the first of the questions that ask one duty: the same kind and the same answers
/// to a quote whose words another's hold.
pub(super) fn duties_once(questions: &mut Vec<QuestionView>) {
    // A role's quiz asks a duty once: the same answers to a quote whose words
    // another's hold (the director's "… cakton një …" for the child, referral 26,
    // and the adult, 45: one has "rezidencial" more) are one question
    // (adversary 46, Q-3).
    let mut seen: Vec<(&str, Vec<String>, BTreeSet<String>)> = Vec::new();
    questions.retain(|qv| {
        let mut answers: Vec<String> = qv
            .choices
            .iter()
            .filter(|c| c.correct)
            .map(|c| c.text.clone())
            .collect();
        answers.sort();
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
