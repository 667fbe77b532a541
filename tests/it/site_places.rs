//! What of a person's stands where the new site puts a page, a file or a folder: every
//! such place named at once, the previous site untouched (adversaries 53b and 54).

use std::process::{Command, Stdio};

use crate::common::*;
use crate::output_paths::refused_with;

/// A person's folder where a page goes, or a person's file where the site makes a folder,
/// stops the build with both named, the previous site untouched (adversary 53b: "File
/// exists (os error 17)" with no path).
#[test]
fn a_folder_where_a_page_goes_or_a_file_where_a_folder_goes_is_named() {
    let (dir, out) = minimal_site();
    let build = || crate::common::build(dir.path(), &out);
    // A folder, with a file in it and then empty, in the place of a page.
    std::fs::remove_file(out.join("index.html")).unwrap();
    std::fs::create_dir(out.join("index.html")).unwrap();
    std::fs::write(out.join("index.html/mine.txt"), "mine").unwrap();
    for _ in 0..2 {
        let stderr = refused_with(
            &build(),
            &format!(
                "error: expected the place of the new page index.html to be free, found a folder at {}",
                out.join("index.html").display()
            ),
        );
        assert!(stderr.contains("move or rename that folder"), "{stderr}");
        assert!(!stderr.contains("os error"), "{stderr}");
        assert!(out.join("index.html").is_dir());
        let _ = std::fs::remove_file(out.join("index.html/mine.txt"));
    }
    std::fs::remove_dir(out.join("index.html")).unwrap();
    let o = build();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // A file, and a link to a folder, in the place of the site's `static` folder.
    std::fs::remove_dir_all(out.join("static")).unwrap();
    std::fs::write(out.join("static"), "mine").unwrap();
    let says = format!(
        "error: expected the place of the new site's folder static to be free, found a file doracak did not write at {}",
        out.join("static").display()
    );
    let stderr = refused_with(&build(), &says);
    assert!(stderr.contains("move or rename that file"), "{stderr}");
    assert_eq!(read(&out.join("static")), "mine");
    #[cfg(unix)]
    {
        std::fs::remove_file(out.join("static")).unwrap();
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir(&elsewhere).unwrap();
        std::os::unix::fs::symlink(&elsewhere, out.join("static")).unwrap();
        let stderr = refused_with(
            &build(),
            &says.replace(
                "a file doracak did not write",
                "a link doracak did not make",
            ),
        );
        assert!(stderr.contains("move or rename that link"), "{stderr}");
        assert!(std::fs::read_dir(&elsewhere).unwrap().next().is_none());
        std::fs::remove_file(out.join("static")).unwrap();
    }
    let o = build();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(out.join("static").is_dir() && out.join("index.html").is_file());
}

