//! The view of a question about a section or a criterion (`quiz::Place`): its stem quotes
//! the sentences its timings stand in, their words blanked, naming the section by its title
//! or the criterion by its number; its link goes to the section or the criterion.

use crate::text::TextExt;

use super::{Cx, QuestionView, TimeWords, blank, blank_deadline, blank_roles};
use crate::pipeline::model::quiz::{Answer, Ask, Place, Question, normative_passage};

/// A text as a "who?" of a section or a criterion quotes it: its normative words (never an
/// example), whole, its spaces made single.
fn whole(text: &str) -> String {
    crate::markdown::to_plain(&crate::markdown::without_examples(text)).single_spaced()
}

/// The message that asks of a criterion or a section: "who?" or "by when?", of one answer
/// or of several.
fn key(criterion: bool, who: bool, many: bool) -> &'static str {
    match (criterion, who, many) {
        (true, true, true) => "quiz_who_criterion_many",
        (true, true, false) => "quiz_who_criterion",
        (true, false, true) => "quiz_when_criterion_many",
        (true, false, false) => "quiz_when_criterion",
        (false, true, true) => "quiz_who_section_many",
        (false, true, false) => "quiz_who_section",
        (false, false, true) => "quiz_when_section_many",
        (false, false, false) => "quiz_when_section",
    }
}

/// The view of `question` (a section's or a criterion's), numbered `number`.
pub(super) fn view(
    cx: &Cx,
    question: &Question,
    number: usize,
    time_words: &TimeWords,
) -> QuestionView {
    let hb = cx.hb;
    let say = |key: &str, args: &[(&str, &str)]| crate::theme::say(cx.ui, key, args);
    // "By when?" or "who?" is asked of a section or a criterion.
    let many = question.multiple();
    let who = question.ask == Ask::Who;
    // The normative texts, the timings, what names the place, where it is and its context.
    let (texts, timings, name, value, short, url, context) = match question.place {
        Place::Criterion => {
            let standard = hb.standards.iter().find(|s| s.id == question.procedure);
            let c = standard.and_then(|s| s.criteria.iter().find(|c| c.id == question.step));
            let (Some(standard), Some(c)) = (standard, c) else {
                return empty(question, number);
            };
            let n = say(
                "sub_number",
                &[
                    ("standard", &standard.number.to_string()),
                    ("number", &c.number.to_string()),
                ],
            );
            (
                crate::pipeline::model::quiz::places_criterion_texts(c),
                c.timing.clone(),
                "criterion",
                n.clone(),
                say("criterion_number", &[("number", &n)]),
                cx.addr.criterion(&c.id),
                standard.title.clone(),
            )
        }
        _ => {
            let p = hb.procedures.iter().find(|p| p.id == question.procedure);
            let s = p.and_then(|p| p.sections.iter().find(|s| s.id == question.step));
            let (Some(p), Some(s)) = (p, s) else {
                return empty(question, number);
            };
            let title = s
                .title
                .as_deref()
                .map(crate::pipeline::render::views::as_name)
                .unwrap_or_default();
            (
                vec![s.text.clone().unwrap_or_default()],
                s.timing.clone(),
                "section",
                title.clone(),
                say("quiz_section_label", &[("section", &title)]),
                cx.addr.in_procedure(&p.id, &s.id),
                p.title.clone(),
            )
        }
    };
    let key = match (super::lasts(question), question.place == Place::Criterion) {
        (true, true) => "quiz_how_long_criterion",
        (true, false) => "quiz_how_long_section",
        _ => key(question.place == Place::Criterion, who, many),
    };
    // A "who?" quotes the place's own text (a criterion's, not its evidence'), whole.
    let (prompt, source, quote, whole_text) = if who {
        // A section's "who?" quotes its first paragraph (the commission's duties section
        // opens "Komisioni është organi epror …" before its nine duties), a criterion all
        // of its text.
        let text = match question.place {
            Place::Section => texts
                .first()
                .map(|t| {
                    let normative = crate::markdown::without_examples(t);
                    let first = normative
                        .split("\n\n")
                        .find(|p| !p.trim().is_empty())
                        .unwrap_or_default()
                        .to_string();
                    super::paragraph(&first)
                })
                .unwrap_or_default(),
            _ => texts.first().map(|t| whole(t)).unwrap_or_default(),
        };
        let act = blank_roles(cx, question, &text);
        // The section's title is blanked as its text is ("Detyrat e …" for the commission).
        let correct = super::correct_texts(cx, question);
        let mut value = blank_roles(cx, question, &value);
        for c in &correct {
            if super::gives_away(&value, c) || question.place == Place::Section {
                value = blank(&value, |a: &str| a.to_string(), std::slice::from_ref(c));
            }
        }
        let value = super::collapse(&value);
        let frame = |a: &str| say(key, &[(name, &value), ("action", a)]);
        let act = super::collapse(&blank(&act, frame, &correct));
        // The feedback quotes the sentences that name the answers (review 41, Q3).
        let source =
            super::feedback::naming_sentences(cx, question, &texts).unwrap_or_else(|| text.clone());
        (frame(&act), source, act, text)
    } else {
        timed(cx, question, &texts, &timings, time_words, |act| {
            say(key, &[(name, &value), ("action", act)])
        })
    };
    let (choices, answer) = super::choices(cx, question, &source);
    let answer_note = super::group_note(cx, &choices, &super::group_members(cx, question, &source));
    let examples_follow = texts
        .iter()
        .any(|t| crate::markdown::leads_to_examples(t, &quote));
    QuestionView {
        id: question.id.clone(),
        number,
        ask: question.ask.name(),
        prompt,
        multiple: many,
        step_label: say(
            "step_of_procedure",
            &[("step", &short), ("procedure", &context)],
        ),
        step_short: short,
        step_url: url,
        choices,
        answer,
        answer_note,
        source: super::feedback::lone_markers_out(&source),
        quote,
        whole: whole_text,
        names: super::printed_names(cx, question),
        apart: None,
        // The feedback of a "who?" names every correct answer (c50b).
        proved: super::proof::proves(cx, question, &source),
        examples_follow,
    }
}

