//! Markdown in content text → safe HTML.
//!
//! Content is data, never markup: raw HTML written in a YAML text is shown as text, and
//! the HTML pulldown-cmark produces is passed through ammonia's allowlist as a second
//! wall, so no script, event handler, frame or `javascript:`/`data:` URL can reach a page.

mod chapter;
mod examples;
pub use chapter::{ChapterSection, LINK_KINDS, chapter_html, chapter_sections};
pub use examples::{
    before_examples, empty_example_items, examples, leads_to_examples, normative, unmarked,
    without_examples, without_notes,
};

use std::collections::HashSet;
use std::sync::OnceLock;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, TextMergeStream, html};

/// The allowlist of a content text: the base one, and the examples' marks — a quoted
/// block is an example (`<blockquote class="example">`, the class set on every one), and
/// one printed inside its paragraph is `<span class="example">` (no other class).
fn sanitizer() -> &'static ammonia::Builder<'static> {
    static CLEAN: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEAN.get_or_init(|| {
        let mut b = base_sanitizer();
        b.add_tags(["span"])
            .add_allowed_classes("span", &["example"])
            .add_allowed_classes("blockquote", &["example"])
            .set_tag_attribute_value("blockquote", "class", "example");
        b
    })
}

/// The allowlist of content HTML (a chapter's adds anchors and footnotes to it).
fn base_sanitizer() -> ammonia::Builder<'static> {
    {
        let tags: HashSet<&str> = [
            "p",
            "br",
            "ul",
            "ol",
            "li",
            "em",
            "strong",
            "code",
            "pre",
            "blockquote",
            "a",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "hr",
            "del",
            "sup",
            "sub",
            "abbr",
        ]
        .into_iter()
        .collect();
        let mut b = ammonia::Builder::default();
        b.tags(tags)
            .url_schemes(["http", "https", "mailto"].into_iter().collect())
            .link_rel(Some("noopener noreferrer"))
            .url_relative(ammonia::UrlRelative::PassThrough)
            .add_tag_attributes("ol", &["start"])
            .add_tag_attributes("li", &["value"])
            .add_tag_attributes("abbr", &["title"]);
        b
    }
}

/// Render Markdown to sanitised HTML (block level: paragraphs, lists).
pub fn to_html(md: &str) -> String {
    to_html_marked(md, &Abbreviations::default())
}

/// Render Markdown to sanitised HTML, marking the abbreviations in its text with
/// `<abbr title="…">` and the examples the source prints inside a paragraph with
/// `<span class="example">` as it goes: the marks are events of the Markdown, made before
/// sanitising, so the sanitiser sees (and may refuse) them like any other markup.
pub fn to_html_marked(md: &str, abbr: &Abbreviations) -> String {
    // One line of plain text with no abbreviation in it: its paragraph, as the parser and
    // the sanitiser would write it (they unescape and escape the same characters back; the
    // sanitiser writes U+00A0 as `&nbsp;`, so a text holding one goes the long way).
    if !md.is_empty() && plain_already(md) && !md.contains('\u{a0}') {
        let marked = abbr.mark(CowStr::Borrowed(md));
        if matches!(marked.as_slice(), [Event::Text(t)] if t.as_ref() == md) {
            let mut out = String::with_capacity(md.len() + 8);
            out.push_str("<p>");
            out.push_str(md);
            out.push_str("</p>\n");
            return out;
        }
    }
    parsed_html_marked(md, abbr)
}

/// [`to_html_marked`] through the Markdown parser and the sanitiser.
fn parsed_html_marked(md: &str, abbr: &Abbreviations) -> String {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    // Raw HTML in content becomes visible text, never markup.
    let events = Parser::new_ext(md, opts)
        .into_offset_iter()
        .map(|(e, at)| match e {
            Event::Html(h) | Event::InlineHtml(h) => (Event::Text(h), at),
            other => (other, at),
        });
    let events = printed_numbers(md, events);
    let events = examples::mark_examples(md, events.into_iter());
    let events = TextMergeStream::new(events.into_iter()).flat_map(|e| match e {
        Event::Text(t) => abbr.mark(t),
        other => vec![other],
    });
    let mut out = String::with_capacity(md.len() * 5 / 4 + 16);
    html::push_html(&mut out, events);
    sanitizer().clean(&out).to_string()
}

