//! The handbook's other files: `content/glossary.yaml`, `content/synonyms.yaml`,
//! `content/principles.yaml`, `content/indicators.yaml` and `content/plans/slug.yaml`.

use serde::Deserialize;

use super::S;
use super::empty;

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
