//! An earlier edition read from a git revision of the handbook's own repository
//! (`previous = "git:v2024"`, `doracak diff git:v2024`).
//!
//! The revision's handbook files (`doracak.toml`, `standards/`, `content/`, `theme/`) are
//! read from git's object store with `git ls-tree` and `git cat-file --batch` into a
//! temporary folder outside the repository, checked there as any edition, and the folder is
//! removed. Nothing is checked out: the work tree, the index and HEAD are not touched.
//!
//! Why the `git` program and not a crate: a person who names a git revision works with git,
//! and the program reads every repository their git reads (worktrees, alternates, SHA-256,
//! packed refs) with the same revision syntax (`v2024`, `HEAD~3`, `origin/main`); the
//! library crates that do the same (gix) bring some sixty crates into the build. Where the
//! program is missing, the person is told so, and how to do without it.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};

use crate::diagnostics::{Diagnostics, Pos};
use crate::pipeline::model::Handbook;

/// How `previous` or `doracak diff`'s argument names a git revision.
pub const PREFIX: &str = "git:";

/// The revision named by `spec` (`git:REV`), if it names one.
pub fn revision(spec: &str) -> Option<&str> {
    spec.strip_prefix(PREFIX)
}

/// The top folders of a handbook that a check reads.
const PARTS: [&str; 4] = ["doracak.toml", "standards", "content", "theme"];

/// A revision of the repository holding a handbook, resolved.
#[derive(Debug, Clone)]
pub struct Revision {
    /// As the person wrote it.
    pub rev: String,
    /// The commit it names.
    pub commit: String,
    /// The repository's top folder.
    pub top: PathBuf,
    /// The handbook's folder inside the repository (`""` or `handbook/`).
    pub prefix: String,
}

impl Revision {
    /// `v2024 (1a2b3c4)`.
    pub fn describe(&self) -> String {
        format!(
            "{} ({})",
            self.rev,
            &self.commit[..self.commit.len().min(7)]
        )
    }
}

fn git(dir: &Path) -> Command {
    let mut c = Command::new("git");
    c.arg("-C")
        .arg(dir)
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_OPTIONAL_LOCKS", "0")
        .stdin(Stdio::null());
    c
}

/// Why a git command gave nothing.
enum Fail {
    /// git could not be run: a sentence for people.
    Said(String),
    /// git ran and refused: what it wrote.
    Git(String),
}

impl Fail {
    /// The sentence for people; `refused` says a refusal.
    fn say(self, refused: impl FnOnce(String) -> String) -> String {
        match self {
            Fail::Said(s) => s,
            Fail::Git(e) => refused(e),
        }
    }
}

/// Run `cmd`; its standard output.
fn run(mut cmd: Command, what: &str) -> Result<Vec<u8>, Fail> {
    let out = match cmd.output() {
        Ok(o) => o,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Fail::Said(missing_git(what)));
        }
        Err(e) => {
            return Err(Fail::Said(format!(
                "expected to run git to read {what}, found: {e}"
            )));
        }
    };
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(Fail::Git(
            String::from_utf8_lossy(&out.stderr).trim().to_string(),
        ))
    }
}

fn missing_git(what: &str) -> String {
    format!("expected the program `git` to read {what}, found none on PATH")
}

/// The hint beside every problem with a git revision: how to do without it.
pub fn hint(rev: &str) -> String {
    format!(
        "install git, or check the revision out into a folder (git worktree add ../previous {rev}) and name that folder instead"
    )
}

/// Resolve `rev` in the repository holding the handbook at `root`.
pub fn resolve(root: &Path, rev: &str) -> Result<Revision, String> {
    let what = format!("the edition \"{PREFIX}{rev}\"");
    if rev.trim().is_empty() || rev.starts_with('-') {
        return Err(format!(
            "expected a git revision after \"{PREFIX}\" (a tag, branch or commit), found {:?}",
            rev
        ));
    }
    let mut c = git(root);
    c.args(["rev-parse", "--show-toplevel", "--show-prefix"]);
    let out = run(c, &what).map_err(|f| {
        f.say(|e| {
            format!(
                "expected the handbook to be in a git repository to read {what}, found none at {} (git: {e})",
                root.display()
            )
        })
    })?;
    let text = String::from_utf8_lossy(&out);
    let mut lines = text.lines();
    let top = PathBuf::from(lines.next().unwrap_or_default());
    let prefix = lines.next().unwrap_or_default().to_string();
    let mut c = git(root);
    c.args(["rev-parse", "--verify", "--quiet", "--end-of-options"])
        .arg(format!("{rev}^{{commit}}"));
    let commit = run(c, &what).map_err(|f| {
        f.say(|_| {
            format!(
                "expected {rev:?} to name a commit of the git repository at {}, found none",
                top.display()
            )
        })
    })?;
    Ok(Revision {
        rev: rev.to_string(),
        commit: String::from_utf8_lossy(&commit).trim().to_string(),
        top,
        prefix,
    })
}

