//! The audit as an XLSForm (`auditim/formulari-auditimit.xlsx`), for KoboToolbox, ODK
//! Central and ODK Collect: the header fields, one group per standard, per criterion a
//! rating on the configured scale and a notes field, per evidence item "seen: yes/no".
//!
//! Question names are derived from the stable ids (`S2.3` → `S2_3`, its notes `S2_3_note`,
//! evidence `S2.3.1` → `S2_3_1`), so `import-submissions` can read the data export back
//! (see docs/xlsform-and-submissions.md). Every label and hint comes from the content or
//! from the locale pack (`theme/locales/LANG.toml`).

use std::collections::HashMap;

mod words;
mod workbook;
use words::{evidence_label, numbered};
pub use workbook::{to_bytes, write_to};

use crate::pipeline::model::{Criterion, Handbook, Standard};

/// The form's id (`settings.form_id`) unless `[form] id` in doracak.toml names one:
/// submissions of this form belong together.
pub const FORM_ID: &str = "doracak_audit";
/// The header questions, by name.
pub const CENTRE: &str = "centre";
/// The centre typed where it is not in the list ("other").
pub const CENTRE_OTHER: &str = "centre_other";
/// The centre's name as the form shows it (the instance name): chosen or typed.
pub const CENTRE_NAME: &str = "centre_name";
/// The group of the visit's header fields, and the optional location.
pub const VISIT: &str = "visit";
pub const LOCATION: &str = "location";
/// The list of declared centres.
pub const CENTRE_LIST: &str = "centres";
pub const DATE: &str = "date";
pub const INSPECTOR: &str = "inspector";
/// The choice lists.
pub const SCALE_LIST: &str = "rating";
pub const YES_NO_LIST: &str = "yes_no";
/// The choice names of the yes/no list.
pub const YES: &str = "yes";
pub const NO: &str = "no";

/// The question name of a stable id: dots become underscores (group separators in the
/// exports of both tools are `/`, `-` or `.`, never `_`).
pub fn name_of(id: &str) -> String {
    id.replace('.', "_")
}

/// The name of a criterion's notes field.
pub fn note_name(criterion_id: &str) -> String {
    format!("{}_note", name_of(criterion_id))
}

/// The version of the form: changes whenever the standards (ids and texts) or the scale
/// change, so a server keeps submissions of different editions apart.
pub fn version(hb: &Handbook) -> String {
    version_of(hb, &crate::assessment::catalog_hash(hb))
}

