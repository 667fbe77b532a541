//! The search index of a build, made a document at a time: each document indexed and put
//! in its shard as it is made, each document shard written when full, so the documents'
//! text (on a thousand standards, ~150 MB) is never held whole; then the term shards, the
//! prefixes and the manifest, exactly as [`ShardSet::write`] writes them from documents
//! held in memory.

use std::collections::HashMap;
use std::io;

use super::analyzer::Analysis;
use super::index::Figures;
use super::indexer::Indexer;
use super::shards::{DOCS_PER_SHARD, ShardSet, doc_shard_file};
use super::{Doc, each_document};
use crate::pipeline::model::Handbook;

/// Make, index and write the search index of `hb` through `put(address, bytes)`.
pub fn write(
    hb: &Handbook,
    ui: &HashMap<String, String>,
    analysis: Analysis,
    synonyms: &[Vec<String>],
    put: &mut dyn FnMut(&str, &[u8]) -> io::Result<()>,
) -> io::Result<Figures> {
    let mut indexer = Indexer::new(analysis);
    let mut shard: Vec<Doc> = Vec::with_capacity(DOCS_PER_SHARD);
    let (mut k, mut bytes, mut buf) = (0, 0u64, Vec::new());
    let mut written = Ok(());
    let mut flush = |shard: &mut Vec<Doc>| {
        buf.clear();
        let done = doc_shard_file(k, shard, &mut buf).and_then(|name| put(&name, &buf));
        bytes += buf.len() as u64;
        k += 1;
        shard.clear();
        done
    };
    each_document(hb, ui, &mut |doc| {
        indexer.add(&doc);
        shard.push(doc);
        if shard.len() == DOCS_PER_SHARD && written.is_ok() {
            written = flush(&mut shard);
        }
    });
    if !shard.is_empty() && written.is_ok() {
        written = flush(&mut shard);
    }
    written?;
    drop(shard);
    let set = ShardSet::of(indexer.finish(&[]).with_synonyms(synonyms));
    let mut figures = set.write_files(put, false)?;
    figures.bytes += bytes;
    Ok(figures)
}
