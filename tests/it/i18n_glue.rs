//! No template or script writes a word or a piece of punctuation of its own between the
//! pieces a reader sees: every "label: value", "1.2", "(abbr)", "a — b", "x / y", "1." of a
//! question, "a." of a choice and every separator of a list is a message of the pack, whose
//! word order and punctuation a translation decides.

use crate::common::*;

/// `text` with every region from `open` to the next `close` (both included) blanked.
fn blank(text: &str, open: &str, close: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(open) {
        out.push_str(&rest[..i]);
        let after = &rest[i + open.len()..];
        let end = after.find(close).map_or(after.len(), |j| j + close.len());
        out.push('\0');
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// The text a template writes outside its tags, statements, expressions and comments: the
/// page class of `body_class` and the arrows hidden from screen readers (drawn by the style
/// sheet's direction) aside.
fn template_text(src: &str) -> Vec<String> {
    let mut t = src.to_string();
    for (open, close) in [
        ("{#", "#}"),
        ("<script", "</script>"),
        ("<style", "</style>"),
        ("{% block body_class %}", "{% endblock %}"),
        ("<span class=\"dir-arrow\" aria-hidden=\"true\">", "</span>"),
        ("{%", "%}"),
        ("{{", "}}"),
        ("<", ">"),
    ] {
        t = blank(&t, open, close);
    }
    t.split(|c: char| c == '\0' || c.is_whitespace())
        .filter(|w| !w.is_empty() && *w != "&nbsp;")
        .map(str::to_string)
        .collect()
}

#[test]
fn a_template_writes_no_text_outside_its_messages() {
    // The scanner sees glue: a template that writes it is caught.
    assert_eq!(
        template_text("<td>{{ s.number }}.{{ c.number }}</td> ({{ a }}) — {% if x %}, {% endif %}"),
        [".", "(", ")", "—", ","]
    );
    assert!(template_text("<p>{{ say(\"x\", a=b) }}</p>{# a: b #}").is_empty());
    let mut found = Vec::new();
    for e in std::fs::read_dir(repo().join("theme/templates")).unwrap() {
        let p = e.unwrap().path();
        for w in template_text(&read(&p)) {
            found.push(format!(
                "{}: {w:?}",
                p.file_name().unwrap().to_string_lossy()
            ));
        }
    }
    assert!(
        found.is_empty(),
        "text a template writes itself:\n{}",
        found.join("\n")
    );
}

/// A string literal of punctuation only ("—", " / ", ". ", "; ") that a script glues to
/// what a reader sees: concatenated (`+`), a list's separator (`.join(…)`) or a value
/// returned. A message's English fallback (the last argument of `say(key, {…}, …)`) is
/// the pack's absence, not glue.
fn script_glue(src: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in src.lines().enumerate() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        let b = line.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i] != b'"' {
                i += 1;
                continue;
            }
            let start = i;
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            let end = i.min(b.len());
            i += 1;
            let lit = line[start + 1..end]
                .replace("\\u2014", "—")
                .replace("\\u00b7", "·");
            let glue = !lit.trim().is_empty()
                && lit
                    .chars()
                    .all(|c| c.is_whitespace() || "—·:/.();,›→–".contains(c));
            if !glue {
                continue;
            }
            let before = line[..start].trim_end();
            let after = line[end.min(line.len() - 1) + 1..].trim_start();
            let glued = before.ends_with('+')
                || before.ends_with(".join(")
                || before.ends_with("return")
                || after.starts_with('+');
            let fallback = before
                .rfind("}, ")
                .is_some_and(|k| !before[k..].contains('{') && before[..k].contains("say("));
            if glued && !fallback {
                out.push((n + 1, lit));
            }
        }
    }
    out
}

