//! The pages of the whole handbook (print everything, the evidence tracker, the printed
//! assessment, the full audit set), whole or in parts: the four pages of the same
//! standards render in one job with those standards' own pages (page, audit sheet,
//! self-assessment), from one making of the standards' views.

use std::ops::Range;

use minijinja::{Value, context};

use super::parts;
use super::queue::{Renderer, Shape};
use crate::address::Pages;

/// (address, template, nav entry, the title's string, the name the template gives the
/// standards, the template of the standard's own page that carries what the page holds of
/// it above the split size, the template of its contents page there) of each
/// whole-handbook page.
pub(super) type Whole<'w> = [(
    &'w String,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
); 4];

/// The whole-handbook pages at the handbook's addresses: print everything, the evidence
/// tracker, the printed assessment and the full audit set.
pub(super) fn table(addr: &Pages) -> Whole<'_> {
    [
        (
            &addr.print_all,
            "print.html",
            "print",
            "print_all",
            "standards",
            Some("standard.html"),
            "parts.html",
        ),
        (
            &addr.assessment_evidence,
            "assessment-evidence.html",
            "assessment",
            "assess_evidence_tracker",
            "standards",
            Some("assessment-standard.html"),
            "assessment-tracker.html",
        ),
        (
            &addr.assessment_print,
            "assessment-print.html",
            "assessment",
            "assess_print",
            "standards",
            None,
            "parts.html",
        ),
        (
            &addr.audit_all,
            "audit.html",
            "audit",
            "audit_full",
            "sheets",
            Some("audit.html"),
            "parts.html",
        ),
    ]
}

/// A standard's (number, title, page, id).
pub(super) type Head = (u32, String, String, String);

/// A standard's own pages (address, template, the page's own values), by its index.
pub(super) type Own<'o> = dyn Fn(usize) -> Vec<(String, &'static str, Value)> + 'o;

/// The four whole-handbook pages, each at the address and with the values `at` gives it
/// (from its own address and nav entry), naming the standards as its template does.
pub(super) fn pages(
    whole: &Whole,
    at: impl Fn(&String, &'static str) -> (String, Value),
) -> Vec<(String, &'static str, Value, Shape)> {
    whole
        .iter()
        .map(|(path, template, nav, _, name, _, _)| {
            let (path, ctx) = at(path, nav);
            page(path, template, ctx, name)
        })
        .collect()
}

/// A whole-handbook page with its own values: the full audit set is the audit sheets of
/// every standard.
fn page(
    path: String,
    template: &'static str,
    ctx: Value,
    name: &str,
) -> (String, &'static str, Value, Shape) {
    if name == "sheets" {
        (
            path,
            template,
            minijinja::value::merge_maps([ctx, context! { full => true }]),
            Shape::Sheets,
        )
    } else {
        (path, template, ctx, Shape::Standards)
    }
}

/// The pages of the standards in `range` after `pages`, each showing its standard alone
/// of the job's.
fn with_own(
    mut pages: Vec<(String, &'static str, Value, Shape)>,
    range: Range<usize>,
    own: &Own,
) -> Vec<(String, &'static str, Value, Shape)> {
    for i in range.clone() {
        pages.extend(
            own(i)
                .into_iter()
                .map(|(path, template, ctx)| (path, template, ctx, Shape::One(i - range.start))),
        );
    }
    pages
}

/// The whole-handbook pages of every standard, whole, in one job with the standards' own
/// pages, `full` making the standards when it renders.
pub(super) fn all<'a, L>(
    r: &mut Renderer<'a>,
    whole: &Whole,
    count: usize,
    full: &dyn Fn(Range<usize>) -> L,
    own: &Own,
) where
    L: FnOnce() -> Value + Send + 'a,
{
    let pages = pages(whole, |path, nav| (path.clone(), context! { page => nav }));
    r.pages_shaped(with_own(pages, 0..count, own), full(0..count));
}

/// Above the split size: at each whole-handbook page's address a contents page linking,
/// for each standard, the page that carries it. A page whose standards' own page carries
/// the same (print everything: the standard's page; the full audit set: its audit sheet;
/// the evidence tracker: its self-assessment, with the same evidence fields) links that
/// page, and copies nothing; the printed assessment, which no standard's own page prints
/// filled, has a part for each standard (`vleresim/printo-3.html`), linking the contents
/// page and each other. The evidence tracker's contents page keeps the tracker's filters
/// and counts, drawn from the assessment kept in the browser and the split catalogue
/// (`assessment-tracker.html`). The standards' own pages (and the parts) render in one job for
/// each of `ranges`, `full` making the range's standards when it renders. `heads` are the
/// standards' (number, title, page, id).
pub(super) fn parts<'a, L>(
    r: &mut Renderer<'a>,
    whole: &Whole,
    ranges: &[Range<usize>],
    heads: &[Head],
    full: &dyn Fn(Range<usize>) -> L,
    own: &Own,
) where
    L: FnOnce() -> Value + Send + 'a,
{
    let count = heads.len();
    for (path, _, nav, title_key, _, carrier, contents) in whole {
        let listed: Vec<Value> = heads
            .iter()
            .enumerate()
            .map(|(i, (number, title, _, id))| {
                let url = match carrier {
                    Some(t) => own(i)
                        .into_iter()
                        .find(|(_, template, _)| template == t)
                        .map(|(url, _, _)| url)
                        .unwrap_or_default(),
                    None => parts::part_path(path, i + 1),
                };
                context! { n => (i + 1).to_string(), url => Value::from_safe_string(url), first => number.to_string(), title => title.clone(), id => id.clone() }
            })
            .collect();
        r.page(
            path,
            contents,
            context! { page => *nav, title_key => *title_key, parts => listed, count => count.to_string() },
        );
    }
    for range in ranges {
        let mut pages = Vec::new();
        for (path, template, nav, _, name, carrier, _) in whole {
            if carrier.is_some() {
                continue;
            }
            for i in range.clone() {
                let (number, title, _, _) = &heads[i];
                // Its standard's blank audit sheet: what the part links where it cannot fill.
                let sheet = own(i)
                    .into_iter()
                    .find(|(_, template, _)| *template == "audit.html")
                    .map(|(url, _, _)| Value::from_safe_string(url));
                let part = context! {
                    sheet => sheet,
                    n => (i + 1).to_string(), count => count.to_string(), first => number.to_string(), title => title.clone(),
                    contents => Value::from_safe_string(path.to_string()),
                    prev => (i > 0).then(|| Value::from_safe_string(parts::part_path(path, i))),
                    next => (i + 1 < count).then(|| Value::from_safe_string(parts::part_path(path, i + 2))),
                };
                let (path, template, ctx, shape) = page(
                    parts::part_path(path, i + 1),
                    template,
                    context! { page => *nav, part => part },
                    name,
                );
                let shape = match shape {
                    Shape::Sheets => Shape::One(i - range.start),
                    _ => Shape::Only(i - range.start),
                };
                pages.push((path, template, ctx, shape));
            }
        }
        r.pages_shaped(with_own(pages, range.clone(), own), full(range.clone()));
    }
}
