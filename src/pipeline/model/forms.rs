//! The printed forms in the model: the checked `content/forms/ID.yaml` with ids given to
//! every section (`s1`, …) and field (`f1`, …), unique within the form's page.

use serde::Serialize;

use crate::pipeline::source::forms::*;

pub use crate::pipeline::source::forms::{ColumnKind, FieldKind, PartRole};

#[derive(Debug, Clone, Serialize)]
pub struct FormTemplate {
    pub code: Option<String>,
    pub title: String,
    pub revision: Option<String>,
    pub serial: Option<String>,
    pub serial_instruction: Option<String>,
    pub placeholders: Vec<String>,
    /// Pages of the printed original.
    pub pages: Option<u32>,
    /// The header line of each printed page, as printed.
    pub page_lines: Vec<String>,
    /// The header block of each printed page, as that page prints it (empty: the form's one
    /// header above stands for every page).
    pub heads: Vec<PageHead>,
    pub source: Option<String>,
    pub notes: Vec<String>,
    pub sections: Vec<FormSection>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct PageHead {
    pub serial: Option<String>,
    pub serial_instruction: Option<String>,
    pub placeholders: Vec<String>,
    pub code: Option<String>,
    pub title: Option<String>,
    pub line: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FormSection {
    pub id: String,
    pub number: Option<String>,
    pub title: Option<String>,
    pub instruction: Option<String>,
    pub text: Option<String>,
    /// The printed page this section starts, where it starts one.
    pub page: Option<u32>,
    pub columns: u32,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Field {
    pub id: String,
    pub kind: FieldKind,
    pub label: Option<String>,
    pub instruction: Option<String>,
    pub page: Option<u32>,
    pub lines: u32,
    pub unit: Option<String>,
    pub value: Option<String>,
    pub options: Vec<FormOption>,
    pub multiple: bool,
    /// The id of the choice whose options this one continues across a page break, whose
    /// group (name and control type) it joins; none for a choice of its own.
    pub continues: Option<String>,
    /// How many options of its group stand before its own (their values go on from there).
    pub offset: usize,
    pub other: Option<String>,
    pub columns: Vec<Column>,
    /// Table rows: each with its printed label (empty for a blank row) and its other cells.
    pub rows: Vec<Row>,
    pub parts: Vec<Part>,
}

/// A table row as printed.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// The printed label in the first column (empty for none).
    pub label: String,
    /// The printed text of each cell after the label column (`""` for a blank cell), one for
    /// each of those columns.
    pub cells: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FormOption {
    pub label: String,
    pub blank: Option<String>,
    pub unit: Option<String>,
    /// The blank is a printed date.
    pub date: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Column {
    pub label: String,
    pub kind: ColumnKind,
    pub options: Vec<String>,
    pub bounds: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Part {
    pub role: PartRole,
    pub label: String,
}

fn v(s: Option<crate::pipeline::source::S<String>>) -> Option<String> {
    s.map(|s| s.value)
}

/// The model of one checked printed form.
pub fn template(t: FormTemplateSrc) -> FormTemplate {
    let mut next_field = 0;
    let sections = t
        .sections
        .into_iter()
        .enumerate()
        .map(|(i, s)| FormSection {
            id: format!("s{}", i + 1),
            number: v(s.number),
            title: v(s.title),
            instruction: v(s.instruction),
            text: v(s.text),
            page: s.page.map(|p| p.value),
            columns: s.columns.map(|c| c.value).unwrap_or(1),
            fields: {
                let mut fields: Vec<Field> = Vec::new();
                for f in s.fields {
                    next_field += 1;
                    let mut fl = field(format!("f{next_field}"), f);
                    // A continued choice joins the group of the choice before it.
                    if fl.continues.is_some() {
                        let before = fields.iter().rev().find(|b| b.kind == FieldKind::Choice);
                        fl.continues = before.map(|b| b.continues.clone().unwrap_or(b.id.clone()));
                        fl.multiple = before.map_or(fl.multiple, |b| b.multiple);
                        fl.offset = fields
                            .iter()
                            .filter(|b| {
                                Some(&b.id) == fl.continues.as_ref() || b.continues == fl.continues
                            })
                            // The "other: ___" option counts too (adversary 44, C9).
                            .map(|b| b.options.len() + usize::from(b.other.is_some()))
                            .sum();
                    }
                    fields.push(fl);
                }
                fields
            },
        })
        .collect();
    let heads: Vec<PageHead> = t
        .page_heads
        .into_iter()
        .map(|h| {
            let h = h.value;
            PageHead {
                serial: v(h.serial),
                serial_instruction: v(h.serial_instruction),
                placeholders: h.placeholders.into_iter().map(|p| p.value).collect(),
                code: v(h.code),
                title: v(h.title),
                line: v(h.line),
            }
        })
        .collect();
    let first = heads.first().cloned().unwrap_or_default();
    FormTemplate {
        code: v(t.code).or(first.code),
        title: v(t.title).or(first.title).unwrap_or_default(),
        revision: v(t.revision),
        serial: v(t.serial),
        serial_instruction: v(t.serial_instruction),
        placeholders: t.placeholders.into_iter().map(|p| p.value).collect(),
        pages: t.pages.map(|p| p.value),
        page_lines: t.page_lines.into_iter().map(|l| l.value).collect(),
        heads,
        source: t.source,
        notes: t.notes.into_iter().map(|n| n.value).collect(),
        sections,
    }
}

fn field(id: String, f: FieldSrc) -> Field {
    let ncols = f.columns.len();
    // The first column holds the rows' labels (with `row_labels`, or where it has no heading
    // and prints text); the validator has made sure it declares no kind of its own.
    let labelled = f.label_column();
    let rows: Vec<Row> = match f.rows.map(|r| r.value) {
        Some(RowsSrc::Printed(printed)) => printed
            .into_iter()
            .map(|cells| {
                let mut cells = cells.value;
                cells.resize(ncols, String::new());
                if labelled {
                    let label = cells.remove(0);
                    Row { label, cells }
                } else {
                    Row {
                        label: String::new(),
                        cells,
                    }
                }
            })
            .collect(),
        Some(RowsSrc::Blank(n)) => (0..n)
            .map(|_| Row {
                label: String::new(),
                cells: vec![String::new(); ncols],
            })
            .collect(),
        None => f
            .row_labels
            .into_iter()
            .map(|r| r.value)
            .map(|label| Row {
                label,
                cells: vec![String::new(); ncols.saturating_sub(usize::from(labelled))],
            })
            .collect(),
    };
    Field {
        id,
        kind: f.kind.value,
        label: v(f.label),
        instruction: v(f.instruction),
        page: f.page.map(|p| p.value),
        lines: f.lines.map(|l| l.value).unwrap_or(3),
        unit: v(f.unit),
        value: v(f.value),
        options: f
            .options
            .into_iter()
            .map(|o| FormOption {
                label: o.value.label,
                blank: o.value.blank,
                unit: o.value.unit,
                date: o.value.date,
            })
            .collect(),
        multiple: f.multiple.is_some_and(|m| m.value),
        continues: f.continues.is_some_and(|c| c.value).then(String::new),
        offset: 0,
        other: v(f.other),
        columns: f
            .columns
            .into_iter()
            .map(|c| Column {
                label: c.label.value,
                kind: c.kind.map(|k| k.value).unwrap_or(ColumnKind::Text),
                options: c.options.into_iter().map(|o| o.value).collect(),
                bounds: c.bounds.into_iter().map(|o| o.value).collect(),
            })
            .collect(),
        rows,
        parts: f
            .parts
            .into_iter()
            .map(|p| Part {
                role: p.role.value,
                label: p.label.value,
            })
            .collect(),
    }
}

impl FormTemplate {
    /// Every printed word of the form's sections, for search and for tests: the section's
    /// number and title, instructions, labels, options, column headings.
    pub fn section_words(s: &FormSection) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        out.extend(s.number.as_deref());
        out.extend(s.title.as_deref());
        out.extend(s.instruction.as_deref());
        out.extend(s.text.as_deref());
        for f in &s.fields {
            out.extend(f.label.as_deref());
            out.extend(f.instruction.as_deref());
            out.extend(f.value.as_deref());
            out.extend(f.unit.as_deref());
            for o in &f.options {
                out.push(&o.label);
                out.extend(o.blank.as_deref());
            }
            out.extend(f.other.as_deref());
            for c in &f.columns {
                out.push(&c.label);
            }
            for r in &f.rows {
                if !r.label.is_empty() {
                    out.push(&r.label);
                }
                for c in &r.cells {
                    if !c.is_empty() {
                        out.push(c);
                    }
                }
            }
            for p in &f.parts {
                out.push(&p.label);
            }
        }
        out
    }
}

/// "MR3 (E-3)": the catalogue id with the printed code beside it.
pub fn label(id: &str, code: Option<&str>) -> String {
    match code {
        Some(c) if c != id => format!("{id} ({c})"),
        _ => id.to_string(),
    }
}
