//! Every address of the site, in one place: the file of each page, the folders, and the
//! anchors inside pages. Rendering registers pages at these addresses, templates link to
//! them (`addr` in every template), the search index points at them, and the browser
//! scripts get them in `static/ui.js` (`window.DORACAK_ADDR`).
//!
//! Addresses are flat `.html` files with explicit names, because a folder address does not
//! open its `index.html` under `file://`. Once published an address does not change: these
//! are the names the Albanian handbook has always had. Ids (`S2.3.1`, step ids) are the
//! anchors and never change with the language.

use serde::Serialize;

/// The fixed pages of a site, by what they are.
#[derive(Debug, Clone, Serialize)]
pub struct Pages {
    pub home: &'static str,
    pub search: &'static str,
    pub print_all: &'static str,
    pub procedures: &'static str,
    pub roles: &'static str,
    pub forms: &'static str,
    pub deadlines: &'static str,
    /// The trainer's page: every procedure and role with its diagram, handout, quiz, card.
    pub training: &'static str,
    pub glossary: &'static str,
    pub principles: &'static str,
    pub indicators: &'static str,
    pub audit_all: &'static str,
    pub audit_dir: &'static str,
    /// The audit as an XLSForm, for KoboToolbox and ODK (docs/xlsform.md).
    pub audit_form: &'static str,
    /// The standards as an OSCAL catalogue (docs/oscal.md).
    pub oscal_catalog: &'static str,
    pub assessment: &'static str,
    pub assessment_dir: &'static str,
    pub assessment_evidence: &'static str,
    pub assessment_plan: &'static str,
    pub assessment_print: &'static str,
    pub assessment_catalog: &'static str,
    pub search_index: &'static str,
    pub ui_script: &'static str,
    pub ui_print_style: &'static str,
    pub static_dir: &'static str,
}

/// The pages of this handbook's site.
pub const PAGES: Pages = Pages {
    home: "index.html",
    search: "kerko.html",
    print_all: "printo.html",
    procedures: "procedurat.html",
    roles: "rolet.html",
    forms: "formularet.html",
    deadlines: "afatet.html",
    training: "trajnim.html",
    glossary: "fjalori.html",
    principles: "parimet.html",
    indicators: "treguesit.html",
    audit_all: "auditim/te-gjitha.html",
    audit_dir: "auditim/",
    audit_form: "auditim/formulari-auditimit.xlsx",
    oscal_catalog: "oscal/catalog.json",
    assessment: "vleresim/index.html",
    assessment_dir: "vleresim/",
    assessment_evidence: "vleresim/provat.html",
    assessment_plan: "vleresim/plani.html",
    assessment_print: "vleresim/printo.html",
    assessment_catalog: "vleresim/catalog.js",
    search_index: "search-index.js",
    ui_script: "static/ui.js",
    ui_print_style: "static/ui-print.css",
    static_dir: "static/",
};

/// A standard's page, `S2.html` (also its file inside `auditim/` and `vleresim/`).
pub fn standard(n: u32) -> String {
    format!("S{n}.html")
}

/// A criterion or evidence item on its standard's page: `S2.html#S2.3.1`.
pub fn criterion(id: &str) -> String {
    let std_id = id.split('.').next().unwrap_or(id);
    format!("{std_id}.html#{id}")
}

/// A standard's blank audit sheet.
pub fn audit_sheet(n: u32) -> String {
    format!("{}{}", PAGES.audit_dir, standard(n))
}

/// A standard's rating page in the self-assessment.
pub fn assessment_standard(n: u32) -> String {
    format!("{}{}", PAGES.assessment_dir, standard(n))
}

pub fn procedure(id: &str) -> String {
    format!("procedura/{id}.html")
}

/// A step or a section of a procedure: `procedura/identifikimi-formal.html#identifikimi-formal.3`.
pub fn in_procedure(procedure_id: &str, anchor: &str) -> String {
    format!("{}#{anchor}", procedure(procedure_id))
}

/// A procedure's diagram on its page.
pub fn diagram(procedure_id: &str) -> String {
    format!("{}#{procedure_id}-diagram", procedure(procedure_id))
}

/// A procedure's handout: diagram and who / what / by when / form, for A4.
pub fn handout(procedure_id: &str) -> String {
    format!("trajnim/fletushka/{procedure_id}.html")
}

/// A procedure's quiz.
pub fn quiz_procedure(procedure_id: &str) -> String {
    format!("trajnim/kuizi/{procedure_id}.html")
}

/// A role's quiz.
pub fn quiz_role(role_id: &str) -> String {
    format!("trajnim/kuizi/roli-{role_id}.html")
}

/// A role's card (every action of the role, by procedure) on the role's page.
pub fn role_card(role_id: &str) -> String {
    format!("{}#{role_id}-card", role(role_id))
}

pub fn role(id: &str) -> String {
    format!("roli/{id}.html")
}

/// A form's entry in the forms catalogue.
pub fn form(id: &str) -> String {
    format!("{}#{id}", PAGES.forms)
}

/// The page of a form encoded field by field.
pub fn form_page(id: &str) -> String {
    format!("formulari/{id}.html")
}

pub fn plan(id: &str) -> String {
    format!("plani/{id}.html")
}

pub fn glossary_term(id: &str) -> String {
    format!("{}#{id}", PAGES.glossary)
}

pub fn principle(id: &str) -> String {
    format!("{}#{id}", PAGES.principles)
}

pub fn indicator(id: &str) -> String {
    format!("{}#{id}", PAGES.indicators)
}

/// The addresses the browser scripts need, as `window.DORACAK_ADDR` (site-relative; a
/// script prefixes the page's `data-root`). `{id}` stands for a standard's id.
pub fn for_scripts() -> serde_json::Value {
    serde_json::json!({
        "search": PAGES.search,
        "search_index": PAGES.search_index,
        "assessment_standard": format!("{}{{id}}.html", PAGES.assessment_dir),
    })
}
