//! The shapes of the YAML files authors write (see `docs/content-format.md`).
//!
//! These types mirror the files one to one and keep the line and column of every
//! node a problem can be reported at (`Spanned`). Unknown fields are rejected. Nothing
//! outside `load` and `validate` sees these types: later stages use `model`.

use serde::Deserialize;
pub use serde_saphyr::Spanned;

pub mod chapters;
mod flag;
pub mod form_link;
pub mod forms;

pub use chapters::{ChapterFrontSrc, ChapterSrc};
use flag::flag;
pub use form_link::FormLinkSrc;
use form_link::{form_links, one_or_many};
pub use forms::FormTemplateSrc;

pub type S<T> = Spanned<T>;

fn empty<T>() -> Vec<T> {
    Vec::new()
}

/// `standards/NN-slug.yaml`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StandardSrc {
    pub number: S<u32>,
    pub title: S<String>,
    pub outcome: S<String>,
    pub statement: S<String>,
    #[serde(default = "empty")]
    pub criteria: Vec<CriterionSrc>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriterionSrc {
    pub number: S<u32>,
    pub text: S<String>,
    #[serde(default = "empty")]
    pub evidence: Vec<EvidenceSrc>,
    #[serde(default = "empty")]
    pub guidance: Vec<GuidanceSrc>,
    #[serde(default = "empty")]
    pub timing: Vec<TimingSrc>,
    #[serde(default = "empty")]
    pub roles: Vec<S<String>>,
    #[serde(default = "empty")]
    pub procedures: Vec<S<String>>,
    #[serde(default = "empty")]
    pub forms: Vec<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceSrc {
    pub number: S<String>,
    pub text: S<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuidanceSrc {
    #[serde(default)]
    pub number: Option<S<String>>,
    pub text: S<String>,
}

/// A deadline, frequency, duration or lead time, quoted from the source with an ISO 8601
/// duration (see "Timing" in `docs/content-format.md`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimingSrc {
    pub text: S<String>,
    /// A deadline: must happen within this time.
    #[serde(default)]
    pub within: Option<S<String>>,
    /// A frequency: happens at least this often.
    #[serde(default)]
    pub every: Option<S<String>>,
    /// A length of time.
    #[serde(default)]
    pub duration: Option<S<String>>,
    /// A lead time: at least this long before the event the words name.
    #[serde(default)]
    pub before: Option<S<String>>,
    /// The longer end of a range ("nga 4 deri në 12 muaj"); the kind's key holds the shorter.
    #[serde(default)]
    pub to: Option<S<String>>,
    /// `working`: the days counted are working days ("30 ditë pune").
    #[serde(default)]
    pub days: Option<S<String>>,
    /// `true`: the words set no time limit at all ("mbikqyrje 24 orë", round the clock).
    #[serde(default, deserialize_with = "flag")]
    pub no_time_limit: Option<S<bool>>,
    /// `true`: a duty that never stops, round the clock ("Ruajtje ose siguri fizike 24 orë",
    /// "mbikqyrje 24 orë"): no length of time, but a register row.
    #[serde(default, deserialize_with = "flag")]
    pub continuous: Option<S<bool>>,
    /// Whom this timing binds, where the source names them apart from the rest of the
    /// step's actors ("brenda 15 ditëve NJMF-ja …"), or the body whose duty it is where the
    /// passage has no actor (a commission's duty in a list). Left out: the step's actors;
    /// `[]`: none of them (the source names no one: "kujdestari ligjor do të emërohet").
    #[serde(default)]
    pub actors: Option<Vec<S<String>>>,
    /// Whom the timing binds in the source's words where no role of the handbook is that
    /// one ("Ofruesi i shërbimeve"); shown in the register's "who" beside `actors`.
    #[serde(default)]
    pub persons: Option<Vec<S<String>>>,
    /// `at_most` ("maksimumi 60 minuta", "nuk duhet të kalojë 45 minuta", "deri në") or
    /// `at_least` ("nuk mund të jetë më pak se dy javë"): the bound the words set.
    #[serde(default)]
    pub bound: Option<S<String>>,
    /// The period a length of time is counted in ("dy javë në vit": `per: P1Y`).
    #[serde(default)]
    pub per: Option<S<String>>,
    /// `true` with `within: P0D`: "brenda ditës" (within the day), not "menjëherë".
    #[serde(default, deserialize_with = "flag")]
    pub same_day: Option<S<bool>>,
    /// With `every` of one unit: how many times in that period ("2 herë në vit": `every:
    /// P1Y`, `times: 2`), not once every half of it.
    #[serde(default)]
    pub times: Option<S<u32>>,
    /// `true` with `within`: the act is due as soon as possible, the duration only its
    /// latest ("sa më shpejt që është e mundur dhe jo më vonë se 7 ditë"); alone, with no
    /// length of time: as soon as possible, no latest ("në kohën më të shpejtë të mundshme").
    #[serde(default, deserialize_with = "flag")]
    pub asap: Option<S<bool>>,
    /// The case the timing holds in, in the source's words standing in `text` ("me
    /// urgjencë"), where the step or criterion holds in others too: shown with the badge.
    #[serde(default)]
    pub condition: Option<S<String>>,
}

/// `content/sop/NN-slug.yaml`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcedureSrc {
    pub title: S<String>,
    pub collection: S<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub definition: Option<S<String>>,
    #[serde(default)]
    pub agencies: Option<AgenciesSrc>,
    #[serde(default = "empty")]
    pub sections: Vec<SectionSrc>,
    #[serde(default = "empty")]
    pub steps: Vec<StepSrc>,
    /// The words the source prints before its "Dokumentimi" list ("Formatet standarde që
    /// duhet të përdoren … janë:"), shown above the list.
    #[serde(default)]
    pub documentation_intro: Option<S<String>>,
    #[serde(default = "empty")]
    pub documentation: Vec<DocumentSrc>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgenciesSrc {
    #[serde(default)]
    pub intro: Option<S<String>>,
    #[serde(default = "empty")]
    pub items: Vec<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionSrc {
    #[serde(default)]
    pub title: Option<S<String>>,
    /// What other pages call a passage the source prints with no heading above it (the
    /// register, a role card, a quiz): words of its own text, never shown as a heading.
    #[serde(default)]
    pub name: Option<S<String>>,
    /// `true`: the source prints the trafficking indicators here; the page shows the
    /// passage's heading and a link to the indicators page, not a copy of them.
    #[serde(default, deserialize_with = "flag")]
    pub indicators: Option<S<bool>>,
    #[serde(default)]
    pub text: Option<S<String>>,
    #[serde(default = "empty")]
    pub items: Vec<S<String>>,
    /// Deadlines the passage itself sets (a duty in a list, not a step).
    #[serde(default = "empty")]
    pub timing: Vec<TimingSrc>,
    /// The number of the step the source prints this passage before: the page shows it
    /// there, between the steps, not after all of them.
    #[serde(default)]
    pub before_step: Option<S<String>>,
    /// `true`: the procedure's documentation list is printed here, after this passage's
    /// words (its lead sentence), not at the page's end.
    #[serde(default, deserialize_with = "flag")]
    pub documents: Option<S<bool>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepSrc {
    pub number: S<String>,
    /// The number or letter the source prints for this item ("a)", "1."), where it is not
    /// "Hapi N": the page shows it as printed.
    #[serde(default)]
    pub printed: Option<S<String>>,
    /// `true`: the source gives this step as an alternative to the step before it (one of
    /// several cases, "Nëse …"), not as its sequel.
    #[serde(default, deserialize_with = "flag")]
    pub alternative: Option<S<bool>>,
    /// `true`: the source gives this step beside the step before it, neither the sequel of
    /// the other (a provision of its own, not another case): drawn side by side, not dashed.
    #[serde(default, deserialize_with = "flag")]
    pub parallel: Option<S<bool>>,
    /// The number of the step this one follows in the source's logic, where that is not
    /// the step printed before it (formal identification 16, the court appeal against the
    /// Commission's decision, follows the decision, 20): the diagram draws it after that
    /// step, its arrow from there.
    #[serde(default)]
    pub follows: Option<S<String>>,
    /// `true`: a provision that follows no step and that no step follows (the Commission's
    /// members set once, formal identification 17): the diagram draws it apart, no arrow.
    #[serde(default, deserialize_with = "flag")]
    pub free: Option<S<bool>>,
    /// The step the source sends the case back to from this one, and the step's words that
    /// say so (Kosovo 6, "rishikimin e Planit të Shërbimeve" → 4): a return arrow.
    #[serde(default)]
    pub returns_to: Option<ReturnSrc>,
    #[serde(default)]
    pub group: Option<S<String>>,
    #[serde(default)]
    pub title: Option<S<String>>,
    pub text: S<String>,
    #[serde(default = "empty")]
    pub actors: Vec<S<String>>,
    /// Who acts where the source names a person, not a role ("Çdo person, që nuk/është
    /// njohur si viktimë …"): the source's own words, as they stand in the step's text.
    #[serde(default)]
    pub persons: Option<S<Vec<S<String>>>>,
    /// An actor of the step who acts for an institution ("APAP-i nga MEPJ-ja", "APAP-i i
    /// SHSSH-së"): the actor is credited, the institution only named as whom it acts for.
    #[serde(default = "empty")]
    pub acting_for: Vec<ActingForSrc>,
    #[serde(default = "empty")]
    pub timing: Vec<TimingSrc>,
    /// The forms the step uses, each with the source words the link rests on
    /// (`form_link`).
    #[serde(default = "empty", deserialize_with = "form_links")]
    pub forms: Vec<FormLinkSrc>,
}

/// A step's `returns_to:`: the step the case goes back to, in the step's own words.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReturnSrc {
    pub step: S<String>,
    pub words: S<String>,
}

/// One `acting_for:` entry of a step.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActingForSrc {
    /// The step's actor who acts (`apap`).
    pub actor: S<String>,
    /// The institution's role, where it has one (`shssh`); never also an actor of the step.
    #[serde(default)]
    pub of: Option<S<String>>,
    /// The source's words naming the actor and its institution, as they stand in the text.
    pub words: S<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentSrc {
    pub text: S<String>,
    /// The form or forms the document is, each one the document's words name (its code or
    /// words of its title): `form: C1`, or `form: [C4, C5]` where the annex prints one
    /// document twice under one title (`form_link::one_or_many`).
    #[serde(default = "empty", deserialize_with = "one_or_many")]
    pub form: Vec<S<String>>,
}

/// `content/roles/slug.yaml`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleSrc {
    pub title: S<String>,
    #[serde(default)]
    pub abbr: Option<S<String>>,
    /// Other spellings of the abbreviation the source prints (001's "NJVRN" for NJVNR):
    /// a quiz blanks them and finds the role named by them, as by `abbr`.
    #[serde(default = "empty")]
    pub abbr_variants: Vec<S<String>>,
    /// Where the role exists, for a role of another jurisdiction than the handbook's
    /// (`Kosovë` for the roles of the 003 guide); shown wherever the role is named.
    #[serde(default)]
    pub jurisdiction: Option<S<String>>,
    pub kind: S<RoleKind>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub definition: Option<S<String>>,
    /// The roles the source lists as members of this group (001's agencies for initial
    /// identification: the police, the municipal social services …), by id: none of them is
    /// a wrong answer where the group acts, nor the group where one of them acts.
    #[serde(default = "empty")]
    pub members: Vec<S<String>>,
    /// Where the source names the role with no act of its own (an evidence item, a partner
    /// a step's actor works with), by criterion or step id: its card lists them as that.
    #[serde(default = "empty")]
    pub mentioned: Vec<S<String>>,
    /// The times its job description sets for its own duties ("një herë në vit", 002:1254),
    /// each quoting words of its duties: shown on its card under "Deri kur", not in the
    /// register (read-47a L-6).
    #[serde(default = "empty")]
    pub timing: Vec<TimingSrc>,
    /// Other words the source names the role by in a step ("qendra ku është akomoduar" for
    /// the centre's provider), found as its title is: a quiz counts the role as named there.
    #[serde(default = "empty")]
    pub named_by: Vec<S<String>>,
    /// The roles the source says are this same person under another title (001:256:
    /// "“Menaxheri i rastit” është punonjësi për mbrojtjen e fëmijës"), by id: neither is a
    /// wrong answer where the other acts.
    #[serde(default = "empty")]
    pub same_as: Vec<S<String>>,
    /// The roles the source says this role is in some cases only (001:264-266: "Punonjësi i
    /// rastit, në rastin e një fëmije … është punonjësi i mbrojtjes së fëmijëve"), by id:
    /// not the same person, but neither is a wrong answer where the other acts.
    #[serde(default = "empty")]
    pub may_be: Vec<S<String>>,
    /// The source defines the group as every institution it names (001:366-370: "janë të
    /// gjitha institucionet e përmendura në këtë dokument"): it is never a wrong answer.
    #[serde(default, deserialize_with = "flag")]
    pub names_all: Option<S<bool>>,
    /// The roles the catch-all that ends the source's list of the group's members covers
    /// ("agjenci të tjera shtetërore dhe joshtetërore me veprimtari në fushën e mbrojtjes së
    /// viktimave", 001:453-454), by the source's own words of their acts, by id: none is a
    /// wrong answer where the group acts (they are not members: the police, a member, does
    /// not make them its peers).
    #[serde(default = "empty")]
    pub catch_all: Vec<S<String>>,
    /// The role whose persons stand for this group's members, each for its institution (the
    /// AP's "Anëtari përkatës i autoritetit përgjegjës", whose steps say for whom it acts:
    /// `acting_for`), by id: where the group acts, an institution one of them acts for is
    /// no wrong answer ("përbëhet nga përfaqësues të ministrive", read-47b L-11).
    #[serde(default = "empty")]
    pub representatives: Vec<S<String>>,
    #[serde(default)]
    pub position: Option<S<String>>,
    #[serde(default)]
    pub institution: Option<S<String>>,
    #[serde(default)]
    pub directorate: Option<S<String>>,
    #[serde(default)]
    pub reports_to: Option<S<String>>,
    #[serde(default)]
    pub mission: Option<S<String>>,
    #[serde(default)]
    pub purpose: Option<S<String>>,
    #[serde(default)]
    pub main_duties: Option<S<String>>,
    #[serde(default = "empty")]
    pub duty_areas: Vec<DutyAreaSrc>,
    #[serde(default)]
    pub problem_solving: Option<S<String>>,
    #[serde(default)]
    pub decision_making: Option<S<String>>,
    #[serde(default)]
    pub environment: Option<S<String>>,
    #[serde(default)]
    pub supervision: Option<S<String>>,
    #[serde(default)]
    pub subordinates: Option<S<String>>,
    #[serde(default)]
    pub conditions: Option<S<String>>,
    #[serde(default)]
    pub requirements: Option<RequirementsSrc>,
    /// The signature block of a printed job description.
    #[serde(default)]
    pub signature: Option<S<String>>,
    /// The printed headings and labels of a job description, by the field they stand
    /// over ("mission": "II. MISIONI"); the page shows them instead of its own words.
    #[serde(default)]
    pub headings: std::collections::BTreeMap<String, S<String>>,
    /// What the law obliges the institution to do, as a source's table states it (Kutia 2
    /// of the Kosovo guide).
    #[serde(default)]
    pub legal_duties: Option<LegalDutiesSrc>,
}

/// An institution's row of a table of legal duties: the table's title, the institution
/// as the row names it, and the duties, as printed.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegalDutiesSrc {
    pub table: S<String>,
    pub institution: S<String>,
    pub text: S<String>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RoleKind {
    Job,
    Role,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DutyAreaSrc {
    pub title: S<String>,
    pub text: S<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequirementsSrc {
    #[serde(default)]
    pub education: Option<S<String>>,
    #[serde(default)]
    pub experience: Option<S<String>>,
    #[serde(default)]
    pub knowledge: Option<S<String>>,
    #[serde(default)]
    pub abilities: Option<S<String>>,
}

/// `content/forms.yaml`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormsSrc {
    #[serde(default = "empty")]
    pub groups: Vec<FormGroupSrc>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormGroupSrc {
    pub title: S<String>,
    /// The heading of the printed list the group is part of, as printed ("FORMATET PËR
    /// ZBATIMIN E PROCEDURAVE STANDARDE"), shown under the group's title.
    #[serde(default)]
    pub list: Option<S<String>>,
    #[serde(default)]
    pub procedure: Option<S<String>>,
    #[serde(default = "empty")]
    pub forms: Vec<FormSrc>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormSrc {
    /// The printed code (`A1`), or, with `no_code: true`, only the key steps refer to it by.
    pub id: S<String>,
    /// `true`: the source prints no code for this form; pages show none.
    #[serde(default, deserialize_with = "flag")]
    pub no_code: Option<S<bool>>,
    pub title: S<String>,
}

/// `content/glossary.yaml`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossarySrc {
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default = "empty")]
    pub abbreviations: Vec<TermSrc>,
    #[serde(default = "empty")]
    pub definitions: Vec<TermSrc>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermSrc {
    pub term: S<String>,
    #[serde(default)]
    pub abbr: Option<S<String>>,
    pub text: S<String>,
    /// Where this term's definition comes from, where not from the glossary's `source`.
    #[serde(default)]
    pub source: Option<String>,
    /// The procedure collection the term belongs to (a term of the Kosovo guide).
    #[serde(default)]
    pub collection: Option<S<String>>,
    /// The term (of the same list) this one defines again from another source: both
    /// definitions are shown together, each with its source.
    #[serde(default)]
    pub same_as: Option<S<String>>,
}

/// `content/synonyms.yaml`: sets of words a reader may type for the same thing, each the
/// handbook's term beside the everyday word; search expands a query's word to its set.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SynonymsSrc {
    #[serde(default = "empty")]
    pub sets: Vec<S<Vec<String>>>,
}

/// `content/principles.yaml`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrinciplesSrc {
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub intro: Option<S<String>>,
    #[serde(default = "empty")]
    pub principles: Vec<PrincipleSrc>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrincipleSrc {
    pub title: S<String>,
    pub text: S<String>,
}

/// `content/indicators.yaml`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorsSrc {
    pub title: S<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub intro: Option<S<String>>,
    #[serde(default = "empty")]
    pub groups: Vec<IndicatorGroupSrc>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorGroupSrc {
    pub id: S<String>,
    pub title: S<String>,
    #[serde(default)]
    pub intro: Option<S<String>>,
    #[serde(default = "empty")]
    pub items: Vec<S<String>>,
}

/// `content/plans/slug.yaml`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanSrc {
    pub title: S<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub intro: Option<S<String>>,
    #[serde(default = "empty")]
    pub goals: Vec<GoalSrc>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalSrc {
    pub number: S<String>,
    pub title: S<String>,
    #[serde(default = "empty")]
    pub objectives: Vec<ObjectiveSrc>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObjectiveSrc {
    pub number: S<String>,
    pub title: S<String>,
    #[serde(default = "empty")]
    pub activities: Vec<ActivitySrc>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivitySrc {
    pub number: S<String>,
    pub text: S<String>,
    #[serde(default)]
    pub responsible: Option<String>,
    #[serde(default)]
    pub timeframe: Option<String>,
    #[serde(default)]
    pub indicators: Option<String>,
    #[serde(default)]
    pub legal: Option<String>,
    #[serde(default)]
    pub funding: Option<String>,
    #[serde(default)]
    pub cost: Option<String>,
}
