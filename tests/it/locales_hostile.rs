//! A handbook's strings file as a careless or hostile translator leaves it: a placeholder
//! with a brace missing or spaces inside, bytes of a legacy encoding (Windows-1252, 1250),
//! an empty file, a key the interface has not; and `init` for a language written right to
//! left. Every problem is located `file:line:col: error: …`, exit 1, no panic.

use crate::common::*;

/// `check` of the minimal handbook with `theme/strings.toml` holding `bytes`: exit code
/// and stderr.
fn check_with(bytes: &[u8]) -> (Option<i32>, String) {
    let dir = minimal_copy();
    std::fs::create_dir_all(dir.path().join("theme")).unwrap();
    std::fs::write(dir.path().join("theme/strings.toml"), bytes).unwrap();
    let o = doracak(&["--root", dir.path().to_str().unwrap(), "check"]);
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn a_brace_that_opens_or_closes_no_placeholder_is_a_located_error() {
    for (text, found) in [
        (
            "home = \"Ballina\"\nprint_button = \"Shtyp {\"\n",
            "found a `{` that is never closed",
        ),
        (
            "home = \"Ballina\"\npercent = \"{ n } %\"\n",
            "found `{ n }`",
        ),
        ("percent = \"n} %\"\n", "found a `}` that closes no `{`"),
    ] {
        let (code, stderr) = check_with(text.as_bytes());
        assert_eq!(code, Some(1), "{text}: {stderr}");
        let line = if text.starts_with("home") { 2 } else { 1 };
        assert!(
            stderr.contains(&format!("theme/strings.toml:{line}:")) && stderr.contains(found),
            "{text}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn a_strings_file_in_a_legacy_encoding_is_a_located_error_not_an_absent_file() {
    // "Ballinë" in Windows-1252 and "Për" in Windows-1250: ë is 0xEB in both.
    for bytes in [
        &b"home = \"Ballin\xeb\"\n"[..],
        &b"# Shqip\nprint_button = \"P\xebr t\xeb shtypur\"\n"[..],
    ] {
        let (code, stderr) = check_with(bytes);
        assert_eq!(code, Some(1), "{stderr}");
        let line = if bytes.starts_with(b"#") { 2 } else { 1 };
        assert!(
            stderr.contains(&format!(
                "theme/strings.toml:{line}:{}: error: expected UTF-8 text, found the byte 0xEB",
                if line == 1 { 15 } else { 18 }
            )),
            "{stderr}"
        );
    }
}

#[test]
fn a_built_in_pack_laid_over_in_a_legacy_encoding_is_a_located_error() {
    let dir = minimal_copy();
    std::fs::create_dir_all(dir.path().join("theme/locales")).unwrap();
    std::fs::write(
        dir.path().join("theme/locales/sq.toml"),
        b"home = \"Ballin\xeb\"\n",
    )
    .unwrap();
    let o = doracak(&["--root", dir.path().to_str().unwrap(), "check"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "theme/locales/sq.toml:1:15: error: expected UTF-8 text, found the byte 0xEB"
        ),
        "{stderr}"
    );
}

#[test]
fn a_plural_form_the_language_does_not_have_is_a_located_warning() {
    // Albanian (the minimal handbook's language) counts `one` and `other` only.
    let (code, stderr) = check_with(b"criteria_count_few = \"{count} kritere\"\n");
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("theme/strings.toml:1:22: warning: `sq` has no `few` plural form (its forms: one, other); this text of `criteria_count_few` is not used"),
        "{stderr}"
    );
}

#[test]
fn an_empty_strings_file_and_an_unknown_key_leave_the_pack_as_it_is() {
    let (code, stderr) = check_with(b"");
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
    let (code, stderr) = check_with(b"\n\nhomme = \"Ballina\"\n");
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("theme/strings.toml:3:9: warning: the interface has no string `homme`"),
        "{stderr}"
    );
}

/// Stop 58: the handbook's own interface strings are read for what a reader cannot see,
/// as its content is: a bidirectional override or a control character, written as it
/// stands or as a TOML escape, is a located warning naming the key; the isolates a
/// right-to-left string puts around a placeholder are not. So are its own pack laid over
/// a built-in one and `doracak.toml` (adversary 58 M-5).
#[test]
fn an_invisible_character_in_the_strings_file_is_a_located_warning() {
    let text = "home = \"Ballina\"\nprint_button = \"Shtyp\u{202E}\"\n\nsearch = \"K\\u0001rko\"\nno_evidence = \"\u{2068}Asnjë\u{2069}\"\nprint_all = \"\\u202Ex\"\n";
    let (code, stderr) = check_with(text.as_bytes());
    assert_eq!(code, Some(0), "warnings, not errors: {stderr}");
    for want in [
        "theme/strings.toml:2:16: warning: expected text without bidirectional embeddings or overrides, found U+202E RIGHT-TO-LEFT OVERRIDE in `print_button`",
        "theme/strings.toml:4:10: warning: expected text without control characters, found U+0001 a control character in `search`",
        "theme/strings.toml:6:13: warning: expected text without bidirectional embeddings or overrides, found U+202E RIGHT-TO-LEFT OVERRIDE in `print_all`",
    ] {
        assert!(stderr.contains(want), "expected {want:?} in: {stderr}");
    }
    assert!(
        !stderr.contains("`home`") && !stderr.contains("`no_evidence`"),
        "{stderr}"
    );
    assert_eq!(
        stderr.matches(": warning: expected text without").count(),
        3,
        "{stderr}"
    );
}

#[test]
fn init_in_arabic_writes_a_right_to_left_handbook_that_checks_and_builds() {
    let dir = tempfile::tempdir().unwrap();
    let hb = dir.path().join("ar");
    let o = doracak(&["init", hb.to_str().unwrap(), "--language", "ar"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let strings = read(&hb.join("theme/strings.toml"));
    assert!(
        strings.contains("ar also has `_zero`, `_one`, `_two`, `_few`, `_many`"),
        "Arabic's six categories offered: {strings}"
    );
    let o = doracak(&["--root", hb.to_str().unwrap(), "check"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let site = dir.path().join("site");
    build_ok(&hb, &site);
    assert!(read(&site.join("index.html")).contains("<html lang=\"ar\" dir=\"rtl\">"));
    // Not a language code: a usage error (exit 2), nothing written.
    let bad = dir.path().join("bad");
    let o = doracak(&["init", bad.to_str().unwrap(), "--language", "../ar"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!bad.exists());
}

/// Adversary 58 M-5: a pack of the handbook's own under `theme/locales/` and the texts of
/// `doracak.toml` (its title, a scale's labels) are read for invisible characters too.
#[test]
fn an_invisible_character_in_a_pack_or_the_settings_is_a_located_warning() {
    let dir = minimal_copy();
    std::fs::create_dir_all(dir.path().join("theme/locales")).unwrap();
    // The built-in pack whole, one text changed.
    let pack = std::fs::read_to_string(repo().join("theme/locales/sq.toml")).unwrap();
    let home = pack.lines().position(|l| l.starts_with("home = ")).unwrap() + 1;
    let pack: String = pack
        .lines()
        .map(|l| match l.starts_with("home = ") {
            true => "home = \"Ball\\u202Eina\"\n".to_string(),
            false => format!("{l}\n"),
        })
        .collect();
    std::fs::write(dir.path().join("theme/locales/sq.toml"), pack).unwrap();
    let toml = dir.path().join("doracak.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    let title = text
        .lines()
        .find(|l| l.starts_with("title"))
        .unwrap()
        .to_string();
    std::fs::write(
        &toml,
        text.replacen(&title, "title = \"Doracak\\u0007\"", 1),
    )
    .unwrap();
    let o = doracak(&["--root", dir.path().to_str().unwrap(), "check"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "warnings, not errors: {stderr}");
    let line = text.lines().position(|l| l.starts_with("title")).unwrap() + 1;
    for want in [
        format!(
            "theme/locales/sq.toml:{home}:8: warning: expected text without bidirectional embeddings or overrides, found U+202E RIGHT-TO-LEFT OVERRIDE in `home`"
        ),
        format!(
            "doracak.toml:{line}:9: warning: expected text without control characters, found U+0007 a control character in `title`"
        ),
    ] {
        assert!(stderr.contains(&want), "expected {want:?} in: {stderr}");
    }
}
