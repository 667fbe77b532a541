//! Stage 6, write: put the rendered site on disk, all or nothing, and never over what is
//! not ours.
//!
//! - **The guard** (`guard`): the site replaces only a missing or empty folder, or a site
//!   doracak built (it carries the marker file [`MARKER`], or is an older doracak site
//!   recognised by its files). The handbook root and its source folders are refused.
//! - **Fresh files**: the site is written into a new folder beside the output; every file
//!   is created new (a second write to one path is an error, never a truncation of a file
//!   shared with the live site). A file whose bytes did not change is hard-linked from the
//!   previous site, so it keeps its modification time.
//! - **Files that are not ours**: a file in the previous site that doracak did not write (it
//!   is not in the marker's list) is carried into the new site, and the build says so.
//! - **The swap**: on Linux one atomic exchange of the two folders; elsewhere, or on file
//!   systems without it, two renames. At every instant either the old or the new site is at
//!   the output path, or the next build puts one back before anything else ([`recover`]).

use std::fs;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use crate::pipeline::render::Sink;

mod carry;
mod compared;
mod conflicts;
mod guard;
mod lock;
mod open;
mod recover;

use guard::read_marker;
pub use guard::{
    Existing, Refusal, contents, files_position, guard, normalise, position, resolve, shown,
};
pub use lock::{Holder, OutputLock, alive, lock_path};
pub use open::{open, put_right_first, take_lock};
pub use recover::{Leftover, recover};

/// The marker file at the top of every site doracak builds: its first line names it,
/// the rest lists the files doracak wrote (one site-relative path a line).
pub const MARKER: &str = ".doracak-site";
const MARKER_HEAD: &str = "doracak-site 1";

/// What a write did, for the build summary.
#[derive(Debug, Default, Clone)]
pub struct WriteStats {
    pub files: usize,
    pub pages: usize,
    pub bytes: u64,
    /// Files whose content changed (or were new) since the previous build.
    pub changed: usize,
    /// Files of the previous site that doracak did not write, carried into the new one.
    pub kept: Vec<String>,
    /// Where files that came into the old site while it was being replaced were left, when
    /// they could not join the new one.
    pub aside: Option<PathBuf>,
    /// The files that came in then and could not join (their place was taken).
    pub stuck: Vec<String>,
    /// Why the previous site could not be removed (it is then kept at `aside`).
    pub unremoved: Option<String>,
}

/// Steps of the swap, for the tests that stop a build at each one as a crash would.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SwapStep {
    /// Every file and the marker are in the new folder; nothing has moved.
    Written,
    /// Two-rename path: the old site has moved aside; nothing is at the output path.
    OldAside,
    /// The new site is at the output path; the old one waits beside it to be removed.
    NewInPlace,
}

/// How `commit` runs, for the tests: stop where a crash would, or use the two-rename path
/// where the atomic exchange exists.
#[doc(hidden)]
#[derive(Default)]
pub struct CommitOptions<'a> {
    pub stop_at: Option<SwapStep>,
    pub no_exchange: bool,
    pub on_step: Option<&'a dyn Fn(SwapStep)>,
}

/// A site being written: files go into a fresh folder beside the output (from several
/// threads at once), and `commit` swaps it into place. Dropped without `commit`, the
/// folder is removed and the previous site is left as it was.
pub struct SiteWriter {
    out: PathBuf,
    tmp: PathBuf,
    old: PathBuf,
    existing: Existing,
    written: Mutex<(WriteStats, Vec<String>)>,
    done: bool,
    /// Held from before recovery and the guard until the writer is dropped.
    _lock: Option<OutputLock>,
    /// What recovery put back or removed before this build began ([`open`]).
    leftovers: Vec<Leftover>,
}

impl SiteWriter {
    /// Begin a site at `out`, which `guard` allowed as `existing`, taking its lock (no
    /// recovery: [`open`] runs the steps in their real order; this is for the tests).
    pub fn begin(out: &Path, existing: Existing) -> io::Result<SiteWriter> {
        let resolved = resolve(out);
        fs::create_dir_all(parent_and_name(&resolved).0)?;
        let lock = lock::acquire(&resolved, "").map_err(|e| match e {
            Ok(h) => io::Error::other(format!("the output is locked by process {}", h.pid)),
            Err(e) => e,
        })?;
        SiteWriter::begin_locked(out, existing, Some(lock))
    }

