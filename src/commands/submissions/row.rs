//! One row of an export → one assessment file: the centre known by its identity
//! (`crate::centres`), the ratings and evidence read by question name, answers longer
//! than an assessment file allows cut to the limit with a warning.

use crate::text::TextExt;

use std::collections::{BTreeMap, HashMap};

use crate::assessment::rules::{MAX_NAME, MAX_TEXT};
use crate::assessment::{self, AssessmentFile, EvidenceEntry, HandbookRef, Meta, RatingEntry};
use crate::centres::{Identity, OTHER, Registry};
use crate::pipeline::model::Handbook;
use crate::pipeline::render::xlsform::{self, name_of, note_name};

use super::{Columns, date_of};

/// What a row gave: the file, the visit's date, the centre's identity, and the warnings
/// (column index, message) for answers that were cut.
pub struct Visit {
    pub file: AssessmentFile,
    pub date: String,
    pub centre: Identity,
    /// The centre as the row gives it (an earlier doracak named files by it).
    pub typed: String,
    pub warnings: Vec<(usize, String)>,
}

/// `s` cut to at most `max` UTF-16 units (what the assessment rules count), at a
/// character's end; `None` when it fits.
pub fn cut(s: &str, max: usize) -> Option<String> {
    if s.encode_utf16().count() <= max {
        return None;
    }
    let mut n = 0;
    let mut out = String::new();
    for c in s.chars() {
        n += c.len_utf16();
        if n > max {
            break;
        }
        out.push(c);
    }
    Some(out)
}

