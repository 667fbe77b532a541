//! The shipped handbook builds, and its site is complete, linked and self-contained.

use std::collections::{HashMap, HashSet};

use crate::common::*;

fn site() -> std::path::PathBuf {
    shipped_site().join("site")
}

fn catalog() -> serde_json::Value {
    serde_json::from_str(&read(&site().join("catalog.json"))).expect("catalog.json is JSON")
}

#[test]
fn writes_home_catalog_and_standard_pages() {
    let site = site();
    for f in [
        "index.html",
        "catalog.json",
        "printo.html",
        "static/style.css",
        "static/print.css",
    ] {
        assert!(site.join(f).is_file(), "{f} is written");
    }
    let cat = catalog();
    let standards = cat["standards"].as_array().unwrap();
    assert!(!standards.is_empty());
    let index = read(&site.join("index.html"));
    for s in standards {
        let n = s["number"].as_u64().unwrap();
        let page = site.join(format!("S{n}.html"));
        assert!(page.is_file(), "S{n}.html is written");
        assert!(
            index.contains(&format!("href=\"S{n}.html\"")),
            "the home page links standard {n}"
        );
    }
}

#[test]
fn catalog_has_the_stable_shape() {
    let cat = catalog();
    for key in [
        "standards",
        "procedures",
        "roles",
        "forms",
        "glossary",
        "indicators",
        "plans",
        "deadlines",
    ] {
        assert!(cat.get(key).is_some(), "catalog.json has `{key}`");
    }
    let s = &cat["standards"][0];
    for key in ["id", "number", "title", "outcome", "statement", "criteria"] {
        assert!(s.get(key).is_some(), "a standard has `{key}`");
    }
    let c = &s["criteria"][0];
    for key in [
        "id",
        "number",
        "text",
        "evidence",
        "guidance",
        "timing",
        "roles",
        "procedures",
        "forms",
    ] {
        assert!(c.get(key).is_some(), "a criterion has `{key}`");
    }
    assert_eq!(s["id"], "S1");
    assert_eq!(c["id"], "S1.1");
    assert_eq!(c["evidence"][0]["id"], "S1.1.1");
    assert_eq!(c["evidence"][0]["number"], "1.1");
}

#[test]
fn every_criterion_and_evidence_has_its_anchor() {
    let cat = catalog();
    for s in cat["standards"].as_array().unwrap() {
        let n = s["number"].as_u64().unwrap();
        let html = read(&site().join(format!("S{n}.html")));
        let ids: HashSet<String> = attr_values(&html, "id").into_iter().collect();
        for c in s["criteria"].as_array().unwrap() {
            let cid = c["id"].as_str().unwrap();
            assert!(ids.contains(cid), "S{n}.html has #{cid}");
            for e in c["evidence"].as_array().unwrap() {
                let eid = e["id"].as_str().unwrap();
                assert!(ids.contains(eid), "S{n}.html has #{eid}");
            }
        }
    }
}

#[test]
fn every_page_has_a_csp_and_no_remote_resource() {
    let all = pages(&site());
    assert!(all.len() > 10);
    for (path, html) in &all {
        assert!(
            html.contains("http-equiv=\"Content-Security-Policy\"")
                && html.contains("default-src &#x27;none&#x27;"),
            "{path} has the CSP"
        );
        assert!(
            html.contains("<html lang=\"sq\" dir=\"ltr\">"),
            "{path} is in Albanian"
        );
        for attr in ["src", "href"] {
            for v in attr_values(html, attr) {
                let remote =
                    v.starts_with("http:") || v.starts_with("https:") || v.starts_with("//");
                if remote {
                    // Only plain links in content may point outside, and they are isolated.
                    assert!(attr == "href", "{path}: remote {attr}={v}");
                }
            }
        }
        for tag in ["<script", "<link"] {
            for chunk in html.split(tag).skip(1) {
                let tag_text = &chunk[..chunk.find('>').unwrap_or(chunk.len())];
                assert!(
                    !tag_text.contains("http:")
                        && !tag_text.contains("https:")
                        && !tag_text.contains("//"),
                    "{path}: remote resource in {tag}{tag_text}"
                );
            }
        }
    }
}

