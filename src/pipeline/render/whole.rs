//! The pages of the whole handbook (print everything, the evidence tracker, the printed
//! assessment, the full audit set), whole or in parts: the four pages of the same
//! standards render in one job with those standards' own pages (page, audit sheet,
//! self-assessment), from one making of the standards' views.

use std::ops::Range;

use minijinja::{Value, context};

use super::parts;
use super::queue::{Renderer, Shape};

/// (address, template, nav entry, the title's string, the name the template gives the
/// standards) of each whole-handbook page.
pub(super) type Whole<'w> = [(
    &'w String,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
); 4];

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
        .map(|(path, template, nav, _, name)| {
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

/// The whole-handbook pages in `ranges` of the standards: a contents page at each page's
/// own address, then each part's four pages in one job with its standards' own pages,
/// `full` making the part's standards when it renders. `heads` are the standards' (number,
/// title, page, id).
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
    let count = ranges.len();
    let span = |range: &Range<usize>| {
        let number = |i: usize| heads.get(i).map(|h| h.0.to_string()).unwrap_or_default();
        (number(range.start), number(range.end.saturating_sub(1)))
    };
    for (path, _, nav, title_key, _) in whole {
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
            context! { page => *nav, title_key => *title_key, parts => listed, count => count.to_string() },
        );
    }
    for (i, range) in ranges.iter().enumerate() {
        let (first, last) = span(range);
        let pages = pages(whole, |path, nav| {
            let part = context! {
                n => (i + 1).to_string(), count => count.to_string(), first => first.clone(), last => last.clone(),
                contents => Value::from_safe_string(path.clone()),
                prev => (i > 0).then(|| Value::from_safe_string(parts::part_path(path, i))),
                next => (i + 1 < count).then(|| Value::from_safe_string(parts::part_path(path, i + 2))),
            };
            (
                parts::part_path(path, i + 1),
                context! { page => nav, part => part },
            )
        });
        r.pages_shaped(with_own(pages, range.clone(), own), full(range.clone()));
    }
}
