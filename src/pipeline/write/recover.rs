//! What a build that stopped before it finished (killed, a crash, the machine off) left
//! beside its output, put right by the next build of that output before anything else: the
//! site put back where none is there, the other side folders removed, each said on stderr.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{alive, parent_and_name, read_marker};

/// A folder a build left beside its output when it stopped before it finished (killed, a
/// crash, the machine off), as the next build of that output found it: put back as the
/// site or removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leftover {
    /// The folder, `.NAME.doracak-new-PID` (the site being written) or
    /// `.NAME.doracak-old-PID` (the previous site, moved aside for the swap).
    pub path: PathBuf,
    /// The process that made it (the number its name ends with).
    pub pid: Option<u32>,
    /// Moved back into place as the output (no site was there), not removed.
    pub restored: bool,
}

impl std::fmt::Display for Leftover {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let by = match self.pid {
            Some(pid) => format!("build process {pid}"),
            None => "a build".to_string(),
        };
        let what = if self.restored {
            "put back as the site"
        } else {
            "removed"
        };
        write!(
            f,
            "{what}: {}, left by {by}, which stopped before it finished",
            self.path.display()
        )
    }
}

/// Put right what a crash in the middle of a swap left at `out`: if no site is there, the
/// complete new site (it has its marker) or else the old one moves back into place; the
/// folders left beside it are removed. Only side folders of processes that are gone are
/// looked at; the caller holds the output's lock. Returns what it put back or removed.
pub fn recover(out: &Path) -> io::Result<Vec<Leftover>> {
    let (parent, name) = parent_and_name(out);
    let new_prefix = format!(".{name}.doracak-new-");
    let old_prefix = format!(".{name}.doracak-old-");
    let Ok(rd) = fs::read_dir(&parent) else {
        return Ok(Vec::new());
    };
    let mut news = Vec::new();
    let mut olds = Vec::new();
    // A side folder of another process that still runs is its own: never touched; nor is
    // one whose name does not end in a process id, which doracak did not make.
    let gone = |rest: &str| match rest.parse::<u32>() {
        Ok(pid) => pid == std::process::id() || !alive(pid),
        Err(_) => false,
    };
    for e in rd.filter_map(Result::ok) {
        let n = e.file_name().to_string_lossy().into_owned();
        if let Some(rest) = n.strip_prefix(&new_prefix) {
            if gone(rest) {
                news.push(e.path());
            }
        } else if let Some(rest) = n.strip_prefix(&old_prefix)
            && gone(rest)
        {
            olds.push(e.path());
        }
    }
    let pid_of = |p: &Path| {
        let n = p.file_name()?.to_string_lossy().into_owned();
        n.rsplit('-').next()?.parse::<u32>().ok()
    };
    let mut done = Vec::new();
    if fs::symlink_metadata(out).is_err() {
        let complete = news.iter().position(|p| read_marker(p).is_some());
        let back = match complete {
            Some(i) => Some(news.remove(i)),
            None => olds.pop(),
        };
        if let Some(dir) = back {
            fs::rename(&dir, out)?;
            done.push(Leftover {
                pid: pid_of(&dir),
                path: dir,
                restored: true,
            });
        }
    }
    // Best effort: a folder that will not go now goes at the next build. This process's
    // own folders (a rebuild of `serve`) are no leftovers of a stopped build.
    for dir in news.into_iter().chain(olds) {
        if fs::remove_dir_all(&dir).is_ok() && pid_of(&dir) != Some(std::process::id()) {
            done.push(Leftover {
                pid: pid_of(&dir),
                path: dir,
                restored: false,
            });
        }
    }
    Ok(done)
}

/// The half-written sites other outputs of the same folder were left with by builds that
/// stopped before they finished (`.OTHER.doracak-new-PID` with no marker, of a process that
/// is gone), removed by a build of `out` so that an output never built again does not keep
/// one for ever (adversary 49 LOW-6). Each only while holding that output's lock (a build
/// of it running now keeps its own); never a folder with its marker (a whole site the next
/// build of its output puts back), nor the previous site a swap moved aside
/// (`-old-`), nor a link, nor a name that does not end in a process id.
pub fn sweep_siblings(out: &Path) -> Vec<Leftover> {
    let (parent, name) = parent_and_name(out);
    let Ok(rd) = fs::read_dir(&parent) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for e in rd.filter_map(Result::ok) {
        let n = e.file_name().to_string_lossy().into_owned();
        let Some((other, pid)) = n
            .strip_prefix('.')
            .and_then(|rest| rest.rsplit_once(".doracak-new-"))
        else {
            continue;
        };
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        let path = e.path();
        if other.is_empty()
            || other == name
            || pid == std::process::id()
            || alive(pid)
            || !e.file_type().is_ok_and(|t| t.is_dir())
            || read_marker(&path).is_some()
        {
            continue;
        }
        found.push((other.to_string(), pid, path));
    }
    let mut done = Vec::new();
    for (other, pid, path) in found {
        let Ok(_held) = super::lock::acquire(&parent.join(&other), "") else {
            continue;
        };
        if fs::remove_dir_all(&path).is_ok() {
            done.push(Leftover {
                path,
                pid: Some(pid),
                restored: false,
            });
        }
    }
    done
}
