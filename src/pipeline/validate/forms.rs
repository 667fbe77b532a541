//! The printed forms (`content/forms/ID.yaml`): each field carries what its kind needs and
//! nothing another kind needs; pages run in order; every field has a label a screen reader
//! can announce. Every problem is reported, located.

use std::collections::HashSet;
use std::path::Path;

use crate::diagnostics::{Diagnostics, Pos};
use crate::pipeline::load::Sources;
use crate::pipeline::source::S;
use crate::pipeline::source::forms::*;

use super::at;

/// Check every printed form against the catalogue ids `forms`.
pub fn templates(src: &Sources, forms: &HashSet<String>, diags: &mut Diagnostics) {
    for l in &src.form_templates {
        let mut c = Check {
            file: &l.path,
            diags,
        };
        c.template(&l.slug, &l.value, forms);
    }
}

struct Check<'a> {
    file: &'a Path,
    diags: &'a mut Diagnostics,
}

impl Check<'_> {
    fn pos<T>(&self, s: &S<T>) -> Pos {
        at(self.file, s)
    }

    fn text(&mut self, s: &S<String>, what: &str) {
        if s.value.trim().is_empty() {
            self.diags
                .error(self.pos(s), format!("expected the {what}, found empty text"))
                .hint("copy the text from the printed form; a part the form does not print should be left out");
        }
    }

    fn opt_text(&mut self, s: &Option<S<String>>, what: &str) {
        if let Some(s) = s {
            self.text(s, what);
        }
    }

    fn template(&mut self, id: &str, t: &FormTemplateSrc, forms: &HashSet<String>) {
        if !forms.contains(id) {
            self.diags
                .error(
                    self.pos(&t.title),
                    format!(
                        "expected the file name to be the id of a form in content/forms.yaml, found \"{id}\", which no form has"
                    ),
                )
                .hint("name the file after the form's catalogue id: content/forms/MR3.yaml prints form MR3");
        }
        self.text(&t.title, "form title");
        self.opt_text(&t.code, "form code");
        self.opt_text(&t.revision, "revision line");
        self.opt_text(&t.serial, "serial-number label");
        self.opt_text(&t.serial_instruction, "serial-number instruction");
        if let Some(i) = &t.serial_instruction
            && t.serial.is_none()
        {
            self.diags
                .error(
                    self.pos(i),
                    "expected `serial_instruction` beside a `serial` label, found no `serial`",
                )
                .hint("the instruction is printed in the serial-number box the label names");
        }
        for l in &t.page_lines {
            self.text(l, "page line");
        }
        for p in &t.placeholders {
            self.text(p, "header placeholder");
        }
        for n in &t.notes {
            self.text(n, "note");
        }
        let pages = t.pages.as_ref().map(|p| p.value);
        if let Some(p) = &t.pages
            && p.value == 0
        {
            self.diags.error(
                self.pos(p),
                "expected the number of printed pages (1 or more), found 0",
            );
        }
        if let Some(n) = pages
            && n > 0
            && let Some(extra) = t.page_lines.get(n as usize)
        {
            self.diags
                .error(
                    self.pos(extra),
                    format!(
                        "expected one page line for each printed page (`pages: {n}`), found {}",
                        t.page_lines.len()
                    ),
                )
                .hint("`pages:` at the top says how many pages the printed form has");
        }
        if t.sections.is_empty() {
            self.diags.error(
                self.pos(&t.title),
                "expected the form's sections (`sections:`), found none",
            );
        }
        let mut page = 1;
        for s in &t.sections {
            self.page(&s.page, &mut page, pages);
            self.opt_text(&s.number, "section number");
            self.opt_text(&s.title, "section title");
            self.opt_text(&s.instruction, "section instruction");
            self.opt_text(&s.text, "section text");
            if let Some(c) = &s.columns
                && !(1..=2).contains(&c.value)
            {
                self.diags.error(
                    self.pos(c),
                    format!("expected 1 or 2 columns, found {}", c.value),
                );
            }
            if s.number.is_none()
                && s.title.is_none()
                && s.fields.is_empty()
                && s.text.is_none()
                && let Some(p) = &s.page
            {
                self.diags.error(
                    self.pos(p),
                    "expected a section with a number, a title, text or fields, found none of them",
                );
            }
            let titled = s.title.is_some() || s.number.is_some();
            for f in &s.fields {
                self.page(&f.page, &mut page, pages);
                self.field(f, titled);
            }
        }
    }

    /// Pages run 1, 2, … in order and stay within the printed count.
    fn page(&mut self, p: &Option<S<u32>>, current: &mut u32, pages: Option<u32>) {
        let Some(p) = p else { return };
        if p.value <= *current && !(p.value == 1 && *current == 1) {
            self.diags.error(
                self.pos(p),
                format!(
                    "expected a page after page {current}, found page {}",
                    p.value
                ),
            );
        } else if let Some(n) = pages
            && p.value > n
        {
            self.diags
                .error(
                    self.pos(p),
                    format!(
                        "expected a page of the printed form (1 to {n}), found page {}",
                        p.value
                    ),
                )
                .hint("`pages:` at the top says how many pages the printed form has");
        }
        *current = (*current).max(p.value);
    }

    fn field(&mut self, f: &FieldSrc, section_titled: bool) {
        let kind = f.kind.value;
        let k = kind.name();
        self.opt_text(&f.label, "field label");
        self.opt_text(&f.instruction, "field instruction");
        if f.label.is_none() && !section_titled {
            self.diags
                .error(
                    self.pos(&f.kind),
                    format!("expected a `label` on this {k} field, found none (and its section has no title to stand for it)"),
                )
                .hint("every field needs the words a screen reader announces: its printed label, or its section's title");
        }
        if kind == FieldKind::Fixed && f.label.is_none() {
            self.diags.error(
                self.pos(&f.kind),
                "expected a `label` on this fixed field, found none",
            );
        }
        // What each kind may carry; anything else is a mistake.
        use FieldKind as K;
        let allowed = |attr: &str| -> bool {
            match attr {
                "lines" => kind == K::Textarea,
                "unit" => matches!(kind, K::Text | K::Number),
                "value" => kind == K::Fixed,
                "options" => matches!(kind, K::Choice | K::Yesno),
                "multiple" | "other" => kind == K::Choice,
                "columns" | "rows" | "row_labels" => kind == K::Table,
                "parts" => kind == K::Signature,
                _ => true,
            }
        };
        let present: Vec<(&str, Option<Pos>)> = vec![
            ("lines", f.lines.as_ref().map(|s| self.pos(s))),
            ("unit", f.unit.as_ref().map(|s| self.pos(s))),
            ("value", f.value.as_ref().map(|s| self.pos(s))),
            ("options", f.options.first().map(|s| self.pos(s))),
            ("multiple", f.multiple.as_ref().map(|s| self.pos(s))),
            ("other", f.other.as_ref().map(|s| self.pos(s))),
            ("columns", f.columns.first().map(|c| self.pos(&c.label))),
            ("rows", f.rows.as_ref().map(|s| self.pos(s))),
            ("row_labels", f.row_labels.first().map(|s| self.pos(s))),
            ("parts", f.parts.first().map(|p| self.pos(&p.role))),
        ];
        for (attr, pos) in present {
            if let Some(pos) = pos
                && !allowed(attr)
            {
                self.diags
                    .error(
                        pos,
                        format!("expected no `{attr}` on a field of kind `{k}`, found it"),
                    )
                    .hint(kind_hint(attr));
            }
        }
        match kind {
            K::Textarea => {
                if let Some(l) = &f.lines
                    && !(1..=40).contains(&l.value)
                {
                    self.diags.error(
                        self.pos(l),
                        format!(
                            "expected the number of printed lines (1 to 40), found {}",
                            l.value
                        ),
                    );
                }
            }
            K::Fixed => match &f.value {
                Some(v) => self.text(v, "printed value"),
                None => {
                    self.diags.error(
                        self.pos(&f.kind),
                        "expected the printed `value` of this fixed field, found none",
                    );
                }
            },
            K::Yesno => {
                if !f.options.is_empty() && f.options.len() != 2 {
                    self.diags.error(
                        self.pos(&f.options[0]),
                        format!(
                            "expected the two printed answers (yes, no), found {} options",
                            f.options.len()
                        ),
                    );
                }
                self.options(&f.options);
            }
            K::Choice => {
                if f.options.is_empty() && f.other.is_none() {
                    self.diags
                        .error(
                            self.pos(&f.kind),
                            "expected the `options` of this choice as printed, found none",
                        )
                        .hint("options: [\"direkte\", \"përmes telefonit\"]");
                }
                self.options(&f.options);
                self.opt_text(&f.other, "label of the \"other\" option");
            }
            K::Table => self.table(f),
            K::Signature => {
                if f.parts.is_empty() {
                    self.diags
                        .error(
                            self.pos(&f.kind),
                            "expected the `parts` of this signature block (name, position, date, place, signature), found none",
                        )
                        .hint("parts: [{role: name, label: \"Emri\"}, {role: signature, label: \"Nënshkrimi\"}]");
                }
                for p in &f.parts {
                    self.text(&p.label, "label of a signature line");
                }
            }
            K::Text | K::Date | K::Number => {}
        }
        if let Some(u) = &f.unit {
            self.text(u, "unit");
        }
    }

    fn options(&mut self, options: &[S<OptionSrc>]) {
        let mut seen = HashSet::new();
        for o in options {
            if o.value.date && o.value.blank.is_none() {
                self.diags
                    .error(
                        self.pos(o),
                        "expected the option's `blank` beside `date: true`, found no blank",
                    )
                    .hint("{label: \"Takim\", blank: \"Data:\", date: true}");
            }
            if o.value.label.trim().is_empty() {
                self.diags.error(
                    self.pos(o),
                    "expected the option's printed text, found empty text",
                );
            } else if !seen.insert(o.value.label.trim().to_string()) {
                self.diags.error(
                    self.pos(o),
                    format!(
                        "expected each option once, found \"{}\" again",
                        o.value.label.trim()
                    ),
                );
            }
        }
    }

    fn table(&mut self, f: &FieldSrc) {
        if f.columns.is_empty() {
            self.diags
                .error(
                    self.pos(&f.kind),
                    "expected the `columns` of this table as printed, found none",
                )
                .hint("columns: [{label: \"Veprimet\"}, {label: \"Afati kohor\", kind: period, bounds: [\"Prej:\", \"Deri:\"]}]");
        }
        match (&f.rows, f.row_labels.is_empty()) {
            (None, true) => {
                self.diags.error(
                    self.pos(&f.kind),
                    "expected the table's blank `rows` (a number) or its `row_labels`, found neither",
                );
            }
            (Some(r), false) => {
                self.diags.error(
                    self.pos(r),
                    "expected either `rows` or `row_labels`, found both",
                );
            }
            (Some(r), true) if !(1..=60).contains(&r.value) => {
                self.diags.error(
                    self.pos(r),
                    format!("expected 1 to 60 blank rows, found {}", r.value),
                );
            }
            _ => {}
        }
        for c in &f.columns {
            let kind = c.kind.as_ref().map(|k| k.value).unwrap_or(ColumnKind::Text);
            if f.row_labels.is_empty() && c.label.value.trim().is_empty() {
                // A column without a heading is allowed where the original prints none: over
                // a column of choices (`1 | 2 | 3 | 4 | 5`), or where each row is labelled.
                if kind != ColumnKind::Choice {
                    self.diags.error(
                        self.pos(&c.label),
                        "expected the column's printed heading, found empty text",
                    );
                }
            }
            match kind {
                ColumnKind::Choice if c.options.is_empty() => {
                    self.diags.error(
                        self.pos(&c.label),
                        "expected the `options` of this column of choices, found none",
                    );
                }
                ColumnKind::Period if c.bounds.len() != 2 => {
                    self.diags
                        .error(
                            self.pos(&c.label),
                            format!(
                                "expected the two printed words of a period column (`bounds: [\"Prej:\", \"Deri:\"]`), found {}",
                                c.bounds.len()
                            ),
                        );
                }
                _ => {}
            }
            if kind != ColumnKind::Choice && !c.options.is_empty() {
                self.diags.error(
                    self.pos(&c.options[0]),
                    "expected no `options` on a column that is not of kind `choice`, found them",
                );
            }
            if kind != ColumnKind::Period && !c.bounds.is_empty() {
                self.diags.error(
                    self.pos(&c.bounds[0]),
                    "expected no `bounds` on a column that is not of kind `period`, found them",
                );
            }
            for o in c.options.iter().chain(&c.bounds) {
                self.text(o, "printed word of the column");
            }
        }
    }
}

fn kind_hint(attr: &str) -> &'static str {
    match attr {
        "lines" => "only `textarea` fields have printed lines",
        "unit" => "only `text` and `number` fields have a unit after the blank",
        "value" => "only `fixed` fields print a value",
        "options" => "only `choice` and `yesno` fields have options",
        "multiple" | "other" => "only `choice` fields have `multiple` and `other`",
        "columns" | "rows" | "row_labels" => "only `table` fields have columns and rows",
        _ => "only `signature` fields have parts",
    }
}
