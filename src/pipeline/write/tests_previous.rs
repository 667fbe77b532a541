//! The previous site's files as the next build meets them: a streamed file compared as it
//! comes and made only where it differs, and a previous file kept (linked) only if it is
//! the file compared, unchanged (issue 28; adversary 53).

use super::tests::{build, names};
use super::*;

/// A streamed file is compared with the previous one as it comes and made only where it
/// differs (issue 28): wherever the first difference falls (in the first chunk compared,
/// a later one, the last byte, past the previous file's end or before it), the new file
/// holds exactly the new bytes, however they were written.
#[test]
fn a_streamed_file_is_written_whole_wherever_it_first_differs() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let old: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    let stream = |bytes: &[u8], pieces: &[usize]| {
        let w = SiteWriter::begin(&out, guard(dir.path(), &out).unwrap()).unwrap();
        w.put_with("big/index.js", |w| {
            let mut rest = bytes;
            for &n in pieces.iter().cycle() {
                if rest.is_empty() {
                    break;
                }
                let (head, tail) = rest.split_at(n.min(rest.len()));
                w.write_all(head)?;
                rest = tail;
            }
            Ok(())
        })
        .unwrap();
        w.commit().unwrap()
    };
    let changed = |at: usize| {
        let mut v = old.clone();
        v[at] ^= 0xff;
        v
    };
    let longer = [old.as_slice(), b"+"].concat();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("the first byte", changed(0)),
        ("a later chunk", changed(70_000)),
        ("the last byte", changed(old.len() - 1)),
        ("one byte more", longer),
        ("one byte less", old[..old.len() - 1].to_vec()),
        ("nothing", Vec::new()),
    ];
    for pieces in [&[1usize, 7, 4096][..], &[70_001], &[1 << 20]] {
        for (what, new) in &cases {
            stream(&old, pieces);
            let stats = stream(new, pieces);
            assert_eq!(stats.changed, 1, "{what}, pieces {pieces:?}");
            assert!(
                fs::read(out.join("big/index.js")).unwrap() == *new,
                "{what}, pieces {pieces:?}: the new file holds the new bytes"
            );
            assert_eq!(names(&out.join("big")), ["index.js"], "{what}");
        }
    }
    // And as before, however it was written: the previous file, kept.
    stream(&old, &[1 << 20]);
    let stats = stream(&old, &[3, 65_536, 1]);
    assert_eq!(stats.changed, 0);
    assert!(fs::read(out.join("big/index.js")).unwrap() == old);
}

/// The previous file cut short while the build compared against it: the build fails and
/// says so, rather than make a new file of bytes it no longer has.
#[test]
fn a_previous_file_cut_short_while_compared_fails_the_build() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let old = vec![b'a'; 100_000];
    let w = SiteWriter::begin(&out, guard(dir.path(), &out).unwrap()).unwrap();
    w.put_with("a.js", |w| w.write_all(&old)).unwrap();
    w.commit().unwrap();
    let w = SiteWriter::begin(&out, guard(dir.path(), &out).unwrap()).unwrap();
    let e = w
        .put_with("a.js", |w| {
            w.write_all(&old[..80_000])?;
            w.flush()?;
            fs::write(out.join("a.js"), b"aaa")?;
            w.write_all(b"b")
        })
        .unwrap_err();
    assert!(
        e.to_string().contains("changed while the site was built"),
        "{e}"
    );
}

/// A site with `a.js` holding `old` (streamed), and a writer beginning the next build.
fn streamed_once(dir: &Path, old: &[u8]) -> (PathBuf, SiteWriter) {
    let out = dir.join("site");
    let w = SiteWriter::begin(&out, guard(dir, &out).unwrap()).unwrap();
    w.put_with("a.js", |w| w.write_all(old)).unwrap();
    w.commit().unwrap();
    let w = SiteWriter::begin(&out, guard(dir, &out).unwrap()).unwrap();
    (out, w)
}

