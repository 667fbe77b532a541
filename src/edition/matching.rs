//! Which item of the old edition is which of the new: by id first, and where ids were
//! renumbered (an inserted step moves every later step's number), by the similarity of
//! their words.

use crate::text::TextExt;

use std::collections::HashMap;

use super::items::Item;

/// How a pair was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    /// The same id (after following a renumbered parent).
    Id,
    /// Different ids, the same or similar words.
    Text,
}

impl How {
    pub fn name(self) -> &'static str {
        match self {
            How::Id => "id",
            How::Text => "text",
        }
    }
}

/// The least similarity for two items of the same id to be the same item: below it, the
/// id was reused for something else (a step inserted before it).
pub const SAME_ID_LEAST: f64 = 0.3;
/// The least similarity for two items of different ids to be the same item, renumbered.
pub const OTHER_ID_LEAST: f64 = 0.6;

/// The words of a text, lowercased, with how often each occurs.
pub fn bag(text: &str) -> HashMap<String, u32> {
    let mut m = HashMap::new();
    for w in text
        .split(|c: char| !crate::text::is_word_char(c))
        .filter(|w| !w.is_empty())
    {
        *m.entry(w.lowered()).or_insert(0) += 1;
    }
    m
}

/// The Dice coefficient of two bags of words: 1 for the same words, 0 for none shared.
pub fn similarity(a: &HashMap<String, u32>, b: &HashMap<String, u32>) -> f64 {
    let total: u32 = a.values().sum::<u32>() + b.values().sum::<u32>();
    if total == 0 {
        return 1.0;
    }
    let shared: u32 = a
        .iter()
        .map(|(w, n)| b.get(w).map_or(0, |m| (*n).min(*m)))
        .sum();
    2.0 * shared as f64 / total as f64
}

/// A pair: the index of the old item, of the new item, how it was found, the similarity.
pub type Pair = (usize, usize, How, f64);

/// Pair the old and new items of one kind. `expected(old)` is the id the old item would
/// have in the new edition if nothing but its parent's number changed. Items of the same
/// expected id and the same text pair at once; the rest pair greedily, most similar first
/// (a same-id pair counting a little more), above the thresholds.
pub fn pair(old: &[&Item], new: &[&Item], expected: &dyn Fn(&Item) -> String) -> Vec<Pair> {
    let mut pairs = Vec::new();
    let mut old_taken = vec![false; old.len()];
    let mut new_taken = vec![false; new.len()];
    let new_by_id: HashMap<&str, usize> = new
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let expected_ids: Vec<String> = old.iter().map(|o| expected(o)).collect();
    let old_texts: Vec<String> = old.iter().map(|o| o.matching_text()).collect();
    let new_texts: Vec<String> = new.iter().map(|n| n.matching_text()).collect();
    for (oi, id) in expected_ids.iter().enumerate() {
        if let Some(&ni) = new_by_id.get(id.as_str())
            && old_texts[oi] == new_texts[ni]
        {
            old_taken[oi] = true;
            new_taken[ni] = true;
            pairs.push((oi, ni, How::Id, 1.0));
        }
    }
    let old_bags: Vec<Option<HashMap<String, u32>>> = old_texts
        .iter()
        .enumerate()
        .map(|(i, t)| (!old_taken[i]).then(|| bag(t)))
        .collect();
    let new_bags: Vec<Option<HashMap<String, u32>>> = new_texts
        .iter()
        .enumerate()
        .map(|(i, t)| (!new_taken[i]).then(|| bag(t)))
        .collect();
    let mut candidates: Vec<(f64, usize, usize, How, f64)> = Vec::new();
    for (oi, ob) in old_bags.iter().enumerate() {
        let Some(ob) = ob else { continue };
        for (ni, nb) in new_bags.iter().enumerate() {
            let Some(nb) = nb else { continue };
            let sim = similarity(ob, nb);
            let same_id = expected_ids[oi] == new[ni].id;
            let (least, bonus, how) = if same_id {
                (SAME_ID_LEAST, 0.1, How::Id)
            } else {
                (OTHER_ID_LEAST, 0.0, How::Text)
            };
            if sim >= least {
                candidates.push((sim + bonus, oi, ni, how, sim));
            }
        }
    }
    // Most similar first; ties in the order of the documents.
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, oi, ni, how, sim) in candidates {
        if old_taken[oi] || new_taken[ni] {
            continue;
        }
        old_taken[oi] = true;
        new_taken[ni] = true;
        pairs.push((oi, ni, how, sim));
    }
    pairs.sort_by_key(|p| (p.1, p.0));
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_counts_shared_words() {
        let a = bag("Intervista zgjat 60 minuta.");
        let b = bag("intervista zgjat 90 minuta");
        assert!((similarity(&a, &b) - 0.75).abs() < 1e-9);
        assert_eq!(similarity(&a, &a), 1.0);
        assert_eq!(similarity(&bag("a"), &bag("b")), 0.0);
    }
}
