//! Progress over time: two assessments of one centre compared, standard by standard and
//! criterion by criterion. A pure function; `theme/static/assessment-compare.js` is its
//! twin in the browser and the fixtures in `tests/fixtures/compare/` hold both to the
//! same answer.

use std::collections::HashMap;

use serde::Serialize;

use super::{AssessmentFile, scores};
use crate::markdown::to_plain;
use crate::pipeline::model::Handbook;

/// Two assessments side by side.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Comparison {
    /// Per standard, in the handbook's order.
    pub standards: Vec<StandardChange>,
    /// Rated in both with points, and more points now.
    pub improved: Vec<CriterionChange>,
    /// Rated in both with points, and fewer points now.
    pub worse: Vec<CriterionChange>,
    /// Rated in both, the same rating, below the top of the scale.
    pub still_unmet: Vec<CriterionChange>,
    /// The earlier assessment's plan actions due after it and on or before the later one.
    pub due: Vec<DueAction>,
    /// The dates compared (the `updated` day of each file).
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StandardChange {
    pub id: String,
    pub number: u32,
    pub title: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// after − before in percentage points, when both exist.
    pub change: Option<f64>,
    pub unrated_before: usize,
    pub unrated_after: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CriterionChange {
    pub id: String,
    /// "1.2": standard and criterion number.
    pub label: String,
    pub text: String,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DueAction {
    pub criterion: String,
    pub label: String,
    pub action: String,
    pub owner: String,
    pub due: String,
    /// The criterion's rating code in the later assessment, or "" when unrated.
    pub rating_now: String,
}

fn day(timestamp: &str) -> String {
    timestamp.chars().take(10).collect()
}

/// Compare `old` with `new` (the later one) against the handbook.
pub fn compare(old: &AssessmentFile, new: &AssessmentFile, hb: &Handbook) -> Comparison {
    let points: HashMap<&str, Option<u32>> = hb
        .config
        .scale
        .iter()
        .map(|r| (r.code.as_str(), r.points))
        .collect();
    let top = hb.config.max_points();
    let (sb, sa) = (scores(old, hb), scores(new, hb));
    let standards = sb
        .iter()
        .zip(&sa)
        .map(|(b, a)| StandardChange {
            id: a.standard.clone(),
            number: a.number,
            title: a.title.clone(),
            before: b.percent,
            after: a.percent,
            change: b.percent.zip(a.percent).map(|(b, a)| a - b),
            unrated_before: b.unrated,
            unrated_after: a.unrated,
        })
        .collect();
    let rating = |f: &AssessmentFile, id: &str| -> Option<String> {
        f.ratings.get(id).and_then(|r| r.rating.clone())
    };
    let (mut improved, mut worse, mut still_unmet, mut due) = (vec![], vec![], vec![], vec![]);
    let mut labels: HashMap<&str, String> = HashMap::new();
    for s in &hb.standards {
        for c in &s.criteria {
            let label = format!("{}.{}", s.number, c.number);
            labels.insert(c.id.as_str(), label.clone());
            let (Some(b), Some(a)) = (rating(old, &c.id), rating(new, &c.id)) else {
                continue;
            };
            let pb = points.get(b.as_str()).copied().flatten();
            let pa = points.get(a.as_str()).copied().flatten();
            let (Some(pb), Some(pa)) = (pb, pa) else {
                continue;
            };
            let row = CriterionChange {
                id: c.id.clone(),
                label,
                text: to_plain(&crate::markdown::unmarked(&c.text)),
                before: b,
                after: a,
            };
            if pa > pb {
                improved.push(row);
            } else if pa < pb {
                worse.push(row);
            } else if pa < top {
                still_unmet.push(row);
            }
        }
    }
    let (from, to) = (day(&old.assessment.updated), day(&new.assessment.updated));
    for e in &old.plan {
        if e.due.len() == 10 && e.due.as_str() > from.as_str() && e.due.as_str() <= to.as_str() {
            due.push(DueAction {
                criterion: e.criterion.clone(),
                label: labels
                    .get(e.criterion.as_str())
                    .cloned()
                    .unwrap_or_default(),
                action: e.action.clone(),
                owner: e.owner.clone(),
                due: e.due.clone(),
                rating_now: rating(new, &e.criterion).unwrap_or_default(),
            });
        }
    }
    due.sort_by(|a, b| a.due.cmp(&b.due).then(a.label.cmp(&b.label)));
    Comparison {
        standards,
        improved,
        worse,
        still_unmet,
        due,
        from,
        to,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn fixture(hb: &Handbook, name: &str) -> AssessmentFile {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/compare")
            .join(name);
        let checked = crate::assessment::read_bytes(&std::fs::read(path).unwrap(), hb);
        assert!(checked.problems.is_empty(), "{name}");
        checked.file.unwrap()
    }

    /// The hand-made expectation: `improved S1.2 …` lines, `#` comments.
    pub fn expected() -> Vec<(String, Vec<String>)> {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare/expected.txt");
        std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| {
                let mut w = l.split_whitespace().map(str::to_string);
                (w.next().unwrap(), w.collect())
            })
            .collect()
    }

    #[test]
    fn two_years_of_one_centre_compare_as_expected_by_hand() {
        let (hb, diags) = crate::check(Path::new(env!("CARGO_MANIFEST_DIR")));
        let hb = hb.unwrap_or_else(|| panic!("{}", diags.report()));
        let c = compare(&fixture(&hb, "2025.json"), &fixture(&hb, "2026.json"), &hb);
        let ids = |v: &[CriterionChange]| v.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
        for (what, want) in expected() {
            let got = match what.as_str() {
                "improved" => ids(&c.improved),
                "worse" => ids(&c.worse),
                "still_unmet" => ids(&c.still_unmet),
                "due" => c.due.iter().map(|d| d.criterion.clone()).collect(),
                other => panic!("unknown line {other}"),
            };
            assert_eq!(got, want, "{what}");
        }
        assert_eq!(
            (c.from.as_str(), c.to.as_str()),
            ("2025-10-15", "2026-10-20")
        );
        // S1: 10 of 12 points → 11 of 12.
        let s1 = &c.standards[0];
        assert_eq!(s1.id, "S1");
        assert!((s1.before.unwrap() - 83.333).abs() < 0.01);
        assert!((s1.change.unwrap() - 8.333).abs() < 0.01);
        // The plan action due on the later day counts; the one due on the earlier day not.
        assert_eq!(c.due[1].due, "2026-10-20");
        assert_eq!(c.due[1].rating_now, "not_met");
        // Compared with itself, nothing moved and the unmet stay unmet.
        let same = compare(&fixture(&hb, "2026.json"), &fixture(&hb, "2026.json"), &hb);
        assert!(same.improved.is_empty() && same.worse.is_empty());
        assert_eq!(same.still_unmet.len(), 7);
        assert!(same.standards.iter().all(|s| s.change == Some(0.0)));
    }
}
