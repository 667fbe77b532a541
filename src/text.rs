//! Text helpers shared by every stage: diacritic folding for ids and search, and dates
//! written out from a day count.

use unicode_normalization::UnicodeNormalization;

pub mod names;
pub mod quote;
mod sentences;
pub use sentences::{sentence_breaks, sentences};

/// `s` composed (NFC): letters with their marks apart ("e" + U+0308) as one ("ë"). Borrowed
/// where it already is, as read content always is (`load`).
pub fn nfc(s: &str) -> std::borrow::Cow<'_, str> {
    if already_nfc(s) || unicode_normalization::is_nfc(s) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.nfc().collect())
    }
}

/// Whether `s` is surely NFC without the full check: every character below U+0300 (UTF-8
/// lead bytes below 0xCC: ASCII, ë, ç and the rest of Latin-1 and Latin Extended) is NFC
/// whatever follows it, and so is one at or above it that combines with nothing before it
/// and that NFC keeps as it is ("–", "“", "€": Unicode's quick check, `Yes`, of class 0).
/// Only these are looked at, one by one; `false` (a mark, a character NFC may change)
/// leaves the answer to the full check.
fn already_nfc(s: &str) -> bool {
    use unicode_normalization::{IsNormalized, char::canonical_combining_class, is_nfc_quick};
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(k) = bytes[i..].iter().position(|&b| b >= 0xCC) {
        // A byte at or above 0xCC is always a character's first: `i + k` is a boundary.
        i += k;
        let Some(c) = s[i..].chars().next() else {
            return false;
        };
        if canonical_combining_class(c) != 0
            || is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes
        {
            return false;
        }
        i += c.len_utf8();
    }
    true
}

/// `c.is_alphanumeric()`, answered without the Unicode tables for ASCII and Albanian's
/// letters (ë, ç), the characters of nearly every word of the content.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        matches!(c, 'ë' | 'ç' | 'Ë' | 'Ç') || c.is_alphanumeric()
    }
}

/// `c.is_alphabetic()`, answered as [`is_word_char`] is.
#[inline]
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        matches!(c, 'ë' | 'ç' | 'Ë' | 'Ç') || c.is_alphabetic()
    }
}

/// `s.split_whitespace().collect::<Vec<_>>().join(" ")` in one pass: the words of `s`
/// (split where `char::is_whitespace` says) joined by single spaces. Only a byte that may
/// begin a Unicode space (0xC2, 0xE1, 0xE2, 0xE3) is decoded; every other byte outside
/// ASCII is part of a word.
pub fn single_spaced(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut word: Option<usize> = None;
    let mut i = 0;
    // The end of the text ends its last word as a space does.
    while i <= b.len() {
        let (space, len) = match b.get(i) {
            None | Some(b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') => (true, 1),
            Some(0xC2 | 0xE1 | 0xE2 | 0xE3) => {
                let c = s[i..].chars().next().unwrap_or_default();
                (c.is_whitespace(), c.len_utf8())
            }
            Some(_) => (false, 1),
        };
        if !space {
            word.get_or_insert(i);
        } else if let Some(start) = word.take() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&s[start..i]);
        }
        i += len;
    }
    out
}

/// [`single_spaced`] and [`lower`] as methods of any text (`use crate::text::TextExt`).
pub trait TextExt {
    fn single_spaced(&self) -> String;
    /// `to_lowercase`, by [`lower`].
    fn lowered(&self) -> String;
}

impl TextExt for str {
    fn single_spaced(&self) -> String {
        single_spaced(self)
    }

    fn lowered(&self) -> String {
        lower(self)
    }
}

/// Whether `s` has `n` characters or more: `s.chars().count() >= n`, counting no further
/// than `n`.
#[inline]
pub fn at_least(s: &str, n: usize) -> bool {
    n == 0 || s.chars().nth(n - 1).is_some()
}

/// A footnote's marker as the content prints it: a superscript digit ("37¹", "fëmijë²").
pub fn is_note_marker(c: char) -> bool {
    "⁰¹²³⁴⁵⁶⁷⁸⁹".contains(c)
}

/// A name usable in an id or a file name: the text folded (`fold`), lower-case ASCII
/// letters and digits, one `-` for every run of anything else, none at either end:
/// `Qendra "Tjetër Vizion"` → `qendra-tjeter-vizion`.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    let mut dash = true;
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            dash = false;
        } else if !dash {
            out.push('-');
            dash = true;
        }
    }
    out.trim_end_matches('-').to_string()
}

