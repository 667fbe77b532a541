//! One field of a printed form: what its kind needs and nothing another kind needs, its
//! options, and a table's columns.

use std::collections::HashSet;

use crate::diagnostics::Pos;
use crate::pipeline::source::S;
use crate::pipeline::source::forms::*;

use super::Check;

impl Check<'_> {
    /// A choice that `continues` the one before it across a page break: a choice stands
    /// before it in its section, ticked the same way (one group, one control type).
    pub(super) fn continued(&mut self, f: &FieldSrc, before: &[FieldSrc]) {
        let Some(c) = f.continues.as_ref().filter(|c| c.value) else {
            return;
        };
        if f.kind.value != FieldKind::Choice {
            return; // said by `field`: only a choice continues
        }
        let ticks = |x: &FieldSrc| x.multiple.as_ref().is_some_and(|m| m.value);
        match before
            .iter()
            .rev()
            .find(|b| b.kind.value == FieldKind::Choice)
        {
            None => {
                self.diags
                    .error(
                        self.pos(c),
                        "expected a choice before this one in its section for `continues` to join, found none",
                    )
                    .hint("`continues: true` joins a choice to the one printed before it, across a page break; the first choice of a section continues nothing");
            }
            Some(b) if f.multiple.is_some() && ticks(b) != ticks(f) => {
                self.diags
                    .error(
                        self.pos(c),
                        format!(
                            "expected the continued choice's way of ticking ({}), found `multiple: {}`",
                            if ticks(b) { "several boxes" } else { "one box" },
                            ticks(f)
                        ),
                    )
                    .hint("a continued choice is one group with the choice before it: leave `multiple` out, it is taken from that choice");
            }
            Some(_) => {}
        }
    }

    pub(super) fn field(&mut self, f: &FieldSrc, section_titled: bool) {
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
                "multiple" | "other" | "continues" => kind == K::Choice,
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
            ("continues", f.continues.as_ref().map(|s| self.pos(s))),
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
        // The first column holds the rows' labels (`row_labels`, or printed rows whose first
        // cells print text under no heading): it prints no cells, so a kind declared on it,
        // or a table with no other column, would drop what the content declares.
        let labelled = f.label_column();
        if labelled {
            self.label_column(f);
        }
        for (ci, c) in f.columns.iter().enumerate() {
            let kind = c.kind.as_ref().map(|k| k.value).unwrap_or(ColumnKind::Text);
            let label_column = ci == 0 && labelled;
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

impl Check<'_> {
    /// A table whose first column holds its rows' labels: that column is the labels' (a
    /// heading at most), and another column stands beside it to be filled in.
    fn label_column(&mut self, f: &FieldSrc) {
        let Some(first) = f.columns.first() else {
            return; // said by `table`: no columns
        };
        let by = if f.row_labels.is_empty() {
            "the text its rows print in it"
        } else {
            "`row_labels`"
        };
        if let Some(k) = first.kind.as_ref().filter(|k| k.value != ColumnKind::Text) {
            self.diags
                .error(
                    self.pos(k),
                    format!(
                        "expected the table's first column to hold its rows' labels ({by}), found `kind: {}` on it: its cells would not be printed",
                        k.value.name()
                    ),
                )
                .hint("declare the labels' own column first (`{label: \"\"}`, a heading at most), then this one after it");
        } else if f.columns.len() == 1 {
            self.diags
                .error(
                    self.pos(&first.label),
                    format!(
                        "expected a column to fill in beside the column of the rows' labels ({by}), found that column alone"
                    ),
                )
                .hint("the first column holds the labels; declare the column(s) printed beside them after it");
        }
    }
}

fn kind_hint(attr: &str) -> &'static str {
    match attr {
        "lines" => "only `textarea` fields have printed lines",
        "unit" => "only `text` and `number` fields have a unit after the blank",
        "value" => "only `fixed` fields print a value",
        "options" => "only `choice` and `yesno` fields have options",
        "multiple" | "other" | "continues" => {
            "only `choice` fields have `multiple`, `other` and `continues`"
        }
        "columns" | "rows" | "row_labels" => "only `table` fields have columns and rows",
        _ => "only `signature` fields have parts",
    }
}
