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
        let unchanged = fs::metadata(&prev)
            .is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
            && fs::read(&prev).is_ok_and(|b| b == bytes);
        let linked = unchanged && fs::hard_link(&prev, &dest).is_ok();
        if !linked {
            let mut w = io::BufWriter::new(fs::File::create(&dest)?);
            w.write_all(bytes)?;
            w.flush()?;
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
        let bytes = fs::metadata(&dest).map(|m| m.len()).unwrap_or(0);
        let mut st = self.stats.lock().unwrap_or_else(|e| e.into_inner());
        st.files += 1;
        st.bytes += bytes;
        st.changed += 1;
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
}
