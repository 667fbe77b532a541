//! The reference documents of the handbook: the glossary, the principles, the indicators
//! and the action plan.

use serde::Serialize;

#[derive(Debug, Default, Serialize)]
pub struct Glossary {
    pub source: Option<String>,
    pub abbreviations: Vec<Term>,
    pub definitions: Vec<Term>,
}

#[derive(Debug, Serialize)]
pub struct Term {
    pub id: String,
    pub term: String,
    pub abbr: Option<String>,
    pub text: String,
    /// The term's own source, where it is not the glossary's.
    pub source: Option<String>,
    /// The procedure collection the term belongs to.
    pub collection: Option<String>,
    /// The term this one defines again from another source.
    pub same_as: Option<String>,
}

#[derive(Debug, Default, Serialize)]
pub struct Principles {
    pub source: Option<String>,
    pub intro: Option<String>,
    pub principles: Vec<Principle>,
}

#[derive(Debug, Serialize)]
pub struct Principle {
    pub id: String,
    pub title: String,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct Indicators {
    pub title: String,
    pub source: Option<String>,
    pub intro: Option<String>,
    pub groups: Vec<IndicatorGroup>,
}

#[derive(Debug, Serialize)]
pub struct IndicatorGroup {
    pub id: String,
    pub title: String,
    pub intro: Option<String>,
    pub items: Vec<Indicator>,
}

#[derive(Debug, Serialize)]
pub struct Indicator {
    pub id: String,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct Plan {
    pub id: String,
    pub title: String,
    pub source: Option<String>,
    pub intro: Option<String>,
    pub goals: Vec<Goal>,
}

#[derive(Debug, Serialize)]
pub struct Goal {
    pub id: String,
    pub number: String,
    pub title: String,
    pub objectives: Vec<Objective>,
}

#[derive(Debug, Serialize)]
pub struct Objective {
    pub id: String,
    pub number: String,
    pub title: String,
    pub activities: Vec<Activity>,
}

#[derive(Debug, Serialize)]
pub struct Activity {
    pub id: String,
    pub number: String,
    pub text: String,
    pub responsible: Option<String>,
    pub timeframe: Option<String>,
    pub indicators: Option<String>,
    pub legal: Option<String>,
    pub funding: Option<String>,
    pub cost: Option<String>,
}
