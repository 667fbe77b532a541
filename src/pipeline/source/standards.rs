//! `standards/NN-slug.yaml`: a standard, its criteria, their evidence and guidance.

use serde::Deserialize;

use super::S;
use super::TimingSrc;
use super::empty;

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
