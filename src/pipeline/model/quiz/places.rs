//! Questions about the places beside the steps: a procedure's section and a standard's
//! criterion, each "by when?" from the timings that bind someone, where the timing's words
//! stand in the place's normative text (never an example, never a guidance note).

use std::collections::BTreeSet;

use super::passages::Paragraphs;
use super::{
    Answer, Ask, Criterion, Handbook, Place, Procedure, Question, Section, Stem, Timing, choose,
    involved_in, jurisdiction, pool,
};

/// The timings of `timings` a "by when?" asks: a time limit that binds someone (`owner`
/// the actors of what it sits on) and whose words stand in one of `texts`.
fn asked<'a>(timings: &'a [Timing], owner: &[String], texts: &[String]) -> Vec<&'a Timing> {
    let binding: Vec<&Timing> = timings
        .iter()
        .filter(|t| super::limits(t) && !t.bound_actors(owner).is_empty())
        .collect();
    if binding.is_empty() {
        return binding;
    }
    // Each text's paragraphs made plain once (where a timing is looked for in it), for
    // every timing looked for in them.
    let paragraphs: Vec<std::cell::OnceCell<Paragraphs>> =
        texts.iter().map(|_| std::cell::OnceCell::new()).collect();
    binding
        .into_iter()
        .filter(|t| {
            texts
                .iter()
                .zip(&paragraphs)
                .any(|(x, p)| p.get_or_init(|| Paragraphs::of(x)).hold(&t.text))
        })
        .collect()
}

/// Each answer once.
fn distinct(timings: &[&Timing]) -> Vec<Answer> {
    let mut seen = BTreeSet::new();
    timings
        .iter()
        .map(|t| Answer::Timing(Box::new((*t).clone())))
        .filter(|a| seen.insert(a.key()))
        .collect()
}

/// The timings of a section the "by when?" asks (those whose words its text holds and
/// that name whom they bind).
pub fn section_timings(s: &Section) -> Vec<&Timing> {
    if s.title.is_none() {
        return Vec::new();
    }
    asked(&s.timing, &[], &[s.text.clone().unwrap_or_default()])
}

/// The "by when?" of a section of `p` whose timings bind someone, or none.
pub fn section_question(hb: &Handbook, p: &Procedure, s: &Section) -> Option<Question> {
    section_question_as(hb, p, s, None)
}

/// The timings of `asked` that bind `role` (all where none), and the id of the question
/// that asks them: a role's own (`role_question_id`) where it asks fewer than all.
fn for_role<'a>(
    asked: Vec<&'a Timing>,
    owner: &[String],
    place: &str,
    role: Option<&str>,
) -> (Vec<&'a Timing>, String) {
    match role {
        Some(role) => (
            asked.into_iter().filter(|t| t.binds(role, owner)).collect(),
            super::role_question_id(place, role, Ask::When),
        ),
        None => (asked, format!("{place}.{}", Ask::When.name())),
    }
}

/// The answers of `all` that are no answer of `correct`: another actor's deadlines, never
/// offered as wrong (review 41, Q8).
fn others(all: &[&Timing], correct: &[Answer]) -> BTreeSet<String> {
    distinct(all)
        .iter()
        .map(Answer::key)
        .filter(|k| !correct.iter().any(|c| &c.key() == k))
        .collect()
}

/// The "by when?" of section `s` of `p` as `role`'s quiz asks it (only its deadlines, the
/// others no choice; `section_question` where none), or none where none binds it.
pub fn section_question_as(
    hb: &Handbook,
    p: &Procedure,
    s: &Section,
    role: Option<&str>,
) -> Option<Question> {
    let all = section_timings(s);
    let (asked, id) = for_role(all.clone(), &[], &s.id, role);
    let correct = distinct(&asked);
    if correct.is_empty() {
        return None;
    }
    let used = others(&all, &correct);
    let levels = [
        pool(std::iter::once(p), Ask::When),
        pool(
            hb.procedures
                .iter()
                .filter(|q| q.collection == p.collection),
            Ask::When,
        ),
        pool(hb.procedures.iter(), Ask::When),
    ];
    let stem = s.text.clone().unwrap_or_default();
    let choices = choose(
        hb,
        &id,
        Stem::Once(&stem),
        correct,
        levels,
        used,
        &BTreeSet::new(),
    );
    Some(Question {
        id,
        procedure: p.id.clone(),
        step: s.id.clone(),
        place: Place::Section,
        ask: Ask::When,
        for_role: role.map(str::to_string),
        choices,
    })
}

