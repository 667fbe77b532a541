//! The quizzes of the handbook: a procedure's questions in its order (a section's before
//! the step the source prints it before), a role's spread over its procedures and standards.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};

use super::{
    Answer, Ask, Criterion, Handbook, Place, Procedure, Question, Quiz, QuizKind, Section, Step,
    Timing, criterion_question, places, role_quiz_id, section_question, section_who,
    step_questions,
};

/// How many questions of one kind a quiz holds with the same correct answers: after two
/// "who?"s answered "the agencies for initial identification" the learner knows the third.
pub const SAME_ANSWERS: usize = 2;

/// Whether a "who?" of a step points to its answer: the step's words (its correct roles'
/// names left out) hold a word of a correct answer's name that no wrong answer's has, its
/// head or beside another word of that name ("Vlerësimin … të nevojave" of the NJVNR's
/// second duty, "Njësia e Vlerësimit të Nevojave"; not "në nevojë" of its first alone). The view leaves
/// such a question out, so it counts toward no cap of same answers: another point of the
/// same list is asked instead (review 44, Q-7).
pub(super) fn points(hb: &Handbook, q: &Question) -> bool {
    if q.ask != Ask::Who || q.place != Place::Step {
        return false;
    }
    // (Judged once per question: each quiz that asks it, its procedure's and each role's,
    // asks. A "who?"'s answers are roles and persons, each its own key.)
    let mut key = format!("{}\n{}", q.procedure, q.step);
    for c in &q.choices {
        key.push('\n');
        key.push(if c.correct { '+' } else { '-' });
        key.push_str(&c.answer.key());
    }
    *hb.quiz_memo.points.get_or(key, || points_made(hb, q))
}

/// [`points`], made.
fn points_made(hb: &Handbook, q: &Question) -> bool {
    let Some(step) = hb
        .procedures
        .iter()
        .filter(|p| p.id == q.procedure)
        .flat_map(|p| &p.steps)
        .find(|s| s.id == q.step)
    else {
        return false;
    };
    let ids: Vec<&str> = q
        .choices
        .iter()
        .filter(|c| c.correct)
        .filter_map(|c| match &c.answer {
            Answer::Role(id) => Some(id.as_str()),
            _ => None,
        })
        .collect();
    let text = format!(
        "{}\n\n{}",
        step.title.as_deref().unwrap_or_default(),
        crate::markdown::normative(&step.text)
    );
    let words = super::choose::stems_of(hb, &super::without_names(hb, &text, &ids));
    let of = |correct: bool| -> BTreeSet<String> {
        q.choices
            .iter()
            .filter(|c| c.correct == correct)
            .flat_map(|c| BTreeSet::clone(&super::choose::answer_stems(hb, &c.answer)))
            .collect()
    };
    let wrong = of(false);
    // A word of a correct name that is not its head, with no other word of that name in the
    // step, stands alone: the step's own object ("hap rastin"), no name (adversary 47, M-4;
    // the view's `pointing_who`).
    q.choices.iter().filter(|c| c.correct).any(|c| {
        let title = super::choose::answer_words(hb, &c.answer);
        let name = super::choose::answer_stems(hb, &c.answer);
        let head = super::content_words(&title)
            .first()
            .map(|h| super::word_stem(h));
        name.iter().any(|w| {
            words.contains(w)
                && !wrong.contains(w)
                && (head.as_ref() == Some(w) || name.iter().any(|n| n != w && words.contains(n)))
        })
    })
}

/// The questions without the "who?"s whose correct answers repeat those of `SAME_ANSWERS`
/// others, keeping a section's or a criterion's before a step's (a role's duties list and
/// criteria are asked nowhere else), then the first in order; one that points to its
/// answer (`points`) is kept and counts toward none.
fn capped(hb: &Handbook, questions: Vec<Question>) -> Vec<Question> {
    let key = |q: &Question| who_key(q).filter(|_| !points(hb, q));
    let mut count: std::collections::BTreeMap<Vec<String>, usize> = Default::default();
    let mut keep = vec![false; questions.len()];
    for pass in [false, true] {
        for (i, q) in questions.iter().enumerate() {
            if (q.place == Place::Step) != pass {
                continue;
            }
            match key(q) {
                None => keep[i] = true,
                Some(k) => {
                    let n = count.entry(k).or_default();
                    if *n < SAME_ANSWERS {
                        *n += 1;
                        keep[i] = true;
                    }
                }
            }
        }
    }
    questions
        .into_iter()
        .zip(keep)
        .filter_map(|(q, k)| k.then_some(q))
        .collect()
}

