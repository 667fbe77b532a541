//! doracak: compiles YAML encodings of compliance standards, procedures and roles into a
//! static, searchable website that works offline and from `file://`.
//!
//! # The map
//!
//! **`pipeline/`** — a build, one stage a module, data flowing one way; a stage uses only
//! the stages before it:
//!
//! ```text
//! load → validate → model → render → search → write
//! ```
//!
//! - `pipeline::load` reads `standards/` and `content/` into `pipeline::source` types, each
//!   node with its file, line and column;
//! - `pipeline::validate` reports every problem at once (ids, references, numbering, text);
//! - `pipeline::model` builds the immutable `Handbook`: ids, cross-references, timings;
//! - `pipeline::render` turns view structs and the `theme` into pages, handed one by one to a
//!   `render::Sink` (the output seam); beside the pages, `render::xlsform` (the audit as an
//!   XLSForm) and `render::oscal` (the standards as an OSCAL catalogue); `render::diagram`
//!   lays out each procedure's swimlane diagram as inline SVG;
//! - `pipeline::search` builds the static search index and answers `doracak search`;
//! - `pipeline::write` is the sink of a real build: it refuses folders that are not doracak's,
//!   writes the new site beside the old one and swaps it into place only if all succeeded.
//!
//! **`commands/`** — what sits beside the pipeline: `serve` (build, watch, serve, reload),
//! `report` (`report` and `aggregate` of exported assessments), `charts` (their SVG
//! charts), `training` (`training-report` of exported training records), `submissions`
//! (`import-submissions`: the audit form's data exports → assessment files), `synth`
//! (benchmark handbooks).
//!
//! **Shared by both**: `address` (every page's file and anchor), `config` (`doracak.toml`), `diagnostics` (located errors for people),
//! `theme` (embedded templates, styles, scripts, strings), `edition` (what changed between two
//! editions: the `diff` command, the "what changed" page, assessments and training carried
//! over), `assessment` (the assessment file
//! and its rules, shared with the browser; `assessment::compare`, progress between two), `markdown`, `duration`, `text`.
//!
//! [`check`] and [`build`] below run the pipeline; `main.rs` is the command line.

pub mod address;
pub mod assessment;
pub mod centres;
pub mod commands;
pub mod config;
pub mod csv_out;
pub mod diagnostics;
pub mod duration;
pub mod edition;
mod exports;
pub mod form_words;
pub mod language;
pub mod markdown;
pub mod memo;
mod mounts;
pub mod pipeline;
pub mod plural;
mod resources;
pub mod test_pause;
pub mod text;
pub mod theme;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use diagnostics::{Diagnostics, Pos};
use exports::write_exports;
use pipeline::model::Handbook;
use pipeline::{load, model, render, search, validate, write};
pub use resources::peak_rss_mib;
pub(crate) use resources::{
    give_back_memory, give_back_thread_memory, process_cpu, thread_cpu, timings_asked,
};

/// Load, validate and model the handbook at `root`. The handbook is `None` when any
/// error was found; `diags` then says why.
pub fn check(root: &Path) -> (Option<Handbook>, Diagnostics) {
    check_as(root, true)
}

/// [`check`] for an earlier edition: its own `previous` is not followed nor checked (a
/// folder or revision that edition named is nothing to this one).
pub fn check_edition(root: &Path) -> (Option<Handbook>, Diagnostics) {
    check_as(root, false)
}

fn check_as(root: &Path, current: bool) -> (Option<Handbook>, Diagnostics) {
    let mut diags = Diagnostics::new();
    // Said of an earlier edition, the hints name the folder the person gave for it, not
    // --root.
    const EARLIER: &str = "name the earlier edition's own handbook folder (the one holding its doracak.toml and standards/; on the command line, relative to the folder doracak runs in), or git:REVISION";
    if !root.is_dir() {
        let found = if root.exists() {
            "expected a handbook folder, found a file at this path"
        } else {
            "expected a handbook folder, found none at this path"
        };
        let e = diags.error(Pos::file(root), found);
        if !current {
            e.hint(EARLIER);
        }
        return (None, diags);
    }
    let mut config = config::load(root, &mut diags);
    if current {
        config::check_previous(root, &config, &mut diags);
    }
    let sources = load::load(root, &mut diags);
    if !current {
        diags.replace_hint(load::ROOT_HINT, EARLIER);
    }
    validate::validate(&sources, &config, &mut diags);
    // The interface strings of the handbook's language, with its own theme/strings.toml;
    // they name the rating scale's steps the handbook leaves unnamed.
    let theme = theme::Theme::load(root, &mut diags);
    let ui = theme.strings(&config, &mut diags);
    if let Some(ui) = &ui {
        config::name_scale(&mut config, ui, &mut diags);
        address::check(ui, &mut diags);
    }
    match ui {
        Some(ui) if !diags.has_errors() => {
            let addresses = address::Pages::from_strings(&ui);
            (Some(model::build(config, sources, addresses)), diags)
        }
        _ => (None, diags),
    }
}

