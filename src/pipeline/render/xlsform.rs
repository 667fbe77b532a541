//! The audit as an XLSForm (`auditim/formulari-auditimit.xlsx`), for KoboToolbox, ODK
//! Central and ODK Collect: the header fields, one group per standard, per criterion a
//! rating on the configured scale and a notes field, per evidence item "seen: yes/no".
//!
//! Question names are derived from the stable ids (`S2.3` → `S2_3`, its notes `S2_3_note`,
//! evidence `S2.3.1` → `S2_3_1`), so `import-submissions` can read the data export back
//! (see docs/xlsform-and-submissions.md). Every label and hint comes from the content or
//! from the locale pack (`theme/locales/LANG.toml`).

use std::collections::HashMap;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

use crate::markdown::to_plain;
use crate::pipeline::model::{Criterion, Evidence, Handbook, Standard};

/// The form's id (`settings.form_id`): submissions of this form belong together.
pub const FORM_ID: &str = "doracak_auditimi";
/// The header questions, by name.
pub const CENTRE: &str = "centre";
/// The centre typed where it is not in the list ("other").
pub const CENTRE_OTHER: &str = "centre_other";
pub const DATE: &str = "date";
pub const INSPECTOR: &str = "inspector";
/// The choice lists.
pub const SCALE_LIST: &str = "vleresimi";
pub const YES_NO_LIST: &str = "po_jo";
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
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |s: &str| {
        for b in s.bytes().chain(std::iter::once(0)) {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    eat(&crate::assessment::catalog_hash(hb));
    for s in &hb.standards {
        eat(&s.title);
        for c in &s.criteria {
            for g in &c.guidance {
                eat(&g.text);
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
struct Row {
    kind: String,
    name: String,
    label: String,
    hint: String,
    required: bool,
}

fn row(kind: impl Into<String>, name: impl Into<String>, label: impl Into<String>) -> Row {
    Row {
        kind: kind.into(),
        name: name.into(),
        label: label.into(),
        hint: String::new(),
        required: false,
    }
}

/// The printed number of a criterion: `2.3`.
fn criterion_number(s: &Standard, c: &Criterion) -> String {
    format!("{}.{}", s.number, c.number)
}

fn evidence_label(e: &Evidence) -> String {
    format!("{} {}", e.number, to_plain(&e.text).trim())
}

fn survey(hb: &Handbook, ui: &HashMap<String, String>) -> Vec<Row> {
    let s = |k: &str| ui.get(k).cloned().unwrap_or_default();
    let mut rows = vec![
        Row {
            required: true,
            ..row("text", CENTRE, s("audit_centre"))
        },
        Row {
            required: true,
            ..row("date", DATE, s("audit_date"))
        },
        row("text", INSPECTOR, s("audit_inspector")),
    ];
    for st in &hb.standards {
        rows.push(row(
            "begin_group",
            name_of(&st.id),
            format!("{} {}: {}", s("standard"), st.number, st.title),
        ));
        for c in &st.criteria {
            let number = criterion_number(st, c);
            let hint = c
                .guidance
                .iter()
                .map(|g| {
                    let text = to_plain(&g.text);
                    match &g.number {
                        Some(n) => format!("{n} {}", text.trim()),
                        None => text.trim().to_string(),
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
            rows.push(Row {
                hint,
                ..row(
                    format!("select_one {SCALE_LIST}"),
                    name_of(&c.id),
                    format!("{number} {}", to_plain(&c.text).trim()),
                )
            });
            for e in &c.evidence {
                rows.push(Row {
                    hint: s("xlsform_evidence_hint"),
                    ..row(
                        format!("select_one {YES_NO_LIST}"),
                        name_of(&e.id),
                        evidence_label(e),
                    )
                });
            }
            rows.push(row(
                "text",
                note_name(&c.id),
                format!("{} {number}", s("audit_notes")),
            ));
        }
        rows.push(row("end_group", "", ""));
    }
    rows
}

/// The XLSForm of the audit as the bytes of an `.xlsx` file.
pub fn to_bytes(hb: &Handbook, ui: &HashMap<String, String>) -> Result<Vec<u8>, XlsxError> {
    let s = |k: &str| ui.get(k).cloned().unwrap_or_default();
    let mut wb = Workbook::new();
    // The same content gives the same bytes: the creation date is the standards' date
    // (`modified` of doracak.toml), never the time of the build.
    let (y, m, d) = hb
        .config
        .modified
        .as_deref()
        .and_then(|d| {
            Some((
                d.get(0..4)?.parse().ok()?,
                d.get(5..7)?.parse().ok()?,
                d.get(8..10)?.parse().ok()?,
            ))
        })
        .unwrap_or((2000, 1, 1));
    let form_title = format!("{}: {}", s("xlsform_title"), hb.config.title);
    wb.set_properties(
        &DocProperties::new()
            .set_title(&form_title)
            .set_creation_datetime(&ExcelDateTime::from_ymd(y, m, d)?),
    );
    let bold = Format::new().set_bold();

    let sheet = wb.add_worksheet().set_name("survey")?;
    for (col, h) in ["type", "name", "label", "hint", "required"]
        .iter()
        .enumerate()
    {
        sheet.write_string_with_format(0, col as u16, *h, &bold)?;
    }
    for (i, r) in survey(hb, ui).iter().enumerate() {
        let line = i as u32 + 1;
        sheet.write_string(line, 0, &r.kind)?;
        if !r.name.is_empty() {
            sheet.write_string(line, 1, &r.name)?;
        }
        if !r.label.is_empty() {
            sheet.write_string(line, 2, &r.label)?;
        }
        if !r.hint.is_empty() {
            sheet.write_string(line, 3, &r.hint)?;
        }
        if r.required {
            sheet.write_string(line, 4, "yes")?;
        }
    }
    sheet.set_column_width(0, 22)?;
    sheet.set_column_width(1, 14)?;
    sheet.set_column_width(2, 80)?;
    sheet.set_column_width(3, 60)?;

    let choices = wb.add_worksheet().set_name("choices")?;
    for (col, h) in ["list_name", "name", "label"].iter().enumerate() {
        choices.write_string_with_format(0, col as u16, *h, &bold)?;
    }
    let mut line = 1;
    for r in &hb.config.scale {
        choices.write_string(line, 0, SCALE_LIST)?;
        choices.write_string(line, 1, &r.code)?;
        choices.write_string(line, 2, &r.label)?;
        line += 1;
    }
    for (name, key) in [(YES, "yes"), (NO, "no")] {
        choices.write_string(line, 0, YES_NO_LIST)?;
        choices.write_string(line, 1, name)?;
        choices.write_string(line, 2, s(key))?;
        line += 1;
    }
    choices.set_column_width(2, 30)?;

    let settings = wb.add_worksheet().set_name("settings")?;
    for (col, (h, v)) in [
        ("form_title", form_title.clone()),
        ("form_id", FORM_ID.to_string()),
        ("version", version(hb)),
    ]
    .iter()
    .enumerate()
    {
        settings.write_string_with_format(0, col as u16, *h, &bold)?;
        settings.write_string(1, col as u16, v)?;
    }
    wb.save_to_buffer()
}
