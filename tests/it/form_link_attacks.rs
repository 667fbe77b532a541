//! Session 43: the step–form links and the forms' catalogue, attacked as a careless and a
//! hostile author would (words typed without ë, pasted megabytes, terminal escapes, links
//! given twice, broken YAML, the catalogue lost). Each is a located "expected …, found …"
//! error, all at once, never a panic, and the site folder is left as it was.

use crate::common::{build, build_ok, minimal_copy, read, snapshot};

/// The minimal handbook built once, then its procedure replaced by `sop` (bytes, as a
/// careless editor saves them) and built again: the stderr of the failed build. The
/// earlier site is unchanged, and nothing panicked.
fn failed_build(sop: &[u8], change: impl FnOnce(&std::path::Path)) -> String {
    let dir = minimal_copy();
    let site = dir.path().join("site");
    build_ok(dir.path(), &site);
    let before = snapshot(&site);
    std::fs::write(
        dir.path().join("content/sop/02-identifikimi-formal.yaml"),
        sop,
    )
    .unwrap();
    change(dir.path());
    let out = build(dir.path(), &site);
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!out.status.success(), "{err}");
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(snapshot(&site) == before, "the site changed: {err}");
    err
}

/// A procedure whose one step is `text` and links `forms` (YAML lines, indented 6).
fn sop(text: &str, forms: &str) -> String {
    format!(
        "title: Identifikimi formal\ncollection: psv\nsteps:\n  - number: \"1\"\n    text: {text}\n    actors: [punonjes-social]\n    forms:\n{forms}"
    )
}

#[test]
fn words_typed_without_e_umlaut_are_shown_as_the_step_prints_them_and_decomposed_ones_are_the_same_words()
 {
    let text = "Plotësohet deklarata e konfidencialitetit nga fëmija.";
    let err = failed_build(
        sop(
            text,
            "      - form: A1\n        named: \"deklarata e konfidencialitetit nga femija\"\n",
        )
        .as_bytes(),
        |_| {},
    );
    assert!(
        err.contains("02-identifikimi-formal.yaml:9:16: error: expected the words naming form A1 as they stand in the step's own text"),
        "{err}"
    );
    assert!(
        err.contains("hint: the step prints them \"deklarata e konfidencialitetit nga fëmija\""),
        "{err}"
    );
    assert_eq!(err.matches("error:").count(), 1, "{err}");
    // "ë" written as "e" + U+0308 is the same letter: read composed (adversary 47, M-5),
    // the words stand in the step, and the link holds.
    let dir = minimal_copy();
    std::fs::write(
        dir.path().join("content/sop/02-identifikimi-formal.yaml"),
        sop(
            text,
            "      - form: A1\n        named: \"deklarata e konfidencialitetit nga fe\u{308}mija\"\n",
        ),
    )
    .unwrap();
    build_ok(dir.path(), &dir.path().join("site"));
}

#[test]
fn megabytes_of_quoted_words_are_cut_in_the_message() {
    let named = "deklarata ".repeat(200_000);
    let err = failed_build(
        sop(
            "Plotësohet deklarata.",
            &format!("      - form: A1\n        named: \"{named}\"\n"),
        )
        .as_bytes(),
        |_| {},
    );
    assert!(err.len() < 4000, "{} bytes of stderr", err.len());
    assert!(err.contains("characters left out"), "{err}");
    assert!(
        err.contains("9:16: error: expected the words naming form A1"),
        "{err}"
    );
}

#[test]
fn escapes_and_bidi_controls_quoted_in_a_message_reach_no_terminal() {
    let err = failed_build(
        sop(
            "Plotësohet deklarata.",
            "      - form: A1\n        named: \"\\e[2J\\e[31mdeklarata\\rkonfidencialitetit\\u202Ex\\a\"\n",
        )
        .as_bytes(),
        |_| {},
    );
    for c in ['\u{1b}', '\r', '\u{7}', '\u{202e}'] {
        assert!(!err.contains(c), "{c:?} reaches the terminal: {err:?}");
    }
    assert!(
        err.contains("\\u{1b}[2J") && err.contains("\\u{202e}"),
        "{err}"
    );
}

