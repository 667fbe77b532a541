//! How a question's choices are made: its correct answers and the nearest wrong ones, a
//! stem word a correct answer has covered by a wrong one too, timings of the answer's kind
//! and order of magnitude first.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::{Answer, Choice, DISTRACTORS, Handbook, STOP, SplitMix, fnv1a, word_stem};

/// The words an answer is shown by, as the model knows them: a role's title, a form's code
/// and title, a timing's words (borrowed from the handbook but a form's).
pub(super) fn answer_words<'a>(hb: &'a Handbook, a: &'a Answer) -> std::borrow::Cow<'a, str> {
    use std::borrow::Cow;
    match a {
        Answer::Role(id) => Cow::Borrowed(
            hb.roles
                .iter()
                .find(|r| &r.id == id)
                .map_or("", |r| r.title.as_str()),
        ),
        Answer::Person(words) => Cow::Borrowed(words),
        Answer::Form(id) => Cow::Owned(
            hb.forms
                .iter()
                .find(|f| &f.id == id)
                .map(|f| format!("{} {}", f.code.as_deref().unwrap_or_default(), f.title))
                .unwrap_or_default(),
        ),
        Answer::Timing(t) => Cow::Borrowed(&t.text),
    }
}

/// `stems` of the words `a` is shown by (`answer_words`), made once per such words (not
/// per `Answer::key`: "brenda 30 ditëve" and "brenda 30 ditëve pune" may be one answer).
pub(super) fn answer_stems(hb: &Handbook, a: &Answer) -> Arc<BTreeSet<String>> {
    stems_of(hb, &answer_words(hb, a))
}

/// `stems` of `text`, made once per text for the whole build: the same step's words are
/// asked about by each of its questions and each role's variant of them.
pub(super) fn stems_of(hb: &Handbook, text: &str) -> Arc<BTreeSet<String>> {
    hb.quiz_memo.stems.get_or_borrowed(text, || stems(text))
}

/// The words (by `word_stem`) of `text`: those of `pointing_words`, made in one pass (a
/// word of ASCII letters and digits lower-cased only as far as its stem).
pub fn stems(text: &str) -> BTreeSet<String> {
    let mut out: Vec<String> = Vec::new();
    for w in text.split(|c: char| !crate::text::is_word_char(c)) {
        if w.is_empty() {
            continue;
        }
        if w.is_ascii() {
            let digits = w.bytes().all(|b| b.is_ascii_digit());
            // A content word (`content_words`), or a code (`pointing_words`).
            let content =
                (w.len() >= 3 || digits) && !STOP.iter().any(|s| s.eq_ignore_ascii_case(w));
            let code = w.len() < 3
                && w.bytes().any(|b| b.is_ascii_digit())
                && w.bytes().any(|b| b.is_ascii_alphabetic());
            if content || code {
                out.push(w[..w.len().min(5)].to_ascii_lowercase());
            }
            continue;
        }
        let lower = crate::text::lower(w);
        if (crate::text::at_least(&lower, 3) || lower.chars().all(|c| c.is_ascii_digit()))
            && !STOP.contains(&lower.as_str())
        {
            out.push(word_stem(&lower));
        }
        if !crate::text::at_least(w, 3)
            && w.chars().any(|c| c.is_ascii_digit())
            && w.chars().any(crate::text::is_letter)
        {
            out.push(word_stem(&lower));
        }
    }
    out.into_iter().collect()
}

/// The abbreviations of `stem` ("AP" of "mbledh AP-në": two capitals or more) that the
/// initials of `title`'s words spell, or that it holds: "#ap" for each, so a stem's
/// "AP-në" wants a wrong answer of the AP too where a correct one is of it ("Drejtues/
/// kryesues i autoritetit përgjegjës", read-47b L-10).
fn initials_of(stem: &BTreeSet<String>, title: &str) -> BTreeSet<String> {
    let initials: String = super::content_words(title)
        .iter()
        .filter_map(|w| w.chars().next())
        .collect();
    let words: Vec<String> = title
        .split(|c: char| !crate::text::is_word_char(c))
        .map(crate::text::lower)
        .collect();
    stem.iter()
        .filter(|a| initials.contains(a.as_str()) || words.contains(a))
        .map(|a| format!("#{a}"))
        .collect()
}

