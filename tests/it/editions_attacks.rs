//! Editions attacked by a careless or hostile user: each failure found is said, at its
//! place, with a hint that fits (tests/it/editions_git/attacks.rs holds the git ones).

use crate::common::*;
use crate::editions::{built, edition, new_with_previous};

/// `diff` given a file, a folder that is no handbook, or the handbook itself: the hint
/// speaks of the earlier edition's folder, never of --root (which was right).
#[test]
fn diff_against_a_file_a_non_handbook_or_the_handbook_itself_is_said_so() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("botimi.yaml");
    std::fs::write(&file, "x: 1\n").unwrap();
    let empty = dir.path().join("bosh");
    std::fs::create_dir(&empty).unwrap();
    for (old, said) in [
        (
            &file,
            "error: expected a handbook folder, found a file at this path",
        ),
        (
            &empty,
            "error: expected the handbook's standards as YAML files in standards/, found none",
        ),
    ] {
        let o = doracak(&[
            "--root",
            &edition("new"),
            "diff",
            old.to_str().unwrap(),
            "--json",
        ]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{err}");
        assert!(err.contains(said), "{err}");
        assert!(
            err.contains("hint: name the earlier edition's own handbook folder"),
            "{err}"
        );
        assert!(!err.contains("--root"), "{err}");
        assert!(o.stdout.is_empty());
    }
    // The handbook itself, through a link: compared, and said to be the same files.
    #[cfg(unix)]
    {
        let link = dir.path().join("lidhje");
        std::os::unix::fs::symlink(edition("new"), &link).unwrap();
        let o = doracak(&[
            "--root",
            &edition("new"),
            "diff",
            link.to_str().unwrap(),
            "--json",
        ]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "{err}");
        assert!(
            err.contains(&format!(
                "{}: warning: expected an earlier edition's handbook folder, found this handbook itself",
                link.display()
            )),
            "{err}"
        );
        let d: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(d["changes"].as_array().unwrap().len(), 0);
    }
}

/// A hand-made `set_aside` that is not the shape doracak writes (a plan row that is a
/// number) is refused by `report` as the browser refuses it (the corpus
/// tests/fixtures/assessment-files/*set-aside*); a rating code the scale does not have is
/// listed as it is, not dropped.
#[test]
fn a_hostile_set_aside_is_refused_and_an_odd_rating_code_is_shown() {
    let dir = new_with_previous();
    let root = dir.path().join("new");
    built(&root);
    let site = root.join("site");
    let path = crate::editions_aside::saved_after_carry(dir.path(), &site);
    let mut v: serde_json::Value = serde_json::from_str(&read(&path)).unwrap();
    v["set_aside"]["plan"] = serde_json::json!([5]);
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, v.to_string()).unwrap();
    let out = dir.path().join("r.html");
    let o = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "report",
        bad.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("set_aside: expected the entries of a previous edition (ratings, evidence, plan), found plan row 1 as a number"),
        "{err}"
    );
    let mut v: serde_json::Value = serde_json::from_str(&read(&path)).unwrap();
    v["set_aside"]["ratings"]["S1.3"]["rating"] = "e-panjohur".into();
    let odd = dir.path().join("odd.json");
    std::fs::write(&odd, v.to_string()).unwrap();
    let o = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "report",
        odd.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        read(&out).contains("— e-panjohur: Regjistri mungon."),
        "{}",
        read(&out)
    );
}
