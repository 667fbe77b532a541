//! The output seam: where rendered files go, and the in-memory sink tests use.

/// Where rendered files go: the output seam. The site writer (`write::SiteWriter`) puts
/// them on disk; [`MemorySink`] keeps them in memory for tests. Called once per file, from
/// several threads at once.
pub trait Sink: Sync {
    /// One whole file, `path` inside the site (`/`-separated).
    fn put(&self, path: &str, bytes: &[u8]) -> std::io::Result<()>;
    /// One file written by `f` as it goes (for files too large to hold in memory);
    /// returns its length. The writer is `Send` so a writer that hands it to threads of
    /// its own (the workbook's packager) can stream into it.
    fn put_stream(
        &self,
        path: &str,
        f: &mut dyn FnMut(&mut (dyn std::io::Write + Send)) -> std::io::Result<()>,
    ) -> std::io::Result<u64>;
}

/// A sink that keeps every file in memory, by path. A second file at one path is an
/// error, as on disk.
#[derive(Debug, Default)]
pub struct MemorySink {
    files: std::sync::Mutex<std::collections::BTreeMap<String, Vec<u8>>>,
}

impl MemorySink {
    pub fn new() -> Self {
        Self::default()
    }

    /// The files put so far, by path.
    pub fn into_files(self) -> std::collections::BTreeMap<String, Vec<u8>> {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for MemorySink {
    fn put(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        if files.insert(path.to_string(), bytes.to_vec()).is_some() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                format!("two files of the site would be written to {path}"),
            ));
        }
        Ok(())
    }

    fn put_stream(
        &self,
        path: &str,
        f: &mut dyn FnMut(&mut (dyn std::io::Write + Send)) -> std::io::Result<()>,
    ) -> std::io::Result<u64> {
        let mut buf = Vec::new();
        f(&mut buf)?;
        let n = buf.len() as u64;
        self.put(path, &buf)?;
        Ok(n)
    }
}
