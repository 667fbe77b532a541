//! Every address of the site, in one place: the file of each page, the folders, and the
//! anchors inside pages. Rendering registers pages at these addresses, templates link to
//! them (`addr` in every template), the search index points at them, and the browser
//! scripts get them in `static/ui.js` (`window.DORACAK_ADDR`).
//!
//! The names come from the locale pack (`address_*` keys), so they are in the handbook's
//! language and a handbook may rename them in its `theme/strings.toml`: the Albanian pack
//! keeps the names the shipped handbook has always had (`afatet.html`, `kerko.html`,
//! `auditim/`, `vleresim/` …), so links into published sites keep working; the English
//! pack has English names (`deadlines.html`, `search.html`, `audit/`, `assessment/` …).
//! Addresses are flat `.html` files with explicit names, because a folder address does not
//! open its `index.html` under `file://`. The home page, the scripts, the search index and
//! the OSCAL catalogue have the same names in every language; ids (`S2.3.1`, step ids)
//! are the anchors and the assessment file's keys, and never change with the language.

use std::collections::HashMap;

use serde::Serialize;

use crate::diagnostics::{Diagnostics, Pos};

/// What an address names, which decides what it may look like.
#[derive(Clone, Copy, PartialEq)]
enum Shape {
    /// A page: a relative path ending in `.html`.
    Page,
    /// A folder: a relative path ending in `/`.
    Folder,
    /// A file of another kind (the spreadsheet): a relative path with an extension.
    File,
    /// The start of an anchor: letters, digits and `-`, ending in `-`.
    Anchor,
}

/// The addresses a locale pack names: its key (`address_` + the field), and what it is.
const PACK_KEYS: &[(&str, Shape)] = &[
    ("address_search", Shape::Page),
    ("address_print_all", Shape::Page),
    ("address_procedures", Shape::Page),
    ("address_roles", Shape::Page),
    ("address_forms", Shape::Page),
    ("address_deadlines", Shape::Page),
    ("address_glossary", Shape::Page),
    ("address_principles", Shape::Page),
    ("address_indicators", Shape::Page),
    ("address_audit_dir", Shape::Folder),
    ("address_audit_all", Shape::Page),
    ("address_audit_form", Shape::File),
    ("address_assessment_dir", Shape::Folder),
    ("address_assessment", Shape::Page),
    ("address_assessment_evidence", Shape::Page),
    ("address_assessment_plan", Shape::Page),
    ("address_assessment_print", Shape::Page),
    ("address_assessment_compare", Shape::Page),
    ("address_training_records", Shape::Page),
    ("address_quiz_dir", Shape::Folder),
    ("address_quiz_key_dir", Shape::Folder),
    ("address_role_quiz_prefix", Shape::Anchor),
    ("address_procedure_dir", Shape::Folder),
    ("address_role_dir", Shape::Folder),
    ("address_form_dir", Shape::Folder),
    ("address_plan_dir", Shape::Folder),
    ("address_abbreviation_anchor", Shape::Anchor),
    ("address_definition_anchor", Shape::Anchor),
    ("address_training", Shape::Page),
    ("address_handout_dir", Shape::Folder),
    ("address_reference", Shape::Page),
    ("address_chapter_dir", Shape::Folder),
];

/// The pages, folders and anchors of a site, by what they are.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Pages {
    pub home: String,
    pub search: String,
    pub print_all: String,
    pub procedures: String,
    pub roles: String,
    pub forms: String,
    pub deadlines: String,
    pub glossary: String,
    pub principles: String,
    pub indicators: String,
    pub audit_all: String,
    pub audit_dir: String,
    /// The audit as an XLSForm, for KoboToolbox and ODK (docs/xlsform.md).
    pub audit_form: String,
    /// The standards as an OSCAL catalogue (docs/oscal.md).
    pub oscal_catalog: String,
    pub assessment: String,
    pub assessment_dir: String,
    pub assessment_evidence: String,
    pub assessment_plan: String,
    pub assessment_print: String,
    /// Two assessments of one centre compared (progress over time).
    pub assessment_compare: String,
    pub assessment_catalog: String,
    /// The training records kept in this browser (quiz results, "read and understood").
    pub training_records: String,
    /// The folder of the quizzes.
    pub quiz_dir: String,
    /// The folder of the quizzes' answer keys (a folder of its own, so a key is never
    /// taken for a quiz).
    pub quiz_key_dir: String,
    /// What a role's quiz's file name starts with, before the role's id (`roli-`).
    pub role_quiz_prefix: String,
    pub search_index: String,
    pub ui_script: String,
    pub ui_print_style: String,
    pub static_dir: String,
    /// The folder of the procedures' pages.
    pub procedure_dir: String,
    /// The folder of the roles' pages.
    pub role_dir: String,
    /// The folder of the forms encoded field by field.
    pub form_dir: String,
    /// The folder of the action plans.
    pub plan_dir: String,
    /// The start of a glossary abbreviation's anchor (`shkurtim-apap`).
    pub abbreviation_anchor: String,
    /// The start of a glossary definition's anchor (`perkufizim-viktime`).
    pub definition_anchor: String,
    /// The trainer's page: every procedure and role with its diagram, handout, quiz, card.
    pub training: String,
    /// The folder of the procedures' handouts.
    pub handout_dir: String,
    /// The "Reference" page: every chapter, by collection.
    pub reference: String,
    /// The folder of the chapters' pages.
    pub chapter_dir: String,
}

