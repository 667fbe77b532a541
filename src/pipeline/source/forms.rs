//! `content/forms/ID.yaml`: one printed form, field by field (see `docs/content-format.md`,
//! "Printed forms"). The file name is the form's id in the catalogue (`MR3.yaml` → `MR3`).
//! And `content/forms.yaml`, that catalogue: the forms by group (at the end of this file).

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::S;
use super::flag::flag;

fn empty<T>() -> Vec<T> {
    Vec::new()
}

/// A printed form: its header as printed, then its numbered sections.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormTemplateSrc {
    /// The code printed on the form (`E-3`); optional, a form may have none.
    #[serde(default)]
    pub code: Option<S<String>>,
    /// The title as printed on the form (`VLERËSIMI I RASTIT`); with `page_heads`, each
    /// page's head gives it instead.
    #[serde(default)]
    pub title: Option<S<String>>,
    /// The revision line as printed (`Formular E-3 (Rev.1)`).
    #[serde(default)]
    pub revision: Option<S<String>>,
    /// The label of the serial-number box (`Nr. Serik:`).
    #[serde(default)]
    pub serial: Option<S<String>>,
    /// The field code printed in the serial-number box (`[F1]`), as the other fields'
    /// `[F2]` … are printed as their instruction.
    #[serde(default)]
    pub serial_instruction: Option<S<String>>,
    /// Placeholders printed in the header, filled by whoever uses the form
    /// (`[KOMUNA / OPSTINA / MUNICIPALITY ]`).
    #[serde(default = "empty")]
    pub placeholders: Vec<S<String>>,
    /// How many pages the printed original has.
    #[serde(default)]
    pub pages: Option<S<u32>>,
    /// The line printed in the header of each page of the original, page by page, as
    /// printed (`Formular E-3 (Rev.1) Faqe 2 nga 6`); printed on that page instead of the
    /// revision line and the theme's page count.
    #[serde(default = "empty")]
    pub page_lines: Vec<S<String>>,
    /// The header block printed at the top of each page of the original, page by page, as
    /// that page prints it; instead of the form's one header (`code`, `title`, `serial`,
    /// `serial_instruction`, `placeholders`, `revision`, `page_lines`).
    #[serde(default = "empty")]
    pub page_heads: Vec<S<PageHeadSrc>>,
    #[serde(default)]
    pub source: Option<String>,
    /// Printed text after the last section (`Vërejtje: …`), md each.
    #[serde(default = "empty")]
    pub notes: Vec<S<String>>,
    #[serde(default = "empty")]
    pub sections: Vec<FormSectionSrc>,
}

/// The header block of one printed page, as that page prints it.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageHeadSrc {
    /// The label of the serial-number box (`Nr. Serik:`).
    #[serde(default)]
    pub serial: Option<S<String>>,
    /// The field code printed in the serial-number box (`[F1]`).
    #[serde(default)]
    pub serial_instruction: Option<S<String>>,
    /// The placeholders printed in the header (`[KOMUNA / OPSTINA / MUNICIPALITY ]`).
    #[serde(default = "empty")]
    pub placeholders: Vec<S<String>>,
    /// The code printed in the header's box (`E-3`).
    #[serde(default)]
    pub code: Option<S<String>>,
    /// The title printed in the header.
    #[serde(default)]
    pub title: Option<S<String>>,
    /// The page's own line (`Formular E-3 (Rev.1) Faqe 2 nga 6`).
    #[serde(default)]
    pub line: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormSectionSrc {
    /// The printed number (`2.1.`), optional.
    #[serde(default)]
    pub number: Option<S<String>>,
    #[serde(default)]
    pub title: Option<S<String>>,
    /// The printed instruction under the title (the text in brackets).
    #[serde(default)]
    pub instruction: Option<S<String>>,
    /// Printed text of the section that is not a field (md).
    #[serde(default)]
    pub text: Option<S<String>>,
    /// The page of the printed original this section starts (a page break before it).
    #[serde(default)]
    pub page: Option<S<u32>>,
    /// Fields side by side, as printed (1 or 2).
    #[serde(default)]
    pub columns: Option<S<u32>>,
    #[serde(default = "empty")]
    pub fields: Vec<FieldSrc>,
}

