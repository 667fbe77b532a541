//! `doracak search`: the site's search from the terminal. Results are ranked by reading
//! the very shards the browser gets (`reader::Reader` over `shards::ShardSet`), only those
//! the query needs, so the terminal and the site agree on what comes first; tantivy, with
//! the same analyzer, picks the passage to show and where the matched words are in it.

use serde::Serialize;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, RegexQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, Term, doc};

use super::Doc;
use super::analyzer::Analysis;
use super::reader::Reader;
use super::shards::ShardSet;

/// One search result.
#[derive(Debug, Serialize)]
pub struct Hit {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub url: String,
    /// The score the site's search gives this document for the query.
    pub score: f64,
    /// A passage of the text around the matched words, plain.
    pub snippet: String,
    /// Where the matched words are in `snippet`: `[start, end)` ranges counted in
    /// characters (Unicode scalar values), in order, not overlapping.
    pub highlights: Vec<[usize; 2]>,
}

/// Search `docs` (of a handbook analysed as `analysis`) for `query`; the best `limit` hits.
/// The shards are made in memory as the build writes them, each only when it is read.
pub fn search(
    docs: &[Doc],
    analysis: Analysis,
    query: &str,
    limit: usize,
) -> tantivy::Result<Vec<Hit>> {
    search_with(docs, analysis, &[], query, limit)
}

/// The same, a query's words expanded to the handbook's sets of synonyms, as the site does
/// (the sets ride in the manifest).
pub fn search_with(
    docs: &[Doc],
    analysis: Analysis,
    synonyms: &[Vec<String>],
    query: &str,
    limit: usize,
) -> tantivy::Result<Vec<Hit>> {
    let set = ShardSet::with_synonyms(docs, analysis, synonyms);
    let load = Box::new(|name: &str| {
        set.file(name)
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, name.to_string()))
    });
    let mut reader = Reader::open(analysis, load)?;
    search_shards(&mut reader, analysis, query, limit)
}

/// Search a sharded index for `query`; the best `limit` hits.
pub fn search_shards(
    reader: &mut Reader,
    analysis: Analysis,
    query: &str,
    limit: usize,
) -> tantivy::Result<Vec<Hit>> {
    let ranked: Vec<(usize, f64, usize)> = reader.rank(query)?.into_iter().take(limit).collect();
    if ranked.is_empty() {
        return Ok(Vec::new());
    }
    let kinds = reader.kinds().to_vec();
    let mut rows = Vec::with_capacity(ranked.len());
    for &(d, _, _) in &ranked {
        rows.push(reader.doc(d)?.clone());
    }
    let texts: Vec<&str> = rows.iter().map(|r| r.text.as_str()).collect();
    let words = reader.parse(query)?;
    let terms: Vec<String> = words.iter().map(|(t, _)| t.clone()).collect();
    let snippets = Snippets::new(&texts, analysis, &words, &reader.synonym_terms(&terms))?;
    Ok(ranked
        .iter()
        .zip(rows)
        .enumerate()
        .map(|(k, (&(_, score, kind), row))| {
            let (snippet, highlights) = snippets.of(k);
            Hit {
                id: row.id,
                kind: kinds.get(kind).cloned().unwrap_or_default(),
                title: row.title,
                url: row.url,
                score,
                snippet,
                highlights,
            }
        })
        .collect())
}

/// The passages of the hits, from a tantivy index of their texts.
struct Snippets {
    parts: Vec<(String, Vec<[usize; 2]>)>,
}

