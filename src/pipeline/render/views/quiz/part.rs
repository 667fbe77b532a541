//! Whose part of a step a question asks: a role's own "which form?" quotes the role's own
//! sentences (review 45, Q-10), and a "who?" that leaves an actor of the step out says it
//! asks the quoted part of the step.

use super::form_sentences;
use crate::pipeline::model::{Step, quiz};
use crate::pipeline::render::views::Cx;

/// What a role's own "which form?" that holds out a form of the step quotes: the sentences
/// that name its own forms, their conditions with them ("Nëse ka nevojë për referim të
/// brendshëm …, Formulari 5 i MR plotësohet nga Shefi i Shërbimit"), never the step's
/// title; none for any other question.
pub(super) fn own_form_quote(cx: &Cx, step: &Step, question: &quiz::Question) -> Option<String> {
    let quote = quiz::own_forms_only(step, question)
        .then(|| form_sentences(cx, step, question))
        .flatten()?;
    Some(
        question
            .choices
            .iter()
            .filter(|c| c.correct)
            .fold(quote, |quote, c| match &c.answer {
                quiz::Answer::Form(id) => blank_number(&quote, id),
                _ => quote,
            }),
    )
}

/// `quote` with the number of form `code` ("MR5") blanked where the words print it apart
/// from its letters ("Formulari 5 i MR"): the number alone names the form.
fn blank_number(quote: &str, code: &str) -> String {
    let letters: String = code
        .chars()
        .filter(|c| crate::text::is_letter(*c))
        .collect();
    let digits: String = code.chars().filter(|c| c.is_ascii_digit()).collect();
    let words: Vec<&str> = quote
        .split(|c: char| !crate::text::is_word_char(c))
        .filter(|w| !w.is_empty())
        .collect();
    if letters.is_empty() || digits.is_empty() || !words.contains(&letters.as_str()) {
        return quote.to_string();
    }
    super::gap::blank_each_word(quote, "…", |w| w == digits)
}

/// The message of a "who?" that asks only a part of its step (`quiz::part_of_step`), or
/// none.
pub(super) fn part_key(
    cx: &Cx,
    step: &Step,
    question: &quiz::Question,
    item: bool,
) -> Option<&'static str> {
    quiz::part_of_step(cx.hb, step, question).then_some(match (question.multiple(), item) {
        (false, false) => "quiz_who_part",
        (true, false) => "quiz_who_part_many",
        (false, true) => "quiz_who_part_item",
        (true, true) => "quiz_who_part_many_item",
    })
}
