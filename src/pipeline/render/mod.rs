//! Stage 4, render: views inside templates → the pages and files of the site, each handed
//! to a [`Sink`] as soon as it is made.
//!
//! Rendering never touches the disk itself: the build passes the site writer (`write`),
//! which swaps the site into place only if every page rendered; tests pass a [`MemorySink`].

pub mod changes;
pub mod diagram;
mod environment;
pub mod forms;
pub mod oscal;
pub mod parts;
mod strings;
pub mod views;
pub mod xlsform;

pub use environment::environment;
use environment::report_template_error;
use strings::ui_script;
pub use strings::ui_strings;
pub(crate) use strings::{print_head_style, ui_print_style};

use std::collections::HashMap;

use minijinja::{Environment, Value, context};

use crate::address::Pages;
use crate::diagnostics::{Diagnostics, Pos};
use crate::pipeline::model::Handbook;
use crate::theme::Theme;

/// The Content-Security-Policy of every page: nothing may be loaded from anywhere but the
/// site itself, and no inline script may run.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'";

/// Where rendered files go: the output seam. The site writer (`write::SiteWriter`) puts
/// them on disk; [`MemorySink`] keeps them in memory for tests. Called once per file, from
/// several threads at once.
pub trait Sink: Sync {
    /// One whole file, `path` inside the site (`/`-separated).
    fn put(&self, path: &str, bytes: &[u8]) -> std::io::Result<()>;
    /// One file written by `f` as it goes (for files too large to hold in memory);
    /// returns its length.
    fn put_stream(
        &self,
        path: &str,
        f: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> std::io::Result<u64>;
}

/// A sink that keeps every file in memory, by path. A second file at one path is an
/// error, as on disk.
#[derive(Debug, Default)]
pub struct MemorySink {
    files: std::sync::Mutex<std::collections::BTreeMap<String, Vec<u8>>>,
}

impl MemorySink {
    pub fn new() -> Self {
        Self::default()
    }

    /// The files put so far, by path.
    pub fn into_files(self) -> std::collections::BTreeMap<String, Vec<u8>> {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for MemorySink {
    fn put(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        if files.insert(path.to_string(), bytes.to_vec()).is_some() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                format!("two files of the site would be written to {path}"),
            ));
        }
        Ok(())
    }

