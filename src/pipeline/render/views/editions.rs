//! The view of what changed between two editions (`edition::EditionDiff`), for the `diff`
//! command's page and the site's "what changed" page: every word from the locale pack.

use std::collections::HashMap;

use serde::Serialize;

use super::{timing_view, timing_words, ui_get};
use crate::edition::{Change, EditionDiff, EditionInfo, ListChange, Piece};
use crate::pipeline::model;
use crate::theme::say;

/// A timing in the reader's words ("brenda 30 ditë pune"), or the source's words when it
/// sets no time limit.
pub fn timing_in_words(t: &model::Timing, ui: &HashMap<String, String>) -> String {
    if t.kind == "none" {
        return t.text.clone();
    }
    timing_words(&timing_view(t, ui))
}

#[derive(Serialize)]
pub struct DiffView {
    pub old: String,
    pub new: String,
    /// "Çfarë ndryshoi që nga …".
    pub heading: String,
    pub intro: String,
    pub counts: String,
    pub empty: bool,
    pub groups: Vec<DiffGroupView>,
}

#[derive(Serialize)]
pub struct DiffGroupView {
    pub anchor: String,
    pub title: String,
    /// A link to the standard or procedure in this site, where there is one.
    pub url: Option<String>,
    pub changes: Vec<ChangeView>,
}

#[derive(Serialize)]
pub struct FieldView {
    pub label: String,
    pub words: Vec<PieceView>,
}

#[derive(Serialize)]
pub struct PieceView {
    pub op: &'static str,
    pub text: String,
}

#[derive(Serialize)]
pub struct ChangeView {
    /// The anchor of the change on the page: `d-` and the kind and id.
    pub anchor: String,
    pub kind: &'static str,
    pub change: &'static str,
    pub id: String,
    pub change_label: String,
    /// "Kriter 1.2", "Hap 4", "Afat · Hap 1".
    pub label: String,
    /// "më parë Hap 3" for a renumbered item.
    pub was: Option<String>,
    /// How the old and new item were paired, in words.
    pub matched: Option<String>,
    pub text: String,
    pub fields: Vec<FieldView>,
    /// "brenda 30 ditë → brenda 30 ditë pune".
    pub timing: Option<String>,
    pub actors: Option<ListView>,
    pub forms: Option<ListView>,
    /// A link to the item in this site, where it has one.
    pub url: Option<String>,
}

/// The anchor of a change on the page, stable across builds: from its kind and id.
pub fn change_anchor(kind: &str, id: &str) -> String {
    let id: String = id
        .chars()
        .map(|c| if crate::text::is_word_char(c) { c } else { '-' })
        .collect();
    format!("d-{kind}-{id}")
}

fn edition_name(e: &EditionInfo, ui: &HashMap<String, String>) -> String {
    e.edition
        .clone()
        .unwrap_or_else(|| ui_get(ui, "diff_unnamed"))
}

/// Who or what left and who or what came, by title.
#[derive(Serialize)]
pub struct ListView {
    pub removed: Vec<String>,
    pub added: Vec<String>,
}

fn list_view(l: &Option<ListChange>) -> Option<ListView> {
    let titles = |v: &[crate::edition::Named]| v.iter().map(|n| n.title.clone()).collect();
    l.as_ref().map(|l| ListView {
        removed: titles(&l.removed),
        added: titles(&l.added),
    })
}

fn pieces(p: &[Piece]) -> Vec<PieceView> {
    p.iter()
        .map(|p| PieceView {
            op: p.op,
            text: p.text.clone(),
        })
        .collect()
}

/// "Kriter 1.2", "Hap 4", "Rol: Punonjësi social".
fn item_label(kind: &str, number: &str, text: &str, ui: &HashMap<String, String>) -> String {
    let name = ui_get(ui, &format!("kind_{kind}"));
    match kind {
        "role" | "procedure" => {
            crate::theme::say(ui, "label_value", &[("label", &name), ("value", text)])
        }
        _ if number.is_empty() => name,
        _ => format!("{name} {number}"),
    }
}

