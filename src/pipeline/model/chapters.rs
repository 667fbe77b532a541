//! The chapters: a source's running text, each a page under "Reference", in the order
//! of their files.

use serde::Serialize;

use crate::pipeline::load::Loaded;
use crate::pipeline::source::ChapterSrc;

#[derive(Debug, Serialize)]
pub struct Chapter {
    /// The file name without its `NN-` prefix and `.md`.
    pub id: String,
    /// 1-based, the order of the files.
    pub order: usize,
    pub title: String,
    /// The procedure collection the chapter belongs to.
    pub collection: Option<String>,
    pub source: Option<String>,
    /// The chapter's Markdown, as written.
    pub text: String,
    pub procedures: Vec<String>,
    pub roles: Vec<String>,
    pub forms: Vec<String>,
}

pub(super) fn chapters(src: Vec<Loaded<ChapterSrc>>) -> Vec<Chapter> {
    src.into_iter()
        .enumerate()
        .map(|(i, l)| {
            let f = l.value.front;
            let ids = |v: Vec<crate::pipeline::source::S<String>>| {
                v.into_iter().map(|s| s.value.trim().to_string()).collect()
            };
            Chapter {
                id: l.slug,
                order: i + 1,
                title: f.title.value,
                collection: f.collection.map(|c| c.value),
                source: f.source,
                text: l.value.body,
                procedures: ids(f.procedures),
                roles: ids(f.roles),
                forms: ids(f.forms),
            }
        })
        .collect()
}
