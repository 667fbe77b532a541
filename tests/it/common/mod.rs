//! Helpers shared by the integration tests.

pub mod browser;
pub mod page_text;
pub mod pdf;
pub mod python;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Say that a test cannot run on this machine, where a person sees it, and let it pass;
/// under `CI=true` fail instead. (The harness swallows `eprintln!` of a passing test, so
/// the notice goes straight to the terminal's standard error.)
pub fn skip(test: &str, missing: &str, install: &str) {
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("{test}: {missing}, and CI=true requires this test to run ({install})");
    }
    use std::io::Write;
    let notice = format!("\n*** SKIPPED {test}: {missing} ({install}) ***\n\n");
    let _ = std::io::stderr().lock().write_all(notice.as_bytes());
}

/// The repository root: the shipped handbook.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixtures() -> PathBuf {
    repo().join("tests/fixtures")
}

/// Run the `doracak` binary with `args`.
pub fn doracak(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_doracak"))
        .args(args)
        .output()
        .expect("the doracak binary runs")
}

/// Copy a folder tree (files and symlinks as they are).
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).follow_links(false) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else if entry.file_type().is_symlink() {
            #[cfg(unix)]
            std::os::unix::fs::symlink(std::fs::read_link(entry.path()).unwrap(), &dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// A fresh copy of the minimal fixture handbook in a temporary folder.
pub fn minimal_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("minimal"), dir.path());
    dir
}

/// Every file of a folder tree with its bytes, for byte-for-byte comparisons.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut v: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

/// `doracak --root ROOT build --out OUT`, as a user runs it.
pub fn build(root: &Path, out: &Path) -> Output {
    doracak(&[
        "--root",
        root.to_str().unwrap(),
        "build",
        "--out",
        out.to_str().unwrap(),
    ])
}

/// Build `root` into `out`; the build must succeed.
pub fn build_ok(root: &Path, out: &Path) {
    let o = build(root, out);
    assert!(
        o.status.success(),
        "{} builds:\n{}",
        root.display(),
        String::from_utf8_lossy(&o.stderr)
    );
}

/// A fresh copy of the minimal fixture handbook, built: the folder and its site.
pub fn minimal_site() -> (tempfile::TempDir, PathBuf) {
    let dir = minimal_copy();
    let out = dir.path().join("site");
    build_ok(dir.path(), &out);
    (dir, out)
}

/// The built site of the shipped handbook, built once per test binary.
pub fn shipped_site() -> &'static Path {
    static SITE: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    SITE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        build_ok(&repo(), &dir.path().join("site"));
        dir
    })
    .path()
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Decode the few entities minijinja writes in attributes.
pub fn unescape(s: &str) -> String {
    s.replace("&#x2f;", "/")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Every value of attribute `name` in an HTML text (double-quoted attributes only, which
/// is all the templates write).
pub fn attr_values(html: &str, name: &str) -> Vec<String> {
    let pat = format!(" {name}=\"");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&pat) {
        let after = &rest[i + pat.len()..];
        let end = after.find('"').unwrap_or(after.len());
        out.push(unescape(&after[..end]));
        rest = &after[end..];
    }
    out
}

/// Every HTML page of a built site, by its site-relative path.
pub fn pages(site: &Path) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = walkdir::WalkDir::new(site)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(site)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, read(e.path()))
        })
        .collect();
    v.sort();
    v
}

