//! View structs: what templates see. Built once per build from the `Handbook`, with every
//! Markdown text already rendered (once) to safe HTML, and every link resolved to a
//! site-relative URL. Templates never see YAML or the model directly.

use std::collections::HashMap;

use minijinja::Value;
use serde::Serialize;

use crate::address::Pages;
use crate::markdown;
use crate::pipeline::model::{self, Handbook};

/// Pre-rendered, sanitised HTML: printed by templates without escaping.
pub type Html = Value;

mod chapters;
mod diagrams;
mod editions;
mod procedures;
mod quiz;
mod reference;
mod roles;
mod shared;
mod standards;
mod timing;
mod titles;
mod training;

pub use chapters::*;
pub use diagrams::*;
pub use editions::*;
pub use procedures::*;
pub use quiz::*;
pub use reference::*;
pub use roles::*;
pub use shared::Shared;
pub use standards::*;
pub use timing::*;
pub(super) use titles::{Titles, role_title};
pub use training::*;

/// Site-relative URLs of every page and anchor, so templates never build them.
#[derive(Serialize)]
pub struct SiteView {
    pub title: String,
    /// The edition of the handbook (`edition` in doracak.toml), where it names one.
    pub edition: Option<String>,
    pub description: String,
    /// The home page's sentence above the standards, where the handbook sets one.
    pub standards_intro: Option<String>,
    pub language: String,
    /// The pages' writing direction, `ltr` or `rtl` (`Config::dir`).
    pub dir: &'static str,
    /// How the search analyses words (`sq`, `en`, `fold`): an English site loads the
    /// Snowball stemmer's script.
    pub analysis: crate::language::Analysis,
    /// The self-assessment rating scale, best first.
    pub scale: Vec<crate::config::Rating>,
}

#[derive(Serialize, Clone)]
pub struct LinkView {
    pub id: String,
    pub title: String,
    pub url: String,
    /// A form's printed code; none for other links and for forms the source prints none.
    pub code: Option<String>,
}

impl LinkView {
    /// A link with no code beside its title.
    pub fn plain(id: String, title: String, url: String) -> Self {
        LinkView {
            id,
            title,
            url,
            code: None,
        }
    }
}

/// Everything the templates need, built once per build.
pub struct Views {
    pub site: SiteView,
    pub procedures: Vec<ProcedureView>,
    pub collections: Vec<CollectionView>,
    pub roles: Vec<RoleView>,
    pub forms: Vec<FormGroupView>,
    /// The forms encoded field by field, one page each.
    pub form_pages: Vec<super::forms::FormPageView>,
    pub glossary: GlossaryView,
    pub principles: PrinciplesView,
    pub indicators: Option<IndicatorsView>,
    pub plans: Vec<PlanView>,
    pub deadlines: Vec<DeadlineView>,
    /// The quizzes: one per procedure, one per role acting in a step.
    pub quizzes: Vec<QuizView>,
    /// The chapters, each a page, and the "Reference" page's groups of them.
    pub chapters: Vec<ChapterView>,
    pub chapter_groups: Vec<ChapterGroupView>,
    pub nav: NavView,
}

/// Which optional sections the site has, for the navigation.
#[derive(Serialize, Default)]
pub struct NavView {
    pub procedures: bool,
    pub roles: bool,
    pub forms: bool,
    pub deadlines: bool,
    /// The trainer's page: there are procedures or roles to teach.
    pub training: bool,
    pub glossary: bool,
    pub principles: bool,
    pub indicators: bool,
    pub plans: Vec<LinkView>,
    /// The "Reference" page: there are chapters.
    pub reference: bool,
}

/// One place a role acts or a form is used: a criterion or a step, with where it sits.
#[derive(Serialize, Clone)]
pub struct ActsView {
    pub id: String,
    pub label: String,
    pub context: String,
    pub url: String,
    /// A step or section of a procedure (otherwise a criterion of a standard).
    #[serde(skip)]
    pub in_procedure: bool,
}

/// Plain text whose line breaks matter (a table cell of the source): escaped, with `<br>`.
pub(super) fn lines_html(s: &Option<String>) -> Option<Html> {
    s.as_deref().filter(|t| !t.trim().is_empty()).map(|t| {
        let escaped: Vec<String> = t
            .trim()
            .lines()
            .map(|l| {
                l.trim()
                    .replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;")
                    .replace('"', "&quot;")
            })
            .collect();
        Value::from_safe_string(escaped.join("<br>"))
    })
}

