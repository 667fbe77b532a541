//! The give-away rules beyond every word of an answer standing in its stem: a correct
//! role's head noun that no wrong choice shares, and the words of a correct choice that
//! together single it out (review 39, F4).

use super::blank::telling;
use crate::pipeline::model::quiz::{content_words, inflection_stem, stems, word_stem};

/// The first content word of a choice (its head noun: "menaxheri" of "Menaxheri i rastit"),
/// as an inflected form of it begins (`inflection_stem`).
fn head(text: &str) -> Option<String> {
    content_words(telling(text))
        .first()
        .map(|w| inflection_stem(w))
}

/// The head nouns of correct choices that stand in `quote`, inflected ("Menaxheri",
/// "menaxherin"), where no wrong choice has the same head: "Menaxheri informon …" tells
/// "Menaxheri i rastit" among the psychologist and the authority (review 39, F4).
pub fn heads_kept(quote: &str, correct: &[String], wrong: &[String]) -> Vec<String> {
    let words = content_words(quote);
    // Heads compared by their first letters ("Drejtues/kryesues …", "Drejtuesi i qendrës").
    let wrong: std::collections::BTreeSet<String> = wrong
        .iter()
        .filter_map(|w| head(w))
        .map(|h| word_stem(&h))
        .collect();
    correct
        .iter()
        .filter_map(|c| head(c))
        .filter(|h| {
            !wrong.contains(&word_stem(h))
                && words.iter().any(|w| {
                    w.starts_with(h.as_str()) && w.chars().count() <= h.chars().count() + 4
                })
        })
        .collect()
}

/// The words of a correct choice that `quote` holds where they single it out: no wrong
/// choice has them all ("deklaratën e pranimit … fëmijën" holds "pranim" and "fëmij" of
/// "C3 — Formular pranimi … për fëmijë", which no other form has both of; review 39, F4).
pub fn singled_out(quote: &str, correct: &[String], wrong: &[String]) -> Vec<String> {
    let in_quote = stems(quote);
    let wrong: Vec<std::collections::BTreeSet<String>> =
        wrong.iter().map(|w| stems(telling(w))).collect();
    let mut out = Vec::new();
    for c in correct {
        let held: std::collections::BTreeSet<String> = stems(telling(c))
            .into_iter()
            .filter(|w| in_quote.contains(w))
            .collect();
        if !held.is_empty() && wrong.iter().all(|w| !held.is_subset(w)) {
            out.extend(held);
        }
    }
    out
}

/// The words of `quote` that point to the answer of a "who?" (`blank::pointing`), less
/// those that stand alone: a word of a correct role's name that is not its head, where no
/// other word of that name stands in the quote, names no one there. It is the step's own
/// object, "hap rastin" (003:2038), "referimit të fëmijës" (001:1076), "familjeve në
/// nevojë" (002:125), and tells no role from another (adversary 47, M-4). Two words of one
/// name ("Vlerësimin … të nevojave") still point.
pub fn pointing_who(quote: &str, correct: &[String], wrong: &[String]) -> Vec<String> {
    let point = super::blank::pointing(quote, correct, wrong);
    if point.is_empty() {
        return point;
    }
    let in_quote = stems(quote);
    let code = |w: &str| !crate::text::at_least(w, 3) && w.chars().any(|c| c.is_ascii_digit());
    point
        .into_iter()
        .filter(|w| {
            let s = word_stem(w);
            code(w)
                || correct.iter().any(|c| {
                    let name = stems(telling(c));
                    let head = content_words(telling(c)).first().map(|h| word_stem(h));
                    name.contains(&s)
                        && (head.as_deref() == Some(s.as_str())
                            || name.iter().any(|n| *n != s && in_quote.contains(n)))
                })
        })
        .collect()
}

