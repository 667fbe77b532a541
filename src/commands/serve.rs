//! `doracak serve`: build, serve the site on 127.0.0.1, watch the handbook, rebuild on
//! change and reload open pages.
//!
//! A content error never stops the server: it is printed in the terminal and shown as an
//! overlay in the open pages, and the last good site stays served until the file is fixed.
//! Only files inside the site folder are ever served.

/// A line on standard output; where the reader has gone, dropped (never a panic that would
/// stop the server).
macro_rules! out {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($t)*);
    }};
}

use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

pub mod http;

use http::Reply;

/// What open pages poll: the build number, and the error of the last build if it failed.
#[derive(Debug, Default, Clone)]
pub struct Status {
    pub version: u64,
    pub error: Option<String>,
    /// What of the previous edition is watched: its folder's parts, or `git:REV` and the
    /// commit it named at the last build.
    pub watching: Vec<String>,
}

/// How often a git revision named as the previous edition is resolved again
/// (`git rev-parse`), so a new commit on its branch or a moved tag rebuilds the site.
const REVISION_POLL: Duration = Duration::from_millis(700);

/// The script injected into every served page (never into the built site).
const RELOAD_JS: &str = include_str!("../../theme/dev/reload.js");

pub fn serve(root: &Path, out: Option<PathBuf>, port: u16) -> io::Result<()> {
    let root = root.canonicalize().map_err(|e| {
        io::Error::new(
            e.kind(),
            format!("cannot open the handbook folder {}: {e}", root.display()),
        )
    })?;
    let status = Arc::new(Mutex::new(Status::default()));
    // The output is settled once, before the first build: a build that fails does not
    // send the whole session to another folder.
    let out = out.unwrap_or_else(|| root.join(configured_output(&root)));
    // The output's lock is held for the whole session: a `build` or another `serve` on
    // the same folder stops with a message naming this process. Its rebuilds take it again.
    let refused = |r: crate::pipeline::write::Refusal| {
        io::Error::other(format!(
            "{}: {}\n  = hint: {}",
            out.display(),
            r.message,
            r.hint
        ))
    };
    let (_lock, leftovers) =
        crate::pipeline::write::take_lock(&root, &out, "serve").map_err(refused)?;
    for l in &leftovers {
        eprintln!("{l}");
    }
    // A refusal after recovery says what it put right (adversary 50c M-2).
    crate::pipeline::write::contents(&out)
        .map_err(|r| refused(crate::pipeline::write::put_right_first(r, &leftovers)))?;
    // The commit a git revision named as the previous edition resolves to, taken before
    // each build reads it: a move during the build is seen at the next poll.
    let mut revision = previous_revision(&root);
    rebuild(&root, Some(&out), &status);
    std::fs::create_dir_all(&out).map_err(|e| {
        io::Error::new(
            e.kind(),
            format!("cannot create the site folder {}: {e}", out.display()),
        )
    })?;

    let listener = std::net::TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| io::Error::other(format!("cannot listen on 127.0.0.1:{port}: {e}")))?;
    let addr = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_default();
    out!(
        "serving {} at http://{addr}/ (Ctrl+C to stop)",
        out.display()
    );

    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |ev: notify::Result<notify::Event>| {
        if let Ok(ev) = ev
            && !matches!(ev.kind, notify::EventKind::Access(_))
        {
            let _ = tx.send(ev.paths);
        }
    })
    .map_err(io::Error::other)?;
    for (p, mode) in parts(&root) {
        watcher.watch(&p, mode).map_err(io::Error::other)?;
    }
    // The previous edition's folder (`previous` in doracak.toml) is watched too, and
    // followed when doracak.toml names another.
    let mut previous = None;
    follow_previous(&root, &mut watcher, &mut previous);
    say_watching(&status, &previous, &revision);

    {
        let root = root.clone();
        let status = Arc::clone(&status);
        let out = out.clone();
        std::thread::spawn(move || {
            loop {
                let paths = match rx.recv_timeout(REVISION_POLL) {
                    Ok(first) => {
                        // Let a burst of events (an editor's save) settle into one rebuild.
                        let mut paths = first;
                        while let Ok(more) = rx.recv_timeout(Duration::from_millis(60)) {
                            paths.extend(more);
                        }
                        paths
                    }
                    Err(mpsc::RecvTimeoutError::Timeout) => Vec::new(),
                    Err(mpsc::RecvTimeoutError::Disconnected) => break,
                };
                let edited = paths.iter().any(|p| !p.starts_with(&out));
                let now = previous_revision(&root);
                let moved = now != revision;
                if !edited && !moved {
                    continue;
                }
                if moved && let Some((rev, commit)) = &now {
                    out!(
                        "the previous edition git:{rev} now names {}; rebuilding",
                        commit.as_deref().unwrap_or("no commit")
                    );
                }
                revision = now;
                say_watching(&status, &previous, &revision);
                rebuild(&root, Some(&out), &status);
                follow_previous(&root, &mut watcher, &mut previous);
                // doracak.toml may name another revision since.
                let named = previous_revision(&root);
                if named.as_ref().map(|r| &r.0) != revision.as_ref().map(|r| &r.0) {
                    revision = named;
                }
                say_watching(&status, &previous, &revision);
            }
        });
    }

    let site = out.canonicalize().map_err(|e| {
        io::Error::new(
            e.kind(),
            format!("cannot open the site folder {}: {e}", out.display()),
        )
    })?;
    let respond: Arc<dyn Fn(&str) -> Reply + Send + Sync> =
        Arc::new(move |url: &str| respond(&site, url, &status));
    http::run(listener, respond);
    Ok(())
}