/// `s.to_lowercase()`, made a byte at a time where `s` holds only ASCII, Albanian's letters
/// (ë, ç) and characters of no case (U+0080–U+00BF, U+2000–U+207F: quotes, dashes); the
/// standard library's otherwise.
pub fn lower(s: &str) -> String {
    let mut out = s.as_bytes().to_vec();
    let mut i = 0;
    while i < out.len() {
        match out[i] {
            b'A'..=b'Z' => out[i] += 32,
            0..=0x7F => {}
            // U+0080–U+00BF.
            0xC2 => i += 1,
            // Ç Ë → ç ë; ç ë stay.
            0xC3 => {
                match out[i + 1] {
                    0x87 | 0x8B => out[i + 1] += 0x20,
                    0xA7 | 0xAB => {}
                    _ => return s.to_lowercase(),
                }
                i += 1;
            }
            // U+2000–U+207F.
            0xE2 if matches!(out[i + 1], 0x80 | 0x81) => i += 2,
            _ => return s.to_lowercase(),
        }
        i += 1;
    }
    // SAFETY: `out` is `s`, valid UTF-8, with only ASCII capitals made small (ASCII stays
    // ASCII) and the second byte of Ç and Ë (0x87, 0x8B) made that of ç and ë (0xA7,
    // 0xAB): a continuation byte for a continuation byte. Every other byte is as it was.
    unsafe { String::from_utf8_unchecked(out) }
}

/// Lowercase-independent folding of Latin text to plain ASCII letters where a letter has
/// an obvious base: `ë` → `e`, `Ç` → `C`, `ß` → `ss`. Other characters pass through.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfkd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        match c {
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'Æ' => out.push_str("AE"),
            'œ' => out.push_str("oe"),
            'Œ' => out.push_str("OE"),
            'ø' => out.push('o'),
            'Ø' => out.push('O'),
            'đ' => out.push('d'),
            'Đ' => out.push('D'),
            'ł' => out.push('l'),
            'Ł' => out.push('L'),
            'ı' => out.push('i'),
            _ => out.push(c),
        }
    }
    out
}

/// Days since 1970-01-01 → YYYY-MM-DD (proleptic Gregorian; H. Hinnant's algorithm).
pub fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Arabic letters unified as a search compares them: tatweel (ـ) removed, the alef forms
/// (أ إ آ ٱ) as ا, alef maqsura (ى) as ي, ta marbuta (ة) as ه; then the conjunction و and
/// the article ال taken off the front of a word long enough to keep three letters.
pub fn normalize_arabic(s: &mut String) {
    if !s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
        return;
    }
    let mut w: String = s
        .chars()
        .filter(|c| *c != '\u{0640}')
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            c => c,
        })
        .collect();
    let letters = |w: &str| w.chars().count();
    if w.starts_with('و') && letters(&w) > 4 {
        w = w.chars().skip(1).collect();
    }
    for prefix in ["وال", "بال", "كال", "فال", "لل", "ال"] {
        if let Some(rest) = w.strip_prefix(prefix)
            && letters(rest) >= 3
        {
            w = rest.to_string();
            break;
        }
    }
    *s = w;
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::{fold, is_letter, is_word_char, lower, nfc, single_spaced};

    #[test]
    fn single_spaced_is_the_words_joined_by_one_space() {
        let slow = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        // Every character there is, alone and between words, spaces before and after.
        for c in (0u32..=0x10_FFFF).filter_map(char::from_u32) {
            for s in [
                format!("{c}"),
                format!("a{c}b"),
                format!(" {c}{c} ë\u{a0}x{c}\t"),
            ] {
                assert_eq!(single_spaced(&s), slow(&s), "{s:?}");
            }
        }
        // Pseudo-random texts of spaces of every kind, letters and punctuation.
        let parts = [
            " ",
            "\t",
            "\n",
            "\r\n",
            "\u{b}",
            "\u{c}",
            "\u{85}",
            "\u{a0}",
            "\u{1680}",
            "\u{2000}",
            "\u{200a}",
            "\u{200b}",
            "\u{2028}",
            "\u{2029}",
            "\u{202f}",
            "\u{205f}",
            "\u{3000}",
            "\u{feff}",
            "a",
            "ë",
            "Ç",
            "–",
            "“",
            "€",
            "\u{1f600}",
            "\u{1c}",
            "x y",
        ];
        let mut seed = 7u64;
        for _ in 0..20_000 {
            let mut s = String::new();
            for _ in 0..(seed % 12) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                s.push_str(parts[(seed >> 33) as usize % parts.len()]);
            }
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            assert_eq!(single_spaced(&s), slow(&s), "{s:?}");
        }
    }

    #[test]
    fn the_quick_letter_tests_are_the_standard_librarys() {
        // Every character there is: what splits words and what counts as a letter is
        // exactly what `char::is_alphanumeric` and `char::is_alphabetic` say.
        for c in (0u32..=0x10_FFFF).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn nfc_is_unicodes_and_borrows_what_already_is() {
        use unicode_normalization::UnicodeNormalization;
        // Every pair of characters below U+0300 (what the fast path takes as composed
        // without the full check) is composed.
        let below: Vec<char> = (0u32..0x300).filter_map(char::from_u32).collect();
        for a in &below {
            for b in &below {
                let s: String = [*a, *b].iter().collect();
                assert_eq!(s.nfc().collect::<String>(), s, "{a:?} {b:?}");
                assert!(matches!(nfc(&s), std::borrow::Cow::Borrowed(_)));
            }
        }
        // At and above it, the full check: marks apart are composed.
        for (text, composed) in [
            ("e\u{308}", "ë"),
            ("c\u{327}ka", "çka"),
            ("\u{340}", "\u{300}"),
            ("Ç\u{300}", "Ç\u{300}"),
            ("\u{1100}\u{1161}", "\u{ac00}"),
        ] {
            assert_eq!(nfc(text), composed, "{text:?}");
            assert_eq!(nfc(text), text.nfc().collect::<String>());
        }
    }

    #[test]
    fn a_text_taken_as_nfc_without_the_full_check_is_nfc() {
        use unicode_normalization::UnicodeNormalization;
        // Every character of the Basic Multilingual Plane after each of a few others (a
        // letter, one it may compose with, a Hangul lead, itself): where the quick path
        // says composed, it is; and a text of typographic punctuation is taken by it.
        let before = ['a', 'e', 'ë', '\u{1100}', '\u{2013}'];
        for c in (0x300u32..0x1_0000).filter_map(char::from_u32) {
            for b in before.iter().copied().chain([c]) {
                for s in [format!("{b}{c}"), format!("{c}{b}x")] {
                    if super::already_nfc(&s) {
                        assert_eq!(s.nfc().collect::<String>(), s, "{s:?}");
                    }
                }
            }
        }
        assert!(super::already_nfc("Neni 5 – „afati“ është 30 ditë… €, №"));
        assert!(!super::already_nfc("e\u{308}"));
        assert!(!super::already_nfc("\u{1100}\u{1161}"));
    }

    #[test]
    fn lower_is_the_standard_librarys_lowercase() {
        // Every character of the ranges made a byte at a time, alone, in words and at a
        // word's end; and characters the standard library lowers (final sigma, İ).
        let mut texts = vec![
            "ÇËSHTJA e Çështjes, “Punonjësi” – NJMF-në; 12 ditë".to_string(),
            "ΟΔΟΣ Σ σ İstanbul ÀÉ ß ǅ Ⅳ Ⓐ".to_string(),
            String::new(),
        ];
        for c in (0u32..0x250)
            .chain(0x2000..0x2080)
            .filter_map(char::from_u32)
        {
            texts.push(c.to_string());
            texts.push(format!("Ab{c}Ë {c}ç."));
        }
        for t in &texts {
            assert_eq!(lower(t), t.to_lowercase(), "{t:?}");
        }
    }

    #[test]
    fn folds_albanian_and_other_latin_letters() {
        assert_eq!(fold("dëshmi penaliteti"), "deshmi penaliteti");
        assert_eq!(fold("Çështje"), "Ceshtje");
        assert_eq!(fold("Straße Øre Łódź"), "Strasse Ore Lodz");
    }
}