/// The interface strings of a valid handbook (its language's pack, with its own
/// `theme/strings.toml`); `check` has reported any problem with them already.
pub fn interface_strings(root: &Path, hb: &Handbook) -> HashMap<String, String> {
    let mut scratch = Diagnostics::new();
    let mut ui = theme::Theme::load(root, &mut scratch)
        .strings(&hb.config, &mut scratch)
        .unwrap_or_default();
    hb.config.name_interface(&mut ui);
    ui
}

/// Render the site of a valid handbook into `sink`, in the words of `ui`: its pages, then
/// its exports.
pub fn render_site(
    root: &Path,
    hb: &Handbook,
    theme: &theme::Theme,
    ui: &HashMap<String, String>,
    diags: &mut Diagnostics,
    sink: &dyn render::Sink,
) {
    render_pages(root, hb, theme, ui, diags, sink);
    if !diags.has_errors() {
        let compact = render::parts::compact_catalogues(theme, hb);
        write_exports(root, hb, ui, diags, sink, compact, || ());
    }
}

/// [`render_site`] without the exports (`write_exports`): the pages, and the editions'
/// mapping where the handbook names a previous edition.
fn render_pages(
    root: &Path,
    hb: &Handbook,
    theme: &theme::Theme,
    ui: &HashMap<String, String>,
    diags: &mut Diagnostics,
    sink: &dyn render::Sink,
) {
    let previous = previous_edition(root, hb, diags);
    let diff = previous
        .as_ref()
        .map(|old| edition::diff(old, hb, &|t| render::views::timing_in_words(t, ui)));
    let changes = diff.as_ref().map(|d| render::changes::changes(hb, d, ui));
    render::render_with(hb, theme, ui, diags, sink, changes.as_ref());
    // The pages' views are dropped: hand their memory back before the exports build theirs
    // (the allocator keeps freed memory otherwise, and the peak would be the sum of both).
    give_back_memory();
    if let (Some(old), Some(d)) = (&previous, &diff) {
        // The mapping table of assessments of the previous edition, for the browser.
        // `report` and `aggregate` read it back from the site (edition::table).
        let path = format!("{}{}", hb.addresses.assessment_dir, edition::table::FILE);
        let m = edition::carry::mapping(old, hb, d);
        let script = edition::table::script(&m);
        if let Err(e) = script
            .map_err(std::io::Error::other)
            .and_then(|s| sink.put(&path, s.as_bytes()))
        {
            diags.error(
                Pos::file(&path),
                format!("cannot write the editions' mapping: {e}"),
            );
        }
    }
}

