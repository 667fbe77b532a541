//! What of the previous site is a person's, and goes into the new one: files doracak did
//! not write, folders a person made (empty ones too), and the modes of the folders. A new
//! page never takes the place of a person's file: the build stops and names it.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::conflicts::Conflicts;
use super::{Existing, MARKER, Refusal};

fn rel_string(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The files doracak wrote in the previous site (for an older site: none are known).
fn ours(existing: &Existing) -> HashSet<&str> {
    match existing {
        Existing::Site(list) => list.iter().map(String::as_str).collect(),
        Existing::Nothing | Existing::OlderSite => HashSet::new(),
    }
}

/// What a thing in the site is, as a message names it.
fn what(t: fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    if t.is_dir() {
        "a folder"
    } else if t.is_symlink() {
        "a link"
    } else {
        "a file"
    }
}

const MOUNTED_HINT: &str = "nothing was touched; doracak replaces the whole site folder: \
                            unmount it or mount it outside the site, then build again";

/// What goes from the previous site into the new one.
enum Carry {
    Folder(PathBuf),
    Link(PathBuf, PathBuf),
    Other(PathBuf, PathBuf, fs::FileType),
}

/// Files of the previous site at `out` doracak did not write go into the new site at `tmp`
/// as they are (hard links, or copies of regular files where links cannot be made);
/// folders a person made come along, empty or not, and every folder keeps its mode (the
/// site folder's own is returned, to be set once the new site is complete). Returns the
/// files' paths. Where anything of a person's stands where the new site puts a page, a
/// file or a folder, or another file system is mounted in the site, the build stops and
/// names every such place, before anything is carried.
pub(super) fn carry_over(
    out: &Path,
    tmp: &Path,
    existing: &Existing,
    written: &[String],
) -> io::Result<(Vec<String>, Option<fs::Permissions>)> {
    if !out.is_dir() {
        return Ok((Vec::new(), None));
    }
    let ours = ours(existing);
    let older = !matches!(existing, Existing::Site(_));
    let new: HashSet<&str> = written.iter().map(String::as_str).collect();
    // The folders the new site makes: nothing of a person's can stay where one goes.
    let new_folders: HashSet<&str> = written
        .iter()
        .flat_map(|p| p.match_indices('/').map(move |(i, _)| &p[..i]))
        .collect();
    let device = |m: &fs::Metadata| -> u64 {
        #[cfg(unix)]
        {
            std::os::unix::fs::MetadataExt::dev(m)
        }
        #[cfg(not(unix))]
        {
            let _ = m;
            0
        }
    };
    let site_device = device(&fs::metadata(out)?);
    let mut conflicts = Conflicts::default();
    // File systems mounted in the site, or on it: refused, never walked into.
    let mounts = crate::mounts::at_or_inside(out);
    if mounts.iter().any(|m| m.as_os_str().is_empty()) {
        return Err(io::Error::other(Refusal {
            message: format!(
                "expected the site folder {} to be a folder of its own, found a file system mounted on it",
                out.display()
            ),
            hint: "nothing was touched; doracak replaces the site folder whole: build into a \
                   folder inside the mounted one (--out …/site), then serve or copy that"
                .into(),
        }));
    }
    for m in &mounts {
        conflicts.add(
            &rel_string(m),
            format!(
                "expected the site folder to hold no other file system, found one mounted at {}",
                out.join(m).display()
            ),
            MOUNTED_HINT,
        );
    }
    let mut carry = Vec::new();
    let mut kept = Vec::new();
    let mut modes = Vec::new();
    let mut root_mode = None;
    let mut walk = walkdir::WalkDir::new(out).sort_by_file_name().into_iter();
    while let Some(entry) = walk.next() {
        // A place the walk cannot read (a path longer than the system allows, a folder it
        // may not open) is named like any other, before anything is carried (54b L-4: the
        // walker's own "IO error for operation on …").
        let unreadable = |conflicts: &mut Conflicts, e: walkdir::Error| {
            let at = e.path().unwrap_or(out);
            let cause = e
                .io_error()
                .map_or_else(|| e.to_string(), ToString::to_string);
            conflicts.add(
                &at.strip_prefix(out).map(rel_string).unwrap_or_default(),
                format!(
                    "expected to read all that is in the site folder, to carry what is yours \
                     into the new site, found what cannot be read at {} ({cause})",
                    at.display()
                ),
                "nothing was touched; move it out of the site folder, then build again",
            );
        };
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                unreadable(&mut conflicts, e);
                continue;
            }
        };
        let rel = entry.path().strip_prefix(out).map_err(io::Error::other)?;
        let rel_s = rel_string(rel);
        let dest = tmp.join(rel);
        let t = entry.file_type();
        if mounts.iter().any(|m| rel == m.as_path()) {
            if t.is_dir() {
                walk.skip_current_dir();
            }
            continue;
        }
        // Inside a folder standing where the new site writes a page: only doracak's own
        // files may be there (they go with the old site); anything else is a person's.
        let under_page = rel_s
            .match_indices('/')
            .map(|(i, _)| &rel_s[..i])
            .find(|p| new.contains(p));
        if t.is_dir() {
            let meta = match entry.metadata() {
                Ok(meta) => meta,
                Err(e) => {
                    unreadable(&mut conflicts, e);
                    walk.skip_current_dir();
                    continue;
                }
            };
            if rel_s.is_empty() {
                root_mode = Some(meta.permissions());
                continue;
            }
            if device(&meta) != site_device {
                conflicts.add(
                    &rel_s,
                    format!(
                        "expected the site folder to hold no other file system, found one mounted at {}",
                        entry.path().display()
                    ),
                    MOUNTED_HINT,
                );
                walk.skip_current_dir();
                continue;
            }
            modes.push((dest.clone(), meta));
            if let Some(page) = under_page {
                conflicts.place(page, "a folder", &out.join(page));
                continue;
            }
            // A folder holding none of doracak's files is a person's: it stays, empty too.
            let prefix = format!("{rel_s}/");
            let persons = !ours.iter().any(|p| p.starts_with(&prefix));
            if new.contains(rel_s.as_str()) {
                if persons {
                    conflicts.place(&rel_s, "a folder", entry.path());
                }
                continue;
            }
            if persons {
                carry.push(Carry::Folder(dest));
            }
            continue;
        }
        // doracak writes regular files only: a link, pipe or socket at a path it listed is
        // a person's.
        if rel_s == MARKER || (t.is_file() && ours.contains(rel_s.as_str())) {
            continue;
        }
        if let Some(page) = under_page {
            conflicts.place(page, "a folder", &out.join(page));
            continue;
        }
        if new_folders.contains(rel_s.as_str()) {
            let thing = what(t);
            conflicts.add(
                &rel_s,
                format!(
                    "expected the place of the new site's folder {rel_s} to be free, found {thing} doracak did not {} at {}",
                    if thing == "a file" { "write" } else { "make" },
                    entry.path().display()
                ),
                &format!(
                    "nothing was touched; the new site puts a folder there: move or rename \
                     that {} (it is yours), then build again",
                    thing.trim_start_matches("a ")
                ),
            );
            continue;
        }
        if new.contains(rel_s.as_str()) {
            // A site of an older doracak, which listed none of its files: a file at a path
            // the new site writes was its own.
            if !(older && t.is_file()) {
                conflicts.place(&rel_s, what(t), entry.path());
            }
            continue;
        }
        if t.is_symlink() {
            carry.push(Carry::Link(entry.path().to_path_buf(), dest));
        } else {
            carry.push(Carry::Other(entry.path().to_path_buf(), dest, t));
        }
        kept.push(rel_s);
    }
    if let Some(e) = conflicts.refusal() {
        return Err(e);
    }
    for c in carry {
        match c {
            Carry::Folder(dest) => fs::create_dir_all(&dest)?,
            Carry::Link(from, dest) => {
                if let Some(dir) = dest.parent() {
                    fs::create_dir_all(dir)?;
                }
                #[cfg(unix)]
                std::os::unix::fs::symlink(fs::read_link(&from)?, &dest)?;
                #[cfg(not(unix))]
                let _ = (from, dest);
            }
            Carry::Other(from, dest, t) => {
                if let Some(dir) = dest.parent() {
                    fs::create_dir_all(dir)?;
                }
                if let Err(e) = fs::hard_link(&from, &dest) {
                    // Only a regular file is copied: reading a pipe or a device could wait
                    // for ever.
                    if !t.is_file() {
                        return Err(io::Error::other(Refusal {
                            message: format!(
                                "expected to keep {} in the new site, found {} that cannot be linked there ({e})",
                                from.display(),
                                what(t)
                            ),
                            hint: "nothing was touched; move it out of the site folder, then \
                                   build again"
                                .into(),
                        }));
                    }
                    let failed = |e: io::Error| {
                        io::Error::new(e.kind(), format!("cannot copy {}: {e}", from.display()))
                    };
                    fs::copy(&from, &dest).map_err(failed)?;
                    // As it was: its times too (its owner only a file's owner can keep).
                    let meta = fs::metadata(&from).map_err(failed)?;
                    let mut times = fs::FileTimes::new();
                    if let Ok(m) = meta.modified() {
                        times = times.set_modified(m);
                    }
                    if let Ok(a) = meta.accessed() {
                        times = times.set_accessed(a);
                    }
                    let _ = fs::File::options()
                        .write(true)
                        .open(&dest)
                        .and_then(|f| f.set_times(times));
                }
            }
        }
    }
    // Deepest first, so a folder without write permission is set after what goes in it.
    for (dest, meta) in modes.into_iter().rev() {
        if dest.is_dir() {
            fs::set_permissions(&dest, meta.permissions())?;
        }
    }
    Ok((kept, root_mode))
}

