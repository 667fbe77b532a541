//! The files the commands write (`report`, `aggregate`, `training-report`, `diff`,
//! `import-submissions`, `synth`): never over a file a person has, never half written.
//!
//! **The rule** (docs/output.md): a command writes a file at a path only where
//!
//! - nothing is there, or
//! - a file doracak wrote is there and nobody changed it since: each folder doracak writes
//!   into keeps a record, [`LEDGER`], of the files it wrote there with a SHA-256 of their
//!   bytes; a file whose bytes still have that hash is doracak's, or
//! - a file with exactly the bytes to be written is there (nothing changes), or
//! - the person asked with `--force`.
//!
//! Anything else (a file doracak did not write, one changed since, a folder, a link) is
//! refused with `path: error: expected …, found …`, and nothing of the command is written.
//!
//! **Atomic**: the bytes go into a new file beside the target (`.NAME.doracak-tmp-PID`),
//! are flushed to disk, and then take the target's place in one rename; a new file takes a
//! place only if it is still free (`RENAME_NOREPLACE`, or a hard link), and a replaced file
//! is exchanged and checked again, so a file put or changed there in the meantime is put
//! back and the command stops. A process killed at any instant leaves the old file or the
//! new one, never part of one; its temporary file is removed by the next write there.

use std::collections::HashMap;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use sha2::{Digest, Sha256};

use crate::diagnostics::{Diagnostics, Pos};

/// The record of the files doracak wrote into a folder: a first line naming it, then one
/// line per file, `SHA-256 NAME`.
pub const LEDGER: &str = ".doracak-written";
const LEDGER_HEAD: &str = "doracak-written 1";

static FORCE: AtomicBool = AtomicBool::new(false);

/// Whether files that are not doracak's may be replaced (`--force`), for this process.
pub fn set_force(force: bool) {
    FORCE.store(force, Ordering::SeqCst);
}

static HANDBOOK: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

/// The handbook of this process's command: no file is written into `/` or the handbook's
/// sources (`build`'s own check, [`crate::pipeline::write::files_position`]), and no
/// whole handbook (`synth`) where `build` would refuse a site. Set once.
pub fn set_handbook(root: &Path) {
    let _ = HANDBOOK.set(root.to_path_buf());
}

/// Whether `path`'s folder is such a place: then the refusal is said and `true` returned.
fn refused_place(path: &Path, diags: &mut Diagnostics) -> bool {
    let target = crate::pipeline::write::normalise(path);
    place_refused(
        target.parent().unwrap_or(Path::new("/")),
        path,
        false,
        diags,
    )
}

/// Whether files may not be written into the folder `dir` (said at `shown`): `/` or the
/// sources, and where `whole` (the folder becomes a handbook or a site) every place `build`
/// refuses. Then the refusal is said and `true` returned.
pub fn place_refused(dir: &Path, shown: &Path, whole: bool, diags: &mut Diagnostics) -> bool {
    let Some(root) = HANDBOOK.get() else {
        return false;
    };
    let check = if whole {
        crate::pipeline::write::position
    } else {
        crate::pipeline::write::files_position
    };
    match check(root, dir) {
        Ok(()) => false,
        Err(r) => {
            diags
                .error(
                    Pos::file(shown),
                    format!("{}; nothing was written", r.message),
                )
                .hint(
                    "write into a folder of its own with --out DIR (such as reports/); doracak \
                     never writes into / or the handbook's sources",
                );
            true
        }
    }
}

fn forced() -> bool {
    FORCE.load(Ordering::SeqCst)
}

/// What is at a target path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Prior {
    Missing,
    /// A regular file with this hash.
    File(String),
}

