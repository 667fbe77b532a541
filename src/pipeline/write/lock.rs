//! The lock beside an output folder: `.NAME.doracak-lock` names the process that writes the
//! site (its id and command), held with an advisory file lock (`File::try_lock`) the system lets go of when the
//! process ends, however it ends. A second build or `serve` on the same output stops with a
//! message naming the first; a process may take its own lock again (`serve`'s rebuilds).

use crate::text::TextExt;

use std::collections::HashMap;
use std::fs;
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Locks this process holds, by lock file, with how many holders each has.
static HELD: Mutex<Option<HashMap<PathBuf, usize>>> = Mutex::new(None);

/// The lock of one output folder, held until dropped.
#[derive(Debug)]
pub struct OutputLock {
    path: PathBuf,
    /// The open, locked file (`None` for a second holder inside this process).
    file: Option<fs::File>,
}

/// Who holds a lock someone else wanted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub pid: u32,
    pub what: String,
    pub lock: PathBuf,
}

/// The lock file of the output at `out` (an absolute, resolved path). Its name is the
/// folder's, lower-cased: on a drive that ignores case (FAT, exFAT, the usual macOS and
/// Windows drives) `site` and `SITE` are one folder, and two builds spelling it apart must
/// meet at one lock (adversary 55 M-2: on exFAT both went ahead). Two folders apart only
/// by case on another drive share a lock too: one is built at a time.
pub fn lock_path(out: &Path) -> PathBuf {
    let (parent, name) = super::parent_and_name(out);
    parent.join(format!(".{}.doracak-lock", name.lowered()))
}

fn held() -> std::sync::MutexGuard<'static, Option<HashMap<PathBuf, usize>>> {
    HELD.lock().unwrap_or_else(|e| e.into_inner())
}

/// Take the lock of the output at `out`, whose parent folder exists. `Err(Ok(holder))`
/// when another process holds it; `Err(Err(e))` when the lock file cannot be made.
pub fn acquire(out: &Path, what: &str) -> Result<OutputLock, Result<Holder, io::Error>> {
    let path = lock_path(out);
    let mut map = held();
    let map = map.get_or_insert_with(HashMap::new);
    if let Some(n) = map.get_mut(&path) {
        *n += 1;
        return Ok(OutputLock { path, file: None });
    }
    // A lock file removed by its holder between our open and our lock is not the lock any
    // more: take the one at the path (a few tries; each loses only to a finishing run).
    for _ in 0..20 {
        let mut file = open_no_link(&path).map_err(Err)?;
        if !try_lock(&file).map_err(Err)? {
            // The holder writes its id and command, one line, just after it takes the
            // lock: give it a moment (at most 1 s, for a loaded machine), so the person is
            // told which process holds the folder; a line not yet ended is not read as
            // whole (CI ci64: "found process 12788" without its command).
            let mut text = String::new();
            for _ in 0..500 {
                text.clear();
                let _ = file.seek(io::SeekFrom::Start(0));
                let _ = file.read_to_string(&mut text);
                if text.ends_with('\n') {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            let mut words = text.split_whitespace();
            let pid = words.next().and_then(|p| p.parse().ok()).unwrap_or(0);
            let what = words.collect::<Vec<_>>().join(" ");
            return Err(Ok(Holder {
                pid,
                what,
                lock: path,
            }));
        }
        if !same_file(&file, &path) {
            continue;
        }
        file.set_len(0).map_err(Err)?;
        // One write of the whole line: `writeln!` on a file writes each piece apart, and
        // a reader could find the id without the command.
        let line = format!("{} {what}\n", std::process::id());
        file.write_all(line.as_bytes()).map_err(Err)?;
        map.insert(path.clone(), 1);
        return Ok(OutputLock {
            path,
            file: Some(file),
        });
    }
    Err(Err(io::Error::other(format!(
        "cannot take the lock {}",
        path.display()
    ))))
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        let mut map = held();
        let map = map.get_or_insert_with(HashMap::new);
        match map.get_mut(&self.path) {
            Some(n) if *n > 1 => *n -= 1,
            _ => {
                map.remove(&self.path);
                // Removed while still held, so no one takes a lock file on its way out.
                if self.file.is_some() {
                    let _ = fs::remove_file(&self.path);
                }
                self.file = None;
            }
        }
    }
}

/// Open (or make) the lock file itself, never a file a link at its place points to: a
/// symbolic link planted there would have the build truncate and write another file
/// (adversary 44, L2). Anything but a plain file at the place is refused.
fn open_no_link(path: &Path) -> io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    #[cfg(not(unix))]
    if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(io::Error::other(format!(
            "expected the lock file {}, found a link",
            path.display()
        )));
    }
    let file = options
        .open(path)
        .map_err(|e| match fs::symlink_metadata(path) {
            Ok(m) if m.file_type().is_symlink() => io::Error::other(format!(
                "expected the lock file {}, found a symbolic link there (not followed)",
                path.display()
            )),
            // Said of the lock file, not of the output folder (adversary 44, L3).
            Ok(m) if m.is_dir() => io::Error::other(format!(
                "expected the lock file {} to be a plain file, found a folder",
                path.display()
            )),
            _ => e,
        })?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::other(format!(
            "expected the lock file {} to be a plain file, found something else",
            path.display()
        )));
    }
    Ok(file)
}

fn try_lock(f: &fs::File) -> io::Result<bool> {
    match f.try_lock() {
        Ok(()) => Ok(true),
        Err(fs::TryLockError::WouldBlock) => Ok(false),
        Err(fs::TryLockError::Error(e)) => Err(e),
    }
}

#[cfg(unix)]
fn same_file(f: &fs::File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (f.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &fs::File, path: &Path) -> bool {
    path.exists()
}

/// Whether the process `pid` still runs (a process we may not signal runs too).
#[cfg(unix)]
pub fn alive(pid: u32) -> bool {
    if pid == 0 || pid > i32::MAX as u32 {
        return false;
    }
    // SAFETY: signal 0 only checks that the process exists.
    let r = unsafe { libc::kill(pid as i32, 0) };
    r == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
pub fn alive(pid: u32) -> bool {
    pid == std::process::id()
}

/// Forget that this process holds the lock of `out` (the file stays locked as long as its
/// holder keeps it open): for the tests, which play two processes in one.
#[cfg(test)]
pub(super) fn forget_for_test(out: &Path) {
    if let Some(map) = held().as_mut() {
        map.remove(&lock_path(out));
    }
}
