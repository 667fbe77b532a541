//! The views of the trainer's kit and of "what must I do, by when": every action (a step or
//! a criterion) with who does it, what, by when and with which form; the diagrams of the
//! procedures; the role cards; the handouts; the trainer's page.

use std::collections::HashMap;

use serde::Serialize;

use super::{Cx, Html, LinkView, TimingView, timing_view, ui_get};
use crate::pipeline::model;

/// One thing a role does: a step of a procedure or a criterion of a standard.
#[derive(Serialize, Clone)]
pub struct ActionView {
    pub id: String,
    /// "Hapi 3", "Kriteri 2.1".
    pub label: String,
    pub url: String,
    /// What is done, in words: the step's title, or the first sentence of its text.
    pub what: String,
    pub who: Vec<LinkView>,
    /// Who acts where the source names a person, not a role, in its words (a step's
    /// `persons`).
    pub persons: Vec<String>,
    /// Actors who act for an institution, in the source's words (a step's `acting_for`).
    pub acting_for: Vec<super::procedures::ActingForView>,
    pub timing: Vec<TimingView>,
    /// Each timing in words ("brenda 24 orë").
    pub when: Vec<String>,
    pub forms: Vec<LinkView>,
    /// Who uses each of `forms`, where the source splits the step's actors (a link's
    /// `actors:`); empty: every actor of the step.
    #[serde(skip)]
    pub form_users: Vec<Vec<String>>,
    /// The whole text of the step or criterion (the handout, the role card and the
    /// register carry every paragraph).
    pub text_html: Option<Html>,
    /// The step's own title, where the source gives one (shown above its whole text).
    pub heading: Option<String>,
    /// A passage of the procedure (a section), not a step: the handout prints it across
    /// its table, under its printed heading or none.
    pub passage: bool,
    /// The heading the source prints over the passage, where it prints one (never the
    /// "Pjesa N" a label falls back to).
    pub passage_title: Option<String>,
    /// The indicators page, where the source prints the indicators in this passage.
    pub passage_indicators: Option<String>,
    /// The printed heading the step stands under (a step's `group`).
    pub group: Option<String>,
    /// The procedure's collection, or `standards` for a criterion.
    pub collection: String,
    /// The procedure or standard it belongs to.
    pub parent: LinkView,
}

/// The action in words: the title where there is one, else the text's first sentence.
pub fn action_words(title: Option<&str>, text: &str) -> String {
    if let Some(t) = title.filter(|t| !t.trim().is_empty()) {
        return t.trim().to_string();
    }
    let plain = crate::markdown::to_plain(text).replace('\n', " ");
    let plain = plain.trim();
    // The first sentence, cut where every quote cuts one (`text::sentences`: never after a
    // declared abbreviation, "nr.", "psh.", nor initials or another abbreviation written with
    // dots, "p.sh."), or at a question or exclamation mark before a capital.
    let first = crate::text::sentences(plain)
        .into_iter()
        .next()
        .unwrap_or(plain)
        .trim_end();
    let chars: Vec<(usize, char)> = first.char_indices().collect();
    for w in chars.windows(3) {
        let ((i, a), (_, b), (_, c)) = (w[0], w[1], w[2]);
        if matches!(a, '?' | '!') && b == ' ' && (c.is_uppercase() || c == '(') {
            return first[..=i].to_string();
        }
    }
    first.to_string()
}

