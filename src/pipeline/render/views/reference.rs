//! The views of the reference pages: the forms catalogue, the glossary, the principles,
//! the trafficking indicators, the action plans and the deadlines register.

use serde::Serialize;

use super::{ActsView, Cx, Html, LinkView, TimingView, lines_html, timing_view};

#[derive(Serialize)]
pub struct FormGroupView {
    pub title: String,
    /// The heading of the printed list the group is part of.
    pub list: Option<String>,
    pub procedure: Option<LinkView>,
    pub forms: Vec<FormView>,
}

#[derive(Serialize)]
pub struct FormView {
    pub id: String,
    /// The code as the catalogue shows it: the id, with the form's own printed code
    /// beside it where it is encoded ("MR3 (E-3)"); none where the source prints none.
    pub code: Option<String>,
    /// The form's own page, where it is encoded field by field.
    pub page_url: Option<String>,
    pub title: String,
    pub used_by: Vec<ActsView>,
}

#[derive(Serialize, Default)]
pub struct GlossaryView {
    pub source: Option<String>,
    pub abbreviations: Vec<TermView>,
    pub definitions: Vec<TermView>,
}

#[derive(Serialize)]
pub struct TermView {
    pub id: String,
    pub term: String,
    pub abbr: Option<String>,
    pub text_html: Html,
    /// The definition's own source, where it has one (or, for a term defined by two
    /// sources, the glossary's).
    pub source: Option<String>,
    /// The title of the procedure collection the term belongs to.
    pub collection: Option<String>,
    /// The same term defined by another source, shown with it.
    pub also: Vec<TermView>,
}

#[derive(Serialize, Default)]
pub struct PrinciplesView {
    pub source: Option<String>,
    pub intro_html: Option<Html>,
    pub principles: Vec<TermView>,
}

#[derive(Serialize)]
pub struct IndicatorsView {
    pub title: String,
    pub source: Option<String>,
    pub intro_html: Option<Html>,
    pub groups: Vec<IndicatorGroupView>,
    pub total: usize,
}

#[derive(Serialize)]
pub struct IndicatorGroupView {
    pub id: String,
    pub title: String,
    pub intro_html: Option<Html>,
    pub items: Vec<IndicatorView>,
}

#[derive(Serialize)]
pub struct IndicatorView {
    pub id: String,
    pub text_html: Html,
    /// The text as phrasing content, for the checkbox's `<label>`; none where the text is
    /// more than one paragraph (the checkbox is then labelled by the text's block).
    pub label_html: Option<Html>,
}

#[derive(Serialize)]
pub struct PlanView {
    pub id: String,
    pub title: String,
    pub url: String,
    pub source: Option<String>,
    pub intro_html: Option<Html>,
    pub goals: Vec<GoalView>,
    pub activity_count: usize,
}

#[derive(Serialize)]
pub struct GoalView {
    pub id: String,
    pub number: String,
    pub title: String,
    pub objectives: Vec<ObjectiveView>,
}

#[derive(Serialize)]
pub struct ObjectiveView {
    pub id: String,
    pub number: String,
    pub title: String,
    pub activities: Vec<ActivityView>,
}

#[derive(Serialize)]
pub struct ActivityView {
    pub id: String,
    pub number: String,
    pub text_html: Html,
    pub responsible: Option<Html>,
    pub timeframe: Option<Html>,
    pub indicators_html: Option<Html>,
    pub legal: Option<Html>,
    pub funding: Option<Html>,
    pub cost: Option<Html>,
}

#[derive(Serialize)]
pub struct DeadlineView {
    pub timing: TimingView,
    pub owner: ActsView,
    pub owner_kind: &'static str,
    /// Who does what, and in which collection (`standards` for a criterion).
    pub action: Option<super::ActionView>,
    /// Whom the deadline binds: the timing's own actors where it names them, else every
    /// actor of its step or criterion.
    pub who: Vec<LinkView>,
    /// The persons it binds, in the source's words: a timing naming none of the roles
    /// (`actors: []`) on a step that names persons who act (`persons`).
    pub persons: Vec<String>,
    /// The ids of those roles, space-separated (for the register's filter).
    pub roles: String,
    /// Its place in the register's order (by length, "brenda ditës" after the hours, "sa më
    /// shpejt" after "menjëherë"): the length column sorts by it in the browser, so a click
    /// gives the order the page is printed in, never a second one.
    pub rank: usize,
}