#[test]
fn a_form_linked_twice_from_one_step_is_an_error() {
    let err = failed_build(
        sop(
            "Plotësohet deklarata e konfidencialitetit.",
            concat!(
                "      - A1\n",
                "      - form: A1\n",
                "        named: \"deklarata e konfidencialitetit\"\n",
            ),
        )
        .as_bytes(),
        |_| {},
    );
    assert!(
        err.contains("02-identifikimi-formal.yaml:9:15: error: expected each form once in a step's forms, found A1 again (first at content/sop/02-identifikimi-formal.yaml:8:9)"),
        "{err}"
    );
    assert_eq!(err.matches("error:").count(), 1, "{err}");
}

#[test]
fn broken_yaml_says_what_was_expected_and_what_was_found() {
    let cases: [(&str, &str); 3] = [
        // A quote left open runs on to the next quote.
        (
            "      - form: A1\n        named: \"deklarata\n      - form: A1\n        named: \"x\"\n",
            "expected the end of the line (or a `# comment`) after the closing quote, found",
        ),
        (
            "      - form: A1\n       named: \"deklarata\"\n",
            "expected a list item (`- …`) lined up with the items above it, found",
        ),
        (
            "      - form: A1\n        named: {words: deklarata}\n",
            "expected text, found",
        ),
    ];
    for (forms, message) in cases {
        let err = failed_build(sop("Plotësohet deklarata.", forms).as_bytes(), |_| {});
        let line = err.lines().next().unwrap();
        assert!(
            line.starts_with("content/sop/02-identifikimi-formal.yaml:")
                && line.contains(&format!(": error: {message}")),
            "{err}"
        );
    }
}

#[test]
fn crlf_tabs_and_a_line_break_inside_the_words_are_the_words() {
    let dir = minimal_copy();
    let text = sop(
        "Plotësohet deklarata e konfidencialitetit nga fëmija.",
        "      - form: A1\n        named: >-\n          deklarata e\n          konfidencialitetit\n",
    )
    .replace('\n', "\r\n");
    std::fs::write(
        dir.path().join("content/sop/02-identifikimi-formal.yaml"),
        text,
    )
    .unwrap();
    build_ok(dir.path(), &dir.path().join("site"));
}

#[test]
fn a_lost_catalogue_is_one_error_not_one_per_reference() {
    // Lost: the step's link is the one error, located.
    let err = failed_build(
        sop("Plotësohet deklarata.", "      - A1\n      - A1x\n").as_bytes(),
        |root| std::fs::remove_file(root.join("content/forms.yaml")).unwrap(),
    );
    assert!(
        err.contains("02-identifikimi-formal.yaml:8:9: error: expected content/forms.yaml, the catalogue of the forms this and ")
            && err.contains(" other references name, found no such file"),
        "{err}"
    );
    assert_eq!(err.matches("error:").count(), 1, "{err}");
    // Unreadable (saved as UTF-16): its own error, none on the printed forms it lists.
    let mr9 = read(&crate::common::repo().join("content/forms/MR9.yaml"));
    let err = failed_build(
        sop("Plotësohet deklarata.", "      - A1\n").as_bytes(),
        |root| {
            let forms = root.join("content/forms.yaml");
            let mut text = read(&forms);
            text.push_str("  - title: Formularët\n    forms:\n      - id: MR9\n        title: Mbyllja e rastit\n");
            let utf16: Vec<u8> = [0xFF, 0xFE]
                .into_iter()
                .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
                .collect();
            std::fs::write(&forms, utf16).unwrap();
            std::fs::create_dir_all(root.join("content/forms")).unwrap();
            std::fs::write(root.join("content/forms/MR9.yaml"), &mr9).unwrap();
        },
    );
    assert!(
        err.contains("content/forms.yaml:1:1: error: expected UTF-8 text, found UTF-16"),
        "{err}"
    );
    assert_eq!(err.matches("error:").count(), 1, "{err}");
}
