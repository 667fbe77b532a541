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
    /// Role ids of this edition → the address of their difference: the role's own, or that
    /// of the first changed step or criterion it acts in (or came to or left).
    pub roles: BTreeMap<String, String>,
    /// Form ids of this edition → the address of their difference (title, group or its
    /// printed words changed; added; renumbered).
    pub forms: BTreeMap<String, String>,
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
    let (roles, forms) = role_and_form_marks(hb, diff, &page);
    Changes {
        page,
        view,
        marks,
        roles,
        forms,
    }
}

/// The marks of roles and forms: a role or form whose own entry changed links to that
/// difference; a role also where a step or criterion it acts in changed, or where it came
/// to or left one (to the first such difference).
fn role_and_form_marks(
    hb: &Handbook,
    diff: &EditionDiff,
    page: &str,
) -> (BTreeMap<String, String>, BTreeMap<String, String>) {
    let link = |c: &crate::edition::Change| format!("{page}#{}", change_anchor(c.kind, &c.id));
    let mut roles = BTreeMap::new();
    let mut forms = BTreeMap::new();
    let live = |c: &&crate::edition::Change| c.change != "removed" || c.kind == "timing";
    for c in diff.changes.iter().filter(live) {
        match c.kind {
            "role" => {
                roles.insert(c.id.clone(), link(c));
            }
            "form" => {
                forms.insert(c.id.clone(), link(c));
            }
            _ => {}
        }
    }
    let actors_of = |id: &str| -> Vec<String> {
        let step = hb
            .procedures
            .iter()
            .flat_map(|p| &p.steps)
            .find(|st| st.id == id)
            .map(|st| st.actors.clone());
        step.or_else(|| {
            hb.standards
                .iter()
                .flat_map(|s| &s.criteria)
                .find(|c| c.id == id)
                .map(|c| c.roles.clone())
        })
        .unwrap_or_default()
    };
    for c in diff.changes.iter().filter(live) {
        let owner = match c.kind {
            "step" | "criterion" => c.id.as_str(),
            "timing" => c.owner.as_deref().unwrap_or_default(),
            _ => continue,
        };
        let mut who = actors_of(owner);
        if let Some(a) = &c.actors {
            who.extend(a.removed.iter().chain(&a.added).map(|n| n.id.clone()));
        }
        for r in who {
            if hb.roles.iter().any(|x| x.id == r) {
                roles.entry(r).or_insert_with(|| link(c));
            }
        }
    }
    (roles, forms)
}
