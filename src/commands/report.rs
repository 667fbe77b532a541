//! `doracak report` and `doracak aggregate`: printable HTML (and CSV) from exported
//! self-assessments, for inspectors. Input is checked exactly as the browser's import
//! checks it; a file that does not pass is refused with the reasons.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use minijinja::context;
use serde::Serialize;

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
    out: &Path,
    today: &str,
    diags: &mut Diagnostics,
) -> Option<PathBuf> {
    let (file, notes) = read_assessment(input, hb, diags)?;
    let theme = Theme::load(root, diags);
    let ui = ui_strings(&theme, &hb.config.language, diags)?;
    let env = environment(&theme, &ui, diags)?;
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
            for ev in &c.evidence {
                let x = file.evidence.get(&ev.id);
                let status = x.and_then(|x| x.status.clone());
                let next = x.map(|x| x.next_review.clone()).unwrap_or_default();
                let overdue = !next.is_empty() && next.as_str() < today;
                if status.as_deref() != Some("present") || overdue {
                    gaps.push(EvidenceGap {
                        id: ev.id.clone(),
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
    let ctx = context! {
        csp => REPORT_CSP, style => style(&theme), ui => template_value(&ui), site => context! { title => hb.config.title.clone(), language => hb.config.language.clone() },
        a => template_value(&file.assessment), scores => template_value(&scores), total => context! { points => p, max => m, percent => pct },
        unmet => template_value(&unmet), gaps => template_value(&gaps), plan => template_value(&plan), notes => notes, same_catalog => same_catalog, today => today,
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
    let ui = ui_strings(&theme, &hb.config.language, diags)?;
    let env = environment(&theme, &ui, diags)?;
    let mut rows = Vec::new();
    let mut unmet: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for f in &files {
        let scores: Vec<Score> = assessment::scores(f, hb);
        let (_, _, total) = assessment::overall(&scores);
        let who = if f.assessment.centre.is_empty() {
            f.assessment.name.clone()
        } else {
            f.assessment.centre.clone()
        };
        rows.push(CentreRow {
            name: f.assessment.name.clone(),
            centre: who.clone(),
            scores: scores.iter().map(|s| s.percent).collect(),
            total,
            unrated: scores.iter().map(|s| s.unrated).sum(),
        });
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

    let ctx = context! {
        csp => REPORT_CSP, style => style(&theme), ui => template_value(&ui), site => context! { title => hb.config.title.clone(), language => hb.config.language.clone() },
        standards => standards, rows => template_value(&rows), unmet => template_value(&counts),
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
    let mut csv = format!(
        "\u{feff}{},{}",
        csv_field(&word("csv_centre")),
        csv_field(&word("csv_assessment"))
    );
    for s in &hb.standards {
        csv.push_str(&format!(",{}", s.id));
    }
    csv.push_str(&format!(
        ",{},{}\r\n",
        csv_field(&word("csv_total")),
        csv_field(&word("csv_unrated"))
    ));
    let pct = |p: Option<f64>| p.map(|p| format!("{p:.1}")).unwrap_or_default();
    for r in &rows {
        csv.push_str(&format!("{},{}", csv_field(&r.centre), csv_field(&r.name)));
        for s in &r.scores {
            csv.push(',');
            csv.push_str(&pct(*s));
        }
        csv.push_str(&format!(",{},{}\r\n", pct(r.total), r.unrated));
    }
    std::fs::create_dir_all(out).ok();
    let name = word("aggregate_file_name");
    let html_path = out.join(format!("{name}.html"));
    let csv_path = out.join(format!("{name}.csv"));
    write_file(&html_path, html.as_bytes(), diags)?;
    write_file(&csv_path, csv.as_bytes(), diags)?;
    Some(vec![html_path, csv_path])
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r', ';']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

pub(crate) fn write_file(path: &Path, bytes: &[u8], diags: &mut Diagnostics) -> Option<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = std::fs::create_dir_all(dir);
    }
    match std::fs::write(path, bytes) {
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
