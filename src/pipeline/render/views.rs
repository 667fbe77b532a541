//! View structs: what templates see. Built once per build from the `Handbook`, with every
//! Markdown text already rendered (once) to safe HTML, and every link resolved to a
//! site-relative URL. Templates never see YAML or the model directly.

use std::collections::HashMap;

use minijinja::Value;
use serde::Serialize;

use crate::address;
use crate::markdown;
use crate::pipeline::model::{self, Handbook};

/// Pre-rendered, sanitised HTML: printed by templates without escaping.
pub type Html = Value;

/// Site-relative URLs of every page and anchor, so templates never build them.
#[derive(Serialize)]
pub struct SiteView {
    pub title: String,
    pub description: String,
    pub language: String,
    /// The self-assessment rating scale, best first.
    pub scale: Vec<crate::config::Rating>,
}

#[derive(Serialize, Clone)]
pub struct LinkView {
    pub id: String,
    pub title: String,
    pub url: String,
    /// A form's printed code; none for other links and for forms the source prints none.
    pub code: Option<String>,
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
    /// The words before the duration ("brenda", "të paktën").
    pub kind_label: String,
    /// The words after it ("para" of a lead time), or empty.
    pub kind_suffix: String,
    /// The ISO duration as written; a range as `P4M/P12M`.
    pub iso: String,
    /// The duration in the reader's words ("30 ditë pune", "nga 4 muaj deri në 12 muaj").
    pub human: String,
    /// Calendar length for sorting (working days counted 7/5).
    pub seconds: u64,
    pub working_days: bool,
}

/// Everything the templates need, built once per build.
pub struct Views {
    pub site: SiteView,
    pub standards: Vec<StandardView>,
    pub procedures: Vec<ProcedureView>,
    pub collections: Vec<CollectionView>,
    pub roles: Vec<RoleView>,
    pub forms: Vec<FormGroupView>,
    /// The forms encoded field by field, one page each.
    pub form_pages: Vec<super::forms::FormPageView>,
    pub glossary: GlossaryView,
    pub principles: PrinciplesView,
    pub indicators: Option<IndicatorsView>,
    pub plans: Vec<PlanView>,
    pub deadlines: Vec<DeadlineView>,
    pub nav: NavView,
}

/// Which optional sections the site has, for the navigation.
#[derive(Serialize, Default)]
pub struct NavView {
    pub procedures: bool,
    pub roles: bool,
    pub forms: bool,
    pub deadlines: bool,
    pub glossary: bool,
    pub principles: bool,
    pub indicators: bool,
    pub plans: Vec<LinkView>,
}

#[derive(Serialize)]
pub struct CollectionView {
    pub id: String,
    /// The act or guide the collection comes from, as the handbook declares it.
    pub source: Option<String>,
    pub intro_html: Option<Html>,
    pub title: String,
    pub procedures: Vec<LinkView>,
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
    pub documentation: Vec<DocumentView>,
    /// Criteria of the standards that refer to this procedure.
    pub referenced_by: Vec<LinkView>,
    /// The forms of this phase: those its form group names and those its steps use.
    pub forms: Vec<LinkView>,
}

#[derive(Serialize)]
pub struct SectionView {
    pub id: String,
    pub title: Option<String>,
    pub text_html: Option<Html>,
    pub items: Vec<Html>,
    pub timing: Vec<TimingView>,
}

/// Consecutive steps under the same heading (or none).
#[derive(Serialize)]
pub struct StepGroupView {
    pub title: Option<String>,
    pub steps: Vec<StepView>,
}

#[derive(Serialize)]
pub struct StepView {
    pub id: String,
    pub number: String,
    pub title: Option<String>,
    pub text_html: Html,
    pub actors: Vec<LinkView>,
    pub timing: Vec<TimingView>,
    pub forms: Vec<LinkView>,
}

#[derive(Serialize)]
pub struct DocumentView {
    pub text: String,
    pub form: Option<LinkView>,
}

#[derive(Serialize)]
pub struct RoleView {
    pub id: String,
    /// The title, with the jurisdiction where the role has one ("… (Kosovë)").
    pub title: String,
    pub jurisdiction: Option<String>,
    pub abbr: Option<String>,
    pub kind: &'static str,
    pub url: String,
    pub source: Option<String>,
    pub definition_html: Option<Html>,
    pub sections: Vec<RoleSectionView>,
    pub duty_areas: Vec<RoleSectionView>,
    pub requirements: Vec<RoleSectionView>,
    pub signature_html: Option<Html>,
    /// Printed headings of the job description, by part.
    pub headings: std::collections::BTreeMap<String, String>,
    /// Where the role acts: criteria and procedure steps that name it.
    pub criteria: Vec<ActsView>,
    pub steps: Vec<ActsView>,
}

