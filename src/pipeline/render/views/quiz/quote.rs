//! What a question's stem quotes: the step's title or its paragraphs, the sentence of a
//! deadline (with the one before it where it does not say who acts), the sentence that
//! names a "who?"'s answer, and the message that frames it.

use crate::text::TextExt;

use super::{Answer, Cx, choice_text, content_words, quiz, singled_out, word_stem};

/// The step quoted in a question: its title, or the first paragraph of its normative text
/// (never an example), cut at a sentence end after about 300 characters. A paragraph, not
/// a sentence: "Për fëmijët … PMF-ja. Për të rriturit … shërbimit social shtetëror." is
/// one duty of two actors.
///
/// A "who?" quotes, after the first paragraph, every later one that names one of its
/// answers (`shown`: whether a paragraph does), with "…" for the paragraphs between: the
/// answer is never only in a paragraph the question does not show. Where no paragraph
/// names an answer by its title ("Punonjësi i qendrës" for the staff), it quotes them all.
///
/// `by_title`: the title may stand for the step; not where it is an answer's name ("Mbyllja
/// e rastit" for the form "MR9 — Mbyllja e rastit"): then the step's text is quoted.
///
/// `acting`: a later sentence of the first paragraph, past the cut, in which an answer acts
/// is shown too ("Punonjësi i rastit … informon NJMF-në", review 42, Q4).
pub(super) fn action(
    step: &crate::pipeline::model::Step,
    shown: Option<&dyn Fn(&str) -> bool>,
    acting: Option<&dyn Fn(&str) -> bool>,
    by_title: bool,
) -> String {
    if let Some(t) = step
        .title
        .as_deref()
        .filter(|t| by_title && !t.trim().is_empty() && !step.text.trim().is_empty())
    {
        return t.trim().to_string();
    }
    let normative = crate::markdown::normative(&step.text);
    let mut paragraphs = normative.split("\n\n").filter(|p| !p.trim().is_empty());
    let first = paragraphs.next().unwrap_or("");
    let mut out = match (acting, shown) {
        (Some(acting), Some(shown)) => {
            list_showing(first, shown).unwrap_or_else(|| paragraph_showing(first, acting))
        }
        (Some(acting), None) => paragraph_showing(first, acting),
        _ => paragraph(first),
    };
    if let Some(shown) = shown {
        let rest: Vec<&str> = paragraphs.collect();
        let named = shown(first) || rest.iter().any(|p| shown(p));
        let mut skipped = false;
        for p in rest {
            if shown(p) || !named {
                let end = if out.ends_with(['…', ':', ';', '?', '!']) {
                    ""
                } else {
                    "."
                };
                let gap = if skipped { " …" } else { "" };
                let p = list_showing(p, shown).unwrap_or_else(|| paragraph(p));
                out = format!("{out}{end}{gap} {p}");
                skipped = false;
            } else {
                skipped = true;
            }
        }
    }
    out
}

/// A list of more than `LONG_LIST` items, quoted as the feedback quotes it (adversary 47,
/// L-4): the items for which `shown` holds, "…" for each run of the others; where none
/// does, the first `LONG_LIST` items and "…". None for a paragraph that is no such list.
fn list_showing(para: &str, shown: &dyn Fn(&str) -> bool) -> Option<String> {
    use super::feedback::{LONG_LIST, is_list, items};
    if !is_list(para) {
        return None;
    }
    let items = items(para);
    if items.len() <= LONG_LIST {
        return None;
    }
    let any = items.iter().any(|i| shown(i));
    let out = super::feedback::elided(&items, |n, item| {
        (any && shown(item)) || (!any && n < LONG_LIST)
    });
    Some(out.trim().trim_end_matches('.').to_string())
}

/// One paragraph of a quoted step, cut at a sentence end after about 300 characters.
pub(super) fn paragraph(text: &str) -> String {
    let plain = crate::markdown::to_plain(text);
    let plain = plain.single_spaced();
    const MAX: usize = 300;
    if plain.chars().count() <= MAX {
        return plain.trim_end_matches('.').to_string();
    }
    // The sentences that fit, at least the first.
    let mut out = String::new();
    for sentence in crate::text::sentences(&plain) {
        if !out.is_empty() && out.chars().count() + sentence.chars().count() > MAX {
            return format!("{} …", out.trim_end().trim_end_matches('.'));
        }
        out.push_str(sentence);
    }
    out.trim_end_matches('.').to_string()
}

