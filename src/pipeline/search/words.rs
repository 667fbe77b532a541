//! A query's words as the index reads them: analysed (`parse`), or through the word forms
//! the index carries (`known_form`, `parse_forms`); the alternatives its synonyms give,
//! and the documents holding every term. Shared by the whole index (`index::Ranking`) and
//! the sharded reader; each has its twin in theme/static/search-engine.js.

use crate::text::TextExt;

use std::collections::BTreeMap;

use tantivy::tokenizer::TokenStream;

use super::Doc;
use super::analyzer::Analysis;

/// For each of a query's terms, in order, the alternatives its synonyms give (each the
/// terms of another entry of a set): wherever an entry of a set (a word, or a phrase's
/// words in a row) stands in the query, every word it covers may be matched by the set's
/// other entries instead. The browser's twin: `alternatives` in search-engine.js.
pub fn alternatives(terms: &[String], sets: &[Vec<Vec<String>>]) -> Vec<Vec<Vec<String>>> {
    let mut out: Vec<Vec<Vec<String>>> = vec![Vec::new(); terms.len()];
    for set in sets {
        for (e, entry) in set.iter().enumerate() {
            if entry.is_empty() || entry.len() > terms.len() {
                continue;
            }
            for i in 0..=terms.len() - entry.len() {
                if terms[i..i + entry.len()] != entry[..] {
                    continue;
                }
                for (f, other) in set.iter().enumerate() {
                    for alts in &mut out[i..i + entry.len()] {
                        if f != e && !alts.contains(other) {
                            alts.push(other.clone());
                        }
                    }
                }
            }
        }
    }
    out
}

/// The documents that hold every one of `lists` (each a term's (document, score), in
/// document order), with the mean of their scores, summed in the lists' order.
pub fn all_of(lists: &[Vec<(usize, f64)>]) -> Vec<(usize, f64)> {
    let Some((first, rest)) = lists.split_first() else {
        return Vec::new();
    };
    let n = lists.len() as f64;
    first
        .iter()
        .filter_map(|&(d, s)| {
            let mut sum = s;
            for l in rest {
                let i = l.partition_point(|p| p.0 < d);
                let (od, os) = *l.get(i)?;
                if od != d {
                    return None;
                }
                sum += os;
            }
            Some((d, sum / n))
        })
        .collect()
}

/// How many terms a word being typed may stand for (the browser's cap).
pub const PREFIX_TERMS: usize = 64;

/// The query's words as analysed terms, each with whether it is the word still being
/// typed (the last, when the query does not end in a space or a mark): the browser's
/// `parse`. Stop words are gone; a stop word typed last leaves no word being typed.
pub fn parse(analysis: Analysis, query: &str) -> Vec<(String, bool)> {
    let typing = query.chars().last().is_some_and(crate::text::is_word_char);
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

/// A word as the index keys its forms (`forms`): folded, lowercased, Arabic unified as the
/// analyzer reads it (`formKey` in search-engine.js).
pub fn form_key(word: &str) -> String {
    let mut key = crate::text::fold(word).lowered();
    crate::text::normalize_arabic(&mut key);
    key
}

/// The term of a query word `key` (`form_key`) where the index carries its word forms,
/// and whether it is read as a prefix (as a word being typed is), or `None` for a stop
/// word. A known form gives the term the build's analyzer gave it. A form the handbook
/// does not have, made only of letters, takes its longest prefix of at least
/// `MIN_PREFIX` letters that is a known form (that form's term) or an indexed term
/// ("recruiting" → "recruit", the term of "recruitment"); failing that, its longest
/// prefix of at least `MIN_BEGINNING` letters that begins an indexed term, read as a
/// prefix ("writing" → "writ…", reaching "write"); else it stays as it is. `form(key)`:
/// the term of a known form ("" for a stop word); `term(t)`: whether `t` is indexed;
/// `begins(p)`: whether an indexed term begins with `p`. The browser's twin: `knownForm`.
pub fn known_form<'f>(
    key: &str,
    form: impl Fn(&str) -> Option<&'f str>,
    term: impl Fn(&str) -> bool,
    begins: impl Fn(&str) -> bool,
) -> Option<(String, bool)> {
    if let Some(t) = form(key) {
        return (!t.is_empty()).then(|| (t.to_string(), false));
    }
    if key.chars().all(crate::text::is_letter) {
        let ends: Vec<usize> = key
            .char_indices()
            .map(|(i, _)| i)
            .chain([key.len()])
            .collect();
        let n = ends.len() - 1;
        for k in (MIN_PREFIX..n).rev() {
            let p = &key[..ends[k]];
            match form(p) {
                Some(t) if !t.is_empty() => return Some((t.to_string(), false)),
                _ if term(p) => return Some((p.to_string(), false)),
                _ => {}
            }
        }
        for k in (MIN_BEGINNING..=n).rev() {
            let p = &key[..ends[k]];
            if begins(p) {
                return Some((p.to_string(), true));
            }
        }
    }
    Some((key.to_string(), false))
}

