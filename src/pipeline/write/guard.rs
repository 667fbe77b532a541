//! The output guard: whether a site may be written at a path. Only a missing or empty
//! folder, or a site doracak built, may be replaced; the handbook and its sources never.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use super::{MARKER, MARKER_HEAD};

/// Why an output folder was refused: what, where, and how to proceed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub message: String,
    pub hint: String,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Refusal {}

/// What is at the output path now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Existing {
    /// Nothing, or an empty folder.
    Nothing,
    /// A site doracak built; the files it wrote.
    Site(Vec<String>),
    /// A site built by a doracak from before the marker: every file is presumed ours only
    /// where the new site writes the same path.
    OlderSite,
}

impl Existing {
    /// Whether `now` is what the guard saw (for a site: the same list of files).
    pub fn same_kind(&self, now: &Existing) -> bool {
        self == now
    }

    /// What it is, in a few words for a message.
    pub fn describe(&self) -> String {
        match self {
            Existing::Nothing => "empty or missing".into(),
            Existing::Site(list) => format!("a doracak site of {} files", list.len()),
            Existing::OlderSite => "a site of an older doracak".into(),
        }
    }
}

/// Decide whether the site may be written at `out` for the handbook at `root`.
/// `out` need not exist. A symbolic link is judged by what it points to.
pub fn guard(root: &Path, out: &Path) -> Result<Existing, Refusal> {
    position(root, out)?;
    contents(out)
}

/// How a path is named in a message: as given, and where it holds `.` or `..`, the folder
/// it comes to.
pub fn shown(out: &Path) -> String {
    let dotted = out
        .components()
        .any(|c| matches!(c, Component::CurDir | Component::ParentDir));
    if dotted {
        format!("{} (that is, {})", out.display(), resolve(out).display())
    } else {
        out.display().to_string()
    }
}

fn through_link(out: &Path, resolved: &Path) -> String {
    if resolved != out && fs::symlink_metadata(out).is_ok_and(|m| m.is_symlink()) {
        format!(" (through the link {})", out.display())
    } else {
        String::new()
    }
}

/// The first half of the guard, which needs nothing on disk: the output is not the
/// handbook, does not hold it, is not a home folder and is not inside its sources.
pub fn position(root: &Path, out: &Path) -> Result<(), Refusal> {
    place(root, out, true)
}

/// The same for a folder files are written into, beside what is there (`report`,
/// `aggregate`, …): the files do not replace the folder, so the handbook's own folder, a
/// home folder and a folder holding the handbook are places a person may keep a report in
/// (only `/` and the sources are refused; a file a person has there is never replaced,
/// `commands::output`).
pub fn files_position(root: &Path, out: &Path) -> Result<(), Refusal> {
    place(root, out, false)
}

/// `whole`: the output replaces the folder (a site), so one holding the handbook is refused.
fn place(root: &Path, out: &Path, whole: bool) -> Result<(), Refusal> {
    let root = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let resolved = resolve(out);
    let via = through_link(out, &resolved);
    if resolved == root && whole {
        return Err(Refusal {
            message: format!(
                "expected an output folder of its own, found the handbook's own folder {}{via}",
                root.display()
            ),
            hint: "build into a folder of its own, such as site/ (the default); doracak never \
                   replaces the handbook"
                .into(),
        });
    }
    if root.starts_with(&resolved) && (whole || resolved.parent().is_none()) {
        return Err(Refusal {
            message: format!(
                "expected an output folder outside the handbook, found {}{via}, which holds the handbook",
                resolved.display()
            ),
            hint: "build into a folder of its own, such as site/ (the default)".into(),
        });
    }
    // A home folder holds a person's own files: never an output folder, wherever the
    // handbook is.
    let home = std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(|h| fs::canonicalize(&h).unwrap_or_else(|_| PathBuf::from(h)));
    if let Some(home) = home.filter(|h| whole && *h == resolved) {
        return Err(Refusal {
            message: format!(
                "expected an output folder of its own, found the home folder {}{via}",
                home.display()
            ),
            hint: "build into a folder of its own, such as site/ (the default)".into(),
        });
    }
    for src in ["standards", "content", "theme"] {
        let dir = root.join(src);
        if resolved.starts_with(&dir) {
            return Err(Refusal {
                message: format!(
                    "expected an output folder apart from the handbook's sources, found {}{via} inside {src}/",
                    resolved.display()
                ),
                hint: "build into a folder of its own, such as site/ (the default); doracak \
                       never writes into standards/, content/ or theme/"
                    .into(),
            });
        }
    }
    Ok(())
}

