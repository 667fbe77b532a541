//! Quizzes generated from the procedures: for every step, "who acts?" (its actors), "by
//! when?" (its timings) and "with which form?" (its forms), each answer among three
//! distractors taken from the same procedure (then its collection, then the handbook).
//!
//! Pure and deterministic: every choice is made by a small PRNG (SplitMix64) seeded with a
//! hash (FNV-1a) of the step's id and the question's kind, so the printed sheet, its answer
//! key and the online quiz are the same quiz, build after build. A question is the same in
//! its procedure's quiz and in the quiz of every role acting in the step.

use std::collections::BTreeSet;

use super::{Handbook, Procedure, Step, Timing};

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

#[derive(Clone, Debug)]
pub struct Question {
    /// `{step id}.{ask}`: the same in every quiz that holds it.
    pub id: String,
    pub procedure: String,
    pub step: String,
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

/// How many distractors a question gets.
pub const DISTRACTORS: usize = 3;

/// The question of kind `ask` about `step` of `p`, or none where the step gives no answer.
pub fn question(hb: &Handbook, p: &Procedure, step: &Step, ask: Ask) -> Option<Question> {
    let correct = answers(step, ask);
    if correct.is_empty() {
        return None;
    }
    let id = format!("{}.{}", step.id, ask.name());
    let mut rng = SplitMix::new(fnv1a(&id));
    let taken: BTreeSet<String> = correct.iter().map(Answer::key).collect();
    let mut distractors: Vec<Answer> = Vec::new();
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
    let mut used = taken.clone();
    for mut level in levels {
        if distractors.len() >= DISTRACTORS {
            break;
        }
        level.retain(|a| !used.contains(&a.key()));
        rng.shuffle(&mut level);
        for a in level.into_iter().take(DISTRACTORS - distractors.len()) {
            used.insert(a.key());
            distractors.push(a);
        }
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
    Some(Question {
        id,
        procedure: p.id.clone(),
        step: step.id.clone(),
        ask,
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

/// A role's questions, spread over the procedures it acts in: the questions of the steps it
/// acts in, without a "by when?" none of whose deadlines binds it, nor a "who?" whose
/// answers repeat those of an earlier question of the same procedure; then taken in turn
/// from each procedure (its first question, the next procedure's first …), so one
/// procedure's repeats do not fill the quiz.
fn role_questions(role: &str, per_step: &[(&Procedure, &Step, Vec<Question>)]) -> Vec<Question> {
    let mut by_procedure: Vec<(&str, Vec<Question>)> = Vec::new();
    let mut seen_who: BTreeSet<(String, Vec<String>)> = BTreeSet::new();
    for (p, st, qs) in per_step {
        if !st.actors.iter().any(|a| a == role) {
            continue;
        }
        for q in qs {
            match q.ask {
                Ask::When => {
                    if !st
                        .timing
                        .iter()
                        .any(|t| t.kind != "none" && t.binds(role, &st.actors))
                    {
                        continue;
                    }
                }
                Ask::Who => {
                    let mut answers: Vec<String> = q
                        .choices
                        .iter()
                        .filter(|c| c.correct)
                        .map(|c| c.answer.key())
                        .collect();
                    answers.sort();
                    if !seen_who.insert((p.id.clone(), answers)) {
                        continue;
                    }
                }
                Ask::Form => {}
            }
            match by_procedure.iter_mut().find(|(id, _)| *id == p.id) {
                Some((_, v)) => v.push(q.clone()),
                None => by_procedure.push((&p.id, vec![q.clone()])),
            }
        }
    }
    let mut out = Vec::new();
    let mut round = 0;
    loop {
        let mut any = false;
        for (_, qs) in &by_procedure {
            if let Some(q) = qs.get(round) {
                out.push(q.clone());
                any = true;
            }
        }
        if !any {
            break;
        }
        round += 1;
    }
    out
}

/// Every quiz of the handbook: one per procedure with steps, then one per role that acts
/// in a step (its questions those of the steps it acts in, in the procedures' order).
pub fn quizzes(hb: &Handbook) -> Vec<Quiz> {
    let per_step: Vec<(&Procedure, &Step, Vec<Question>)> = hb
        .procedures
        .iter()
        .flat_map(|p| p.steps.iter().map(move |st| (p, st)))
        .map(|(p, st)| (p, st, step_questions(hb, p, st)))
        .collect();
    let mut out: Vec<Quiz> = hb
        .procedures
        .iter()
        .map(|p| Quiz {
            id: p.id.clone(),
            kind: QuizKind::Procedure,
            subject: p.id.clone(),
            questions: per_step
                .iter()
                .filter(|(q, _, _)| q.id == p.id)
                .flat_map(|(_, _, qs)| qs.iter().cloned())
                .collect(),
        })
        .filter(|q| !q.questions.is_empty())
        .collect();
    for r in &hb.roles {
        let questions = role_questions(&r.id, &per_step);
        if !questions.is_empty() {
            out.push(Quiz {
                id: role_quiz_id(&r.id),
                kind: QuizKind::Role,
                subject: r.id.clone(),
                questions,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn shipped() -> &'static Handbook {
        static HB: OnceLock<Handbook> = OnceLock::new();
        HB.get_or_init(|| {
            let (hb, diags) = crate::check(std::path::Path::new(env!("CARGO_MANIFEST_DIR")));
            hb.unwrap_or_else(|| panic!("the shipped handbook checks:\n{}", diags.report()))
        })
    }

    #[test]
    fn the_prng_is_splitmix64() {
        // The first outputs of SplitMix64 seeded with 0 (the reference implementation).
        let mut r = SplitMix::new(0);
        assert_eq!(r.next_u64(), 0xe220_a839_7b1d_cdaf);
        assert_eq!(r.next_u64(), 0x6e78_9e6a_a1b9_65f4);
        assert_eq!(fnv1a(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a("a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn no_distractor_is_also_a_correct_answer() {
        for quiz in quizzes(shipped()) {
            for q in &quiz.questions {
                let correct: BTreeSet<String> = q
                    .choices
                    .iter()
                    .filter(|c| c.correct)
                    .map(|c| c.answer.key())
                    .collect();
                let mut seen = BTreeSet::new();
                for c in &q.choices {
                    assert!(seen.insert(c.answer.key()), "{}: a choice twice", q.id);
                    if !c.correct {
                        assert!(!correct.contains(&c.answer.key()), "{}", q.id);
                    }
                }
                assert!(!correct.is_empty(), "{}: no correct answer", q.id);
                let wrong = q.choices.len() - correct.len();
                assert_eq!(wrong, DISTRACTORS, "{}: three distractors", q.id);
            }
        }
    }

    #[test]
    fn the_same_ids_give_the_same_quiz() {
        let hb = shipped();
        let render = |qs: &[Quiz]| -> Vec<String> {
            qs.iter()
                .flat_map(|q| &q.questions)
                .map(|q| {
                    let keys: Vec<String> = q
                        .choices
                        .iter()
                        .map(|c| format!("{}{}", c.answer.key(), c.correct))
                        .collect();
                    format!("{} {}", q.id, keys.join(" "))
                })
                .collect()
        };
        let a = render(&quizzes(hb));
        let b = render(&quizzes(hb));
        assert_eq!(a, b);
        // The order of the choices is not simply "correct first".
        let firsts = quizzes(hb)
            .iter()
            .flat_map(|q| q.questions.clone())
            .filter(|q| q.choices[0].correct)
            .count();
        let total: usize = quizzes(hb).iter().map(|q| q.questions.len()).sum();
        assert!(
            firsts < total * 2 / 3,
            "{firsts} of {total} start with a correct answer"
        );
        // A question reads the same in its procedure's quiz and in a role's.
        let all = quizzes(hb);
        let by_id = |id: &str| {
            all.iter()
                .flat_map(|q| &q.questions)
                .filter(|q| q.id == id)
                .map(|q| q.choices.iter().map(|c| c.answer.key()).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        };
        let first = &all[0].questions[0].id;
        let copies = by_id(first);
        assert!(copies.len() >= 2, "{first} is in a role's quiz too");
        assert!(copies.windows(2).all(|w| w[0] == w[1]));
    }

    #[test]
    fn every_step_with_an_actor_a_timing_or_a_form_is_asked_about() {
        let hb = shipped();
        let all = quizzes(hb);
        let mut steps = 0;
        for p in &hb.procedures {
            let quiz = all.iter().find(|q| q.id == p.id);
            for st in &p.steps {
                let asks: Vec<Ask> = quiz
                    .map(|q| {
                        q.questions
                            .iter()
                            .filter(|q| q.step == st.id)
                            .map(|q| q.ask)
                            .collect()
                    })
                    .unwrap_or_default();
                assert_eq!(asks.contains(&Ask::Who), !st.actors.is_empty(), "{}", st.id);
                assert_eq!(asks.contains(&Ask::Form), !st.forms.is_empty(), "{}", st.id);
                let timed = st.timing.iter().any(|t| t.kind != "none");
                assert_eq!(asks.contains(&Ask::When), timed, "{}", st.id);
                if !st.actors.is_empty() || timed || !st.forms.is_empty() {
                    steps += 1;
                    assert!(!asks.is_empty());
                }
            }
        }
        assert!(steps > 150, "{steps} steps asked about");
        // Every role acting in a step has a quiz asking about every procedure it acts in.
        for r in &hb.roles {
            let procs: BTreeSet<&str> = hb
                .procedures
                .iter()
                .filter(|p| p.steps.iter().any(|s| s.actors.contains(&r.id)))
                .map(|p| p.id.as_str())
                .collect();
            let quiz = all.iter().find(|q| q.id == role_quiz_id(&r.id));
            assert_eq!(quiz.is_some(), !procs.is_empty(), "{}", r.id);
            if let Some(q) = quiz {
                let asked: BTreeSet<&str> =
                    q.questions.iter().map(|q| q.procedure.as_str()).collect();
                assert_eq!(asked, procs, "{}", r.id);
            }
        }
    }

    #[test]
    fn a_role_quiz_spreads_over_procedures_and_asks_only_its_own_deadlines() {
        let hb = shipped();
        let all = quizzes(hb);
        for q in all.iter().filter(|q| q.kind == QuizKind::Role) {
            let role = &q.subject;
            // No "who?" repeating an earlier one's answers in the same procedure.
            let mut seen = BTreeSet::new();
            for qu in q.questions.iter().filter(|q| q.ask == Ask::Who) {
                let mut a: Vec<String> = qu
                    .choices
                    .iter()
                    .filter(|c| c.correct)
                    .map(|c| c.answer.key())
                    .collect();
                a.sort();
                assert!(
                    seen.insert((qu.procedure.clone(), a)),
                    "{}: {}",
                    q.id,
                    qu.id
                );
            }
            // A "by when?" only where a deadline of the step binds the role.
            for qu in q.questions.iter().filter(|q| q.ask == Ask::When) {
                let st = hb
                    .procedures
                    .iter()
                    .flat_map(|p| &p.steps)
                    .find(|s| s.id == qu.step)
                    .unwrap();
                assert!(
                    st.timing.iter().any(|t| t.binds(role, &st.actors)),
                    "{}: {}",
                    q.id,
                    qu.id
                );
            }
            // Taken in turn from each procedure: the first questions come from different
            // procedures wherever the role acts in several.
            let procs: BTreeSet<&str> = q.questions.iter().map(|q| q.procedure.as_str()).collect();
            let head: BTreeSet<&str> = q
                .questions
                .iter()
                .take(procs.len())
                .map(|q| q.procedure.as_str())
                .collect();
            assert_eq!(head, procs, "{}", q.id);
        }
        // The NJMF's quiz asks no "by when?" about the adults' one-week assessment alone:
        // step 4 of the reception binds it to 15 days only.
        let njmf = all.iter().find(|q| q.id == role_quiz_id("njmf")).unwrap();
        assert!(
            njmf.questions
                .iter()
                .any(|q| q.step == "pritja-shtetas-shqiptare.4" && q.ask == Ask::When)
        );
        let njvnr = all.iter().find(|q| q.id == role_quiz_id("njvnr")).unwrap();
        assert!(
            njvnr
                .questions
                .iter()
                .any(|q| q.step == "pritja-shtetas-shqiptare.4")
        );
    }

    #[test]
    fn several_actors_make_a_multiple_answer_question() {
        let hb = shipped();
        let p = hb
            .procedures
            .iter()
            .find(|p| p.steps.iter().any(|s| s.actors.len() > 1))
            .unwrap();
        let st = p.steps.iter().find(|s| s.actors.len() > 1).unwrap();
        let q = question(hb, p, st, Ask::Who).unwrap();
        assert!(q.multiple());
        assert_eq!(
            q.choices.iter().filter(|c| c.correct).count(),
            st.actors.len()
        );
    }
}
