//! The fields and passages this round added are checked where they are written: a choice
//! that `continues` nothing, a second passage printing the documentation list, a list
//! printed where the procedure has none; each a located error, all at once.

use crate::common::{build, copy_tree, fixtures, minimal_copy};

#[test]
fn a_choice_that_continues_nothing_or_ticks_otherwise_is_refused_where_it_is_written() {
    let dir = minimal_copy();
    copy_tree(&fixtures().join("forms"), dir.path());
    let a1 = dir.path().join("content/forms/A1.yaml");
    let text = std::fs::read_to_string(&a1).unwrap();
    // Section 2's choice is the first of its section: it continues nothing. Section 3's
    // second choice continues the first (several boxes) with one box. A yes/no continues.
    let text = text
        .replacen(
            "      - kind: choice\n        options: [\"direkte\"",
            "      - kind: choice\n        continues: true\n        options: [\"direkte\"",
            1,
        )
        .replacen(
            "        options: [\"Vet fëmija\", \"Prindërit\"]\n",
            "        options: [\"Vet fëmija\", \"Prindërit\"]\n      - kind: choice\n        continues: true\n        multiple: false\n        options: [\"Të afërmit\"]\n",
            1,
        )
        .replacen(
            "      - kind: yesno\n",
            "      - kind: yesno\n        continues: true\n",
            1,
        );
    std::fs::write(&a1, &text).unwrap();
    let out = build(dir.path(), &dir.path().join("site"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    for says in [
        "expected a choice before this one in its section for `continues` to join, found none",
        "expected the continued choice's way of ticking (several boxes), found `multiple: false`",
        "expected no `continues` on a field of kind `yesno`, found it",
    ] {
        assert!(err.contains(says), "{says}:\n{err}");
    }
    // Each at its line in A1.yaml.
    let located = err
        .lines()
        .filter(|l| l.contains("A1.yaml:") && l.contains("contin"))
        .count();
    assert_eq!(located, 3, "{err}");
    assert!(!dir.path().join("site/index.html").exists());
}

#[test]
fn the_documentation_list_is_printed_at_one_passage_of_a_procedure_that_has_one() {
    let dir = minimal_copy();
    let sop = dir.path().join("content/sop");
    std::fs::create_dir_all(&sop).unwrap();
    std::fs::write(
        sop.join("96-pa-liste.yaml"),
        "title: Pa listë\ncollection: psv\nsections:\n  - text: \"Dokumentet janë:\"\n    documents: true\nsteps:\n  - number: \"1\"\n    text: Hapi.\n",
    )
    .unwrap();
    std::fs::write(
        sop.join("95-dy-here.yaml"),
        "title: Dy herë\ncollection: psv\nsections:\n  - text: \"Dokumentet janë:\"\n    documents: true\n  - text: \"Edhe këtu:\"\n    documents: true\nsteps:\n  - number: \"1\"\n    text: Hapi.\ndocumentation:\n  - text: \"Një dokument.\"\n",
    )
    .unwrap();
    let out = build(dir.path(), &dir.path().join("site"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    let at = |file: &str, says: &str| {
        assert!(
            err.lines().any(|l| l.contains(file) && l.contains(says)),
            "{file}: {says}:\n{err}"
        );
    };
    at(
        "96-pa-liste.yaml:5:",
        "expected a `documentation:` list in this procedure for the passage to print, found none",
    );
    at(
        "95-dy-here.yaml:7:",
        "expected one passage with `documents: true` in a procedure, found another",
    );
}

#[test]
fn a_choice_continued_after_an_other_option_takes_the_next_value() {
    // Adversary 44, C9: "Tjetër" of the choice before and the continued option both had
    // value 3.
    let dir = minimal_copy();
    copy_tree(&fixtures().join("forms"), dir.path());
    let a1 = dir.path().join("content/forms/A1.yaml");
    let text = std::fs::read_to_string(&a1).unwrap().replacen(
        "        other: \"tjetër\"\n",
        "        other: \"tjetër\"\n      - kind: choice\n        continues: true\n        options: [\"me postë\"]\n",
        1,
    );
    std::fs::write(&a1, &text).unwrap();
    let out = build(dir.path(), &dir.path().join("site"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = crate::common::read(&dir.path().join("site/formulari/A1.html"));
    let values = |label: &str| -> Vec<String> {
        page.match_indices(label)
            .filter_map(|(i, _)| {
                let before = &page[..i];
                let input = &before[before.rfind("<input")?..];
                let v = input.split("value=\"").nth(1)?;
                Some(v.split('"').next()?.to_string())
            })
            .collect()
    };
    let other = values("tjetër");
    let post = values("me postë");
    assert!(!post.is_empty(), "the continued option is on the page");
    for v in &post {
        assert!(
            !other.contains(v),
            "\"me postë\" {post:?} shares a value with \"tjetër\" {other:?}"
        );
    }
}

#[test]
fn may_be_names_another_role_not_one_it_always_is() {
    let dir = minimal_copy();
    let roles = dir.path().join("content/roles");
    let some = std::fs::read_dir(&roles)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "yaml"))
        .expect("a role in the fixture");
    let id = some.file_stem().unwrap().to_string_lossy().to_string();
    std::fs::write(
        roles.join("rol-prove.yaml"),
        format!(
            "title: Rol prove\nkind: role\ndefinition: Një rol.\nsame_as: [{id}]\nmay_be: [{id}, rol-prove]\n"
        ),
    )
    .unwrap();
    let out = build(dir.path(), &dir.path().join("site"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    for says in [
        format!(
            "expected `may_be` to name a role that is not `same_as` this one, found \"{id}\" in both"
        ),
        "expected `may_be` to name another role, found this role's own id \"rol-prove\""
            .to_string(),
    ] {
        assert!(
            err.lines()
                .any(|l| l.contains("rol-prove.yaml:5:") && l.contains(&says)),
            "{says}:\n{err}"
        );
    }
}

#[test]
fn a_collections_jurisdiction_is_one_its_roles_write() {
    let dir = minimal_copy();
    let toml = dir.path().join("doracak.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    assert!(
        text.contains("[[collections]]"),
        "the fixture declares collections"
    );
    let text = text.replacen(
        "[[collections]]\n",
        "[[collections]]\njurisdiction = \"kosovë\"\n",
        1,
    );
    std::fs::write(&toml, text).unwrap();
    let out = build(dir.path(), &dir.path().join("site"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(
        err.contains("to be one a role declares, found \"kosovë\""),
        "{err}"
    );
}

#[test]
fn a_return_goes_back_with_words_and_a_free_step_follows_nothing() {
    let dir = minimal_copy();
    let sop = dir.path().join("content/sop");
    std::fs::create_dir_all(&sop).unwrap();
    std::fs::write(
        sop.join("94-kthim.yaml"),
        "title: Kthim\ncollection: psv\nsteps:\n  - number: \"1\"\n    text: Hapi i parë.\n    returns_to:\n      step: \"2\"\n      words: \"Hapi\"\n  - number: \"2\"\n    free: true\n    follows: \"1\"\n    text: Hapi i dytë.\n    returns_to:\n      step: \"1\"\n      words: \"\"\n",
    )
    .unwrap();
    let out = build(dir.path(), &dir.path().join("site"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    for (line, says) in [
        (
            "94-kthim.yaml:7:",
            "expected a step printed before this one to return to, found \"2\", printed after it",
        ),
        (
            "94-kthim.yaml:11:",
            "expected either `free: true` or `follows:` on a step, found both",
        ),
        (
            "94-kthim.yaml:15:",
            "expected the step's words that send the case back, found none",
        ),
    ] {
        assert!(
            err.lines().any(|l| l.contains(line) && l.contains(says)),
            "{line} {says}:\n{err}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_link_planted_at_the_lock_is_never_followed() {
    // Adversary 44, L2: a symbolic link at `.site.doracak-lock` had the build truncate the
    // file it points to and write "PID build" into it.
    let dir = minimal_copy();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "my notes").unwrap();
    std::os::unix::fs::symlink(&victim, dir.path().join(".site.doracak-lock")).unwrap();
    let out = build(dir.path(), &dir.path().join("site"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(
        err.contains("found a symbolic link there (not followed)"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "my notes");
    assert!(!dir.path().join("site/index.html").exists());
}
