//! The command line's arguments: the global options and every subcommand with its flags
//! (the binary's; `main.rs` dispatches them).

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "doracak",
    version,
    about = "Build an offline, searchable handbook website from YAML standards, procedures and roles."
)]
pub struct Cli {
    /// The handbook folder (holding doracak.toml, standards/ and content/).
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
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
        /// The built site whose mapping table maps an assessment of the previous edition
        /// (default: the configured output folder).
        #[arg(long, value_name = "DIR")]
        site: Option<PathBuf>,
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
        /// The built site whose mapping table maps assessments of the previous edition
        /// (default: the configured output folder).
        #[arg(long, value_name = "DIR")]
        site: Option<PathBuf>,
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
