//! The text analyzer of doracak's search, one per handbook language, as a tantivy
//! tokenizer pipeline:
//!
//! 1. `Splitter`: words are runs of letters and digits; a `/` between two such runs joins
//!    them (`G/SPIF`, `VT/VMT`), and the compound is emitted together with its parts, so
//!    both "G/SPIF" and "SPIF" find it.
//! 2. `fold`: Unicode compatibility decomposition, combining marks dropped, a few Latin
//!    letters mapped (ë→e, ç→c, ß→ss …), then lowercase — so "deshmi" meets "dëshmi".
//! 3. stop words of the language dropped ("i", "e", "të", "dhe"; "the", "of", "and"), so
//!    they no longer match nearly every document.
//! 4. stemming, by the language (`Analysis`):
//!    - `sq`: light suffix stripping for Albanian inflection (ankesë / ankesa / ankesat /
//!      ankesave → ankes) and the two endings of action nouns and participles (raportim,
//!      raportuar → raport), repeated while a suffix matches and at least `MIN_STEM`
//!      letters remain, at most `MAX_STRIPS` times. Tokens with digits or `/` are not
//!      stemmed.
//!    - `en`: the Snowball English stemmer that tantivy ships (reported → report; policies
//!      → polici, not police); the other Snowball languages likewise (`Analysis::Snowball`).
//!    - any other language: folding only.
//!
//! The browser reproduces steps 1–3 and Albanian's step 4 on the query
//! (`theme/static/search-engine.js`), reading the language, the stop words and the
//! Albanian suffixes from the index itself; a test proves the two agree. A stemmer runs
//! only here, at build time: for English and the Snowball languages the index carries every
//! word form of the handbook with its term, and a query is read through that table, in the
//! browser and in `doracak search` alike (`index::parse_forms`).

use crate::text::TextExt;

use tantivy::tokenizer::{Stemmer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer};

/// Albanian inflectional endings (after folding), tried in this order. The final "s"
/// catches the genitive of i- and ë-stems once their vowel is gone (dëshmisë → dëshmis →
/// dëshmi), so every form of a word reaches the same stem. "uar", "ues" and "im" end
/// participles, agent nouns and action nouns (raportuar, raportues, raportim → raport;
/// vlerësuar, vlerësim → vlerës), so a deed and its report meet.
pub const SUFFIXES: &[&str] = &[
    "eve", "ave", "ive", "esh", "ise", "ite", "uar", "ues", "it", "in", "im", "et", "at", "es",
    "en", "ve", "te", "ne", "a", "e", "i", "s",
];

/// The endings among `SUFFIXES` that make a word from another (raportim, raportuar from
/// raport): stripping stops after one, so vlerësuar and vlerësimit both end at vlerës
/// instead of one of them going on to "vler".
pub const DERIVATIONAL: &[&str] = &["uar", "ues", "im"];

/// The shortest stem suffix stripping may leave.
pub const MIN_STEM: usize = 4;

/// How many endings stripping may take off one word: two reach the stem of every
/// inflected form (dëshmisë → dëshmis → dëshmi); a third would start on derivation
/// (penalitetit → penalitet → penalit → penal, meeting "penal").
pub const MAX_STRIPS: usize = 2;

pub use crate::language::{Analysis, STOP_EN, STOP_SQ};

