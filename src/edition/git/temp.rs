//! The temporary folders revisions are read into, and the sweeping of those whose process
//! was killed before it could remove its own.

/// The start of the name of a revision's temporary folder: `doracak-edition-PID-…`.
pub(super) const TEMP: &str = "doracak-edition-";

/// Remove the temporary folders of earlier runs that ended without removing theirs (killed
/// mid-read): those of this user, named `doracak-edition-PID-…`, whose process is gone.
pub(super) fn sweep_stale() {
    let tmp = std::env::temp_dir();
    let Ok(entries) = std::fs::read_dir(&tmp) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(TEMP))
            .and_then(|n| n.split('-').next())
            .and_then(|p| p.parse::<i32>().ok())
        else {
            continue;
        };
        if pid <= 0 || pid as u32 == std::process::id() || alive(pid) {
            continue;
        }
        // A folder (not a link) of this user.
        let Ok(meta) = std::fs::symlink_metadata(e.path()) else {
            continue;
        };
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            // SAFETY: getuid has no preconditions.
            if meta.uid() != unsafe { libc::getuid() } {
                continue;
            }
        }
        // One that holds another file system is left: removing it would empty that file
        // system through it (`mounts::mounted_in`).
        if meta.is_dir() && crate::mounts::mounted_in(&e.path()).is_none() {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// Whether process `pid` runs (or cannot be told: then it is taken to run).
fn alive(pid: i32) -> bool {
    #[cfg(unix)]
    {
        // SAFETY: signal 0 only checks that the process exists.
        if unsafe { libc::kill(pid, 0) } == 0 {
            return true;
        }
        std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}
