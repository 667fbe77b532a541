//! The `doracak` command line. Exit status: 0 success, 1 content or input errors,
//! 2 usage errors.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

mod cli;

/// A line on standard output. Where the reader has gone (`doracak search … | head -1`), the
/// rest is not wanted: dropped, never a panic, the command's status unchanged. Any other
/// failure (a full disk under `> hits.json`) is said, and the command fails.
macro_rules! out {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout(), $($t)*) {
            stdout_failed(e);
        }
    }};
}

/// What `out!` does when standard output cannot be written.
fn stdout_failed(e: std::io::Error) {
    if e.kind() != std::io::ErrorKind::BrokenPipe {
        eprintln!("error: cannot write to standard output: {e}");
        std::process::exit(1);
    }
}

/// mimalloc, not the system's allocator: a build makes and drops millions of short strings
/// and values (malloc and free were a fifth of its instructions). Built without transparent
/// huge pages (`no_thp`): with them each first touch of a region zeroed 2 MiB, a third of the
/// shipped build's samples, and the peak grew in 2 MiB steps (synth 1000: 406 → 370 MiB).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Temporary folders of revisions whose process was killed mid-read: swept as any
    // command that reads editions starts (one reading of the temporary folder).
    if matches!(
        cli.command,
        Command::Build { .. } | Command::Diff { .. } | Command::Serve { .. }
    ) {
        doracak::edition::git::sweep_stale();
    }
    // No command writes files where `build` would refuse to write a site.
    doracak::commands::output::set_handbook(&cli.root);
    match cli.command {
        Command::Build { out } => build(&cli.root, out),
        Command::Check { verbose } => check(&cli.root, verbose),
        Command::Init {
            dir,
            language,
            theme,
        } => init(&dir, &language, theme),
        Command::Search { query, json, limit } => search(&cli.root, &query.join(" "), json, limit),
        Command::Report {
            file,
            out,
            since,
            site,
            force,
        } => {
            doracak::commands::output::set_force(force);
            report(&cli.root, &file, out, since.as_deref(), site.as_deref())
        }
        Command::Synth {
            standards,
            criteria,
            seed,
            out,
            mdbook,
            assessments,
            force,
        } => {
            let mut refused = doracak::diagnostics::Diagnostics::new();
            if doracak::commands::output::place_refused(&out, &out, true, &mut refused) {
                eprint!("{}", refused.report());
                return ExitCode::from(1);
            }
            if !force && let Err(e) = doracak::commands::synth::free(&out) {
                eprintln!("{e}");
                return ExitCode::from(1);
            }
            synth(
                &cli.root,
                standards,
                criteria,
                seed,
                &out,
                mdbook,
                assessments,
            )
        }
        Command::Aggregate {
            files,
            out,
            site,
            force,
        } => {
            doracak::commands::output::set_force(force);
            aggregate(&cli.root, &files, &out, site.as_deref())
        }
        Command::TrainingReport {
            files,
            out,
            refresher_months,
            today,
            force,
        } => {
            doracak::commands::output::set_force(force);
            training_report(&cli.root, &files, &out, refresher_months, today)
        }
        Command::Diff {
            old,
            out,
            json,
            force,
        } => {
            doracak::commands::output::set_force(force);
            diff(&cli.root, &old, &out, json)
        }
        Command::ImportSubmissions { file, out } => import_submissions(&cli.root, &file, &out),
        Command::Serve { port, out } => match doracak::commands::serve::serve(&cli.root, out, port)
        {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(1)
            }
        },
    }
}

/// A count and its noun, in the command line's English ("1 procedure", "2 procedures").
fn count(n: usize, one: &str, other: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { other })
}

fn build(root: &std::path::Path, out: Option<PathBuf>) -> ExitCode {
    let (summary, diags) = doracak::build(root, out.as_deref());
    eprint!("{}", diags.report());
    match summary {
        Some(s) => {
            out!(
                "wrote {} ({}, {}, {:.1} KiB; {} changed) from {}, {}, {} in {:.0} ms",
                s.out.display(),
                count(s.stats.pages, "page", "pages"),
                count(s.stats.files, "file", "files"),
                s.stats.bytes as f64 / 1024.0,
                s.stats.changed,
                count(s.standards, "standard", "standards"),
                count(s.criteria, "criterion", "criteria"),
                count(s.evidence, "evidence item", "evidence items"),
                s.elapsed.as_secs_f64() * 1000.0
            );
            out!(
                "search index: {}, {}, {:.1} KiB",
                count(s.search_docs, "document", "documents"),
                count(s.search_terms, "term", "terms"),
                s.index_bytes as f64 / 1024.0
            );
            ExitCode::SUCCESS
        }
        None => {
            eprintln!("build failed: nothing was written; the previous site is unchanged");
            ExitCode::from(1)
        }
    }
}

