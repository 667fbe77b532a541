//! A revision's handbook files, read out of git's objects into a folder: `git ls-tree` for
//! what is there (with sizes, so a huge file is never read), `git cat-file --batch` for the
//! bytes. Links are followed only inside the handbook; submodules, paths that are not plain
//! and files over the loader's size are refused, each said at its path.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::process::Stdio;

use super::{PARTS, PREFIX, Problem, RUN_HINT, Revision, git, install_hint, missing_git, run};

/// The largest file of a revision read: the loader's limit for content files
/// (`standards/`, `content/`, `doracak.toml`), and more for the theme's.
fn largest(rel: &Path) -> u64 {
    let max = crate::pipeline::load::MAX_FILE_BYTES;
    if rel.starts_with("theme") {
        8 * max
    } else {
        max
    }
}

/// A file of the revision that cannot be read as it is: its path in the revision, and why.
pub struct Refused {
    pub path: PathBuf,
    pub message: String,
    pub hint: Option<String>,
}

/// The path of a tree entry, as git gives it (bytes: any name git can hold).
fn entry_path(bytes: &[u8]) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
    }
}

/// Where a symbolic link at `rel` with target `target` leads, inside the handbook; none
/// when it leaves it.
fn link_target(rel: &Path, target: &[u8]) -> Option<PathBuf> {
    let target = entry_path(target);
    if target.is_absolute() {
        return None;
    }
    let mut out = rel.parent().map(Path::to_path_buf).unwrap_or_default();
    for c in target.components() {
        match c {
            Component::Normal(p) => out.push(p),
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            _ => return None,
        }
    }
    Some(out)
}

/// One `git cat-file --batch` for `oids`: ids in, "<oid> blob <size>\n<bytes>\n" out; each
/// blob is handed to `put` with its index.
fn read_blobs(
    r: &Revision,
    what: &str,
    oids: &[&str],
    put: &mut dyn FnMut(usize, Vec<u8>) -> Result<(), Problem>,
) -> Result<(), Problem> {
    let mut c = git(&r.top);
    c.args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Problem::new(missing_git(what), install_hint(&r.rev)),
        _ => Problem::new(
            format!("expected to run git to read {what}, found: {e}"),
            RUN_HINT,
        ),
    })?;
    let ids: String = oids.iter().map(|oid| format!("{oid}\n")).collect();
    let mut stdin = child.stdin.take().expect("piped");
    let writer = std::thread::spawn(move || stdin.write_all(ids.as_bytes()));
    let mut out = BufReader::new(child.stdout.take().expect("piped"));
    let mut result = Ok(());
    for (i, oid) in oids.iter().enumerate() {
        let mut head = String::new();
        if out.read_line(&mut head).unwrap_or(0) == 0 {
            result = Err(Problem::new(
                format!("expected git to give the object {oid} of {what}, found nothing"),
                FSCK_HINT,
            ));
            break;
        }
        let size: Option<usize> = head.split_whitespace().nth(2).and_then(|s| s.parse().ok());
        let Some(size) = size else {
            result = Err(Problem::new(
                format!(
                    "expected the object {oid} of revision {} in the repository, found it missing",
                    r.describe()
                ),
                FSCK_HINT,
            ));
            break;
        };
        let mut bytes = vec![0; size + 1];
        if let Err(e) = out.read_exact(&mut bytes) {
            result = Err(Problem::new(
                format!("expected git to give the object {oid}, found: {e}"),
                FSCK_HINT,
            ));
            break;
        }
        bytes.pop();
        if let Err(e) = put(i, bytes) {
            result = Err(e);
            break;
        }
    }
    drop(out);
    let _ = writer.join();
    let _ = child.kill();
    let _ = child.wait();
    result
}

/// The hint where git cannot give an object the repository should hold.
const FSCK_HINT: &str = "check the repository with git fsck, or check the revision out into a folder (git worktree add ../previous REV) and name that folder";

fn missing_object(r: &Revision, rel: &Path, oid: &str) -> Problem {
    Problem::new(
        format!(
            "expected the file {} of revision {} in the repository, found its object {oid} missing (a partial clone holds only what was fetched, and doracak does not go to the network: git fetch origin, then again)",
            rel.display(),
            r.describe()
        ),
        format!(
            "git fetch origin, then again; or check the revision out into a folder (git worktree add ../previous {}) and name that folder",
            r.rev
        ),
    )
}

