//! What adversary 44 left open (F3, F6, J5, J6, L3): each a located, worded diagnostic, and
//! none said of something the author did not write.

use crate::common::{build, minimal_copy};

pub(crate) fn sop(dir: &std::path::Path, name: &str, yaml: &str) {
    let sop = dir.join("content/sop");
    std::fs::create_dir_all(&sop).unwrap();
    std::fs::write(sop.join(name), yaml).unwrap();
}

/// Write `line` into the first collection of the handbook's doracak.toml; the file's text
/// before and after.
fn in_first_collection(dir: &std::path::Path, line: &str) -> (String, String) {
    let toml = dir.join("doracak.toml");
    let before = std::fs::read_to_string(&toml).unwrap();
    let after = before.replacen(
        "[[collections]]\n",
        &format!("[[collections]]\n{line}\n"),
        1,
    );
    std::fs::write(&toml, &after).unwrap();
    (before, after)
}

/// A Kosovo role, so that "Kosovë" is a jurisdiction a role writes.
fn kosovo_role(dir: &std::path::Path) {
    std::fs::write(
        dir.join("content/roles/komuna.yaml"),
        "title: Komuna\nkind: role\ndefinition: Komuna.\njurisdiction: Kosovë\n",
    )
    .unwrap();
}

#[test]
fn follows_never_leads_round_in_a_circle_nor_to_a_free_step() {
    // F3: 16 follows 20 and 20 follows 16 was accepted and the second link silently
    // dropped; F6: a step following a free step floated unconnected in the diagram.
    let dir = minimal_copy();
    sop(
        dir.path(),
        "93-rreth.yaml",
        "title: Rreth\ncollection: psv\nsteps:\n  - number: \"1\"\n    text: Hapi i parë.\n  - number: \"2\"\n    follows: \"3\"\n    text: Hapi i dytë.\n  - number: \"3\"\n    follows: \"2\"\n    text: Hapi i tretë.\n  - number: \"4\"\n    free: true\n    text: Hapi i katërt.\n  - number: \"5\"\n    follows: \"4\"\n    text: Hapi i pestë.\n",
    );
    let out = build(dir.path(), &dir.path().join("site"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    for (line, says) in [
        (
            "93-rreth.yaml:7:",
            "expected `follows:` to lead to a step that follows none, found a circle: 2 → 3 → 2",
        ),
        (
            "93-rreth.yaml:16:",
            "expected a step that others may follow, found \"4\", marked `free: true`",
        ),
    ] {
        assert!(
            err.lines().any(|l| l.contains(line) && l.contains(says)),
            "{line} {says}:\n{err}"
        );
    }
    // One circle, said once.
    assert_eq!(err.matches("found a circle").count(), 1, "{err}");
    assert!(!dir.path().join("site/index.html").exists());
}

#[test]
fn an_unreadable_config_is_said_once_not_as_undeclared_collections() {
    // J5: a wrong type in doracak.toml was followed by one bogus "not declared" warning per
    // collection, with a hint to declare what was declared.
    let dir = minimal_copy();
    in_first_collection(dir.path(), "jurisdiction = 5");
    let out = build(dir.path(), &dir.path().join("site"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(
        err.lines()
            .any(|l| l.starts_with("doracak.toml:") && l.contains("expected a string")),
        "{err}"
    );
    assert!(!err.contains("is not declared in doracak.toml"), "{err}");
}

#[test]
fn a_jurisdiction_on_a_collection_none_of_whose_actors_has_it_is_warned() {
    // J6: `jurisdiction = "Kosovë"` on the Albanian collection drew Kosovo bodies as its
    // quizzes' wrong answers, silently.
    let dir = minimal_copy();
    kosovo_role(dir.path());
    let (text, _) = in_first_collection(dir.path(), "jurisdiction = \"Kosovë\"");
    let toml = dir.path().join("doracak.toml");
    let out = build(dir.path(), &dir.path().join("site"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "warning: the collection \"psv\" has the jurisdiction \"Kosovë\", yet none of its steps is done by a role of it"
        ),
        "{err}"
    );
    // Without the jurisdiction on the collection, nothing is said.
    std::fs::write(&toml, text).unwrap();
    let out = build(dir.path(), &dir.path().join("site2"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("has the jurisdiction"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_folder_at_the_lock_is_named_as_the_lock() {
    // L3: "cannot prepare the output folder site: Is a directory" named the wrong thing.
    let dir = minimal_copy();
    std::fs::create_dir(dir.path().join(".site.doracak-lock")).unwrap();
    let out = build(dir.path(), &dir.path().join("site"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(
        err.contains(".site.doracak-lock to be a plain file, found a folder"),
        "{err}"
    );
    assert!(!dir.path().join("site/index.html").exists());
}

#[test]
fn a_syntax_error_in_a_procedure_says_nothing_of_the_places_it_held() {
    // Adversary 45, C-1: a procedure that could not be read made a role's `mentioned:` of
    // its steps an error too ("expected an id like …, found \"…\"", the very id).
    let dir = minimal_copy();
    let role = dir.path().join("content/roles/punonjes-social.yaml");
    let text = std::fs::read_to_string(&role).unwrap();
    std::fs::write(&role, format!("{text}mentioned: [identifikimi-formal.1]\n")).unwrap();
    let sop = dir.path().join("content/sop/02-identifikimi-formal.yaml");
    let text = std::fs::read_to_string(&sop).unwrap();
    std::fs::write(&sop, format!("{text}\n  - [unclosed\n")).unwrap();
    let out = build(dir.path(), &dir.path().join("site"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(err.contains("02-identifikimi-formal.yaml:"), "{err}");
    assert!(!err.contains("punonjes-social.yaml"), "{err}");
}

#[test]
fn an_as_soon_as_possible_duty_is_asked_in_no_language() {
    // Adversary 45, Q-1: "sa më shpejt … jo më vonë se 7 ditë" (001:1231-1232) was asked
    // "by when?" on the English site, its stem quoting the words that give the answer.
    let dir = tempfile::tempdir().unwrap();
    let root = crate::common::repo();
    for d in ["content", "standards"] {
        crate::common::copy_tree(&root.join(d), &dir.path().join(d));
    }
    let toml = std::fs::read_to_string(root.join("doracak.toml")).unwrap();
    let toml = if toml.contains("\nlanguage = ") || toml.starts_with("language = ") {
        toml.replace("language = \"sq\"", "language = \"en\"")
    } else {
        format!("language = \"en\"\n{toml}")
    };
    std::fs::write(dir.path().join("doracak.toml"), toml).unwrap();
    let site = dir.path().join("site");
    crate::common::build_ok(dir.path(), &site);
    // (The English site's quizzes are under training/quiz/.)
    let quizzes = site.join("training/quiz");
    let mut read = 0;
    for entry in std::fs::read_dir(&quizzes).unwrap() {
        let page = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        assert!(!page.contains("data-question=\"kthimi-vullnetar.1.when\""));
        assert!(!page.contains("data-question=\"kthimi-vullnetar.1.punonjesi-i-rastit.when\""));
        read += 1;
    }
    assert!(read > 10, "{read} quiz pages");
}

#[test]
fn a_collections_jurisdiction_is_judged_at_its_line_with_a_near_spelling() {
    // Adversary 45, J-1: "doracak.toml: error: …" with no line, then a warning that only
    // followed from the error; "kosovë" without "did you mean".
    let dir = minimal_copy();
    kosovo_role(dir.path());
    let (_, text) = in_first_collection(dir.path(), "jurisdiction = \"kosovë\"");
    let line = text
        .lines()
        .position(|l| l.starts_with("jurisdiction"))
        .unwrap()
        + 1;
    let out = build(dir.path(), &dir.path().join("site"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(
        err.contains(&format!(
            "doracak.toml:{line}:16: error: expected the jurisdiction of collection \"psv\" to be one a role declares, found \"kosovë\""
        )),
        "{err}"
    );
    assert!(err.contains("did you mean \"Kosovë\"?"), "{err}");
    assert!(!err.contains("has the jurisdiction"), "{err}");
}

#[test]
fn a_passage_linking_indicators_needs_the_indicators() {
    // Adversary 45, I-1: `indicators: true` without content/indicators.yaml printed an
    // empty heading, silently.
    let dir = minimal_copy();
    assert!(!dir.path().join("content/indicators.yaml").exists());
    sop(
        dir.path(),
        "92-treguesit.yaml",
        "title: Treguesit\ncollection: psv\nsections:\n  - title: Treguesit e trafikimit\n    indicators: true\nsteps:\n  - number: \"1\"\n    text: Hapi.\n",
    );
    let out = build(dir.path(), &dir.path().join("site"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(
        err.lines().any(|l| l.contains("92-treguesit.yaml:5:")
            && l.contains(
                "expected content/indicators.yaml for a passage with `indicators: true`"
            )),
        "{err}"
    );
}

#[test]
fn a_step_following_itself_is_said_once_and_catch_all_and_mentioned_hold_each_role_once() {
    // Adversary 45, F-1: a self-loop `follows:` was said twice (four times with `free:`);
    // `catch_all` listing the group itself or a member, silently; M-1: a `mentioned:`
    // place twice, printed twice.
    let dir = minimal_copy();
    sop(
        dir.path(),
        "91-vete.yaml",
        "title: Vetë\ncollection: psv\nsteps:\n  - number: \"1\"\n    text: Hapi i parë.\n  - number: \"2\"\n    follows: \"2\"\n    free: true\n    text: Hapi i dytë.\n",
    );
    std::fs::write(
        dir.path().join("content/roles/grupi.yaml"),
        "title: Grupi\nkind: role\ndefinition: Grupi.\nmembers: [punonjes-social]\ncatch_all: [grupi, punonjes-social]\nmentioned: [identifikimi-formal.1, identifikimi-formal.1]\n",
    )
    .unwrap();
    let out = build(dir.path(), &dir.path().join("site"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    let about_2: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("91-vete.yaml:7:"))
        .collect();
    // Two faults, each said once: it follows itself, and it is both free and following.
    assert_eq!(about_2.len(), 2, "{err}");
    assert!(!err.contains("found a circle"), "{err}");
    assert!(!err.contains("marked `free: true`"), "{err}");
    for says in [
        "grupi.yaml:5:13: error: expected in `catch_all` another role, found this role's own id \"grupi\"",
        "grupi.yaml:5:20: error: expected in `catch_all` a role the list's last words cover, found \"punonjes-social\", a member the list names already",
        "grupi.yaml:6:36: error: expected each place once in `mentioned`, found \"identifikimi-formal.1\" again",
    ] {
        assert!(err.contains(says), "{says}\n{err}");
    }
}