/// Abbreviations to mark in content text, each with what it stands for ("G/SPIF" →
/// "Grupi i …"), so a reader sees the expansion wherever the abbreviation appears.
#[derive(Debug, Default, Clone)]
pub struct Abbreviations {
    /// (abbreviation, expansion), longest abbreviation first.
    terms: Vec<(String, String)>,
    /// By a term's first byte, the indices of the terms it begins, in `terms`' order: the
    /// only ones that may start at a place of a text.
    by_first: Vec<Vec<usize>>,
}

impl Abbreviations {
    /// From (abbreviation, expansion) pairs; abbreviations of one character are left out.
    pub fn new(pairs: impl IntoIterator<Item = (String, String)>) -> Self {
        let mut terms: Vec<(String, String)> = pairs
            .into_iter()
            .map(|(a, e)| (a.trim().to_string(), e.trim().to_string()))
            .filter(|(a, _)| crate::text::at_least(a, 2))
            .collect();
        terms.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        terms.dedup_by(|a, b| a.0 == b.0);
        let mut by_first = vec![Vec::new(); 256];
        for (k, (term, _)) in terms.iter().enumerate() {
            by_first[usize::from(term.as_bytes()[0])].push(k);
        }
        Abbreviations { terms, by_first }
    }

    /// One text event → the same text with every whole-word abbreviation marked.
    fn mark<'a>(&self, text: CowStr<'a>) -> Vec<Event<'a>> {
        if self.terms.is_empty() {
            return vec![Event::Text(text)];
        }
        let s: &str = &text;
        let mut events = Vec::new();
        // Where the plain text since the last mark begins.
        let mut start = 0;
        let mut i = 0;
        let mut prev: Option<char> = None;
        'outer: while i < s.len() {
            if prev.is_none_or(|c| !crate::text::is_word_char(c)) {
                let starting = self.by_first.get(usize::from(s.as_bytes()[i]));
                for (term, title) in starting.into_iter().flatten().map(|&k| &self.terms[k]) {
                    if s[i..].starts_with(term.as_str())
                        && s[i + term.len()..]
                            .chars()
                            .next()
                            .is_none_or(|c| !crate::text::is_word_char(c))
                    {
                        if start < i {
                            events.push(Event::Text(s[start..i].to_string().into()));
                        }
                        events.push(Event::InlineHtml(
                            format!("<abbr title=\"{}\">", escape_attr(title)).into(),
                        ));
                        events.push(Event::Text(term.clone().into()));
                        events.push(Event::InlineHtml("</abbr>".into()));
                        i += term.len();
                        start = i;
                        prev = term.chars().last();
                        continue 'outer;
                    }
                }
            }
            let c = s[i..].chars().next().unwrap_or(' ');
            prev = Some(c);
            i += c.len_utf8();
        }
        if events.is_empty() {
            return vec![Event::Text(text)];
        }
        if start < s.len() {
            events.push(Event::Text(s[start..].to_string().into()));
        }
        events
    }
}

fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The words of a Markdown text without its markup: list items and paragraphs become
/// lines, for search documents and snippets.
pub fn to_plain(md: &str) -> String {
    if plain_already(md) {
        return md.to_string();
    }
    parsed_plain(md)
}

/// [`to_plain`] through the Markdown parser.
fn parsed_plain(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    for e in Parser::new(md) {
        match e {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            // An example printed inside a list item (a quote after the item's words, which
            // stand in no paragraph) is a line of its own, as one after a paragraph is.
            Event::Start(Tag::BlockQuote(_)) if !out.ends_with('\n') && !out.is_empty() => {
                out.push('\n')
            }
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::Heading(_)
                | TagEnd::TableRow
                | TagEnd::CodeBlock,
            ) if !out.ends_with('\n') && !out.is_empty() => out.push('\n'),
            _ => {}
        }
    }
    out.trim_end().to_string()
}

/// The bytes [`plain_already`] refuses anywhere in a text, as a table (a text is scanned
/// each time a page or export takes it).
const MARKUP: [bool; 256] = {
    let mut t = [false; 256];
    let refused = b"\\`*_[]<>&~\n\r\0";
    let mut i = 0;
    while i < refused.len() {
        t[refused[i] as usize] = true;
        i += 1;
    }
    t
};

