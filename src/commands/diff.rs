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

/// The earlier edition at `old_root` (a folder, or `git:REV`: a revision of the repository
/// holding the handbook at `root`), checked as a build checks it; its problems go into
/// `diags` with its own file names (`REV:path` for a revision).
pub fn load_previous(root: &Path, old_root: &Path, diags: &mut Diagnostics) -> Option<Handbook> {
    if let Some(rev) = old_root.to_str().and_then(crate::edition::git::revision) {
        return match crate::edition::git::load(root, rev) {
            Ok((hb, found)) => {
                diags.extend(found);
                hb
            }
            Err(e) => {
                diags
                    .error(Pos::file(old_root), e)
                    .hint(crate::edition::git::hint(rev));
                None
            }
        };
    }
    let (hb, old_diags) = crate::check_edition(old_root);
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

/// The previous edition's mapping table and differences, made once for every file a
/// command maps (`report`, `aggregate`).
pub struct Carry {
    pub mapping: crate::edition::carry::Mapping,
    pub diff: EditionDiff,
    view: crate::pipeline::render::views::DiffView,
    /// The previous edition's name ("Botimi 2024"; "pa emër" when it has none).
    pub old: String,
}

/// The mapping of the previous edition (`previous` in doracak.toml) to this one; none
/// without `previous` (or when it cannot be read: then `diags` says why).
pub fn carry_prepare(
    root: &Path,
    hb: &Handbook,
    ui: &HashMap<String, String>,
    diags: &mut Diagnostics,
) -> Option<Carry> {
    hb.config.previous.as_ref()?;
    let (mapping, diff) =
        crate::edition::carry::previous(root, hb, &|t| timing_in_words(t, ui), diags)?;
    let view = diff_view(&diff, ui, &|_, _| None);
    let old = mapping
        .previous_edition
        .clone()
        .unwrap_or_else(|| say(ui, "diff_unnamed", &[]));
    Some(Carry {
        mapping,
        diff,
        view,
        old,
    })
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
    let prepared = carry_prepare(root, hb, ui, diags)?;
    carry_view(hb, ui, &prepared, file)
}

/// Map `file` with `prepared` where it was made on the previous edition (else none): what
/// became of its ratings, as [`carry_report`] says it.
pub fn carry_view(
    hb: &Handbook,
    ui: &HashMap<String, String>,
    prepared: &Carry,
    file: &mut crate::assessment::AssessmentFile,
) -> Option<minijinja::Value> {
    use crate::edition::carry;
    let (m, diff, view) = (&prepared.mapping, &prepared.diff, &prepared.view);
    if !carry::applies(m, file) {
        return None;
    }
    let c = carry::carry(m, file);
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
    let old = prepared.old.clone();
    Some(context! {
        title => say(ui, "carry_title", &[("old", &old)]),
        kept => c.kept.iter().map(|id| row(id, id)).collect::<Vec<_>>(),
        rerate => c.rerate.iter().map(|(o, n)| row(n, o)).collect::<Vec<_>>(),
        removed => removed,
        new => c.new.iter().map(|id| row(id, id)).collect::<Vec<_>>(),
    })
}
