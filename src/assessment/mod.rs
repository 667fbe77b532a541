//! The self-assessment file: one JSON shape shared by the browser (export/import),
//! `doracak report` and `doracak aggregate` (see docs/assessment-format.md).
//!
//! The rules a file must meet are in `rules`; the browser's `theme/static/assessment-core.js`
//! applies the same rules, and the corpus in `tests/fixtures/assessment-files/` holds both
//! to the same verdict on every file.

pub mod compare;
pub mod gaps;
pub(crate) mod rules;
mod split_catalog;

pub use rules::{Checked, Finding, is_date, is_id, is_timestamp, read, read_bytes};
pub use split_catalog::{
    CATALOG_SHAPE_FILE, catalog_part_mark, write_catalog_part, write_catalog_shape,
};

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::markdown::{to_plain, unmarked};
use crate::pipeline::model::Handbook;

pub const SCHEMA: &str = "doracak-assessment";
/// The version this build writes. Older files are migrated on reading; newer are refused.
pub const VERSION: u64 = 1;

/// Evidence status codes, best first (labels are UI strings `status_<code>`).
pub const EVIDENCE_STATUS: [&str; 3] = ["present", "partial", "missing"];

#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct AssessmentFile {
    pub schema: String,
    pub version: u64,
    #[serde(default)]
    pub handbook: HandbookRef,
    pub assessment: Meta,
    #[serde(default)]
    pub ratings: BTreeMap<String, RatingEntry>,
    #[serde(default)]
    pub evidence: BTreeMap<String, EvidenceEntry>,
    #[serde(default)]
    pub plan: Vec<PlanEntry>,
    /// Entries made on a previous edition for criteria and evidence items this edition does
    /// not have (removed, or never in that edition): kept in the file, never scored, never
    /// put on another criterion (docs/editions.md).
    #[serde(default, skip_serializing_if = "SetAside::is_empty")]
    pub set_aside: SetAside,
}

/// Ratings, evidence and plan rows of a previous edition that map to nothing in this one.
#[derive(Debug, Clone, Serialize, Deserialize, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SetAside {
    /// The edition they were made on, where named.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub edition: String,
    #[serde(default)]
    pub ratings: BTreeMap<String, RatingEntry>,
    #[serde(default)]
    pub evidence: BTreeMap<String, EvidenceEntry>,
    #[serde(default)]
    pub plan: Vec<PlanEntry>,
}

impl SetAside {
    pub fn is_empty(&self) -> bool {
        self.ratings.is_empty() && self.evidence.is_empty() && self.plan.is_empty()
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct HandbookRef {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub catalog: String,
    /// The name of the edition the file was made on (`edition` in doracak.toml), where it
    /// has one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub edition: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct Meta {
    pub name: String,
    #[serde(default)]
    pub centre: String,
    #[serde(default)]
    pub created: String,
    #[serde(default)]
    pub updated: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, Default, PartialEq)]
pub struct RatingEntry {
    #[serde(default)]
    pub rating: Option<String>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, Default, PartialEq)]
pub struct EvidenceEntry {
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub location: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub reviewed: String,
    #[serde(default)]
    pub next_review: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, Default, PartialEq)]
pub struct PlanEntry {
    pub criterion: String,
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub due: String,
    #[serde(default)]
    pub indicator: String,
    #[serde(default)]
    pub cost: String,
}

/// The ids of this edition's criteria and of its evidence items: what a rating, an evidence
/// entry or a mapping table's target may name.
pub fn criterion_and_evidence_ids(
    hb: &Handbook,
) -> (
    std::collections::HashSet<&str>,
    std::collections::HashSet<&str>,
) {
    let criteria = hb.standards.iter().flat_map(|s| &s.criteria);
    (
        criteria.clone().map(|c| c.id.as_str()).collect(),
        criteria
            .flat_map(|c| &c.evidence)
            .map(|e| e.id.as_str())
            .collect(),
    )
}