/// Write `X` at byte 10 of `path` in place (the same file, the same length), once the
/// clock has moved past the file's last change (so its change time shows the write).
fn write_into(path: &Path) {
    use std::os::unix::fs::{FileExt, MetadataExt};
    let was = fs::metadata(path).unwrap();
    let probe = path.with_extension("probe");
    let start = std::time::Instant::now();
    loop {
        fs::write(&probe, b"p").unwrap();
        let m = fs::metadata(&probe).unwrap();
        if (m.ctime(), m.ctime_nsec()) > (was.ctime(), was.ctime_nsec()) {
            break;
        }
        assert!(start.elapsed().as_secs() < 10, "the clock did not move");
    }
    fs::remove_file(&probe).unwrap();
    let f = fs::OpenOptions::new().write(true).open(path).unwrap();
    f.write_all_at(b"X", 10).unwrap();
}

/// The previous file written into in place while its bytes were compared, before the
/// first difference: what was compared is not copied into the new file (adversary 53
/// H-1); the build fails, and every later write says so again (not "two files", L-1).
#[test]
fn a_previous_file_written_into_while_compared_is_not_copied() {
    let dir = tempfile::tempdir().unwrap();
    let old = vec![b'a'; 100_000];
    let (out, w) = streamed_once(dir.path(), &old);
    let e = w
        .put_with("a.js", |w| {
            w.write_all(&old[..80_000])?;
            w.flush()?;
            write_into(&out.join("a.js"));
            let first = w.write_all(b"b").and_then(|()| w.flush()).unwrap_err();
            let again = w.write_all(b"c").and_then(|()| w.flush()).unwrap_err();
            assert_eq!(first.to_string(), again.to_string());
            Err::<(), _>(first)
        })
        .unwrap_err();
    assert!(
        e.to_string().contains("changed while the site was built"),
        "{e}"
    );
}

/// The previous file written into in place after every byte matched: it is not kept as
/// the new file (its bytes are no longer those compared); the build fails.
#[test]
fn a_previous_file_written_into_after_it_matched_is_not_kept() {
    let dir = tempfile::tempdir().unwrap();
    let old = vec![b'a'; 100_000];
    let (out, w) = streamed_once(dir.path(), &old);
    let e = w
        .put_with("a.js", |w| {
            w.write_all(&old)?;
            w.flush()?;
            write_into(&out.join("a.js"));
            Ok(())
        })
        .unwrap_err();
    assert!(
        e.to_string().contains("changed while the site was built"),
        "{e}"
    );
}

/// The previous file's path given to another file while the build compared it (renamed
/// over it; a link to a file of the same bytes): the new site holds the bytes built, as a
/// file of its own, never the file put there (adversary 53 M-1).
#[test]
fn a_file_put_at_the_previous_path_while_compared_is_not_linked() {
    for how in ["renamed over", "a link"] {
        let dir = tempfile::tempdir().unwrap();
        let old = vec![b'a'; 100_000];
        let (out, w) = streamed_once(dir.path(), &old);
        let elsewhere = dir.path().join("elsewhere.js");
        w.put_with("a.js", |w| {
            w.write_all(&old)?;
            w.flush()?;
            let at = out.join("a.js");
            match how {
                "renamed over" => {
                    fs::write(&elsewhere, vec![b'z'; 100_000])?;
                    fs::rename(&elsewhere, &at)
                }
                _ => {
                    fs::write(&elsewhere, &old)?;
                    fs::remove_file(&at)?;
                    std::os::unix::fs::symlink(&elsewhere, &at)
                }
            }
        })
        .unwrap();
        if how == "a link" {
            // doracak writes no links: one at its file's path is a person's, and the build
            // stops naming it, the link left as it is (adversary 54 M-2).
            let e = w.commit().unwrap_err();
            assert!(
                e.to_string().contains("found a link doracak did not make"),
                "{e}"
            );
            assert!(
                fs::symlink_metadata(out.join("a.js"))
                    .unwrap()
                    .file_type()
                    .is_symlink()
            );
            continue;
        }
        let stats = w.commit().unwrap();
        let kept = out.join("a.js");
        assert!(
            fs::symlink_metadata(&kept).unwrap().file_type().is_file(),
            "{how}: a file of its own"
        );
        assert!(fs::read(&kept).unwrap() == old, "{how}: the bytes built");
        assert_eq!(stats.changed, 1, "{how}");
    }
}

