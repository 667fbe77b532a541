//! The search index in memory: every term of the handbook with its postings, each
//! posting carrying the finished score of its term in its document (BM25F over title and
//! text, times the kind's boost), so a search only adds numbers. `shards` writes it for
//! the browser in pieces; `rank` is the whole-index reference the sharded search
//! (`reader`, theme/static/search-engine.js) must agree with. A query's words are
//! expanded to their synonyms (`content/synonyms.yaml`), which travel in the manifest.

use crate::text::TextExt;

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;
use tantivy::tokenizer::TokenStream;

use super::Doc;
use super::analyzer::Analysis;
pub use super::words::{
    MIN_BEGINNING, MIN_PREFIX, PREFIX_TERMS, all_of, alternatives, form_key, forms, known_form,
    parse, parse_forms,
};

/// How many written forms of a term the index keeps for suggestions.
const MAX_FORMS: usize = 4;

/// How much a word in the title counts against one in the text.
pub const TITLE_WEIGHT: f32 = 2.5;
pub(super) const K1: f32 = 1.2;
pub(super) const B: f32 = 0.75;

/// Keep `raw` (a word as written) among the written forms of `term`, if it is a new
/// one and there is room. Forms are space-separated; comparing lowercases on the fly, so
/// a form already known costs no allocation. Whether noting `raw` again would change
/// nothing (forms and their count only grow), so a caller need not ask again.
pub(super) fn note_form(forms: &mut String, count: &mut usize, term: &str, raw: &str) -> bool {
    if *count >= MAX_FORMS {
        return true;
    }
    let same = |f: &str| raw.chars().flat_map(char::to_lowercase).eq(f.chars());
    if same(term) || forms.split(' ').any(same) {
        return true;
    }
    let form = raw.lowered();
    if form.contains(' ') {
        return true;
    }
    if !forms.is_empty() {
        forms.push(' ');
    }
    forms.push_str(&form);
    *count += 1;
    // (A final capital sigma lowercases differently alone and in a word.)
    same(&form)
}

/// What an index holds, for the build summary.
#[derive(Debug, Clone, Copy, Default)]
pub struct Figures {
    pub docs: usize,
    pub terms: usize,
    pub postings: usize,
    pub bytes: u64,
}

/// The index in memory: every term with its postings, as the browser gets them. The
/// command line ranks with it too (`rank`), so `doracak search` and the site's search
/// box give the same results in the same order.
pub struct Ranking<'a> {
    /// The documents, where they are kept (none where a build wrote their shards as it
    /// made them: `super::stream`).
    pub(super) docs: &'a [Doc],
    /// Each document's kind.
    pub(super) kinds: Vec<super::Kind>,
    pub(super) analysis: Analysis,
    pub(super) terms: Vec<String>,
    pub(super) words: Vec<String>,
    pub(super) post: Vec<Vec<u32>>,
    pub(super) postings: usize,
    /// The sets of synonyms (`content/synonyms.yaml`), each entry (a word or a phrase)
    /// analysed into its terms.
    pub(super) synonyms: Vec<Vec<Vec<String>>>,
    /// English and the Snowball languages: every word form of the handbook with its term
    /// (`forms`), by which a query is read (`parse_forms`) here, in `doracak search` and in
    /// the browser alike.
    pub(super) forms: Option<BTreeMap<String, String>>,
}

/// How much a synonym of a word counts against the word typed: nearly as much, so the
/// handbook's term and the everyday word find the same place, the typed one a little first.
pub const SYNONYM_WEIGHT: f64 = 0.9;

impl<'a> Ranking<'a> {
    /// Analyse `docs` and compute every posting's score.
    pub fn new(docs: &'a [Doc], analysis: Analysis) -> Ranking<'a> {
        let mut indexer = super::indexer::Indexer::new(analysis);
        for doc in docs {
            indexer.add(doc);
        }
        indexer.finish(docs)
    }

    /// Expand a query's words to the other entries of their sets: each entry of a set (a
    /// word or a phrase) analysed as the documents are; an entry that analyses to nothing
    /// (stop words only) and a repeated entry are left out, and so is a set left with fewer
    /// than two entries.
    pub fn with_synonyms(mut self, sets: &[Vec<String>]) -> Ranking<'a> {
        let mut a = self.analysis.analyzer();
        for set in sets {
            let mut entries: Vec<Vec<String>> = Vec::new();
            for w in set {
                let mut terms = Vec::new();
                let mut stream = a.token_stream(w);
                while stream.advance() {
                    terms.push(stream.token().text.clone());
                }
                if !terms.is_empty() && !entries.contains(&terms) {
                    entries.push(terms);
                }
            }
            if entries.len() > 1 {
                self.synonyms.push(entries);
            }
        }
        self
    }