/// Whether `md` is one line of text that Markdown (without extensions) reads as one
/// paragraph of exactly its own characters: no white space at either end, nothing that
/// can open a block at its start (a list's or heading's mark, a quote, a fence, a digit
/// of a numbered item) and none of the characters of inline markup, escapes or entities
/// anywhere. Its plain text is then itself, parsed or not (most criteria and evidence).
fn plain_already(md: &str) -> bool {
    let Some(first) = md.chars().next() else {
        return true;
    };
    first.is_alphabetic() && md.trim_end().len() == md.len() && !has_markup(md.as_bytes())
}

/// Whether a byte of `b` is one [`MARKUP`] refuses: sixteen bytes at a time, one branch for
/// each sixteen (the texts are scanned often: 3.7 % of a large build's instructions were
/// this scan, a test and a branch for every byte).
fn has_markup(b: &[u8]) -> bool {
    let mut chunks = b.chunks_exact(16);
    for c in &mut chunks {
        if c.iter().fold(false, |any, &x| any | MARKUP[usize::from(x)]) {
            return true;
        }
    }
    chunks.remainder().iter().any(|&x| MARKUP[usize::from(x)])
}

/// Render a short text (a title, a table cell) without the surrounding paragraph.
pub fn to_inline_html(md: &str) -> String {
    let html = to_html(md);
    let trimmed = html.trim();
    match trimmed
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => html,
    }
}

