//! From the checked sources to the model's types: ids derived from numbers and file
//! names, Markdown and text kept as written, timings read.

use super::*;

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
                            .and_then(|n| n.split_once('.').map(|(_, t)| t.to_string()))
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

pub(super) fn procedure(order: usize, slug: String, p: source::ProcedureSrc) -> Procedure {
    let steps = p
        .steps
        .into_iter()
        .map(|s| Step {
            id: format!("{slug}.{}", s.number.value.trim()),
            number: s.number.value,
            printed: opt(s.printed),
            alternative: s.alternative.is_some_and(|a| a.value),
            parallel: s.parallel.is_some_and(|a| a.value),
            follows: s.follows.map(|f| f.value.trim().to_string()),
            free: s.free.is_some_and(|a| a.value),
            returns_to: s
                .returns_to
                .map(|r| (r.step.value.trim().to_string(), r.words.value)),
            numbered_beside: false,
            // A group printed with its colon ("Veprimet e përgjithshme:", 001:1338) is the
            // lead-in of its numbered points.
            lead_in: s
                .group
                .as_ref()
                .is_some_and(|g| g.value.trim_end().ends_with(':')),
            group: opt(s.group),
            title: opt(s.title),
            text: s.text.value,
            actors: values(s.actors),
            persons: s.persons.map(|p| values(p.value)).unwrap_or_default(),
            acting_for: s
                .acting_for
                .into_iter()
                .map(|a| crate::pipeline::model::ActingFor {
                    actor: a.actor.value.trim().to_string(),
                    of: a.of.map(|o| o.value.trim().to_string()),
                    words: a.words.value.trim().to_string(),
                })
                .collect(),
            timing: fit(s.timing.into_iter().filter_map(timing).collect()),
            forms: s
                .forms
                .iter()
                .map(|l| l.form.value.trim().to_string())
                .collect(),
            form_links: s
                .forms
                .into_iter()
                .map(|l| crate::pipeline::model::FormLink {
                    form: l.form.value.trim().to_string(),
                    named: l.named.is_some(),
                    actors: l
                        .actors
                        .iter()
                        .map(|a| a.value.trim().to_string())
                        .collect(),
                    words: l
                        .named
                        .or(l.tied)
                        .map(|w| w.value.split_whitespace().collect::<Vec<_>>().join(" ")),
                })
                .collect(),
        })
        .collect();
    let mut steps = fit(steps);
    // Where some steps are "Hapi N", a printed label carries its N beside it.
    let sequenced = steps.iter().any(|s: &Step| s.printed.is_none());
    for s in &mut steps {
        s.numbered_beside = sequenced && s.printed.is_some();
    }
    Procedure {
        id: slug.clone(),
        order,
        title: p.title.value,
        collection: p.collection.value,
        source: p.source,
        definition: opt(p.definition),
        agencies: p.agencies.map(|a| Agencies {
            intro: opt(a.intro),
            items: values(a.items),
        }),
        sections: p
            .sections
            .into_iter()
            .enumerate()
            .map(|(i, s)| Section {
                id: format!("{slug}.s{}", i + 1),
                heading: s.title.is_some(),
                indicators: s.indicators.is_some_and(|f| f.value),
                title: opt(s.title).or(opt(s.name)),
                text: opt(s.text),
                items: values(s.items),
                timing: s.timing.into_iter().filter_map(timing).collect(),
                before_step: s.before_step.map(|b| b.value.trim().to_string()),
                documents: s.documents.is_some_and(|d| d.value),
            })
            .collect(),
        steps,
        documentation_intro: opt(p.documentation_intro),
        documentation: p
            .documentation
            .into_iter()
            .map(|d| Document {
                text: d.text.value,
                forms: d
                    .form
                    .into_iter()
                    .map(|f| f.value.trim().to_string())
                    .collect(),
            })
            .collect(),
    }
}

