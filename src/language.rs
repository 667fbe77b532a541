//! What a handbook's language decides besides its interface strings: how its words are
//! searched. Shared by rendering (which script a page loads) and search (the analyzer);
//! the analyzer itself is `pipeline::search::analyzer`.

use serde::Serialize;

/// Albanian words too common to tell documents apart (folded): articles, the particle
/// "të", prepositions, conjunctions, pronouns and the forms of "to be" and "to have".
pub const STOP_SQ: &[&str] = &[
    "a", "ai", "ajo", "apo", "ata", "ato", "do", "dhe", "e", "edhe", "eshte", "i", "jane", "ka",
    "kane", "ketij", "kjo", "ku", "ky", "me", "mbi", "ne", "nga", "nje", "o", "ose", "pa", "per",
    "por", "qe", "sa", "se", "si", "tek", "te", "tij", "saj", "tyre", "u",
];

/// English stop words: the list Lucene and tantivy use.
pub const STOP_EN: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
    "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these",
    "they", "this", "to", "was", "will", "with",
];

/// How the words of a handbook's language are analysed; chosen by `language` in
/// `doracak.toml`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Analysis {
    /// `sq`: Albanian stop words and suffix stripping.
    #[serde(rename = "sq")]
    Albanian,
    /// `en`: English stop words and the Snowball English stemmer.
    #[serde(rename = "en")]
    English,
    /// Any other language: folding only, no stop words, no stemming.
    #[serde(rename = "fold")]
    Folding,
}

impl Analysis {
    /// The analysis for a language code of `doracak.toml` (`sq`, `en`, `sq-AL` …).
    pub fn for_language(code: &str) -> Analysis {
        let primary = code.split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "sq" => Analysis::Albanian,
            "en" => Analysis::English,
            _ => Analysis::Folding,
        }
    }

    /// The stop words, folded.
    pub fn stop_words(self) -> &'static [&'static str] {
        match self {
            Analysis::Albanian => STOP_SQ,
            Analysis::English => STOP_EN,
            Analysis::Folding => &[],
        }
    }
}
