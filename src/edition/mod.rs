//! Editions: what changed between two versions of a handbook. Shared by the `diff` command,
//! the build's "what changed" page and the carrying over of assessments and training.
//!
//! Every standard, criterion, evidence item, guidance note, procedure, step, role and form
//! is matched by id and, where ids were renumbered, by the similarity of its words
//! (`matching`); each pair whose texts, timings, actors or forms differ is a change, each
//! item without a pair is added or removed. The JSON shape is documented in
//! `docs/editions.md`.

use std::collections::HashMap;

use serde::Serialize;
use similar::{Algorithm, ChangeTag};

use crate::pipeline::model::{Handbook, Timing};

pub mod carry;
pub mod content;
pub mod git;
pub mod items;
pub mod located;
pub mod matching;
pub mod table;

use items::{Group, Item, Kind};
use matching::How;

/// What an edition is: title, edition name, catalogue hash.
#[derive(Debug, Clone, Serialize)]
pub struct EditionInfo {
    pub title: String,
    pub edition: Option<String>,
    pub catalog: String,
}

impl EditionInfo {
    pub fn of(hb: &Handbook) -> Self {
        EditionInfo {
            title: hb.config.title.clone(),
            edition: hb.config.edition.clone(),
            catalog: crate::assessment::catalog_hash(hb),
        }
    }
}

/// The differences between two editions.
#[derive(Debug, Serialize)]
pub struct EditionDiff {
    pub format: &'static str,
    pub version: u32,
    pub old: EditionInfo,
    pub new: EditionInfo,
    pub counts: Counts,
    pub changes: Vec<Change>,
}

#[derive(Debug, Default, Serialize)]
pub struct Counts {
    pub added: usize,
    pub removed: usize,
    pub moved: usize,
    pub changed: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupRef {
    pub kind: &'static str,
    pub id: String,
    /// The title, without its number: a heading joins the two in the pack's words
    /// (`standard_numbered`).
    pub title: String,
    /// A standard's number and title apart, for the page's heading in the pack's words.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub number: String,
    #[serde(skip)]
    pub name: String,
}

/// One difference.
#[derive(Debug, Serialize)]
pub struct Change {
    /// `standard`, `criterion`, `evidence`, `guidance`, `procedure`, `step`, `timing`,
    /// `role`, `form`.
    pub kind: &'static str,
    /// `added`, `removed`, `moved` (a new id: renumbered or put elsewhere) or `changed`.
    pub change: &'static str,
    /// The id in the new edition (the old id for a removed item).
    pub id: String,
    /// The id in the old edition (none for an added item).
    pub old_id: Option<String>,
    /// How the old and new item were paired: `id` or `text` (none when added or removed).
    pub matched: Option<&'static str>,
    /// The similarity of their words, 0 to 1 (none when added or removed).
    pub similarity: Option<f64>,
    /// The printed number in the new edition (the old one when removed).
    pub number: String,
    pub old_number: Option<String>,
    /// For a timing: the criterion or step it belongs to (new id, old id when removed).
    pub owner: Option<String>,
    /// For a criterion, evidence item, guidance note or step of the new edition: the
    /// standard, criterion or procedure it belongs to.
    pub parent: Option<String>,
    pub group: GroupRef,
    /// The item's main text (the new one; the old one when removed).
    pub text: String,
    /// Each text field that changed, word by word.
    pub fields: Vec<FieldChange>,
    /// A timing's change in words ("brenda 30 ditë → brenda 30 ditë pune").
    pub timing: Option<TimingChange>,
    /// The actors (role ids) of a step or criterion that left or came.
    pub actors: Option<ListChange>,
    /// The forms of a step or criterion that left or came.
    pub forms: Option<ListChange>,
}

#[derive(Debug, Serialize)]
pub struct FieldChange {
    pub field: &'static str,
    pub old: String,
    pub new: String,
    pub words: Vec<Piece>,
}

/// A run of words: `equal`, `delete` (only in the old text) or `insert` (only in the new).
#[derive(Debug, Serialize, PartialEq)]
pub struct Piece {
    pub op: &'static str,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct TimingSide {
    /// The source's words.
    pub text: String,
    /// The timing in the locale pack's words ("brenda 30 ditë pune").
    pub words: String,
    pub kind: &'static str,
    pub iso: String,
    pub working_days: bool,
}

#[derive(Debug, Serialize)]
pub struct TimingChange {
    pub old: Option<TimingSide>,
    pub new: Option<TimingSide>,
    /// "old words → new words".
    pub words: String,
}

#[derive(Debug, Serialize)]
pub struct Named {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Serialize)]
pub struct ListChange {
    pub removed: Vec<Named>,
    pub added: Vec<Named>,
}

/// The words of two texts, compared word by word.
pub fn word_diff(old: &str, new: &str) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for (tag, text) in similar::utils::diff_unicode_words(Algorithm::Patience, old, new) {
        let op = match tag {
            ChangeTag::Equal => "equal",
            ChangeTag::Delete => "delete",
            ChangeTag::Insert => "insert",
        };
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(text),
            _ => out.push(Piece {
                op,
                text: text.to_string(),
            }),
        }
    }
    out
}

