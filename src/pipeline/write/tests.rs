//! The writer on its own: the guard, fresh files, files that are not ours, and a crash
//! at every step of the swap.

use super::*;

/// A build in the real order: lock, recovery, guard, write, commit.
pub(super) fn build(root: &Path, out: &Path, files: &[(&str, &str)]) -> io::Result<WriteStats> {
    let w = open(root, out, "test").map_err(io::Error::other)?;
    for (p, b) in files {
        w.put(p, b.as_bytes())?;
    }
    w.commit()
}

pub(super) fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn refuses_paths_that_leave_the_site() {
    assert!(safe_relative("../x").is_none());
    assert!(safe_relative("/etc/passwd").is_none());
    assert!(safe_relative("a/../../b").is_none());
    assert_eq!(
        safe_relative("roli/x.html"),
        Some(PathBuf::from("roli/x.html"))
    );
}

#[test]
fn a_second_build_swaps_the_site_and_keeps_unchanged_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(dir.path(), &out, &[("a.html", "A"), ("s/b.css", "B")]).unwrap();
    let stats = build(dir.path(), &out, &[("a.html", "A2"), ("s/b.css", "B")]).unwrap();
    assert_eq!(stats.changed, 1);
    assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "A2");
    assert_eq!(fs::read_to_string(out.join("s/b.css")).unwrap(), "B");
    assert_eq!(names(dir.path()), ["site"], "only site/ remains");
    assert_eq!(
        fs::read_to_string(out.join(MARKER)).unwrap(),
        "doracak-site 1\na.html\ns/b.css\n"
    );
}

#[test]
fn an_unchanged_streamed_file_is_the_previous_file() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let stream = |text: &'static str| {
        let w = SiteWriter::begin(&out, guard(dir.path(), &out).unwrap()).unwrap();
        w.put_with("big/index.js", |w| w.write_all(text.as_bytes()))
            .unwrap();
        w.commit().unwrap()
    };
    stream("same text");
    let before = fs::metadata(out.join("big/index.js")).unwrap().ino();
    let stats = stream("same text");
    assert_eq!(stats.changed, 0);
    assert_eq!(
        fs::metadata(out.join("big/index.js")).unwrap().ino(),
        before,
        "the previous file was kept"
    );
    assert_eq!(names(&out.join("big")), ["index.js"], "no file left aside");
    let stats = stream("same texT");
    assert_eq!(stats.changed, 1);
    assert_eq!(
        fs::read_to_string(out.join("big/index.js")).unwrap(),
        "same texT"
    );
}

#[test]
fn a_second_write_to_one_path_is_an_error_not_a_truncation() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(dir.path(), &out, &[("a.html", "live")]).unwrap();
    let w = SiteWriter::begin(&out, guard(dir.path(), &out).unwrap()).unwrap();
    // Unchanged: hard-linked to the live file. A second write must not truncate it.
    w.put("a.html", b"live").unwrap();
    let e = w.put("a.html", b"other").unwrap_err();
    assert!(
        e.to_string()
            .contains("two files of the site would be written to a.html"),
        "{e}"
    );
    let e = w
        .put_with("a.html", |w| w.write_all(b"streamed"))
        .unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
    drop(w);
    assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "live");
    assert_eq!(names(dir.path()), ["site"]);
}

#[test]
fn the_marker_cannot_be_written_as_a_page() {
    let dir = tempfile::tempdir().unwrap();
    let w = SiteWriter::begin(&dir.path().join("site"), Existing::Nothing).unwrap();
    assert!(w.put(MARKER, b"x").is_err());
}

