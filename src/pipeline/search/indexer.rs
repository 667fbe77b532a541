//! The index made a document at a time ([`Indexer`]): each document analysed as it comes
//! and then let go, so a build can write the documents' shards as it makes them and never
//! hold every document's text (on a thousand standards, 211,000 documents, ~150 MB).
//! What the ranking keeps of a document is its kind and its length.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::analyzer::Analysis;
use super::index::{B, K1, Ranking, TITLE_WEIGHT, note_form};
use super::{Doc, Kind};

/// A word as written analysed to no term (a stop word).
const NONE: u32 = u32::MAX;

/// The index so far: the terms of the documents added, with their postings as (document,
/// weight) pairs of numbers (the weight's bits), made into the finished postings in place
/// by [`Indexer::finish`], never a second copy of them all.
pub struct Indexer {
    analysis: Analysis,
    analyzer: tantivy::tokenizer::TextAnalyzer,
    /// Each distinct word as written, analysed once: its term's id, or NONE, and whether
    /// it is settled among its term's written forms (`note_form` need not see it again).
    known: FxHashMap<Box<str>, (u32, bool)>,
    ids: FxHashMap<String, u32>,
    names: Vec<String>,
    surfaces: Vec<String>,
    form_counts: Vec<usize>,
    /// A term's weight in the current document accumulates in `current`, found through
    /// `seen` (the document that last used it) and `slot` (its place in `current`).
    seen: Vec<u32>,
    slot: Vec<u32>,
    lists: Vec<Vec<u32>>,
    lens: Vec<f32>,
    kinds: Vec<Kind>,
    current: Vec<(u32, f32)>,
    /// English and the Snowball languages: every word form with its term (`words::forms`),
    /// and the analyzer that finds them.
    forms: Option<(tantivy::tokenizer::TextAnalyzer, BTreeMap<String, String>)>,
}

impl Indexer {
    pub fn new(analysis: Analysis) -> Indexer {
        Indexer {
            analysis,
            analyzer: analysis.analyzer(),
            known: FxHashMap::default(),
            ids: FxHashMap::default(),
            names: Vec::new(),
            surfaces: Vec::new(),
            form_counts: Vec::new(),
            seen: Vec::new(),
            slot: Vec::new(),
            lists: Vec::new(),
            lens: Vec::new(),
            kinds: Vec::new(),
            current: Vec::new(),
            forms: analysis
                .reads_forms()
                .then(|| (analysis.analyzer(), BTreeMap::new())),
        }
    }

    /// Analyse the next document (documents are added in order, so every posting list
    /// comes out sorted by document).
    pub fn add(&mut self, doc: &Doc) {
        let d = self.lens.len();
        let stamp = d as u32 + 1;
        self.current.clear();
        let mut len = 0.0;
        // The title's own words (not the interface's "Kriteri", "Prova") and the text.
        for (text, weight) in [
            (doc.indexed_title.as_str(), TITLE_WEIGHT),
            (doc.text.as_str(), 1.0),
        ] {
            super::analyzer::spans(text, |from, to, _| {
                let raw = &text[from..to];
                let (id, settled) = match self.known.get(raw) {
                    Some(&known) => known,
                    None => {
                        let id = match Analysis::term_of(&mut self.analyzer, raw) {
                            None => NONE,
                            Some(term) => match self.ids.get(term.as_str()) {
                                Some(&id) => id,
                                None => {
                                    let id = self.names.len() as u32;
                                    self.ids.insert(term.clone(), id);
                                    self.names.push(term);
                                    self.surfaces.push(String::new());
                                    self.form_counts.push(0);
                                    self.seen.push(0);
                                    self.slot.push(0);
                                    self.lists.push(Vec::new());
                                    id
                                }
                            },
                        };
                        self.known.insert(raw.into(), (id, false));
                        (id, false)
                    }
                };
                if id == NONE {
                    return;
                }
                let id = id as usize;
                len += weight;
                if self.seen[id] == stamp {
                    self.current[self.slot[id] as usize].1 += weight;
                    return;
                }
                self.seen[id] = stamp;
                self.slot[id] = self.current.len() as u32;
                self.current.push((id as u32, weight));
                // The first time a term appears in a document, note how it was written.
                if !settled
                    && note_form(
                        &mut self.surfaces[id],
                        &mut self.form_counts[id],
                        &self.names[id],
                        raw,
                    )
                    && let Some(known) = self.known.get_mut(raw)
                {
                    known.1 = true;
                }
            });
        }
        self.lens.push(len);
        self.kinds.push(doc.kind);
        for &(id, c) in &self.current {
            self.lists[id as usize].extend([d as u32, c.to_bits()]);
        }
        if let Some((a, forms)) = &mut self.forms {
            super::words::add_forms(forms, a, doc);
        }
    }

    /// Every posting's score (BM25F over title and text, times the kind's boost), the
    /// terms in order. `docs` are the documents added, where they are kept (the command
    /// line, the tests); a build that wrote their shards as it went passes none.
    pub fn finish(mut self, docs: &[Doc]) -> Ranking<'_> {
        let lens = &self.lens;
        let n = lens.len().max(1) as f32;
        let avg = (lens.iter().sum::<f32>() / n).max(1.0);
        let names = &mut self.names;
        let mut order: Vec<usize> = (0..names.len()).collect();
        order.sort_by(|&x, &y| names[x].cmp(&names[y]));

        let mut terms = Vec::with_capacity(names.len());
        let mut words = Vec::with_capacity(names.len());
        let mut post = Vec::with_capacity(names.len());
        let mut postings = 0;
        for i in order {
            let mut flat = std::mem::take(&mut self.lists[i]);
            let df = (flat.len() / 2) as f32;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            let mut last = 0u32;
            for pair in flat.chunks_exact_mut(2) {
                let (d, c) = (pair[0], f32::from_bits(pair[1]));
                let norm = c * (K1 + 1.0) / (c + K1 * (1.0 - B + B * lens[d as usize] / avg));
                let score = idf * norm * self.kinds[d as usize].boost();
                pair[0] = d - last;
                pair[1] = ((score * 100.0).round() as u32).max(1);
                last = d;
                postings += 1;
            }
            flat.shrink_to_fit();
            words.push(std::mem::take(&mut self.surfaces[i]));
            terms.push(std::mem::take(&mut names[i]));
            post.push(flat);
        }
        Ranking {
            docs,
            kinds: self.kinds,
            analysis: self.analysis,
            terms,
            words,
            post,
            postings,
            synonyms: Default::default(),
            forms: self.forms.map(|(_, forms)| forms),
        }
    }
}
