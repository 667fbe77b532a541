//! `doracak report`: the printable HTML report of one exported self-assessment, for
//! inspectors, and what it shares with `doracak aggregate` (`super::aggregate`): reading a
//! file, the inline style, the CSV format, writing. Input is checked exactly as the
//! browser's import checks it; a file that does not pass is refused with the reasons.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use minijinja::context;
use serde::Serialize;

use super::charts;
use crate::assessment::compare::{self, compare};
use crate::assessment::{self, AssessmentFile};
use crate::diagnostics::{Diagnostics, Pos};
use crate::markdown::to_plain;
use crate::pipeline::model::Handbook;
use crate::pipeline::render::{environment, template_value, ui_strings};
use crate::theme::{Theme, say};

/// The standalone report pages allow only their own inline style: no script at all.
pub(crate) const REPORT_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

#[derive(Serialize)]
struct CriterionRow {
    id: String,
    label: String,
    text: String,
    rating: String,
    note: String,
}

#[derive(Serialize)]
struct EvidenceGap {
    id: String,
    /// The full number as printed: `2.2.1`.
    label: String,
    number: String,
    text: String,
    status: String,
    location: String,
    owner: String,
    next_review: String,
    overdue: bool,
}

#[derive(Serialize)]
struct PlanRow {
    criterion: String,
    label: String,
    rating: String,
    action: String,
    owner: String,
    due: String,
    indicator: String,
    cost: String,
}

/// Read and check one assessment file; problems go into `diags` under the file's name.
pub fn read_assessment(
    path: &Path,
    hb: &Handbook,
    diags: &mut Diagnostics,
) -> Option<(AssessmentFile, Vec<assessment::Finding>)> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            diags.error(Pos::file(path), format!("cannot read the assessment: {e}"));
            return None;
        }
    };
    let checked = assessment::read_bytes(&bytes, hb);
    for p in &checked.problems {
        let at = p.at.map_or(Pos::file(path), |(l, c)| Pos::new(path, l, c));
        diags.error(at, p.message.clone());
    }
    checked.file.map(|f| (f, checked.notes))
}

pub(crate) fn style(theme: &Theme) -> String {
    let mut css = theme.text("static/style.css").unwrap_or("").to_string();
    css.push_str("\n@media print {\n");
    css.push_str(theme.text("static/print.css").unwrap_or(""));
    css.push_str("\n}\n");
    css.replace("</", "<\\/")
}

fn rating_label(hb: &Handbook, code: Option<&str>, ui: &HashMap<String, String>) -> String {
    match code {
        Some(c) => hb
            .config
            .scale
            .iter()
            .find(|r| r.code == c)
            .map_or(c.to_string(), |r| r.label.clone()),
        None => ui.get("assess_not_rated").cloned().unwrap_or_default(),
    }
}

