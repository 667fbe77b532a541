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
    /// The content hash of the subject (`edition::content`), kept with a training record.
    pub content: String,
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
    /// The sentence of the source that holds the answer, quoted in the feedback.
    pub source: String,
}

#[derive(Serialize)]
pub struct ChoiceView {
    pub letter: String,
    pub text: String,
    pub correct: bool,
}

/// The step quoted in a question: its title, or the first paragraph of its normative text
/// (never an example), cut at a sentence end after about 300 characters. A paragraph, not
/// a sentence: "Për fëmijët … PMF-ja. Për të rriturit … shërbimit social shtetëror." is
/// one duty of two actors.
fn action(step: &crate::pipeline::model::Step) -> String {
    if let Some(t) = step.title.as_deref().filter(|t| !t.trim().is_empty()) {
        return t.trim().to_string();
    }
    let normative = crate::markdown::without_examples(&step.text);
    let first = normative.split("\n\n").next().unwrap_or("");
    let plain = crate::markdown::to_plain(first);
    let plain = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    const MAX: usize = 300;
    if plain.chars().count() <= MAX {
        return plain.trim_end_matches('.').to_string();
    }
    // The sentences that fit, at least the first.
    let mut out = String::new();
    for sentence in plain.split_inclusive(". ") {
        if !out.is_empty() && out.chars().count() + sentence.chars().count() > MAX {
            return format!("{} …", out.trim_end().trim_end_matches('.'));
        }
        out.push_str(sentence);
    }
    out.trim_end_matches('.').to_string()
}

/// Words too common to give an answer away ("për", "dhe" …; "the", "of" …).
const STOP: &[&str] = &[
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

/// Whether every content word of `answer` stands in `stem`: the question gives it away.
pub fn gives_away(stem: &str, answer: &str) -> bool {
    let stem: std::collections::HashSet<String> = content_words(stem).into_iter().collect();
    let words = content_words(answer);
    !words.is_empty() && words.iter().all(|w| stem.contains(w))
}

/// The quote with the words of the correct answers blanked ("…") where the question would
/// otherwise hold a whole answer.
fn blank(quote: &str, frame: impl Fn(&str) -> String, correct: &[String]) -> String {
    let mut quote = quote.to_string();
    for answer in correct {
        if !gives_away(&frame(&quote), answer) {
            continue;
        }
        // The answer's own words, whole ("Çdo person, që …", "punonjësi i mbrojtjes së
        // fëmijës"): one "…" for them all.
        let mut lower = answer.chars();
        let lower: String = lower
            .next()
            .map(|c| c.to_lowercase().chain(lower).collect())
            .unwrap_or_default();
        for phrase in [answer.as_str(), lower.as_str()] {
            if !phrase.is_empty() && quote.contains(phrase) {
                quote = quote.replace(phrase, "…");
            }
        }
        if !gives_away(&frame(&quote), answer) {
            continue;
        }
        let words: std::collections::HashSet<String> = content_words(answer).into_iter().collect();
        let mut out = String::with_capacity(quote.len());
        let mut word = String::new();
        let flush = |word: &mut String, out: &mut String| {
            if !word.is_empty() {
                if words.contains(&word.to_lowercase()) {
                    out.push('…');
                } else {
                    out.push_str(word);
                }
                word.clear();
            }
        };
        for c in quote.chars() {
            if c.is_alphanumeric() {
                word.push(c);
            } else {
                flush(&mut word, &mut out);
                out.push(c);
            }
        }
        flush(&mut word, &mut out);
        quote = out;
    }
    quote
}

/// Words that say when: numbers, units of time and the words that bound them ("brenda",
/// "maksimumi", "të paktën", "çdo"; "within", "at least" …), by how they begin.
const TIME_WORDS: &[&str] = &[
    "brenda",
    "menjëher",
    "ditë",
    "ditës",
    "orë",
    "orës",
    "orësh",
    "orëve",
    "jav",
    "muaj",
    "vit",
    "vjet",
    "minut",
    "maksimum",
    "deri",
    "paktën",
    "çdo",
    "herë",
    "afat",
    "njëjt",
    "within",
    "day",
    "hour",
    "week",
    "month",
    "year",
    "minute",
    "immediately",
    "least",
    "most",
    "every",
    "same",
];

/// Short words that say when, matched whole ("dy" begins "dyshohet").
const TIME_WORDS_WHOLE: &[&str] = &[
    "dy", "tre", "katër", "pesë", "pune", "two", "three", "four", "five", "working",
];

/// The quote with the words that set a deadline blanked, where the timing's words stand in
/// it: "…, NJVRN-të kryejnë vlerësimin e të rriturve" for "Brenda 1 jave, NJVRN-të …".
fn blank_deadline(quote: &str, timing_words: &str) -> String {
    let words = timing_words
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut lower = words.chars();
    let lower: String = lower
        .next()
        .map(|c| c.to_lowercase().chain(lower).collect())
        .unwrap_or_default();
    let Some((at, len)) = [words.as_str(), lower.as_str()]
        .into_iter()
        .filter(|w| !w.is_empty())
        .find_map(|w| quote.find(w).map(|i| (i, w.len())))
    else {
        return quote.to_string();
    };
    let timed = |w: &str| {
        let w = w.to_lowercase();
        w.chars().all(|c| c.is_ascii_digit())
            // A long stem inside a word too: the source's "dërgonmenjëherë".
            || TIME_WORDS
                .iter()
                .any(|t| w.starts_with(t) || (t.chars().count() >= 7 && w.contains(t)))
            || TIME_WORDS_WHOLE.contains(&w.as_str())
    };
    let mut part = String::new();
    let mut word = String::new();
    let flush = |word: &mut String, part: &mut String| {
        if !word.is_empty() {
            part.push_str(if timed(word) { "…" } else { word });
            word.clear();
        }
    };
    for c in quote[at..at + len].chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut part);
            part.push(c);
        }
    }
    flush(&mut word, &mut part);
    // One "…" for a run of them ("… … …", "… një …", "… prej …").
    loop {
        let before = part.clone();
        for glue in [
            "", "një ", "prej ", "në ", "e ", "të ", "se ", "a ", "of ", "the ", "in ",
        ] {
            part = part.replace(&format!("… {glue}…"), "…");
        }
        if part == before {
            break;
        }
    }
    format!("{}{part}{}", &quote[..at], &quote[at + len..])
}