/// Adversary 54 H-1, M-1, M-2, L-3: in a site of an older doracak (no list of its files) a
/// file where a folder goes is a person's, and refused; a folder holding one of doracak's
/// files and a person's folder, and a link where a listed page was, are refused by name;
/// several places are named in one refusal.
#[test]
fn every_place_a_person_holds_is_named_at_once_in_any_site() {
    let (dir, out) = minimal_site();
    let build = || crate::common::build(dir.path(), &out);
    let before = |out: &std::path::Path| {
        let mut v: Vec<String> = walkdir::WalkDir::new(out)
            .into_iter()
            .map(|e| e.unwrap().path().display().to_string())
            .collect();
        v.sort();
        v
    };
    // An older site: no marker. A person's file where the site makes its `static` folder.
    std::fs::remove_file(out.join(".doracak-site")).unwrap();
    std::fs::remove_dir_all(out.join("static")).unwrap();
    std::fs::write(out.join("static"), "my notes").unwrap();
    let listed = before(&out);
    refused_with(
        &build(),
        "error: expected the place of the new site's folder static to be free, found a file doracak did not write at ",
    );
    assert_eq!(read(&out.join("static")), "my notes");
    assert_eq!(before(&out), listed, "the previous site is untouched");
    std::fs::remove_file(out.join("static")).unwrap();
    let o = build();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // A folder in a page's place holding a file the list names as doracak's and a
    // person's folder; a link where a listed page was; a file where a folder goes.
    std::fs::remove_file(out.join("index.html")).unwrap();
    std::fs::create_dir_all(out.join("index.html/sub")).unwrap();
    std::fs::write(out.join("index.html/old.html"), "old").unwrap();
    let mut marker = read(&out.join(".doracak-site"));
    marker.push_str("index.html/old.html\n");
    std::fs::write(out.join(".doracak-site"), marker).unwrap();
    std::fs::remove_file(out.join("rolet.html")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path(), out.join("rolet.html")).unwrap();
    std::fs::remove_dir_all(out.join("static")).unwrap();
    std::fs::write(out.join("static"), "mine").unwrap();
    let listed = before(&out);
    let stderr = refused_with(
        &build(),
        &format!(
            "error: expected the place of the new page index.html to be free, found a folder at {}",
            out.join("index.html").display()
        ),
    );
    #[cfg(unix)]
    assert!(
        stderr.contains("and 2 more place(s) the new site needs: rolet.html, static"),
        "{stderr}"
    );
    assert!(!stderr.contains("os error"), "{stderr}");
    assert_eq!(before(&out), listed, "the previous site is untouched");
    let debris = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            name.to_string_lossy().contains(".doracak-")
        })
        .count();
    assert_eq!(debris, 0, "nothing left beside the site");
    // A link alone where a listed page was is named as a link.
    std::fs::remove_dir_all(out.join("index.html")).unwrap();
    std::fs::remove_file(out.join("static")).unwrap();
    #[cfg(unix)]
    {
        let stderr = refused_with(
            &build(),
            &format!(
                "error: expected the place of the new page rolet.html to be free, found a link doracak did not make at {}",
                out.join("rolet.html").display()
            ),
        );
        assert!(stderr.contains("move or rename that link"), "{stderr}");
        std::fs::remove_file(out.join("rolet.html")).unwrap();
    }
    let o = build();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// Adversary 54: a reader that stops reading (`doracak search … | head -1`) is no panic.
