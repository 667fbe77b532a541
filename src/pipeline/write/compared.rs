//! A file written by streaming, compared with the previous site's file as its bytes come:
//! the new file is made only once a byte differs. An unchanged file (most of a rebuild's)
//! is then hard-linked from the previous site without a byte written, read back or a file
//! made and removed: 345 MB and 2,010 files on each rebuild of 1,000 standards, whose
//! removed files' numbers the next build's new files waited behind (issue 28).

use std::collections::hash_map::RandomState;
use std::fs;
use std::hash::{BuildHasher, Hasher};
use std::io::{self, Read, Seek, Write};
use std::path::Path;

use super::{create_new, twice};

/// How much of the previous file is read and compared at once.
const CHUNK: usize = 1 << 16;

pub(super) struct Compared<'a> {
    path: &'a str,
    dest: &'a Path,
    prev: &'a Path,
    state: State,
    /// The bytes written so far.
    bytes: u64,
}

enum State {
    /// Every byte so far is the previous file's (`prev` read up to there): nothing made.
    Same(Box<Previous>),
    /// The new file, made.
    Writing(fs::File),
    /// Making the new file failed: every later write fails the same way (a writer that
    /// writes again as it is dropped is told the first cause, not "two files").
    Failed(io::ErrorKind, String),
}

/// The previous file as it is compared.
struct Previous {
    file: fs::File,
    scratch: Vec<u8>,
    /// The bytes compared so far, hashed (keys of this process's own choosing): what is
    /// copied of the previous file once a byte differs must hash alike, so a previous file
    /// changed in place while the build compared it is never copied into the new one
    /// (adversary 53 H-1).
    keys: RandomState,
    seen: std::hash::DefaultHasher,
    /// The file as it was opened: linked only if still so (adversary 53 M-1).
    opened: Stamp,
}

/// What says a file is the one compared and unchanged since: which file it is, its length,
/// and when its content and its inode last changed (a write sets both, and the inode's
/// time cannot be set back).
#[derive(PartialEq, Eq, Clone, Copy, Debug)]
pub(super) struct Stamp {
    dev: u64,
    ino: u64,
    /// Its names: one taken from it (a file renamed over it) shows here whatever the
    /// clock's grain.
    nlink: u64,
    pub(super) len: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
}

impl Stamp {
    #[cfg(unix)]
    fn of(m: &fs::Metadata) -> Stamp {
        use std::os::unix::fs::MetadataExt;
        Stamp {
            dev: m.dev(),
            ino: m.ino(),
            nlink: m.nlink(),
            len: m.len(),
            mtime: (m.mtime(), m.mtime_nsec()),
            ctime: (m.ctime(), m.ctime_nsec()),
        }
    }

    #[cfg(not(unix))]
    fn of(m: &fs::Metadata) -> Stamp {
        let since = |t: io::Result<std::time::SystemTime>| {
            t.ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or((0, 0), |d| {
                    (d.as_secs() as i64, i64::from(d.subsec_nanos()))
                })
        };
        Stamp {
            dev: 0,
            ino: 0,
            nlink: 0,
            len: m.len(),
            mtime: since(m.modified()),
            ctime: since(m.created()),
        }
    }

    /// The same file (the link made is to the file compared).
    fn same_file(&self, other: &Stamp) -> bool {
        (self.dev, self.ino) == (other.dev, other.ino)
    }
}

/// The previous site's file at `prev`, opened, where it is a plain file (a link is not):
/// its handle, and how it was when opened.
pub(super) fn open_previous(prev: &Path) -> Option<(fs::File, Stamp)> {
    fs::symlink_metadata(prev)
        .ok()
        .filter(fs::Metadata::is_file)?;
    let file = fs::File::open(prev).ok()?;
    let m = file.metadata().ok().filter(fs::Metadata::is_file)?;
    Some((file, Stamp::of(&m)))
}

