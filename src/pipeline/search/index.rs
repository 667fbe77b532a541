//! The browser's search index: a script (`search-index.js`) that sets
//! `window.DORACAK_SEARCH`, so it loads from `file://` where a fetch of JSON would not.
//!
//! All of BM25 that does not depend on the query is computed here: each posting carries
//! the finished score of its term in its document (BM25F over title and text, times the
//! kind's boost), so the browser only adds numbers. Shape:
//!
//! ```text
//! { v, analysis: { language, stop: [word…], suffixes, derivational, minStem, maxStrips },
//!   kinds: [name…],
//!   docs: [[kind, url, title, text]…],       // text: what snippets need, plain
//!   terms: [term…],                          // sorted, for binary and prefix search
//!   words: ["form form…"…],                  // up to 4 written forms of each term ("" = the term)
//!   post: [[docDelta, score, docDelta, score…]…],
//!   syn: { term: [term…] } }                 // each term's synonyms (content/synonyms.yaml)
//! ```

use std::io::Write;

use rustc_hash::FxHashMap;
use serde::Serialize;
use tantivy::tokenizer::TokenStream;

use super::analyzer::{Analysis, DERIVATIONAL, MAX_STRIPS, MIN_STEM, SUFFIXES};
use super::{Doc, Kind};

/// How many written forms of a term the index keeps for suggestions.
const MAX_FORMS: usize = 4;

/// How much a word in the title counts against one in the text.
pub const TITLE_WEIGHT: f32 = 2.5;
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// The built index and its figures, for the build summary and the benchmarks.
pub struct StaticIndex {
    pub script: String,
    pub docs: usize,
    pub terms: usize,
    pub postings: usize,
}

/// Keep `raw` (a word as written) among the written forms of `term`, if it is a new
/// one and there is room. Forms are space-separated; comparing lowercases on the fly, so
/// a form already known costs no allocation.
fn note_form(forms: &mut String, count: &mut usize, term: &str, raw: &str) {
    if *count >= MAX_FORMS {
        return;
    }
    let same = |f: &str| raw.chars().flat_map(char::to_lowercase).eq(f.chars());
    if same(term) || forms.split(' ').any(same) {
        return;
    }
    let form = raw.to_lowercase();
    if form.contains(' ') {
        return;
    }
    if !forms.is_empty() {
        forms.push(' ');
    }
    forms.push_str(&form);
    *count += 1;
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
    docs: &'a [Doc],
    analysis: Analysis,
    terms: Vec<String>,
    words: Vec<String>,
    post: Vec<Vec<u32>>,
    postings: usize,
    /// Each term's synonyms, analysed (`content/synonyms.yaml`).
    synonyms: std::collections::BTreeMap<String, Vec<String>>,
}

/// How much a synonym of a word counts against the word typed: nearly as much, so the
/// handbook's term and the everyday word find the same place, the typed one a little first.
pub const SYNONYM_WEIGHT: f64 = 0.9;

/// Build the index of `docs` and write it as the script `search-index.js` to `out`.
pub fn write(docs: &[Doc], analysis: Analysis, out: &mut dyn Write) -> std::io::Result<Figures> {
    Ranking::new(docs, analysis).write(out)
}

/// The same, with the handbook's sets of synonyms.
pub fn write_with(
    docs: &[Doc],
    analysis: Analysis,
    synonyms: &[Vec<String>],
    out: &mut dyn Write,
) -> std::io::Result<Figures> {
    Ranking::new(docs, analysis)
        .with_synonyms(synonyms)
        .write(out)
}