/// The forms catalogue, grouped as `content/forms.yaml` groups it.
pub(super) fn forms(cx: &Cx) -> Vec<FormGroupView> {
    let mut forms: Vec<FormGroupView> = Vec::new();
    for f in &cx.hb.forms {
        let view = FormView {
            id: f.id.clone(),
            code: match &f.template {
                Some(_) => Some(super::super::forms::label(&f.id, f.printed_code.as_deref())),
                None => f.code.clone(),
            },
            page_url: f.template.as_ref().map(|_| cx.addr.form_page(&f.id)),
            title: f.title.clone(),
            used_by: f.used_by.iter().filter_map(|id| cx.place(id)).collect(),
        };
        match forms.last_mut() {
            Some(g) if g.title == f.group => g.forms.push(view),
            _ => forms.push(FormGroupView {
                title: f.group.clone(),
                list: f.list.clone(),
                procedure: f.procedure.as_ref().map(|p| LinkView {
                    id: p.clone(),
                    code: None,
                    title: cx
                        .titles
                        .procedures
                        .get(p.as_str())
                        .copied()
                        .unwrap_or(p)
                        .to_string(),
                    url: cx.addr.procedure(p),
                }),
                forms: vec![view],
            }),
        }
    }
    forms
}

/// Everything else the reference pages show.
pub(super) struct Reference {
    pub form_pages: Vec<super::super::forms::FormPageView>,
    pub glossary: GlossaryView,
    pub principles: PrinciplesView,
    pub indicators: Option<IndicatorsView>,
    pub plans: Vec<PlanView>,
    pub deadlines: Vec<DeadlineView>,
}

