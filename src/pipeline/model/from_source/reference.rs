//! The reference documents from their sources: the glossary (each term's stable anchor),
//! the indicators and the action plan.

use super::*;

/// A stable anchor for a glossary term: folded to ASCII, lowercased, dashes for the rest.
pub fn term_id(prefix: &str, term: &str) -> String {
    let id = format!("{prefix}{}", crate::text::slug(term));
    id.trim_end_matches('-').to_string()
}

pub(in crate::pipeline::model) fn glossary(
    g: source::GlossarySrc,
    addr: &crate::address::Pages,
) -> Glossary {
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

pub(in crate::pipeline::model) fn indicators(i: source::IndicatorsSrc) -> Indicators {
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

pub(in crate::pipeline::model) fn plan(slug: String, p: source::PlanSrc) -> Plan {
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