#[test]
fn every_internal_link_and_anchor_resolves() {
    let site = site();
    let all = pages(&site);
    let ids: HashMap<&str, HashSet<String>> = all
        .iter()
        .map(|(p, h)| (p.as_str(), attr_values(h, "id").into_iter().collect()))
        .collect();
    let mut broken = Vec::new();
    let mut checked = 0;
    for (path, html) in &all {
        let dir = std::path::Path::new(path)
            .parent()
            .unwrap_or(std::path::Path::new(""));
        for link in attr_values(html, "href")
            .into_iter()
            .chain(attr_values(html, "src"))
        {
            if link.starts_with("http:")
                || link.starts_with("https:")
                || link.starts_with("mailto:")
            {
                continue;
            }
            checked += 1;
            let (file, anchor) = match link.split_once('#') {
                Some((f, a)) => (f.to_string(), Some(a.to_string())),
                None => (link.clone(), None),
            };
            let target = if file.is_empty() {
                path.clone()
            } else {
                let joined = dir.join(&file);
                let mut parts: Vec<String> = Vec::new();
                for c in joined.components() {
                    match c {
                        std::path::Component::ParentDir => {
                            parts.pop();
                        }
                        std::path::Component::Normal(s) => {
                            parts.push(s.to_string_lossy().into_owned())
                        }
                        _ => {}
                    }
                }
                parts.join("/")
            };
            if !site.join(&target).is_file() {
                broken.push(format!("{path}: {link} (no file {target})"));
                continue;
            }
            if let Some(a) = anchor
                && !a.is_empty()
                && !ids.get(target.as_str()).is_some_and(|set| set.contains(&a))
            {
                broken.push(format!("{path}: {link} (no #{a} in {target})"));
            }
        }
    }
    assert!(checked > 100, "links were checked ({checked})");
    assert!(
        broken.is_empty(),
        "{} broken links:\n{}",
        broken.len(),
        broken.join("\n")
    );
}

#[test]
fn content_markdown_is_rendered_and_sanitised() {
    let dir = minimal_copy();
    let std1 = dir.path().join("standards/01-qellimi.yaml");
    let text = read(&std1).replace(
        "Deklarata mbi qëllimin e shërbimit është e formuluar qartë.",
        "Deklarata <script>alert(1)</script> <img src=x onerror=alert(1)> [a](javascript:alert(1)) {{ site.title }} <iframe src=\\\"https://example.org\\\"></iframe> [b](https://example.org)",
    );
    std::fs::write(&std1, text).unwrap();
    let out = dir.path().join("out");
    build_ok(dir.path(), &out);
    let html = read(&out.join("S1.html"));
    assert!(!html.contains("<script>alert"), "no script");
    assert!(!html.contains("<img"), "no img");
    assert!(!html.contains("<iframe"), "no iframe");
    assert!(!html.contains("javascript:"), "no javascript: URL");
    assert!(
        html.contains("&lt;script&gt;"),
        "the raw HTML is shown as text"
    );
    assert!(
        html.contains("{{ site.title }}"),
        "template syntax in content stays text"
    );
    assert!(
        html.contains("rel=\"noopener noreferrer\""),
        "external links are isolated"
    );
    assert!(
        html.contains("<li>Qendra Pritëse</li>"),
        "Markdown lists become lists"
    );
}

#[test]
fn a_handbooks_theme_folder_overrides_built_in_files_one_by_one() {
    let dir = minimal_copy();
    let theme = dir.path().join("theme");
    std::fs::create_dir_all(theme.join("templates")).unwrap();
    std::fs::create_dir_all(theme.join("static")).unwrap();
    std::fs::write(
        theme.join("templates/index.html"),
        "{% extends \"base.html\" %}{% block main %}<p id=\"own-home\">{{ site.title }}</p>{% endblock %}",
    )
    .unwrap();
    std::fs::write(theme.join("static/style.css"), "/* own style */\n").unwrap();
    std::fs::write(theme.join("static/logo.txt"), "an added file\n").unwrap();
    let out = dir.path().join("site");
    build_ok(dir.path(), &out);
    let home = read(&out.join("index.html"));
    assert!(
        home.contains("<p id=\"own-home\">"),
        "the handbook's index.html is used"
    );
    assert!(
        home.contains("class=\"skip-link\""),
        "it still extends the built-in base.html"
    );
    assert_eq!(read(&out.join("static/style.css")), "/* own style */\n");
    assert_eq!(read(&out.join("static/logo.txt")), "an added file\n");
    let standard = read(&out.join("S1.html"));
    assert!(
        standard.contains("id=\"S1.1\""),
        "pages the handbook does not override use the built-in templates"
    );
    assert!(
        !read(&out.join("static/print.css")).is_empty(),
        "built-in static files stay"
    );
}

