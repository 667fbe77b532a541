//! The page queue: every page to render with its template and values, rendered in parallel
//! straight into the sink.

use minijinja::{Environment, Value, context};

use super::{Sink, report_template_error};
use crate::address::Pages;
use crate::diagnostics::{Diagnostics, Pos};

/// One page to render: where it goes, its template, and its values.
pub(super) struct Job {
    path: String,
    template: &'static str,
    ctx: Value,
    /// A page of the whole handbook (print, full audit set): streamed to disk while it
    /// renders instead of held in memory.
    stream: bool,
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
    pub(super) jobs: Vec<Job>,
    pub(super) base: Value,
    /// The pages streamed to disk (`whole_handbook_pages`).
    pub(super) whole: [String; 4],
}

impl Renderer<'_> {
    /// Queue the page at `path` (site-relative), from `template` with `ctx` on top of the
    /// values every page has.
    pub(super) fn page(&mut self, path: &str, template: &'static str, ctx: Value) {
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
    pub(super) fn finish(mut self, sink: &dyn Sink, diags: &mut Diagnostics) {
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
