//! What a question's feedback quotes: the sentence of the source that holds each correct
//! answer (a timing's words, a role's or a person's name, a form's code or title), in the
//! order the source prints them, not the whole step (review 41, Q3).

use crate::text::TextExt;

use super::{Answer, Cx, choice_text, content_words, quiz, timing_sentence, word_stem};
use crate::pipeline::model::{Procedure, Step};
use std::cell::OnceCell;
use std::collections::BTreeSet;

/// The sentences of a text's normative words (never an example), its spaces made single,
/// without their full stops: cut at ". " within a paragraph, never after an abbreviation
/// ("nr. 132", `text::sentences`), as `quiz::normative_sentence` cuts them. A list is one
/// sentence with the lead-in that opens it ("Mbledhja e AP-së duhet të zhvillohet në
/// praninë e detyrueshme të: të gjithë anëtarëve të AP-së; …", 001:824-827): its items
/// alone would say nothing of what they are.
pub(super) fn sentences(text: &str) -> Vec<String> {
    sentence_parts(text).into_iter().map(|s| s.text).collect()
}

/// A sentence of `sentences`, and where it is a lead-in with its list, the lead-in and the
/// list's items (each as plain text).
pub(super) struct Sentence {
    pub text: String,
    pub list: Option<(String, Vec<String>)>,
}

/// The sentences of `sentences`, each with its lead-in and items where it is a list.
pub(super) fn sentence_parts(text: &str) -> Vec<Sentence> {
    let mut out: Vec<Sentence> = Vec::new();
    let mut lead: Option<String> = None;
    for para in crate::markdown::normative(text).split("\n\n") {
        let plain = crate::markdown::to_plain(para);
        let plain = plain.single_spaced();
        let list = is_list(para);
        let mut own: Vec<Sentence> = crate::text::sentences(&plain)
            .into_iter()
            .map(|s| s.trim().trim_end_matches('.').to_string())
            .filter(|s| !s.is_empty())
            .map(|text| Sentence { text, list: None })
            .collect();
        match (&lead, list) {
            // Each part of a list printed with blank lines between its items, too.
            (Some(lead), true) => {
                own = vec![Sentence {
                    text: format!("{lead} {}", plain.trim_end_matches('.')),
                    list: Some((lead.clone(), items(para))),
                }]
            }
            _ => {
                lead = own
                    .last()
                    .map(|s| s.text.clone())
                    .filter(|s| s.ends_with(':') && !list)
            }
        }
        out.extend(own);
    }
    out
}

/// The items of a list paragraph, as plain text: each line that opens with a marker
/// (`is_list`) opens one, the lines after it go on it.
pub(super) fn items(para: &str) -> Vec<String> {
    let mut md: Vec<String> = Vec::new();
    for line in para.lines().filter(|l| !l.trim().is_empty()) {
        match md.last_mut() {
            Some(last) if !is_list(line) => {
                last.push('\n');
                last.push_str(line);
            }
            _ => md.push(line.to_string()),
        }
    }
    md.iter()
        .map(|m| crate::markdown::to_plain(m).single_spaced())
        .filter(|i| !i.is_empty())
        .collect()
}

/// The most items a list quoted whole in a feedback has: a longer one is quoted as its
/// lead-in and the items that name an answer, "…" for the others (adversary 46, F-4).
pub(super) const LONG_LIST: usize = 4;

/// Those of `items` that `kept` holds for (by index and text), each after a space, and " …"
/// for each run of the others: a long list as a feedback or a stem quotes it.
pub(super) fn elided(items: &[String], kept: impl Fn(usize, &str) -> bool) -> String {
    let mut out = String::new();
    let mut gap = false;
    for (n, item) in items.iter().enumerate() {
        if kept(n, item) {
            out.push(' ');
            out.push_str(item);
            gap = false;
        } else if !gap {
            out.push_str(" …");
            gap = true;
        }
    }
    out
}

