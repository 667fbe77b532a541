//! The blanks of a quiz question's quote: the words of a correct answer (its title, its
//! abbreviation) and the words that set a deadline, each run of them one "…".

use crate::text::TextExt;

use super::gap::collapse;
pub use crate::pipeline::model::quiz::{STOP, content_words, pointing_words, word_stem};
use crate::pipeline::model::quiz::{inflection_stem, stems};

/// The words of an answer that tell it: a form's title without its code ("MR9 (E-7) —
/// Mbyllja e rastit": "Mbyllja e rastit").
pub(super) fn telling(answer: &str) -> &str {
    answer.split_once(" — ").map_or(answer, |(_, title)| title)
}

/// Whether every content word of `answer` stands in `stem`, also inflected (its first five
/// letters begin a word of the stem: `word_stem`): the question gives it away.
pub fn gives_away(stem: &str, answer: &str) -> bool {
    let stem: std::collections::HashSet<String> =
        content_words(stem).iter().map(|w| word_stem(w)).collect();
    let words = content_words(telling(answer));
    !words.is_empty() && words.iter().all(|w| stem.contains(&word_stem(w)))
}

/// The quote with the words of the correct answers blanked ("…") where the question would
/// otherwise hold a whole answer, in any of its forms ("punonjësi i shërbimit social
/// shtetëror" for "Shërbimi Social Shtetëror").
pub(super) fn blank(quote: &str, frame: impl Fn(&str) -> String, correct: &[String]) -> String {
    let mut quote = quote.to_string();
    for answer in correct {
        if !gives_away(&frame(&quote), answer) {
            continue;
        }
        let answer = telling(answer);
        // The answer's own words, whole ("Çdo person, që …", "punonjësi i mbrojtjes së
        // fëmijës"): one "…" for them all.
        let mut lower = answer.chars();
        let lower: String = lower
            .next()
            .map(|c| c.to_lowercase().chain(lower).collect())
            .unwrap_or_default();
        for phrase in [answer, lower.as_str()] {
            if !phrase.is_empty() && quote.contains(phrase) {
                quote = quote.replace(phrase, "…");
            }
        }
        if !gives_away(&frame(&quote), answer) {
            continue;
        }
        quote = blank_words(&quote, &frame, answer);
    }
    quote
}

/// The quote with the answer's words blanked in any form, the fewest first: the word the
/// quote holds least often ("shërbimit"), with the answer's words next to it ("… social
/// shtetëror"), until the question no longer holds the answer. A word the answer shares
/// with the rest of the step ("fëmijës" of "punonjësi i mbrojtjes së fëmijës") stays
/// where it is not next to the blanked ones.
fn blank_words(quote: &str, frame: &impl Fn(&str) -> String, answer: &str) -> String {
    // The quote as words and what stands between them.
    let tokens = tokens(quote);
    let stems: Vec<String> = content_words(answer).iter().map(|w| word_stem(w)).collect();
    let of_answer = |t: &str| !content_words(t).is_empty() && stems.contains(&word_stem(t));
    let mut blanked = vec![false; tokens.len()];
    let render = |blanked: &[bool]| -> String {
        let out: String = tokens
            .iter()
            .zip(blanked)
            .map(|((t, _), b)| if *b { "…" } else { t.as_str() })
            .collect();
        collapse(&out)
    };
    while gives_away(&frame(&render(&blanked)), answer) {
        // The answer's word the quote holds least often, not yet blanked.
        let count = |s: &str| {
            tokens
                .iter()
                .zip(&blanked)
                .filter(|((t, w), b)| *w && !**b && of_answer(t) && word_stem(t) == s)
                .count()
        };
        let Some(pick) = stems
            .iter()
            .filter(|s| count(s) > 0)
            .min_by_key(|s| count(s))
            .cloned()
        else {
            break;
        };
        for i in 0..tokens.len() {
            if !(tokens[i].1 && of_answer(&tokens[i].0) && word_stem(&tokens[i].0) == pick) {
                continue;
            }
            blanked[i] = true;
            // The answer's words next to it, across spaces and little words.
            for dir in [-1isize, 1] {
                let mut j = i as isize + dir;
                while j >= 0 && (j as usize) < tokens.len() {
                    let (t, w) = &tokens[j as usize];
                    if !w {
                        if !t.trim().is_empty() {
                            break;
                        }
                    } else if of_answer(t) {
                        blanked[j as usize] = true;
                    } else if !content_words(t).is_empty() {
                        break;
                    }
                    j += dir;
                }
            }
        }
    }
    render(&blanked)
}