/// The words of a printed name the give-away rule compares (by `word_stem`): its content
/// words and its abbreviations ("AP" of "Drejtuesi i AP-së").
fn name_words(name: &str) -> Vec<String> {
    let mut out = content_words(name);
    out.extend(
        name.split(|c: char| !crate::text::is_word_char(c))
            .filter(|w| crate::text::at_least(w, 2) && w.chars().all(char::is_uppercase))
            .map(str::to_lowercase),
    );
    out
}

/// The printed names of correct roles that stand in `quote`: a phrase every word of which
/// stands in it, inflected ("Drejtuesi i AP-së" of the D/KAP, review 42, Q1), or an
/// abbreviation as a word ("D/KAP", "D-KAP").
pub fn names_kept(quote: &str, phrases: &[String], abbrs: &[String]) -> Vec<String> {
    let stems: std::collections::HashSet<String> =
        name_words(quote).iter().map(|w| word_stem(w)).collect();
    let words: Vec<&str> = quote
        .split(|c: char| !crate::text::is_word_char(c))
        .collect();
    let phrases = phrases.iter().filter(|p| {
        let w = name_words(p);
        !w.is_empty() && w.iter().all(|w| stems.contains(&word_stem(w)))
    });
    let abbrs = abbrs.iter().filter(|a| {
        let parts: Vec<&str> = a.split(|c: char| !crate::text::is_word_char(c)).collect();
        words.windows(parts.len()).any(|w| w == parts.as_slice())
    });
    phrases.chain(abbrs).cloned().collect()
}

/// The attributes that stand right after a blank ("… i AP-së", "… e rastit") where they
/// fit correct choices and no wrong one: (where the attribute begins, where it ends, the
/// attribute). A choice fits an abbreviation it holds or whose words' initials spell it
/// ("autoritetit përgjegjës" for "AP"), a word it holds inflected: "… i AP-së" beside
/// "Sekretariati teknik i autoritetit përgjegjës" alone of the AP asks nothing (read-47b, M-1).
fn attributes(quote: &str, correct: &[String], wrong: &[String]) -> Vec<(usize, usize, String)> {
    let fits = |choice: &str, word: &str| -> bool {
        let choice = telling(choice);
        if crate::text::at_least(word, 2) && word.chars().all(char::is_uppercase) {
            let abbr = crate::text::lower(word);
            let n = abbr.chars().count();
            let initials: Vec<char> = content_words(choice)
                .iter()
                .filter_map(|w| w.chars().next())
                .collect();
            choice
                .split(|c: char| !crate::text::is_word_char(c))
                .any(|w| w == word)
                || initials
                    .windows(n)
                    .any(|w| w.iter().collect::<String>() == abbr)
        } else {
            stems(choice).contains(&word_stem(&crate::text::lower(word)))
        }
    };
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = quote[from..].find('…').map(|i| i + from) {
        from = i + '…'.len_utf8();
        let rest = &quote[from..];
        let after = rest.trim_start_matches(' ');
        let start = from + (rest.len() - after.len());
        let Some((article, tail)) = after.split_once(' ') else {
            continue;
        };
        if !super::gap::ARTICLES.contains(&article) {
            continue;
        }
        let word: String = tail
            .chars()
            .take_while(|c| crate::text::is_word_char(*c))
            .collect();
        if word.is_empty()
            || (!crate::text::at_least(&word, 3) && !word.chars().all(char::is_uppercase))
        {
            continue;
        }
        // The word with its hyphened ending ("AP-së").
        let mut len = article.len() + 1 + word.len();
        if let Some(end) = tail[word.len()..].strip_prefix('-') {
            len += 1 + end
                .chars()
                .take_while(|c| crate::text::is_letter(*c))
                .map(char::len_utf8)
                .sum::<usize>();
        }
        let fit_right = correct.iter().any(|c| fits(c, &word));
        let fit_wrong = wrong.iter().any(|w| fits(w, &word));
        if fit_right && !fit_wrong {
            out.push((start, start + len, quote[start..start + len].to_string()));
        }
    }
    out
}