/// The second half of the guard: what is at the output now.
pub fn contents(out: &Path) -> Result<Existing, Refusal> {
    let resolved = resolve(out);
    let via = through_link(out, &resolved);
    let shown = shown(out);
    let meta = match fs::metadata(&resolved) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Existing::Nothing),
        Err(e) => {
            return Err(Refusal {
                message: format!("cannot look at the output folder {shown}: {e}"),
                hint: "check that the folder is readable, or choose another with --out DIR".into(),
            });
        }
    };
    if !meta.is_dir() {
        return Err(Refusal {
            message: format!("expected an output folder, found a file at {shown}{via}"),
            hint: "choose another place with --out DIR; doracak never replaces a file".into(),
        });
    }
    if let Some(list) = read_marker(&resolved) {
        return Ok(Existing::Site(list));
    }
    let entries: Vec<String> = match fs::read_dir(&resolved) {
        Ok(rd) => rd
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect(),
        Err(e) => {
            return Err(Refusal {
                message: format!("cannot read the output folder {shown}: {e}"),
                hint: "check that the folder is readable, or choose another with --out DIR".into(),
            });
        }
    };
    if entries.is_empty() {
        return Ok(Existing::Nothing);
    }
    if is_older_site(&resolved) {
        return Ok(Existing::OlderSite);
    }
    let mut names = entries;
    names.sort();
    let sample = names
        .iter()
        .take(3)
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let more = match names.len() {
        n if n > 3 => format!(" and {} more", n - 3),
        _ => String::new(),
    };
    Err(Refusal {
        message: format!(
            "expected an empty folder or a site doracak built, found {shown}{via} holding files doracak did not write ({sample}{more})"
        ),
        hint: format!(
            "nothing was touched; doracak replaces only empty folders and its own sites (they \
             carry {MARKER}): choose another folder with --out DIR, or move these files away"
        ),
    })
}

/// The path a site at `out` really goes to: a symbolic link (at `out` or above it) is
/// followed, and a path that does not exist yet is resolved through its parent.
///
/// `.` and `..` are resolved first, by the path's words against the current folder
/// ([`normalise`]): `nothere/../docs` is `docs`, whether or not `nothere` exists, so the
/// guard judges the folder that is then written.
pub fn resolve(out: &Path) -> PathBuf {
    let abs = normalise(out);
    if let Ok(p) = fs::canonicalize(&abs) {
        return p;
    }
    match (abs.parent(), abs.file_name()) {
        (Some(parent), Some(name)) => resolve(parent).join(name),
        _ => abs,
    }
}

/// `path` made absolute against the current folder, with `.` dropped and each `..` taking
/// away the word before it (never above the root).
pub fn normalise(path: &Path) -> PathBuf {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().map_or_else(|_| path.to_path_buf(), |d| d.join(path))
    };
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// The files a marked site lists, or `None` where there is no marker.
pub(super) fn read_marker(dir: &Path) -> Option<Vec<String>> {
    let text = fs::read_to_string(dir.join(MARKER)).ok()?;
    let mut lines = text.lines();
    (lines.next()? == MARKER_HEAD).then(|| lines.map(String::from).collect())
}

/// A site written by doracak before sites carried the marker: its search index and
/// assessment catalogue say who made them.
fn is_older_site(dir: &Path) -> bool {
    let starts = |rel: &str, head: &str| {
        use io::Read;
        let mut buf = [0u8; 80];
        fs::File::open(dir.join(rel))
            .and_then(|mut f| f.read(&mut buf))
            .is_ok_and(|n| buf[..n].starts_with(head.as_bytes()))
    };
    dir.join("index.html").is_file()
        && dir.join("catalog.json").is_file()
        && starts("vleresim/catalog.js", "// Generated by doracak")
}
