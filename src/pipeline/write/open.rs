//! Opening an output for a build, in the order that keeps what is there safe.

use std::fs;
use std::io;
use std::path::Path;

use super::{
    Leftover, OutputLock, Refusal, SiteWriter, guard, lock, parent_and_name, position, recover,
    resolve, shown,
};

/// Take the output at `out` for the handbook at `root`, in the order that keeps what is
/// there safe: the path is judged after `.` and `..` are resolved; its folder's lock is
/// taken (`what` names the command in it); what a crash left half done is put right; only
/// then is what is at the output judged, and the writer begins.
pub fn open(root: &Path, out: &Path, what: &str) -> Result<SiteWriter, Refusal> {
    let (lock, leftovers) = take_lock(root, out, what)?;
    let existing = guard(root, out).map_err(|r| put_right_first(r, &leftovers))?;
    let mut writer = SiteWriter::begin_locked(out, existing, Some(lock)).map_err(|e| {
        let r = Refusal {
            message: format!("cannot write the site at {}: {e}", shown(out)),
            hint: "nothing was touched; check that the folder can be written, or choose \
                   another with --out DIR"
                .into(),
        };
        put_right_first(r, &leftovers)
    })?;
    writer.leftovers = leftovers;
    Ok(writer)
}

/// Judge where the output is, take its lock and put right what a crash left: the steps of
/// [`open`] before the output's contents are judged (`serve` holds this for its session).
/// Returns the lock and what a build that stopped before it finished had left, now put
/// back or removed.
pub fn take_lock(
    root: &Path,
    out: &Path,
    what: &str,
) -> Result<(OutputLock, Vec<Leftover>), Refusal> {
    position(root, out)?;
    let resolved = resolve(out);
    let (parent, _) = parent_and_name(&resolved);
    let cannot = |e: io::Error| Refusal {
        message: format!("cannot prepare the output folder {}: {e}", shown(out)),
        hint: "check that the folder can be written, or choose another with --out DIR".into(),
    };
    fs::create_dir_all(&parent).map_err(cannot)?;
    let lock = match lock::acquire(&resolved, what) {
        Ok(l) => l,
        Err(Ok(h)) => {
            return Err(Refusal {
                message: format!(
                    "expected no other doracak writing to {}, found {}{} writing it (lock file {})",
                    shown(out),
                    // The holder writes its id just after it takes the lock.
                    if h.pid == 0 {
                        "another process".to_string()
                    } else {
                        format!("process {}", h.pid)
                    },
                    if h.what.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", h.what)
                    },
                    h.lock.display()
                ),
                hint: "nothing was touched; wait until it finishes (or stop it), then run this \
                       again, or write to another folder with --out DIR"
                    .into(),
            });
        }
        Err(Err(e)) => return Err(cannot(e)),
    };
    let leftovers = recover(&resolved).map_err(cannot)?;
    Ok((lock, leftovers))
}

/// A refusal of what is at the output, after recovery put right what a stopped build had
/// left beside it: the refusal says so, and no longer that nothing was touched (adversary
/// 50 H-1).
pub fn put_right_first(mut r: Refusal, leftovers: &[Leftover]) -> Refusal {
    if leftovers.is_empty() {
        return r;
    }
    let done = leftovers
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ");
    let first = format!(
        "before this check, the build put right what a stopped build had left beside the \
         output ({done})"
    );
    r.hint = match r.hint.strip_prefix("nothing was touched") {
        Some(rest) => format!("{first}; nothing else was touched{rest}"),
        None => format!("{first}; {}", r.hint),
    };
    r
}
