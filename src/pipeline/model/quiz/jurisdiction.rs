//! Where a question's place applies, and which wrong answers belong there: a Kosovo body
//! or form is no honest wrong answer to an Albanian step, nor the reverse, and its label
//! ("(Kosovë)", "MR…") gave answers away (review 44, Q-5). A timing names no jurisdiction.

use super::{Answer, Handbook, Procedure};

/// The jurisdiction of procedure `p`: its collection's (`Collection::jurisdiction`); none
/// for the handbook's own.
pub fn of_procedure<'a>(hb: &'a Handbook, p: &Procedure) -> Option<&'a str> {
    hb.config
        .collections
        .iter()
        .find(|c| c.id == p.collection)
        .and_then(|c| c.jurisdiction.as_deref())
}

/// Whether the role or form `a` belongs to jurisdiction `j`: a role by its own
/// `jurisdiction`; a form by the procedures that link it, all of `j` (a form no procedure
/// links: the handbook's own). A timing or a person: yes.
pub fn holds(hb: &Handbook, a: &Answer, j: Option<&str>) -> bool {
    match a {
        Answer::Role(id) => hb
            .roles
            .iter()
            .find(|r| &r.id == id)
            .is_none_or(|r| r.jurisdiction.as_deref() == j),
        Answer::Form(id) => {
            let mut linking = hb
                .procedures
                .iter()
                .filter(|p| p.steps.iter().any(|s| s.forms.contains(id)))
                .peekable();
            match linking.peek() {
                None => j.is_none(),
                Some(_) => linking.all(|p| of_procedure(hb, p) == j),
            }
        }
        Answer::Timing(_) | Answer::Person(_) => true,
    }
}
