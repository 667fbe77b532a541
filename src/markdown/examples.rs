//! Examples in content text: every quoted block (`> …` lines) is an example the source
//! gives ("Shembull:", "Për shembull, …"). What is normative — timings, actors, quiz
//! questions — comes from the text without them; a page shows them as examples.

use crate::text::TextExt;

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

/// The text without its examples: every quoted block (`> …` lines), which the content
/// format reserves for the examples the source gives ("Shembull:", "Për shembull, …").
/// What is normative — timings, actors, quiz questions — comes from what is left.
pub fn without_examples(md: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    // An item that is an example from its first word (`item_quote`) is left out whole,
    // with what it goes on with after the quote (the lines indented under its marker):
    // what follows an example inside its item reads as the example's once the example
    // is gone ("për shembull: Transferimi …", 003:2531-2534), so nothing binds from it.
    let mut skipping: Option<usize> = None;
    for line in md.lines() {
        let indent = line.len() - line.trim_start().len();
        if let Some(at) = skipping {
            if !line.trim().is_empty() && indent > at {
                continue;
            }
            skipping = None;
        }
        if item_quote(line).is_some() {
            skipping = Some(indent);
            continue;
        }
        if line.trim_start().starts_with('>') {
            continue;
        }
        out.push(line);
    }
    out.join("\n").trim().to_string()
}

/// A list item the source gives as an example from its first word (`- > …`, `1. > …`;
/// 003:2527-2534, the cases after "për shembull:"): the item's marker with the spaces
/// before and after it, and the quote's text after its `>`.
fn item_quote(line: &str) -> Option<(&str, &str)> {
    let t = line.trim_start();
    let body = t
        .strip_prefix("- ")
        .or_else(|| t.strip_prefix("* "))
        .or_else(|| t.strip_prefix("+ "))
        .or_else(|| {
            let d = t.find(|c: char| !c.is_ascii_digit()).filter(|d| *d > 0)?;
            t[d..]
                .strip_prefix(". ")
                .or_else(|| t[d..].strip_prefix(") "))
        })?;
    let quote = body.trim_start();
    let rest = quote.strip_prefix('>')?;
    Some((
        &line[..line.len() - quote.len()],
        rest.strip_prefix(' ').unwrap_or(rest),
    ))
}

/// Whether `text` holds a word: a letter or a digit, once quote marks (`>`, `> >`) and
/// no-break spaces (`&nbsp;`, `&#160;`) are set aside (adversary 49 L-1).
fn has_words(text: &str) -> bool {
    text.replace("&nbsp;", " ")
        .replace("&#160;", " ")
        .chars()
        .any(crate::text::is_word_char)
}

/// The lines (0-based) of list items marked as an example from their first word (`- >`,
/// `3. >`) that hold no words: nothing after the `>`, nor in the quoted lines written under
/// it (`  > …`). Such an item is no example and no item; validation refuses it.
pub fn empty_example_items(md: &str) -> Vec<usize> {
    let lines: Vec<&str> = md.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some((_, rest)) = item_quote(line) else {
            continue;
        };
        if has_words(rest) {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        // The quote's own lines under it: deeper, each starting with `>`.
        let words = lines[i + 1..]
            .iter()
            .take_while(|l| {
                let t = l.trim_start();
                !t.is_empty() && l.len() - t.len() > indent && t.starts_with('>')
            })
            .any(|l| has_words(&l.trim_start()[1..]));
        if !words {
            out.push(i);
        }
    }
    out
}

/// Whether `quote` (a sentence of `md`, some words blanked "…") ends with the colon of a
/// line that introduces examples only: the next line written is an example (a quoted line
/// or an item marked from its first word). Such a colon points at nothing normative ("…
/// brenda 5 ditëve, për shembull:" before its cases, adversary 48 L-7).
pub fn leads_to_examples(md: &str, quote: &str) -> bool {
    let quote = quote.trim_end();
    if !quote.ends_with(':') {
        return false;
    }
    // The quote's words after its last blank, which the line must end with.
    let tail = quote.rsplit('…').next().unwrap_or(quote).trim_start();
    let lines: Vec<&str> = md.lines().collect();
    lines.iter().enumerate().any(|(i, l)| {
        let l = l.trim_end();
        let t = l.trim_start();
        let text = item_quote(l).map_or(t, |(_, rest)| rest);
        l.ends_with(':')
            && !t.starts_with('>')
            && !tail.is_empty()
            && text.ends_with(tail)
            && lines[i + 1..]
                .iter()
                .find(|n| !n.trim().is_empty())
                .is_some_and(|n| n.trim_start().starts_with('>') || item_quote(n).is_some())
    })
}