#[derive(Serialize)]
pub struct RoleSectionView {
    pub key: String,
    pub title: String,
    pub text_html: Html,
}

/// One place a role acts or a form is used: a criterion or a step, with where it sits.
#[derive(Serialize, Clone)]
pub struct ActsView {
    pub id: String,
    pub label: String,
    pub context: String,
    pub url: String,
    /// A step or section of a procedure (otherwise a criterion of a standard).
    #[serde(skip)]
    pub in_procedure: bool,
}

#[derive(Serialize)]
pub struct FormGroupView {
    pub title: String,
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

/// Plain text whose line breaks matter (a table cell of the source): escaped, with `<br>`.
fn lines_html(s: &Option<String>) -> Option<Html> {
    s.as_deref().filter(|t| !t.trim().is_empty()).map(|t| {
        let escaped: Vec<String> = t
            .trim()
            .lines()
            .map(|l| {
                l.trim()
                    .replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;")
                    .replace('"', "&quot;")
            })
            .collect();
        Value::from_safe_string(escaped.join("<br>"))
    })
}

#[derive(Serialize)]
pub struct DeadlineView {
    pub timing: TimingView,
    pub owner: ActsView,
    pub owner_kind: &'static str,
}

/// Titles of everything a reference can point at.
struct Titles<'a> {
    /// Forms' printed codes (none where the source prints none).
    form_codes: HashMap<&'a str, Option<&'a str>>,
    roles: HashMap<&'a str, &'a str>,
    procedures: HashMap<&'a str, &'a str>,
    forms: HashMap<&'a str, &'a str>,
    /// Forms encoded field by field: id → printed code.
    printed: HashMap<&'a str, Option<&'a str>>,
}

/// A role's title as readers see it wherever it is named: with its jurisdiction, where it
/// has one, so a Kosovo role is never taken for the Albanian one.
fn role_title(r: &model::Role, ui: &HashMap<String, String>) -> String {
    match &r.jurisdiction {
        Some(j) => ui_get(ui, "role_title_jurisdiction")
            .replace("{title}", &r.title)
            .replace("{jurisdiction}", j),
        None => r.title.clone(),
    }
}

impl<'a> Titles<'a> {
    fn of(hb: &'a Handbook, role_titles: &'a [(String, String)]) -> Self {
        Titles {
            form_codes: hb
                .forms
                .iter()
                .map(|f| (f.id.as_str(), f.code.as_deref()))
                .collect(),
            roles: role_titles
                .iter()
                .map(|(id, t)| (id.as_str(), t.as_str()))
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
            printed: hb
                .forms
                .iter()
                .filter(|f| f.template.is_some())
                .map(|f| (f.id.as_str(), f.printed_code.as_deref()))
                .collect(),
        }
    }

    /// Links to forms: to the form's own page, "MR3 (E-3)", where it is encoded field by
    /// field; to its entry in the catalogue otherwise, with its printed code (none where
    /// the source prints none).
    fn form_links(&self, ids: &[String]) -> Vec<LinkView> {
        ids.iter().map(|id| self.form_link(id)).collect()
    }

    fn form_link(&self, id: &str) -> LinkView {
        let title = self.forms.get(id).copied().unwrap_or(id).to_string();
        match self.printed.get(id) {
            Some(printed) => LinkView {
                id: id.to_string(),
                code: Some(super::forms::label(id, *printed)),
                title,
                url: address::form_page(id),
            },
            None => LinkView {
                id: id.to_string(),
                code: self.form_code(id),
                title,
                url: address::form(id),
            },
        }
    }

    fn form_code(&self, id: &str) -> Option<String> {
        match self.form_codes.get(id) {
            Some(code) => code.map(str::to_string),
            None => Some(id.to_string()),
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
                code: None,
                title: table.get(id.as_str()).copied().unwrap_or(id).to_string(),
                url: url(id),
            })
            .collect()
    }
}