/// `doracak report 2026.json --since 2025.json` and `doracak aggregate` of the two
/// comparison fixtures, written into `dir`: the report's path (the aggregate is
/// `dir/krahasimi.html`).
pub fn comparison_reports(dir: &Path) -> PathBuf {
    let root = repo().to_string_lossy().into_owned();
    let f = |n: &str| {
        fixtures()
            .join("compare")
            .join(n)
            .to_string_lossy()
            .into_owned()
    };
    let report = dir.join("raporti.html");
    let o = doracak(&[
        "--root",
        &root,
        "report",
        &f("2026.json"),
        "--since",
        &f("2025.json"),
        "--out",
        report.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = doracak(&[
        "--root",
        &root,
        "aggregate",
        &f("2025.json"),
        &f("2026.json"),
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    report
}

/// The whole search index of a built site as text: the manifest and every shard.
pub fn search_index_text(site: &Path) -> String {
    let mut text = read(&site.join("search-index.js"));
    let mut shards: Vec<PathBuf> = std::fs::read_dir(site.join("search-index"))
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    shards.sort();
    for p in shards {
        text.push_str(&read(&p));
    }
    text
}

/// Wait until `cond` holds (at most a minute), polling: no fixed sleeps.
pub fn wait_until(what: &str, cond: impl Fn() -> bool) {
    let start = std::time::Instant::now();
    while !cond() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(60),
            "waited a minute for {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

/// Start `doracak ARGS` to pause at `point` (`DORACAK_TEST_PAUSE=POINT:CONTROL`, see
/// `src/test_pause.rs`) and wait until it is there; make `CONTROL/resume` to let it go on.
pub fn paused(point: &str, control: &Path, args: &[&str]) -> std::process::Child {
    let child = Command::new(env!("CARGO_BIN_EXE_doracak"))
        .args(args)
        .env(
            "DORACAK_TEST_PAUSE",
            format!("{point}:{}", control.display()),
        )
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the doracak binary runs");
    wait_until("the pause", || control.join("paused").exists());
    child
}

/// A page of the shipped site, its entities unescaped.
pub fn site_page(path: &str) -> String {
    unescape(&read(&shipped_site().join("site").join(path)))
}

/// A page's text without its tags, white space collapsed (a tag parts words).
pub fn plain(html: &str) -> String {
    let mut out = String::new();
    let mut tag = false;
    for c in html.chars() {
        match c {
            '<' => tag = true,
            '>' => {
                tag = false;
                out.push(' ');
            }
            _ if !tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `doracak synth --assessments N` for the handbook at `root`, into `out`: the assessment
/// files it wrote (`.json`), sorted by name.
pub fn synth_assessments(root: &Path, n: usize, out: &Path) -> Vec<String> {
    let o = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "synth",
        "--assessments",
        &n.to_string(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut jsons: Vec<String> = std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".json"))
        .collect();
    jsons.sort();
    jsons
}

/// The source documents whose file names start with one of `prefixes` ("000" … "003"), as
/// letters and digits only (`pdf::letters`), in that order. They lie beside the checkout
/// (`$DORACAK_SEEDS`, else `../shared/seeds`, else `/work/shared/seeds`), not in it: where
/// they are not, the text is empty and the tests that read them check the site alone.
pub fn seed_letters(prefixes: &[&str]) -> String {
    let dir = std::env::var_os("DORACAK_SEEDS")
        .map(PathBuf::from)
        .into_iter()
        .chain([repo().join("../shared/seeds"), "/work/shared/seeds".into()])
        .find(|d| d.is_dir());
    let mut files: Vec<PathBuf> = dir
        .and_then(|d| std::fs::read_dir(d).ok())
        .into_iter()
        .flatten()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    prefixes
        .iter()
        .flat_map(|n| {
            files
                .iter()
                .filter(move |p| p.file_name().unwrap().to_string_lossy().starts_with(n))
        })
        .map(|p| pdf::letters(&read(p)))
        .collect()
}

/// Every procedure of the shipped handbook: (its page name, its YAML), by page name.
pub fn sop_yamls() -> Vec<(String, serde_json::Value)> {
    let mut v: Vec<(String, serde_json::Value)> = std::fs::read_dir(repo().join("content/sop"))
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            let page = name.split_once('-').unwrap().1.to_string();
            (page, serde_saphyr::from_str(&read(&path)).unwrap())
        })
        .collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

/// A step's timings that set a time (not `no_time_limit`), from its YAML.
pub fn step_deadlines(step: &serde_json::Value) -> Vec<&serde_json::Value> {
    step["timing"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|t| t.get("no_time_limit").is_none())
        .collect()
}

/// How a diagram's box quotes the deadline `t` of `step`: its words („…“), or, where it is
/// one of the step's deadlines split by the case each holds in, quoting one sentence up to
/// its case (formal identification 1), its case's words; the sentence stands once besides
/// (adversary 48 L-4).
pub fn box_quote(step: &serde_json::Value, t: &serde_json::Value) -> String {
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let cased: Vec<&serde_json::Value> = step_deadlines(step)
        .into_iter()
        .filter(|o| o["condition"].is_string())
        .collect();
    let whole = cased
        .iter()
        .map(|o| squash(o["text"].as_str().unwrap()))
        .max_by_key(String::len)
        .unwrap_or_default();
    let inside = |o: &serde_json::Value| whole.contains(&squash(o["text"].as_str().unwrap()));
    let text = squash(t["text"].as_str().unwrap());
    match t["condition"].as_str() {
        Some(case) if inside(t) && cased.iter().filter(|o| inside(o)).count() > 1 => {
            format!("„{}“", squash(case))
        }
        _ => format!("„{text}“"),
    }
}

/// `doracak training-report FILE --out OUT --today 2026-12-01` on the handbook at `root`,
/// which must succeed; the roster page it wrote.
pub fn training_roster(root: &Path, file: &Path, out: &Path) -> String {
    let o = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "training-report",
        file.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--today",
        "2026-12-01",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    read(&out.join("regjistri-i-trajnimit.html"))
}