impl Analysis {
    /// The name an index is registered under in tantivy.
    pub fn tokenizer_name(self) -> &'static str {
        match self {
            Analysis::Albanian => "doracak_sq",
            Analysis::English => "doracak_en",
            Analysis::Snowball(_) => "doracak_snowball",
            Analysis::Folding => "doracak_fold",
        }
    }

    /// Whether a query is read through the index's table of word forms (English and the
    /// Snowball languages: the stemmer runs once, at build time, over the handbook's words)
    /// rather than by the analyzer itself (Albanian's suffixes, folding).
    pub fn reads_forms(self) -> bool {
        matches!(self, Analysis::English | Analysis::Snowball(_))
    }

    /// The tantivy analyzer of this language.
    pub fn analyzer(self) -> TextAnalyzer {
        if let Analysis::Snowball(language) = self {
            // Lowercase, the Arabic letters unified, stop words, the stemmer on the word as
            // written (Snowball expects its accents), then folding.
            let mut b = TextAnalyzer::builder(Splitter)
                .filter(tantivy::tokenizer::LowerCaser)
                .dynamic();
            if language == tantivy::tokenizer::Language::Arabic {
                b = b.filter_dynamic(Map(crate::text::normalize_arabic));
            }
            if let Some(stop) = tantivy::tokenizer::StopWordFilter::new(language) {
                b = b.filter_dynamic(stop);
            }
            return b
                .filter_dynamic(Stemmer::new(language))
                .filter_dynamic(Normalize(self))
                .build();
        }
        let base = TextAnalyzer::builder(Splitter).filter(Normalize(self));
        match self {
            Analysis::English => base
                .filter(Stemmer::new(tantivy::tokenizer::Language::English))
                .build(),
            _ => base.build(),
        }
    }

    /// The term `analyzer` (this language's) makes of one word as `spans` finds it, or
    /// `None` for a stop word. Every filter works on one word at a time, so a word gives
    /// the same term alone as in its text; a compound's own term comes before its parts'.
    pub fn term_of(analyzer: &mut TextAnalyzer, word: &str) -> Option<String> {
        let mut stream = analyzer.token_stream(word);
        stream.advance().then(|| stream.token().text.clone())
    }

    /// The analyzed terms of a text, in order.
    pub fn analyze(self, text: &str) -> Vec<String> {
        let mut a = self.analyzer();
        let mut stream = a.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }
}

fn fold_lower(s: &mut String) {
    if s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'/') {
        // Most words: nothing to fold, lowercase in place.
        s.make_ascii_lowercase();
    } else if s
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | 'ë' | 'Ë' | 'ç' | 'Ç'))
    {
        // Albanian words: the two letters with marks map straight to their base.
        *s = s
            .chars()
            .map(|c| match c {
                'ë' | 'Ë' => 'e',
                'ç' | 'Ç' => 'c',
                c => c.to_ascii_lowercase(),
            })
            .collect();
    } else {
        *s = crate::text::fold(s).lowered();
    }
}

/// Strip Albanian endings from a folded, lowercased word.
pub fn stem(word: &str) -> String {
    word[..stem_len(word)].to_string()
}

/// The length in bytes of the stem of `word`: endings stripped while one matches and at
/// least `MIN_STEM` letters remain; a word with anything but letters is left whole.
fn stem_len(word: &str) -> usize {
    if word.chars().any(|c| !crate::text::is_letter(c)) {
        return word.len();
    }
    let mut w = word;
    'again: for _ in 0..MAX_STRIPS {
        for suf in SUFFIXES {
            if let Some(stemmed) = w.strip_suffix(suf)
                && stemmed.chars().count() >= MIN_STEM
            {
                w = stemmed;
                if DERIVATIONAL.contains(suf) {
                    break 'again;
                }
                continue 'again;
            }
        }
        break;
    }
    w.len()
}

// --- 1. the splitter --------------------------------------------------------------------

#[derive(Clone, Copy)]
pub struct Splitter;

pub struct SplitStream {
    tokens: Vec<Token>,
    next: usize,
}

impl Tokenizer for Splitter {
    type TokenStream<'a> = SplitStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> SplitStream {
        SplitStream {
            tokens: split(text),
            next: 0,
        }
    }
}

impl TokenStream for SplitStream {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }
    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

/// Words of `text` with byte offsets and positions; `/`-compounds with their parts.
fn split(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    spans(text, |from, to, position| {
        out.push(Token {
            offset_from: from,
            offset_to: to,
            position,
            text: text[from..to].to_string(),
            position_length: 1,
        })
    });
    out
}

