//! A role from its source: the job description's sections in the order the source prints
//! them, its duty areas and requirements.

use super::*;

pub(in crate::pipeline::model) fn role(slug: String, r: source::RoleSrc) -> Role {
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