#[test]
fn a_closed_standard_output_is_no_panic() {
    let dir = minimal_copy();
    let root = dir.path().to_str().unwrap();
    for args in [
        vec!["--root", root, "build"],
        vec!["--root", root, "search", "plan"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_doracak"))
            .args(&args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let o = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

/// Adversary 54b M-4, L-3: a folder made while the site was built joins the new site with
/// its mode, an empty one too; a file that cannot join (a page is at its place) keeps the
/// previous site aside, under a name the next build leaves alone, and is named.
#[test]
fn what_came_in_while_the_site_was_built_joins_as_it_was_or_is_named() {
    let (dir, out) = minimal_site();
    let control = tempfile::tempdir().unwrap();
    let args = [
        "--root",
        dir.path().to_str().unwrap(),
        "build",
        "--out",
        out.to_str().unwrap(),
    ];
    let child = paused("swap", control.path(), &args);
    std::fs::create_dir(out.join("private")).unwrap();
    std::fs::write(out.join("private/secret.txt"), "mine").unwrap();
    std::fs::create_dir(out.join("empty")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::Permissions::from_mode(0o700);
        std::fs::set_permissions(out.join("private"), mode).unwrap();
    }
    // The previous site's page, replaced by a person's file of the same name in a folder
    // that came in: its place in the new site is free, so it joins; `index.html` itself,
    // taken by the new page, cannot.
    std::fs::remove_file(out.join("index.html")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path(), out.join("index.html")).unwrap();
    std::fs::write(control.path().join("resume"), "").unwrap();
    let o = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert_eq!(read(&out.join("private/secret.txt")), "mine");
    assert!(out.join("empty").is_dir(), "an empty folder joins too");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(out.join("private"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700, "{stderr}");
        assert!(
            stderr.contains(
                "could not join the new site (index.html); the previous site with them is kept at "
            ),
            "{stderr}"
        );
        let kept: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().contains(".site.doracak-kept-"))
            .collect();
        assert_eq!(kept.len(), 1, "{kept:?}");
        assert!(
            std::fs::symlink_metadata(kept[0].join("index.html"))
                .unwrap()
                .file_type()
                .is_symlink()
        );
        // The next build leaves it alone.
        build_ok(dir.path(), &out);
        assert!(kept[0].join("index.html").exists());
    }
}

/// Adversary 54b H-1, 54c H-1: a folder bound into the site with `mount --bind` (the same
/// device as the site), under a plain name and under one that is not UTF-8, is refused,
/// and its source never emptied. Needs the right to mount: where `mount` is refused, said
/// loudly and not run.
#[test]
fn a_bind_mount_in_the_site_is_refused_and_its_source_kept() {
    let (dir, out) = minimal_site();
    let source = dir.path().join("source");
    std::fs::create_dir(&source).unwrap();
    std::fs::write(source.join("precious.txt"), "precious").unwrap();
    let mut places = vec![out.join("notes")];
    #[cfg(unix)]
    places.push(out.join(<std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(b"a\xffb")));
    let mut mounted = Vec::new();
    for place in &places {
        std::fs::create_dir(place).unwrap();
        let mount = Command::new("mount")
            .arg("--bind")
            .arg(&source)
            .arg(place)
            .output();
        if !mount.as_ref().is_ok_and(|o| o.status.success()) {
            for m in &mounted {
                let _ = Command::new("umount").arg(m).status();
            }
            eprintln!(
                "SKIPPED a_bind_mount_in_the_site_is_refused_and_its_source_kept: this machine refuses `mount --bind` here ({mount:?})"
            );
            return;
        }
        mounted.push(place.clone());
    }
    let o = crate::common::build(dir.path(), &out);
    for m in &mounted {
        let _ = Command::new("umount").arg(m).status();
    }
    let stderr = refused_with(
        &o,
        "error: expected the site folder to hold no other file system, found one mounted at ",
    );
    if mounted.len() == 2 {
        assert!(
            stderr.contains("and 1 more place(s) the new site needs: notes"),
            "{stderr}"
        );
    }
    assert_eq!(read(&source.join("precious.txt")), "precious");
}

/// Adversary 54c M-1: where the previous site cannot be removed (an immutable file in it),
/// what is left is kept under a name the next build leaves alone, and said. Needs
/// `chattr +i` (root, a file system with the attribute): where refused, said loudly and not
/// run.
#[test]
fn a_previous_site_that_cannot_be_removed_is_kept_and_said() {
    let (dir, out) = minimal_site();
    std::fs::write(out.join("old.txt"), "mine").unwrap();
    let chattr = |flag: &str, path: &std::path::Path| {
        Command::new("chattr")
            .arg(flag)
            .arg(path)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !chattr("+i", &out.join("old.txt")) {
        eprintln!(
            "SKIPPED a_previous_site_that_cannot_be_removed_is_kept_and_said: `chattr +i` is refused here"
        );
        return;
    }
    let o = crate::common::build(dir.path(), &out);
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".site.doracak-"))
        .collect();
    for k in &kept {
        chattr("-i", &k.join("old.txt"));
    }
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(
        kept[0].to_string_lossy().contains(".site.doracak-kept-"),
        "{kept:?}"
    );
    assert!(
        stderr.contains(&format!(
            "warning: the previous site could not be removed (Operation not permitted (os error 1)); what is left of it is kept at {}",
            kept[0].display()
        )),
        "{stderr}"
    );
    assert_eq!(read(&out.join("old.txt")), "mine");
}

/// A folder of the person's the build cannot read (here, a path longer than the system
/// allows, 2,100 levels down) stops the build with it named in words, before anything is
/// carried; the previous site and the folder stay (54b L-4: the walker's own "IO error for
/// operation on …").
#[test]
fn a_folder_the_build_cannot_read_is_named_in_words() {
    let (dir, out) = minimal_site();
    std::fs::create_dir(out.join("mine")).unwrap();
    deep_folder(&out.join("mine"), 2100);
    let before = std::fs::read(out.join("index.html")).unwrap();
    let stderr = refused_with(
        &crate::common::build(dir.path(), &out),
        "error: expected to read all that is in the site folder, to carry what is yours into the new site, found what cannot be read at",
    );
    assert!(stderr.contains("File name too long"), "{stderr}");
    assert!(
        stderr.contains("move it out of the site folder"),
        "{stderr}"
    );
    assert!(!stderr.contains("IO error for operation"), "{stderr}");
    assert_eq!(std::fs::read(out.join("index.html")).unwrap(), before);
    assert!(out.join("mine/d/d").is_dir());
}

/// `levels` folders `d` one in the other under `at`, each made from the one above it (a
/// path to the deepest is longer than the system takes whole).
fn deep_folder(at: &std::path::Path, levels: usize) {
    use std::os::unix::ffi::OsStrExt;
    let at = std::ffi::CString::new(at.as_os_str().as_bytes()).unwrap();
    // SAFETY: plain system calls on descriptors this function opens and closes.
    unsafe {
        let mut fd = libc::open(at.as_ptr(), libc::O_RDONLY | libc::O_DIRECTORY);
        assert!(fd >= 0, "the folder opens");
        for _ in 0..levels {
            assert_eq!(
                libc::mkdirat(fd, c"d".as_ptr(), 0o755),
                0,
                "a folder is made"
            );
            let next = libc::openat(fd, c"d".as_ptr(), libc::O_RDONLY | libc::O_DIRECTORY);
            assert!(next >= 0, "the folder opens");
            libc::close(fd);
            fd = next;
        }
        libc::close(fd);
    }
}

/// `mount --bind` of `source` on `place` (a folder made for it); false where this machine
/// refuses (said loudly by the caller).
fn bind(source: &std::path::Path, place: &std::path::Path) -> bool {
    std::fs::create_dir_all(place).unwrap();
    Command::new("mount")
        .arg("--bind")
        .arg(source)
        .arg(place)
        .output()
        .is_ok_and(|o| o.status.success())
}

fn unmount(place: &std::path::Path) {
    let _ = Command::new("umount").arg(place).status();
}

/// Stop 58: a folder a stopped build left beside the site (`.site.doracak-old-PID`, its
/// process gone) with another file system mounted in it was removed through the mount: a
/// person's files at the mount's source deleted. It is kept now, and said at each build
/// until it is unmounted; then it goes. The same for the temporary folder of a revision
/// (`doracak-edition-PID-…`) that every build sweeps. Needs the right to mount: where
/// `mount` is refused, said loudly and not run.
#[test]
fn a_leftover_folder_with_a_file_system_mounted_in_it_is_kept_and_said() {
    let (dir, out) = minimal_site();
    let source = dir.path().join("source");
    std::fs::create_dir_all(source.join("inner")).unwrap();
    std::fs::write(source.join("precious.txt"), "precious").unwrap();
    std::fs::write(source.join("inner/also.txt"), "also").unwrap();
    // (A process id no process has: above the kernel's largest, within what doracak names.)
    let leftover = dir.path().join(".site.doracak-old-2147483647");
    let place = leftover.join("notes");
    let tmp = dir.path().join("tmp");
    let temp_place = tmp.join("doracak-edition-2147483647-Xk3f9a/standards");
    if !bind(&source, &place) {
        eprintln!(
            "SKIPPED a_leftover_folder_with_a_file_system_mounted_in_it_is_kept_and_said: this machine refuses `mount --bind` here"
        );
        return;
    }
    if !bind(&source, &temp_place) {
        unmount(&place);
        eprintln!(
            "SKIPPED a_leftover_folder_with_a_file_system_mounted_in_it_is_kept_and_said: this machine refuses a second `mount --bind` here"
        );
        return;
    }
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_doracak"))
            .arg("--root")
            .arg(dir.path())
            .arg("build")
            .arg("--out")
            .arg(&out)
            .env("TMPDIR", &tmp)
            .output()
            .unwrap()
    };
    let mut outputs = Vec::new();
    for _ in 0..2 {
        outputs.push(run());
    }
    unmount(&place);
    unmount(&temp_place);
    for o in &outputs {
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "{stderr}");
        assert!(
            stderr.contains(&format!(
                "kept: {}, left by build process 2147483647, which stopped before it finished: a file system is mounted in it at notes; unmount it, then remove the folder",
                leftover.display(),
            )),
            "{stderr}"
        );
    }
    assert_eq!(read(&source.join("precious.txt")), "precious");
    assert_eq!(read(&source.join("inner/also.txt")), "also");
    assert!(temp_place.is_dir(), "the revision's folder was kept");
    // Unmounted, both go at the next build, and the source is still whole.
    let o = run();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(
        stderr.contains(&format!("removed: {}", leftover.display())),
        "{stderr}"
    );
    assert!(!leftover.exists() && !temp_place.exists());
    assert_eq!(read(&source.join("precious.txt")), "precious");
    assert_eq!(read(&source.join("inner/also.txt")), "also");
}