/// What of a handbook folder a build reads, to watch: its sources, theme and doracak.toml.
fn parts(dir: &Path) -> Vec<(PathBuf, RecursiveMode)> {
    ["standards", "content", "theme", "doracak.toml"]
        .iter()
        .map(|w| dir.join(w))
        .filter(|p| p.exists())
        .map(|p| {
            let mode = if p.is_dir() {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            (p, mode)
        })
        .collect()
}

/// The git revision doracak.toml names as the previous edition, and the commit it names
/// now (none where it names none, or git cannot say); none for no revision.
fn previous_revision(root: &Path) -> Option<(String, Option<String>)> {
    let mut diags = crate::diagnostics::Diagnostics::new();
    let prev = crate::config::load(root, &mut diags).previous?;
    let rev = crate::edition::git::revision(&prev)?.to_string();
    let commit = crate::edition::git::resolve(root, &rev)
        .ok()
        .map(|r| r.commit);
    Some((rev, commit))
}

/// Record in `status` what of the previous edition is watched.
fn say_watching(
    status: &Mutex<Status>,
    folder: &Option<(PathBuf, usize)>,
    revision: &Option<(String, Option<String>)>,
) {
    let mut watching: Vec<String> = folder
        .iter()
        .flat_map(|(d, _)| parts(d))
        .map(|(p, _)| p.display().to_string())
        .collect();
    if let Some((rev, commit)) = revision {
        watching.push(format!(
            "git:{rev} {}",
            commit.as_deref().unwrap_or("(no commit)")
        ));
    }
    status.lock().unwrap_or_else(|e| e.into_inner()).watching = watching;
}

/// The previous edition's folder as doracak.toml names it now; none for none, for a git
/// revision (read from git at each build, nothing to watch) or for a folder not there.
fn previous_folder(root: &Path) -> Option<PathBuf> {
    let mut diags = crate::diagnostics::Diagnostics::new();
    let prev = crate::config::load(root, &mut diags).previous?;
    if crate::edition::git::revision(&prev).is_some() {
        return None;
    }
    root.join(prev).canonicalize().ok()
}

/// Watch the parts of the previous edition doracak.toml names, where it names another
/// than `watched` (or the same folder's parts appeared); stop watching the old one.
fn follow_previous(root: &Path, watcher: &mut dyn Watcher, watched: &mut Option<(PathBuf, usize)>) {
    let now = previous_folder(root).map(|d| {
        let n = parts(&d).len();
        (d, n)
    });
    if now == *watched {
        return;
    }
    if let Some((old, _)) = watched.take() {
        for (p, _) in parts(&old) {
            let _ = watcher.unwatch(&p);
        }
    }
    if let Some((dir, n)) = now {
        let mut ok = 0;
        for (p, mode) in parts(&dir) {
            match watcher.watch(&p, mode) {
                Ok(()) => ok += 1,
                Err(e) => eprintln!("cannot watch the previous edition's {}: {e}", p.display()),
            }
        }
        if ok == n {
            *watched = Some((dir, n));
        }
    }
}

/// The output folder `doracak.toml` names; the default where the file itself is broken
/// (the build then says why).
fn configured_output(root: &Path) -> String {
    let mut diags = crate::diagnostics::Diagnostics::new();
    let config = crate::config::load(root, &mut diags);
    if diags.has_errors() {
        crate::config::Config::default().output
    } else {
        config.output
    }
}

/// Build once; report in the terminal and in `status`. The output folder on success.
fn rebuild(root: &Path, out: Option<&Path>, status: &Mutex<Status>) -> Option<PathBuf> {
    let start = Instant::now();
    let (summary, diags) = crate::build(root, out);
    let report = diags.report();
    let mut st = status.lock().unwrap_or_else(|e| e.into_inner());
    st.version += 1;
    match summary {
        Some(s) => {
            eprint!("{report}");
            out!(
                "rebuilt in {:.0} ms: {} pages, {} changed",
                start.elapsed().as_secs_f64() * 1000.0,
                s.stats.pages,
                s.stats.changed
            );
            st.error = None;
            Some(s.out)
        }
        None => {
            eprintln!("{report}build failed; still serving the last good site");
            st.error = Some(report);
            None
        }
    }
}

fn respond(site: &Path, url: &str, status: &Mutex<Status>) -> Reply {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    if path == "/__doracak/reload.js" {
        return reply(
            RELOAD_JS.as_bytes().to_vec(),
            "text/javascript; charset=utf-8",
        );
    }
    if path == "/__doracak/status" {
        let st = status.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let body =
            serde_json::json!({ "version": st.version, "error": st.error, "watching": st.watching })
                .to_string();
        return reply(body.into_bytes(), "application/json");
    }
    match resolve(site, path) {
        Some(file) => match std::fs::read(&file) {
            Ok(mut bytes) => {
                let ctype = content_type(&file);
                if ctype.starts_with("text/html") {
                    bytes = inject_reload(bytes);
                }
                reply(bytes, ctype)
            }
            Err(_) => Reply::text(404, "404 not found"),
        },
        None if is_hostile(path) => Reply::text(403, "403 forbidden"),
        None => Reply::text(404, "404 not found"),
    }
}

fn reply(body: Vec<u8>, ctype: &'static str) -> Reply {
    Reply {
        status: 200,
        ctype,
        body,
    }
}

/// Whether a request path tries to leave the site (worth a 403 rather than a 404).
fn is_hostile(path: &str) -> bool {
    match percent_decode(path) {
        Some(p) => {
            p.split(['/', '\\']).any(|seg| seg == "..") || p.contains('\0') || p.starts_with("//")
        }
        None => true,
    }
}

/// The file inside `site` a request path names, or `None` for anything outside it:
/// `..` segments (also percent-encoded), backslashes, NUL, or a symlink that points out.
pub fn resolve(site: &Path, path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(path)?;
    if decoded.contains('\0')
        || decoded.contains('\\')
        || !decoded.starts_with('/')
        || decoded.starts_with("//")
    {
        return None;
    }
    let mut rel = PathBuf::new();
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => return None,
            s if s.contains(':') => return None,
            s => rel.push(s),
        }
    }
    let mut candidate = site.join(&rel);
    if candidate.is_dir() {
        candidate.push("index.html");
    }
    let real = candidate.canonicalize().ok()?;
    (real.starts_with(site) && real.is_file()).then_some(real)
}