/// Why a path may not be written: the words after "found".
fn judge(
    target: &Path,
    bytes: &[u8],
    ledger: &HashMap<String, Vec<String>>,
) -> Result<Prior, String> {
    if file_name(target) == LEDGER {
        return Err(format!("the name of doracak's own record {LEDGER}"));
    }
    let record = target.with_file_name(LEDGER);
    if fs::symlink_metadata(&record).is_ok() && !is_ledger(&record) {
        return Err(format!(
            "a file of another kind named {LEDGER} beside it, where doracak keeps its record"
        ));
    }
    let meta = match fs::symlink_metadata(target) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Prior::Missing),
        Err(e) => return Err(format!("a path that cannot be looked at ({e})")),
    };
    if meta.is_dir() {
        return Err("a folder".into());
    }
    if meta.file_type().is_symlink() {
        if forced() {
            return Ok(Prior::File(String::new()));
        }
        let to = fs::read_link(target)
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        return Err(format!("a link to {to} that doracak did not make"));
    }
    if !meta.is_file() {
        return Err("something that is not a file".into());
    }
    let hash = hash_file(target).map_err(|e| format!("a file that cannot be read ({e})"))?;
    if hash == hash_bytes(bytes) || forced() {
        return Ok(Prior::File(hash));
    }
    let name = file_name(target);
    match ledger.get(&name) {
        Some(known) if known.contains(&hash) => Ok(Prior::File(hash)),
        Some(_) => Err(format!(
            "a file changed since doracak wrote it ({} bytes, changed {})",
            meta.len(),
            changed(&meta)
        )),
        None => Err(format!(
            "a file doracak did not write ({} bytes, changed {})",
            meta.len(),
            changed(&meta)
        )),
    }
}

fn changed(meta: &fs::Metadata) -> String {
    let secs = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs());
    let full = crate::pipeline::render::oscal::rfc3339(secs);
    full.get(..16).unwrap_or(&full).replace('T', " ")
}

fn refuse(diags: &mut Diagnostics, shown: &Path, found: &str) {
    diags
        .error(
            Pos::file(shown),
            format!("expected no file there or a file doracak wrote and nobody changed since, found {found}; nothing was written"),
        )
        .hint(format!(
            "doracak never writes over a file it did not write (it records its own in {LEDGER} beside them): \
             choose another place with --out, move the file away, or run again with --force to replace it"
        ));
}

/// Write several files of one command, all or none: each is judged first (with the bytes
/// it would get), and if any may not be written, nothing is.
pub fn write_files(files: &[(PathBuf, Vec<u8>)], diags: &mut Diagnostics) -> Option<()> {
    if files.iter().any(|(p, _)| refused_place(p, diags)) {
        return None;
    }
    let mut ok = true;
    for (p, bytes) in files {
        let target = crate::pipeline::write::normalise(p);
        let ledger = read_ledger(target.parent().unwrap_or(Path::new("/")));
        if let Err(found) = judge(&target, bytes, &ledger) {
            refuse(diags, p, &found);
            ok = false;
        }
    }
    if !ok {
        return None;
    }
    for (p, bytes) in files {
        write_placed(p, bytes, false, diags)?;
    }
    Some(())
}

/// Write one output file by the rule above; `.` and `..` in its path are resolved by their
/// words first, so no folder a `..` passes through is made (`nothere/../x.html` is
/// `x.html`).
pub fn write_file(path: &Path, bytes: &[u8], diags: &mut Diagnostics) -> Option<()> {
    write_one(path, bytes, false, diags).map(|_| ())
}

/// Write a file only where nothing is (`import-submissions` keeps a file that differs, and
/// keeps no record): `Some(false)` when something is there now, left as it is.
pub fn write_new(path: &Path, bytes: &[u8], diags: &mut Diagnostics) -> Option<bool> {
    write_one(path, bytes, true, diags)
}

fn write_one(path: &Path, bytes: &[u8], new_only: bool, diags: &mut Diagnostics) -> Option<bool> {
    if refused_place(path, diags) {
        return None;
    }
    write_placed(path, bytes, new_only, diags)
}