#[test]
fn the_guard_refuses_what_is_not_ours() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("hb");
    for d in ["standards", "content/sop", "theme"] {
        fs::create_dir_all(root.join(d)).unwrap();
    }
    // A folder holding a person's file.
    let notes = dir.path().join("notes");
    fs::create_dir(&notes).unwrap();
    fs::write(notes.join("shenime.txt"), "mine").unwrap();
    let r = guard(&root, &notes).unwrap_err();
    assert!(
        r.message
            .contains("holding files doracak did not write (\"shenime.txt\")"),
        "{r:?}"
    );
    // The handbook, its source folders, and a folder inside them.
    for (out, says) in [
        (root.clone(), "the handbook's own folder"),
        (root.join("content"), "inside content/"),
        (root.join("content/sop/site"), "inside content/"),
        (root.join("standards"), "inside standards/"),
        (root.join("theme/out"), "inside theme/"),
        (dir.path().to_path_buf(), "which holds the handbook"),
    ] {
        let r = guard(&root, &out).unwrap_err();
        assert!(r.message.contains(says), "{}: {r:?}", out.display());
    }
    // A link to the handbook is the handbook.
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(&root, &link).unwrap();
    let r = guard(&root, &link).unwrap_err();
    assert!(r.message.contains("the handbook's own folder"), "{r:?}");
    assert!(r.message.contains("through the link"), "{r:?}");
    // A file.
    let file = dir.path().join("file.html");
    fs::write(&file, "x").unwrap();
    assert!(
        guard(&root, &file)
            .unwrap_err()
            .message
            .contains("found a file")
    );
    // What may be replaced.
    assert_eq!(guard(&root, &dir.path().join("new")), Ok(Existing::Nothing));
    fs::create_dir(dir.path().join("empty")).unwrap();
    assert_eq!(
        guard(&root, &dir.path().join("empty")),
        Ok(Existing::Nothing)
    );
    assert_eq!(guard(&root, &root.join("site")), Ok(Existing::Nothing));
    // Nothing was touched.
    assert_eq!(
        fs::read_to_string(notes.join("shenime.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn an_older_doracak_site_is_replaced_keeping_what_the_new_site_does_not_write() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    fs::create_dir_all(out.join("vleresim")).unwrap();
    fs::write(out.join("index.html"), "old").unwrap();
    fs::write(out.join("catalog.json"), "{}").unwrap();
    fs::write(
        out.join("vleresim/catalog.js"),
        "// Generated by doracak: the assessable criteria\n",
    )
    .unwrap();
    fs::write(out.join("shenime.txt"), "mine").unwrap();
    assert_eq!(guard(dir.path(), &out), Ok(Existing::OlderSite));
    let stats = build(
        dir.path(),
        &out,
        &[
            ("index.html", "new"),
            ("catalog.json", "{}"),
            ("vleresim/catalog.js", "//"),
        ],
    )
    .unwrap();
    assert_eq!(stats.kept, ["shenime.txt"]);
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "new");
    assert_eq!(fs::read_to_string(out.join("shenime.txt")).unwrap(), "mine");
}

#[test]
fn a_file_put_into_a_site_by_hand_is_carried_into_the_next_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(dir.path(), &out, &[("a.html", "A"), ("gone.html", "G")]).unwrap();
    fs::create_dir(out.join("mine")).unwrap();
    fs::write(out.join("mine/notes.txt"), "mine").unwrap();
    let stats = build(dir.path(), &out, &[("a.html", "A2")]).unwrap();
    assert_eq!(stats.kept, ["mine/notes.txt"]);
    assert_eq!(
        fs::read_to_string(out.join("mine/notes.txt")).unwrap(),
        "mine"
    );
    assert!(
        !out.join("gone.html").exists(),
        "a page doracak wrote and no longer writes goes"
    );
    let marker = fs::read_to_string(out.join(MARKER)).unwrap();
    assert!(
        !marker.contains("notes.txt"),
        "a kept file is never listed as ours"
    );
}

/// Build v1, then stop the build of v2 at `step` as a crash would; check what is on disk,
/// then check that the next build puts everything right.
fn crash_at(step: SwapStep, no_exchange: bool) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(dir.path(), &out, &[("a.html", "v1"), ("b.html", "v1")]).unwrap();
    let w = open(dir.path(), &out, "test").unwrap();
    w.put("a.html", b"v2").unwrap();
    w.put("b.html", b"v1").unwrap();
    let seen = std::cell::RefCell::new(Vec::new());
    let on_step = |s: SwapStep| seen.borrow_mut().push(s);
    let r = w.commit_with(CommitOptions {
        stop_at: Some(step),
        no_exchange,
        on_step: Some(&on_step),
    });
    assert!(r.is_err(), "{step:?}: stopped");
    assert!(
        seen.borrow().contains(&step),
        "{step:?} is a step of this path"
    );
    #[cfg(target_os = "linux")]
    if !no_exchange {
        assert!(
            !seen.borrow().contains(&SwapStep::OldAside),
            "on Linux the folders are exchanged in one step"
        );
    }
    let at_out = fs::read_to_string(out.join("a.html")).ok();
    match step {
        SwapStep::Written => assert_eq!(at_out.as_deref(), Some("v1"), "the old site is in place"),
        SwapStep::OldAside => assert_eq!(at_out, None, "between the renames"),
        SwapStep::NewInPlace => {
            assert_eq!(at_out.as_deref(), Some("v2"), "the new site is in place")
        }
    }
    // The next run first puts a site back, before it judges what is there.
    drop(open(dir.path(), &out, "test").unwrap());
    let a = fs::read_to_string(out.join("a.html")).unwrap();
    let expect = if step == SwapStep::Written {
        "v1"
    } else {
        "v2"
    };
    assert_eq!(a, expect, "{step:?}: after recovery");
    assert_eq!(fs::read_to_string(out.join("b.html")).unwrap(), "v1");
    assert!(out.join(MARKER).is_file());
    assert_eq!(
        names(dir.path()),
        ["site"],
        "{step:?}: no folder left beside the site"
    );
    // And a whole build after it works as ever.
    build(dir.path(), &out, &[("a.html", "v3"), ("b.html", "v1")]).unwrap();
    assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "v3");
    assert_eq!(names(dir.path()), ["site"]);
}

