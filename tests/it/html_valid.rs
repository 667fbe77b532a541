//! Every page passes the W3C Nu Html Checker (vnu, pinned in tests/vnu/package.json) with
//! zero errors: the shipped handbook's whole site and the fixture handbooks' sites.
//!
//! Needs Java and `npm ci --prefix tests/vnu`; where either is missing the test says so
//! loudly and skips, except under `CI=true`, where it fails.

use crate::common;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;

pub(crate) fn vnu_jar() -> Option<PathBuf> {
    let jar = repo().join("tests/vnu/node_modules/vnu-jar/build/dist/vnu.jar");
    if !jar.is_file() {
        skip(
            "html_valid",
            "the Nu Html Checker is not installed",
            "npm ci --prefix tests/vnu",
        );
        return None;
    }
    let java = Command::new("java").arg("-version").output();
    if !java.is_ok_and(|o| o.status.success()) {
        skip(
            "html_valid",
            "Java is not installed",
            "apt-get install default-jre-headless",
        );
        return None;
    }
    Some(jar)
}

/// vnu's errors over every HTML page below `dirs` (one line each).
pub(crate) fn errors(jar: &Path, dirs: &[&Path]) -> Vec<String> {
    let o = Command::new("java")
        .arg("-jar")
        .arg(jar)
        .args(["--errors-only", "--skip-non-html", "--format", "gnu"])
        .args(dirs)
        .output()
        .expect("java runs");
    let text =
        String::from_utf8_lossy(&o.stderr).into_owned() + &String::from_utf8_lossy(&o.stdout);
    let lines: Vec<String> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(String::from)
        .collect();
    assert!(
        o.status.success() || !lines.is_empty(),
        "vnu failed without saying why (status {:?})",
        o.status
    );
    lines
}

#[test]
fn every_page_of_the_shipped_and_fixture_sites_is_valid_html() {
    let Some(jar) = vnu_jar() else { return };
    let shipped = shipped_site().join("site");
    let (_minimal, minimal) = minimal_site();
    let (_chapters, chapters) = crate::chapters::chapters_site();
    let forms = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("minimal"), forms.path());
    copy_tree(&fixtures().join("forms"), forms.path());
    let forms_site = forms.path().join("site");
    build_ok(forms.path(), &forms_site);
    let pages: usize = [&shipped, &minimal, &forms_site, &chapters]
        .iter()
        .map(|d| pages(d).len())
        .sum();
    assert!(pages > 100, "the sites have their pages ({pages})");
    let errs = errors(&jar, &[&shipped, &minimal, &forms_site, &chapters]);
    assert!(
        errs.is_empty(),
        "{} vnu errors over {pages} pages:\n{}",
        errs.len(),
        errs.join("\n")
    );
}

#[test]
fn the_checker_finds_an_error_when_there_is_one() {
    // The test above cannot pass because vnu read nothing: a page with a known error is
    // reported.
    let Some(jar) = vnu_jar() else { return };
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.html"),
        "<!DOCTYPE html><html lang=\"sq\"><head><title>x</title></head><body><section role=\"row\"></section></body></html>",
    )
    .unwrap();
    let errs = errors(&jar, &[dir.path()]);
    assert!(
        errs.iter().any(|e| e.contains("role")),
        "vnu reports the bad role: {errs:?}"
    );
}

/// The pages `doracak report --since` and `doracak aggregate` write (charts included), and
/// the comparison page as the browser fills it (its DOM, saved), pass the checker too.
#[test]
fn the_reports_and_the_filled_comparison_are_valid_html() {
    let Some(jar) = vnu_jar() else { return };
    let dir = tempfile::tempdir().unwrap();
    comparison_reports(dir.path());
    if let Some(chromium) =
        common::browser::browser("the_reports_and_the_filled_comparison_are_valid_html")
    {
        use common::browser::*;
        let site = shipped_site().join("site");
        let tab = open(&chromium, &file_url(&site.join("vleresim/index.html")));
        for n in ["2025.json", "2026.json"] {
            let text = serde_json::to_string(&read(&fixtures().join("compare").join(n))).unwrap();
            eval(
                &tab,
                &format!("window.Doracak.assessmentPage.importText({text})"),
            );
        }
        wait_for(
            &tab,
            "!!document.querySelector('[data-score-chart] svg')",
            "the overview chart",
        );
        let overview = eval(
            &tab,
            "'<!DOCTYPE html>' + document.documentElement.outerHTML",
        );
        std::fs::write(dir.path().join("overview.html"), overview.as_str().unwrap()).unwrap();
        let tab = open(&chromium, &file_url(&site.join("vleresim/krahasimi.html")));
        wait_for(
            &tab,
            "!!document.querySelector('[data-compare=improved]')",
            "the comparison",
        );
        let page = eval(
            &tab,
            "'<!DOCTYPE html>' + document.documentElement.outerHTML",
        );
        std::fs::write(
            dir.path().join("krahasimi-plotesuar.html"),
            page.as_str().unwrap(),
        )
        .unwrap();
    }
    let errs = errors(&jar, &[dir.path()]);
    assert!(
        errs.is_empty(),
        "{} vnu errors:\n{}",
        errs.len(),
        errs.join("\n")
    );
}
