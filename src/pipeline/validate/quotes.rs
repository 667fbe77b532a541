//! Where a timing's words stand in the text they belong to (adversary 51 M-1, M-2, L-1,
//! L-3). Every check that looks a timing's quote up goes through `place`: a quote that
//! leaves words out ("APAP-i … kërkon …", `crate::text::quote`) is found, or refused, by
//! its pieces as a whole one is, and every timing's words must stand there (verbatim,
//! whole words, within one sentence, outside any example), elided or not.

use std::path::Path;

use crate::text::quote;

use super::*;

/// Where a timing's words stand in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Place {
    /// In the text's own words (its normative text).
    Own,
    /// Only in an example the text gives (a quoted block, "Shembull: …").
    Example,
}

/// Why a timing's words stand nowhere in a text.
enum Miss {
    /// "..." typed for "…".
    Dots,
    /// A piece with no words (1-based): "…" opens or closes the quote.
    Empty(usize),
    /// A piece that stands nowhere in the text; `inside`: only inside longer words.
    Absent { piece: String, inside: bool },
    /// A piece that stands only before the piece before it.
    Order { piece: String, before: String },
    /// In order, but across a sentence's end (a ". ", a "? ", a list item's or
    /// paragraph's end): the first piece after it (empty for a quote of one piece) and
    /// the last words of that sentence.
    Sentence { after: String, end: String },
}

/// Where `words` (a timing's `text`) stand in `text` (Markdown): in its own words, where
/// they stand whole within one sentence of one line (a paragraph, a list item;
/// `quote::locate`); else only in an example; else why not.
fn place(text: &str, words: &str) -> Result<Place, Miss> {
    let words = crate::text::single_spaced(words);
    if words.contains("...") {
        return Err(Miss::Dots);
    }
    let pieces = quote::pieces(&words);
    if let Some(i) = pieces.iter().position(String::is_empty) {
        return Err(Miss::Empty(i + 1));
    }
    let own = lines(&crate::markdown::without_examples(text));
    if quote::locate(&own, &words).is_some() {
        return Ok(Place::Own);
    }
    let in_example = crate::markdown::examples(text)
        .iter()
        .map(|e| crate::text::single_spaced(e))
        .chain(std::iter::once(lines(&crate::markdown::unmarked(text))))
        .any(|e| quote::locate(&e, &words).is_some());
    if in_example {
        return Ok(Place::Example);
    }
    Err(miss(&own, &words, &pieces))
}

/// Whether `words` stand in the own words of `text` (`place`).
pub(super) fn stands(text: &str, words: &str) -> bool {
    matches!(place(text, words), Ok(Place::Own))
}

/// Why `words` (its `pieces`) stand in no sentence of `own` (`lines`).
fn miss(own: &str, words: &str, pieces: &[String]) -> Miss {
    match quote::find_pieces(own, words) {
        Ok(found) => {
            let start = found[0].0;
            let end = quote::sentences(own)
                .into_iter()
                .map(|s| s.as_ptr() as usize - own.as_ptr() as usize + s.len())
                .find(|&e| e > start)
                .unwrap_or(own.len());
            let after = pieces
                .iter()
                .zip(&found)
                .find(|(_, (s, _))| *s >= end)
                .map(|(p, _)| p.clone())
                .unwrap_or_default();
            Miss::Sentence {
                after,
                end: tail(&own[..end]),
            }
        }
        Err(i) => {
            let piece = pieces[i].clone();
            if i > 0 && quote::find_pieces(own, &piece).is_ok() {
                Miss::Order {
                    piece,
                    before: pieces[i - 1].clone(),
                }
            } else {
                let inside = own.contains(piece.as_str());
                Miss::Absent { piece, inside }
            }
        }
    }
}

