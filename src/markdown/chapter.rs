//! A chapter's Markdown → safe HTML: tables, footnotes as footnotes (a numbered mark in
//! the text, the note at the end of its page, each linking to the other), every heading an
//! anchor (its own `{#id}` or one made from its words), and links to the handbook's
//! steps, procedures, roles, forms and chapters (`step:menaxhimi-i-rastit.3`) resolved to
//! their pages.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use pulldown_cmark::{
    CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, TextMergeStream, html,
};

use super::Abbreviations;

/// One heading of a chapter: its anchor, its words, its level (2–6) and the plain text
/// of the passage under it (to the next heading), for the search index.
#[derive(Debug, Clone, PartialEq)]
pub struct ChapterSection {
    pub id: String,
    pub title: String,
    pub level: u8,
    pub text: String,
}

fn options() -> Options {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_FOOTNOTES);
    opts.insert(Options::ENABLE_HEADING_ATTRIBUTES);
    opts
}

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static CLEAN: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEAN.get_or_init(|| {
        let mut b = super::base_sanitizer();
        b.add_tags(["div", "section", "span"])
            .add_allowed_classes("span", &["example"])
            .add_allowed_classes("blockquote", &["example"])
            .set_tag_attribute_value("blockquote", "class", "example")
            .add_tag_attributes("h2", &["id"])
            .add_tag_attributes("h3", &["id"])
            .add_tag_attributes("h4", &["id"])
            .add_tag_attributes("h5", &["id"])
            .add_tag_attributes("h6", &["id"])
            .add_tag_attributes("div", &["id"])
            .add_tag_attributes("a", &["id"])
            .add_allowed_classes("div", &["footnote"])
            .add_allowed_classes("section", &["footnotes"])
            .add_allowed_classes("sup", &["fn-ref"])
            .add_allowed_classes("a", &["fn-back"]);
        b
    })
}

/// A name usable in an id: ASCII letters, digits and `-`, from any text.
fn slug(text: &str) -> String {
    let id = crate::text::slug(text);
    if id.is_empty() { "h".to_string() } else { id }
}

/// The anchor of every heading, in order: its own `{#id}`, or its words made an id,
/// numbered where two are the same (`-2`, `-3`). Ids of footnotes (`fn-…`) are kept free.
fn heading_ids(events: &[Event]) -> Vec<String> {
    let mut ids = Vec::new();
    let mut seen = HashSet::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id, .. }) = &events[i] {
            let mut words = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    words.push_str(t);
                }
                j += 1;
            }
            let base = id.as_ref().map_or_else(|| slug(&words), |id| slug(id));
            let mut candidate = base.clone();
            let mut n = 2;
            while candidate.starts_with("fn-") || !seen.insert(candidate.clone()) {
                candidate = format!("{base}-{n}");
                n += 1;
            }
            ids.push(candidate);
            i = j;
        }
        i += 1;
    }
    ids
}

fn level(l: HeadingLevel) -> u8 {
    (l as u8).max(2)
}

