//! Stage 5, search: the handbook as search documents, the static index the browser
//! queries (shipped as a script, so it works from `file://`), and the same search from
//! the command line on tantivy. One analyzer (`analyzer`) serves all three.

pub mod analyzer;
pub mod index;
pub mod indexer;
pub mod postings;
pub mod prefixes;
pub mod query;
pub mod reader;
pub mod shards;
pub mod stream;
pub mod words;

use serde::Serialize;

use std::collections::HashMap;

use crate::markdown::to_plain;
use crate::pipeline::model::Handbook;

/// What a document is; the order is the order of the kind filters in the browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Standard,
    Criterion,
    Evidence,
    Guidance,
    Procedure,
    Step,
    Role,
    Form,
    Term,
    Indicator,
    Activity,
    Chapter,
}

impl Kind {
    pub const ALL: [Kind; 12] = [
        Kind::Standard,
        Kind::Criterion,
        Kind::Evidence,
        Kind::Guidance,
        Kind::Procedure,
        Kind::Step,
        Kind::Role,
        Kind::Form,
        Kind::Term,
        Kind::Indicator,
        Kind::Activity,
        Kind::Chapter,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Standard => "standard",
            Kind::Criterion => "criterion",
            Kind::Evidence => "evidence",
            Kind::Guidance => "guidance",
            Kind::Procedure => "procedure",
            Kind::Step => "step",
            Kind::Role => "role",
            Kind::Form => "form",
            Kind::Term => "term",
            Kind::Indicator => "indicator",
            Kind::Activity => "activity",
            Kind::Chapter => "chapter",
        }
    }

    /// How much a match in this kind of document counts: the standards' own words above
    /// their guidance.
    pub fn boost(self) -> f32 {
        match self {
            Kind::Standard | Kind::Procedure => 1.5,
            Kind::Criterion | Kind::Role | Kind::Form | Kind::Term => 1.3,
            Kind::Evidence => 1.2,
            Kind::Step => 1.1,
            Kind::Indicator => 0.9,
            Kind::Guidance | Kind::Activity => 0.8,
            Kind::Chapter => 1.0,
        }
    }
}

/// One searchable thing with the URL of its exact anchor.
#[derive(Clone, Debug, Serialize)]
pub struct Doc {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub text: String,
    pub url: String,
    /// The words of the title that are the handbook's (its numbers and names), without the
    /// interface's ("Kriteri", "Prova"): what the index takes from the title.
    #[serde(skip)]
    pub indexed_title: String,
}

/// A result's title as shown, and the handbook's words in it (what is indexed).
pub struct Title {
    shown: String,
    indexed: String,
}

impl From<String> for Title {
    fn from(s: String) -> Title {
        Title {
            indexed: s.clone(),
            shown: s,
        }
    }
}

