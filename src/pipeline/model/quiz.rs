//! Quizzes generated from the procedures: for every step, "who acts?" (its actors), "by
//! when?" (its timings) and "with which form?" (the forms its own words name), each answer among three
//! distractors taken from the same procedure (then its collection, then the handbook).
//!
//! Pure and deterministic: every choice is made by a small PRNG (SplitMix64) seeded with a
//! hash (FNV-1a) of the step's id and the question's kind, so the printed sheet, its answer
//! key and the online quiz are the same quiz, build after build. A question is the same in
//! its procedure's quiz and in the quiz of every role acting in the step.

use std::collections::BTreeSet;

use super::{Criterion, Handbook, Procedure, Section, Step, Timing};

mod asked;
mod assemble;
mod choose;
mod jurisdiction;
mod passages;
mod places;
mod roles;
mod subject;
mod within;
mod words;
pub use asked::{named_for, own_forms_only, part_of_step, who_text};
pub use assemble::{SAME_ANSWERS, quizzes};
use choose::choose;
pub use choose::stems;
pub use jurisdiction::FormJurisdictions;
pub use passages::{join_in_order, normative_passage, normative_sentence};
pub use places::{
    criterion_question, criterion_texts as places_criterion_texts, criterion_who, section_actors,
    section_question, section_who,
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

/// The answers of one kind a step gives (each once).
fn answers(step: &Step, ask: Ask) -> Vec<Answer> {
    let all: Vec<Answer> = match ask {
        Ask::Who => step
            .persons
            .iter()
            .cloned()
            .map(Answer::Person)
            .chain(step.actors.iter().cloned().map(Answer::Role))
            .collect(),
        // Only a link whose words stand in the step's own text and name the form: a
        // learner cannot learn from the step a form only the annex ties to it.
        Ask::Form => step
            .form_links
            .iter()
            .filter(|l| l.named)
            .map(|l| Answer::Form(l.form.clone()))
            .collect(),
        // Words that set no time limit are no answer to "by when?".
        Ask::When => step
            .timing
            .iter()
            .filter(|t| limits(t))
            .cloned()
            .map(|t| Answer::Timing(Box::new(t)))
            .collect(),
    };
    let mut seen = BTreeSet::new();
    all.into_iter().filter(|a| seen.insert(a.key())).collect()
}

/// The deadlines of `step` that bind `role` (each answer once).
fn answers_binding(step: &Step, role: &str, ask: Ask) -> Vec<Answer> {
    let mut seen = BTreeSet::new();
    let all: Vec<Answer> = match ask {
        Ask::Form => step
            .form_links
            .iter()
            .filter(|l| l.named && l.binds(role, &step.actors))
            .map(|l| Answer::Form(l.form.clone()))
            .collect(),
        _ => step
            .timing
            .iter()
            .filter(|t| limits(t) && t.binds(role, &step.actors))
            .map(|t| Answer::Timing(Box::new(t.clone())))
            .collect(),
    };
    all.into_iter().filter(|a| seen.insert(a.key())).collect()
}

/// The distinct answers of one kind across some procedures, in their order.
fn pool<'a>(procedures: impl Iterator<Item = &'a Procedure>, ask: Ask) -> Vec<Answer> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for p in procedures {
        for st in &p.steps {
            // A person named in one step's words is no distractor elsewhere.
            for a in answers(st, ask)
                .into_iter()
                .filter(|a| !matches!(a, Answer::Person(_)))
            {
                if seen.insert(a.key()) {
                    out.push(a);
                }
            }
        }
    }
    out
}

/// How many distractors a question gets.
pub const DISTRACTORS: usize = 3;

/// The question of kind `ask` about `step` of `p`, or none where the step gives no answer.
pub fn question(hb: &Handbook, p: &Procedure, step: &Step, ask: Ask) -> Option<Question> {
    question_as(hb, p, step, ask, None)
}

/// The "by when?" of `step` as `role`'s quiz asks it: only the deadlines that bind the role
/// are correct, and the step's other deadlines (another actor's) are no choice at all, right
/// or wrong (review 41, Q8: the NJMF is not told the NJVNR's week). Its id names the role
/// (`{step}.{role}.when`). None where no deadline of the step binds the role.
pub fn role_when(hb: &Handbook, p: &Procedure, step: &Step, role: &str) -> Option<Question> {
    question_as(hb, p, step, Ask::When, Some(role))
}

