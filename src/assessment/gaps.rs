//! Evidence gaps: what an inspector will find lacking, the one rule of `doracak report`,
//! `doracak aggregate` and the browser's evidence tracker (`evidenceGaps` in
//! `theme/static/assessment-core.js`, its twin).
//!
//! Evidence counts only under a criterion rated and applicable (a step of the scale with
//! points). There an item is a gap when it is missing, partial, or past its review date.
//! Partial evidence is a gap: the standards give each item as "Prova që tregojnë
//! përmbushjen e kriterit" (evidence that shows the criterion met) and judge a criterion
//! "përmbushur apo jo" (met or not), with no partial fulfilment; an item only partly there
//! does not show what it is asked to show. Items left unmarked under such a criterion are
//! counted apart; evidence of unrated or inapplicable criteria is no gap
//! (docs/assessment-format.md).

use serde::Serialize;

use super::AssessmentFile;
use crate::pipeline::model::Handbook;

/// One evidence item that is a gap.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Gap {
    /// The evidence item's id (`S2.2.1`).
    pub evidence: String,
    /// `missing`, `partial`, `present` (then overdue) or none (then overdue).
    pub status: Option<String>,
    /// Its next review date has passed.
    pub overdue: bool,
    /// Where it stands in the handbook: standard, criterion and evidence indices.
    #[serde(skip)]
    pub at: (usize, usize, usize),
}

/// The gaps of one assessment, in the handbook's order, and the items left unmarked.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Gaps {
    pub gaps: Vec<Gap>,
    pub unmarked: usize,
}

/// The evidence gaps of `f` on `today` (YYYY-MM-DD).
pub fn evidence_gaps(f: &AssessmentFile, hb: &Handbook, today: &str) -> Gaps {
    let mut out = Gaps::default();
    for (si, s) in hb.standards.iter().enumerate() {
        for (ci, c) in s.criteria.iter().enumerate() {
            let code = f.ratings.get(&c.id).and_then(|r| r.rating.as_deref());
            let applicable = code.is_some_and(|code| {
                hb.config
                    .scale
                    .iter()
                    .any(|r| r.code == code && r.points.is_some())
            });
            if !applicable {
                continue;
            }
            for (ei, ev) in c.evidence.iter().enumerate() {
                let x = f.evidence.get(&ev.id);
                let status = x.and_then(|x| x.status.clone());
                let overdue =
                    x.is_some_and(|x| !x.next_review.is_empty() && x.next_review.as_str() < today);
                if status.is_none() && !overdue {
                    out.unmarked += 1;
                } else if status.as_deref() != Some("present") || overdue {
                    out.gaps.push(Gap {
                        evidence: ev.id.clone(),
                        status,
                        overdue,
                        at: (si, ci, ei),
                    });
                }
            }
        }
    }
    out
}
