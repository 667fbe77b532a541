//! View structs: what templates see. Built once per build from the `Handbook`, with every
//! Markdown text already rendered (once) to safe HTML, and every link resolved to a
//! site-relative URL. Templates never see YAML or the model directly.

use std::collections::HashMap;

use minijinja::Value;
use serde::Serialize;

use crate::markdown;
use crate::model::{self, Handbook};

/// Pre-rendered, sanitised HTML: printed by templates without escaping.
pub type Html = Value;

fn html(md: &str) -> Html {
    Value::from_safe_string(markdown::to_html(md))
}

/// Site-relative URLs of every page and anchor, so templates never build them.
pub mod url {
    pub fn standard(n: u32) -> String {
        format!("S{n}.html")
    }
    pub fn criterion(id: &str) -> String {
        let std_id = id.split('.').next().unwrap_or(id);
        format!("{std_id}.html#{id}")
    }
    pub fn procedure(id: &str) -> String {
        format!("procedura/{id}.html")
    }
    pub fn role(id: &str) -> String {
        format!("roli/{id}.html")
    }
    pub fn form(id: &str) -> String {
        format!("formularet.html#{id}")
    }
    pub fn plan(id: &str) -> String {
        format!("plani/{id}.html")
    }
}

#[derive(Serialize)]
pub struct SiteView {
    pub title: String,
    pub description: String,
    pub language: String,
}

#[derive(Serialize, Clone)]
pub struct LinkView {
    pub id: String,
    pub title: String,
    pub url: String,
}

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

#[derive(Serialize, Clone)]
pub struct TimingView {
    pub text: String,
    pub kind: &'static str,
    pub kind_label: String,
    pub iso: String,
    pub human: String,
    pub seconds: u64,
}

/// Everything the templates need, built once per build.
pub struct Views {
    pub site: SiteView,
    pub standards: Vec<StandardView>,
}

/// Titles of everything a reference can point at.
struct Titles<'a> {
    roles: HashMap<&'a str, &'a str>,
    procedures: HashMap<&'a str, &'a str>,
    forms: HashMap<&'a str, &'a str>,
}

impl<'a> Titles<'a> {
    fn of(hb: &'a Handbook) -> Self {
        Titles {
            roles: hb
                .roles
                .iter()
                .map(|r| (r.id.as_str(), r.title.as_str()))
                .collect(),
            procedures: hb
                .procedures
                .iter()
                .map(|p| (p.id.as_str(), p.title.as_str()))
                .collect(),
            forms: hb
                .forms
                .iter()
                .map(|f| (f.id.as_str(), f.title.as_str()))
                .collect(),
        }
    }

    fn links(
        &self,
        ids: &[String],
        table: &HashMap<&str, &str>,
        url: fn(&str) -> String,
    ) -> Vec<LinkView> {
        ids.iter()
            .map(|id| LinkView {
                id: id.clone(),
                title: table.get(id.as_str()).copied().unwrap_or(id).to_string(),
                url: url(id),
            })
            .collect()
    }
}

pub fn timing_view(t: &model::Timing, ui: &HashMap<String, String>) -> TimingView {
    let key = format!("timing_{}", t.kind);
    TimingView {
        text: t.text.clone(),
        kind: t.kind,
        kind_label: ui.get(&key).cloned().unwrap_or_else(|| t.kind.to_string()),
        iso: t.iso.clone(),
        human: t.human.clone(),
        seconds: t.seconds,
    }
}

pub fn build(hb: &Handbook, ui: &HashMap<String, String>) -> Views {
    let titles = Titles::of(hb);
    let standards = hb
        .standards
        .iter()
        .map(|s| StandardView {
            id: s.id.clone(),
            number: s.number,
            title: s.title.clone(),
            url: url::standard(s.number),
            outcome_html: html(&s.outcome),
            statement_html: html(&s.statement),
            evidence_total: s.criteria.iter().map(|c| c.evidence.len()).sum(),
            criteria: s
                .criteria
                .iter()
                .map(|c| CriterionView {
                    id: c.id.clone(),
                    number: c.number,
                    text_html: html(&c.text),
                    evidence: c
                        .evidence
                        .iter()
                        .map(|e| EvidenceView {
                            id: e.id.clone(),
                            number: e.number.clone(),
                            text_html: html(&e.text),
                        })
                        .collect(),
                    guidance: c
                        .guidance
                        .iter()
                        .map(|g| GuidanceView {
                            id: g.id.clone(),
                            number: g.number.clone(),
                            text_html: html(&g.text),
                        })
                        .collect(),
                    timing: c.timing.iter().map(|t| timing_view(t, ui)).collect(),
                    roles: titles.links(&c.roles, &titles.roles, url::role),
                    procedures: titles.links(&c.procedures, &titles.procedures, url::procedure),
                    forms: titles.links(&c.forms, &titles.forms, url::form),
                })
                .collect(),
        })
        .collect();
    Views {
        site: SiteView {
            title: hb.config.title.clone(),
            description: hb.config.description.clone(),
            language: hb.config.language.clone(),
        },
        standards,
    }
}
