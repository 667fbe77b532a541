//! Whether a role the text names is the one who acts there, or only what the act is done
//! to or with: "Sekretariati i AP-së kërkon mbledhjen e AP-së" names the responsible
//! authority twice, both times in the genitive (whose secretariat, whose meeting); in
//! "Punonjësi i rastit bashkëpunon me NJMF-në" the unit is the counterpart (accusative,
//! after "me"); in "Komisioni thirret në mbledhje nga kryetari" the commission is
//! convened (a passive verb follows it). A "who?" credits, and blanks, only the one who
//! acts (review 39, F3).
//!
//! Albanian marks the case on the noun's ending: the title's word is the nominative
//! ("Komisioni", "Struktura", "Autoriteti"), an ending after its stem says the case
//! ("-it", "-in", "-së", "-në", "-ve" oblique; "", "-i", "-a", "-ja", "-t", "-të"
//! nominative or unmarked). An abbreviation carries it after a hyphen ("AP-së", "PMF-ja").

use crate::text::TextExt;

use super::{Handbook, inflection_stem};

/// Endings after a title word's stem, or after an abbreviation's hyphen, that mark an
/// oblique case (genitive, dative, accusative): the role is an object there.
const OBLIQUE: &[&str] = &["it", "in", "ut", "un", "së", "ës", "ën", "në", "ve", "ave"];

/// Words before a bare abbreviation that make it an object ("mbledhjen e AP", "me NJMF").
const BEFORE_OBJECT: &[&str] = &[
    "e", "i", "të", "së", "me", "për", "te", "tek", "ndaj", "mbi", "pranë",
];

/// A verb after the role that makes it the patient, not the agent: a passive
/// ("thirret", "realizohet", "mblidhet"), not the modal "duhet".
fn passive(w: &str) -> bool {
    let w = w.lowered();
    w != "duhet" && (w.ends_with("het") || w.ends_with("hen") || w.ends_with("ret"))
}

/// Whether the words from `at` open a relative clause whose subject the mention is
/// ("njofton APAP-in e SHSSH-së, i cili njofton sekretariatin": the notified one then acts),
/// within a few words, after a comma.
fn relative(ws: &[(&str, &str)], at: usize) -> bool {
    (at..(at + 4).min(ws.len())).any(|i| {
        ws[i].0.contains(',')
            && ws.get(i + 1).is_some_and(|(sep, w)| {
                sep.trim().is_empty()
                    && ["cili", "cila", "cilët", "cilat"].contains(&w.lowered().as_str())
            })
            && ["i", "e", "të"].contains(&ws[i].1.lowered().as_str())
    })
}

/// Words for a person that, followed by a genitive, name who acts for that body:
/// "punonjësi i shërbimit social shtetëror", "anëtarët e stafit" (the body acts through
/// them), unlike "Sekretariati i AP-së", whose genitive is only whose secretariat it is.
const PERSON: &[&str] = &["punonjës", "anëtar", "përfaqësues", "specialist", "zyrtar"];

/// Acts of authority that, followed by a genitive, name who performs them: "përcaktohen
/// me urdhrin e ministrit përgjegjës" (the minister orders, 001:898-900), "me vendim të",
/// "me miratimin e".
const AUTHORITY: &[&str] = &["urdhr", "urdhër", "vendim", "miratim", "propozim"];

/// Whether the mention at word `i` is the genitive of a person word, or of an act of
/// authority, before it.
fn of_person(lower: &[String], i: usize) -> bool {
    i >= 2
        && ["i", "e", "të", "së"].contains(&lower[i - 1].as_str())
        && PERSON
            .iter()
            .chain(AUTHORITY)
            .any(|p| lower[i - 2].starts_with(p))
}

/// The text as word tokens with what stands before each (the separator), borrowed from
/// the text (no two strings made for each word of every text asked about).
fn words(text: &str) -> Vec<(&str, &str)> {
    let mut out: Vec<(&str, &str)> = Vec::new();
    // Where the separator before the next word begins, and where that word begins.
    let mut sep = 0;
    let mut word: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if crate::text::is_word_char(c) {
            word.get_or_insert(i);
        } else if let Some(w) = word.take() {
            out.push((&text[sep..w], &text[w..i]));
            sep = i;
        }
    }
    if let Some(w) = word {
        out.push((&text[sep..w], &text[w..]));
    }
    out
}

