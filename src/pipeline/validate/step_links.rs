//! A step's links to other steps of its procedure, for the diagram: `follows:` (the step it
//! follows in the source's logic) and `returns_to:` (the step the case goes back to, in the
//! step's own words).

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
            if let Some(r) = &st.returns_to {
                let squash = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
                if !squash(&st.text.value).contains(&squash(&r.words.value)) {
                    self.diags
                    .error(at(file, &r.words), "expected words of the step's text, found words it does not hold")
                    .hint("`returns_to.words` quotes the step's own sentence that sends the case back");
                }
            }
        }
    }
}
