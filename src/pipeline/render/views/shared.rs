//! What the views' context is made from, owned for the whole render: the context then
//! borrows it, so a standard's view can be made in the job that renders its pages.

use std::collections::HashMap;

use super::{Cx, Md, Titles, places, role_title, training};
use crate::markdown;
use crate::pipeline::model::Handbook;

/// What the views' context borrows: the roles' titles and the glossary's abbreviations.
pub struct Shared {
    role_titles: Vec<(String, String)>,
    abbr: markdown::Abbreviations,
    /// A procedure's texts as HTML (`Cx::procedure_html`).
    procedure_html: crate::memo::Memo<String, super::Html>,
}

impl Shared {
    pub fn of(hb: &Handbook, ui: &HashMap<String, String>) -> Shared {
        Shared {
            role_titles: hb
                .roles
                .iter()
                .map(|r| (r.id.clone(), role_title(r, ui)))
                .collect(),
            abbr: markdown::Abbreviations::new(
                hb.glossary
                    .abbreviations
                    .iter()
                    .map(|t| (t.term.clone(), t.text.clone())),
            ),
            procedure_html: Default::default(),
        }
    }

    /// The context views are made in (every place and action by id, for [`build`]).
    pub(in crate::pipeline::render) fn cx<'a>(
        &'a self,
        hb: &'a Handbook,
        ui: &'a HashMap<String, String>,
    ) -> Cx<'a> {
        let mut cx = Cx {
            hb,
            addr: &hb.addresses,
            ui,
            titles: Titles::of(hb, &self.role_titles),
            md: Md {
                abbr: &self.abbr,
                made: &self.procedure_html,
            },
            places: places(hb, ui),
            actions: HashMap::new(),
            printed_order: Default::default(),
        };
        cx.actions = training::actions(&cx);
        cx
    }
}
