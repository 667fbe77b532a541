//! `doracak diff OLD_ROOT`: what changed from an earlier edition of the handbook to this one,
//! as one printable HTML page for people or JSON for tools (`docs/editions.md`). Both
//! handbooks go through the same load → validate → model stages as a build.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use minijinja::context;

use super::report::{REPORT_CSP, style, write_file};
use crate::diagnostics::{Diagnostics, Pos};
use crate::edition::{self, EditionDiff};
use crate::pipeline::model::Handbook;
use crate::pipeline::render::views::{diff_view, timing_in_words};
use crate::pipeline::render::{environment, template_value, ui_strings};
use crate::theme::{Theme, say};

/// The earlier edition at `old_root`, checked as a build checks it; its problems go into
/// `diags` with its own file names.
pub fn load_previous(old_root: &Path, diags: &mut Diagnostics) -> Option<Handbook> {
    let (hb, old_diags) = crate::check(old_root);
    // Said under the earlier edition's folder, so they are not taken for this one's.
    let located = |p: &Pos| {
        let file = if p.file.is_relative() && !p.file.starts_with(old_root) {
            old_root.join(&p.file)
        } else {
            p.file.clone()
        };
        Pos::new(file, p.line, p.col)
    };
    for d in old_diags.errors() {
        let e = diags.error(located(&d.pos), d.message.clone());
        if let Some(h) = &d.hint {
            e.hint(h.clone());
        }
    }
    for d in old_diags.warnings() {
        let w = diags.warning(located(&d.pos), d.message.clone());
        if let Some(h) = &d.hint {
            w.hint(h.clone());
        }
    }
    hb
}

/// The differences from `old` to `new`, timings said in the words of `ui`.
pub fn compare(old: &Handbook, new: &Handbook, ui: &HashMap<String, String>) -> EditionDiff {
    edition::diff(old, new, &|t| timing_in_words(t, ui))
}

/// Write the page of `diff` into `out_dir` (named by the locale pack: `ndryshimet.html`).
pub fn write_page(
    root: &Path,
    hb: &Handbook,
    diff: &EditionDiff,
    out_dir: &Path,
    diags: &mut Diagnostics,
) -> Option<PathBuf> {
    let theme = Theme::load(root, diags);
    let ui = ui_strings(&theme, &hb.config, diags)?;
    let env = environment(&theme, &ui, diags)?;
    let d = diff_view(diff, &ui, &|_, _| None);
    let ctx = context! {
        d => template_value(&d), csp => REPORT_CSP, style => style(&theme), ui => template_value(&ui),
        site => context! { title => hb.config.title.clone(), language => hb.config.language.clone(), dir => hb.config.dir() },
    };
    let html = match env.get_template("diff.html").and_then(|t| t.render(ctx)) {
        Ok(h) => h,
        Err(e) => {
            diags.error(
                Pos::new("theme/templates/diff.html", e.line().unwrap_or(1) as u32, 1),
                e.to_string(),
            );
            return None;
        }
    };
    let out = out_dir.join(format!("{}.html", say(&ui, "diff_file_name", &[])));
    write_file(&out, html.as_bytes(), diags)?;
    Some(out)
}

/// The interface strings of `hb` at `root`, for the timings' words.
pub fn strings(root: &Path, hb: &Handbook) -> HashMap<String, String> {
    crate::interface_strings(root, hb)
}

/// Map `file` to this edition where it was made on the previous one (`previous` in
/// doracak.toml); the report's view of what became of its ratings: kept, to re-rate (with
/// the criterion's difference, word by word), removed, new.
pub fn carry_report(
    root: &Path,
    hb: &Handbook,
    ui: &HashMap<String, String>,
    file: &mut crate::assessment::AssessmentFile,
    diags: &mut Diagnostics,
) -> Option<minijinja::Value> {
    use crate::edition::carry;
    hb.config.previous.as_ref()?;
    let (m, diff) = carry::previous(root, hb, &|t| timing_in_words(t, ui), diags)?;
    if !carry::applies(&m, file) {
        return None;
    }
    let c = carry::carry(&m, file);
    let view = diff_view(&diff, ui, &|_, _| None);
    let change_of = |id: &str| {
        view.groups
            .iter()
            .flat_map(|g| &g.changes)
            .find(|x| x.kind == "criterion" && x.id == id)
    };
    let label = |id: &str| {
        let criterion = hb
            .standards
            .iter()
            .flat_map(|s| s.criteria.iter().map(move |c| (s, c)))
            .find(|(_, c)| c.id == id);
        match criterion {
            Some((s, c)) => (
                format!("{}.{}", s.number, c.number),
                crate::markdown::to_plain(&c.text),
            ),
            None => (id.to_string(), String::new()),
        }
    };
    let row = |id: &str, old_id: &str| {
        let (number, text) = label(id);
        context! { id => id, old_id => old_id, number => number, text => text,
        change => change_of(id).map(template_value) }
    };
    let removed: Vec<minijinja::Value> = c
        .removed
        .iter()
        .map(|id| {
            let x = diff
                .changes
                .iter()
                .find(|x| x.kind == "criterion" && x.id == *id && x.change == "removed");
            let rating = file.ratings.get(id).and_then(|r| r.rating.clone());
            let rating = rating
                .and_then(|code| {
                    hb.config
                        .scale
                        .iter()
                        .find(|r| r.code == code)
                        .map(|r| r.label.clone())
                })
                .unwrap_or_default();
            context! { id => id, number => x.map(|x| x.number.clone()).unwrap_or_default(),
            text => x.map(|x| x.text.clone()).unwrap_or_default(), rating => rating,
            note => file.ratings.get(id).map(|r| r.note.clone()).unwrap_or_default() }
        })
        .collect();
    let old = m
        .previous_edition
        .clone()
        .unwrap_or_else(|| say(ui, "diff_unnamed", &[]));
    Some(context! {
        title => say(ui, "carry_title", &[("old", &old)]),
        kept => c.kept.iter().map(|id| row(id, id)).collect::<Vec<_>>(),
        rerate => c.rerate.iter().map(|(o, n)| row(n, o)).collect::<Vec<_>>(),
        removed => removed,
        new => c.new.iter().map(|id| row(id, id)).collect::<Vec<_>>(),
    })
}