/// One paragraph cut as `paragraph` cuts it, with every later sentence for which `keep`
/// holds, "…" for the sentences between.
pub(super) fn paragraph_showing(text: &str, keep: &dyn Fn(&str) -> bool) -> String {
    let cut = paragraph(text);
    let Some(head) = cut.strip_suffix(" …") else {
        return cut;
    };
    let plain = crate::markdown::to_plain(text);
    let plain = plain.single_spaced();
    let sentences: Vec<&str> = crate::text::sentences(&plain);
    // The sentences the cut kept, then the rest.
    let mut shown = 0;
    let mut len = 0;
    for s in &sentences {
        if len >= head.len() {
            break;
        }
        len += s.len();
        shown += 1;
    }
    let rest = &sentences[shown..];
    if !rest.iter().any(|s| keep(s)) {
        return cut;
    }
    let mut out = sentences[..shown].concat();
    let mut skipped = false;
    for s in rest {
        if keep(s) {
            if skipped {
                out.push_str("… ");
            }
            out.push_str(s);
            skipped = false;
        } else {
            skipped = true;
        }
    }
    let out = out.trim_end().trim_end_matches('.').to_string();
    match skipped {
        true => format!("{out} …"),
        false => out,
    }
}

/// The sentence of the step's normative text that holds `needle` (a timing's words), or
/// the quote of the step.
pub(super) fn source_sentence(
    hb: &crate::pipeline::model::Handbook,
    step: &crate::pipeline::model::Step,
    needle: Option<&str>,
) -> String {
    if let Some(found) = needle.and_then(|n| timing_sentence(hb, step, n)) {
        return found;
    }
    let first = crate::markdown::normative(&step.text);
    let first = first.split("\n\n").next().unwrap_or("");
    crate::markdown::to_plain(first).single_spaced()
}

/// Whether `sentence` is a heading of `text`: a paragraph printed bold and whole ("**Kutia
/// 3: Udhëzime specifike për plotësimin e Formularit për MR 1 …**").
fn heading(text: &str, sentence: &str) -> bool {
    let sentence = sentence.trim().trim_end_matches('.');
    text.split("\n\n").map(str::trim).any(|p| {
        p.len() > 4
            && p.starts_with("**")
            && p.ends_with("**")
            && crate::markdown::to_plain(p)
                .single_spaced()
                .trim_end_matches('.')
                == sentence
    })
}

/// The sentences of the step that hold the words naming the correct forms of a "which
/// form?" (each link's `named` words), in the order printed; none where a link has none.
/// Where those words stand in a box's heading, the heading is quoted with a sentence of the
/// step that names the form as a form ("… një kopje e formularit të plotësuar të referimit
/// …"): the heading alone is no sentence (review 44, Q-6), the sentence alone does not
/// name which form (read-47b, M-4).
pub(super) fn form_sentences(
    cx: &Cx,
    step: &crate::pipeline::model::Step,
    question: &quiz::Question,
) -> Option<String> {
    let mut sentences: Vec<String> = Vec::new();
    for c in question.choices.iter().filter(|c| c.correct) {
        let Answer::Form(id) = &c.answer else {
            continue;
        };
        let link = step.form_links.iter().find(|l| &l.form == id && l.named)?;
        let sentence = quiz::normative_sentence(&step.text, link.words.as_deref()?)?;
        let form = cx.hb.forms.iter().find(|f| &f.id == id);
        // The heading is what names the form ("Kutia 3: … Formularit për MR 1: Referimi i
        // rastit", read-47b M-4): it is quoted, with the sentence that names it as a form.
        let also = match form {
            Some(f) if heading(&step.text, &sentence) => super::feedback::sentences(&step.text)
                .into_iter()
                .find(|s| {
                    !heading(&step.text, s)
                        && s.lowered().contains(FORM_WORD)
                        && crate::form_words::name_form(s, f.code.as_deref(), &f.title)
                }),
            _ => None,
        };
        for sentence in std::iter::once(sentence).chain(also) {
            if !sentences.iter().any(|s| s.contains(&sentence)) {
                sentences.retain(|s| !sentence.contains(s.as_str()));
                sentences.push(sentence);
            }
        }
    }
    (!sentences.is_empty())
        .then(|| quiz::join_in_order(std::slice::from_ref(&step.text), &sentences))
}

/// The stem of the word a sentence of the source names a form by ("Formulari",
/// "formularit të plotësuar").
const FORM_WORD: &str = "formular";