/// The words of `text` as the splitter finds them, without copying them: `f(from, to,
/// position)` for each, in order, a `/`-compound before its parts. The index builder
/// analyses each distinct word once (`Analysis::term_of`) instead of every occurrence.
pub fn spans(text: &str, mut f: impl FnMut(usize, usize, usize)) {
    let bytes = text.as_bytes();
    // Whether the character at byte `i` is a word's, and its length: an ASCII byte looked
    // at alone (most of the text), any other character decoded.
    let at = |i: usize| -> (bool, usize) {
        match bytes[i] {
            b if b < 0x80 => (b.is_ascii_alphanumeric(), 1),
            _ => text[i..]
                .chars()
                .next()
                .map_or((false, 1), |c| (crate::text::is_word_char(c), c.len_utf8())),
        }
    };
    let mut position = 0usize;
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let (word, len) = at(i);
        if !word {
            i += len;
            continue;
        }
        // One compound: runs of alphanumerics joined by single '/' (byte ranges).
        parts.clear();
        let start = i;
        let mut run_start = i;
        let end = loop {
            while i < bytes.len() {
                let (word, len) = at(i);
                if !word {
                    break;
                }
                i += len;
            }
            parts.push((run_start, i));
            if bytes.get(i) == Some(&b'/') && i + 1 < bytes.len() && at(i + 1).0 {
                i += 1; // the '/'
                run_start = i;
                continue;
            }
            break i;
        };
        if parts.len() > 1 {
            f(start, end, position);
        }
        for (k, &(a, b)) in parts.iter().enumerate() {
            f(a, b, position + k);
        }
        position += parts.len();
    }
}

// --- 2, 3 and the Albanian 4: folding, stop words, suffixes ----------------------------

/// A token filter that folds each token, drops the language's stop words and, for
/// Albanian, strips suffixes.
/// A filter that rewrites each token's text in place.
#[derive(Clone, Copy)]
pub struct Map(pub fn(&mut String));

#[derive(Clone)]
pub struct MapTokenizer<T> {
    inner: T,
    f: fn(&mut String),
}

pub struct MapStream<S> {
    inner: S,
    f: fn(&mut String),
}

impl TokenFilter for Map {
    type Tokenizer<T: Tokenizer> = MapTokenizer<T>;
    fn transform<T: Tokenizer>(self, inner: T) -> MapTokenizer<T> {
        MapTokenizer { inner, f: self.0 }
    }
}

impl<T: Tokenizer> Tokenizer for MapTokenizer<T> {
    type TokenStream<'a> = MapStream<T::TokenStream<'a>>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        MapStream {
            inner: self.inner.token_stream(text),
            f: self.f,
        }
    }
}

impl<S: TokenStream> TokenStream for MapStream<S> {
    fn advance(&mut self) -> bool {
        if !self.inner.advance() {
            return false;
        }
        (self.f)(&mut self.inner.token_mut().text);
        true
    }
    fn token(&self) -> &Token {
        self.inner.token()
    }
    fn token_mut(&mut self) -> &mut Token {
        self.inner.token_mut()
    }
}

#[derive(Clone, Copy)]
pub struct Normalize(pub Analysis);

#[derive(Clone)]
pub struct NormalizeTokenizer<T> {
    inner: T,
    analysis: Analysis,
}

pub struct NormalizeStream<S> {
    inner: S,
    analysis: Analysis,
}

impl TokenFilter for Normalize {
    type Tokenizer<T: Tokenizer> = NormalizeTokenizer<T>;
    fn transform<T: Tokenizer>(self, inner: T) -> NormalizeTokenizer<T> {
        NormalizeTokenizer {
            inner,
            analysis: self.0,
        }
    }
}

impl<T: Tokenizer> Tokenizer for NormalizeTokenizer<T> {
    type TokenStream<'a> = NormalizeStream<T::TokenStream<'a>>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        NormalizeStream {
            inner: self.inner.token_stream(text),
            analysis: self.analysis,
        }
    }
}

