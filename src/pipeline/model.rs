//! Stage 3, model: one immutable `Handbook` value built from checked sources.
//!
//! Ids are derived here from numbers and file names (`S2.3.1`, `identifikimi-formal.4`),
//! and the cross-reference graph is computed once (which criteria and steps name a role,
//! which steps use a form). `catalog.json` is this value serialised, so its field names
//! are a public contract: add fields, never rename them.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::config::Config;
use crate::duration;
use crate::pipeline::load::Sources;
use crate::pipeline::source::{self, S};

pub mod chapters;
pub mod forms;
mod from_source;
mod procedure;
pub mod quiz;
mod reference;

pub use from_source::{evidence_id, term_id, timing};
use from_source::{glossary, indicators, plan, procedure, role, standard};
pub use procedure::*;
pub use reference::*;

#[derive(Debug, Serialize)]
pub struct Handbook {
    #[serde(skip)]
    pub config: Config,
    /// The site's addresses, named by the handbook's interface strings.
    #[serde(skip)]
    pub addresses: crate::address::Pages,
    pub title: String,
    pub standards: Vec<Standard>,
    pub procedures: Vec<Procedure>,
    pub roles: Vec<Role>,
    pub forms: Vec<Form>,
    pub glossary: Glossary,
    pub principles: Principles,
    pub indicators: Option<Indicators>,
    pub plans: Vec<Plan>,
    /// A source's running text, each a page under "Reference", in file order.
    pub chapters: Vec<chapters::Chapter>,
    /// Every timing of standards and procedures, shortest first.
    pub deadlines: Vec<Deadline>,
    /// Sets of words a reader may type for the same thing (`content/synonyms.yaml`).
    pub synonyms: Vec<Vec<String>>,
    /// The roles each role's definition names, by the roles' order (`quiz::names`), made
    /// once when a quiz first asks.
    #[serde(skip)]
    pub definition_names: std::sync::OnceLock<Vec<std::collections::BTreeSet<String>>>,
    /// Each role's names as the quizzes match them in a text (`quiz::names`), made once.
    #[serde(skip)]
    pub role_names: std::sync::OnceLock<quiz::RoleNames>,
    /// The jurisdictions of the procedures that link each form, by form id
    /// (`quiz::jurisdiction::holds`), made once.
    #[serde(skip)]
    pub form_jurisdictions: std::sync::OnceLock<quiz::FormJurisdictions>,
    /// Every "by when?" answer of the handbook's procedures and criteria, the farthest
    /// level of a step's distractors (`quiz::question_as`), made once.
    #[serde(skip)]
    pub when_pool: std::sync::OnceLock<Vec<quiz::Answer>>,
    /// What the quizzes work out more than once from the same part of the handbook
    /// (`quiz::Memos`), made once.
    #[serde(skip)]
    pub quiz_memo: quiz::Memos,
    /// The catalogue's hash as the build's outputs carry it (`assessment::catalog_id`),
    /// made once.
    #[serde(skip)]
    pub catalog_id: std::sync::OnceLock<String>,
}

#[derive(Debug, Serialize)]
pub struct Standard {
    pub id: String,
    pub number: u32,
    pub title: String,
    pub outcome: String,
    pub statement: String,
    pub criteria: Vec<Criterion>,
}

