//! The `doracak` command line. Exit status: 0 success, 1 content or input errors,
//! 2 usage errors.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "doracak",
    version,
    about = "Build an offline, searchable handbook website from YAML standards, procedures and roles."
)]
struct Cli {
    /// The handbook folder (holding doracak.toml, standards/ and content/).
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    root: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check the content, then write the site (default: site/).
    Build {
        /// Write the site here instead of the configured output folder.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Load and validate the content only; report every problem.
    Check {
        /// Also list what a warning counts (the interface strings shown in the fallback
        /// language).
        #[arg(long)]
        verbose: bool,
    },
    /// Search the handbook from the terminal, as the site's search box does.
    Search {
        /// The words to look for (diacritics optional: "deshmi penaliteti").
        #[arg(required = true)]
        query: Vec<String>,
        /// Print the results as JSON.
        #[arg(long)]
        json: bool,
        /// At most this many results.
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
    /// Write a printable HTML report of one exported self-assessment.
    Report {
        /// The assessment file (JSON, as exported from the site).
        file: PathBuf,
        /// Where to write the report (default: the file's name with .html).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// An earlier assessment of the same centre: the report then shows what changed.
        #[arg(long, value_name = "OLD.json")]
        since: Option<PathBuf>,
        /// Replace a file at the output path even if doracak did not write it, or it was
        /// changed since (docs/output.md).
        #[arg(long)]
        force: bool,
    },
    /// Compare several centres' exported self-assessments (HTML and CSV).
    Aggregate {
        /// The assessment files (JSON).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The folder to write the comparison into (krahasimi.html and krahasimi.csv, named in
        /// the handbook's language).
        #[arg(long, value_name = "DIR", default_value = ".")]
        out: PathBuf,
        /// Replace a file at the output path even if doracak did not write it, or it was
        /// changed since (docs/output.md).
        #[arg(long)]
        force: bool,
    },
    /// The staff training roster (HTML and CSV) from training files exported by the site's
    /// training records page: who was trained on what, on which edition, who is due a refresher.
    TrainingReport {
        /// The training files (JSON, as exported from the site).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The folder to write the roster into (regjistri-i-trajnimit.html and .csv, named in
        /// the handbook's language).
        #[arg(long, value_name = "DIR", default_value = ".")]
        out: PathBuf,
        /// After how many months a refresher is due (default: `refresher_months` in
        /// doracak.toml, else 12).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        refresher_months: Option<u32>,
        /// The date the roster is made on, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "DATE")]
        today: Option<String>,
        /// Replace a file at the output path even if doracak did not write it, or it was
        /// changed since (docs/output.md).
        #[arg(long)]
        force: bool,
    },
    /// What changed from an earlier edition of this handbook: every standard, criterion,
    /// evidence item, guidance note, procedure, step, timing, role and form added, removed,
    /// renumbered or changed. One printable HTML page (ndryshimet.html, named in the
    /// handbook's language), or JSON (docs/editions.md).
    Diff {
        /// The earlier edition's handbook folder, or `git:REVISION` (a tag, branch or
        /// commit of the repository holding this handbook, read without checking it out).
        #[arg(value_name = "OLD_ROOT")]
        old: PathBuf,
        /// The folder to write the page into.
        #[arg(long, value_name = "DIR", default_value = ".")]
        out: PathBuf,
        /// Print the differences as JSON instead of writing the page.
        #[arg(long)]
        json: bool,
        /// Replace a file at the output path even if doracak did not write it, or it was
        /// changed since (docs/output.md).
        #[arg(long)]
        force: bool,
    },
    /// Turn the data export of the audit form (KoboToolbox, ODK Central) into assessment files.
    ImportSubmissions {
        /// The export: CSV (comma or semicolon) or XLSX, headed by the form's question names.
        file: PathBuf,
        /// The folder to write one assessment JSON per submission into.
        #[arg(long, value_name = "DIR", default_value = ".")]
        out: PathBuf,
    },
    /// Generate a synthetic handbook (for benchmarks), its text sampled from this one.
    #[command(hide = true)]
    Synth {
        /// How many standards.
        #[arg(long, default_value_t = 10)]
        standards: usize,
        /// How many criteria per standard.
        #[arg(long, default_value_t = 66)]
        criteria: usize,
        /// The seed: the same seed gives the same handbook.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where to write the handbook.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Instead, write this handbook's text as an mdBook into --out.
        #[arg(long)]
        mdbook: bool,
        /// Instead, write this many centres' assessment files of this handbook into --out
        /// (the first three centres also assessed in the two years before).
        #[arg(long, value_name = "N")]
        assessments: Option<usize>,
        /// Write into --out even if it holds files.
        #[arg(long)]
        force: bool,
    },
    /// Start a new handbook: write a small, complete example that checks and builds at once.
    Init {
        /// The folder to write it into (missing or empty; default: the current folder).
        #[arg(value_name = "DIR", default_value = ".")]
        dir: PathBuf,
        /// The language of the example and of its interface: sq or en, or any other language
        /// code (fr, ar, sr-Latn …) for the fallback language's example with a strings file
        /// to translate.
        #[arg(long, default_value = "sq", value_name = "LANG")]
        language: String,
        /// Instead, write the built-in theme (templates, styles, scripts, locale packs) into
        /// DIR, to change the design or translate the interface.
        #[arg(long)]
        theme: bool,
    },
    /// Build, serve the site on 127.0.0.1, rebuild and reload on every change.
    Serve {
        /// The port to listen on.
        #[arg(long, default_value_t = 3000)]
        port: u16,
        /// Write the site here instead of the configured output folder.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
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
            force,
        } => {
            doracak::commands::output::set_force(force);
            report(&cli.root, &file, out, since.as_deref())
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
        Command::Aggregate { files, out, force } => {
            doracak::commands::output::set_force(force);
            aggregate(&cli.root, &files, &out)
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
            println!(
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
            println!(
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
            println!(
                "wrote {} into {}",
                count(files.len(), "file", "files"),
                dir.display()
            );
            if !theme {
                println!(
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
            println!(
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
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(1);
            }
        }
        return ExitCode::SUCCESS;
    }
    let word = |key: String| doracak::theme::say(&ui, &key, &[]);
    if hits.is_empty() {
        println!("{}", word("search_none".into()));
    }
    for h in hits {
        let kind = word(format!("kind_{}", h.kind));
        println!("{:<28} {:<12} {}", h.id, kind, h.title);
        if !h.snippet.is_empty() {
            println!("    {}", emphasised(&h.snippet, &h.highlights));
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
    );
    eprint!("{}", diags.report());
    match written {
        Some(p) => {
            println!("wrote {}", p.display());
            ExitCode::SUCCESS
        }
        None => ExitCode::from(1),
    }
}

fn aggregate(root: &std::path::Path, files: &[PathBuf], out: &std::path::Path) -> ExitCode {
    let (hb, mut diags) = doracak::check(root);
    let Some(hb) = hb else {
        eprint!("{}", diags.report());
        return ExitCode::from(1);
    };
    let written = doracak::commands::report::aggregate(root, &hb, files, out, &mut diags);
    wrote(written, &diags)
}

/// Report the problems, then the files a command wrote (none: it failed).
fn wrote(written: Option<Vec<PathBuf>>, diags: &doracak::diagnostics::Diagnostics) -> ExitCode {
    eprint!("{}", diags.report());
    match written {
        Some(paths) => {
            for p in paths {
                println!("wrote {}", p.display());
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
                println!("{s}");
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
        println!(
            "{} added, {} removed, {} renumbered or moved, {} changed",
            d.counts.added, d.counts.removed, d.counts.moved, d.counts.changed
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
        println!("wrote {} (row {row})", path.display());
    }
    for (row, path) in &imported.unchanged {
        println!(
            "unchanged {} (row {row}): imported before, the same",
            path.display()
        );
    }
    for (name, spellings) in &imported.merged {
        let spellings: Vec<String> = spellings.iter().map(|s| format!("\"{s}\"")).collect();
        println!(
            "centre \"{name}\": also written {}, counted as one centre",
            spellings.join(", ")
        );
    }
    println!(
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
        return match doracak::commands::synth::assessments(&hb, n, seed, out) {
            Ok(k) => {
                println!("wrote {} ({k} assessment files)", out.display());
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
            println!("wrote {} ({n} standards)", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", out.display());
            ExitCode::from(1)
        }
    }
}
