//! The page queue: every page to render with its template and values, rendered in parallel
//! straight into the sink.

use minijinja::{Environment, Value, context};

use super::{Sink, report_template_error, squeeze};
use crate::address::Pages;
use crate::diagnostics::{Diagnostics, Pos};

mod costs;

/// Values made only when their pages render, on the thread that renders them, and dropped
/// right after: a standard's values (all its criteria) for its pages, a part's standards for
/// the part. The build never holds every standard's template values at once.
pub(super) type Late<'a> = Box<dyn FnOnce() -> Value + Send + 'a>;

/// One page to render: where it goes, its template, and its own values.
struct Page {
    path: String,
    template: &'static str,
    ctx: Value,
    /// A page of the whole handbook (print, full audit set): streamed to disk while it
    /// renders instead of held in memory.
    stream: bool,
    /// What the page takes of the job's late values (all of them where none).
    shape: Option<Shape>,
}

/// A page's own values from the late values its job shares (a list of standards): the
/// same standards named `standards` by one page, `sheets` by another, or one of them as a
/// standard's own pages show it.
#[derive(Clone, Copy)]
pub(super) enum Shape {
    /// `standards`: every standard of the job.
    Standards,
    /// `sheets`: every standard of the job, as audit sheets.
    Sheets,
    /// `s`, and `sheets` holding it alone: the job's `k`th standard.
    One(usize),
    /// `standards` holding the job's `k`th standard alone.
    Only(usize),
}

impl Shape {
    fn of(self, late: &Value) -> Value {
        match self {
            Shape::Standards => context! { standards => late.clone() },
            Shape::Sheets => context! { sheets => late.clone() },
            Shape::One(k) => {
                let sv = late.get_item_by_index(k).unwrap_or_default();
                context! { s => sv.clone(), sheets => vec![sv] }
            }
            Shape::Only(k) => {
                context! { standards => vec![late.get_item_by_index(k).unwrap_or_default()] }
            }
        }
    }
}

/// Pages a job makes when it runs, each handed to the given `page(path, template, values)`
/// and rendered there and then: a role's card in parts, whose parts are known only once
/// the card is made (and whose views are made a part at a time).
pub(super) type Made<'a> = Box<dyn FnOnce(&mut dyn FnMut(String, &'static str, Value)) + Send + 'a>;

/// Pages rendered together, sharing values made when the job runs ([`Late`]), then the
/// pages the job makes ([`Made`]).
pub(super) struct Job<'a> {
    pages: Vec<Page>,
    late: Option<Late<'a>>,
    made: Option<Made<'a>>,
}

/// The pages that hold every standard at once.
pub(super) fn whole_handbook_pages(addr: &Pages) -> [String; 4] {
    [
        addr.print_all.clone(),
        addr.audit_all.clone(),
        addr.assessment_evidence.clone(),
        addr.assessment_print.clone(),
    ]
}

pub(super) struct Renderer<'a> {
    pub(super) env: Environment<'a>,
    pub(super) jobs: Vec<Job<'a>>,
    pub(super) base: Value,
    /// The pages streamed to disk (`whole_handbook_pages`).
    pub(super) whole: [String; 4],
}

impl<'a> Renderer<'a> {
    /// Queue the page at `path` (site-relative), from `template` with `ctx` on top of the
    /// values every page has.
    pub(super) fn page(&mut self, path: &str, template: &'static str, ctx: Value) {
        let page = self.page_of(path, template, ctx);
        self.jobs.push(Job {
            pages: vec![page],
            late: None,
            made: None,
        });
    }

