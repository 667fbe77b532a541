//! Quizzes generated from the procedures: for every step, "who acts?" (its actors), "by
//! when?" (its timings) and "with which form?" (its forms), each answer among three
//! distractors taken from the same procedure (then its collection, then the handbook).
//!
//! Pure and deterministic: every choice is made by a small PRNG (SplitMix64) seeded with a
//! hash (FNV-1a) of the step's id and the question's kind, so the printed sheet, its answer
//! key and the online quiz are the same quiz, build after build. A question is the same in
//! its procedure's quiz and in the quiz of every role acting in the step.

use std::collections::BTreeSet;

use super::{Criterion, Handbook, Procedure, Section, Step, Timing};

mod assemble;
mod places;
pub use assemble::quizzes;
pub use places::{
    criterion_question, criterion_texts as places_criterion_texts, criterion_who, join_in_order,
    normative_sentence, section_actors, section_question, section_who,
};

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
        Ask::Form => step.forms.iter().cloned().map(Answer::Form).collect(),
        // Words that set no time limit are no answer to "by when?".
        Ask::When => step
            .timing
            .iter()
            .filter(|t| t.kind != "none")
            .cloned()
            .map(|t| Answer::Timing(Box::new(t)))
            .collect(),
    };
    let mut seen = BTreeSet::new();
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

/// The roles whose title or abbreviation the step's text names (case and inflection
/// aside: a title matches by its words' stems, an abbreviation as a whole word).
pub fn named_in_text(hb: &Handbook, step: &Step) -> BTreeSet<String> {
    names(hb, &step.text)
}

/// The roles whose title or abbreviation `text` names (see `named_in_text`).
pub fn names(hb: &Handbook, text: &str) -> BTreeSet<String> {
    let text = text.to_lowercase();
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // A title matches where its words follow each other in the text, each word of the text
    // starting with the title word's stem (`inflection_stem`).
    let names_title = |title: &str| -> bool {
        let t: Vec<String> = title
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(inflection_stem)
            .collect();
        !t.is_empty()
            && words
                .windows(t.len())
                .any(|win| win.iter().zip(&t).all(|(w, s)| w.starts_with(s.as_str())))
    };
    hb.roles
        .iter()
        .filter(|r| {
            names_title(&r.title)
                || r.named_by.iter().any(|n| names_title(n))
                || r.abbr.iter().chain(&r.abbr_variants).any(|a| {
                    // "A/IPIF" is printed "A-IPIF" too: its parts follow each other.
                    let parts: Vec<String> = a
                        .to_lowercase()
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .map(str::to_string)
                        .collect();
                    !parts.is_empty()
                        && words
                            .windows(parts.len())
                            .any(|win| win.iter().zip(&parts).all(|(w, p)| w == p))
                })
        })
        .map(|r| r.id.clone())
        .collect()
}

/// The roles the source involves in a step: its actors, the roles its text names, and the
/// members of a group that acts, either way the source defines them (the G/SPIF's
/// definition names the child-protection worker and the State Social Service; the police's
/// names the G/SPIF as the structure its officer sits in), and the groups and members the
/// source lists (`Role::members`: the police among the agencies for initial
/// identification), both ways and through groups of groups. None of them is a wrong
/// answer to "who?".
pub fn involved(hb: &Handbook, step: &Step) -> BTreeSet<String> {
    involved_in(hb, &step.text, &step.actors)
}

/// The roles the source involves where `actors` act in `text` (see `involved`): a
/// step's, a section's or a criterion's.
pub fn involved_in(hb: &Handbook, text: &str, actors: &[String]) -> BTreeSet<String> {
    let mut out = names(hb, text);
    out.extend(actors.iter().cloned());
    let definitions = hb.definition_names.get_or_init(|| {
        hb.roles
            .iter()
            .map(|r| {
                r.definition
                    .as_deref()
                    .map(|d| names(hb, d))
                    .unwrap_or_default()
            })
            .collect()
    });
    // (A role with no definition names no one: its set is empty.)
    for (r, defined) in hb.roles.iter().zip(definitions) {
        if actors.contains(&r.id) {
            out.extend(defined.iter().cloned());
        } else if actors.iter().any(|a| defined.contains(a)) {
            out.insert(r.id.clone());
        }
    }
    let roots: Vec<String> = out.iter().cloned().collect();
    for id in roots {
        out.extend(related(hb, &id));
    }
    // A group the source defines as every institution it names is never a wrong answer.
    out.extend(
        hb.roles
            .iter()
            .filter(|r| r.names_all)
            .map(|r| r.id.clone()),
    );
    out
}