    /// Rank the documents for `query` exactly as the browser does
    /// (`Doracak.search.search` in theme/static/search-engine.js): each query word adds
    /// the best score of its term — or, for the word being typed, of a term it begins at
    /// half weight, or of its synonyms (`SYNONYM_WEIGHT`) — and a document with more of the
    /// words ranks higher (coordination,
    /// cubed). Best first, ties in document order: (document index, score).
    pub fn rank(&self, query: &str) -> Vec<(usize, f64)> {
        let words = self.parse(query);
        let terms: Vec<String> = words.iter().map(|(t, _)| t.clone()).collect();
        let alternatives = alternatives(&terms, &self.synonyms);
        let mut totals: FxHashMap<usize, (f64, usize)> = FxHashMap::default();
        for (k, (term, last)) in words.iter().enumerate() {
            let mut per: FxHashMap<usize, f64> = FxHashMap::default();
            let exact = self.terms.partition_point(|t| t.as_str() < term.as_str());
            let found = self.terms.get(exact).is_some_and(|t| t == term);
            if found {
                self.add_postings(exact, 1.0, &mut per);
            }
            // The word's synonyms count as the word, a little less: a phrase where all of
            // its words are in the document, by their mean score.
            for alt in &alternatives[k] {
                let lists: Vec<Vec<(usize, f64)>> = alt
                    .iter()
                    .map(|s| {
                        let i = self.terms.partition_point(|t| t.as_str() < s.as_str());
                        match self.terms.get(i).is_some_and(|t| t == s) {
                            true => self.docs_of(i),
                            false => Vec::new(),
                        }
                    })
                    .collect();
                for (d, s) in all_of(&lists) {
                    let s = s * SYNONYM_WEIGHT;
                    let e = per.entry(d).or_insert(s);
                    if *e < s {
                        *e = s;
                    }
                }
            }
            if *last && term.chars().all(crate::text::is_letter) {
                let prefixed = self.terms[exact..]
                    .iter()
                    .take(PREFIX_TERMS)
                    .take_while(|t| t.starts_with(term.as_str()));
                for (k, _) in prefixed.enumerate() {
                    if !(found && k == 0) {
                        self.add_postings(exact + k, 0.5, &mut per);
                    }
                }
            }
            for (d, s) in per {
                let e = totals.entry(d).or_insert((0.0, 0));
                e.0 += s;
                e.1 += 1;
            }
        }
        let n = words.len() as f64;
        let mut out: Vec<(usize, f64)> = totals
            .into_iter()
            .map(|(d, (score, matched))| (d, score * (matched as f64 / n).powi(3)))
            .collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        out
    }

    /// Every term, in order, with its postings as (document delta, score) pairs in a row:
    /// what the term shards carry (with each document's kind), for checking them.
    pub fn postings(&self) -> impl Iterator<Item = (&str, &[u32])> {
        self.terms
            .iter()
            .zip(&self.post)
            .map(|(t, p)| (t.as_str(), p.as_slice()))
    }

    /// The query's words as this index reads them (`parse`, or `parse_forms` where the
    /// index carries its word forms).
    pub fn parse(&self, query: &str) -> Vec<(String, bool)> {
        match &self.forms {
            Some(forms) => parse_forms(
                self.analysis,
                query,
                |key| forms.get(key).map(String::as_str),
                |t| self.terms.binary_search_by(|x| x.as_str().cmp(t)).is_ok(),
                |p| {
                    let i = self.terms.partition_point(|t| t.as_str() < p);
                    self.terms.get(i).is_some_and(|t| t.starts_with(p))
                },
            ),
            None => parse(self.analysis, query),
        }
    }

    /// The documents of term `term` with its score in each, in document order.
    fn docs_of(&self, term: usize) -> Vec<(usize, f64)> {
        let mut doc = 0usize;
        self.post[term]
            .chunks_exact(2)
            .map(|pair| {
                doc += pair[0] as usize;
                (doc, f64::from(pair[1]))
            })
            .collect()
    }

    fn add_postings(&self, term: usize, weight: f64, into: &mut FxHashMap<usize, f64>) {
        let mut doc = 0usize;
        for pair in self.post[term].chunks_exact(2) {
            doc += pair[0] as usize;
            let s = f64::from(pair[1]) * weight;
            let e = into.entry(doc).or_insert(s);
            if *e < s {
                *e = s;
            }
        }
    }
}
