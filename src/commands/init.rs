//! `doracak init [DIR] [--language sq|en]`: a small, complete example handbook in that
//! language, which checks and builds at once; `--theme` writes the built-in theme (every
//! template, style, script and locale pack) for a designer or translator to start from.
//! Either way it writes only into a folder that is missing or empty.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

macro_rules! example {
    ($lang:literal: $($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("init/", $lang, "/", $path)))),*]
    };
}

/// The example handbooks, by language: (path inside the handbook, text).
const EXAMPLES: &[(&str, &[(&str, &str)])] = &[
    (
        "sq",
        example!["sq":
            "doracak.toml",
            "standards/01-pranimi.yaml",
            "standards/02-siguria.yaml",
            "content/sop/01-pranimi.yaml",
            "content/roles/drejtuesi.yaml",
            "content/roles/punonjesi-i-rastit.yaml",
            "content/forms.yaml",
            "content/glossary.yaml",
            "content/chapters/01-hyrje.md",
        ],
    ),
    (
        "en",
        example!["en":
            "doracak.toml",
            "standards/01-admission.yaml",
            "standards/02-safety.yaml",
            "content/sop/01-admission.yaml",
            "content/roles/manager.yaml",
            "content/roles/case-worker.yaml",
            "content/forms.yaml",
            "content/glossary.yaml",
            "content/chapters/01-introduction.md",
        ],
    ),
];

/// The languages `init` has an example for.
pub fn languages() -> Vec<&'static str> {
    EXAMPLES.iter().map(|(l, _)| *l).collect()
}

/// Why `init` wrote nothing.
#[derive(Debug)]
pub enum InitError {
    /// The folder exists and holds files.
    NotEmpty(PathBuf),
    /// No example in this language.
    Language(String),
    Io(PathBuf, io::Error),
}

impl std::fmt::Display for InitError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            InitError::NotEmpty(p) => write!(
                f,
                "{}: expected an empty or new folder, found one that holds files; nothing was written (choose another folder)",
                p.display()
            ),
            InitError::Language(l) => write!(
                f,
                "expected a language with an example handbook ({}), found \"{l}\"; for another language, start from `en` and see docs/translating.md",
                languages().join(", ")
            ),
            InitError::Io(p, e) => write!(f, "{}: cannot write: {e}", p.display()),
        }
    }
}

/// Write the example handbook in `language` into `dir`. Returns the files written.
pub fn handbook(dir: &Path, language: &str) -> Result<Vec<PathBuf>, InitError> {
    let files = EXAMPLES
        .iter()
        .find(|(l, _)| *l == language)
        .map(|(_, f)| *f)
        .ok_or_else(|| InitError::Language(language.to_string()))?;
    write_all(
        dir,
        files.iter().map(|(p, t)| (p.to_string(), t.as_bytes())),
    )
}

/// Write the built-in theme into `dir` (`templates/`, `static/`, `locales/`), as a
/// handbook's `theme/` folder takes it.
pub fn theme(dir: &Path) -> Result<Vec<PathBuf>, InitError> {
    write_all(
        dir,
        crate::theme::EMBEDDED
            .iter()
            .map(|(p, b)| (p.to_string(), *b)),
    )
}

fn write_all<'a>(
    dir: &Path,
    files: impl Iterator<Item = (String, &'a [u8])>,
) -> Result<Vec<PathBuf>, InitError> {
    // Judged and written where `.` and `..` lead, whether or not the folders they pass
    // through exist: `nothere/../myhb` is `myhb`.
    let shown = crate::pipeline::write::shown(dir);
    let target = crate::pipeline::write::normalise(dir);
    if fs::read_dir(&target).is_ok_and(|mut d| d.next().is_some()) {
        return Err(InitError::NotEmpty(PathBuf::from(shown)));
    }
    let mut written = Vec::new();
    for (rel, bytes) in files {
        let path = target.join(&rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| InitError::Io(parent.to_path_buf(), e))?;
        }
        // Never over a file: one that appeared since the check stops `init` there.
        let mut f = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| InitError::Io(path.clone(), e))?;
        io::Write::write_all(&mut f, bytes).map_err(|e| InitError::Io(path.clone(), e))?;
        written.push(dir.join(&rel));
    }
    Ok(written)
}
