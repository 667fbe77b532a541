//! The views of the chapters: each chapter's page, and the "Reference" page listing them
//! by collection, in the handbook's order.

use serde::Serialize;

use super::{Cx, Html, LinkView};

#[derive(Serialize)]
pub struct ChapterView {
    pub id: String,
    pub title: String,
    pub url: String,
    pub source: Option<String>,
    /// The collection it belongs to: its title, and the procedures index's section of it.
    pub collection: Option<LinkView>,
    pub html: Html,
    /// The headings of the text (level 2 and 3), for the contents at the top.
    pub contents: Vec<ContentsEntry>,
    pub procedures: Vec<LinkView>,
    pub roles: Vec<LinkView>,
    pub forms: Vec<LinkView>,
    /// The chapter before and after it in the handbook's order.
    pub previous: Option<LinkView>,
    pub next: Option<LinkView>,
}

#[derive(Serialize)]
pub struct ContentsEntry {
    pub id: String,
    pub title: String,
    pub level: u8,
}

/// The chapters of one collection (or of none), for the "Reference" page.
#[derive(Serialize)]
pub struct ChapterGroupView {
    pub id: String,
    pub title: String,
    pub chapters: Vec<LinkView>,
}

pub(super) fn build(cx: &Cx) -> Vec<ChapterView> {
    let hb = cx.hb;
    let addr = cx.addr;
    let step_ids: std::collections::HashSet<&str> = hb
        .procedures
        .iter()
        .flat_map(|p| p.steps.iter().map(|s| s.id.as_str()))
        .collect();
    let link = |kind: &str, id: &str| -> Option<String> {
        let url = match kind {
            "step" => {
                let proc = hb.procedures.iter().find(|p| {
                    id.strip_prefix(p.id.as_str())
                        .is_some_and(|rest| rest.starts_with('.'))
                })?;
                step_ids
                    .contains(id)
                    .then(|| addr.in_procedure(&proc.id, id))?
            }
            "procedure" => hb
                .procedures
                .iter()
                .any(|p| p.id == id)
                .then(|| addr.procedure(id))?,
            "role" => hb.roles.iter().any(|r| r.id == id).then(|| addr.role(id))?,
            "form" => cx.titles.form_link(id).url,
            "chapter" => hb
                .chapters
                .iter()
                .any(|c| c.id == id)
                .then(|| addr.chapter(id))?,
            _ => return None,
        };
        // The chapter's page is one folder down from the site's root.
        Some(format!("../{url}"))
    };
    let link_of = |c: &crate::pipeline::model::chapters::Chapter| {
        LinkView::plain(c.id.clone(), c.title.clone(), addr.chapter(&c.id))
    };
    hb.chapters
        .iter()
        .enumerate()
        .map(|(i, c)| ChapterView {
            id: c.id.clone(),
            title: c.title.clone(),
            url: addr.chapter(&c.id),
            source: c.source.clone(),
            collection: c.collection.as_ref().map(|id| {
                let title = hb
                    .config
                    .collections
                    .iter()
                    .find(|k| &k.id == id)
                    .map_or_else(|| id.clone(), |k| k.title.clone());
                LinkView::plain(id.clone(), title, format!("{}#c-{id}", addr.procedures))
            }),
            html: Html::from_safe_string(crate::markdown::chapter_html(&c.text, cx.md.abbr, &link)),
            contents: crate::markdown::chapter_sections(&c.text)
                .into_iter()
                .filter(|s| !s.id.is_empty() && s.level <= 3)
                .map(|s| ContentsEntry {
                    id: s.id,
                    title: s.title,
                    level: s.level,
                })
                .collect(),
            procedures: cx.titles.links(&c.procedures, &cx.titles.procedures, |id| {
                addr.procedure(id)
            }),
            roles: cx
                .titles
                .links(&c.roles, &cx.titles.roles, |id| addr.role(id)),
            forms: cx.titles.form_links(&c.forms),
            previous: i
                .checked_sub(1)
                .and_then(|j| hb.chapters.get(j))
                .map(link_of),
            next: hb.chapters.get(i + 1).map(link_of),
        })
        .collect()
}

/// The chapters by collection, in the order the handbook declares its collections; the
/// chapters of no collection last, under "Other" (or no title where all are such).
pub(super) fn groups(cx: &Cx, chapters: &[ChapterView]) -> Vec<ChapterGroupView> {
    let mut groups: Vec<ChapterGroupView> = cx
        .hb
        .config
        .collections
        .iter()
        .map(|k| ChapterGroupView {
            id: k.id.clone(),
            title: k.title.clone(),
            chapters: Vec::new(),
        })
        .collect();
    let mut other = ChapterGroupView {
        id: String::new(),
        title: String::new(),
        chapters: Vec::new(),
    };
    for c in chapters {
        let link = LinkView::plain(c.id.clone(), c.title.clone(), c.url.clone());
        let group = c
            .collection
            .as_ref()
            .and_then(|k| groups.iter_mut().find(|g| g.id == k.id));
        match group {
            Some(g) => g.chapters.push(link),
            None => other.chapters.push(link),
        }
    }
    groups.retain(|g| !g.chapters.is_empty());
    if !other.chapters.is_empty() {
        if !groups.is_empty() {
            other.title = super::ui_get(cx.ui, "reference_collection_other");
        }
        groups.push(other);
    }
    groups
}
