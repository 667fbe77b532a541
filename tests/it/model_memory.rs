//! Issue 28: the model holds its lists without the sources' room. A list collected from a
//! source's list it consumes would reuse that list's memory, sized for the source's larger
//! items (and on the thread that read it): on 1,000 standards that was most of the model's
//! resident memory.

use crate::common::repo;

/// Every list of a standard the model keeps has no room to spare.
#[test]
fn the_standards_lists_have_no_room_to_spare() {
    let (hb, diags) = doracak::check(&repo());
    let hb = hb.unwrap_or_else(|| panic!("the shipped handbook checks: {diags:?}"));
    let mut roomy = Vec::new();
    for s in &hb.standards {
        if s.criteria.capacity() != s.criteria.len() {
            roomy.push(format!("{}: criteria", s.id));
        }
        for c in &s.criteria {
            let lists = [
                ("evidence", c.evidence.capacity(), c.evidence.len()),
                ("guidance", c.guidance.capacity(), c.guidance.len()),
                ("timing", c.timing.capacity(), c.timing.len()),
                ("roles", c.roles.capacity(), c.roles.len()),
                ("procedures", c.procedures.capacity(), c.procedures.len()),
                ("forms", c.forms.capacity(), c.forms.len()),
            ];
            for (name, capacity, len) in lists {
                if capacity != len {
                    roomy.push(format!("{}: {name} {len} in room for {capacity}", c.id));
                }
            }
        }
    }
    assert!(roomy.is_empty(), "lists with room to spare: {roomy:?}");
}
