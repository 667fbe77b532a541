//! YAML errors for people: the parser's message as "expected …, found …", with a hint for
//! the mistakes authors make most, and what was found at the error's position.

use crate::text::TextExt;

/// The parser's message, rephrased as "expected …, found …" where the library's own
/// words are terse, and a hint for the mistakes authors make most. `found` is the text at
/// the error's position.
pub(super) fn describe_yaml_error(
    e: &serde_saphyr::Error,
    found: String,
) -> (String, Option<String>) {
    let raw = e.to_string();
    // The library appends " at line N, column M"; the diagnostic prints the place itself.
    let mut msg = raw.lines().next().unwrap_or("").trim().to_string();
    if let Some(i) = msg.rfind(" at line ") {
        msg.truncate(i);
    }
    if let Some(i) = msg.find(", set DuplicateKeyPolicy") {
        msg.truncate(i);
    }
    let found = if found.is_empty() {
        "nothing".to_string()
    } else {
        format!("`{found}`")
    };
    let lower = msg.lowered();
    let (msg, hint) = if lower.starts_with("invalid u32")
        || lower.starts_with("invalid u64")
        || lower.starts_with("invalid i")
    {
        (format!("expected a whole number, found {found}"), None)
    } else if lower.starts_with("invalid boolean") {
        (format!("expected true or false, found {found}"), None)
    } else if lower.starts_with("expected string scalar") {
        (
            format!("expected text, found {found}"),
            Some(
                "quote text that starts with [ { * & ! | > or contains \": \" (or use a `|` block)"
                    .to_string(),
            ),
        )
    } else if lower.starts_with("expected mapping start") {
        (
            format!("expected a mapping (`key: value` lines), found {found}"),
            Some(
                "check the indentation: the fields of one item line up under each other"
                    .to_string(),
            ),
        )
    } else if lower.starts_with("expected sequence start") {
        (
            format!("expected a list (`- item` lines, or `[a, b]`), found {found}"),
            None,
        )
    } else if lower.contains("null into string") || lower.contains("invalid type: null") {
        (
            format!(
                "expected text, found nothing (`{}`)",
                found.trim_matches('`')
            ),
            Some("write the text, or leave the field out if the source has none".to_string()),
        )
    } else if lower.starts_with("recursion limit exceeded") {
        (
            "expected lists and mappings nested a few levels deep, found nesting deeper than any handbook needs"
                .to_string(),
            Some("check for brackets [ { that are never closed, or indentation that keeps growing".to_string()),
        )
    } else if let Some(key) = msg.strip_prefix("duplicate mapping key: ") {
        (
            format!("expected each key once in a mapping, found `{key}` again"),
            Some("keep one of the two; a later one would silently replace the first".to_string()),
        )
    } else if lower.contains("recursive reference") {
        (
            "expected a value, found an alias that refers to itself (a reference cycle)"
                .to_string(),
            Some(
                "an alias (*name) must not point into the anchor (&name) that contains it"
                    .to_string(),
            ),
        )
    } else if lower.contains("unknown field") {
        unknown_field(&msg)
    } else if lower.contains("missing field") {
        (
            format!("{msg}: expected it in this mapping, found none"),
            Some("every required field is listed in docs/content-format.md".to_string()),
        )
    } else if lower.contains("duplicate") {
        (
            msg,
            Some(
                "each key may appear once in a mapping; remove or rename the second one"
                    .to_string(),
            ),
        )
    } else if lower.contains("found a tab") || lower.contains("tabs") {
        (
            "expected spaces for indentation, found a tab".to_string(),
            Some("indent with spaces; YAML does not allow tabs for indentation".to_string()),
        )
    } else if lower.contains("budget")
        || lower.contains("alias")
        || lower.contains("depth")
        || lower.contains("recursion")
    {
        (
            msg,
            Some("the file nests or repeats (through anchors and aliases) far more than content needs".to_string()),
        )
    } else if lower == "unexpected end of input" {
        (
            "expected the file's fields (`key: value` lines), found an empty file".to_string(),
            Some("every file's fields are listed in docs/content-format.md".to_string()),
        )
    } else if let Some(c) = msg.strip_prefix("unexpected character: ") {
        (
            format!("expected text, found the control character {}", c.trim_matches(['`', '\''])),
            Some("the file holds a character no text has (a NUL or other control character); remove it".to_string()),
        )
    } else if lower.contains("bom must not appear") {
        (
            "expected text, found a byte-order mark (U+FEFF) inside the file".to_string(),
            Some("a byte-order mark may stand only at the very start of a file; delete the invisible character here".to_string()),
        )
    } else if lower.contains("trailing content after") {
        (
            format!("expected the end of the line (or a `# comment`) after the closing quote, found {found}"),
            Some("a quote inside quoted text ends it early (write \\\" or use single quotes), or a quote left open on a line above ran on to here: check the quotes above this line".to_string()),
        )
    } else if lower.contains("did not find expected '-' indicator") {
        (
            format!("expected a list item (`- …`) lined up with the items above it, found {found}"),
            Some("check the indentation: the fields of one item line up under each other, and each list item starts with `- ` at the list's own indentation".to_string()),
        )
    } else if lower.contains("did not find expected key") {
        (
            format!("expected a `key: value` line lined up with the fields above it, found {found}"),
            Some("check the indentation: the fields of one item line up under each other, and each list item starts with `- ` at the list's own indentation".to_string()),
        )
    } else if msg.is_empty() {
        (
            "expected valid YAML, found something the parser could not read".to_string(),
            None,
        )
    } else if let Some(expected) = lower
        .starts_with("invalid type: ")
        .then(|| msg.split_once(", expected ").map(|(_, e)| e))
        .flatten()
    {
        (format!("expected {expected}, found {found}"), None)
    } else if lower.contains("expected") {
        // Already says what was expected ("unknown variant `x`, expected one of …").
        (msg, None)
    } else {
        // The parser's own words, put as what was expected and what was found.
        (format!("expected valid YAML, found {found} ({msg})"), None)
    };
    (msg, hint)
}