/// A title in the words of the pack's `key`, its values the handbook's: only the values
/// are indexed, so an interface word never matches every evidence item.
fn title(ui: &HashMap<String, String>, key: &str, values: &[(&str, &str)]) -> Title {
    Title {
        shown: crate::theme::say(ui, key, values),
        indexed: values
            .iter()
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// Every document of the handbook, in a stable order; titles in the words of `ui`, the
/// handbook's interface strings.
pub fn documents(hb: &Handbook, ui: &HashMap<String, String>) -> Vec<Doc> {
    let mut docs = Vec::new();
    each_document(hb, ui, &mut |doc| docs.push(doc));
    docs
}

/// Every document of the handbook ([`documents`]), handed to `take` one at a time as it
/// is made: a build indexes each and writes its shard without holding them all.
pub fn each_document(hb: &Handbook, ui: &HashMap<String, String>, take: &mut dyn FnMut(Doc)) {
    let addr = &hb.addresses;
    let mut push = |id: &str, kind: Kind, title: Title, text: String, url: String| {
        take(Doc {
            id: id.to_string(),
            kind,
            title: title.shown,
            text,
            url,
            indexed_title: title.indexed,
        })
    };
    for s in &hb.standards {
        let page = addr.standard(&s.id);
        push(
            &s.id,
            Kind::Standard,
            title(
                ui,
                "search_title_standard",
                &[("number", &s.number.to_string()), ("title", &s.title)],
            ),
            format!("{}\n{}", to_plain(&s.outcome), to_plain(&s.statement)),
            page.clone(),
        );
        for c in &s.criteria {
            push(
                &c.id,
                Kind::Criterion,
                title(
                    ui,
                    "search_title_criterion",
                    &[
                        ("number", &format!("{}.{}", s.number, c.number)),
                        ("standard", &s.title),
                    ],
                ),
                to_plain(&c.text),
                format!("{page}#{}", c.id),
            );
            for e in &c.evidence {
                push(
                    &e.id,
                    Kind::Evidence,
                    title(
                        ui,
                        "search_title_evidence",
                        &[
                            ("number", &e.number),
                            ("standard", &s.number.to_string()),
                            ("criterion", &c.number.to_string()),
                        ],
                    ),
                    to_plain(&e.text),
                    format!("{page}#{}", e.id),
                );
            }
            for g in &c.guidance {
                let label = g
                    .number
                    .as_deref()
                    .map(|n| format!(" {n}"))
                    .unwrap_or_default();
                push(
                    &g.id,
                    Kind::Guidance,
                    title(
                        ui,
                        "search_title_guidance",
                        &[
                            ("number", &label),
                            ("standard", &s.number.to_string()),
                            ("criterion", &c.number.to_string()),
                        ],
                    ),
                    to_plain(&g.text),
                    format!("{page}#{}", g.id),
                );
            }
        }
    }
    for p in &hb.procedures {
        let page = addr.procedure(&p.id);
        let mut text = p.definition.as_deref().map(to_plain).unwrap_or_default();
        for s in &p.sections {
            for part in [s.title.as_deref(), s.text.as_deref()]
                .into_iter()
                .flatten()
            {
                text.push('\n');
                text.push_str(&to_plain(part));
            }
            for i in &s.items {
                text.push('\n');
                text.push_str(&to_plain(i));
            }
        }
        push(
            &p.id,
            Kind::Procedure,
            p.title.clone().into(),
            text,
            page.clone(),
        );
        for st in &p.steps {
            let heading = match &st.title {
                Some(t) => title(
                    ui,
                    "search_title_step",
                    &[
                        ("step", &st.label(ui)),
                        ("title", t),
                        ("procedure", &p.title),
                    ],
                ),
                None => title(
                    ui,
                    "search_title_step_untitled",
                    &[("step", &st.label(ui)), ("procedure", &p.title)],
                ),
            };
            push(
                &st.id,
                Kind::Step,
                heading,
                to_plain(&st.text),
                format!("{page}#{}", st.id),
            );
        }
    }
    for r in &hb.roles {
        let mut text = r.definition.as_deref().map(to_plain).unwrap_or_default();
        for s in r.sections.iter().chain(&r.requirements) {
            text.push('\n');
            text.push_str(&to_plain(&s.text));
        }
        for a in &r.duty_areas {
            text.push('\n');
            text.push_str(&to_plain(&a.text));
        }
        if let Some(l) = &r.legal_duties {
            text.push('\n');
            text.push_str(&to_plain(&l.text));
        }
        let mut heading: Title = match &r.abbr {
            Some(a) => title(ui, "item_aside", &[("item", &r.title), ("aside", a)]),
            None => r.title.clone().into(),
        };
        // A role of another jurisdiction says so in the results too ("… (Kosovë)").
        if let Some(j) = &r.jurisdiction {
            heading = title(
                ui,
                "role_title_jurisdiction",
                &[("title", &heading.shown), ("jurisdiction", j)],
            );
        }
        push(&r.id, Kind::Role, heading, text, addr.role(&r.id));
    }
    for f in &hb.forms {
        let Some(t) = &f.template else {
            // A form the source prints without a code is found by its title alone.
            push(
                &f.id,
                Kind::Form,
                match &f.code {
                    Some(code) => title(ui, "code_title", &[("code", code), ("title", &f.title)]),
                    None => f.title.clone().into(),
                },
                f.group.clone(),
                addr.form(&f.id),
            );
            continue;
        };
        // A form encoded field by field: the form, and each of its sections with the
        // printed words of its fields, reach the form's page.
        let label = crate::pipeline::model::forms::label(&f.id, f.printed_code.as_deref());
        let page = addr.form_page(&f.id);
        push(
            &f.id,
            Kind::Form,
            title(ui, "code_title", &[("code", &label), ("title", &f.title)]),
            format!("{}\n{}", t.title, f.group),
            page.clone(),
        );
        for s in &t.sections {
            let name = [s.number.as_deref(), s.title.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            let words = crate::pipeline::model::forms::FormTemplate::section_words(s)
                .into_iter()
                .map(to_plain)
                .collect::<Vec<_>>()
                .join("\n");
            push(
                &format!("{}.{}", f.id, s.id),
                Kind::Form,
                {
                    let form = crate::theme::say(
                        ui,
                        "code_title",
                        &[("code", &label), ("title", &f.title)],
                    );
                    title(ui, "item_gloss", &[("item", &form), ("gloss", &name)])
                },
                words,
                format!("{page}#{}", s.id),
            );
        }
    }
    for t in hb
        .glossary
        .abbreviations
        .iter()
        .chain(&hb.glossary.definitions)
    {
        let heading = match &t.abbr {
            Some(a) => title(ui, "item_aside", &[("item", &t.term), ("aside", a)]),
            None => t.term.clone().into(),
        };
        push(
            &t.id,
            Kind::Term,
            heading,
            to_plain(&t.text),
            addr.glossary_term(&t.id),
        );
    }
    // A chapter: one document per passage under a heading, linking to its anchor.
    for c in &hb.chapters {
        for s in crate::markdown::chapter_sections(&c.text) {
            let (id, url, name) = if s.id.is_empty() {
                (c.id.clone(), addr.chapter(&c.id), c.title.clone().into())
            } else {
                (
                    format!("{}#{}", c.id, s.id),
                    format!("{}#{}", addr.chapter(&c.id), s.id),
                    title(ui, "item_gloss", &[("item", &c.title), ("gloss", &s.title)]),
                )
            };
            push(&id, Kind::Chapter, name, s.text, url);
        }
    }
    for p in &hb.principles.principles {
        push(
            &p.id,
            Kind::Term,
            p.title.clone().into(),
            to_plain(&p.text),
            addr.principle(&p.id),
        );
    }
    if let Some(ind) = &hb.indicators {
        for g in &ind.groups {
            for i in &g.items {
                push(
                    &i.id,
                    Kind::Indicator,
                    g.title.clone().into(),
                    to_plain(&i.text),
                    addr.indicator(&i.id),
                );
            }
        }
    }
    for p in &hb.plans {
        for g in &p.goals {
            for o in &g.objectives {
                for a in &o.activities {
                    let mut text = to_plain(&a.text);
                    for extra in [&a.responsible, &a.indicators].into_iter().flatten() {
                        text.push('\n');
                        text.push_str(extra);
                    }
                    push(
                        &a.id,
                        Kind::Activity,
                        title(
                            ui,
                            "search_title_activity",
                            &[("number", &a.number), ("plan", &p.title)],
                        ),
                        text,
                        format!("{}#{}", addr.plan(&p.id), a.id),
                    );
                }
            }
        }
    }
}
