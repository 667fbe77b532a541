//! Characters a reader cannot see in a content file: bidirectional controls (U+202A–U+202E,
//! U+2066–U+2069), which reorder the text after them on the page ("Trojan Source"), and
//! control characters (U+0000–U+001F but tab and line ends, U+007F), which show as nothing.
//! Each is a warning at its line and column, written as it stands or as a YAML escape
//! (`"\u202E"`, `"\x01"`); the text is kept as the source has it.

use std::path::Path;

use crate::diagnostics::{Diagnostics, Pos};

/// At most this many warnings per file; the rest are counted in one more.
const MAX_WARNINGS: usize = 10;

/// The name of a character warned about, or `None` for any other.
pub(crate) fn unseen(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\t' | '\n' | '\r' => return None,
        c if (c as u32) < 0x20 || c == '\u{7F}' => "a control character",
        _ => return None,
    })
}

/// A YAML escape at the start of `rest` (`\xHH`, `\uHHHH`, `\UHHHHHHHH`): its character
/// and the escape as written.
fn escape(rest: &str) -> Option<(char, &str)> {
    let mut it = rest.chars();
    let digits = match (it.next(), it.next()) {
        (Some('\\'), Some('x')) => 2,
        (Some('\\'), Some('u')) => 4,
        (Some('\\'), Some('U')) => 8,
        _ => return None,
    };
    let hex = rest.get(2..2 + digits)?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
    Some((c, &rest[..2 + digits]))
}