/// `lead` and those of `items` that name a correct answer of `question`, "…" for each run
/// of the others.
fn list_naming(cx: &Cx, question: &quiz::Question, lead: &str, items: &[String]) -> String {
    let naming = |_: usize, item: &str| {
        question
            .choices
            .iter()
            .filter(|c| c.correct)
            .any(|c| match &c.answer {
                Answer::Timing(t) => crate::text::quote::stands_in(item, &t.text),
                a => {
                    names(cx, a, item, &OnceCell::new(), false)
                        || matches!(a, Answer::Role(id) if quiz::acts_in(cx.hb, id, item) == Some(true))
                }
            })
    };
    let mut out = lead.to_string();
    out.push_str(&elided(items, naming));
    out.trim_end_matches('.').to_string()
}

/// Whether a paragraph of Markdown is a list: "- ", "* ", or a printed number or letter
/// ("1. ", "a) ").
pub(super) fn is_list(para: &str) -> bool {
    let p = para.trim_start();
    if p.starts_with("- ") || p.starts_with("* ") {
        return true;
    }
    let label: String = p
        .chars()
        .take_while(|c| crate::text::is_word_char(*c))
        .collect();
    let rest = &p[label.len()..];
    !label.is_empty()
        && !crate::text::at_least(&label, 4)
        && (label.chars().all(|c| c.is_ascii_digit()) || label.chars().count() == 1)
        && (rest.starts_with(". ") || rest.starts_with(") "))
}

/// A quote without the footnote markers ("¹³") whose footnote it does not quote: a marker
/// that stands once points at nothing the reader sees (review 44, Q-6). A marker quoted
/// with its footnote ("… 24 orësh¹⁴ … ¹⁴ Në rastet …") stays.
pub(super) fn lone_markers_out(quote: &str) -> String {
    let sup = crate::text::is_note_marker;
    let mut runs: Vec<String> = Vec::new();
    let mut run = String::new();
    for c in quote.chars().chain(std::iter::once(' ')) {
        match sup(c) {
            true => run.push(c),
            false if !run.is_empty() => runs.push(std::mem::take(&mut run)),
            false => {}
        }
    }
    let mut out = String::with_capacity(quote.len());
    let mut run = String::new();
    for c in quote.chars().chain(std::iter::once('\0')) {
        if sup(c) {
            run.push(c);
            continue;
        }
        if !run.is_empty() {
            if runs.iter().filter(|r| **r == run).count() > 1 {
                out.push_str(&run);
            }
            run.clear();
        }
        if c != '\0' {
            out.push(c);
        }
    }
    out
}

/// Whether `sentence` names `answer`, a correct role, person or form: a role by its title,
/// abbreviation or printed names (or the same person's under another title), or, where
/// `loose`, the first two words of its title in a row ("ofruesit të shërbimit"); a person
/// by the source's words; a form by its code as a word or its title. `named` holds the
/// roles the sentence names (`quiz::names`) once asked, made once for all the answers.
pub(super) fn names(
    cx: &Cx,
    answer: &Answer,
    sentence: &str,
    named: &OnceCell<BTreeSet<String>>,
    loose: bool,
) -> bool {
    let hb = cx.hb;
    match answer {
        Answer::Role(id) => {
            let named = named.get_or_init(|| quiz::names(hb, sentence));
            named.contains(id)
                || quiz::same_person(hb, id).any(|o| named.contains(o))
                || loose && {
                    let title: Vec<String> = content_words(&choice_text(cx, answer))
                        .iter()
                        .take(2)
                        .map(|w| word_stem(w))
                        .collect();
                    let words: Vec<String> = content_words(sentence)
                        .iter()
                        .map(|w| word_stem(w))
                        .collect();
                    title.len() == 2 && words.windows(2).any(|w| w == title.as_slice())
                }
        }
        Answer::Person(words) => sentence.contains(words.as_str()),
        Answer::Form(id) => hb.forms.iter().find(|f| &f.id == id).is_some_and(|f| {
            let words: Vec<&str> = sentence
                .split(|c: char| !crate::text::is_word_char(c))
                .collect();
            f.code.as_deref().is_some_and(|c| words.contains(&c)) || sentence.contains(&f.title)
        }),
        Answer::Timing(_) => false,
    }
}

