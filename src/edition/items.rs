//! A handbook flattened into comparable items: every standard, criterion, evidence item,
//! guidance note, procedure, step, role and form, with its id, the id of what it belongs
//! to, the texts that are compared and, for criteria and steps, timings, actors and forms.

use crate::text::TextExt;

use crate::markdown::to_plain;
use crate::pipeline::model::{Handbook, Timing};

/// What kind of thing an item is; the order is the order items are matched in (a parent
/// before its children, so children can follow a renumbered parent).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Standard,
    Criterion,
    Evidence,
    Guidance,
    Procedure,
    Step,
    Role,
    Form,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Standard,
        Kind::Criterion,
        Kind::Evidence,
        Kind::Guidance,
        Kind::Procedure,
        Kind::Step,
        Kind::Role,
        Kind::Form,
    ];

    /// The kind as the JSON and the locale keys name it.
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
        }
    }

    /// The kind of the item's parent, whose renumbering the item follows.
    pub fn parent(self) -> Option<Kind> {
        match self {
            Kind::Criterion => Some(Kind::Standard),
            Kind::Evidence | Kind::Guidance => Some(Kind::Criterion),
            Kind::Step => Some(Kind::Procedure),
            _ => None,
        }
    }
}

/// Where an item is shown: under its standard, its procedure, or with the roles or forms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// `standard`, `procedure`, `roles` or `forms`.
    pub kind: &'static str,
    /// The standard's or procedure's id; empty for roles and forms.
    pub id: String,
    pub title: String,
    /// A standard's number and its title alone (empty for other groups).
    pub number: String,
    pub name: String,
    /// Its position in its handbook, to order the groups.
    pub order: usize,
}

pub struct Item<'a> {
    pub kind: Kind,
    pub id: String,
    /// The id of the standard, criterion or procedure it belongs to (empty for none).
    pub parent: String,
    /// The printed number ("2.3", "2.3.1", "4"), empty where there is none.
    pub number: String,
    pub group: Group,
    /// The compared texts, by field (`title`, `text`, `outcome`, …), as plain text.
    pub fields: Vec<(&'static str, String)>,
    /// A criterion's or step's timings; a procedure's are those of its sections.
    pub timing: Vec<&'a Timing>,
    pub actors: &'a [String],
    pub forms: &'a [String],
}

impl Item<'_> {
    /// The text the item is matched by: its fields joined.
    pub fn matching_text(&self) -> String {
        self.fields
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The main text shown for an added or removed item.
    pub fn shown_text(&self) -> String {
        ["text", "statement", "title"]
            .iter()
            .find_map(|f| {
                self.fields
                    .iter()
                    .find(|(k, t)| k == f && !t.is_empty())
                    .map(|(_, t)| t.clone())
            })
            .unwrap_or_default()
    }
}

fn plain(md: &str) -> String {
    to_plain(md).single_spaced()
}