/// A "by when?" of a place: (prompt, source, quote, whole) — the sentences the correct timings
/// stand in, each once, their time words blanked, in the question's frame.
fn timed(
    cx: &Cx,
    question: &Question,
    texts: &[String],
    timings: &[crate::pipeline::model::Timing],
    time_words: &TimeWords,
    frame: impl Fn(&str) -> String,
) -> (String, String, String, String) {
    // The sentences the correct timings stand in, each once.
    let mut quoted: Vec<String> = Vec::new();
    for c in question.choices.iter().filter(|c| c.correct) {
        if let Answer::Timing(t) = &c.answer
            && let Some(found) = texts
                .iter()
                .find_map(|x| normative_passage(x, &t.text, |_| false))
            && !quoted.contains(&found)
        {
            quoted.push(found);
        }
    }
    let source = quoted.join(" ");
    let mut act = crate::pipeline::model::quiz::join_in_order(texts, &quoted);
    for t in timings.iter().filter(|t| t.kind != "none") {
        act = blank_deadline(&act, &t.text, time_words);
    }
    let whole = act.clone();
    let act = super::collapse(&blank_roles(cx, question, &act));
    (frame(&act), source, act, whole)
}

/// A question whose place the handbook no longer has (never, as the model makes them).
fn empty(question: &Question, number: usize) -> QuestionView {
    QuestionView {
        id: question.id.clone(),
        number,
        ask: question.ask.name(),
        prompt: String::new(),
        multiple: false,
        step_label: String::new(),
        step_short: String::new(),
        step_url: String::new(),
        choices: Vec::new(),
        answer: String::new(),
        answer_note: String::new(),
        source: String::new(),
        quote: String::new(),
        whole: String::new(),
        names: Default::default(),
        apart: None,
        proved: true,
        examples_follow: false,
    }
}