    /// Queue pages rendered one after the other by one job, each with its own values and
    /// those `late` makes when the job starts (on top of its own where keys meet).
    pub(super) fn pages(
        &mut self,
        pages: Vec<(String, &'static str, Value)>,
        late: impl FnOnce() -> Value + Send + 'a,
    ) {
        let pages = pages
            .into_iter()
            .map(|(path, template, ctx)| self.page_of(&path, template, ctx))
            .collect();
        self.jobs.push(Job {
            pages,
            late: Some(Box::new(late)),
            made: None,
        });
    }

    /// [`Renderer::pages`], each page taking its values from `late`'s through its [`Shape`].
    pub(super) fn pages_shaped(
        &mut self,
        pages: Vec<(String, &'static str, Value, Shape)>,
        late: impl FnOnce() -> Value + Send + 'a,
    ) {
        let pages = pages
            .into_iter()
            .map(|(path, template, ctx, shape)| Page {
                shape: Some(shape),
                ..self.page_of(&path, template, ctx)
            })
            .collect();
        self.jobs.push(Job {
            pages,
            late: Some(Box::new(late)),
            made: None,
        });
    }

    /// Queue a job that makes its pages when it runs ([`Made`]): each page's values are
    /// all its own (on top of the values every page has).
    pub(super) fn made(
        &mut self,
        make: impl FnOnce(&mut dyn FnMut(String, &'static str, Value)) + Send + 'a,
    ) {
        self.jobs.push(Job {
            pages: Vec::new(),
            late: None,
            made: Some(Box::new(make)),
        });
    }

    fn page_of(&self, path: &str, template: &'static str, ctx: Value) -> Page {
        Page {
            path: path.to_string(),
            template,
            ctx,
            shape: None,
            stream: streamed(&self.whole, path),
        }
    }

    /// Render the queued pages in parallel, each straight into the sink.
    pub(super) fn finish(mut self, sink: &dyn Sink, diags: &mut Diagnostics) {
        use rayon::prelude::*;
        // The whole-handbook pages are the longest jobs: started first, so the short ones
        // fill in around them instead of one long page finishing alone at the end.
        self.jobs
            .sort_by_key(|job| !job.pages.iter().any(|p| p.stream));
        let env = &self.env;
        let base = &self.base;
        let whole = &self.whole;
        let failures: Vec<Diagnostics> = self
            .jobs
            .into_par_iter()
            .with_max_len(1)
            .filter_map(|job| {
                let mut d = Diagnostics::new();
                let late = job.late.map(|f| costs::timed("(late values)", f));
                for page in job.pages {
                    let root = "../".repeat(page.path.matches('/').count());
                    // The last map wins where keys meet: a page's own values over the base's (a
                    // part of a whole-handbook page names its own `standards`).
                    let ctx = one_map(
                        [base.clone(), context! { root => root }, page.ctx]
                            .into_iter()
                            .chain(late.as_ref().map(|l| match page.shape {
                                Some(shape) => shape.of(l),
                                None => l.clone(),
                            })),
                    );
                    costs::timed(page.template, || {
                        render_page(
                            env,
                            sink,
                            &page.path,
                            page.template,
                            page.stream,
                            ctx,
                            &mut d,
                        )
                    });
                }
                if let Some(make) = job.made {
                    make(&mut |path, template, ctx| {
                        let root = "../".repeat(path.matches('/').count());
                        let ctx = one_map([base.clone(), context! { root => root }, ctx]);
                        let stream = streamed(whole, &path);
                        costs::timed(template, || {
                            render_page(env, sink, &path, template, stream, ctx, &mut d)
                        });
                    });
                }
                (!d.is_empty()).then_some(d)
            })
            .collect();
        for d in failures {
            diags.extend(d);
        }
        costs::say();
    }
}

/// A page's values in one map, each key's value that of the last map defining it, as
/// `merge_maps` gives them; but looked up once, by its text, not in each map in turn
/// (the templates look up `ui`, `root` and `say` for every criterion they show).
fn one_map(maps: impl IntoIterator<Item = Value>) -> Value {
    let mut all: std::collections::BTreeMap<std::sync::Arc<str>, Value> = Default::default();
    for map in maps {
        let Ok(keys) = map.try_iter() else {
            continue;
        };
        for key in keys {
            let (Some(name), Ok(value)) = (key.as_str(), map.get_item(&key)) else {
                continue;
            };
            if !value.is_undefined() {
                all.insert(name.into(), value);
            }
        }
    }
    Value::from(all)
}

/// Whether the page at `path` is one of the `whole` handbook's pages or their parts,
/// streamed to disk while it renders.
fn streamed(whole: &[String], path: &str) -> bool {
    whole
        .iter()
        .any(|w| path.starts_with(w.trim_end_matches(".html")))
}

/// Render one page into the sink; problems go into `d`.
fn render_page(
    env: &Environment<'_>,
    sink: &dyn Sink,
    path: &str,
    template: &str,
    stream: bool,
    ctx: Value,
    d: &mut Diagnostics,
) {
    let template = match env.get_template(template) {
        Ok(t) => t,
        Err(e) => {
            report_template_error(d, &e, path);
            return;
        }
    };
    if stream {
        let mut failure = None;
        let mut ctx = Some(ctx);
        let html = path.ends_with(".html");
        let written = sink.put_stream(path, &mut |w| {
            if let Some(ctx) = ctx.take() {
                if html {
                    let mut squeezed = squeeze::Writer::new(w);
                    match template.render_captured_to(ctx, &mut squeezed) {
                        Ok(_) => return squeezed.finish(),
                        Err(e) => failure = Some(e),
                    }
                } else if let Err(e) = template.render_captured_to(ctx, w) {
                    failure = Some(e);
                }
            }
            Ok(())
        });
        if let Some(e) = failure {
            report_template_error(d, &e, path);
        } else if let Err(e) = written {
            d.error(Pos::file(path), format!("cannot write the page: {e}"));
        }
    } else if path.ends_with(".html") {
        // Squeezed as the template writes it: no copy of the page before the squeeze.
        let mut page = Vec::new();
        let mut squeezed = squeeze::Writer::new(&mut page);
        match template.render_captured_to(ctx, &mut squeezed) {
            Ok(_) => {
                // (Into memory, which takes every byte.)
                let _ = squeezed.finish();
                if let Err(e) = sink.put(path, &page) {
                    d.error(Pos::file(path), format!("cannot write the page: {e}"));
                }
            }
            Err(e) => report_template_error(d, &e, path),
        }
    } else {
        match template.render(ctx) {
            Ok(text) => {
                if let Err(e) = sink.put(path, text.as_bytes()) {
                    d.error(Pos::file(path), format!("cannot write the page: {e}"));
                }
            }
            Err(e) => report_template_error(d, &e, path),
        }
    }
}