/// [`version`] with the catalogue's hash `catalog` already made (`assessment::catalog_id`).
pub(crate) fn version_of(hb: &Handbook, catalog: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |s: &str| {
        for b in s.bytes().chain(std::iter::once(0)) {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    eat(catalog);
    for s in &hb.standards {
        eat(&s.title);
        for c in &s.criteria {
            for g in &c.guidance {
                eat(&crate::markdown::unmarked(&g.text));
            }
        }
    }
    for r in &hb.config.scale {
        eat(&r.code);
        eat(&r.label);
    }
    format!("{h:016x}")
}

/// One row of the `survey` sheet.
#[derive(Default)]
struct Row {
    kind: String,
    name: String,
    label: String,
    hint: String,
    guidance: String,
    required: bool,
    relevant: String,
    constraint: String,
    constraint_message: String,
    appearance: String,
    calculation: String,
}

fn row(kind: impl Into<String>, name: impl Into<String>, label: impl Into<String>) -> Row {
    Row {
        kind: kind.into(),
        name: name.into(),
        label: label.into(),
        ..Row::default()
    }
}

/// The printed number of a criterion: `2.3`.
fn criterion_number(s: &Standard, c: &Criterion) -> String {
    format!("{}.{}", s.number, c.number)
}

/// A text as plain lines, its lists kept as lists: each item on its own line with its
/// marker ("- " or "1. "), nested items indented. An example reads as the source prints
/// it (`markdown::unmarked`): a form has no way to mark it.
fn lines(md: &str) -> String {
    let md = &crate::markdown::unmarked(md);
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut out = String::new();
    let mut lists: Vec<Option<u64>> = Vec::new();
    let newline = |out: &mut String| {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
    };
    for e in Parser::new(md) {
        match e {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::Start(Tag::List(first)) => {
                newline(&mut out);
                lists.push(first);
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                newline(&mut out);
            }
            Event::Start(Tag::Item) => {
                newline(&mut out);
                out.push_str(&"  ".repeat(lists.len().saturating_sub(1)));
                match lists.last_mut() {
                    Some(Some(n)) => {
                        out.push_str(&format!("{n}. "));
                        *n += 1;
                    }
                    _ => out.push_str("- "),
                }
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => newline(&mut out),
            _ => {}
        }
    }
    out.trim().to_string()
}

/// The XLSForm column of a text in the handbook's language: `label::Shqip (sq)`.
fn translated(column: &str, language: &str) -> String {
    format!("{column}::{language}")
}

/// The name the form gives the handbook's language: `Shqip (sq)`.
fn language(hb: &Handbook, ui: &HashMap<String, String>) -> String {
    let name = ui
        .get("language_name")
        .cloned()
        .unwrap_or_else(|| hb.config.language.clone());
    format!("{name} ({})", hb.config.language)
}

/// The form's id: `[form] id` of doracak.toml, or [`FORM_ID`].
pub fn form_id(hb: &Handbook) -> String {
    hb.config
        .form
        .id
        .clone()
        .unwrap_or_else(|| FORM_ID.to_string())
}

/// Where the survey's rows go, one at a time (written to the sheet as they are made, never
/// all held at once).
struct Rows<'f>(&'f mut dyn FnMut(Row));

impl Rows<'_> {
    fn push(&mut self, r: Row) {
        (self.0)(r)
    }
}

/// The `survey` sheet's rows, in order, each handed to `emit`.
fn survey(hb: &Handbook, ui: &HashMap<String, String>, emit: &mut dyn FnMut(Row)) {
    let s = |k: &str| ui.get(k).cloned().unwrap_or_default();
    let mut rows = Rows(emit);
    for r in [
        row("start", "start", ""),
        row("end", "end", ""),
        row("deviceid", "deviceid", ""),
        Row {
            appearance: "field-list".into(),
            ..row("begin_group", VISIT, s("xlsform_visit"))
        },
    ] {
        rows.push(r);
    }
    if hb.config.centres.is_empty() {
        rows.push(Row {
            required: true,
            ..row("text", CENTRE, s("audit_centre"))
        });
        rows.push(Row {
            calculation: format!("${{{CENTRE}}}"),
            ..row("calculate", CENTRE_NAME, "")
        });
    } else {
        rows.push(Row {
            required: true,
            appearance: if hb.config.centres.len() > 8 {
                "minimal".into()
            } else {
                String::new()
            },
            ..row(
                format!("select_one {CENTRE_LIST}"),
                CENTRE,
                s("audit_centre"),
            )
        });
        rows.push(Row {
            required: true,
            relevant: format!("${{{CENTRE}}} = '{}'", crate::centres::OTHER),
            ..row("text", CENTRE_OTHER, s("xlsform_centre_other"))
        });
        rows.push(Row {
            calculation: format!(
                "if(${{{CENTRE}}} = '{other}', ${{{CENTRE_OTHER}}}, jr:choice-name(${{{CENTRE}}}, '${{{CENTRE}}}'))",
                other = crate::centres::OTHER
            ),
            ..row("calculate", CENTRE_NAME, "")
        });
    }
    rows.push(Row {
        required: true,
        constraint: ". <= today()".into(),
        constraint_message: s("xlsform_date_constraint"),
        ..row("date", DATE, s("audit_date"))
    });
    rows.push(row("text", INSPECTOR, s("audit_inspector")));
    if hb.config.form.gps {
        rows.push(row("geopoint", LOCATION, s("xlsform_gps")));
    }
    rows.push(row("end_group", "", ""));
    // The steps of the scale that leave a criterion out ("not applicable").
    let inapplicable: Vec<&str> = hb
        .config
        .scale
        .iter()
        .filter(|r| r.points.is_none())
        .map(|r| r.code.as_str())
        .collect();
    for st in &hb.standards {
        rows.push(Row {
            appearance: "field-list".into(),
            ..row(
                "begin_group",
                name_of(&st.id),
                crate::theme::say(
                    ui,
                    "label_value",
                    &[
                        (
                            "label",
                            &crate::theme::say(
                                ui,
                                "standard_number",
                                &[("number", &st.number.to_string())],
                            ),
                        ),
                        ("value", &st.title),
                    ],
                ),
            )
        });
        for c in &st.criteria {
            let number = criterion_number(st, c);
            let name = name_of(&c.id);
            let guidance = c
                .guidance
                .iter()
                .map(|g| {
                    let text = lines(&g.text);
                    // Numbered in full, as the assessment pages print it: 1.4.1.
                    match &g.number {
                        Some(n) => numbered(ui, &st.number.to_string(), n, &text),
                        None => text,
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
            let hint = if guidance.is_empty() {
                String::new()
            } else {
                s("xlsform_guidance_hint")
            };
            rows.push(Row {
                hint,
                guidance,
                ..row(
                    format!("select_one {SCALE_LIST}"),
                    name.clone(),
                    format!("{number} {}", lines(&c.text)),
                )
            });
            let mut relevant = format!("${{{name}}} != ''");
            for code in &inapplicable {
                relevant.push_str(&format!(" and ${{{name}}} != '{code}'"));
            }
            for e in &c.evidence {
                rows.push(Row {
                    hint: s("xlsform_evidence_hint"),
                    relevant: relevant.clone(),
                    appearance: "horizontal-compact".into(),
                    ..row(
                        format!("select_one {YES_NO_LIST}"),
                        name_of(&e.id),
                        evidence_label(st, e, ui),
                    )
                });
            }
            rows.push(Row {
                relevant: relevant.clone(),
                appearance: "multiline".into(),
                ..row(
                    "text",
                    note_name(&c.id),
                    format!("{} {number}", s("audit_notes")),
                )
            });
        }
        rows.push(row("end_group", "", ""));
    }
}

#[cfg(test)]
mod tests {
    use super::lines;

    #[test]
    fn lists_stay_lists() {
        let md = "Shërbime rezidenciale:\n\n1. Qendra Pritëse\n2. Strehëza:\n   - Qendra riintegruese afatgjatë;\n   - Apartamente të mbrojtura.\n\nQendra ofron:";
        assert_eq!(
            lines(md),
            "Shërbime rezidenciale:\n1. Qendra Pritëse\n2. Strehëza:\n  - Qendra riintegruese afatgjatë;\n  - Apartamente të mbrojtura.\nQendra ofron:"
        );
    }
}
