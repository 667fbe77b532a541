//! A text's words as the give-away and pointing rules compare them.

use crate::text::TextExt;

/// Words too common to give an answer away ("për", "dhe" …; "the", "of" …).
pub const STOP: &[&str] = &[
    "për", "dhe", "nga", "të", "në", "së", "me", "një", "ose", "apo", "që", "si", "te", "tek",
    "the", "of", "and", "or", "an", "to", "in", "by", "for",
];

/// The content words of a text, lower-cased: words of three letters or more that are no
/// function word, and numbers.
pub fn content_words(s: &str) -> Vec<String> {
    s.split(|c: char| !crate::text::is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(crate::text::lower)
        .filter(|w| {
            (crate::text::at_least(w, 3) || w.chars().all(|c| c.is_ascii_digit()))
                && !STOP.contains(&w.as_str())
        })
        .collect()
}

/// A word as the give-away rule compares it: its first five letters, so an inflected form
/// ("shërbimit", "policisë") matches the answer's ("Shërbimi", "policia").
pub fn word_stem(w: &str) -> String {
    w.lowered().chars().take(5).collect()
}

/// The words of a text the pointing rule compares: its content words and its codes (a
/// form's "A4", "MR1", "A3/A4" is "a3", "a4"), lower-cased.
pub fn pointing_words(s: &str) -> Vec<String> {
    let mut out = content_words(s);
    out.extend(
        s.split(|c: char| !crate::text::is_word_char(c))
            .filter(|w| {
                !crate::text::at_least(w, 3)
                    && w.chars().any(|c| c.is_ascii_digit())
                    && w.chars().any(crate::text::is_letter)
            })
            .map(str::to_lowercase),
    );
    out
}