/// The sentence of the step's normative text that holds `needle` (a timing's words), with
/// the sentence before it where it does not say who acts (`quiz::normative_passage`) and
/// the timing binds someone.
pub(super) fn timing_sentence(
    hb: &crate::pipeline::model::Handbook,
    step: &crate::pipeline::model::Step,
    needle: &str,
) -> Option<String> {
    // A timing the source binds no one to (`actors: []`, no persons) has no actor a
    // sentence before could name: "nevojitet veprim i menjëhershëm" (003:2099-2100) is quoted
    // without "… nuk ka rrezik të menjëhershëm …" (003:2098) before it (adversary 47, L-2).
    let no_one = step
        .timing
        .iter()
        .any(|t| t.text == needle && t.named && t.actors.is_empty() && t.persons.is_empty());
    quiz::normative_passage(&step.text, needle, |sentence| {
        let named = quiz::names(hb, sentence);
        !no_one && !step.actors.is_empty() && !step.actors.iter().any(|a| named.contains(a))
    })
}

/// A by-when's `sentence` where a time word stands outside its timing's words ("Në situatë
/// të rrezikut të lartë dhe të menjëhershëm, … PMF-ja inicion …, duke njoftuar menjëherë
/// …", 001:971-976: a risk, not a deadline): quoted from the last name, before the timing's
/// words, of a role the timing binds, the words before it left out ("[…]"), where that
/// leaves time words only in the timing's words (adversary 48 L-5). Else the sentence.
pub(super) fn from_its_actor(
    cx: &Cx,
    step: &crate::pipeline::model::Step,
    t: &crate::pipeline::model::Timing,
    sentence: String,
    tw: &super::TimeWords,
) -> String {
    let words = crate::text::single_spaced(&t.text);
    // Time words outside every timing's words of the step ("… të paktën 2 herë …, të
    // paktën 1 herë" are two deadlines of one sentence, 003), in `s`.
    // (Each piece of an elided quote, `text::quote`.)
    let all: Vec<String> = step
        .timing
        .iter()
        .flat_map(|o| crate::text::quote::pieces(&o.text))
        .collect();
    let outside = |s: &str| {
        let mut masked = s.to_string();
        for w in all.iter().filter(|w| !w.is_empty()) {
            masked = masked.replace(w.as_str(), " ");
        }
        masked
            .split(|c: char| !crate::text::is_word_char(c))
            .any(|w| !w.is_empty() && tw.timed(w))
    };
    if !crate::text::quote::stands_in(&sentence, &words) || !outside(&sentence) {
        return sentence;
    }
    let ids = t.bound_actors(&step.actors);
    let roles = cx.hb.roles.iter().filter(|r| ids.contains(&r.id));
    let (mut titles, mut abbrs) = (Vec::new(), Vec::new());
    for r in roles {
        titles.push(r.title.as_str());
        titles.extend(r.named_by.iter().map(String::as_str));
        abbrs.extend(r.abbr.iter().chain(&r.abbr_variants).map(String::as_str));
    }
    let names = crate::text::names::role_names(titles, abbrs);
    let (text, spans) = crate::text::names::named_spans(&sentence, &names);
    let Some(at) = crate::text::quote::find(&text, &words) else {
        return sentence;
    };
    match spans.iter().rev().find(|&&(s, _)| s < at) {
        Some(&(start, _)) if start > 0 && !outside(&text[start..]) => {
            format!("{} {}", super::giveaway::OMITTED, &text[start..])
        }
        _ => sentence,
    }
}

/// Whether `text` names a correct answer of `question`: by its title (`quiz::names`), its
/// abbreviation, the words of a person, or the first two words of its title in a row
/// ("punonjësi social" for "Punonjës social në Njësi Administrative").
pub(super) fn names_answer(cx: &Cx, question: &quiz::Question, text: &str) -> bool {
    let named = quiz::names(cx.hb, text);
    let words = content_words(text);
    question
        .choices
        .iter()
        .filter(|c| c.correct)
        .any(|c| match &c.answer {
            Answer::Role(id) => {
                named.contains(id)
                    || super::proof::title_opens_in_row(
                        &content_words(&choice_text(cx, &c.answer)),
                        &words,
                    )
            }
            Answer::Person(words) => text.contains(words.as_str()),
            _ => false,
        })
}

/// The first sentence of the step's normative text for which `named` holds.
pub(super) fn naming_sentence(
    step: &crate::pipeline::model::Step,
    named: impl Fn(&str) -> bool,
) -> Option<String> {
    let normative = crate::markdown::normative(&step.text);
    normative.split("\n\n").find_map(|para| {
        let plain = crate::markdown::to_plain(para);
        let plain = plain.single_spaced();
        crate::text::sentences(&plain)
            .into_iter()
            .map(|s| s.trim().trim_end_matches('.').to_string())
            .find(|s| named(s))
    })
}

