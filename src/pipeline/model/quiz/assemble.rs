//! The quizzes of the handbook: a procedure's questions in its order (a section's before
//! the step the source prints it before), a role's spread over its procedures and standards.

use std::collections::BTreeSet;

use super::{
    Ask, Criterion, Handbook, Procedure, Question, Quiz, QuizKind, Section, Step,
    criterion_question, places, role_quiz_id, section_question, step_questions,
};

/// A role's questions, spread over the procedures it acts in: the questions of the steps it
/// acts in, without a "by when?" none of whose deadlines binds it, nor a "who?" whose
/// answers repeat those of an earlier question of the same procedure; then taken in turn
/// from each procedure (its first question, the next procedure's first …), so one
/// procedure's repeats do not fill the quiz.
///
/// `beside`: the questions of the sections and criteria whose timings bind the role, each
/// with its procedure's or standard's id, taken in turn as a procedure's are.
fn role_questions(
    role: &str,
    per_step: &[(&Procedure, &Step, Vec<Question>)],
    beside: Vec<Question>,
) -> Vec<Question> {
    let mut by_procedure: Vec<(&str, Vec<Question>)> = Vec::new();
    let mut seen_who: BTreeSet<(String, Vec<String>)> = BTreeSet::new();
    for (p, st, qs) in per_step {
        if !st.actors.iter().any(|a| a == role) {
            continue;
        }
        // Steps printed alike in several places (the reception of 15, 24, 36, 44) are asked
        // once: the view keeps one question per kind and blanked quote.
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
    for q in &beside {
        match by_procedure.iter_mut().find(|(id, _)| *id == q.procedure) {
            Some((_, v)) => v.push(q.clone()),
            None => by_procedure.push((&q.procedure, vec![q.clone()])),
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
    let per_section: Vec<(&Procedure, &Section, Question)> = hb
        .procedures
        .iter()
        .flat_map(|p| p.sections.iter().map(move |s| (p, s)))
        .filter_map(|(p, s)| section_question(hb, p, s).map(|q| (p, s, q)))
        .collect();
    let per_criterion: Vec<(&Criterion, Question)> = hb
        .standards
        .iter()
        .flat_map(|st| st.criteria.iter().map(move |c| (st, c)))
        .filter_map(|(st, c)| criterion_question(hb, &st.id, c).map(|q| (c, q)))
        .collect();
    let mut out: Vec<Quiz> = hb
        .procedures
        .iter()
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
                questions,
            }
        })
        .filter(|q| !q.questions.is_empty())
        .collect();
    for r in &hb.roles {
        let beside: Vec<Question> = per_section
            .iter()
            .filter(|(_, s, _)| {
                places::section_timings(s)
                    .iter()
                    .any(|t| t.binds(&r.id, &[]))
            })
            .map(|(_, _, q)| q.clone())
            .chain(
                per_criterion
                    .iter()
                    .filter(|(c, _)| {
                        places::criterion_timings(c)
                            .iter()
                            .any(|t| t.binds(&r.id, &c.roles))
                    })
                    .map(|(_, q)| q.clone()),
            )
            .collect();
        let questions = role_questions(&r.id, &per_step, beside);
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