/// The words that open a list of examples at a sentence's end ("…, për shembull:"), in
/// each language of the packs, compared in lower case: they belong to the examples.
const EXAMPLE_OPENERS: &[&str] = &[
    "për shembull",
    "si p.sh.",
    "p.sh.",
    "psh.",
    "të tilla si",
    "for example",
    "for instance",
    "e.g.",
    "such as",
    "na primer",
    "npr.",
    "kao što su",
];

/// `quote` (a sentence of `md`, or the end of a quote of it, some words blanked "…") cut
/// where its examples begin, where it ends with the colon of a line that introduces
/// examples only (`leads_to_examples`): the colon and the words that open the examples
/// (`EXAMPLE_OPENERS`, ", për shembull") left out, so that a stem asks the sentence, not
/// what it points at (adversary 49 L-4: "… transferon fëmijën në një
/// organizatë/institucion tjetër, për shembull:“?", 003:2527). None where it does not.
pub fn before_examples(md: &str, quote: &str) -> Option<String> {
    let quote = quote.trim_end();
    let body = quote.strip_suffix(':')?;
    // The quote's words after its last blank, which end a line of `md` or hold one whole.
    let tail = quote.rsplit('…').next().unwrap_or(quote).trim_start();
    let lines: Vec<&str> = md.lines().collect();
    let leads = lines.iter().enumerate().any(|(i, l)| {
        let l = l.trim_end();
        let t = l.trim_start();
        let text = item_quote(l).map_or(t, |(_, rest)| rest);
        let text = text.trim_start_matches(['-', '*', '+', ' ']).trim_start();
        l.ends_with(':')
            && !t.starts_with('>')
            && !tail.is_empty()
            && !text.is_empty()
            && (text.ends_with(tail) || tail.ends_with(text))
            && lines[i + 1..]
                .iter()
                .find(|n| !n.trim().is_empty())
                .is_some_and(|n| n.trim_start().starts_with('>') || item_quote(n).is_some())
    });
    if !leads {
        return None;
    }
    let lower = body.lowered();
    let mut cut = body;
    if lower.len() == body.len()
        && let Some(o) = EXAMPLE_OPENERS.iter().find(|o| {
            lower.ends_with(*o)
                && !lower[..lower.len() - o.len()]
                    .chars()
                    .next_back()
                    .is_some_and(crate::text::is_word_char)
        })
    {
        cut = &body[..body.len() - o.len()];
    }
    let cut = cut.trim_end_matches(|c: char| c == ',' || c == ';' || c.is_whitespace());
    (!cut.is_empty()).then(|| cut.to_string())
}

/// The text as the source prints it: the example marks taken off, nothing else. An example
/// written right under a line of text (printed inside its paragraph or list item) is joined
/// back to that line with a space, and so is the text written under the quote's closing
/// lone `>` (the paragraph going on after it); a quoted block of its own loses its `> `
/// marks only. A text without examples is returned unchanged, byte for byte: what
/// identifies content for stored records (the catalogue hash, a training's content hash,
/// the form's version) hashes this, so marking an example never changes such an id.
pub fn unmarked(md: &str) -> std::borrow::Cow<'_, str> {
    #[derive(Clone, Copy, PartialEq)]
    enum Was {
        Blank,
        Text,
        /// A quote's line glued to a line of text: its words went on that line.
        Inline,
        /// That quote closed by a lone `>`: a line of text right under it goes on too.
        Closed,
        /// A quoted block of its own.
        Block,
    }
    if !md
        .lines()
        .any(|l| l.trim_start().starts_with('>') || item_quote(l).is_some())
    {
        return std::borrow::Cow::Borrowed(md);
    }
    let mut out: Vec<String> = Vec::new();
    let mut was = Was::Blank;
    let glue = |out: &mut Vec<String>, words: &str| match out.last_mut() {
        Some(last) => {
            last.push(' ');
            last.push_str(words);
        }
        None => out.push(words.to_string()),
    };
    for line in md.lines() {
        let t = line.trim_start();
        if let Some((marker, rest)) = item_quote(line) {
            // The item's words are the example's: glued as a quote under its text is.
            out.push(format!("{marker}{rest}"));
            was = Was::Inline;
            continue;
        }
        was = match (t.strip_prefix('>'), was) {
            (Some(rest), _) => {
                let rest = rest.strip_prefix(' ').unwrap_or(rest);
                match (rest.trim().is_empty(), was) {
                    (true, Was::Inline | Was::Closed) => Was::Closed,
                    (true, _) => {
                        out.push(String::new());
                        Was::Block
                    }
                    (false, Was::Text | Was::Inline) => {
                        glue(&mut out, rest);
                        Was::Inline
                    }
                    (false, Was::Closed) => {
                        // A second paragraph in the quote: a block after all.
                        out.push(String::new());
                        out.push(rest.to_string());
                        Was::Block
                    }
                    (false, Was::Blank | Was::Block) => {
                        out.push(rest.to_string());
                        Was::Block
                    }
                }
            }
            (None, _) if t.is_empty() => {
                out.push(line.to_string());
                Was::Blank
            }
            (None, Was::Closed) => {
                glue(&mut out, t);
                Was::Text
            }
            (None, _) => {
                out.push(line.to_string());
                Was::Text
            }
        };
    }
    let mut s = out.join("\n");
    if md.ends_with('\n') {
        s.push('\n');
    }
    std::borrow::Cow::Owned(s)
}