/// The chapter's HTML. `link` turns a handbook link (`step`, `menaxhimi-i-rastit.3`) into
/// the address to write; one it cannot resolve loses its link and keeps its words.
pub fn chapter_html(
    md: &str,
    abbr: &Abbreviations,
    link: &dyn Fn(&str, &str) -> Option<String>,
) -> String {
    // Raw HTML in content becomes visible text, never markup; then the examples are
    // marked (`> …`, as in any content text: the marks are the only inline HTML left).
    let events = Parser::new_ext(md, options())
        .into_offset_iter()
        .map(|(e, at)| match e {
            Event::Html(h) | Event::InlineHtml(h) => (Event::Text(h), at),
            other => (other, at),
        });
    let events = super::examples::mark_examples(md, events);
    let events: Vec<Event> = TextMergeStream::new(events.into_iter()).collect();
    let ids = heading_ids(&events);
    let mut ids = ids.into_iter();
    let mut refs_seen: HashMap<String, usize> = HashMap::new();
    let mut notes: Vec<Event> = Vec::new();
    let mut in_note = false;
    let mut dropped_links = 0usize;
    let mut out_events: Vec<Event> = Vec::with_capacity(events.len());
    for e in events {
        let e = match e {
            Event::Start(Tag::Heading {
                level: l,
                classes,
                attrs,
                ..
            }) => {
                let id = ids.next().unwrap_or_default();
                Event::Start(Tag::Heading {
                    level: HeadingLevel::try_from(level(l) as usize).unwrap_or(HeadingLevel::H2),
                    id: Some(CowStr::from(id)),
                    classes,
                    attrs,
                })
            }
            Event::End(TagEnd::Heading(l)) => Event::End(TagEnd::Heading(
                HeadingLevel::try_from(level(l) as usize).unwrap_or(HeadingLevel::H2),
            )),
            Event::FootnoteReference(label) => {
                let l = slug(&label);
                let n = refs_seen.entry(l.clone()).or_default();
                *n += 1;
                let id = if *n == 1 {
                    format!(" id=\"fnref-{l}\"")
                } else {
                    String::new()
                };
                Event::InlineHtml(
                    format!(
                        "<sup class=\"fn-ref\"><a href=\"#fn-{l}\"{id}>{}</a></sup>",
                        super::escape_attr(&label)
                    )
                    .into(),
                )
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                in_note = true;
                let l = slug(&label);
                notes.push(Event::Html(
                    format!(
                        "<div class=\"footnote\" id=\"fn-{l}\"><p><a class=\"fn-back\" href=\"#fnref-{l}\">{}</a></p>\n",
                        super::escape_attr(&label)
                    )
                    .into(),
                ));
                continue;
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                in_note = false;
                notes.push(Event::Html("</div>\n".into()));
                continue;
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => match dest_url.split_once(':') {
                Some((kind, target)) if crate::markdown::chapter::LINK_KINDS.contains(&kind) => {
                    match link(kind, target) {
                        Some(url) => Event::Start(Tag::Link {
                            link_type,
                            dest_url: url.into(),
                            title,
                            id,
                        }),
                        None => {
                            dropped_links += 1;
                            continue;
                        }
                    }
                }
                _ => Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }),
            },
            Event::End(TagEnd::Link) if dropped_links > 0 => {
                dropped_links -= 1;
                continue;
            }
            Event::Text(t) => {
                let marked = abbr.mark(t);
                if in_note {
                    notes.extend(marked);
                } else {
                    out_events.extend(marked);
                }
                continue;
            }
            other => other,
        };
        if in_note {
            notes.push(e);
        } else {
            out_events.push(e);
        }
    }
    if !notes.is_empty() {
        out_events.push(Event::Html("<section class=\"footnotes\">\n".into()));
        out_events.extend(notes);
        out_events.push(Event::Html("</section>\n".into()));
    }
    let mut out = String::with_capacity(md.len() * 5 / 4 + 16);
    html::push_html(&mut out, out_events.into_iter());
    sanitizer().clean(&out).to_string()
}

/// The kinds of link a chapter may make to the rest of the handbook (`step:…`).
pub const LINK_KINDS: [&str; 5] = ["step", "procedure", "role", "form", "chapter"];