fn group_ref(g: &Group) -> GroupRef {
    GroupRef {
        kind: g.kind,
        id: g.id.clone(),
        title: g.title.clone(),
        number: g.number.clone(),
        name: g.name.clone(),
    }
}

/// Whether two timings say the same.
fn same_timing(a: &Timing, b: &Timing) -> bool {
    a.text == b.text
        && a.kind == b.kind
        && a.iso == b.iso
        && a.to_iso == b.to_iso
        && a.working_days == b.working_days
}

fn timing_side(t: &Timing, words: &dyn Fn(&Timing) -> String) -> TimingSide {
    TimingSide {
        text: t.text.clone(),
        words: words(t),
        kind: t.kind,
        iso: t.iso.clone(),
        working_days: t.working_days,
    }
}

/// The differences from `old` to `new`; `words` says a timing in the reader's language.
pub fn diff(old: &Handbook, new: &Handbook, words: &dyn Fn(&Timing) -> String) -> EditionDiff {
    let old_items = items::items(old);
    let new_items = items::items(new);
    let role_title = |id: &str| -> String {
        new.roles
            .iter()
            .chain(&old.roles)
            .find(|r| r.id == id)
            .map_or_else(|| id.to_string(), |r| r.title.clone())
    };
    let form_title = |id: &str| -> String {
        new.forms
            .iter()
            .chain(&old.forms)
            .find(|f| f.id == id)
            .map_or_else(|| id.to_string(), |f| format!("{id} {}", f.title))
    };
    let list = |o: &[String], n: &[String], title: &dyn Fn(&str) -> String| {
        let removed: Vec<Named> = o
            .iter()
            .filter(|x| !n.contains(x))
            .map(|x| Named {
                id: x.clone(),
                title: title(x),
            })
            .collect();
        let added: Vec<Named> = n
            .iter()
            .filter(|x| !o.contains(x))
            .map(|x| Named {
                id: x.clone(),
                title: title(x),
            })
            .collect();
        (!removed.is_empty() || !added.is_empty()).then_some(ListChange { removed, added })
    };
    // Old id → new id of every paired item, so children follow a renumbered parent.
    let mut moved_to: HashMap<String, String> = HashMap::new();
    let mut changes = Vec::new();
    for kind in Kind::ALL {
        let o: Vec<&Item> = old_items.iter().filter(|i| i.kind == kind).collect();
        let n: Vec<&Item> = new_items.iter().filter(|i| i.kind == kind).collect();
        let expected = |it: &Item| -> String {
            match moved_to.get(&it.parent) {
                Some(p) if kind.parent().is_some() && it.id.starts_with(&it.parent) => {
                    format!("{p}{}", &it.id[it.parent.len()..])
                }
                _ => it.id.clone(),
            }
        };
        let pairs = matching::pair(&o, &n, &expected);
        let mut old_paired = vec![false; o.len()];
        let mut new_paired = vec![false; n.len()];
        let mut found = Vec::new();
        for &(oi, ni, how, sim) in &pairs {
            old_paired[oi] = true;
            new_paired[ni] = true;
            let (a, b) = (o[oi], n[ni]);
            let renumbered = expected(a) != b.id;
            let how = if renumbered { How::Text } else { how };
            found.push((a.id.clone(), b.id.clone()));
            let fields: Vec<FieldChange> = a
                .fields
                .iter()
                .zip(&b.fields)
                .filter(|((_, x), (_, y))| x != y)
                .map(|((f, x), (_, y))| FieldChange {
                    field: f,
                    old: x.clone(),
                    new: y.clone(),
                    words: word_diff(x, y),
                })
                .collect();
            let actors = list(a.actors, b.actors, &role_title);
            let forms = list(a.forms, b.forms, &form_title);
            let change = if renumbered {
                "moved"
            } else if !fields.is_empty() || actors.is_some() || forms.is_some() {
                "changed"
            } else {
                ""
            };
            if !change.is_empty() {
                changes.push(Change {
                    kind: kind.name(),
                    change,
                    id: b.id.clone(),
                    old_id: Some(a.id.clone()),
                    matched: Some(how.name()),
                    similarity: Some((sim * 1000.0).round() / 1000.0),
                    number: b.number.clone(),
                    old_number: Some(a.number.clone()),
                    owner: None,
                    parent: (!b.parent.is_empty()).then(|| b.parent.clone()),
                    group: group_ref(&b.group),
                    text: b.shown_text(),
                    fields,
                    timing: None,
                    actors,
                    forms,
                });
            }
            // The timings of a criterion or step, position by position.
            let count = a.timing.len().max(b.timing.len());
            for k in 0..count {
                let (x, y) = (a.timing.get(k), b.timing.get(k));
                let change = match (x, y) {
                    (Some(x), Some(y)) if same_timing(x, y) => continue,
                    (Some(_), Some(_)) => "changed",
                    (Some(_), None) => "removed",
                    (None, Some(_)) => "added",
                    (None, None) => continue,
                };
                let old_side = x.map(|t| timing_side(t, words));
                let new_side = y.map(|t| timing_side(t, words));
                let say = |s: &Option<TimingSide>| {
                    s.as_ref()
                        .map_or_else(|| "—".to_string(), |s| s.words.clone())
                };
                let words = format!("{} → {}", say(&old_side), say(&new_side));
                changes.push(Change {
                    kind: "timing",
                    change,
                    id: format!("{}#timing-{}", b.id, k + 1),
                    old_id: x.map(|_| format!("{}#timing-{}", a.id, k + 1)),
                    matched: None,
                    similarity: None,
                    number: b.number.clone(),
                    old_number: Some(a.number.clone()),
                    owner: Some(b.id.clone()),
                    parent: (!b.parent.is_empty()).then(|| b.parent.clone()),
                    group: group_ref(&b.group),
                    text: y.or(x).map(|t| t.text.clone()).unwrap_or_default(),
                    fields: Vec::new(),
                    timing: Some(TimingChange {
                        old: old_side,
                        new: new_side,
                        words,
                    }),
                    actors: None,
                    forms: None,
                });
            }
        }
        moved_to.extend(found);
        for (i, it) in o.iter().enumerate().filter(|(i, _)| !old_paired[*i]) {
            let _ = i;
            changes.push(lone(it, "removed"));
        }
        for (i, it) in n.iter().enumerate().filter(|(i, _)| !new_paired[*i]) {
            let _ = i;
            changes.push(lone(it, "added"));
        }
    }
    sort(&mut changes, &old_items, &new_items);
    let mut counts = Counts::default();
    for c in &changes {
        match c.change {
            "added" => counts.added += 1,
            "removed" => counts.removed += 1,
            "moved" => counts.moved += 1,
            _ => counts.changed += 1,
        }
    }
    EditionDiff {
        format: "doracak-edition-diff",
        version: 1,
        old: EditionInfo::of(old),
        new: EditionInfo::of(new),
        counts,
        changes,
    }
}