/// `%2e%2e` → `..`; `None` when the escapes are malformed or not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn inject_reload(bytes: Vec<u8>) -> Vec<u8> {
    const TAG: &str = "<script src=\"/__doracak/reload.js\"></script>";
    let Ok(text) = String::from_utf8(bytes) else {
        return Vec::new();
    };
    match text.rfind("</body>") {
        Some(i) => format!("{}{TAG}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{TAG}").into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(percent_decode("/%2e%2e/x").as_deref(), Some("/../x"));
        assert_eq!(percent_decode("/S%C3%AB.html").as_deref(), Some("/Së.html"));
        assert_eq!(percent_decode("/%zz"), None);
    }

    #[test]
    fn never_resolves_outside_the_site() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir_all(&site).unwrap();
        std::fs::write(site.join("index.html"), "x").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "s").unwrap();
        let site = site.canonicalize().unwrap();
        assert!(resolve(&site, "/").is_some());
        assert!(resolve(&site, "/index.html").is_some());
        for bad in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E%2Fsecret.txt",
            "//etc/passwd",
            "/..%5csecret.txt",
            "/C:/x",
        ] {
            assert!(resolve(&site, bad).is_none(), "{bad}");
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.txt"), site.join("link.txt"))
                .unwrap();
            assert!(resolve(&site, "/link.txt").is_none());
        }
    }
}
