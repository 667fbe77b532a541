//! Where a sentence of plain text ends: at ". " (a full stop and a space), except where the
//! full stop closes an abbreviation inside the sentence ("udhëzimin e përbashkët nr. 132",
//! "p.sh. një", "N.q.s. ofruesi", "… etj. të cilat") — a quote cut there ends at "nr."
//! (review 44, Q-1). Nor does an abbreviation written as initials, each a capital and a
//! dot ("A.P. (Qendrore)", adversary 47 L-4).

use crate::text::TextExt;

/// Abbreviations whose full stop never ends a sentence, compared in lower case: a number
/// or an example follows them.
const NEVER_ENDS: &[&str] = &["nr", "p.sh", "psh", "n.q.s", "nq.s", "fq"];

/// Albanian's letters written with two characters: an initial may be one ("Nj.M.F.").
const DIGRAPHS: &[&str] = &["dh", "gj", "ll", "nj", "rr", "sh", "th", "xh", "zh"];

/// Whether `word` (its last full stop cut off) is initials: two or more capital letters
/// (an Albanian digraph, "Nj", "SH", is one), each followed by a full stop ("A.P",
/// "K.K.S.A.T", "Nj.M.F").
fn initials(word: &str) -> bool {
    let parts: Vec<&str> = word.split('.').collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            let mut c = p.chars();
            c.next().is_some_and(char::is_uppercase)
                && (c.next().is_none() || DIGRAPHS.contains(&p.lowered().as_str()))
        })
}

/// Whether `word` (its last full stop cut off) is an abbreviation written with dots that is
/// no initials: two parts or more, each a letter or two ("d.m.th", "sh.p.k", "p.sh"),
/// one of them in lower case. Its full stop ends no sentence, as initials' does not; a web
/// address ("www.qbz.gov.al") has longer parts and is no abbreviation.
fn dotted(word: &str) -> bool {
    let parts: Vec<&str> = word.split('.').collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            let n = p.chars().count();
            (1..=2).contains(&n) && p.chars().all(crate::text::is_letter)
        })
        && parts.iter().any(|p| p.chars().any(char::is_lowercase))
}

/// The byte offsets of the full stops of `plain` that end a sentence: each of ". " whose
/// word is no abbreviation of `NEVER_ENDS`, nor initials ("A.P.", `initials`), nor another
/// abbreviation written with dots ("d.m.th.", `dotted`), and after which the text does not
/// go on in lower case (a sentence never opens with a small letter: "etj. të cilat",
/// "N.q.s. ofruesi"; "etj. Gjatë" ends one, 002:366).
pub fn sentence_breaks(plain: &str) -> Vec<usize> {
    plain
        .match_indices(". ")
        .map(|(i, _)| i)
        .filter(|&i| {
            let word = plain[..i]
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or_default()
                .trim_start_matches(|c: char| !crate::text::is_word_char(c));
            let next = plain[i + 2..].chars().next();
            !NEVER_ENDS.contains(&word.lowered().as_str())
                && !initials(word)
                && !dotted(word)
                && !next.is_some_and(char::is_lowercase)
        })
        .collect()
}

/// The sentences of `plain`, each with its full stop and the space after it, as
/// `split_inclusive(". ")` would cut them but not after an abbreviation (`sentence_breaks`).
pub fn sentences(plain: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in sentence_breaks(plain) {
        out.push(&plain[start..i + 2]);
        start = i + 2;
    }
    if start < plain.len() {
        out.push(&plain[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::sentences;

    #[test]
    fn an_abbreviation_inside_a_sentence_ends_none() {
        // 001:1224–1227: cut at "nr." the quote named the act and no date, no focal point.
        let s = "Sekretariati teknik i autoritetit përgjegjës, i ngritur me udhëzimin e \
                 përbashkët nr. 132, datë 8.9.2023, është pika fokale. Për fëmijët ka.";
        assert_eq!(sentences(s).len(), 2, "{:?}", sentences(s));
        assert!(sentences(s)[0].ends_with("pika fokale. "));
        for s in [
            "Shih Nr. 5 të vendimit. Tjetër.",
            "Dokumente, p.sh. fletëpalosje, broshura etj. të cilat jepen. Tjetër.",
            "N.q.s. ofruesi i shërbimit mendon kështu. Tjetër.",
        ] {
            assert_eq!(sentences(s).len(), 2, "{s}: {:?}", sentences(s));
        }
        // "etj." that ends a sentence still ends it.
        assert_eq!(sentences("jetën komunitare etj. Këto të drejta.").len(), 2);
        assert_eq!(sentences("Një. Dy. Tre").len(), 3);
    }

    #[test]
    fn an_abbreviation_with_dots_ends_no_sentence_before_a_capital() {
        // Declared ("p.sh.", "N.q.s.") or not ("d.m.th.", "sh.p.k."): an abbreviation written
        // with dots is read as initials are, whatever follows it.
        for s in [
            "Dokumente, p.sh. Fletëpalosja e qendrës. Tjetër.",
            "Sipas N.q.s. Ofruesi e pranon. Tjetër.",
            "Dy vjet, d.m.th. Deri në vitin 2027. Tjetër.",
            "Kompania X sh.p.k. Tirana e ofron. Tjetër.",
            "Sipas nr. Serik të formularit. Tjetër.",
        ] {
            assert_eq!(sentences(s).len(), 2, "{s}: {:?}", sentences(s));
        }
        // A word without dots inside is no such abbreviation: "etj." before a capital ends a
        // sentence (002:366 "… etj. Gjatë takimeve …"), and so does a web address.
        assert_eq!(
            sentences("problematikat e komunitetit etj. Gjatë takimeve. Tjetër.").len(),
            3
        );
        assert_eq!(sentences("Shih www.qbz.gov.al. Tjetër.").len(), 2);
        // Nor is a single letter, a number or a sentence's last word.
        assert_eq!(sentences("Shtojca b. Tjetër. Neni 5. Dy.").len(), 4);
    }

    #[test]
    fn initials_end_no_sentence() {
        // Adversary 47 L-4: a role "A.P. (Qendrore)" was quoted as „A.P.“.
        let s = "A.P. (Qendrore) i A.P.-së kërkon takimin. Tjetër e K.K.S.A.T. Qendrore.";
        assert_eq!(
            sentences(s),
            vec![
                "A.P. (Qendrore) i A.P.-së kërkon takimin. ",
                "Tjetër e K.K.S.A.T. Qendrore."
            ]
        );
        // A single capital, a word in capitals and a number still end one.
        for s in [
            "Shtojca A. Tjetër.",
            "Njofton NJMF. Tjetër.",
            "Neni 5. Tjetër.",
        ] {
            assert_eq!(sentences(s).len(), 2, "{s}: {:?}", sentences(s));
        }
    }
}