/// The attributes right after a blank that only correct choices fit (`attributes`): a
/// question that keeps one gives its answer away.
pub fn attributes_kept(quote: &str, correct: &[String], wrong: &[String]) -> Vec<String> {
    attributes(quote, correct, wrong)
        .into_iter()
        .map(|(_, _, a)| a)
        .collect()
}

/// The quote with each attribute right after a blank that only correct choices fit taken
/// into the blank: "… i AP-së, menjëherë harton" is "…, menjëherë harton" (read-47b, M-1).
pub(super) fn blank_attributes(quote: &str, correct: &[String], wrong: &[String]) -> String {
    let mut out = quote.to_string();
    for (start, end, _) in attributes(quote, correct, wrong).into_iter().rev() {
        // The space before the attribute goes with it.
        let start = out[..start].trim_end_matches(' ').len();
        out.replace_range(start..end, "");
    }
    out
}

/// How a word `blank_pointing` leaves out is marked: an editor's omission, not a blank.
pub(super) const OMITTED: &str = "[…]";

/// The most words `blank_pointing` blanks: a word the quote repeats ("fëmija" six times in
/// Kosovo step 0) is the step's subject, and blanking it leaves no question.
const POINTING_BLANKS: usize = 1;

/// The quote with each word blanked that points to a correct role and no wrong one, where
/// the word is part of a name of a correct role at that place (`names`, the printed names
/// and abbreviations of the correct roles, found as `text::names::named_spans` finds
/// them), and the quote still keeps `KEEP` of the words of `whole` without them. A word
/// that only shares a name's stem is the step's own meaning ("referimit të fëmijës",
/// "familjeve në nevojë", "punonjësin e rastit të qendrës", adversary 46 Q-2): never left
/// out, and the question, if it then points, is not asked. Else the quote unchanged.
pub(super) fn blank_pointing(
    quote: &str,
    whole: &str,
    correct: &[String],
    wrong: &[String],
    names: &super::Printed,
) -> String {
    use super::blank::kept;
    let point: std::collections::BTreeSet<String> = pointing_who(quote, correct, wrong)
        .iter()
        .map(|w| word_stem(w))
        .collect();
    if point.is_empty() {
        return quote.to_string();
    }
    let names = crate::text::names::role_names(
        names.0.iter().map(String::as_str),
        names.1.iter().map(String::as_str),
    );
    let (text, spans) = crate::text::names::named_spans(quote, &names);
    if spans.is_empty() {
        return quote.to_string();
    }
    let mut blanked = 0;
    // Marked as a word left out of the quote ("[…]"), not as a gap the answer fills.
    let out = super::gap::blank_each_word_at(&text, OMITTED, |at, w| {
        let points = point.contains(&word_stem(&crate::text::lower(w)))
            && spans.iter().any(|&(s, e)| s <= at && at < e);
        blanked += usize::from(points);
        points
    });
    match blanked <= POINTING_BLANKS && kept(&out, whole) >= super::KEEP {
        true => out,
        false => quote.to_string(),
    }
}

/// A step's told-apart label (`Step::label_among`: "a) nën „Kjo strukturë kryen …“") as a
/// stem may print it: each word that points to a correct answer and no wrong one
/// (`blank::pointing`: "strukturë" for the municipal structure) blanked, except where the
/// word stands in a name of something else (`others`: another role's title, the other
/// names the source gives it, its institution, a glossary term) and in no name of a correct
/// answer (`names`): "njësi" of "Në çdo njësi administrative" is the administrative unit,
/// not the NJVNR (adversary 48 L-2).
pub(super) fn label_blanked(
    label: &str,
    correct: &[String],
    wrong: &[String],
    names: &super::Printed,
    others: &[String],
) -> String {
    let point = super::blank::pointing(label, correct, wrong);
    let own = crate::text::names::role_names(
        names.0.iter().map(String::as_str),
        names.1.iter().map(String::as_str),
    );
    let other = crate::text::names::role_names(others.iter().map(String::as_str), []);
    let (text, own_spans) = crate::text::names::named_spans(label, &own);
    let (_, other_spans) = crate::text::names::named_spans(&text, &other);
    let inside =
        |spans: &[(usize, usize)], at: usize| spans.iter().any(|&(s, e)| s <= at && at < e);
    let blanked = super::gap::blank_each_word_at(&text, "…", |at, w| {
        point.iter().any(|p| p == w) && (inside(&own_spans, at) || !inside(&other_spans, at))
    });
    super::gap::collapse(&blanked)
}