#[test]
fn a_handbook_that_declares_no_collections_groups_procedures_by_their_ids_and_says_so() {
    let dir = minimal_copy();
    let toml = dir.path().join("doracak.toml");
    let text = read(&toml);
    let cut = text
        .find("[[collections]]")
        .expect("the minimal handbook declares one");
    std::fs::write(&toml, &text[..cut]).unwrap();
    let out = dir.path().join("site");
    let o = build(dir.path(), &out);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(
        stderr.contains("warning: the collection \"psv\" is not declared in doracak.toml"),
        "{stderr}"
    );
    let index = read(&out.join("procedurat.html"));
    assert!(index.contains("<h2 id=\"c-psv\">psv</h2>"), "{index}");
}

#[test]
fn declared_collections_title_the_procedures_index_with_their_source_and_intro() {
    let dir = minimal_copy();
    let toml = dir.path().join("doracak.toml");
    let text = read(&toml).replace(
        "title = \"Procedurat standarde të veprimit\"",
        "title = \"Procedurat standarde të veprimit\"\nsource = \"VKM nr. 772\"\nintro = \"Hyrje *e shkurtër*.\"",
    );
    std::fs::write(&toml, text).unwrap();
    let out = dir.path().join("site");
    build_ok(dir.path(), &out);
    let index = read(&out.join("procedurat.html"));
    assert!(
        index.contains("<h2 id=\"c-psv\">Procedurat standarde të veprimit</h2><p class=\"muted\">VKM nr. 772</p><div class=\"prose\"><p>Hyrje <em>e shkurtër</em>.</p>"),
        "{index}"
    );
}

/// Markup written by a template never reaches the reader as text: no page shows an escaped
/// tag such as `&lt;span class=…&gt;` (minijinja escapes the plain side of a `~` joined to a
/// safe value, which once printed role labels and "related" labels as raw HTML). Checked on
/// the shipped site, the French fixture and an edition site with its changes page.
#[test]
fn no_page_shows_markup_as_text() {
    let tags = [
        "a", "span", "strong", "em", "q", "ins", "del", "p", "br", "ul", "li", "div",
    ];
    let escaped_tag = |html: &str| -> Option<usize> {
        html.match_indices("&lt;").map(|(i, _)| i).find(|&i| {
            let rest = html[i + 4..].trim_start_matches('/');
            tags.iter().any(|t| {
                rest.strip_prefix(t).is_some_and(|r| {
                    r.starts_with(' ') || r.starts_with("&gt;") || r.starts_with('/')
                })
            })
        })
    };
    let mut sites = vec![site()];
    let french = tempfile::tempdir().unwrap();
    build_ok(&fixtures().join("french"), french.path());
    sites.push(french.path().to_path_buf());
    let editions = crate::editions::new_with_previous();
    let root = editions.path().join("new");
    let o = doracak(&["--root", root.to_str().unwrap(), "build"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    sites.push(root.join("site"));
    let mut bad = Vec::new();
    for site in &sites {
        for (path, html) in pages(site) {
            if let Some(at) = escaped_tag(&html) {
                let from = html[..at]
                    .char_indices()
                    .rev()
                    .nth(60)
                    .map_or(0, |(i, _)| i);
                let to = html[at..]
                    .char_indices()
                    .nth(60)
                    .map_or(html.len(), |(i, _)| at + i);
                bad.push(format!("{}/{path}: …{}", site.display(), &html[from..to]));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "pages showing markup as text:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_home_page_counts_each_standards_criteria_and_evidence() {
    // The home page lists the standards from a summary (not their criteria): its counts
    // must still be each standard's own.
    let cat = catalog();
    let home = plain(&site_page("index.html"));
    for s in cat["standards"].as_array().unwrap() {
        let criteria = s["criteria"].as_array().unwrap();
        let evidence: usize = criteria
            .iter()
            .map(|c| c["evidence"].as_array().map_or(0, Vec::len))
            .sum();
        let want = format!(
            "{} {} · {} ",
            criteria.len(),
            if criteria.len() == 1 {
                "kriter"
            } else {
                "kritere"
            },
            evidence
        );
        assert!(home.contains(&want), "home page lacks {want:?}");
    }
}
