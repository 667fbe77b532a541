//! The sharded index read as the browser reads it (theme/static/search-engine.js): the
//! manifest, then only the term shards of the query's words and the document shards of
//! the results shown. `doracak search` ranks through it, so the terminal and the site
//! read the same files the same way.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io;

use rustc_hash::FxHashMap;
use serde::Deserialize;

use super::analyzer::Analysis;
use super::index::{
    MIN_PREFIX, PREFIX_TERMS, SYNONYM_WEIGHT, all_of, alternatives, form_key, parse, parse_forms,
};
use super::shards::{DIR, MANIFEST, SHARD_SUFFIX, VERSION, shard_prefix};

#[derive(Deserialize)]
struct Manifest {
    v: u32,
    kinds: Vec<String>,
    #[serde(rename = "docsPerShard")]
    docs_per_shard: usize,
    shards: Vec<String>,
    /// The sets of synonyms (`content/synonyms.yaml`), each entry's terms.
    #[serde(default)]
    syn: Vec<Vec<Vec<String>>>,
    analysis: ManifestAnalysis,
}

#[derive(Deserialize)]
struct ManifestAnalysis {
    /// Present where a query is read through the word forms the term shards carry.
    #[serde(default)]
    forms: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct TermShard {
    terms: Vec<String>,
    /// Each term's postings as base-64 varints (`super::postings`); an older index's arrays
    /// of numbers are refused as not strings.
    post: Vec<String>,
    /// English and the Snowball languages: the word forms of this shard's range.
    #[serde(default)]
    forms: BTreeMap<String, String>,
}

/// One document of a document shard.
#[derive(Deserialize, Clone, Debug)]
pub struct DocRow {
    pub id: String,
    pub kind: usize,
    pub url: String,
    pub title: String,
    pub text: String,
}

#[derive(Deserialize)]
struct DocShard {
    docs: Vec<DocRow>,
}

/// Where the shards come from: a file's bytes by its address in the site.
pub type Load<'l> = Box<dyn FnMut(&str) -> io::Result<Vec<u8>> + 'l>;

/// A sharded index being read.
pub struct Reader<'l> {
    load: Load<'l>,
    analysis: Analysis,
    manifest: Manifest,
    terms: HashMap<usize, TermShard>,
    docs: HashMap<usize, Vec<DocRow>>,
    /// The word forms of the term shards read so far (`ready`), and those shards.
    forms: BTreeMap<String, String>,
    forms_of: HashSet<usize>,
    /// The addresses of the files read, in order (the manifest first).
    pub loaded: Vec<String>,
}

/// A term's postings read from term shard `k`.
fn decode(k: usize, post: &str) -> io::Result<Vec<u32>> {
    let nums = super::postings::decode(post).map_err(|e| invalid(&format!("{DIR}t{k}.js"), e))?;
    // (document step, score and kind) pairs: an odd count is a list cut or added to, whose
    // pairs would all be read shifted (adversary 50 L-5).
    if nums.len() % 2 == 1 {
        return Err(invalid(
            &format!("{DIR}t{k}.js"),
            "postings that are not pairs of numbers".to_string(),
        ));
    }
    Ok(nums)
}

fn invalid(what: &str, e: impl std::fmt::Display) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("{what}: {e}"))
}

