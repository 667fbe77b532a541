//! The views of the procedures: steps grouped under their sections, with who acts, by
//! when and with which form; the collections they belong to.

use std::collections::HashMap;

use serde::Serialize;

use super::{ActionView, Cx, DiagramBandView, Html, LinkView, TimingView, timing_view};

#[derive(Serialize)]
pub struct CollectionView {
    pub id: String,
    /// The act or guide the collection comes from, as the handbook declares it.
    pub source: Option<String>,
    pub intro_html: Option<Html>,
    pub title: String,
    pub procedures: Vec<LinkView>,
    /// The chapters of the collection (its guide's principles, background …).
    pub chapters: Vec<LinkView>,
}

#[derive(Serialize)]
pub struct ProcedureView {
    pub id: String,
    pub order: usize,
    pub title: String,
    pub url: String,
    pub collection: String,
    pub source: Option<String>,
    pub definition_html: Option<Html>,
    pub agencies_intro_html: Option<Html>,
    pub agencies: Vec<Html>,
    pub sections: Vec<SectionView>,
    pub step_groups: Vec<StepGroupView>,
    pub step_count: usize,
    pub documentation_intro: Option<String>,
    pub documentation: Vec<DocumentView>,
    /// The passage (section id) the documentation list is printed in, after its lead
    /// sentence, where the source prints it among the steps; none: at the page's end.
    pub documentation_at: Option<String>,
    /// Criteria of the standards that refer to this procedure.
    pub referenced_by: Vec<LinkView>,
    /// The forms of this phase: those its form group names and those its steps use.
    pub forms: Vec<LinkView>,
    /// The diagram, band by band (the step list is its text alternative).
    pub diagram: Vec<DiagramBandView>,
    /// Every step and section as who / what / by when / form, in printed order (the
    /// handout's table).
    pub actions: Vec<ActionView>,
    pub handout_url: String,
    /// The procedure's quiz, where its steps give one.
    pub quiz_url: Option<String>,
    /// The chapters that name the procedure (its guide's principles, background …).
    pub chapters: Vec<LinkView>,
}

#[derive(Serialize)]
pub struct SectionView {
    pub id: String,
    pub title: Option<String>,
    /// The title is the source's printed heading (else only what other pages call it).
    pub heading: bool,
    /// The indicators page, where the source prints the indicators in this passage.
    pub indicators_url: Option<String>,
    pub text_html: Option<Html>,
    pub items: Vec<Html>,
    pub timing: Vec<TimingView>,
}

/// Consecutive steps under the same heading (or none), after the passages the source
/// prints before them.
#[derive(Serialize)]
pub struct StepGroupView {
    /// Passages printed before the group's first step (`before_step`).
    pub sections: Vec<SectionView>,
    pub title: Option<String>,
    /// The group goes on under the heading of the group before it (passages the source
    /// prints under that heading stand between): the heading is printed once, not again.
    pub continued: bool,
    pub steps: Vec<StepView>,
}

#[derive(Serialize)]
pub struct StepView {
    pub id: String,
    pub number: String,
    /// The number or letter as the source prints it ("a)", "1."), shown instead of "Hapi N".
    pub printed: Option<String>,
    /// The step's name as every page gives it: [`crate::pipeline::model::Step::label`].
    pub label: String,
    pub title: Option<String>,
    pub text_html: Html,
    pub actors: Vec<LinkView>,
    /// Who acts where the source names a person, not a role, in its words.
    pub persons: Vec<String>,
    /// Actors who act for an institution, in the source's words ("APAP-i i SHSSH-së").
    pub acting_for: Vec<ActingForView>,
    pub timing: Vec<TimingView>,
    pub forms: Vec<LinkView>,
}

/// An actor of a step who acts for an institution: the actor's id, the source's words,
/// the institution's role where it has one.
#[derive(Serialize, Clone)]
pub struct ActingForView {
    pub actor: String,
    pub words: String,
    pub of: Option<LinkView>,
}

pub(super) fn acting_for_views(cx: &Cx, st: &crate::pipeline::model::Step) -> Vec<ActingForView> {
    st.acting_for
        .iter()
        .map(|a| ActingForView {
            actor: a.actor.clone(),
            words: a.words.clone(),
            of: a.of.as_ref().and_then(|id| {
                cx.titles
                    .links(std::slice::from_ref(id), &cx.titles.roles, |id| {
                        cx.addr.role(id)
                    })
                    .pop()
            }),
        })
        .collect()
}

#[derive(Serialize)]
pub struct DocumentView {
    pub text: String,
    pub forms: Vec<LinkView>,
}

