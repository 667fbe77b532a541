//! From the checked sources to the model's types: ids derived from numbers and file
//! names, Markdown and text kept as written, timings read.

use super::*;

mod procedure;
mod reference;
mod role;
pub(super) use procedure::procedure;
pub use reference::term_id;
pub(super) use reference::{glossary, indicators, plan};
pub(super) use role::role;

pub(super) fn standard(s: source::StandardSrc, prefix: &str) -> Standard {
    let sid = format!("{prefix}{}", s.number.value);
    let criteria = s
        .criteria
        .into_iter()
        .map(|c| {
            let cid = format!("{sid}.{}", c.number.value);
            Criterion {
                evidence: fit(c
                    .evidence
                    .into_iter()
                    .map(|e| Evidence {
                        id: evidence_id(&sid, &e.number.value),
                        number: e.number.value,
                        text: e.text.value,
                    })
                    .collect()),
                guidance: fit(c
                    .guidance
                    .into_iter()
                    .enumerate()
                    .map(|(i, g)| {
                        let number = g.number.map(|n| n.value);
                        let tail = number
                            .as_deref()
                            .and_then(|n| n.trim().split_once('.').map(|(_, t)| t.to_string()))
                            .unwrap_or_else(|| (i + 1).to_string());
                        Guidance {
                            id: format!("{cid}.g{tail}"),
                            number,
                            text: g.text.value,
                        }
                    })
                    .collect()),
                timing: fit(c.timing.into_iter().filter_map(timing).collect()),
                roles: values(c.roles),
                procedures: values(c.procedures),
                forms: values(c.forms),
                id: cid,
                number: c.number.value,
                text: c.text.value,
            }
        })
        .collect();
    let criteria = fit(criteria);
    Standard {
        id: sid,
        number: s.number.value,
        title: s.title.value,
        outcome: s.outcome.value,
        statement: s.statement.value,
        criteria,
    }
}

/// `S2` + `"3.1"` → `S2.3.1`.
pub fn evidence_id(standard_id: &str, number: &str) -> String {
    format!("{standard_id}.{}", number.trim())
}

pub(super) fn values(v: Vec<S<String>>) -> Vec<String> {
    fit(v.into_iter().map(|s| s.value).collect())
}

/// `v` without room to spare. A `Vec` collected from a source `Vec` it consumes reuses that
/// vector's memory (the standard library collects in place), sized for the source's larger
/// items: on 1,000 standards the model held twice its size in such room (302 MiB → see
/// BENCHMARKS.md). Every list the model keeps of a source's list goes through here.
pub(super) fn fit<T>(mut v: Vec<T>) -> Vec<T> {
    v.shrink_to_fit();
    v
}

pub(super) fn opt(v: Option<S<String>>) -> Option<String> {
    v.map(|s| s.value)
}

/// A timing with one valid duration (or none, where the words set no time limit);
/// validation reports the others.
pub fn timing(t: source::TimingSrc) -> Option<Timing> {
    let named = t.actors.is_some() || t.body.is_some();
    let body = opt(t.body).map(|b| b.trim().to_string());
    let mut actors = values(t.actors.unwrap_or_default());
    // The body its words time binds it too, though the step does not (`body:`).
    actors.extend(body.iter().cloned());
    let persons = values(t.persons.unwrap_or_default());
    let bound = match t.bound.as_ref().map(|b| b.value.trim()) {
        Some("at_most") => Some("at_most"),
        Some("at_least") => Some("at_least"),
        Some(_) => return None,
        None => None,
    };
    let per = match t.per {
        Some(p) => Some(duration::parse(p.value.trim()).ok()?),
        None => None,
    };
    let asap = t.asap.as_ref().is_some_and(|f| f.value);
    let condition = t.condition.map(|c| c.value.trim().to_string());
    let continuous = t.continuous.is_some_and(|f| f.value);
    // A timing of no length: a duty round the clock, one with no time limit, or as soon as
    // possible with no latest (no ISO duration, not `P0D`, which is "menjëherë"; it sorts
    // after "menjëherë", `sort_seconds`).
    let no_length = |kind: &'static str, asap: bool| Timing {
        body: body.clone(),
        persons: persons.clone(),
        named,
        actors: actors.clone(),
        bound: None,
        per: None,
        same_day: false,
        times: None,
        asap,
        condition: condition.clone(),
        text: t.text.value.clone(),
        kind,
        iso: String::new(),
        seconds: 0,
        length_seconds: None,
        working_days: false,
        to_iso: None,
        to_seconds: None,
        parsed: None,
    };
    if continuous || t.no_time_limit.is_some_and(|f| f.value) {
        return Some(no_length(
            if continuous { "continuous" } else { "none" },
            false,
        ));
    }
    if asap && t.within.is_none() && t.every.is_none() && t.duration.is_none() && t.before.is_none()
    {
        return Some(no_length("within", true));
    }
    let (kind, iso) = match (t.within, t.every, t.duration, t.before) {
        (Some(w), None, None, None) => ("within", w.value),
        (None, Some(e), None, None) => ("every", e.value),
        (None, None, Some(d), None) => ("duration", d.value),
        (None, None, None, Some(b)) => ("before", b.value),
        _ => return None,
    };
    let iso = iso.trim().to_string();
    let d = duration::parse(&iso).ok()?;
    let working_days = t.days.is_some_and(|d| d.value.trim() == "working");
    let to = match t.to {
        Some(to) => {
            let to = to.value.trim().to_string();
            let end = duration::parse(&to).ok()?;
            Some((to, end))
        }
        None => None,
    };
    // A working week has five days: counted on the calendar, a working day is 7/5 of a day.
    let calendar = |d: &duration::Duration| {
        if working_days {
            d.approx_seconds() * 7 / 5
        } else {
            d.approx_seconds()
        }
    };
    let times = t.times.map(|n| n.value).filter(|n| *n > 0);
    // "2 herë në vit" is sorted as often as every half year.
    let often = |secs: u64| secs / u64::from(times.unwrap_or(1));
    Some(Timing {
        body,
        persons,
        named,
        times,
        same_day: t.same_day.is_some_and(|f| f.value),
        asap,
        condition,
        actors,
        bound,
        per,
        text: t.text.value,
        kind,
        seconds: often(calendar(&d)),
        length_seconds: Some(often(calendar(&d))),
        working_days,
        to_seconds: to.as_ref().map(|(_, end)| calendar(end)),
        parsed: Some((d, to.as_ref().map(|(_, end)| *end))),
        to_iso: to.map(|(iso, _)| iso),
        iso,
    })
}
