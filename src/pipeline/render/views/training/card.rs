//! The role cards: a role's actions grouped by procedure (as printed) then by standard,
//! planned by where they are and made a group at a time, each action as it binds the role.

use serde::Serialize;

use super::super::{Cx, LinkView};
use super::action::{ActionAt, ActionView, action};
use crate::pipeline::model;

/// The ids of a procedure's steps and sections in the order the source prints them: a
/// section before the step it names in `before_step`, the others after every step.
pub fn printed_order(p: &model::Procedure) -> Vec<&str> {
    let mut ids = Vec::new();
    for st in &p.steps {
        for sec in &p.sections {
            if sec.before_step.as_deref() == Some(st.number.trim()) {
                ids.push(sec.id.as_str());
            }
        }
        ids.push(st.id.as_str());
    }
    for sec in &p.sections {
        let placed = sec
            .before_step
            .as_deref()
            .is_some_and(|b| p.steps.iter().any(|st| st.number.trim() == b));
        if !placed {
            ids.push(sec.id.as_str());
        }
    }
    ids
}

/// A role's card: every action of the role, grouped by procedure (in order), then by
/// standard.
#[derive(Serialize)]
pub struct CardGroupView {
    pub parent: LinkView,
    /// `procedure` or `standard`.
    pub kind: &'static str,
    pub actions: Vec<ActionView>,
}

/// A group of a role's card by where its actions are, before their views are made: the
/// card's views (one per criterion and step the role acts in, a hundred thousand on a
/// thousand standards) are made when the role's pages render, a group at a time.
pub struct CardGroupAt {
    actions: Vec<ActionAt>,
}

impl ActionAt {
    /// The procedure (`true`, its index) or the standard (`false`) the action belongs to.
    fn parent(self) -> (bool, usize) {
        match self {
            ActionAt::Criterion(si, _) => (false, si),
            ActionAt::Step(pi, _) | ActionAt::Section(pi, _) => (true, pi),
        }
    }
}

/// The groups of the card of a role acting in `acts_in`: by procedure (in the handbook's
/// order, their steps and sections as printed), then by standard.
pub(in crate::pipeline::render::views) fn card_plan(
    acts_in: &[String],
    cx: &Cx,
) -> Vec<CardGroupAt> {
    let mut procedures: Vec<CardGroupAt> = Vec::new();
    let mut standards: Vec<CardGroupAt> = Vec::new();
    // (The same for every card: made once.)
    let order = cx.printed_order.get_or_init(|| {
        cx.hb
            .procedures
            .iter()
            .flat_map(printed_order)
            .enumerate()
            .map(|(i, id)| (id, i))
            .collect()
    });
    let mut ids: Vec<&String> = acts_in.iter().collect();
    ids.sort_by_key(|id| order.get(id.as_str()).copied().unwrap_or(usize::MAX));
    for id in ids {
        let Some(at) = cx.action_at(id) else { continue };
        let groups = if at.parent().0 {
            &mut procedures
        } else {
            &mut standards
        };
        match groups.last_mut() {
            Some(g) if g.actions[0].parent() == at.parent() => g.actions.push(at),
            _ => groups.push(CardGroupAt { actions: vec![at] }),
        }
    }
    procedures.extend(standards);
    procedures
}

/// The view of a group of `role`'s card, each action as it binds the role.
pub(in crate::pipeline::render::views) fn card_group(
    cx: &Cx,
    role: &str,
    group: &CardGroupAt,
) -> CardGroupView {
    let actions: Vec<ActionView> = group
        .actions
        .iter()
        .map(|&at| {
            let mut a = for_role(&action(cx, at), role);
            // A card holds no footnotes: a printed lead-in's marker ("Referimit¹", 002:94)
            // would point at no note there (adversary 48 L-3).
            a.group = a.group.map(|g| {
                g.chars()
                    .filter(|c| !crate::text::is_note_marker(*c))
                    .collect()
            });
            a
        })
        .collect();
    let (in_procedure, _) = group.actions[0].parent();
    CardGroupView {
        parent: actions[0].parent.clone(),
        kind: if in_procedure {
            "procedure"
        } else {
            "standard"
        },
        actions,
    }
}

/// The whole card of a role acting in `acts_in`.
pub(in crate::pipeline::render::views) fn card(
    role: &str,
    acts_in: &[String],
    cx: &Cx,
) -> Vec<CardGroupView> {
    card_plan(acts_in, cx)
        .iter()
        .map(|g| card_group(cx, role, g))
        .collect()
}

/// The action as it binds `role`: only the timings that bind it (those naming no one of
/// their own bind every actor of the step), and only the forms it uses.
pub fn for_role(a: &ActionView, role: &str) -> ActionView {
    let mut a = a.clone();
    let keep: Vec<bool> = a
        .timing
        .iter()
        .map(|t| !t.named || t.actors.iter().any(|x| x == role))
        .collect();
    let mut k = keep.iter();
    a.timing.retain(|_| *k.next().unwrap_or(&true));
    let mut k = keep.iter();
    a.when.retain(|_| *k.next().unwrap_or(&true));
    // Only the forms the role uses, where the source splits them (001:718-720).
    if !a.form_users.is_empty() {
        let users = std::mem::take(&mut a.form_users);
        let mut u = users.iter();
        a.forms.retain(|_| {
            u.next()
                .is_none_or(|u| u.is_empty() || u.iter().any(|x| x == role))
        });
    }
    a
}
