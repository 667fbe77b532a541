//! What of the previous site is a person's, and goes into the new one: files doracak did
//! not write, folders a person made (empty ones too), and the modes of the folders. A new
//! page never takes the place of a person's file: the build stops and names it.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

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

/// Where the previous site stands in the new one's way, each found in one walk.
#[derive(Default)]
struct Conflicts {
    found: Vec<(String, Refusal)>,
}

impl Conflicts {
    fn add(&mut self, rel: &str, message: String, hint: &str) {
        if !self.found.iter().any(|(r, _)| r == rel) {
            self.found.push((
                rel.to_string(),
                Refusal {
                    message,
                    hint: hint.to_string(),
                },
            ));
        }
    }

    /// A person's `thing` (or a folder) at `found` holds the place of the new site's file
    /// `rel`.
    fn place(&mut self, rel: &str, thing: &str, found: &Path) {
        let kind = if rel.ends_with(".html") {
            "page"
        } else {
            "file"
        };
        let by = if thing == "a file" {
            " doracak did not write"
        } else if thing == "a folder" {
            ""
        } else {
            " doracak did not make"
        };
        let name = thing.trim_start_matches("a ");
        self.add(
            rel,
            format!(
                "expected the place of the new {kind} {rel} to be free, found {thing}{by} at {}",
                found.display()
            ),
            &format!(
                "nothing was touched; the new site would replace it: move or rename that \
                 {name} (it is yours), then build again"
            ),
        );
    }

    /// All of them as one refusal: the first in full, the others by path.
    fn refusal(self) -> Option<io::Error> {
        let mut found = self.found.into_iter();
        let (_, mut first) = found.next()?;
        let more: Vec<String> = found.map(|(rel, _)| rel).collect();
        if !more.is_empty() {
            let shown: Vec<&str> = more.iter().take(8).map(String::as_str).collect();
            first.message = format!(
                "{}; and {} more place(s) the new site needs: {}{}",
                first.message,
                more.len(),
                shown.join(", "),
                if more.len() > shown.len() {
                    ", …"
                } else {
                    ""
                }
            );
        }
        Some(io::Error::other(first))
    }
}

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
    let mut carry = Vec::new();
    let mut kept = Vec::new();
    let mut modes = Vec::new();
    let mut root_mode = None;
    let mut walk = walkdir::WalkDir::new(out).sort_by_file_name().into_iter();
    while let Some(entry) = walk.next() {
        let entry = entry.map_err(io::Error::other)?;
        let rel = entry.path().strip_prefix(out).map_err(io::Error::other)?;
        let rel_s = rel_string(rel);
        let dest = tmp.join(rel);
        let t = entry.file_type();
        // Inside a folder standing where the new site writes a page: only doracak's own
        // files may be there (they go with the old site); anything else is a person's.
        let under_page = rel_s
            .match_indices('/')
            .map(|(i, _)| &rel_s[..i])
            .find(|p| new.contains(p));
        if t.is_dir() {
            let meta = entry.metadata().map_err(io::Error::other)?;
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
                    "nothing was touched; doracak replaces the whole site folder: unmount it \
                     or mount it outside the site, then build again",
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
                    fs::copy(&from, &dest).map_err(|e| {
                        io::Error::new(e.kind(), format!("cannot copy {}: {e}", from.display()))
                    })?;
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
pub(super) fn sweep(
    old: &Path,
    out: &Path,
    existing: &Existing,
    listed: &[String],
) -> (Vec<String>, Option<PathBuf>) {
    let mut joined_files = Vec::new();
    let ours = ours(existing);
    let listed: HashSet<&str> = listed.iter().map(String::as_str).collect();
    let mut stuck = false;
    for entry in walkdir::WalkDir::new(old)
        .min_depth(1)
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.file_type().is_dir() {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(old) else {
            continue;
        };
        let rel_s = rel_string(rel);
        if rel_s == super::MARKER
            || ours.contains(rel_s.as_str())
            || listed.contains(rel_s.as_str())
        {
            continue;
        }
        let dest = out.join(rel);
        let joined = fs::symlink_metadata(&dest).is_err()
            && dest.parent().is_none_or(|d| fs::create_dir_all(d).is_ok())
            && fs::rename(entry.path(), &dest).is_ok();
        if joined {
            joined_files.push(rel_s);
        }
        stuck |= !joined;
    }
    if !stuck {
        let _ = remove_tree(old);
        return (joined_files, None);
    }
    // Kept under a name no other build takes (its time, this process, a count), so it is
    // never left with the name the next build's recovery removes.
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
            return (joined_files, Some(aside));
        }
    }
    (joined_files, Some(old.to_path_buf()))
}

/// Remove the folder `dir` (a side folder of a build), its read-only folders made
/// writable first where that is what stops it. Links are never followed.
pub(super) fn remove_tree(dir: &Path) -> io::Result<()> {
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
