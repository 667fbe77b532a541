//! Problems found in a handbook, told to people.
//!
//! Every stage reports into a [`Diagnostics`] list instead of stopping at the first
//! problem, so an author sees all of them in one run. A diagnostic prints as
//! `path:line:col: error: what was expected, what was found`, with an optional hint.

use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a problem is: errors stop the build, warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// A place in a source file (1-based line and column; 0 when unknown).
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub file: PathBuf,
    pub line: u32,
    pub col: u32,
}

impl Pos {
    pub fn new(file: impl Into<PathBuf>, line: u32, col: u32) -> Self {
        Pos {
            file: file.into(),
            line,
            col,
        }
    }

    /// The start of a file (for problems with the file as a whole).
    pub fn file(file: impl Into<PathBuf>) -> Self {
        Pos::new(file, 0, 0)
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self.file.display().to_string().replace('\\', "/");
        if self.line == 0 {
            write!(f, "{file}")
        } else {
            write!(f, "{file}:{}:{}", self.line, self.col.max(1))
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub pos: Pos,
    pub message: String,
    pub hint: Option<String>,
    /// More than a person needs every time (the keys a count stands for): shown with
    /// `--verbose` only.
    pub detail: Option<String>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let pos = shown(&self.pos.to_string(), MAX_SHOWN);
        write!(f, "{pos}: {kind}: {}", shown(&self.message, MAX_SHOWN))?;
        if let Some(hint) = &self.hint {
            // A hint may be a few lines (a snippet of doracak.toml to add).
            let hint: Vec<String> = hint.split('\n').map(|l| shown(l, MAX_SHOWN)).collect();
            write!(f, "\n  = hint: {}", hint.join("\n"))?;
        }
        Ok(())
    }
}

/// The most characters of one message (or hint) a report shows: a value quoted from a file
/// may be megabytes long.
const MAX_SHOWN: usize = 1000;

/// `s` as a terminal shows it safely: a control character (an escape sequence, a carriage
/// return that would overwrite the line, a bell) or a bidirectional control (that reorders
/// what follows) written as its `\u{…}` escape, and a text longer than `limit` characters
/// cut in its middle, saying how much was left out.
pub fn shown(s: &str, limit: usize) -> String {
    let escape = |c: char| {
        if c.is_control()
            || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        {
            format!("\\u{{{:x}}}", c as u32)
        } else {
            c.to_string()
        }
    };
    let chars = s.chars().count();
    if chars <= limit {
        return s.chars().map(escape).collect();
    }
    let (head, tail) = (limit * 3 / 4, limit / 4);
    format!(
        "{} […{} characters left out…] {}",
        s.chars().take(head).map(escape).collect::<String>(),
        chars - head - tail,
        s.chars().skip(chars - tail).map(escape).collect::<String>()
    )
}

/// The problems collected so far, in the order they were found.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn error(&mut self, pos: Pos, message: impl Into<String>) -> &mut Diagnostic {
        self.push(Severity::Error, pos, message)
    }

    pub fn warning(&mut self, pos: Pos, message: impl Into<String>) -> &mut Diagnostic {
        self.push(Severity::Warning, pos, message)
    }

    fn push(
        &mut self,
        severity: Severity,
        pos: Pos,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.items.push(Diagnostic {
            severity,
            pos,
            message: message.into(),
            hint: None,
            detail: None,
        });
        self.items.last_mut().expect("just pushed")
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// Every hint that reads `old` now reads `new`.
    pub fn replace_hint(&mut self, old: &str, new: &str) {
        for d in &mut self.items {
            if d.hint.as_deref() == Some(old) {
                d.hint = Some(new.to_string());
            }
        }
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter().filter(|d| d.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Warning)
    }

    pub fn error_count(&self) -> usize {
        self.errors().count()
    }

    pub fn warning_count(&self) -> usize {
        self.warnings().count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Errors first, then warnings; each group in file and line order.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut v: Vec<&Diagnostic> = self.items.iter().collect();
        v.sort_by(|a, b| (a.severity, &a.pos).cmp(&(b.severity, &b.pos)));
        v
    }

    /// The report a person reads: every problem, then a one-line summary.
    pub fn report(&self) -> String {
        self.report_verbose(false)
    }

    /// The report, with each problem's details where `verbose`.
    pub fn report_verbose(&self, verbose: bool) -> String {
        let mut out = String::new();
        for d in self.sorted() {
            out.push_str(&d.to_string());
            out.push('\n');
            if let Some(detail) = d.detail.as_ref().filter(|_| verbose) {
                for line in detail.lines() {
                    out.push_str(&format!("  {line}\n"));
                }
            }
        }
        let (e, w) = (self.error_count(), self.warning_count());
        if e + w > 0 {
            out.push_str(&format!(
                "{e} {}, {w} {}\n",
                if e == 1 { "error" } else { "errors" },
                if w == 1 { "warning" } else { "warnings" }
            ));
        }
        out
    }
}

impl Diagnostic {
    pub fn hint(&mut self, hint: impl Into<String>) -> &mut Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn detail(&mut self, detail: impl Into<String>) -> &mut Self {
        self.detail = Some(detail.into());
        self
    }
}

/// A path shown relative to the handbook root when it lies inside it.
pub fn display_path(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}

/// The temporary folder as a person sets it: `TMPDIR=/x` where the variable is set, else
/// the folder used when it is not.
pub fn temp_folder_named() -> String {
    match std::env::var_os("TMPDIR") {
        Some(v) => format!("TMPDIR={}", v.to_string_lossy()),
        None => format!(
            "{} (TMPDIR is not set)",
            std::env::temp_dir().to_string_lossy()
        ),
    }
}

/// A workbook that could not be made: where its temporary file could not be made, the
/// temporary folder is named with the variable that chooses it (TMPDIR) and its value.
pub fn workbook_problem(e: &rust_xlsxwriter::XlsxError) -> String {
    match e {
        rust_xlsxwriter::XlsxError::TempFileError(_, io) => format!(
            "expected a temporary folder that can be written ({}), found: {io}",
            temp_folder_named()
        ),
        other => other.to_string(),
    }
}
