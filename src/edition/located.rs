//! The problems of an earlier edition, said under its own name: `v2024:handbook/standards/…`
//! for a git revision, `../previous/standards/…` for a folder. Positions and the paths a
//! message or hint names alike (a hint such as "standard 1 is already defined at
//! standards/01.yaml:1:9" names another file of the same edition).

use std::path::Path;

use crate::diagnostics::{Diagnostic, Diagnostics, Pos};

/// The top folders and file of a handbook, as a path in a message starts.
const PARTS: [&str; 4] = ["standards/", "content/", "theme/", "doracak.toml:"];

/// The problems `found` in the edition read at `dir`, said under `name` (`v2024:handbook/`,
/// `../previous/`) into `diags`; warnings too where `warnings`.
pub fn relocate(
    found: &Diagnostics,
    dir: &Path,
    name: &str,
    diags: &mut Diagnostics,
    warnings: bool,
) {
    let copy = |d: &Diagnostic, diags: &mut Diagnostics| {
        let pos = position(&d.pos, dir, name);
        let message = text(&d.message, dir, name);
        let e = if d.severity == crate::diagnostics::Severity::Error {
            diags.error(pos, message)
        } else {
            diags.warning(pos, message)
        };
        if let Some(h) = &d.hint {
            e.hint(text(h, dir, name));
        }
    };
    for d in found.errors() {
        copy(d, diags);
    }
    if warnings {
        for d in found.warnings() {
            copy(d, diags);
        }
    }
}

/// `pos` (inside `dir`, or relative to it) under `name`.
pub fn position(pos: &Pos, dir: &Path, name: &str) -> Pos {
    let rel = pos.file.strip_prefix(dir).unwrap_or(&pos.file);
    if rel.is_absolute() {
        return pos.clone();
    }
    let rel = rel.display().to_string();
    let file = if rel.is_empty() {
        name.trim_end_matches('/').to_string()
    } else {
        format!("{name}{rel}")
    };
    Pos::new(file, pos.line, pos.col)
}

/// `s` with the paths of the edition it names (absolute under `dir`, or relative:
/// `standards/…`) said under `name`.
pub fn text(s: &str, dir: &Path, name: &str) -> String {
    let abs = format!("{}/", dir.display());
    let s = s.replace(&abs, "\u{0}");
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    let mut at_start = true;
    while let Some(c) = rest.chars().next() {
        if c == '\u{0}' {
            out.push_str(name);
            rest = &rest[1..];
            at_start = false;
            continue;
        }
        if at_start && PARTS.iter().any(|p| rest.starts_with(p)) {
            out.push_str(name);
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
        at_start = c.is_whitespace() || matches!(c, '"' | '\'' | '(' | '`' | '[' | ',');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_paths_a_hint_names_are_said_under_the_edition() {
        let dir = Path::new("/tmp/doracak-edition-1-x");
        assert_eq!(
            text(
                "standard 1 is already defined at standards/01.yaml:1:9",
                dir,
                "v2024:hb/"
            ),
            "standard 1 is already defined at v2024:hb/standards/01.yaml:1:9"
        );
        assert_eq!(
            text(
                "first at /tmp/doracak-edition-1-x/content/sop/a.yaml:2:3",
                dir,
                "old/"
            ),
            "first at old/content/sop/a.yaml:2:3"
        );
        // A word that only looks like a folder's name inside another word is left.
        assert_eq!(
            text("see substandards/x", dir, "old/"),
            "see substandards/x"
        );
        assert_eq!(
            text("(content/forms.yaml)", dir, "old/"),
            "(old/content/forms.yaml)"
        );
        assert_eq!(
            position(
                &Pos::new("/tmp/doracak-edition-1-x/standards/a.yaml", 1, 2),
                dir,
                "r:"
            ),
            Pos::new("r:standards/a.yaml", 1, 2)
        );
        assert_eq!(
            position(&Pos::new("standards/a.yaml", 1, 2), dir, "old/"),
            Pos::new("old/standards/a.yaml", 1, 2)
        );
    }
}
