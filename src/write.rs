//! Stage 6, write: put the rendered site on disk, all or nothing.
//!
//! The site is written into a fresh folder beside the output and swapped into place
//! only when every file was written: a failed build leaves the previous site exactly as
//! it was. A file whose bytes did not change is hard-linked from the previous site rather
//! than written again, so it keeps its modification time (cheap for rsync and the dev
//! server's reloads).

use std::fs;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use crate::render::OutFile;

/// What a write did, for the build summary.
#[derive(Debug, Default, Clone, Copy)]
pub struct WriteStats {
    pub files: usize,
    pub pages: usize,
    pub bytes: u64,
    /// Files whose content changed (or were new) since the previous build.
    pub changed: usize,
}

/// A site being written: files go into a fresh folder beside the output (from several
/// threads at once), and `commit` swaps it into place. Dropped without `commit`, the
/// folder is removed and the previous site is left as it was.
pub struct SiteWriter {
    out: PathBuf,
    tmp: PathBuf,
    old: PathBuf,
    stats: Mutex<WriteStats>,
    committed: bool,
}

impl SiteWriter {
    pub fn begin(out: &Path) -> io::Result<SiteWriter> {
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent)?;
        let name = out.file_name().and_then(|n| n.to_str()).unwrap_or("site");
        let pid = std::process::id();
        let tmp = parent.join(format!(".{name}.doracak-new-{pid}"));
        let old = parent.join(format!(".{name}.doracak-old-{pid}"));
        let _ = fs::remove_dir_all(&tmp);
        fs::create_dir_all(&tmp)?;
        Ok(SiteWriter {
            out: out.to_path_buf(),
            tmp,
            old,
            stats: Mutex::new(WriteStats::default()),
            committed: false,
        })
    }

    /// Write one file of the site. An unchanged file is hard-linked from the previous
    /// site (keeping its modification time) instead of written again.
    pub fn put(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let rel = safe_relative(path).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("refusing to write outside the site: {path}"),
            )
        })?;
        let dest = self.tmp.join(&rel);
        if let Some(dir) = dest.parent() {
            fs::create_dir_all(dir)?;
        }
        let prev = self.out.join(&rel);
        let unchanged = same_as_file(&prev, bytes.len() as u64, &mut io::Cursor::new(bytes));
        let linked = unchanged && fs::hard_link(&prev, &dest).is_ok();
        if !linked {
            // The bytes are all here: one write, no buffer in between.
            fs::File::create(&dest)?.write_all(bytes)?;
        }
        let mut st = self.stats.lock().unwrap_or_else(|e| e.into_inner());
        st.files += 1;
        st.bytes += bytes.len() as u64;
        if path.ends_with(".html") {
            st.pages += 1;
        }
        if !linked {
            st.changed += 1;
        }
        Ok(())
    }

    /// Write one file by streaming into it (for files too large to hold in memory).
    pub fn put_with<T>(
        &self,
        path: &str,
        f: impl FnOnce(&mut dyn Write) -> io::Result<T>,
    ) -> io::Result<(T, u64)> {
        let rel = safe_relative(path).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("refusing to write outside the site: {path}"),
            )
        })?;
        let dest = self.tmp.join(&rel);
        if let Some(dir) = dest.parent() {
            fs::create_dir_all(dir)?;
        }
        let mut w = io::BufWriter::with_capacity(1 << 16, fs::File::create(&dest)?);
        let value = f(&mut w)?;
        w.flush()?;
        drop(w);
        let bytes = fs::metadata(&dest).map(|m| m.len()).unwrap_or(0);
        // Written before it could be compared: if it came out as before, the previous
        // file takes its place, so it too keeps its modification time.
        let prev = self.out.join(&rel);
        let unchanged = fs::File::open(&dest)
            .is_ok_and(|f| same_as_file(&prev, bytes, &mut io::BufReader::new(f)));
        let linked = unchanged && {
            let mut aside = dest.clone().into_os_string();
            aside.push(".doracak-unchanged");
            let aside = PathBuf::from(aside);
            fs::hard_link(&prev, &aside).is_ok()
                && match fs::rename(&aside, &dest) {
                    Ok(()) => true,
                    Err(_) => {
                        let _ = fs::remove_file(&aside);
                        false
                    }
                }
        };
        let mut st = self.stats.lock().unwrap_or_else(|e| e.into_inner());
        st.files += 1;
        st.bytes += bytes;
        if !linked {
            st.changed += 1;
        }
        if path.ends_with(".html") {
            st.pages += 1;
        }
        Ok((value, bytes))
    }

    /// Swap the new site into place: the old one moves aside, the new one takes its name,
    /// the old one goes.
    pub fn commit(mut self) -> io::Result<WriteStats> {
        let had_old = self.out.exists();
        if had_old {
            let _ = fs::remove_dir_all(&self.old);
            fs::rename(&self.out, &self.old)?;
        }
        if let Err(e) = fs::rename(&self.tmp, &self.out) {
            if had_old {
                let _ = fs::rename(&self.old, &self.out);
            }
            return Err(e);
        }
        if had_old {
            let _ = fs::remove_dir_all(&self.old);
        }
        self.committed = true;
        Ok(*self.stats.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

impl Drop for SiteWriter {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.tmp);
        }
    }
}