impl<'l> Reader<'l> {
    /// Open the index through `load`, reading its manifest.
    pub fn open(analysis: Analysis, mut load: Load<'l>) -> io::Result<Reader<'l>> {
        let text = load(MANIFEST)?;
        let text = std::str::from_utf8(&text).map_err(|e| invalid(MANIFEST, e))?;
        let json = text
            .split_once("window.DORACAK_SEARCH = ")
            .and_then(|(_, rest)| rest.trim_end().strip_suffix(';'))
            .ok_or_else(|| invalid(MANIFEST, "not a search manifest"))?;
        let manifest: Manifest = serde_json::from_str(json).map_err(|e| invalid(MANIFEST, e))?;
        if manifest.v != VERSION {
            return Err(invalid(
                MANIFEST,
                format!(
                    "an index of layout version {}; this doracak reads version {VERSION}: build the site again",
                    manifest.v
                ),
            ));
        }
        Ok(Reader {
            load,
            analysis,
            manifest,
            terms: HashMap::new(),
            docs: HashMap::new(),
            forms: BTreeMap::new(),
            forms_of: HashSet::new(),
            loaded: vec![MANIFEST.to_string()],
        })
    }

    /// The kinds' names, in the order postings and rows number them.
    pub fn kinds(&self) -> &[String] {
        &self.manifest.kinds
    }

    fn shard<T: serde::de::DeserializeOwned>(&mut self, short: &str) -> io::Result<T> {
        let name = format!("{DIR}{short}.js");
        let bytes = (self.load)(&name)?;
        self.loaded.push(name.clone());
        let text = std::str::from_utf8(&bytes).map_err(|e| invalid(&name, e))?;
        let json = text
            .strip_prefix(&shard_prefix(short))
            .and_then(|t| t.strip_suffix(SHARD_SUFFIX))
            .ok_or_else(|| invalid(&name, "not a search shard"))?;
        serde_json::from_str(json).map_err(|e| invalid(&name, e))
    }

    /// The term shard whose range holds `term`.
    fn shard_of(&self, term: &str) -> usize {
        self.manifest
            .shards
            .partition_point(|first| first.as_str() <= term)
            .saturating_sub(1)
    }

    fn term_shard(&mut self, k: usize) -> io::Result<&TermShard> {
        if !self.terms.contains_key(&k) {
            let shard = self.shard(&format!("t{k}"))?;
            self.terms.insert(k, shard);
        }
        Ok(&self.terms[&k])
    }

    /// Document `d` of the index.
    pub fn doc(&mut self, d: usize) -> io::Result<&DocRow> {
        let per = self.manifest.docs_per_shard.max(1);
        let k = d / per;
        if !self.docs.contains_key(&k) {
            let shard: DocShard = self.shard(&format!("d{k}"))?;
            self.docs.insert(k, shard.docs);
        }
        self.docs[&k]
            .get(d % per)
            .ok_or_else(|| invalid("search index", format!("no document {d}")))
    }

    /// The postings of `term` (weight 1) and, when it is the word being typed, of the
    /// terms it begins (weight ½, at most `PREFIX_TERMS`, the exact term not twice).
    fn postings(&mut self, term: &str, last: bool) -> io::Result<Vec<(Vec<u32>, f64)>> {
        let mut out = Vec::new();
        if self.manifest.shards.is_empty() {
            return Ok(out);
        }
        let mut k = self.shard_of(term);
        let shard = self.term_shard(k)?;
        let mut at = shard.terms.partition_point(|t| t.as_str() < term);
        let found = shard.terms.get(at).is_some_and(|t| t == term);
        if found {
            out.push((decode(k, &shard.post[at])?, 1.0));
        }
        if !(last && term.chars().all(crate::text::is_letter)) {
            return Ok(out);
        }
        let mut count = 0;
        while count < PREFIX_TERMS {
            let shard = self.term_shard(k)?;
            if at == shard.terms.len() {
                let next = self.manifest.shards.get(k + 1);
                if !next.is_some_and(|f| f.starts_with(term)) {
                    break;
                }
                k += 1;
                at = 0;
                continue;
            }
            if !shard.terms[at].starts_with(term) {
                break;
            }
            if !(found && count == 0) {
                out.push((decode(k, &shard.post[at])?, 0.5));
            }
            count += 1;
            at += 1;
        }
        Ok(out)
    }

    /// The query's words as the index reads them, each with whether it is being typed:
    /// through the word forms the term shards carry where the index has them (the term
    /// shards that hold each word and its prefixes are read first, as the browser's
    /// `ready` does), else by the analyzer (`index::parse`).
    pub fn parse(&mut self, query: &str) -> io::Result<Vec<(String, bool)>> {
        if self.manifest.analysis.forms.is_none() || self.manifest.shards.is_empty() {
            return Ok(parse(self.analysis, query));
        }
        let mut need = Vec::new();
        super::analyzer::spans(query, |from, to, _| {
            let key = form_key(&query[from..to]);
            let ends: Vec<usize> = key
                .char_indices()
                .map(|(i, _)| i)
                .chain([key.len()])
                .collect();
            let n = ends.len() - 1;
            for k in (MIN_PREFIX.min(n)..=n).rev() {
                let shard = self.shard_of(&key[..ends[k]]);
                if !need.contains(&shard) {
                    need.push(shard);
                }
            }
        });
        for k in need {
            self.term_shard(k)?;
            if self.forms_of.insert(k) {
                let forms = std::mem::take(&mut self.terms.get_mut(&k).expect("read").forms);
                self.forms.extend(forms);
            }
        }
        let (forms, terms) = (&self.forms, &self.terms);
        let shards = &self.manifest.shards;
        let shard = |t: &str| {
            shards
                .partition_point(|first| first.as_str() <= t)
                .saturating_sub(1)
        };
        let indexed = |t: &str| {
            terms
                .get(&shard(t))
                .is_some_and(|s| s.terms.binary_search_by(|x| x.as_str().cmp(t)).is_ok())
        };
        // A term begins with `p` in the shard of its range, or the next shard's first does.
        let begins = |p: &str| {
            let k = shard(p);
            terms.get(&k).is_some_and(|s| {
                let i = s.terms.partition_point(|t| t.as_str() < p);
                match s.terms.get(i) {
                    Some(t) => t.starts_with(p),
                    None => shards.get(k + 1).is_some_and(|f| f.starts_with(p)),
                }
            })
        };
        Ok(parse_forms(
            self.analysis,
            query,
            |key| forms.get(key).map(String::as_str),
            indexed,
            begins,
        ))
    }

    /// The terms the synonyms of a query's `terms` bring in (`content/synonyms.yaml`): the
    /// words a result may hold in their stead, to be highlighted as the typed ones are.
    pub fn synonym_terms(&self, terms: &[String]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for alt in alternatives(terms, &self.manifest.syn)
            .into_iter()
            .flatten()
        {
            for t in alt {
                if !out.contains(&t) && !terms.contains(&t) {
                    out.push(t);
                }
            }
        }
        out
    }

    /// Rank the documents for `query` as the whole index does (`Ranking::rank`): best
    /// first, ties in document order, as (document, score, kind).
    pub fn rank(&mut self, query: &str) -> io::Result<Vec<(usize, f64, usize)>> {
        let words = self.parse(query)?;
        let terms: Vec<String> = words.iter().map(|(t, _)| t.clone()).collect();
        let alternatives = alternatives(&terms, &self.manifest.syn);
        let mut totals: FxHashMap<usize, (f64, usize, usize)> = FxHashMap::default();
        for (k, (term, last)) in words.iter().enumerate() {
            let mut per: FxHashMap<usize, (f64, usize)> = FxHashMap::default();
            let lists = self.postings(term, *last)?;
            // The word's synonyms count as the word, a little less: a phrase where all of
            // its words are in the document, by their mean score (`Ranking::rank`).
            for alt in &alternatives[k] {
                let mut each = Vec::new();
                let mut kinds = FxHashMap::default();
                for s in alt {
                    let mut docs = Vec::new();
                    for (list, weight) in self.postings(s, false)? {
                        if weight == 1.0 {
                            let mut doc = 0usize;
                            for pair in list.chunks_exact(2) {
                                doc += pair[0] as usize;
                                docs.push((doc, f64::from(pair[1] / 16)));
                                kinds.insert(doc, (pair[1] % 16) as usize);
                            }
                        }
                    }
                    each.push(docs);
                }
                for (d, s) in all_of(&each) {
                    let s = s * SYNONYM_WEIGHT;
                    let e = per.entry(d).or_insert((s, kinds[&d]));
                    if e.0 < s {
                        e.0 = s;
                    }
                }
            }
            for (list, weight) in lists {
                let mut doc = 0usize;
                for pair in list.chunks_exact(2) {
                    doc += pair[0] as usize;
                    let s = f64::from(pair[1] / 16) * weight;
                    let kind = (pair[1] % 16) as usize;
                    let e = per.entry(doc).or_insert((s, kind));
                    if e.0 < s {
                        e.0 = s;
                    }
                }
            }
            for (d, (s, kind)) in per {
                let e = totals.entry(d).or_insert((0.0, 0, kind));
                e.0 += s;
                e.1 += 1;
            }
        }
        let n = words.len() as f64;
        let mut out: Vec<(usize, f64, usize)> = totals
            .into_iter()
            .map(|(d, (score, matched, kind))| (d, score * (matched as f64 / n).powi(3), kind))
            .collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(out)
    }
}