/// Warn about every bidirectional control and control character in `text` (the file `rel`).
pub(super) fn warn_unseen(text: &str, rel: &Path, diags: &mut Diagnostics) {
    // Every character warned about starts with one of these bytes (a control byte, DEL,
    // the `\` of an escape, the 0xE2 of U+202A–U+2069): most files hold none but 0xE2.
    const CANDIDATE: [bool; 256] = {
        let mut t = [false; 256];
        let mut b = 0;
        while b < 256 {
            t[b] = (b < 0x20 && !matches!(b as u8, b'\t' | b'\n' | b'\r'))
                || matches!(b as u8, 0x7F | b'\\' | 0xE2);
            b += 1;
        }
        t
    };
    let bytes = text.as_bytes();
    // Every character warned about, where it stands: (byte, character, name, the escape as
    // written where it is one).
    let mut hits: Vec<(usize, char, &'static str, Option<&str>)> = Vec::new();
    let mut i = 0;
    while let Some(k) = bytes[i..].iter().position(|&b| CANDIDATE[usize::from(b)]) {
        // A candidate byte is a character's first (ASCII, or the lead byte 0xE2).
        i += k;
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else {
            break;
        };
        // An escaped backslash (`\\`) is a backslash: the `x01` after it is no escape.
        if rest.starts_with("\\\\") {
            i += 2;
            continue;
        }
        let hit = match (unseen(c), c) {
            (Some(name), _) => Some((c, name, None)),
            (None, '\\') => {
                escape(rest).and_then(|(e, w)| unseen(e).map(|name| (e, name, Some(w))))
            }
            _ => None,
        };
        if let Some((ch, name, written)) = hit {
            hits.push((i, ch, name, written));
        }
        i += c.len_utf8();
    }
    // An escape is one only inside a double-quoted scalar of the YAML: in a plain, a
    // single-quoted or a block scalar, a comment, or a chapter's Markdown, `\x01` is the
    // four characters the page shows. (Found only in a file that writes such an escape.)
    if hits.iter().any(|h| h.3.is_some()) {
        let quoted = double_quoted(text, rel);
        hits.retain(|&(at, _, _, written)| {
            written.is_none()
                || quoted
                    .as_ref()
                    .is_none_or(|q| q.iter().any(|r| r.contains(&at)))
        });
    }
    let mut found = 0usize;
    let mut first: Option<Pos> = None;
    // Where the line of the last character warned about begins, and its number: the lines
    // are counted only up to a character warned about, never for the rest.
    let (mut line_start, mut line_no) = (0usize, 1u32);
    for (at, ch, name, written) in hits {
        line_no += memchr::memchr_iter(b'\n', &bytes[line_start..at]).count() as u32;
        if let Some(nl) = memchr::memrchr(b'\n', &bytes[line_start..at]) {
            line_start += nl + 1;
        }
        let col = text[line_start..at].chars().count() as u32 + 1;
        found += 1;
        let pos = Pos::new(rel, line_no, col);
        if found > MAX_WARNINGS {
            first.get_or_insert(pos);
            continue;
        }
        let what = match written {
            Some(w) => format!("the escape `{w}` (U+{:04X} {name})", ch as u32),
            None => format!("U+{:04X} {name}", ch as u32),
        };
        let bidi = !name.starts_with("a ");
        diags
                .warning(
                    pos,
                    format!(
                        "expected text without {}, found {what}",
                        if bidi { "bidirectional controls" } else { "control characters" }
                    ),
                )
                .hint(if bidi {
                    "it is invisible on the page and reorders the text after it; delete it unless the source has it (right-to-left text needs none)"
                } else {
                    "it is invisible on the page; delete it unless the source has it"
                });
    }
    if let Some(pos) = first {
        diags.warning(
            pos,
            format!(
                "expected text without bidirectional controls or control characters, found {} more in this file",
                found - MAX_WARNINGS
            ),
        );
    }
}

/// The byte ranges of the double-quoted YAML scalars of the file `rel` (its front matter,
/// for a chapter's `.md`): the only places YAML reads an escape. `None` where the YAML does
/// not parse to its end (its error is said when it is loaded): then every escape is taken
/// for one.
fn double_quoted(text: &str, rel: &Path) -> Option<Vec<std::ops::Range<usize>>> {
    use granit_parser::{Event, Parser, ScalarStyle};
    let (yaml, base) = match rel.extension().and_then(|e| e.to_str()) {
        Some("md") => match crate::pipeline::source::chapters::split_front_matter(text) {
            Some((front, ..)) => (front, front.as_ptr() as usize - text.as_ptr() as usize),
            None => return Some(Vec::new()),
        },
        _ => (text, 0),
    };
    let mut parser = Parser::new_from_str(yaml);
    let mut out = Vec::new();
    loop {
        match parser.next_event() {
            None | Some(Ok((Event::StreamEnd, _))) => return Some(out),
            Some(Err(_)) => return None,
            Some(Ok((Event::Scalar(_, ScalarStyle::DoubleQuoted, ..), span))) => {
                let (Some(start), Some(end)) = (span.start.byte_offset(), span.end.byte_offset())
                else {
                    return None;
                };
                out.push(base + start..base + end);
            }
            Some(Ok(_)) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{escape, unseen, warn_unseen};
    use crate::diagnostics::Diagnostics;

    /// Where each warned-about character is, found the plain way: every character walked,
    /// its line and column counted as it goes.
    fn walked(text: &str) -> Vec<(u32, u32, char)> {
        let (mut line, mut col, mut out) = (1u32, 0u32, Vec::new());
        let mut escaped = false;
        for (i, c) in text.char_indices() {
            if c == '\n' {
                (line, col, escaped) = (line + 1, 0, false);
                continue;
            }
            col += 1;
            if std::mem::take(&mut escaped) {
                continue;
            }
            if text[i..].starts_with("\\\\") {
                escaped = true;
                continue;
            }
            let found = unseen(c).or_else(|| match c {
                '\\' => escape(&text[i..])
                    .and_then(|(e, _)| unseen(e).map(|_| e))
                    .map(|_| ""),
                _ => None,
            });
            if found.is_some() {
                let ch = match c {
                    '\\' => escape(&text[i..]).map_or(c, |(e, _)| e),
                    _ => c,
                };
                out.push((line, col, ch));
            }
        }
        out
    }

    #[test]
    fn each_character_is_placed_where_a_walk_of_the_text_finds_it() {
        let texts = [
            "a\u{202E}b\n\r\n– „x“ \\x01 ë\u{2067}\n\n\t\u{7F}\\\\u202Ac\\u202",
            "\\U0000202E\u{1}ç\r\u{2069}\n\u{2013}\u{2014}\n",
            "",
            "– – –\nno hits at all: “quotes” and \\n escapes\n",
        ];
        for text in texts {
            let mut d = Diagnostics::new();
            warn_unseen(text, std::path::Path::new("f.yaml"), &mut d);
            let got: Vec<(u32, u32)> = d.warnings().map(|w| (w.pos.line, w.pos.col)).collect();
            let want: Vec<(u32, u32)> = walked(text).iter().map(|&(l, c, _)| (l, c)).collect();
            assert_eq!(got, want, "{text:?}");
        }
        // An escaped backslash before `x01` is a backslash and the letters: no warning;
        // a third backslash begins an escape again (adversary 56).
        // (In a double-quoted scalar: the only place YAML reads escapes.)
        for (text, want) in [
            ("k: \"a\\\\x01\"", vec![]),
            ("k: \"a\\\\\\x01\"", vec![(1, 8)]),
        ] {
            let mut d = Diagnostics::new();
            warn_unseen(text, std::path::Path::new("f.yaml"), &mut d);
            let got: Vec<(u32, u32)> = d.warnings().map(|w| (w.pos.line, w.pos.col)).collect();
            assert_eq!(got, want, "{text:?}");
        }
        // Past the tenth, one more warning at the eleventh, counting the rest.
        let many = "x\u{202E}\n".repeat(13);
        let mut d = Diagnostics::new();
        warn_unseen(&many, std::path::Path::new("f.yaml"), &mut d);
        let got: Vec<(u32, u32)> = d.warnings().map(|w| (w.pos.line, w.pos.col)).collect();
        let mut want: Vec<(u32, u32)> = (1..=10).map(|l| (l, 2)).collect();
        want.push((11, 2));
        assert_eq!(got, want);
        assert!(
            d.warnings()
                .last()
                .unwrap()
                .message
                .contains("found 3 more")
        );
    }
}

#[cfg(test)]
mod quoting {
    use super::warn_unseen;
    use crate::diagnostics::Diagnostics;

    fn warned(text: &str, file: &str) -> Vec<(u32, u32)> {
        let mut d = Diagnostics::new();
        warn_unseen(text, std::path::Path::new(file), &mut d);
        d.warnings().map(|w| (w.pos.line, w.pos.col)).collect()
    }

    /// Stop 58: YAML reads `\x01` and `\u202E` as escapes only in a double-quoted scalar;
    /// elsewhere (plain, single-quoted, block scalars, comments, a chapter's Markdown) they
    /// are the characters the page shows, and no warning.
    #[test]
    fn escapes_are_warned_only_where_yaml_reads_them() {
        let yaml = concat!(
            "a: \"x\\u202Ey\"\n",
            "b: 'x\\u202Ey'\n",
            "c: x\\u202Ey\n",
            "d: |\n  x\\x01y \"\\x01\"\n",
            "# \"\\u202E\" in a comment\n",
            "e: >\n  \"\\u202E\"\n",
            "f: [\"\\x01\", 'x\\x01']\n",
            "g: \"two\n  lines \\u2066\"\n",
            "h: \"\\\\x01 is a backslash\"\n",
        );
        assert_eq!(warned(yaml, "s.yaml"), vec![(1, 6), (9, 6), (11, 9)]);
        // A character itself is warned about wherever it stands, a comment too.
        assert_eq!(
            warned("c: x\u{202E}y\n# \u{2066}\n", "s.yaml"),
            vec![(1, 5), (2, 3)]
        );
        // A chapter: its front matter is YAML, its Markdown is not.
        let md = "---\ntitle: \"A\\u202E\"\nplain: A\\u202E\n---\nBody \\u202E and \"\\x01\".\n";
        assert_eq!(warned(md, "content/chapters/01.md"), vec![(2, 10)]);
        // YAML that does not parse (its error is said when it is loaded): every escape is
        // taken for one.
        assert_eq!(
            warned("a: \"x\\u202E\nb: [\\x01\n", "s.yaml"),
            vec![(1, 6), (2, 5)]
        );
    }
}