/// The fewest letters a prefix standing for an unseen form has (`known_form`).
pub const MIN_PREFIX: usize = 3;
/// The fewest letters of an unseen form read as the beginning of longer terms.
pub const MIN_BEGINNING: usize = 4;

/// `parse` for an index that carries its word forms: each word of the query read through
/// them (`known_form`), the analyzer's stop words dropped first, as the browser's `parse`.
/// A word read as a prefix counts as one being typed.
pub fn parse_forms<'f>(
    analysis: Analysis,
    query: &str,
    form: impl Fn(&str) -> Option<&'f str>,
    term: impl Fn(&str) -> bool,
    begins: impl Fn(&str) -> bool,
) -> Vec<(String, bool)> {
    let typing = query.chars().last().is_some_and(crate::text::is_word_char);
    let mut tokens = Vec::new();
    super::analyzer::spans(query, |from, to, _| tokens.push((from, to)));
    let n = tokens.len();
    let mut out = Vec::new();
    for (i, &(from, to)) in tokens.iter().enumerate() {
        let folded = crate::text::fold(&query[from..to]).lowered();
        if analysis.stop_words().contains(&folded.as_str()) {
            continue;
        }
        let mut key = folded;
        crate::text::normalize_arabic(&mut key);
        if let Some((t, prefix)) = known_form(&key, &form, &term, &begins) {
            out.push((t, prefix || (typing && i + 1 == n)));
        }
    }
    out
}

/// Every word form of `docs` (folded, lowercased) with the term the analyzer makes of it
/// ("" for a stop word); a compound's parts are forms of their own. Only what is indexed:
/// the handbook's words of a title, never the interface's ("Criterion", "Kriteri").
pub fn forms(docs: &[Doc], analysis: Analysis) -> BTreeMap<String, String> {
    let mut a = analysis.analyzer();
    let mut out = BTreeMap::new();
    for doc in docs {
        add_forms(&mut out, &mut a, doc);
    }
    out
}

/// Add the word forms of `doc` to `out` ([`forms`]), analysed by `a`.
pub(super) fn add_forms(
    out: &mut BTreeMap<String, String>,
    a: &mut tantivy::tokenizer::TextAnalyzer,
    doc: &Doc,
) {
    use tantivy::tokenizer::{TokenStream, Tokenizer};
    let mut splitter = super::analyzer::Splitter;
    for text in [&doc.indexed_title, &doc.text] {
        let mut words = splitter.token_stream(text);
        while words.advance() {
            let word = words.token().text.clone();
            // Arabic words are looked up unified (tatweel, alef and ta marbuta forms,
            // the و and ال prefixes), as the analyzer reads them, so that a form the
            // handbook has only with its article is found without it in the browser
            // too (`formKey` in search-engine.js).
            let key = form_key(&word);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unseen_form_takes_a_known_form_an_indexed_term_or_a_beginning() {
        let forms: BTreeMap<String, String> = [("report", "report"), ("the", "")]
            .into_iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        let terms = ["recruit", "report", "write"];
        let read = |key: &str| {
            known_form(
                key,
                |k| forms.get(k).map(String::as_str),
                |t| terms.contains(&t),
                |p| terms.iter().any(|t| t.starts_with(p)),
            )
        };
        assert_eq!(read("the"), None, "a stop word");
        assert_eq!(
            read("reporting"),
            Some(("report".into(), false)),
            "a known form"
        );
        assert_eq!(
            read("recruiting"),
            Some(("recruit".into(), false)),
            "a term"
        );
        assert_eq!(read("writing"), Some(("writ".into(), true)), "a beginning");
        assert_eq!(
            read("zebra"),
            Some(("zebra".into(), false)),
            "nothing known"
        );
        assert_eq!(
            read("rep2"),
            Some(("rep2".into(), false)),
            "not only letters"
        );
    }
}