pub(super) fn build(cx: &Cx) -> Reference {
    let form_pages = cx
        .hb
        .forms
        .iter()
        .filter_map(|f| {
            super::super::forms::page(
                f,
                f.used_by.iter().filter_map(|id| cx.place(id)).collect(),
                cx.ui,
                cx.addr,
            )
        })
        .collect();

    let collection_title = |id: &String| {
        cx.hb
            .config
            .collections
            .iter()
            .find(|c| &c.id == id)
            .map_or_else(|| id.clone(), |c| c.title.clone())
    };
    let term = |t: &crate::pipeline::model::Term| TermView {
        id: t.id.clone(),
        term: t.term.clone(),
        abbr: t.abbr.clone(),
        text_html: cx.html(&t.text),
        source: t.source.clone(),
        collection: t.collection.as_ref().map(collection_title),
        also: Vec::new(),
    };
    // A term defined again by another source (`same_as`) stands with the first, each
    // definition with its source.
    let list = |terms: &[crate::pipeline::model::Term]| -> Vec<TermView> {
        let mut out: Vec<TermView> = Vec::new();
        let mut later: Vec<(String, TermView)> = Vec::new();
        for t in terms {
            match &t.same_as {
                Some(first) if terms.iter().any(|o| &o.term == first) => {
                    later.push((first.clone(), term(t)))
                }
                _ => out.push(term(t)),
            }
        }
        for (first, view) in later {
            if let Some(main) = out.iter_mut().find(|v| v.term == first) {
                if main.source.is_none() {
                    main.source = cx.hb.glossary.source.clone();
                }
                main.also.push(view);
            }
        }
        out
    };
    let glossary = GlossaryView {
        source: cx.hb.glossary.source.clone(),
        abbreviations: list(&cx.hb.glossary.abbreviations),
        definitions: list(&cx.hb.glossary.definitions),
    };
    let principles = PrinciplesView {
        source: cx.hb.principles.source.clone(),
        intro_html: cx.md.optional_html(&cx.hb.principles.intro),
        principles: cx
            .hb
            .principles
            .principles
            .iter()
            .map(|p| TermView {
                id: p.id.clone(),
                term: p.title.clone(),
                abbr: None,
                text_html: cx.html(&p.text),
                source: None,
                collection: None,
                also: Vec::new(),
            })
            .collect(),
    };
    let indicators = cx.hb.indicators.as_ref().map(|i| IndicatorsView {
        title: i.title.clone(),
        source: i.source.clone(),
        intro_html: cx.md.optional_html(&i.intro),
        total: i.groups.iter().map(|g| g.items.len()).sum(),
        groups: i
            .groups
            .iter()
            .map(|g| IndicatorGroupView {
                id: g.id.clone(),
                title: g.title.clone(),
                intro_html: cx.md.optional_html(&g.intro),
                items: g
                    .items
                    .iter()
                    .map(|it| IndicatorView {
                        id: it.id.clone(),
                        text_html: cx.html(&it.text),
                        label_html: cx.inline_html(&it.text),
                    })
                    .collect(),
            })
            .collect(),
    });
    let plans: Vec<PlanView> = cx
        .hb
        .plans
        .iter()
        .map(|p| PlanView {
            id: p.id.clone(),
            title: p.title.clone(),
            url: cx.addr.plan(&p.id),
            source: p.source.clone(),
            intro_html: cx.md.optional_html(&p.intro),
            activity_count: p
                .goals
                .iter()
                .flat_map(|g| &g.objectives)
                .map(|o| o.activities.len())
                .sum(),
            goals: p
                .goals
                .iter()
                .map(|g| GoalView {
                    id: g.id.clone(),
                    number: g.number.clone(),
                    title: g.title.clone(),
                    objectives: g
                        .objectives
                        .iter()
                        .map(|o| ObjectiveView {
                            id: o.id.clone(),
                            number: o.number.clone(),
                            title: o.title.clone(),
                            activities: o
                                .activities
                                .iter()
                                .map(|a| ActivityView {
                                    id: a.id.clone(),
                                    number: a.number.clone(),
                                    text_html: cx.html(&a.text),
                                    responsible: lines_html(&a.responsible),
                                    timeframe: lines_html(&a.timeframe),
                                    indicators_html: cx.md.optional_html(&a.indicators),
                                    legal: lines_html(&a.legal),
                                    funding: lines_html(&a.funding),
                                    cost: lines_html(&a.cost),
                                })
                                .collect(),
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    // Each deadline's row made in parallel (a thousand standards' register holds tens of
    // thousands), in the register's order.
    use rayon::prelude::*;
    let deadlines = cx
        .hb
        .deadlines
        .par_iter()
        .enumerate()
        .filter_map(|(rank, d)| {
            let action = cx.action(&d.owner);
            let action = action.as_ref();
            let who: Vec<LinkView> = if !d.timing.named {
                action.map(|a| a.who.clone()).unwrap_or_default()
            } else {
                let mut links = cx
                    .titles
                    .links(&d.timing.actors, &cx.titles.roles, |id| cx.addr.role(id));
                for l in &mut links {
                    l.title = super::timing::as_body(&d.timing, &l.id, l.title.clone(), cx.ui);
                }
                links
            };
            let persons = match action {
                _ if !d.timing.persons.is_empty() => d.timing.persons.clone(),
                Some(a) if d.timing.named && d.timing.actors.is_empty() => a.persons.clone(),
                _ => Vec::new(),
            };
            Some(DeadlineView {
                persons,
                timing: timing_view(&d.timing, cx.ui),
                owner: cx.places.get(&d.owner)?.clone(),
                owner_kind: d.owner_kind,
                roles: who
                    .iter()
                    .map(|r| r.id.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                who,
                action: action.cloned(),
                rank,
            })
        })
        .collect::<Vec<_>>();

    Reference {
        form_pages,
        glossary,
        principles,
        indicators,
        plans,
        deadlines,
    }
}