/// `sh -c script` in a mount namespace of its own without `/proc`, `mounts` (source,
/// place) bound first; `None` where this machine refuses (said loudly by the caller).
fn without_proc(
    mounts: &[(&std::path::Path, &std::path::Path)],
    then: &str,
) -> Option<std::process::Output> {
    let q = |p: &std::path::Path| format!("'{}'", p.display());
    let binds: String = mounts
        .iter()
        .map(|(from, to)| format!("mount --bind {} {} || exit 97; ", q(from), q(to)))
        .collect();
    let script = format!(
        "{binds}umount -l /proc || exit 97; test -e /proc/self/mountinfo && exit 97; exec {} {then}",
        q(std::path::Path::new(env!("CARGO_BIN_EXE_doracak"))),
    );
    let o = Command::new("unshare")
        .args(["-m", "--propagation", "private", "sh", "-c", &script])
        .output()
        .ok()?;
    (o.status.code() != Some(97) && !String::from_utf8_lossy(&o.stderr).starts_with("unshare:"))
        .then_some(o)
}

/// Adversary 58 H-1, 58b M-3, M-4: where the kernel's mount table cannot be read (no
/// `/proc`: a chroot, a small container), a bind mount of a folder or of a file of the
/// same disk is still found (each place asked whether it is a mount point): in a leftover
/// folder it is kept and said, never removed through the mount; in the site the build is
/// refused, never its files published. Run in a mount namespace of its own without
/// `/proc`; needs `unshare` and the right to mount: where refused, said loudly and not run.
#[test]
fn without_proc_a_mount_in_a_leftover_or_the_site_is_still_found() {
    let (dir, out) = minimal_site();
    let source = dir.path().join("source");
    std::fs::create_dir_all(&source).unwrap();
    std::fs::write(source.join("precious.txt"), "precious").unwrap();
    let leftover = dir.path().join(".site.doracak-old-2147483647");
    std::fs::create_dir_all(leftover.join("x")).unwrap();
    std::fs::write(leftover.join("f"), "").unwrap();
    let build = format!(
        "--root '{}' build --out '{}'",
        dir.path().display(),
        out.display()
    );
    let skip = |what: &str| {
        eprintln!(
            "SKIPPED without_proc_a_mount_in_a_leftover_or_the_site_is_still_found: this machine refuses a mount namespace without /proc here ({what})"
        );
    };
    // A folder and a file bound in a leftover.
    let Some(o) = without_proc(
        &[
            (&source, &leftover.join("x")),
            (&source.join("precious.txt"), &leftover.join("f")),
        ],
        &build,
    ) else {
        return skip("leftover");
    };
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "kept: {}, left by build process 2147483647, which stopped before it finished: a file system is mounted in it at f; unmount it",
            leftover.display()
        )),
        "{stderr}"
    );
    assert_eq!(read(&source.join("precious.txt")), "precious");
    // A folder bound in the site: refused, nothing of it published.
    let notes = out.join("notes");
    std::fs::create_dir_all(&notes).unwrap();
    let Some(o) = without_proc(&[(&source, &notes)], &build) else {
        return skip("site");
    };
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success(), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "error: expected the site folder to hold no other file system, found one mounted at {}",
            notes.display()
        )),
        "{stderr}"
    );
    assert_eq!(read(&source.join("precious.txt")), "precious");
    assert!(!out.join("notes/precious.txt").exists());
}
