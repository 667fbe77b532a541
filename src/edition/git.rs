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

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::diagnostics::{Diagnostics, Pos};
use crate::pipeline::model::Handbook;

mod temp;
mod tree;

use tree::materialise;

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

/// `git -C dir`, reading the repository that holds `dir` and nothing else: the variables
/// that point git at another repository, index or object store are removed; nothing is
/// fetched (a partial clone's missing objects are said missing, not downloaded), no
/// prompt, no lock, no fsmonitor or hook.
fn git(dir: &Path) -> Command {
    let mut c = Command::new("git");
    c.args([
        "-c",
        "core.fsmonitor=false",
        "-c",
        "core.hooksPath=/dev/null",
    ])
    .arg("-C")
    .arg(dir)
    .env("GIT_TERMINAL_PROMPT", "0")
    .env("GIT_OPTIONAL_LOCKS", "0")
    .env("GIT_NO_LAZY_FETCH", "1")
    .env("GIT_NO_REPLACE_OBJECTS", "1")
    .stdin(Stdio::null());
    for var in [
        "GIT_DIR",
        "GIT_WORK_TREE",
        "GIT_INDEX_FILE",
        "GIT_OBJECT_DIRECTORY",
        "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_COMMON_DIR",
        "GIT_NAMESPACE",
        "GIT_CONFIG_PARAMETERS",
        "GIT_CONFIG_COUNT",
    ] {
        c.env_remove(var);
    }
    c
}

/// Why a revision cannot be read: the sentence, and what to do about it (the hint that
/// fits the case: install git only where it is missing).
#[derive(Debug, Clone)]
pub struct Problem {
    pub message: String,
    pub hint: String,
}

impl Problem {
    pub(crate) fn new(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Problem {
            message: message.into(),
            hint: hint.into(),
        }
    }
}

/// Why a git command gave nothing.
enum Fail {
    /// The program `git` is not on PATH.
    Missing(String),
    /// git could not be run for another reason: a sentence for people.
    Said(String),
    /// git ran and refused: what it wrote.
    Git(String),
}

impl Fail {
    /// The problem for people; `refused` says a refusal.
    fn say(self, rev: &str, refused: impl FnOnce(String) -> Problem) -> Problem {
        match self {
            Fail::Missing(what) => Problem::new(missing_git(&what), install_hint(rev)),
            Fail::Said(s) => Problem::new(s, RUN_HINT),
            Fail::Git(e) => refused(e),
        }
    }
}

/// The hint where git is there but could not be run.
const RUN_HINT: &str = "check that git runs here: git --version";

/// Run `cmd`; its standard output.
fn run(mut cmd: Command, what: &str) -> Result<Vec<u8>, Fail> {
    let out = match cmd.output() {
        Ok(o) => o,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Fail::Missing(what.to_string()));
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

/// The hint where the program `git` is missing: install it, or do without it.
fn install_hint(rev: &str) -> String {
    format!(
        "install git (then: git --version), or on a machine with git check the revision out into a folder (git worktree add ../previous {rev}), copy that folder beside this handbook and name it instead: previous = \"../previous\""
    )
}

/// The hint where the revision names no commit of the repository.
fn unknown_hint() -> &'static str {
    "list the revisions there are with git tag, git branch -a or git log --oneline, and name one after \"git:\" (git:v2024, git:HEAD~3)"
}

/// The hint where the text after `git:` cannot be a revision.
fn syntax_hint() -> &'static str {
    "name a tag, branch or commit after \"git:\", as previous = \"git:v2024\" or doracak diff git:HEAD~3"
}