    pub(super) fn begin_locked(
        out: &Path,
        existing: Existing,
        lock: Option<OutputLock>,
    ) -> io::Result<SiteWriter> {
        let out = resolve(out);
        let (parent, name) = parent_and_name(&out);
        fs::create_dir_all(&parent)?;
        let pid = std::process::id();
        let tmp = parent.join(format!(".{name}.doracak-new-{pid}"));
        let old = parent.join(format!(".{name}.doracak-old-{pid}"));
        // Recovery removed this process's own side folders; anything else of those names
        // (a link, a file) is not doracak's. Refused before anything is written: the swap
        // would rename the previous site onto it and fail half done (adversary 50c M-1).
        for side in [&tmp, &old] {
            if let Ok(m) = fs::symlink_metadata(side) {
                let what = if m.file_type().is_symlink() {
                    "a link"
                } else if m.is_dir() {
                    "a folder"
                } else {
                    "a file"
                };
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!(
                        "expected nothing at {}, the name this build writes its site under, \
                         found {what} doracak did not make; move or rename it",
                        side.display()
                    ),
                ));
            }
        }
        fs::create_dir(&tmp)?;
        Ok(SiteWriter {
            out,
            tmp,
            old,
            existing,
            written: Mutex::new(Default::default()),
            done: false,
            _lock: lock,
            leftovers: Vec::new(),
        })
    }

    /// What a build that stopped before it finished had left beside the output, put back or
    /// removed before this one began: the build says so on stderr.
    pub fn leftovers(&self) -> &[Leftover] {
        &self.leftovers
    }

    /// Where the site goes (symbolic links followed).
    pub fn out(&self) -> &Path {
        &self.out
    }

    fn dest(&self, path: &str) -> io::Result<(PathBuf, PathBuf)> {
        let rel = safe_relative(path).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("refusing to write outside the site: {path}"),
            )
        })?;
        if rel == Path::new(MARKER) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{MARKER} is doracak's own marker file"),
            ));
        }
        let dest = self.tmp.join(&rel);
        if let Some(dir) = dest.parent() {
            fs::create_dir_all(dir)?;
        }
        Ok((dest, self.out.join(&rel)))
    }

    /// Count a file written; `same`: as in the previous site (no change).
    fn count(&self, path: &str, bytes: u64, same: bool) {
        let mut w = self.written.lock().unwrap_or_else(|e| e.into_inner());
        w.0.files += 1;
        w.0.bytes += bytes;
        if path.ends_with(".html") {
            w.0.pages += 1;
        }
        if !same {
            w.0.changed += 1;
        }
        w.1.push(path.trim_start_matches("./").to_string());
    }

    /// Write one file of the site. An unchanged file is hard-linked from the previous
    /// site (keeping its modification time) instead of written again.
    pub fn put(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let (dest, prev) = self.dest(path)?;
        // Compared through the handle that is linked, as a streamed file is.
        let previous = compared::open_previous(&prev).filter(|(file, opened)| {
            opened.len == bytes.len() as u64 && compared::holds(file, bytes)
        });
        let linked = match &previous {
            Some((file, opened)) => compared::link_if_same(&prev, &dest, path, file, opened)?,
            None => false,
        };
        // Where it could not be linked (a FAT or exFAT drive), a copy as before is still no
        // change (`same_as_before`).
        let mut same = linked;
        if !linked {
            let mut out = create_new(&dest, path)?;
            out.write_all(bytes)?;
            if let Some((file, opened)) = &previous {
                same = compared::same_as_before(&out, file, opened);
            }
        }
        self.count(path, bytes.len() as u64, same);
        Ok(())
    }

    /// Write one file by streaming into it (for files too large to hold in memory).
    pub fn put_with<T>(
        &self,
        path: &str,
        f: impl FnOnce(&mut (dyn Write + Send)) -> io::Result<T>,
    ) -> io::Result<(T, u64)> {
        let (dest, prev) = self.dest(path)?;
        // Compared with the previous file as it comes: made only where it differs, else
        // the previous file takes its place, keeping its modification time.
        let mut w =
            io::BufWriter::with_capacity(1 << 16, compared::Compared::new(path, &dest, &prev)?);
        let value = f(&mut w)?;
        let (bytes, same) = w.into_inner().map_err(|e| e.into_error())?.finish()?;
        self.count(path, bytes, same);
        Ok((value, bytes))
    }

    /// Stop as a process that dies would: the half-written folder stays, the lock goes.
    #[doc(hidden)]
    pub fn abandon(mut self) {
        self.done = true;
    }

    /// Swap the new site into place.
    pub fn commit(self) -> io::Result<WriteStats> {
        self.commit_with(CommitOptions::default())
    }

    #[doc(hidden)]
    pub fn commit_with(mut self, opts: CommitOptions) -> io::Result<WriteStats> {
        let (mut stats, mut files) =
            std::mem::take(&mut *self.written.lock().unwrap_or_else(|e| e.into_inner()));
        let (kept, site_mode) = carry::carry_over(&self.out, &self.tmp, &self.existing, &files)?;
        stats.kept = kept;
        files.sort();
        let mut marker = String::from(MARKER_HEAD);
        for f in &files {
            marker.push('\n');
            marker.push_str(f);
        }
        marker.push('\n');
        let mut m = create_new(&self.tmp.join(MARKER), MARKER)?;
        m.write_all(marker.as_bytes())?;
        m.sync_all()?;
        drop(m);
        // The site folder's own mode last: a read-only one would have refused the marker.
        if let Some(mode) = site_mode {
            fs::set_permissions(&self.tmp, mode)?;
        }

        let step = |s: SwapStep| -> bool {
            if let Some(f) = opts.on_step {
                f(s);
            }
            opts.stop_at == Some(s)
        };
        // A stop leaves the disk as a crash at that point would: nothing is cleaned up.
        let stopped = |mut w: SiteWriter| {
            w.done = true;
            Err(io::Error::other("stopped for a test"))
        };
        if step(SwapStep::Written) {
            return stopped(self);
        }
        crate::test_pause::pause("swap");
        // What is at the output must still be what the guard saw: a file put into an empty
        // folder during the build, or another site swapped in, stops the build here.
        let changed_hint = "nothing was touched: the folder changed while the site was built; \
                            build again (only one build at a time writes a site)";
        let now = contents(&self.out).map_err(|r| {
            io::Error::other(Refusal {
                message: format!("{}, put there while the site was built", r.message),
                hint: changed_hint.into(),
            })
        })?;
        if !self.existing.same_kind(&now) {
            return Err(io::Error::other(Refusal {
                message: format!(
                    "expected {} as it was when the build began ({}), found {} now",
                    self.out.display(),
                    self.existing.describe(),
                    now.describe()
                ),
                hint: changed_hint.into(),
            }));
        }
        let had_old = fs::symlink_metadata(&self.out).is_ok();
        if !had_old {
            fs::rename(&self.tmp, &self.out)?;
        } else if !opts.no_exchange && exchange(&self.tmp, &self.out)? {
            // The old site now has the new folder's name.
            fs::rename(&self.tmp, &self.old)?;
        } else {
            fs::rename(&self.out, &self.old)?;
            if step(SwapStep::OldAside) {
                return stopped(self);
            }
            if let Err(e) = fs::rename(&self.tmp, &self.out) {
                let _ = fs::rename(&self.old, &self.out);
                return Err(e);
            }
        }
        if step(SwapStep::NewInPlace) {
            return stopped(self);
        }
        if had_old {
            let mut listed = files.clone();
            listed.extend(stats.kept.iter().cloned());
            // Files that came in while the site was built join it, and are said to be kept.
            let swept = carry::sweep(&self.old, &self.out, &self.existing, &listed);
            stats.kept.extend(swept.joined);
            stats.aside = swept.aside;
            stats.stuck = swept.stuck;
            stats.unremoved = swept.unremoved;
        }
        self.done = true;
        Ok(stats)
    }
}

