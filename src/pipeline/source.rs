//! The shapes of the YAML files authors write (see `docs/content-format.md`).
//!
//! These types mirror the files one to one and keep the line and column of every
//! node a problem can be reported at (`Spanned`). Unknown fields are rejected. Nothing
//! outside `load` and `validate` sees these types: later stages use `model`.
//!
//! One file per kind of thing described: `standards` (standards, criteria, evidence),
//! `procedures` (procedures, sections, steps, timings), `roles`, `forms` (the catalogue and
//! the printed forms), `chapters`, and `other` (glossary, synonyms, principles, indicators,
//! plans). Every type is re-exported here: `crate::pipeline::source::X` is the path to use.

pub use serde_saphyr::Spanned;

pub mod chapters;
mod flag;
pub mod form_link;
pub mod forms;
mod other;
mod procedures;
mod roles;
mod standards;

pub use chapters::{ChapterFrontSrc, ChapterSrc};
pub use form_link::FormLinkSrc;
pub use forms::{FormGroupSrc, FormSrc, FormTemplateSrc, FormsSrc};
pub use other::{
    ActivitySrc, GlossarySrc, GoalSrc, IndicatorGroupSrc, IndicatorsSrc, ObjectiveSrc, PlanSrc,
    PrincipleSrc, PrinciplesSrc, SynonymsSrc, TermSrc,
};
pub use procedures::{
    ActingForSrc, AgenciesSrc, DocumentSrc, ProcedureSrc, ReturnSrc, SectionSrc, StepSrc, TimingSrc,
};
pub use roles::{DutyAreaSrc, LegalDutiesSrc, RequirementsSrc, RoleKind, RoleSrc};
pub use standards::{CriterionSrc, EvidenceSrc, GuidanceSrc, StandardSrc};

pub type S<T> = Spanned<T>;

fn empty<T>() -> Vec<T> {
    Vec::new()
}