/// `write_one` where the place is already judged (`write_files` judges every file first).
fn write_placed(
    path: &Path,
    bytes: &[u8],
    new_only: bool,
    diags: &mut Diagnostics,
) -> Option<bool> {
    let target = crate::pipeline::write::normalise(path);
    let dir = target.parent().unwrap_or(Path::new("/")).to_path_buf();
    let cannot = |diags: &mut Diagnostics, e: &dyn std::fmt::Display| {
        diags.error(Pos::file(path), format!("cannot write: {e}"));
    };
    if let Err(e) = fs::create_dir_all(&dir) {
        cannot(diags, &e);
        return None;
    }
    // One writer at a time in a folder (two runs at once wait for each other here).
    let _lock = DirLock::take(&dir);
    remove_stale_temporaries(&dir);
    let mut ledger = read_ledger(&dir);
    if new_only && fs::symlink_metadata(&target).is_ok() {
        return Some(false);
    }
    let prior = match judge(&target, bytes, &ledger) {
        Ok(p) => p,
        Err(found) => {
            refuse(diags, path, &found);
            return None;
        }
    };
    let new_hash = hash_bytes(bytes);
    let name = file_name(&target);
    if prior == Prior::File(new_hash.clone()) {
        // The same bytes are there: nothing to write, and the file is now known as ours.
        ledger.insert(name, vec![new_hash]);
        let _ = write_ledger(&dir, &ledger);
        return Some(true);
    }
    let tmp = dir.join(format!(".{name}.doracak-tmp-{}", std::process::id()));
    let _ = fs::remove_file(&tmp);
    let written = (|| -> io::Result<()> {
        let mut f = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        cannot(diags, &e);
        return None;
    }
    // Both the old and the new bytes count as ours until the new ones are in place, so a
    // process killed in between leaves a file the next run recognises.
    // (`import-submissions` keeps no record: it never replaces a file.)
    let mut known = ledger.get(&name).cloned().unwrap_or_default();
    known.push(new_hash.clone());
    ledger.insert(name.clone(), known);
    if !new_only && let Err(e) = write_ledger(&dir, &ledger) {
        let _ = fs::remove_file(&tmp);
        cannot(diags, &e);
        return None;
    }
    crate::test_pause::pause("place");
    let placed = match &prior {
        Prior::Missing => place_new(&tmp, &target),
        Prior::File(old) => place_over(&tmp, &target, old),
    };
    let _ = fs::remove_file(&tmp);
    match placed {
        Ok(()) => {}
        Err(Placed::Taken) => {
            refuse(
                diags,
                path,
                "a file put there while doracak was writing (it is left as it is)",
            );
            return None;
        }
        Err(Placed::Io(e)) => {
            cannot(diags, &e);
            return None;
        }
    }
    if !new_only {
        ledger.insert(name, vec![new_hash]);
        let _ = write_ledger(&dir, &ledger);
    }
    sync_dir(&dir);
    Some(true)
}

enum Placed {
    /// Someone else's file is at the target now.
    Taken,
    Io(io::Error),
}

impl From<io::Error> for Placed {
    fn from(e: io::Error) -> Self {
        Placed::Io(e)
    }
}

/// Put `tmp` at `target` only if nothing is there.
fn place_new(tmp: &Path, target: &Path) -> Result<(), Placed> {
    #[cfg(target_os = "linux")]
    match rename2(tmp, target, libc::RENAME_NOREPLACE) {
        Ok(true) => return Ok(()),
        Ok(false) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(Placed::Taken),
        Err(e) => return Err(e.into()),
    }
    match fs::hard_link(tmp, target) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(Placed::Taken),
        Err(_) if fs::symlink_metadata(target).is_err() => Ok(fs::rename(tmp, target)?),
        Err(_) => Err(Placed::Taken),
    }
}

