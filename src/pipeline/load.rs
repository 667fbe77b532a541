//! Stage 1, load: find the handbook's YAML files and parse each into its `source` type.
//!
//! A file that cannot be read or parsed becomes a located diagnostic and is left out;
//! the other files still load, so one run reports every broken file.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::diagnostics::{Diagnostics, Pos, display_path};
use crate::pipeline::source::*;

mod invisible;
pub(crate) use invisible::warn_unseen_toml;
mod yaml_error;

use yaml_error::{describe_yaml_error, found_at};

/// Files larger than this are refused: no handbook file comes near it, and a huge file
/// is far more likely a mistake (or an attack) than content.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;
/// The hint of a handbook without standards: where doracak was run, or `--root`.
pub const ROOT_HINT: &str = "run doracak from the handbook's folder, or pass --root DIR";

/// One parsed file: where it came from (relative to the handbook root), the id its
/// name gives it (for procedures, roles and plans), and its content.
#[derive(Debug)]
pub struct Loaded<T> {
    pub path: PathBuf,
    pub slug: String,
    pub value: T,
}

/// Everything under `standards/` and `content/`, parsed but not yet checked.
#[derive(Debug, Default)]
pub struct Sources {
    pub standards: Vec<Loaded<StandardSrc>>,
    pub procedures: Vec<Loaded<ProcedureSrc>>,
    pub roles: Vec<Loaded<RoleSrc>>,
    pub plans: Vec<Loaded<PlanSrc>>,
    pub forms: Option<Loaded<FormsSrc>>,
    /// The printed forms, field by field (`content/forms/ID.yaml`).
    pub form_templates: Vec<Loaded<FormTemplateSrc>>,
    pub glossary: Option<Loaded<GlossarySrc>>,
    pub principles: Option<Loaded<PrinciplesSrc>>,
    /// The search's synonyms (`content/synonyms.yaml`).
    pub synonyms: Option<Loaded<SynonymsSrc>>,
    pub indicators: Option<Loaded<IndicatorsSrc>>,
    /// The chapters (`content/chapters/NN-slug.md`), in file-name order.
    pub chapters: Vec<Loaded<ChapterSrc>>,
    /// Every file read, for the watcher and for reporting.
    pub files: Vec<PathBuf>,
}

/// Load every content file below `root`.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Sources {
    let mut src = Sources::default();
    let mut loader = Loader { root, diags };

    let standards = loader.yaml_files("standards");
    if standards.is_empty() {
        loader
            .diags
            .error(
                Pos::file("standards/"),
                "expected the handbook's standards as YAML files in standards/, found none",
            )
            .hint(ROOT_HINT);
    }
    // The standards are most of a large handbook: parsed in parallel, each file with
    // its own diagnostics, merged back in file order.
    let parsed: Vec<(Option<StandardSrc>, Diagnostics)> = {
        use rayon::prelude::*;
        standards
            .par_iter()
            .map(|path| {
                let mut d = Diagnostics::new();
                let value = Loader {
                    root,
                    diags: &mut d,
                }
                .parse::<StandardSrc>(path);
                (value, d)
            })
            .collect()
    };
    for (path, (value, d)) in standards.into_iter().zip(parsed) {
        loader.diags.extend(d);
        if let Some(value) = value {
            src.standards.push(loader.loaded(path.clone(), value));
        }
        src.files.push(path);
    }
    loader.every_file("content/sop", &mut src.procedures, &mut src.files);
    loader.every_file("content/roles", &mut src.roles, &mut src.files);
    loader.every_file("content/plans", &mut src.plans, &mut src.files);
    loader.every_file("content/forms", &mut src.form_templates, &mut src.files);
    src.forms = loader.one_file("content/forms.yaml", &mut src.files);
    src.glossary = loader.one_file("content/glossary.yaml", &mut src.files);
    src.principles = loader.one_file("content/principles.yaml", &mut src.files);
    src.indicators = loader.one_file("content/indicators.yaml", &mut src.files);
    src.synonyms = loader.one_file("content/synonyms.yaml", &mut src.files);
    loader.chapters(&mut src.chapters, &mut src.files);
    loader.warn_strays();
    src
}

struct Loader<'a> {
    root: &'a Path,
    diags: &'a mut Diagnostics,
}

