//! The theme: templates, styles, scripts and UI strings, embedded in the binary at compile
//! time. A handbook may override any file by putting one with the same path in its own
//! `theme/` folder, and may add static files under `theme/static/`.

use std::collections::BTreeMap;
use std::collections::HashMap;
use std::path::Path;

use crate::diagnostics::{Diagnostics, Pos};

pub mod strings;

macro_rules! embed {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_bytes!(concat!("../theme/", $path)) as &[u8])),*]
    };
}

/// The handbook's own strings, laid over the built-in pack key by key.
pub const STRINGS: &str = "strings.toml";
/// The complete pack: its keys are every string the interface has.
pub const REFERENCE: &str = "sq";

/// Every file of the built-in theme, by its path under `theme/`.
pub const EMBEDDED: &[(&str, &[u8])] = embed![
    "locales/sq.toml",
    "locales/en.toml",
    "locales/sr-Latn.toml",
    "settings.toml",
    "templates/doc.html",
    "templates/base.html",
    "templates/index.html",
    "templates/standard.html",
    "templates/criteria.html",
    "templates/print.html",
    "templates/parts.html",
    "templates/part-nav.html",
    "templates/macros.html",
    "templates/procedures.html",
    "templates/procedure.html",
    "templates/roles.html",
    "templates/role.html",
    "templates/forms.html",
    "templates/deadlines.html",
    "templates/glossary.html",
    "templates/principles.html",
    "templates/chapter.html",
    "templates/reference.html",
    "templates/indicators.html",
    "templates/plan.html",
    "templates/search.html",
    "templates/audit.html",
    "templates/assessment-macros.html",
    "templates/assessment-standard.html",
    "templates/assessment-overview.html",
    "templates/assessment-evidence.html",
    "templates/assessment-tracker.html",
    "templates/assessment-plan.html",
    "templates/assessment-compare.html",
    "templates/assessment-print.html",
    "templates/report.html",
    "templates/aggregate.html",
    "templates/form.html",
    "templates/form-macros.html",
    "templates/handout.html",
    "templates/trainer.html",
    "templates/quiz.html",
    "templates/quiz-key.html",
    "templates/training-records.html",
    "templates/training-report.html",
    "templates/diff-macros.html",
    "templates/diff.html",
    "templates/changes.html",
    "static/style.css",
    "static/print.css",
    "static/table-sort.js",
    "static/print-button.js",
    "static/deadlines-filter.js",
    "static/nav.js",
    "static/search-engine.js",
    "static/search.js",
    "static/assessment.css",
    "static/assessment-core.js",
    "static/site-storage.js",
    "static/assessment-store.js",
    "static/assessment-fields.js",
    "static/assessment-state.js",
    "static/assessment-draw.js",
    "static/assessment-files.js",
    "static/assessment.js",
    "static/assessment-charts.js",
    "static/assessment-compare.js",
    "static/assessment-editions.js",
    "static/assessment-aside.js",
    "static/assessment-tracker.js",
    "static/assessment-parts.js",
    "static/assessment-print-part.js",
    "static/assessment-standard-part.js",
    "static/assessment-split.css",
    "static/form.css",
    "static/form-fill.js",
    "static/form-draft.js",
    "static/quiz.css",
    "static/quiz.js",
    "static/training-store.js",
    "static/training-records.js",
];

/// The interface strings only the pages and scripts of a handbook above the split size use,
/// written into its `static/ui.js` only (the templates have every string).
pub const SPLIT_ONLY_KEYS: &[&str] = &[
    "assess_print_part_needs_js",
    "assess_standard_needs_js",
    "assess_standard_not_drawn",
    "ev_print_all",
    "ev_print_all_intro",
    "ev_load_all",
    "ev_print_loading",
    "ev_print_incomplete",
    "number_range",
];

/// The static files only a handbook above the split size uses (the theme's
/// `split_page_bytes`), written into its site only: the evidence tracker's contents page,
/// the contents pages' loader of the split catalogue's files, the printout's parts' drawer
/// and the standards' self-assessment pages' drawer.
pub const SPLIT_ONLY: &[&str] = &[
    "static/assessment-tracker.js",
    "static/assessment-parts.js",
    "static/assessment-print-part.js",
    "static/assessment-standard-part.js",
    "static/assessment-split.css",
];

/// The theme in effect for one build: embedded files with the handbook's overrides.
#[derive(Debug, Clone)]
pub struct Theme {
    pub files: BTreeMap<String, Vec<u8>>,
}

impl Theme {
    /// The built-in theme only.
    pub fn embedded() -> Theme {
        Theme {
            files: EMBEDDED
                .iter()
                .map(|(p, b)| (p.to_string(), b.to_vec()))
                .collect(),
        }
    }

