//! The filters of the deadlines register: the roles acting on its rows, the collections
//! with a row.

use std::collections::HashMap;

use super::super::{CollectionView, DeadlineView, LinkView, ui_get};

/// The roles the deadlines register can be filtered by: those who act on one of its rows,
/// by title.
pub fn deadline_roles(deadlines: &[DeadlineView]) -> Vec<LinkView> {
    let mut roles: Vec<LinkView> = Vec::new();
    for r in deadlines.iter().flat_map(|d| &d.who) {
        if !roles.iter().any(|x| x.id == r.id) {
            roles.push(r.clone());
        }
    }
    roles.sort_by(|a, b| a.title.cmp(&b.title));
    roles
}

/// The collections the register can be filtered by: the standards, then the collections
/// of procedures, each where it has a row.
pub fn deadline_collections(
    deadlines: &[DeadlineView],
    collections: &[CollectionView],
    ui: &HashMap<String, String>,
) -> Vec<LinkView> {
    let has = |id: &str| {
        deadlines
            .iter()
            .any(|d| d.action.as_ref().is_some_and(|a| a.collection == id))
    };
    let mut out = Vec::new();
    if has("standards") {
        out.push(LinkView::plain(
            "standards".into(),
            ui_get(ui, "deadlines_collection_standards"),
            String::new(),
        ));
    }
    for c in collections.iter().filter(|c| has(&c.id)) {
        out.push(LinkView::plain(
            c.id.clone(),
            c.title.clone(),
            String::new(),
        ));
    }
    out
}