/// A text as its words and what stands between them (`true` for a word).
fn tokens(text: &str) -> Vec<(String, bool)> {
    let mut tokens: Vec<(String, bool)> = Vec::new();
    for c in text.chars() {
        let word = crate::text::is_word_char(c);
        match tokens.last_mut() {
            Some((t, w)) if *w == word => t.push(c),
            _ => tokens.push((c.to_string(), word)),
        }
    }
    tokens
}

/// The tokens again, each run of blanked ones one "…", collapsed as [`collapse`] does.
fn joined(tokens: &[(String, bool)], blanked: &[bool]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < tokens.len() {
        if blanked[i] {
            out.push('…');
            while i < tokens.len() && blanked[i] {
                i += 1;
            }
        } else {
            out.push_str(&tokens[i].0);
            i += 1;
        }
    }
    collapse(&out)
}

/// The quote with every content word whose `word_stem` is `stem` blanked: the words the
/// give-away rule counts as one ("rishikuar" and "Rishikimi", review 42).
pub(super) fn blank_stem(quote: &str, stem: &str) -> String {
    let tokens = tokens(quote);
    let blanked: Vec<bool> = tokens
        .iter()
        .map(|(t, w)| *w && !content_words(t).is_empty() && word_stem(t) == stem)
        .collect();
    joined(&tokens, &blanked)
}

