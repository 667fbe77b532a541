//! "… bëhet nga vetë drejtuesi ose nga persona të tjerë përgjegjës brenda secilit ofrues
//! shërbimesh" (000:1095-1099): where a sentence lets other responsible people within a
//! body act, no one of that body is a wrong answer to its "who?" (review 45, Q-8).

use crate::text::TextExt;

use std::collections::BTreeSet;

use super::{Answer, Handbook, members_of, word_stem};

/// The words that open such an allowance, before the body they name ("… brenda secilit
/// ofrues shërbimesh").
const OTHERS_WITHIN: &[&str] = &[
    "persona të tjerë përgjegjës brenda",
    "personat e tjerë përgjegjës brenda",
    "other responsible persons within",
];

/// The roles whose title's content words all begin words of `text` (by `word_stem`: "ofrues
/// shërbimesh" for "Ofruesi i shërbimit").
fn titled_in(hb: &Handbook, text: &str) -> Vec<String> {
    let words: BTreeSet<String> = super::content_words(text)
        .iter()
        .map(|w| word_stem(w))
        .collect();
    hb.roles
        .iter()
        .filter(|r| {
            let title: Vec<String> = super::content_words(&r.title)
                .iter()
                .map(|w| word_stem(w))
                .collect();
            !title.is_empty() && title.iter().all(|w| words.contains(w))
        })
        .map(|r| r.id.clone())
        .collect()
}

/// The answer keys no "who?" of `text` may offer as wrong: the bodies a sentence of `text`
/// lets "other responsible persons within" act for, and all their members (`members_of`).
pub fn within_allowed(hb: &Handbook, text: &str) -> BTreeSet<String> {
    let joined = text.single_spaced();
    let lower = joined.lowered();
    // Where the sentence ends, as every quote cuts it (`text::sentence_breaks`: never after
    // "nr." or "p.sh."), found in the text's own case.
    let breaks = match lower.len() == joined.len() {
        true => crate::text::sentence_breaks(&joined),
        false => lower.match_indices(". ").map(|(i, _)| i).collect(),
    };
    let mut out = BTreeSet::new();
    for opening in OTHERS_WITHIN {
        let Some(at) = lower.find(opening) else {
            continue;
        };
        let from = at + opening.len();
        let end = breaks
            .iter()
            .copied()
            .find(|&b| b >= from)
            .unwrap_or(lower.len());
        let sentence = &lower[from..end];
        for body in titled_in(hb, sentence) {
            out.extend(
                members_of(hb, &body)
                    .into_iter()
                    .map(|m| Answer::Role(m).key()),
            );
            out.insert(Answer::Role(body).key());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::within_allowed;

    #[test]
    fn the_allowance_runs_to_its_sentences_end_past_an_abbreviation() {
        // The sentence is cut where every quote cuts it: "nr." ends none, so the body named
        // after it ("ofrues … shërbimesh") is the allowance's.
        let hb = super::super::tests::shipped();
        let ofruesi = hb
            .roles
            .iter()
            .find(|r| r.title == "Ofruesi i shërbimit")
            .map(|r| super::Answer::Role(r.id.clone()).key())
            .expect("the provider");
        let text = "Vlerësimi bëhet nga persona të tjerë përgjegjës brenda secilit ofrues nr. 2 \
                    të shërbimeve. Tjetër.";
        assert!(within_allowed(hb, text).contains(&ofruesi));
        // The sentence after its end is no part of it.
        let text = "Vlerësimi bëhet nga persona të tjerë përgjegjës brenda qendrës. Ofruesi i \
                    shërbimeve e miraton.";
        assert!(!within_allowed(hb, text).contains(&ofruesi));
    }
}
