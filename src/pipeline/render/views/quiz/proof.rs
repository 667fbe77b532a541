//! Whether a "who?"'s feedback proves its answer: for every correct choice, the quote names
//! it, the same person by another title, or a correct group it belongs to (or a correct
//! member of it, the group note saying either is enough) (read-47b, M-5). Held for every
//! "who?" of a step, not only one whose stem was its title (c50b).

use super::{Answer, Cx, choice_text, content_words, quiz, word_stem};

/// Whether `source` (the feedback's quote) names every correct choice of `question`, a
/// "who?"; any other question is proved by its own rules.
pub(super) fn proves(cx: &Cx, question: &quiz::Question, source: &str) -> bool {
    unnamed(cx, question, source).is_empty()
}

/// Whether `sentence` names the correct choice `j` of `question` by the words the model
/// knows for it: its title, abbreviations or printed names (`quiz::names`, the same person
/// under another title too); every content word of its title, inflected and in any order
/// ("detyrat e strukturës përgjegjëse për shërbimet e kujdesit shoqëror, të krijuar pranë
/// bashkisë", 002:82); or the head word of its title, inflected, where no other choice of
/// the question has that head, so the reader tells which choice it is ("Sekretariati i
/// AP-së", "Komisioni shqyrton:"); a group defined as every institution the source names,
/// by any of them.
pub(super) fn names_choice(cx: &Cx, question: &quiz::Question, j: usize, sentence: &str) -> bool {
    let c = &question.choices[j];
    let id = match &c.answer {
        Answer::Role(id) => id.as_str(),
        Answer::Person(words) => return sentence.contains(words.as_str()),
        _ => return true,
    };
    let named = quiz::names(cx.hb, sentence);
    if named.contains(id) || quiz::same_person(cx.hb, id).any(|p| named.contains(p)) {
        return true;
    }
    // A group the source defines as every institution it names (A/IPM, 001:366-370) is
    // named by any of them ("Punonjësit e arsimit në GTN …").
    if cx.hb.roles.iter().any(|r| r.id == id && r.names_all) && !named.is_empty() {
        return true;
    }
    let words = content_words(sentence);
    let stems: std::collections::BTreeSet<String> = words.iter().map(|w| word_stem(w)).collect();
    let title = content_words(&choice_text(cx, &c.answer));
    if !title.is_empty() && title.iter().all(|w| stems.contains(&word_stem(w))) {
        return true;
    }
    // The first two words of its title in a row, as the feedback finds them ("punonjësi
    // social do t'a referojë …" for "Punonjësi social përgjegjës", 000:1846-1849).
    if title_opens_in_row(&title, &words) {
        return true;
    }
    let head = |text: &str| {
        content_words(text)
            .first()
            .map(|h| crate::text::names::inflection_stem(h))
    };
    let Some(h) = head(&choice_text(cx, &c.answer)) else {
        return false;
    };
    let shared = question
        .choices
        .iter()
        .enumerate()
        .filter(|(k, _)| *k != j)
        .filter_map(|(_, o)| head(&choice_text(cx, &o.answer)))
        .any(|o| word_stem(&o) == word_stem(&h));
    !shared
        && words
            .iter()
            .any(|w| w.starts_with(h.as_str()) && w.chars().count() <= h.chars().count() + 4)
}

/// The correct choices of `question` (a "who?" of a step, a section or a criterion) that
/// `source` does not name
/// (`names_choice`), nor a correct group of theirs, nor a correct member (the group note
/// saying either is enough); their indices. None for any other question.
pub(super) fn unnamed(cx: &Cx, question: &quiz::Question, source: &str) -> Vec<usize> {
    if question.ask != quiz::Ask::Who {
        return Vec::new();
    }
    let members = super::group_members(cx, question, source);
    let in_group = |j: usize| -> Vec<usize> {
        // The groups `j` is a member of and its own members: either answers for it.
        let mut with: Vec<usize> = members[j].clone();
        with.extend((0..members.len()).filter(|&g| members[g].contains(&j)));
        with
    };
    let correct: Vec<usize> = (0..question.choices.len())
        .filter(|&j| question.choices[j].correct)
        .collect();
    let named: Vec<usize> = correct
        .iter()
        .copied()
        .filter(|&j| names_choice(cx, question, j, source))
        .collect();
    correct
        .into_iter()
        .filter(|&j| !named.contains(&j) && !in_group(j).iter().any(|k| named.contains(k)))
        .collect()
}

/// Whether the first two content words of a choice's `title` stand in a row among a
/// text's content `words`, inflected ("punonjësi social" for "Punonjës social në Njësi
/// Administrative"): how a quote and a feedback name a role by the head of its title.
pub(super) fn title_opens_in_row(title: &[String], words: &[String]) -> bool {
    let two: Vec<String> = title.iter().take(2).map(|w| word_stem(w)).collect();
    let in_row: Vec<String> = words.iter().map(|w| word_stem(w)).collect();
    two.len() == 2 && in_row.windows(2).any(|w| w == two.as_slice())
}