/// After the swap: files that came into the old site at `old` while the new one was
/// written (neither doracak's nor carried, `listed`) join the new site at `out`; the old
/// folder is then removed. Where one cannot join (its place is taken), the old folder is
/// kept under a name the next build leaves alone, and returned, with the files that joined.
pub(super) fn sweep(old: &Path, out: &Path, existing: &Existing, listed: &[String]) -> Swept {
    let mut joined_files = Vec::new();
    let ours = ours(existing);
    let listed: HashSet<&str> = listed.iter().map(String::as_str).collect();
    let mut stuck_files = Vec::new();
    let mut modes = Vec::new();
    for entry in walkdir::WalkDir::new(old)
        .min_depth(1)
        .into_iter()
        .filter_map(Result::ok)
    {
        let Ok(rel) = entry.path().strip_prefix(old) else {
            continue;
        };
        let rel_s = rel_string(rel);
        let dest = out.join(rel);
        if entry.file_type().is_dir() {
            // A folder that came in (none of doracak's files in it, not in the new site)
            // joins with its mode, empty too.
            let prefix = format!("{rel_s}/");
            if fs::symlink_metadata(&dest).is_err()
                && !ours.iter().any(|p| p.starts_with(&prefix))
                && fs::create_dir_all(&dest).is_ok()
                && let Ok(meta) = entry.metadata()
            {
                modes.push((dest, meta.permissions()));
            }
            continue;
        }
        // doracak's own files, and what the new site holds of the same kind at the same
        // path (a page it wrote, a person's file or link carried): a link or a pipe that
        // took a page's place while the site was built is a person's. (Only those are
        // looked up in the new site: a build lists thousands of regular files.)
        let same_kind =
            || fs::symlink_metadata(&dest).is_ok_and(|m| m.file_type() == entry.file_type());
        if rel_s == super::MARKER
            || (entry.file_type().is_file() && ours.contains(rel_s.as_str()))
            || (listed.contains(rel_s.as_str()) && (entry.file_type().is_file() || same_kind()))
        {
            continue;
        }
        let joined = fs::symlink_metadata(&dest).is_err()
            && dest.parent().is_none_or(|d| fs::create_dir_all(d).is_ok())
            && fs::rename(entry.path(), &dest).is_ok();
        if joined {
            joined_files.push(rel_s);
        } else {
            stuck_files.push(rel_s);
        }
    }
    // Deepest first, so a folder without write permission is set after what went in it.
    for (dest, mode) in modes.into_iter().rev() {
        let _ = fs::set_permissions(&dest, mode);
    }
    let (aside, unremoved) = keep_aside(old, out, !stuck_files.is_empty());
    Swept {
        joined: joined_files,
        aside,
        stuck: stuck_files,
        unremoved,
    }
}