impl Snippets {
    /// `words`: the query's terms as the index read them, each with whether it is being
    /// typed; `also`: the terms its synonyms bring in, highlighted as the typed words are.
    fn new(
        texts: &[&str],
        analysis: Analysis,
        words: &[(String, bool)],
        also: &[String],
    ) -> tantivy::Result<Snippets> {
        let name = analysis.tokenizer_name();
        let mut sb = Schema::builder();
        let analyzed = TextOptions::default()
            .set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(name)
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            )
            .set_stored();
        let text = sb.add_text_field("text", analyzed);
        let index = Index::create_in_ram(sb.build());
        index.tokenizers().register(name, analysis.analyzer());
        let mut writer = index.writer_with_num_threads(1, 15_000_000)?;
        for t in texts {
            writer.add_document(doc!(text => t.to_string()))?;
        }
        writer.commit()?;
        let searcher = index.reader()?.searcher();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (term, last) in words {
            let tq = TermQuery::new(
                Term::from_field_text(text, term),
                IndexRecordOption::WithFreqs,
            );
            clauses.push((Occur::Should, Box::new(tq)));
            if *last
                && term.chars().all(crate::text::is_letter)
                && let Ok(rq) = RegexQuery::from_pattern(&format!("{term}.+"), text)
            {
                clauses.push((Occur::Should, Box::new(BoostQuery::new(Box::new(rq), 0.5))));
            }
        }
        for term in also {
            let tq = TermQuery::new(
                Term::from_field_text(text, term),
                IndexRecordOption::WithFreqs,
            );
            clauses.push((Occur::Should, Box::new(BoostQuery::new(Box::new(tq), 0.9))));
        }
        let q = BooleanQuery::new(clauses);
        let mut generator = SnippetGenerator::create(&searcher, &q, text)?;
        generator.set_max_num_chars(180);
        let parts = texts
            .iter()
            .map(|t| passage(&generator.snippet(t)))
            .collect();
        Ok(Snippets { parts })
    }

    fn of(&self, k: usize) -> (String, Vec<[usize; 2]>) {
        self.parts[k].clone()
    }
}

/// A snippet's fragment with its white space collapsed, and its highlighted ranges moved
/// to the collapsed text and counted in characters. A compound (G/SPIF) and its parts
/// highlight overlapping ranges: the first is kept.
fn passage(snip: &tantivy::snippet::Snippet) -> (String, Vec<[usize; 2]>) {
    let frag = snip.fragment();
    let mut marks: Vec<(usize, usize)> = Vec::new();
    for r in snip.highlighted() {
        if marks.last().is_some_and(|&(_, end)| r.start < end)
            || r.end > frag.len()
            || !frag.is_char_boundary(r.start)
            || !frag.is_char_boundary(r.end)
        {
            continue;
        }
        marks.push((r.start, r.end));
    }
    let mut text = String::with_capacity(frag.len());
    let mut ranges = Vec::with_capacity(marks.len());
    let mut chars = 0usize;
    let mut open: Option<usize> = None;
    let mut next = marks.iter().peekable();
    let mut pending_space = false;
    for (at, c) in frag.char_indices() {
        if let Some(&&(_, end)) = next.peek()
            && let Some(start) = open
            && at >= end
        {
            ranges.push([start, chars]);
            open = None;
            next.next();
        }
        if c.is_whitespace() {
            pending_space = !text.is_empty();
            continue;
        }
        if pending_space {
            text.push(' ');
            chars += 1;
            pending_space = false;
        }
        if open.is_none()
            && let Some(&&(start, _)) = next.peek()
            && at == start
        {
            open = Some(chars);
        }
        text.push(c);
        chars += 1;
    }
    if let Some(start) = open {
        ranges.push([start, chars]);
    }
    (text, ranges)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::search::Kind;

    fn doc(id: &str, text: &str) -> Doc {
        Doc {
            id: id.into(),
            kind: Kind::Term,
            title: id.into(),
            text: text.into(),
            url: format!("{id}.html"),
            indexed_title: id.into(),
        }
    }

    #[test]
    fn highlights_are_ranges_of_the_plain_passage() {
        let docs = [
            doc("a", "Raporti  i  «incidentit»\nraportohet brenda 24 orëve."),
            doc("b", "Asgjë këtu."),
        ];
        let hits = search(&docs, Analysis::Albanian, "incidentit", 5).unwrap();
        assert_eq!(hits.len(), 1);
        let h = &hits[0];
        assert_eq!(
            h.snippet,
            "Raporti i «incidentit» raportohet brenda 24 orëve"
        );
        let marked: Vec<String> = h
            .highlights
            .iter()
            .map(|[a, b]| h.snippet.chars().skip(*a).take(b - a).collect())
            .collect();
        assert_eq!(marked, vec!["incidentit"]);
    }
}