impl Pages {
    /// The addresses named by the interface strings `ui` (the `address_*` keys; `check`
    /// has made sure they are there and well formed).
    pub fn from_strings(ui: &HashMap<String, String>) -> Pages {
        let get = |field: &str| {
            ui.get(&format!("address_{field}"))
                .cloned()
                .unwrap_or_default()
        };
        let assessment_dir = get("assessment_dir");
        Pages {
            home: "index.html".into(),
            search: get("search"),
            print_all: get("print_all"),
            procedures: get("procedures"),
            roles: get("roles"),
            forms: get("forms"),
            deadlines: get("deadlines"),
            glossary: get("glossary"),
            principles: get("principles"),
            indicators: get("indicators"),
            audit_all: get("audit_all"),
            audit_dir: get("audit_dir"),
            audit_form: get("audit_form"),
            oscal_catalog: "oscal/catalog.json".into(),
            assessment: get("assessment"),
            assessment_evidence: get("assessment_evidence"),
            assessment_plan: get("assessment_plan"),
            assessment_print: get("assessment_print"),
            assessment_compare: get("assessment_compare"),
            assessment_catalog: format!("{assessment_dir}catalog.js"),
            assessment_dir,
            training_records: get("training_records"),
            quiz_dir: get("quiz_dir"),
            quiz_key_dir: get("quiz_key_dir"),
            role_quiz_prefix: get("role_quiz_prefix"),
            search_index: "search-index.js".into(),
            ui_script: "static/ui.js".into(),
            ui_print_style: "static/ui-print.css".into(),
            static_dir: "static/".into(),
            procedure_dir: get("procedure_dir"),
            role_dir: get("role_dir"),
            form_dir: get("form_dir"),
            plan_dir: get("plan_dir"),
            abbreviation_anchor: get("abbreviation_anchor"),
            definition_anchor: get("definition_anchor"),
            training: get("training"),
            handout_dir: get("handout_dir"),
            reference: get("reference"),
            chapter_dir: get("chapter_dir"),
        }
    }
}

/// Check the addresses the interface strings name: each a relative path of the right kind
/// (a page ends in `.html`, a folder in `/`), none the same as another or as a fixed one.
/// A missing key is reported with the other strings.
pub fn check(ui: &HashMap<String, String>, diags: &mut Diagnostics) {
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for fixed in [
        "index.html",
        "search-index.js",
        "search-index/",
        "static/",
        "oscal/",
    ] {
        seen.insert(fixed, "a fixed address");
    }
    for &(key, shape) in PACK_KEYS {
        let Some(value) = ui.get(key) else { continue };
        let v = value.as_str();
        let safe_char =
            |c: char| crate::text::is_word_char(c) || matches!(c, '-' | '_' | '.' | '/');
        let path_ok = !v.is_empty()
            && !v.starts_with('/')
            && !v.split('/').any(|part| part == ".." || part == ".")
            && !v.contains("//")
            && v.chars().all(safe_char);
        let (ok, expected) = match shape {
            Shape::Page => (
                path_ok && v.ends_with(".html") && v.len() > 5,
                "a relative file name ending in .html (`kerko.html`, `auditim/te-gjitha.html`)",
            ),
            Shape::Folder => (
                path_ok && v.ends_with('/') && v.len() > 1 && !v.contains('.'),
                "a relative folder name ending in / (`vleresim/`)",
            ),
            Shape::File => (
                path_ok
                    && !v.ends_with('/')
                    && v.rsplit('/').next().is_some_and(|f| f.contains('.')),
                "a relative file name with its extension (`auditim/formulari.xlsx`)",
            ),
            Shape::Anchor => (
                v.ends_with('-') && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
                "letters A–Z, digits and -, ending in - (`perkufizim-`)",
            ),
        };
        if !ok {
            diags.error(
                Pos::file("theme/strings.toml"),
                format!("expected the address `{key}` to be {expected}, found {v:?}"),
            );
        } else if shape != Shape::Anchor
            && let Some(other) = seen.insert(v, key)
        {
            diags.error(
                Pos::file("theme/strings.toml"),
                format!("expected every address to be different, found `{key}` = {v:?}, the same as {other}"),
            );
        }
    }
}