/// Whether `role` is a correct answer of `q`.
fn answers_with(q: &Question, role: &str) -> bool {
    q.choices
        .iter()
        .any(|c| c.correct && matches!(&c.answer, Answer::Role(r) if r == role))
}

/// The sorted keys of a "who?"'s correct answers (none for another kind).
fn who_key(q: &Question) -> Option<Vec<String>> {
    (q.ask == Ask::Who).then(|| {
        let mut k: Vec<String> = q
            .choices
            .iter()
            .filter(|c| c.correct)
            .map(|c| c.answer.key())
            .collect();
        k.sort();
        k
    })
}

/// A role's questions, spread over the procedures and standards it acts in: first the
/// questions of the sections and criteria that bind it or name it (`beside`, each with its
/// procedure's or standard's id: its duties there are asked nowhere else), then those of
/// the steps it acts in, without a "by when?" none of whose deadlines binds it, nor a
/// "who?" whose answers repeat those of an earlier question of the same procedure; then
/// taken in turn from each procedure (its next question, the next procedure's next …), so
/// one procedure's repeats do not fill the quiz, and no "who?" whose answers `SAME_ANSWERS`
/// questions already have.
fn role_questions<'a>(
    hb: &Handbook,
    role: &str,
    per_step: &'a [(&Procedure, &Step, Vec<Question>)],
    beside: &'a [Question],
) -> Vec<Question> {
    // Each list the role's duties stand in: a procedure, and within it the block of its
    // steps (the structure's duties a)-f), its further functions, the NJVNR's duties, review
    // 44 Q-7).
    type List = (String, Option<String>);
    // (Borrowed, but a role's own variant: a role's candidates on a large handbook are
    // thousands, copied once, when taken.)
    let mut by_list: Vec<(List, Vec<Cow<'a, Question>>)> = Vec::new();
    let mut seen_who: BTreeSet<(List, Vec<String>)> = BTreeSet::new();
    // (A "who?" that points to its answer, `points`, stands in for no other.)
    let key = |q: &Question| who_key(q).filter(|_| !points(hb, q));
    let mut push =
        |by_list: &mut Vec<(List, Vec<Cow<'a, Question>>)>, list: List, q: Cow<'a, Question>| {
            if let Some(k) = key(&q)
                && !seen_who.insert((list.clone(), k))
            {
                return;
            }
            match by_list.iter_mut().find(|(l, _)| *l == list) {
                Some((_, v)) => v.push(q),
                None => by_list.push((list, vec![q])),
            }
        };
    for q in beside {
        push(&mut by_list, (q.procedure.clone(), None), Cow::Borrowed(q));
    }
    for (p, st, qs) in per_step {
        if !st.actors.iter().any(|a| a == role) {
            continue;
        }
        let list = (p.id.clone(), st.group.clone());
        // Steps printed alike in several places (the reception of 15, 24, 36, 44) are asked
        // once: the view keeps one question per kind and blanked quote.
        for q in qs {
            // A "who?" the role does not answer (only named as an object there) is not its.
            if q.ask == Ask::Who && !answers_with(q, role) {
                continue;
            }
            if q.ask == Ask::When
                && !st
                    .timing
                    .iter()
                    .any(|t| super::limits(t) && t.binds(role, &st.actors))
            {
                continue;
            }
            // A deadline or a form of another actor of the step is not the role's to learn:
            // its own variant asks only the role's (review 41, Q8; review 43, H4), none
            // where none is the role's.
            if super::asks_others_at(q, st, role) {
                if let Some(own) = super::role_variant(hb, p, st, role, q.ask) {
                    push(&mut by_list, list.clone(), Cow::Owned(own));
                }
                continue;
            }
            push(&mut by_list, list.clone(), Cow::Borrowed(q));
        }
    }
    // Each procedure's questions taken in turn from its lists (its first list's first, its
    // second list's first, …), the procedures in turn below.
    let mut by_procedure: Vec<(String, Vec<&Question>)> = Vec::new();
    for ((procedure, _), _) in &by_list {
        if by_procedure.iter().any(|(p, _)| p == procedure) {
            continue;
        }
        let lists: Vec<&Vec<Cow<Question>>> = by_list
            .iter()
            .filter(|((p, _), _)| p == procedure)
            .map(|(_, qs)| qs)
            .collect();
        let longest = lists.iter().map(|qs| qs.len()).max().unwrap_or(0);
        let turns = (0..longest)
            .flat_map(|i| lists.iter().filter_map(move |qs| qs.get(i).map(|q| &**q)))
            .collect();
        by_procedure.push((procedure.clone(), turns));
    }
    let mut out = Vec::new();
    let mut count: std::collections::BTreeMap<Vec<String>, usize> = Default::default();
    let mut next = vec![0usize; by_procedure.len()];
    loop {
        let mut any = false;
        for (i, (_, qs)) in by_procedure.iter().enumerate() {
            while let Some(&q) = qs.get(next[i]) {
                next[i] += 1;
                if let Some(k) = key(q) {
                    let n = count.entry(k).or_default();
                    if *n >= SAME_ANSWERS {
                        continue;
                    }
                    *n += 1;
                }
                out.push(q.clone());
                any = true;
                break;
            }
        }
        if !any {
            break;
        }
    }
    out
}

/// A criterion's "who?" taken into a role's quiz, made whole (its wrong answers chosen):
/// the candidates held only their correct answers (`criterion_who_answers`), from which
/// it is made. Any other question as it is.
fn whole_who(
    hb: &Handbook,
    q: Question,
    criterion_at: &HashMap<&str, (&str, &Criterion)>,
    levels: &places::HandbookLevels,
) -> Question {
    if q.place != Place::Criterion || q.ask != Ask::Who || q.for_role.is_some() {
        return q;
    }
    let Some(&(standard, c)) = criterion_at.get(q.step.as_str()) else {
        return q;
    };
    places::criterion_who_whole(hb, c, q, &levels.of(hb, standard))
}

/// Every quiz of the handbook: one per procedure with steps, then one per role that acts
/// in a step (its questions those of the steps it acts in, in the procedures' order).
pub fn quizzes(hb: &Handbook) -> Vec<Quiz> {
    quizzes_each(hb, Some)
}

/// [`quizzes`], each quiz handed to `each` as it is made (in parallel, the results in the
/// same order): a role's quiz on a large handbook holds thousands of candidates, which the
/// caller turns into what it keeps (the quizzes' views) before the next are made, never
/// all of them at once (issue 28, memory).
pub fn quizzes_each<T: Send>(hb: &Handbook, each: impl Fn(Quiz) -> Option<T> + Sync) -> Vec<T> {
    // Each question is made from the handbook alone (its choices shuffled by its own id):
    // made in parallel, collected in order.
    use rayon::prelude::*;
    let steps: Vec<(&Procedure, &Step)> = hb
        .procedures
        .iter()
        .flat_map(|p| p.steps.iter().map(move |st| (p, st)))
        .collect();
    let per_step: Vec<(&Procedure, &Step, Vec<Question>)> = steps
        .into_par_iter()
        .map(|(p, st)| (p, st, step_questions(hb, p, st)))
        .collect();
    let per_section: Vec<(&Procedure, &Section, Question)> = hb
        .procedures
        .iter()
        .flat_map(|p| p.sections.iter().map(move |s| (p, s)))
        .flat_map(|(p, s)| {
            [section_question(hb, p, s), section_who(hb, p, s)]
                .into_iter()
                .flatten()
                .map(move |q| (p, s, q))
        })
        .collect();
    // The distractors' levels are the same for every criterion of a standard: made once.
    let handbook_levels = places::HandbookLevels::new(hb);
    // A criterion's "by when?" with the timings it asks (found once, not once per role).
    let per_criterion: Vec<(&str, &Criterion, Question, Vec<&Timing>)> = hb
        .standards
        .par_iter()
        .flat_map_iter(|st| {
            let levels = handbook_levels.of(hb, &st.id);
            st.criteria
                .iter()
                .flat_map(|c| {
                    // (A "who?" with its correct answers alone: made whole where a role's
                    // quiz takes it, `whole_who`.)
                    [
                        places::criterion_who_answers(hb, &st.id, c),
                        criterion_question(hb, &st.id, c, &levels),
                    ]
                    .into_iter()
                    .flatten()
                    .map(move |q| {
                        let asked = match q.ask {
                            Ask::Who => Vec::new(),
                            _ => places::criterion_timings(c),
                        };
                        (st.id.as_str(), c, q, asked)
                    })
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let mut out: Vec<T> = hb
        .procedures
        .par_iter()
        .map(|p| {
            // A section's question stands before the step the source prints it before.
            let sections = |before: Option<&str>| {
                per_section
                    .iter()
                    .filter(move |(q, s, _)| {
                        q.id == p.id
                            && match before {
                                Some(n) => s.before_step.as_deref().map(str::trim) == Some(n),
                                None => !p.steps.iter().any(|st| {
                                    s.before_step.as_deref().map(str::trim)
                                        == Some(st.number.trim())
                                }),
                            }
                    })
                    .map(|(_, _, q)| q.clone())
                    .collect::<Vec<_>>()
            };
            let mut questions: Vec<Question> = Vec::new();
            for (_, st, qs) in per_step.iter().filter(|(q, _, _)| q.id == p.id) {
                questions.extend(sections(Some(st.number.trim())));
                questions.extend(qs.iter().cloned());
            }
            questions.extend(sections(None));
            Quiz {
                id: p.id.clone(),
                kind: QuizKind::Procedure,
                subject: p.id.clone(),
                questions: capped(hb, questions),
            }
        })
        .filter(|q| !q.questions.is_empty())
        .filter_map(&each)
        .collect();
    // Where each criterion is, for the "who?"s taken.
    let criterion_at: HashMap<&str, (&str, &Criterion)> = per_criterion
        .iter()
        .map(|(standard, c, _, _)| (c.id.as_str(), (*standard, *c)))
        .collect();
    let roles: Vec<T> = hb
        .roles
        .par_iter()
        .filter_map(|r| {
            // A "by when?" asks the role's own deadlines only: a variant of it where the
            // section or criterion sets others' too (review 41, Q8).
            let beside: Vec<Question> = per_section
                .iter()
                .filter(|(_, s, q)| match q.ask {
                    Ask::Who => answers_with(q, &r.id),
                    _ => places::section_timings(s)
                        .iter()
                        .any(|t| t.binds(&r.id, &[])),
                })
                .filter_map(|(p, s, q)| match super::asks_others(q, &r.id, &[]) {
                    true => places::section_question_as(hb, p, s, Some(&r.id)),
                    false => Some(q.clone()),
                })
                .chain(
                    per_criterion
                        .iter()
                        .filter(|(_, c, q, asked)| match q.ask {
                            Ask::Who => answers_with(q, &r.id),
                            _ => asked.iter().any(|t| t.binds(&r.id, &c.roles)),
                        })
                        .filter_map(|(standard, c, q, _)| {
                            match super::asks_others(q, &r.id, &c.roles) {
                                true => places::criterion_question_as(
                                    hb,
                                    standard,
                                    c,
                                    &handbook_levels.of(hb, standard),
                                    Some(&r.id),
                                ),
                                false => Some(q.clone()),
                            }
                        }),
                )
                .collect();
            let questions: Vec<Question> = role_questions(hb, &r.id, &per_step, &beside)
                .into_iter()
                .map(|q| whole_who(hb, q, &criterion_at, &handbook_levels))
                .collect();
            (!questions.is_empty()).then(|| Quiz {
                id: role_quiz_id(&r.id),
                kind: QuizKind::Role,
                subject: r.id.clone(),
                questions,
            })
        })
        .filter_map(&each)
        .collect();
    out.extend(roles);
    out
}