/// Why a file's bytes are not text: where the first wrong byte stands, and whether the file
/// announced itself as UTF-16 (its first two bytes a UTF-16 byte-order mark).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotText {
    pub utf16: bool,
    pub at: usize,
}

impl NotText {
    /// `expected …, found …` for a person.
    pub fn message(&self) -> String {
        if self.utf16 {
            format!(
                "expected UTF-16 text after the UTF-16 byte-order mark, found bytes that are not (at byte {})",
                self.at
            )
        } else {
            format!(
                "expected a text file in UTF-8, found bytes that are not (at byte {})",
                self.at
            )
        }
    }
}

/// The text of an imported file's bytes: UTF-8, or UTF-16 (little- or big-endian) where
/// the file starts with a UTF-16 byte-order mark — what Windows PowerShell 5's `>` writes.
/// A byte-order mark is kept as U+FEFF for the reader to strip one, so a UTF-16 file reads
/// exactly as its UTF-8 twin (the browser's import decodes the same: assessment-core.js).
pub fn decode_text(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, NotText> {
    let big = match bytes {
        [0xFF, 0xFE, ..] => false,
        [0xFE, 0xFF, ..] => true,
        _ => {
            return std::str::from_utf8(bytes)
                .map(std::borrow::Cow::Borrowed)
                .map_err(|e| NotText {
                    utf16: false,
                    at: e.valid_up_to(),
                });
        }
    };
    let encoding = if big {
        encoding_rs::UTF_16BE
    } else {
        encoding_rs::UTF_16LE
    };
    // The mark is kept (no BOM handling); anything malformed is refused, not replaced.
    if let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(bytes) {
        return Ok(text);
    }
    // Where it breaks: the first unpaired surrogate, else the odd last byte.
    let units = bytes.chunks_exact(2).map(|p| {
        if big {
            u16::from_be_bytes([p[0], p[1]])
        } else {
            u16::from_le_bytes([p[0], p[1]])
        }
    });
    let mut at = 0;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => at += c.len_utf16() * 2,
            Err(_) => return Err(NotText { utf16: true, at }),
        }
    }
    Err(NotText {
        utf16: true,
        at: bytes.len() - 1,
    })
}