/// A criterion's normative texts: its own and its evidence items' (not its guidance).
pub fn criterion_texts(c: &Criterion) -> Vec<String> {
    std::iter::once(c.text.clone())
        .chain(c.evidence.iter().map(|e| e.text.clone()))
        .collect()
}

/// The timings of a criterion the "by when?" asks: those in the criterion's own words, and
/// those of its evidence column that name whom they bind, as the register shows them
/// ("Punonjësi social do të vlerësojë çdo muaj", 000:473-474, review 45 Q-15); never one
/// that only shows the criterion is met (review 39 F10), nor its guidance's.
pub fn criterion_timings(c: &Criterion) -> Vec<&Timing> {
    let own = asked(&c.timing, &c.roles, std::slice::from_ref(&c.text));
    let evidence: Vec<String> = c.evidence.iter().map(|e| e.text.clone()).collect();
    let bound = evidence_bound(&c.timing, &c.roles, &evidence);
    own.iter()
        .copied()
        .chain(
            bound
                .into_iter()
                .filter(|t| !own.iter().any(|o| std::ptr::eq(*o, *t))),
        )
        .collect()
}

/// The timings of `timings` in the evidence texts `evidence` that name their own actors.
fn evidence_bound<'a>(
    timings: &'a [Timing],
    owner: &[String],
    evidence: &[String],
) -> Vec<&'a Timing> {
    asked(timings, owner, evidence)
        .into_iter()
        .filter(|t| t.named && !t.actors.is_empty())
        .collect()
}

/// Whether a correct timing is an amount counted per period ("Kjo nuk mund të jetë më pak
/// se dy javë në vit", 000:1308–1309: a yearly minimum) that no wrong choice shares: "në
/// vit" and "të paktën" would single it out among lengths that are not yearly (review 43,
/// L12). The handbook has no other yearly amount, so such a question is not asked.
fn counted_alone(choices: &[super::Choice]) -> bool {
    let per = |c: &super::Choice| match &c.answer {
        Answer::Timing(t) => t.per.map(|p| (p, t.bound)),
        _ => None,
    };
    choices
        .iter()
        .filter(|c| c.correct)
        .filter_map(per)
        .any(|p| !choices.iter().any(|c| !c.correct && per(c) == Some(p)))
}

/// The answers of the criteria's "by when?"s.
pub(super) fn criteria_pool<'a>(criteria: impl Iterator<Item = &'a Criterion>) -> Vec<Answer> {
    let mut seen = BTreeSet::new();
    criteria
        .flat_map(|c| c.timing.iter().filter(|t| super::limits(t)))
        .map(|t| Answer::Timing(Box::new(t.clone())))
        .filter(|a| seen.insert(a.key()))
        .collect()
}

/// The distractors' levels of a standard's criteria's questions, made once for all its
/// criteria (each level is the same for every criterion of the standard): the answers of
/// the standard's criteria, then the handbook's two levels, borrowed (`HandbookLevels`).
pub struct CriterionLevels<'a> {
    when: Vec<Answer>,
    who: Vec<Answer>,
    handbook: &'a HandbookLevels,
}

impl CriterionLevels<'_> {
    fn when(&self) -> [&[Answer]; 3] {
        let [w1, w2] = &self.handbook.when;
        [&self.when, w1, w2]
    }

    fn who(&self) -> [&[Answer]; 3] {
        let [r1, r2] = &self.handbook.who;
        [&self.who, r1, r2]
    }
}