/// What a field is.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    /// Short text on one line.
    Text,
    /// Long text over `lines` printed lines.
    Textarea,
    Date,
    Number,
    /// Yes / no.
    Yesno,
    /// One (or, with `multiple: true`, several) of `options`, optionally "other: ___".
    Choice,
    /// A table: `columns`, and `rows` blank rows or `row_labels`.
    Table,
    /// Name / position / date / place / signature lines: `parts`.
    Signature,
    /// A printed value that is not filled in (`Kategoria: Puna e rrezikshme e fëmijëve`).
    Fixed,
}

impl FieldKind {
    pub fn name(self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::Textarea => "textarea",
            FieldKind::Date => "date",
            FieldKind::Number => "number",
            FieldKind::Yesno => "yesno",
            FieldKind::Choice => "choice",
            FieldKind::Table => "table",
            FieldKind::Signature => "signature",
            FieldKind::Fixed => "fixed",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldSrc {
    pub kind: S<FieldKind>,
    /// The printed label; without one the field is labelled by its section's title.
    #[serde(default)]
    pub label: Option<S<String>>,
    /// The printed instruction (the text in brackets under or beside the label).
    #[serde(default)]
    pub instruction: Option<S<String>>,
    /// A page of the printed original starts at this field.
    #[serde(default)]
    pub page: Option<S<u32>>,
    /// textarea: the number of printed writing lines.
    #[serde(default)]
    pub lines: Option<S<u32>>,
    /// text, number: what is printed after the blank (`m2`).
    #[serde(default)]
    pub unit: Option<S<String>>,
    /// fixed: the printed value.
    #[serde(default)]
    pub value: Option<S<String>>,
    /// choice (and a table column of kind choice): the options as printed.
    #[serde(default = "empty")]
    pub options: Vec<S<OptionSrc>>,
    /// choice: tick boxes, several may be ticked.
    #[serde(default, deserialize_with = "super::flag::flag")]
    pub multiple: Option<S<bool>>,
    /// choice: the options continue the choice printed before it in the section, across a
    /// page break (MR3 §7's third school status, 003:2940): one group, one control type.
    #[serde(default, deserialize_with = "super::flag::flag")]
    pub continues: Option<S<bool>>,
    /// choice: the label of the "other: ___" option (`Tjetër`).
    #[serde(default)]
    pub other: Option<S<String>>,
    /// table: the columns as printed.
    #[serde(default = "empty")]
    pub columns: Vec<ColumnSrc>,
    /// table: the number of blank rows, or the rows as printed, each a list of its cells'
    /// printed text (see [`RowsSrc`]).
    #[serde(default)]
    pub rows: Option<S<RowsSrc>>,
    /// table: rows printed with a label in the first column (an empty label is a blank row).
    #[serde(default = "empty")]
    pub row_labels: Vec<S<String>>,
    /// signature: the lines of the block.
    #[serde(default = "empty")]
    pub parts: Vec<PartSrc>,
}

impl FieldSrc {
    /// Whether a table's first column holds its rows' labels, and so prints no cells of its
    /// own: `row_labels` of which one prints text, or rows as printed whose first column has
    /// no heading and prints text in some row. Its declared `kind` is never printed: the
    /// validator refuses one, and a table with no other column (nothing left to fill).
    pub fn label_column(&self) -> bool {
        match self.rows.as_ref().map(|r| &r.value) {
            Some(RowsSrc::Printed(rows)) => {
                self.columns
                    .first()
                    .is_some_and(|c| c.label.value.trim().is_empty())
                    && rows
                        .iter()
                        .any(|r| r.value.first().is_some_and(|c| !c.trim().is_empty()))
            }
            Some(RowsSrc::Blank(_)) => false,
            None => self.row_labels.iter().any(|l| !l.value.is_empty()),
        }
    }
}

/// A table's rows: a number of blank rows, or each row as printed, one text for each
/// column: `""` for a blank cell, else the cell's printed text, in which `__ . __ .____` is a
/// printed date blank and `___` (three or more underscores) a printed line to write on
/// (`"Prej: __ . __ .________ Deri: __ . __ .________"`).
#[derive(Debug)]
pub enum RowsSrc {
    Blank(u32),
    Printed(Vec<S<Vec<String>>>),
}

impl<'de> Deserialize<'de> for RowsSrc {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RowsSrc;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("the number of blank rows, or a list of rows, each a list of cells")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RowsSrc, E> {
                u32::try_from(v)
                    .map(RowsSrc::Blank)
                    .map_err(|_| E::custom("expected a number of rows, found a number too large"))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RowsSrc, E> {
                u32::try_from(v).map(RowsSrc::Blank).map_err(|_| {
                    E::custom(format!("expected a number of rows (1 or more), found {v}"))
                })
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<RowsSrc, A::Error> {
                let rows =
                    Vec::<S<Vec<String>>>::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
                Ok(RowsSrc::Printed(rows))
            }
        }
        d.deserialize_any(V)
    }
}

/// A table column.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnSrc {
    /// The printed heading (may be empty where the original prints none).
    pub label: S<String>,
    /// text (default), date, number, period (`Prej: … Deri: …`) or choice.
    #[serde(default)]
    pub kind: Option<S<ColumnKind>>,
    /// choice: the options each row offers (`1 | 2 | 3 | 4 | 5`).
    #[serde(default = "empty")]
    pub options: Vec<S<String>>,
    /// period: the two printed words (`[Prej:, Deri:]`).
    #[serde(default = "empty")]
    pub bounds: Vec<S<String>>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ColumnKind {
    Text,
    Date,
    Number,
    Period,
    Choice,
}

impl ColumnKind {
    pub fn name(self) -> &'static str {
        match self {
            ColumnKind::Text => "text",
            ColumnKind::Date => "date",
            ColumnKind::Number => "number",
            ColumnKind::Period => "period",
            ColumnKind::Choice => "choice",
        }
    }
}

/// One line of a signature block.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartSrc {
    /// name, surname, position, date, place or signature.
    pub role: S<PartRole>,
    /// The printed label (`Emri`, `Nënshkrimi`).
    pub label: S<String>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PartRole {
    Name,
    Surname,
    Position,
    Date,
    Place,
    Signature,
}

/// An option of a choice: its printed label, and where the option itself is followed by a
/// blank (`Nuk është rexhistruar në shkollë  Arsyeja: ____`), the words before the blank
/// (`blank: "Arsyeja:"`, or `""` for a bare line) and after it (`unit: m2`); `date: true`
/// where the blank is a printed date (`Data: __ . __ .____`). Written as plain text, or as a
/// mapping `{label, blank, unit, date}`.
#[derive(Debug, Default)]
pub struct OptionSrc {
    pub label: String,
    pub blank: Option<String>,
    pub unit: Option<String>,
    pub date: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OptionMap {
    label: String,
    #[serde(default)]
    blank: Option<String>,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    date: bool,
}

impl<'de> Deserialize<'de> for OptionSrc {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = OptionSrc;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(
                    "an option: its text, or a mapping with `label`, `blank`, `unit`, `date`",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<OptionSrc, E> {
                Ok(OptionSrc {
                    label: v.to_string(),
                    ..Default::default()
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<OptionSrc, A::Error> {
                let m = OptionMap::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(OptionSrc {
                    label: m.label,
                    blank: m.blank,
                    unit: m.unit,
                    date: m.date,
                })
            }
        }
        d.deserialize_any(V)
    }
}

/// `content/forms.yaml`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormsSrc {
    #[serde(default = "empty")]
    pub groups: Vec<FormGroupSrc>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormGroupSrc {
    pub title: S<String>,
    /// The heading of the printed list the group is part of, as printed ("FORMATET PËR
    /// ZBATIMIN E PROCEDURAVE STANDARDE"), shown under the group's title.
    #[serde(default)]
    pub list: Option<S<String>>,
    #[serde(default)]
    pub procedure: Option<S<String>>,
    #[serde(default = "empty")]
    pub forms: Vec<FormSrc>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormSrc {
    /// The printed code (`A1`), or, with `no_code: true`, only the key steps refer to it by.
    pub id: S<String>,
    /// `true`: the source prints no code for this form; pages show none.
    #[serde(default, deserialize_with = "flag")]
    pub no_code: Option<S<bool>>,
    pub title: S<String>,
}