/// The groups `role` is a member of and the members it has, as the source lists them
/// (`Role::members`), through groups of groups; and the same person under another title
/// (`Role::same_as`), with that title's groups and members.
pub fn related(hb: &Handbook, role: &str) -> BTreeSet<String> {
    let mut out = groups_and_members(hb, role);
    // The same person under another title, either way the source says it: of the role and
    // of each of its groups and members (the child-protection unit's worker is the child's
    // case manager, so the referral agencies hold the case manager too).
    let mut todo: Vec<String> = std::iter::once(role.to_string())
        .chain(out.iter().cloned())
        .collect();
    while let Some(at) = todo.pop() {
        let at_root = at == role;
        for id in same_person(hb, &at) {
            if id != role && out.insert(id.to_string()) {
                // The groups and members of the role's own other title; of a member's
                // other title, that title alone.
                if at_root {
                    let mut also = groups_and_members(hb, id);
                    also.remove(role);
                    out.extend(also);
                }
            }
        }
    }
    out
}

/// The groups `role` is a member of and the members it has (`Role::members`), through
/// groups of groups, each way apart.
fn groups_and_members(hb: &Handbook, role: &str) -> BTreeSet<String> {
    let walk = |down: bool| {
        let mut found: BTreeSet<String> = BTreeSet::new();
        let mut todo = vec![role.to_string()];
        while let Some(id) = todo.pop() {
            let next: Vec<String> = if down {
                hb.roles
                    .iter()
                    .find(|r| r.id == id)
                    .map(|r| r.members.clone())
                    .unwrap_or_default()
            } else {
                hb.roles
                    .iter()
                    .filter(|r| r.members.contains(&id))
                    .map(|r| r.id.clone())
                    .collect()
            };
            for n in next {
                if n != role && found.insert(n.clone()) {
                    todo.push(n);
                }
            }
        }
        found
    };
    let mut out = walk(true);
    out.extend(walk(false));
    out
}

/// A title word as an inflected form of it begins: all but its last letter where it has
/// more than four ("menaxheri" ~ "menaxherin", "rastit" ~ "Rastit").
pub fn inflection_stem(w: &str) -> String {
    let n = w.chars().count();
    w.chars().take(if n > 4 { n - 1 } else { n }).collect()
}

/// The roles the source says are `role` under another title (`Role::same_as`), declared on
/// either side.
pub fn same_person<'a>(hb: &'a Handbook, role: &'a str) -> impl Iterator<Item = &'a str> {
    hb.roles.iter().flat_map(move |r| {
        let of: Vec<&'a str> = if r.id == role {
            r.same_as.iter().map(String::as_str).collect()
        } else if r.same_as.iter().any(|s| s == role) {
            vec![r.id.as_str()]
        } else {
            Vec::new()
        };
        of
    })
}

/// Words too common to give an answer away ("për", "dhe" …; "the", "of" …).
pub const STOP: &[&str] = &[
    "për", "dhe", "nga", "të", "në", "së", "me", "një", "ose", "apo", "që", "si", "te", "tek",
    "the", "of", "and", "or", "an", "to", "in", "by", "for",
];

/// The content words of a text, lower-cased: words of three letters or more that are no
/// function word, and numbers.
pub fn content_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| {
            (w.chars().count() >= 3 || w.chars().all(|c| c.is_ascii_digit()))
                && !STOP.contains(&w.as_str())
        })
        .collect()
}

/// A word as the give-away rule compares it: its first five letters, so an inflected form
/// ("shërbimit", "policisë") matches the answer's ("Shërbimi", "policia").
pub fn word_stem(w: &str) -> String {
    w.to_lowercase().chars().take(5).collect()
}

/// The words of a text the pointing rule compares: its content words and its codes (a
/// form's "A4", "MR1", "A3/A4" is "a3", "a4"), lower-cased.
pub fn pointing_words(s: &str) -> Vec<String> {
    let mut out = content_words(s);
    out.extend(
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| {
                w.chars().count() < 3
                    && w.chars().any(|c| c.is_ascii_digit())
                    && w.chars().any(char::is_alphabetic)
            })
            .map(str::to_lowercase),
    );
    out
}

/// How many distractors a question gets.
pub const DISTRACTORS: usize = 3;

/// The question of kind `ask` about `step` of `p`, or none where the step gives no answer.
pub fn question(hb: &Handbook, p: &Procedure, step: &Step, ask: Ask) -> Option<Question> {
    let correct = answers(step, ask);
    if correct.is_empty() {
        return None;
    }
    let id = format!("{}.{}", step.id, ask.name());
    // Nearest first: this procedure, its collection, the handbook; each level shuffled.
    let levels: [Vec<Answer>; 3] = [
        pool(std::iter::once(p), ask),
        pool(
            hb.procedures
                .iter()
                .filter(|q| q.collection == p.collection),
            ask,
        ),
        match ask {
            // Every role and form the handbook has, beyond those the steps name.
            Ask::Who => hb
                .roles
                .iter()
                .map(|r| Answer::Role(r.id.clone()))
                .collect(),
            Ask::Form => hb
                .forms
                .iter()
                .map(|f| Answer::Form(f.id.clone()))
                .collect(),
            Ask::When => pool(hb.procedures.iter(), ask),
        },
    ];
    let mut used: BTreeSet<String> = BTreeSet::new();
    // The institution an actor acts for ("APAP-i i SHSSH-së") is no wrong answer to "who?".
    if matches!(ask, Ask::Who) {
        used.extend(
            step.acting_for
                .iter()
                .filter_map(|a| a.of.clone())
                .map(|id| Answer::Role(id).key()),
        );
    }
    // A role the step's own words name ("menaxheri i rastit" in a step credited to the case
    // worker) is never a wrong answer: the reader finds it in the stem.
    let named = involved(hb, step);
    let stem = format!(
        "{}\n\n{}",
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
        choices,
    })
}

