//! `doracak search`: the site's search from the terminal, on a tantivy index built in
//! memory with the same analyzer and the same documents as the browser's index.

use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, RegexQuery, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, TantivyDocument, Term, doc};

use super::analyzer::{self, NAME};
use super::index::TITLE_WEIGHT;
use super::{Doc, Kind};

/// One search result.
#[derive(Debug, Serialize)]
pub struct Hit {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub url: String,
    pub score: f32,
    /// A passage of the text with the matched words between « and ».
    pub snippet: String,
}

struct Fields {
    id: Field,
    kind: Field,
    url: Field,
    title: Field,
    text: Field,
}

/// Search `docs` for `query`; the best `limit` hits.
pub fn search(docs: &[Doc], query: &str, limit: usize) -> tantivy::Result<Vec<Hit>> {
    let mut sb = Schema::builder();
    let analyzed = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(NAME)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let f = Fields {
        id: sb.add_text_field("id", STRING | STORED),
        kind: sb.add_text_field("kind", STRING | STORED),
        url: sb.add_text_field("url", STORED),
        title: sb.add_text_field("title", analyzed.clone()),
        text: sb.add_text_field("text", analyzed),
    };
    let index = Index::create_in_ram(sb.build());
    index.tokenizers().register(NAME, analyzer::analyzer());
    let mut writer = index.writer_with_num_threads(1, 30_000_000)?;
    for d in docs {
        writer.add_document(doc!(
            f.id => d.id.clone(),
            f.kind => d.kind.name(),
            f.url => d.url.clone(),
            f.title => d.title.clone(),
            f.text => d.text.clone(),
        ))?;
    }
    writer.commit()?;
    let searcher = index.reader()?.searcher();

    let words: Vec<&str> = query.split_whitespace().collect();
    // The analyzed term of each query word, and whether it is the word being typed.
    let query_terms: Vec<(Vec<String>, bool)> = words
        .iter()
        .enumerate()
        .map(|(i, w)| (analyzer::analyze(w), i + 1 == words.len()))
        .filter(|(t, _)| !t.is_empty())
        .collect();
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let last = i + 1 == words.len();
        for term in analyzer::analyze(w) {
            for (field, boost) in [(f.title, TITLE_WEIGHT), (f.text, 1.0)] {
                let tq = TermQuery::new(
                    Term::from_field_text(field, &term),
                    IndexRecordOption::WithFreqs,
                );
                clauses.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(Box::new(tq), boost)),
                ));
                if last && term.chars().all(|c| c.is_alphanumeric()) {
                    // The word being typed: any longer term that starts with it.
                    if let Ok(rq) = RegexQuery::from_pattern(&format!("{term}.+"), field) {
                        clauses.push((
                            Occur::Should,
                            Box::new(BoostQuery::new(Box::new(rq), 0.5 * boost)),
                        ));
                    }
                }
            }
        }
    }
    if clauses.is_empty() {
        return Ok(Vec::new());
    }
    let q = BooleanQuery::new(clauses);
    let top = searcher.search(
        &q,
        &TopDocs::with_limit(limit.max(1) * 4 + 50).order_by_score(),
    )?;
    let mut snippets = SnippetGenerator::create(&searcher, &q, f.text)?;
    snippets.set_max_num_chars(180);
    let mut hits = Vec::new();
    for (score, addr) in top {
        let d: TantivyDocument = searcher.doc(addr)?;
        let get = |field: Field| {
            d.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string()
        };
        let kind = get(f.kind);
        let boost = Kind::ALL
            .iter()
            .find(|k| k.name() == kind)
            .map_or(1.0, |k| k.boost());
        let snip = snippets.snippet_from_doc(&d);
        let mut text = String::new();
        let mut at = 0;
        let frag = snip.fragment();
        // A compound (G/SPIF) and its parts highlight overlapping ranges: keep the first.
        for r in snip.highlighted() {
            let r = (r.start, r.end);
            if r.0 < at
                || r.1 > frag.len()
                || !frag.is_char_boundary(r.0)
                || !frag.is_char_boundary(r.1)
            {
                continue;
            }
            text.push_str(&frag[at..r.0]);
            text.push('«');
            text.push_str(&frag[r.0..r.1]);
            text.push('»');
            at = r.1;
        }
        text.push_str(&frag[at..]);
        // Coordination, as in the browser: more of the query's words, higher rank.
        let doc_terms: std::collections::HashSet<String> =
            analyzer::analyze(&format!("{} {}", get(f.title), get(f.text)))
                .into_iter()
                .collect();
        let matched = query_terms
            .iter()
            .filter(|(terms, last)| {
                terms.iter().any(|t| {
                    doc_terms.contains(t)
                        || (*last && doc_terms.iter().any(|d| d.starts_with(t.as_str())))
                })
            })
            .count();
        let coord = if query_terms.is_empty() {
            1.0
        } else {
            (matched as f32 / query_terms.len() as f32).powi(3)
        };
        hits.push(Hit {
            id: get(f.id),
            kind,
            title: get(f.title),
            url: get(f.url),
            score: score * boost * coord,
            snippet: text.split_whitespace().collect::<Vec<_>>().join(" "),
        });
    }
    hits.sort_by(|a, b| b.score.total_cmp(&a.score));
    hits.truncate(limit);
    Ok(hits)
}