/// The "by when?" or "which form?" of `step` as `role`'s quiz asks it (`role_when`; for a
/// form, only those the role uses where the source splits them, 001:718-720).
pub fn role_variant(
    hb: &Handbook,
    p: &Procedure,
    step: &Step,
    role: &str,
    ask: Ask,
) -> Option<Question> {
    question_as(hb, p, step, ask, Some(role))
}

/// Whether `q`, a "by when?" of a place whose actors are `owner`, has a correct answer
/// that does not bind `role`.
pub fn asks_others(q: &Question, role: &str, owner: &[String]) -> bool {
    q.ask == Ask::When
        && q.choices
            .iter()
            .any(|c| c.correct && matches!(&c.answer, Answer::Timing(t) if !t.binds(role, owner)))
}

/// Whether `q`, a "by when?" or "which form?" of `step`, has a correct answer that does
/// not bind `role` (a form another of the step's actors uses, 001:718-720).
pub fn asks_others_at(q: &Question, step: &Step, role: &str) -> bool {
    asks_others(q, role, &step.actors)
        || q.ask == Ask::Form
            && q.choices.iter().any(|c| {
                c.correct
                    && matches!(&c.answer, Answer::Form(f) if step
                        .form_links
                        .iter()
                        .any(|l| &l.form == f && !l.binds(role, &step.actors)))
            })
}

/// The id of `role`'s own variant of the question `{place}.{ask}` (`role_when`).
pub fn role_question_id(place: &str, role: &str, ask: Ask) -> String {
    format!("{place}.{role}.{}", ask.name())
}