/// The feedback of a question about `step` of `p`: the sentence that holds each correct
/// answer, each once, in the source's order (" … " between); a timing printed in a passage
/// beside the step (the formal interview's "zgjat maksimumi 60 minuta") from that passage.
/// None where no sentence holds any answer (a form the step's words do not name).
pub(super) fn answer_sentences(
    cx: &Cx,
    p: &Procedure,
    step: &Step,
    question: &quiz::Question,
) -> Option<String> {
    if question.ask == quiz::Ask::Who {
        return who_sentences(cx, step, question).or_else(|| body_before(cx, p, step, question));
    }
    // The passages beside the steps, their text and each item of their lists.
    let beside: Vec<String> = p
        .sections
        .iter()
        .flat_map(|s| s.text.iter().chain(&s.items).cloned())
        .collect();
    let texts: Vec<String> = std::iter::once(step.text.clone()).chain(beside).collect();
    quoted(cx, question, &texts, |t| {
        timing_sentence(cx.hb, step, &t.text).or_else(|| {
            texts[1..]
                .iter()
                .find_map(|x| quiz::normative_passage(x, &t.text, |_| false))
        })
    })
}

/// The feedback of a "who?" of a step: the step's own sentences that hold each answer
/// (`quoted`), never another section's words; an answer the step's words do not name is
/// proved by the lead-in of the step's list, quoted with the point itself ("Në mënyrë më
/// të hollësishme, detyrat e strukturës përgjegjëse … duhet të jenë: a) Identifikimi …",
/// review 43, M6).
fn who_sentences(cx: &Cx, step: &Step, question: &quiz::Question) -> Option<String> {
    let own = std::slice::from_ref(&step.text);
    let found = quoted(cx, question, own, |_| None);
    let unnamed = |a: &Answer| {
        !sentences(&step.text).iter().any(|s| {
            names(cx, a, s, &OnceCell::new(), true)
                || matches!(a, Answer::Role(id) if quiz::acts_in(cx.hb, id, s) == Some(true))
        })
    };
    // A step that is an item of its lead-in's list ("vlerësimin e situatës …" under
    // "Veprimet që duhet të ndërmerren përfshijnë:", 001:606-607) is quoted with it: the
    // item alone names no one and says nothing of what it is (adversary 46, F-3).
    let lead = step.group.as_deref().filter(|lead| {
        item_of_lead(step)
            || question.choices.iter().filter(|c| c.correct).any(|c| {
            unnamed(&c.answer)
                && (names(cx, &c.answer, lead, &OnceCell::new(), true)
                    || matches!(&c.answer, Answer::Role(id) if quiz::acts_in(cx.hb, id, lead) == Some(true)))
        })
    });
    match lead {
        Some(lead) => Some(lead_and_point(cx, step, lead, found)),
        None => found,
    }
}

/// Whether `step` is an item of its lead-in's list (`Step::group`): its words go on the
/// lead-in's sentence, lower-case ("vlerësimin e situatës …" under "Veprimet që duhet të
/// ndërmerren përfshijnë:", 001:606-607).
fn item_of_lead(step: &Step) -> bool {
    step.group.is_some()
        && (step
            .text
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
            // A numbered point under a lead-in the source prints with its colon
            // ("Veprimet e përgjithshme:", 001:1338, read-47b L-6).
            || (step.lead_in && step.printed.is_some()))
}

