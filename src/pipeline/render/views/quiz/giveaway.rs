//! The give-away rules beyond every word of an answer standing in its stem: a correct
//! role's head noun that no wrong choice shares, and the words of a correct choice that
//! together single it out (review 39, F4).

use super::blank::telling;
use crate::pipeline::model::quiz::{content_words, inflection_stem, stems, word_stem};

/// The first content word of a choice (its head noun: "menaxheri" of "Menaxheri i rastit"),
/// as an inflected form of it begins (`inflection_stem`).
fn head(text: &str) -> Option<String> {
    content_words(telling(text))
        .first()
        .map(|w| inflection_stem(w))
}

/// The head nouns of correct choices that stand in `quote`, inflected ("Menaxheri",
/// "menaxherin"), where no wrong choice has the same head: "Menaxheri informon …" tells
/// "Menaxheri i rastit" among the psychologist and the authority (review 39, F4).
pub fn heads_kept(quote: &str, correct: &[String], wrong: &[String]) -> Vec<String> {
    let words = content_words(quote);
    // Heads compared by their first letters ("Drejtues/kryesues …", "Drejtuesi i qendrës").
    let wrong: std::collections::BTreeSet<String> = wrong
        .iter()
        .filter_map(|w| head(w))
        .map(|h| word_stem(&h))
        .collect();
    correct
        .iter()
        .filter_map(|c| head(c))
        .filter(|h| {
            !wrong.contains(&word_stem(h))
                && words.iter().any(|w| {
                    w.starts_with(h.as_str()) && w.chars().count() <= h.chars().count() + 4
                })
        })
        .collect()
}

/// The words of a correct choice that `quote` holds where they single it out: no wrong
/// choice has them all ("deklaratën e pranimit … fëmijën" holds "pranim" and "fëmij" of
/// "C3 — Formular pranimi … për fëmijë", which no other form has both of; review 39, F4).
pub fn singled_out(quote: &str, correct: &[String], wrong: &[String]) -> Vec<String> {
    let in_quote = stems(quote);
    let wrong: Vec<std::collections::BTreeSet<String>> =
        wrong.iter().map(|w| stems(telling(w))).collect();
    let mut out = Vec::new();
    for c in correct {
        let held: std::collections::BTreeSet<String> = stems(telling(c))
            .into_iter()
            .filter(|w| in_quote.contains(w))
            .collect();
        if !held.is_empty() && wrong.iter().all(|w| !held.is_subset(w)) {
            out.extend(held);
        }
    }
    out
}