impl Loader<'_> {
    fn rel(&self, path: &Path) -> PathBuf {
        display_path(self.root, path)
    }

    fn loaded<T>(&self, path: PathBuf, value: T) -> Loaded<T> {
        let slug = slug_of(&path);
        Loaded {
            path: self.rel(&path),
            slug,
            value,
        }
    }

    /// Every YAML file directly inside `dir`, parsed as `T`, in file-name order.
    fn every_file<T: DeserializeOwned>(
        &mut self,
        dir: &str,
        out: &mut Vec<Loaded<T>>,
        files: &mut Vec<PathBuf>,
    ) {
        for path in self.yaml_files(dir) {
            if let Some(v) = self.parse::<T>(&path) {
                out.push(self.loaded(path.clone(), v));
            }
            files.push(path);
        }
    }

    /// The one file at `rel`, parsed as `T`, if there is one.
    fn one_file<T: DeserializeOwned>(
        &mut self,
        rel: &str,
        files: &mut Vec<PathBuf>,
    ) -> Option<Loaded<T>> {
        let path = self.root.join(rel);
        if std::fs::symlink_metadata(&path).is_err() {
            return None;
        }
        files.push(path.clone());
        let value = self.parse::<T>(&path)?;
        Some(self.loaded(path, value))
    }

    /// The `.yaml`/`.yml` files directly inside `dir`, sorted by name.
    fn yaml_files(&mut self, dir: &str) -> Vec<PathBuf> {
        let dir = self.root.join(dir);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return Vec::new();
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| is_yaml(p))
            .collect();
        files.sort();
        files
    }

    /// YAML files in `content/` that belong to no known kind are probably misplaced.
    fn warn_strays(&mut self) {
        let content = self.root.join("content");
        let Ok(entries) = std::fs::read_dir(&content) else {
            return;
        };
        let known = [
            "forms.yaml",
            "glossary.yaml",
            "principles.yaml",
            "indicators.yaml",
            "synonyms.yaml",
        ];
        let mut strays: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| is_yaml(p))
            .filter(|p| {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                !known.contains(&name)
            })
            .collect();
        strays.sort();
        for p in strays {
            let rel = self.rel(&p);
            self.diags
                .warning(
                    Pos::file(rel),
                    "this file is not part of the handbook and was not read",
                )
                .hint(format!(
                    "content/ holds {}, and the folders sop/, roles/, plans/, forms/ and chapters/",
                    known.join(", ")
                ));
        }
    }

    /// The chapters: every `.md` file directly inside `content/chapters/`, in file-name
    /// order, each a YAML front matter between `---` lines and Markdown after it.
    fn chapters(&mut self, out: &mut Vec<Loaded<ChapterSrc>>, files: &mut Vec<PathBuf>) {
        let dir = self.root.join("content/chapters");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return;
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("md"))
            .collect();
        paths.sort();
        for path in paths {
            files.push(path.clone());
            let rel = self.rel(&path);
            let Some(text) = self.read_text(&path, &rel) else {
                continue;
            };
            let Some((front, front_line, body, body_line)) =
                crate::pipeline::source::chapters::split_front_matter(&text)
            else {
                let first = text.lines().next().unwrap_or("").trim();
                self.diags
                    .error(
                        Pos::new(rel, 1, 1),
                        format!(
                            "expected a front matter (a line `---`, `title: …`, a line `---`), found {}",
                            if first.is_empty() { "nothing".to_string() } else { format!("`{first}`") }
                        ),
                    )
                    .hint("a chapter starts with its title between two `---` lines; see docs/content-format.md");
                continue;
            };
            // Blank lines before the front matter keep its positions the file's own.
            let padded = format!("{}{front}", "\n".repeat(front_line as usize - 1));
            if let Some(front) = self.parse_text::<ChapterFrontSrc>(&padded, &rel) {
                out.push(self.loaded(
                    path.clone(),
                    ChapterSrc {
                        front,
                        body: body.to_string(),
                        body_line,
                    },
                ));
            }
        }
    }

    /// Read and parse one file, reporting every way it can fail.
    fn parse<T: DeserializeOwned>(&mut self, path: &Path) -> Option<T> {
        let rel = self.rel(path);
        let text = self.read_text(path, &rel)?;
        self.parse_text(&text, &rel)
    }

    /// Parse the YAML text of the file `rel`.
    fn parse_text<T: DeserializeOwned>(&mut self, text: &str, rel: &Path) -> Option<T> {
        match serde_saphyr::from_str_with_options::<T>(text, yaml_options()) {
            Ok(v) => Some(v),
            Err(e) => {
                let (line, col) = e
                    .location()
                    .map(|l| (l.line() as u32, l.column() as u32))
                    .unwrap_or((1, 1));
                let (message, hint) = describe_yaml_error(&e, found_at(text, line, col));
                let d = self
                    .diags
                    .error(Pos::new(rel, line.max(1), col.max(1)), message);
                if let Some(h) = hint {
                    d.hint(h);
                }
                None
            }
        }
    }

    /// The file's text, if it is a regular file inside the handbook, of sane size, UTF-8 (one
    /// byte-order mark at its start dropped).
    fn read_text(&mut self, path: &Path, rel: &Path) -> Option<String> {
        let meta = match std::fs::symlink_metadata(path) {
            Ok(m) => m,
            Err(e) => {
                self.diags
                    .error(Pos::file(rel), format!("cannot read the file: {e}"));
                return None;
            }
        };
        // A link, or a file in a linked folder (`content/roles` → elsewhere), is read only
        // where it leads inside the handbook.
        let inside = std::fs::canonicalize(path)
            .ok()
            .zip(std::fs::canonicalize(self.root).ok())
            .is_some_and(|(target, root)| target.starts_with(root));
        if !inside && !meta.file_type().is_symlink() {
            self.diags
                .error(
                    Pos::file(rel),
                    "expected a file inside the handbook, found one in a folder that is a symbolic link to outside it",
                )
                .hint("copy the folder into the handbook instead of linking to it");
            return None;
        }
        if !inside {
            self.diags
                .error(
                    Pos::file(rel),
                    "expected a file inside the handbook, found a symbolic link that points outside it (or nowhere)",
                )
                .hint("copy the file into the handbook instead of linking to it");
            return None;
        }
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if size > MAX_FILE_BYTES {
            self.diags
                .error(
                    Pos::file(rel),
                    format!(
                        "expected a content file of at most {} MiB, found {:.1} MiB",
                        MAX_FILE_BYTES / (1024 * 1024),
                        size as f64 / (1024.0 * 1024.0)
                    ),
                )
                .hint("split the content into several files");
            return None;
        }
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                self.diags
                    .error(Pos::file(rel), format!("cannot read the file: {e}"));
                return None;
            }
        };
        // YAML allows a byte-order mark at the start of a stream (old Windows Notepad writes
        // one as "UTF-8"): it is dropped, and nothing else moves (a person's editor counts
        // columns from the first character it shows). One anywhere else is still refused.
        let mut bytes = bytes;
        if bytes.starts_with(b"\xEF\xBB\xBF") {
            bytes.drain(..3);
        }
        let text = decode_utf8(bytes, rel, self.diags)?;
        // Letters with their marks apart ("e" + U+0308, as some editors and PDF copies
        // write "ë") are the same text as composed ones: composed (NFC) here, so every
        // stage matches, quotes and blanks them alike (adversary 47, M-5).
        let text = match crate::text::nfc(&text) {
            std::borrow::Cow::Owned(composed) => composed,
            std::borrow::Cow::Borrowed(_) => text,
        };
        invisible::warn_unseen(&text, rel, self.diags);
        Some(text)
    }
}

