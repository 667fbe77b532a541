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
    /// Why it was left where it is (a file system mounted in it), where it was.
    pub kept: Option<String>,
}

impl std::fmt::Display for Leftover {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let by = match self.pid {
            Some(pid) => format!("build process {pid}"),
            None => "a build".to_string(),
        };
        let what = match (self.restored, &self.kept) {
            (true, _) => "put back as the site",
            (false, None) => "removed",
            (false, Some(_)) => "kept",
        };
        write!(
            f,
            "{what}: {}, left by {by}, which stopped before it finished",
            self.path.display()
        )?;
        match &self.kept {
            Some(why) => write!(f, ": {why}"),
            None => Ok(()),
        }
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
    let gone = |rest: &str| match made_by(rest) {
        Some(pid) => pid == std::process::id() || !alive(pid),
        None => false,
    };
    for e in rd.filter_map(Result::ok) {
        // A link or a file named like a side folder is not one doracak made: never moved
        // into place as the site, never removed (adversary 50 L-3).
        if !e.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
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
        made_by(n.rsplit('-').next()?)
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
                kept: None,
            });
        }
    }
    // Best effort: a folder that will not go now goes at the next build. This process's
    // own folders (a rebuild of `serve`) are no leftovers of a stopped build. One that
    // holds another file system is kept, and said at every build until it is unmounted:
    // removing it would empty that file system (`carry::remove_tree`).
    for dir in news.into_iter().chain(olds) {
        if pid_of(&dir) == Some(std::process::id()) {
            let _ = super::carry::remove_tree(&dir);
            continue;
        }
        let kept = match crate::mounts::mounted_in(&dir) {
            Some(m) => Some(m.reason()),
            // (Found with no mount just now: not looked for again.)
            None if super::carry::remove_unmounted(&dir).is_ok() => None,
            None => continue,
        };
        done.push(Leftover {
            pid: pid_of(&dir),
            path: dir,
            restored: false,
            kept,
        });
    }
    Ok(done)
}

/// The process id a side folder's name ends with, as doracak writes it: decimal digits, no
/// sign, no leading zero, at least 1 and at most `i32::MAX` (a process id). Anything else
/// (`0`, `007`, `+7`, a number no process can have) is a name doracak never makes: such a
/// folder is not doracak's and is never touched (adversary 50 H-1).
pub(super) fn made_by(rest: &str) -> Option<u32> {
    let canonical = rest.bytes().all(|b| b.is_ascii_digit()) && !rest.starts_with('0');
    let pid = rest.parse::<u32>().ok().filter(|_| canonical)?;
    (1..=i32::MAX as u32).contains(&pid).then_some(pid)
}

#[cfg(test)]
mod tests {
    use super::made_by;

    #[test]
    fn only_a_name_doracak_writes_is_a_process_id() {
        assert_eq!(made_by("4242"), Some(4242));
        assert_eq!(made_by("2147483647"), Some(2_147_483_647));
        for odd in [
            "",
            "0",
            "007",
            "+7",
            "-7",
            "4242 ",
            "2147483648",
            "99999999999",
            "12a",
        ] {
            assert_eq!(made_by(odd), None, "{odd:?}");
        }
    }
}
