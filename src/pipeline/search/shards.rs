//! The browser's search index in shards, as Pagefind lays its index out: a small manifest
//! (`search-index.js`, setting `window.DORACAK_SEARCH`) and, under `search-index/`, term
//! shards by term range and document shards by document number. Each shard is a script
//! that hands its data to `Doracak.search.loaded(name, data)`, so the browser loads it by
//! injecting a `<script>`, which works from `file://` where fetching JSON would not; a
//! search loads only the shards of its words and of the documents it shows.
//!
//! ```text
//! search-index.js  window.DORACAK_SEARCH = { v: 4, analysis: {…}, kinds: [name…],
//!                    docs: N, docsPerShard: D, shards: [first term of each term shard…],
//!                    counts: [terms in each term shard…], dir: "search-index/",
//!                    syn: [[[term…]…]…],  // the sets of synonyms (content/synonyms.yaml),
//!                                         // each entry (a word or a phrase) as its terms
//!                    prefixes: [prefix…] };  // short prefixes' best documents (prefixes.rs)
//! search-index/tK.js  Doracak.search.loaded("tK", { terms: [term…],   // sorted
//!                       words: ["form form…"…],                      // written forms
//!                       post: ["varints"…],  // docDelta, score * 16 + kind, …
//!                                                // in base 64 (postings.rs)
//!                       forms: { form: term… } });       // English, Snowball languages
//! search-index/dK.js  Doracak.search.loaded("dK", { docs: [[id, kind, url, title, text]…] });
//! ```
//!
//! Term shard K holds the terms from `shards[K]` up to `shards[K + 1]`; a term's postings
//! are never split. Document shard K holds documents `K * D ..< (K + 1) * D`. The kind rides
//! in each posting so that filtering by kind needs no document shard.

use std::io;

use serde::Serialize;

use super::analyzer::{Analysis, DERIVATIONAL, MAX_STRIPS, MIN_STEM, SUFFIXES};
use super::index::{Figures, Ranking};
use super::{Doc, Kind};

/// The manifest's address in the site.
pub const MANIFEST: &str = "search-index.js";
/// The folder of the shards.
pub const DIR: &str = "search-index/";
/// Documents per document shard.
pub const DOCS_PER_SHARD: usize = 128;
/// About how many bytes of postings a term shard held in version 3 (one term's may be
/// more), by which the shards are still cut (`digits`).
const SHARD_BYTES: usize = 48 * 1024;
/// The version of the layout, for readers: 4 since the postings are strings of base-64
/// varints (`super::postings`), where 3 had arrays of decimal numbers. A reader refuses
/// any other (reader.rs, search-engine.js).
pub const VERSION: u32 = 4;

/// The prefix and suffix around a shard's JSON.
pub fn shard_prefix(name: &str) -> String {
    format!("Doracak.search.loaded(\"{name}\",")
}
pub const SHARD_SUFFIX: &str = ");\n";

/// The whole index, ready to be written shard by shard or read one shard at a time.
pub struct ShardSet<'a> {
    ranking: Ranking<'a>,
    /// The index of the first term of each term shard.
    starts: Vec<usize>,
    /// Each document's kind, as its index in `Kind::ALL`.
    kinds: Vec<u32>,
    /// English and the Snowball languages: the word forms (folded) with their terms, by
    /// term shard: a form sits in the shard whose term range holds it.
    forms: Option<Vec<Vec<(String, String)>>>,
    /// The short prefixes' best documents (`super::prefixes`).
    prefixes: Vec<super::prefixes::Prefix>,
}

/// How many characters a number took in the decimal JSON of version 3: the shards are
/// still cut by that measure, so each holds the terms it held then (and the short prefixes
/// with a shard of their own are the same), in about half the bytes.
fn digits(n: u32) -> usize {
    n.checked_ilog10().unwrap_or(0) as usize + 1
}

fn kind_index(k: Kind) -> usize {
    Kind::ALL.iter().position(|x| *x == k).unwrap_or(0)
}

