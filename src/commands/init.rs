//! `doracak init [DIR] [--language sq|en]`: a small, complete example handbook in that
//! language, which checks and builds at once; for any other language (`fr`, `ar` …) the
//! English example in that language's name, its interface in English until a translator
//! fills the commented `theme/strings.toml` it writes beside it; `--theme` writes the built-in theme (every
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
    /// Something that is not a folder (a file, a link to one) is there.
    NotAFolder(PathBuf),
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
            InitError::NotAFolder(p) => write!(
                f,
                "{}: expected an empty or new folder, found a file; nothing was written (choose another folder)",
                p.display()
            ),
            InitError::Language(l) => write!(
                f,
                "expected a language code such as {} or fr, ar, sr-Latn, found \"{l}\"",
                languages().join(", ")
            ),
            InitError::Io(p, e) => write!(
                f,
                "{}: expected a place init can write, found an error: {e}",
                p.display()
            ),
        }
    }
}

/// Write the example handbook in `language` into `dir`. Returns the files written.
pub fn handbook(dir: &Path, language: &str) -> Result<Vec<PathBuf>, InitError> {
    if let Some((_, files)) = EXAMPLES.iter().find(|(l, _)| *l == language) {
        return write_all(
            dir,
            files.iter().map(|(p, t)| (p.to_string(), t.as_bytes())),
        );
    }
    let well_formed = language
        .parse::<icu_locale_core::LanguageIdentifier>()
        .is_ok_and(|l| l.to_string().eq_ignore_ascii_case(language) && !l.language.is_unknown());
    if !well_formed {
        return Err(InitError::Language(language.to_string()));
    }
    // The fallback language's example, in the new language's name.
    let (fallback, files) = EXAMPLES
        .iter()
        .find(|(l, _)| *l == "en")
        .expect("the English example is built in");
    let mut out: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|(p, t)| {
            let text = match *p {
                "doracak.toml" => t
                    .replacen(
                        &format!("the words of the interface come from the `{fallback}` locale pack, and\n# theme/strings.toml (if you add one) replaces any of them."),
                        &format!("the words of the interface come from theme/strings.toml,\n# written beside this file for a translation into `{language}`; a string it leaves out is\n# shown in the words of the `{fallback}` locale pack."),
                        1,
                    )
                    .replacen(
                    &format!("language = \"{fallback}\""),
                    &format!(
                        "language = \"{language}\"\n# Interface strings without a `{language}` text in theme/strings.toml are shown in\n# this language's words.\nfallback_language = \"{fallback}\""
                    ),
                    1,
                ),
                _ => t.to_string(),
            };
            (p.to_string(), text.into_bytes())
        })
        .collect();
    out.push((
        format!("theme/{}", crate::theme::STRINGS),
        strings_to_translate(language, fallback).into_bytes(),
    ));
    write_all(dir, out.iter().map(|(p, b)| (p.clone(), b.as_slice())))
}

/// The fallback's pack as a strings file for a translator: every line commented out (the
/// handbook checks and builds at once, in the fallback's words), and for every counted
/// message a line for each further CLDR form `language` has.
fn strings_to_translate(language: &str, fallback: &str) -> String {
    let pack = crate::theme::EMBEDDED
        .iter()
        .find(|(p, _)| *p == format!("locales/{fallback}.toml"))
        .and_then(|(_, b)| std::str::from_utf8(b).ok())
        .unwrap_or("");
    let categories = crate::plural::categories(language);
    let extra: Vec<&str> = categories
        .iter()
        .copied()
        .filter(|c| !matches!(*c, "one" | "other"))
        .collect();
    let mut out = format!(
        "# The interface in `{language}`: translate a line and remove its `#`; every line still\n\
         # commented is shown in `{fallback}`. `doracak check --verbose` lists them.\n\
         # Keep the names in braces ({{count}}, {{title}} …) as they are.\n\
         # Counted messages: the key itself is the `other` form; {language} also has {}.\n\n",
        categories
            .iter()
            .filter(|c| **c != "other")
            .map(|c| format!("`_{c}`"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut last_other = String::new();
    for line in pack.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        out.push_str("# ");
        out.push_str(line);
        out.push('\n');
        let Some((key, value)) = line.split_once(" = ") else {
            continue;
        };
        match key.strip_suffix("_one") {
            Some(base) => {
                for c in &extra {
                    out.push_str(&format!("# {base}_{c} = {last_other}\n"));
                }
            }
            None => last_other = value.to_string(),
        }
    }
    out
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
    if fs::metadata(&target).is_ok_and(|m| !m.is_dir()) {
        return Err(InitError::NotAFolder(PathBuf::from(shown)));
    }
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
