//! The gaps of a blanked quote: each run of blanks, with the little words and the articles
//! of one phrase between them, one "…"; never across a conjunction.

use super::blank::STOP;

/// The words that join two phrases: a blank never spans them (review 39, F3).
const CONJUNCTIONS: &[&str] = &["dhe", "ose", "apo", "and", "or"];

/// The articles of a genitive or an adjective ("punonjësi i shërbimit", "Agjencia … e
/// …"): between two blanks, or after one with nothing after them, they belong to the
/// blanked phrase.
pub(super) const ARTICLES: &[&str] = &["i", "e", "të", "së"];

/// One "…" for a run of blanks and the little words between them ("… të …", "… i …",
/// "… …", "…/…"): a blanked phrase reads as one gap, not as a row of holes. An article
/// left after a blank with nothing to govern ("nga … i.") goes with it.
pub(super) fn collapse(quote: &str) -> String {
    // (No blank, nothing to collapse: every pattern below holds one.)
    if !quote.contains('…') {
        return quote.to_string();
    }
    // "… të …" and the like, made once: never across a conjunction ("NJMF-në dhe PMF-ja"
    // are two phrases, two roles).
    static BETWEEN: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        STOP.iter()
            .chain(ARTICLES)
            .filter(|w| !CONJUNCTIONS.contains(w))
            .map(|w| format!("… {w} …"))
            .collect()
    });
    let mut quote = quote.to_string();
    loop {
        let before = quote.clone();
        quote = quote.replace("… …", "…").replace("…/…", "…");
        // (Each begins "… ": where none stands, none is there.)
        if quote.contains("… ") {
            for between in BETWEEN.iter() {
                if quote.contains(between.as_str()) {
                    quote = quote.replace(between.as_str(), "…");
                }
            }
        }
        quote = orphans(&quote);
        if quote == before {
            return quote;
        }
    }
}

/// The quote without an article that stands after a blank at the end of a sentence or
/// clause ("… i.", "… e,"), where it governs nothing.
fn orphans(quote: &str) -> String {
    let mut out = quote.to_string();
    for a in ARTICLES {
        let lone = format!("… {a}");
        let mut from = 0;
        while let Some(i) = out[from..].find(&lone).map(|i| i + from) {
            let end = i + lone.len();
            let next = out[end..].chars().next();
            if next.is_none_or(|c| ".,;:)“\"?!".contains(c)) {
                out.replace_range(i..end, "…");
                from = i + '…'.len_utf8();
            } else {
                from = end;
            }
        }
    }
    out
}

/// `quote` with each word (a run of letters and digits) for which `gap` says so made
/// `mark` ("…"), everything between the words as it was.
pub(super) fn blank_each_word(
    quote: &str,
    mark: &str,
    mut gap: impl FnMut(&str) -> bool,
) -> String {
    blank_each_word_at(quote, mark, |_, w| gap(w))
}

/// `blank_each_word`, `gap` told where each word starts in `quote` (a byte offset).
pub(super) fn blank_each_word_at(
    quote: &str,
    mark: &str,
    mut gap: impl FnMut(usize, &str) -> bool,
) -> String {
    let mut out = String::with_capacity(quote.len());
    let mut word = String::new();
    let mut start = 0;
    let mut flush = |start: usize, word: &mut String, out: &mut String| {
        out.push_str(if !word.is_empty() && gap(start, word) {
            mark
        } else {
            word
        });
        word.clear();
    };
    for (i, ch) in quote.char_indices() {
        if crate::text::is_word_char(ch) {
            if word.is_empty() {
                start = i;
            }
            word.push(ch);
        } else {
            flush(start, &mut word, &mut out);
            out.push(ch);
        }
    }
    flush(start, &mut word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::collapse;

    #[test]
    fn a_phrase_and_its_genitive_are_one_gap_but_two_answers_are_two() {
        assert_eq!(collapse("nga … ose … i …"), "nga … ose …");
        assert_eq!(collapse("Agjencia … e …"), "Agjencia …");
        assert_eq!(collapse("… i … së …, që"), "…, që");
        assert_eq!(collapse("cakton një …/…, i cili"), "cakton një …, i cili");
        assert_eq!(collapse("realizohet nga … i. Pas"), "realizohet nga …. Pas");
        // Never across a conjunction, never an article that governs a word.
        assert_eq!(collapse("me … dhe … verifikon"), "me … dhe … verifikon");
        assert_eq!(collapse("… apo … e …"), "… apo …");
        assert_eq!(collapse("… e trafikimit"), "… e trafikimit");
        assert_eq!(collapse("… e …-së"), "…-së");
        assert_eq!(collapse("… i/e trafikuar"), "… i/e trafikuar");
    }
}
