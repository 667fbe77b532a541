//! A step's link to a form (`forms:` of a step), with the source words it rests on.
//!
//! A link is either a form's id alone (`forms: [A1]`), or the form with the words of the
//! source that make the link, quoted as printed, exactly one of:
//!
//! - `named:` the words of the step's own text that name the form: its code ("sipas
//!   formatit A5", "Formularit 4 të MR") or the document's name as the form's title gives
//!   it ("deklaratat e konfidencialitetit" for "Deklaratë e konfidencialitetit"). They
//!   stand in the step's normative text (its examples left out), so a learner can learn
//!   the link from the step: only such a link is asked "which form?".
//! - `tied:` the words of the form's own text as the handbook loads it, its title in
//!   `content/forms.yaml` (the annex that lists it) or an entry of the procedure's
//!   `documentation:` (the "Dokumentimi" list), that tie the form to a step naming no form
//!   (an act, "Vlerësimi i thelluar i nevojave"; a document named by an earlier step,
//!   "transferon kërkesën"). The link stands on the step's page; it is never asked.
//!
//! A form's id alone carries no words: the link is shown, never asked.
//!
//! A quoted link may name `actors:`, those of the step's actors who use the form where the
//! source splits them (001:718-720: the child's interview by the PMF, the adult's by the
//! State Social Service); without it the form is every actor's of the step.

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::S;

/// One `forms:` entry of a step.
#[derive(Debug)]
pub struct FormLinkSrc {
    /// The form's id (`A5`).
    pub form: S<String>,
    /// Words of the step's own text that name the form.
    pub named: Option<S<String>>,
    /// Words of the form's title or of the procedure's documentation list that tie the
    /// form to the step.
    pub tied: Option<S<String>>,
    /// Those of the step's actors who use the form; none: all of them.
    pub actors: Vec<S<String>>,
}

/// The mapping form of an entry.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Quoted {
    form: S<String>,
    #[serde(default)]
    named: Option<S<String>>,
    #[serde(default)]
    tied: Option<S<String>>,
    #[serde(default)]
    actors: Vec<S<String>>,
}

/// An entry as written: an id, or the mapping.
enum Written {
    Id(String),
    Quoted(Box<Quoted>),
}

impl<'de> Deserialize<'de> for Written {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Written;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a form's id, or `form:` with `named:` or `tied:` words")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Written, E> {
                Ok(Written::Id(s.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Written, A::Error> {
                Quoted::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|q| Written::Quoted(Box::new(q)))
            }
        }
        d.deserialize_any(V)
    }
}

/// `#[serde(default = "empty", deserialize_with = "form_links")]` on a step's `forms`.
pub fn form_links<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<FormLinkSrc>, D::Error> {
    let written = Vec::<S<Written>>::deserialize(d)?;
    Ok(written
        .into_iter()
        .map(|w| match w.value {
            Written::Id(id) => FormLinkSrc {
                form: S::new(id, w.referenced, w.defined),
                named: None,
                tied: None,
                actors: Vec::new(),
            },
            Written::Quoted(q) => {
                let q = *q;
                FormLinkSrc {
                    form: q.form,
                    named: q.named,
                    tied: q.tied,
                    actors: q.actors,
                }
            }
        })
        .collect())
}

/// A form's id, or a list of forms' ids: `#[serde(default = "empty", deserialize_with =
/// "one_or_many")]` on a document's `form`.
pub fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<S<String>>, D::Error> {
    enum Ids {
        One(String),
        Many(Vec<S<String>>),
    }
    impl<'de> Deserialize<'de> for Ids {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Ids;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("a form's id, or a list of forms' ids")
                }
                fn visit_str<E: de::Error>(self, s: &str) -> Result<Ids, E> {
                    Ok(Ids::One(s.to_string()))
                }
                fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Ids, A::Error> {
                    Vec::<S<String>>::deserialize(de::value::SeqAccessDeserializer::new(seq))
                        .map(Ids::Many)
                }
            }
            d.deserialize_any(V)
        }
    }
    let ids = S::<Ids>::deserialize(d)?;
    Ok(match ids.value {
        Ids::One(id) => vec![S::new(id, ids.referenced, ids.defined)],
        Ids::Many(ids) => ids,
    })
}
