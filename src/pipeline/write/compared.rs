//! A file written by streaming, compared with the previous site's file as its bytes come:
//! the new file is made only once a byte differs. An unchanged file (most of a rebuild's)
//! is then hard-linked from the previous site without a byte written, read back or a file
//! made and removed: 345 MB and 2,010 files on each rebuild of 1,000 standards, whose
//! removed files' numbers the next build's new files waited behind (issue 28).

use std::fs;
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
    Same { prev: fs::File, scratch: Vec<u8> },
    /// The new file, made.
    Writing(fs::File),
}

impl<'a> Compared<'a> {
    /// Stream into `dest` (site path `path`), compared with `prev`, the previous site's
    /// file. Where there is none (or it is not a plain file), the new file is made at once.
    pub(super) fn new(path: &'a str, dest: &'a Path, prev: &'a Path) -> io::Result<Self> {
        // A second write to one path is refused before its bytes are made, as before.
        if fs::symlink_metadata(dest).is_ok() {
            return Err(twice(path));
        }
        let old = fs::symlink_metadata(prev)
            .ok()
            .filter(fs::Metadata::is_file)
            .and_then(|_| fs::File::open(prev).ok());
        let state = match old {
            Some(prev) => State::Same {
                prev,
                scratch: vec![0; CHUNK],
            },
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

    /// The bytes written, and whether the previous file was kept (hard-linked) because
    /// every byte came out as before.
    pub(super) fn finish(mut self) -> io::Result<(u64, bool)> {
        let State::Same { prev, scratch } = &mut self.state else {
            return Ok((self.bytes, false));
        };
        // As before only if the previous file ends here too.
        if fill(prev, &mut scratch[..1])? == 0 {
            match fs::hard_link(self.prev, self.dest) {
                Ok(()) => return Ok((self.bytes, true)),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    return Err(twice(self.path));
                }
                // No hard links here (a FAT or exFAT drive): the file is copied below.
                Err(_) => {}
            }
        }
        self.diverge()?;
        Ok((self.bytes, false))
    }

    /// Make the new file, holding the bytes so far (the previous file's first `bytes`).
    fn diverge(&mut self) -> io::Result<&mut fs::File> {
        if let State::Same { prev, .. } = &mut self.state {
            let mut out = create_new(self.dest, self.path)?;
            prev.rewind()?;
            let copied = io::copy(&mut Read::by_ref(prev).take(self.bytes), &mut out)?;
            if copied != self.bytes {
                return Err(io::Error::other(format!(
                    "{} changed while the site was built",
                    self.prev.display()
                )));
            }
            self.state = State::Writing(out);
        }
        match &mut self.state {
            State::Writing(out) => Ok(out),
            State::Same { .. } => unreachable!("the new file was made above"),
        }
    }
}

impl Write for Compared<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if let State::Same { prev, scratch } = &mut self.state {
            let n = buf.len().min(CHUNK);
            let got = fill(prev, &mut scratch[..n])?;
            if got == n && scratch[..n] == buf[..n] {
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
            State::Same { .. } => Ok(()),
        }
    }
}

/// Read into `buf` until it is full or the file ends; how much was read.
fn fill(f: &mut fs::File, buf: &mut [u8]) -> io::Result<usize> {
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