/// `unknown field `outcom`, expected one of number, title, outcome, …` as "expected one of
/// …, found `outcom`", with the known field nearest to it named where it is near enough to
/// be a typo.
fn unknown_field(msg: &str) -> (String, Option<String>) {
    let plain = msg.replace('`', "");
    let rest = plain.split_once("unknown field ").map_or("", |(_, r)| r);
    let (field, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
    let known: Vec<&str> = expected
        .trim_start_matches("one of ")
        .split([',', ' '])
        .map(str::trim)
        .filter(|k| !k.is_empty() && *k != "or")
        .collect();
    let docs = "the fields each file may have are listed in docs/content-format.md";
    let nearest = known
        .iter()
        .map(|k| (crate::text::edit_distance(field, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.chars().count() / 3))
        .min();
    let hint = match nearest {
        Some((_, k)) => format!("did you mean `{k}`? {docs}"),
        None => docs.to_string(),
    };
    let message = if expected.is_empty() {
        format!("expected no field here, found `{field}`")
    } else {
        format!("expected {expected}, found `{field}`")
    };
    (message, Some(hint))
}

/// The rest of the line at a 1-based position, trimmed and shortened: what was found there.
pub(super) fn found_at(text: &str, line: u32, col: u32) -> String {
    let Some(l) = text.lines().nth(line.saturating_sub(1) as usize) else {
        return String::new();
    };
    let rest: String = l.chars().skip(col.saturating_sub(1) as usize).collect();
    let rest = rest.trim();
    if crate::text::at_least(rest, 41) {
        format!("{}…", rest.chars().take(40).collect::<String>())
    } else {
        rest.to_string()
    }
}
