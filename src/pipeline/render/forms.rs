//! The page of a printed form (`content/forms/ID.yaml`): its sections grouped into the
//! pages of the printed original, every field with an id and the words a screen reader
//! announces for it, every table cell with its own label.

use std::collections::HashMap;

use serde::Serialize;

use super::views::{ActsView, Html};
use crate::markdown;
use crate::pipeline::model::Form;
use crate::pipeline::model::forms::{FormSection, FormTemplate, PageHead};

pub use crate::pipeline::model::forms::label;

mod field;

use field::field_view;
pub use field::pieces;

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
    /// The name its options share: the field's id, or that of the choice it continues.
    pub group: String,
    /// The value of its first option less one (options of its group printed before it).
    pub offset: usize,
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
