//! The chapters: a title, a declared collection, and references that resolve — in the
//! front matter (`procedures:`, `roles:`, `forms:`) and in the text's links
//! (`[Hapi 3](step:menaxhimi-i-rastit.3)`), each reported at its own line and column.

use std::collections::HashSet;

use pulldown_cmark::{Event, Options, Parser, Tag};

use super::*;

use crate::markdown::LINK_KINDS;

impl Validator<'_> {
    pub(super) fn chapters(&mut self, src: &Sources) {
        let steps: HashSet<String> = src
            .procedures
            .iter()
            .flat_map(|p| {
                p.value
                    .steps
                    .iter()
                    .map(move |s| format!("{}.{}", p.slug, s.number.value.trim()))
            })
            .collect();
        let chapters: HashSet<String> = src.chapters.iter().map(|c| c.slug.clone()).collect();
        for c in &src.chapters {
            let file = &c.path;
            let f = &c.value.front;
            self.text(file, &f.title, "chapter title");
            if let Some(col) = &f.collection
                && !self.collections.is_empty()
                && !self.collections.contains(&col.value.as_str())
            {
                self.diags
                    .error(
                        at(file, col),
                        format!(
                            "expected a collection declared in doracak.toml ({}), found \"{}\"",
                            self.collections.join(", "),
                            col.value
                        ),
                    )
                    .hint("add it under [[collections]] in doracak.toml, or use one of those");
            }
            self.refs(file, &f.procedures, RefKind::Procedure);
            self.refs(file, &f.roles, RefKind::Role);
            self.refs(file, &f.forms, RefKind::Form);
            if c.value.body.trim().is_empty() {
                self.diags
                    .error(
                        Pos::new(file, c.value.body_line, 1),
                        "expected the chapter's text after its front matter, found none",
                    )
                    .hint("copy the text from the source document below the second `---` line");
            }
            for i in crate::markdown::empty_example_items(&c.value.body) {
                let line = c.value.body.lines().nth(i).unwrap_or_default();
                let col = line.len() - line.trim_start().len() + 1;
                self.diags
                    .error(
                        Pos::new(file, c.value.body_line + i as u32, col as u32),
                        format!("expected the words of the example after `>`, found an empty example item \"{}\"", line.trim()),
                    )
                    .hint("write the example's words after the `>` (`- > Personi largohet vetë.`), or leave the item out");
            }
            for (dest, offset) in links(&c.value.body) {
                let Some((kind, id)) = dest.split_once(':') else {
                    continue;
                };
                let known = match kind {
                    "step" => &steps,
                    "procedure" => &self.ids.procedures,
                    "role" => &self.ids.roles,
                    "form" => &self.ids.forms,
                    "chapter" => &chapters,
                    _ => continue,
                };
                // A procedure or role whose file could not be read has its own error.
                let unread = match kind {
                    "step" => id
                        .rsplit_once('.')
                        .is_some_and(|(p, _)| self.ids.unread.contains(p)),
                    "procedure" | "role" => self.ids.unread.contains(id),
                    "form" => self.ids.forms_unread,
                    _ => false,
                };
                if !known.contains(id) && !unread {
                    let (line, col) = line_col(&c.value.body, offset);
                    let d = self.diags.error(
                        Pos::new(file, c.value.body_line + line - 1, col),
                        format!("expected the id of a {kind} after `{kind}:`, found \"{id}\", which no {kind} has"),
                    );
                    match closest(id, known) {
                        Some(near) => d.hint(format!("did you mean \"{near}\"?")),
                        None => d.hint(
                            "a step is `step:PROCEDURE.NUMBER` (`step:menaxhimi-i-rastit.3`); procedures, roles, forms and chapters are their ids",
                        ),
                    };
                }
            }
        }
        self.unique_ids("chapter", &src.chapters);
    }
}

/// The addresses of the links of a chapter's text that name a kind of the handbook
/// (`step:…`), with the byte offset of each link in the text.
pub fn links(md: &str) -> Vec<(String, usize)> {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_FOOTNOTES);
    Parser::new_ext(md, opts)
        .into_offset_iter()
        .filter_map(|(e, range)| match e {
            Event::Start(Tag::Link { dest_url, .. })
                if dest_url
                    .split_once(':')
                    .is_some_and(|(k, _)| LINK_KINDS.contains(&k)) =>
            {
                let at = md[range.clone()]
                    .find("](")
                    .map_or(range.start, |i| range.start + i + 2);
                Some((dest_url.to_string(), at))
            }
            _ => None,
        })
        .collect()
}

/// The 1-based line and column of a byte offset in `text`.
fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() as u32 + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() as u32 + 1;
    (line, col)
}