/// What a diagram's box says. A step the source names by a title ("Hapi 3. Vlerësimi …",
/// the Kosovo guide's steps) is drawn by that title, whole: its body runs to pages, and its
/// deadlines and forms are drawn in the box beside it. A step without a title is drawn by
/// every paragraph of its normative text (never an example, never a footnote), whole, one a
/// line: who must attend, where the appeal is lodged and how the commission proceeds are
/// part of the step as much as its deadlines are.
pub fn box_words(st: &crate::pipeline::model::Step) -> String {
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(t) = st.title.as_deref().filter(|t| !t.trim().is_empty()) {
        return squash(t);
    }
    let normative = crate::markdown::without_examples(&st.text);
    crate::markdown::without_notes(&normative)
        .into_iter()
        .map(|p| squash(&crate::markdown::to_plain(p)))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A timing in words: "brenda 24 orë", "të paktën 3 ditë para".
pub fn timing_words(t: &TimingView) -> String {
    t.phrase.clone()
}

/// Where an action is in the handbook: a criterion (standard, criterion), a step or a
/// section of a procedure (procedure, index).
#[derive(Clone, Copy)]
pub(super) enum ActionAt {
    Criterion(usize, usize),
    Step(usize, usize),
    Section(usize, usize),
}

/// Every step, criterion and procedure section by id: where it is, its view made when asked
/// for ([`action`]), never every action's at once.
pub(super) fn actions(cx: &Cx) -> HashMap<String, ActionAt> {
    let mut m = HashMap::new();
    for (si, s) in cx.hb.standards.iter().enumerate() {
        for (ci, c) in s.criteria.iter().enumerate() {
            m.insert(c.id.clone(), ActionAt::Criterion(si, ci));
        }
    }
    for (pi, p) in cx.hb.procedures.iter().enumerate() {
        for (i, st) in p.steps.iter().enumerate() {
            m.insert(st.id.clone(), ActionAt::Step(pi, i));
        }
        for (i, sec) in p.sections.iter().enumerate() {
            m.insert(sec.id.clone(), ActionAt::Section(pi, i));
        }
    }
    m
}

/// The step, criterion or procedure section at `at` as an action.
pub(super) fn action(cx: &Cx, at: ActionAt) -> ActionView {
    // `owners`: the actors of what the timings sit on, where they alone act in it (no persons
    // beside them); timings binding exactly them say no one apart, as those with no
    // `actors:` ("menjëherë", not "A/IPIF: menjëherë" on one step and bare on its twin,
    // read-47b L-4).
    let timings = |ts: &[model::Timing], owners: &[String]| -> (Vec<TimingView>, Vec<String>) {
        let same = |actors: &[String]| {
            !actors.is_empty()
                && actors.len() == owners.len()
                && actors.iter().all(|a| owners.contains(a))
        };
        // Only where every timing there binds them: beside one said of someone else, each
        // says whose it is.
        let bare = ts
            .iter()
            .filter(|t| t.kind != "none")
            .all(|t| !t.named || (t.persons.is_empty() && same(&t.actors)));
        let views: Vec<TimingView> = ts
            .iter()
            .filter(|t| t.kind != "none")
            .map(|t| match bare {
                true => timing_view(t, cx.ui),
                false => super::timing::timing_view_with_who(t, cx),
            })
            .collect();
        let words = views.iter().map(timing_words).collect();
        (views, words)
    };
    match at {
        ActionAt::Criterion(si, ci) => {
            let s = &cx.hb.standards[si];
            let c = &s.criteria[ci];
            let parent = LinkView::plain(
                s.id.clone(),
                crate::theme::say(
                    cx.ui,
                    "label_value",
                    &[
                        (
                            "label",
                            &format!("{} {}", ui_get(cx.ui, "standard"), s.number),
                        ),
                        ("value", &s.title),
                    ],
                ),
                cx.addr.standard(&s.id),
            );
            let (timing, when) = timings(&c.timing, &c.roles);
            ActionView {
                id: c.id.clone(),
                label: crate::theme::say(
                    cx.ui,
                    "criterion_number",
                    &[(
                        "number",
                        &crate::theme::say(
                            cx.ui,
                            "sub_number",
                            &[
                                ("standard", &s.number.to_string()),
                                ("number", &c.number.to_string()),
                            ],
                        ),
                    )],
                ),
                url: cx.addr.criterion(&c.id),
                what: action_words(None, &c.text),
                who: cx
                    .titles
                    .links(&c.roles, &cx.titles.roles, |id| cx.addr.role(id)),
                persons: Vec::new(),
                acting_for: Vec::new(),
                timing,
                when,
                forms: cx.titles.form_links(&c.forms),
                form_users: Vec::new(),
                text_html: Some(cx.html(&c.text)),
                heading: None,
                passage: false,
                passage_title: None,
                passage_indicators: None,
                group: None,
                collection: "standards".into(),
                parent,
            }
        }
        ActionAt::Step(pi, i) => {
            let p = &cx.hb.procedures[pi];
            let st = &p.steps[i];
            let parent = LinkView::plain(p.id.clone(), p.title.clone(), cx.addr.procedure(&p.id));
            let owners: &[String] = if st.persons.is_empty() {
                &st.actors
            } else {
                &[]
            };
            let (timing, when) = timings(&st.timing, owners);
            ActionView {
                id: st.id.clone(),
                label: st.label(cx.ui),
                url: cx.addr.in_procedure(&p.id, &st.id),
                what: action_words(st.title.as_deref(), &st.text),
                who: cx
                    .titles
                    .links(&st.actors, &cx.titles.roles, |id| cx.addr.role(id)),
                persons: st.persons.clone(),
                acting_for: super::procedures::acting_for_views(cx, st),
                timing,
                when,
                forms: cx.titles.form_links(&st.forms),
                form_users: st.form_links.iter().map(|l| l.actors.clone()).collect(),
                text_html: Some(cx.html(&st.text)),
                heading: st.title.clone().filter(|t| !t.trim().is_empty()),
                passage: false,
                passage_title: None,
                passage_indicators: None,
                group: st.group.clone().filter(|g| !g.trim().is_empty()),
                collection: p.collection.clone(),
                parent,
            }
        }
        ActionAt::Section(pi, i) => {
            let p = &cx.hb.procedures[pi];
            let sec = &p.sections[i];
            let parent = LinkView::plain(p.id.clone(), p.title.clone(), cx.addr.procedure(&p.id));
            let (timing, when) = timings(&sec.timing, &[]);
            let what = match (&sec.title, &sec.text) {
                (Some(t), _) => super::as_name(t),
                (None, Some(text)) => action_words(None, text),
                (None, None) => format!("{} {}", ui_get(cx.ui, "section"), i + 1),
            };
            ActionView {
                id: sec.id.clone(),
                // Its title; a passage without one is "Pjesa N" (its words stand beside).
                label: sec
                    .title
                    .as_deref()
                    .map(super::as_name)
                    .unwrap_or_else(|| format!("{} {}", ui_get(cx.ui, "section"), i + 1)),
                url: cx.addr.in_procedure(&p.id, &sec.id),
                what,
                // The body whose duty the passage sets (its timings' actors).
                who: {
                    let mut ids: Vec<String> = Vec::new();
                    for r in sec.timing.iter().flat_map(|t| &t.actors) {
                        if !ids.contains(r) {
                            ids.push(r.clone());
                        }
                    }
                    cx.titles
                        .links(&ids, &cx.titles.roles, |id| cx.addr.role(id))
                },
                persons: Vec::new(),
                acting_for: Vec::new(),
                timing,
                when,
                forms: Vec::new(),
                form_users: Vec::new(),
                text_html: Some(cx.html(&section_text(sec))),
                heading: None,
                passage: true,
                passage_title: sec
                    .title
                    .clone()
                    .filter(|t| sec.heading && !t.trim().is_empty()),
                passage_indicators: (sec.indicators && cx.hb.indicators.is_some())
                    .then(|| cx.addr.indicators.clone()),
                group: None,
                collection: p.collection.clone(),
                parent,
            }
        }
    }
}

/// A section's whole text as Markdown: its passage, then its items as a list.
fn section_text(sec: &model::Section) -> String {
    let mut md = sec.text.clone().unwrap_or_default();
    if !sec.items.is_empty() {
        if !md.trim().is_empty() {
            md.push_str("\n\n");
        }
        for item in &sec.items {
            // An item of several lines stays one list item.
            md.push_str("- ");
            md.push_str(&item.replace('\n', "\n  "));
            md.push('\n');
        }
    }
    md
}

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
pub(super) fn card_plan(acts_in: &[String], cx: &Cx) -> Vec<CardGroupAt> {
    let mut procedures: Vec<CardGroupAt> = Vec::new();
    let mut standards: Vec<CardGroupAt> = Vec::new();
    let order: HashMap<&str, usize> = cx
        .hb
        .procedures
        .iter()
        .flat_map(printed_order)
        .enumerate()
        .map(|(i, id)| (id, i))
        .collect();
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
pub(super) fn card_group(cx: &Cx, role: &str, group: &CardGroupAt) -> CardGroupView {
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
pub(super) fn card(role: &str, acts_in: &[String], cx: &Cx) -> Vec<CardGroupView> {
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

/// The roles the deadlines register can be filtered by: those who act on one of its rows,
/// by title.
pub fn deadline_roles(deadlines: &[super::DeadlineView]) -> Vec<LinkView> {
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
    deadlines: &[super::DeadlineView],
    collections: &[super::CollectionView],
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_action_is_the_title_or_the_first_sentence() {
        assert_eq!(action_words(Some("Pritja"), "Tjetër. Fjali."), "Pritja");
        assert_eq!(
            action_words(None, "Personi pritet. Pastaj **intervistohet**."),
            "Personi pritet."
        );
        assert_eq!(
            action_words(None, "Sipas nr. 5 të ligjit, p.sh. Dosja. Pastaj tjetër."),
            "Sipas nr. 5 të ligjit, p.sh. Dosja."
        );
        assert_eq!(action_words(None, "Pa pikë në fund"), "Pa pikë në fund");
        // Cut as every quote is cut (`text::sentences`): a declared abbreviation ends no
        // sentence ("psh.", which has no dot inside), and a short word or a number that
        // is none still ends one.
        assert_eq!(
            action_words(None, "Dokumente psh. Fletëpalosja. Pastaj tjetër."),
            "Dokumente psh. Fletëpalosja."
        );
        assert_eq!(
            action_words(None, "Njofton MR. Pastaj tjetër."),
            "Njofton MR."
        );
        assert_eq!(
            action_words(None, "Sipas nenit 5. Pastaj tjetër."),
            "Sipas nenit 5."
        );
        assert_eq!(action_words(None, "Kush? Pastaj tjetër."), "Kush?");
    }
}