    fn put_stream(
        &self,
        path: &str,
        f: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> std::io::Result<u64> {
        let mut buf = Vec::new();
        f(&mut buf)?;
        let n = buf.len() as u64;
        self.put(path, &buf)?;
        Ok(n)
    }
}

/// Render every file of the site into `sink`, pages in parallel. Problems (template
/// errors, a sink that fails) go into `diags`; the site is complete only when `diags`
/// has no errors.
pub fn render(
    hb: &Handbook,
    theme: &Theme,
    ui: &HashMap<String, String>,
    diags: &mut Diagnostics,
    sink: &dyn Sink,
) {
    render_with(hb, theme, ui, diags, sink, None);
}

/// [`render`], with the differences from the previous edition where the handbook names
/// one: a "what changed" page, linked from the home page, and marks on what changed.
pub fn render_with(
    hb: &Handbook,
    theme: &Theme,
    ui: &HashMap<String, String>,
    diags: &mut Diagnostics,
    sink: &dyn Sink,
    changed: Option<&changes::Changes>,
) {
    let Some(env) = environment(theme, ui, diags) else {
        return;
    };
    let addr = &hb.addresses;
    let mut v = views::build(hb, ui);
    let site = template_value(&v.site);
    let ui_value = template_value(&ui);
    let nav = template_value(&v.nav);
    // The template values take the standards over one by one (never two full copies);
    // the page list keeps only what it needs.
    // (number, title, page, id) of each standard.
    let heads: Vec<(u32, String, String, String)> = v
        .standards
        .iter()
        .map(|s| (s.number, s.title.clone(), s.url.clone(), s.id.clone()))
        .collect();
    // The whole-handbook pages' parts, where the standards are too large for one page.
    let split = parts::plan(
        &v.standards.iter().map(parts::weight).collect::<Vec<_>>(),
        parts::checked(theme, diags).split_page_bytes,
    );
    let standards = Value::from(
        std::mem::take(&mut v.standards)
            .into_iter()
            .map(|s| template_value(&s))
            .collect::<Vec<Value>>(),
    );

    let mut r = Renderer {
        env,
        jobs: Vec::new(),
        base: context! { site => site, ui => ui_value, csp => CSP, standards => standards.clone(), nav => nav, addr => addresses(addr),
        changes => changed.map(|c| context! { page => c.page.clone(), old => c.view.old.clone(), heading => c.view.heading.clone(), marks => c.marks.clone(), roles => c.roles.clone(), forms => c.forms.clone() }) },
        whole: whole_handbook_pages(addr),
    };

    r.page(&addr.home, "index.html", context! { page => "index" });
    if let Some(c) = changed {
        r.page(
            &c.page,
            "changes.html",
            context! { page => "changes", d => template_value(&c.view) },
        );
    }
    for (i, (_, _, url, _)) in heads.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|p| heads.get(p));
        let next = heads.get(i + 1);
        let link = |x: Option<&(u32, String, String, String)>| {
            x.map(|(number, title, url, _)| context! { number => *number, title => title.clone(), url => url.clone() })
        };
        r.page(
            url,
            "standard.html",
            context! { page => "standard", s => standards.get_item(&Value::from(i)).unwrap_or_default(), prev => link(prev), next => link(next) },
        );
    }
    // The pages every site has: (address, template, the nav entry it belongs to).
    let fixed = [
        (&addr.search, "search.html", "search"),
        (&addr.assessment, "assessment-overview.html", "assessment"),
        (&addr.assessment_plan, "assessment-plan.html", "assessment"),
        (
            &addr.assessment_compare,
            "assessment-compare.html",
            "assessment",
        ),
    ];
    for (path, template, page) in fixed {
        r.page(path, template, context! { page => page });
    }
    // The pages of the whole handbook, whole or in parts: (address, template, nav entry,
    // the title's string, the name the template gives the standards).
    let whole = [
        (
            &addr.print_all,
            "print.html",
            "print",
            "print_all",
            "standards",
        ),
        (
            &addr.assessment_evidence,
            "assessment-evidence.html",
            "assessment",
            "assess_evidence_tracker",
            "standards",
        ),
        (
            &addr.assessment_print,
            "assessment-print.html",
            "assessment",
            "assess_print",
            "standards",
        ),
        (
            &addr.audit_all,
            "audit.html",
            "audit",
            "audit_full",
            "sheets",
        ),
    ];
    for (path, template, page, title_key, name) in whole {
        let Some(ranges) = &split else {
            let ctx = if name == "sheets" {
                context! { page => page, sheets => standards.clone(), full => true }
            } else {
                context! { page => page }
            };
            r.page(path, template, ctx);
            continue;
        };
        let count = ranges.len();
        let span = |range: &std::ops::Range<usize>| {
            let number = |i: usize| heads.get(i).map(|h| h.0.to_string()).unwrap_or_default();
            (number(range.start), number(range.end.saturating_sub(1)))
        };
        let listed: Vec<Value> = ranges
            .iter()
            .enumerate()
            .map(|(i, range)| {
                let (first, last) = span(range);
                context! { n => (i + 1).to_string(), url => Value::from_safe_string(parts::part_path(path, i + 1)), first => first, last => last }
            })
            .collect();
        r.page(
            path,
            "parts.html",
            context! { page => page, title_key => title_key, parts => listed, count => count.to_string() },
        );
        for (i, range) in ranges.iter().enumerate() {
            let (first, last) = span(range);
            let chunk: Vec<Value> = range
                .clone()
                .map(|j| standards.get_item(&Value::from(j)).unwrap_or_default())
                .collect();
            let part = context! {
                n => (i + 1).to_string(), count => count.to_string(), first => first, last => last,
                contents => Value::from_safe_string(path.clone()),
                prev => (i > 0).then(|| Value::from_safe_string(parts::part_path(path, i))),
                next => (i + 1 < count).then(|| Value::from_safe_string(parts::part_path(path, i + 2))),
            };
            let chunk = Value::from(chunk);
            let ctx = if name == "sheets" {
                context! { page => page, part => part, full => true, sheets => chunk }
            } else {
                context! { page => page, part => part, standards => chunk }
            };
            r.page(&parts::part_path(path, i + 1), template, ctx);
        }
    }
    // Audit sheets (blank, for inspectors) and the self-assessment (for directors).
    for (i, (_, _, _, id)) in heads.iter().enumerate() {
        let sv = standards.get_item(&Value::from(i)).unwrap_or_default();
        r.page(
            &addr.audit_sheet(id),
            "audit.html",
            context! { page => "audit", sheets => vec![sv.clone()], full => false },
        );
        let prev = i.checked_sub(1).and_then(|p| heads.get(p));
        let next = heads.get(i + 1);
        // Beside each other in the assessment's folder: linked by file name.
        let sibling = |x: Option<&(u32, String, String, String)>| {
            x.map(|(number, title, url, _)| context! { number => *number, title => title.clone(), file => url.clone() })
        };
        r.page(
            &addr.assessment_standard(id),
            "assessment-standard.html",
            context! { page => "assessment", s => sv, prev => sibling(prev), next => sibling(next) },
        );
    }

    // The index and reference pages, each where the handbook has something to show:
    // (shown, address, template, nav entry, the page's values).
    let listed = [
        (
            v.nav.procedures,
            &addr.procedures,
            "procedures.html",
            "procedures",
            context! { collections => template_value(&v.collections), procedures => template_value(&v.procedures) },
        ),
        (
            v.nav.roles,
            &addr.roles,
            "roles.html",
            "roles",
            context! { roles => template_value(&v.roles) },
        ),
        (
            v.nav.forms,
            &addr.forms,
            "forms.html",
            "forms",
            context! { groups => template_value(&v.forms) },
        ),
        (
            v.nav.deadlines,
            &addr.deadlines,
            "deadlines.html",
            "deadlines",
            context! { deadlines => template_value(&v.deadlines), filter_roles => template_value(&views::deadline_roles(&v.deadlines)), filter_collections => template_value(&views::deadline_collections(&v.deadlines, &v.collections, ui)) },
        ),
        (
            v.nav.glossary,
            &addr.glossary,
            "glossary.html",
            "glossary",
            context! { glossary => template_value(&v.glossary) },
        ),
        (
            v.nav.principles,
            &addr.principles,
            "principles.html",
            "principles",
            context! { principles => template_value(&v.principles) },
        ),
        (
            v.nav.reference,
            &addr.reference,
            "reference.html",
            "reference",
            context! { groups => template_value(&v.chapter_groups) },
        ),
        (
            v.indicators.is_some(),
            &addr.indicators,
            "indicators.html",
            "indicators",
            context! { ind => template_value(&v.indicators) },
        ),
    ];
    for (shown, path, template, page, values) in listed {
        if shown {
            r.page(
                path,
                template,
                minijinja::value::merge_maps([context! { page => page }, values]),
            );
        }
    }
    // One page for each chapter, procedure, role, printed form and plan.
    for c in &v.chapters {
        r.page(
            &c.url,
            "chapter.html",
            context! { page => "reference", c => template_value(c) },
        );
    }
    for p in &v.procedures {
        r.page(
            &p.url,
            "procedure.html",
            context! { page => "procedures", p => template_value(p) },
        );
    }
    // The trainer's kit: a handout for each procedure, the trainer's page.
    for p in &v.procedures {
        r.page(
            &p.handout_url,
            "handout.html",
            context! { page => "training", p => template_value(p) },
        );
    }
    if v.nav.training {
        r.page(
            &addr.training,
            "trainer.html",
            context! { page => "training", collections => template_value(&v.collections), procedures => template_value(&v.procedures), roles => template_value(&v.roles) },
        );
    }
    for role in &v.roles {
        r.page(
            &role.url,
            "role.html",
            context! { page => "roles", role => template_value(role) },
        );
    }
    // The quizzes, each with its answer key, and the training records kept in the browser.
    let edition = hb.config.edition.clone().unwrap_or_default();
    for q in &v.quizzes {
        let page = if q.kind == "role" {
            "roles"
        } else {
            "procedures"
        };
        let qv = template_value(q);
        r.page(
            &q.url,
            "quiz.html",
            context! { page => page, q => qv.clone(), edition => edition.clone() },
        );
        r.page(
            &q.key_url,
            "quiz-key.html",
            context! { page => page, q => qv, edition => edition.clone() },
        );
    }
    if !v.quizzes.is_empty() {
        r.page(
            &addr.training_records,
            "training-records.html",
            context! { page => "training", edition => edition.clone() },
        );
    }
    for f in &v.form_pages {
        r.page(
            &f.url,
            "form.html",
            context! { page => "forms", f => template_value(f) },
        );
    }
    for plan in &v.plans {
        r.page(
            &plan.url,
            "plan.html",
            context! { page => "plans", plan => template_value(plan) },
        );
    }

    let mut put = |path: &str, bytes: &[u8]| {
        if let Err(e) = sink.put(path, bytes) {
            diags.error(Pos::file(path), format!("cannot write the file: {e}"));
        }
    };
    for (path, bytes) in theme.statics() {
        put(path, bytes);
    }
    put(&addr.ui_script, ui_script(ui, addr).as_bytes());
    put(&addr.ui_print_style, ui_print_style(ui).as_bytes());
    // The assessment catalogue holds every criterion and evidence text: streamed to disk.
    // (`catalog.json` is streamed by the build beside the pages.)
    if let Err(e) = sink.put_stream(&addr.assessment_catalog, &mut |w| {
        crate::assessment::write_catalog_script(hb, w)
    }) {
        diags.error(
            Pos::file(&addr.assessment_catalog),
            format!("cannot write the assessment catalogue: {e}"),
        );
    }
    r.finish(sink, diags);
}