#[test]
fn a_crash_at_any_step_of_the_exchange_leaves_a_site_or_one_the_next_build_restores() {
    for step in [SwapStep::Written, SwapStep::NewInPlace] {
        crash_at(step, false);
    }
}

#[test]
fn a_crash_at_any_step_of_the_two_renames_leaves_a_site_or_one_the_next_build_restores() {
    for step in [SwapStep::Written, SwapStep::OldAside, SwapStep::NewInPlace] {
        crash_at(step, true);
    }
}

#[test]
fn a_crash_while_writing_leaves_the_old_site_and_no_debris_after_the_next_build() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(dir.path(), &out, &[("a.html", "v1")]).unwrap();
    let w = open(dir.path(), &out, "test").unwrap();
    w.put("a.html", b"half").unwrap();
    w.abandon(); // the process dies: no clean-up runs, the system lets go of its lock
    assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "v1");
    assert_eq!(
        names(dir.path()).len(),
        2,
        "the unfinished folder is beside the site"
    );
    build(dir.path(), &out, &[("a.html", "v2")]).unwrap();
    assert_eq!(names(dir.path()), ["site"]);
}

/// Issue 24, Found 2: a crash between the two renames leaves both side folders; the new
/// one carries a person's file. The next build puts the site back before judging it, so
/// the file is still the person's and stays.
#[test]
fn a_crash_with_both_side_folders_keeps_a_person_s_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(dir.path(), &out, &[("a.html", "v1")]).unwrap();
    fs::write(out.join("notes.txt"), "mine").unwrap();
    let w = open(dir.path(), &out, "test").unwrap();
    w.put("a.html", b"v2").unwrap();
    let r = w.commit_with(CommitOptions {
        stop_at: Some(SwapStep::OldAside),
        no_exchange: true,
        on_step: None,
    });
    assert!(r.is_err());
    assert!(!out.exists(), "between the renames");
    assert_eq!(names(dir.path()).len(), 2, "both side folders");
    let stats = build(dir.path(), &out, &[("a.html", "v3")]).unwrap();
    assert_eq!(stats.kept, ["notes.txt"]);
    assert_eq!(fs::read_to_string(out.join("notes.txt")).unwrap(), "mine");
    assert_eq!(names(dir.path()), ["site"]);
}

/// Issue 24, Found 2: a file put into an empty output folder while the site is written
/// stops the build at the swap; nothing is touched.
#[test]
fn a_file_dropped_into_an_empty_output_during_the_build_stops_the_swap() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    fs::create_dir(&out).unwrap();
    let w = open(dir.path(), &out, "test").unwrap();
    w.put("index.html", b"new").unwrap();
    fs::write(out.join("thesis.txt"), "mine").unwrap();
    let e = w.commit().unwrap_err();
    let r = e
        .get_ref()
        .and_then(|r| r.downcast_ref::<Refusal>())
        .unwrap();
    assert!(
        r.message
            .contains("holding files doracak did not write (\"thesis.txt\")"),
        "{r:?}"
    );
    assert_eq!(fs::read_to_string(out.join("thesis.txt")).unwrap(), "mine");
    assert!(!out.join("index.html").exists());
    assert_eq!(names(dir.path()), ["site"], "no debris");
}

/// Issue 24, Found 4: a new page where a person's file was stops the build and names it.
#[test]
fn a_new_page_never_replaces_a_person_s_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(dir.path(), &out, &[("roli/a.html", "A")]).unwrap();
    fs::write(out.join("roli/zz-notes.html"), "mine").unwrap();
    let e = build(
        dir.path(),
        &out,
        &[("roli/a.html", "A"), ("roli/zz-notes.html", "page")],
    )
    .unwrap_err();
    let r = e
        .get_ref()
        .and_then(|r| r.downcast_ref::<Refusal>())
        .unwrap();
    assert!(
        r.message.contains("the new page roli/zz-notes.html")
            && r.message.contains("zz-notes.html"),
        "{r:?}"
    );
    assert_eq!(
        fs::read_to_string(out.join("roli/zz-notes.html")).unwrap(),
        "mine"
    );
    assert_eq!(names(dir.path()), ["site"], "no debris");
}

