//! The page of a printed form (`content/forms/ID.yaml`): its sections grouped into the
//! pages of the printed original, every field with an id and the words a screen reader
//! announces for it, every table cell with its own label.

use std::collections::HashMap;

use serde::Serialize;

use super::views::{ActsView, Html};
use crate::markdown;
use crate::pipeline::model::Form;
use crate::pipeline::model::forms::{
    ColumnKind, Field, FieldKind, FormSection, FormTemplate, PageHead, PartRole,
};

pub use crate::pipeline::model::forms::label;

#[derive(Serialize)]
pub struct FormPageView {
    pub id: String,
    pub label: String,
    pub url: String,
    /// The title in the catalogue.
    pub catalogue_title: String,
    /// The printed title and code (each page's head prints its own).
    pub title: String,
    pub code: Option<String>,
    pub source: Option<String>,
    /// Pages of the printed original (or as many as the encoding starts).
    pub pages_total: u32,
    pub pages: Vec<PrintedPageView>,
    pub notes_html: Vec<Html>,
    pub used_by: Vec<ActsView>,
}

#[derive(Serialize)]
pub struct PlaceholderView {
    pub id: String,
    pub text: String,
}

#[derive(Serialize)]
pub struct PrintedPageView {
    pub number: u32,
    /// The header block printed at the top of this page.
    pub head: HeadView,
    pub sections: Vec<SectionView>,
}

/// The header block of one printed page: what that page prints.
#[derive(Serialize, Default)]
pub struct HeadView {
    pub serial: Option<String>,
    pub serial_instruction: Option<String>,
    pub placeholders: Vec<PlaceholderView>,
    pub code: Option<String>,
    pub title: Option<String>,
    /// The page's line: as printed (`Formular E-3 (Rev.1) Faqe 2 nga 6`), or the revision
    /// line and the page count in the interface's words.
    pub line: String,
}

#[derive(Serialize)]
pub struct SectionView {
    pub id: String,
    /// The rest of a section that a page of the original breaks: no heading again.
    pub cont: bool,
    pub number: Option<String>,
    pub title: Option<String>,
    /// The words that name the section (number and title), for fields without a label.
    pub name: String,
    pub instruction: Option<String>,
    pub text_html: Option<Html>,
    pub columns: u32,
    pub fields: Vec<FieldView>,
}

#[derive(Serialize)]
pub struct FieldView {
    pub id: String,
    pub kind: &'static str,
    pub label: Option<String>,
    /// The label, or the section's name where the form prints none.
    pub name: String,
    pub instruction: Option<String>,
    pub lines: u32,
    pub unit: Option<String>,
    pub value: Option<String>,
    pub multiple: bool,
    pub options: Vec<OptionView>,
    pub columns: Vec<ColumnView>,
    pub row_labels: bool,
    pub rows: Vec<RowView>,
    pub parts: Vec<PartView>,
    pub wide: bool,
}

#[derive(Serialize)]
pub struct OptionView {
    pub id: String,
    pub label: String,
    /// The option's own blank: the words before it ("" for none) and its id.
    pub blank: Option<String>,
    pub blank_id: String,
    pub unit: Option<String>,
    /// The blank is a printed date (`__ . __ .____`).
    pub date: bool,
    pub other: bool,
}

#[derive(Serialize)]
pub struct ColumnView {
    pub label: String,
    pub kind: &'static str,
}

#[derive(Serialize)]
pub struct RowView {
    pub label: String,
    pub cells: Vec<CellView>,
}

#[derive(Serialize)]
pub struct CellView {
    pub id: String,
    pub kind: &'static str,
    /// What a screen reader announces: the row's label (or number), then the column's.
    pub name: String,
    pub options: Vec<String>,
    pub bounds: Vec<String>,
    /// kind `printed`: the cell's printed text, in pieces, each followed by its blank.
    pub printed: Vec<PieceView>,
}