/// Put `tmp` at `target` in place of the file whose hash was `old`; if what is replaced
/// turns out to be another file (changed in the meantime), it is put back.
fn place_over(tmp: &Path, target: &Path, old: &str) -> Result<(), Placed> {
    #[cfg(target_os = "linux")]
    if rename2(tmp, target, libc::RENAME_EXCHANGE)? {
        // `tmp` now holds what was at the target.
        let was_link = fs::symlink_metadata(tmp).is_ok_and(|m| m.file_type().is_symlink());
        let same = was_link || old.is_empty() || hash_file(tmp).is_ok_and(|h| h == old);
        if !same && !forced() {
            rename2(tmp, target, libc::RENAME_EXCHANGE)?;
            return Err(Placed::Taken);
        }
        return Ok(());
    }
    let now = hash_file(target).unwrap_or_default();
    if now != old && !forced() && !old.is_empty() {
        return Err(Placed::Taken);
    }
    Ok(fs::rename(tmp, target)?)
}

#[cfg(target_os = "linux")]
use crate::pipeline::write::rename2;

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn hash_bytes(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hash_file(path: &Path) -> io::Result<String> {
    let mut f = fs::File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(hex(&h.finalize()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether the file at `path` is a ledger (a regular file whose first line names it).
fn is_ledger(path: &Path) -> bool {
    let Ok(meta) = fs::symlink_metadata(path) else {
        return false;
    };
    let mut head = [0u8; LEDGER_HEAD.len() + 1];
    meta.is_file()
        && fs::File::open(path)
            .and_then(|mut f| f.read_exact(&mut head))
            .is_ok()
        && head.starts_with(LEDGER_HEAD.as_bytes())
        && head[LEDGER_HEAD.len()] == b'\n'
}

/// The ledger of `dir`: each name with the hashes its bytes may have.
fn read_ledger(dir: &Path) -> HashMap<String, Vec<String>> {
    let mut map: HashMap<String, Vec<String>> = HashMap::new();
    let Ok(text) = fs::read_to_string(dir.join(LEDGER)) else {
        return map;
    };
    let mut lines = text.lines();
    if lines.next() != Some(LEDGER_HEAD) {
        return map;
    }
    for line in lines {
        if let Some((hash, name)) = line.split_once(' ') {
            map.entry(name.to_string())
                .or_default()
                .push(hash.to_string());
        }
    }
    map
}

/// Write the ledger of `dir` atomically (a temporary file renamed over it).
fn write_ledger(dir: &Path, ledger: &HashMap<String, Vec<String>>) -> io::Result<()> {
    let mut names: Vec<&String> = ledger.keys().filter(|n| !n.contains('\n')).collect();
    names.sort();
    let mut text = format!("{LEDGER_HEAD}\n");
    for n in names {
        for h in &ledger[n] {
            text.push_str(&format!("{h} {n}\n"));
        }
    }
    let tmp = dir.join(format!(".{LEDGER}.doracak-tmp-{}", std::process::id()));
    let _ = fs::remove_file(&tmp);
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()?;
    drop(f);
    let target = dir.join(LEDGER);
    if fs::symlink_metadata(&target).is_ok_and(|m| !m.is_file()) {
        let _ = fs::remove_file(&tmp);
        return Err(io::Error::other(format!(
            "{} is not doracak's record",
            target.display()
        )));
    }
    fs::rename(&tmp, &target)
}

/// Temporary files of processes that are gone (killed while writing) are removed.
fn remove_stale_temporaries(dir: &Path) {
    let Ok(rd) = fs::read_dir(dir) else { return };
    for e in rd.filter_map(Result::ok) {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some((_, pid)) = name.rsplit_once(".doracak-tmp-") else {
            continue;
        };
        if !name.starts_with('.') {
            continue;
        }
        if let Ok(pid) = pid.parse::<u32>()
            && !crate::pipeline::write::alive(pid)
            && e.file_type().is_ok_and(|t| t.is_file())
        {
            let _ = fs::remove_file(e.path());
        }
    }
}

fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// The lock of a folder doracak writes files into: an advisory lock on the folder itself,
/// which the system lets go of when the process ends, however it ends.
struct DirLock(#[allow(dead_code)] Option<fs::File>);

impl DirLock {
    fn take(dir: &Path) -> DirLock {
        #[cfg(unix)]
        if let Ok(f) = fs::File::open(dir)
            && f.lock().is_ok()
        {
            return DirLock(Some(f));
        }
        DirLock(None)
    }
}
