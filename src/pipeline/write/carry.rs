//! What of the previous site is a person's, and goes into the new one: files doracak did
//! not write, folders a person made (empty ones too), and the modes of the folders. A new
//! page never takes the place of a person's file: the build stops and names it.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{Existing, MARKER, Refusal};

fn rel_string(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The files doracak wrote in the previous site (for an older site: none are known).
fn ours(existing: &Existing) -> HashSet<&str> {
    match existing {
        Existing::Site(list) => list.iter().map(String::as_str).collect(),
        Existing::Nothing | Existing::OlderSite => HashSet::new(),
    }
}

/// The build's refusal where a person's `what` at `found` holds the place of the new page
/// `page`.
fn taken(page: &str, what: &str, found: &Path) -> io::Error {
    let thing = if what.starts_with("a folder") {
        "folder"
    } else {
        "file"
    };
    io::Error::other(Refusal {
        message: format!(
            "expected the place of the new page {page} to be free, found {what} at {}",
            found.display()
        ),
        hint: format!(
            "nothing was touched; the new site would replace it: move or rename that {thing} \
             (it is yours), then build again"
        ),
    })
}

/// Files of the previous site at `out` doracak did not write go into the new site at `tmp`
/// as they are (hard links, or copies where links cannot be made); folders a person made
/// come along, empty or not, and every folder keeps its mode. Returns the files' paths.
/// A person's file where the new site puts one of its own stops the build.
pub(super) fn carry_over(
    out: &Path,
    tmp: &Path,
    existing: &Existing,
    written: &[String],
) -> io::Result<Vec<String>> {
    if !out.is_dir() {
        return Ok(Vec::new());
    }
    let ours = ours(existing);
    let new: HashSet<&str> = written.iter().map(String::as_str).collect();
    // The folders the new site makes: a person's file cannot stay where one goes.
    let new_folders: HashSet<&str> = written
        .iter()
        .flat_map(|p| p.match_indices('/').map(move |(i, _)| &p[..i]))
        .collect();
    let mut kept = Vec::new();
    let mut modes = Vec::new();
    for entry in walkdir::WalkDir::new(out).sort_by_file_name() {
        let entry = entry.map_err(io::Error::other)?;
        let rel = entry.path().strip_prefix(out).map_err(io::Error::other)?;
        let rel_s = rel_string(rel);
        let dest = tmp.join(rel);
        if entry.file_type().is_dir() {
            modes.push((dest.clone(), entry.metadata().map_err(io::Error::other)?));
            // A folder holding none of doracak's files is a person's: it stays, empty too.
            let prefix = format!("{rel_s}/");
            if !rel_s.is_empty() && !ours.iter().any(|p| p.starts_with(&prefix)) {
                if new.contains(rel_s.as_str()) {
                    return Err(taken(&rel_s, "a folder doracak did not make", entry.path()));
                }
                fs::create_dir_all(&dest)?;
            }
            continue;
        }
        if rel_s == MARKER || ours.contains(rel_s.as_str()) {
            continue;
        }
        // A person's file inside a folder that took the place of a new page, or where the
        // new site makes a folder: it cannot come along, and nothing is touched. (In a site
        // of an older doracak, which listed none of its files, such a file was its own.)
        let older = !matches!(existing, Existing::Site(_));
        if let Some(page) = rel_s
            .match_indices('/')
            .map(|(i, _)| &rel_s[..i])
            .find(|p| new.contains(p))
            && !older
        {
            let folder = out.join(page);
            return Err(taken(page, "a folder doracak did not make", &folder));
        }
        if new_folders.contains(rel_s.as_str()) {
            if older {
                continue;
            }
            return Err(io::Error::other(Refusal {
                message: format!(
                    "expected the place of the new site's folder {rel_s} to be free, found a file doracak did not write at {}",
                    entry.path().display()
                ),
                hint: "nothing was touched; the new site puts a folder there: move or rename \
                       that file (it is yours), then build again"
                    .into(),
            }));
        }
        if new.contains(rel_s.as_str()) {
            if !older {
                return Err(taken(&rel_s, "a file doracak did not write", entry.path()));
            }
            // A site of an older doracak: a file at a path the new site writes was ours.
            continue;
        }
        if let Some(dir) = dest.parent() {
            fs::create_dir_all(dir)?;
        }
        if entry.file_type().is_symlink() {
            #[cfg(unix)]
            std::os::unix::fs::symlink(fs::read_link(entry.path())?, &dest)?;
        } else if fs::hard_link(entry.path(), &dest).is_err() {
            fs::copy(entry.path(), &dest)?;
        }
        kept.push(rel_s);
    }
    // Deepest first, so a folder without write permission is set after what goes in it.
    for (dest, meta) in modes.into_iter().rev() {
        if dest.is_dir() {
            fs::set_permissions(&dest, meta.permissions())?;
        }
    }
    Ok(kept)
}

/// After the swap: files that came into the old site at `old` while the new one was
/// written (neither doracak's nor carried, `listed`) join the new site at `out`; the old
/// folder is then removed. Where one cannot join (its place is taken), the old folder is
/// kept under a name the next build leaves alone, and returned, with the files that joined.
pub(super) fn sweep(
    old: &Path,
    out: &Path,
    existing: &Existing,
    listed: &[String],
) -> (Vec<String>, Option<PathBuf>) {
    let mut joined_files = Vec::new();
    let ours = ours(existing);
    let listed: HashSet<&str> = listed.iter().map(String::as_str).collect();
    let mut stuck = false;
    for entry in walkdir::WalkDir::new(old)
        .min_depth(1)
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.file_type().is_dir() {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(old) else {
            continue;
        };
        let rel_s = rel_string(rel);
        if rel_s == super::MARKER
            || ours.contains(rel_s.as_str())
            || listed.contains(rel_s.as_str())
        {
            continue;
        }
        let dest = out.join(rel);
        let joined = fs::symlink_metadata(&dest).is_err()
            && dest.parent().is_none_or(|d| fs::create_dir_all(d).is_ok())
            && fs::rename(entry.path(), &dest).is_ok();
        if joined {
            joined_files.push(rel_s);
        }
        stuck |= !joined;
    }
    if !stuck {
        let _ = fs::remove_dir_all(old);
        return (joined_files, None);
    }
    let (parent, name) = super::parent_and_name(out);
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let aside = parent.join(format!(".{name}.doracak-kept-{secs}"));
    (joined_files, fs::rename(old, &aside).ok().map(|()| aside))
}
