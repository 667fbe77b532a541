//! The words that qualify a timing: as soon as possible (`asap`) and the case it holds in
//! (`condition`), each only where it can mean what the source says.

use std::path::Path;

use super::*;

impl Validator<'_> {
    pub(super) fn timing_qualifiers(&mut self, file: &Path, t: &TimingSrc) {
        if let Some(flag) = t.asap.as_ref().filter(|f| f.value) {
            // "sa më shpejt …, jo më vonë se 7 ditë": a deadline with a latest, nothing else.
            let deadline = t
                .within
                .as_ref()
                .and_then(|w| duration::parse(w.value.trim()).ok())
                .is_some_and(|d| d.approx_seconds() > 0);
            let other = t.bound.is_some()
                || t.per.is_some()
                || t.to.is_some()
                || t.times.is_some()
                || t.same_day.as_ref().is_some_and(|f| f.value);
            if !deadline || other {
                self.diags
                    .error(
                        at(file, flag),
                        "expected `asap: true` only with a deadline of some time (`within: P7D`) and no bound, range, count or `same_day`",
                    )
                    .hint("\"sa më shpejt që është e mundur dhe jo më vonë se 7 ditë\" is `within: P7D` and `asap: true`; \"menjëherë\" alone is `within: P0D`");
            }
        }
        if let Some(c) = &t.condition {
            let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            let words = squash(&c.value);
            if words.is_empty() {
                self.diags
                    .error(
                        at(file, c),
                        "expected the words of the case the timing holds in, found empty text",
                    )
                    .hint("leave `condition` out where the timing holds whenever its step does");
            } else if !squash(&t.text.value).contains(&words) {
                self.diags
                    .error(
                        at(file, c),
                        format!("expected the condition \"{words}\" to stand in the timing's words \"{}\"", squash(&t.text.value)),
                    )
                    .hint("quote the case as printed, inside the timing's `text` (\"me urgjencë\" of \"… kërkohet me urgjencë atëherë … menjëherë\")");
            }
        }
    }
}