/// A file of the previous site replaced by a link to a file of the same bytes (by hand,
/// between builds): the next build never carries the link over as its own page, nor
/// replaces it: doracak writes no links, so it is a person's, and the build stops naming
/// it (adversary 54 M-2); once it is moved, the page is written as a file of its own.
#[test]
fn a_link_in_the_previous_site_is_not_kept_as_a_page() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build(dir.path(), &out, &[("a.html", "A")]).unwrap();
    let copy = dir.path().join("copy.html");
    fs::write(&copy, "A").unwrap();
    fs::remove_file(out.join("a.html")).unwrap();
    std::os::unix::fs::symlink(&copy, out.join("a.html")).unwrap();
    let e = build(dir.path(), &out, &[("a.html", "A")]).unwrap_err();
    assert!(
        e.to_string().contains("found a link doracak did not make"),
        "{e}"
    );
    assert!(
        fs::symlink_metadata(out.join("a.html"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    fs::remove_file(out.join("a.html")).unwrap();
    build(dir.path(), &out, &[("a.html", "A")]).unwrap();
    let m = fs::symlink_metadata(out.join("a.html")).unwrap();
    assert!(m.file_type().is_file(), "a file of its own");
    assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "A");
}

/// Adversary 54 H-1: two builds in one second that each keep their previous site aside (a
/// file came into it that cannot join the new one) keep both, under names the next
/// build's recovery never removes.
#[test]
fn previous_sites_kept_aside_in_one_second_are_all_kept() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("notes.txt"), "taken").unwrap();
    let mut kept = Vec::new();
    for n in 0..3 {
        let old = dir.path().join(format!(".site.doracak-old-{n}"));
        fs::create_dir(&old).unwrap();
        fs::write(old.join("notes.txt"), format!("mine {n}")).unwrap();
        let swept = carry::sweep(&old, &out, &Existing::Site(Vec::new()), &[]);
        assert!(swept.joined.is_empty());
        assert_eq!(swept.stuck, ["notes.txt"]);
        let aside = swept.aside.expect("kept aside");
        assert!(!old.exists(), "{}", old.display());
        let name = aside.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with(".site.doracak-kept-"), "{name}");
        kept.push(aside);
    }
    for (n, aside) in kept.iter().enumerate() {
        assert_eq!(
            fs::read_to_string(aside.join("notes.txt")).unwrap(),
            format!("mine {n}")
        );
    }
    assert!(recover::recover(&out).unwrap().is_empty());
    assert!(kept.iter().all(|k| k.is_dir()), "recovery left them alone");
}

/// On a drive with no hard links (FAT, exFAT), a file as before is copied, not linked: it
/// is still no change, and keeps its time, streamed or not (stop 53: every rebuild there
/// said every file "changed").
#[test]
fn without_hard_links_a_file_as_before_is_no_change_and_keeps_its_time() {
    use std::os::unix::fs::MetadataExt;
    compared::NO_HARD_LINKS.with(|n| n.set(true));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let run = |page: &str, stream: &'static str| {
        let w = open(dir.path(), &out, "test").unwrap();
        w.put("a.html", page.as_bytes()).unwrap();
        w.put_with("big/index.js", |w| w.write_all(stream.as_bytes()))
            .unwrap();
        w.commit().unwrap()
    };
    run("A", "same text");
    let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
    for f in ["a.html", "big/index.js"] {
        fs::File::options()
            .write(true)
            .open(out.join(f))
            .unwrap()
            .set_modified(old)
            .unwrap();
    }
    let ino = |f: &str| fs::metadata(out.join(f)).unwrap().ino();
    let before = (ino("a.html"), ino("big/index.js"));
    let stats = run("A", "same text");
    assert_eq!(stats.changed, 0, "the same bytes are no change");
    assert_ne!(
        (ino("a.html"), ino("big/index.js")),
        before,
        "copied, not linked: no hard links here"
    );
    for f in ["a.html", "big/index.js"] {
        assert_eq!(
            fs::metadata(out.join(f)).unwrap().modified().unwrap(),
            old,
            "{f} keeps its time"
        );
    }
    let stats = run("A2", "same texT");
    assert_eq!(stats.changed, 2);
    assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "A2");
    assert_ne!(
        fs::metadata(out.join("a.html"))
            .unwrap()
            .modified()
            .unwrap(),
        old
    );
    compared::NO_HARD_LINKS.with(|n| n.set(false));
}