/// What [`sweep`] did: the files that joined the new site, where the previous site was
/// kept (when some could not), and those that could not.
pub(super) struct Swept {
    pub joined: Vec<String>,
    pub aside: Option<PathBuf>,
    pub stuck: Vec<String>,
    /// Why the previous site could not be removed, where it could not.
    pub unremoved: Option<String>,
}

/// The previous site at `old` removed, or, where files in it could not join the new one
/// (`stuck`), kept under a name no other build takes (its time, this process, a count),
/// so it is never left with the name the next build's recovery removes.
fn keep_aside(old: &Path, out: &Path, stuck: bool) -> (Option<PathBuf>, Option<String>) {
    // What cannot be removed (an immutable file) is kept the same way, and said
    // (adversary 54c M-1): never left under the name recovery removes without a word.
    let unremoved = match stuck {
        true => None,
        false => match remove_tree(old) {
            Ok(()) => return (None, None),
            Err(e) => Some(e.to_string()),
        },
    };
    let (parent, name) = super::parent_and_name(out);
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let pid = std::process::id();
    for n in 0..1000 {
        let aside = match n {
            0 => parent.join(format!(".{name}.doracak-kept-{secs}-{pid}")),
            n => parent.join(format!(".{name}.doracak-kept-{secs}-{pid}-{n}")),
        };
        if fs::symlink_metadata(&aside).is_ok() {
            continue;
        }
        if fs::rename(old, &aside).is_ok() {
            return (Some(aside), unremoved);
        }
    }
    (Some(old.to_path_buf()), unremoved)
}

/// Remove the folder `dir` (a side folder of a build), its read-only folders made
/// writable first where that is what stops it. Links are never followed, and a folder
/// that holds another file system (a disk, a `mount --bind` of someone's folder) is not
/// touched: removing it would empty that file system through it (`mounted_in`).
pub(super) fn remove_tree(dir: &Path) -> io::Result<()> {
    if let Some(m) = crate::mounts::mounted_in(dir) {
        return Err(io::Error::other(m.reason()));
    }
    remove_unmounted(dir)
}

/// [`remove_tree`] of a folder its caller found no file system mounted in.
pub(super) fn remove_unmounted(dir: &Path) -> io::Result<()> {
    if fs::remove_dir_all(dir).is_ok() {
        return Ok(());
    }
    for entry in walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
    {
        #[cfg(unix)]
        if entry.file_type().is_dir()
            && let Ok(meta) = entry.metadata()
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = meta.permissions().mode();
            if mode & 0o700 != 0o700 {
                let _ = fs::set_permissions(entry.path(), fs::Permissions::from_mode(mode | 0o700));
            }
        }
    }
    fs::remove_dir_all(dir)
}