    /// The built-in theme with the files of `root/theme/` laid over it.
    pub fn load(root: &Path, diags: &mut Diagnostics) -> Theme {
        let mut theme = Theme::embedded();
        let dir = root.join("theme");
        if !dir.is_dir() {
            return theme;
        }
        for entry in walkdir::WalkDir::new(&dir)
            .follow_links(false)
            .sort_by_file_name()
        {
            let Ok(entry) = entry else { continue };
            if entry.file_type().is_dir() {
                continue;
            }
            let rel = entry.path().strip_prefix(&dir).unwrap_or(entry.path());
            let key = rel.to_string_lossy().replace('\\', "/");
            let shown = Path::new("theme").join(rel);
            let known = theme.files.contains_key(&key)
                || key == STRINGS
                || key.starts_with("static/")
                || key.starts_with("templates/");
            if !known {
                continue;
            }
            if entry.path_is_symlink() {
                let inside = std::fs::canonicalize(entry.path())
                    .ok()
                    .zip(std::fs::canonicalize(root).ok())
                    .is_some_and(|(t, r)| t.starts_with(r));
                if !inside {
                    diags.error(
                        Pos::file(shown),
                        "expected a theme file inside the handbook, found a symbolic link that points outside it",
                    );
                    continue;
                }
            }
            match std::fs::read(entry.path()) {
                Ok(bytes) => {
                    // A pack of the handbook's own laid over a built-in one: read for what a
                    // reader cannot see, as `strings.toml` is (its encoding is said where
                    // the pack is read). One the same as the built-in pack is doracak's.
                    if key.starts_with("locales/")
                        && theme.files.get(&key) != Some(&bytes)
                        && let Ok(text) = std::str::from_utf8(&bytes)
                    {
                        let shown = format!("theme/{key}");
                        crate::pipeline::load::warn_unseen_toml(text, &shown, diags);
                    }
                    theme.files.insert(key, bytes);
                }
                Err(e) => {
                    diags.error(Pos::file(shown), format!("cannot read the theme file: {e}"));
                }
            }
        }
        theme
    }

    /// A built-in pack, parsed.
    pub fn pack(&self, language: &str, diags: &mut Diagnostics) -> Option<HashMap<String, String>> {
        let path = format!("locales/{language}.toml");
        let shown = format!("theme/{path}");
        // A pack the handbook laid over the built-in one in another encoding than UTF-8 is
        // a located error, not an empty pack.
        let text = match self.files.get(&path) {
            Some(bytes) => crate::pipeline::load::decode_utf8(
                bytes.clone(),
                std::path::Path::new(&shown),
                diags,
            )?,
            None => String::new(),
        };
        parse_strings(&text, &shown, diags)
    }

    pub fn text(&self, path: &str) -> Option<&str> {
        self.files
            .get(path)
            .and_then(|b| std::str::from_utf8(b).ok())
    }

    /// The templates, by name (`base.html`).
    pub fn templates(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files.iter().filter_map(|(k, v)| {
            k.strip_prefix("templates/")
                .map(|name| (name, v.as_slice()))
        })
    }

    /// The static files, by their path in the site (`static/style.css`); those only a
    /// handbook above the split size uses (`SPLIT_ONLY`) where `split`.
    pub fn statics(&self, split: bool) -> impl Iterator<Item = (&str, &[u8])> {
        self.files
            .iter()
            .filter(move |(k, _)| {
                k.starts_with("static/") && (split || !SPLIT_ONLY.contains(&k.as_str()))
            })
            .map(|(k, v)| (k.as_str(), v.as_slice()))
    }
}

/// A strings file (`key = "text"` lines) parsed, or a located error.
fn parse_strings<T: serde::de::DeserializeOwned>(
    text: &str,
    shown: &str,
    diags: &mut Diagnostics,
) -> Option<T> {
    match toml::from_str(text) {
        Ok(t) => Some(t),
        Err(e) => {
            let (line, col) = e
                .span()
                .map(|s| crate::config::line_col(text, s.start))
                .unwrap_or((1, 1));
            diags.error(
                Pos::new(shown, line, col),
                format!("expected `key = \"text\"` lines, {}", e.message()),
            );
            None
        }
    }
}

/// An interface string: `key`'s text in `ui` with its `{name}` placeholders filled from
/// `values`; the key itself where the strings have no such key.
pub fn say(ui: &HashMap<String, String>, key: &str, values: &[(&str, &str)]) -> String {
    let mut text = ui.get(key).cloned().unwrap_or_else(|| key.to_string());
    for (name, value) in values {
        fill(&mut text, name, value);
    }
    text
}

/// Every `{name}` of `text` replaced by `value` (as `str::replace` would, left to right);
/// `text` left as it is where it holds none. Messages are short and filled hundreds of
/// thousands of times: no pattern is formatted nor searcher made for it.
pub fn fill(text: &mut String, name: &str, value: &str) {
    let bytes = text.as_bytes();
    let at_name = |at: usize| {
        bytes[at + 1..].starts_with(name.as_bytes())
            && bytes.get(at + 1 + name.len()) == Some(&b'}')
    };
    let mut out: Option<String> = None;
    let (mut last, mut i) = (0, 0);
    while let Some(k) = memchr::memchr(b'{', &bytes[i..]) {
        let at = i + k;
        if at_name(at) {
            let o = out.get_or_insert_with(|| String::with_capacity(text.len() + value.len()));
            o.push_str(&text[last..at]);
            o.push_str(value);
            last = at + name.len() + 2;
            i = last;
        } else {
            i = at + 1;
        }
    }
    if let Some(mut o) = out {
        o.push_str(&text[last..]);
        *text = o;
    }
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn fill_replaces_as_str_replace_does() {
        let texts = [
            "{label}: {value}",
            "{a}{a} {{a}} {a {a}} a} {ab} {a",
            "",
            "no braces at all",
            "{}{}",
            "ë{a}ç{a}",
        ];
        for t in texts {
            for name in ["a", "label", "value", "", "ab"] {
                for value in ["", "x", "{a}", "<b>ë</b>"] {
                    let mut filled = t.to_string();
                    fill(&mut filled, name, value);
                    assert_eq!(
                        filled,
                        t.replace(&format!("{{{name}}}"), value),
                        "{t} {name} {value}"
                    );
                }
            }
        }
    }
}