/// A piece of a cell's printed text, and the blank printed after it, if any.
#[derive(Serialize, Debug, PartialEq)]
pub struct PieceView {
    pub text: String,
    /// `date` (`__ . __ .____`), `line` (`____`) or none.
    pub blank: Option<&'static str>,
    pub id: String,
    /// What a screen reader announces for the blank: the cell's name and the words before
    /// it, or its place in the cell where no word stands before it (`____:____`).
    pub name: String,
}

#[derive(Serialize)]
pub struct PartView {
    pub id: String,
    pub role: &'static str,
    pub label: String,
}

fn ui_get(ui: &HashMap<String, String>, key: &str) -> String {
    ui.get(key).cloned().unwrap_or_else(|| key.to_string())
}

/// The page of a form, where it is encoded field by field.
pub fn page(
    f: &Form,
    used_by: Vec<ActsView>,
    ui: &HashMap<String, String>,
    addr: &crate::address::Pages,
) -> Option<FormPageView> {
    let t = f.template.as_ref()?;
    let mut pages: Vec<PrintedPageView> = vec![PrintedPageView {
        number: 1,
        head: HeadView::default(),
        sections: Vec::new(),
    }];
    for s in &t.sections {
        if let Some(p) = s.page
            && p > pages.last().map_or(1, |l| l.number)
        {
            pages.push(PrintedPageView {
                number: p,
                head: HeadView::default(),
                sections: Vec::new(),
            });
        }
        let name = [s.number.as_deref(), s.title.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        let mut view = section_view(s, &name, false);
        for fl in &s.fields {
            if let Some(p) = fl.page
                && p > pages.last().map_or(1, |l| l.number)
            {
                // The original breaks the page inside this section: the rest goes on.
                let rest = section_view(s, &name, true);
                pages
                    .last_mut()
                    .expect("a page")
                    .sections
                    .push(std::mem::replace(&mut view, rest));
                pages.push(PrintedPageView {
                    number: p,
                    head: HeadView::default(),
                    sections: Vec::new(),
                });
            }
            view.fields.push(field_view(fl, &name, s.columns, ui));
        }
        pages.last_mut().expect("a page").sections.push(view);
    }
    let pages_total = t
        .pages
        .unwrap_or(0)
        .max(t.page_lines.len() as u32)
        .max(t.heads.len() as u32)
        .max(pages.last().map_or(1, |p| p.number));
    for p in &mut pages {
        p.head = head_view(t, p.number, pages_total, ui);
    }
    Some(FormPageView {
        id: f.id.clone(),
        label: label(&f.id, f.printed_code.as_deref()),
        url: addr.form_page(&f.id),
        catalogue_title: f.title.clone(),
        title: t.title.clone(),
        code: t.code.clone(),
        source: t.source.clone(),
        pages_total,
        pages,
        notes_html: t.notes.iter().map(|n| md(n)).collect(),
        used_by,
    })
}

/// The header block printed on page `number`: the page's own head where the form gives
/// heads page by page, else the form's one header.
fn head_view(t: &FormTemplate, number: u32, total: u32, ui: &HashMap<String, String>) -> HeadView {
    let placeholders = |ps: &[String]| {
        ps.iter()
            .enumerate()
            .map(|(i, p)| PlaceholderView {
                id: format!("h{}", i + 1),
                text: p.clone(),
            })
            .collect()
    };
    if !t.heads.is_empty() {
        let h = t
            .heads
            .get(number as usize - 1)
            .cloned()
            .unwrap_or_else(PageHead::default);
        return HeadView {
            serial: h.serial,
            serial_instruction: h.serial_instruction,
            placeholders: placeholders(&h.placeholders),
            code: h.code,
            title: h.title,
            line: h.line.unwrap_or_default(),
        };
    }
    let line = t
        .page_lines
        .get(number as usize - 1)
        .cloned()
        .unwrap_or_else(|| {
            let rev = t
                .revision
                .as_ref()
                .map(|r| format!("{r} "))
                .unwrap_or_default();
            // "Page X of Y" is one message of the pack, its word order the language's.
            format!(
                "{rev}{}",
                crate::theme::say(
                    ui,
                    "form_page_x_of_y",
                    &[("page", &number.to_string()), ("total", &total.to_string())]
                )
            )
        });
    HeadView {
        serial: t.serial.clone(),
        serial_instruction: t.serial_instruction.clone(),
        placeholders: placeholders(&t.placeholders),
        code: t.code.clone(),
        title: Some(t.title.clone()),
        line,
    }
}

/// A cell's printed text in pieces: `__ . __ .____` is a date blank, three or more
/// underscores a line to write on; each piece is the text before its blank.
pub fn pieces(text: &str, id: &str) -> Vec<PieceView> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("__") {
        let (before, at) = rest.split_at(i);
        cur.push_str(before);
        let date = at.strip_prefix("__ . __ .").filter(|r| r.starts_with("__"));
        let (blank, after) = if let Some(r) = date {
            ("date", r.trim_start_matches('_'))
        } else {
            let after = at.trim_start_matches('_');
            if at.len() - after.len() >= 3 {
                ("line", after)
            } else {
                cur.push_str(&at[..at.len() - after.len()]);
                rest = after;
                continue;
            }
        };
        out.push(PieceView {
            text: cur.trim().to_string(),
            blank: Some(blank),
            id: format!("{id}-{}", out.len() + 1),
            name: String::new(),
        });
        cur = String::new();
        rest = after;
    }
    cur.push_str(rest);
    if !cur.trim().is_empty() {
        out.push(PieceView {
            text: cur.trim().to_string(),
            blank: None,
            id: format!("{id}-{}", out.len() + 1),
            name: String::new(),
        });
    }
    out
}