impl Validator<'_> {
    /// A timing's words stand in the text they belong to (`text`, Markdown; `whose` names
    /// it: "step's text", "criterion's text"): verbatim, whole words, within one sentence,
    /// outside any example. A located error says what was expected and what was found.
    /// Where they stand, `None` where nowhere (said).
    pub(super) fn timing_quote(
        &mut self,
        file: &Path,
        t: &TimingSrc,
        text: &str,
        whose: &str,
    ) -> Option<Place> {
        let words = crate::text::single_spaced(&t.text.value);
        if words.is_empty() {
            // `timing` says it.
            return None;
        }
        let here = at(file, &t.text);
        let elided = quote::is_elided(&words);
        let miss = match place(text, &words) {
            Ok(Place::Own) => {
                if elided {
                    self.elision_shows_who(file, t, text, &words, whose);
                }
                return Some(Place::Own);
            }
            Ok(Place::Example) => {
                self.diags
                    .error(
                        here,
                        format!("expected the words of a timing in the {whose}, found \"{words}\" only in an example"),
                    )
                    .hint("an example (a quoted block, \"Shembull: …\") sets no deadline: drop this timing");
                return Some(Place::Example);
            }
            Err(m) => m,
        };
        let (message, hint) = match miss {
            Miss::Dots => (
                format!(
                    "expected \"…\" (one character) where a timing's words leave some out, found \"...\" in \"{words}\""
                ),
                "write the words left out as \" … \" (U+2026, a space either side): \"APAP-i … nëse është e nevojshme\"",
            ),
            Miss::Empty(n) => (
                format!(
                    "expected words on both sides of each \"…\" of a timing's words, found none at piece {n} of \"{words}\""
                ),
                "an elided quote is pieces of the source joined by \" … \": \"APAP-i … kërkon mbledhjen e menjëhershme të AP-së\"",
            ),
            Miss::Absent { piece, inside } => {
                let found = if inside {
                    format!("\"{piece}\" only inside longer words")
                } else {
                    format!("\"{piece}\" not in it")
                };
                let message = if elided {
                    format!(
                        "expected each piece of an elided quote verbatim in the {whose}, found {found}"
                    )
                } else {
                    format!("expected a timing's words verbatim in the {whose}, found {found}")
                };
                (
                    message,
                    "a timing quotes the source as printed, whole words: copy its words from the text (words left out as \" … \")",
                )
            }
            Miss::Order { piece, before } => (
                format!(
                    "expected the pieces of an elided quote in the source's order, found \"{piece}\" before \"{before}\" in the {whose}"
                ),
                "an elided quote is pieces of the source's sentence, in its order, joined by \" … \"",
            ),
            Miss::Sentence { after, end } if elided => (
                format!(
                    "expected the pieces of an elided quote within one sentence of the {whose}, found \"{after}\" after the sentence ending \"{end}\""
                ),
                "an elided quote leaves words out of one sentence (a list item is one): quote the other sentence in a timing of its own",
            ),
            Miss::Sentence { end, .. } => (
                format!(
                    "expected a timing's words within one sentence of the {whose}, found \"{words}\" across the sentence ending \"{end}\""
                ),
                "a timing quotes one sentence (a list item is one): quote the other in a timing of its own",
            ),
        };
        self.diags.error(here, message).hint(hint);
        None
    }

    /// An elided quote leaves out only words between who acts and the act its deadline
    /// times, to show who acts ("APAP-i … kërkon mbledhjen e menjëhershme të AP-së"): one
    /// "…", its first piece a role's name (as a quiz finds names, `text::names`; an
    /// inflection after a hyphen, "APAP-i", is the name's), and no number among the words
    /// it leaves out. So it cannot drop the deadline's own words ("brenda … orëve") or
    /// whose limit it is ("Intervista formale … zgjat maksimumi 60 minuta", which leaves
    /// out "e fëmijës"; adversary 51c MED-1).
    fn elision_shows_who(
        &mut self,
        file: &Path,
        t: &TimingSrc,
        text: &str,
        words: &str,
        whose: &str,
    ) {
        let pieces = quote::pieces(words);
        let names: Vec<crate::text::names::Name> =
            self.ids.role_names.values().flatten().cloned().collect();
        let first = &pieces[0];
        let (nfc, spans) = crate::text::names::named_spans(first, &names);
        let whole = spans.first().is_some_and(|&(s, e)| {
            s == 0
                && (e == nfc.len()
                    || nfc[e..]
                        .strip_prefix('-')
                        .is_some_and(|r| !r.is_empty() && r.chars().all(crate::text::is_letter)))
        });
        let own = lines(&crate::markdown::without_examples(text));
        let dropped = quote::locate(&own, words)
            .and_then(|(start, end)| {
                let found = quote::find_pieces(&own[start..end], words).ok()?;
                let gaps: Vec<&str> = found
                    .windows(2)
                    .map(|w| &own[start + w[0].1..start + w[1].0])
                    .collect();
                Some(gaps.join(" … "))
            })
            .unwrap_or_default();
        let problem = if pieces.len() != 2 {
            Some(format!(
                "expected one \"…\" in a timing's words (between who acts and the act), found {} in \"{words}\"",
                pieces.len() - 1
            ))
        } else if !whole {
            Some(format!(
                "expected an elided quote in the {whose} to open on who acts, a role's name, found \"{first}\""
            ))
        } else if dropped.chars().any(char::is_numeric) {
            Some(format!(
                "expected the words an elided quote leaves out to hold no number, found \"{}\" left out",
                crate::text::single_spaced(&dropped)
            ))
        } else {
            None
        };
        if let Some(message) = problem {
            self.diags.error(at(file, &t.text), message).hint(
                "an elision only shows who acts, leaving out an act with no deadline: \"APAP-i … nëse është e nevojshme, kërkon mbledhjen e menjëhershme të AP-së\"; otherwise quote the words whole",
            );
        }
    }

    /// `from_section` stands on a step's timing only (`StepSrc`'s, `section_timing`).
    pub(super) fn no_from_section(&mut self, file: &Path, t: &TimingSrc) {
        if let Some(s) = &t.from_section {
            self.diags
                .error(
                    at(file, s),
                    "expected `from_section` only on a step's timing, found it here",
                )
                .hint("`from_section` names the passage of the step's procedure whose words the step's timing quotes");
        }
    }

    /// The text a step's timing quotes, and what it is called: the step's own, or the
    /// passage of its procedure that its `from_section` names by title, where the step's
    /// text does not hold the words (formal identification step 6). None where that
    /// passage is no passage of the procedure, or the step's text holds the words (said).
    pub(super) fn step_quote_text(
        &mut self,
        file: &Path,
        p: &ProcedureSrc,
        st: &StepSrc,
        t: &TimingSrc,
    ) -> Option<(String, String)> {
        let Some(name) = &t.from_section else {
            return Some((st.text.value.clone(), "step's text".to_string()));
        };
        let title = crate::text::single_spaced(&name.value);
        let titled = |s: &&SectionSrc| {
            s.title
                .as_ref()
                .is_some_and(|x| crate::text::single_spaced(&x.value) == title)
        };
        let Some(section) = p.sections.iter().find(titled) else {
            let titles: Vec<String> = p
                .sections
                .iter()
                .filter_map(|s| {
                    s.title
                        .as_ref()
                        .map(|x| format!("\"{}\"", crate::text::single_spaced(&x.value)))
                })
                .collect();
            self.diags
                .error(
                    at(file, name),
                    format!("expected the title of a passage of this procedure ({}), found \"{title}\"", titles.join(", ")),
                )
                .hint("`from_section` names, by its title as written, the passage whose words the step's timing quotes");
            return None;
        };
        if stands(&st.text.value, &t.text.value) {
            self.diags
                .error(
                    at(file, name),
                    format!("expected `from_section` only where the step's text does not hold the timing's words, found \"{}\" in it", crate::text::single_spaced(&t.text.value)),
                )
                .hint("drop `from_section`: the timing quotes its own step");
            return None;
        }
        Some((
            section_words(section),
            format!("text of the passage \"{title}\""),
        ))
    }
}

/// A passage's own words: its title, text and items, one a line.
pub(super) fn section_words(s: &SectionSrc) -> String {
    let mut own = s
        .title
        .as_ref()
        .map(|t| t.value.clone())
        .unwrap_or_default();
    for part in s.text.iter().chain(&s.items) {
        own.push('\n');
        own.push_str(&part.value);
    }
    own
}

/// The words of `md` line by line, each line's spaces made single and blank lines left
/// out: a line's end ends a sentence, as a paragraph's or a list item's does.
fn lines(md: &str) -> String {
    md.lines()
        .map(crate::text::single_spaced)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The last few words of `s` (a sentence's end, to say where it is).
fn tail(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    words[words.len().saturating_sub(6)..].join(" ")
}
