//! `doracak aggregate`: the comparison of several centres' exported self-assessments, an
//! HTML page and a CSV (with the criterion × centre table and the workbook of
//! `super::pivot`). Each centre is known by `crate::centres`, counts with its latest
//! assessment, and its earlier ones make its trend. `super::report` keeps what both
//! commands share: reading a file, the style, the CSV format and writing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use minijinja::context;
use serde::Serialize;

use super::charts;
use super::report::{REPORT_CSP, csv_format, read_assessment, style, today};
use crate::assessment::{self, AssessmentFile, Score};
use crate::diagnostics::{Diagnostics, Pos};
use crate::markdown::to_plain;
use crate::pipeline::model::Handbook;
use crate::pipeline::render::{environment, template_value, ui_strings};
use crate::theme::Theme;

#[derive(Serialize)]
struct CentreRow {
    name: String,
    centre: String,
    scores: Vec<Option<f64>>,
    total: Option<f64>,
    unrated: usize,
    /// Evidence gaps and items left unmarked, by the report's rule.
    gaps: usize,
    unmarked: usize,
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
    site: Option<&Path>,
) -> Option<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut paths = Vec::new();
    let mut notes = Vec::new();
    for i in inputs {
        if let Some((f, n)) = read_assessment(i, hb, diags) {
            files.push(f);
            paths.push(i.as_path());
            notes.push(n);
        }
    }
    if diags.has_errors() || files.is_empty() {
        return None;
    }
    let theme = Theme::load(root, diags);
    let ui = ui_strings(&theme, &hb.config, diags)?;
    let env = environment(&theme, &ui, diags)?;
    // Assessments of the previous edition are mapped to this one before they count, as
    // `report` maps them (docs/editions.md).
    let mapped: Vec<(&Path, &AssessmentFile)> = paths.iter().copied().zip(&files).collect();
    let prepared = super::diff::carry_prepare(root, hb, &ui, site, &mapped, diags);
    if diags.has_errors() {
        return None;
    }
    let carried: Vec<(usize, minijinja::Value)> = match &prepared {
        Some(p) => files
            .iter_mut()
            .enumerate()
            .filter_map(|(i, f)| super::diff::carry_view(hb, &ui, p, f).map(|v| (i, v)))
            .collect(),
        None => Vec::new(),
    };
    // Said as `report` says them: the notes of each file of this edition (a file carried
    // over lists what became of each id instead), and what a file holds set aside.
    let mut aside = Vec::new();
    for (i, f) in files.iter().enumerate() {
        if carried.iter().any(|(k, _)| *k == i) {
            continue;
        }
        super::report::say_notes(paths[i], &notes[i], diags);
        if let Some(v) = super::diff::aside_view(root, hb, &ui, site, f) {
            aside.push((i, v));
        }
    }
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
    let day = today();
    for (i, f) in files.iter().enumerate() {
        let scores: Vec<Score> = assessment::scores(f, hb);
        let (_, _, total) = assessment::overall(&scores);
        let who = centres[i].name.clone();
        let found = assessment::gaps::evidence_gaps(f, hb, &day);
        rows.push(CentreRow {
            name: f.assessment.name.clone(),
            centre: who.clone(),
            scores: scores.iter().map(|s| s.percent).collect(),
            total,
            unrated: scores.iter().map(|s| s.unrated).sum(),
            gaps: found.gaps.len(),
            unmarked: found.unmarked,
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
                    text: to_plain(&crate::markdown::unmarked(&c.text)),
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
    let carried: Vec<minijinja::Value> = carried
        .into_iter()
        .map(|(i, lists)| context! { centre => centres[i].name.clone(), name => files[i].assessment.name.clone(), lists => lists })
        .collect();
    let aside: Vec<minijinja::Value> = aside
        .into_iter()
        .map(|(i, lists)| context! { centre => centres[i].name.clone(), name => files[i].assessment.name.clone(), lists => lists })
        .collect();
    let carried_title = prepared
        .as_ref()
        .map(|p| crate::theme::say(&ui, "aggregate_carried", &[("old", &p.old)]));
    let ctx = context! {
        csp => REPORT_CSP, style => style(&theme), ui => template_value(&ui), site => context! { title => hb.config.title.clone(), language => hb.config.language.clone(), dir => hb.config.dir() },
        standards => standards, rows => template_value(&rows), unmet => template_value(&counts),
        heat => heat, unmet_chart => unmet_chart, trends => trends,
        carried => carried, carried_title => carried_title, aside => aside,
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
    head.extend([
        word("csv_total"),
        word("csv_unrated"),
        word("csv_evidence_gaps"),
        word("csv_evidence_unmarked"),
    ]);
    csv.row(&head);
    let pct = |p: Option<f64>| {
        p.map(|p| format!("{p:.1}").replace('.', &decimal))
            .unwrap_or_default()
    };
    for r in &rows {
        let mut cells = vec![r.centre.clone(), r.name.clone()];
        cells.extend(r.scores.iter().map(|s| pct(*s)));
        cells.extend([
            pct(r.total),
            r.unrated.to_string(),
            r.gaps.to_string(),
            r.unmarked.to_string(),
        ]);
        csv.row(&cells);
    }
    let csv = csv.into_string();
    let name = word("aggregate_file_name");
    let html_path = out.join(format!("{name}.html"));
    let csv_path = out.join(format!("{name}.csv"));
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
    let [(criteria_path, criteria_csv), (xlsx_path, xlsx)] =
        super::pivot::files(hb, &files, &latest, &centre_rows, &ui, out, &name, diags)?;
    // All four or none (docs/output.md).
    super::output::write_files(
        &[
            (html_path.clone(), html.into_bytes()),
            (csv_path.clone(), csv.into_bytes()),
            (criteria_path.clone(), criteria_csv),
            (xlsx_path.clone(), xlsx),
        ],
        diags,
    )?;
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
