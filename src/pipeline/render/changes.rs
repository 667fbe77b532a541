//! The site's "what changed since …" page, where `previous` in doracak.toml names the
//! previous edition: the differences (`edition::EditionDiff`) as a page, and the marks
//! ("changed in this edition") on the criteria and steps that changed, each linking to its
//! difference.

use std::collections::{BTreeMap, HashMap};

use super::views::{DiffView, change_anchor, diff_view};
use crate::edition::EditionDiff;
use crate::pipeline::model::Handbook;
use crate::theme::say;

/// What the pages need to know of the previous edition.
pub struct Changes {
    /// The page's address in the site (`ndryshimet.html`).
    pub page: String,
    pub view: DiffView,
    /// Criterion and step ids of this edition → the address of their difference.
    pub marks: BTreeMap<String, String>,
}

/// The address of a criterion, step, standard, procedure or role of `hb`, by kind and id.
fn url(hb: &Handbook, kind: &str, id: &str) -> Option<String> {
    let addr = &hb.addresses;
    match kind {
        "standard" => Some(addr.standard(id)),
        "criterion" => Some(addr.criterion(id)),
        "evidence" | "guidance" => id.rsplit_once('.').map(|(c, _)| addr.criterion(c)),
        "procedure" => Some(addr.procedure(id)),
        "step" => id.rsplit_once('.').map(|(p, _)| addr.in_procedure(p, id)),
        "role" => Some(addr.role(id)),
        _ => None,
    }
}

pub fn changes(hb: &Handbook, diff: &EditionDiff, ui: &HashMap<String, String>) -> Changes {
    let page = format!("{}.html", say(ui, "diff_file_name", &[]));
    let view = diff_view(diff, ui, &|kind, id| url(hb, kind, id));
    let mut marks = BTreeMap::new();
    for c in &diff.changes {
        if c.change == "removed" && c.kind != "timing" {
            continue;
        }
        let target = match (c.kind, &c.owner, &c.parent) {
            ("criterion" | "step", _, _) => Some(c.id.clone()),
            ("timing", Some(owner), _) => Some(owner.clone()),
            ("evidence" | "guidance", _, Some(parent)) => Some(parent.clone()),
            _ => None,
        };
        if let Some(t) = target {
            marks
                .entry(t)
                .or_insert_with(|| format!("{page}#{}", change_anchor(c.kind, &c.id)));
        }
    }
    Changes { page, view, marks }
}