/// Every item of the handbook, kind by kind in the order of `Kind::ALL`.
pub fn items(hb: &Handbook) -> Vec<Item<'_>> {
    let mut out = Vec::new();
    for (si, s) in hb.standards.iter().enumerate() {
        let group = Group {
            kind: "standard",
            id: s.id.clone(),
            title: s.title.clone(),
            number: s.number.to_string(),
            name: s.title.clone(),
            order: si,
        };
        out.push(Item {
            kind: Kind::Standard,
            id: s.id.clone(),
            parent: String::new(),
            number: s.number.to_string(),
            group: group.clone(),
            fields: vec![
                ("title", plain(&s.title)),
                ("outcome", plain(&s.outcome)),
                ("statement", plain(&s.statement)),
            ],
            timing: Vec::new(),
            actors: &[],
            forms: &[],
        });
        for c in &s.criteria {
            let number = format!("{}.{}", s.number, c.number);
            out.push(Item {
                kind: Kind::Criterion,
                id: c.id.clone(),
                parent: s.id.clone(),
                number: number.clone(),
                group: group.clone(),
                fields: vec![("text", plain(&c.text))],
                timing: c.timing.iter().collect(),
                actors: &c.roles,
                forms: &c.forms,
            });
            for e in &c.evidence {
                out.push(Item {
                    kind: Kind::Evidence,
                    id: e.id.clone(),
                    parent: c.id.clone(),
                    number: format!("{}.{}", s.number, e.number),
                    group: group.clone(),
                    fields: vec![("text", plain(&e.text))],
                    timing: Vec::new(),
                    actors: &[],
                    forms: &[],
                });
            }
            for g in &c.guidance {
                out.push(Item {
                    kind: Kind::Guidance,
                    id: g.id.clone(),
                    parent: c.id.clone(),
                    number: g
                        .number
                        .as_ref()
                        .map(|n| format!("{}.{n}", s.number))
                        .unwrap_or_default(),
                    group: group.clone(),
                    fields: vec![("text", plain(&g.text))],
                    timing: Vec::new(),
                    actors: &[],
                    forms: &[],
                });
            }
        }
    }
    for (pi, p) in hb.procedures.iter().enumerate() {
        let group = Group {
            kind: "procedure",
            id: p.id.clone(),
            title: p.title.clone(),
            number: String::new(),
            name: String::new(),
            order: pi,
        };
        // The running text of the procedure besides its steps: agencies, sections, documents.
        let mut body: Vec<String> = Vec::new();
        if let Some(a) = &p.agencies {
            body.extend(a.intro.iter().map(|t| plain(t)));
            body.extend(a.items.iter().map(|t| plain(t)));
        }
        for sec in &p.sections {
            body.extend(sec.title.iter().map(|t| plain(t)));
            body.extend(sec.text.iter().map(|t| plain(t)));
            body.extend(sec.items.iter().map(|t| plain(t)));
        }
        body.extend(p.documentation_intro.iter().map(|t| plain(t)));
        body.extend(p.documentation.iter().map(|d| plain(&d.text)));
        out.push(Item {
            kind: Kind::Procedure,
            id: p.id.clone(),
            parent: String::new(),
            number: String::new(),
            group: group.clone(),
            fields: vec![
                ("title", plain(&p.title)),
                ("source", p.source.as_deref().map(plain).unwrap_or_default()),
                (
                    "definition",
                    p.definition.as_deref().map(plain).unwrap_or_default(),
                ),
                ("sections", body.join(" ")),
            ],
            timing: p.sections.iter().flat_map(|s| &s.timing).collect(),
            actors: &[],
            forms: &[],
        });
        for st in &p.steps {
            out.push(Item {
                kind: Kind::Step,
                id: st.id.clone(),
                parent: p.id.clone(),
                number: st.number.clone(),
                group: group.clone(),
                fields: vec![
                    ("title", st.title.as_deref().map(plain).unwrap_or_default()),
                    ("text", plain(&st.text)),
                ],
                timing: st.timing.iter().collect(),
                actors: &st.actors,
                forms: &st.forms,
            });
        }
    }
    let roles = Group {
        kind: "roles",
        id: String::new(),
        title: String::new(),
        number: String::new(),
        name: String::new(),
        order: 0,
    };
    for r in &hb.roles {
        let mut body: Vec<String> = Vec::new();
        body.extend(r.definition.iter().map(|t| plain(t)));
        body.extend(r.sections.iter().map(|s| plain(&s.text)));
        for d in &r.duty_areas {
            body.push(plain(&d.title));
            body.push(plain(&d.text));
        }
        body.extend(r.requirements.iter().map(|s| plain(&s.text)));
        out.push(Item {
            kind: Kind::Role,
            id: r.id.clone(),
            parent: String::new(),
            number: String::new(),
            group: roles.clone(),
            fields: vec![("title", plain(&r.title)), ("text", body.join(" "))],
            timing: Vec::new(),
            actors: &[],
            forms: &[],
        });
    }
    let forms = Group {
        kind: "forms",
        id: String::new(),
        title: String::new(),
        number: String::new(),
        name: String::new(),
        order: 0,
    };
    for f in &hb.forms {
        out.push(Item {
            kind: Kind::Form,
            id: f.id.clone(),
            parent: String::new(),
            number: f.code.clone().unwrap_or_default(),
            group: forms.clone(),
            // A form encoded field by field: its printed words too.
            fields: vec![
                ("title", plain(&f.title)),
                ("group", plain(&f.group)),
                ("printed", form_words(f)),
            ],
            timing: Vec::new(),
            actors: &[],
            forms: &[],
        });
    }
    out.sort_by_key(|i| i.kind);
    out
}

/// Every printed word of a form encoded field by field (its title, then each section's);
/// empty for a form known only by its title.
fn form_words(f: &crate::pipeline::model::Form) -> String {
    let Some(t) = &f.template else {
        return String::new();
    };
    let mut words = vec![plain(&t.title)];
    for s in &t.sections {
        words.extend(
            crate::pipeline::model::forms::FormTemplate::section_words(s)
                .into_iter()
                .map(plain),
        );
    }
    words.join(" ")
}
