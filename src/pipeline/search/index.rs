//! The browser's search index: a script (`search-index.js`) that sets
//! `window.DORACAK_SEARCH`, so it loads from `file://` where a fetch of JSON would not.
//!
//! All of BM25 that does not depend on the query is computed here: each posting carries
//! the finished score of its term in its document (BM25F over title and text, times the
//! kind's boost), so the browser only adds numbers. Shape:
//!
//! ```text
//! { v, suffixes, minStem, maxStrips, kinds: [name…],
//!   docs: [[kind, url, title, text]…],       // text: what snippets need, plain
//!   terms: [term…],                          // sorted, for binary and prefix search
//!   words: ["form form…"…],                  // up to 4 written forms of each term ("" = the term)
//!   post: [[docDelta, score, docDelta, score…]…] }
//! ```

use std::io::Write;

use rustc_hash::FxHashMap;
use serde::Serialize;
use tantivy::tokenizer::TokenStream;

use super::analyzer::{self, MAX_STRIPS, MIN_STEM, SUFFIXES};
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

/// Build the index of `docs` and write it as the script `search-index.js` to `out`.
pub fn write(docs: &[Doc], out: &mut dyn Write) -> std::io::Result<Figures> {
    // Documents are analysed in order, so every posting list comes out sorted by
    // document. Terms are interned once; a term's weight in the current document
    // accumulates in `current`, found through `seen` (the document that last used it)
    // and `slot` (its place in `current`) without a per-document map.
    let mut a = analyzer::analyzer();
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
        for (text, weight) in [(&doc.title, TITLE_WEIGHT), (&doc.text, 1.0)] {
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

    let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
    let kind_index = |k: Kind| Kind::ALL.iter().position(|x| *x == k).unwrap_or(0);
    // Serialised from borrowed data: the documents' text is not copied into a JSON tree.
    #[derive(Serialize)]
    struct Data<'a> {
        v: u32,
        suffixes: &'a [&'a str],
        #[serde(rename = "minStem")]
        min_stem: usize,
        #[serde(rename = "maxStrips")]
        max_strips: usize,
        kinds: Vec<&'a str>,
        docs: Vec<(usize, &'a str, &'a str, &'a str)>,
        terms: &'a [String],
        words: &'a [String],
        post: &'a [Vec<u32>],
    }
    let data = Data {
        v: 1,
        suffixes: SUFFIXES,
        min_stem: MIN_STEM,
        max_strips: MAX_STRIPS,
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
        terms: &terms,
        words: &words,
        post: &post,
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
        terms: terms.len(),
        postings,
        bytes: counter.bytes,
    })
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
pub fn build(docs: &[Doc]) -> StaticIndex {
    let mut buf = Vec::new();
    let f = write(docs, &mut buf).expect("writing to memory does not fail");
    StaticIndex {
        script: String::from_utf8(buf).expect("JSON is UTF-8"),
        docs: f.docs,
        terms: f.terms,
        postings: f.postings,
    }
}