/// `lead`, the step's point (its first paragraph, with its printed label), and `found`
/// after " … " where the point does not hold it.
fn lead_and_point(cx: &Cx, step: &Step, lead: &str, found: Option<String>) -> String {
    let (item, _, label) = step.named(cx.ui);
    // The point's label as printed ("1."), not as the site tells it apart ("1. (Hapi 15)").
    let label = step.printed.clone().unwrap_or(label);
    let point = super::paragraph(
        crate::markdown::normative(&step.text)
            .split("\n\n")
            .next()
            .unwrap_or_default(),
    );
    let point = match item {
        true => format!("{label} {point}"),
        false => point,
    };
    let mut lead = lead.single_spaced();
    if item_of_lead(step) && !lead.ends_with(':') {
        lead.push(':');
    }
    match found {
        Some(f) if !point.contains(f.trim_end_matches('.')) => format!("{lead} {point} … {f}"),
        _ => format!("{lead} {point}"),
    }
}

/// The feedback `found` of a "by when?" or a "which form?" of `step` where the step is an
/// item of its lead-in's list (`item_of_lead`): quoted with the lead-in, as a "who?" is
/// ("Veprimet që duhet të ndërmerren përfshijnë: njoftimin e menjëhershëm të PMF-së …",
/// adversary 46, F-3); else `found` as it is.
pub(super) fn with_lead(cx: &Cx, step: &Step, found: Option<String>) -> Option<String> {
    match step.group.as_deref() {
        Some(lead) if item_of_lead(step) && found.is_some() => {
            Some(lead_and_point(cx, step, lead, found))
        }
        _ => found,
    }
}

/// The feedback of a "who?" of a passive step whose own words name none of its answers
/// ("Nëse vlerësohet kthimi …, caktohen detyrat …", 001:1265): the last sentence of the
/// step printed before it in the same block, where that names one (the AP the D/KAP
/// convenes, 001:1264), then the step's first sentence; never a sentence of a section
/// (review 44, Q-1). None where the step before names none of them.
fn body_before(cx: &Cx, p: &Procedure, step: &Step, question: &quiz::Question) -> Option<String> {
    let i = p.steps.iter().position(|s| s.id == step.id)?;
    let before = p.steps[..i].last().filter(|b| b.group == step.group)?;
    let body = sentences(&before.text).pop()?;
    let named = OnceCell::new();
    question
        .choices
        .iter()
        .filter(|c| c.correct)
        .any(|c| names(cx, &c.answer, &body, &named, false))
        .then(|| {
            let own = sentences(&step.text).into_iter().next().unwrap_or_default();
            format!("{body} … {own}.")
        })
}

/// The feedback of a "who?" of a section or a criterion: the sentences of `texts` (its own
/// first) that name each correct answer (`answer_sentences`).
pub(super) fn naming_sentences(
    cx: &Cx,
    question: &quiz::Question,
    texts: &[String],
) -> Option<String> {
    quoted(cx, question, texts, |_| None)
}

