//! Assessments carry over: an assessment made on the previous edition (its catalogue hash
//! says which) is mapped to this one. Ratings of unchanged criteria are kept; criteria whose
//! text or time limits changed keep their rating, flagged "re-rate"; ratings of removed
//! criteria stay in the file under their old id (not scored) and are listed apart; new
//! criteria are unrated. The build writes the mapping table for the browser
//! (`editions.js` in the assessment folder, `table`); `doracak report` and `aggregate` read
//! that same file from the built site, so the browser and the command line map a file with
//! the same data.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::EditionDiff;
use crate::assessment::AssessmentFile;
use crate::pipeline::model::Handbook;

/// What became of one criterion of the previous edition.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CriterionMap {
    /// Its id in this edition; none when removed.
    pub to: Option<String>,
    /// `kept`, `rerate` or `removed`.
    pub state: String,
    /// The anchor of its difference on the "what changed" page, where it changed.
    pub change: Option<String>,
    /// What a report shows of it where it changed or was removed: its number and text (the
    /// old ones when removed) and each changed field word by word.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown: Option<Shown>,
}

/// A changed or removed criterion as a report shows it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Shown {
    pub number: String,
    pub text: String,
    pub fields: Vec<ShownField>,
}

/// One changed text field of a criterion, word by word.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ShownField {
    pub field: String,
    pub words: Vec<Word>,
}

/// A run of words: `equal`, `delete` or `insert` (as `edition::Piece`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Word {
    pub op: String,
    pub text: String,
}

