//! Which roles a text names and involves: by title or abbreviation, through the groups and
//! members the source lists, and the same person under another title.

use std::collections::BTreeSet;

use super::{Handbook, Step};
pub use crate::text::names::inflection_stem;
use crate::text::names::{Name, fits_at};

/// The roles whose title or abbreviation the step's text names (case and inflection
/// aside: a title matches by its words' stems, an abbreviation as a whole word).
pub fn named_in_text(hb: &Handbook, step: &Step) -> BTreeSet<String> {
    names(hb, &step.text)
}

/// The roles' names as `names` and `without_names` match them, made once per handbook
/// (`Handbook::role_names`): each name's words, lower-cased, and whether a word of the text
/// need only start with each (a title's or another printed name's stems) or be it (an
/// abbreviation's parts).
#[derive(Debug)]
pub struct RoleNames {
    /// By the roles' order: the role's id and its names (the title, then the other words
    /// the source names it by, then its abbreviations).
    roles: Vec<(String, Vec<Name>)>,
    /// By the first byte of a name's first word, the (role, name) indices of the names it
    /// begins: the only ones that may stand at a word of a text.
    by_first: Vec<Vec<(usize, usize)>>,
}

/// Every role's names (`RoleNames`).
fn role_names(hb: &Handbook) -> &RoleNames {
    hb.role_names.get_or_init(|| {
        let roles: Vec<(String, Vec<Name>)> = hb
            .roles
            .iter()
            .map(|r| {
                let titles = std::iter::once(&r.title).chain(&r.named_by);
                let abbrs = r.abbr.iter().chain(&r.abbr_variants);
                let names = crate::text::names::role_names(
                    titles.map(String::as_str),
                    abbrs.map(String::as_str),
                );
                (r.id.clone(), names)
            })
            .collect();
        let mut by_first = vec![Vec::new(); 256];
        for (k, (_, patterns)) in roles.iter().enumerate() {
            for (j, (p, _)) in patterns.iter().enumerate() {
                // A name of no words names nothing; a word is never empty.
                if let Some(&b) = p.first().and_then(|w| w.as_bytes().first()) {
                    by_first[usize::from(b)].push((k, j));
                }
            }
        }
        RoleNames { roles, by_first }
    })
}

/// The roles whose title or abbreviation `text` names (see `named_in_text`).
pub fn names(hb: &Handbook, text: &str) -> BTreeSet<String> {
    let text = crate::text::lower(text);
    let words: Vec<&str> = text
        .split(|c: char| !crate::text::is_word_char(c))
        .filter(|w| !w.is_empty())
        .collect();
    // A title matches where its words follow each other in the text, each word of the text
    // starting with the title word's stem (`inflection_stem`); an abbreviation where its
    // parts do, each a whole word.
    let all = role_names(hb);
    let mut named = vec![false; all.roles.len()];
    for (i, w) in words.iter().enumerate() {
        for &(k, j) in &all.by_first[usize::from(w.as_bytes()[0])] {
            let (p, stem) = &all.roles[k].1[j];
            if !named[k] && fits_at(&words, i, p, *stem) {
                named[k] = true;
            }
        }
    }
    all.roles
        .iter()
        .zip(named)
        .filter(|(_, n)| *n)
        .map(|((id, _), _)| id.clone())
        .collect()
}

/// Whether `text` names `role` by one of its names whole: as the validator finds them,
/// inflected, its linking words any linking word ("punonjësin e rastit" for "Punonjësi i
/// rastit", `text::names::first_named`), or a title's content words in a row, inflected,
/// whatever small words stand between ("Punonjësi për mbrojtjen e fëmijës" for
/// "Punonjësi i mbrojtjes së fëmijës", 001:984); not by a name's first word alone
/// ("punonjësi social" is not "Punonjësi i rastit").
pub fn named_whole(hb: &Handbook, role: &str, text: &str) -> bool {
    let Some(r) = hb.roles.iter().find(|r| r.id == role) else {
        return false;
    };
    let by_names = role_names(hb)
        .roles
        .iter()
        .find(|(id, _)| id == role)
        .is_some_and(|(_, names)| crate::text::names::first_named(text, names).is_some());
    let words = super::content_words(text);
    by_names
        || std::iter::once(&r.title).chain(&r.named_by).any(|t| {
            let stems: Vec<String> = super::content_words(t)
                .iter()
                .map(|w| inflection_stem(w))
                .collect();
            !stems.is_empty()
                && words.windows(stems.len()).any(|ws| {
                    ws.iter().zip(&stems).all(|(w, s)| {
                        w.starts_with(s.as_str()) && w.chars().count() <= s.chars().count() + 3
                    })
                })
        })
}

