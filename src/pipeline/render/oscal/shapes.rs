//! The catalogue's groups and controls as structs, serialised straight to JSON (no
//! `serde_json::Value` made and dropped for each of a large handbook's criteria). Each
//! struct's fields are in the order of their JSON names, sorted, as a `Value`'s map (a
//! `BTreeMap`) writes them, so the bytes are those the values wrote.

use std::borrow::Cow;

use serde::Serialize;

/// A property: OSCAL's (`ns` none) or doracak's.
#[derive(Serialize)]
pub(super) struct Prop<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub class: Option<String>,
    pub name: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ns: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
    pub value: Cow<'a, str>,
}

impl<'a> Prop<'a> {
    /// A property OSCAL defines.
    pub fn new(name: &'static str, value: impl Into<Cow<'a, str>>) -> Self {
        Prop {
            class: None,
            name,
            ns: None,
            remarks: None,
            value: value.into(),
        }
    }

    /// A property of doracak's, in its namespace.
    pub fn own(name: &'static str, value: impl Into<Cow<'a, str>>) -> Self {
        Prop {
            ns: Some(super::NS),
            ..Prop::new(name, value)
        }
    }
}

/// A link to the criterion's page.
#[derive(Serialize)]
pub(super) struct Link {
    pub href: String,
    #[serde(rename = "media-type")]
    pub media_type: &'static str,
    pub rel: &'static str,
    pub text: String,
}

/// A part: a statement, an objective, a guidance note, an assessment method and its
/// objects.
#[derive(Serialize)]
pub(super) struct Part<'a> {
    pub id: Cow<'a, str>,
    pub name: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parts: Option<Vec<Part<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub props: Option<Vec<Prop<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prose: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

impl<'a> Part<'a> {
    /// A part of `name` with only its id.
    pub fn new(id: impl Into<Cow<'a, str>>, name: &'static str) -> Self {
        Part {
            id: id.into(),
            name,
            parts: None,
            props: None,
            prose: None,
            title: None,
        }
    }
}

/// A criterion as a control.
#[derive(Serialize)]
pub(super) struct Control<'a> {
    pub class: &'static str,
    pub id: &'a str,
    pub links: [Link; 1],
    pub parts: Vec<Part<'a>>,
    pub props: Vec<Prop<'a>>,
    pub title: String,
}

/// A standard as a group.
#[derive(Serialize)]
pub(super) struct Group<'a> {
    pub class: &'static str,
    pub controls: Vec<Control<'a>>,
    pub id: &'a str,
    pub parts: [Part<'a>; 2],
    pub props: [Prop<'a>; 1],
    pub title: String,
}