/// Write the handbook files of `r` into `dir` (an empty folder outside the repository).
fn materialise(r: &Revision, dir: &Path) -> Result<(), String> {
    let what = format!("the edition \"{PREFIX}{}\"", r.rev);
    let tree = format!("{}:{}", r.commit, r.prefix.trim_end_matches('/'));
    let mut c = git(&r.top);
    c.args(["ls-tree", "-r", "-z", "--end-of-options", &tree]);
    let listing = run(c, &what).map_err(|f| {
        f.say(|_| {
            format!(
                "expected the handbook folder {:?} in revision {}, found none",
                r.prefix,
                r.describe()
            )
        })
    })?;
    // "<mode> <type> <oid>\t<path>", NUL-terminated: the regular files of the handbook's parts.
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    for entry in listing.split(|b| *b == 0).filter(|e| !e.is_empty()) {
        let entry = String::from_utf8_lossy(entry);
        let Some((head, path)) = entry.split_once('\t') else {
            continue;
        };
        let mut head = head.split(' ');
        let (mode, kind, oid) = (head.next(), head.next(), head.next());
        let (Some(mode), Some("blob"), Some(oid)) = (mode, kind, oid) else {
            continue;
        };
        let rel = PathBuf::from(path);
        let safe = rel.components().all(|c| matches!(c, Component::Normal(_)));
        let part = rel.components().next().and_then(|c| c.as_os_str().to_str());
        if safe && mode.starts_with("100") && part.is_some_and(|p| PARTS.contains(&p)) {
            files.push((oid.to_string(), rel));
        }
    }
    if !files.iter().any(|(_, p)| p == Path::new("doracak.toml")) {
        return Err(format!(
            "expected a handbook (doracak.toml) in {:?} at revision {}, found none",
            if r.prefix.is_empty() {
                "."
            } else {
                r.prefix.as_str()
            },
            r.describe()
        ));
    }
    // One `git cat-file --batch` for all blobs: ids in, "<oid> blob <size>\n<bytes>\n" out.
    let mut c = git(&r.top);
    c.args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => missing_git(&what),
        _ => format!("expected to run git to read {what}, found: {e}"),
    })?;
    let ids: String = files.iter().map(|(oid, _)| format!("{oid}\n")).collect();
    let mut stdin = child.stdin.take().expect("piped");
    let writer = std::thread::spawn(move || stdin.write_all(ids.as_bytes()));
    let mut out = BufReader::new(child.stdout.take().expect("piped"));
    let mut result = Ok(());
    for (oid, rel) in &files {
        let mut head = String::new();
        if out.read_line(&mut head).unwrap_or(0) == 0 {
            result = Err(format!(
                "expected git to give the file {oid}, found nothing"
            ));
            break;
        }
        let size: Option<usize> = head.split_whitespace().nth(2).and_then(|s| s.parse().ok());
        let Some(size) = size else {
            result = Err(format!(
                "expected git to give the file {}, found {:?}",
                rel.display(),
                head.trim()
            ));
            break;
        };
        let mut bytes = vec![0; size + 1];
        if let Err(e) = out.read_exact(&mut bytes) {
            result = Err(format!("cannot read {} from git: {e}", rel.display()));
            break;
        }
        bytes.pop();
        let path = dir.join(rel);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|_| std::fs::write(&path, &bytes));
        if let Err(e) = written {
            result = Err(format!("cannot write {}: {e}", path.display()));
            break;
        }
    }
    drop(out);
    let _ = writer.join();
    let _ = child.wait();
    result
}

/// The edition at revision `rev` of the repository holding the handbook at `root`, checked
/// as any edition; its problems are said at `rev:path` (git's name for a file of a
/// revision: `git show v2024:standards/01.yaml`). Err: why the revision cannot be read.
pub fn load(root: &Path, rev: &str) -> Result<(Option<Handbook>, Diagnostics), String> {
    let r = resolve(root, rev)?;
    let dir = tempfile::Builder::new()
        .prefix("doracak-edition-")
        .tempdir()
        .map_err(|e| format!("cannot make a temporary folder for {rev}: {e}"))?;
    materialise(&r, dir.path())?;
    let (hb, found) = crate::check_edition(dir.path());
    let mut diags = Diagnostics::new();
    let located = |p: &Pos| {
        let rel = p.file.strip_prefix(dir.path()).unwrap_or(&p.file);
        let name = format!("{rev}:{}{}", r.prefix, rel.display());
        Pos::new(name, p.line, p.col)
    };
    for d in found.errors() {
        let e = diags.error(located(&d.pos), d.message.clone());
        if let Some(h) = &d.hint {
            e.hint(h.clone());
        }
    }
    for d in found.warnings() {
        let w = diags.warning(located(&d.pos), d.message.clone());
        if let Some(h) = &d.hint {
            w.hint(h.clone());
        }
    }
    Ok((hb, diags))
}
