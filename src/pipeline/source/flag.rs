//! A yes-or-no field: only YAML's booleans `true` and `false`. A quoted `"yes"` or
//! `"true"`, or YAML 1.1's `yes`/`on`, is refused where it stands, as "expected true or
//! false, found the string \"yes\"", never read as true.

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use super::S;

/// A boolean the file wrote as a YAML boolean.
struct Flag(bool);

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Flag;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("true or false")
            }
            fn visit_bool<E: de::Error>(self, b: bool) -> Result<Flag, E> {
                Ok(Flag(b))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Flag, E> {
                let shown: String = s.chars().take(40).collect();
                Err(E::custom(format!(
                    "expected true or false, found the string {shown:?}"
                )))
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Flag, E> {
                number(n)
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Flag, E> {
                number(n)
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<Flag, E> {
                number(n)
            }
        }
        d.deserialize_any(V)
    }
}

/// A number where true or false is expected.
fn number<E: de::Error>(n: impl std::fmt::Display) -> Result<Flag, E> {
    Err(E::custom(format!(
        "expected true or false, found the number {n}"
    )))
}

/// `#[serde(default, deserialize_with = "flag")]` on an `Option<S<bool>>` field.
pub fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<Option<S<bool>>, D::Error> {
    let f = Option::<S<Flag>>::deserialize(d)?;
    Ok(f.map(|s| S::new(s.value.0, s.referenced, s.defined)))
}
