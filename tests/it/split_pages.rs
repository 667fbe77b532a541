//! Issue 28: the pages that hold the whole handbook are split by standard above the theme's
//! `split_page_bytes`; every criterion in exactly one part, the parts linking each other
//! and the contents page at the page's own address; the shipped handbook stays whole.

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::{doracak, repo};

/// The whole-handbook pages and, for each, the mark every criterion leaves once on it.
const WHOLE: &[(&str, &str)] = &[
    ("printo.html", "<div class=\"criterion\" id=\"{id}\""),
    ("auditim/te-gjitha.html", "id=\"audit-{id}\""),
    ("vleresim/printo.html", "data-fill-rating=\"{id}\""),
];

fn criteria(site: &Path) -> Vec<(String, Vec<String>)> {
    let catalog: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.join("catalog.json")).unwrap()).unwrap();
    catalog["standards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let ids = s["criteria"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["id"].as_str().unwrap().to_string())
                .collect();
            (s["id"].as_str().unwrap().to_string(), ids)
        })
        .collect()
}

fn part(page: &str, n: usize) -> String {
    format!("{}-{n}.html", page.strip_suffix(".html").unwrap())
}

/// The `href`s of a page, as written.
fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(|h| h.replace("&#x2f;", "/"))
        .collect()
}

#[test]
fn split_pages_hold_every_criterion_once_and_link_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let hb = dir.path().join("hb");
    let root = repo();
    let out = doracak(&[
        "synth",
        "--root",
        root.to_str().unwrap(),
        "--standards",
        "7",
        "--criteria",
        "9",
        "--seed",
        "5",
        "--out",
        hb.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::create_dir_all(hb.join("theme")).unwrap();
    std::fs::write(hb.join("theme/settings.toml"), "split_page_bytes = 40000\n").unwrap();
    let out = doracak(&["--root", hb.to_str().unwrap(), "build"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    // `synth` declares its procedures' collection: the build has nothing to warn about.
    assert!(!said.contains("warning:"), "{said}");
    let site = hb.join("site");
    let standards = criteria(&site);
    let all: Vec<&String> = standards.iter().flat_map(|(_, c)| c).collect();
    assert_eq!(all.len(), 63);

    for (page, mark) in WHOLE.iter().chain([&("vleresim/provat.html", "")]) {
        let contents = std::fs::read_to_string(site.join(page)).unwrap();
        let depth = page.matches('/').count();
        let root = "../".repeat(depth);
        // The parts, in order, as the contents page links them.
        let mut n = 0;
        while site.join(part(page, n + 1)).exists() {
            n += 1;
        }
        assert!(n >= 2, "{page}: expected at least two parts, found {n}");
        assert!(!site.join(part(page, n + 1)).exists());
        let linked: Vec<String> = hrefs(&contents)
            .into_iter()
            .filter(|h| h.starts_with(&format!("{root}{}-", page.trim_end_matches(".html"))))
            .collect();
        let expected: Vec<String> = (1..=n)
            .map(|i| format!("{root}{}", part(page, i)))
            .collect();
        assert_eq!(
            linked, expected,
            "{page}: the contents page links every part once, in order"
        );
        for c in &all {
            assert!(
                !contents.contains(&format!("id=\"{c}\"")),
                "{page}: the contents page holds no criterion"
            );
        }

        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for i in 1..=n {
            let html = std::fs::read_to_string(site.join(part(page, i)))
                .unwrap()
                .replace("&#x2f;", "/");
            let links = hrefs(&html);
            assert!(
                links.contains(&format!("{root}{page}")),
                "{page} part {i}: links the contents page"
            );
            let prev = format!("{root}{}", part(page, i.saturating_sub(1).max(1)));
            let next = format!("{root}{}", part(page, i + 1));
            assert_eq!(
                i > 1,
                html.contains(&format!("rel=\"prev\" href=\"{prev}\"")),
                "{page} part {i}: previous"
            );
            assert_eq!(
                i < n,
                html.contains(&format!("rel=\"next\" href=\"{next}\"")),
                "{page} part {i}: next"
            );
            for c in &all {
                let m = if mark.is_empty() {
                    // The evidence tracker lists evidence: a criterion is there through its standard's section.
                    continue;
                } else {
                    mark.replace("{id}", c)
                };
                *seen.entry(c).or_default() += html.matches(&m).count();
            }
            if mark.is_empty() {
                for (s, _) in &standards {
                    *seen.entry(s).or_default() +=
                        html.matches(&format!("data-ev-standard=\"{s}\"")).count();
                }
            }
        }
        if mark.is_empty() {
            for (s, _) in &standards {
                assert_eq!(
                    seen.get(s.as_str()),
                    Some(&1),
                    "{page}: standard {s} in exactly one part"
                );
            }
        } else {
            for c in &all {
                assert_eq!(
                    seen.get(c.as_str()),
                    Some(&1),
                    "{page}: criterion {c} in exactly one part"
                );
            }
        }
    }
}

#[test]
fn the_shipped_handbook_is_not_split() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let root = repo();
    let out = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "build",
        "--out",
        site.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let all: Vec<String> = criteria(&site).into_iter().flat_map(|(_, c)| c).collect();
    for (page, mark) in WHOLE {
        assert!(!site.join(part(page, 1)).exists(), "{page} stays whole");
        let html = std::fs::read_to_string(site.join(page)).unwrap();
        assert!(!html.contains("part-nav"));
        for c in &all {
            assert_eq!(
                html.matches(&mark.replace("{id}", c)).count(),
                1,
                "{page}: {c} once"
            );
        }
    }
}