/// Renders content Markdown once, with abbreviations marked.
pub(super) struct Md<'a> {
    pub abbr: &'a markdown::Abbreviations,
    /// A procedure's texts as HTML (`Md::procedure_html`), made once for the render.
    pub made: &'a crate::memo::Memo<String, Html>,
}

impl Md<'_> {
    fn html(&self, md: &str) -> Html {
        Value::from_safe_string(markdown::to_html_marked(md, self.abbr))
    }

    /// `html` of a procedure's step or section, made once for the render: its procedure's
    /// page, the deadlines, each role card and handout show it. (Not a criterion's: a
    /// standard's view is made apart, and 66,000 criteria would be kept for nothing.)
    fn procedure_html(&self, md: &str) -> Html {
        Value::clone(&self.made.get_or_borrowed(md, || self.html(md)))
    }

    fn optional_html(&self, md: &Option<String>) -> Option<Html> {
        md.as_deref()
            .filter(|s| !s.trim().is_empty())
            .map(|s| self.html(s))
    }
}

/// A printed lead-in or heading used as the name of its passage or run of steps (a place, a
/// diagram's band): its colon is the print's, before what follows it (001:606, 774), not
/// part of the name ("Kohëzgjatja e intervistës formale — Identifikimi formal").
pub(super) fn as_name(printed: &str) -> String {
    printed
        .trim_end()
        .trim_end_matches(':')
        .trim_end()
        .to_string()
}

pub(super) fn ui_get(ui: &HashMap<String, String>, key: &str) -> String {
    crate::theme::say(ui, key, &[])
}

/// Every criterion and step as a place (label, context, url), for back-links.
fn places(hb: &Handbook, ui: &HashMap<String, String>) -> HashMap<String, ActsView> {
    let addr = &hb.addresses;
    let mut m = HashMap::new();
    let mut put = |id: &str, label: String, context: String, url: String, in_procedure| {
        let view = ActsView {
            id: id.to_string(),
            label,
            context,
            url,
            in_procedure,
        };
        m.insert(id.to_string(), view);
    };
    for s in &hb.standards {
        for c in &s.criteria {
            let label = crate::theme::say(
                ui,
                "criterion_number",
                &[("number", &format!("{}.{}", s.number, c.number))],
            );
            let context = crate::theme::say(
                ui,
                "label_value",
                &[
                    (
                        "label",
                        &crate::theme::say(
                            ui,
                            "standard_number",
                            &[("number", &s.number.to_string())],
                        ),
                    ),
                    ("value", &s.title),
                ],
            );
            put(&c.id, label, context, addr.criterion(&c.id), false);
        }
    }
    for p in &hb.procedures {
        for st in &p.steps {
            let label = st.label(ui);
            put(
                &st.id,
                label,
                p.title.clone(),
                addr.in_procedure(&p.id, &st.id),
                true,
            );
        }
        for (i, sec) in p.sections.iter().enumerate() {
            let label = match &sec.title {
                Some(t) => as_name(t),
                None => format!("{} {}", ui_get(ui, "section"), i + 1),
            };
            put(
                &sec.id,
                label,
                p.title.clone(),
                addr.in_procedure(&p.id, &sec.id),
                true,
            );
        }
    }
    m
}

/// What every section's view building shares: the handbook, the UI strings, titles of
/// everything a reference can name, Markdown with abbreviations, and every place (a
/// criterion, a step) by id.
pub(super) struct Cx<'a> {
    pub hb: &'a Handbook,
    /// The addresses in the handbook's language.
    pub addr: &'a Pages,
    pub ui: &'a HashMap<String, String>,
    pub titles: Titles<'a>,
    pub md: Md<'a>,
    pub places: HashMap<String, ActsView>,
    /// Every step, criterion and procedure section as an action (who, what, by when).
    actions: HashMap<String, training::ActionAt>,
    /// Each step's and procedure section's place in the procedures' printed order
    /// (`training::card::printed_order`), made when a role's card first asks.
    printed_order: std::sync::OnceLock<HashMap<&'a str, usize>>,
}