impl Pages {
    /// A standard's page, `S2.html` (also its file inside `auditim/` and `vleresim/`).
    pub fn standard(&self, id: &str) -> String {
        format!("{id}.html")
    }

    /// A criterion or evidence item on its standard's page: `S2.html#S2.3.1`.
    pub fn criterion(&self, id: &str) -> String {
        let std_id = id.split('.').next().unwrap_or(id);
        format!("{std_id}.html#{id}")
    }

    /// A standard's blank audit sheet.
    pub fn audit_sheet(&self, id: &str) -> String {
        format!("{}{}", self.audit_dir, self.standard(id))
    }

    /// A standard's rating page in the self-assessment.
    pub fn assessment_standard(&self, id: &str) -> String {
        format!("{}{}", self.assessment_dir, self.standard(id))
    }

    pub fn procedure(&self, id: &str) -> String {
        format!("{}{id}.html", self.procedure_dir)
    }

    /// A step or a section of a procedure: `procedura/identifikimi-formal.html#identifikimi-formal.3`.
    pub fn in_procedure(&self, procedure_id: &str, anchor: &str) -> String {
        format!("{}#{anchor}", self.procedure(procedure_id))
    }

    /// A procedure's diagram on its page.
    pub fn diagram(&self, procedure_id: &str) -> String {
        format!("{}#{procedure_id}-diagram", self.procedure(procedure_id))
    }

    /// A procedure's handout: diagram and who / what / by when / form, for A4
    /// (`trajnim/fletushka/identifikimi-formal.html`).
    pub fn handout(&self, procedure_id: &str) -> String {
        format!("{}{procedure_id}.html", self.handout_dir)
    }

    /// A role's card (every action of the role, by procedure) on the role's page.
    pub fn role_card(&self, role_id: &str) -> String {
        format!("{}#{role_id}-card", self.role(role_id))
    }

    pub fn role(&self, id: &str) -> String {
        format!("{}{id}.html", self.role_dir)
    }

    /// A form's entry in the forms catalogue.
    pub fn form(&self, id: &str) -> String {
        format!("{}#{id}", self.forms)
    }

    /// The page of a form encoded field by field.
    pub fn form_page(&self, id: &str) -> String {
        format!("{}{id}.html", self.form_dir)
    }

    pub fn plan(&self, id: &str) -> String {
        format!("{}{id}.html", self.plan_dir)
    }

    pub fn glossary_term(&self, id: &str) -> String {
        format!("{}#{id}", self.glossary)
    }

    /// A procedure's quiz: `trajnim/kuizi/identifikimi-formal.html`.
    pub fn quiz_procedure(&self, id: &str) -> String {
        format!("{}{id}.html", self.quiz_dir)
    }

    /// A role's quiz: `trajnim/kuizi/roli-punonjesi-social.html`.
    pub fn quiz_role(&self, id: &str) -> String {
        format!("{}{}{id}.html", self.quiz_dir, self.role_quiz_prefix)
    }

    /// A procedure's quiz's answer key: `trajnim/pergjigjet/identifikimi-formal.html`.
    pub fn quiz_key_procedure(&self, id: &str) -> String {
        format!("{}{id}.html", self.quiz_key_dir)
    }

    /// A role's quiz's answer key: `trajnim/pergjigjet/roli-punonjesi-social.html`.
    pub fn quiz_key_role(&self, id: &str) -> String {
        format!("{}{}{id}.html", self.quiz_key_dir, self.role_quiz_prefix)
    }

    /// A chapter's page: `referenca/parimet-udheheqese.html`.
    pub fn chapter(&self, id: &str) -> String {
        format!("{}{id}.html", self.chapter_dir)
    }

    pub fn principle(&self, id: &str) -> String {
        format!("{}#{id}", self.principles)
    }

    pub fn indicator(&self, id: &str) -> String {
        format!("{}#{id}", self.indicators)
    }

    /// The addresses the browser scripts need, as `window.DORACAK_ADDR` (site-relative; a
    /// script prefixes the page's `data-root`). `{id}` stands for a standard's id.
    pub fn for_scripts(&self) -> serde_json::Value {
        serde_json::json!({
            "search": self.search,
            "search_index": self.search_index,
            "assessment_standard": format!("{}{{id}}.html", self.assessment_dir),
            "training_records": self.training_records,
        })
    }
}