/// A stable identity of the handbook's assessable content (FNV-1a over ids and texts):
/// a file records which catalogue it was made against. The texts as the source prints
/// them (`markdown::unmarked`): marking an example in a criterion or evidence item leaves
/// the catalogue what it was, and every assessment made on it current.
pub fn catalog_hash(hb: &Handbook) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |s: &str| {
        for b in s.bytes().chain(std::iter::once(0)) {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for s in &hb.standards {
        eat(&s.id);
        for c in &s.criteria {
            eat(&c.id);
            eat(&unmarked(&c.text));
            for e in &c.evidence {
                eat(&e.id);
                eat(&unmarked(&e.text));
            }
        }
    }
    format!("{h:016x}")
}

/// [`catalog_hash`] as the build's outputs carry it (the catalogue files, the OSCAL
/// catalogue, the XLSForm's version), made once for the handbook: the hash reads every
/// criterion's and evidence item's text, three times a build before (issue 28).
pub fn catalog_id(hb: &Handbook) -> &str {
    hb.catalog_id.get_or_init(|| catalog_hash(hb))
}

/// A sequence serialised straight from an iterator, never collected.
struct Seq<F>(F);
impl<F, I> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: serde::ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

#[derive(Serialize)]
struct CatalogEvidence<'a> {
    id: &'a str,
    number: &'a str,
    text: String,
}
#[derive(Serialize)]
struct CatalogGuidance<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<&'a str>,
    text: String,
}
#[derive(Serialize)]
struct CatalogCriterion<'a, E: Serialize, G: Serialize> {
    evidence: E,
    #[serde(skip_serializing_if = "Option::is_none")]
    guidance: Option<G>,
    id: &'a str,
    number: u32,
    text: String,
}

/// A standard's criteria as the assessment pages know them, serialised as they stream.
fn catalog_criteria(s: &crate::pipeline::model::Standard) -> impl Serialize + '_ {
    Seq(move || s.criteria.iter().map(|c| catalog_criterion(c, false)))
}

/// A criterion as the assessment pages know it; with its guidance where `guidance` (a split
/// catalogue's standard file, which the standard's self-assessment page draws from:
/// `static/assessment-standard-part.js`).
fn catalog_criterion(c: &crate::pipeline::model::Criterion, guidance: bool) -> impl Serialize + '_ {
    CatalogCriterion {
        evidence: Seq(move || {
            c.evidence.iter().map(|e| CatalogEvidence {
                id: &e.id,
                number: &e.number,
                text: to_plain(&unmarked(&e.text)),
            })
        }),
        guidance: guidance.then_some(Seq(move || {
            c.guidance.iter().map(|g| CatalogGuidance {
                id: &g.id,
                number: g.number.as_deref(),
                text: to_plain(&unmarked(&g.text)),
            })
        })),
        id: &c.id,
        number: c.number,
        text: to_plain(&unmarked(&c.text)),
    }
}

/// `vleresim/catalog.js`: what the assessment pages need to know of the handbook,
/// streamed into `w` (at a thousand standards it is tens of megabytes).
pub fn write_catalog_script(hb: &Handbook, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    write_catalog_head(hb, false, w)
}

/// The file of a standard's criteria beside a split catalogue (`write_catalog_head`),
/// `vleresim/catalog/S1.js`, relative to the assessment folder.
pub fn catalog_part_file(standard: &str) -> String {
    format!("catalog/{standard}.js")
}