/// The sentences of the step's normative text (no example, no footnote) in which a
/// correct answer of a "who?" acts: for each answer the first that names it (its title,
/// abbreviation or printed names) as the one who acts (`quiz::acts_in`), or where a
/// person's words stand; in the order printed, each
/// once. None where no answer acts in any: "Plani i shërbimit … kontratë morale midis …
/// Menaxherit të Rastit" names the case manager as a party, not as who plans (review 43,
/// M4).
pub(super) fn acting_sentences(
    cx: &Cx,
    step: &crate::pipeline::model::Step,
    question: &quiz::Question,
) -> Option<String> {
    // The step's normative sentences, cut as the feedback cuts them.
    let all = super::feedback::sentences(&step.text);
    let mut found: Vec<String> = Vec::new();
    for c in question.choices.iter().filter(|c| c.correct) {
        // Named there by its own names (not a word of them: "punonjësit e gjendjes civile"
        // are no social workers), in the case of the one who acts.
        let acts = |t: &String| match &c.answer {
            Answer::Role(id) => {
                quiz::names(cx.hb, t).contains(id) && quiz::acts_in(cx.hb, id, t) == Some(true)
            }
            Answer::Person(words) => t.contains(words.as_str()),
            _ => false,
        };
        if let Some(t) = all.iter().find(|t| acts(t))
            && !found.contains(t)
        {
            found.push(t.clone());
        }
    }
    (!found.is_empty()).then(|| quiz::join_in_order(std::slice::from_ref(&step.text), &found))
}

/// The quote with the words of a correct choice that single it out (`singled_out`)
/// blanked, the one the quote holds least often first, until none do.
pub(super) fn blank_singling(quote: &str, correct: &[String], wrong: &[String]) -> String {
    let mut quote = quote.to_string();
    let words: Vec<String> = correct.iter().flat_map(|c| content_words(c)).collect();
    for _ in 0..words.len() {
        let held = singled_out(&quote, correct, wrong);
        if held.is_empty() {
            break;
        }
        let count = |w: &String| {
            content_words(&quote)
                .iter()
                .filter(|q| word_stem(q) == word_stem(w))
                .count()
        };
        let Some(pick) = words
            .iter()
            .filter(|w| held.contains(&word_stem(w)) && count(w) > 0)
            .min_by_key(|w| count(w))
        else {
            break;
        };
        // Every word the give-away rule takes for it ("rishikuar" for "Rishikimi").
        let next = super::blank::blank_stem(&quote, &word_stem(pick));
        if next == quote {
            break;
        }
        quote = next;
    }
    quote
}

/// How many content words open a sentence that `opening` compares.
pub(super) const OPENING: usize = 6;

/// The first `OPENING` content words of a quote, as the give-away rule compares them: two
/// quotes that open alike quote the same sentence.
pub(super) fn opening(whole: &str) -> Vec<String> {
    content_words(whole)
        .iter()
        .take(OPENING)
        .map(|w| word_stem(w))
        .collect()
}

/// Whether `q` asks how long something lasts: one answer, a length of time ("nuk zgjat më
/// shumë se një orë" is asked "Sa zgjat …?", not "Deri kur …?", review 39 F10).
pub(super) fn lasts(q: &quiz::Question) -> bool {
    q.ask == quiz::Ask::When
        && !q.multiple()
        && q.choices
            .iter()
            .filter(|c| c.correct)
            .all(|c| matches!(&c.answer, Answer::Timing(t) if t.kind == "duration"))
}

/// The pack's message for a question's stem, each named whole: what it asks, whether more
/// than one answer is right, and whether the step is named by its printed label ("pikën ç)")
/// or by its number ("hapin 4").
pub(super) fn stem_key(ask: quiz::Ask, many: bool, item: bool) -> &'static str {
    use quiz::Ask::*;
    match (ask, many, item) {
        (Who, false, false) => "quiz_who",
        (Who, true, false) => "quiz_who_many",
        (Who, false, true) => "quiz_who_item",
        (Who, true, true) => "quiz_who_many_item",
        (When, false, false) => "quiz_when",
        (When, true, false) => "quiz_when_many",
        (When, false, true) => "quiz_when_item",
        (When, true, true) => "quiz_when_many_item",
        (Form, false, false) => "quiz_form",
        (Form, true, false) => "quiz_form_many",
        (Form, false, true) => "quiz_form_item",
        (Form, true, true) => "quiz_form_many_item",
    }
}