impl<S: TokenStream> TokenStream for NormalizeStream<S> {
    fn advance(&mut self) -> bool {
        loop {
            if !self.inner.advance() {
                return false;
            }
            let text = &mut self.inner.token_mut().text;
            fold_lower(text);
            if self.analysis.stop_words().contains(&text.as_str()) {
                continue;
            }
            if self.analysis == Analysis::Albanian {
                let keep = stem_len(text);
                text.truncate(keep);
            }
            return true;
        }
    }
    fn token(&self) -> &Token {
        self.inner.token()
    }
    fn token_mut(&mut self) -> &mut Token {
        self.inner.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyze(text: &str) -> Vec<String> {
        Analysis::Albanian.analyze(text)
    }

    #[test]
    fn inflections_meet() {
        let stems: Vec<String> = [
            "ankesë", "ankesa", "ankesat", "ankesave", "ankesës", "Ankese",
        ]
        .iter()
        .map(|w| analyze(w).remove(0))
        .collect();
        assert!(stems.iter().all(|s| s == &stems[0]), "{stems:?}");
        assert_eq!(analyze("dëshmisë")[0], analyze("dëshmi")[0]);
        assert_eq!(analyze("intervistën")[0], analyze("intervista")[0]);
        assert_eq!(analyze("dëshmi")[0], analyze("deshmia")[0]);
        assert_eq!(analyze("fëmijë")[0], analyze("femijeve")[0]);
        assert_eq!(analyze("penaliteti")[0], analyze("penalitetit")[0]);
        assert_ne!(
            analyze("penaliteti")[0],
            analyze("penal")[0],
            "inflection is stripped, derivation is not"
        );
    }

    #[test]
    fn abbreviations_stay_findable() {
        assert_eq!(analyze("G/SPIF"), vec!["g/spif", "g", "spif"]);
        assert_eq!(analyze("VT/VMT"), vec!["vt/vmt", "vt", "vmt"]);
        assert_eq!(analyze("APAP"), vec!["apap"]);
        assert_eq!(analyze("60 minuta"), vec!["60", "minut"]);
    }

    #[test]
    fn offsets_point_into_the_text() {
        let text = "Çdo fëmijë, G/SPIF.";
        let mut a = Analysis::Albanian.analyzer();
        let mut s = a.token_stream(text);
        let mut seen = Vec::new();
        while s.advance() {
            let t = s.token();
            seen.push(text[t.offset_from..t.offset_to].to_string());
        }
        assert_eq!(seen, vec!["Çdo", "fëmijë", "G/SPIF", "G", "SPIF"]);
    }

    #[test]
    fn albanian_stop_words_match_nothing() {
        assert_eq!(analyze("vlerësimi i nevojave"), vec!["vleres", "nevoj"]);
        assert!(analyze("i e të në dhe për nga").is_empty());
    }

    #[test]
    fn a_deed_and_its_report_meet() {
        let stems: Vec<String> = [
            "raport",
            "raporti",
            "raportim",
            "raportimi",
            "raportimit",
            "raportuar",
            "raportuara",
            "raportues",
        ]
        .iter()
        .map(|w| analyze(w).remove(0))
        .collect();
        assert!(stems.iter().all(|s| s == "raport"), "{stems:?}");
        assert_eq!(analyze("identifikimi")[0], analyze("identifikuar")[0]);
        assert_eq!(analyze("vlerësimit")[0], analyze("vlerësuar")[0]);
    }

    #[test]
    fn english_stems_and_stops() {
        let en = Analysis::English;
        assert_eq!(en.analyze("reported"), en.analyze("report"));
        assert_eq!(en.analyze("reporting"), en.analyze("reports"));
        assert_ne!(en.analyze("policies"), en.analyze("police"));
        assert_eq!(en.analyze("policies"), en.analyze("policy"));
        assert_eq!(en.analyze("within the hour"), vec!["within", "hour"]);
        assert_eq!(
            en.analyze("Naïve G/SPIF"),
            vec!["naiv", "g/spif", "g", "spif"]
        );
    }

    #[test]
    fn other_languages_fold_only() {
        // Polish: no Snowball stemmer in tantivy.
        let f = Analysis::for_language("pl");
        assert_eq!(f, Analysis::Folding);
        assert_eq!(
            f.analyze("Straße und Ämter"),
            vec!["strasse", "und", "amter"]
        );
        // German has one: its stop words go, its words are stemmed, then folded.
        let de = Analysis::for_language("de");
        assert_eq!(de, Analysis::Snowball(tantivy::tokenizer::Language::German));
        assert_eq!(de.analyze("Die Ämter und das Amt"), vec!["amt", "amt"]);
        assert_eq!(Analysis::for_language("sq-AL"), Analysis::Albanian);
        assert_eq!(Analysis::for_language("en_GB"), Analysis::English);
    }
}