/// Issue 24, Found 4: a person's empty folders stay, and every folder keeps its mode.
#[cfg(unix)]
#[test]
fn empty_folders_and_folder_modes_are_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(dir.path(), &out, &[("roli/a.html", "A")]).unwrap();
    fs::create_dir_all(out.join("mine/empty")).unwrap();
    fs::set_permissions(out.join("mine"), fs::Permissions::from_mode(0o700)).unwrap();
    fs::set_permissions(out.join("roli"), fs::Permissions::from_mode(0o750)).unwrap();
    fs::set_permissions(&out, fs::Permissions::from_mode(0o711)).unwrap();
    build(dir.path(), &out, &[("roli/a.html", "A2")]).unwrap();
    assert!(out.join("mine/empty").is_dir());
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&out.join("mine")), 0o700);
    assert_eq!(mode(&out.join("roli")), 0o750);
    assert_eq!(mode(&out), 0o711);
}

/// Issue 24, Found 1: `..` through a missing folder is judged where it leads.
#[test]
fn dot_dot_through_a_missing_folder_is_judged_where_it_leads() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    fs::create_dir(&docs).unwrap();
    fs::write(docs.join("thesis.txt"), "mine").unwrap();
    let sly = dir.path().join("nothere/../docs");
    assert_eq!(resolve(&sly), fs::canonicalize(&docs).unwrap());
    assert!(guard(&dir.path().join("hb"), &sly).is_err());
    assert!(build(&dir.path().join("hb"), &sly, &[("a.html", "A")]).is_err());
    assert!(!dir.path().join("nothere").exists(), "no folder was made");
    assert_eq!(fs::read_to_string(docs.join("thesis.txt")).unwrap(), "mine");
    assert_eq!(normalise(Path::new("/a/./b/../../..")), PathBuf::from("/"));
}

/// Issue 24, Found 3: while one writer holds the output, a second stops with the holder's
/// process named; its lock goes with it.
#[test]
fn a_second_writer_on_one_output_stops() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let first = open(dir.path(), &out, "build").unwrap();
    lock::forget_for_test(&out); // as if the first were another process
    let Err(r) = open(dir.path(), &out, "build") else {
        panic!("a second writer was let in")
    };
    assert!(
        r.message.contains(&format!(
            "found process {} (build) writing it",
            std::process::id()
        )),
        "{r:?}"
    );
    drop(first);
    assert!(open(dir.path(), &out, "build").is_ok());
}

/// On a drive that ignores case (FAT, exFAT) `Site` and `SITE` are one folder: a second
/// writer spelling it otherwise meets the first's lock (adversary 55 M-2: on exFAT both
/// went ahead). (On this drive they are two folders, which then take turns too.)
#[test]
fn a_second_writer_spelling_the_output_otherwise_stops() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("Site");
    let first = open(dir.path(), &out, "build").unwrap();
    lock::forget_for_test(&out);
    let Err(r) = open(dir.path(), &dir.path().join("SITE"), "build") else {
        panic!("a second writer was let in under another spelling")
    };
    assert!(r.message.contains("(build) writing it"), "{r:?}");
    assert_eq!(lock_path(&out), dir.path().join(".site.doracak-lock"));
    drop(first);
}

/// Adversary 50c M-1: a link (or a file) under the name this build moves the previous site
/// to (`.site.doracak-old-PID`, PID predictable in a container where every build is 1)
/// made the swap fail half done: the new site in place, the previous one deleted, and the
/// build saying nothing was written. Refused before anything is written.
#[test]
fn a_link_under_this_builds_side_name_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(dir.path(), &out, &[("a.html", "OLD")]).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let pid = std::process::id();
    for side in ["old", "new"] {
        let link = dir.path().join(format!(".site.doracak-{side}-{pid}"));
        std::os::unix::fs::symlink(elsewhere.path(), &link).unwrap();
        let e = build(dir.path(), &out, &[("a.html", "NEW")]).unwrap_err();
        assert!(
            e.to_string().contains("found a link doracak did not make"),
            "{side}: {e}"
        );
        assert_eq!(
            fs::read_to_string(out.join("a.html")).unwrap(),
            "OLD",
            "{side}"
        );
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_dir(elsewhere.path()).unwrap().count(), 0, "{side}");
        fs::remove_file(&link).unwrap();
    }
    let file = dir.path().join(format!(".site.doracak-old-{pid}"));
    fs::write(&file, "a person's file").unwrap();
    let e = build(dir.path(), &out, &[("a.html", "NEW")]).unwrap_err();
    assert!(e.to_string().contains("found a file"), "{e}");
    assert_eq!(fs::read_to_string(&file).unwrap(), "a person's file");
    assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "OLD");
}