/// One submission as an assessment file, or `None` with the problems found (column
/// index, message). The name says centre, date and inspector:
/// "Qendra X — 2026-10-05 — Arta Hoxha".
pub fn submission(
    hb: &Handbook,
    ui: &HashMap<String, String>,
    cols: &Columns,
    cells: &[String],
    centres: &mut Registry,
    problems: &mut Vec<(usize, String)>,
) -> Option<Visit> {
    let mut warnings: Vec<(usize, String)> = Vec::new();
    let cell = |name: &str| -> Option<(usize, &str)> {
        let i = cols.col(name)?;
        Some((i, cells.get(i).map_or("", |s| s.trim())))
    };
    // A text answer, cut to `max` with a warning naming its column.
    let text = |name: &str, max: usize, warnings: &mut Vec<(usize, String)>| -> String {
        let Some((i, v)) = cell(name) else {
            return String::new();
        };
        match cut(v, max) {
            Some(short) => {
                warnings.push((
                    i,
                    format!(
                        "expected an answer of at most {max} characters (column {}), found {}; cut to {max}",
                        cols.header(i),
                        v.encode_utf16().count()
                    ),
                ));
                short
            }
            None => v.to_string(),
        }
    };
    let centre_col = cols.col(xlsform::CENTRE).unwrap_or(0);
    let mut typed = text(xlsform::CENTRE, MAX_NAME, &mut warnings);
    let other_label = ui.get("xlsform_other").map_or("", String::as_str);
    if typed == OTHER || (!other_label.is_empty() && typed.lowered() == other_label.lowered()) {
        typed = text(xlsform::CENTRE_OTHER, MAX_NAME, &mut warnings);
    }
    if typed.is_empty() {
        problems.push((
            centre_col,
            format!(
                "expected the centre (column {}), found none",
                xlsform::CENTRE
            ),
        ));
    }
    let date = match cell(xlsform::DATE) {
        Some((i, v)) => match date_of(v) {
            Some(d) => d,
            None => {
                problems.push((
                    i,
                    format!(
                        "expected the date of the visit as YYYY-MM-DD (column {}), found \"{v}\"",
                        xlsform::DATE
                    ),
                ));
                String::new()
            }
        },
        None => {
            problems.push((
                0,
                format!(
                    "expected the date of the visit (column {}), found no such column",
                    xlsform::DATE
                ),
            ));
            String::new()
        }
    };
    let inspector = text(xlsform::INSPECTOR, MAX_NAME, &mut warnings);
    let submitted = ["_submission_time", "SubmissionDate", "end"]
        .iter()
        .find_map(|n| cell(n).map(|(_, v)| v).filter(|v| date_of(v).is_some()))
        .map(|v| {
            // KoboToolbox writes UTC without a zone.
            if v.len() == 19 {
                format!("{v}Z")
            } else {
                v.to_string()
            }
        });

    let scale = &hb.config.scale;
    let codes = scale
        .iter()
        .map(|r| r.code.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let yes_label = ui.get("yes").map_or("", String::as_str);
    let no_label = ui.get("no").map_or("", String::as_str);
    let mut ratings = BTreeMap::new();
    let mut evidence = BTreeMap::new();
    for s in &hb.standards {
        for c in &s.criteria {
            let rating = match cell(&name_of(&c.id)) {
                Some((_, "")) | None => None,
                Some((i, v)) => {
                    let found = scale
                        .iter()
                        .find(|r| r.code == v || r.label.lowered() == v.lowered());
                    match found {
                        Some(r) => Some(r.code.clone()),
                        None => {
                            problems.push((
                                i,
                                format!(
                                    "criterion {}: expected a rating of {codes} (or its label), found \"{v}\"",
                                    c.id
                                ),
                            ));
                            None
                        }
                    }
                }
            };
            let note = text(&note_name(&c.id), MAX_TEXT, &mut warnings);
            if rating.is_some() || !note.is_empty() {
                ratings.insert(c.id.clone(), RatingEntry { rating, note });
            }
            for e in &c.evidence {
                let status = match cell(&name_of(&e.id)) {
                    Some((_, "")) | None => continue,
                    Some((_, v)) if v == xlsform::YES || v.lowered() == yes_label.lowered() => {
                        "present"
                    }
                    Some((_, v)) if v == xlsform::NO || v.lowered() == no_label.lowered() => {
                        "missing"
                    }
                    Some((i, v)) => {
                        problems.push((
                            i,
                            format!(
                                "evidence {}: expected {} or {} (or {yes_label}, {no_label}), found \"{v}\"",
                                e.id,
                                xlsform::YES,
                                xlsform::NO
                            ),
                        ));
                        continue;
                    }
                };
                evidence.insert(
                    e.id.clone(),
                    EvidenceEntry {
                        status: Some(status.to_string()),
                        ..EvidenceEntry::default()
                    },
                );
            }
        }
    }
    if !problems.is_empty() {
        return None;
    }
    let centre = centres.resolve(&typed);
    let stamp = submitted
        .filter(|s| assessment::is_timestamp(s))
        .unwrap_or_else(|| date.clone());
    let mut name = if inspector.is_empty() {
        crate::theme::say(
            ui,
            "assessment_name",
            &[("centre", &centre.name), ("date", &date)],
        )
    } else {
        crate::theme::say(
            ui,
            "assessment_name_inspector",
            &[
                ("centre", &centre.name),
                ("date", &date),
                ("inspector", &inspector),
            ],
        )
    };
    if let Some(short) = cut(&name, MAX_NAME) {
        warnings.push((
            cols.col(xlsform::INSPECTOR).unwrap_or(centre_col),
            format!(
                "expected the assessment's name (centre — date — inspector) of at most {MAX_NAME} characters, found {}; cut to {MAX_NAME}",
                name.encode_utf16().count()
            ),
        ));
        name = short;
    }
    let file = AssessmentFile {
        schema: assessment::SCHEMA.to_string(),
        version: assessment::VERSION,
        handbook: HandbookRef {
            title: hb.config.title.clone(),
            catalog: assessment::catalog_hash(hb),
            edition: hb.config.edition.clone().unwrap_or_default(),
        },
        assessment: Meta {
            name,
            centre: centre.name.clone(),
            created: stamp.clone(),
            updated: stamp,
        },
        ratings,
        evidence,
        plan: Vec::new(),
        set_aside: Default::default(),
    };
    Some(Visit {
        file,
        date,
        centre,
        typed,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::cut;

    #[test]
    fn answers_are_cut_at_a_character() {
        assert_eq!(cut("abc", 3), None);
        assert_eq!(cut("ëëë", 2).as_deref(), Some("ëë"));
        // "😀" is two UTF-16 units: it does not fit in one.
        assert_eq!(cut("a😀", 2).as_deref(), Some("a"));
    }
}
