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
    let candidate = |b: u8| {
        (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || matches!(b, 0x7F | b'\\' | 0xE2)
    };
    if !text.bytes().any(candidate) {
        return;
    }
    let mut found = 0usize;
    let mut first: Option<Pos> = None;
    for (l, line) in text.split('\n').enumerate() {
        // (A line holding none is skipped whole: its columns count for nothing after it.)
        if !line.bytes().any(candidate) {
            continue;
        }
        let mut col = 0u32;
        for (i, c) in line.char_indices() {
            col += 1;
            let (ch, name, written) = match (unseen(c), c) {
                (Some(name), _) => (c, name, None),
                (None, '\\') => match escape(&line[i..]) {
                    Some((e, w)) => match unseen(e) {
                        Some(name) => (e, name, Some(w)),
                        None => continue,
                    },
                    None => continue,
                },
                _ => continue,
            };
            found += 1;
            let pos = Pos::new(rel, l as u32 + 1, col);
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
