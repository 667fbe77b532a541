//! The roster: every record once, by name and date, and who is due a refresher.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::{Record, TrainingFile};

/// `date` (YYYY-MM-DD) plus `months`, the day kept where the month has it (31 January
/// plus one month is the last day of February).
pub fn add_months(date: &str, months: u32) -> String {
    let y: i64 = date[..4].parse().unwrap_or(0);
    let m: i64 = date[5..7].parse().unwrap_or(1);
    let d: u32 = date[8..10].parse().unwrap_or(1);
    let total = y * 12 + (m - 1) + i64::from(months);
    let (ny, nm) = (total.div_euclid(12), total.rem_euclid(12) + 1);
    let leap = (ny % 4 == 0 && ny % 100 != 0) || ny % 400 == 0;
    let last = match nm {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    format!("{ny:04}-{nm:02}-{:02}", d.min(last))
}

/// One row of the roster.
#[derive(Debug, Serialize)]
pub struct RosterRow {
    pub name: String,
    pub kind: String,
    pub kind_label: String,
    pub subject: String,
    pub title: String,
    pub date: String,
    pub score: u64,
    pub total: u64,
    pub understood: bool,
    pub edition: String,
    /// Another edition than the handbook's current one.
    pub other_edition: bool,
    /// The date by which a refresher is due.
    pub refresher: String,
    /// The latest training of this person on this subject, and its refresher date has come.
    pub due: bool,
}

/// The roster of several training files' records: every record once (by id), by name and
/// date; the latest record of each person and subject decides whether a refresher is due.
pub fn roster(
    files: &[TrainingFile],
    edition: &str,
    months: u32,
    today: &str,
    ui: &HashMap<String, String>,
) -> Vec<RosterRow> {
    let mut seen = std::collections::HashSet::new();
    let mut recs: Vec<&Record> = files
        .iter()
        .flat_map(|f| &f.records)
        .filter(|r| seen.insert(r.id.clone()))
        .collect();
    recs.sort_by(|a, b| {
        (crate::text::fold(&a.name).to_lowercase(), &a.date, &a.saved).cmp(&(
            crate::text::fold(&b.name).to_lowercase(),
            &b.date,
            &b.saved,
        ))
    });
    let person = |r: &Record| {
        (
            crate::text::fold(r.name.trim()).to_lowercase(),
            r.kind.clone(),
            r.subject.clone(),
        )
    };
    let mut latest: BTreeMap<(String, String, String), (&str, &str)> = BTreeMap::new();
    for r in &recs {
        let e = latest.entry(person(r)).or_insert((&r.date, &r.saved));
        if (r.date.as_str(), r.saved.as_str()) > *e {
            *e = (&r.date, &r.saved);
        }
    }
    recs.iter()
        .map(|r| {
            let refresher = add_months(&r.date, months);
            let is_latest = latest.get(&person(r)) == Some(&(r.date.as_str(), r.saved.as_str()));
            RosterRow {
                name: r.name.clone(),
                kind: r.kind.clone(),
                kind_label: crate::theme::say(ui, &format!("training_kind_{}", r.kind), &[]),
                subject: r.subject.clone(),
                title: if r.title.is_empty() {
                    r.subject.clone()
                } else {
                    r.title.clone()
                },
                date: r.date.clone(),
                score: r.score,
                total: r.total,
                understood: r.understood,
                edition: r.edition.clone(),
                other_edition: !edition.is_empty() && r.edition != edition,
                due: is_latest && refresher.as_str() <= today,
                refresher,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_added_to_dates() {
        assert_eq!(add_months("2025-01-31", 1), "2025-02-28");
        assert_eq!(add_months("2024-01-31", 1), "2024-02-29");
        assert_eq!(add_months("2025-11-24", 12), "2026-11-24");
        assert_eq!(add_months("2025-11-24", 2), "2026-01-24");
    }
}