impl<'a> Ranking<'a> {
    /// Analyse `docs` and compute every posting's score.
    pub fn new(docs: &'a [Doc], analysis: Analysis) -> Ranking<'a> {
        // Documents are analysed in order, so every posting list comes out sorted by
        // document. Terms are interned once; a term's weight in the current document
        // accumulates in `current`, found through `seen` (the document that last used it)
        // and `slot` (its place in `current`) without a per-document map.
        let mut a = analysis.analyzer();
        let mut ids: FxHashMap<String, u32> = FxHashMap::default();
        let mut names: Vec<String> = Vec::new();
        let mut surfaces: Vec<String> = Vec::new();
        let mut form_counts: Vec<usize> = Vec::new();
        let mut seen: Vec<u32> = Vec::new();
        let mut slot: Vec<u32> = Vec::new();
        let mut lists: Vec<Vec<(u32, f32)>> = Vec::new();
        let mut lens: Vec<f32> = Vec::with_capacity(docs.len());
        let mut current: Vec<(u32, f32)> = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            let stamp = d as u32 + 1;
            current.clear();
            let mut len = 0.0;
            // The title's own words (not the interface's "Kriteri", "Prova") and the text.
            for (text, weight) in [(&doc.indexed_title, TITLE_WEIGHT), (&doc.text, 1.0)] {
                let mut stream = a.token_stream(text);
                while stream.advance() {
                    let t = stream.token();
                    len += weight;
                    let id = match ids.get(t.text.as_str()) {
                        Some(&id) => id as usize,
                        None => {
                            let id = names.len();
                            ids.insert(t.text.clone(), id as u32);
                            names.push(t.text.clone());
                            surfaces.push(String::new());
                            form_counts.push(0);
                            seen.push(0);
                            slot.push(0);
                            lists.push(Vec::new());
                            id
                        }
                    };
                    if seen[id] == stamp {
                        current[slot[id] as usize].1 += weight;
                        continue;
                    }
                    seen[id] = stamp;
                    slot[id] = current.len() as u32;
                    current.push((id as u32, weight));
                    // The first time a term appears in a document, note how it was written.
                    note_form(
                        &mut surfaces[id],
                        &mut form_counts[id],
                        &names[id],
                        &text[t.offset_from..t.offset_to],
                    );
                }
            }
            lens.push(len);
            for &(id, c) in &current {
                lists[id as usize].push((d as u32, c));
            }
        }
        let n = docs.len().max(1) as f32;
        let avg = (lens.iter().sum::<f32>() / n).max(1.0);
        let mut order: Vec<usize> = (0..names.len()).collect();
        order.sort_by(|&x, &y| names[x].cmp(&names[y]));

        let mut terms = Vec::with_capacity(names.len());
        let mut words = Vec::with_capacity(names.len());
        let mut post = Vec::with_capacity(names.len());
        let mut postings = 0;
        for i in order {
            let list = &lists[i];
            let df = list.len() as f32;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            let mut flat = Vec::with_capacity(list.len() * 2);
            let mut last = 0u32;
            for &(d, c) in list {
                let norm = c * (K1 + 1.0) / (c + K1 * (1.0 - B + B * lens[d as usize] / avg));
                let score = idf * norm * docs[d as usize].kind.boost();
                flat.push(d - last);
                flat.push(((score * 100.0).round() as u32).max(1));
                last = d;
                postings += 1;
            }
            let term = std::mem::take(&mut names[i]);
            words.push(std::mem::take(&mut surfaces[i]));
            terms.push(term);
            post.push(flat);
        }
        Ranking {
            docs,
            analysis,
            terms,
            words,
            post,
            postings,
            synonyms: Default::default(),
        }
    }