/// The fixed pages' addresses for the templates (`addr.home` …): plain paths, written into
/// `href`s as they are.
fn addresses(addr: &Pages) -> Value {
    let serde_json::Value::Object(map) = serde_json::to_value(addr).unwrap_or_default() else {
        return Value::UNDEFINED;
    };
    map.into_iter()
        .map(|(k, v)| {
            (
                k,
                Value::from_safe_string(v.as_str().unwrap_or("").to_string()),
            )
        })
        .collect::<std::collections::BTreeMap<String, Value>>()
        .into()
}

/// A view as a template value.
pub(crate) fn template_value<T: serde::Serialize>(x: &T) -> Value {
    Value::from(minijinja::value::Serde(x))
}

/// One page to render: where it goes, its template, and its values.
struct Job {
    path: String,
    template: &'static str,
    ctx: Value,
    /// A page of the whole handbook (print, full audit set): streamed to disk while it
    /// renders instead of held in memory.
    stream: bool,
}

/// The pages that hold every standard at once.
fn whole_handbook_pages(addr: &Pages) -> [String; 4] {
    [
        addr.print_all.clone(),
        addr.audit_all.clone(),
        addr.assessment_evidence.clone(),
        addr.assessment_print.clone(),
    ]
}

struct Renderer<'a> {
    env: Environment<'a>,
    jobs: Vec<Job>,
    base: Value,
    /// The pages streamed to disk (`whole_handbook_pages`).
    whole: [String; 4],
}

