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

    /// A timing's words that leave some out ("APAP-i … kërkon mbledhjen e menjëhershme të
    /// AP-së", 001:979-981): each piece joined by " … " stands verbatim in the normative
    /// words of `text` (the step's, the passage's, the criterion's), after the piece before,
    /// all within one sentence. A located error names the piece that does not.
    pub(super) fn elided_quote(&mut self, file: &Path, t: &TimingSrc, text: &str, whose: &str) {
        use crate::text::quote;
        let words = squash(&t.text.value);
        if !quote::is_elided(&words) {
            return;
        }
        let pieces = quote::pieces(&words);
        if let Some(empty) = pieces.iter().position(String::is_empty) {
            self.diags
                .error(
                    at(file, &t.text),
                    format!("expected words on both sides of each \"…\" of a timing's words, found none at piece {} of \"{words}\"", empty + 1),
                )
                .hint("an elided quote is pieces of the source joined by \" … \": \"APAP-i … kërkon mbledhjen e menjëhershme të AP-së\"");
            return;
        }
        let normative = crate::markdown::without_examples(text);
        let paras: Vec<String> = normative.split("\n\n").map(squash).collect();
        // A sentence that holds every piece in order: the quote is well made.
        let sentences = paras.iter().flat_map(|p| crate::text::sentences(p));
        if sentences.clone().any(|s| quote::holds(s, &words)) {
            return;
        }
        // The paragraph where the pieces go furthest, and how far.
        let mut best: (usize, Option<&String>) = (0, None);
        for para in &paras {
            match quote::find_pieces(para, &words) {
                Ok(found) => {
                    // In order, but across a sentence's end.
                    let (start, _) = found[0];
                    let breaks = crate::text::sentence_breaks(para);
                    let b = breaks
                        .iter()
                        .find(|&&b| b >= start)
                        .copied()
                        .unwrap_or(start);
                    let after = pieces
                        .iter()
                        .zip(&found)
                        .find(|(_, (s, _))| *s > b)
                        .map(|(p, _)| p.as_str())
                        .unwrap_or_default();
                    self.diags
                        .error(
                            at(file, &t.text),
                            format!("expected the pieces of an elided quote within one sentence of the {whose} text, found \"{after}\" after the sentence ending \"{}\"", tail(&para[..(b + 1).min(para.len())])),
                        )
                        .hint("an elided quote leaves words out of one sentence: quote the other sentence in a timing of its own");
                    return;
                }
                Err(i) if i > best.0 || best.1.is_none() => best = (i, Some(para)),
                Err(_) => {}
            }
        }
        let (i, para) = best;
        let piece = &pieces[i];
        let elsewhere = para.is_some_and(|p| p.contains(piece.as_str()));
        let message = if elsewhere {
            format!(
                "expected the pieces of an elided quote in the source's order, found \"{piece}\" before \"{}\" in the {whose} text",
                pieces[i - 1]
            )
        } else {
            format!(
                "expected each piece of an elided quote verbatim in the {whose} text, found \"{piece}\" not in it"
            )
        };
        self.diags.error(at(file, &t.text), message).hint(
            "an elided quote is pieces of the source's sentence, in its order, joined by \" … \"",
        );
    }
}

/// The last few words of `s` (a sentence's end, to say where it is).
fn tail(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    words[words.len().saturating_sub(6)..].join(" ")
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