#[test]
fn a_script_glues_no_punctuation_to_what_a_reader_sees() {
    // The scanner sees glue: the forms this test was written against are caught.
    assert_eq!(
        script_glue(
            "var a = s.number + \".\" + c.number;\nvar h = x.join(\" — \");\nreturn \"\\u2014\";\n"
        ),
        [
            (1, ".".to_string()),
            (2, " — ".to_string()),
            (3, "—".to_string())
        ]
    );
    assert!(script_glue("say(\"k\", { a: 1 }, \"Found \" + a + \".\");").is_empty());
    // Glue that is no reader's text: a file name's dot, a time's colons, a store key, the
    // English detail of a file's shape that the command line words the same.
    let allowed: &[(&str, &str)] = &[
        ("assessment-files.js", "."),
        ("assessment-state.js", ":"),
        ("assessment-store.js", ":"),
        // The path of a key in an imported file (set_aside.plan[0].criterion): the file's
        // own keys, the same in every language.
        ("assessment-core.js", "."),
        // A split catalogue's shape rebuilt: ids and numbers where they follow the pattern
        // `S1.3`, `S1.3.1`, `3.1` exactly (`write_catalog_shape` writes them out otherwise),
        // the same strings the catalogue's files hold, not words of a pack.
        ("assessment-parts.js", "."),
        // A split standard's self-assessment page drawn: a criterion's and an evidence
        // item's number as its template writes it (`s.number ~ "." ~ c.number`), the
        // number a message of the pack receives, not words of a pack.
        ("assessment-standard-part.js", "."),
    ];
    let mut found = Vec::new();
    for e in std::fs::read_dir(repo().join("theme/static")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_none_or(|x| x != "js") {
            continue;
        }
        let file = p.file_name().unwrap().to_string_lossy().to_string();
        for (line, lit) in script_glue(&read(&p)) {
            if !allowed.contains(&(file.as_str(), lit.as_str())) {
                found.push(format!("{file}:{line}: {lit:?}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "punctuation a script glues itself:\n{}",
        found.join("\n")
    );
}

/// The `format!` strings of `src` that are placeholders joined by punctuation a reader sees
/// ("{row}: {col}", "{} — {date}", "{}. {}", "{} / {}"): a sentence glued in Rust, whose
/// word order and punctuation the pack should decide. Numbers and ids ("{}.{}") are no
/// glue: they have no space.
fn rust_glue(src: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in src.lines().enumerate() {
        let mut rest = line;
        while let Some(i) = rest.find("format!(\"") {
            let body = &rest[i + 9..];
            let Some(end) = body.find('"') else { break };
            let lit = &body[..end];
            rest = &body[end..];
            // Only placeholders and punctuation, with a separator that holds a space.
            let mut bare = lit.to_string();
            while let (Some(a), Some(b)) = (bare.find('{'), bare.find('}')) {
                if b < a {
                    break;
                }
                bare.replace_range(a..=b, "\u{1}");
            }
            let only = bare
                .chars()
                .all(|c| c == '\u{1}' || c.is_whitespace() || "—·:/.();,–-".contains(c));
            let joins = [": ", ". ", " — ", " · ", "; ", " / ", ", "]
                .iter()
                .any(|s| bare.contains(s));
            if only && joins && bare.contains('\u{1}') {
                out.push((n + 1, lit.to_string()));
            }
        }
    }
    out
}

#[test]
fn rust_glues_no_sentence_a_reader_sees() {
    // The scanner sees glue: the forms this test was written against are caught.
    assert_eq!(
        rust_glue(
            "let n = format!(\"{row_name}: {col}\");\nlet t = format!(\"{}. {}\", a, b);\nlet id = format!(\"{}.{}\", s, c);"
        ),
        [
            (1, "{row_name}: {col}".to_string()),
            (2, "{}. {}".to_string())
        ]
    );
    // Glue that no reader sees: an error's detail appended to the diagnostics' English.
    let allowed: &[(&str, &str)] = &[
        ("src/pipeline/search/reader.rs", "{what}: {e}"),
        ("src/pipeline/render/environment.rs", ": {d}"),
        // A refusal's hint after what recovery put right, both the command line's English.
        ("src/pipeline/write/open.rs", "{first}; {}"),
        // An ordered list's marker as the content's own Markdown numbers it ("1. ").
        ("src/pipeline/render/xlsform.rs", "{n}. "),
    ];
    let mut found = Vec::new();
    for e in walkdir::WalkDir::new(repo().join("src"))
        .into_iter()
        .filter_map(Result::ok)
    {
        let p = e.path();
        if p.extension().is_none_or(|x| x != "rs") {
            continue;
        }
        let rel = p
            .strip_prefix(repo())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        for (line, lit) in rust_glue(&read(p)) {
            if !allowed.contains(&(rel.as_str(), lit.as_str())) {
                found.push(format!("{rel}:{line}: {lit:?}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "sentences glued in Rust:\n{}",
        found.join("\n")
    );
}
