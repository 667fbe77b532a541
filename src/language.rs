//! What a handbook's language decides besides its interface strings: how its words are
//! searched. Shared by rendering (which script a page loads) and search (the analyzer);
//! the analyzer itself is `pipeline::search::analyzer`.

use serde::Serialize;
pub use tantivy::tokenizer::Language as SnowballLanguage;

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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Analysis {
    /// `sq`: Albanian stop words and suffix stripping.
    Albanian,
    /// `en`: English stop words and the Snowball English stemmer.
    English,
    /// A language of the Snowball family tantivy's stemmer offers (`fr`, `de`, `es`, `it`,
    /// `pt`, `nl`, `ru`, `ar`, `tr`, `el`, `da`, `fi`, `hu`, `no`, `ro`, `sv`, `ta`): its
    /// Snowball stop words (where tantivy has a list) and stemmer, done at build time; the
    /// index carries every word form's term, so the browser needs no stemmer.
    Snowball(SnowballLanguage),
    /// Any other language: folding only, no stop words, no stemming.
    Folding,
}

impl Serialize for Analysis {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl Analysis {
    /// The analysis for a language code of `doracak.toml` (`sq`, `en`, `sq-AL` …).
    pub fn for_language(code: &str) -> Analysis {
        let primary = code.split(['-', '_']).next().unwrap_or("");
        use SnowballLanguage as L;
        let snowball = |l| Analysis::Snowball(l);
        match primary.to_ascii_lowercase().as_str() {
            "sq" => Analysis::Albanian,
            "en" => Analysis::English,
            "ar" => snowball(L::Arabic),
            "da" => snowball(L::Danish),
            "nl" => snowball(L::Dutch),
            "fi" => snowball(L::Finnish),
            "fr" => snowball(L::French),
            "de" => snowball(L::German),
            "el" => snowball(L::Greek),
            "hu" => snowball(L::Hungarian),
            "it" => snowball(L::Italian),
            "no" | "nb" | "nn" => snowball(L::Norwegian),
            "pt" => snowball(L::Portuguese),
            "ro" => snowball(L::Romanian),
            "ru" => snowball(L::Russian),
            "es" => snowball(L::Spanish),
            "sv" => snowball(L::Swedish),
            "ta" => snowball(L::Tamil),
            "tr" => snowball(L::Turkish),
            _ => Analysis::Folding,
        }
    }

    /// How the index and the pages name the analysis: `sq`, `en`, `snowball`, `fold`.
    pub fn code(self) -> &'static str {
        match self {
            Analysis::Albanian => "sq",
            Analysis::English => "en",
            Analysis::Snowball(_) => "snowball",
            Analysis::Folding => "fold",
        }
    }

    /// The stop words, folded.
    pub fn stop_words(self) -> &'static [&'static str] {
        match self {
            Analysis::Albanian => STOP_SQ,
            Analysis::English => STOP_EN,
            Analysis::Snowball(_) | Analysis::Folding => &[],
        }
    }
}