/// The paragraphs of a text without its footnotes: a rule (`***`) and the numbered notes
/// after it ("21 Shih Materialin …"); the markers stay in the text, as printed.
pub fn without_notes(text: &str) -> Vec<&str> {
    let mut notes = false;
    text.split("\n\n")
        .filter(|p| {
            let p = p.trim();
            if p == "***" {
                notes = true;
                return false;
            }
            let numbered = p
                .split_once(' ')
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
            notes &= numbered;
            !notes
        })
        .collect()
}

/// What a text binds: its words without its examples (`without_examples`) and without its
/// footnotes (`without_notes`). A footnote is a note on the text (a law, a source), never
/// a duty nor the proof of who acts (review 43, M4).
pub fn normative(md: &str) -> String {
    without_notes(&without_examples(md)).join("\n\n")
}

/// The examples of a text: each quoted block, its `>` marks taken off.
pub fn examples(md: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur: Option<String> = None;
    for line in md.lines() {
        let t = line.trim_start();
        if let Some((_, rest)) = item_quote(line) {
            // An item of its own: a new example, never the previous item's.
            out.extend(
                cur.replace(format!("{rest}\n"))
                    .map(|c| c.trim().to_string()),
            );
        } else if let Some(rest) = t.strip_prefix('>') {
            let c = cur.get_or_insert_with(String::new);
            c.push_str(rest.trim_start());
            c.push('\n');
        } else if let Some(c) = cur.take() {
            out.push(c.trim().to_string());
        }
    }
    if let Some(c) = cur {
        out.push(c.trim().to_string());
    }
    out
}

/// Where a quoted block starts (`at`, a byte offset of `md`): whether it is written right
/// under a line of text, with no blank line between (an example the source prints inside
/// its paragraph). A block under another quoted line is part of that one, never glued.
fn glued_at(md: &str, at: usize) -> bool {
    let line_start = md[..at].rfind('\n').map_or(0, |i| i + 1);
    if line_start == 0 {
        return false;
    }
    let before = &md[..line_start - 1];
    let prev = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    !prev.trim().is_empty() && !prev.trim_start().starts_with('>')
}

/// Where a paragraph starts (`at`): whether it is written right under a lone `>` line that
/// closes a quoted block (the text after an example printed inside its paragraph).
fn glued_below(md: &str, at: usize) -> bool {
    let line_start = md[..at].rfind('\n').map_or(0, |i| i + 1);
    if line_start == 0 {
        return false;
    }
    let before = &md[..line_start - 1];
    before[before.rfind('\n').map_or(0, |i| i + 1)..].trim() == ">"
}

