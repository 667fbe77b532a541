//! A procedure from its source: its steps (ids from the procedure's slug and the step's
//! number), the passages between them, its annexes and documentation.

use crate::text::TextExt;

use super::*;

pub(in crate::pipeline::model) fn procedure(
    order: usize,
    slug: String,
    p: source::ProcedureSrc,
) -> Procedure {
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
                    words: l.named.or(l.tied).map(|w| w.value.single_spaced()),
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
