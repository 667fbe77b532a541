//! File systems mounted in a site folder, or on it. A build replaces the site folder whole
//! and removes the previous one, so a mount there (another disk, a `mount --bind` of a
//! folder or of a single file) would have its files copied and then deleted at their
//! source. The build refuses instead (adversary 54 M-3, 54b H-1); and no folder doracak
//! removes (a previous site, what a stopped build left, a revision's temporary folder) is
//! removed while another file system is mounted in it (`mounted_in`).

use std::fs;
use std::path::{Path, PathBuf};

/// The mount points at or inside `out` (an existing folder), as paths relative to it (the
/// empty path: `out` itself), in order. Read from `/proc/self/mountinfo` where there is
/// one; elsewhere each place in it is asked (`asked_at_or_inside`): a bind mount of a
/// folder of the same disk is found without `/proc` too (adversary 58b M-4).
pub(crate) fn at_or_inside(out: &Path) -> Vec<PathBuf> {
    table_at_or_inside(out)
        .or_else(|| asked_at_or_inside(out).ok())
        .unwrap_or_default()
}

/// [`at_or_inside`], or `None` where the kernel's mount table cannot be read (no `/proc`:
/// a chroot, a small container, a system other than Linux).
fn table_at_or_inside(out: &Path) -> Option<Vec<PathBuf>> {
    // Read as bytes: the kernel escapes only space, tab, newline and backslash, so a mount
    // point anywhere on the machine may hold bytes that are not UTF-8 (adversary 54c H-1).
    let table = std::fs::read("/proc/self/mountinfo").ok()?;
    let Ok(site) = out.canonicalize() else {
        return Some(Vec::new());
    };
    let mut found: Vec<PathBuf> = table
        .split(|&b| b == b'\n')
        .filter_map(|line| line.split(|&b| b == b' ').nth(4))
        .map(unescape)
        .filter_map(|p| p.strip_prefix(&site).ok().map(Path::to_path_buf))
        .collect();
    found.sort();
    found.dedup();
    Some(found)
}

/// A mount point as the kernel writes it: space, tab, newline and backslash as `\NNN`
/// (octal).
fn unescape(b: &[u8]) -> PathBuf {
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\'
            && i + 3 < b.len()
            && b[i + 1..i + 4].iter().all(|d| (b'0'..=b'7').contains(d))
        {
            let n = b[i + 1..i + 4]
                .iter()
                .fold(0u32, |n, d| n * 8 + u32::from(d - b'0'));
            out.push(n as u8);
            i += 4;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    #[cfg(unix)]
    {
        <std::ffi::OsString as std::os::unix::ffi::OsStringExt>::from_vec(out).into()
    }
    #[cfg(not(unix))]
    {
        String::from_utf8_lossy(&out).into_owned().into()
    }
}

/// Another file system mounted at or in a folder, or no way to rule one out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Mounted {
    /// Mounted at this place, relative to the folder (the empty path: on the folder).
    At(PathBuf),
    /// This system says neither where its file systems are mounted (no `/proc`) nor which
    /// folders are mount points (a Linux before 5.8, a folder that cannot be asked).
    Unknown,
}

impl Mounted {
    /// Why the folder is kept, said after its path.
    pub(crate) fn reason(&self) -> String {
        match self {
            Mounted::At(p) if p.as_os_str().is_empty() => {
                "a file system is mounted on it; unmount it, then remove the folder".into()
            }
            Mounted::At(p) => format!(
                "a file system is mounted in it at {}; unmount it, then remove the folder",
                shown(p)
            ),
            Mounted::Unknown => "this system cannot tell whether a file system is mounted in it \
                 (no /proc/self/mountinfo, and its folders do not say whether they are mount \
                 points); remove it yourself once you know none is"
                .into(),
        }
    }
}

/// A path as a message shows it: a control character in a name (a line break, a tab) as
/// an escape, so one name is one line and cannot pass for another message.
fn shown(p: &Path) -> String {
    let s = p.to_string_lossy();
    match s.chars().any(char::is_control) {
        true => s.escape_debug().to_string(),
        false => s.into_owned(),
    }
}

