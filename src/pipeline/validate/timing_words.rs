//! The words that qualify a timing: as soon as possible (`asap`) and the case it holds in
//! (`condition`), each only where it can mean what the source says; and a timing's words
//! only from the normative text, never from an example.

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

    /// A timing quotes the normative text, never an example the source gives: words found
    /// only in a quoted block (`> Shembull: …`) set no deadline.
    pub(super) fn not_from_example(&mut self, file: &Path, t: &TimingSrc, text: &str) {
        if only_in_example(t, text) {
            let words = squash(t.text.value.trim());
            self.diags
                .error(
                    at(file, &t.text),
                    format!("expected the words of a timing in the step's own text, found \"{words}\" only in an example"),
                )
                .hint("an example (a quoted block, \"Shembull: …\") sets no deadline: drop this timing");
        }
    }
}

/// The words of `s`, its spaces made single.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether the words of timing `t` stand in an example of `text` and not in its own words
/// (`Validator::not_from_example`).
/// Words an item that is an example from its first word goes on with after its quote
/// (`- > …` then `>` and the rest) count as the example's: nothing is derived from them.
pub(super) fn only_in_example(t: &TimingSrc, text: &str) -> bool {
    let words = squash(t.text.value.trim());
    !squash(&crate::markdown::without_examples(text)).contains(&words)
        && (crate::markdown::examples(text)
            .iter()
            .any(|e| squash(e).contains(&words))
            || squash(&crate::markdown::unmarked(text)).contains(&words))
}
