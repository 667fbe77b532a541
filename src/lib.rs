//! doracak: compiles YAML encodings of compliance standards, procedures and roles into a
//! static, searchable website that works offline and from `file://`.
//!
//! The pipeline runs one way, one module per stage:
//!
//! ```text
//! load → validate → model → render → write
//! ```
//!
//! `load` parses files into `source` types, `validate` reports every problem at once,
//! `model` builds the immutable `Handbook`, `render` turns view structs and the `theme`
//! into files in memory, and `write` swaps them into place only when all succeeded.

pub mod assessment;
pub mod config;
pub mod diagnostics;
pub mod duration;
pub mod load;
pub mod markdown;
pub mod model;
pub mod oscal;
pub mod render;
pub mod report;
pub mod search;
pub mod serve;
pub mod source;
pub mod submissions;
pub mod synth;
pub mod text;
pub mod theme;
pub mod validate;
pub mod write;
pub mod xlsform;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use diagnostics::{Diagnostics, Pos};
use model::Handbook;

/// Load, validate and model the handbook at `root`. The handbook is `None` when any
/// error was found; `diags` then says why.
pub fn check(root: &Path) -> (Option<Handbook>, Diagnostics) {
    let mut diags = Diagnostics::new();
    if !root.is_dir() {
        diags.error(
            Pos::file(root),
            "expected a handbook folder, found none at this path",
        );
        return (None, diags);
    }
    let config = config::load(root, &mut diags);
    let sources = load::load(root, &mut diags);
    validate::validate(&sources, &mut diags);
    if diags.has_errors() {
        return (None, diags);
    }
    (Some(model::build(config, sources)), diags)
}

/// Render the site of a valid handbook into `sink`.
pub fn render_site(root: &Path, hb: &Handbook, diags: &mut Diagnostics, sink: render::Sink) {
    let theme = theme::Theme::load(root, diags);
    if diags.has_errors() {
        return;
    }
    render::render(hb, &theme, diags, sink);
    if !diags.has_errors() {
        write_exports(root, hb, &theme, diags, sink);
    }
}

/// The audit as an XLSForm and the standards as an OSCAL catalogue, beside the pages.
fn write_exports(
    root: &Path,
    hb: &Handbook,
    theme: &theme::Theme,
    diags: &mut Diagnostics,
    sink: render::Sink,
) {
    let Some(ui) = render::ui_strings(theme, diags) else {
        return;
    };
    let form = xlsform::to_bytes(hb, &ui)
        .map_err(std::io::Error::other)
        .and_then(|bytes| sink.put(xlsform::PATH, &bytes));
    if let Err(e) = form {
        diags.error(
            Pos::file(xlsform::PATH),
            format!("cannot write the audit form: {e}"),
        );
    }
    let catalog = oscal::catalog(hb, &ui, &oscal::last_modified(root, hb));
    if let Err(e) = sink.put_with(oscal::PATH, |w| {
        serde_json::to_writer_pretty(w, &catalog).map_err(std::io::Error::other)
    }) {
        diags.error(
            Pos::file(oscal::PATH),
            format!("cannot write the OSCAL catalogue: {e}"),
        );
    }
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
    let Some(hb) = hb else {
        return (None, diags);
    };
    let out = out
        .map(Path::to_path_buf)
        .unwrap_or_else(|| root.join(&hb.config.output));
    let writer = match write::SiteWriter::begin(&out) {
        Ok(w) => w,
        Err(e) => {
            diags.error(Pos::file(&out), format!("cannot write the site: {e}"));
            return (None, diags);
        }
    };
    // Rendering and the search index depend only on the handbook: build them side by side,
    // each file going to disk as soon as it is made.
    let t = Instant::now();
    let index = std::thread::scope(|scope| {
        let search = scope.spawn(|| {
            let t = Instant::now();
            let docs = search::documents(&hb);
            let index = writer.put_with("search-index.js", |w| search::index::write(&docs, w));
            (index, t.elapsed())
        });
        render_site(root, &hb, &mut diags, &writer);
        let catalog = writer.put_with("catalog.json", |w| {
            serde_json::to_writer_pretty(w, &hb).map_err(std::io::Error::other)
        });
        if let Err(e) = catalog {
            diags.error(
                Pos::file("catalog.json"),
                format!("cannot write the catalogue: {e}"),
            );
        }
        stages.push(("render+write", t.elapsed()));
        let (index, indexed) = search
            .join()
            .expect("the search index builder does not panic");
        stages.push(("search index (parallel)", indexed));
        index
    });
    let index = match index {
        Ok((figures, _)) => figures,
        Err(e) => {
            diags.error(
                Pos::file("search-index.js"),
                format!("cannot write the search index: {e}"),
            );
            search::index::Figures::default()
        }
    };
    let index_bytes = index.bytes;
    if diags.has_errors() {
        // Dropping the writer removes the half-written folder; the old site stays.
        return (None, diags);
    }
    let t = Instant::now();
    let written = writer.commit();
    stages.push(("swap", t.elapsed()));
    if std::env::var_os("DORACAK_TIMINGS").is_some() {
        for (stage, d) in &stages {
            eprintln!("timing: {stage:<24} {:>8.1} ms", d.as_secs_f64() * 1000.0);
        }
    }
    match written {
        Ok(stats) => {
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
            diags.error(Pos::file(&out), format!("cannot write the site: {e}"));
            (None, diags)
        }
    }
}
