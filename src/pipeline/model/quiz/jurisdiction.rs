//! Where a question's place applies, and which wrong answers belong there: a Kosovo body
//! or form is no honest wrong answer to an Albanian step, nor the reverse, and its label
//! ("(Kosovë)", "MR…") gave answers away (review 44, Q-5). A timing names no jurisdiction.

use std::collections::{BTreeMap, BTreeSet};

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

/// The jurisdictions of the procedures that link each form (none: the handbook's own), by
/// form id; a form no procedure links has no entry.
pub type FormJurisdictions = BTreeMap<String, BTreeSet<Option<String>>>;

/// The handbook's `FormJurisdictions`, made once: every step of every procedure read once,
/// not once per form asked of.
fn form_jurisdictions(hb: &Handbook) -> &FormJurisdictions {
    hb.form_jurisdictions.get_or_init(|| {
        let mut out = FormJurisdictions::new();
        for p in &hb.procedures {
            let j = of_procedure(hb, p).map(str::to_string);
            for form in p.steps.iter().flat_map(|s| &s.forms) {
                out.entry(form.clone()).or_default().insert(j.clone());
            }
        }
        out
    })
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
        Answer::Form(id) => match form_jurisdictions(hb).get(id) {
            None => j.is_none(),
            Some(all) => all.iter().all(|k| k.as_deref() == j),
        },
        Answer::Timing(_) | Answer::Person(_) => true,
    }
}
