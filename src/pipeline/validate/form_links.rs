//! A step's links to forms: each names a known form, and the words it quotes stand where
//! it says (`source::form_link`; the rule is `crate::form_words`'s).
//!
//! - `named:` words stand in the step's own text (its title and text, examples left out)
//!   and name the form (its code, or two words of its title): the quiz asks the link.
//! - `tied:` words stand in the form's title or in an entry of the procedure's
//!   `documentation:`: the page shows the link, the quiz never asks it.
//! - One of them, not both; a form's id alone quotes nothing.
//!
//! A document of the procedure's `documentation:` (the "Dokumentimi" list) links the forms
//! it is: its own words name each (its code, or two words of the title the annex prints),
//! each form once, and where the annex prints one title for two forms (C4, C5 "Formular
//! vlerësimi i nevojave") the document is both: linking one of them is a guess.

use std::path::Path;

use super::*;
use crate::form_words::{name_form, printed_as, stand_in};

impl Validator<'_> {
    pub(super) fn form_links(&mut self, file: &Path, p: &ProcedureSrc, st: &StepSrc) {
        let own = format!(
            "{}\n\n{}",
            st.title
                .as_ref()
                .map(|t| t.value.as_str())
                .unwrap_or_default(),
            st.text.value
        );
        let actors: Vec<&str> = st.actors.iter().map(|a| a.value.trim()).collect();
        let mut seen: Vec<(&str, Pos)> = Vec::new();
        for l in &st.forms {
            self.refs(file, std::slice::from_ref(&l.form), RefKind::Form);
            let id = l.form.value.trim();
            if let Some((_, first)) = seen.iter().find(|(s, _)| *s == id) {
                self.diags
                    .error(
                        at(file, &l.form),
                        format!("expected each form once in a step's forms, found {id} again (first at {first})"),
                    )
                    .hint("keep one link to the form: the one that quotes the words it rests on");
                continue;
            }
            seen.push((id, at(file, &l.form)));
            for a in &l.actors {
                self.step_actor(
                    file,
                    &actors,
                    a,
                    "a form link's `actors:` names which of the step's actors use the form; add the role to the step's `actors:` first",
                );
            }
            let known = self.ids.form_titles.get(id).cloned();
            if let (Some(n), Some(_)) = (&l.named, &l.tied) {
                self.diags
                    .error(
                        at(file, n),
                        format!("expected either `named:` or `tied:` words for form {id}, found both"),
                    )
                    .hint("`named:` quotes the step's words naming the form; `tied:` the form's title or the documentation list where the step names no form");
            }
            if let Some(n) = &l.named {
                self.text(file, n, "words of the step naming the form");
                if !n.value.trim().is_empty() && !stand_in(&own, &n.value) {
                    let d = self.diags.error(
                        at(file, n),
                        format!(
                            "expected the words naming form {id} as they stand in the step's own text, found \"{}\"",
                            n.value.trim()
                        ),
                    );
                    match printed_as(&own, &n.value) {
                        Some(printed) => d.hint(format!("the step prints them \"{printed}\": copy them as printed, ë and ç included, each one letter")),
                        None => d.hint("`named:` quotes the step: copy the words from its text (not from an example); where the step names no form, quote the form's title as `tied:`"),
                    };
                } else if let Some((title, coded)) = &known
                    && !n.value.trim().is_empty()
                    && !name_form(&n.value, coded.then_some(id), title)
                {
                    self.diags
                        .error(
                            at(file, n),
                            format!(
                                "expected words that name form {id} (its code, or words of its title \"{title}\"), found \"{}\"",
                                n.value.trim()
                            ),
                        )
                        .hint("a learner is asked this link from these words: quote the words of the step that name the form, or quote the form's title as `tied:` where the step names none");
                }
            }
            if let Some(t) = &l.tied {
                self.text(file, t, "words tying the form to the step");
                let in_title = known
                    .as_ref()
                    .is_some_and(|(title, _)| stand_in(title, &t.value));
                let in_documentation = p
                    .documentation
                    .iter()
                    .any(|d| stand_in(&d.text.value, &t.value));
                if !t.value.trim().is_empty() && known.is_some() && !in_title && !in_documentation {
                    let d = self.diags.error(
                        at(file, t),
                        format!(
                            "expected words of form {id}'s title or of this procedure's documentation list, found \"{}\"",
                            t.value.trim()
                        ),
                    );
                    let printed = known
                        .iter()
                        .map(|(title, _)| title.as_str())
                        .chain(p.documentation.iter().map(|d| d.text.value.as_str()))
                        .find_map(|text| printed_as(text, &t.value));
                    match printed {
                        Some(printed) => d.hint(format!("the source prints them \"{printed}\": copy them as printed, ë and ç included, each one letter")),
                        None => d.hint("`tied:` quotes where the source ties the form to the step: the title the annex prints, or the \"Dokumentimi\" entry; words of the step go in `named:`"),
                    };
                }
            }
        }
    }

    /// The documentation list: each document's forms are the forms its words name.
    pub(super) fn documentation_links(&mut self, file: &Path, p: &ProcedureSrc) {
        for d in &p.documentation {
            self.text(file, &d.text, "document name");
            let name = d.text.value.trim();
            let mut seen: Vec<&str> = Vec::new();
            for f in &d.form {
                self.refs(file, std::slice::from_ref(f), RefKind::Form);
                let id = f.value.trim();
                if seen.contains(&id) {
                    self.diags
                        .error(
                            at(file, f),
                            format!("expected each form of the document \"{name}\" once, found {id} again"),
                        )
                        .hint("list each form once");
                    continue;
                }
                seen.push(id);
                let Some((title, coded)) = self.ids.form_titles.get(id).cloned() else {
                    continue;
                };
                if !name.is_empty() && !name_form(name, coded.then_some(id), &title) {
                    self.diags
                        .error(
                            at(file, f),
                            format!(
                                "expected a form the document \"{name}\" names (its code, or two words of its title), found {id} \"{title}\""
                            ),
                        )
                        .hint("a document links the form whose annex title it gives; where the source names no form for it, leave `form:` out");
                    continue;
                }
                let mut twins: Vec<&String> = self
                    .ids
                    .form_titles
                    .iter()
                    .filter(|(other, (t, _))| other.as_str() != id && *t == title)
                    .map(|(other, _)| other)
                    .filter(|other| !d.form.iter().any(|g| g.value.trim() == other.as_str()))
                    .collect();
                twins.sort();
                if !twins.is_empty() {
                    let twins = twins
                        .iter()
                        .map(|t| t.as_str())
                        .collect::<Vec<_>>()
                        .join(", ");
                    self.diags
                        .error(
                            at(file, f),
                            format!(
                                "expected every form the annex titles \"{title}\" ({id}, {twins}), found {id} alone"
                            ),
                        )
                        .hint("the document's words name each of them alike: list them all, `form: [..]`, or none");
                }
            }
        }
    }
}