#[cfg(test)]
mod tests {
    use super::names_kept;

    #[test]
    fn a_word_of_another_fixed_phrase_in_a_label_is_not_blanked() {
        // Adversary 48 L-2: "njësi administrative" (002:94) is an administrative unit.
        let correct = ["Njësia e Vlerësimit të Nevojave dhe Referimit".to_string()];
        let wrong = [
            "Ofruesi i shërbimit".to_string(),
            "Punonjësi social".to_string(),
        ];
        let names = (correct.to_vec(), vec!["NJVNR".to_string()]);
        let others = ["Njësia Administrative".to_string()];
        let label = "a) nën „Në çdo njësi administrative në …“";
        let told =
            |others: &[String]| super::label_blanked(label, &correct, &wrong, &names, others);
        assert_eq!(told(&others), label);
        // The rule, not the word: without the other name, "njësi" points and is blanked.
        assert_eq!(told(&[]), "a) nën „Në çdo … administrative në …“");
        // A word that names the answer where it stands is still blanked.
        let structure =
            ["Struktura përgjegjëse për shërbimet e kujdesit shoqëror në bashki".to_string()];
        let names = (structure.to_vec(), vec![]);
        assert_eq!(
            super::label_blanked(
                "a) nën „Kjo strukturë kryen edhe funksione …“",
                &structure,
                &wrong,
                &names,
                &others
            ),
            "a) nën „Kjo … kryen edhe funksione …“"
        );
    }

    #[test]
    fn a_role_is_named_by_any_name_the_source_prints_for_it() {
        let names = [
            "Drejtues/kryesues i autoritetit përgjegjës".to_string(),
            "Drejtuesi i AP-së".to_string(),
        ];
        let abbrs = ["D/KAP".to_string()];
        let kept = |q: &str| names_kept(q, &names, &abbrs);
        assert_eq!(
            kept("Drejtuesi i AP-së mbledh AP-në"),
            ["Drejtuesi i AP-së"]
        );
        assert!(kept("… mbledh AP-në brenda …").is_empty());
        assert!(kept("Drejtuesi i qendrës njofton …").is_empty());
        assert_eq!(kept("… njofton D/KAP-in"), ["D/KAP"]);
        // The blanks take the name whole, its hyphen or slash too.
        let blanked = super::super::blank::blank_phrases("Drejtuesi i AP-së mbledh AP-në", &names);
        assert_eq!(blanked, "… mbledh AP-në");
        assert!(kept(&blanked).is_empty());
        let other = ["punonjës/menaxher të rastit".to_string()];
        assert_eq!(
            super::super::blank::blank_phrases(
                "cakton një punonjës/menaxher të rastit, i cili",
                &other
            ),
            "cakton një …, i cili"
        );
    }

