//! The best documents of the words of one or two letters, precomputed: a word being typed
//! finds the terms it begins (up to 64), and for a short word those spread over many term
//! shards (on a thousand standards, "r" reached 26 shards, 1.6 MB, before its first
//! result). For each such prefix a small shard `search-index/pK.js` holds its best
//! documents, ranked exactly as the browser ranks them from the term shards: the term
//! itself counts whole, the other terms it begins half, a document's best posting counts.
//!
//! ```text
//! search-index/pK.js  Doracak.search.loaded("pK", { top: [doc, score * 2, kind, …],
//!                       complete: bool });   // every matching document, or the best TOP
//! ```
//! The manifest lists the prefixes (`prefixes: [prefix…]`, K is the place in that list).

use super::index::Ranking;

/// How many terms a word being typed reaches (search-engine.js `postingsFor`).
const PREFIX_TERMS: usize = 64;
/// How many documents a prefix shard holds at most: the search page's limit.
pub const TOP: usize = 200;

/// One short prefix's best documents: (document, score × 2, kind), best first.
pub struct Prefix {
    pub prefix: String,
    pub top: Vec<(u32, u32, u32)>,
    pub complete: bool,
}

/// The prefixes of one or two letters whose terms reach across more than one term shard
/// (`starts`: the first term of each shard), with their best documents. Stop words and
/// words with synonyms are left out (the browser takes the whole path for them).
pub fn build(ranking: &Ranking, starts: &[usize], kinds: &[u32]) -> Vec<Prefix> {
    let terms = &ranking.terms;
    let stop = ranking.analysis.stop_words();
    let mut wanted: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    for t in terms {
        for n in 1..=2 {
            let Some((end, _)) = t.char_indices().nth(n - 1) else {
                continue;
            };
            let end = end + t[end..].chars().next().map_or(0, char::len_utf8);
            let p = &t[..end];
            if p.chars().all(crate::text::is_letter) {
                wanted.insert(p);
            }
        }
    }
    let shard_of = |i: usize| starts.partition_point(|&s| s <= i).saturating_sub(1);
    // Each document's best score for the prefix so far; -1: not reached.
    let mut best = vec![-1i64; ranking.kinds.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut out = Vec::new();
    for p in wanted {
        if stop.contains(&p)
            || ranking
                .synonyms
                .iter()
                .any(|set| set.iter().any(|entry| entry.len() == 1 && entry[0] == p))
        {
            continue;
        }
        let at = terms.partition_point(|t| t.as_str() < p);
        let reach = terms[at..]
            .iter()
            .take(PREFIX_TERMS)
            .take_while(|t| t.starts_with(p))
            .count();
        if reach == 0 || shard_of(at) == shard_of(at + reach - 1) {
            continue;
        }
        let exact = terms[at] == p;
        for i in at..at + reach {
            let weight = if exact && i == at { 2 } else { 1 };
            let mut doc = 0usize;
            for pair in ranking.post[i].chunks_exact(2) {
                doc += pair[0] as usize;
                if best[doc] < 0 {
                    touched.push(doc as u32);
                }
                best[doc] = best[doc].max(i64::from(pair[1]) * weight);
            }
        }
        let mut ranked: Vec<(u32, u32, u32)> = touched
            .iter()
            .map(|&d| (d, best[d as usize] as u32, kinds[d as usize]))
            .collect();
        for &d in &touched {
            best[d as usize] = -1;
        }
        touched.clear();
        ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let complete = ranked.len() <= TOP;
        ranked.truncate(TOP);
        // Only the best are kept: without their room for every document the prefix reached
        // (on a thousand standards, up to 2.5 MB for each of 134 prefixes, held to the end).
        ranked.shrink_to_fit();
        out.push(Prefix {
            prefix: p.to_string(),
            top: ranked,
            complete,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::search::analyzer::Analysis;
    use crate::pipeline::search::{Doc, Kind};

    /// Issue 28 (memory): a prefix keeps its best `TOP` documents and no room for every
    /// document it reached (on a thousand standards that room, up to 2.5 MB a prefix, was
    /// ~50 MiB held to the end of the build).
    #[test]
    fn a_prefix_holds_only_its_best_documents() {
        let words = ["rruga", "rrota", "rregulla", "rreziku"];
        let docs: Vec<Doc> = (0..5 * TOP)
            .map(|i| Doc {
                id: format!("d{i}"),
                kind: Kind::Criterion,
                title: String::new(),
                text: format!("{} {}", words[i % 4], words[(i / 4) % 4]),
                url: format!("d{i}.html"),
                indexed_title: String::new(),
            })
            .collect();
        let ranking = Ranking::new(&docs, Analysis::Albanian);
        // Every term a shard of its own: the prefixes reach across shards.
        let starts: Vec<usize> = (0..ranking.terms.len()).collect();
        let kinds = vec![1; docs.len()];
        let prefixes = build(&ranking, &starts, &kinds);
        assert!(!prefixes.is_empty());
        for p in &prefixes {
            assert!(!p.complete, "{}", p.prefix);
            assert_eq!(p.top.len(), TOP, "{}", p.prefix);
            assert_eq!(p.top.capacity(), TOP, "{}: room to spare", p.prefix);
        }
    }
}