/// The levels of the handbook (the second and third of `CriterionLevels`), the same for
/// every standard: the answers of the handbook's criteria, then of the handbook's
/// procedures ("by when?") or the handbook's roles ("who?").
pub struct HandbookLevels {
    when: [Vec<Answer>; 2],
    who: [Vec<Answer>; 2],
}

impl HandbookLevels {
    pub fn new(hb: &Handbook) -> Self {
        HandbookLevels {
            when: [
                criteria_pool(hb.standards.iter().flat_map(|s| &s.criteria)),
                pool(hb.procedures.iter(), Ask::When),
            ],
            who: [
                criteria_roles(hb.standards.iter().flat_map(|s| &s.criteria)),
                all_roles(hb, None),
            ],
        }
    }

    /// The levels of the criteria of standard `standard`.
    pub fn of(&self, hb: &Handbook, standard: &str) -> CriterionLevels<'_> {
        let own = || {
            hb.standards
                .iter()
                .filter(|s| s.id == standard)
                .flat_map(|s| &s.criteria)
        };
        CriterionLevels {
            when: criteria_pool(own()),
            who: criteria_roles(own()),
            handbook: self,
        }
    }
}

/// The "by when?" of a criterion of standard `standard` whose timings bind someone
/// (`levels` those of the standard).
pub fn criterion_question(
    hb: &Handbook,
    standard: &str,
    c: &Criterion,
    levels: &CriterionLevels<'_>,
) -> Option<Question> {
    criterion_question_as(hb, standard, c, levels, None)
}

/// The "by when?" of criterion `c` as `role`'s quiz asks it (see `section_question_as`).
pub fn criterion_question_as(
    hb: &Handbook,
    standard: &str,
    c: &Criterion,
    levels: &CriterionLevels<'_>,
    role: Option<&str>,
) -> Option<Question> {
    let all = criterion_timings(c);
    let (asked, id) = for_role(all.clone(), &c.roles, &c.id, role);
    let correct = distinct(&asked);
    if correct.is_empty() {
        return None;
    }
    let used = others(&all, &correct);
    let stem = c.text.clone();
    let choices = choose(
        hb,
        &id,
        Stem::Once(&stem),
        correct,
        levels.when(),
        used,
        &BTreeSet::new(),
    );
    if counted_alone(&choices) {
        return None;
    }
    Some(Question {
        id,
        procedure: standard.to_string(),
        step: c.id.clone(),
        place: Place::Criterion,
        ask: Ask::When,
        for_role: role.map(str::to_string),
        choices,
    })
}

/// Whom a section's asked timings bind by name (a duty in a list, "brenda … 30 ditëve pune"
/// of the commission): the "who?" of the section, each once.
pub fn section_actors(s: &Section) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in section_timings(s) {
        for a in &t.actors {
            if !out.contains(a) {
                out.push(a.clone());
            }
        }
    }
    out
}

/// Every role of the handbook, as answers.
/// Every role of jurisdiction `j` (none: the handbook's own), as answers.
fn all_roles(hb: &Handbook, j: Option<&str>) -> Vec<Answer> {
    hb.roles
        .iter()
        .filter(|r| r.jurisdiction.as_deref() == j)
        .map(|r| Answer::Role(r.id.clone()))
        .collect()
}

/// The "who?" of a section of `p` whose timings name whom they bind (the commission's
/// duties), or none.
pub fn section_who(hb: &Handbook, p: &Procedure, s: &Section) -> Option<Question> {
    let actors = section_actors(s);
    if actors.is_empty() {
        return None;
    }
    let id = format!("{}.{}", s.id, Ask::Who.name());
    let levels = [
        pool(std::iter::once(p), Ask::Who),
        pool(
            hb.procedures
                .iter()
                .filter(|q| q.collection == p.collection),
            Ask::Who,
        ),
        all_roles(hb, jurisdiction::of_procedure(hb, p)),
    ];
    let named = involved_in(hb, s.text.as_deref().unwrap_or_default(), &actors);
    let correct = actors.into_iter().map(Answer::Role).collect();
    let stem = format!(
        "{}\n\n{}",
        s.title.as_deref().unwrap_or_default(),
        s.text.as_deref().unwrap_or_default()
    );
    let choices = choose(
        hb,
        &id,
        Stem::Once(&stem),
        correct,
        levels,
        BTreeSet::new(),
        &named,
    );
    Some(Question {
        id,
        procedure: p.id.clone(),
        step: s.id.clone(),
        place: Place::Section,
        ask: Ask::Who,
        for_role: None,
        choices,
    })
}

