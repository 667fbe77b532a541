//! Every address of the site, in one place: the file of each page, the folders, and the
//! anchors inside pages. Rendering registers pages at these addresses, templates link to
//! them (`addr` in every template), the search index points at them, and the browser
//! scripts get them in `static/ui.js` (`window.DORACAK_ADDR`).
//!
//! The names are in the handbook's language (`for_language`): an Albanian handbook has
//! the names it has always had (`afatet.html`, `kerko.html`, `auditim/`, `vleresim/` …),
//! so links into published sites keep working; every other language gets English names
//! (`deadlines.html`, `search.html`, `audit/`, `assessment/` …). Addresses are flat
//! `.html` files with explicit names, because a folder address does not open its
//! `index.html` under `file://`. Ids (`S2.3.1`, step ids) are the anchors and the
//! assessment file's keys, and never change with the language.

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
    /// The folder of the procedures' pages.
    pub procedure_dir: &'static str,
    /// The folder of the roles' pages.
    pub role_dir: &'static str,
    /// The folder of the forms encoded field by field.
    pub form_dir: &'static str,
    /// The folder of the action plans.
    pub plan_dir: &'static str,
    /// The start of a glossary abbreviation's anchor (`shkurtim-apap`).
    pub abbreviation_anchor: &'static str,
    /// The start of a glossary definition's anchor (`perkufizim-viktime`).
    pub definition_anchor: &'static str,
    /// The folder of the procedures' handouts.
    pub handout_dir: &'static str,
    /// The folder of the quizzes.
    pub quiz_dir: &'static str,
    /// The start of a role quiz's file name, beside the procedures' quizzes.
    pub quiz_role_prefix: &'static str,
}

/// The addresses of an Albanian handbook: the names the shipped handbook has always had.
pub const SQ: Pages = Pages {
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
    procedure_dir: "procedura/",
    role_dir: "roli/",
    form_dir: "formulari/",
    plan_dir: "plani/",
    abbreviation_anchor: "shkurtim-",
    definition_anchor: "perkufizim-",
    handout_dir: "trajnim/fletushka/",
    quiz_dir: "trajnim/kuizi/",
    quiz_role_prefix: "roli-",
};

/// The addresses of a handbook in any other language.
pub const EN: Pages = Pages {
    home: "index.html",
    search: "search.html",
    print_all: "print.html",
    procedures: "procedures.html",
    roles: "roles.html",
    forms: "forms.html",
    deadlines: "deadlines.html",
    training: "training.html",
    glossary: "glossary.html",
    principles: "principles.html",
    indicators: "indicators.html",
    audit_all: "audit/all.html",
    audit_dir: "audit/",
    audit_form: "audit/audit-form.xlsx",
    oscal_catalog: "oscal/catalog.json",
    assessment: "assessment/index.html",
    assessment_dir: "assessment/",
    assessment_evidence: "assessment/evidence.html",
    assessment_plan: "assessment/plan.html",
    assessment_print: "assessment/print.html",
    assessment_catalog: "assessment/catalog.js",
    search_index: "search-index.js",
    ui_script: "static/ui.js",
    ui_print_style: "static/ui-print.css",
    static_dir: "static/",
    procedure_dir: "procedure/",
    role_dir: "role/",
    form_dir: "form/",
    plan_dir: "plan/",
    abbreviation_anchor: "abbreviation-",
    definition_anchor: "term-",
    handout_dir: "training/handout/",
    quiz_dir: "training/quiz/",
    quiz_role_prefix: "role-",
};

/// The addresses of a handbook in `language` (a code of `doracak.toml`: `sq`, `en`, `sq-AL` …).
pub fn for_language(language: &str) -> &'static Pages {
    let primary = language.split(['-', '_']).next().unwrap_or("");
    if primary.eq_ignore_ascii_case("sq") {
        &SQ
    } else {
        &EN
    }
}

impl Pages {
    /// A standard's page, `S2.html` (also its file inside `auditim/` and `vleresim/`).
    pub fn standard(&self, n: u32) -> String {
        format!("S{n}.html")
    }

    /// A criterion or evidence item on its standard's page: `S2.html#S2.3.1`.
    pub fn criterion(&self, id: &str) -> String {
        let std_id = id.split('.').next().unwrap_or(id);
        format!("{std_id}.html#{id}")
    }

    /// A standard's blank audit sheet.
    pub fn audit_sheet(&self, n: u32) -> String {
        format!("{}{}", self.audit_dir, self.standard(n))
    }

    /// A standard's rating page in the self-assessment.
    pub fn assessment_standard(&self, n: u32) -> String {
        format!("{}{}", self.assessment_dir, self.standard(n))
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

    /// A procedure's quiz (`trajnim/kuizi/identifikimi-formal.html`).
    pub fn quiz_procedure(&self, procedure_id: &str) -> String {
        format!("{}{procedure_id}.html", self.quiz_dir)
    }

    /// A role's quiz (`trajnim/kuizi/roli-punonjes-social.html`).
    pub fn quiz_role(&self, role_id: &str) -> String {
        format!("{}{}{role_id}.html", self.quiz_dir, self.quiz_role_prefix)
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
        })
    }
}