/// The events of a text with its examples marked, as events: an example the source prints
/// inside its paragraph (a quoted block of one paragraph, glued to the paragraph before
/// it) stays in that paragraph as `<span class="example">`; so does one printed inside a
/// list item (the quote indented as the item's text, glued to its last line); any other
/// quoted block stays a block quote (the sanitiser gives it its class). The marks are
/// inline HTML events, made before sanitising: the sanitiser sees (and may refuse) them
/// like any other markup.
pub(super) fn mark_examples<'a>(
    md: &str,
    events: impl Iterator<Item = (Event<'a>, Range<usize>)>,
) -> Vec<Event<'a>> {
    let events: Vec<(Event<'a>, Range<usize>)> = events.collect();
    let mut out: Vec<Event<'a>> = Vec::with_capacity(events.len() + 4);
    let mut i = 0;
    while i < events.len() {
        // An item marked as an example with no words (`- >`, refused by validation): no
        // quote at all, so nothing of it reaches the list's other items.
        if let (Event::Start(Tag::BlockQuote(_)), _) = &events[i]
            && matches!(out.last(), Some(Event::Start(Tag::Item)))
            && matches!(
                events.get(i + 1),
                Some((Event::End(TagEnd::BlockQuote(_)), _))
            )
        {
            i += 2;
            continue;
        }
        if let (Event::Start(Tag::BlockQuote(_)), at) = &events[i]
            && (glued_at(md, at.start) || matches!(out.last(), Some(Event::Start(Tag::Item))))
            && let Some(end) = one_paragraph(&events[i + 1..])
        {
            // The text the example is printed in: a paragraph (`<p>…</p>`, reopened), or
            // the words of a tight list item, which stand in no paragraph (`<li>…`), or
            // the item itself where its words are the example from the first (`- > …`).
            let in_paragraph = matches!(out.last(), Some(Event::End(TagEnd::Paragraph)));
            let first = matches!(out.last(), Some(Event::Start(Tag::Item)));
            if in_paragraph || first || out.last().is_some_and(inline) {
                if in_paragraph {
                    out.pop();
                }
                // `…<blockquote><p>example</p></blockquote>` → `… <span>example</span>`
                out.push(Event::InlineHtml(
                    if first {
                        "<span class=\"example\">"
                    } else {
                        " <span class=\"example\">"
                    }
                    .into(),
                ));
                out.extend(events[i + 2..i + 1 + end].iter().map(|(e, _)| e.clone()));
                out.push(Event::InlineHtml("</span>".into()));
                i += end + 3;
                // The text goes on after the example where it is written right under the
                // quote's closing `>` line (the example printed mid-paragraph, 002:175-177;
                // mid-item, 003:2246-2249): one paragraph, one item, as printed.
                let next = events.get(i);
                let goes_on = match next {
                    Some((Event::Start(Tag::Paragraph), at)) if in_paragraph => {
                        glued_below(md, at.start).then_some(1)
                    }
                    Some((e, at)) if !in_paragraph && inline(e) => {
                        glued_below(md, at.start).then_some(0)
                    }
                    _ => None,
                };
                if let Some(skip) = goes_on {
                    out.push(Event::Text(" ".into()));
                    i += skip;
                    continue;
                }
                if in_paragraph {
                    out.push(Event::End(TagEnd::Paragraph));
                }
                continue;
            }
        }
        out.push(events[i].0.clone());
        i += 1;
    }
    out
}

/// Whether an event is part of a line of text (a paragraph's or a tight list item's), not
/// a block's start or end: a quote after one is written right under that text.
fn inline(e: &Event) -> bool {
    matches!(
        e,
        Event::Text(_)
            | Event::Code(_)
            | Event::InlineHtml(_)
            | Event::InlineMath(_)
            | Event::FootnoteReference(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::End(
                TagEnd::Emphasis
                    | TagEnd::Strong
                    | TagEnd::Strikethrough
                    | TagEnd::Link
                    | TagEnd::Image
                    | TagEnd::Superscript
                    | TagEnd::Subscript
            )
    ) || matches!(
        e,
        Event::Start(Tag::Emphasis | Tag::Strong | Tag::Link { .. })
    )
}

/// The events after a block quote's start, where the quote holds one paragraph and
/// nothing else: the index of that paragraph's end (its quote's end follows it).
fn one_paragraph(events: &[(Event, Range<usize>)]) -> Option<usize> {
    if !matches!(events.first(), Some((Event::Start(Tag::Paragraph), _))) {
        return None;
    }
    // A paragraph holds inline events only: its end is the first paragraph end.
    let end = events
        .iter()
        .position(|(e, _)| matches!(e, Event::End(TagEnd::Paragraph)))?;
    matches!(
        events.get(end + 1),
        Some((Event::End(TagEnd::BlockQuote(_)), _))
    )
    .then_some(end)
}

#[cfg(test)]
mod tests;