/// The words an answer is shown by, as the model knows them: a role's title, a form's code
/// and title, a timing's words.
fn answer_words(hb: &Handbook, a: &Answer) -> String {
    match a {
        Answer::Role(id) => hb
            .roles
            .iter()
            .find(|r| &r.id == id)
            .map(|r| r.title.clone())
            .unwrap_or_default(),
        Answer::Person(words) => words.clone(),
        Answer::Form(id) => hb
            .forms
            .iter()
            .find(|f| &f.id == id)
            .map(|f| format!("{} {}", f.code.as_deref().unwrap_or_default(), f.title))
            .unwrap_or_default(),
        Answer::Timing(t) => t.text.clone(),
    }
}

/// The words (by `word_stem`) of `text`.
pub fn stems(text: &str) -> BTreeSet<String> {
    pointing_words(text).iter().map(|w| word_stem(w)).collect()
}

/// The correct answers with up to `DISTRACTORS` wrong ones (none of `used` nor a role of
/// `named`), shuffled by the question's id. Nearest level first, except that a wrong answer
/// sharing a word of `stem` with a correct one comes before one that does not: a word of
/// the stem ("fëmijës", "rastit") then points to no answer alone, and stays in the stem. A
/// "by when?" offers timings of the kind of its answer first (durations against a
/// duration), so the stem's verb ("zgjat") does not tell it.
fn choose<L: AsRef<[Answer]>>(
    hb: &Handbook,
    id: &str,
    stem: &str,
    correct: Vec<Answer>,
    levels: impl IntoIterator<Item = L>,
    mut used: BTreeSet<String>,
    named: &BTreeSet<String>,
) -> Vec<Choice> {
    let mut rng = SplitMix::new(fnv1a(id));
    used.extend(correct.iter().map(Answer::key));
    let in_stem = stems(stem);
    // The words of the stem that a correct answer has: each wants a wrong answer too.
    let mut uncovered: BTreeSet<String> = correct
        .iter()
        .flat_map(|a| stems(&answer_words(hb, a)))
        .filter(|w| in_stem.contains(w))
        .collect();
    let kinds: BTreeSet<&str> = correct
        .iter()
        .filter_map(|a| match a {
            Answer::Timing(t) => Some(t.kind),
            _ => None,
        })
        .collect();
    // Every wrong answer the levels offer, nearest level first, each shuffled; borrowed, so
    // only the three chosen are copied.
    let levels: Vec<L> = levels.into_iter().collect();
    let mut candidates: Vec<&Answer> = Vec::new();
    for level in &levels {
        let mut level: Vec<&Answer> = level
            .as_ref()
            .iter()
            .filter(|a| {
                !used.contains(&a.key()) && !matches!(a, Answer::Role(id) if named.contains(id))
            })
            .collect();
        rng.shuffle(&mut level);
        for a in level {
            if used.insert(a.key()) {
                candidates.push(a);
            }
        }
    }
    // Timings of the answer's kind only, where there are two of them or more; else first.
    let same_kind = |a: &Answer| !matches!(a, Answer::Timing(t) if !kinds.contains(t.kind));
    if !kinds.is_empty() && candidates.iter().filter(|a| same_kind(a)).count() >= 2 {
        candidates.retain(|a| same_kind(a));
    }
    // Each candidate's words, made once, and only where a stem word wants covering.
    let mut words: Vec<BTreeSet<String>> = if uncovered.is_empty() {
        Vec::new()
    } else {
        candidates
            .iter()
            .map(|a| stems(&answer_words(hb, a)))
            .collect()
    };
    let mut distractors: Vec<Answer> = Vec::new();
    while distractors.len() < DISTRACTORS && !candidates.is_empty() {
        let covers = |i: usize| {
            words
                .get(i)
                .map_or(0, |w| w.intersection(&uncovered).count())
        };
        let best = candidates
            .iter()
            .enumerate()
            .max_by_key(|(i, a)| (same_kind(a), covers(*i), std::cmp::Reverse(*i)))
            .map_or(0, |(i, _)| i);
        let a = candidates.remove(best);
        if !words.is_empty() {
            for w in words.remove(best) {
                uncovered.remove(&w);
            }
        }
        distractors.push(a.clone());
    }
    let mut choices: Vec<Choice> = correct
        .into_iter()
        .map(|answer| Choice {
            answer,
            correct: true,
        })
        .chain(distractors.into_iter().map(|answer| Choice {
            answer,
            correct: false,
        }))
        .collect();
    rng.shuffle(&mut choices);
    choices
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
