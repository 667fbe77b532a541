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
fn unseen(c: char) -> Option<&'static str> {
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

/// A YAML escape at the start of `rest` (`\xHH`, `\uHHHH`, `\UHHHHHHHH`, or one of the
/// letters of a control character: `\0`, `\a`, `\b`, `\e`, `\f`, `\v`; adversary 58 M-3):
/// its character and the escape as written.
fn escape(rest: &str) -> Option<(char, &str)> {
    let mut it = rest.chars();
    let digits = match (it.next(), it.next()) {
        (Some('\\'), Some('x')) => 2,
        (Some('\\'), Some('u')) => 4,
        (Some('\\'), Some('U')) => 8,
        (Some('\\'), Some(letter)) => {
            let c = match letter {
                '0' => '\0',
                'a' => '\u{7}',
                'b' => '\u{8}',
                'e' => '\u{1B}',
                'f' => '\u{C}',
                'v' => '\u{B}',
                _ => return None,
            };
            return Some((c, &rest[..2]));
        }
        _ => return None,
    };
    let hex = rest.get(2..2 + digits)?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
    Some((c, &rest[..2 + digits]))
}

/// How a character warned about is written where it is not itself.
#[derive(Clone)]
enum Written<'a> {
    /// A YAML escape (`\u202E`): one only in a double-quoted scalar.
    Escape(&'a str),
    /// A character reference (`&#x202E;`, `&#8238;`), which Markdown reads as the
    /// character (adversary 58 M-4).
    Reference(&'a str),
    /// A character reference that a double-quoted scalar's escapes spell (`"\x26#x202E;"`,
    /// an escaped line break inside one): found in the scalar as YAML reads it, said at
    /// the scalar's start (adversary 58b H-1).
    Spelled(String),
}

/// A numeric character reference at the start of `rest` (`&#NNNN;`, `&#xHHHH;`): its
/// character and the reference as written.
fn reference(rest: &str) -> Option<(char, &str)> {
    let body = rest.strip_prefix("&#")?;
    let (hex, digits) = match body.strip_prefix(['x', 'X']) {
        Some(h) => (true, h),
        None => (false, body),
    };
    let len = digits
        .bytes()
        .take_while(|b| {
            if hex {
                b.is_ascii_hexdigit()
            } else {
                b.is_ascii_digit()
            }
        })
        .count();
    if len == 0 || len > 7 || digits.as_bytes().get(len) != Some(&b';') {
        return None;
    }
    let n = u32::from_str_radix(&digits[..len], if hex { 16 } else { 10 }).ok()?;
    // (Markdown reads `&#0;` as U+FFFD, which is seen.)
    if n == 0 {
        return None;
    }
    let written = rest.len() - digits.len() + len + 1;
    Some((char::from_u32(n)?, &rest[..written]))
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
                || matches!(b as u8, 0x7F | b'\\' | b'&' | 0xE2);
            b += 1;
        }
        t
    };
    let bytes = text.as_bytes();
    // Every character warned about, where it stands: (byte, character, name, how it is
    // written where it is not itself: a YAML escape or a character reference).
    let mut hits: Vec<(usize, char, &'static str, Option<Written>)> = Vec::new();
    let mut saw_backslash = false;
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
            saw_backslash = true;
            i += 2;
            continue;
        }
        saw_backslash |= c == '\\';
        let hit = match (unseen(c), c) {
            (Some(name), _) => Some((c, name, None)),
            (None, '\\') => escape(rest)
                .and_then(|(e, w)| unseen(e).map(|name| (e, name, Some(Written::Escape(w))))),
            (None, '&') => reference(rest)
                .and_then(|(e, w)| unseen(e).map(|name| (e, name, Some(Written::Reference(w))))),
            _ => None,
        };
        if let Some((ch, name, written)) = hit {
            hits.push((i, ch, name, written));
        }
        i += c.len_utf8();
    }
    // An escape is one only inside a double-quoted scalar of the YAML: in a plain, a
    // single-quoted or a block scalar, a comment, or a chapter's Markdown, `\x01` is the
    // four characters the page shows. A character reference, `&#x202E;`, is read by
    // Markdown wherever it stands, also where a double-quoted scalar's escapes spell it.
    // (The YAML is parsed for its scalars only in a file that writes a backslash.)
    if saw_backslash {
        let quoted = double_quoted(text, rel);
        // (The scalars in the file's order, none inside another: found by halving.)
        let inside = |q: &[(std::ops::Range<usize>, Option<String>)], at: usize| {
            let i = q.partition_point(|r| r.0.start <= at);
            i > 0 && q[i - 1].0.contains(&at)
        };
        hits.retain(|(at, _, _, written)| {
            !matches!(written, Some(Written::Escape(_)))
                || quoted.as_deref().is_none_or(|q| inside(q, *at))
        });
        for (range, value) in quoted.iter().flatten() {
            let Some(value) = value else { continue };
            let raw = &text[range.clone()];
            for (k, _) in value.match_indices("&#") {
                if let Some((ch, w)) = reference(&value[k..])
                    && let Some(name) = unseen(ch)
                    && !raw.contains(w)
                {
                    hits.push((range.start, ch, name, Some(Written::Spelled(w.to_string()))));
                }
            }
        }
        hits.sort_by_key(|h| h.0);
    }
    let mut found = 0usize;
    let mut first: Option<Pos> = None;
    // Where the line of the last character warned about begins, and its number: the lines
    // are counted only up to a character warned about, never for the rest.
    let (mut line_start, mut line_no) = (0usize, 1u32);
    for (at, ch, name, written) in hits {
        found += 1;
        // Past the first after the cap, only counted: no column counted from a long line's
        // start for each (adversary 58 L-6: 1.3 million on one line took minutes).
        if found > MAX_WARNINGS + 1 {
            continue;
        }
        line_no += memchr::memchr_iter(b'\n', &bytes[line_start..at]).count() as u32;
        if let Some(nl) = memchr::memrchr(b'\n', &bytes[line_start..at]) {
            line_start += nl + 1;
        }
        let col = text[line_start..at].chars().count() as u32 + 1;
        let pos = Pos::new(rel, line_no, col);
        if found > MAX_WARNINGS {
            first.get_or_insert(pos);
            continue;
        }
        let what = match written {
            Some(Written::Escape(w)) => format!("the escape `{w}` (U+{:04X} {name})", ch as u32),
            Some(Written::Reference(w)) => {
                format!("the character reference `{w}` (U+{:04X} {name})", ch as u32)
            }
            Some(Written::Spelled(w)) => format!(
                "the character reference `{w}` (U+{:04X} {name}) that the escapes of this text spell",
                ch as u32
            ),
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

/// Warn about a character a reader cannot see in the texts of a TOML file the handbook
/// writes (`doracak.toml`, `theme/strings.toml`, a pack of its own under `theme/locales/`):
/// a control character, or a bidirectional embedding or override (U+202A–U+202E), written
/// as it stands or as a TOML escape. Each text warned about once, at its opening quote,
/// its key named; at most [`MAX_WARNINGS`] per file. The isolates (U+2066–U+2069) are
/// not warned about here: around a placeholder in a right-to-left language they are how a
/// string keeps a name's direction apart. A file that does not parse is said where it is
/// read.
pub(crate) fn warn_unseen_toml(text: &str, shown: &str, diags: &mut Diagnostics) {
    use toml::de::{DeTable, DeValue};
    // (Most files hold no byte that may start such a character, nor an escape.)
    if !text.bytes().any(|b| {
        (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || matches!(b, 0x7F | b'\\' | 0xE2)
    }) {
        return;
    }
    let Ok(doc) = DeTable::parse(text) else {
        return;
    };
    let mut found: Vec<(usize, String, char, &'static str)> = Vec::new();
    fn walk(
        v: &toml::Spanned<DeValue<'_>>,
        key: &str,
        found: &mut Vec<(usize, String, char, &'static str)>,
    ) {
        match v.get_ref() {
            DeValue::String(s) => {
                if let Some((c, name)) = s.chars().find_map(|c| {
                    unseen(c)
                        .filter(|_| !('\u{2066}'..='\u{2069}').contains(&c))
                        .map(|name| (c, name))
                }) {
                    found.push((v.span().start, key.to_string(), c, name));
                }
            }
            // An array's item by its place, counted from 1 as a person counts them
            // (`scale[2].label`; adversary 58b L-6).
            DeValue::Array(items) => items
                .iter()
                .enumerate()
                .for_each(|(n, i)| walk(i, &format!("{key}[{}]", n + 1), found)),
            DeValue::Table(t) => t.iter().for_each(|(k, v)| {
                let key = match key.is_empty() {
                    true => k.get_ref().to_string(),
                    false => format!("{key}.{}", k.get_ref()),
                };
                walk(v, &key, found);
            }),
            _ => {}
        }
    }
    for (k, v) in doc.get_ref() {
        walk(v, k.get_ref(), &mut found);
    }
    found.sort_by_key(|f| f.0);
    let more = found.len().saturating_sub(MAX_WARNINGS);
    for (at, key, c, name) in found.iter().take(MAX_WARNINGS) {
        let (line, col) = crate::config::line_col(text, *at);
        let bidi = !name.starts_with("a ");
        diags
            .warning(
                Pos::new(shown, line, col),
                format!(
                    "expected text without {}, found U+{:04X} {name} in `{key}`",
                    if bidi { "bidirectional embeddings or overrides" } else { "control characters" },
                    *c as u32
                ),
            )
            .hint(if bidi {
                "it is invisible on the page and reorders the text after it; delete it (to keep a placeholder's direction apart in right-to-left text, put it between U+2068 and U+2069)"
            } else {
                "it is invisible on the page; delete it"
            });
    }
    if more > 0 {
        let (line, col) = crate::config::line_col(text, found[MAX_WARNINGS].0);
        diags.warning(
            Pos::new(shown, line, col),
            format!("expected text without bidirectional embeddings, overrides or control characters, found {more} more in this file"),
        );
    }
}

/// The byte ranges of the double-quoted YAML scalars of the file `rel` (its front matter,
/// for a chapter's `.md`): the only places YAML reads an escape; with its value as YAML
/// reads it where it writes a backslash. `None` where the YAML does not parse to its end
/// (its error is said when it is loaded): then every escape is taken for one.
type Quoted = (std::ops::Range<usize>, Option<String>);
fn double_quoted(text: &str, rel: &Path) -> Option<Vec<Quoted>> {
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
            None | Some(Ok((Event::StreamEnd, _))) => {
                out.sort_by_key(|r: &Quoted| r.0.start);
                return Some(out);
            }
            Some(Err(_)) => return None,
            Some(Ok((Event::Scalar(value, ScalarStyle::DoubleQuoted, ..), span))) => {
                let (Some(start), Some(end)) = (span.start.byte_offset(), span.end.byte_offset())
                else {
                    return None;
                };
                let range = base + start..base + end;
                let value = text[range.clone()]
                    .contains('\\')
                    .then(|| value.into_owned());
                out.push((range, value));
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
        // A control character's letter escape (`\e`, `\a`, `\b`, `\f`, `\v`, `\0`) in a
        // double-quoted scalar; `\t` and `\n` are no such thing (adversary 58 M-3).
        assert_eq!(
            warned("a: \"x\\e[31m \\a\\t\\n\\0\"\nb: 'x\\e'\n", "s.yaml"),
            vec![(1, 6), (1, 13), (1, 19)]
        );
        // A character reference, which Markdown reads as the character, wherever it stands
        // (adversary 58 M-4); `&amp;`, a reference to a letter or one without its `;` is
        // none.
        assert_eq!(
            warned(
                "a: x&#x202E;y &#8238; &#X1b; &amp; &#65; &#x202E\n",
                "s.yaml"
            ),
            vec![(1, 5), (1, 15), (1, 23)]
        );
        let md = "---\ntitle: T\n---\nBody &#x2067; and &#1;.\n";
        assert_eq!(warned(md, "content/chapters/01.md"), vec![(4, 6), (4, 19)]);
        // A reference the escapes of a double-quoted scalar spell, at the scalar's start;
        // one written as it stands is said once, where it stands (adversary 58b H-1).
        let spelled = concat!(
            "a: \"x \\x26#x202E; y\"\n",
            "b: \"x &#x20\\\n  2E; y\"\n",
            "c: \"x &#x202E; \\x41\"\n",
            "d: 'x \\x26#x202E;'\n",
        );
        let mut d = Diagnostics::new();
        warn_unseen(spelled, std::path::Path::new("s.yaml"), &mut d);
        let got: Vec<(u32, u32, bool)> = d
            .warnings()
            .map(|w| (w.pos.line, w.pos.col, w.message.contains("spell")))
            .collect();
        assert_eq!(got, vec![(1, 4, true), (2, 4, true), (4, 7, false)]);
        // YAML that does not parse (its error is said when it is loaded): every escape is
        // taken for one.
        assert_eq!(
            warned("a: \"x\\u202E\nb: [\\x01\n", "s.yaml"),
            vec![(1, 6), (2, 5)]
        );
    }
}

/// Adversary 58 L-6: past the cap the characters are only counted: a long line full of
/// them is read once, not once for each (1.3 million on one line took minutes; a
/// regression shows as this test taking minutes, not as a timed assertion).
#[cfg(test)]
mod long_lines {
    use super::warn_unseen;

    #[test]
    fn a_line_full_of_invisible_characters_is_read_once() {
        let line = format!("a: x{}\n", "\u{202E}".repeat(300_000));
        let mut d = crate::diagnostics::Diagnostics::new();
        warn_unseen(&line, std::path::Path::new("s.yaml"), &mut d);
        let w: Vec<&crate::diagnostics::Diagnostic> = d.warnings().collect();
        assert_eq!(w.len(), 11);
        assert_eq!((w[10].pos.line, w[10].pos.col), (1, 15));
        assert!(
            w[10].message.contains("found 299990 more"),
            "{}",
            w[10].message
        );
    }
}
