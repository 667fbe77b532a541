//! The shipped handbook split at a small size: every page kind that splits (role cards, the
//! register, the whole-handbook pages, the self-assessment pages) renders from the shipped
//! content's own shapes, which the synthetic handbook lacks (adversary 51c MED-2: a role
//! card that names roles without an act of its own used a macro its part never defined, so
//! a handbook large enough to split its role cards could not build).

use std::path::Path;

use crate::common::{build, copy_tree, read, repo};

#[test]
fn the_shipped_handbook_builds_with_every_page_split() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("hb");
    for part in ["content", "standards"] {
        copy_tree(&repo().join(part), &root.join(part));
    }
    std::fs::copy(repo().join("doracak.toml"), root.join("doracak.toml")).unwrap();
    std::fs::create_dir_all(root.join("theme")).unwrap();
    std::fs::write(
        root.join("theme/settings.toml"),
        "split_page_bytes = 5000\n",
    )
    .unwrap();
    let out = dir.path().join("site");
    let o = build(&root, &out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // The director's card splits and its parts keep the line naming the roles the source
    // names beside it (role.html's `role_links`).
    let parts: Vec<String> = (1..=2)
        .map(|n| read(&out.join(format!("roli/drejtuesi-i-qendres-{n}.html"))))
        .collect();
    assert!(
        parts
            .iter()
            .any(|p| p.contains("class=\"muted role-mentioned\"")),
        "no part of the director's card names the roles beside it"
    );
    for page in ["vleresim/S1.html", "roli/drejtuesi-i-qendres.html"] {
        assert!(Path::new(&out.join(page)).exists(), "{page}");
    }
}
