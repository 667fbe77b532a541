//! The names of a question's correct roles: every name the source prints for each (the
//! give-away rule checks them), and the same person's under another title (blanked).

use super::{
    Answer, Cx, blank_abbr, blank_phrases, blank_runs, choice_text, content_words, quiz, word_stem,
};

/// The printed names of a question's correct roles: (phrases, abbreviations).
pub type Printed = (Vec<String>, Vec<String>);

/// Every name the source prints for each correct role of `question` (`Role::title`,
/// `Role::named_by`) and its abbreviations, the words the give-away rule checks.
pub(super) fn printed_names(cx: &Cx, question: &quiz::Question) -> Printed {
    let mut phrases = Vec::new();
    let mut abbrs = Vec::new();
    for c in question.choices.iter().filter(|c| c.correct) {
        if let Answer::Role(id) = &c.answer
            && let Some(r) = cx.hb.roles.iter().find(|r| &r.id == id)
        {
            phrases.push(r.title.clone());
            phrases.extend(r.named_by.iter().cloned());
            abbrs.extend(r.abbr.iter().chain(&r.abbr_variants).cloned());
        }
    }
    (phrases, abbrs)
}

/// The roles that are correct answers of `question`, and the same persons under another
/// title (`Role::same_as`).
fn correct_ids<'a>(
    hb: &'a crate::pipeline::model::Handbook,
    question: &'a quiz::Question,
) -> Vec<&'a str> {
    let mut ids: Vec<&str> = Vec::new();
    for c in question.choices.iter().filter(|c| c.correct) {
        if let Answer::Role(id) = &c.answer {
            ids.push(id);
            ids.extend(quiz::same_person(hb, id));
        }
    }
    ids
}

/// The names of what is not a correct answer of `question`: every other role's title, the
/// other words the source names it by and its institution ("Njësia Administrative"), and
/// the glossary's terms; a word standing in one of them names that, not the answer.
pub(super) fn other_names(cx: &Cx, question: &quiz::Question) -> Vec<String> {
    let hb = cx.hb;
    let ids = correct_ids(hb, question);
    let mut out = Vec::new();
    for r in hb.roles.iter().filter(|r| !ids.contains(&r.id.as_str())) {
        out.push(r.title.clone());
        out.extend(r.named_by.iter().cloned());
        out.extend(
            r.sections
                .iter()
                .filter(|s| s.key == "institution")
                .map(|s| {
                    s.text
                        .trim_matches(|c: char| !crate::text::is_word_char(c))
                        .to_string()
                }),
        );
    }
    let own: Vec<&str> = hb
        .roles
        .iter()
        .filter(|r| ids.contains(&r.id.as_str()))
        .map(|r| r.title.as_str())
        .collect();
    out.extend(
        hb.glossary
            .definitions
            .iter()
            .map(|t| t.term.clone())
            .filter(|t| !own.contains(&t.as_str())),
    );
    out.retain(|n| !n.trim().is_empty());
    out
}

/// The words that name the correct roles of `question`, to be blanked: each role's title
/// and the other words the source names it by, and the same of the same person under
/// another title (`Role::same_as`); and their abbreviations.
fn role_names(cx: &Cx, question: &quiz::Question) -> (Vec<String>, Vec<String>) {
    let hb = cx.hb;
    let ids = correct_ids(hb, question);
    let mut phrases = Vec::new();
    let mut abbrs = Vec::new();
    for r in hb.roles.iter().filter(|r| ids.contains(&r.id.as_str())) {
        phrases.push(r.title.clone());
        phrases.extend(r.named_by.iter().cloned());
        abbrs.extend(r.abbr.iter().chain(&r.abbr_variants).cloned());
    }
    // The longest first: "Punonjësi i mbrojtjes së fëmijës" before "Punonjësi".
    phrases.sort_by_key(|p| std::cmp::Reverse(p.chars().count()));
    (phrases, abbrs)
}

/// The quote with the names of the correct roles blanked (`role_names`): their phrases,
/// inflected, and their abbreviations ("PMF-ja"), never a lone word they share with it.
///
/// The first word of a name stands for it where no wrong choice has it ("Komisioni
/// thirret …", "Sekretariati i AP-së …" for the commission and the secretariat).
pub(super) fn blank_roles(cx: &Cx, question: &quiz::Question, quote: &str) -> String {
    let (phrases, abbrs) = role_names(cx, question);
    let mut out = quote.to_string();
    for a in &abbrs {
        out = blank_abbr(&out, a);
    }
    let out = blank_phrases(&out, &phrases);
    // A run of a correct answer's words in another order names it too ("plan individual
    // të riintegrimit"): a role's or a form's title.
    let titles: Vec<String> = question
        .choices
        .iter()
        .filter(|c| c.correct)
        .filter_map(|c| match &c.answer {
            Answer::Form(id) => Some(cx.titles.form_link(id).title),
            Answer::Role(_) => Some(choice_text(cx, &c.answer)),
            _ => None,
        })
        .collect();
    let mut out = blank_runs(&out, &titles);
    // A correct form's code ("formatit A5", "A3/A4"): the code is the answer.
    for c in question.choices.iter().filter(|c| c.correct) {
        if let Answer::Form(id) = &c.answer {
            let code = cx
                .hb
                .forms
                .iter()
                .find(|f| &f.id == id)
                .and_then(|f| f.code.clone());
            for code in std::iter::once(id.clone()).chain(code) {
                out = blank_abbr(&out, &code);
            }
        }
    }
    // No correct role's name (a "by when?"): no head to blank either.
    if phrases.is_empty() {
        return out;
    }
    // Only a wrong choice's head noun keeps a correct one's in the stem: "menaxhimin" of
    // the Kosovo table does not make "Menaxheri" ask anything (review 39, F4).
    let wrong: std::collections::HashSet<String> = question
        .choices
        .iter()
        .filter(|c| !c.correct)
        .filter_map(|c| {
            content_words(&choice_text(cx, &c.answer))
                .into_iter()
                .next()
        })
        .map(|w| word_stem(&w))
        .collect();
    // A head stands alone for a name printed as a title, with a capital ("Komisioni",
    // "Sekretariati"); never the first word of words the source names it by inside a
    // sentence ("personave" of "personave përgjegjës që kanë bërë identifikimin fillestar",
    // 001:827, which is the persons assessed in "vlerësimin e situatës së personave",
    // 001:607: adversary 47, M-3).
    let heads: Vec<String> = phrases
        .iter()
        .filter(|p| p.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|p| content_words(p).into_iter().next())
        .filter(|w| !wrong.contains(&word_stem(w)))
        .collect();
    blank_phrases(&out, &heads)
}