/// The chapter's headings, each with the plain text under it; the text before the first
/// heading is a section with an empty id and title.
pub fn chapter_sections(md: &str) -> Vec<ChapterSection> {
    let events: Vec<Event> = TextMergeStream::new(Parser::new_ext(md, options())).collect();
    let mut ids = heading_ids(&events).into_iter();
    let mut sections = vec![ChapterSection {
        id: String::new(),
        title: String::new(),
        level: 1,
        text: String::new(),
    }];
    let mut in_heading = false;
    for e in events {
        let cur = sections.last_mut().expect("one section");
        match e {
            Event::Start(Tag::Heading { level: l, .. }) => {
                sections.push(ChapterSection {
                    id: ids.next().unwrap_or_default(),
                    title: String::new(),
                    level: level(l),
                    text: String::new(),
                });
                in_heading = true;
            }
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                if in_heading {
                    cur.title.push_str(&t);
                } else {
                    cur.text.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => cur.text.push(' '),
            Event::Start(Tag::BlockQuote(_))
                if !cur.text.ends_with('\n') && !cur.text.is_empty() =>
            {
                cur.text.push('\n')
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableRow | TagEnd::TableCell)
                if !cur.text.ends_with('\n') && !cur.text.is_empty() =>
            {
                cur.text.push('\n')
            }
            _ => {}
        }
    }
    sections.retain(|s| !s.title.is_empty() || !s.text.trim().is_empty());
    for s in &mut sections {
        s.text = s.text.trim_end().to_string();
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(kind: &str, id: &str) -> Option<String> {
        (kind == "step" && id == "p.1").then(|| "../procedura/p.html#p.1".to_string())
    }

    #[test]
    fn headings_footnotes_tables_and_links() {
        let md = "## Hyrja\n\nTekst[^1] me [hapin](step:p.1) dhe [tjetër](step:p.9).\n\n### Hyrja\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n## Kutia {#kutia-1}\n\n[^1]: Shënimi.\n";
        let h = chapter_html(md, &Abbreviations::default(), &resolve);
        assert!(h.contains("<h2 id=\"hyrja\">"), "{h}");
        assert!(h.contains("<h3 id=\"hyrja-2\">"), "{h}");
        assert!(h.contains("<h2 id=\"kutia-1\">"), "{h}");
        assert!(h.contains("<a href=\"#fn-1\" id=\"fnref-1\""), "{h}");
        assert!(h.contains("<div class=\"footnote\" id=\"fn-1\">"), "{h}");
        assert!(h.contains("href=\"../procedura/p.html#p.1\""), "{h}");
        assert!(
            h.contains("dhe tjetër."),
            "an unknown link keeps its words: {h}"
        );
        assert!(h.contains("<table>"), "{h}");
        // The note stands after the text, once.
        assert!(
            h.find("class=\"footnote\"").unwrap() > h.find("<table>").unwrap(),
            "{h}"
        );
        let s = chapter_sections(md);
        assert_eq!(s[0].id, "hyrja");
        assert!(s[0].text.contains("Tekst"), "{s:?}");
        assert_eq!(s[2].id, "kutia-1");
    }

    #[test]
    fn examples_are_marked_as_in_any_content_text() {
        // 003:1736-1740 (mid-paragraph), 003:1880 (a list item's end), and a block.
        let md = "## Parimet\n\nRregulli.\n> Për shembull, në një takim.\n>\nPastaj[^1].\n\n- Nga jashtë: politikat,\n  > p.sh. në mbledhjet.\n- Tjetër\n\n> Shembull: veç.\n\n[^1]: Shënimi.\n";
        let h = chapter_html(md, &Abbreviations::default(), &resolve);
        assert!(
            h.contains("<p>Rregulli. <span class=\"example\">Për shembull, në një takim.</span> Pastaj<sup class=\"fn-ref\">"),
            "{h}"
        );
        assert!(
            h.contains(
                "<li>Nga jashtë: politikat, <span class=\"example\">p.sh. në mbledhjet.</span></li>"
            ),
            "{h}"
        );
        assert!(
            h.contains("<blockquote class=\"example\">\n<p>Shembull: veç.</p>"),
            "{h}"
        );
        // Raw HTML is still text: no span nor class of its own.
        let h = chapter_html(
            "A\n> <span class=\"example\">x</span>",
            &Abbreviations::default(),
            &resolve,
        );
        assert!(
            h.contains("&lt;span class=\"example\"&gt;x&lt;/span&gt;"),
            "{h}"
        );
    }

    #[test]
    fn raw_html_stays_text() {
        let h = chapter_html("<script>x</script>", &Abbreviations::default(), &resolve);
        assert!(!h.contains("<script"), "{h}");
    }
}
