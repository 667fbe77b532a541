//! Where the words a step's link to a form quotes stand, and whether they name the form:
//! the rule the validator checks each link by, and the tests check every "which form?"
//! question by (`pipeline::source::form_link` says what a link quotes).
//!
//! - Words *stand in* a text when, spaces made single, they are part of its normative
//!   words as plain text: the text without its examples (`markdown::without_examples`),
//!   its markup taken off (`**Kutia 3: … Formularit për MR 1: …**` is read as printed).
//! - Words *name* a form when they hold its printed code, whole ("A5", each of "A3/A4")
//!   or as its letters and number apart ("Formularit 4 të MR" for MR4), or at least two
//!   content words of its title, inflected ("deklaratat e konfidencialitetit" for
//!   "Deklaratë e konfidencialitetit"; one where the title has one). A word alone the
//!   title shares with the step ("kërkesën" of "Kërkesë për vlerësim …") does not: the
//!   step does not say which request.

use crate::text::TextExt;

/// The words of `s`, spaces made single.
fn single(s: &str) -> String {
    s.single_spaced()
}

/// `text`'s normative words as plain text, spaces made single.
pub fn own_words(text: &str) -> String {
    single(&crate::markdown::to_plain(
        &crate::markdown::without_examples(text),
    ))
}

/// Whether `words` stand in `text`'s normative words (examples left out, markup off).
pub fn stand_in(text: &str, words: &str) -> bool {
    let words = single(words);
    !words.is_empty()
        && (own_words(text).contains(&words)
            || single(&crate::markdown::without_examples(text)).contains(&words))
}

/// Where `words` do not stand in `text` as written but do once ë and ç are read as e and c
/// and letters written as a letter and a combining mark are read as one (words typed on a
/// keyboard without them, or pasted from a file that decomposes them): the passage of the
/// text as printed, to show the author.
pub fn printed_as(text: &str, words: &str) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    let fold = |c: char| match c {
        'ë' => 'e',
        'Ë' => 'E',
        'ç' => 'c',
        'Ç' => 'C',
        c => c,
    };
    let printed: Vec<char> = own_words(text).nfc().collect();
    let folded: String = printed.iter().map(|&c| fold(c)).collect();
    let words: String = single(words).nfc().map(fold).collect();
    if words.is_empty() {
        return None;
    }
    let at = folded.find(&words)?;
    let start = folded[..at].chars().count();
    let len = words.chars().count();
    Some(printed[start..start + len].iter().collect())
}

/// Function words that name nothing ("për", "dhe" …).
const STOP: &[&str] = &[
    "për", "dhe", "nga", "të", "në", "së", "me", "një", "ose", "apo", "që", "si", "te", "tek",
    "para", "the", "of", "and", "or", "an", "to", "in", "by", "for",
];

/// The content words of `s`, lower-cased: three letters or more, no function word.
fn content(s: &str) -> Vec<String> {
    s.split(|c: char| !crate::text::is_word_char(c))
        .map(str::to_lowercase)
        .filter(|w| crate::text::at_least(w, 3) && !STOP.contains(&w.as_str()))
        .collect()
}

/// Two forms of one word: they share their first five letters, or the whole of the
/// shorter where it has fewer ("plan", "plani").
fn same_word(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    common >= shorter.min(5)
}

/// Whether `words` name the form of printed code `code` (none for a form printed with no
/// code) and title `title`.
pub fn name_form(words: &str, code: Option<&str>, title: &str) -> bool {
    let tokens: Vec<String> = words
        .split(|c: char| !crate::text::is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if let Some(code) = code.map(str::to_lowercase).filter(|c| !c.is_empty()) {
        let letters: String = code
            .chars()
            .filter(|c| crate::text::is_letter(*c))
            .collect();
        let digits: String = code.chars().filter(|c| c.is_ascii_digit()).collect();
        let has = |t: &str| tokens.iter().any(|w| w == t);
        if has(&code)
            || (!letters.is_empty() && !digits.is_empty() && has(&letters) && has(&digits))
        {
            return true;
        }
    }
    let title = content(title);
    let said = content(words);
    let found = title
        .iter()
        .filter(|t| said.iter().any(|w| same_word(w, t)))
        .count();
    !title.is_empty() && found >= title.len().min(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_or_two_words_of_the_title_name_a_form() {
        assert!(name_form(
            "sipas formatit A5",
            Some("A5"),
            "Kërkesë për identifikim formal"
        ));
        assert!(name_form(
            "Dërgimi në AP i formatit A3/A4",
            Some("A4"),
            "Intervista"
        ));
        assert!(name_form(
            "Formularit 4 të MR: Plani",
            Some("MR4"),
            "Plani i shërbimeve"
        ));
        assert!(!name_form(
            "Formularit 4 të MR",
            Some("MR1"),
            "Referimi i rastit"
        ));
        assert!(name_form(
            "deklaratat e konfidencialitetit",
            Some("A1"),
            "Deklaratë e konfidencialitetit"
        ));
        assert!(name_form(
            "harton një plan individual të riintegrimit",
            Some("D1"),
            "Plani i riintegrimit individual"
        ));
        // 001:1234 "transferon kërkesën": which request, the step does not say.
        assert!(!name_form(
            "transferon kërkesën",
            Some("E2"),
            "Kërkesë për vlerësim social-ekonomik dhe sigurisë para kthimit vullnetar"
        ));
        // 001:803 "Vendimi i marrë": a decision, not which one.
        assert!(!name_form(
            "Vendimi i marrë",
            Some("B3"),
            "Vendim Për njohjen e statusit të viktimës së trafikimit"
        ));
        assert!(name_form(
            "Vlerësimi i thelluar i nevojave",
            Some("C4"),
            "Formular vlerësimi i nevojave"
        ));
    }

    #[test]
    fn words_typed_without_e_umlaut_or_decomposed_are_shown_as_printed() {
        let text = "Intervista formale për fëmijë realizohet nga punonjësi i policisë.";
        assert_eq!(
            printed_as(text, "formale per femije").as_deref(),
            Some("formale për fëmijë")
        );
        assert_eq!(
            printed_as(text, "formale pe\u{308}r fe\u{308}mije\u{308}").as_deref(),
            Some("formale për fëmijë")
        );
        assert_eq!(printed_as(text, "policise"), Some("policisë".to_string()));
        assert_eq!(printed_as(text, "nuk është aty"), None);
        assert_eq!(printed_as(text, " "), None);
    }

    #[test]
    fn words_stand_in_the_normative_text_as_printed() {
        let text = "**Kutia 3: Udhëzime për Formularit për MR 1: Referimi i rastit¹³**\n\n> Shembull: sipas formatit A5";
        assert!(stand_in(text, "Formularit për MR 1: Referimi i rastit"));
        assert!(!stand_in(text, "sipas formatit A5"));
        assert!(!stand_in(text, " "));
    }
}