fn shown(x: &super::Change) -> Shown {
    Shown {
        number: x.number.clone(),
        text: x.text.clone(),
        fields: x
            .fields
            .iter()
            .map(|f| ShownField {
                field: f.field.to_string(),
                words: f
                    .words
                    .iter()
                    .map(|p| Word {
                        op: p.op.to_string(),
                        text: p.text.clone(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// The mapping table from the previous edition to this one.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// `doracak-editions`.
    pub format: String,
    /// 2 (1 was written without `shown` and `format`, never read by the command line).
    pub version: u32,
    /// The previous edition's catalogue hash: files bearing it are mapped.
    pub previous: String,
    pub previous_edition: Option<String>,
    /// This edition's catalogue hash.
    pub current: String,
    /// This edition's name, which a mapped file then bears.
    #[serde(default)]
    pub current_edition: Option<String>,
    /// Every criterion of the previous edition, by its old id.
    pub criteria: BTreeMap<String, CriterionMap>,
    /// Every evidence item of the previous edition: old id → its id in this edition (none:
    /// removed). An item follows its criterion, also where that was renumbered.
    pub evidence: BTreeMap<String, Option<String>>,
    /// Criteria of this edition that the previous one did not have.
    pub new: Vec<String>,
}

/// The `format` of the mapping table.
pub const FORMAT: &str = "doracak-editions";
/// Its `version`.
pub const VERSION: u32 = 2;

/// The mapping table of `diff` (from `old` to `new`).
pub fn mapping(old: &Handbook, new: &Handbook, diff: &EditionDiff) -> Mapping {
    let anchor = |kind: &str, id: &str| crate::pipeline::render::views::change_anchor(kind, id);
    let mut criteria = BTreeMap::new();
    for s in &old.standards {
        for c in &s.criteria {
            let change = diff
                .changes
                .iter()
                .find(|x| x.kind == "criterion" && x.old_id.as_deref() == Some(c.id.as_str()));
            let m =
                match change {
                    Some(x) if x.change == "removed" => CriterionMap {
                        to: None,
                        state: "removed".into(),
                        change: Some(anchor(x.kind, &x.id)),
                        shown: Some(shown(x)),
                    },
                    Some(x) => {
                        let timing = diff.changes.iter().find(|t| {
                            t.kind == "timing" && t.owner.as_deref() == Some(x.id.as_str())
                        });
                        let rerate = !x.fields.is_empty() || timing.is_some();
                        CriterionMap {
                            to: Some(x.id.clone()),
                            state: if rerate { "rerate" } else { "kept" }.into(),
                            change: Some(anchor(x.kind, &x.id)),
                            shown: Some(shown(x)),
                        }
                    }
                    None => {
                        let timing = diff.changes.iter().find(|t| {
                            t.kind == "timing" && t.owner.as_deref() == Some(c.id.as_str())
                        });
                        CriterionMap {
                            to: Some(c.id.clone()),
                            state: if timing.is_some() { "rerate" } else { "kept" }.into(),
                            change: timing.map(|t| anchor(t.kind, &t.id)),
                            shown: None,
                        }
                    }
                };
            criteria.insert(c.id.clone(), m);
        }
    }
    // Evidence items follow their criterion: within an old criterion and the one it became,
    // an item is paired by its words, else by its place; an item of a removed criterion,
    // or without a pair, is removed. Every item of the previous edition is in the table.
    let mut evidence = BTreeMap::new();
    let new_criteria: BTreeMap<&str, &crate::pipeline::model::Criterion> = new
        .standards
        .iter()
        .flat_map(|s| &s.criteria)
        .map(|c| (c.id.as_str(), c))
        .collect();
    for c in old.standards.iter().flat_map(|s| &s.criteria) {
        let to = criteria
            .get(&c.id)
            .and_then(|m: &CriterionMap| m.to.as_deref())
            .and_then(|to| new_criteria.get(to));
        let mut taken = BTreeSet::new();
        let mut pairs: Vec<Option<usize>> = vec![None; c.evidence.len()];
        if let Some(n) = to {
            for (i, e) in c.evidence.iter().enumerate() {
                if let Some(j) = n
                    .evidence
                    .iter()
                    .position(|x| x.text == e.text)
                    .filter(|j| !taken.contains(j))
                {
                    taken.insert(j);
                    pairs[i] = Some(j);
                }
            }
            for (i, p) in pairs.iter_mut().enumerate() {
                if p.is_none() && i < n.evidence.len() && !taken.contains(&i) {
                    taken.insert(i);
                    *p = Some(i);
                }
            }
        }
        for (e, p) in c.evidence.iter().zip(pairs) {
            let target = match (to, p) {
                (Some(n), Some(j)) => Some(n.evidence[j].id.clone()),
                _ => None,
            };
            evidence.insert(e.id.clone(), target);
        }
    }
    let targets: BTreeSet<&str> = criteria.values().filter_map(|m| m.to.as_deref()).collect();
    let new_ids = new
        .standards
        .iter()
        .flat_map(|s| &s.criteria)
        .filter(|c| !targets.contains(c.id.as_str()))
        .map(|c| c.id.clone())
        .collect();
    Mapping {
        format: FORMAT.into(),
        version: VERSION,
        previous: diff.old.catalog.clone(),
        previous_edition: diff.old.edition.clone(),
        current: diff.new.catalog.clone(),
        current_edition: diff.new.edition.clone(),
        criteria,
        evidence,
        new: new_ids,
    }
}

/// What carrying a file over did, criterion by criterion.
#[derive(Debug, Default, Serialize, PartialEq)]
pub struct Carried {
    /// Rated criteria kept as they were (new ids).
    pub kept: Vec<String>,
    /// Rated criteria whose text changed: (old id, new id); the rating is kept, to be
    /// checked again.
    pub rerate: Vec<(String, String)>,
    /// Rated criteria the new edition no longer has (old ids); their entries are set aside
    /// in the file (`set_aside`), not scored.
    pub removed: Vec<String>,
    /// Ids the previous edition never had (a hand-edited file): set aside likewise.
    pub unknown: Vec<String>,
    /// Criteria of the new edition, unrated.
    pub new: Vec<String>,
}

/// Whether `file` was made on the previous edition of `m`.
pub fn applies(m: &Mapping, file: &AssessmentFile) -> bool {
    !file.handbook.catalog.is_empty()
        && file.handbook.catalog == m.previous
        && m.previous != m.current
}

/// Map `file` (made on the previous edition) to this one, in place; says what became of
/// each rated criterion. Entries of removed criteria and ids the previous edition never had
/// are moved to `set_aside` (never onto a criterion of this edition that bears the same id).
/// The file then bears this edition's catalogue hash.
pub fn carry(m: &Mapping, file: &mut AssessmentFile) -> Carried {
    let mut out = Carried::default();
    if file.set_aside.edition.is_empty() {
        file.set_aside.edition = if file.handbook.edition.is_empty() {
            m.previous_edition.clone().unwrap_or_default()
        } else {
            file.handbook.edition.clone()
        };
    }
    let old = std::mem::take(&mut file.ratings);
    for (id, entry) in old {
        let rated = entry.rating.is_some() || !entry.note.is_empty();
        match m.criteria.get(&id) {
            Some(CriterionMap {
                to: Some(to),
                state,
                ..
            }) if state != "removed" => {
                if rated && state == "rerate" {
                    out.rerate.push((id.clone(), to.clone()));
                } else if rated {
                    out.kept.push(to.clone());
                }
                file.ratings.insert(to.clone(), entry);
            }
            known => {
                // Listed even when unrated: nothing set aside goes unsaid.
                if known.is_some() {
                    out.removed.push(id.clone());
                } else {
                    out.unknown.push(id.clone());
                }
                file.set_aside.ratings.insert(id, entry);
            }
        }
    }
    let old = std::mem::take(&mut file.evidence);
    for (id, entry) in old {
        match m.evidence.get(&id) {
            Some(Some(to)) => {
                file.evidence.insert(to.clone(), entry);
            }
            _ => {
                file.set_aside.evidence.insert(id, entry);
            }
        }
    }
    let old = std::mem::take(&mut file.plan);
    for mut row in old {
        match m.criteria.get(&row.criterion) {
            Some(CriterionMap {
                to: Some(to),
                state,
                ..
            }) if state != "removed" => {
                row.criterion = to.clone();
                file.plan.push(row);
            }
            known => {
                let list = if known.is_some() {
                    &mut out.removed
                } else {
                    &mut out.unknown
                };
                if !list.contains(&row.criterion) {
                    list.push(row.criterion.clone());
                }
                file.set_aside.plan.push(row);
            }
        }
    }
    out.new = m.new.clone();
    out.kept.sort();
    out.rerate.sort();
    out.removed.sort();
    out.unknown.sort();
    file.handbook.catalog = m.current.clone();
    file.handbook.edition = m.current_edition.clone().unwrap_or_default();
    out
}
