//! A step's links to other steps of its procedure, for the diagram: `follows:` (the step it
//! follows in the source's logic) and `returns_to:` (the step the case goes back to, in the
//! step's own words); and a passage's `name`, words of its own text.

use crate::text::TextExt;

use std::path::Path;

use super::*;

impl Validator<'_> {
    /// Each names another step of this procedure; the return's words stand in the step's
    /// text.
    pub(super) fn step_links(&mut self, file: &Path, p: &ProcedureSrc) {
        for st in &p.steps {
            let named = st
                .follows
                .iter()
                .chain(st.returns_to.as_ref().map(|r| &r.step));
            for b in named {
                let n = b.value.trim();
                if n == st.number.value.trim()
                    || !p.steps.iter().any(|o| o.number.value.trim() == n)
                {
                    self.diags
                    .error(
                        at(file, b),
                        format!("expected the number of another step of this procedure, found \"{n}\""),
                    )
                    .hint("`follows:` and `returns_to:` name the step the source's logic leads from or back to");
                }
            }
            if let Some(f) = &st.follows
                && st.free.as_ref().is_some_and(|x| x.value)
            {
                self.diags
                    .error(
                        at(file, f),
                        "expected either `free: true` or `follows:` on a step, found both",
                    )
                    .hint("a free step follows no step and no step follows it");
            }
            if let Some(f) = &st.follows
                && f.value.trim() != st.number.value.trim()
                && p.steps.iter().any(|o| {
                    o.number.value.trim() == f.value.trim()
                        && o.free.as_ref().is_some_and(|x| x.value)
                })
            {
                self.diags
                    .error(
                        at(file, f),
                        format!(
                            "expected a step that others may follow, found \"{}\", marked `free: true`",
                            f.value.trim()
                        ),
                    )
                    .hint("a free step follows no step and no step follows it");
            }
            if let Some(r) = &st.returns_to {
                let here = p
                    .steps
                    .iter()
                    .position(|o| o.number.value == st.number.value);
                let to = p
                    .steps
                    .iter()
                    .position(|o| o.number.value.trim() == r.step.value.trim());
                if let (Some(here), Some(to)) = (here, to)
                    && to > here
                {
                    self.diags
                        .error(
                            at(file, &r.step),
                            format!("expected a step printed before this one to return to, found \"{}\", printed after it", r.step.value.trim()),
                        )
                        .hint("`returns_to:` sends the case back; a step later on is `follows:`");
                }
                if r.words.value.trim().is_empty() {
                    self.diags.error(
                        at(file, &r.words),
                        "expected the step's words that send the case back, found none",
                    );
                }
                let squash = |t: &str| t.single_spaced();
                if !squash(&st.text.value).contains(&squash(&r.words.value)) {
                    self.diags
                    .error(at(file, &r.words), "expected words of the step's text, found words it does not hold")
                    .hint("`returns_to.words` quotes the step's own sentence that sends the case back");
                }
            }
        }
    }

    /// `follows:` never leads round in a circle: the diagram could draw no first step. One
    /// error per circle, at the first of its steps as printed.
    pub(super) fn follows_circles(&mut self, file: &Path, p: &ProcedureSrc) {
        let next = |n: &str| {
            p.steps
                .iter()
                .find(|o| o.number.value.trim() == n)
                .and_then(|o| o.follows.as_ref())
        };
        let mut reported: Vec<String> = Vec::new();
        for st in &p.steps {
            let start = st.number.value.trim();
            if reported.iter().any(|r| r == start) {
                continue;
            }
            let mut path = vec![start.to_string()];
            let mut at_step = start.to_string();
            while let Some(f) = next(&at_step) {
                let n = f.value.trim().to_string();
                // (A step that follows itself is said once, by `step_links`: adversary 45 F-1.)
                if n == start && path.len() == 1 {
                    break;
                }
                if n == start {
                    path.push(n);
                    if let Some(first) = st.follows.as_ref() {
                        self.diags
                            .error(
                                at(file, first),
                                format!(
                                    "expected `follows:` to lead to a step that follows none, found a circle: {}",
                                    path.join(" → ")
                                ),
                            )
                            .hint("`follows:` names the step before this one in the source's logic; remove one link of the circle");
                    }
                    reported.extend(path);
                    break;
                }
                if path.contains(&n) || path.len() > p.steps.len() {
                    break;
                }
                path.push(n.clone());
                at_step = n;
            }
        }
    }

    /// The passage that prints the documentation list (`documents: true`): one at most, in
    /// a procedure that has a list.
    pub(super) fn documents_at(&mut self, file: &Path, p: &ProcedureSrc) {
        let marked: Vec<&S<bool>> = p
            .sections
            .iter()
            .filter_map(|s| s.documents.as_ref())
            .filter(|d| d.value)
            .collect();
        if let Some(first) = marked.first()
            && p.documentation.is_empty()
        {
            self.diags
                .error(
                    at(file, *first),
                    "expected a `documentation:` list in this procedure for the passage to print, found none",
                )
                .hint("`documents: true` prints the procedure's documentation list after this passage's words");
        }
        for d in marked.iter().skip(1) {
            self.diags
                .error(
                    at(file, *d),
                    "expected one passage with `documents: true` in a procedure, found another",
                )
                .hint("the documentation list is printed once, at the passage the source prints it after");
        }
    }

    /// A passage's `name` (what other pages call a passage with no printed heading): words
    /// of its own text, and never beside a printed `title`.
    pub(super) fn section_names(&mut self, file: &Path, p: &ProcedureSrc) {
        let squash = |s: &str| s.single_spaced();
        for s in &p.sections {
            let Some(name) = &s.name else { continue };
            if s.title.is_some() {
                self.diags
                    .error(at(file, name), "expected `name` or `title` on a passage, found both")
                    .hint("`title` is a heading the source prints; `name` only what other pages call a passage printed with none");
                continue;
            }
            let words = squash(&name.value);
            let own: String = s
                .text
                .iter()
                .chain(&s.items)
                .map(|t| squash(&t.value))
                .collect::<Vec<_>>()
                .join(" ");
            if words.is_empty() || !own.contains(&words) {
                self.diags
                    .error(
                        at(file, name),
                        format!("expected the passage's name \"{words}\" to be words of its own text"),
                    )
                    .hint("name a passage with no printed heading by its own words (its lead-in sentence: \"Detyrat e Komisionit …\")");
            }
        }
    }
}