fn change_view(
    c: &Change,
    ui: &HashMap<String, String>,
    url: &dyn Fn(&str, &str) -> Option<String>,
) -> ChangeView {
    let owner_kind = if c.group.kind == "standard" {
        "criterion"
    } else {
        "step"
    };
    let label = if c.kind == "timing" && c.number.is_empty() {
        ui_get(ui, "diff_kind_timing")
    } else if c.kind == "timing" {
        format!(
            "{} · {}",
            ui_get(ui, "diff_kind_timing"),
            item_label(owner_kind, &c.number, "", ui)
        )
    } else {
        let title = c
            .fields
            .iter()
            .find(|f| f.field == "title")
            .map_or(c.text.as_str(), |f| f.new.as_str());
        item_label(c.kind, &c.number, title, ui)
    };
    let was = match (&c.old_number, c.change) {
        (Some(old), "moved") if *old != c.number => Some(say(
            ui,
            "diff_was",
            &[("old", &item_label(c.kind, old, "", ui))],
        )),
        _ => None,
    };
    let matched = c.matched.map(|m| {
        let pct = format!("{:.0} %", c.similarity.unwrap_or(0.0) * 100.0);
        say(ui, &format!("diff_matched_{m}"), &[("similarity", &pct)])
    });
    let link = match (c.change, &c.owner) {
        ("removed", _) => None,
        (_, Some(owner)) => url(owner_kind, owner),
        _ => url(c.kind, &c.id),
    };
    ChangeView {
        anchor: change_anchor(c.kind, &c.id),
        kind: c.kind,
        change: c.change,
        id: c.id.clone(),
        change_label: ui_get(ui, &format!("diff_change_{}", c.change)),
        label,
        was,
        matched,
        text: c.text.clone(),
        fields: c
            .fields
            .iter()
            .map(|f| FieldView {
                label: ui_get(ui, &format!("diff_field_{}", f.field)),
                words: pieces(&f.words),
            })
            .collect(),
        timing: c.timing.as_ref().map(|t| t.words.clone()),
        actors: list_view(&c.actors),
        forms: list_view(&c.forms),
        url: link,
    }
}

/// The view of `diff`; `url(kind, id)` links an item into the site (none outside a site).
pub fn diff_view(
    diff: &EditionDiff,
    ui: &HashMap<String, String>,
    url: &dyn Fn(&str, &str) -> Option<String>,
) -> DiffView {
    let old = edition_name(&diff.old, ui);
    let new = edition_name(&diff.new, ui);
    let mut groups: Vec<DiffGroupView> = Vec::new();
    for c in &diff.changes {
        let key = format!("{}-{}", c.group.kind, c.group.id);
        if groups
            .last()
            .is_none_or(|g| g.anchor != change_anchor("g", &key))
        {
            let title = match c.group.kind {
                "standard" => crate::theme::say(
                    ui,
                    "standard_numbered",
                    &[
                        (
                            "number",
                            &crate::theme::say(
                                ui,
                                "standard_number",
                                &[("number", &c.group.number)],
                            ),
                        ),
                        ("title", &c.group.name),
                    ],
                ),
                "procedure" => c.group.title.clone(),
                other => ui_get(ui, other),
            };
            groups.push(DiffGroupView {
                anchor: change_anchor("g", &key),
                title,
                url: url(c.group.kind, &c.group.id),
                changes: Vec::new(),
            });
        }
        let view = change_view(c, ui, url);
        if let Some(g) = groups.last_mut() {
            g.changes.push(view);
        }
    }
    let n = |k: usize| k.to_string();
    DiffView {
        heading: say(ui, "diff_since", &[("old", &old)]),
        intro: say(ui, "diff_intro", &[("old", &old), ("new", &new)]),
        counts: say(
            ui,
            "diff_counts",
            &[
                ("added", &n(diff.counts.added)),
                ("removed", &n(diff.counts.removed)),
                ("moved", &n(diff.counts.moved)),
                ("changed", &n(diff.counts.changed)),
            ],
        ),
        empty: diff.changes.is_empty(),
        old,
        new,
        groups,
    }
}