fn init(dir: &std::path::Path, language: &str, theme: bool) -> ExitCode {
    use doracak::commands::init;
    let written = if theme {
        init::theme(dir)
    } else {
        init::handbook(dir, language)
    };
    match written {
        Ok(files) => {
            out!(
                "wrote {} into {}",
                count(files.len(), "file", "files"),
                dir.display()
            );
            if !theme {
                out!(
                    "next: doracak --root {} serve   (edit standards/ and content/, the site follows)",
                    dir.display()
                );
            }
            ExitCode::SUCCESS
        }
        Err(e @ init::InitError::Language(_)) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn check(root: &std::path::Path, verbose: bool) -> ExitCode {
    let (hb, diags) = doracak::check(root);
    eprint!("{}", diags.report_verbose(verbose));
    match hb {
        Some(hb) => {
            out!(
                "ok: {}, {}, {}, {}, {}, {}",
                count(hb.standards.len(), "standard", "standards"),
                count(hb.criteria_count(), "criterion", "criteria"),
                count(hb.evidence_count(), "evidence item", "evidence items"),
                count(hb.procedures.len(), "procedure", "procedures"),
                count(hb.roles.len(), "role", "roles"),
                count(hb.forms.len(), "form", "forms")
            );
            ExitCode::SUCCESS
        }
        None => ExitCode::from(1),
    }
}

fn search(root: &std::path::Path, query: &str, json: bool, limit: usize) -> ExitCode {
    let (hb, diags) = doracak::check(root);
    let Some(hb) = hb else {
        eprint!("{}", diags.report());
        return ExitCode::from(1);
    };
    let ui = doracak::interface_strings(root, &hb);
    let docs = doracak::pipeline::search::documents(&hb, &ui);
    let analysis = doracak::pipeline::search::analyzer::Analysis::for_language(&hb.config.language);
    let hits = match doracak::pipeline::search::query::search_with(
        &docs,
        analysis,
        &hb.synonyms,
        query,
        limit,
    ) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("error: the search failed: {e}");
            return ExitCode::from(1);
        }
    };
    if json {
        match serde_json::to_string_pretty(&hits) {
            Ok(s) => out!("{s}"),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(1);
            }
        }
        return ExitCode::SUCCESS;
    }
    let word = |key: String| doracak::theme::say(&ui, &key, &[]);
    if hits.is_empty() {
        out!("{}", word("search_none".into()));
    }
    for h in hits {
        let kind = word(format!("kind_{}", h.kind));
        out!("{:<28} {:<12} {}", h.id, kind, h.title);
        if !h.snippet.is_empty() {
            out!("    {}", emphasised(&h.snippet, &h.highlights));
        }
    }
    ExitCode::SUCCESS
}

/// A snippet with its matched words in bold on a terminal, plain when piped.
fn emphasised(snippet: &str, highlights: &[[usize; 2]]) -> String {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || highlights.is_empty() {
        return snippet.to_string();
    }
    let mut out = String::with_capacity(snippet.len() + highlights.len() * 8);
    let mut marks = highlights.iter().peekable();
    for (k, c) in snippet.chars().enumerate() {
        if marks.peek().is_some_and(|r| r[0] == k) {
            out.push_str("\x1b[1m");
        }
        out.push(c);
        if marks.peek().is_some_and(|r| r[1] == k + 1) {
            out.push_str("\x1b[0m");
            marks.next();
        }
    }
    out
}

fn report(
    root: &std::path::Path,
    file: &std::path::Path,
    out: Option<PathBuf>,
    since: Option<&std::path::Path>,
    site: Option<&std::path::Path>,
) -> ExitCode {
    let (hb, mut diags) = doracak::check(root);
    let Some(hb) = hb else {
        eprint!("{}", diags.report());
        return ExitCode::from(1);
    };
    let out = out.unwrap_or_else(|| file.with_extension("html"));
    let written = doracak::commands::report::report(
        root,
        &hb,
        file,
        since,
        &out,
        &doracak::commands::report::today(),
        &mut diags,
        site,
    );
    eprint!("{}", diags.report());
    match written {
        Some(p) => {
            out!("wrote {}", p.display());
            ExitCode::SUCCESS
        }
        None => ExitCode::from(1),
    }
}

fn aggregate(
    root: &std::path::Path,
    files: &[PathBuf],
    out: &std::path::Path,
    site: Option<&std::path::Path>,
) -> ExitCode {
    let (hb, mut diags) = doracak::check(root);
    let Some(hb) = hb else {
        eprint!("{}", diags.report());
        return ExitCode::from(1);
    };
    let written = doracak::commands::report::aggregate(root, &hb, files, out, &mut diags, site);
    wrote(written, &diags)
}

