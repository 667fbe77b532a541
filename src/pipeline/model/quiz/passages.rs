//! The source's sentences a question quotes: the normative sentence that holds a timing's
//! or a name's words, a passage with its list's lead-in, sentences joined in the text's
//! order.

use crate::text::TextExt;

/// The sentence of `text`'s normative words (its examples left out) that holds `needle`,
/// its spaces made single; none where the words are not there. A sentence ends at its
/// paragraph: a box's caption printed above it ("Kutia 6: Udhëzime …") is no part of it.
pub fn normative_sentence(text: &str, needle: &str) -> Option<String> {
    sentence_at(text, needle).map(|(plain, start, end)| plain[start..end].to_string())
}

/// The paragraph of `text`'s normative words that holds `needle`, its spaces made single,
/// with the byte range of the sentence that holds it.
fn sentence_at(text: &str, needle: &str) -> Option<(String, usize, usize)> {
    let n = crate::text::single_spaced(needle);
    crate::markdown::without_examples(text)
        .split("\n\n")
        .find_map(|para| {
            let plain = crate::text::single_spaced(&crate::markdown::to_plain(para));
            // An elided quote ("APAP-i … kërkon …") within one sentence (`text::quote`).
            let i = crate::text::quote::find(&plain, &n)?;
            // Cut where a sentence ends, never after "nr." (`text::sentence_breaks`).
            let breaks = crate::text::sentence_breaks(&plain);
            let start = breaks
                .iter()
                .rev()
                .find(|&&b| b + 2 <= i)
                .map_or(0, |b| b + 2);
            let end = breaks
                .iter()
                .find(|&&b| b >= i)
                .map_or(plain.len(), |b| b + 1);
            Some((plain, start, end))
        })
}

/// The paragraphs of `text`'s normative words as plain text, single-spaced: where
/// [`normative_sentence`] looks for its needle, made once for many needles.
pub struct Paragraphs(Vec<String>);

impl Paragraphs {
    pub fn of(text: &str) -> Paragraphs {
        Paragraphs(
            crate::markdown::without_examples(text)
                .split("\n\n")
                .map(|para| crate::text::single_spaced(&crate::markdown::to_plain(para)))
                .collect(),
        )
    }

    /// Whether `normative_sentence(text, needle)` finds a sentence.
    pub fn hold(&self, needle: &str) -> bool {
        let n = crate::text::single_spaced(needle);
        self.0
            .iter()
            .any(|plain| crate::text::quote::find(plain, &n).is_some())
    }
}

/// Words that open a sentence whose subject is in the sentence before ("Kjo nuk mund të jetë
/// më pak se dy javë në vit": "Kjo" is the training the previous sentence names).
const POINTING_BACK: &[&str] = &[
    "kjo", "ky", "këto", "këta", "ai", "ajo", "this", "it", "these",
];

/// The sentence of `text` that holds `needle` (`normative_sentence`), with the sentence
/// before it in its paragraph where it opens with a word pointing back ("Kjo …") or where
/// `lacks` says it does not name who acts ("Pas plotësimit … bën menjëherë pranimin"):
/// a stem is a sentence that says what it asks (review 39, F6 and F10).
pub fn normative_passage(text: &str, needle: &str, lacks: impl Fn(&str) -> bool) -> Option<String> {
    // An item of a list is quoted after its lead-in, as the source prints it: "MR pritet që
    // të: Dërgojë ftesën …" (003:2469, 2478), the only words that say who and how strongly
    // (read-47b, M-2).
    if let Some((lead, item)) = lead_in(text, needle) {
        return Some(format!("{lead} {item}"));
    }
    let (plain, mut start, end) = sentence_at(text, needle)?;
    let first = plain[start..]
        .split(|c: char| !crate::text::is_word_char(c))
        .next()
        .unwrap_or_default()
        .lowered();
    if start > 0 && (POINTING_BACK.contains(&first.as_str()) || lacks(&plain[start..end])) {
        start = crate::text::sentence_breaks(&plain)
            .into_iter()
            .rev()
            .find(|&b| b + 2 < start)
            .map_or(0, |b| b + 2);
    }
    Some(plain[start..end].to_string())
}

/// Where `needle` stands in an item of a list of `text`'s normative words and the paragraph
/// before the list ends in a lead-in (":"): that lead-in and the item's sentence that holds
/// the needle.
fn lead_in(text: &str, needle: &str) -> Option<(String, String)> {
    let n = needle.single_spaced();
    let normative = crate::markdown::without_examples(text);
    let paras: Vec<&str> = normative.split("\n\n").collect();
    let is_item = |line: &str| {
        let l = line.trim_start();
        l.starts_with("- ") || l.starts_with("* ")
    };
    for (i, para) in paras.iter().enumerate().skip(1) {
        if !is_item(para) {
            continue;
        }
        let Some(line) = para.lines().filter(|l| is_item(l)).find(|l| {
            crate::text::quote::stands_in(
                &crate::text::single_spaced(&crate::markdown::to_plain(l)),
                &n,
            )
        }) else {
            continue;
        };
        let lead = paras[..i]
            .iter()
            .rev()
            .find(|p| !is_item(p))
            .map(|p| crate::text::single_spaced(&crate::markdown::to_plain(p)))?;
        let lead = crate::text::sentences(&lead).pop()?.trim().to_string();
        if !lead.ends_with(':') {
            return None;
        }
        let item = crate::text::single_spaced(&crate::markdown::to_plain(line));
        let sentence = crate::text::sentences(&item)
            .into_iter()
            .map(|s| s.trim().trim_end_matches('.').to_string())
            .find(|s| crate::text::quote::stands_in(s, &n))?;
        return Some((lead, sentence));
    }
    None
}

/// Sentences of `texts` (`normative_sentence`) joined as a stem quotes them: in the order
/// the source prints them, " … " between, a footnote's number printed as its marker ("¹⁴ Në
/// rastet …" after the sentence that bears "¹⁴").
pub fn join_in_order(texts: &[String], sentences: &[String]) -> String {
    let plains: Vec<String> = texts
        .iter()
        .map(|t| crate::markdown::to_plain(&crate::markdown::without_examples(t)).single_spaced())
        .collect();
    let at = |s: &String| {
        plains
            .iter()
            .enumerate()
            // A list item after its lead-in ("… që të: Dërgojë …") where its lead-in is.
            .find_map(|(i, p)| {
                p.find(s.as_str())
                    .or_else(|| s.split_once(": ").and_then(|(lead, _)| p.find(lead)))
                    .map(|j| (i, j))
            })
            .unwrap_or((usize::MAX, 0))
    };
    let mut sorted: Vec<&String> = sentences.iter().collect();
    sorted.sort_by_key(|s| at(s));
    const SUP: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let mut out: Vec<String> = Vec::new();
    for s in sorted {
        let mut s = s.trim_end_matches('.').to_string();
        let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty() && s[digits.len()..].starts_with(' ') {
            let marker: String = digits
                .chars()
                .map(|c| SUP[c.to_digit(10).unwrap_or(0) as usize])
                .collect();
            if out.iter().any(|o| o.contains(&marker)) {
                s = format!("{marker}{}", &s[digits.len()..]);
            }
        }
        out.push(s);
    }
    out.join(" … ")
}