/// The abbreviations of `text`: words of two capitals or more, lower-cased.
fn abbreviations(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !crate::text::is_word_char(c))
        .filter(|w| crate::text::at_least(w, 2) && w.chars().all(char::is_uppercase))
        .map(crate::text::lower)
        .collect()
}

/// The correct answers with up to `DISTRACTORS` wrong ones (none of `used` nor a role of
/// `named`), shuffled by the question's id. Nearest level first, except that a wrong answer
/// sharing a word of `stem` with a correct one comes before one that does not: a word of
/// the stem ("fëmijës", "rastit") then points to no answer alone, and stays in the stem. A
/// "by when?" offers timings of the kind of its answer first (durations against a
/// duration), so the stem's verb ("zgjat") does not tell it.
/// How many times longer or shorter than the answer a wrong timing may be.
pub const MAGNITUDE: f64 = 30.0;

/// A question's stem as `choose` reads it: one that other questions ask again (a step's:
/// each of its questions and each role's variant of them), whose words are kept for the
/// build, or one asked once.
#[derive(Clone, Copy)]
pub(super) enum Stem<'a> {
    Again(&'a str),
    Once(&'a str),
}

pub(super) fn choose<L: AsRef<[Answer]>>(
    hb: &Handbook,
    id: &str,
    stem: Stem,
    correct: Vec<Answer>,
    levels: impl IntoIterator<Item = L>,
    mut used: BTreeSet<String>,
    named: &BTreeSet<String>,
) -> Vec<Choice> {
    let mut rng = SplitMix::new(fnv1a(id));
    used.extend(correct.iter().map(Answer::key));
    // A word of a correct role's own name is blanked in the stem: it wants no wrong answer
    // ("Punonjësi" of "Punonjësi i rastit"); a word the stem holds beside it does
    // ("menaxhimin e rastit", review 42, Q4).
    let ids: Vec<&str> = correct
        .iter()
        .filter_map(|a| match a {
            Answer::Role(id) => Some(id.as_str()),
            _ => None,
        })
        .flat_map(|id| std::iter::once(id).chain(super::same_person(hb, id)))
        .collect();
    let (stem, again) = match stem {
        Stem::Again(s) => (s, true),
        Stem::Once(s) => (s, false),
    };
    // (Kept for the build only where the same stem is asked again: a criterion's is asked
    // once, and 66,000 of them would be kept for nothing.)
    let stems_in = |text: &str| match again {
        true => stems_of(hb, text),
        false => Arc::new(stems(text)),
    };
    let in_stem = match ids.is_empty() {
        true => stems_in(stem),
        false => stems_in(&super::without_names(hb, stem, &ids)),
    };
    // (A role's abbreviation, its own names' ones aside: "AP-në" of "Drejtuesi i AP-së
    // mbledh AP-në".)
    let abbrs: BTreeSet<String> = match ids.is_empty() {
        true => BTreeSet::new(),
        false => {
            let rest = super::without_names(hb, stem, &ids);
            let rest: BTreeSet<&str> = rest.split_whitespace().collect();
            abbreviations(stem)
                .into_iter()
                .filter(|a| rest.contains(a.as_str()))
                .collect()
        }
    };
    // An answer's words: its stems (shared, `answer_stems`) and, for a role, the stem's
    // abbreviations its title spells (`initials_of`).
    let words_of = |a: &Answer| -> (Arc<BTreeSet<String>>, BTreeSet<String>) {
        let initials = match a {
            Answer::Role(_) => initials_of(&abbrs, &answer_words(hb, a)),
            _ => BTreeSet::new(),
        };
        (answer_stems(hb, a), initials)
    };
    // The words of the stem that a correct answer has: each wants a wrong answer too.
    let mut uncovered: BTreeSet<String> = correct
        .iter()
        .flat_map(|a| BTreeSet::clone(&answer_stems(hb, a)))
        .filter(|w| in_stem.contains(w))
        .chain(correct.iter().flat_map(|a| match a {
            Answer::Role(_) => initials_of(&abbrs, &answer_words(hb, a)),
            _ => BTreeSet::new(),
        }))
        .collect();
    let kinds: BTreeSet<&str> = correct
        .iter()
        .filter_map(|a| match a {
            Answer::Timing(t) => Some(t.kind),
            _ => None,
        })
        .collect();
    // Every wrong answer the levels offer, nearest level first, each shuffled; borrowed, so
    // only the three chosen are copied.
    let levels: Vec<L> = levels.into_iter().collect();
    let mut candidates: Vec<&Answer> = Vec::new();
    for level in &levels {
        // (Each answer's key made once: a "by when?"'s farthest level is every timing of
        // the handbook.)
        let mut level: Vec<(&Answer, String)> = level
            .as_ref()
            .iter()
            .filter(|a| !matches!(a, Answer::Role(id) if named.contains(id)))
            .map(|a| (a, a.key()))
            .filter(|(_, key)| !used.contains(key))
            .collect();
        rng.shuffle(&mut level);
        for (a, key) in level {
            if used.insert(key) {
                candidates.push(a);
            }
        }
    }
    // Timings of the answer's kind only, where there are two of them or more; else first.
    let same_kind = |a: &Answer| !matches!(a, Answer::Timing(t) if !kinds.contains(t.kind));
    if !kinds.is_empty() && candidates.iter().filter(|a| same_kind(a)).count() >= 2 {
        candidates.retain(|a| same_kind(a));
    }
    // A role the stem names by its head and an abbreviation its initials spell
    // ("sekretariatin e AP-së" for "Sekretariati teknik i autoritetit përgjegjës"), which
    // the names matcher may miss, is no wrong answer: the reader finds it in the stem.
    // (Only roles are judged: the stem's words are read where one is a candidate, and are
    // `in_stem` where no correct role's names were taken out of it.)
    if candidates.iter().any(|a| matches!(a, Answer::Role(_))) {
        let all_abbrs = abbreviations(stem);
        let whole;
        let all_stems = match ids.is_empty() {
            true => &in_stem,
            false => {
                whole = stems_in(stem);
                &whole
            }
        };
        candidates.retain(|a| {
            let Answer::Role(_) = a else { return true };
            let title = answer_words(hb, a);
            let head = super::content_words(&title).first().map(|h| word_stem(h));
            !head.is_some_and(|h| all_stems.contains(&h))
                || initials_of(&all_abbrs, &title).is_empty()
        });
    }
    same_unit(&correct, &mut candidates);
    // And of the answer's order of magnitude (no 45 minutes against 24 months): within
    // `MAGNITUDE` times its length where they make three choices with the correct ones
    // (the formal interview's 60 and 90 minutes against the 45 of 003, no months), else
    // the nearest first.
    let lengths: Vec<f64> = correct
        .iter()
        .filter_map(|a| match a {
            Answer::Timing(t) if t.sort_seconds() > 0 => Some(t.sort_seconds() as f64),
            _ => None,
        })
        .collect();
    if !lengths.is_empty() {
        let far = |a: &Answer| -> f64 {
            match a {
                Answer::Timing(t) if t.sort_seconds() > 0 => lengths
                    .iter()
                    .map(|l| (t.sort_seconds() as f64 / l).ln().abs())
                    .fold(f64::INFINITY, f64::min),
                Answer::Timing(_) => f64::INFINITY,
                _ => 0.0,
            }
        };
        // A length within a tenth of the answer is the answer in other words ("2 vjet" of
        // "24 muaj"): never a wrong one.
        candidates.retain(|a| far(a) == 0.0 && !matches!(a, Answer::Timing(_)) || far(a) > 0.1);
        if candidates
            .iter()
            .filter(|a| far(a) <= MAGNITUDE.ln())
            .count()
            + correct.len()
            >= 3
        {
            candidates.retain(|a| far(a) <= MAGNITUDE.ln());
        } else {
            candidates.sort_by(|a, b| far(a).total_cmp(&far(b)));
        }
    }
    // Each candidate's words, made once, and only where a stem word wants covering.
    let mut words: Vec<(Arc<BTreeSet<String>>, BTreeSet<String>)> = if uncovered.is_empty() {
        Vec::new()
    } else {
        candidates.iter().map(|a| words_of(a)).collect()
    };
    let mut distractors: Vec<Answer> = Vec::new();
    while distractors.len() < DISTRACTORS && !candidates.is_empty() {
        // (A word in both of an answer's sets counts once, as in their union.)
        let covers = |i: usize| {
            words.get(i).map_or(0, |(stems, initials)| {
                uncovered
                    .iter()
                    .filter(|w| stems.contains(*w) || initials.contains(*w))
                    .count()
            })
        };
        let best = candidates
            .iter()
            .enumerate()
            .max_by_key(|(i, a)| (same_kind(a), covers(*i), std::cmp::Reverse(*i)))
            .map_or(0, |(i, _)| i);
        let a = candidates.remove(best);
        if !words.is_empty() {
            let (stems, initials) = words.remove(best);
            uncovered.retain(|w| !stems.contains(w) && !initials.contains(w));
        }
        distractors.push(a.clone());
    }
    let mut choices: Vec<Choice> = correct
        .into_iter()
        .map(|answer| Choice {
            answer,
            correct: true,
        })
        .chain(distractors.into_iter().map(|answer| Choice {
            answer,
            correct: false,
        }))
        .collect();
    rng.shuffle(&mut choices);
    choices
}

/// The unit class of a length of time: minutes or hours (below a day), days or weeks
/// (below four weeks), months or years.
fn unit_class(seconds: u64) -> u8 {
    match seconds {
        s if s < 86_400 => 0,
        s if s < 28 * 86_400 => 1,
        _ => 2,
    }
}

/// A length of time ("Sa zgjat …?") against lengths of its unit class only, where there
/// is one: an interview's "maksimumi 60 minuta" against minutes or hours, never "3 muaj"
/// nor "2 javë në vit" (review 45, Q-12). A length counted in a period ("dy javë në vit")
/// is of the period's class too.
fn same_unit(correct: &[Answer], candidates: &mut Vec<&Answer>) {
    let class = |a: &Answer| match a {
        Answer::Timing(t) if t.kind == "duration" && t.seconds > 0 => Some((
            unit_class(t.seconds),
            t.per.as_ref().map(|p| p.approx_seconds()),
        )),
        _ => None,
    };
    let wanted: Vec<(u8, Option<u64>)> = correct.iter().filter_map(class).collect();
    if wanted.is_empty() {
        return;
    }
    // (Only lengths are weighed: a deadline beside them is another kind's business.)
    let length = |a: &Answer| matches!(a, Answer::Timing(t) if t.kind == "duration");
    let fits = |a: &Answer| !length(a) || class(a).is_some_and(|c| wanted.contains(&c));
    if candidates.iter().any(|a| length(a) && fits(a)) {
        candidates.retain(|a| fits(a));
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::super::{pointing_words, word_stem};
    use super::stems;

    #[test]
    fn stems_are_the_pointing_words_stems() {
        // What `stems` was: every pointing word, lower-cased, then its stem.
        let slow = |t: &str| -> BTreeSet<String> {
            pointing_words(t).iter().map(|w| word_stem(w)).collect()
        };
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (hb, _) = crate::check(root);
        let hb = hb.expect("the shipped handbook checks");
        let mut texts: Vec<String> = [
            "Formulari A3/A4 dhe MR1, 12 ditë; PËR të, Në 2 VJET",
            "İstanbul ÇËSHTJA çështjes Ëë 7a b9 x 123456 The OF and Ǆemal ß",
            "",
        ]
        .map(String::from)
        .to_vec();
        texts.extend(hb.roles.iter().map(|r| r.title.clone()));
        for st in &hb.standards {
            for c in &st.criteria {
                texts.push(c.text.clone());
                texts.extend(c.evidence.iter().map(|e| e.text.clone()));
            }
        }
        texts.extend(
            hb.procedures
                .iter()
                .flat_map(|p| &p.steps)
                .map(|s| s.text.clone()),
        );
        assert!(texts.len() > 300, "{} texts", texts.len());
        for t in &texts {
            assert_eq!(stems(t), slow(t), "{t}");
        }
    }
}
