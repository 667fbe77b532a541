//! Quizzes generated from the procedures: for every step, "who acts?" (its actors), "by
//! when?" (its timings) and "with which form?" (the forms its own words name), each answer among three
//! distractors taken from the same procedure (then its collection, then the handbook).
//!
//! Pure and deterministic: every choice is made by a small PRNG (SplitMix64) seeded with a
//! hash (FNV-1a) of the step's id and the question's kind, so the printed sheet, its answer
//! key and the online quiz are the same quiz, build after build. A question is the same in
//! its procedure's quiz and in the quiz of every role acting in the step.

use super::{Criterion, Handbook, Procedure, Section, Step, Timing};

mod asked;
mod assemble;
mod choose;
mod jurisdiction;
mod memo;
mod passages;
mod places;
mod questions;
mod roles;
mod subject;
mod within;
mod words;
pub use asked::{named_for, own_forms_only, part_of_step, who_text};
pub use assemble::{SAME_ANSWERS, quizzes, quizzes_each};
pub use choose::stems;
use choose::{Stem, choose};
pub use jurisdiction::FormJurisdictions;
pub use memo::Memos;
pub use passages::{join_in_order, normative_passage, normative_sentence};
pub use places::{
    criterion_question, criterion_texts as places_criterion_texts, section_actors,
    section_question, section_who,
};
use questions::pool;
pub use questions::{
    DISTRACTORS, asks_others, asks_others_at, question, role_question_id, role_variant, role_when,
    step_questions,
};
pub use roles::{
    RoleNames, inflection_stem, involved, involved_in, members_of, named_in_text, named_whole,
    names, related, same_person, sometimes, without_names,
};
pub use subject::acts_in;
pub use words::{STOP, content_words, pointing_words, word_stem};

/// What a question asks about a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Ask {
    /// Who acts (the step's actors).
    Who,
    /// By when, or how often (the step's timings).
    When,
    /// Which form (the step's forms).
    Form,
}

impl Ask {
    /// The name in ids and the locale pack's keys (`quiz_who` …).
    pub fn name(self) -> &'static str {
        match self {
            Ask::Who => "who",
            Ask::When => "when",
            Ask::Form => "form",
        }
    }
}

/// One possible answer: a role, a form or a timing (by id or by value).
#[derive(Clone, Debug)]
pub enum Answer {
    Role(String),
    /// A person the source names in its words where no role acts ("Çdo person, që …").
    Person(String),
    Form(String),
    Timing(Box<Timing>),
}

impl Answer {
    /// What makes two answers the same answer. Two timings of the same kind and length
    /// (24 hours and one day) are one answer, so neither is ever a distractor of the other.
    pub fn key(&self) -> String {
        match self {
            Answer::Role(id) => format!("role:{id}"),
            Answer::Person(words) => format!("person:{words}"),
            Answer::Form(id) => format!("form:{id}"),
            Answer::Timing(t) => format!(
                "timing:{}:{}:{:?}:{}",
                t.kind, t.seconds, t.to_seconds, t.working_days
            ),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Choice {
    pub answer: Answer,
    pub correct: bool,
}

/// Where a question's answer stands in the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// A procedure's step (`step` its id).
    Step,
    /// A procedure's section, a passage between its steps (`step` the section's id).
    Section,
    /// A standard's criterion (`step` the criterion's id, `procedure` the standard's).
    Criterion,
}

#[derive(Clone, Debug)]
pub struct Question {
    /// `{place id}.{ask}`: the same in every quiz that holds it.
    pub id: String,
    /// The procedure's id, or the standard's for a criterion.
    pub procedure: String,
    /// The id of the step, section or criterion (`place`).
    pub step: String,
    pub place: Place,
    pub ask: Ask,
    /// The role whose own variant of a "by when?" this is (`role_when`: only the deadlines
    /// that bind it are asked, another actor's stay in the quote); none for the question
    /// every quiz shares.
    pub for_role: Option<String>,
    /// The correct answers and the distractors, in the order they are shown.
    pub choices: Vec<Choice>,
}

impl Question {
    /// Several answers are correct: the question reads "which of these …".
    pub fn multiple(&self) -> bool {
        self.choices.iter().filter(|c| c.correct).count() > 1
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuizKind {
    Procedure,
    Role,
}

impl QuizKind {
    pub fn name(self) -> &'static str {
        match self {
            QuizKind::Procedure => "procedure",
            QuizKind::Role => "role",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Quiz {
    /// The procedure's id, or `role-{role id}` (an id, the same in every language).
    pub id: String,
    pub kind: QuizKind,
    /// The procedure's or the role's id.
    pub subject: String,
    pub questions: Vec<Question>,
}

/// The id of a role's quiz.
pub fn role_quiz_id(role: &str) -> String {
    format!("role-{role}")
}

/// FNV-1a, 64 bits.
pub fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// SplitMix64: small, fast, and enough to shuffle a few answers.
pub struct SplitMix(u64);

impl SplitMix {
    pub fn new(seed: u64) -> Self {
        SplitMix(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Fisher–Yates.
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_roles;

/// Whether a timing sets a time limit a "by when?" can ask: not words that set none, nor a
/// duty that runs round the clock ("Ruajtje ose siguri fizike 24 orë", review 39 F10).
pub fn limits(t: &Timing) -> bool {
    // "sa më shpejt … jo më vonë se 7 ditë": the stem quotes the duty's own words, which
    // say the answer's "as soon as possible" in every pack (adversary 45, Q-1): no answer.
    t.kind != "none" && t.kind != "continuous" && !t.asap
}