/// The quote with an abbreviation blanked where it stands as a word, with its inflection
/// ("APAP-i", "AP-së", "A-IPIF" for "A/IPIF"): "…".
pub(super) fn blank_abbr(quote: &str, abbr: &str) -> String {
    let forms = [abbr.to_string(), abbr.replace('/', "-")];
    let mut out = String::with_capacity(quote.len());
    let mut rest = quote;
    let mut prev: Option<char> = None;
    'outer: while !rest.is_empty() {
        if !prev.is_some_and(crate::text::is_word_char) {
            for f in &forms {
                if let Some(after) = rest.strip_prefix(f.as_str())
                    && !after.starts_with(crate::text::is_word_char)
                {
                    // The inflection: "-" and lower-case letters ("-së", "-ja").
                    let mut after = after;
                    if let Some(suffix) = after.strip_prefix('-') {
                        let n = suffix
                            .char_indices()
                            .find(|(_, c)| !(crate::text::is_letter(*c) && c.is_lowercase()))
                            .map_or(suffix.len(), |(i, _)| i);
                        if n > 0 {
                            after = &suffix[n..];
                        }
                    }
                    out.push('…');
                    prev = Some('…');
                    rest = after;
                    continue 'outer;
                }
            }
        }
        let c = rest.chars().next().unwrap();
        out.push(c);
        prev = Some(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Words that say when, from the locale pack (the content's language): units of time and
/// the words that bound them, by how they begin (`quiz_time_words`: "brenda", "maksimum",
/// "çdo" …), short ones matched whole (`quiz_time_words_whole`: "dy" begins "dyshohet"),
/// and the little words a run of blanks swallows (`quiz_time_glue`: "… prej …").
pub struct TimeWords {
    stems: Vec<String>,
    whole: Vec<String>,
    glue: Vec<String>,
}

impl TimeWords {
    pub fn from_pack(ui: &std::collections::HashMap<String, String>) -> TimeWords {
        let list = |key: &str| -> Vec<String> {
            ui.get(key)
                .map(|v| v.split_whitespace().map(str::to_lowercase).collect())
                .unwrap_or_default()
        };
        TimeWords {
            stems: list("quiz_time_words"),
            whole: list("quiz_time_words_whole"),
            glue: list("quiz_time_glue"),
        }
    }

    /// Where a long time word begins inside a word run together with another
    /// ("dërgonmenjëherë"): the byte offset, past the word's start.
    fn inside(&self, w: &str) -> Option<usize> {
        let lower = w.lowered();
        if lower.len() != w.len() || self.stems.iter().any(|t| lower.starts_with(t.as_str())) {
            return None;
        }
        self.stems
            .iter()
            .filter(|t| crate::text::at_least(t, 7))
            .find_map(|t| lower.find(t.as_str()))
            .filter(|&i| i > 0)
    }

    pub(super) fn timed(&self, w: &str) -> bool {
        let w = w.lowered();
        w.chars().all(|c| c.is_ascii_digit())
            // A long stem inside a word too: the source's "dërgonmenjëherë".
            || self
                .stems
                .iter()
                .any(|t| w.starts_with(t.as_str()) || (crate::text::at_least(t, 7) && w.contains(t.as_str())))
            || self.whole.contains(&w)
    }
}

/// The quote with the words that set a deadline blanked, where the timing's words stand in
/// it: "…, NJVRN-të kryejnë vlerësimin e të rriturve" for "Brenda 1 jave, NJVRN-të …".
pub(super) fn blank_deadline(quote: &str, timing_words: &str, tw: &TimeWords) -> String {
    // An elided quote's words: each piece blanked where it stands (`text::quote`).
    if crate::text::quote::is_elided(timing_words) {
        return crate::text::quote::pieces(timing_words)
            .iter()
            .fold(quote.to_string(), |q, p| blank_deadline(&q, p, tw));
    }
    let words = timing_words.single_spaced();
    let mut lower = words.chars();
    let lower: String = lower
        .next()
        .map(|c| c.to_lowercase().chain(lower).collect())
        .unwrap_or_default();
    let Some((at, len)) = [words.as_str(), lower.as_str()]
        .into_iter()
        .filter(|w| !w.is_empty())
        .find_map(|w| quote.find(w).map(|i| (i, w.len())))
    else {
        return quote.to_string();
    };
    let timed = |w: &str| tw.timed(w);
    let mut part = String::new();
    let mut word = String::new();
    let flush = |word: &mut String, part: &mut String| {
        if !word.is_empty() {
            match tw.inside(word) {
                // The source's run-together "dërgonmenjëherë": the verb stays.
                Some(i) => {
                    part.push_str(&word[..i]);
                    part.push('…');
                }
                None => part.push_str(if timed(word) { "…" } else { word }),
            }
            word.clear();
        }
    };
    for c in quote[at..at + len].chars() {
        if crate::text::is_word_char(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut part);
            part.push(c);
        }
    }
    flush(&mut word, &mut part);
    // One "…" for a run of them ("… … …", "… një …", "… prej …"), a blanked number in
    // brackets too ("brenda 2 (dy) ditëve": "…", not "… (…) …").
    loop {
        let before = part.clone();
        for glue in std::iter::once(String::new()).chain(tw.glue.iter().map(|g| format!("{g} "))) {
            part = part.replace(&format!("… {glue}…"), "…");
        }
        // "2-javësh", "dy-vjeçare": one word, one blank.
        part = part
            .replace("… (…)", "…")
            .replace("(…) …", "…")
            .replace("…-…", "…");
        if part == before {
            break;
        }
    }
    // A little word left before the blank would tell its answer ("më shumë se një …" fits
    // only "1 orë", "brenda të …" only "brenda të njëjtës ditë", review 43, L12): the blank
    // takes the timing's little words before it too.
    if let Some(i) = part.find('…') {
        let mut head = part[..i].to_string();
        while head.ends_with(' ') {
            let t = head.trim_end();
            let start = t
                .char_indices()
                .rev()
                .find(|(_, c)| !crate::text::is_word_char(*c))
                .map_or(0, |(j, c)| j + c.len_utf8());
            if start == t.len() || !tw.glue.contains(&t[start..].lowered()) {
                break;
            }
            head = t[..start].to_string();
        }
        part = format!("{head}{}", &part[i..]);
    }
    // A blank at a sentence's end takes its full stop: "… një …. Pas" reads "… një … Pas".
    format!("{}{part}{}", &quote[..at], &quote[at + len..]).replace("….", "…")
}

/// The little words an inflected title changes ("Menaxheri i rastit", "Menaxherin e
/// Rastit", "menaxher të rastit"): any of them stands for any other.
const LITTLE: &[&str] = &["i", "e", "të", "së", "për", "a", "the", "of"];

/// The quote with every phrase that names a role blanked ("…"): `phrases` its title and
/// the other words the source names it by, matched word by word with their inflection (a
/// word of the quote begins with the phrase word less its last letter, "Menaxherin e
/// Rastit" for "Menaxheri i rastit"; the little words "i", "e", "të" … stand for each
/// other). A lone word the phrase shares with the rest of the quote (an object noun,
/// "rastit", "shërbimeve") is never blanked.
pub(super) fn blank_phrases(quote: &str, phrases: &[String]) -> String {
    // No name to blank (a "by when?" names no role): the quote as it is, as the tokens
    // joined again with none blanked give it.
    if phrases.is_empty() {
        return quote.to_string();
    }
    // The quote as words and what stands between them.
    let tokens = tokens(quote);
    let mut blanked = vec![false; tokens.len()];
    // The indices of the word tokens.
    let words: Vec<usize> = (0..tokens.len()).filter(|&i| tokens[i].1).collect();
    // Each token lower-cased, with its length in characters (made once, not once per
    // phrase and place).
    let lower: Vec<(String, usize)> = tokens
        .iter()
        .map(|(t, _)| {
            let l = t.lowered();
            let n = l.chars().count();
            (l, n)
        })
        .collect();
    for phrase in phrases {
        let pattern: Vec<String> = phrase
            .split(|c: char| !crate::text::is_word_char(c))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        if pattern.is_empty() || pattern.iter().all(|w| LITTLE.contains(&w.as_str())) {
            continue;
        }
        // Each word of the phrase: a little word (any little word fits it), or the stem a
        // word must start with and the most characters it may have.
        let pattern: Vec<Option<(String, usize)>> = pattern
            .iter()
            .map(|p| {
                (!LITTLE.contains(&p.as_str())).then(|| {
                    let stem = inflection_stem(p);
                    let len = stem.chars().count();
                    (stem, len + if len < 6 { 3 } else { 4 })
                })
            })
            .collect();
        let fits = |p: &Option<(String, usize)>, i: usize| -> bool {
            let (w, n) = &lower[i];
            match p {
                None => LITTLE.contains(&w.as_str()),
                Some((stem, most)) => w.starts_with(stem.as_str()) && n <= most,
            }
        };
        for start in 0..words.len() {
            if start + pattern.len() > words.len() {
                break;
            }
            let span = &words[start..start + pattern.len()];
            // The words follow each other, only spaces between them, or the hyphen or
            // slash the name itself prints there ("Drejtuesi i AP-së", "punonjës/menaxher").
            let joined = span.windows(2).all(|w| {
                (w[0] + 1..w[1]).all(|i| {
                    let t = tokens[i].0.trim();
                    t.is_empty() || ((t == "-" || t == "/") && phrase.contains(t))
                })
            });
            if joined && span.iter().zip(&pattern).all(|(&i, p)| fits(p, i)) {
                for b in &mut blanked[span[0]..=span[span.len() - 1]] {
                    *b = true;
                }
            }
        }
    }
    joined(&tokens, &blanked)
}

/// The words of `quote` that point to the answer: a word (by `word_stem`) of a correct
/// choice that no wrong choice has. A question that keeps one is no question (`build`
/// leaves it out).
pub fn pointing(quote: &str, correct: &[String], wrong: &[String]) -> Vec<String> {
    let of = |texts: &[String]| -> std::collections::BTreeSet<String> {
        texts.iter().flat_map(|t| stems(t)).collect()
    };
    let wrong = of(wrong);
    let correct = of(correct);
    pointing_words(quote)
        .into_iter()
        .filter(|w| correct.contains(&word_stem(w)) && !wrong.contains(&word_stem(w)))
        .collect()
}

/// The share of the content words of `whole` that `quote` (the same text, some words
/// blanked) keeps.
pub fn kept(quote: &str, whole: &str) -> f64 {
    let all = content_words(whole).len();
    if all == 0 {
        return 1.0;
    }
    content_words(quote).len() as f64 / all as f64
}

/// The quote with a run of two words or more of a name blanked, in any order ("plan
/// individual të riintegrimit" for the form "Plani i riintegrimit individual"): the words
/// follow each other, only spaces and little words between them.
pub(super) fn blank_runs(quote: &str, names: &[String]) -> String {
    let mut out = quote.to_string();
    for name in names {
        let words = content_words(name);
        if words.len() < 2 {
            continue;
        }
        // Each word's stem and the most characters a word starting with it may have.
        let stems: Vec<(String, usize)> = words
            .iter()
            .map(|p| {
                let stem = inflection_stem(p);
                let most = stem.chars().count() + 4;
                (stem, most)
            })
            .collect();
        let tokens = tokens(&out);
        // Each token lower-cased with its length in characters, and whether it is a little
        // word (no content word), made once.
        let lower: Vec<(String, usize, bool)> = tokens
            .iter()
            .map(|(t, _)| {
                let l = t.lowered();
                let n = l.chars().count();
                (l, n, content_words(t).is_empty())
            })
            .collect();
        let fits_stem = |i: usize, (stem, most): &(String, usize)| {
            let (w, n, _) = &lower[i];
            w.starts_with(stem.as_str()) && n <= most
        };
        let fits = |i: usize| stems.iter().any(|s| fits_stem(i, s));
        let is_head = |i: usize| fits_stem(i, &stems[0]);
        let little = |i: usize| lower[i].2;
        let mut blanked = vec![false; tokens.len()];
        let mut i = 0;
        while i < tokens.len() {
            if !(tokens[i].1 && !little(i) && fits(i)) {
                i += 1;
                continue;
            }
            // The run from i: fitting words, little words and spaces between them.
            let (mut j, mut last, mut count, mut has_head) = (i, i, 0, false);
            while j < tokens.len() {
                let (t, w) = &tokens[j];
                if !w {
                    if !t.trim().is_empty() {
                        break;
                    }
                } else if !little(j) {
                    if !fits(j) {
                        break;
                    }
                    count += 1;
                    last = j;
                    has_head |= is_head(j);
                } else if LITTLE.iter().all(|l| *l != lower[j].0) {
                    break;
                }
                j += 1;
            }
            // A run after "në" is a place, no name: "njësi administrative" in "punonjësve
            // në njësi administrative" (review 39, F12), unless it holds the name's head.
            let place = tokens[..i]
                .iter()
                .rev()
                .find(|(t, w)| *w || !t.trim().is_empty())
                .is_some_and(|(t, _)| t.lowered() == "në");
            if count >= 2 && (has_head || !place) {
                for b in blanked.iter_mut().take(last + 1).skip(i) {
                    *b = true;
                }
            }
            i = last + 1;
        }
        out = joined(&tokens, &blanked);
    }
    out
}