/// The roles of some criteria, each once, as answers.
fn criteria_roles<'a>(criteria: impl Iterator<Item = &'a Criterion>) -> Vec<Answer> {
    let mut seen = BTreeSet::new();
    criteria
        .flat_map(|c| c.roles.iter())
        .filter(|r| seen.insert((*r).clone()))
        .map(|r| Answer::Role(r.clone()))
        .collect()
}

/// The "who?" of a criterion of standard `standard` that names its roles, with its correct
/// answers alone (in the order they are offered to be shuffled), its wrong ones not chosen
/// yet, or none: whose it is, for the role quizzes, which take few of a large handbook's
/// thousands (each made whole by [`criterion_who_whole`] once taken; issue 28).
pub fn criterion_who_answers(hb: &Handbook, standard: &str, c: &Criterion) -> Option<Question> {
    // Only the roles the criterion's words or its evidence name (by a name the source
    // prints for them, `names`, or the first word of one, `acts_in`: "Stafi që punon …",
    // "vetë drejtuesi"), and not only as objects. A role the guidance alone names is no
    // answer: there it does another duty (S1.4's director signs the contract, 000:131–134;
    // S3.3's provider monitors), and its feedback could not show it (review 44, Q-4). It
    // is no wrong answer either (`involved_in` below).
    if c.roles.is_empty() {
        return None;
    }
    let texts = criterion_texts(c);
    // The roles each text names, found once for the text (where a role asks), not once
    // for each role asked.
    let names: Vec<std::cell::OnceCell<BTreeSet<String>>> =
        texts.iter().map(|_| std::cell::OnceCell::new()).collect();
    let named = |r: &str, (t, n): (&String, &std::cell::OnceCell<BTreeSet<String>>)| {
        let n = n.get_or_init(|| super::names(hb, t));
        n.contains(r)
            || super::same_person(hb, r).any(|o| n.contains(o))
            || super::acts_in(hb, r, t).is_some()
    };
    let roles: Vec<String> = c
        .roles
        .iter()
        .filter(|r| texts.iter().zip(&names).any(|tn| named(r, tn)))
        .filter(|r| super::acts_in(hb, r, &c.text) != Some(false))
        .cloned()
        .collect();
    if roles.is_empty() {
        return None;
    }
    Some(Question {
        id: format!("{}.{}", c.id, Ask::Who.name()),
        procedure: standard.to_string(),
        step: c.id.clone(),
        place: Place::Criterion,
        ask: Ask::Who,
        for_role: None,
        choices: roles
            .into_iter()
            .map(|r| super::Choice {
                answer: Answer::Role(r),
                correct: true,
            })
            .collect(),
    })
}

/// `q`, the "who?" of criterion `c` as [`criterion_who_answers`] made it (its correct
/// answers alone), with its wrong answers chosen (`levels` those of its standard).
pub fn criterion_who_whole(
    hb: &Handbook,
    c: &Criterion,
    q: Question,
    levels: &CriterionLevels<'_>,
) -> Question {
    let stem = criterion_texts(c).join("\n\n");
    let named = involved_in(hb, &stem, &c.roles);
    let correct = q.choices.into_iter().map(|ch| ch.answer).collect();
    // (Anyone of a body whose "other responsible persons" may act is no wrong answer.)
    let used = super::within::within_allowed(hb, &c.text);
    let choices = choose(
        hb,
        &q.id,
        Stem::Once(&stem),
        correct,
        levels.who(),
        used,
        &named,
    );
    Question { choices, ..q }
}
