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
mod queue;
mod sink;
mod split_lists;
mod squeeze;
mod strings;
pub mod views;
mod whole;
pub mod xlsform;

pub use environment::environment;
use environment::report_template_error;
use queue::{Late, Renderer, whole_handbook_pages};
pub use sink::{MemorySink, Sink};
use strings::ui_script;
pub use strings::ui_strings;
pub(crate) use strings::{print_head_style, ui_print_style};

use std::collections::HashMap;

use minijinja::{Value, context};

use crate::address::Pages;
use crate::diagnostics::{Diagnostics, Pos};
use crate::pipeline::model::Handbook;
use crate::theme::Theme;

/// The Content-Security-Policy of every page: nothing may be loaded from anywhere but the
/// site itself, and no inline script may run.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'";

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
    note_rss("start");
    let shared = views::Shared::of(hb, ui);
    let mut cx = shared.cx(hb, ui);
    note_rss("places, actions");
    let v = views::build(&mut cx);
    note_rss("views");
    let cx = &cx;
    let site = template_value(&v.site);
    // The interface's words as a map looked up by text (a template names one for nearly
    // every line it writes).
    let ui_value = Value::from(
        ui.iter()
            .map(|(k, v)| {
                (
                    std::sync::Arc::<str>::from(k.as_str()),
                    Value::from(v.as_str()),
                )
            })
            .collect::<std::collections::BTreeMap<_, _>>(),
    );
    let nav = template_value(&v.nav);
    // A standard's view (its criteria as HTML) is made when its pages render and dropped
    // after, never every standard's at once. Made once here, in parallel, for what every
    // page lists of it (its summary) and its weight (where the whole-handbook pages split):
    // ((number, title, page, id), weight, summary) of each standard.
    let made: Vec<(whole::Head, u64, Value)> = {
        use rayon::prelude::*;
        hb.standards
            .par_iter()
            .map(|s| {
                let sv = views::standard(cx, s);
                let head = (sv.number, sv.title.clone(), sv.url.clone(), sv.id.clone());
                (head, parts::weight(&sv), views::summary(&sv))
            })
            .collect()
    };
    // What making the views freed goes back before the pages render.
    crate::give_back_memory();
    note_rss("summaries");
    let heads: Vec<whole::Head> = made.iter().map(|(head, _, _)| head.clone()).collect();
    // The whole-handbook pages' parts, where the standards are too large for one page.
    let split_bytes = parts::checked(theme, diags).split_page_bytes;
    let split = parts::plan(
        &made.iter().map(|(_, w, _)| *w).collect::<Vec<_>>(),
        split_bytes,
    );
    // Every page lists the standards (number, title, address); only a standard's own pages
    // and the whole-handbook pages hold its criteria, made into template values when those
    // pages render (`Late`) and dropped after.
    let standards = Value::from(
        made.into_iter()
            .map(|(_, _, summary)| summary)
            .collect::<Vec<Value>>(),
    );
    let all = &hb.standards;
    let full = |range: std::ops::Range<usize>| {
        move || {
            Value::from(
                all[range]
                    .iter()
                    .map(|s| template_value(&views::standard(cx, s)))
                    .collect::<Vec<Value>>(),
            )
        }
    };

    let mut r = Renderer {
        env,
        jobs: Vec::new(),
        base: context! { site => site, ui => ui_value, csp => CSP, standards => standards.clone(), nav => nav, addr => addresses(addr),
        changes => changed.map(|c| context! { page => c.page.clone(), old => c.view.old.clone(), heading => c.view.heading.clone(), marks => c.marks.clone(), roles => c.roles.clone(), forms => c.forms.clone() }) },
        whole: whole_handbook_pages(addr),
    };
    if split.is_some() {
        // The split catalogue's files (`vleresim/catalog/S1.js` …): a standard's page and a
        // part of the printout load their own; the contents pages load the catalogue's shape
        // (`catalog-shape.js`) and a standard's file only when they show its text
        // (`static/assessment-parts.js`). Here only a sign that the catalogue is split.
        let files: Vec<Value> = hb
            .standards
            .iter()
            .map(|s| {
                Value::from_safe_string(format!(
                    "{}{}",
                    addr.assessment_dir,
                    crate::assessment::catalog_part_file(&s.id)
                ))
            })
            .collect();
        r.base =
            minijinja::value::merge_maps([r.base.clone(), context! { catalog_files => files }]);
    }

    r.page(&addr.home, "index.html", context! { page => "index" });
    if let Some(c) = changed {
        r.page(
            &c.page,
            "changes.html",
            context! { page => "changes", d => template_value(&c.view) },
        );
    }
    // A standard's pages: its page, its audit sheet (blank, for inspectors) and its
    // self-assessment (for directors), rendered with the whole-handbook pages (or part) that
    // hold the standard, from one making of its values.
    let heads_ = &heads;
    // Above the split size, the mark of each standard's catalogue file its
    // self-assessment page draws from (`assessment::catalog_part_mark`): made once for each
    // standard, in parallel (a standard's own pages are named several times below).
    let marks: Vec<String> = match split {
        Some(_) => {
            use rayon::prelude::*;
            hb.standards
                .par_iter()
                .map(crate::assessment::catalog_part_mark)
                .collect()
        }
        None => Vec::new(),
    };
    let marks = &marks;
    let own = move |i: usize| -> Vec<(String, &'static str, Value)> {
        let (_, _, url, id) = &heads_[i];
        let prev = i.checked_sub(1).and_then(|p| heads_.get(p));
        let next = heads_.get(i + 1);
        let link = |x: Option<&(u32, String, String, String)>| {
            x.map(|(number, title, url, _)| context! { number => *number, title => title.clone(), url => url.clone() })
        };
        // Beside each other in the assessment's folder: linked by file name.
        let sibling = |x: Option<&(u32, String, String, String)>| {
            x.map(|(number, title, url, _)| context! { number => *number, title => title.clone(), file => url.clone() })
        };
        vec![
            (
                url.clone(),
                "standard.html",
                context! { page => "standard", prev => link(prev), next => link(next) },
            ),
            (
                addr.audit_sheet(id),
                "audit.html",
                context! { page => "audit", full => false },
            ),
            (
                addr.assessment_standard(id),
                "assessment-standard.html",
                // Above the split size, the mark of the standard's catalogue file the page
                // draws from (`marks`).
                context! { page => "assessment", prev => sibling(prev), next => sibling(next),
                drawn_mark => marks.get(i).cloned() },
            ),
        ]
    };
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
    let whole = whole::table(addr);
    // The whole-handbook pages of the same standards render together, from one making of
    // their views: each page names them as its template does.
    if let Some(ranges) = &split {
        whole::parts(&mut r, &whole, ranges, &heads, &full, &own);
    } else {
        whole::all(&mut r, &whole, all.len(), &full, &own);
    }
    // The index and reference pages, each where the handbook has something to show:
    // (shown, address, template, nav entry, the page's values, made when it renders).
    let v = &v;
    let listed: [(bool, &String, &'static str, &'static str, Late<'_>); 7] = [
        (
            v.nav.procedures,
            &addr.procedures,
            "procedures.html",
            "procedures",
            Box::new(
                move || context! { collections => template_value(&v.collections), procedures => template_value(&v.procedures) },
            ),
        ),
        (
            v.nav.roles,
            &addr.roles,
            "roles.html",
            "roles",
            Box::new(move || context! { roles => role_listing(&v.roles) }),
        ),
        (
            v.nav.forms,
            &addr.forms,
            "forms.html",
            "forms",
            Box::new(move || context! { groups => template_value(&v.forms) }),
        ),
        (
            v.nav.glossary,
            &addr.glossary,
            "glossary.html",
            "glossary",
            Box::new(move || context! { glossary => template_value(&v.glossary) }),
        ),
        (
            v.nav.principles,
            &addr.principles,
            "principles.html",
            "principles",
            Box::new(move || context! { principles => template_value(&v.principles) }),
        ),
        (
            v.nav.reference,
            &addr.reference,
            "reference.html",
            "reference",
            Box::new(move || context! { groups => template_value(&v.chapter_groups) }),
        ),
        (
            v.indicators.is_some(),
            &addr.indicators,
            "indicators.html",
            "indicators",
            Box::new(move || context! { ind => template_value(&v.indicators) }),
        ),
    ];
    for (shown, path, template, page, values) in listed {
        if shown {
            r.pages(
                vec![(path.clone(), template, context! { page => page })],
                values,
            );
        }
    }
    // The deadlines register, in parts by the procedure or standard that sets each deadline
    // where it is too large for one page.
    if v.nav.deadlines {
        let pages: Vec<String> = v
            .procedures
            .iter()
            .map(|p| p.url.clone())
            .chain(heads.iter().map(|h| h.2.clone()))
            .collect();
        split_lists::deadline_pages(
            &mut r,
            &addr.deadlines,
            &v.deadlines,
            &pages,
            context! { filter_roles => template_value(&views::deadline_roles(&v.deadlines)), filter_collections => template_value(&views::deadline_collections(&v.deadlines, &v.collections, ui)) },
            split_bytes,
        );
    }
    // One page for each chapter, procedure, role, printed form and plan, each view made
    // into template values when its pages render.
    for c in &v.chapters {
        r.pages(
            vec![(
                c.url.clone(),
                "chapter.html",
                context! { page => "reference" },
            )],
            move || context! { c => template_value(c) },
        );
    }
    // A procedure's page and, for the trainer's kit, its handout.
    for p in &v.procedures {
        r.pages(
            vec![
                (
                    p.url.clone(),
                    "procedure.html",
                    context! { page => "procedures" },
                ),
                (
                    p.handout_url.clone(),
                    "handout.html",
                    context! { page => "training" },
                ),
            ],
            move || context! { p => template_value(p) },
        );
    }
    if v.nav.training {
        r.pages(
            vec![(addr.training.clone(), "trainer.html", context! { page => "training" })],
            move || context! { collections => template_value(&v.collections), procedures => template_value(&v.procedures), roles => role_listing(&v.roles) },
        );
    }
    for role in &v.roles {
        split_lists::role_pages(&mut r, role, cx, split_bytes);
    }
    // The quizzes, each with its answer key, and the training records kept in the browser.
    let edition = hb.config.edition.clone().unwrap_or_default();
    for q in &v.quizzes {
        let page = if q.kind == "role" {
            "roles"
        } else {
            "procedures"
        };
        r.pages(
            vec![
                (
                    q.url.clone(),
                    "quiz.html",
                    context! { page => page, edition => edition.clone() },
                ),
                (
                    q.key_url.clone(),
                    "quiz-key.html",
                    context! { page => page, edition => edition.clone() },
                ),
            ],
            move || context! { q => template_value(q) },
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
        r.pages(
            vec![(f.url.clone(), "form.html", context! { page => "forms" })],
            move || context! { f => template_value(f) },
        );
    }
    for plan in &v.plans {
        r.pages(
            vec![(plan.url.clone(), "plan.html", context! { page => "plans" })],
            move || context! { plan => template_value(plan) },
        );
    }

    let mut put = |path: &str, bytes: &[u8]| {
        if let Err(e) = sink.put(path, bytes) {
            diags.error(Pos::file(path), format!("cannot write the file: {e}"));
        }
    };
    for (path, bytes) in theme.statics(split.is_some()) {
        put(path, bytes);
    }
    put(
        &addr.ui_script,
        ui_script(ui, addr, split.is_some()).as_bytes(),
    );
    put(
        &addr.ui_print_style,
        ui_print_style(ui, hb.config.dir()).as_bytes(),
    );
    // The assessment catalogue holds every criterion and evidence text: streamed to disk.
    // (`catalog.json` is streamed by the build beside the pages.)
    // Split with the whole-handbook pages: then a file for each standard beside it.
    if let Err(e) = sink.put_stream(&addr.assessment_catalog, &mut |w| {
        crate::assessment::write_catalog_head(hb, split.is_some(), w)
    }) {
        diags.error(
            Pos::file(&addr.assessment_catalog),
            format!("cannot write the assessment catalogue: {e}"),
        );
    }
    if split.is_some() {
        let path = format!(
            "{}{}",
            addr.assessment_dir,
            crate::assessment::CATALOG_SHAPE_FILE
        );
        if let Err(e) = sink.put_stream(&path, &mut |w| {
            crate::assessment::write_catalog_shape(hb, w)
        }) {
            diags.error(
                Pos::file(&path),
                format!("cannot write the assessment catalogue: {e}"),
            );
        }
        // Each standard's file written in parallel (a thousand of them were a serial half
        // second before the pages); any error said in the standards' order.
        use rayon::prelude::*;
        let failed: Vec<(String, std::io::Error)> = hb
            .standards
            .par_iter()
            .enumerate()
            .filter_map(|(i, s)| {
                let path = format!(
                    "{}{}",
                    addr.assessment_dir,
                    crate::assessment::catalog_part_file(&s.id)
                );
                sink.put_stream(&path, &mut |w| {
                    crate::assessment::write_catalog_part(hb, i, w)
                })
                .err()
                .map(|e| (path, e))
            })
            .collect();
        for (path, e) in failed {
            diags.error(
                Pos::file(&path),
                format!("cannot write the assessment catalogue: {e}"),
            );
        }
    }
    note_rss("queue");
    r.finish(sink, diags);
    note_rss("pages");
}

/// With `DORACAK_TIMINGS`, the resident memory at a point of the render (where the
/// render's memory goes: the model, the context of places and actions, the views), and the
/// wall and process CPU time since the last point (where its time goes).
fn note_rss(label: &str) {
    use std::sync::Mutex;
    use std::time::{Duration, Instant};
    static LAST: Mutex<Option<(Instant, Duration)>> = Mutex::new(None);
    if crate::timings_asked() {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        if let Some(kb) = status.lines().find_map(|l| l.strip_prefix("VmRSS:")) {
            let kb: u64 = kb.trim().trim_end_matches("kB").trim().parse().unwrap_or(0);
            eprintln!(
                "memory: resident after render's {label:<16} {:>5} MiB",
                kb / 1024
            );
        }
        let now = (Instant::now(), crate::process_cpu());
        let mut last = LAST.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((wall, cpu)) = last.filter(|_| label != "start") {
            eprintln!(
                "timing: render's {label:<24} {:>8.1} ms wall, {:>8.1} ms CPU",
                now.0.duration_since(wall).as_secs_f64() * 1000.0,
                now.1.saturating_sub(cpu).as_secs_f64() * 1000.0
            );
        }
        *last = Some(now);
    }
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

/// The roles as their lists show them (not every role's card).
fn role_listing(roles: &[views::RoleView]) -> Value {
    template_value(
        &roles
            .iter()
            .map(views::RoleView::listing)
            .collect::<Vec<_>>(),
    )
}

/// A view as a template value.
pub(crate) fn template_value<T: serde::Serialize>(x: &T) -> Value {
    Value::from(minijinja::value::Serde(x))
}