/// Whether another file system is mounted at or in the folder `dir` (links not followed),
/// or that cannot be ruled out: the first mount point the kernel's table lists there
/// (`at_or_inside`: also a `mount --bind` of a folder of the same disk); where there is no
/// table to read, the first place that says it is a mount point (`asked_at_or_inside`). A
/// folder doracak would remove is never removed while this is `Some`: removing it would
/// empty that file system through it.
pub(crate) fn mounted_in(dir: &Path) -> Option<Mounted> {
    let found = match table_at_or_inside(dir) {
        Some(found) => found,
        None => match asked_at_or_inside(dir) {
            Ok(found) => found,
            Err(()) => return Some(Mounted::Unknown),
        },
    };
    found.into_iter().next().map(Mounted::At)
}

/// Without a mount table: each place at or in `dir` (a folder, or a file: one file can be
/// bound over another) that is on another device than `dir` or says it is a mount root
/// (Linux's `statx`, 5.8 and later), relative to `dir`, in the walk's order. A place the
/// walk cannot enter (a folder it may not read) is asked itself. `Err` where the system
/// cannot say which places are mount points (a Linux before 5.8).
fn asked_at_or_inside(dir: &Path) -> Result<Vec<PathBuf>, ()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let Ok(meta) = fs::symlink_metadata(dir) else {
            return Ok(Vec::new());
        };
        let device = meta.dev();
        let rel = |p: &Path| p.strip_prefix(dir).unwrap_or(Path::new("")).to_path_buf();
        let mut found = Vec::new();
        for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let (path, other_device) = match &e {
                Ok(e) => (
                    e.path(),
                    !e.file_type().is_symlink() && e.metadata().is_ok_and(|m| m.dev() != device),
                ),
                Err(err) => match err.path() {
                    Some(p) => (p, false),
                    None => continue,
                },
            };
            if e.as_ref().is_ok_and(|e| e.file_type().is_symlink()) {
                continue;
            }
            if other_device {
                found.push(rel(path));
                continue;
            }
            #[cfg(all(target_os = "linux", target_env = "gnu"))]
            match mount_root(path) {
                Some(true) => found.push(rel(path)),
                Some(false) => {}
                // A place the walk could not enter and cannot be asked either (a path
                // longer than the system allows) holds nothing the walk removes.
                None if e.is_err() => {}
                None => return Err(()),
            }
        }
        Ok(found)
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(Vec::new())
    }
}

/// Whether `path` (a folder or a file, not followed where it is a link) is the root of a
/// mount (a bind mount too), as Linux's `statx` says (5.8 and later); `None` where it
/// cannot say.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn mount_root(path: &Path) -> Option<bool> {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).ok()?;
    // SAFETY: `c` is a NUL-terminated path; `buf` is a plain struct statx fills.
    let mut buf: libc::statx = unsafe { std::mem::zeroed() };
    let rc = unsafe {
        libc::statx(
            libc::AT_FDCWD,
            c.as_ptr(),
            libc::AT_SYMLINK_NOFOLLOW,
            libc::STATX_TYPE,
            &mut buf,
        )
    };
    let flag = libc::STATX_ATTR_MOUNT_ROOT as u64;
    (rc == 0 && buf.stx_attributes_mask & flag != 0).then_some(buf.stx_attributes & flag != 0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn mount_points_are_read_as_the_kernel_escapes_them() {
        let p = |s: &str| std::path::PathBuf::from(s);
        let u = |s: &str| super::unescape(s.as_bytes());
        assert_eq!(u(r"/mnt/my\040notes\011x\134y"), p("/mnt/my notes\tx\\y"));
        assert_eq!(u(r"/a\04"), p(r"/a\04"));
        assert_eq!(u("/plain"), p("/plain"));
        // Bytes that are not UTF-8 stay as they are (adversary 54c H-1).
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let raw = super::unescape(b"/mnt/a\xffb");
            assert_eq!(raw.as_os_str().as_bytes(), b"/mnt/a\xffb");
        }
    }

    #[test]
    fn the_root_folder_holds_mounts_and_a_fresh_folder_none() {
        if std::path::Path::new("/proc/self/mountinfo").exists() {
            assert!(super::at_or_inside(std::path::Path::new("/")).contains(&"".into()));
        }
        let dir = tempfile::tempdir().unwrap();
        assert!(super::at_or_inside(dir.path()).is_empty());
    }
}
