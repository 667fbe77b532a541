//! `doracak report` and `doracak aggregate`: printable HTML (and CSV) from exported
//! self-assessments, for inspectors. Input is checked exactly as the browser's import
//! checks it; a file that does not pass is refused with the reasons.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use minijinja::context;
use serde::Serialize;

use super::charts;
use crate::assessment::compare::{self, compare};
use crate::assessment::{self, AssessmentFile, Score};
use crate::diagnostics::{Diagnostics, Pos};
use crate::markdown::to_plain;
use crate::pipeline::model::Handbook;
use crate::pipeline::render::{environment, template_value, ui_strings};
use crate::theme::Theme;

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
) -> Option<(AssessmentFile, Vec<String>)> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            diags.error(Pos::file(path), format!("cannot read the assessment: {e}"));
            return None;
        }
    };
    let checked = assessment::read_bytes(&bytes, hb);
    for p in &checked.problems {
        diags.error(Pos::file(path), p.message.clone());
    }
    let notes = checked.notes.into_iter().map(|n| n.message).collect();
    checked.file.map(|f| (f, notes))
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

/// Write the printable report of one assessment to `out`.
pub fn report(
    root: &Path,
    hb: &Handbook,
    input: &Path,
    since: Option<&Path>,
    out: &Path,
    today: &str,
    diags: &mut Diagnostics,
) -> Option<PathBuf> {
    let read = read_assessment(input, hb, diags);
    let mut earlier = since.and_then(|p| read_assessment(p, hb, diags));
    let (mut file, notes) = read?;
    if since.is_some() && earlier.is_none() {
        return None;
    }
    let theme = Theme::load(root, diags);
    let ui = ui_strings(&theme, &hb.config, diags)?;
    let env = environment(&theme, &ui, diags)?;
    // A file of the previous edition is mapped to this one (docs/editions.md).
    let carried = super::diff::carry_report(root, hb, &ui, &mut file, diags);
    if let Some((old, _)) = earlier.as_mut() {
        super::diff::carry_report(root, hb, &ui, old, diags);
    }
    let scores = assessment::scores(&file, hb);
    let (p, m, pct) = assessment::overall(&scores);
    let mut unmet = Vec::new();
    let mut gaps = Vec::new();
    let mut unmarked = 0usize;
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
                    text: to_plain(&c.text),
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
            // Evidence counts as a gap only where the criterion is rated and applicable
            // (a step with points): missing, partial or past its review date. Items left
            // unmarked there are counted apart; evidence of unrated or inapplicable
            // criteria is no gap.
            let applicable = code.is_some_and(|code| {
                hb.config
                    .scale
                    .iter()
                    .any(|r| r.code == code && r.points.is_some())
            });
            for ev in c.evidence.iter().filter(|_| applicable) {
                let x = file.evidence.get(&ev.id);
                let status = x.and_then(|x| x.status.clone());
                let next = x.map(|x| x.next_review.clone()).unwrap_or_default();
                let overdue = !next.is_empty() && next.as_str() < today;
                if status.is_none() && !overdue {
                    unmarked += 1;
                    continue;
                }
                if status.as_deref() != Some("present") || overdue {
                    gaps.push(EvidenceGap {
                        id: ev.id.clone(),
                        label: format!("{}.{}", s.number, ev.number),
                        number: ev.number.clone(),
                        text: to_plain(&ev.text),
                        status: ui
                            .get(&format!("status_{}", status.as_deref().unwrap_or("none")))
                            .cloned()
                            .unwrap_or_default(),
                        location: x.map(|x| x.location.clone()).unwrap_or_default(),
                        owner: x.map(|x| x.owner.clone()).unwrap_or_default(),
                        next_review: next,
                        overdue,
                    });
                }
            }
        }
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
        crate::pipeline::render::ui_print_style(&ui),
        crate::pipeline::render::print_head_style(&head.join(" — "))
    );
    let ctx = context! {
        chart => chart, comparison => comparison,
        csp => REPORT_CSP, style => report_style, ui => template_value(&ui), site => context! { title => hb.config.title.clone(), language => hb.config.language.clone(), dir => hb.config.dir() },
        a => template_value(&file.assessment), scores => template_value(&scores), total => context! { points => p, max => m, percent => pct },
        unmet => template_value(&unmet), gaps => template_value(&gaps), unmarked => unmarked, plan => template_value(&plan), notes => notes, same_catalog => same_catalog, today => today,
        carried => carried,
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

#[derive(Serialize)]
struct CentreRow {
    name: String,
    centre: String,
    scores: Vec<Option<f64>>,
    total: Option<f64>,
    unrated: usize,
}

#[derive(Serialize)]
struct UnmetCount {
    id: String,
    label: String,
    text: String,
    count: usize,
    centres: Vec<String>,
}

/// Write the comparison of several centres into `out`: an HTML page and a CSV file, named
/// by the locale pack (`krahasimi.html` and `krahasimi.csv` in Albanian).
pub fn aggregate(
    root: &Path,
    hb: &Handbook,
    inputs: &[PathBuf],
    out: &Path,
    diags: &mut Diagnostics,
) -> Option<Vec<PathBuf>> {
    let mut files = Vec::new();
    for i in inputs {
        if let Some((f, _)) = read_assessment(i, hb, diags) {
            files.push(f);
        }
    }
    if diags.has_errors() || files.is_empty() {
        return None;
    }
    let theme = Theme::load(root, diags);
    let ui = ui_strings(&theme, &hb.config, diags)?;
    let env = environment(&theme, &ui, diags)?;
    let mut rows = Vec::new();
    let mut unmet: BTreeMap<String, Vec<String>> = BTreeMap::new();
    // A centre assessed more than once counts with its latest assessment in the matrix and
    // the unmet criteria; the earlier ones make its trend.
    let (centres, merged) = crate::centres::identities(&hb.config.centres, &files);
    for (name, spellings) in &merged {
        let spellings: Vec<String> = spellings.iter().map(|s| format!("\"{s}\"")).collect();
        diags.warning(
            Pos::file(out),
            format!(
                "centre \"{name}\": also written {}, counted as one centre",
                spellings.join(", ")
            ),
        );
    }
    let latest = latest_per_centre(&centres, &files);
    for (i, f) in files.iter().enumerate() {
        let scores: Vec<Score> = assessment::scores(f, hb);
        let (_, _, total) = assessment::overall(&scores);
        let who = centres[i].name.clone();
        rows.push(CentreRow {
            name: f.assessment.name.clone(),
            centre: who.clone(),
            scores: scores.iter().map(|s| s.percent).collect(),
            total,
            unrated: scores.iter().map(|s| s.unrated).sum(),
        });
        if !latest.contains(&i) {
            continue;
        }
        for (id, r) in &f.ratings {
            if r.rating
                .as_deref()
                .is_some_and(|c| assessment::not_fully_met(&hb.config, c))
            {
                unmet.entry(id.clone()).or_default().push(who.clone());
            }
        }
    }
    let mut counts: Vec<UnmetCount> = Vec::new();
    for s in &hb.standards {
        for c in &s.criteria {
            if let Some(centres) = unmet.get(&c.id) {
                counts.push(UnmetCount {
                    id: c.id.clone(),
                    label: format!("{}.{}", s.number, c.number),
                    text: to_plain(&c.text),
                    count: centres.len(),
                    centres: centres.clone(),
                });
            }
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.count));
    counts.truncate(25);
    let standards: Vec<_> = hb
        .standards
        .iter()
        .map(|s| context! { id => s.id.clone(), number => s.number, title => s.title.clone() })
        .collect();
    let (heat_cols, heat_rows) = heat_order(hb, &rows, &latest);
    let heat = charts::heatmap("chart-heat", &heat_cols, &heat_rows, &ui);
    let bars: Vec<charts::CountBar> = counts
        .iter()
        .take(15)
        .map(|c| charts::CountBar {
            label: c.label.clone(),
            text: c.text.clone(),
            count: c.count,
        })
        .collect();
    let unmet_chart = charts::count_bars("chart-unmet", &bars, latest.len(), &ui);
    let all_cols: Vec<charts::HeatColumn> = hb
        .standards
        .iter()
        .map(|s| charts::HeatColumn {
            id: s.id.clone(),
            label: format!("{}{}", hb.config.id_prefix, s.number),
            title: s.title.clone(),
        })
        .collect();
    let mut trends = Vec::new();
    for (k, (centre, idx)) in by_centre(&centres, &files).into_iter().enumerate() {
        if idx.len() < 2 {
            continue;
        }
        let dates: Vec<String> = idx
            .iter()
            .map(|&i| files[i].assessment.updated.chars().take(10).collect())
            .collect();
        let values: Vec<Vec<Option<f64>>> = (0..hb.standards.len())
            .map(|j| idx.iter().map(|&i| rows[i].scores[j]).collect())
            .collect();
        trends.push(context! {
            centre => centre.clone(),
            chart => charts::trend(&format!("chart-trend-{k}"), &centre, &dates, &all_cols, &values, &ui),
        });
    }
    let ctx = context! {
        csp => REPORT_CSP, style => style(&theme), ui => template_value(&ui), site => context! { title => hb.config.title.clone(), language => hb.config.language.clone(), dir => hb.config.dir() },
        standards => standards, rows => template_value(&rows), unmet => template_value(&counts),
        heat => heat, unmet_chart => unmet_chart, trends => trends,
    };
    let html = match env
        .get_template("aggregate.html")
        .and_then(|t| t.render(ctx))
    {
        Ok(h) => h,
        Err(e) => {
            diags.error(
                Pos::new(
                    "theme/templates/aggregate.html",
                    e.line().unwrap_or(1) as u32,
                    1,
                ),
                e.to_string(),
            );
            return None;
        }
    };
    let word = |k: &str| crate::theme::say(&ui, k, &[]);
    // Numbers with the pack's decimal mark; where that is a comma, fields part with `;`,
    // as a spreadsheet set to that language expects.
    let (sep, decimal) = csv_format(&ui);
    let mut csv = crate::csv_out::Csv::with_separator(sep);
    let mut head = vec![word("csv_centre"), word("csv_assessment")];
    head.extend(hb.standards.iter().map(|s| s.id.clone()));
    head.extend([word("csv_total"), word("csv_unrated")]);
    csv.row(&head);
    let pct = |p: Option<f64>| {
        p.map(|p| format!("{p:.1}").replace('.', &decimal))
            .unwrap_or_default()
    };
    for r in &rows {
        let mut cells = vec![r.centre.clone(), r.name.clone()];
        cells.extend(r.scores.iter().map(|s| pct(*s)));
        cells.extend([pct(r.total), r.unrated.to_string()]);
        csv.row(&cells);
    }
    let csv = csv.into_string();
    std::fs::create_dir_all(crate::pipeline::write::normalise(out)).ok();
    let name = word("aggregate_file_name");
    let html_path = out.join(format!("{name}.html"));
    let csv_path = out.join(format!("{name}.csv"));
    write_file(&html_path, html.as_bytes(), diags)?;
    write_file(&csv_path, csv.as_bytes(), diags)?;
    // For spreadsheets: the criterion × centre table (CSV) and both tables as a workbook.
    let centre_rows: Vec<super::pivot::CentreScores> = rows
        .iter()
        .map(|r| super::pivot::CentreScores {
            centre: r.centre.clone(),
            name: r.name.clone(),
            scores: r.scores.clone(),
            total: r.total,
            unrated: r.unrated,
        })
        .collect();
    let (criteria_path, xlsx_path) =
        super::pivot::write(hb, &files, &latest, &centre_rows, &ui, out, &name, diags)?;
    Some(vec![html_path, csv_path, criteria_path, xlsx_path])
}

/// Each centre's assessments, oldest first, in the order the centres first appear.
fn by_centre(
    centres: &[crate::centres::Identity],
    files: &[AssessmentFile],
) -> Vec<(String, Vec<usize>)> {
    let mut out: Vec<(String, String, Vec<usize>)> = Vec::new();
    for (i, who) in centres.iter().enumerate() {
        match out.iter_mut().find(|(k, _, _)| *k == who.key) {
            Some((_, _, v)) => v.push(i),
            None => out.push((who.key.clone(), who.name.clone(), vec![i])),
        }
    }
    for (_, _, v) in &mut out {
        v.sort_by(|&a, &b| {
            files[a]
                .assessment
                .updated
                .cmp(&files[b].assessment.updated)
        });
    }
    out.into_iter().map(|(_, name, v)| (name, v)).collect()
}

/// The latest assessment of each centre.
fn latest_per_centre(centres: &[crate::centres::Identity], files: &[AssessmentFile]) -> Vec<usize> {
    by_centre(centres, files)
        .into_iter()
        .filter_map(|(_, v)| v.last().copied())
        .collect()
}

/// The matrix in reading order: standards by their mean share, weakest first (left);
/// centres by their total, weakest first (top). Ties keep the handbook's and the input's order.
fn heat_order(
    hb: &Handbook,
    rows: &[CentreRow],
    latest: &[usize],
) -> (Vec<charts::HeatColumn>, Vec<charts::HeatRow>) {
    let mean = |j: usize| {
        let v: Vec<f64> = latest.iter().filter_map(|&i| rows[i].scores[j]).collect();
        if v.is_empty() {
            f64::INFINITY
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let mut order: Vec<usize> = (0..hb.standards.len()).collect();
    order.sort_by(|&a, &b| mean(a).total_cmp(&mean(b)));
    let cols = order
        .iter()
        .map(|&j| {
            let s = &hb.standards[j];
            charts::HeatColumn {
                id: s.id.clone(),
                label: format!("{}{}", hb.config.id_prefix, s.number),
                title: s.title.clone(),
            }
        })
        .collect();
    let mut centres: Vec<usize> = latest.to_vec();
    centres.sort_by(|&a, &b| {
        rows[a]
            .total
            .unwrap_or(f64::INFINITY)
            .total_cmp(&rows[b].total.unwrap_or(f64::INFINITY))
    });
    let heat_rows = centres
        .iter()
        .map(|&i| charts::HeatRow {
            centre: rows[i].centre.clone(),
            values: order.iter().map(|&j| rows[i].scores[j]).collect(),
        })
        .collect();
    (cols, heat_rows)
}

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

/// Write one output file; `.` and `..` in its path are resolved by their words first, so
/// no folder a `..` passes through is made (`nothere/../x.html` is `x.html`).
pub(crate) fn write_file(path: &Path, bytes: &[u8], diags: &mut Diagnostics) -> Option<()> {
    let target = crate::pipeline::write::normalise(path);
    if let Some(dir) = target.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    match std::fs::write(&target, bytes) {
        Ok(()) => Some(()),
        Err(e) => {
            diags.error(Pos::file(path), format!("cannot write: {e}"));
            None
        }
    }
}

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
