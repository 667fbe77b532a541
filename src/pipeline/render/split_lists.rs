//! The long lists that grow with the handbook: a role's card (every step and criterion the
//! role acts in) and the deadlines register. Above the theme's `split_page_bytes` they are
//! split into parts (the card by procedure and standard, the register by the procedure or
//! standard that sets each deadline), each row in exactly one part, the parts linking each
//! other and a contents list at the page's own address. Below it the pages stay whole.

use std::collections::HashMap;
use std::ops::Range;

use minijinja::{Value, context};

use super::parts;
use super::queue::Renderer;
use super::template_value;
use super::views::{CardGroupView, Cx, DeadlineView, RoleView};

/// The contents entries and the part-nav values of the parts `ranges` of the page at
/// `path`, each part named by the labels of its first and last group (as `first`).
fn part_values(
    path: &str,
    ranges: &[Range<usize>],
    label: &dyn Fn(usize) -> String,
) -> (Vec<Value>, Vec<Value>) {
    let count = ranges.len();
    // The part's first and last group by name, once where they are the same.
    let span = |r: &Range<usize>| {
        let (first, last) = (label(r.start), label(r.end.saturating_sub(1)));
        let span = if first == last {
            first
        } else {
            format!("{first} – {last}")
        };
        (span, String::new())
    };
    let listed = ranges
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let (first, last) = span(r);
            context! { n => (i + 1).to_string(), url => Value::from_safe_string(parts::part_path(path, i + 1)), first => first, last => last }
        })
        .collect();
    let navs = ranges
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let (first, last) = span(r);
            context! {
                n => (i + 1).to_string(), count => count.to_string(), first => first, last => last,
                status_key => "part_status_span",
                contents => Value::from_safe_string(path.to_string()),
                prev => (i > 0).then(|| Value::from_safe_string(parts::part_path(path, i))),
                next => (i + 1 < count).then(|| Value::from_safe_string(parts::part_path(path, i + 2))),
            }
        })
        .collect();
    (listed, navs)
}

/// A role's page, its card in parts when the card is larger than `limit`. The card's views
/// are made when the page renders, a group at a time: weighed (and kept only while the
/// whole card fits on one page), then, split, each part's groups made again for its page
/// and dropped after. No role's card is held through the render, nor a split card whole.
pub(super) fn role_pages<'a>(r: &mut Renderer<'a>, role: &'a RoleView, cx: &'a Cx<'a>, limit: u64) {
    // Through minijinja's own values, not JSON: a row's text is markup (a safe string),
    // which a JSON copy would turn into escaped text.
    fn with_card(role: &RoleView, card: &[CardGroupView], page: Value) -> Value {
        minijinja::value::merge_maps([page, context! { role => template_value(&role.page(card)) }])
    }
    r.made(move |put| {
        let mut kept: Vec<CardGroupView> = Vec::new();
        let mut weights: Vec<u64> = Vec::with_capacity(role.card.len());
        let mut labels: Vec<String> = Vec::with_capacity(role.card.len());
        let mut total = 0;
        for i in 0..role.card.len() {
            let group = role.card_group(cx, i);
            let weight = parts::weight(&group);
            total += weight;
            weights.push(weight);
            labels.push(group.parent.title.clone());
            if total <= limit {
                kept.push(group);
            } else {
                kept = Vec::new();
            }
        }
        let Some(ranges) = parts::plan(&weights, limit) else {
            let page = context! { page => "roles" };
            put(role.url.clone(), "role.html", with_card(role, &kept, page));
            return;
        };
        let label = |i: usize| labels.get(i).cloned().unwrap_or_default();
        let (listed, navs) = part_values(&role.url, &ranges, &label);
        let page = context! { page => "roles", card_parts => listed };
        put(role.url.clone(), "role.html", with_card(role, &[], page));
        for (i, (range, nav)) in ranges.into_iter().zip(navs).enumerate() {
            let card: Vec<CardGroupView> = range.map(|g| role.card_group(cx, g)).collect();
            let page = context! { page => "roles", part => nav };
            put(
                parts::part_path(&role.url, i + 1),
                "role.html",
                with_card(role, &card, page),
            );
        }
    });
}

/// The deadlines register at `path`, in parts by the page (procedure or standard) that sets
/// each deadline when it is larger than `limit`: the pages in the order of `pages`, each
/// part's rows in the register's own order. `values` are the filters every part shows.
pub(super) fn deadline_pages<'a>(
    r: &mut Renderer<'a>,
    path: &str,
    deadlines: &'a [DeadlineView],
    pages: &[String],
    values: Value,
    limit: u64,
) {
    // Each page's rows are made into template values when the page renders and dropped
    // after (never every part's rows at once).
    let whole = |r: &mut Renderer<'a>| {
        let values = values.clone();
        r.pages(
            vec![(
                path.to_string(),
                "deadlines.html",
                context! { page => "deadlines" },
            )],
            move || {
                minijinja::value::merge_maps([
                    context! { deadlines => template_value(&deadlines) },
                    values,
                ])
            },
        );
    };
    let page_of = |d: &DeadlineView| d.owner.url.split('#').next().unwrap_or("").to_string();
    let rank: HashMap<&str, usize> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.as_str(), i))
        .collect();
    // The setting pages in the handbook's order (any not listed after them, by address).
    let mut groups: Vec<(usize, String, Vec<usize>)> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for (i, d) in deadlines.iter().enumerate() {
        let p = page_of(d);
        let g = *at.entry(p.clone()).or_insert_with(|| {
            let r = rank.get(p.as_str()).copied().unwrap_or(usize::MAX);
            groups.push((r, p, Vec::new()));
            groups.len() - 1
        });
        groups[g].2.push(i);
    }
    groups.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    let weights: Vec<u64> = groups
        .iter()
        .map(|(_, _, rows)| rows.iter().map(|&i| parts::weight(&deadlines[i])).sum())
        .collect();
    let Some(ranges) = parts::plan(&weights, limit) else {
        whole(r);
        return;
    };
    let label = |g: usize| {
        groups
            .get(g)
            .and_then(|(_, _, rows)| rows.first())
            .map(|&i| deadlines[i].owner.context.clone())
            .unwrap_or_default()
    };
    let (listed, navs) = part_values(path, &ranges, &label);
    r.page(
        path,
        "parts.html",
        context! { page => "deadlines", title_key => "deadlines", parts => listed, count => ranges.len().to_string(), intro_key => "parts_intro_span", link_key => "part_link_span" },
    );
    for (i, (range, nav)) in ranges.iter().zip(navs).enumerate() {
        // The part's rows in the register's order (by duration).
        let mut rows: Vec<usize> = groups[range.clone()]
            .iter()
            .flat_map(|(_, _, rows)| rows.iter().copied())
            .collect();
        rows.sort_unstable();
        let values = values.clone();
        r.pages(
            vec![(
                parts::part_path(path, i + 1),
                "deadlines.html",
                context! { page => "deadlines", part => nav },
            )],
            move || {
                let chunk: Vec<&DeadlineView> = rows.iter().map(|&i| &deadlines[i]).collect();
                minijinja::value::merge_maps([
                    context! { deadlines => template_value(&chunk) },
                    values,
                ])
            },
        );
    }
}
