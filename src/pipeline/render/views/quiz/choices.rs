//! A question's choices as the reader sees them: lettered, in the reader's words.

use super::{Answer, ChoiceView, Cx, group_members, quiz};

/// An answer in the reader's words: a role's title, a form's code and title, a timing in
/// words.
pub(super) fn choice_text(cx: &Cx, answer: &Answer) -> String {
    match answer {
        Answer::Role(id) => cx
            .titles
            .roles
            .get(id.as_str())
            .copied()
            .unwrap_or(id)
            .to_string(),
        // Persons in the words the source prints them in, a choice beginning with a capital
        // as the titles beside it do ("punonjësi social", inside 001:1415's sentence).
        Answer::Person(words) => {
            let mut c = words.chars();
            c.next()
                .map(|first| first.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        }
        Answer::Form(id) => {
            let l = cx.titles.form_link(id);
            match l.code {
                Some(code) if code != l.title => {
                    crate::theme::say(cx.ui, "item_gloss", &[("item", &code), ("gloss", &l.title)])
                }
                _ => l.title,
            }
        }
        // The stem quotes the case a timing holds in ("me urgjencë"): the choice is the time.
        Answer::Timing(t) => super::super::phrase_in_quoted_case(t, cx.ui),
    }
}

/// A question's choices, lettered, and its key: the correct letters ("A, C"), as the page's
/// script reads them back from `data-answer`.
pub(super) fn choices(
    cx: &Cx,
    question: &quiz::Question,
    source: &str,
) -> (Vec<ChoiceView>, String) {
    let members = group_members(cx, question, source);
    let choices: Vec<ChoiceView> = question
        .choices
        .iter()
        .enumerate()
        .map(|(j, c)| ChoiceView {
            letter: letter(j),
            text: choice_text(cx, &c.answer),
            correct: c.correct,
            members: members[j]
                .iter()
                .map(|&m| letter(m))
                .collect::<Vec<_>>()
                .join(" "),
        })
        .collect();
    let answer = choices
        .iter()
        .filter(|c| c.correct)
        .map(|c| c.letter.clone())
        .collect::<Vec<_>>()
        .join(", ");
    (choices, answer)
}

/// The texts of a question's wrong choices, as the reader sees them.
pub(super) fn wrong_texts(cx: &Cx, question: &quiz::Question) -> Vec<String> {
    question
        .choices
        .iter()
        .filter(|c| !c.correct)
        .map(|c| choice_text(cx, &c.answer))
        .collect()
}

/// The texts of a question's correct choices, as the reader sees them.
pub(super) fn correct_texts(cx: &Cx, question: &quiz::Question) -> Vec<String> {
    question
        .choices
        .iter()
        .filter(|c| c.correct)
        .map(|c| choice_text(cx, &c.answer))
        .collect()
}

fn letter(i: usize) -> String {
    char::from(b'A' + (i % 26) as u8).to_string()
}