impl Sink for SiteWriter {
    fn put(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        SiteWriter::put(self, path, bytes)
    }

    fn put_stream(
        &self,
        path: &str,
        f: &mut dyn FnMut(&mut (dyn Write + Send)) -> io::Result<()>,
    ) -> io::Result<u64> {
        self.put_with(path, f).map(|((), n)| n)
    }
}

impl Drop for SiteWriter {
    fn drop(&mut self) {
        if !self.done {
            let _ = carry::remove_tree(&self.tmp);
        }
    }
}

fn parent_and_name(out: &Path) -> (PathBuf, String) {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = out
        .file_name()
        .map_or_else(|| "site".into(), |n| n.to_string_lossy().into_owned());
    (parent, name)
}

fn twice(path: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("two files of the site would be written to {path}"),
    )
}

/// Create a file that must not exist yet in the new site.
fn create_new(dest: &Path, path: &str) -> io::Result<fs::File> {
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(dest)
        .map_err(|e| match e.kind() {
            io::ErrorKind::AlreadyExists => twice(path),
            _ => e,
        })
}

/// Exchange two folders in one step. `Ok(false)` where the system or the file system
/// cannot, and the caller falls back to two renames.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    rename2(a, b, libc::RENAME_EXCHANGE)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<bool> {
    Ok(false)
}

/// `renameat2` with `flags` (`RENAME_EXCHANGE`, `RENAME_NOREPLACE`). `Ok(false)` where the
/// system or the file system cannot; `commands::output` places single files with it too.
#[cfg(target_os = "linux")]
pub(crate) fn rename2(a: &Path, b: &Path, flags: libc::c_uint) -> io::Result<bool> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes()).map_err(io::Error::other)?;
    let b = CString::new(b.as_os_str().as_bytes()).map_err(io::Error::other)?;
    // SAFETY: both paths are valid NUL-terminated strings that outlive the call.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            flags,
        )
    };
    if r == 0 {
        return Ok(true);
    }
    let e = io::Error::last_os_error();
    match e.raw_os_error() {
        Some(libc::EINVAL | libc::ENOSYS | libc::ENOTSUP) => Ok(false),
        _ => Err(e),
    }
}

/// A site path with no way out of the site: no `..`, no root, no drive.
pub fn safe_relative(path: &str) -> Option<PathBuf> {
    let p = Path::new(path);
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::Normal(s) => out.push(s),
            Component::CurDir => {}
            _ => return None,
        }
    }
    (!out.as_os_str().is_empty()).then_some(out)
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_previous;