/// Write the printable report of one assessment to `out`; `site` is the built site whose
/// mapping table maps a file of the previous edition (default: the configured output).
#[allow(clippy::too_many_arguments)]
pub fn report(
    root: &Path,
    hb: &Handbook,
    input: &Path,
    since: Option<&Path>,
    out: &Path,
    today: &str,
    diags: &mut Diagnostics,
    site: Option<&Path>,
) -> Option<PathBuf> {
    let read = read_assessment(input, hb, diags);
    let mut earlier = since.and_then(|p| read_assessment(p, hb, diags));
    let (mut file, notes) = read?;
    if since.is_some() && earlier.is_none() {
        return None;
    }
    let findings = notes.clone();
    let theme = Theme::load(root, diags);
    let ui = ui_strings(&theme, &hb.config, diags)?;
    let env = environment(&theme, &ui, diags)?;
    // Notes in the locale pack's words.
    let notes: Vec<String> = notes
        .iter()
        .map(|n| n.said(&|k, v| say(&ui, k, v)))
        .collect();
    // A file of the previous edition is mapped to this one (docs/editions.md).
    let mut mapped = vec![(input, &file)];
    if let (Some(p), Some((e, _))) = (since, earlier.as_ref()) {
        mapped.push((p, e));
    }
    let prepared = super::diff::carry_prepare(root, hb, &ui, site, &mapped, diags);
    if diags.has_errors() {
        return None;
    }
    let carried = prepared
        .as_ref()
        .and_then(|p| super::diff::carry_view(hb, &ui, p, &mut file));
    let earlier_carried = match (&prepared, earlier.as_mut()) {
        (Some(p), Some((old, _))) => super::diff::carry_view(hb, &ui, p, old).is_some(),
        _ => false,
    };
    // The notes of a file of this edition (an id it does not have, a field it does not
    // know) are said where the command is run too, as `aggregate` says them; a file carried
    // over says what became of each id in its lists.
    if carried.is_none() {
        say_notes(input, &findings, diags);
    }
    if let (Some(p), Some((_, n)), false) = (since, earlier.as_ref(), earlier_carried) {
        say_notes(p, n, diags);
    }
    // Entries set aside when a file of the previous edition was carried over and saved.
    let aside = carried
        .is_none()
        .then(|| super::diff::aside_view(root, hb, &ui, site, &file))
        .flatten();
    let scores = assessment::scores(&file, hb);
    let (p, m, pct) = assessment::overall(&scores);
    let mut unmet = Vec::new();
    let mut gaps = Vec::new();
    let mut plan = Vec::new();
    let plan_by: HashMap<&str, &assessment::PlanEntry> = file
        .plan
        .iter()
        .map(|e| (e.criterion.as_str(), e))
        .collect();
    for s in &hb.standards {
        for c in &s.criteria {
            let r = file.ratings.get(&c.id);
            let code = r.and_then(|r| r.rating.as_deref());
            let label = format!("{}.{}", s.number, c.number);
            if let Some(code) = code
                && assessment::not_fully_met(&hb.config, code)
            {
                unmet.push(CriterionRow {
                    id: c.id.clone(),
                    label: label.clone(),
                    text: to_plain(&crate::markdown::unmarked(&c.text)),
                    rating: rating_label(hb, Some(code), &ui),
                    note: r.map(|r| r.note.clone()).unwrap_or_default(),
                });
                let e = plan_by.get(c.id.as_str());
                let get = |f: fn(&assessment::PlanEntry) -> &String| {
                    e.map(|e| f(e).clone()).unwrap_or_default()
                };
                plan.push(PlanRow {
                    criterion: c.id.clone(),
                    label: label.clone(),
                    rating: rating_label(hb, Some(code), &ui),
                    action: get(|e| &e.action),
                    owner: get(|e| &e.owner),
                    due: get(|e| &e.due),
                    indicator: get(|e| &e.indicator),
                    cost: get(|e| &e.cost),
                });
            }
        }
    }
    // Evidence gaps by the one rule of crate::assessment::gaps (partial evidence is a gap).
    let found = assessment::gaps::evidence_gaps(&file, hb, today);
    let unmarked = found.unmarked;
    for g in &found.gaps {
        let (s, c, e) = g.at;
        let (s, ev) = (&hb.standards[s], &hb.standards[s].criteria[c].evidence[e]);
        let x = file.evidence.get(&ev.id);
        gaps.push(EvidenceGap {
            id: ev.id.clone(),
            label: format!("{}.{}", s.number, ev.number),
            number: ev.number.clone(),
            text: to_plain(&crate::markdown::unmarked(&ev.text)),
            status: ui
                .get(&format!("status_{}", g.status.as_deref().unwrap_or("none")))
                .cloned()
                .unwrap_or_default(),
            location: x.map(|x| x.location.clone()).unwrap_or_default(),
            owner: x.map(|x| x.owner.clone()).unwrap_or_default(),
            next_review: x.map(|x| x.next_review.clone()).unwrap_or_default(),
            overdue: g.overdue,
        });
    }
    let same_catalog =
        file.handbook.catalog.is_empty() || file.handbook.catalog == assessment::catalog_hash(hb);
    let top = hb.config.max_points();
    let chart = charts::score_bars("chart-scores", &scores, top, &ui);
    let comparison = earlier.as_ref().map(|(old, _)| {
        let c = compare(old, &file, hb);
        let label = |code: &str| {
            if code.is_empty() {
                rating_label(hb, None, &ui)
            } else {
                rating_label(hb, Some(code), &ui)
            }
        };
        let rows = |v: &[compare::CriterionChange]| -> Vec<minijinja::Value> {
            v.iter()
                .map(|r| context! { id => r.id.clone(), label => r.label.clone(), text => r.text.clone(), before => label(&r.before), after => label(&r.after) })
                .collect()
        };
        let standards: Vec<minijinja::Value> = c
            .standards
            .iter()
            .map(|s| context! { id => s.id.clone(), number => s.number, title => s.title.clone(), before => charts::percent(&ui, s.before), after => charts::percent(&ui, s.after), change => charts::change(&ui, s.change), unrated_before => s.unrated_before, unrated_after => s.unrated_after })
            .collect();
        let due: Vec<minijinja::Value> = c
            .due
            .iter()
            .map(|d| context! { criterion => d.criterion.clone(), label => d.label.clone(), action => d.action.clone(), owner => d.owner.clone(), due => d.due.clone(), now => label(&d.rating_now) })
            .collect();
        context! {
            name => old.assessment.name.clone(), from => c.from.clone(), to => c.to.clone(),
            other_centre => crate::centres::other_centre(&hb.config.centres, old, &file),
            reversed => c.from > c.to,
            chart => charts::change_bars("chart-change", &c, &ui),
            standards => standards, improved => rows(&c.improved), worse => rows(&c.worse),
            still_unmet => rows(&c.still_unmet), due => due,
        }
    });
    // Every printed page says whose report it is and which page of how many.
    let head: Vec<&str> = [
        file.assessment.centre.as_str(),
        file.assessment.name.as_str(),
        file.assessment
            .updated
            .get(..10)
            .unwrap_or(&file.assessment.updated),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect();
    let report_style = format!(
        "{}\n@media print {{\n{}{}}}\n",
        style(&theme),
        crate::pipeline::render::ui_print_style(&ui, hb.config.dir()),
        crate::pipeline::render::print_head_style(&head.join(" — "))
    );
    let ctx = context! {
        chart => chart, comparison => comparison,
        csp => REPORT_CSP, style => report_style, ui => template_value(&ui), site => context! { title => hb.config.title.clone(), language => hb.config.language.clone(), dir => hb.config.dir() },
        a => template_value(&file.assessment), scores => template_value(&scores), total => context! { points => p, max => m, percent => pct },
        unmet => template_value(&unmet), gaps => template_value(&gaps), unmarked => unmarked, plan => template_value(&plan), notes => notes, same_catalog => same_catalog, today => today,
        carried => carried, aside => aside,
    };
    let html = match env.get_template("report.html").and_then(|t| t.render(ctx)) {
        Ok(h) => h,
        Err(e) => {
            diags.error(
                Pos::new(
                    "theme/templates/report.html",
                    e.line().unwrap_or(1) as u32,
                    1,
                ),
                e.to_string(),
            );
            return None;
        }
    };
    write_file(out, html.as_bytes(), diags)?;
    Some(out.to_path_buf())
}

/// The notes of reading `path` (an id this handbook does not have, a field it does not
/// know), each a warning located at the file: read, not refused, never unsaid.
pub(crate) fn say_notes(path: &Path, notes: &[assessment::Finding], diags: &mut Diagnostics) {
    for n in notes {
        diags.warning(Pos::file(path), n.message.clone());
    }
}

/// `doracak aggregate`, in its own module; here for the callers that know it as a report.
pub use super::aggregate::aggregate;

/// The CSV field separator and decimal mark of the handbook's language: the pack's
/// `number_decimal`, and `;` between fields where that mark is a comma.
pub(crate) fn csv_format(ui: &HashMap<String, String>) -> (char, String) {
    let decimal = ui
        .get("number_decimal")
        .cloned()
        .unwrap_or_else(|| ".".into());
    let sep = if decimal == "," { ';' } else { ',' };
    (sep, decimal)
}

/// Write one output file, never over a file a person has, never half written
/// (`commands::output`).
pub(crate) use super::output::write_file;

/// Today's date (UTC) as YYYY-MM-DD, for "overdue" and the report's date.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    crate::text::civil_date((secs / 86_400) as i64)
}

#[cfg(test)]
mod tests {
    #[test]
    fn civil_dates() {
        assert_eq!(crate::text::civil_date(0), "1970-01-01");
        assert_eq!(crate::text::civil_date(20_416), "2025-11-24");
        assert_eq!(crate::text::civil_date(11_016), "2000-02-29");
    }
}