pub fn timing_view(t: &model::Timing, ui: &HashMap<String, String>) -> TimingView {
    let iso = match &t.to_iso {
        Some(to) => format!("{}/{to}", t.iso),
        None => t.iso.clone(),
    };
    let base = TimingView {
        text: t.text.clone(),
        kind: t.kind,
        kind_label: String::new(),
        kind_suffix: String::new(),
        iso,
        human: String::new(),
        seconds: t.seconds,
        working_days: t.working_days,
    };
    let Some((start, end)) = t.parsed else {
        // Words that set no time limit: only the label saying so.
        return TimingView {
            kind_label: ui_get(ui, "timing_none"),
            ..base
        };
    };
    // A deadline of no time at all reads "po atë ditë", not "brenda 0 ditëve".
    if t.seconds == 0 && end.is_none() {
        return TimingView {
            human: ui_get(ui, "timing_same_day"),
            ..base
        };
    }
    let words = |d: &crate::duration::Duration| {
        d.words(|unit, n| {
            let unit = if t.working_days && unit == "day" {
                "working_day"
            } else {
                unit
            };
            let number = if n == 1 { "one" } else { "many" };
            ui_get(ui, &format!("duration_{unit}_{number}"))
        })
    };
    let human = match end {
        Some(end) => ui_get(ui, "timing_range")
            .replace("{from}", &words(&start))
            .replace("{to}", &words(&end)),
        None => words(&start),
    };
    let suffix_key = format!("timing_{}_suffix", t.kind);
    TimingView {
        kind_label: ui_get(ui, &format!("timing_{}", t.kind)),
        kind_suffix: ui.get(&suffix_key).cloned().unwrap_or_default(),
        human,
        ..base
    }
}

/// Renders content Markdown once, with abbreviations marked.
struct Md<'a> {
    abbr: &'a markdown::Abbreviations,
}

impl Md<'_> {
    fn html(&self, md: &str) -> Html {
        Value::from_safe_string(markdown::to_html_marked(md, self.abbr))
    }

    fn opt(&self, md: &Option<String>) -> Option<Html> {
        md.as_deref()
            .filter(|s| !s.trim().is_empty())
            .map(|s| self.html(s))
    }
}

fn ui_get(ui: &HashMap<String, String>, key: &str) -> String {
    ui.get(key).cloned().unwrap_or_else(|| key.to_string())
}

/// Every criterion and step as a place (label, context, url), for back-links.
fn places(hb: &Handbook, ui: &HashMap<String, String>) -> HashMap<String, ActsView> {
    let mut m = HashMap::new();
    for s in &hb.standards {
        for c in &s.criteria {
            m.insert(
                c.id.clone(),
                ActsView {
                    id: c.id.clone(),
                    label: format!("{} {}.{}", ui_get(ui, "criterion"), s.number, c.number),
                    context: format!("{} {}: {}", ui_get(ui, "standard"), s.number, s.title),
                    url: address::criterion(&c.id),
                    in_procedure: false,
                },
            );
        }
    }
    for p in &hb.procedures {
        for st in &p.steps {
            m.insert(
                st.id.clone(),
                ActsView {
                    id: st.id.clone(),
                    label: format!("{} {}", ui_get(ui, "step"), st.number),
                    context: p.title.clone(),
                    url: address::in_procedure(&p.id, &st.id),
                    in_procedure: true,
                },
            );
        }
        for (i, sec) in p.sections.iter().enumerate() {
            let label = match &sec.title {
                Some(t) => t.clone(),
                None => format!("{} {}", ui_get(ui, "section"), i + 1),
            };
            m.insert(
                sec.id.clone(),
                ActsView {
                    id: sec.id.clone(),
                    label,
                    context: p.title.clone(),
                    url: address::in_procedure(&p.id, &sec.id),
                    in_procedure: true,
                },
            );
        }
    }
    m
}