impl Renderer<'_> {
    /// Queue the page at `path` (site-relative), from `template` with `ctx` on top of the
    /// values every page has.
    fn page(&mut self, path: &str, template: &'static str, ctx: Value) {
        let depth = path.matches('/').count();
        let root = "../".repeat(depth);
        // The last map wins where keys meet: a page's own values over the base's (a part of a
        // whole-handbook page names its own `standards`).
        let ctx = minijinja::value::merge_maps([self.base.clone(), context! { root => root }, ctx]);
        self.jobs.push(Job {
            path: path.to_string(),
            template,
            ctx,
            stream: self
                .whole
                .iter()
                .any(|w| path.starts_with(w.trim_end_matches(".html"))),
        });
    }

    /// Render the queued pages in parallel, each straight into the sink.
    fn finish(mut self, sink: &dyn Sink, diags: &mut Diagnostics) {
        use rayon::prelude::*;
        // The whole-handbook pages are the longest jobs: started first, so the short ones
        // fill in around them instead of one long page finishing alone at the end.
        self.jobs.sort_by_key(|job| !job.stream);
        let env = &self.env;
        let failures: Vec<Diagnostics> = self
            .jobs
            .into_par_iter()
            .with_max_len(1)
            .filter_map(|job| {
                let mut d = Diagnostics::new();
                let template = match env.get_template(job.template) {
                    Ok(t) => t,
                    Err(e) => {
                        report_template_error(&mut d, &e, &job.path);
                        return Some(d);
                    }
                };
                if job.stream {
                    let mut failure = None;
                    let mut ctx = Some(job.ctx);
                    let written = sink.put_stream(&job.path, &mut |w| {
                        if let Some(ctx) = ctx.take()
                            && let Err(e) = template.render_captured_to(ctx, w)
                        {
                            failure = Some(e);
                        }
                        Ok(())
                    });
                    if let Some(e) = failure {
                        report_template_error(&mut d, &e, &job.path);
                    } else if let Err(e) = written {
                        d.error(Pos::file(&job.path), format!("cannot write the page: {e}"));
                    }
                } else {
                    match template.render(job.ctx) {
                        Ok(html) => {
                            if let Err(e) = sink.put(&job.path, html.as_bytes()) {
                                d.error(
                                    Pos::file(&job.path),
                                    format!("cannot write the page: {e}"),
                                );
                            }
                        }
                        Err(e) => report_template_error(&mut d, &e, &job.path),
                    }
                }
                (!d.is_empty()).then_some(d)
            })
            .collect();
        for d in failures {
            diags.extend(d);
        }
    }
}