/// UTF-8 without a byte-order mark, or a located error saying where it breaks.
pub fn decode_utf8(bytes: Vec<u8>, rel: &Path, diags: &mut Diagnostics) -> Option<String> {
    // UTF-16 says so by its byte-order mark (Notepad's "Unicode"): named, not taken for a
    // legacy 8-bit encoding.
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let order = if bytes[0] == 0xFF { "little" } else { "big" };
        diags
            .error(
                Pos::new(rel, 1, 1),
                format!(
                    "expected UTF-8 text, found UTF-16 ({order}-endian, by its byte-order mark)"
                ),
            )
            .hint("save the file as \"UTF-8\" (Notepad: Save as → Encoding: UTF-8)");
        return None;
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        diags
            .error(
                Pos::new(rel, 1, 1),
                "expected UTF-8 text without a byte-order mark, found a byte-order mark (BOM)",
            )
            .hint("save the file as \"UTF-8\" rather than \"UTF-8 with BOM\"");
        return None;
    }
    match String::from_utf8(bytes) {
        Ok(s) => Some(s),
        Err(e) => {
            let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
            let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let col = String::from_utf8_lossy(&good[line_start..]).chars().count() as u32 + 1;
            let bad = e.as_bytes()[good.len()];
            diags
                .error(
                    Pos::new(rel, line, col),
                    format!("expected UTF-8 text, found the byte 0x{bad:02X}, which is not valid UTF-8"),
                )
                .hint("the file was probably saved in another encoding (e.g. Windows-1250); save it as UTF-8");
            None
        }
    }
}

/// Parser settings: duplicate keys are errors, and anchors, aliases and nesting are bounded
/// so that a hostile file (a "billion laughs") fails fast instead of eating memory.
fn yaml_options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::Error,
        with_snippet: false,
        // YAML 1.2's booleans only: `yes`/`on` are text, refused where true or false is
        // expected (source/flag.rs).
        strict_booleans: true,
    }
}

fn is_yaml(p: &Path) -> bool {
    matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
}

/// `content/sop/02-identifikimi-formal.yaml` → `identifikimi-formal`: the numeric prefix
/// only orders the files.
pub fn slug_of(path: &Path) -> String {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    match stem.split_once('-') {
        Some((prefix, rest))
            if !prefix.is_empty() && prefix.bytes().all(|b| b.is_ascii_digit()) =>
        {
            rest.to_string()
        }
        _ => stem.to_string(),
    }
}
