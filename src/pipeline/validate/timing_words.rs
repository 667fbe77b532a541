//! The words that qualify a timing: as soon as possible (`asap`) and the case it holds in
//! (`condition`), each only where it can mean what the source says. Where a timing's words
//! stand in its text is `quotes`.

use crate::text::TextExt;

use std::path::Path;

use super::*;

impl Validator<'_> {
    pub(super) fn timing_qualifiers(&mut self, file: &Path, t: &TimingSrc) {
        if let Some(flag) = t.asap.as_ref().filter(|f| f.value) {
            // "sa më shpejt …, jo më vonë se 7 ditë": a deadline with a latest, nothing else;
            // "në kohën më të shpejtë të mundshme" (001:775), with no latest: `asap` alone,
            // no length at all (a `within: P0D` would be "menjëherë", which the words are not).
            let within = t
                .within
                .as_ref()
                .and_then(|w| duration::parse(w.value.trim()).ok());
            let latest = within.is_some_and(|d| d.approx_seconds() > 0);
            let alone = t.within.is_none()
                && t.every.is_none()
                && t.duration.is_none()
                && t.before.is_none()
                && t.days.is_none();
            let other = t.bound.is_some()
                || t.per.is_some()
                || t.to.is_some()
                || t.times.is_some()
                || t.same_day.as_ref().is_some_and(|f| f.value);
            if !(latest || alone) || other {
                self.diags
                    .error(
                        at(file, flag),
                        "expected `asap: true` alone (no latest) or with a deadline longer than nothing (`within: P7D`), and no bound, range, count or `same_day`",
                    )
                    .hint("\"sa më shpejt që është e mundur dhe jo më vonë se 7 ditë\" is `within: P7D` and `asap: true`; \"në kohën më të shpejtë të mundshme\" is `asap: true` alone; \"menjëherë\" is `within: P0D`");
            }
        }
        if let Some(c) = &t.condition {
            let squash = |s: &str| s.single_spaced();
            let words = squash(&c.value);
            if words.is_empty() {
                self.diags
                    .error(
                        at(file, c),
                        "expected the words of the case the timing holds in, found empty text",
                    )
                    .hint("leave `condition` out where the timing holds whenever its step does");
            } else if crate::text::quote::locate(&squash(&t.text.value), &words).is_none() {
                self.diags
                    .error(
                        at(file, c),
                        format!("expected the condition \"{words}\" to stand in the timing's words \"{}\"", squash(&t.text.value)),
                    )
                    .hint("quote the case as printed, inside the timing's `text` (\"me urgjencë\" of \"… kërkohet me urgjencë atëherë … menjëherë\")");
            } else if !within_a_piece(&t.text.value, &words) {
                // Adversary 51 L-2: "APAP-i … nëse" stands in the timing's words, but the
                // source never prints it: the badge would read a case it does not state.
                self.diags
                    .error(
                        at(file, c),
                        format!("expected the condition \"{words}\" within one piece of the timing's words, found it across their \"…\""),
                    )
                    .hint("a condition quotes words the source prints together: take them from one side of the \"…\"");
            }
        }
    }
}

/// Whether `condition` stands whole in one piece of `timing` (`crate::text::quote::pieces`):
/// never across a "…", and holding none itself.
fn within_a_piece(timing: &str, condition: &str) -> bool {
    use crate::text::quote;
    !quote::is_elided(condition)
        && quote::pieces(timing)
            .iter()
            .any(|p| quote::locate(p, condition).is_some())
}
