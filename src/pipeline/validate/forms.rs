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
        let anchor = match (&t.title, t.page_heads.first()) {
            (Some(title), _) => self.pos(title),
            (None, Some(h)) => self.pos(h),
            (None, None) => Pos::new(self.file, 1, 1),
        };
        if !forms.contains(id) {
            self.diags
                .error(
                    anchor.clone(),
                    format!(
                        "expected the file name to be the id of a form in content/forms.yaml, found \"{id}\", which no form has"
                    ),
                )
                .hint("name the file after the form's catalogue id: content/forms/MR3.yaml prints form MR3");
        }
        self.opt_text(&t.title, "form title");
        if t.title.is_none() && t.page_heads.is_empty() {
            self.diags
                .error(
                    anchor.clone(),
                    "expected the form's `title` (or the header of each page, `page_heads`), found neither",
                )
                .hint("title: \"VLERËSIMI I RASTIT\"");
        }
        self.heads(t);
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
                anchor.clone(),
                "expected the form's sections (`sections:`), found none",
            );
        }
        let pages = match (pages, t.page_heads.len()) {
            (Some(n), _) => Some(n),
            (None, 0) => None,
            (None, h) => Some(h as u32),
        };
        let heads = t.page_heads.len() as u32;
        let mut page = 1;
        for s in &t.sections {
            self.page(&s.page, &mut page, pages, heads);
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
                self.page(&f.page, &mut page, pages, heads);
                self.field(f, titled);
            }
        }
    }

    /// The header of each page, where the form gives it page by page: then the form's one
    /// header is not written too, and each page's head prints something.
    fn heads(&mut self, t: &FormTemplateSrc) {
        if t.page_heads.is_empty() {
            return;
        }
        let one_header: [(&str, Option<Pos>); 7] = [
            ("code", t.code.as_ref().map(|s| self.pos(s))),
            ("title", t.title.as_ref().map(|s| self.pos(s))),
            ("revision", t.revision.as_ref().map(|s| self.pos(s))),
            ("serial", t.serial.as_ref().map(|s| self.pos(s))),
            (
                "serial_instruction",
                t.serial_instruction.as_ref().map(|s| self.pos(s)),
            ),
            ("placeholders", t.placeholders.first().map(|s| self.pos(s))),
            ("page_lines", t.page_lines.first().map(|s| self.pos(s))),
        ];
        for (attr, pos) in one_header {
            if let Some(pos) = pos {
                self.diags
                    .error(
                        pos,
                        format!("expected the header in `page_heads` only, found `{attr}` beside them"),
                    )
                    .hint("with `page_heads`, each page's head gives what that page prints at its top");
            }
        }
        if let Some(n) = &t.pages
            && let Some(extra) = t.page_heads.get(n.value as usize)
            && n.value > 0
        {
            self.diags.error(
                self.pos(extra),
                format!(
                    "expected one page head for each printed page (`pages: {}`), found {}",
                    n.value,
                    t.page_heads.len()
                ),
            );
        }
        for h in &t.page_heads {
            let v = &h.value;
            self.opt_text(&v.serial, "serial-number label");
            self.opt_text(&v.serial_instruction, "serial-number instruction");
            self.opt_text(&v.code, "form code");
            self.opt_text(&v.title, "form title");
            self.opt_text(&v.line, "page line");
            for p in &v.placeholders {
                self.text(p, "header placeholder");
            }
            if let Some(i) = &v.serial_instruction
                && v.serial.is_none()
            {
                self.diags.error(
                    self.pos(i),
                    "expected `serial_instruction` beside a `serial` label, found no `serial`",
                );
            }
            if v.serial.is_none()
                && v.code.is_none()
                && v.title.is_none()
                && v.line.is_none()
                && v.placeholders.is_empty()
            {
                self.diags.error(
                    self.pos(h),
                    "expected what this page prints in its header (`serial`, `placeholders`, `code`, `title`, `line`), found none of them",
                );
            }
        }
        if t.page_heads[0].value.title.is_none() {
            self.diags.error(
                self.pos(&t.page_heads[0]),
                "expected the form's `title` in the head of its first page, found none",
            );
        }
    }

    /// Pages run 1, 2, … in order and stay within the printed count.
    fn page(&mut self, p: &Option<S<u32>>, current: &mut u32, pages: Option<u32>, heads: u32) {
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
        } else if heads > 0 && p.value > heads {
            self.diags
                .error(
                    self.pos(p),
                    format!(
                        "expected the header of page {} in `page_heads`, found {heads} page heads",
                        p.value
                    ),
                )
                .hint(
                    "every page the form starts prints its header: one `page_heads` entry for each",
                );
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
        let blank = |r: &S<RowsSrc>| match &r.value {
            RowsSrc::Blank(n) => Some(*n),
            RowsSrc::Printed(_) => None,
        };
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
            (Some(r), true) if blank(r).is_some_and(|n| !(1..=60).contains(&n)) => {
                self.diags.error(
                    self.pos(r),
                    format!(
                        "expected 1 to 60 blank rows, found {}",
                        blank(r).unwrap_or(0)
                    ),
                );
            }
            (Some(r), true) => {
                if let RowsSrc::Printed(rows) = &r.value {
                    let n = f.columns.len();
                    if rows.is_empty() || rows.len() > 60 {
                        self.diags.error(
                            self.pos(r),
                            format!("expected 1 to 60 printed rows, found {}", rows.len()),
                        );
                    }
                    for (i, row) in rows.iter().enumerate() {
                        if n > 0 && row.value.len() != n {
                            self.diags
                                .error(
                                    self.pos(row),
                                    format!(
                                        "expected each printed row to give one cell for each of the {n} columns, found {} in row {}",
                                        row.value.len(),
                                        i + 1
                                    ),
                                )
                                .hint("write \"\" for a blank cell");
                        }
                    }
                }
            }
            _ => {}
        }
        // Printed rows whose first cells print text are labelled by them.
        let printed_labels = matches!(
            f.rows.as_ref().map(|r| &r.value),
            Some(RowsSrc::Printed(rows)) if rows.iter().any(|r| r.value.first().is_some_and(|c| !c.trim().is_empty()))
        );
        for (ci, c) in f.columns.iter().enumerate() {
            let kind = c.kind.as_ref().map(|k| k.value).unwrap_or(ColumnKind::Text);
            let label_column = ci == 0 && printed_labels;
            if f.row_labels.is_empty() && !label_column && c.label.value.trim().is_empty() {
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