/// The sentences that hold each correct answer of `question`: a timing's found by `timing`,
/// a role's, a person's or a form's the first sentence of `texts[0]` that names it (whole
/// before loosely), else of the other texts; joined in the source's order.
fn quoted(
    cx: &Cx,
    question: &quiz::Question,
    texts: &[String],
    timing: impl Fn(&crate::pipeline::model::Timing) -> Option<String>,
) -> Option<String> {
    let parts: Vec<Vec<Sentence>> = texts.iter().map(|t| sentence_parts(t)).collect();
    let all: Vec<Vec<String>> = parts
        .iter()
        .map(|p| p.iter().map(|s| s.text.clone()).collect())
        .collect();
    // The roles each sentence names, made when first asked.
    let named: Vec<Vec<OnceCell<BTreeSet<String>>>> = all
        .iter()
        .map(|own| own.iter().map(|_| OnceCell::new()).collect())
        .collect();
    let mut found: Vec<String> = Vec::new();
    for c in question.choices.iter().filter(|c| c.correct) {
        let sentence = match &c.answer {
            Answer::Timing(t) => timing(t),
            // A sentence that names it whole before one that has two words of its title, in
            // any of the texts (a criterion's evidence "Punonjësi social përgjegjës …"
            // before its own "një punonjës social si përgjegjës", review 44 Q-4); and one
            // where it acts before one that names it as an object ("APAP-i përcjell …",
            // not "… njoftojnë APAP-in").
            a => [(false, true), (false, false), (true, true), (true, false)]
                .into_iter()
                .find_map(|(loose, acting)| {
                    all.iter().zip(&named).find_map(|(own, named)| {
                        own.iter()
                            .zip(named)
                            .find(|(s, n)| {
                                names(cx, a, s, n, loose)
                                    && (!acting || !matches!(a, Answer::Role(id) if quiz::acts_in(cx.hb, id, s) == Some(false)))
                            })
                            .map(|(s, _)| s.clone())
                    })
                })
                // Else one where it acts by the first word of its name ("Komisioni
                // shqyrton:" for the special commission, review 43, M6).
                .or_else(|| {
                    all.iter().find_map(|own| {
                        own.iter()
                            .find(|s| matches!(a, Answer::Role(id) if quiz::acts_in(cx.hb, id, s) == Some(true)))
                            .cloned()
                    })
                }),
        };
        if let Some(s) = sentence.map(|s| s.trim_end().trim_end_matches('.').to_string())
            && !found.contains(&s)
        {
            found.push(s);
        }
    }
    // A sentence another quote holds (a lead-in quoted with the sentence after it) once.
    // A long list quoted because an item names an answer: its lead-in and the naming
    // items only (`LONG_LIST`).
    let kept: Vec<String> = found
        .iter()
        .filter(|s| !found.iter().any(|o| o != *s && o.contains(s.as_str())))
        .map(|s| {
            parts
                .iter()
                .flatten()
                .find(|p| &p.text == s)
                .and_then(|p| p.list.as_ref())
                .filter(|(_, items)| items.len() > LONG_LIST)
                .map_or_else(
                    || s.clone(),
                    |(lead, items)| list_naming(cx, question, lead, items),
                )
        })
        .collect();
    match kept.as_slice() {
        [] => None,
        // One sentence as the source prints it, its full stop kept.
        [one] if one.ends_with(['…', ':', ';', '?', '!']) => Some(one.clone()),
        [one] => Some(format!("{one}.")),
        _ => Some(quiz::join_in_order(texts, &kept)),
    }
}

#[cfg(test)]
mod tests {
    use super::sentences;

    #[test]
    fn a_list_is_one_sentence_with_its_lead_in() {
        let lead = "Mbledhja duhet të zhvillohet në praninë e:";
        // Tight, numbered, and with blank lines between its items (adversary 46, F-1, F-2).
        for list in [
            "- anëtarëve;\n- personave.",
            "1. anëtarëve;\n2. personave.",
            "a) anëtarëve;\nb) personave.",
        ] {
            let s = sentences(&format!("Hyrja. {lead}\n\n{list}\n\nPastaj tjetër."));
            assert_eq!(s.len(), 4, "{s:?}");
            assert!(
                s[2].starts_with(lead) && s[2].contains("personave"),
                "{s:?}"
            );
            assert_eq!(s[3], "Pastaj tjetër");
        }
        let s = sentences(&format!(
            "{lead}\n\n- anëtarëve;\n\n- personave.\n\nTjetër."
        ));
        assert_eq!(s.len(), 4, "{s:?}");
        assert!(s[1].starts_with(lead) && s[2].starts_with(lead), "{s:?}");
        // A list after a sentence that leads into nothing is as it was.
        let s = sentences("Hyrja.\n\n- anëtarëve;");
        assert_eq!(s[1], "anëtarëve;");
    }
}
