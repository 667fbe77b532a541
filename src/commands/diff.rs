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
                diags.error(Pos::file(old_root), e.message).hint(e.hint);
                None
            }
        };
    }
    // The handbook itself (by another name, a link): nothing can have changed; said, as
    // `previous` naming it is refused.
    if let (Ok(a), Ok(b)) = (std::fs::canonicalize(root), std::fs::canonicalize(old_root))
        && a == b
    {
        diags
            .warning(
                Pos::file(old_root),
                "expected an earlier edition's handbook folder, found this handbook itself: the two editions are the same files",
            )
            .hint("name the folder (or git:REVISION) of the edition this one replaces");
    }
    let (hb, old_diags) = crate::check_edition(old_root);
    // Said under the earlier edition's folder, so they are not taken for this one's.
    let name = format!("{}/", old_root.display().to_string().trim_end_matches('/'));
    crate::edition::located::relocate(&old_diags, old_root, &name, diags, true);
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

/// The previous edition's mapping table, read once from the built site for every file a
/// command maps (`report`, `aggregate`).
pub struct Carry {
    pub mapping: crate::edition::carry::Mapping,
    /// The previous edition's name ("Botimi 2024"; "pa emër" when it has none).
    pub old: String,
}

/// The mapping table the build wrote into the site (`editions.js` in its assessment folder:
/// the very data the browser maps with; `site`, else the configured output folder), where `previous` in doracak.toml names an edition
/// and one of `files` (path, file) was not made on this one; none otherwise. A site that is
/// missing or was built from other editions, and a file of neither edition, are errors in
/// `diags`, with what to run.
pub fn carry_prepare(
    root: &Path,
    hb: &Handbook,
    ui: &HashMap<String, String>,
    site: Option<&Path>,
    files: &[(&Path, &crate::assessment::AssessmentFile)],
    diags: &mut Diagnostics,
) -> Option<Carry> {
    let previous = hb.config.previous.as_ref()?;
    let current = crate::assessment::catalog_hash(hb);
    let other = |f: &crate::assessment::AssessmentFile| {
        !f.handbook.catalog.is_empty() && f.handbook.catalog != current
    };
    if !files.iter().any(|(_, f)| other(f)) {
        return None;
    }
    let site = site.map_or_else(|| root.join(&hb.config.output), Path::to_path_buf);
    let (mapping, text) = match crate::edition::table::read(
        &site,
        &hb.addresses.assessment_dir,
        &current,
        previous,
    ) {
        Ok(m) => m,
        Err(r) => {
            diags.error(Pos::file(&r.file), r.message).hint(r.hint);
            return None;
        }
    };
    // Every target an id of this edition, none given twice: a table edited by hand (or
    // built from other content) never puts a rating on the wrong criterion.
    let file = site
        .join(&hb.addresses.assessment_dir)
        .join(crate::edition::table::FILE);
    let (criteria, evidence) = crate::assessment::criterion_and_evidence_ids(hb);
    let faults = crate::edition::table::check(&mapping, &text, &criteria, &evidence);
    for f in &faults {
        diags
            .error(Pos::new(&file, f.line, f.col), f.message.clone())
            .hint("the table is written by the build: run doracak build rather than editing it, then this command again");
    }
    if !faults.is_empty() {
        return None;
    }
    let old = mapping
        .previous_edition
        .clone()
        .unwrap_or_else(|| say(ui, "diff_unnamed", &[]));
    let mut refused = false;
    for (path, f) in files.iter().filter(|(_, f)| other(f)) {
        if f.handbook.catalog != mapping.previous {
            refused = true;
            diags
                .error(
                    Pos::file(path),
                    format!(
                        "expected an assessment of this edition (catalogue {current}) or of the previous edition the site was built with ({old}, catalogue {}), found catalogue {}{}",
                        mapping.previous,
                        f.handbook.catalog,
                        if f.handbook.edition.is_empty() { String::new() } else { format!(" ({})", f.handbook.edition) }
                    ),
                )
                .hint("set `previous` in doracak.toml to the edition this assessment was made on and run: doracak build; or assess again on this edition");
        }
    }
    (!refused).then_some(Carry { mapping, old })
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
    let m = &prepared.mapping;
    if !carry::applies(m, file) {
        return None;
    }
    let c = carry::carry(m, file);
    // What the table shows of a criterion of the previous edition (by its old id).
    let shown = |old_id: &str| m.criteria.get(old_id).and_then(|c| c.shown.as_ref());
    let label = |id: &str| {
        let criterion = hb
            .standards
            .iter()
            .flat_map(|s| s.criteria.iter().map(move |c| (s, c)))
            .find(|(_, c)| c.id == id);
        match criterion {
            Some((s, c)) => (
                format!("{}.{}", s.number, c.number),
                crate::markdown::to_plain(&crate::markdown::unmarked(&c.text)),
            ),
            None => (id.to_string(), String::new()),
        }
    };
    let row = |id: &str, old_id: &str| {
        let (number, text) = label(id);
        let change = shown(old_id).filter(|s| !s.fields.is_empty());
        context! { id => id, old_id => old_id, number => number, text => text,
        change => change.map(template_value) }
    };
    let removed: Vec<minijinja::Value> = c
        .removed
        .iter()
        .map(|id| aside_row(hb, shown(id), &file.set_aside, id))
        .collect();
    let unknown: Vec<minijinja::Value> = c
        .unknown
        .iter()
        .map(|id| aside_row(hb, shown(id), &file.set_aside, id))
        .collect();
    let old = prepared.old.clone();
    Some(context! {
        title => say(ui, "carry_title", &[("old", &old)]),
        kept => c.kept.iter().map(|id| row(id, id)).collect::<Vec<_>>(),
        rerate => c.rerate.iter().map(|(o, n)| row(n, o)).collect::<Vec<_>>(),
        removed => removed,
        unknown => unknown,
        new => c.new.iter().map(|id| row(id, id)).collect::<Vec<_>>(),
    })
}

