//! The content hash of what a training covers: a procedure's steps, actors and timings, or
//! the steps a role acts in. A training record keeps it; when it differs from the current
//! one, the trainee is due a refresher (`doracak training-report`). FNV-1a, as the
//! catalogue hash.

use crate::pipeline::model::{Handbook, Step};

fn fnv(parts: impl Iterator<Item = String>) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for s in parts {
        for b in s.bytes().chain(std::iter::once(0)) {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// How a step's text is hashed: as the source prints it (`Words`, the hash pages and
/// records carry: marking an example is no change a trainee must be retrained on), or as
/// written with its example marks (`Written`, the hash of records made before, still
/// taken as current).
#[derive(Clone, Copy, PartialEq)]
enum Text {
    Words,
    Written,
}

/// What of a step a training covers: its text, actors and timings.
fn step_parts(st: &Step, how: Text) -> Vec<String> {
    let text = match how {
        Text::Words => crate::markdown::unmarked(&st.text).into_owned(),
        Text::Written => st.text.clone(),
    };
    let mut v = vec![text, st.actors.join(",")];
    // The persons who act (the appellant): only where there are some, so the hash of every
    // other step stays what it was.
    if !st.persons.is_empty() {
        v.push(st.persons.join("|"));
    }
    // Whom an actor acts for ("APAP-i i SHSSH-së"), likewise only where the source says so.
    for a in &st.acting_for {
        v.push(format!(
            "{}>{}|{}",
            a.actor,
            a.of.as_deref().unwrap_or(""),
            a.words
        ));
    }
    for t in &st.timing {
        v.push(format!(
            "{}|{}|{}|{:?}|{}",
            t.kind, t.iso, t.working_days, t.to_iso, t.text
        ));
    }
    v
}

/// The hash of a procedure's steps, actors and timings; none for an unknown procedure.
pub fn procedure_hash(hb: &Handbook, id: &str) -> Option<String> {
    procedure(hb, id, Text::Words)
}

fn procedure(hb: &Handbook, id: &str, how: Text) -> Option<String> {
    let p = hb.procedures.iter().find(|p| p.id == id)?;
    Some(fnv(p.steps.iter().flat_map(|st| step_parts(st, how))))
}

/// The hash of the steps a role acts in (with their actors and timings); none for an
/// unknown role.
pub fn role_hash(hb: &Handbook, id: &str) -> Option<String> {
    role(hb, id, Text::Words)
}

fn role(hb: &Handbook, id: &str, how: Text) -> Option<String> {
    hb.roles.iter().find(|r| r.id == id)?;
    Some(fnv(hb
        .procedures
        .iter()
        .flat_map(|p| &p.steps)
        .filter(|st| st.actors.iter().any(|a| a == id))
        .flat_map(|st| {
            std::iter::once(st.id.clone()).chain(step_parts(st, how))
        })))
}

/// The hash of a training's subject: `kind` is `procedure` or `role`.
pub fn subject_hash(hb: &Handbook, kind: &str, id: &str) -> Option<String> {
    subject(hb, kind, id, Text::Words)
}

/// The hash a record made before the hash left the example marks out holds for the same
/// content (the text as written, marks included); the same as `subject_hash` where the
/// subject's steps mark no example. A record holding either is current.
pub fn subject_hash_as_written(hb: &Handbook, kind: &str, id: &str) -> Option<String> {
    subject(hb, kind, id, Text::Written)
}

fn subject(hb: &Handbook, kind: &str, id: &str, how: Text) -> Option<String> {
    match kind {
        "procedure" => procedure(hb, id, how),
        "role" => role(hb, id, how),
        _ => None,
    }
}