/// Report the problems, then the files a command wrote (none: it failed).
fn wrote(written: Option<Vec<PathBuf>>, diags: &doracak::diagnostics::Diagnostics) -> ExitCode {
    eprint!("{}", diags.report());
    match written {
        Some(paths) => {
            for p in paths {
                out!("wrote {}", p.display());
            }
            ExitCode::SUCCESS
        }
        None => ExitCode::from(1),
    }
}

fn training_report(
    root: &std::path::Path,
    files: &[PathBuf],
    out: &std::path::Path,
    months: Option<u32>,
    today: Option<String>,
) -> ExitCode {
    let today = today.unwrap_or_else(doracak::commands::report::today);
    if !doracak::assessment::is_date(&today) {
        eprintln!("error: --today: expected a date YYYY-MM-DD that exists, found {today:?}");
        return ExitCode::from(2);
    }
    let (hb, mut diags) = doracak::check(root);
    let Some(hb) = hb else {
        eprint!("{}", diags.report());
        return ExitCode::from(1);
    };
    let written = doracak::commands::training::training_report(
        root, &hb, files, out, &today, months, &mut diags,
    );
    wrote(written, &diags)
}

fn diff(
    root: &std::path::Path,
    old: &std::path::Path,
    out: &std::path::Path,
    json: bool,
) -> ExitCode {
    use doracak::commands::diff;
    let (hb, mut diags) = doracak::check(root);
    let previous = diff::load_previous(root, old, &mut diags);
    let (Some(hb), Some(previous)) = (hb, previous) else {
        eprint!("{}", diags.report());
        return ExitCode::from(1);
    };
    let ui = diff::strings(root, &hb);
    let d = diff::compare(&previous, &hb, &ui);
    if json {
        eprint!("{}", diags.report());
        return match serde_json::to_string_pretty(&d) {
            Ok(s) => {
                out!("{s}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(1)
            }
        };
    }
    let written = diff::write_page(root, &hb, &d, out, &mut diags);
    let code = wrote(written.map(|p| vec![p]), &diags);
    if code == ExitCode::SUCCESS {
        out!(
            "{} added, {} removed, {} renumbered or moved, {} changed",
            d.counts.added,
            d.counts.removed,
            d.counts.moved,
            d.counts.changed
        );
    }
    code
}

fn import_submissions(
    root: &std::path::Path,
    file: &std::path::Path,
    out: &std::path::Path,
) -> ExitCode {
    let (hb, mut diags) = doracak::check(root);
    let Some(hb) = hb else {
        eprint!("{}", diags.report());
        return ExitCode::from(1);
    };
    let theme = doracak::theme::Theme::load(root, &mut diags);
    let Some(ui) = doracak::pipeline::render::ui_strings(&theme, &hb.config, &mut diags) else {
        eprint!("{}", diags.report());
        return ExitCode::from(1);
    };
    let imported = doracak::commands::submissions::import(&hb, &ui, file, out, &mut diags);
    eprint!("{}", diags.report());
    let Some(imported) = imported else {
        return ExitCode::from(1);
    };
    for (row, path) in &imported.written {
        out!("wrote {} (row {row})", path.display());
    }
    for (row, path) in &imported.unchanged {
        out!(
            "unchanged {} (row {row}): imported before, the same",
            path.display()
        );
    }
    for (name, spellings) in &imported.merged {
        let spellings: Vec<String> = spellings.iter().map(|s| format!("\"{s}\"")).collect();
        out!(
            "centre \"{name}\": also written {}, counted as one centre",
            spellings.join(", ")
        );
    }
    out!(
        "submissions: {} written, {} unchanged, {} kept, {} skipped",
        imported.written.len(),
        imported.unchanged.len(),
        imported.kept.len(),
        imported.skipped.len()
    );
    if diags.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn synth(
    root: &std::path::Path,
    standards: usize,
    criteria: usize,
    seed: u64,
    out: &std::path::Path,
    mdbook: bool,
    assessments: Option<usize>,
) -> ExitCode {
    let (hb, diags) = doracak::check(root);
    let Some(hb) = hb else {
        eprint!("{}", diags.report());
        return ExitCode::from(1);
    };
    if let Some(n) = assessments {
        return match doracak::commands::synth::assessments(
            &hb,
            &doracak::interface_strings(root, &hb),
            n,
            seed,
            out,
        ) {
            Ok(k) => {
                out!("wrote {} ({k} assessment files)", out.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{}: error: cannot write: {e}", out.display());
                ExitCode::from(1)
            }
        };
    }
    let result = if mdbook {
        doracak::commands::synth::to_mdbook(&hb, out).map(|()| hb.standards.len())
    } else {
        doracak::commands::synth::generate(
            &hb,
            doracak::commands::synth::Spec {
                standards,
                criteria,
                seed,
            },
            out,
        )
    };
    match result {
        Ok(n) => {
            out!("wrote {} ({n} standards)", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", out.display());
            ExitCode::from(1)
        }
    }
}