impl Cx<'_> {
    /// Content Markdown as safe HTML, abbreviations marked.
    pub fn html(&self, md: &str) -> Html {
        self.md.html(md)
    }

    /// Content Markdown of a procedure's step or section as safe HTML (`Md::procedure_html`).
    pub fn procedure_html(&self, md: &str) -> Html {
        self.md.procedure_html(md)
    }

    /// Content Markdown of one paragraph as phrasing content (for a `<label>`, a cell);
    /// none where it holds more than one block.
    pub fn inline_html(&self, md: &str) -> Option<Html> {
        let html = markdown::to_html_marked(md, self.md.abbr);
        let inner = html.trim().strip_prefix("<p>")?.strip_suffix("</p>")?;
        let block = [
            "<p>",
            "<ul>",
            "<ol>",
            "<table>",
            "<blockquote>",
            "<pre>",
            "<h",
            "<hr",
        ];
        (!block.iter().any(|b| inner.contains(b)))
            .then(|| Value::from_safe_string(inner.to_string()))
    }

    /// A step, criterion or procedure section (by id) as an action, made when asked for.
    pub fn action(&self, id: &str) -> Option<ActionView> {
        Some(training::action(self, self.action_at(id)?))
    }

    /// Where the step, criterion or procedure section `id` is, to make its action later.
    fn action_at(&self, id: &str) -> Option<training::ActionAt> {
        self.actions.get(id).copied()
    }

    /// A criterion or step (by id) as a place to link to.
    pub fn place(&self, id: &String) -> Option<ActsView> {
        self.places.get(id).cloned()
    }
}

/// The view of the standard `s`, made when its pages render (the standards' views are
/// never all held at once).
pub(super) fn standard(cx: &Cx, s: &model::Standard) -> StandardView {
    standards::one(cx, s)
}

/// Build every view of the site from the handbook but the standards' (made one by one by
/// [`standard`]). The places and actions of `cx` are dropped after: a standard's view does
/// not need them.
pub(super) fn build(cx: &mut Cx) -> Views {
    let views = build_with(cx);
    cx.places = HashMap::new();
    cx.actions = HashMap::new();
    views
}

fn build_with(cx: &Cx) -> Views {
    let hb = cx.hb;
    let mut procedures = procedures::build(cx);
    let mut collections = procedures::collections(cx, &procedures);
    let chapters = chapters::build(cx);
    let chapter_groups = chapters::groups(cx, &chapters);
    for p in &mut procedures {
        p.chapters = hb
            .chapters
            .iter()
            .zip(&chapters)
            .filter(|(c, _)| c.procedures.contains(&p.id))
            .map(|(_, v)| LinkView::plain(v.id.clone(), v.title.clone(), v.url.clone()))
            .collect();
    }
    for k in &mut collections {
        k.chapters = chapter_groups
            .iter()
            .filter(|g| g.id == k.id)
            .flat_map(|g| g.chapters.clone())
            .collect();
    }
    let roles = roles::build(cx);
    let quizzes = quiz::build(cx);
    let mut procedures = procedures;
    let mut roles = roles;
    for q in &quizzes {
        match q.kind {
            "procedure" => procedures
                .iter_mut()
                .filter(|p| p.id == q.subject)
                .for_each(|p| p.quiz_url = Some(q.url.clone())),
            _ => roles
                .iter_mut()
                .filter(|r| r.id == q.subject)
                .for_each(|r| r.quiz_url = Some(q.url.clone())),
        }
    }
    crate::give_back_memory();
    let forms = reference::forms(cx);
    let reference::Reference {
        form_pages,
        glossary,
        principles,
        indicators,
        plans,
        deadlines,
    } = reference::build(cx);

    let nav = NavView {
        procedures: !procedures.is_empty(),
        roles: !hb.roles.is_empty(),
        forms: !hb.forms.is_empty(),
        deadlines: !deadlines.is_empty(),
        training: !procedures.is_empty(),
        glossary: !hb.glossary.abbreviations.is_empty() || !hb.glossary.definitions.is_empty(),
        principles: !hb.principles.principles.is_empty(),
        indicators: hb.indicators.is_some(),
        plans: plans
            .iter()
            .map(|p| LinkView::plain(p.id.clone(), p.title.clone(), p.url.clone()))
            .collect(),
        reference: !chapters.is_empty(),
    };

    Views {
        site: SiteView {
            title: hb.config.title.clone(),
            edition: hb.config.edition.clone(),
            description: hb.config.description.clone(),
            standards_intro: hb.config.standards_intro.clone(),
            language: hb.config.language.clone(),
            dir: hb.config.dir(),
            analysis: crate::language::Analysis::for_language(&hb.config.language),
            scale: hb.config.scale.clone(),
        },
        procedures,
        collections,
        roles,
        forms,
        form_pages,
        glossary,
        principles,
        indicators,
        plans,
        deadlines,
        quizzes,
        chapters,
        chapter_groups,
        nav,
    }
}