impl<'a> ShardSet<'a> {
    /// Analyse `docs` and cut the terms into shards.
    pub fn new(docs: &'a [Doc], analysis: Analysis) -> ShardSet<'a> {
        ShardSet::of(Ranking::new(docs, analysis))
    }

    /// The same, a query's words expanded to the handbook's sets of synonyms
    /// (`content/synonyms.yaml`), which the manifest carries: a few sets, small.
    pub fn with_synonyms(
        docs: &'a [Doc],
        analysis: Analysis,
        synonyms: &[Vec<String>],
    ) -> ShardSet<'a> {
        ShardSet::of(Ranking::new(docs, analysis).with_synonyms(synonyms))
    }

    /// Cut the terms of `ranking` into shards.
    pub fn of(ranking: Ranking<'a>) -> ShardSet<'a> {
        let mut starts = vec![0];
        let mut bytes = 0;
        for (i, post) in ranking.post.iter().enumerate() {
            let size = ranking.terms[i].len()
                + ranking.words[i].len()
                + 8
                + post.iter().map(|&n| digits(n) + 2).sum::<usize>();
            if bytes > 0 && bytes + size > SHARD_BYTES {
                starts.push(i);
                bytes = 0;
            }
            bytes += size;
        }
        if ranking.terms.is_empty() {
            starts.clear();
        }
        let kinds: Vec<u32> = ranking
            .kinds
            .iter()
            .map(|&k| kind_index(k) as u32)
            .collect();
        let forms = ranking.forms.as_ref().map(|all| {
            let mut by_shard = vec![Vec::new(); starts.len().max(1)];
            let firsts: Vec<&str> = starts.iter().map(|&i| ranking.terms[i].as_str()).collect();
            for (form, term) in all {
                let k = firsts
                    .partition_point(|f| *f <= form.as_str())
                    .saturating_sub(1);
                by_shard[k].push((form.clone(), term.clone()));
            }
            by_shard
        });
        let prefixes = super::prefixes::build(&ranking, &starts, &kinds);
        ShardSet {
            ranking,
            starts,
            kinds,
            forms,
            prefixes,
        }
    }

    pub fn ranking(&self) -> &Ranking<'a> {
        &self.ranking
    }

    /// How many term and document shards there are.
    pub fn counts(&self) -> (usize, usize) {
        (self.starts.len(), self.kinds.len().div_ceil(DOCS_PER_SHARD))
    }

    /// Every file's address in the site: the manifest, the term shards, the document shards.
    pub fn names(&self) -> Vec<String> {
        let (t, d) = self.counts();
        let mut out = vec![MANIFEST.to_string()];
        out.extend((0..t).map(|k| format!("{DIR}t{k}.js")));
        out.extend((0..d).map(|k| format!("{DIR}d{k}.js")));
        out.extend((0..self.prefixes.len()).map(|k| format!("{DIR}p{k}.js")));
        out
    }

    /// Write every file through `put(address, bytes)`.
    pub fn write(&self, put: &mut dyn FnMut(&str, &[u8]) -> io::Result<()>) -> io::Result<Figures> {
        self.write_files(put, true)
    }

    /// Write every file through `put`, the documents' shards only where `docs` (a build
    /// that made the index a document at a time wrote them as it went: `super::stream`).
    pub(super) fn write_files(
        &self,
        put: &mut dyn FnMut(&str, &[u8]) -> io::Result<()>,
        docs: bool,
    ) -> io::Result<Figures> {
        let mut bytes = 0u64;
        let mut buf = Vec::new();
        for name in self.names() {
            if !docs && name.starts_with(&format!("{DIR}d")) {
                continue;
            }
            buf.clear();
            self.file_into(&name, &mut buf)?;
            bytes += buf.len() as u64;
            put(&name, &buf)?;
        }
        Ok(Figures {
            docs: self.kinds.len(),
            terms: self.ranking.terms.len(),
            postings: self.ranking.postings,
            bytes,
        })
    }

