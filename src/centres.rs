//! A centre's identity: the centres declared once in `doracak.toml` (`[[centres]]`), found
//! by their id or by their name however it was typed (trimmed, whitespace collapsed, case
//! and diacritics folded). `import-submissions`, `aggregate` and `report --since` use this
//! one rule, so "Qendra  Tiranë 1" and "qendra tirane 1" stay one centre.

use crate::text::TextExt;

use std::collections::{BTreeMap, BTreeSet};

use crate::config::Centre;

/// The choice name of "another centre" in the form's list.
pub const OTHER: &str = "other";

/// A name as it is compared: trimmed, runs of whitespace as one space, lower case, no
/// diacritics (`"  Qendra  TIRANË 1 "` → `"qendra tirane 1"`).
pub fn normalise(name: &str) -> String {
    crate::text::fold(name).lowered().single_spaced()
}

/// Who a typed centre is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    /// What tells centres apart: the declared id, or `~` and the normalised name.
    pub key: String,
    /// The name to show: the declared name, or the first spelling met.
    pub name: String,
    /// The declared centre's id, where it is one.
    pub id: Option<String>,
}

/// The declared centres and the spellings met so far.
#[derive(Debug, Default)]
pub struct Registry {
    declared: Vec<Centre>,
    /// Per identity key: the first spelling met (the name of an undeclared centre) and
    /// every spelling met.
    seen: BTreeMap<String, (String, BTreeSet<String>)>,
}

impl Registry {
    pub fn new(declared: &[Centre]) -> Registry {
        Registry {
            declared: declared.to_vec(),
            seen: BTreeMap::new(),
        }
    }

    /// The identity of what was typed (or chosen) as the centre: a declared id, a declared
    /// name in any spelling, or else a centre known by its normalised name.
    pub fn resolve(&mut self, typed: &str) -> Identity {
        let typed = typed.trim();
        let folded = normalise(typed);
        let declared = self
            .declared
            .iter()
            .find(|c| c.id == typed)
            .or_else(|| self.declared.iter().find(|c| normalise(&c.name) == folded));
        let identity = match declared {
            Some(c) => Identity {
                key: c.id.clone(),
                name: c.name.clone(),
                id: Some(c.id.clone()),
            },
            None => {
                let key = format!("~{folded}");
                let name = self
                    .seen
                    .get(&key)
                    .map_or_else(|| typed.to_string(), |(first, _)| first.clone());
                Identity {
                    key,
                    name,
                    id: None,
                }
            }
        };
        let entry = self
            .seen
            .entry(identity.key.clone())
            .or_insert_with(|| (identity.name.clone(), BTreeSet::new()));
        entry.1.insert(typed.to_string());
        identity
    }

    /// The centres met under more than one spelling (or under a spelling other than the
    /// declared name): the name they count as, and the spellings merged into it.
    pub fn merged(&self) -> Vec<(String, Vec<String>)> {
        self.seen
            .values()
            .filter_map(|(name, spellings)| {
                let others: Vec<String> =
                    spellings.iter().filter(|s| *s != name).cloned().collect();
                (!others.is_empty()).then(|| (name.clone(), others))
            })
            .collect()
    }
}

/// Each assessment's centre, known by this module's rule (the assessment's name where no
/// centre is given), and the centres met under several spellings. The browser's comparison
/// page does the same (`centreOf` in `theme/static/assessment-core.js`).
pub fn identities(
    declared: &[Centre],
    files: &[crate::assessment::AssessmentFile],
) -> (Vec<Identity>, Vec<(String, Vec<String>)>) {
    let mut registry = Registry::new(declared);
    // Met oldest first (as the browser lists them), so an undeclared centre is shown with
    // the spelling of its oldest assessment, whatever the order of the files given.
    let mut order: Vec<usize> = (0..files.len()).collect();
    order.sort_by(|&a, &b| {
        files[a]
            .assessment
            .updated
            .cmp(&files[b].assessment.updated)
    });
    let mut ids: Vec<Option<Identity>> = vec![None; files.len()];
    for i in order {
        let f = &files[i];
        ids[i] = Some(if f.assessment.centre.trim().is_empty() {
            Identity {
                key: format!("={}", f.assessment.name),
                name: f.assessment.name.clone(),
                id: None,
            }
        } else {
            registry.resolve(&f.assessment.centre)
        });
    }
    (ids.into_iter().flatten().collect(), registry.merged())
}

/// Whether two assessments are of different centres (both named).
pub fn other_centre(
    declared: &[Centre],
    a: &crate::assessment::AssessmentFile,
    b: &crate::assessment::AssessmentFile,
) -> bool {
    if a.assessment.centre.trim().is_empty() || b.assessment.centre.trim().is_empty() {
        return false;
    }
    let mut registry = Registry::new(declared);
    registry.resolve(&a.assessment.centre).key != registry.resolve(&b.assessment.centre).key
}

#[cfg(test)]
mod tests {
    use super::*;

    fn centre(id: &str, name: &str) -> Centre {
        Centre {
            id: id.into(),
            name: name.into(),
            municipality: None,
            kind: None,
        }
    }

    #[test]
    fn names_are_compared_folded() {
        assert_eq!(normalise("  Qendra  TIRANË\t1 "), "qendra tirane 1");
        assert_eq!(normalise("qendra tiranë 1"), normalise("Qendra Tirane 1"));
    }

    #[test]
    fn a_declared_centre_is_found_by_id_or_any_spelling() {
        let mut r = Registry::new(&[centre("tirana-1", "Qendra Tiranë 1")]);
        for typed in [
            "tirana-1",
            "Qendra  Tiranë 1",
            "qendra tiranë 1",
            "QENDRA TIRANE 1",
        ] {
            let i = r.resolve(typed);
            assert_eq!(i.key, "tirana-1", "{typed}");
            assert_eq!(i.name, "Qendra Tiranë 1");
        }
        let other = r.resolve("Qendra Vatra");
        assert_eq!(other.id, None);
        assert_eq!(r.resolve("qendra  vatra").name, "Qendra Vatra");
        assert_eq!(
            r.merged(),
            [
                (
                    "Qendra Tiranë 1".to_string(),
                    vec![
                        "QENDRA TIRANE 1".to_string(),
                        "Qendra  Tiranë 1".into(),
                        "qendra tiranë 1".into(),
                        "tirana-1".into()
                    ]
                ),
                (
                    "Qendra Vatra".to_string(),
                    vec!["qendra  vatra".to_string()]
                )
            ]
        );
    }

    #[test]
    fn two_assessments_are_of_one_centre_however_typed() {
        let file = |centre: &str| {
            let mut f: crate::assessment::AssessmentFile = serde_json::from_str(
                r#"{"schema":"doracak-assessment","version":1,"handbook":{"title":"","catalog":""},"assessment":{"name":"x"}}"#,
            )
            .unwrap();
            f.assessment.centre = centre.to_string();
            f
        };
        let declared = [centre("t1", "Qendra Tiranë 1")];
        assert!(!other_centre(
            &declared,
            &file("Qendra  Tiranë 1"),
            &file("t1")
        ));
        assert!(!other_centre(
            &[],
            &file("Qendra Vatra"),
            &file("qendra vatra ")
        ));
        assert!(other_centre(
            &[],
            &file("Qendra Vatra"),
            &file("Qendra Drita")
        ));
        assert!(!other_centre(&[], &file(""), &file("Qendra Drita")));
    }
}
