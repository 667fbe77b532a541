//! The views of the standards: each standard with its criteria, evidence, guidance and
//! timings, as the standard pages, the audit sheets and the self-assessment show them.

use serde::Serialize;

use super::{Cx, Html, LinkView, TimingView, timing_view};

#[derive(Serialize)]
pub struct StandardView {
    pub id: String,
    pub number: u32,
    pub title: String,
    pub url: String,
    pub outcome_html: Html,
    pub statement_html: Html,
    pub evidence_total: usize,
    pub criteria: Vec<CriterionView>,
}

#[derive(Serialize)]
pub struct CriterionView {
    pub id: String,
    pub number: u32,
    pub text_html: Html,
    pub evidence: Vec<EvidenceView>,
    pub guidance: Vec<GuidanceView>,
    pub timing: Vec<TimingView>,
    pub roles: Vec<LinkView>,
    pub procedures: Vec<LinkView>,
    pub forms: Vec<LinkView>,
}

#[derive(Serialize)]
pub struct EvidenceView {
    pub id: String,
    pub number: String,
    pub text_html: Html,
}

#[derive(Serialize)]
pub struct GuidanceView {
    pub id: String,
    pub number: Option<String>,
    pub text_html: Html,
}

/// The view of one standard.
pub(super) fn one(cx: &Cx, s: &crate::pipeline::model::Standard) -> StandardView {
    StandardView {
        id: s.id.clone(),
        number: s.number,
        title: s.title.clone(),
        url: cx.addr.standard(&s.id),
        outcome_html: cx.html(&s.outcome),
        statement_html: cx.html(&s.statement),
        evidence_total: s.criteria.iter().map(|c| c.evidence.len()).sum(),
        criteria: s
            .criteria
            .iter()
            .map(|c| CriterionView {
                id: c.id.clone(),
                number: c.number,
                text_html: cx.html(&c.text),
                evidence: c
                    .evidence
                    .iter()
                    .map(|e| EvidenceView {
                        id: e.id.clone(),
                        number: e.number.clone(),
                        text_html: cx.html(&e.text),
                    })
                    .collect(),
                guidance: c
                    .guidance
                    .iter()
                    .map(|g| GuidanceView {
                        id: g.id.clone(),
                        number: g.number.clone(),
                        text_html: cx.html(&g.text),
                    })
                    .collect(),
                timing: c.timing.iter().map(|t| timing_view(t, cx.ui)).collect(),
                roles: cx
                    .titles
                    .links(&c.roles, &cx.titles.roles, |id| cx.addr.role(id)),
                procedures: cx.titles.links(&c.procedures, &cx.titles.procedures, |id| {
                    cx.addr.procedure(id)
                }),
                forms: cx.titles.form_links(&c.forms),
            })
            .collect(),
    }
}

/// What every page knows of a standard, to list it: number, title, address and counts (its
/// criteria are made into template values only for the pages that show them).
pub fn summary(s: &StandardView) -> minijinja::Value {
    minijinja::context! {
        id => s.id.clone(),
        number => s.number,
        title => s.title.clone(),
        url => s.url.clone(),
        evidence_total => s.evidence_total,
        criteria_count => s.criteria.len(),
    }
}