/// An ordered list's items keep the numbers the source prints where they do not count on
/// from the first (002:1643-1663 "1, 2, 3, 4, 5, 5"): such an item is `<li value="N">`
/// (read-47a L-2); Markdown alone numbers on from the list's start.
fn printed_numbers<'a>(
    md: &str,
    events: impl Iterator<Item = (Event<'a>, std::ops::Range<usize>)>,
) -> Vec<(Event<'a>, std::ops::Range<usize>)> {
    // The number each open list expects next (`None`: a bulleted list).
    let mut lists: Vec<Option<u64>> = Vec::new();
    events
        .map(|(e, at)| match e {
            Event::Start(Tag::List(start)) => {
                lists.push(start);
                (Event::Start(Tag::List(start)), at)
            }
            Event::End(TagEnd::List(ordered)) => {
                lists.pop();
                (Event::End(TagEnd::List(ordered)), at)
            }
            Event::Start(Tag::Item) => {
                let Some(Some(expected)) = lists.last().copied() else {
                    return (Event::Start(Tag::Item), at);
                };
                let digits: String = md[at.start..]
                    .trim_start()
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                let printed = digits.parse::<u64>().unwrap_or(expected);
                if let Some(Some(next)) = lists.last_mut() {
                    *next = printed + 1;
                }
                if printed == expected {
                    (Event::Start(Tag::Item), at)
                } else {
                    (Event::Html(format!("<li value=\"{printed}\">").into()), at)
                }
            }
            other => (other, at),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_markup_finds_each_refused_byte_at_every_place() {
        // Each refused byte and a harmless one, at every offset of texts of every length
        // around the sixteen-byte chunks: the same answer as a scan of every byte.
        for len in 0..40 {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut t = vec![b'a'; len];
                    t[at] = b;
                    let slow = t.iter().any(|&x| MARKUP[usize::from(x)]);
                    assert_eq!(has_markup(&t), slow, "len {len} at {at} byte {b}");
                }
            }
        }
    }

    #[test]
    fn a_text_taken_as_its_own_plain_text_is_what_the_parser_makes_of_it() {
        let texts = [
            "Ofruesi i shërbimeve është përgjegjës brenda 2-javësh, nga momenti i akomodimit.",
            "Mundohu t›i përgjigjesh «mbyllet» (VT/VMT); nr. 5, p.sh. a: 1) b! c? 100 % $ ^ = |",
            "Çdo muaj  dy\thapësira",
            "Ëndrra # jo titull - + . : ; ' \" {} @",
            "",
        ];
        for t in texts {
            assert!(plain_already(t), "{t}");
            assert_eq!(parsed_plain(t), t);
            assert_eq!(to_plain(t), t);
        }
        // The same for the HTML, with and without abbreviations.
        let abbr = Abbreviations::new([("NJMF".to_string(), "Njësia".to_string())]);
        for a in [&Abbreviations::default(), &abbr] {
            for t in texts.iter().chain(&[
                "Ai tha \"po\" dhe 'jo' — NJMF-në e njoftoi më 5/6.",
                "A NJMF",
                "NJMFX dhe xNJMF",
            ]) {
                assert_eq!(to_html_marked(t, a), parsed_html_marked(t, a), "{t}");
            }
        }
        for t in [
            "1. Listë",
            "- a",
            "# Titull",
            "a *b*",
            "a\nb",
            " a",
            "a ",
            "> a",
            "a &amp; b",
            "a_b_",
            "`k`",
        ] {
            assert!(!plain_already(t), "{t}");
        }
    }

    #[test]
    fn lists_become_html_lists() {
        let h = to_html("Hyrje:\n\n- një\n- dy\n");
        assert!(h.contains("<ul>") && h.contains("<li>një</li>"), "{h}");
    }

    #[test]
    fn raw_html_is_shown_not_run() {
        let h = to_html(
            "<script>alert(1)</script> <img src=x onerror=alert(1)> <iframe src=x></iframe>",
        );
        assert!(!h.contains("<script"), "{h}");
        assert!(!h.contains("<img"), "{h}");
        assert!(!h.contains("<iframe"), "{h}");
        assert!(h.contains("&lt;script&gt;"), "{h}");
    }

    #[test]
    fn dangerous_urls_are_removed_and_links_are_isolated() {
        let h = to_html("[a](javascript:alert(1)) [b](data:text/html,x) [c](https://example.org)");
        assert!(
            !h.contains("javascript:") && !h.contains("data:text"),
            "{h}"
        );
        assert!(h.contains("rel=\"noopener noreferrer\""), "{h}");
    }

    #[test]
    fn abbreviations_are_marked_in_text_only() {
        let a = Abbreviations::new([
            ("G/SPIF".to_string(), "Grupi \"special\" <x>".to_string()),
            ("PSV".to_string(), "Procedurat".to_string()),
        ]);
        let h = to_html_marked(
            "G/SPIF dhe [PSV](https://example.org) por jo PSVX; `PSV`",
            &a,
        );
        assert!(
            h.contains("<abbr title=\"Grupi &quot;special&quot; &lt;x&gt;\">G/SPIF</abbr> dhe"),
            "{h}"
        );
        assert!(h.contains(">PSV</abbr></a>"), "inside a link's text: {h}");
        assert!(h.contains("PSVX"), "{h}");
        assert!(h.contains("<code>PSV</code>"), "code stays as written: {h}");
        // Raw HTML in the content is still text, and cannot smuggle an abbr in.
        let h = to_html_marked("<abbr title=x onclick=y>PSV</abbr>", &a);
        assert!(!h.contains("onclick=y>"), "{h}");
        assert!(h.contains("&lt;abbr"), "{h}");
    }

    #[test]
    fn the_longest_abbreviation_is_marked_at_each_word_start() {
        // Terms sharing a first letter (the longest first), one beginning with a letter of
        // two bytes, one right after another's mark, one at the end.
        let a = Abbreviations::new([
            ("PSV".to_string(), "b".to_string()),
            ("PSVA".to_string(), "a".to_string()),
            ("ÇKA".to_string(), "c".to_string()),
            ("AB".to_string(), "d".to_string()),
        ]);
        let h = to_html_marked("PSVA, PSV dhe ÇKA-ja; xPSV PSVAB AB", &a);
        assert!(
            h.contains(
                "<abbr title=\"a\">PSVA</abbr>, <abbr title=\"b\">PSV</abbr> dhe \
                 <abbr title=\"c\">ÇKA</abbr>-ja; xPSV PSVAB <abbr title=\"d\">AB</abbr></p>"
            ),
            "{h}"
        );
    }

    #[test]
    fn inline_drops_the_paragraph() {
        assert_eq!(to_inline_html("Standardi *1*"), "Standardi <em>1</em>");
    }
}
