//! The build writes only into an empty folder or a site doracak built: a person's folder,
//! the handbook, its sources and links to them are refused with a clear error, exit 1,
//! nothing touched.

use std::path::Path;

use crate::common::*;

/// Build and expect a refusal that says `says`; the handbook folder is unchanged.
fn refused(root: &Path, args: &[&str], says: &str) -> String {
    let before = snapshot(root);
    let mut all = vec!["--root", root.to_str().unwrap(), "build"];
    all.extend_from_slice(args);
    let o = doracak(&all);
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(": error: "), "{stderr}");
    assert!(stderr.contains(says), "expected {says:?} in:\n{stderr}");
    assert!(
        stderr.contains("= hint: "),
        "says how to proceed:\n{stderr}"
    );
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert!(
        before == snapshot(root),
        "nothing under the handbook was touched"
    );
    stderr
}

#[test]
fn a_folder_holding_a_person_s_files_is_refused() {
    let dir = minimal_copy();
    // The person's folder sits in a parent of its own, so what is beside it is only what the
    // build made (another process's leftovers in the shared temporary folder are not counted).
    let parent = tempfile::tempdir().unwrap();
    let notes = parent.path().join("notes");
    std::fs::create_dir(&notes).unwrap();
    std::fs::write(notes.join("raport-2026.docx"), "mine").unwrap();
    std::fs::create_dir(notes.join("foto")).unwrap();
    let before = snapshot(&notes);
    let msg = refused(
        dir.path(),
        &["--out", notes.to_str().unwrap()],
        "expected an empty folder or a site doracak built, found",
    );
    assert!(
        msg.contains("holding files doracak did not write (\"foto\", \"raport-2026.docx\")"),
        "{msg}"
    );
    assert!(
        before == snapshot(&notes),
        "the person's files are as they were"
    );
    let names: Vec<_> = std::fs::read_dir(parent.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("doracak-new"))
        .collect();
    assert!(names.is_empty(), "no folder was made beside it: {names:?}");
}

#[test]
fn the_handbook_root_is_refused_by_flag_and_by_config() {
    let dir = minimal_copy();
    refused(
        dir.path(),
        &["--out", dir.path().to_str().unwrap()],
        "expected an output folder of its own, found the handbook's own folder",
    );
    let toml = dir.path().join("doracak.toml");
    std::fs::write(&toml, format!("output = \".\"\n{}", read(&toml))).unwrap();
    refused(dir.path(), &[], "the handbook's own folder");
}

#[test]
fn the_handbook_s_sources_are_refused() {
    let dir = minimal_copy();
    refused(
        dir.path(),
        &["--out", dir.path().join("content").to_str().unwrap()],
        "expected an output folder apart from the handbook's sources, found",
    );
    refused(
        dir.path(),
        &["--out", dir.path().join("standards/site").to_str().unwrap()],
        "inside standards/",
    );
    let toml = dir.path().join("doracak.toml");
    std::fs::write(&toml, format!("output = \"content\"\n{}", read(&toml))).unwrap();
    refused(dir.path(), &[], "inside content/");
}

#[test]
fn a_link_to_the_handbook_is_refused() {
    let dir = minimal_copy();
    let links = tempfile::tempdir().unwrap();
    let link = links.path().join("faqja");
    std::os::unix::fs::symlink(dir.path(), &link).unwrap();
    let msg = refused(
        dir.path(),
        &["--out", link.to_str().unwrap()],
        "the handbook's own folder",
    );
    assert!(msg.contains("through the link"), "{msg}");
}

#[test]
fn a_site_doracak_built_is_replaced_and_a_file_put_into_it_is_kept() {
    let (dir, out) = minimal_site();
    assert!(
        out.join(".doracak-site").is_file(),
        "every site carries the marker"
    );
    std::fs::write(out.join("shenime.txt"), "mine").unwrap();
    let o = build(dir.path(), &out);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "warning: kept 1 file(s) in the site that doracak did not write: shenime.txt"
        ),
        "{stderr}"
    );
    assert_eq!(read(&out.join("shenime.txt")), "mine");
}

#[test]
fn an_older_doracak_site_without_the_marker_is_replaced() {
    let (dir, out) = minimal_site();
    std::fs::remove_file(out.join(".doracak-site")).unwrap();
    std::fs::write(out.join("S1.html"), "an older page").unwrap();
    let o = build(dir.path(), &out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        read(&out.join("S1.html")).contains("id=\"S1.1.1\""),
        "the page is new"
    );
    assert!(
        out.join(".doracak-site").is_file(),
        "and the site carries the marker now"
    );
}

#[test]
fn an_empty_folder_is_used() {
    let dir = minimal_copy();
    let out = tempfile::tempdir().unwrap();
    build_ok(dir.path(), out.path());
    assert!(out.path().join("index.html").is_file());
}

/// Issue 24: a file a person puts into an empty output folder while a build runs stops the
/// swap (the build is paused just before it, `DORACAK_TEST_PAUSE=swap:DIR`): the file
/// survives, the build says why and writes nothing.
#[test]
fn a_file_dropped_into_an_empty_output_during_a_build_survives() {
    let dir = minimal_copy();
    let control = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    std::fs::create_dir(&out).unwrap();
    let child = paused(
        "swap",
        control.path(),
        &[
            "--root",
            dir.path().to_str().unwrap(),
            "build",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    std::fs::write(out.join("thesis.txt"), "my thesis").unwrap();
    std::fs::write(control.path().join("resume"), "").unwrap();
    let o = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{}: error: expected an empty folder or a site doracak built, found {} holding files doracak did not write (\"thesis.txt\"), put there while the site was built",
            out.display(),
            std::fs::canonicalize(&out).unwrap().display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("the folder changed while the site was built"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was written"), "{stderr}");
    let names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["thesis.txt"]);
    assert_eq!(read(&out.join("thesis.txt")), "my thesis");
    // Nothing is left beside it either.
    let beside: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("doracak-new") || n.contains("doracak-old"))
        .collect();
    assert!(beside.is_empty(), "{beside:?}");
}

/// The same into a site doracak built: the file joins the new site, and the build says it
/// kept it.
#[test]
fn a_file_dropped_into_a_built_site_during_a_build_is_kept_and_named() {
    let (dir, out) = minimal_site();
    let control = tempfile::tempdir().unwrap();
    let child = paused(
        "swap",
        control.path(),
        &[
            "--root",
            dir.path().to_str().unwrap(),
            "build",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    std::fs::write(out.join("thesis.txt"), "my thesis").unwrap();
    std::fs::write(control.path().join("resume"), "").unwrap();
    let o = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert_eq!(read(&out.join("thesis.txt")), "my thesis");
    assert!(
        stderr.contains("kept 1 file(s) in the site that doracak did not write: thesis.txt"),
        "{stderr}"
    );
    assert!(out.join("index.html").is_file());
}