fn question_as(
    hb: &Handbook,
    p: &Procedure,
    step: &Step,
    ask: Ask,
    role: Option<&str>,
) -> Option<Question> {
    let mut correct = match role {
        Some(role) => answers_binding(step, role, ask),
        None => answers(step, ask),
    };
    let mut unnamed: Vec<Answer> = Vec::new();
    if ask == Ask::Who {
        // Only the one who acts: a role the step's words name only as an object or a
        // counterpart ("mbledhjen e AP-së", "bashkëpunon me NJMF-në") is no answer, unless
        // the lead-in of its list names it acting ("ngrihet Njësia …, e cila … duhet të
        // ketë këto detyra:" over a duty that names "njësinë administrative").
        let text = who_text(step);
        let lead_in = step.group.as_deref().unwrap_or_default();
        correct.retain(|a| match a {
            Answer::Role(id) => {
                acts_in(hb, id, &text) != Some(false) || acts_in(hb, id, lead_in) == Some(true)
            }
            _ => true,
        });
        // A role the stem does not name, where another answer named acting there is the
        // same person or may be it, is no answer, right or wrong (`named_for`).
        let ids: Vec<String> = correct
            .iter()
            .filter_map(|a| match a {
                Answer::Role(id) => Some(id.clone()),
                _ => None,
            })
            .collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        unnamed = ids
            .iter()
            .filter(|id| named_for(hb, id, &text, &ids))
            .map(|id| Answer::Role(id.to_string()))
            .collect();
        let gone: BTreeSet<String> = unnamed.iter().map(Answer::key).collect();
        correct.retain(|a| !gone.contains(&a.key()));
    }
    if correct.is_empty() || !asked::worth_asking(step, ask, role, &correct) {
        return None;
    }
    // A "who?" whose only answers are groups the source defines as every institution it
    // names (A/IPM, "të gjitha institucionet e përmendura në këtë dokument") has no honest
    // wrong answer: every body of the document is one of them. Voluntary return 15 names a
    // class, "Autoritetet e përfshira në luftën kundër trafikimit" (001:1273), and the
    // responsible authority is one (001:214–218): not asked (review 44, Q-2).
    if ask == Ask::Who
        && correct.iter().all(|a| {
            matches!(a, Answer::Role(id) if hb.roles.iter().any(|r| &r.id == id && r.names_all))
        })
    {
        return None;
    }
    let id = match role {
        Some(role) => role_question_id(&step.id, role, ask),
        None => format!("{}.{}", step.id, ask.name()),
    };
    // Nearest first: this procedure, its collection, the handbook's places of the
    // procedure's jurisdiction; each level shuffled.
    let here = jurisdiction::of_procedure(hb, p);
    let near = pool(std::iter::once(p), ask);
    let collection = pool(
        hb.procedures
            .iter()
            .filter(|q| q.collection == p.collection),
        ask,
    );
    let far_own: Vec<Answer>;
    let far: &[Answer] = match ask {
        // Every role and form the handbook has, beyond those the steps name.
        Ask::Who => {
            far_own = hb
                .roles
                .iter()
                .map(|r| Answer::Role(r.id.clone()))
                .filter(|a| jurisdiction::holds(hb, a, here))
                .collect();
            &far_own
        }
        Ask::Form => {
            far_own = hb
                .forms
                .iter()
                .map(|f| Answer::Form(f.id.clone()))
                .filter(|a| jurisdiction::holds(hb, a, here))
                .collect();
            &far_own
        }
        // Every timing of the handbook, the standards' too: lengths of the answer's
        // order of magnitude are there (months against "24 muaj"). A timing names no
        // jurisdiction, and any other one is as wrong for the step. The same for every
        // step: made once.
        Ask::When => hb.when_pool.get_or_init(|| {
            let mut all = pool(hb.procedures.iter(), ask);
            all.extend(places::criteria_pool(
                hb.standards.iter().flat_map(|s| &s.criteria),
            ));
            all
        }),
    };
    let levels: [&[Answer]; 3] = [&near, &collection, far];
    let mut used: BTreeSet<String> = BTreeSet::new();
    // Another actor's deadline or form of the step is true of the step: never a wrong
    // answer.
    if role.is_some() {
        used.extend(answers(step, ask).iter().map(Answer::key));
    }
    used.extend(unnamed.iter().map(Answer::key));
    // The institution an actor acts for ("APAP-i i SHSSH-së") is no wrong answer to "who?".
    // Nor, where a group acts, one of the institutions its representatives act for (the AP
    // "përbëhet nga përfaqësues të ministrive", its `representatives` the APAP, read-47b
    // L-11: "Ministria e Arsimit" at formal 13).
    let representatives: BTreeSet<&str> = correct
        .iter()
        .filter_map(|a| match a {
            Answer::Role(id) => hb.roles.iter().find(|r| &r.id == id),
            _ => None,
        })
        .flat_map(|r| r.representatives.iter().map(String::as_str))
        .collect();
    if matches!(ask, Ask::Who) {
        let steps = hb.procedures.iter().flat_map(|p| &p.steps);
        let of = |s: &'_ Step| {
            s.acting_for
                .iter()
                .filter_map(|a| a.of.clone())
                .collect::<Vec<_>>()
        };
        let by_representative = |s: &'_ Step| {
            s.acting_for
                .iter()
                .filter(|a| representatives.contains(a.actor.as_str()))
                .filter_map(|a| a.of.clone())
                .collect::<Vec<_>>()
        };
        let all = steps.flat_map(by_representative);
        used.extend(
            of(step)
                .into_iter()
                .chain(all)
                .map(|id| Answer::Role(id).key()),
        );
    }
    // A role the step's own words name ("menaxheri i rastit" in a step credited to the case
    // worker) is never a wrong answer: the reader finds it in the stem.
    let named = involved(hb, step);
    // The lead-in the source prints before a numbered point stands in the question too
    // ("Në çdo njësi administrative …:"): a word of it that a correct answer has wants a
    // wrong answer with it as well (adversary 49 L-3: "Njësia …" was the only "Njësia").
    let lead_in = match step.lead_in {
        true => step.group.as_deref().unwrap_or_default(),
        false => "",
    };
    let stem = format!(
        "{lead_in}\n\n{}\n\n{}",
        step.title.as_deref().unwrap_or_default(),
        step.text
    );
    let choices = choose(hb, &id, &stem, correct, levels, used, &named);
    Some(Question {
        id,
        procedure: p.id.clone(),
        step: step.id.clone(),
        place: Place::Step,
        ask,
        for_role: role.map(str::to_string),
        choices,
    })
}

/// The questions about one step, in the order who, when, form.
pub fn step_questions(hb: &Handbook, p: &Procedure, step: &Step) -> Vec<Question> {
    [Ask::Who, Ask::When, Ask::Form]
        .into_iter()
        .filter_map(|ask| question(hb, p, step, ask))
        .collect()
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