/// The sentence of the step's normative text that holds `needle` (a timing's words), or
/// the quote of the step.
fn source_sentence(step: &crate::pipeline::model::Step, needle: Option<&str>) -> String {
    let plain = crate::markdown::to_plain(&crate::markdown::without_examples(&step.text));
    let plain = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(n) = needle {
        let n = n.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(i) = plain.find(&n) {
            let start = plain[..i].rfind(". ").map_or(0, |j| j + 2);
            let end = plain[i..].find(". ").map_or(plain.len(), |j| i + j + 1);
            return plain[start..end].to_string();
        }
    }
    let first = crate::markdown::without_examples(&step.text);
    let first = first.split("\n\n").next().unwrap_or("");
    crate::markdown::to_plain(first)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// An answer in the reader's words: a role's title, a form's code and title, a timing in
/// words.
fn choice_text(cx: &Cx, answer: &Answer) -> String {
    match answer {
        Answer::Role(id) => cx
            .titles
            .roles
            .get(id.as_str())
            .copied()
            .unwrap_or(id)
            .to_string(),
        Answer::Person(words) => words.clone(),
        Answer::Form(id) => {
            let l = cx.titles.form_link(id);
            match l.code {
                Some(code) if code != l.title => format!("{code} — {}", l.title),
                _ => l.title,
            }
        }
        Answer::Timing(t) => timing_view(t, cx.ui).phrase,
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
                    let key = format!("quiz_{}{many}", question.ask.name());
                    let frame = |a: &str| say(&key, &[("step", &number), ("action", a)]);
                    let correct_texts: Vec<String> = question
                        .choices
                        .iter()
                        .filter(|c| c.correct)
                        .map(|c| choice_text(cx, &c.answer))
                        .collect();
                    // A "by when?" quotes the step without the words that set its deadline.
                    let mut act = act;
                    for c in question.choices.iter().filter(|c| c.correct) {
                        if let Answer::Timing(t) = &c.answer {
                            act = blank_deadline(&act, &t.text);
                        }
                    }
                    let act = blank(&act, frame, &correct_texts);
                    let prompt = frame(&act);
                    let source = step.map(|s| {
                        let needle = question.choices.iter().find_map(|c| match &c.answer {
                            Answer::Timing(t) if c.correct => Some(t.text.as_str()),
                            _ => None,
                        });
                        source_sentence(s, needle)
                    });
                    let choices: Vec<ChoiceView> = question
                        .choices
                        .iter()
                        .enumerate()
                        .map(|(j, c)| ChoiceView {
                            letter: letter(j),
                            text: choice_text(cx, &c.answer),
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
                        source: source.unwrap_or_default(),
                    }
                })
                .collect();
            QuizView {
                content: crate::edition::content::subject_hash(cx.hb, q.kind.name(), &q.subject)
                    .unwrap_or_default(),
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