    /// One file by its address (`search-index.js`, `search-index/t3.js` …), or `None`.
    pub fn file(&self, name: &str) -> Option<Vec<u8>> {
        let mut buf = Vec::new();
        self.file_into(name, &mut buf).ok()?;
        Some(buf)
    }

    fn file_into(&self, name: &str, out: &mut Vec<u8>) -> io::Result<()> {
        if name == MANIFEST {
            return self.manifest(out);
        }
        let not_found = || io::Error::new(io::ErrorKind::NotFound, name.to_string());
        let short = name
            .strip_prefix(DIR)
            .and_then(|n| n.strip_suffix(".js"))
            .ok_or_else(not_found)?;
        let (kind, k) = short.split_at(1);
        let k: usize = k.parse().map_err(|_| not_found())?;
        out.extend_from_slice(shard_prefix(short).as_bytes());
        match kind {
            "t" if k < self.starts.len() => self.term_shard(k, out)?,
            "d" if k < self.counts().1 => self.doc_shard(k, out)?,
            "p" if k < self.prefixes.len() => self.prefix_shard(k, out)?,
            _ => return Err(not_found()),
        }
        out.extend_from_slice(SHARD_SUFFIX.as_bytes());
        Ok(())
    }

    fn term_range(&self, k: usize) -> std::ops::Range<usize> {
        let end = self
            .starts
            .get(k + 1)
            .copied()
            .unwrap_or(self.ranking.terms.len());
        self.starts[k]..end
    }