/// An item without a pair: added or removed.
fn lone(it: &Item, change: &'static str) -> Change {
    Change {
        kind: it.kind.name(),
        change,
        id: it.id.clone(),
        old_id: (change == "removed").then(|| it.id.clone()),
        matched: None,
        similarity: None,
        number: it.number.clone(),
        old_number: None,
        owner: None,
        parent: (change == "added" && !it.parent.is_empty()).then(|| it.parent.clone()),
        group: group_ref(&it.group),
        text: it.shown_text(),
        fields: Vec::new(),
        timing: None,
        actors: None,
        forms: None,
    }
}

/// Group by standard and procedure (in the new edition's order, groups only in the old
/// one after), then roles and forms; within a group, in the order of the documents.
fn sort(changes: &mut [Change], old_items: &[Item], new_items: &[Item]) {
    let group_rank = |g: &GroupRef| -> (usize, usize, usize) {
        let family = match g.kind {
            "standard" => 0,
            "procedure" => 1,
            "roles" => 2,
            _ => 3,
        };
        let position = |items: &[Item]| {
            items
                .iter()
                .find(|i| i.group.kind == g.kind && i.group.id == g.id)
                .map(|i| i.group.order)
        };
        match position(new_items) {
            Some(p) => (family, 0, p),
            None => (family, 1, position(old_items).unwrap_or(0)),
        }
    };
    let item_rank: HashMap<(&str, &str), usize> = new_items
        .iter()
        .enumerate()
        .map(|(i, it)| ((it.kind.name(), it.id.as_str()), i))
        .collect();
    let old_rank: HashMap<(&str, &str), usize> = old_items
        .iter()
        .enumerate()
        .map(|(i, it)| ((it.kind.name(), it.id.as_str()), i))
        .collect();
    let rank = |c: &Change| -> usize {
        let (kind, id) = match &c.owner {
            Some(owner) => (
                if c.group.kind == "standard" {
                    "criterion"
                } else {
                    "step"
                },
                owner.as_str(),
            ),
            None => (c.kind, c.id.as_str()),
        };
        // Removed items stand where they stood in the old edition, among the new ones.
        if c.change == "removed" {
            return old_rank.get(&(kind, id)).copied().unwrap_or(usize::MAX);
        }
        item_rank.get(&(kind, id)).copied().unwrap_or(usize::MAX)
    };
    changes.sort_by_cached_key(|c| {
        let (f, gone, p) = group_rank(&c.group);
        // Items first, then their parts: a standard's own change before its criteria.
        let within = match c.kind {
            "standard" | "procedure" | "role" | "form" => 0,
            _ => 1,
        };
        let timing_after = usize::from(c.kind == "timing");
        (f, gone, p, within, position_key(c), rank(c), timing_after)
    });
}

/// Criteria, evidence and guidance in the order of their numbers ("1.2" before "1.10").
fn position_key(c: &Change) -> Vec<u32> {
    c.number
        .split('.')
        .map(|p| p.trim().parse().unwrap_or(u32::MAX))
        .collect()
}