#[derive(Debug, Serialize)]
pub struct Criterion {
    pub id: String,
    pub number: u32,
    pub text: String,
    pub evidence: Vec<Evidence>,
    pub guidance: Vec<Guidance>,
    pub timing: Vec<Timing>,
    pub roles: Vec<String>,
    pub procedures: Vec<String>,
    pub forms: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Evidence {
    pub id: String,
    pub number: String,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct Guidance {
    pub id: String,
    pub number: Option<String>,
    pub text: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Timing {
    pub text: String,
    /// `within` (a deadline), `every` (a frequency), `duration` (a length of time),
    /// `before` (a lead time before an event) or `none` (the words set no time limit).
    pub kind: &'static str,
    /// The ISO 8601 duration as written (the shorter end of a range); empty for a timing
    /// of no length (`none`, `continuous`, as soon as possible with no latest).
    pub iso: String,
    /// Approximate calendar length in seconds (a month = 30 days, a working day 7/5 of a
    /// day), for sorting; 0 for a timing of no length. Not in `catalog.json`, which gives
    /// `length_seconds` under this name.
    #[serde(skip)]
    pub seconds: u64,
    /// `seconds` as `catalog.json` gives it: `null` for a timing of no length, never 0,
    /// which is "menjëherë" (`P0D`; adversary 49 LOW-2).
    #[serde(rename = "seconds")]
    pub length_seconds: Option<u64>,
    /// The days are working days ("30 ditë pune").
    pub working_days: bool,
    /// The longer end of a range, as written ("P12M" of "nga 4 deri në 12 muaj").
    pub to_iso: Option<String>,
    /// Approximate calendar length of the range's longer end, in seconds.
    pub to_seconds: Option<u64>,
    /// The parsed durations, for wording them in the reader's language.
    #[serde(skip)]
    pub parsed: Option<(duration::Duration, Option<duration::Duration>)>,
    /// Whom the timing binds, where the source names them apart (role ids); empty: every
    /// actor of its step or criterion.
    pub actors: Vec<String>,
    /// The source names whom the timing binds (`actors:` given, perhaps empty: no one of the
    /// step's actors).
    pub named: bool,
    /// Whom the timing binds in the source's words, where no role is that one (`persons:`).
    pub persons: Vec<String>,
    /// The body its words time where it is none of its step's actors (`body:`), also
    /// among `actors`: shown on that role's page apart from the steps it acts in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// `at_most` or `at_least` where the words set a bound ("maksimumi 60 minuta").
    pub bound: Option<&'static str>,
    /// The period a length of time is counted in ("dy javë në vit": P1Y).
    #[serde(skip)]
    pub per: Option<duration::Duration>,
    /// "brenda ditës": a deadline of the same day, not "menjëherë" (both `P0D`).
    pub same_day: bool,
    /// How many times in the period of an `every` ("2 herë në vit"); none: once.
    pub times: Option<u32>,
    /// Due as soon as possible, the duration the latest ("sa më shpejt …, jo më vonë se").
    pub asap: bool,
    /// The case it holds in, in the source's words ("me urgjencë"), shown with its badge.
    pub condition: Option<String>,
}

impl Timing {
    /// Whether the timing binds `role`, given the actors of the step or criterion it sits
    /// on: its own actors where it names them, else every one of those.
    pub fn binds(&self, role: &str, owner_actors: &[String]) -> bool {
        if !self.named {
            owner_actors.iter().any(|a| a == role)
        } else {
            self.actors.iter().any(|a| a == role)
        }
    }

    /// The length a timing sorts by: "brenda ditës" (`same_day`) as up to one day, after
    /// the hour limits and not with "menjëherë" (review 45, R-4); else `seconds`.
    pub fn sort_seconds(&self) -> u64 {
        match self.same_day && self.seconds == 0 {
            true => 86_400,
            false => self.seconds,
        }
    }

    /// As soon as possible with no latest ("në kohën më të shpejtë të mundshme"): no length
    /// of time at all; sorted after "menjëherë", before any length (adversary 48 L-1).
    pub fn asap_only(&self) -> bool {
        self.asap && self.parsed.is_none() && self.kind == "within"
    }

    /// The roles the timing binds, given the actors of what it sits on.
    pub fn bound_actors<'a>(&'a self, owner_actors: &'a [String]) -> &'a [String] {
        if !self.named {
            owner_actors
        } else {
            &self.actors
        }
    }
}

/// What a role page holds: a job description (its sections, duties, requirements) or a
/// role the procedures define in a sentence or two.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RoleKind {
    Job,
    Role,
}

impl RoleKind {
    /// The kind as the catalogue and the templates name it.
    pub fn name(self) -> &'static str {
        match self {
            RoleKind::Job => "job",
            RoleKind::Role => "role",
        }
    }
}

#[derive(Debug, Serialize)]
pub struct Role {
    pub id: String,
    pub title: String,
    pub abbr: Option<String>,
    /// Other spellings of the abbreviation the source prints ("NJVRN" for NJVNR).
    pub abbr_variants: Vec<String>,
    /// Another jurisdiction than the handbook's, where the role exists (`Kosovë`).
    pub jurisdiction: Option<String>,
    pub kind: RoleKind,
    pub source: Option<String>,
    pub definition: Option<String>,
    /// The roles the source lists as members of this group (ids; `RoleSrc::members`).
    pub members: Vec<String>,
    /// Other words the source names the role by (`RoleSrc::named_by`).
    pub named_by: Vec<String>,
    /// Where the source names it with no act of its own (`RoleSrc::mentioned`).
    pub mentioned: Vec<String>,
    /// The times its job description sets for its own duties (`RoleSrc::timing`).
    pub timing: Vec<Timing>,
    /// The roles the source says are the same person (ids; `RoleSrc::same_as`).
    pub same_as: Vec<String>,
    /// The roles the source says this role is in some cases (ids; `RoleSrc::may_be`).
    pub may_be: Vec<String>,
    /// The source defines the group as every institution it names (`RoleSrc::names_all`).
    pub names_all: bool,
    /// The roles its list's catch-all covers (ids; `RoleSrc::catch_all`).
    pub catch_all: Vec<String>,
    /// The role whose persons stand for the group's members (ids; `RoleSrc::representatives`):
    /// read by the quizzes only, not part of the catalogue.
    #[serde(skip)]
    pub representatives: Vec<String>,
    /// The job description's sections, in the order of the source: (field, text).
    pub sections: Vec<RoleSection>,
    pub duty_areas: Vec<DutyArea>,
    pub requirements: Vec<RoleSection>,
    /// Where the role acts: criteria and steps that name it (ids).
    pub acts_in: Vec<String>,
    /// Steps where an actor acts for this institution (`acting_for`, "APAP-i i SHSSH-së"),
    /// credited to that actor, not to the institution (ids).
    pub acts_through: Vec<String>,
    pub signature: Option<String>,
    /// Printed headings by field (see `RoleSrc::headings`).
    pub headings: BTreeMap<String, String>,
    /// What the law obliges the institution to do, as a source's table states it.
    pub legal_duties: Option<LegalDuties>,
}

#[derive(Debug, Serialize)]
pub struct LegalDuties {
    /// The table's title, as printed ("Kutia 2. Përgjegjësitë ligjore …").
    pub table: String,
    /// The institution as the table's row names it.
    pub institution: String,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct RoleSection {
    /// The field name of the content format (`mission`, `education`, …).
    pub key: &'static str,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct DutyArea {
    pub title: String,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct Form {
    pub id: String,
    /// The printed code (the id), or none where the source prints none.
    pub code: Option<String>,
    pub title: String,
    pub group: String,
    /// The heading of the printed list the form's group is part of.
    pub list: Option<String>,
    pub procedure: Option<String>,
    /// Steps (ids) and criteria (ids) that use the form.
    pub used_by: Vec<String>,
    /// The code printed on the form itself (`E-3`), where it is encoded field by field.
    pub printed_code: Option<String>,
    /// The printed form, field by field (`content/forms/ID.yaml`), where it is encoded.
    pub template: Option<forms::FormTemplate>,
}

/// One entry of the deadlines register: a timing and where it is set.
#[derive(Debug, Serialize)]
pub struct Deadline {
    /// Criterion, step or procedure section id.
    pub owner: String,
    /// `criterion`, `step` or `section`.
    pub owner_kind: &'static str,
    pub timing: Timing,
}

// ---------------------------------------------------------------------------------------

/// Build the handbook from sources that passed validation. Anything validation would
/// have refused is skipped here rather than trusted.
pub fn build(config: Config, src: Sources, addresses: crate::address::Pages) -> Handbook {
    let standards: Vec<Standard> = {
        let mut v: Vec<Standard> = src
            .standards
            .into_iter()
            .map(|l| standard(l.value, &config.id_prefix))
            .collect();
        v.sort_by_key(|s| s.number);
        v
    };
    let procedures: Vec<Procedure> = src
        .procedures
        .into_iter()
        .enumerate()
        .map(|(i, l)| procedure(i + 1, l.slug, l.value))
        .collect();
    let mut roles: Vec<Role> = src
        .roles
        .into_iter()
        .map(|l| role(l.slug, l.value))
        .collect();
    roles.sort_by(|a, b| a.title.cmp(&b.title));
    let mut forms: Vec<Form> = src
        .forms
        .map(|l| {
            l.value
                .groups
                .into_iter()
                .flat_map(|g| {
                    let group = g.title.value;
                    let list = g.list.map(|l| l.value);
                    let proc = g.procedure.map(|p| p.value);
                    g.forms.into_iter().map(move |f| Form {
                        code: if f.no_code.is_some_and(|n| n.value) {
                            None
                        } else {
                            Some(f.id.value.clone())
                        },
                        id: f.id.value,
                        title: f.title.value,
                        group: group.clone(),
                        list: list.clone(),
                        procedure: proc.clone(),
                        used_by: Vec::new(),
                        printed_code: None,
                        template: None,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    for t in src.form_templates {
        if let Some(f) = forms.iter_mut().find(|f| f.id == t.slug) {
            let template = forms::template(t.value);
            f.printed_code = template.code.clone();
            f.template = Some(template);
        }
    }
    let glossary = src
        .glossary
        .map(|l| glossary(l.value, &addresses))
        .unwrap_or_default();
    let principles = src
        .principles
        .map(|l| Principles {
            source: l.value.source,
            intro: l.value.intro.map(|s| s.value),
            principles: l
                .value
                .principles
                .into_iter()
                .enumerate()
                .map(|(i, p)| Principle {
                    id: format!("parimi-{}", i + 1),
                    title: p.title.value,
                    text: p.text.value,
                })
                .collect(),
        })
        .unwrap_or_default();
    let indicators = src.indicators.map(|l| indicators(l.value));
    let chapters = chapters::chapters(src.chapters);
    let plans = src
        .plans
        .into_iter()
        .map(|l| plan(l.slug, l.value))
        .collect();

    // The cross-reference graph, computed once: role → where it acts, form → who uses it.
    let mut acts: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut through: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut uses: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut deadlines = Vec::new();
    for s in &standards {
        for c in &s.criteria {
            for r in &c.roles {
                acts.entry(r).or_default().push(c.id.clone());
            }
            for f in &c.forms {
                uses.entry(f).or_default().push(c.id.clone());
            }
            for t in &c.timing {
                deadlines.push(Deadline {
                    owner: c.id.clone(),
                    owner_kind: "criterion",
                    timing: t.clone(),
                });
            }
        }
    }
    for p in &procedures {
        for st in &p.steps {
            for r in &st.actors {
                acts.entry(r).or_default().push(st.id.clone());
            }
            for r in st.acting_for.iter().filter_map(|a| a.of.as_ref()) {
                let at = through.entry(r).or_default();
                if !at.contains(&st.id) {
                    at.push(st.id.clone());
                }
            }
            for f in &st.forms {
                uses.entry(f).or_default().push(st.id.clone());
            }
            for t in &st.timing {
                deadlines.push(Deadline {
                    owner: st.id.clone(),
                    owner_kind: "step",
                    timing: t.clone(),
                });
            }
        }
        for sec in &p.sections {
            // A passage with a timing of its own body (a commission's duty) acts for it.
            for r in sec.timing.iter().flat_map(|t| &t.actors) {
                let at = acts.entry(r).or_default();
                if !at.contains(&sec.id) {
                    at.push(sec.id.clone());
                }
            }
            for t in &sec.timing {
                deadlines.push(Deadline {
                    owner: sec.id.clone(),
                    owner_kind: "section",
                    timing: t.clone(),
                });
            }
        }
    }
    // Words that set no time limit are not deadlines.
    deadlines.retain(|d| d.timing.kind != "none");
    let acts: BTreeMap<String, Vec<String>> =
        acts.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    let uses: BTreeMap<String, Vec<String>> =
        uses.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    for r in &mut roles {
        r.acts_in = acts.get(&r.id).cloned().unwrap_or_default();
        r.acts_through = through.get(r.id.as_str()).cloned().unwrap_or_default();
    }
    for f in &mut forms {
        f.used_by = uses.get(&f.id).cloned().unwrap_or_default();
    }
    // "brenda ditës" before "brenda 24 orëve", both a day; "sa më shpejt" (no latest) after
    // "menjëherë".
    deadlines.sort_by_key(|d| {
        let t = &d.timing;
        (t.sort_seconds(), t.asap_only(), !t.same_day, t.to_seconds)
    });

    Handbook {
        title: config.title.clone(),
        config,
        addresses,
        standards,
        procedures,
        roles,
        forms,
        glossary,
        principles,
        indicators,
        plans,
        chapters,
        deadlines,
        synonyms: src
            .synonyms
            .map(|l| l.value.sets.into_iter().map(|s| s.value).collect())
            .unwrap_or_default(),
        definition_names: std::sync::OnceLock::new(),
        role_names: std::sync::OnceLock::new(),
        form_jurisdictions: std::sync::OnceLock::new(),
        when_pool: std::sync::OnceLock::new(),
        quiz_memo: quiz::Memos::default(),
        catalog_id: std::sync::OnceLock::new(),
    }
}

impl Handbook {
    pub fn criteria_count(&self) -> usize {
        self.standards.iter().map(|s| s.criteria.len()).sum()
    }

    pub fn evidence_count(&self) -> usize {
        self.standards
            .iter()
            .flat_map(|s| &s.criteria)
            .map(|c| c.evidence.len())
            .sum()
    }
}
