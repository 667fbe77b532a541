//! `doracak init`: a new handbook in each language checks and builds at once; a folder that
//! holds files is refused and left as it was; `--theme` writes the built-in theme.

use crate::common::*;

#[test]
fn init_writes_a_handbook_that_checks_and_builds_in_each_language() {
    for lang in ["sq", "en"] {
        let dir = tempfile::tempdir().unwrap();
        let hb = dir.path().join("doracaku");
        let o = doracak(&["init", hb.to_str().unwrap(), "--language", lang]);
        assert!(
            o.status.success(),
            "{lang}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        for part in [
            "doracak.toml",
            "standards",
            "content/sop",
            "content/roles",
            "content/forms.yaml",
            "content/glossary.yaml",
            "content/chapters",
        ] {
            assert!(hb.join(part).exists(), "{lang}: {part}");
        }
        let o = doracak(&["--root", hb.to_str().unwrap(), "check"]);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "{lang}: {stderr}");
        assert!(
            !stderr.contains("warning"),
            "{lang}: no warnings either: {stderr}"
        );
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(
            out.contains("2 standards")
                && out.contains("1 procedure,")
                && out.contains("2 roles")
                && out.contains("1 form"),
            "{lang}: {out}"
        );
        let site = dir.path().join("site");
        build_ok(&hb, &site);
        let index = read(&site.join("index.html"));
        assert!(
            index.contains(&format!("<html lang=\"{lang}\" dir=\"ltr\">")),
            "{lang}"
        );
        let s1 = read(&site.join("S1.html"));
        assert!(
            s1.contains("id=\"S1.1.1\"") && s1.contains("id=\"S1.1.g1\""),
            "{lang}: evidence and guidance"
        );
        // One chapter, under Reference, in the handbook's language.
        let (reference, chapter, link) = match lang {
            "sq" => (
                "referenca.html",
                "referenca/hyrje.html",
                "procedura/pranimi.html#pranimi.1",
            ),
            _ => (
                "reference.html",
                "reference/introduction.html",
                "procedure/admission.html#admission.1",
            ),
        };
        assert!(
            index.contains(&format!("href=\"{reference}\"")),
            "{lang}: {index}"
        );
        let page = unescape(&read(&site.join(chapter)));
        assert!(
            page.contains("<table>") && page.contains("id=\"fn-1\"") && page.contains(link),
            "{lang}: {page}"
        );
    }
}

#[test]
fn init_refuses_a_folder_that_holds_files_and_an_unknown_language() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("shenime.txt"), "mine").unwrap();
    let o = doracak(&["init", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("expected an empty or new folder, found one that holds files"),
        "{stderr}"
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "nothing was written");

    // Not a language code: a usage error (exit 2), nothing written.
    let empty = tempfile::tempdir().unwrap();
    let o = doracak(&["init", empty.path().to_str().unwrap(), "--language", "d e!"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("expected a language code such as sq, en or fr, ar, sr-Latn, found \"d e!\""),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(std::fs::read_dir(empty.path()).unwrap().count(), 0);
}

#[test]
fn init_theme_writes_the_built_in_theme_a_handbook_can_take_as_its_own() {
    let dir = minimal_copy();
    let theme = dir.path().join("theme");
    let o = doracak(&["init", theme.to_str().unwrap(), "--theme"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for part in [
        "templates/base.html",
        "static/style.css",
        "locales/sq.toml",
        "locales/en.toml",
    ] {
        assert!(theme.join(part).is_file(), "{part}");
    }
    // The copied theme is the built-in one: the site is the same as without it.
    let with = dir.path().join("with");
    build_ok(dir.path(), &with);
    std::fs::remove_dir_all(&theme).unwrap();
    let without = dir.path().join("without");
    build_ok(dir.path(), &without);
    assert!(snapshot(&with) == snapshot(&without), "the same site");
}

/// `init` on a file (a careless name, or a link to a file) says it found a file, as
/// "expected …, found …", and leaves the file as it was.
#[test]
fn init_refuses_a_file_as_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "mine\n").unwrap();
    let o = doracak(&["init", file.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "notes.txt: expected an empty or new folder, found a file; nothing was written"
        ),
        "{stderr}"
    );
    assert_eq!(read(&file), "mine\n");
}
