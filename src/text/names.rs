//! Finding a role's names in a text, case and inflection aside: a title (or another name
//! the source prints) by its words' stems, an abbreviation by its whole parts. The model's
//! quizzes and the validator's checks of a timing's actors match names the same way.

/// A name's words, lower-cased, and whether a word of a text need only start with each
/// (a title's stems) or be it (an abbreviation's parts).
pub type Name = (Vec<String>, bool);

/// The words of `s`, lower-cased, split at every character that is not a letter or digit.
pub fn lower_words(s: &str) -> Vec<String> {
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
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

/// The words of `text` where one of `names` first stands, as printed (a name of no words
/// names nothing).
pub fn first_named<'t>(text: &'t str, names: &[Name]) -> Option<String> {
    let lower = crate::text::lower(text);
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let printed: Vec<&'t str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    (0..words.len()).find_map(|i| {
        names
            .iter()
            .find(|(p, stem)| !p.is_empty() && fits_at(&words, i, p, *stem))
            .map(|(p, _)| {
                printed
                    .get(i..i + p.len())
                    .map_or_else(String::new, |w| w.join(" "))
            })
    })
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
        assert_eq!(
            first_named("do të emërojë Menaxherin i Rastit brenda", &names).as_deref(),
            Some("Menaxherin i Rastit")
        );
        assert_eq!(
            first_named("sipas A-IPIF", &names).as_deref(),
            Some("A IPIF")
        );
        // An abbreviation is a whole word, never the start of one.
        assert_eq!(first_named("QPSX brenda 24 orësh", &names), None);
        assert_eq!(first_named("", &names), None);
    }
}