/// Hard-link the previous file `prev` (open as `file`, as it was `opened`, its bytes found
/// to be the new ones) at `dest`, the new site's `path`: only the file compared, unchanged
/// since it was opened, is linked, not one put at its path meanwhile (renamed over it, a
/// link) nor one written into in place (adversary 53 M-1, N-1). `Ok(false)` where it is
/// not linked (nothing is left at `dest`), or cannot be (a FAT or exFAT drive).
pub(super) fn link_if_same(
    prev: &Path,
    dest: &Path,
    path: &str,
    file: &fs::File,
    opened: &Stamp,
) -> io::Result<bool> {
    let unchanged = file.metadata().is_ok_and(|m| Stamp::of(&m) == *opened);
    if !unchanged {
        return Ok(false);
    }
    match hard_link(prev, dest) {
        Ok(()) => {
            // (Linking sets the inode's change time: its length and content time are
            // checked again, and that the link is to the file compared.)
            let linked = fs::symlink_metadata(dest).map(|m| Stamp::of(&m));
            let now = file.metadata().map(|m| Stamp::of(&m));
            if let (Ok(linked), Ok(now)) = (linked, now)
                && linked.same_file(opened)
                && (now.len, now.mtime) == (opened.len, opened.mtime)
            {
                return Ok(true);
            }
            fs::remove_file(dest)?;
            Ok(false)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(twice(path)),
        Err(_) => Ok(false),
    }
}

/// `fs::hard_link`; in this crate's own tests, failing as on a drive that has no hard
/// links (FAT, exFAT) where `NO_HARD_LINKS` is set on the thread.
fn hard_link(prev: &Path, dest: &Path) -> io::Result<()> {
    #[cfg(test)]
    if NO_HARD_LINKS.with(std::cell::Cell::get) {
        return Err(io::Error::from_raw_os_error(libc::EPERM));
    }
    fs::hard_link(prev, dest)
}

#[cfg(test)]
thread_local! {
    /// Links fail on this thread, as on a FAT or exFAT drive (`hard_link`).
    pub(super) static NO_HARD_LINKS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Where the previous file (open as `file`, as it was `opened`, its bytes found to be the
/// new ones) could not be linked but is as it was, a copy of it was written (a FAT or exFAT
/// drive has no hard links): the copy `out` is given the previous file's times, as a link
/// keeps them, and is no change (`true`) if its modification time is then the previous
/// file's. A previous file changed since it was compared is a change; so is a copy whose
/// time the drive did not keep (a tool that copies by time would copy it again).
pub(super) fn same_as_before(out: &fs::File, file: &fs::File, opened: &Stamp) -> bool {
    let Ok(m) = file.metadata() else { return false };
    if Stamp::of(&m) != *opened {
        return false;
    }
    let Ok(modified) = m.modified() else {
        return false;
    };
    // Both times: exfat-fuse takes a modification time given alone as "now", and says it
    // did what it was asked (adversary 55 M-1).
    let times = fs::FileTimes::new()
        .set_modified(modified)
        .set_accessed(m.accessed().unwrap_or(modified));
    out.set_times(times).is_ok()
        && out
            .metadata()
            .and_then(|n| n.modified())
            .is_ok_and(|t| t == modified)
}

/// Whether the open file `file` holds exactly `new`, compared a block at a time (a read
/// error: it does not).
pub(super) fn holds(file: &fs::File, new: &[u8]) -> bool {
    let mut file = file;
    let mut block = vec![0u8; CHUNK.min(new.len() + 1)];
    let mut rest = new;
    loop {
        let want = block.len().min(rest.len() + 1);
        match fill(&mut file, &mut block[..want]) {
            Ok(0) => return rest.is_empty(),
            Ok(n) if n <= rest.len() && block[..n] == rest[..n] => rest = &rest[n..],
            _ => return false,
        }
    }
}

impl<'a> Compared<'a> {
    /// Stream into `dest` (site path `path`), compared with `prev`, the previous site's
    /// file. Where there is none (or it is not a plain file), the new file is made at once.
    pub(super) fn new(path: &'a str, dest: &'a Path, prev: &'a Path) -> io::Result<Self> {
        // A second write to one path is refused before its bytes are made, as before.
        if fs::symlink_metadata(dest).is_ok() {
            return Err(twice(path));
        }
        let old = open_previous(prev).map(|(file, opened)| {
            let keys = RandomState::new();
            Previous {
                file,
                scratch: vec![0; CHUNK],
                seen: keys.build_hasher(),
                keys,
                opened,
            }
        });
        let state = match old {
            Some(prev) => State::Same(Box::new(prev)),
            None => State::Writing(create_new(dest, path)?),
        };
        Ok(Compared {
            path,
            dest,
            prev,
            state,
            bytes: 0,
        })
    }

    /// Finish the file: its length, and whether it is as before (the previous file kept,
    /// or copied where it could not be linked, `same_as_before`).
    pub(super) fn finish(mut self) -> io::Result<(u64, bool)> {
        let p = match &mut self.state {
            State::Writing(_) => return Ok((self.bytes, false)),
            State::Failed(kind, message) => return Err(io::Error::new(*kind, message.clone())),
            State::Same(p) => p,
        };
        // As before only if the previous file ends here too (a read error: not as before).
        let at_end = matches!(fill(&mut p.file, &mut p.scratch[..1]), Ok(0));
        // And only the file compared, unchanged since it was opened, is kept; else its
        // compared bytes are copied below.
        if at_end && link_if_same(self.prev, self.dest, self.path, &p.file, &p.opened)? {
            return Ok((self.bytes, true));
        }
        // (Where every byte was as before, the previous file is looked at once more after
        // the copy: it may only have been unlinkable.)
        let before = match at_end {
            true => p.file.try_clone().ok().map(|f| (f, p.opened)),
            false => None,
        };
        self.diverge()?;
        let same = match (&self.state, before) {
            (State::Writing(out), Some((file, opened))) => same_as_before(out, &file, &opened),
            _ => false,
        };
        Ok((self.bytes, same))
    }

    /// Make the new file, holding the bytes so far: the previous file's first `bytes`,
    /// copied only if they hash as they did when compared.
    fn diverge(&mut self) -> io::Result<&mut fs::File> {
        if let State::Same(p) = &mut self.state {
            let made = create_new(self.dest, self.path).and_then(|mut out| {
                copy_compared(p, self.bytes, &mut out, self.prev)?;
                Ok(out)
            });
            self.state = match made {
                Ok(out) => State::Writing(out),
                Err(e) => State::Failed(e.kind(), e.to_string()),
            };
        }
        match &mut self.state {
            State::Writing(out) => Ok(out),
            State::Failed(kind, message) => Err(io::Error::new(*kind, message.clone())),
            State::Same(_) => unreachable!("the new file was made above, or failed"),
        }
    }
}

/// Copy the first `n` bytes of the previous file into `out`, as they were compared.
fn copy_compared(p: &mut Previous, n: u64, out: &mut fs::File, path: &Path) -> io::Result<()> {
    let changed = || {
        io::Error::other(format!(
            "{} changed while the site was built; build again",
            path.display()
        ))
    };
    p.file.rewind()?;
    let mut again = p.keys.build_hasher();
    let mut left = n;
    while left > 0 {
        let want = usize::try_from(left).map_or(CHUNK, |l| l.min(CHUNK));
        let got = fill(&mut p.file, &mut p.scratch[..want]).map_err(|e| {
            io::Error::new(e.kind(), format!("cannot read {}: {e}", path.display()))
        })?;
        if got == 0 {
            return Err(changed());
        }
        again.write(&p.scratch[..got]);
        out.write_all(&p.scratch[..got])?;
        left -= got as u64;
    }
    if again.finish() != p.seen.finish() {
        return Err(changed());
    }
    Ok(())
}

impl Write for Compared<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if let State::Same(p) = &mut self.state {
            let n = buf.len().min(CHUNK);
            // (A read error of the previous file: not as before.)
            let got = fill(&mut p.file, &mut p.scratch[..n]).unwrap_or(0);
            if got == n && p.scratch[..n] == buf[..n] {
                p.seen.write(&buf[..n]);
                self.bytes += n as u64;
                return Ok(n);
            }
        }
        let n = self.diverge()?.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.state {
            State::Writing(out) => out.flush(),
            State::Failed(kind, message) => Err(io::Error::new(*kind, message.clone())),
            State::Same(_) => Ok(()),
        }
    }
}

/// Read into `buf` until it is full or the file ends; how much was read.
fn fill(f: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match f.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(k) => got += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(got)
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::hash::{BuildHasher, Hasher};

    use super::{holds, link_if_same, open_previous};

    /// Only the previous file compared, unchanged since it was opened, is linked into the
    /// new site: not a file renamed over it after it was compared, nor a link put at its
    /// path (adversary 53 M-1 and N-1; `put` and the streamed files both link through
    /// this); nothing is left where it is not linked.
    #[test]
    fn only_the_file_compared_is_linked() {
        let dir = tempfile::tempdir().unwrap();
        let at = |n: &str| dir.path().join(n);
        let prev = at("prev");
        fs::write(&prev, "same").unwrap();
        let (f, opened) = open_previous(&prev).unwrap();
        assert!(holds(&f, b"same"));
        assert!(link_if_same(&prev, &at("a"), "a", &f, &opened).unwrap());

        // Put there after it was opened: the file compared has lost a name.
        let (f, opened) = open_previous(&prev).unwrap();
        fs::write(at("other"), "same").unwrap();
        fs::rename(at("other"), &prev).unwrap();
        assert!(!link_if_same(&prev, &at("b"), "b", &f, &opened).unwrap());
        assert!(fs::symlink_metadata(at("b")).is_err(), "nothing left");
        // Put there after that was checked, before the link (as the file is now): the
        // link is not to the file compared.
        let (f, _) = open_previous(&prev).unwrap();
        fs::write(at("other"), "same").unwrap();
        fs::rename(at("other"), &prev).unwrap();
        let now = super::Stamp::of(&f.metadata().unwrap());
        assert!(!link_if_same(&prev, &at("c"), "c", &f, &now).unwrap());
        assert!(fs::symlink_metadata(at("c")).is_err(), "nothing left");
        // A link put at its path, either way.
        for (n, late) in [("d", false), ("e", true)] {
            let (f, opened) = open_previous(&prev).unwrap();
            fs::remove_file(&prev).unwrap();
            std::os::unix::fs::symlink(at("a"), &prev).unwrap();
            let opened = if late {
                super::Stamp::of(&f.metadata().unwrap())
            } else {
                opened
            };
            assert!(!link_if_same(&prev, &at(n), n, &f, &opened).unwrap());
            assert!(fs::symlink_metadata(at(n)).is_err(), "nothing left");
            assert!(open_previous(&prev).is_none(), "a link is no previous file");
            fs::remove_file(&prev).unwrap();
            fs::write(&prev, "same").unwrap();
        }
    }

    #[test]
    fn holds_is_exactly_the_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        let bytes: Vec<u8> = (0..150_000u32).map(|i| (i % 241) as u8).collect();
        fs::write(&p, &bytes).unwrap();
        let open = || fs::File::open(&p).unwrap();
        assert!(holds(&open(), &bytes));
        assert!(!holds(&open(), &bytes[..bytes.len() - 1]));
        assert!(!holds(&open(), &[bytes.as_slice(), b"x"].concat()));
        let mut other = bytes.clone();
        other[70_000] ^= 1;
        assert!(!holds(&open(), &other));
        fs::write(&p, b"").unwrap();
        assert!(holds(&open(), b""));
        assert!(!holds(&open(), b"x"));
    }

    /// The copy's check hashes the previous file's bytes in other pieces than they were
    /// compared in: the hasher must not see where the pieces join.
    #[test]
    fn the_hash_of_compared_bytes_does_not_depend_on_their_pieces() {
        let keys = std::collections::hash_map::RandomState::new();
        let bytes: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 253) as u8).collect();
        let whole = {
            let mut h = keys.build_hasher();
            h.write(&bytes);
            h.finish()
        };
        for pieces in [1usize, 3, 7, 8, 9, 4096, 65_536, 70_001] {
            let mut h = keys.build_hasher();
            for c in bytes.chunks(pieces) {
                h.write(c);
            }
            assert_eq!(h.finish(), whole, "pieces of {pieces}");
        }
    }
}