    fn term_shard(&self, k: usize, out: &mut Vec<u8>) -> io::Result<()> {
        let r = self.term_range(k);
        let kinds = &self.kinds;
        let mut nums = Vec::new();
        let post: Vec<String> = self.ranking.post[r.clone()]
            .iter()
            .map(|list| {
                let mut doc = 0usize;
                nums.clear();
                nums.extend(list.chunks_exact(2).flat_map(|pair| {
                    doc += pair[0] as usize;
                    // A posting's score and its document's kind in one number.
                    [pair[0], pair[1] * 16 + kinds[doc]]
                }));
                super::postings::encode(&nums)
            })
            .collect();
        #[derive(Serialize)]
        struct Shard<'s> {
            terms: &'s [String],
            words: &'s [String],
            post: Vec<String>,
            /// English and the Snowball languages: form → term ("" for a stop word), for
            /// the forms in this shard's range, so the browser needs no stemmer.
            #[serde(skip_serializing_if = "Option::is_none")]
            forms: Option<serde_json::Map<String, serde_json::Value>>,
        }
        let forms = self.forms.as_ref().map(|f| {
            f.get(k)
                .into_iter()
                .flatten()
                .map(|(form, term)| (form.clone(), serde_json::Value::from(term.as_str())))
                .collect()
        });
        let shard = Shard {
            terms: &self.ranking.terms[r.clone()],
            words: &self.ranking.words[r],
            post,
            forms,
        };
        serde_json::to_writer(out, &shard).map_err(io::Error::other)
    }

    fn prefix_shard(&self, k: usize, out: &mut Vec<u8>) -> io::Result<()> {
        let p = &self.prefixes[k];
        #[derive(Serialize)]
        struct Shard {
            top: Vec<u32>,
            complete: bool,
        }
        let top = p
            .top
            .iter()
            .flat_map(|&(d, s, kind)| [d, s, kind])
            .collect();
        serde_json::to_writer(
            out,
            &Shard {
                top,
                complete: p.complete,
            },
        )
        .map_err(io::Error::other)
    }

    fn doc_shard(&self, k: usize, out: &mut Vec<u8>) -> io::Result<()> {
        let docs = self.ranking.docs;
        let end = ((k + 1) * DOCS_PER_SHARD).min(docs.len());
        doc_shard(&docs[k * DOCS_PER_SHARD..end], out)
    }

    fn manifest(&self, out: &mut Vec<u8>) -> io::Result<()> {
        let analysis = self.ranking.analysis;
        // Serialised from borrowed data.
        #[derive(Serialize)]
        struct Analyzed<'s> {
            language: Analysis,
            stop: &'s [&'s str],
            suffixes: &'s [&'s str],
            derivational: &'s [&'s str],
            #[serde(rename = "minStem")]
            min_stem: usize,
            #[serde(rename = "maxStrips")]
            max_strips: usize,
            /// English and the Snowball languages: filled in the browser from the term
            /// shards' forms.
            #[serde(skip_serializing_if = "Option::is_none")]
            forms: Option<serde_json::Map<String, serde_json::Value>>,
        }
        #[derive(Serialize)]
        struct Manifest<'s> {
            v: u32,
            analysis: Analyzed<'s>,
            kinds: Vec<&'s str>,
            docs: usize,
            #[serde(rename = "docsPerShard")]
            docs_per_shard: usize,
            shards: Vec<&'s str>,
            counts: Vec<usize>,
            dir: &'s str,
            /// The sets of synonyms, each entry analysed into its terms.
            syn: &'s Vec<Vec<Vec<String>>>,
            /// The short prefixes with a shard of their best documents (`pK.js`).
            prefixes: Vec<&'s str>,
        }
        let albanian = analysis == Analysis::Albanian;
        let data = Manifest {
            v: VERSION,
            analysis: Analyzed {
                language: analysis,
                stop: analysis.stop_words(),
                suffixes: if albanian { SUFFIXES } else { &[] },
                derivational: if albanian { DERIVATIONAL } else { &[] },
                min_stem: MIN_STEM,
                max_strips: MAX_STRIPS,
                forms: self.forms.as_ref().map(|_| serde_json::Map::new()),
            },
            kinds: Kind::ALL.iter().map(|k| k.name()).collect(),
            docs: self.kinds.len(),
            docs_per_shard: DOCS_PER_SHARD,
            shards: self
                .starts
                .iter()
                .map(|&i| self.ranking.terms[i].as_str())
                .collect(),
            counts: (0..self.starts.len())
                .map(|k| self.term_range(k).len())
                .collect(),
            dir: DIR,
            syn: &self.ranking.synonyms,
            prefixes: self.prefixes.iter().map(|p| p.prefix.as_str()).collect(),
        };
        out.extend_from_slice(
            b"// Generated by doracak: the manifest of this handbook's search index.\nwindow.DORACAK_SEARCH = ",
        );
        serde_json::to_writer(&mut *out, &data).map_err(io::Error::other)?;
        out.extend_from_slice(b";\n");
        Ok(())
    }
}

/// A document shard's data: its documents, `DOCS_PER_SHARD` of them but the last shard's.
fn doc_shard(docs: &[Doc], out: &mut Vec<u8>) -> io::Result<()> {
    let rows: Vec<(&str, usize, &str, &str, &str)> = docs
        .iter()
        .map(|d| {
            (
                d.id.as_str(),
                kind_index(d.kind),
                d.url.as_str(),
                d.title.as_str(),
                d.text.as_str(),
            )
        })
        .collect();
    #[derive(Serialize)]
    struct Shard<'s> {
        docs: Vec<(&'s str, usize, &'s str, &'s str, &'s str)>,
    }
    serde_json::to_writer(out, &Shard { docs: rows }).map_err(io::Error::other)
}

/// The file of document shard `k` holding `docs` (`search-index/dK.js`): its address and
/// bytes into `out`.
pub(super) fn doc_shard_file(k: usize, docs: &[Doc], out: &mut Vec<u8>) -> io::Result<String> {
    let short = format!("d{k}");
    out.extend_from_slice(shard_prefix(&short).as_bytes());
    doc_shard(docs, out)?;
    out.extend_from_slice(SHARD_SUFFIX.as_bytes());
    Ok(format!("{DIR}{short}.js"))
}
