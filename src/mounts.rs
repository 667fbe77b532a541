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
/// one; elsewhere none are found here (the walk of the site still refuses a folder on
/// another device).
pub(crate) fn at_or_inside(out: &Path) -> Vec<PathBuf> {
    let Ok(site) = out.canonicalize() else {
        return Vec::new();
    };
    // Read as bytes: the kernel escapes only space, tab, newline and backslash, so a mount
    // point anywhere on the machine may hold bytes that are not UTF-8 (adversary 54c H-1).
    let Ok(table) = std::fs::read("/proc/self/mountinfo") else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = table
        .split(|&b| b == b'\n')
        .filter_map(|line| line.split(|&b| b == b' ').nth(4))
        .map(unescape)
        .filter_map(|p| p.strip_prefix(&site).ok().map(Path::to_path_buf))
        .collect();
    found.sort();
    found.dedup();
    found
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

/// The first place in the folder `dir` where another file system is mounted: a mount
/// point the kernel lists at or inside it (`mounts::at_or_inside`, also a `mount --bind`
/// of a folder of the same disk), or a folder on another device than `dir` (where no
/// mount table can be read). Links are not followed.
pub(crate) fn mounted_in(dir: &Path) -> Option<PathBuf> {
    if let Some(m) = at_or_inside(dir).first() {
        return Some(dir.join(m));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let device = fs::symlink_metadata(dir).ok()?.dev();
        walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_dir())
            .find(|e| e.metadata().is_ok_and(|m| m.dev() != device))
            .map(|e| e.path().to_path_buf())
    }
    #[cfg(not(unix))]
    {
        None
    }
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
