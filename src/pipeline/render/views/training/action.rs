//! An action of the handbook, a step, a criterion or a procedure section: where each is
//! ([`ActionAt`], [`actions`]) and its view ([`ActionView`], [`action`]), made when asked for.

use std::collections::HashMap;

use serde::Serialize;

use super::super::procedures::{ActingForView, acting_for_views};
use super::super::timing::timing_view_with_who;
use super::super::{Cx, Html, LinkView, TimingView, as_name, timing_view, ui_get};
use super::words::{action_words, timing_words};
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
    pub acting_for: Vec<ActingForView>,
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

/// Where an action is in the handbook: a criterion (standard, criterion), a step or a
/// section of a procedure (procedure, index).
#[derive(Clone, Copy)]
pub(in crate::pipeline::render::views) enum ActionAt {
    Criterion(usize, usize),
    Step(usize, usize),
    Section(usize, usize),
}

/// Every step, criterion and procedure section by id: where it is, its view made when asked
/// for ([`action`]), never every action's at once.
pub(in crate::pipeline::render::views) fn actions(cx: &Cx) -> HashMap<String, ActionAt> {
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
pub(in crate::pipeline::render::views) fn action(cx: &Cx, at: ActionAt) -> ActionView {
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
                false => timing_view_with_who(t, cx),
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
                acting_for: acting_for_views(cx, st),
                timing,
                when,
                forms: cx.titles.form_links(&st.forms),
                form_users: st.form_links.iter().map(|l| l.actors.clone()).collect(),
                text_html: Some(cx.procedure_html(&st.text)),
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
                (Some(t), _) => as_name(t),
                (None, Some(text)) => action_words(None, text),
                (None, None) => format!("{} {}", ui_get(cx.ui, "section"), i + 1),
            };
            ActionView {
                id: sec.id.clone(),
                // Its title; a passage without one is "Pjesa N" (its words stand beside).
                label: sec
                    .title
                    .as_deref()
                    .map(as_name)
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
                text_html: Some(cx.procedure_html(&section_text(sec))),
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
