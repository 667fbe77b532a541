//! The problems of an earlier edition, said under its own name: `v2024:handbook/standards/…`
//! for a git revision, `../previous/standards/…` for a folder. Positions and the paths a
//! message or hint names alike (a hint such as "standard 1 is already defined at
//! standards/01.yaml:1:9" names another file of the same edition).

use std::path::Path;

use crate::diagnostics::{Diagnostic, Diagnostics, Pos};

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

/// `s` with the paths of the edition it names said under `name`: any path inside `dir`
/// (absolute, as given or with its links resolved; the folder itself), and any relative
/// path that starts a word and whose first part is a file or folder of `dir`
/// (`standards/01.yaml:1:9`, `doracak.toml:1:12`, `assets/logo.png`).
pub fn text(s: &str, dir: &Path, name: &str) -> String {
    // The folder itself: `v2024:` names a revision's top, `v2024:hb/` a folder in it.
    let whole = if name.ends_with(':') {
        format!("{name}.")
    } else {
        name.trim_end_matches('/').to_string()
    };
    let mut forms = vec![dir.display().to_string()];
    if let Ok(c) = std::fs::canonicalize(dir) {
        forms.push(c.display().to_string());
    }
    let mut s = s.to_string();
    for f in forms.iter().filter(|f| f.len() > 1) {
        let f = f.trim_end_matches('/');
        s = s.replace(&format!("{f}/"), "\u{0}");
        // The folder named alone, not as the start of a longer name.
        let mut out = String::with_capacity(s.len());
        let mut rest = s.as_str();
        while let Some(at) = rest.find(f) {
            let after = &rest[at + f.len()..];
            let ends = after
                .chars()
                .next()
                .is_none_or(|c| !(crate::text::is_word_char(c) || matches!(c, '-' | '_' | '.')));
            out.push_str(&rest[..at]);
            out.push_str(if ends { "\u{1}" } else { f });
            rest = after;
        }
        out.push_str(rest);
        s = out;
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    let mut at_start = true;
    while let Some(c) = rest.chars().next() {
        match c {
            '\u{0}' => out.push_str(name),
            '\u{1}' => out.push_str(&whole),
            _ => {
                if at_start && names_a_file_of(rest, dir) {
                    out.push_str(name);
                }
                out.push(c);
            }
        }
        rest = &rest[c.len_utf8()..];
        at_start = c.is_whitespace() || matches!(c, '"' | '\'' | '(' | '`' | '[' | ',');
    }
    out
}

/// Whether `rest` starts with a relative path of the edition at `dir`: a first part that is
/// a file or folder there, followed by `/` and more, or by `:` and a line number.
fn names_a_file_of(rest: &str, dir: &Path) -> bool {
    let end = rest
        .find(|c: char| {
            c.is_whitespace() || matches!(c, '/' | ':' | '"' | '\'' | ')' | '`' | ']' | ',')
        })
        .unwrap_or(rest.len());
    let (first, after) = rest.split_at(end);
    if first.is_empty() || first == "." || first == ".." {
        return false;
    }
    let mut next = after.chars();
    let path_like = match next.next() {
        Some('/') => next.next().is_some_and(|c| !c.is_whitespace()),
        Some(':') => next.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    };
    path_like && dir.join(first).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_paths_a_hint_names_are_said_under_the_edition() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        for d in ["standards", "content", "assets"] {
            std::fs::create_dir(dir.join(d)).unwrap();
        }
        std::fs::write(dir.join("doracak.toml"), "").unwrap();
        let abs = dir.display().to_string();
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
                &format!("first at {abs}/content/sop/a.yaml:2:3"),
                dir,
                "old/"
            ),
            "first at old/content/sop/a.yaml:2:3"
        );
        // Any file or folder of the edition, not only the handbook's usual ones.
        assert_eq!(
            text("see assets/logo.png and doracak.toml:1:12", dir, "v1:"),
            "see v1:assets/logo.png and v1:doracak.toml:1:12"
        );
        assert_eq!(
            text(&format!("under {abs}/somewhere/else.yaml"), dir, "v1:"),
            "under v1:somewhere/else.yaml"
        );
        // The folder itself, named alone; a longer name that starts the same is left.
        assert_eq!(
            text(&format!("no handbook at {abs}, nor at {abs}-2"), dir, "v1:"),
            format!("no handbook at v1:., nor at {abs}-2")
        );
        assert_eq!(text(&format!("in \"{abs}\""), dir, "old/"), "in \"old\"");
        // A path through a link to the folder is the same folder.
        #[cfg(unix)]
        {
            let link = tempfile::tempdir().unwrap();
            let via = link.path().join("l");
            std::os::unix::fs::symlink(dir, &via).unwrap();
            let real = std::fs::canonicalize(dir).unwrap();
            assert_eq!(
                text(
                    &format!("at {}/standards/a.yaml", real.display()),
                    &via,
                    "v1:"
                ),
                "at v1:standards/a.yaml"
            );
        }
        // A word that only looks like a folder's name inside another word is left, and so
        // is a relative path whose first part the edition does not have.
        assert_eq!(
            text("see substandards/x", dir, "old/"),
            "see substandards/x"
        );
        assert_eq!(text("see theme/x.html", dir, "old/"), "see theme/x.html");
        assert_eq!(
            text("(content/forms.yaml)", dir, "old/"),
            "(old/content/forms.yaml)"
        );
        assert_eq!(
            position(&Pos::new(dir.join("standards/a.yaml"), 1, 2), dir, "r:"),
            Pos::new("r:standards/a.yaml", 1, 2)
        );
        assert_eq!(
            position(&Pos::new("standards/a.yaml", 1, 2), dir, "old/"),
            Pos::new("old/standards/a.yaml", 1, 2)
        );
    }
}