/// A criterion set aside (a removed criterion or an id the previous edition never had) as a
/// report lists it: its number and text where the table shows them (else its id), its
/// rating, note and plan rows, from the file's `set_aside`.
fn aside_row(
    hb: &Handbook,
    x: Option<&crate::edition::carry::Shown>,
    aside: &crate::assessment::SetAside,
    id: &str,
) -> minijinja::Value {
    let entry = aside.ratings.get(id);
    let rating = entry
        .and_then(|r| r.rating.clone())
        .map(|code| {
            // A code the scale does not have is said as it is, never dropped.
            hb.config
                .scale
                .iter()
                .find(|r| r.code == code)
                .map_or(code.clone(), |r| r.label.clone())
        })
        .unwrap_or_default();
    let plan: Vec<String> = aside
        .plan
        .iter()
        .filter(|p| p.criterion == id)
        .map(|p| p.action.clone())
        .collect();
    context! { id => id, number => x.map(|x| x.number.clone()).unwrap_or_else(|| id.to_string()),
    text => x.map(|x| x.text.clone()).unwrap_or_default(), rating => rating,
    note => entry.map(|r| r.note.clone()).unwrap_or_default(), plan => plan }
}

/// The criteria ids `aside` holds entries for (a rating, a note or a plan row), in the
/// order of their codes, each once.
pub fn aside_ids(aside: &crate::assessment::SetAside) -> Vec<String> {
    let mut ids: Vec<String> = aside.ratings.keys().cloned().collect();
    ids.extend(aside.plan.iter().map(|p| p.criterion.clone()));
    ids.sort();
    ids.dedup();
    ids
}

/// What a file of this edition holds set aside (entries made on an earlier edition for
/// criteria this one does not have, written when a file of the previous edition was
/// carried over and saved): listed as the removed criteria of a carried file are, never
/// dropped unsaid; none when it holds nothing. Numbers and texts come from the site's table
/// where `previous` names an edition and the table of this edition can be read (as the
/// browser has it), else the ids stand alone.
pub fn aside_view(
    root: &Path,
    hb: &Handbook,
    ui: &HashMap<String, String>,
    site: Option<&Path>,
    file: &crate::assessment::AssessmentFile,
) -> Option<minijinja::Value> {
    let ids = aside_ids(&file.set_aside);
    if ids.is_empty() {
        return None;
    }
    let current = crate::assessment::catalog_hash(hb);
    let mapping = hb.config.previous.as_ref().and_then(|previous| {
        let site = site.map_or_else(|| root.join(&hb.config.output), Path::to_path_buf);
        crate::edition::table::read(&site, &hb.addresses.assessment_dir, &current, previous)
            .ok()
            .map(|(m, _)| m)
            .filter(|m| m.current == current)
    });
    let shown = |id: &str| {
        mapping
            .as_ref()
            .and_then(|m| m.criteria.get(id))
            .and_then(|c| c.shown.as_ref())
    };
    let rows: Vec<minijinja::Value> = ids
        .iter()
        .map(|id| aside_row(hb, shown(id), &file.set_aside, id))
        .collect();
    let old = if file.set_aside.edition.is_empty() {
        say(ui, "diff_unnamed", &[])
    } else {
        file.set_aside.edition.clone()
    };
    Some(context! { title => say(ui, "aside_title", &[("old", &old)]), rows => rows })
}