/// Whether `text` may name the role at all: a word of it, lower-cased, starts with one of
/// `bases`, or it holds the first part of an abbreviation. Where not, `acts_in` is `None`
/// without splitting the text into words. (The text lower-cased whole is its words
/// lower-cased one by one but for a final sigma, so a base holding a sigma is not judged
/// here.)
fn mentioned(text: &str, bases: &[String], r: &crate::pipeline::model::Role) -> bool {
    if bases.iter().any(|b| b.contains(['σ', 'ς'])) {
        return true;
    }
    let lower = crate::text::lower(text);
    bases.iter().any(|b| lower.contains(b.as_str()))
        || r.abbr.iter().chain(&r.abbr_variants).any(|a| {
            a.split(|c: char| !crate::text::is_word_char(c))
                .find(|p| !p.is_empty())
                .is_some_and(|p| text.contains(p))
        })
}

/// How a role stands in `text`: `None` where the text does not name it (by its title, the
/// other words the source names it by, their first word, or its abbreviation); `Some(true)`
/// where one mention is in the case of the one who acts; `Some(false)` where every mention
/// is an object, a counterpart or the patient of a passive.
pub fn acts_in(hb: &Handbook, role: &str, text: &str) -> Option<bool> {
    let r = hb.roles.iter().find(|r| r.id == role)?;
    // The phrases' first words: a mention of the role where the rest follows, or alone.
    let mut heads: Vec<String> = std::iter::once(&r.title)
        .chain(&r.named_by)
        .filter_map(|p| {
            p.split(|c: char| !crate::text::is_word_char(c))
                .find(|w| crate::text::at_least(w, 3))
                .map(str::to_lowercase)
        })
        .collect();
    heads.sort();
    heads.dedup();
    // The word's stem: less its vowel ending ("komision" of "Komisioni", "njësi" of
    // "Njësia"), or the whole word where it ends in a consonant ("drejtues").
    let bases: Vec<String> = heads
        .iter()
        .map(|head| match head.chars().last() {
            Some('a' | 'e' | 'ë' | 'i' | 'o' | 'u' | 'y') => inflection_stem(head),
            _ => head.clone(),
        })
        .collect();
    if !mentioned(text, &bases, r) {
        return None;
    }
    let ws = words(text);
    let lower: Vec<String> = ws.iter().map(|(_, w)| crate::text::lower(w)).collect();
    let mut found = false;
    for base in &bases {
        for (i, w) in lower.iter().enumerate() {
            let Some(ending) = w.strip_prefix(base.as_str()) else {
                continue;
            };
            // The title word itself, or an inflection of it (a few letters more).
            if crate::text::at_least(ending, 4) {
                continue;
            }
            found = true;
            let oblique =
                OBLIQUE.contains(&ending) && !relative(&ws, i + 1) && !of_person(&lower, i);
            // The verb after the whole name: "Menaxheri i Rastit caktohet nga …" (003:2031).
            let mut next = i + 1;
            while lower
                .get(next)
                .is_some_and(|w| ["i", "e", "të", "së"].contains(&w.as_str()))
                && next + 2 < lower.len()
            {
                next += 2;
            }
            let patient = lower.get(next).is_some_and(|n| passive(n));
            if !oblique && !patient {
                return Some(true);
            }
        }
    }
    for abbr in r.abbr.iter().chain(&r.abbr_variants) {
        let parts: Vec<&str> = abbr
            .split(|c: char| !crate::text::is_word_char(c))
            .filter(|p| !p.is_empty())
            .collect();
        if parts.is_empty() {
            continue;
        }
        for i in 0..ws.len() {
            if i + parts.len() > ws.len() || !parts.iter().zip(&ws[i..]).all(|(p, (_, w))| w == p) {
                continue;
            }
            found = true;
            let after = i + parts.len();
            // A gloss in brackets after the name ("Menaxherin e Rastit (MR)") is in the
            // name's case, which the name's own word decides (read-47b, M-5).
            if ws[i].0.trim_end().ends_with('(')
                && ws
                    .get(after)
                    .is_some_and(|(sep, _)| sep.trim_start().starts_with(')'))
            {
                continue;
            }
            // The inflection after a hyphen: "-së", "-ja".
            let suffix = ws
                .get(after)
                .filter(|(sep, w)| *sep == "-" && w.chars().all(char::is_lowercase))
                .map(|(_, w)| *w);
            let next = if suffix.is_some() { after + 1 } else { after };
            let oblique = match suffix {
                Some(s) => OBLIQUE.contains(&s),
                None => i > 0 && BEFORE_OBJECT.contains(&lower[i - 1].as_str()),
            } && !relative(&ws, next)
                && !of_person(&lower, i);
            let patient = lower.get(next).is_some_and(|n| passive(n));
            if !oblique && !patient {
                return Some(true);
            }
        }
    }
    found.then_some(false)
}