/// Whether `rev` can be a revision at all: not empty, not an option (`-…`), no space or
/// control character (no ref name holds one).
fn plain(rev: &str) -> bool {
    !rev.is_empty()
        && !rev.starts_with('-')
        && !rev.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Resolve `rev` in the repository holding the handbook at `root`.
pub fn resolve(root: &Path, rev: &str) -> Result<Revision, Problem> {
    let what = format!("the edition \"{PREFIX}{rev}\"");
    if !plain(rev) {
        return Err(Problem::new(
            format!(
                "expected a git revision after \"{PREFIX}\" (a tag, branch or commit), found {:?}",
                rev
            ),
            syntax_hint(),
        ));
    }
    let mut c = git(root);
    c.args(["rev-parse", "--show-toplevel", "--show-prefix"]);
    let out = run(c, &what).map_err(|f| {
        f.say(rev, |e| {
            Problem::new(
                format!(
                    "expected the handbook to be in a git repository to read {what}, found none at {} (git: {e})",
                    root.display()
                ),
                "name the previous edition's handbook folder instead (previous = \"../previous\"), or keep the handbook in a git repository (git init; git add .; git commit) and name one of its revisions",
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
        f.say(rev, |_| {
            // Something the revision names, but not a commit (a tag of a file, a tree)?
            let mut kind = git(root);
            kind.args(["cat-file", "-t", "--end-of-options", rev]);
            if let Ok(kind) = run(kind, &what) {
                let kind = String::from_utf8_lossy(&kind).trim().to_string();
                return Problem::new(
                    format!(
                        "expected {rev:?} to name a commit of the git repository at {}, found a {kind}",
                        top.display()
                    ),
                    format!(
                        "name a commit, or a tag or branch of one (git log --oneline lists commits; git cat-file -t {rev} says what it names)"
                    ),
                );
            }
            let mut shallow = git(root);
            shallow.args(["rev-parse", "--is-shallow-repository"]);
            let shallow = run(shallow, &what).is_ok_and(|o| o.starts_with(b"true"));
            Problem::new(
                format!(
                    "expected {rev:?} to name a commit of the git repository at {}, found none{}",
                    top.display(),
                    if shallow {
                        " (the repository is a shallow clone, which may lack it: git fetch --unshallow, or git fetch origin tag NAME)"
                    } else {
                        ""
                    }
                ),
                unknown_hint(),
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

/// Remove the temporary folders of earlier runs whose process is gone (one reading of the
/// temporary folder); every `build`, `diff` and `serve` does it as it starts.
pub fn sweep_stale() {
    temp::sweep_stale();
}

/// The edition at revision `rev` of the repository holding the handbook at `root`, checked
/// as any edition; its problems are said at `rev:path` (git's name for a file of a
/// revision: `git show v2024:standards/01.yaml`), and so are the paths their messages and
/// hints name. Err: why the revision cannot be read.
pub fn load(root: &Path, rev: &str) -> Result<(Option<Handbook>, Diagnostics), Problem> {
    let r = resolve(root, rev)?;
    temp::sweep_stale();
    let dir = tempfile::Builder::new()
        .prefix(&format!("{}{}-", temp::TEMP, std::process::id()))
        .tempdir()
        .map_err(|e| {
            Problem::new(
                format!(
                    "cannot read {rev}: expected a temporary folder that can be written ({}), found: {e}",
                    crate::diagnostics::temp_folder_named()
                ),
                "check that the temporary folder (TMPDIR) is there and can be written",
            )
        })?;
    let refused = materialise(&r, dir.path())?;
    let (hb, found) = crate::check_edition(dir.path());
    let mut diags = Diagnostics::new();
    let name = format!("{rev}:{}", r.prefix);
    for f in &refused {
        let pos = super::located::position(&Pos::file(&f.path), dir.path(), &name);
        let e = diags.error(pos, super::located::text(&f.message, dir.path(), &name));
        if let Some(h) = &f.hint {
            e.hint(super::located::text(h, dir.path(), &name));
        }
    }
    let hb = if refused.is_empty() { hb } else { None };
    super::located::relocate(&found, dir.path(), &name, &mut diags, true);
    Ok((hb, diags))
}
