//! The titles of everything a reference can point at (roles with their jurisdiction,
//! procedures, forms with their printed codes), and the links made of them.

use std::collections::HashMap;

use super::LinkView;
use crate::address::Pages;
use crate::pipeline::model::{self, Handbook};

/// Titles of everything a reference can point at.
pub(crate) struct Titles<'a> {
    /// The addresses in the handbook's language.
    pub(crate) addr: &'a Pages,
    /// Forms' printed codes (none where the source prints none).
    pub(crate) form_codes: HashMap<&'a str, Option<&'a str>>,
    pub roles: HashMap<&'a str, &'a str>,
    pub procedures: HashMap<&'a str, &'a str>,
    pub(crate) forms: HashMap<&'a str, &'a str>,
    /// Forms encoded field by field: id → printed code.
    pub(crate) printed: HashMap<&'a str, Option<&'a str>>,
    /// Roles' abbreviations, where the source gives one.
    pub(crate) role_abbr: HashMap<&'a str, &'a str>,
}

/// A role's title as readers see it wherever it is named: with its jurisdiction, where it
/// has one, so a Kosovo role is never taken for the Albanian one.
pub(crate) fn role_title(r: &model::Role, ui: &HashMap<String, String>) -> String {
    match &r.jurisdiction {
        Some(j) => crate::theme::say(
            ui,
            "role_title_jurisdiction",
            &[("title", &r.title), ("jurisdiction", j)],
        ),
        None => r.title.clone(),
    }
}

impl<'a> Titles<'a> {
    pub(crate) fn of(hb: &'a Handbook, role_titles: &'a [(String, String)]) -> Self {
        Titles {
            addr: &hb.addresses,
            form_codes: hb
                .forms
                .iter()
                .map(|f| (f.id.as_str(), f.code.as_deref()))
                .collect(),
            roles: role_titles
                .iter()
                .map(|(id, t)| (id.as_str(), t.as_str()))
                .collect(),
            procedures: hb
                .procedures
                .iter()
                .map(|p| (p.id.as_str(), p.title.as_str()))
                .collect(),
            forms: hb
                .forms
                .iter()
                .map(|f| (f.id.as_str(), f.title.as_str()))
                .collect(),
            printed: hb
                .forms
                .iter()
                .filter(|f| f.template.is_some())
                .map(|f| (f.id.as_str(), f.printed_code.as_deref()))
                .collect(),
            role_abbr: hb
                .roles
                .iter()
                .filter_map(|r| Some((r.id.as_str(), r.abbr.as_deref()?)))
                .collect(),
        }
    }

    /// A role named briefly: its abbreviation where it has one, else its title.
    pub(crate) fn role_short(&self, id: &str) -> String {
        match self.role_abbr.get(id) {
            Some(a) => a.to_string(),
            None => self.roles.get(id).copied().unwrap_or(id).to_string(),
        }
    }

    /// Links to forms: to the form's own page, "MR3 (E-3)", where it is encoded field by
    /// field; to its entry in the catalogue otherwise, with its printed code (none where
    /// the source prints none).
    pub fn form_links(&self, ids: &[String]) -> Vec<LinkView> {
        ids.iter().map(|id| self.form_link(id)).collect()
    }

    pub fn form_link(&self, id: &str) -> LinkView {
        let title = self.forms.get(id).copied().unwrap_or(id).to_string();
        match self.printed.get(id) {
            Some(printed) => LinkView {
                id: id.to_string(),
                code: Some(crate::pipeline::render::forms::label(id, *printed)),
                title,
                url: self.addr.form_page(id),
            },
            None => LinkView {
                id: id.to_string(),
                code: self.form_code(id),
                title,
                url: self.addr.form(id),
            },
        }
    }

    pub(crate) fn form_code(&self, id: &str) -> Option<String> {
        match self.form_codes.get(id) {
            Some(code) => code.map(str::to_string),
            None => Some(id.to_string()),
        }
    }

    pub fn links(
        &self,
        ids: &[String],
        table: &HashMap<&str, &str>,
        url: impl Fn(&str) -> String,
    ) -> Vec<LinkView> {
        ids.iter()
            .map(|id| {
                LinkView::plain(
                    id.clone(),
                    table.get(id.as_str()).copied().unwrap_or(id).to_string(),
                    url(id),
                )
            })
            .collect()
    }
}
