//! What adversary 45 left open: a timing that says it binds no one (`actors: []`) while its
//! own words name an actor of its step (W-1) is warned, at its line, with the fix.

use crate::common::{build, minimal_copy};
use crate::validations_45::sop;

#[test]
fn a_timing_binding_no_one_whose_words_name_an_actor_is_warned() {
    let dir = minimal_copy();
    std::fs::write(
        dir.path().join("content/roles/qps.yaml"),
        "title: Qendra për Punë Sociale\nabbr: QPS\nkind: role\ndefinition: Qendra.\n",
    )
    .unwrap();
    sop(
        dir.path(),
        "92-emerimi.yaml",
        "title: Emërimi\ncollection: psv\nsteps:\n  - number: \"1\"\n    text: QPS do të emërojë Menaxherin e Rastit brenda 24 orësh. Kujdestari emërohet brenda 14 ditëve.\n    actors: [qps]\n    timing:\n      - text: QPS do të emërojë Menaxherin e Rastit brenda 24 orësh\n        within: PT24H\n        actors: []\n      - text: Kujdestari emërohet brenda 14 ditëve\n        within: P14D\n        actors: []\n",
    );
    let out = build(dir.path(), &dir.path().join("site"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let says = "92-emerimi.yaml:8:15: warning: expected a timing that binds no one (`actors: []`) to name none of the actors of its step or criterion, found \"QPS\" (qps) in its words";
    assert!(err.contains(says), "{says}\n{err}");
    assert!(err.contains("write `actors: [qps]`"), "{err}");
    // The guardian's 14 days name no actor of the step: nothing said of them.
    assert!(!err.contains("92-emerimi.yaml:11:"), "{err}");
    assert_eq!(err.matches("binds no one").count(), 1, "{err}");
    // Whom it binds quoted in the source's words (`persons:`): nothing to say.
    sop(
        dir.path(),
        "92-emerimi.yaml",
        "title: Emërimi\ncollection: psv\nsteps:\n  - number: \"1\"\n    text: Kujdestari njofton QPS-në brenda 24 orësh.\n    actors: [qps]\n    timing:\n      - text: Kujdestari njofton QPS-në brenda 24 orësh\n        within: PT24H\n        actors: []\n        persons: [Kujdestari]\n",
    );
    let out = build(dir.path(), &dir.path().join("site1"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("binds no one"), "{err}");
    // The inflected title finds the role as its abbreviation does.
    sop(
        dir.path(),
        "92-emerimi.yaml",
        "title: Emërimi\ncollection: psv\nsteps:\n  - number: \"1\"\n    text: Qendrës për Punë Sociale i takon të emërojë MR brenda 24 orësh.\n    actors: [qps]\n    timing:\n      - text: Qendrës për Punë Sociale i takon të emërojë MR brenda 24 orësh\n        within: PT24H\n        actors: []\n",
    );
    let out = build(dir.path(), &dir.path().join("site2"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("found \"Qendrës për Punë Sociale\" (qps)"),
        "{err}"
    );
}

#[test]
fn a_timing_from_an_example_is_told_to_go_and_nothing_of_whom_it_binds() {
    // Adversary 46, W-8: a timing quoted from an example with `actors: []` was told both
    // "drop this timing" (an example sets no deadline) and "write `actors: [mr]`" at the
    // same place. Only the first fits: an example yields no timing.
    let dir = minimal_copy();
    std::fs::write(
        dir.path().join("content/roles/mr.yaml"),
        "title: Menaxheri i rastit\nabbr: MR\nkind: role\ndefinition: Menaxheri.\n",
    )
    .unwrap();
    sop(
        dir.path(),
        "93-shembull.yaml",
        "title: Shembulli\ncollection: psv\nsteps:\n  - number: \"1\"\n    text: |-\n      MR harton planin.\n\n      > Shembull: MR vepron brenda 3 ditëve.\n    actors: [mr]\n    timing:\n      - text: \"Shembull: MR vepron brenda 3 ditëve\"\n        within: P3D\n        actors: []\n",
    );
    let out = build(dir.path(), &dir.path().join("site"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("93-shembull.yaml:11:15: error"), "{err}");
    assert!(err.contains("only in an example"), "{err}");
    assert!(err.contains("drop this timing"), "{err}");
    assert!(!err.contains("binds no one"), "{err}");
    assert!(!err.contains("write `actors: [mr]`"), "{err}");
    // Out of the example, the same words are warned as before.
    sop(
        dir.path(),
        "93-shembull.yaml",
        "title: Shembulli\ncollection: psv\nsteps:\n  - number: \"1\"\n    text: |-\n      MR harton planin. MR vepron brenda 3 ditëve.\n    actors: [mr]\n    timing:\n      - text: \"MR vepron brenda 3 ditëve\"\n        within: P3D\n        actors: []\n",
    );
    let out = build(dir.path(), &dir.path().join("site1"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("binds no one"), "{err}");
    assert!(err.contains("write `actors: [mr]`"), "{err}");
}

#[test]
fn a_timing_in_the_words_an_example_item_goes_on_with_is_refused() {
    // Adversary 48, M-4: an item that is an example from its first word (`- > …`) goes on,
    // after its `>`, with words that are no example (003:2531-2534); nothing is derived from
    // them, so a timing quoting them is refused as one quoting the example.
    let dir = minimal_copy();
    std::fs::write(
        dir.path().join("content/roles/mr.yaml"),
        "title: Menaxheri i rastit\nabbr: MR\nkind: role\ndefinition: Menaxheri.\n",
    )
    .unwrap();
    sop(
        dir.path(),
        "94-raste.yaml",
        "title: Rastet\ncollection: psv\nsteps:\n  - number: \"1\"\n    text: |-\n      MR transferon rastin, për shembull:\n\n      - > Klienti kërkon.\n        >\n        MR njofton brenda 3 ditëve.\n    actors: [mr]\n    timing:\n      - text: \"MR njofton brenda 3 ditëve\"\n        within: P3D\n",
    );
    let out = build(dir.path(), &dir.path().join("site"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(err.contains("94-raste.yaml:13:15: error"), "{err}");
    assert!(err.contains("only in an example"), "{err}");
}
