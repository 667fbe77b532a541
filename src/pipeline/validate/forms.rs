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

mod fields;

/// Whether `content/forms.yaml` is missing while the content refers to forms (a step's or a
/// document's link, a criterion's form, a printed form): then one located error says so, and
/// no reference is a second error.
pub fn catalogue_missing(src: &Sources, diags: &mut Diagnostics) -> bool {
    if src.forms.is_some() || src.files.iter().any(|p| p.ends_with("content/forms.yaml")) {
        return false;
    }
    let mut refs: Vec<Pos> = Vec::new();
    for p in &src.procedures {
        for st in &p.value.steps {
            refs.extend(st.forms.iter().map(|l| at(&p.path, &l.form)));
        }
        for d in &p.value.documentation {
            refs.extend(d.form.iter().map(|f| at(&p.path, f)));
        }
    }
    for s in &src.standards {
        for c in &s.value.criteria {
            refs.extend(c.forms.iter().map(|f| at(&s.path, f)));
        }
    }
    refs.extend(src.form_templates.iter().map(|t| Pos::file(&t.path)));
    let Some(first) = refs.first() else {
        return false;
    };
    diags
        .error(
            first.clone(),
            format!(
                "expected content/forms.yaml, the catalogue of the forms this and {} other references name, found no such file",
                refs.len() - 1
            ),
        )
        .hint("restore content/forms.yaml (its groups list each form's id and title), or remove the references to forms");
    true
}

/// Check every printed form against the catalogue ids `forms` (none where the catalogue
/// could not be read: its own error says why).
pub fn templates(src: &Sources, forms: Option<&HashSet<String>>, diags: &mut Diagnostics) {
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

    fn template(&mut self, id: &str, t: &FormTemplateSrc, forms: Option<&HashSet<String>>) {
        let anchor = match (&t.title, t.page_heads.first()) {
            (Some(title), _) => self.pos(title),
            (None, Some(h)) => self.pos(h),
            (None, None) => Pos::new(self.file, 1, 1),
        };
        if forms.is_some_and(|forms| !forms.contains(id)) {
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
            for (i, f) in s.fields.iter().enumerate() {
                self.page(&f.page, &mut page, pages, heads);
                self.field(f, titled);
                self.continued(f, &s.fields[..i]);
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
}
