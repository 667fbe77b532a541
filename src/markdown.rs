//! Markdown in content text → safe HTML.
//!
//! Content is data, never markup: raw HTML written in a YAML text is shown as text, and
//! the HTML pulldown-cmark produces is passed through ammonia's allowlist as a second
//! wall, so no script, event handler, frame or `javascript:`/`data:` URL can reach a page.

use std::collections::HashSet;
use std::sync::OnceLock;

use pulldown_cmark::{Event, Options, Parser, TagEnd, html};

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static CLEAN: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEAN.get_or_init(|| {
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
        ]
        .into_iter()
        .collect();
        let mut b = ammonia::Builder::default();
        b.tags(tags)
            .url_schemes(["http", "https", "mailto"].into_iter().collect())
            .link_rel(Some("noopener noreferrer"))
            .url_relative(ammonia::UrlRelative::PassThrough)
            .add_tag_attributes("ol", &["start"]);
        b
    })
}

/// Render Markdown to sanitised HTML (block level: paragraphs, lists).
pub fn to_html(md: &str) -> String {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    // Raw HTML in content becomes visible text, never markup.
    let events = Parser::new_ext(md, opts).map(|e| match e {
        Event::Html(h) | Event::InlineHtml(h) => Event::Text(h),
        other => other,
    });
    let mut out = String::with_capacity(md.len() * 5 / 4 + 16);
    html::push_html(&mut out, events);
    sanitizer().clean(&out).to_string()
}

/// The words of a Markdown text without its markup: list items and paragraphs become
/// lines, for search documents and snippets.
pub fn to_plain(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    for e in Parser::new(md) {
        match e {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => out.push(' '),
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn inline_drops_the_paragraph() {
        assert_eq!(to_inline_html("Standardi *1*"), "Standardi <em>1</em>");
    }
}
