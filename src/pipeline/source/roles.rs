//! `content/roles/slug.yaml`: a role, its duty areas, legal duties and requirements.

use serde::Deserialize;

use super::S;
use super::TimingSrc;
use super::empty;
use super::flag::flag;

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