/// `vleresim/catalog.js`; when `split` (a handbook too large for one file), every
/// standard's criteria are `null` there and each standard's file
/// (`write_catalog_part`) fills them in: a page loads only the standards it shows.
pub fn write_catalog_head(
    hb: &Handbook,
    split: bool,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    /// A declared centre, as the browser's comparison knows centres (`crate::centres`).
    #[derive(Serialize)]
    struct CentreRef<'a> {
        id: &'a str,
        name: &'a str,
    }
    #[derive(Serialize)]
    struct Catalog<'a, S: Serialize> {
        catalog: String,
        centres: Vec<CentreRef<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        edition: Option<&'a str>,
        #[serde(rename = "evidenceStatus")]
        evidence_status: [&'static str; 3],
        schema: &'static str,
        scale: &'a [crate::config::Rating],
        standards: S,
        title: &'a str,
        version: u64,
    }

    #[derive(Serialize)]
    struct Standard<'a, C: Serialize> {
        criteria: Option<C>,
        id: &'a str,
        number: u32,
        title: &'a str,
    }

    let standards = Seq(|| {
        hb.standards.iter().map(|s| Standard {
            criteria: (!split).then(|| catalog_criteria(s)),
            id: &s.id,
            number: s.number,
            title: &s.title,
        })
    });
    let data = Catalog {
        catalog: catalog_id(hb).to_string(),
        centres: hb
            .config
            .centres
            .iter()
            .map(|c| CentreRef {
                id: &c.id,
                name: &c.name,
            })
            .collect(),
        edition: hb.config.edition.as_deref(),
        evidence_status: EVIDENCE_STATUS,
        schema: SCHEMA,
        scale: &hb.config.scale,
        standards,
        title: &hb.config.title,
        version: VERSION,
    };
    w.write_all(
        b"// Generated by doracak: the assessable criteria and evidence of this handbook.\nwindow.DORACAK_CATALOG = ",
    )?;
    serde_json::to_writer(&mut *w, &data).map_err(std::io::Error::other)?;
    w.write_all(b";\n")?;
    if split {
        w.write_all(split_catalog::PART_SCRIPT.as_bytes())?;
    }
    Ok(())
}

/// The score of one standard: points earned, points possible, criteria left unrated.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Score {
    pub standard: String,
    pub number: u32,
    pub title: String,
    pub points: u32,
    pub max: u32,
    pub unrated: usize,
    pub not_applicable: usize,
    /// points / max as a percentage, `None` when nothing is applicable.
    pub percent: Option<f64>,
}

/// Scores per standard. Unrated criteria count as applicable with no points, so a score
/// only rises as the assessment is completed; "not applicable" leaves a criterion out.
pub fn scores(f: &AssessmentFile, hb: &Handbook) -> Vec<Score> {
    let points: HashMap<&str, Option<u32>> = hb
        .config
        .scale
        .iter()
        .map(|r| (r.code.as_str(), r.points))
        .collect();
    let top = hb.config.max_points();
    hb.standards
        .iter()
        .map(|s| {
            let (mut p, mut max, mut unrated, mut na) = (0, 0, 0, 0);
            for c in &s.criteria {
                match f.ratings.get(&c.id).and_then(|r| r.rating.as_deref()) {
                    None => {
                        unrated += 1;
                        max += top;
                    }
                    Some(code) => match points.get(code).copied().flatten() {
                        Some(pts) => {
                            p += pts;
                            max += top;
                        }
                        None => na += 1,
                    },
                }
            }
            Score {
                standard: s.id.clone(),
                number: s.number,
                title: s.title.clone(),
                points: p,
                max,
                unrated,
                not_applicable: na,
                percent: (max > 0).then(|| (p as f64) * 100.0 / max as f64),
            }
        })
        .collect()
}

/// The overall score across standards.
pub fn overall(scores: &[Score]) -> (u32, u32, Option<f64>) {
    let p: u32 = scores.iter().map(|s| s.points).sum();
    let m: u32 = scores.iter().map(|s| s.max).sum();
    (p, m, (m > 0).then(|| p as f64 * 100.0 / m as f64))
}

/// Whether a rating counts as "not fully met" (any code with points below the top).
pub fn not_fully_met(cfg: &Config, code: &str) -> bool {
    let top = cfg.max_points();
    cfg.scale
        .iter()
        .any(|r| r.code == code && r.points.is_some_and(|p| p < top))
}