    #[test]
    fn an_attribute_after_the_blank_that_only_the_answer_fits_is_blanked_with_it() {
        let correct = ["Sekretariati teknik i autoritetit përgjegjës".to_string()];
        let wrong = [
            "Njësia e Vlerësimit të Nevojave dhe Referimit".to_string(),
            "Njësia e Mbrojtjes së Fëmijës".to_string(),
        ];
        let quote = "… i AP-së, menjëherë harton dhe dërgon kërkesën";
        assert_eq!(super::attributes_kept(quote, &correct, &wrong), ["i AP-së"]);
        let blanked = super::blank_attributes(quote, &correct, &wrong);
        assert_eq!(blanked, "…, menjëherë harton dhe dërgon kërkesën");
        assert!(super::attributes_kept(&blanked, &correct, &wrong).is_empty());
        // A wrong choice of the AP too: the attribute tells nothing, and stays.
        let wrong = ["Drejtues/kryesues i AP".to_string()];
        assert!(super::attributes_kept(quote, &correct, &wrong).is_empty());
        assert_eq!(super::blank_attributes(quote, &correct, &wrong), quote);
    }

    #[test]
    fn a_pointing_word_is_left_out_only_inside_a_name_of_the_answer() {
        let names = (vec!["Punonjësi i rastit".to_string()], Vec::new());
        let correct = [
            "Punonjësi i rastit".to_string(),
            "Drejtuesi i qendrës".to_string(),
        ];
        let wrong = [
            "Grupi Teknik Ndërinstitucional".to_string(),
            "Punonjësi social".to_string(),
        ];
        // Referral 26 (001:1053): "për rastin" is the plan's own object, no name of the
        // case worker: kept, the quote unchanged (and the question, pointing, not asked).
        let whole = "Drejtuesi i institucionit cakton një punonjës të rastit, i cili do të hartojë një plan individual ndihme për rastin në bashkëpunim me ekipin";
        let quote = "… cakton një …, i cili do të hartojë një plan individual ndihme për rastin në bashkëpunim me ekipin";
        assert_eq!(
            super::blank_pointing(quote, whole, &correct, &wrong, &names),
            quote
        );
        // Inside a name of the answer the stem still prints ("punonjësin e rastit",
        // inflected, its linking word another): left out.
        let whole = "Drejtuesi cakton, dhe pastaj punonjësin e rastit e njofton për planin e ndihmës brenda ditës sot";
        let quote = "… cakton, dhe pastaj punonjësin e rastit e njofton për planin e ndihmës brenda ditës sot";
        assert_eq!(
            super::blank_pointing(quote, whole, &correct, &wrong, &names),
            "… cakton, dhe pastaj punonjësin e […] e njofton për planin e ndihmës brenda ditës sot"
        );
        // A wrong choice with the word: it points to no answer alone, and stays.
        let wrong = [
            "Menaxheri i rastit".to_string(),
            "Punonjësi social".to_string(),
        ];
        assert_eq!(
            super::blank_pointing(quote, whole, &correct, &wrong, &names),
            quote
        );
    }

    #[test]
    fn a_word_of_a_correct_name_that_stands_alone_points_to_no_one() {
        let correct = ["Menaxher i rastit (Kosovë)".to_string()];
        let wrong = [
            "Policia e Kosovës (Kosovë)".to_string(),
            "Qendra për Punë Sociale (Kosovë)".to_string(),
        ];
        // 003:2038: "rastin", the case the MR opens, is no name of the MR.
        let quote = "…, bazuar në vlerësim paraprak të situatës së dhënë, hap rastin";
        assert_eq!(
            super::super::blank::pointing(quote, &correct, &wrong),
            ["rastin"]
        );
        assert!(super::pointing_who(quote, &correct, &wrong).is_empty());
        // Two words of the name ("menaxhimin … rastit") still point; so does the head.
        let quote = "… bën menaxhimin e rastit";
        assert_eq!(
            super::pointing_who(quote, &correct, &wrong),
            ["menaxhimin", "rastit"]
        );
        let correct = ["Njësia e Vlerësimit të Nevojave dhe Referimit".to_string()];
        let wrong = ["Ofruesi i shërbimit".to_string()];
        assert!(super::pointing_who("familjeve në nevojë", &correct, &wrong).is_empty());
        assert_eq!(
            super::pointing_who("Vlerësimin fillestar të nevojave", &correct, &wrong),
            ["vlerësimin", "nevojave"]
        );
    }
}