/// Write `files` as the site at `out`, replacing what was there only on success.
pub fn write_site(out: &Path, files: &[OutFile]) -> io::Result<WriteStats> {
    let w = SiteWriter::begin(out)?;
    for f in files {
        w.put(&f.path, &f.bytes)?;
    }
    w.commit()
}

/// Whether the file at `path` is a regular file of `len` bytes equal to what `new`
/// reads, compared a block at a time (never the whole file in memory).
fn same_as_file(path: &Path, len: u64, new: &mut dyn io::Read) -> bool {
    use io::Read;
    let Ok(meta) = fs::metadata(path) else {
        return false;
    };
    if !meta.is_file() || meta.len() != len {
        return false;
    }
    let Ok(old) = fs::File::open(path) else {
        return false;
    };
    let mut old = io::BufReader::with_capacity(1 << 16, old);
    let (mut a, mut b) = (vec![0u8; 1 << 16], vec![0u8; 1 << 16]);
    loop {
        let n = match old.read(&mut a) {
            Ok(n) => n,
            Err(_) => return false,
        };
        if n == 0 {
            // Same length and every block equal so far.
            return new.read(&mut b[..1]).is_ok_and(|m| m == 0);
        }
        if new.read_exact(&mut b[..n]).is_err() || a[..n] != b[..n] {
            return false;
        }
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
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_that_leave_the_site() {
        assert!(safe_relative("../x").is_none());
        assert!(safe_relative("/etc/passwd").is_none());
        assert!(safe_relative("a/../../b").is_none());
        assert_eq!(
            safe_relative("roli/x.html"),
            Some(PathBuf::from("roli/x.html"))
        );
    }

    #[test]
    fn a_second_build_swaps_the_site_and_keeps_unchanged_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        write_site(
            &out,
            &[OutFile::new("a.html", "A"), OutFile::new("s/b.css", "B")],
        )
        .unwrap();
        let stats = write_site(
            &out,
            &[OutFile::new("a.html", "A2"), OutFile::new("s/b.css", "B")],
        )
        .unwrap();
        assert_eq!(stats.changed, 1);
        assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "A2");
        assert_eq!(fs::read_to_string(out.join("s/b.css")).unwrap(), "B");
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .collect();
        assert_eq!(leftovers.len(), 1, "only site/ remains");
    }

    #[test]
    fn an_unchanged_streamed_file_is_the_previous_file() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let stream = |text: &'static str| {
            let w = SiteWriter::begin(&out).unwrap();
            w.put_with("big/index.js", |w| w.write_all(text.as_bytes()))
                .unwrap();
            w.commit().unwrap()
        };
        stream("same text");
        let before = fs::metadata(out.join("big/index.js")).unwrap().ino();
        let stats = stream("same text");
        assert_eq!(stats.changed, 0);
        assert_eq!(
            fs::metadata(out.join("big/index.js")).unwrap().ino(),
            before,
            "the previous file was kept"
        );
        let names: Vec<_> = fs::read_dir(out.join("big"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "no file left aside: {names:?}");
        let stats = stream("same texT");
        assert_eq!(stats.changed, 1);
        assert_eq!(
            fs::read_to_string(out.join("big/index.js")).unwrap(),
            "same texT"
        );
    }
}
