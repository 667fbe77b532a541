//! A step's links to forms: each names a known form, and the words it quotes stand where
//! it says (`source::form_link`; the rule is `crate::form_words`'s).
//!
//! - `named:` words stand in the step's own text (its title and text, examples left out)
//!   and name the form (its code, or two words of its title): the quiz asks the link.
//! - `tied:` words stand in the form's title or in an entry of the procedure's
//!   `documentation:`: the page shows the link, the quiz never asks it.
//! - One of them, not both; a form's id alone quotes nothing.

use std::path::Path;

use super::*;
use crate::form_words::{name_form, stand_in};

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
        for l in &st.forms {
            self.refs(file, std::slice::from_ref(&l.form), RefKind::Form);
            let id = l.form.value.trim();
            for a in &l.actors {
                if !actors.contains(&a.value.trim()) {
                    self.diags
                        .error(
                            at(file, a),
                            format!(
                                "expected one of the actors of this step ({}), found \"{}\"",
                                actors.join(", "),
                                a.value.trim()
                            ),
                        )
                        .hint("a form link's `actors:` names which of the step's actors use the form; add the role to the step's `actors:` first");
                }
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
                    self.diags
                        .error(
                            at(file, n),
                            format!(
                                "expected the words naming form {id} as they stand in the step's own text, found \"{}\"",
                                n.value.trim()
                            ),
                        )
                        .hint("`named:` quotes the step: copy the words from its text (not from an example); where the step names no form, quote the form's title as `tied:`");
                } else if let Some((title, coded)) = &known
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
                    self.diags
                        .error(
                            at(file, t),
                            format!(
                                "expected words of form {id}'s title or of this procedure's documentation list, found \"{}\"",
                                t.value.trim()
                            ),
                        )
                        .hint("`tied:` quotes where the source ties the form to the step: the title the annex prints, or the \"Dokumentimi\" entry; words of the step go in `named:`");
                }
            }
        }
    }
}