/// The previous edition, where `previous` in doracak.toml names one, loaded, checked and
/// modelled as this one. Its problems make the build fail: each said at its own path
/// (`REV:path:line:col` for a revision, `FOLDER/path:line:col` for a folder, as `doracak
/// diff` says them), and one line at doracak.toml saying which `previous` was read.
pub fn previous_edition(root: &Path, hb: &Handbook, diags: &mut Diagnostics) -> Option<Handbook> {
    let folder = hb.config.previous.as_ref()?;
    let (old, count, under, hint) = match edition::git::revision(folder) {
        Some(rev) => match edition::git::load(root, rev) {
            Ok((old, found)) => {
                let count = found.error_count();
                for d in found.errors() {
                    diags.error(d.pos.clone(), d.message.clone()).hint = d.hint.clone();
                }
                (
                    old,
                    count,
                    format!("{rev}:"),
                    format!("run: doracak diff {folder}"),
                )
            }
            Err(e) => {
                diags
                    .error(
                        Pos::file("doracak.toml"),
                        format!("{} (reading `previous = {folder:?}`)", e.message),
                    )
                    .hint(e.hint);
                return None;
            }
        },
        None => {
            let path = root.join(folder);
            let (old, found) = check_edition(&path);
            let name = format!("{}/", folder.trim_end_matches('/'));
            edition::located::relocate(&found, &path, &name, diags, false);
            (
                old,
                found.error_count(),
                name,
                format!("run: doracak --root {} check", path.display()),
            )
        }
    };
    if let Some(o) = &old
        && o.config.language != hb.config.language
    {
        diags
            .warning(
                Pos::file("doracak.toml"),
                format!(
                    "expected the previous edition at {folder:?} in this handbook's language ({}), found one in {}: every id compared across languages",
                    hb.config.language, o.config.language
                ),
            )
            .hint("`previous` names the earlier edition of this handbook in the same language; a translation is not an edition");
    }
    if old.is_none() {
        diags
            .error(
                Pos::file("doracak.toml"),
                format!(
                    "expected the previous edition at {folder:?} to check, found {count} error(s), each said at its own path (under {under})"
                ),
            )
            .hint(hint);
    }
    old
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildSummary {
    pub out: PathBuf,
    pub stats: write::WriteStats,
    pub elapsed: Duration,
    pub standards: usize,
    pub criteria: usize,
    pub evidence: usize,
    pub search_docs: usize,
    pub search_terms: usize,
    pub index_bytes: u64,
}

/// Check, render and write the site. On any error nothing is written and the previous
/// site stays as it was.
pub fn build(root: &Path, out: Option<&Path>) -> (Option<BuildSummary>, Diagnostics) {
    let start = Instant::now();
    let mut stages = Vec::new();
    let (hb, mut diags) = check(root);
    stages.push(("load+validate+model", start.elapsed()));
    let mut peaks = vec![("load+validate+model", peak_rss_mib())];
    let mut cpus = vec![("load+validate+model", process_cpu())];
    let Some(hb) = hb else {
        return (None, diags);
    };
    // What loading and checking freed (the parsed YAML, the checks' tables) goes back
    // before the render builds on top of the model.
    give_back_memory();
    let out = out
        .map(Path::to_path_buf)
        .unwrap_or_else(|| root.join(&hb.config.output));
    // Where the output is, judged after `.` and `..` are resolved; its lock; what a crash
    // left put right; and only then what is there now.
    let writer = match write::open(root, &out, "build") {
        Ok(w) => {
            // Said, not silently done: where the folders beside the output came from
            // (README, "If a build is stopped"; adversary 49 LOW-6).
            for l in w.leftovers() {
                eprintln!("{l}");
            }
            // The tests kill a build here: its new folder made, nothing written in it yet.
            crate::test_pause::pause("begun");
            w
        }
        Err(refusal) => {
            diags
                .error(Pos::file(&out), refusal.message)
                .hint(refusal.hint);
            return (None, diags);
        }
    };
    // The theme and its strings, read once: `check` has reported their problems.
    let theme = theme::Theme::load(root, &mut Diagnostics::new());
    let Some(ui) = render::ui_strings(&theme, &hb.config, &mut diags) else {
        return (None, diags);
    };
    // The pages and exports first, then the search index: one after the other, so the
    // build's peak memory is the larger of the two, never their sum (each stage is
    // parallel or streamed within itself).
    let t = Instant::now();
    std::thread::scope(|s| {
        // The catalogue's hash (every criterion's text read in order: one thread's work)
        // made beside the render's first stages; the catalogue's head waits for it there.
        s.spawn(|| assessment::catalog_id(&hb));
        render_pages(root, &hb, &theme, &ui, &mut diags, &writer);
    });
    stages.push(("render", t.elapsed()));
    peaks.push(("render", peak_rss_mib()));
    cpus.push(("render", process_cpu()));
    give_back_memory();
    // Then the exports (the audit form, the OSCAL catalogue, `catalog.json`) and the search
    // index: the XLSForm on a thread of its own, the catalogues and then the index on this
    // one (`write_exports`). All are streamed, so the peak stays that of the pages. The
    // index is made on this thread: its many allocations stay in the main heap, which a
    // worker thread's heap (given back to the system as it shrinks, and taken again) would
    // make system time of.
    let t = Instant::now();
    let index = if diags.has_errors() {
        search::index::Figures::default()
    } else {
        let compact = render::parts::compact_catalogues(&theme, &hb);
        let mut timed = Vec::new();
        let index = write_exports(root, &hb, &ui, &mut diags, &writer, compact, || {
            timed.push(("exports: the catalogues", t.elapsed()));
            let (t, cpu) = (Instant::now(), thread_cpu());
            // Each document indexed and its shard written as made: never all their text at
            // once.
            let analysis = search::analyzer::Analysis::for_language(&hb.config.language);
            let index =
                search::stream::write(&hb, &ui, analysis, &hb.synonyms, &mut |name, bytes| {
                    writer.put(name, bytes)
                });
            timed.push(("search index", t.elapsed()));
            timed.push(("search index CPU", thread_cpu().saturating_sub(cpu)));
            index
        });
        stages.extend(timed);
        stages.push(("exports and index", t.elapsed()));
        index.unwrap_or_else(|e| {
            diags.error(
                Pos::file("search-index.js"),
                format!("cannot write the search index: {e}"),
            );
            search::index::Figures::default()
        })
    };
    let index_bytes = index.bytes;
    if diags.has_errors() {
        // Dropping the writer removes the half-written folder; the old site stays.
        return (None, diags);
    }
    peaks.push(("search index", peak_rss_mib()));
    cpus.push(("exports and index", process_cpu()));
    let t = Instant::now();
    let written = writer.commit();
    stages.push(("swap", t.elapsed()));
    if timings_asked() {
        for (stage, d) in &stages {
            eprintln!("timing: {stage:<24} {:>8.1} ms", d.as_secs_f64() * 1000.0);
        }
        for (stage, mib) in &peaks {
            eprintln!("memory: peak by the end of {stage:<24} {mib:>5} MiB");
        }
        // Each stage's CPU (every thread's, user and system): beside its wall time above,
        // how many cores it kept busy.
        let mut before = Duration::ZERO;
        for (stage, cpu) in &cpus {
            let ms = cpu.saturating_sub(before).as_secs_f64() * 1000.0;
            eprintln!("cpu: {stage:<31} {ms:>8.1} ms");
            before = *cpu;
        }
    }
    match written {
        Ok(stats) => {
            if !stats.kept.is_empty() {
                let shown: Vec<&str> = stats.kept.iter().take(5).map(String::as_str).collect();
                diags
                    .warning(
                        Pos::file(&out),
                        format!(
                            "kept {} file(s) in the site that doracak did not write: {}{}",
                            stats.kept.len(),
                            shown.join(", "),
                            if stats.kept.len() > 5 { ", …" } else { "" }
                        ),
                    )
                    .hint("they were carried into the new site as they were; move them out of the site folder if they are yours");
            }
            if let (Some(aside), Some(why)) = (&stats.aside, &stats.unremoved) {
                diags
                    .warning(
                        Pos::file(&out),
                        format!(
                            "the previous site could not be removed ({why}); what is left of it is kept at {}",
                            aside.display()
                        ),
                    )
                    .hint("the new site holds its files; doracak never removes that folder: look at it, then remove it yourself");
            } else if let Some(aside) = &stats.aside {
                diags
                    .warning(
                        Pos::file(&out),
                        format!(
                            "files came into the site folder while it was replaced and could not join the new site ({}{}); the previous site with them is kept at {}",
                            stats.stuck.iter().take(5).cloned().collect::<Vec<_>>().join(", "),
                            if stats.stuck.len() > 5 { ", …" } else { "" },
                            aside.display()
                        ),
                    )
                    .hint("take what is yours from there; doracak never removes that folder");
            }
            let summary = BuildSummary {
                out,
                stats,
                elapsed: start.elapsed(),
                standards: hb.standards.len(),
                criteria: hb.criteria_count(),
                evidence: hb.evidence_count(),
                search_docs: index.docs,
                search_terms: index.terms,
                index_bytes,
            };
            (Some(summary), diags)
        }
        Err(e) => {
            match e.get_ref().and_then(|r| r.downcast_ref::<write::Refusal>()) {
                Some(r) => {
                    diags
                        .error(Pos::file(&out), r.message.clone())
                        .hint(r.hint.clone());
                }
                None => {
                    diags.error(Pos::file(&out), format!("cannot write the site: {e}"));
                }
            }
            (None, diags)
        }
    }
}
