//! Training follows the text: who, in `training-report`, is due a refresher because the
//! procedure or role they were trained on changed since (its steps, actors or timings),
//! and what changed for them. A record keeps the subject's content hash
//! (`edition::content`); an older record without one counts by its edition: trained on the
//! previous edition (`previous` in doracak.toml) of a subject that changed since.

use crate::text::TextExt;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::Serialize;

use super::training::{Record, TrainingFile};
use crate::diagnostics::Diagnostics;
use crate::edition::{
    self,
    content::{subject_hash, subject_hash_as_written},
};
use crate::pipeline::model::Handbook;
use crate::pipeline::render::views::{ChangeView, diff_view, timing_in_words};

/// One person due a refresher because the text changed.
#[derive(Debug, Serialize)]
pub struct ChangedTraining {
    pub name: String,
    pub kind: String,
    pub subject: String,
    pub title: String,
    pub date: String,
    pub edition: String,
    /// What changed for them, one line a change ("Hapi 2 — Kush e bën: … → …").
    pub changes: Vec<String>,
}

/// A change of a step in words: its label, then what changed.
fn words(c: &ChangeView, ui: &HashMap<String, String>) -> String {
    let mut parts: Vec<String> = vec![c.change_label.clone()];
    if let Some(t) = &c.timing {
        parts.push(t.clone());
    }
    if let Some(a) = &c.actors {
        let mut s = a.removed.join(", ");
        if !a.removed.is_empty() && !a.added.is_empty() {
            s.push_str(" → ");
        }
        s.push_str(&a.added.join(", "));
        let label = crate::theme::say(ui, "diff_actors", &[]);
        parts.push(crate::theme::say(
            ui,
            "label_value",
            &[("label", &label), ("value", &s)],
        ));
    }
    if let Some(was) = &c.was {
        parts.push(was.clone());
    }
    let sep = crate::theme::say(ui, "inline_separator", &[]);
    crate::theme::say(
        ui,
        "label_value",
        &[("label", &c.label), ("value", &parts.join(&sep))],
    )
}

/// (kind, subject) → what changed in it, from the previous edition `old` to `hb`.
fn subject_changes(
    old: &Handbook,
    hb: &Handbook,
    ui: &HashMap<String, String>,
) -> BTreeMap<(String, String), Vec<String>> {
    let diff = edition::diff(old, hb, &|t| timing_in_words(t, ui));
    let view = diff_view(&diff, ui, &|_, _| None);
    let actors_of = |h: &Handbook, id: &str| -> Vec<String> {
        h.procedures
            .iter()
            .flat_map(|p| &p.steps)
            .find(|s| s.id == id)
            .map(|s| s.actors.clone())
            .unwrap_or_default()
    };
    let mut out: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    let changes = diff.changes.iter().zip(
        view.groups
            .iter()
            .flat_map(|g| &g.changes)
            .collect::<Vec<_>>(),
    );
    for (c, v) in changes {
        if c.group.kind != "procedure" || !matches!(c.kind, "step" | "timing") {
            continue;
        }
        let line = words(v, ui);
        out.entry(("procedure".into(), c.group.id.clone()))
            .or_default()
            .push(line.clone());
        let step = c.owner.as_deref().unwrap_or(&c.id);
        let mut roles = if c.change == "removed" && c.kind == "step" {
            Vec::new()
        } else {
            actors_of(hb, step)
        };
        if let Some(old_id) = &c.old_id {
            roles.extend(actors_of(old, old_id.split('#').next().unwrap_or(old_id)));
        }
        roles.sort();
        roles.dedup();
        for r in roles {
            out.entry(("role".into(), r))
                .or_default()
                .push(crate::theme::say(
                    ui,
                    "item_gloss",
                    &[("item", &c.group.title), ("gloss", &line)],
                ));
        }
    }
    out
}

/// The latest record of each person and subject whose subject changed since they were
/// trained, with what changed.
pub fn changed_training(
    root: &Path,
    hb: &Handbook,
    files: &[TrainingFile],
    ui: &HashMap<String, String>,
    diags: &mut Diagnostics,
) -> Vec<ChangedTraining> {
    let previous = crate::previous_edition(root, hb, diags);
    let changes = previous
        .as_ref()
        .map(|old| subject_changes(old, hb, ui))
        .unwrap_or_default();
    let previous_name = previous.as_ref().and_then(|p| p.config.edition.clone());
    let current_name = hb.config.edition.clone();
    let person = |r: &Record| {
        (
            crate::text::fold(r.name.trim()).lowered(),
            r.kind.clone(),
            r.subject.clone(),
        )
    };
    let mut latest: BTreeMap<(String, String, String), &Record> = BTreeMap::new();
    for r in files.iter().flat_map(|f| &f.records) {
        let e = latest.entry(person(r)).or_insert(r);
        if (r.date.as_str(), r.saved.as_str()) > (e.date.as_str(), e.saved.as_str()) {
            *e = r;
        }
    }
    let mut out = Vec::new();
    let say = |key: &str, values: &[(&str, &str)]| crate::theme::say(ui, key, values);
    for r in latest.values() {
        let what = changes.get(&(r.kind.clone(), r.subject.clone()));
        // Nothing is guessed: a subject this edition does not have, a content hash of
        // neither edition, an edition that is neither this one nor the previous are said.
        let Some(now) = subject_hash(hb, &r.kind, &r.subject) else {
            if previous.is_some() {
                out.push(changed(
                    r,
                    ui,
                    vec![say("training_subject_unknown", &[("subject", &r.subject)])],
                ));
            }
            continue;
        };
        // A record made before the hash left the example marks out holds the hash of the
        // text as written: the same content, as current as the other.
        let is_now = |c: &str| {
            c == now || subject_hash_as_written(hb, &r.kind, &r.subject).as_deref() == Some(c)
        };
        let was_before = |c: &str| {
            previous.as_ref().is_some_and(|old| {
                subject_hash(old, &r.kind, &r.subject).as_deref() == Some(c)
                    || subject_hash_as_written(old, &r.kind, &r.subject).as_deref() == Some(c)
            })
        };
        let other_edition = !r.edition.is_empty()
            && previous_name.as_deref() != Some(r.edition.as_str())
            && current_name.as_deref() != Some(r.edition.as_str());
        let lines = if !r.content.is_empty() {
            if is_now(&r.content) {
                None
            } else if previous.is_some() && !was_before(&r.content) {
                Some(vec![say("training_hash_unknown", &[("hash", &r.content)])])
            } else {
                Some(
                    what.cloned()
                        .unwrap_or_else(|| vec![say("training_changed_unknown", &[])]),
                )
            }
        } else if previous.is_some() && other_edition {
            Some(vec![say(
                "training_edition_unknown",
                &[("edition", &r.edition)],
            )])
        } else if previous_name.as_deref() == Some(r.edition.as_str())
            && current_name.as_deref() != Some(r.edition.as_str())
        {
            what.cloned()
        } else {
            None
        };
        let Some(lines) = lines else { continue };
        out.push(changed(r, ui, lines));
    }
    out
}

/// A record due a refresher, with what is said of it.
fn changed(r: &Record, ui: &HashMap<String, String>, changes: Vec<String>) -> ChangedTraining {
    ChangedTraining {
        name: r.name.clone(),
        kind: crate::theme::say(ui, &format!("training_kind_{}", r.kind), &[]),
        subject: r.subject.clone(),
        title: r.shown_title(),
        date: r.date.clone(),
        edition: r.edition.clone(),
        changes,
    }
}