pub(super) fn role(slug: String, r: source::RoleSrc) -> Role {
    // The job description's sections in the order the source prints them (the duty areas
    // and requirements come apart, below).
    let sections: Vec<RoleSection> = [
        ("position", r.position),
        ("institution", r.institution),
        ("directorate", r.directorate),
        ("reports_to", r.reports_to),
        ("mission", r.mission),
        ("purpose", r.purpose),
        ("main_duties", r.main_duties),
        ("problem_solving", r.problem_solving),
        ("decision_making", r.decision_making),
        ("environment", r.environment),
        ("supervision", r.supervision),
        ("subordinates", r.subordinates),
        ("conditions", r.conditions),
    ]
    .into_iter()
    .filter_map(|(key, v)| v.map(|v| RoleSection { key, text: v.value }))
    .collect();
    let mut requirements = Vec::new();
    if let Some(q) = r.requirements {
        for (key, v) in [
            ("education", q.education),
            ("experience", q.experience),
            ("knowledge", q.knowledge),
            ("abilities", q.abilities),
        ] {
            if let Some(v) = v {
                requirements.push(RoleSection { key, text: v.value });
            }
        }
    }
    Role {
        id: slug,
        title: r.title.value,
        abbr: opt(r.abbr),
        abbr_variants: r
            .abbr_variants
            .into_iter()
            .map(|a| a.value.trim().to_string())
            .collect(),
        jurisdiction: opt(r.jurisdiction),
        kind: match r.kind.value {
            source::RoleKind::Job => RoleKind::Job,
            source::RoleKind::Role => RoleKind::Role,
        },
        source: r.source,
        definition: opt(r.definition),
        members: r
            .members
            .iter()
            .map(|m| m.value.trim().to_string())
            .collect(),
        named_by: r.named_by.into_iter().map(|m| m.value).collect(),
        mentioned: r
            .mentioned
            .iter()
            .map(|m| m.value.trim().to_string())
            .collect(),
        timing: r.timing.into_iter().filter_map(timing).collect(),
        same_as: r
            .same_as
            .iter()
            .map(|m| m.value.trim().to_string())
            .collect(),
        may_be: r
            .may_be
            .iter()
            .map(|m| m.value.trim().to_string())
            .collect(),
        names_all: r.names_all.as_ref().is_some_and(|f| f.value),
        catch_all: r
            .catch_all
            .iter()
            .map(|m| m.value.trim().to_string())
            .collect(),
        representatives: r
            .representatives
            .iter()
            .map(|m| m.value.trim().to_string())
            .collect(),
        legal_duties: r.legal_duties.map(|l| LegalDuties {
            table: l.table.value,
            institution: l.institution.value,
            text: l.text.value,
        }),
        sections,
        duty_areas: r
            .duty_areas
            .into_iter()
            .map(|a| DutyArea {
                title: a.title.value,
                text: a.text.value,
            })
            .collect(),
        requirements,
        acts_in: Vec::new(),
        acts_through: Vec::new(),
        signature: opt(r.signature),
        headings: r.headings.into_iter().map(|(k, v)| (k, v.value)).collect(),
    }
}

/// A stable anchor for a glossary term: folded to ASCII, lowercased, dashes for the rest.
pub fn term_id(prefix: &str, term: &str) -> String {
    let id = format!("{prefix}{}", crate::text::slug(term));
    id.trim_end_matches('-').to_string()
}

pub(super) fn glossary(g: source::GlossarySrc, addr: &crate::address::Pages) -> Glossary {
    let terms = |v: Vec<source::TermSrc>, prefix: &str| -> Vec<Term> {
        let mut seen = std::collections::HashSet::new();
        v.into_iter()
            .map(|t| {
                let mut id = term_id(prefix, &t.term.value);
                let base = id.clone();
                let mut n = 2;
                while !seen.insert(id.clone()) {
                    id = format!("{base}-{n}");
                    n += 1;
                }
                Term {
                    id,
                    term: t.term.value,
                    abbr: opt(t.abbr),
                    text: t.text.value,
                    source: t.source,
                    collection: t.collection.map(|c| c.value),
                    same_as: t.same_as.map(|s| s.value.trim().to_string()),
                }
            })
            .collect()
    };
    Glossary {
        source: g.source,
        abbreviations: terms(g.abbreviations, &addr.abbreviation_anchor),
        definitions: terms(g.definitions, &addr.definition_anchor),
    }
}

pub(super) fn indicators(i: source::IndicatorsSrc) -> Indicators {
    Indicators {
        title: i.title.value,
        source: i.source,
        intro: opt(i.intro),
        groups: i
            .groups
            .into_iter()
            .map(|g| {
                let gid = g.id.value;
                IndicatorGroup {
                    items: g
                        .items
                        .into_iter()
                        .enumerate()
                        .map(|(n, t)| Indicator {
                            id: format!("{gid}.{}", n + 1),
                            text: t.value,
                        })
                        .collect(),
                    id: gid,
                    title: g.title.value,
                    intro: opt(g.intro),
                }
            })
            .collect(),
    }
}

pub(super) fn plan(slug: String, p: source::PlanSrc) -> Plan {
    Plan {
        goals: p
            .goals
            .into_iter()
            .map(|g| Goal {
                id: format!("{slug}.q{}", g.number.value.trim()),
                objectives: g
                    .objectives
                    .into_iter()
                    .map(|o| Objective {
                        id: format!("{slug}.o{}", o.number.value.trim()),
                        activities: o
                            .activities
                            .into_iter()
                            .map(|a| Activity {
                                id: format!("{slug}.a{}", a.number.value.trim()),
                                number: a.number.value,
                                text: a.text.value,
                                responsible: a.responsible,
                                timeframe: a.timeframe,
                                indicators: a.indicators,
                                legal: a.legal,
                                funding: a.funding,
                                cost: a.cost,
                            })
                            .collect(),
                        number: o.number.value,
                        title: o.title.value,
                    })
                    .collect(),
                number: g.number.value,
                title: g.title.value,
            })
            .collect(),
        id: slug,
        title: p.title.value,
        source: p.source,
        intro: opt(p.intro),
    }
}