/// Write the handbook files of `r` into `dir` (an empty folder outside the repository).
/// Entries that cannot be read as they are (a link leaving the handbook, a submodule, a
/// file over the size limit, a path that is not plain) are not read and said in the list.
pub(super) fn materialise(r: &Revision, dir: &Path) -> Result<Vec<Refused>, Problem> {
    let what = format!("the edition \"{PREFIX}{}\"", r.rev);
    let tree = format!("{}:{}", r.commit, r.prefix.trim_end_matches('/'));
    let mut c = git(&r.top);
    c.args(["ls-tree", "-r", "-l", "-z", "--end-of-options", &tree]);
    let listing = run(c, &what).map_err(|f| {
        f.say(&r.rev, |_| {
            Problem::new(
                format!(
                    "expected the handbook folder {:?} in revision {}, found none (is the handbook tracked in this repository?)",
                    r.prefix,
                    r.describe()
                ),
                format!(
                    "see what the revision holds with git ls-tree --name-only {} and when the handbook was first committed with git log --oneline -- {}",
                    r.rev,
                    if r.prefix.is_empty() { "." } else { r.prefix.as_str() }
                ),
            )
        })
    })?;
    // "<mode> <type> <oid> <size>\t<path>", NUL-terminated: the handbook's parts.
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    let mut links: Vec<(String, PathBuf)> = Vec::new();
    let mut refused = Vec::new();
    for entry in listing.split(|b| *b == 0).filter(|e| !e.is_empty()) {
        let Some(tab) = entry.iter().position(|b| *b == b'\t') else {
            continue;
        };
        let head = String::from_utf8_lossy(&entry[..tab]);
        let rel = entry_path(&entry[tab + 1..]);
        let part = rel.components().next().and_then(|c| c.as_os_str().to_str());
        if !part.is_some_and(|p| PARTS.contains(&p)) {
            continue;
        }
        let mut head = head.split_whitespace();
        let (mode, kind, oid, size) = (head.next(), head.next(), head.next(), head.next());
        let (Some(mode), Some(kind), Some(oid)) = (mode, kind, oid) else {
            continue;
        };
        let mut refuse = |message: String, hint: Option<&str>| {
            refused.push(Refused {
                path: rel.clone(),
                message,
                hint: hint.map(str::to_string),
            })
        };
        if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
            refuse(
                "expected a plain path inside the handbook, found one with `..` or a root; not read".into(),
                None,
            );
            continue;
        }
        match (mode, kind) {
            ("160000", _) | (_, "commit") => refuse(
                format!(
                    "expected a file or a folder, found a submodule (commit {oid}); a revision's submodules are not read"
                ),
                Some(
                    "check the revision out into a folder with its submodules (git worktree add ../previous REV; git submodule update) and name that folder",
                ),
            ),
            ("120000", "blob") => links.push((oid.to_string(), rel.clone())),
            (m, "blob") if m.starts_with("100") => {
                // git gives no size for an object it does not hold (a partial clone).
                let Some(size) = size.and_then(|s| s.parse::<u64>().ok()) else {
                    return Err(missing_object(r, &rel, oid));
                };
                if size > largest(&rel) {
                    refuse(
                        format!(
                            "expected a file of at most {} MiB, found {:.1} MiB; not read",
                            largest(&rel) / (1024 * 1024),
                            size as f64 / (1024.0 * 1024.0)
                        ),
                        Some("split the content into several files"),
                    );
                } else {
                    files.push((oid.to_string(), rel.clone()));
                }
            }
            _ => {}
        }
    }
    if !files.iter().any(|(_, p)| p == Path::new("doracak.toml")) {
        let folder = if r.prefix.is_empty() {
            "."
        } else {
            r.prefix.as_str()
        };
        return Err(Problem::new(
            format!(
                "expected a handbook (doracak.toml) in {folder:?} at revision {}, found none",
                r.describe()
            ),
            format!(
                "name a revision in which the handbook's doracak.toml was committed (git log --oneline -- {}doracak.toml lists them)",
                r.prefix
            ),
        ));
    }
    // Links: followed inside the handbook, to a file of the revision; refused otherwise.
    if !links.is_empty() {
        let oids: Vec<&str> = links.iter().map(|(o, _)| o.as_str()).collect();
        let mut targets = vec![Vec::new(); links.len()];
        read_blobs(r, &what, &oids, &mut |i, bytes| {
            targets[i] = bytes;
            Ok(())
        })?;
        for ((_, rel), target) in links.iter().zip(targets) {
            let inside = link_target(rel, &target);
            match inside.and_then(|t| files.iter().find(|(_, p)| *p == t).cloned()) {
                Some((oid, _)) => files.push((oid, rel.clone())),
                None => refused.push(Refused {
                    path: rel.clone(),
                    message: format!(
                        "expected a file inside the handbook, found a symbolic link to {:?} that points outside it (or nowhere, or to another link); not read",
                        String::from_utf8_lossy(&target)
                    ),
                    hint: Some("copy the file into the handbook instead of linking to it".into()),
                }),
            }
        }
    }
    let oids: Vec<&str> = files.iter().map(|(o, _)| o.as_str()).collect();
    crate::test_pause::pause("edition-read");
    read_blobs(r, &what, &oids, &mut |i, bytes| {
        let path = dir.join(&files[i].1);
        path.parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|_| std::fs::write(&path, &bytes))
            .map_err(|e| {
                Problem::new(
                    format!("cannot write {}: {e}", path.display()),
                    "check that the temporary folder (TMPDIR) has room and can be written",
                )
            })
    })?;
    Ok(refused)
}