fn md(text: &str) -> Html {
    Html::from_safe_string(markdown::to_html(text))
}

fn section_view(s: &FormSection, name: &str, cont: bool) -> SectionView {
    SectionView {
        id: if cont {
            format!("{}-2", s.id)
        } else {
            s.id.clone()
        },
        cont,
        number: s.number.clone(),
        title: s.title.clone(),
        name: name.to_string(),
        instruction: s.instruction.clone(),
        text_html: s.text.as_deref().map(md),
        columns: s.columns,
        fields: Vec::new(),
    }
}

fn kind_name(k: FieldKind) -> &'static str {
    k.name()
}

fn column_kind(k: ColumnKind) -> &'static str {
    match k {
        ColumnKind::Text => "text",
        ColumnKind::Date => "date",
        ColumnKind::Number => "number",
        ColumnKind::Period => "period",
        ColumnKind::Choice => "choice",
    }
}

fn part_role(r: PartRole) -> &'static str {
    match r {
        PartRole::Name => "name",
        PartRole::Surname => "surname",
        PartRole::Position => "position",
        PartRole::Date => "date",
        PartRole::Place => "place",
        PartRole::Signature => "signature",
    }
}

fn field_view(f: &Field, section: &str, columns: u32, ui: &HashMap<String, String>) -> FieldView {
    let name = f.label.clone().unwrap_or_else(|| section.to_string());
    let mut options: Vec<OptionView> = f
        .options
        .iter()
        .enumerate()
        .map(|(i, o)| OptionView {
            id: format!("{}-{}", f.id, i + 1),
            label: o.label.clone(),
            blank: o.blank.clone(),
            blank_id: format!("{}-{}b", f.id, i + 1),
            unit: o.unit.clone(),
            date: o.date,
            other: false,
        })
        .collect();
    if f.kind == FieldKind::Yesno && options.is_empty() {
        for (i, key) in ["form_yes", "form_no"].into_iter().enumerate() {
            options.push(OptionView {
                id: format!("{}-{}", f.id, i + 1),
                label: ui_get(ui, key),
                blank: None,
                blank_id: String::new(),
                unit: None,
                date: false,
                other: false,
            });
        }
    }
    if let Some(o) = &f.other {
        options.push(OptionView {
            id: format!("{}-o", f.id),
            label: o.clone(),
            blank: Some(String::new()),
            blank_id: format!("{}-ob", f.id),
            unit: None,
            date: false,
            other: true,
        });
    }
    let row_labels = f.rows.iter().any(|r| !r.label.is_empty());
    let row_word = ui_get(ui, "form_row");
    let rows = f
        .rows
        .iter()
        .enumerate()
        .map(|(ri, r)| {
            // A blank row under a labelled one belongs to it ("Objektivi 1", then four rows).
            let row_name = if r.label.is_empty() {
                let owner = f.rows[..ri].iter().rev().find(|x| !x.label.is_empty());
                match owner {
                    Some(o) => format!("{}, {row_word} {}", o.label, ri + 1),
                    None => format!("{row_word} {}", ri + 1),
                }
            } else {
                r.label.clone()
            };
            let cells = f
                .columns
                .iter()
                .enumerate()
                .skip(usize::from(row_labels))
                .zip(&r.cells)
                .map(|((ci, c), text)| {
                    let col = if c.label.is_empty() {
                        name.clone()
                    } else {
                        c.label.clone()
                    };
                    let id = format!("{}-r{}c{}", f.id, ri + 1, ci + 1);
                    let name = format!("{row_name}: {col}");
                    let mut printed = pieces(text, &id);
                    for (i, p) in printed.iter_mut().enumerate() {
                        p.name = if p.text.chars().any(char::is_alphabetic) {
                            format!("{name} {}", p.text)
                        } else {
                            format!("{name} {}", i + 1)
                        };
                    }
                    CellView {
                        kind: if printed.is_empty() {
                            column_kind(c.kind)
                        } else {
                            "printed"
                        },
                        id,
                        name,
                        options: c.options.clone(),
                        bounds: c.bounds.clone(),
                        printed,
                    }
                })
                .collect();
            RowView {
                label: r.label.clone(),
                cells,
            }
        })
        .collect();
    FieldView {
        id: f.id.clone(),
        kind: kind_name(f.kind),
        label: f.label.clone(),
        name,
        instruction: f.instruction.clone(),
        lines: f.lines,
        unit: f.unit.clone(),
        value: f.value.clone(),
        multiple: f.multiple,
        options,
        columns: f
            .columns
            .iter()
            .map(|c| ColumnView {
                label: c.label.clone(),
                kind: column_kind(c.kind),
            })
            .collect(),
        row_labels,
        rows,
        parts: f
            .parts
            .iter()
            .enumerate()
            .map(|(i, p)| PartView {
                id: format!("{}-p{}", f.id, i + 1),
                role: part_role(p.role),
                label: p.label.clone(),
            })
            .collect(),
        wide: columns > 1
            && matches!(
                f.kind,
                FieldKind::Table | FieldKind::Choice | FieldKind::Signature
            ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cells_printed_text_splits_at_its_blanks() {
        let p = pieces("Prej: __ . __ .________\nDeri: __ . __ .________", "c");
        assert_eq!(
            p,
            vec![
                PieceView {
                    text: "Prej:".into(),
                    blank: Some("date"),
                    id: "c-1".into(),
                    name: String::new(),
                },
                PieceView {
                    text: "Deri:".into(),
                    blank: Some("date"),
                    id: "c-2".into(),
                    name: String::new(),
                },
            ]
        );
        let p = pieces("nga ______ ora", "c");
        assert_eq!(p[0].blank, Some("line"));
        assert_eq!(p[0].text, "nga");
        assert_eq!((p[1].text.as_str(), p[1].blank), ("ora", None));
        assert!(pieces("", "c").is_empty());
        assert_eq!(pieces("a__b", "c")[0].text, "a__b");
    }
}
