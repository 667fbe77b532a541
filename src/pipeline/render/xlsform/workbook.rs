//! The XLSForm's workbook: the survey, choices and settings sheets written out, streamed
//! into a writer as its parts are packed.

use std::collections::HashMap;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

use super::words::instance_name;
use super::{
    CENTRE_LIST, NO, Row, SCALE_LIST, YES, YES_NO_LIST, form_id, language, survey, translated,
    version_of,
};
use crate::pipeline::model::Handbook;

/// The XLSForm of the audit as the bytes of an `.xlsx` file.
pub fn to_bytes(hb: &Handbook, ui: &HashMap<String, String>) -> Result<Vec<u8>, XlsxError> {
    let mut buf = Vec::new();
    write_to(hb, ui, &mut buf)?;
    Ok(buf)
}

/// The XLSForm of the audit, an `.xlsx` file streamed into `w` as its parts are packed (the
/// same bytes as [`to_bytes`]; the whole file, tens of megabytes on a large handbook, is
/// never held in memory).
pub fn write_to(
    hb: &Handbook,
    ui: &HashMap<String, String>,
    w: &mut (dyn std::io::Write + Send),
) -> Result<(), XlsxError> {
    let s = |k: &str| ui.get(k).cloned().unwrap_or_default();
    let lang = language(hb, ui);
    let mut wb = Workbook::new();
    // Deflate level 3, not zlib's default 6: the workbook runs longest of the exports. On
    // 1,000 standards (a 158 MB sheet) the build's CPU falls 0.6-0.8 s for 10 % more bytes
    // (29.7 → 32.7 MB); level 4 saved nothing, level 1 1 s for 55 % more (BENCHMARKS.md, s49).
    wb.set_zip_compression_level(3);
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
    let form_title = crate::theme::say(
        ui,
        "label_value",
        &[("label", &s("xlsform_title")), ("value", &hb.config.title)],
    );
    wb.set_properties(
        &DocProperties::new()
            .set_title(&form_title)
            .set_creation_datetime(&ExcelDateTime::from_ymd(y, m, d)?),
    );
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();

    // The survey sheet streams its rows to a temporary file as they are written (rows in
    // order), so the workbook never holds every cell of a large handbook at once.
    let sheet = wb
        .add_worksheet_with_constant_memory()?
        .set_name("survey")?;
    sheet.set_column_width(0, 22)?;
    sheet.set_column_width(1, 14)?;
    sheet.set_column_width(2, 80)?;
    sheet.set_column_width(3, 40)?;
    sheet.set_column_width(4, 60)?;
    let header = [
        "type".to_string(),
        "name".into(),
        translated("label", &lang),
        translated("hint", &lang),
        translated("guidance_hint", &lang),
        "required".into(),
        "relevant".into(),
        "constraint".into(),
        translated("constraint_message", &lang),
        "appearance".into(),
        "calculation".into(),
    ];
    for (col, h) in header.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, h, &bold)?;
    }
    let mut line = 0u32;
    let mut failed: Option<XlsxError> = None;
    survey(hb, ui, &mut |r: Row| {
        line += 1;
        if failed.is_some() {
            return;
        }
        // Each cell's text moved into the sheet, not copied: the survey of a large handbook
        // is tens of megabytes of text.
        let cells = [
            r.kind,
            r.name,
            r.label,
            r.hint,
            r.guidance,
            if r.required {
                "yes".to_string()
            } else {
                String::new()
            },
            r.relevant,
            r.constraint,
            r.constraint_message,
            r.appearance,
            r.calculation,
        ];
        for (col, v) in cells.into_iter().enumerate() {
            if !v.is_empty() {
                let written = if v.contains('\n') {
                    sheet.write_string_with_format(line, col as u16, v, &wrap)
                } else {
                    sheet.write_string(line, col as u16, v)
                };
                if let Err(e) = written {
                    failed = Some(e);
                    return;
                }
            }
        }
    });
    if let Some(e) = failed {
        return Err(e);
    }

    let choices = wb.add_worksheet().set_name("choices")?;
    for (col, h) in [
        "list_name".to_string(),
        "name".into(),
        translated("label", &lang),
    ]
    .iter()
    .enumerate()
    {
        choices.write_string_with_format(0, col as u16, h, &bold)?;
    }
    let mut line = 1;
    let mut choice = |list: &str, name: &str, label: &str| -> Result<(), XlsxError> {
        choices.write_string(line, 0, list)?;
        choices.write_string(line, 1, name)?;
        choices.write_string(line, 2, label)?;
        line += 1;
        Ok(())
    };
    for r in &hb.config.scale {
        choice(SCALE_LIST, &r.code, &r.label)?;
    }
    for (name, key) in [(YES, "yes"), (NO, "no")] {
        choice(YES_NO_LIST, name, &s(key))?;
    }
    if !hb.config.centres.is_empty() {
        for c in &hb.config.centres {
            choice(CENTRE_LIST, &c.id, &c.name)?;
        }
        choice(CENTRE_LIST, crate::centres::OTHER, &s("xlsform_other"))?;
    }
    choices.set_column_width(2, 30)?;

    let settings = wb.add_worksheet().set_name("settings")?;
    for (col, (h, v)) in [
        ("form_title", form_title.clone()),
        ("form_id", form_id(hb)),
        ("version", version_of(hb, crate::assessment::catalog_id(hb))),
        ("default_language", lang.clone()),
        ("instance_name", instance_name(&s("assessment_name"))),
    ]
    .iter()
    .enumerate()
    {
        settings.write_string_with_format(0, col as u16, *h, &bold)?;
        settings.write_string(1, col as u16, v)?;
    }
    wb.save_to_writer(w)
}