/// The words of `text`, lower-cased, without those of the names of `ids` it holds (each
/// role's title, the other words the source names it by, its abbreviations; matched as
/// `names` matches them): what a "who?" stem keeps once its answers are blanked.
pub fn without_names(hb: &Handbook, text: &str, ids: &[&str]) -> String {
    let text = crate::text::lower(text);
    let words: Vec<&str> = text
        .split(|c: char| !crate::text::is_word_char(c))
        .filter(|w| !w.is_empty())
        .collect();
    let mut gone = vec![false; words.len()];
    for (_, patterns) in role_names(hb)
        .roles
        .iter()
        .filter(|(id, _)| ids.contains(&id.as_str()))
    {
        for (p, stem) in patterns {
            if p.is_empty() || p.len() > words.len() {
                continue;
            }
            for i in 0..=words.len() - p.len() {
                if fits_at(&words, i, p, *stem) {
                    gone[i..i + p.len()].iter_mut().for_each(|g| *g = true);
                }
            }
        }
    }
    words
        .iter()
        .zip(&gone)
        .filter(|(_, g)| !**g)
        .map(|(w, _)| *w)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The roles the source involves in a step: its actors, the roles its text names, and the
/// members of a group that acts, either way the source defines them (the G/SPIF's
/// definition names the child-protection worker and the State Social Service; the police's
/// names the G/SPIF as the structure its officer sits in), and the groups and members the
/// source lists (`Role::members`: the police among the agencies for initial
/// identification), both ways and through groups of groups. None of them is a wrong
/// answer to "who?". (Made once per step: each of its questions, and each role's variant
/// of them, asks.)
pub fn involved(hb: &Handbook, step: &Step) -> std::sync::Arc<BTreeSet<String>> {
    let at = std::ptr::from_ref(step) as usize;
    hb.quiz_memo
        .involved
        .get_or(at, || involved_in(hb, &step.text, &step.actors))
}

/// The roles the source involves where `actors` act in `text` (see `involved`): a
/// step's, a section's or a criterion's.
pub fn involved_in(hb: &Handbook, text: &str, actors: &[String]) -> BTreeSet<String> {
    let mut out = names(hb, text);
    out.extend(actors.iter().cloned());
    let definitions = hb.definition_names.get_or_init(|| {
        hb.roles
            .iter()
            .map(|r| {
                r.definition
                    .as_deref()
                    .map(|d| names(hb, d))
                    .unwrap_or_default()
            })
            .collect()
    });
    // (A role with no definition names no one: its set is empty.)
    for (r, defined) in hb.roles.iter().zip(definitions) {
        if actors.contains(&r.id) {
            out.extend(defined.iter().cloned());
        } else if actors.iter().any(|a| defined.contains(a)) {
            out.insert(r.id.clone());
        }
    }
    let roots: Vec<String> = out.iter().cloned().collect();
    for id in roots {
        // (A role's relations are the same wherever it stands: made once per role.)
        let related = hb.quiz_memo.related.get_or(id.clone(), || related(hb, &id));
        out.extend(related.iter().cloned());
    }
    // A title whose posts the source describes (the PMF: the municipality's and the unit's
    // child-protection worker) is a member of a group that lists one of its posts: the
    // NJVNR "duhet të ketë të paktën: … një punonjës për mbrojtjen e fëmijëve" (002:150-154),
    // so the PMF is no wrong answer where the NJVNR acts (read-47b, M-7).
    let posts = |r: &crate::pipeline::model::Role| {
        !r.members.is_empty()
            && r.members.iter().all(|m| {
                hb.roles
                    .iter()
                    .any(|x| &x.id == m && x.kind == crate::pipeline::model::RoleKind::Job)
            })
    };
    let in_acting: BTreeSet<String> = actors.iter().flat_map(|a| members_of(hb, a)).collect();
    for r in hb.roles.iter().filter(|r| posts(r)) {
        if r.members.iter().any(|m| in_acting.contains(m)) {
            out.insert(r.id.clone());
        }
    }
    // Where a group whose list ends with a catch-all acts, the roles the catch-all covers
    // (review 45 Q-14).
    for r in hb.roles.iter().filter(|r| actors.contains(&r.id)) {
        out.extend(r.catch_all.iter().cloned());
    }
    // A group the source defines as every institution it names is never a wrong answer.
    out.extend(
        hb.roles
            .iter()
            .filter(|r| r.names_all)
            .map(|r| r.id.clone()),
    );
    out
}

/// The groups `role` is a member of and the members it has, as the source lists them
/// (`Role::members`), through groups of groups; and the same person under another title
/// (`Role::same_as`), with that title's groups and members.
pub fn related(hb: &Handbook, role: &str) -> BTreeSet<String> {
    let mut out = groups_and_members(hb, role);
    // The same person under another title, either way the source says it: of the role and
    // of each of its groups and members (the child-protection unit's worker is the child's
    // case manager, so the referral agencies hold the case manager too).
    let mut todo: Vec<String> = std::iter::once(role.to_string())
        .chain(out.iter().cloned())
        .collect();
    while let Some(at) = todo.pop() {
        let at_root = at == role;
        for id in same_person(hb, &at) {
            if id != role && out.insert(id.to_string()) {
                // The groups and members of the role's own other title; of a member's
                // other title, that title alone.
                if at_root {
                    let mut also = groups_and_members(hb, id);
                    also.remove(role);
                    out.extend(also);
                }
            }
        }
    }
    // The roles the source says this one, or the same person under another title, is in
    // some cases (`Role::may_be`), either way, with their own other titles: not the same
    // person, but never a wrong answer where the other acts.
    let mut sometimes_of: BTreeSet<String> = BTreeSet::new();
    for at in std::iter::once(role).chain(out.iter().map(String::as_str)) {
        for id in sometimes(hb, at) {
            sometimes_of.insert(id.to_string());
            sometimes_of.extend(same_person(hb, id).map(str::to_string));
        }
    }
    sometimes_of.remove(role);
    out.extend(sometimes_of);
    out
}

/// The groups `role` is a member of and the members it has (`Role::members`), through
/// groups of groups, each way apart.
fn groups_and_members(hb: &Handbook, role: &str) -> BTreeSet<String> {
    let walk = |down: bool| {
        let mut found: BTreeSet<String> = BTreeSet::new();
        let mut todo = vec![role.to_string()];
        while let Some(id) = todo.pop() {
            let next: Vec<String> = if down {
                hb.roles
                    .iter()
                    .find(|r| r.id == id)
                    .map(|r| r.members.clone())
                    .unwrap_or_default()
            } else {
                hb.roles
                    .iter()
                    .filter(|r| r.members.contains(&id))
                    .map(|r| r.id.clone())
                    .collect()
            };
            for n in next {
                if n != role && found.insert(n.clone()) {
                    todo.push(n);
                }
            }
        }
        found
    };
    let mut out = walk(true);
    out.extend(walk(false));
    out
}

/// The members of the group `role` as the source lists them (`Role::members`), through
/// groups of groups.
pub fn members_of(hb: &Handbook, role: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut todo = vec![role.to_string()];
    while let Some(id) = todo.pop() {
        for m in hb
            .roles
            .iter()
            .filter(|r| r.id == id)
            .flat_map(|r| &r.members)
        {
            if m != role && found.insert(m.clone()) {
                todo.push(m.clone());
            }
        }
    }
    found
}

/// The roles the source says `role` is in some cases, or that are `role` in some cases
/// (`Role::may_be`), declared on either side.
pub fn sometimes<'a>(hb: &'a Handbook, role: &'a str) -> impl Iterator<Item = &'a str> {
    let mut of: BTreeSet<&'a str> = BTreeSet::new();
    for r in &hb.roles {
        if r.id == role {
            of.extend(r.may_be.iter().map(String::as_str));
        } else if r.may_be.iter().any(|s| s == role) {
            of.insert(r.id.as_str());
        }
    }
    // Each once, declared on either side or twice; never the role itself.
    of.remove(role);
    of.into_iter()
}

/// The roles the source says are `role` under another title (`Role::same_as`), declared on
/// either side.
pub fn same_person<'a>(hb: &'a Handbook, role: &'a str) -> impl Iterator<Item = &'a str> {
    hb.roles.iter().flat_map(move |r| {
        let of: Vec<&'a str> = if r.id == role {
            r.same_as.iter().map(String::as_str).collect()
        } else if r.same_as.iter().any(|s| s == role) {
            vec![r.id.as_str()]
        } else {
            Vec::new()
        };
        of
    })
}
