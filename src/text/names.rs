//! Finding a role's names in a text, case and inflection aside: a title (or another name
//! the source prints) by its words' stems, an abbreviation by its whole parts. The model's
//! quizzes and the validator's checks of a timing's actors match names the same way.

use crate::text::TextExt;

/// A name's words, lower-cased, and whether a word of a text need only start with each
/// (a title's stems) or be it (an abbreviation's parts).
pub type Name = (Vec<String>, bool);

/// The words of `s`, lower-cased, split at every character that is not a letter or digit.
pub fn lower_words(s: &str) -> Vec<String> {
    s.lowered()
        .split(|c: char| !crate::text::is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The stem an inflected form of `w` begins with: a word of more than four letters
/// without its last (Albanian's endings: "Menaxheri" → "Menaxher", "Menaxherin").
pub fn inflection_stem(w: &str) -> String {
    let n = w.chars().count();
    w.chars().take(if n > 4 { n - 1 } else { n }).collect()
}

/// A role's names: its title and the other words the source names it by (by stems), then
/// its abbreviations (by whole parts; "A/IPIF" is printed "A-IPIF" too).
pub fn role_names<'a>(
    titles: impl IntoIterator<Item = &'a str>,
    abbrs: impl IntoIterator<Item = &'a str>,
) -> Vec<Name> {
    let titles = titles.into_iter().map(|t| {
        let stems = lower_words(t).iter().map(|w| inflection_stem(w)).collect();
        (stems, true)
    });
    let abbrs = abbrs.into_iter().map(|a| (lower_words(a), false));
    titles.chain(abbrs).collect()
}

/// Whether the name `p` (see `Name`) stands at `words[i..]`.
pub fn fits_at(words: &[&str], i: usize, p: &[String], stem: bool) -> bool {
    i + p.len() <= words.len()
        && words[i..i + p.len()]
            .iter()
            .zip(p)
            .all(|(w, s)| match stem {
                true => w.starts_with(s.as_str()),
                false => *w == s.as_str(),
            })
}

/// The articles and linking words a title's words are joined by ("Menaxheri i rastit",
/// "Menaxherin e Rastit"): in a text any of them stands for any other.
const LINKS: [&str; 4] = ["i", "e", "të", "së"];

/// The most letters an inflected form of a title's word has past its stem ("komun" →
/// "komunave", "psikolog" → "psikologëve"): "komunitet" and "psikologjike" are other words.
const ENDING: usize = 3;

/// The words of `text` where one of `names` first stands, as printed (its slashes and
/// hyphens kept), the longest name where several begin at one word; none where no name
/// stands. Stricter than the quizzes' matcher (`fits_at`), for a warning that must not be
/// said of another word: a title's word matches an inflected form of it only (at most
/// `ENDING` letters past its stem), its linking words any linking word; an abbreviation a
/// word printed with a capital ("QPS", not "ma" for "MA"). Compared in NFC.
pub fn first_named(text: &str, names: &[Name]) -> Option<String> {
    let (text, spans) = named_spans(text, names);
    spans.first().map(|&(s, e)| text[s..e].to_string())
}

/// The text in NFC and the places (byte ranges in it) where one of `names` stands, as
/// `first_named` finds the first: the longest name at a word, then on after it.
pub fn named_spans(text: &str, names: &[Name]) -> (String, Vec<(usize, usize)>) {
    let text = crate::text::nfc(text).into_owned();
    // Each word's place in the text and its lower-case form.
    let mut words: Vec<(usize, usize, String)> = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (crate::text::is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, i, crate::text::lower(&text[s..i])));
                start = None;
            }
            _ => {}
        }
    }
    let fits = |at: usize, (p, stem): &Name| -> bool {
        !p.is_empty()
            && at + p.len() <= words.len()
            && words[at..at + p.len()].iter().zip(p).all(|((s, e, w), p)| {
                if !*stem {
                    return w == p && text[*s..*e].chars().any(char::is_uppercase);
                }
                if LINKS.contains(&p.as_str()) {
                    return LINKS.contains(&w.as_str());
                }
                w.starts_with(p.as_str()) && w.chars().count() <= p.chars().count() + ENDING
            })
    };
    let mut spans = Vec::new();
    let mut at = 0;
    while at < words.len() {
        match names
            .iter()
            .filter(|n| fits(at, n))
            .map(|(p, _)| p.len())
            .max()
        {
            Some(longest) => {
                spans.push((words[at].0, words[at + longest - 1].1));
                at += longest;
            }
            None => at += 1,
        }
    }
    (text, spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_is_found_inflected_and_an_abbreviation_whole() {
        let names = role_names(["Menaxheri i rastit"], ["QPS", "A/IPIF"]);
        assert_eq!(
            first_named("QPS do të emërojë Menaxherin e Rastit", &names).as_deref(),
            Some("QPS")
        );
        // Any linking word for another ("i" for "e"), the word inflected.
        assert_eq!(
            first_named("do të emërojë Menaxherin e Rastit brenda", &names).as_deref(),
            Some("Menaxherin e Rastit")
        );
        // As printed, its hyphen kept; a capital İ before it shifts nothing.
        assert_eq!(
            first_named("İ sipas A-IPIF", &names).as_deref(),
            Some("A-IPIF")
        );
        // An abbreviation is a whole word printed with a capital, never the start of one.
        assert_eq!(first_named("QPSX brenda 24 orësh", &names), None);
        assert_eq!(first_named("qps brenda 24 orësh", &names), None);
        assert_eq!(first_named("", &names), None);
    }

    #[test]
    fn another_word_with_a_titles_stem_is_not_the_title() {
        let names = role_names(["Komuna", "Psikologu"], []);
        assert_eq!(first_named("në nivel komuniteti", &names), None);
        assert_eq!(first_named("mbështetje psikologjike", &names), None);
        assert_eq!(
            first_named("Komunave u dërgohet", &names).as_deref(),
            Some("Komunave")
        );
        // The longest name at a word: "Punonjësi social i qendrës", not "Punonjësi social".
        let names = role_names(["Punonjësi social", "Punonjësi social i qendrës"], []);
        assert_eq!(
            first_named("Punonjësi social i qendrës njofton", &names).as_deref(),
            Some("Punonjësi social i qendrës")
        );
        // Decomposed letters (e + U+0308) are the same letters.
        let names = role_names(["Shefi i shërbimit"], []);
        assert_eq!(
            first_named("Shefi i she\u{308}rbimit cakton", &names).as_deref(),
            Some("Shefi i shërbimit")
        );
    }
}