    /// Expand a query's word to the other words of its set: each word of a set analysed as
    /// the documents are, a term mapped to the other terms of every set it is in.
    pub fn with_synonyms(mut self, sets: &[Vec<String>]) -> Ranking<'a> {
        let mut a = self.analysis.analyzer();
        for set in sets {
            let mut terms: Vec<String> = Vec::new();
            for w in set {
                let mut stream = a.token_stream(w);
                while stream.advance() {
                    let t = stream.token().text.clone();
                    if !terms.contains(&t) {
                        terms.push(t);
                    }
                }
            }
            for t in &terms {
                let others = self.synonyms.entry(t.clone()).or_default();
                for o in &terms {
                    if o != t && !others.contains(o) {
                        others.push(o.clone());
                    }
                }
            }
        }
        self.synonyms.retain(|_, v| !v.is_empty());
        self
    }

    /// Write the index as the script `search-index.js`.
    pub fn write(&self, out: &mut dyn Write) -> std::io::Result<Figures> {
        let docs = self.docs;
        let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
        let kind_index = |k: Kind| Kind::ALL.iter().position(|x| *x == k).unwrap_or(0);
        // Serialised from borrowed data: the documents' text is not copied into a JSON tree.
        #[derive(Serialize)]
        struct Analyzed<'a> {
            language: Analysis,
            stop: &'a [&'a str],
            suffixes: &'a [&'a str],
            derivational: &'a [&'a str],
            #[serde(rename = "minStem")]
            min_stem: usize,
            #[serde(rename = "maxStrips")]
            max_strips: usize,
            /// Snowball languages: every word form of the handbook (folded) and its term
            /// ("" for a stop word), so the browser needs no stemmer.
            #[serde(skip_serializing_if = "Option::is_none")]
            forms: Option<std::collections::BTreeMap<String, String>>,
        }
        #[derive(Serialize)]
        struct Data<'a> {
            v: u32,
            analysis: Analyzed<'a>,
            kinds: Vec<&'a str>,
            docs: Vec<(usize, &'a str, &'a str, &'a str)>,
            terms: &'a [String],
            words: &'a [String],
            post: &'a [Vec<u32>],
            syn: &'a std::collections::BTreeMap<String, Vec<String>>,
        }
        let data = Data {
            v: 2,
            analysis: Analyzed {
                language: self.analysis,
                stop: self.analysis.stop_words(),
                suffixes: if self.analysis == Analysis::Albanian {
                    SUFFIXES
                } else {
                    &[]
                },
                derivational: if self.analysis == Analysis::Albanian {
                    DERIVATIONAL
                } else {
                    &[]
                },
                min_stem: MIN_STEM,
                max_strips: MAX_STRIPS,
                forms: match self.analysis {
                    Analysis::Snowball(_) => Some(forms(self.docs, self.analysis)),
                    _ => None,
                },
            },
            kinds,
            docs: docs
                .iter()
                .map(|d| {
                    (
                        kind_index(d.kind),
                        d.url.as_str(),
                        d.title.as_str(),
                        d.text.as_str(),
                    )
                })
                .collect(),
            terms: &self.terms,
            words: &self.words,
            post: &self.post,
            syn: &self.synonyms,
        };
        let mut counter = Counter {
            inner: out,
            bytes: 0,
        };
        counter.write_all(
        b"// Generated by doracak: the search index of this handbook.\nwindow.DORACAK_SEARCH = ",
    )?;
        serde_json::to_writer(&mut counter, &data).map_err(std::io::Error::other)?;
        counter.write_all(b";\n")?;
        Ok(Figures {
            docs: docs.len(),
            terms: self.terms.len(),
            postings: self.postings,
            bytes: counter.bytes,
        })
    }

    /// Rank the documents for `query` exactly as the browser does
    /// (`Doracak.search.search` in theme/static/search-engine.js): each query word adds
    /// the best score of its term — or, for the word being typed, of a term it begins at
    /// half weight, or of its synonyms (`SYNONYM_WEIGHT`) — and a document with more of the
    /// words ranks higher (coordination,
    /// cubed). Best first, ties in document order: (document index, score).
    pub fn rank(&self, query: &str) -> Vec<(usize, f64)> {
        let words = parse(self.analysis, query);
        let mut totals: FxHashMap<usize, (f64, usize)> = FxHashMap::default();
        for (term, last) in &words {
            let mut per: FxHashMap<usize, f64> = FxHashMap::default();
            let exact = self.terms.partition_point(|t| t.as_str() < term.as_str());
            let found = self.terms.get(exact).is_some_and(|t| t == term);
            if found {
                self.add_postings(exact, 1.0, &mut per);
            }
            // The word's synonyms count as the word, a little less.
            for s in self.synonyms.get(term).into_iter().flatten() {
                let i = self.terms.partition_point(|t| t.as_str() < s.as_str());
                if self.terms.get(i).is_some_and(|t| t == s) {
                    self.add_postings(i, SYNONYM_WEIGHT, &mut per);
                }
            }
            if *last && term.chars().all(char::is_alphabetic) {
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

/// How many terms a word being typed may stand for (the browser's cap).
const PREFIX_TERMS: usize = 64;

/// The query's words as analysed terms, each with whether it is the word still being
/// typed (the last, when the query does not end in a space or a mark): the browser's
/// `parse`. Stop words are gone; a stop word typed last leaves no word being typed.
pub fn parse(analysis: Analysis, query: &str) -> Vec<(String, bool)> {
    let typing = query.chars().last().is_some_and(char::is_alphanumeric);
    let mut a = analysis.analyzer();
    let mut stream = a.token_stream(query);
    let mut out: Vec<(String, bool, usize)> = Vec::new();
    while stream.advance() {
        let t = stream.token();
        out.push((t.text.clone(), false, t.offset_to));
    }
    // The last word is being typed when it ends the query and is not a stop word.
    if typing
        && let Some(last) = out.last_mut()
        && last.2 == query.len()
    {
        last.1 = true;
    }
    out.into_iter().map(|(t, l, _)| (t, l)).collect()
}

/// A writer that counts what passes through it.
struct Counter<'a> {
    inner: &'a mut dyn Write,
    bytes: u64,
}

impl Write for Counter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// The index as a string (tests and benchmarks; the build streams it to disk).
pub fn build(docs: &[Doc], analysis: Analysis) -> StaticIndex {
    let mut buf = Vec::new();
    let f = write(docs, analysis, &mut buf).expect("writing to memory does not fail");
    StaticIndex {
        script: String::from_utf8(buf).expect("JSON is UTF-8"),
        docs: f.docs,
        terms: f.terms,
        postings: f.postings,
    }
}

/// Every word form of `docs` (folded, lowercased) with the term the analyzer makes of it
/// ("" for a stop word); a compound's parts are forms of their own.
pub fn forms(docs: &[Doc], analysis: Analysis) -> std::collections::BTreeMap<String, String> {
    use tantivy::tokenizer::{TokenStream, Tokenizer};
    let mut a = analysis.analyzer();
    let mut out = std::collections::BTreeMap::new();
    let mut splitter = super::analyzer::Splitter;
    for doc in docs {
        for text in [&doc.title, &doc.text] {
            let mut words = splitter.token_stream(text);
            while words.advance() {
                let word = words.token().text.clone();
                let mut key = crate::text::fold(&word).to_lowercase();
                if analysis == Analysis::Snowball(tantivy::tokenizer::Language::Arabic) {
                    key = key.replace('\u{0640}', "");
                }
                if out.contains_key(&key) {
                    continue;
                }
                let mut stream = a.token_stream(&word);
                let term = if stream.advance() {
                    stream.token().text.clone()
                } else {
                    String::new()
                };
                out.insert(key, term);
            }
        }
    }
    out
}
