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
    diags.extend(old_diags);
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
        site => context! { title => hb.config.title.clone(), language => hb.config.language.clone() },
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
