//! The views of the quizzes (`model::quiz`): each question worded from the locale pack,
//! each answer in the reader's words (a role's title, a form's code and title, a timing in
//! words), lettered A, B, C …; the same view makes the quiz sheet and its answer key.

use serde::Serialize;

use super::Cx;
use crate::pipeline::model::quiz::{self, Answer, QuizKind};

mod blank;
mod build;
mod choices;
mod feedback;
mod gap;
mod giveaway;
mod groups;
mod once;
mod part;
mod place;
mod proof;
mod quote;
mod roles;
mod spread;
pub use blank::{TimeWords, content_words, gives_away, kept, pointing, pointing_words, word_stem};
use blank::{blank, blank_abbr, blank_deadline, blank_phrases, blank_runs};
pub(super) use build::build;
use choices::{choice_text, choices, correct_texts, wrong_texts};
use gap::collapse;
pub use giveaway::{attributes_kept, heads_kept, names_kept, pointing_who, singled_out};
use groups::{group_members, group_note};
use quote::{
    acting_sentences, action, blank_singling, form_sentences, from_its_actor, lasts, names_answer,
    naming_sentence, opening, paragraph, source_sentence, stem_key, timing_sentence,
};
pub use roles::Printed;
use roles::{blank_roles, other_names, printed_names};

#[derive(Serialize)]
pub struct QuizView {
    pub id: String,
    /// `procedure` or `role`.
    pub kind: &'static str,
    pub subject: String,
    pub subject_title: String,
    pub subject_url: String,
    /// "Kuizi: …" — the page's title.
    pub title: String,
    pub url: String,
    pub key_url: String,
    pub questions: Vec<QuestionView>,
    /// The content hash of the subject (`edition::content`), kept with a training record.
    pub content: String,
}

#[derive(Clone, Serialize)]
pub struct QuestionView {
    pub id: String,
    pub number: usize,
    pub ask: &'static str,
    pub prompt: String,
    pub multiple: bool,
    /// "Hapi 3 — Identifikimi formal": where the answer is.
    pub step_label: String,
    /// "Hapi 3": enough inside a procedure's own quiz.
    pub step_short: String,
    pub step_url: String,
    pub choices: Vec<ChoiceView>,
    /// The letters of the correct answers, "B, D".
    pub answer: String,
    /// Where a correct answer is a group beside its correct members: that the group, or
    /// its members, is enough (`group_note`).
    pub answer_note: String,
    /// The sentence of the source that holds the answer, quoted in the feedback.
    pub source: String,
    /// What the stem quotes, its answers blanked: a role's quiz asks each once.
    #[serde(skip)]
    pub quote: String,
    /// What the stem quotes before its blanks: a question that keeps too little of it is
    /// left out (`KEEP`).
    #[serde(skip)]
    pub whole: String,
    /// Every name the source prints for a correct role (its title, the other words it names
    /// it by: "Drejtuesi i AP-së" for the D/KAP) and its abbreviations: none may stand in
    /// the quote (`names_kept`).
    #[serde(skip)]
    pub names: Printed,
    /// Where the step is printed with a label another step of its procedure shares ("a)"):
    /// that label, and the stem naming the step told apart (`Step::label_among`), printed
    /// where another question of the page would otherwise read the same (adversary 47, L-5).
    #[serde(skip)]
    pub apart: Option<(String, String)>,
    /// The feedback names every correct choice (`proof::proves`): a "who?" whose feedback
    /// does not is not asked (read-47b, M-5).
    #[serde(skip)]
    pub proved: bool,
    /// The quote ends with a colon that introduces only examples (`leads_to_examples`).
    #[serde(skip)]
    pub examples_follow: bool,
}

/// The least share of its content words a question's quote keeps after its blanks: below
/// it the stem no longer says what the step is, and the question is left out.
pub const KEEP: f64 = 0.6;

/// Whether a question tests: its quote keeps at least `KEEP` of its words and no word of
/// it points to the answer (a word of a correct choice that no wrong choice has).
fn tests(q: &QuestionView) -> bool {
    let correct: Vec<String> = q
        .choices
        .iter()
        .filter(|c| c.correct)
        .map(|c| c.text.clone())
        .collect();
    let wrong: Vec<String> = q
        .choices
        .iter()
        .filter(|c| !c.correct)
        .map(|c| c.text.clone())
        .collect();
    kept(&q.quote, &q.whole) >= KEEP
        && match q.ask {
            // A "who?"'s word that stands alone names no one (`pointing_who`).
            "who" => pointing_who(&q.quote, &correct, &wrong).is_empty(),
            _ => pointing(&q.quote, &correct, &wrong).is_empty(),
        }
        && (q.ask != "who" || heads_kept(&q.quote, &correct, &wrong).is_empty())
        && (q.ask != "form" || singled_out(&q.quote, &correct, &wrong).is_empty())
        // Nor a correct role by any name the source prints for it (review 42, Q1).
        && names_kept(&q.quote, &q.names.0, &q.names.1).is_empty()
        // Nor an attribute right after a blank that only a correct choice fits ("… i
        // AP-së", read-47b M-1).
        && attributes_kept(&q.quote, &correct, &wrong).is_empty()
        // A quote that ends pointing at what it does not show ("… që shpjegon:") asks
        // nothing (review 39, F12), unless what it points at is only examples.
        && (!q.quote.trim_end().ends_with(':') || q.examples_follow)
        && q.proved
}

#[derive(Clone, Serialize)]
pub struct ChoiceView {
    pub letter: String,
    pub text: String,
    pub correct: bool,
    /// The letters of the correct choices that are this correct group's nearest members
    /// (`Role::members`), "C E": the group, or all of them, answers for both (review 42, Q9).
    pub members: String,
}
