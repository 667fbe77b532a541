//! Text helpers shared by every stage: diacritic folding for ids and search.

use unicode_normalization::UnicodeNormalization;

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

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_albanian_and_other_latin_letters() {
        assert_eq!(fold("dëshmi penaliteti"), "deshmi penaliteti");
        assert_eq!(fold("Çështje"), "Ceshtje");
        assert_eq!(fold("Straße Øre Łódź"), "Strasse Ore Lodz");
    }
}