pub fn build(hb: &Handbook, ui: &HashMap<String, String>) -> Views {
    let role_titles: Vec<(String, String)> = hb
        .roles
        .iter()
        .map(|r| (r.id.clone(), role_title(r, ui)))
        .collect();
    let titles = Titles::of(hb, &role_titles);
    let abbr = markdown::Abbreviations::new(
        hb.glossary
            .abbreviations
            .iter()
            .map(|t| (t.term.clone(), t.text.clone())),
    );
    let md = Md { abbr: &abbr };
    let html = |s: &str| md.html(s);
    let places = places(hb, ui);
    let place = |id: &String| places.get(id).cloned();

    let standards: Vec<StandardView> = hb
        .standards
        .iter()
        .map(|s| StandardView {
            id: s.id.clone(),
            number: s.number,
            title: s.title.clone(),
            url: address::standard(s.number),
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
                    roles: titles.links(&c.roles, &titles.roles, address::role),
                    procedures: titles.links(&c.procedures, &titles.procedures, address::procedure),
                    forms: titles.form_links(&c.forms),
                })
                .collect(),
        })
        .collect();

    let mut proc_refs: HashMap<&str, Vec<LinkView>> = HashMap::new();
    for s in &hb.standards {
        for c in &s.criteria {
            for p in &c.procedures {
                if let Some(pl) = places.get(&c.id) {
                    proc_refs.entry(p.as_str()).or_default().push(LinkView {
                        id: c.id.clone(),
                        code: None,
                        title: format!("{} — {}", pl.label, pl.context),
                        url: pl.url.clone(),
                    });
                }
            }
        }
    }

    let procedures: Vec<ProcedureView> = hb
        .procedures
        .iter()
        .map(|p| {
            let mut step_groups: Vec<StepGroupView> = Vec::new();
            for st in &p.steps {
                let view = StepView {
                    id: st.id.clone(),
                    number: st.number.clone(),
                    title: st.title.clone(),
                    text_html: html(&st.text),
                    actors: titles.links(&st.actors, &titles.roles, address::role),
                    timing: st.timing.iter().map(|t| timing_view(t, ui)).collect(),
                    forms: titles.form_links(&st.forms),
                };
                match step_groups.last_mut() {
                    Some(g) if g.title == st.group => g.steps.push(view),
                    _ => step_groups.push(StepGroupView {
                        title: st.group.clone(),
                        steps: vec![view],
                    }),
                }
            }
            ProcedureView {
                id: p.id.clone(),
                order: p.order,
                title: p.title.clone(),
                url: address::procedure(&p.id),
                collection: p.collection.clone(),
                source: p.source.clone(),
                definition_html: md.opt(&p.definition),
                agencies_intro_html: p.agencies.as_ref().and_then(|a| md.opt(&a.intro)),
                agencies: p
                    .agencies
                    .iter()
                    .flat_map(|a| &a.items)
                    .map(|i| html(i))
                    .collect(),
                sections: p
                    .sections
                    .iter()
                    .map(|s| SectionView {
                        id: s.id.clone(),
                        title: s.title.clone(),
                        text_html: md.opt(&s.text),
                        items: s.items.iter().map(|i| html(i)).collect(),
                        timing: s.timing.iter().map(|t| timing_view(t, ui)).collect(),
                    })
                    .collect(),
                step_count: p.steps.len(),
                step_groups,
                documentation: p
                    .documentation
                    .iter()
                    .map(|d| DocumentView {
                        text: d.text.clone(),
                        form: d.form.as_ref().map(|f| titles.form_link(f)),
                    })
                    .collect(),
                referenced_by: proc_refs.remove(p.id.as_str()).unwrap_or_default(),
                forms: {
                    let mut ids: Vec<String> = hb
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
                    titles.form_links(&ids)
                },
            }
        })
        .collect();

    // The collections the handbook declares, in its order; where it declares none, one
    // per collection its procedures name, titled by the id.
    let declared: Vec<crate::config::Collection> = if hb.config.collections.is_empty() {
        let mut ids: Vec<&str> = Vec::new();
        for p in &hb.procedures {
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
            })
            .collect()
    } else {
        hb.config.collections.clone()
    };
    let collections = declared
        .iter()
        .map(|c| CollectionView {
            id: c.id.clone(),
            title: c.title.clone(),
            source: c.source.clone(),
            intro_html: md.opt(&c.intro),
            procedures: procedures
                .iter()
                .filter(|p| p.collection == c.id)
                .map(|p| LinkView {
                    id: p.id.clone(),
                    code: None,
                    title: p.title.clone(),
                    url: p.url.clone(),
                })
                .collect(),
        })
        .filter(|c| !c.procedures.is_empty())
        .collect();

    let section = |r: &model::Role, key: &str, text: &str| RoleSectionView {
        key: key.to_string(),
        title: r
            .headings
            .get(key)
            .cloned()
            .unwrap_or_else(|| ui_get(ui, &format!("role_{key}"))),
        text_html: html(text),
    };
    let roles = hb
        .roles
        .iter()
        .map(|r| {
            let (criteria, steps): (Vec<ActsView>, Vec<ActsView>) = r
                .acts_in
                .iter()
                .filter_map(place)
                .partition(|a| !a.in_procedure);
            RoleView {
                id: r.id.clone(),
                title: role_title(r, ui),
                jurisdiction: r.jurisdiction.clone(),
                abbr: r.abbr.clone(),
                kind: r.kind.name(),
                url: address::role(&r.id),
                source: r.source.clone(),
                definition_html: md.opt(&r.definition),
                sections: r
                    .sections
                    .iter()
                    .map(|s| section(r, s.key, &s.text))
                    .collect(),
                duty_areas: r
                    .duty_areas
                    .iter()
                    .map(|a| RoleSectionView {
                        key: "duty_area".into(),
                        title: a.title.clone(),
                        text_html: html(&a.text),
                    })
                    .collect(),
                requirements: r
                    .requirements
                    .iter()
                    .map(|s| section(r, s.key, &s.text))
                    .collect(),
                signature_html: md.opt(&r.signature),
                headings: r.headings.clone(),
                criteria,
                steps,
            }
        })
        .collect();

    let mut forms: Vec<FormGroupView> = Vec::new();
    for f in &hb.forms {
        let view = FormView {
            id: f.id.clone(),
            code: match &f.template {
                Some(_) => Some(super::forms::label(&f.id, f.printed_code.as_deref())),
                None => f.code.clone(),
            },
            page_url: f.template.as_ref().map(|_| address::form_page(&f.id)),
            title: f.title.clone(),
            used_by: f.used_by.iter().filter_map(place).collect(),
        };
        match forms.last_mut() {
            Some(g) if g.title == f.group => g.forms.push(view),
            _ => forms.push(FormGroupView {
                title: f.group.clone(),
                procedure: f.procedure.as_ref().map(|p| LinkView {
                    id: p.clone(),
                    code: None,
                    title: titles
                        .procedures
                        .get(p.as_str())
                        .copied()
                        .unwrap_or(p)
                        .to_string(),
                    url: address::procedure(p),
                }),
                forms: vec![view],
            }),
        }
    }

    let form_pages = hb
        .forms
        .iter()
        .filter_map(|f| super::forms::page(f, f.used_by.iter().filter_map(place).collect(), ui))
        .collect();

    let term = |t: &model::Term| TermView {
        id: t.id.clone(),
        term: t.term.clone(),
        abbr: t.abbr.clone(),
        text_html: html(&t.text),
    };
    let glossary = GlossaryView {
        source: hb.glossary.source.clone(),
        abbreviations: hb.glossary.abbreviations.iter().map(term).collect(),
        definitions: hb.glossary.definitions.iter().map(term).collect(),
    };
    let principles = PrinciplesView {
        source: hb.principles.source.clone(),
        intro_html: md.opt(&hb.principles.intro),
        principles: hb
            .principles
            .principles
            .iter()
            .map(|p| TermView {
                id: p.id.clone(),
                term: p.title.clone(),
                abbr: None,
                text_html: html(&p.text),
            })
            .collect(),
    };
    let indicators = hb.indicators.as_ref().map(|i| IndicatorsView {
        title: i.title.clone(),
        source: i.source.clone(),
        intro_html: md.opt(&i.intro),
        total: i.groups.iter().map(|g| g.items.len()).sum(),
        groups: i
            .groups
            .iter()
            .map(|g| IndicatorGroupView {
                id: g.id.clone(),
                title: g.title.clone(),
                intro_html: md.opt(&g.intro),
                items: g
                    .items
                    .iter()
                    .map(|it| IndicatorView {
                        id: it.id.clone(),
                        text_html: html(&it.text),
                    })
                    .collect(),
            })
            .collect(),
    });
    let plans: Vec<PlanView> = hb
        .plans
        .iter()
        .map(|p| PlanView {
            id: p.id.clone(),
            title: p.title.clone(),
            url: address::plan(&p.id),
            source: p.source.clone(),
            intro_html: md.opt(&p.intro),
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
                                    text_html: html(&a.text),
                                    responsible: lines_html(&a.responsible),
                                    timeframe: lines_html(&a.timeframe),
                                    indicators_html: md.opt(&a.indicators),
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
    let deadlines = hb
        .deadlines
        .iter()
        .filter_map(|d| {
            Some(DeadlineView {
                timing: timing_view(&d.timing, ui),
                owner: places.get(&d.owner)?.clone(),
                owner_kind: d.owner_kind,
            })
        })
        .collect::<Vec<_>>();

    let nav = NavView {
        procedures: !procedures.is_empty(),
        roles: !hb.roles.is_empty(),
        forms: !hb.forms.is_empty(),
        deadlines: !deadlines.is_empty(),
        glossary: !hb.glossary.abbreviations.is_empty() || !hb.glossary.definitions.is_empty(),
        principles: !hb.principles.principles.is_empty(),
        indicators: hb.indicators.is_some(),
        plans: plans
            .iter()
            .map(|p| LinkView {
                id: p.id.clone(),
                code: None,
                title: p.title.clone(),
                url: p.url.clone(),
            })
            .collect(),
    };

    Views {
        site: SiteView {
            title: hb.config.title.clone(),
            description: hb.config.description.clone(),
            language: hb.config.language.clone(),
            scale: hb.config.scale.clone(),
        },
        standards,
        procedures,
        collections,
        roles,
        forms,
        form_pages,
        glossary,
        principles,
        indicators,
        plans,
        deadlines,
        nav,
    }
}