pub(super) fn build(cx: &Cx) -> Vec<ProcedureView> {
    let mut proc_refs: HashMap<&str, Vec<LinkView>> = HashMap::new();
    for s in &cx.hb.standards {
        for c in &s.criteria {
            for p in &c.procedures {
                if let Some(pl) = cx.places.get(&c.id) {
                    proc_refs
                        .entry(p.as_str())
                        .or_default()
                        .push(LinkView::plain(
                            c.id.clone(),
                            crate::theme::say(
                                cx.ui,
                                "item_gloss",
                                &[("item", &pl.label), ("gloss", &pl.context)],
                            ),
                            pl.url.clone(),
                        ));
                }
            }
        }
    }

    cx.hb
        .procedures
        .iter()
        .map(|p| {
            let section_view = |s: &crate::pipeline::model::Section| SectionView {
                id: s.id.clone(),
                title: s.title.clone(),
                heading: s.heading,
                indicators_url: (s.indicators && cx.hb.indicators.is_some())
                    .then(|| cx.addr.indicators.clone()),
                text_html: cx.md.optional_html(&s.text),
                items: s.items.iter().map(|i| cx.html(i)).collect(),
                // A section has no "who" of its own: a timing that names whom it binds says
                // so beside it, as the handout does (adversary 49 M-2).
                timing: s
                    .timing
                    .iter()
                    .map(|t| match t.named {
                        true => super::timing::timing_view_with_who(t, cx),
                        false => timing_view(t, cx.ui),
                    })
                    .collect(),
            };
            let mut step_groups: Vec<StepGroupView> = Vec::new();
            for st in &p.steps {
                let before: Vec<SectionView> = p
                    .sections
                    .iter()
                    .filter(|s| s.before_step.as_deref() == Some(st.number.trim()))
                    .map(section_view)
                    .collect();
                let view = StepView {
                    id: st.id.clone(),
                    number: st.number.clone(),
                    printed: st.printed.clone(),
                    label: st.label(cx.ui),
                    title: st.title.clone(),
                    text_html: cx.procedure_html(&st.text),
                    actors: cx
                        .titles
                        .links(&st.actors, &cx.titles.roles, |id| cx.addr.role(id)),
                    persons: st.persons.clone(),
                    acting_for: acting_for_views(cx, st),
                    timing: st.timing.iter().map(|t| timing_view(t, cx.ui)).collect(),
                    forms: cx.titles.form_links(&st.forms),
                };
                match step_groups.last_mut() {
                    Some(g) if g.title == st.group && before.is_empty() => g.steps.push(view),
                    last => {
                        let continued =
                            st.group.is_some() && last.is_some_and(|g| g.title == st.group);
                        step_groups.push(StepGroupView {
                            sections: before,
                            title: st.group.clone(),
                            continued,
                            steps: vec![view],
                        })
                    }
                }
            }
            ProcedureView {
                id: p.id.clone(),
                order: p.order,
                title: p.title.clone(),
                url: cx.addr.procedure(&p.id),
                collection: p.collection.clone(),
                source: p.source.clone(),
                definition_html: cx.md.optional_html(&p.definition),
                agencies_intro_html: p
                    .agencies
                    .as_ref()
                    .and_then(|a| cx.md.optional_html(&a.intro)),
                agencies: p
                    .agencies
                    .iter()
                    .flat_map(|a| &a.items)
                    .map(|i| cx.html(i))
                    .collect(),
                // The passages printed after the steps (or among none of them).
                sections: p
                    .sections
                    .iter()
                    .filter(|s| s.before_step.is_none())
                    .map(section_view)
                    .collect(),
                step_count: p.steps.len(),
                step_groups,
                documentation_intro: p.documentation_intro.clone(),
                documentation_at: p
                    .sections
                    .iter()
                    .find(|s| s.documents)
                    .map(|s| s.id.clone()),
                documentation: p
                    .documentation
                    .iter()
                    .map(|d| DocumentView {
                        text: d.text.clone(),
                        forms: cx.titles.form_links(&d.forms),
                    })
                    .collect(),
                referenced_by: proc_refs.remove(p.id.as_str()).unwrap_or_default(),
                forms: {
                    let mut ids: Vec<String> = cx
                        .hb
                        .forms
                        .iter()
                        .filter(|f| f.procedure.as_deref() == Some(p.id.as_str()))
                        .map(|f| f.id.clone())
                        .collect();
                    for st in &p.steps {
                        for f in &st.forms {
                            if !ids.contains(f) {
                                ids.push(f.clone());
                            }
                        }
                    }
                    cx.titles.form_links(&ids)
                },
                diagram: super::diagrams::diagram(cx, p),
                // Steps and sections as the procedure page prints them.
                actions: super::training::printed_order(p)
                    .into_iter()
                    .filter_map(|id| cx.action(id))
                    .collect(),
                handout_url: cx.addr.handout(&p.id),
                quiz_url: None,
                chapters: Vec::new(),
            }
        })
        .collect()
}

/// The collections the procedures index shows, each with its procedures.
pub(super) fn collections(cx: &Cx, procedures: &[ProcedureView]) -> Vec<CollectionView> {
    // The collections the handbook declares, in its order; where it declares none, one
    // per collection its procedures name, titled by the id.
    let declared: Vec<crate::config::Collection> = if cx.hb.config.collections.is_empty() {
        let mut ids: Vec<&str> = Vec::new();
        for p in &cx.hb.procedures {
            if !ids.contains(&p.collection.as_str()) {
                ids.push(&p.collection);
            }
        }
        ids.into_iter()
            .map(|id| crate::config::Collection {
                id: id.to_string(),
                title: id.to_string(),
                source: None,
                intro: None,
                jurisdiction: None,
                jurisdiction_at: None,
            })
            .collect()
    } else {
        cx.hb.config.collections.clone()
    };
    declared
        .iter()
        .map(|c| CollectionView {
            id: c.id.clone(),
            title: c.title.clone(),
            source: c.source.clone(),
            intro_html: cx.md.optional_html(&c.intro),
            procedures: procedures
                .iter()
                .filter(|p| p.collection == c.id)
                .map(|p| LinkView::plain(p.id.clone(), p.title.clone(), p.url.clone()))
                .collect(),
            chapters: Vec::new(),
        })
        .filter(|c| !c.procedures.is_empty())
        .collect()
}
