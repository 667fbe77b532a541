//! Assessments carry over: an assessment made on the previous edition (its catalogue hash
//! says which) is mapped to this one. Ratings of unchanged criteria are kept; criteria whose
//! text or time limits changed keep their rating, flagged "re-rate"; ratings of removed
//! criteria stay in the file under their old id (not scored) and are listed apart; new
//! criteria are unrated. The build writes the mapping table for the browser
//! (`editions.js` in the assessment folder); `doracak report` computes the same table with the same code.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::EditionDiff;
use crate::assessment::AssessmentFile;
use crate::pipeline::model::Handbook;

/// What became of one criterion of the previous edition.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct CriterionMap {
    /// Its id in this edition; none when removed.
    pub to: Option<String>,
    /// `kept`, `rerate` or `removed`.
    pub state: String,
    /// The anchor of its difference on the "what changed" page, where it changed.
    pub change: Option<String>,
}

/// The mapping table from the previous edition to this one.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Mapping {
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
    /// Evidence items of the previous edition whose id changed: old id → new id (none:
    /// removed).
    pub evidence: BTreeMap<String, Option<String>>,
    /// Criteria of this edition that the previous one did not have.
    pub new: Vec<String>,
}

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
                        }
                    }
                };
            criteria.insert(c.id.clone(), m);
        }
    }
    let mut evidence = BTreeMap::new();
    for x in diff.changes.iter().filter(|x| x.kind == "evidence") {
        match (x.change, &x.old_id) {
            ("removed", Some(old_id)) => {
                evidence.insert(old_id.clone(), None);
            }
            (_, Some(old_id)) if *old_id != x.id => {
                evidence.insert(old_id.clone(), Some(x.id.clone()));
            }
            _ => {}
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
    /// Rated criteria the new edition no longer has (old ids); their entries stay in the
    /// file, not scored.
    pub removed: Vec<String>,
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
/// each rated criterion. The file then bears this edition's catalogue hash.
pub fn carry(m: &Mapping, file: &mut AssessmentFile) -> Carried {
    let mut out = Carried::default();
    let old = std::mem::take(&mut file.ratings);
    for (id, entry) in old {
        let rated = entry.rating.is_some() || !entry.note.is_empty();
        match m.criteria.get(&id) {
            Some(c) if c.state != "removed" => {
                let to = c.to.clone().unwrap_or_else(|| id.clone());
                if rated {
                    if c.state == "rerate" {
                        out.rerate.push((id.clone(), to.clone()));
                    } else {
                        out.kept.push(to.clone());
                    }
                }
                file.ratings.insert(to, entry);
            }
            Some(_) => {
                if rated {
                    out.removed.push(id.clone());
                }
                file.ratings.insert(id, entry);
            }
            // Not of the previous edition either: kept as it was.
            None => {
                file.ratings.insert(id, entry);
            }
        }
    }
    let old = std::mem::take(&mut file.evidence);
    for (id, entry) in old {
        let to = match m.evidence.get(&id) {
            Some(Some(to)) => to.clone(),
            _ => id,
        };
        file.evidence.insert(to, entry);
    }
    for row in &mut file.plan {
        if let Some(CriterionMap { to: Some(to), .. }) = m.criteria.get(&row.criterion) {
            row.criterion = to.clone();
        }
    }
    out.new = m.new.clone();
    out.kept.sort();
    out.rerate.sort();
    out.removed.sort();
    file.handbook.catalog = m.current.clone();
    file.handbook.edition = m.current_edition.clone().unwrap_or_default();
    out
}

/// The previous edition's mapping table and differences, where `previous` in doracak.toml
/// names one (its problems go into `diags`); `words` says a timing.
pub fn previous(
    root: &std::path::Path,
    hb: &Handbook,
    words: &dyn Fn(&crate::pipeline::model::Timing) -> String,
    diags: &mut crate::diagnostics::Diagnostics,
) -> Option<(Mapping, EditionDiff)> {
    let old = crate::previous_edition(root, hb, diags)?;
    let diff = super::diff(&old, hb, words);
    Some((mapping(&old, hb, &diff), diff))
}
