//! The self-assessment file: one JSON shape shared by the browser (export/import),
//! `doracak report` and `doracak aggregate` (see docs/assessment-format.md).
//!
//! The browser's `theme/static/assessment.js` applies the same rules as `validate` here;
//! keep the two in step.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::markdown::to_plain;
use crate::model::Handbook;

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
}

#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct HandbookRef {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub catalog: String,
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

#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct RatingEntry {
    #[serde(default)]
    pub rating: Option<String>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, Default)]
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

#[derive(Debug, Clone, Serialize, Deserialize, Default)]
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

/// What reading a file found: problems refuse it, notes do not.
#[derive(Debug, Default)]
pub struct Checked {
    pub file: Option<AssessmentFile>,
    pub problems: Vec<String>,
    pub notes: Vec<String>,
}

/// A stable identity of the handbook's assessable content (FNV-1a over ids and texts):
/// a file records which catalogue it was made against.
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
            eat(&c.text);
            for e in &c.evidence {
                eat(&e.id);
                eat(&e.text);
            }
        }
    }
    format!("{h:016x}")
}

/// `vleresim/catalog.js`: what the assessment pages need to know of the handbook,
/// streamed into `w` (at a thousand standards it is tens of megabytes).
pub fn write_catalog_script(hb: &Handbook, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    use serde::ser::Serializer;

    /// A sequence serialised straight from an iterator, never collected.
    struct Seq<F>(F);
    impl<F, I> Serialize for Seq<F>
    where
        F: Fn() -> I,
        I: Iterator,
        I::Item: Serialize,
    {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq((self.0)())
        }
    }
    #[derive(Serialize)]
    struct Evidence<'a> {
        id: &'a str,
        number: &'a str,
        text: String,
    }
    #[derive(Serialize)]
    struct Catalog<'a, S: Serialize> {
        catalog: String,
        #[serde(rename = "evidenceStatus")]
        evidence_status: [&'static str; 3],
        schema: &'static str,
        scale: &'a [crate::config::Rating],
        standards: S,
        title: &'a str,
        version: u64,
    }

    #[derive(Serialize)]
    struct Criterion<'a, E: Serialize> {
        evidence: E,
        id: &'a str,
        number: u32,
        text: String,
    }
    #[derive(Serialize)]
    struct Standard<'a, C: Serialize> {
        criteria: C,
        id: &'a str,
        number: u32,
        title: &'a str,
    }

    let standards = Seq(|| {
        hb.standards.iter().map(|s| Standard {
            criteria: Seq(move || {
                s.criteria.iter().map(|c| Criterion {
                    evidence: Seq(move || {
                        c.evidence.iter().map(|e| Evidence {
                            id: &e.id,
                            number: &e.number,
                            text: to_plain(&e.text),
                        })
                    }),
                    id: &c.id,
                    number: c.number,
                    text: to_plain(&c.text),
                })
            }),
            id: &s.id,
            number: s.number,
            title: &s.title,
        })
    });
    let data = Catalog {
        catalog: catalog_hash(hb),
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
    w.write_all(b";\n")
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().ok();
    match (num(0..4), num(5..7), num(8..10)) {
        (Some(_), Some(m), Some(d)) => (1..=12).contains(&m) && (1..=31).contains(&d),
        _ => false,
    }
}

/// Read and check an assessment file against the handbook, migrating older versions.
pub fn read(text: &str, hb: &Handbook) -> Checked {
    let mut out = Checked::default();
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            out.problems.push(format!(
                "expected a JSON file, found text that is not JSON (line {}, column {}: {e})",
                e.line(),
                e.column()
            ));
            return out;
        }
    };
    if value.get("schema").and_then(|s| s.as_str()) != Some(SCHEMA) {
        out.problems.push(format!(
            "expected \"schema\": \"{SCHEMA}\", found {}",
            value
                .get("schema")
                .map_or("no schema".to_string(), |s| s.to_string())
        ));
        return out;
    }
    let version = value.get("version").and_then(|v| v.as_u64());
    match version {
        Some(v) if v > VERSION => {
            out.problems.push(format!(
                "expected version {VERSION} or older, found version {v}: the file was made by a newer doracak"
            ));
            return out;
        }
        Some(v) if v >= 1 => {}
        _ => {
            out.problems.push(format!(
                "expected a whole \"version\" number from 1 to {VERSION}, found {}",
                value
                    .get("version")
                    .map_or("none".to_string(), |s| s.to_string())
            ));
            return out;
        }
    }
    let file: AssessmentFile = match serde_json::from_value(value) {
        Ok(f) => f,
        Err(e) => {
            out.problems
                .push(format!("the file does not have the assessment shape: {e}"));
            return out;
        }
    };
    check(&file, hb, &mut out);
    if out.problems.is_empty() {
        out.file = Some(file);
    }
    out
}

fn check(f: &AssessmentFile, hb: &Handbook, out: &mut Checked) {
    if f.assessment.name.trim().is_empty() {
        out.problems
            .push("expected the assessment's name, found empty text".into());
    }
    let codes: HashSet<&str> = hb.config.scale.iter().map(|r| r.code.as_str()).collect();
    let criteria: HashSet<&str> = hb
        .standards
        .iter()
        .flat_map(|s| &s.criteria)
        .map(|c| c.id.as_str())
        .collect();
    let evidence: HashSet<&str> = hb
        .standards
        .iter()
        .flat_map(|s| &s.criteria)
        .flat_map(|c| &c.evidence)
        .map(|e| e.id.as_str())
        .collect();
    for (id, r) in &f.ratings {
        if !criteria.contains(id.as_str()) {
            out.notes.push(format!(
                "the handbook has no criterion {id}; its rating is kept but not scored"
            ));
        }
        if let Some(code) = &r.rating
            && !codes.contains(code.as_str())
        {
            out.problems.push(format!(
                "criterion {id}: expected a rating of {}, found \"{code}\"",
                hb.config
                    .scale
                    .iter()
                    .map(|r| r.code.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    for (id, e) in &f.evidence {
        if !evidence.contains(id.as_str()) {
            out.notes.push(format!(
                "the handbook has no evidence item {id}; its entry is kept"
            ));
        }
        if let Some(st) = &e.status
            && !EVIDENCE_STATUS.contains(&st.as_str())
        {
            out.problems.push(format!(
                "evidence {id}: expected a status of {}, found \"{st}\"",
                EVIDENCE_STATUS.join(", ")
            ));
        }
        for (field, v) in [("reviewed", &e.reviewed), ("next_review", &e.next_review)] {
            if !v.is_empty() && !is_date(v) {
                out.problems.push(format!(
                    "evidence {id}: expected {field} as a date YYYY-MM-DD, found \"{v}\""
                ));
            }
        }
    }
    for (i, p) in f.plan.iter().enumerate() {
        if !criteria.contains(p.criterion.as_str()) {
            out.notes.push(format!(
                "plan row {}: the handbook has no criterion {}",
                i + 1,
                p.criterion
            ));
        }
        if !p.due.is_empty() && !is_date(&p.due) {
            out.problems.push(format!(
                "plan row {}: expected the deadline as a date YYYY-MM-DD, found \"{}\"",
                i + 1,
                p.due
            ));
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(is_date("2026-10-01"));
        assert!(!is_date("2026-13-01"));
        assert!(!is_date("1.10.2026"));
        assert!(!is_date("2026-1-01"));
    }
}
