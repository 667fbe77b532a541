//! The views of the quizzes (`model::quiz`): each question worded from the locale pack,
//! each answer in the reader's words (a role's title, a form's code and title, a timing in
//! words), lettered A, B, C …; the same view makes the quiz sheet and its answer key.

use serde::Serialize;

use super::{Cx, timing_view};
use crate::pipeline::model::quiz::{self, Answer, QuizKind};

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
}

#[derive(Serialize)]
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
}

#[derive(Serialize)]
pub struct ChoiceView {
    pub letter: String,
    pub text: String,
    pub correct: bool,
}

/// The action of a step in a few words: its title, or its text's first sentence.
fn action(step: &crate::pipeline::model::Step) -> String {
    if let Some(t) = step.title.as_deref().filter(|t| !t.trim().is_empty()) {
        return t.trim().to_string();
    }
    let plain = crate::markdown::to_plain(&step.text);
    let plain = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    let sentence = match plain.find(". ") {
        Some(i) => &plain[..i],
        None => plain.trim_end_matches('.'),
    };
    const MAX: usize = 160;
    if sentence.chars().count() > MAX {
        let cut: String = sentence.chars().take(MAX).collect();
        let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
        format!("{cut} …")
    } else {
        sentence.to_string()
    }
}

fn letter(i: usize) -> String {
    char::from(b'A' + (i % 26) as u8).to_string()
}

pub(super) fn build(cx: &Cx) -> Vec<QuizView> {
    let hb = cx.hb;
    let say = |key: &str, args: &[(&str, &str)]| crate::theme::say(cx.ui, key, args);
    quiz::quizzes(hb)
        .into_iter()
        .map(|q| {
            let (subject_title, subject_url, url, key_url) = match q.kind {
                QuizKind::Procedure => (
                    hb.procedures
                        .iter()
                        .find(|p| p.id == q.subject)
                        .map(|p| p.title.clone())
                        .unwrap_or_default(),
                    cx.addr.procedure(&q.subject),
                    cx.addr.quiz_procedure(&q.subject),
                    cx.addr.quiz_key_procedure(&q.subject),
                ),
                QuizKind::Role => (
                    cx.titles
                        .roles
                        .get(q.subject.as_str())
                        .copied()
                        .unwrap_or(&q.subject)
                        .to_string(),
                    cx.addr.role(&q.subject),
                    cx.addr.quiz_role(&q.subject),
                    cx.addr.quiz_key_role(&q.subject),
                ),
            };
            let questions = q
                .questions
                .iter()
                .enumerate()
                .map(|(i, question)| {
                    let p = hb.procedures.iter().find(|p| p.id == question.procedure);
                    let step = p.and_then(|p| p.steps.iter().find(|s| s.id == question.step));
                    let (number, act, proc_title) = match (p, step) {
                        (Some(p), Some(s)) => (s.number.clone(), action(s), p.title.clone()),
                        _ => Default::default(),
                    };
                    let many = if question.multiple() { "_many" } else { "" };
                    let prompt = say(
                        &format!("quiz_{}{many}", question.ask.name()),
                        &[("step", &number), ("action", &act)],
                    );
                    let choices: Vec<ChoiceView> = question
                        .choices
                        .iter()
                        .enumerate()
                        .map(|(j, c)| ChoiceView {
                            letter: letter(j),
                            text: match &c.answer {
                                Answer::Role(id) => cx
                                    .titles
                                    .roles
                                    .get(id.as_str())
                                    .copied()
                                    .unwrap_or(id)
                                    .to_string(),
                                Answer::Form(id) => {
                                    let l = cx.titles.form_link(id);
                                    match l.code {
                                        Some(code) if code != l.title => {
                                            format!("{code} — {}", l.title)
                                        }
                                        _ => l.title,
                                    }
                                }
                                Answer::Timing(t) => timing_view(t, cx.ui).phrase,
                            },
                            correct: c.correct,
                        })
                        .collect();
                    let answer = choices
                        .iter()
                        .filter(|c| c.correct)
                        .map(|c| c.letter.clone())
                        .collect::<Vec<_>>()
                        .join(", ");
                    QuestionView {
                        id: question.id.clone(),
                        number: i + 1,
                        ask: question.ask.name(),
                        prompt,
                        multiple: question.multiple(),
                        step_short: format!("{} {}", say("step", &[]), number),
                        step_label: format!("{} {} — {}", say("step", &[]), number, proc_title),
                        step_url: cx.addr.in_procedure(&question.procedure, &question.step),
                        choices,
                        answer,
                    }
                })
                .collect();
            QuizView {
                title: say("quiz_title", &[("subject", &subject_title)]),
                key_url,
                id: q.id,
                kind: q.kind.name(),
                subject: q.subject,
                subject_title,
                subject_url,
                url,
                questions,
            }
        })
        .collect()
}
