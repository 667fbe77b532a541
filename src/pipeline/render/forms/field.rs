//! One field of a printed form as the page shows it: its kind, options, table cells (their
//! printed text in pieces around the blanks) and parts.

use std::collections::HashMap;

use super::{CellView, ColumnView, FieldView, OptionView, PartView, PieceView, RowView, ui_get};
use crate::pipeline::model::forms::{ColumnKind, Field, FieldKind, PartRole};

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

fn kind_name(k: FieldKind) -> &'static str {
    k.name()
}

fn column_kind(k: ColumnKind) -> &'static str {
    k.name()
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

pub(super) fn field_view(
    f: &Field,
    section: &str,
    columns: u32,
    ui: &HashMap<String, String>,
) -> FieldView {
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
    let say = |key: &str, args: &[(&str, &str)]| crate::theme::say(ui, key, args);
    let rows = f
        .rows
        .iter()
        .enumerate()
        .map(|(ri, r)| {
            // A blank row under a labelled one belongs to it ("Objektivi 1", then four rows).
            let row_name = if r.label.is_empty() {
                let owner = f.rows[..ri].iter().rev().find(|x| !x.label.is_empty());
                match owner {
                    Some(o) => say(
                        "form_row_under",
                        &[("label", &o.label), ("number", &(ri + 1).to_string())],
                    ),
                    None => say("form_row", &[("number", &(ri + 1).to_string())]),
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
                    // A label printed with its colon ("… të ngushtë:") is named without it:
                    // the pack's pattern puts its own between row and column.
                    let bare = |s: &str| s.trim_end().trim_end_matches(':').to_string();
                    let name = say(
                        "form_cell",
                        &[("row", &bare(&row_name)), ("column", &bare(&col))],
                    );
                    let mut printed = pieces(text, &id);
                    for (i, p) in printed.iter_mut().enumerate() {
                        let part = if p.text.chars().any(crate::text::is_letter) {
                            p.text.clone()
                        } else {
                            (i + 1).to_string()
                        };
                        p.name = say("form_cell_part", &[("cell", &name), ("part", &part)]);
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
        group: f.continues.clone().unwrap_or_else(|| f.id.clone()),
        offset: f.offset,
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
