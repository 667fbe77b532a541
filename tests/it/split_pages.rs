//! Issue 28: the pages that hold the whole handbook are split by standard above the theme's
//! `split_page_bytes`; each one's address holds a contents page linking, for every standard,
//! the page that carries it (its own page, audit sheet or self-assessment; a part of its own
//! for the printed assessment): every criterion reachable once, every linked page linking
//! the contents page back, the parts each other; the shipped handbook stays whole.

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::{doracak, repo};

/// The whole-handbook pages and, for each, the mark every criterion leaves once on it.
const WHOLE: &[(&str, &str)] = &[
    ("printo.html", "<div class=\"criterion\" id=\"{id}\""),
    ("auditim/te-gjitha.html", "id=\"audit-{id}\""),
    ("vleresim/printo.html", "data-fill-rating=\"{id}\""),
];

/// Above the split size: each whole-handbook page, the page its contents page links for the
/// standard `{s}` (or its `{n}`th part), and the mark every criterion leaves once there.
const LINKED: &[(&str, &str, &str)] = &[
    (
        "printo.html",
        "{s}.html",
        "<div class=\"criterion\" id=\"{id}\"",
    ),
    (
        "auditim/te-gjitha.html",
        "auditim/{s}.html",
        "id=\"audit-{id}\"",
    ),
    // A standard's self-assessment page draws its criteria from the catalogue file of its
    // standard it loads (assessment-standard-part.js): read with the files it loads.
    (
        "vleresim/provat.html",
        "vleresim/{s}.html",
        "\"id\":\"{id}\"",
    ),
    // A part of the printout draws its rows from the catalogue file of its standard it
    // loads (assessment-print-part.js): read with the files it loads.
    (
        "vleresim/printo.html",
        "vleresim/printo-{n}.html",
        "\"id\":\"{id}\"",
    ),
];

fn criteria(site: &Path) -> Vec<(String, Vec<String>)> {
    catalog(site)
        .into_iter()
        .map(|(s, c)| (s, c.into_iter().map(|(c, _)| c).collect()))
        .collect()
}

/// Each standard's id and its criteria's, each with its evidence's ids.
#[allow(clippy::type_complexity)]
fn catalog(site: &Path) -> Vec<(String, Vec<(String, Vec<String>)>)> {
    let catalog: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.join("catalog.json")).unwrap()).unwrap();
    let ids = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|x| x["id"].as_str().unwrap().to_string())
            .collect()
    };
    catalog["standards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let criteria = s["criteria"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| (c["id"].as_str().unwrap().to_string(), ids(&c["evidence"])))
                .collect();
            (s["id"].as_str().unwrap().to_string(), criteria)
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
fn split_pages_link_each_standards_own_page_and_hold_every_criterion_once() {
    let dir = tempfile::tempdir().unwrap();
    let site = synth_site(dir.path(), Some("split_page_bytes = 40000\n"));
    let standards = catalog(&site);
    let all: Vec<&String> = standards
        .iter()
        .flat_map(|(_, c)| c.iter().map(|(c, _)| c))
        .collect();
    assert_eq!(all.len(), 63);

    for (page, linked, mark) in LINKED {
        let contents = std::fs::read_to_string(site.join(page)).unwrap();
        let root = "../".repeat(page.matches('/').count());
        // The contents page links, in order, the page that carries each standard.
        let targets: Vec<String> = standards
            .iter()
            .enumerate()
            .map(|(i, (s, _))| {
                linked
                    .replace("{s}", s)
                    .replace("{n}", &(i + 1).to_string())
            })
            .collect();
        let want: Vec<String> = targets.iter().map(|t| format!("{root}{t}")).collect();
        let links: Vec<String> = hrefs(&contents)
            .into_iter()
            .filter(|h| want.contains(h))
            .collect();
        assert_eq!(
            links, want,
            "{page}: the contents page links each standard once, in order"
        );
        for c in &all {
            assert!(
                !contents.contains(&format!("id=\"{c}\""))
                    && !contents.contains(&mark.replace("{id}", c)),
                "{page}: the contents page holds no criterion"
            );
        }
        let is_part = linked.contains("{n}");
        let drawn = page.starts_with("vleresim/");
        // Only the printed assessment is copied into parts, one for each standard.
        assert_eq!(site.join(part(page, 1)).exists(), is_part, "{page}: parts");
        assert!(!site.join(part(page, standards.len() + 1)).exists());

        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        let mut evidence: BTreeMap<&str, usize> = BTreeMap::new();
        let n = targets.len();
        for (i, target) in targets.iter().enumerate() {
            let mut html = std::fs::read_to_string(site.join(target))
                .unwrap()
                .replace("&#x2f;", "/");
            if is_part || drawn {
                assert!(
                    !html.contains("data-fill-rating=") && !html.contains("data-criterion="),
                    "{target}: the rows come from the catalogue"
                );
                for src in catalog_scripts(&html) {
                    let file = site
                        .join("vleresim")
                        .join(src.trim_start_matches("../vleresim/"));
                    html.push_str(&catalog_part(&file));
                }
            }
            let links = hrefs(&html);
            assert!(
                links.contains(&format!("{root}{page}")),
                "{target}: links the contents page {page}"
            );
            if is_part {
                let i = i + 1;
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
                assert!(
                    html.contains("class=\"part-nav"),
                    "{target}: says which part"
                );
            } else {
                assert!(
                    !html.contains("part-nav"),
                    "{target}: a standard's own page"
                );
            }
            for c in &all {
                *seen.entry(c).or_default() += html.matches(&mark.replace("{id}", c)).count();
            }
            // The evidence tracker's fields, and the printout's, for each evidence item.
            if page.starts_with("vleresim/") {
                let field = if drawn {
                    "\"id\":\"{id}\""
                } else {
                    "data-evidence=\"{id}\""
                };
                for (_, criteria) in &standards {
                    for (_, ev) in criteria {
                        for e in ev {
                            *evidence.entry(e).or_default() +=
                                html.matches(&field.replace("{id}", e)).count();
                        }
                    }
                }
            }
        }
        for c in &all {
            assert_eq!(
                seen.get(c.as_str()),
                Some(&1),
                "{page}: criterion {c} reachable exactly once"
            );
        }
        assert!(
            evidence.values().all(|&k| k == 1),
            "{page}: each evidence item once: {evidence:?}"
        );
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
    assert!(
        !site.join("afatet-1.html").exists(),
        "the register stays whole"
    );
    for e in std::fs::read_dir(site.join("roli")).unwrap() {
        let name = e.unwrap().file_name().into_string().unwrap();
        assert!(!name.ends_with("-1.html"), "role page {name} stays whole");
    }
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

/// The rows of the tables of an HTML page (`<tr …>…</tr>` of the body), as written.
fn body_rows(html: &str) -> Vec<String> {
    html.split("<tbody>")
        .skip(1)
        .flat_map(|t| {
            t.split("</tbody>")
                .next()
                .unwrap_or("")
                .split("<tr")
                .skip(1)
                .map(|r| format!("<tr{}", r.split("</tr>").next().unwrap_or("")))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Writes the small synthetic handbook of these tests (7 standards of 9 criteria, seed 5)
/// into `dir/hb`, and returns its folder.
pub(crate) fn synth_handbook(dir: &Path) -> std::path::PathBuf {
    let hb = dir.join("hb");
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
    hb
}

/// Builds a small synthetic handbook with `settings` as its theme's settings.
fn synth_site(dir: &Path, settings: Option<&str>) -> std::path::PathBuf {
    let hb = synth_handbook(dir);
    if let Some(s) = settings {
        std::fs::create_dir_all(hb.join("theme")).unwrap();
        std::fs::write(hb.join("theme/settings.toml"), s).unwrap();
    }
    let out = doracak(&["--root", hb.to_str().unwrap(), "build"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && !said.contains("warning:"), "{said}");
    hb.join("site")
}

#[test]
fn role_cards_and_the_deadlines_register_split_with_every_row_once() {
    let whole_dir = tempfile::tempdir().unwrap();
    let whole = synth_site(whole_dir.path(), None);
    let split_dir = tempfile::tempdir().unwrap();
    let split = synth_site(split_dir.path(), Some("split_page_bytes = 8000\n"));
    let mut pages = vec!["afatet.html".to_string()];
    for e in std::fs::read_dir(whole.join("roli")).unwrap() {
        let name = e.unwrap().file_name().into_string().unwrap();
        pages.push(format!("roli/{name}"));
    }
    let mut split_pages = 0;
    for page in &pages {
        let all = std::fs::read_to_string(whole.join(page)).unwrap();
        assert!(!all.contains("part-nav"), "{page} is whole below the size");
        let mut expected = body_rows(&all);
        assert!(!expected.is_empty(), "{page} has rows");
        let contents = std::fs::read_to_string(split.join(page)).unwrap();
        let mut n = 0;
        while split.join(part(page, n + 1)).exists() {
            n += 1;
        }
        if n == 0 {
            assert_eq!(body_rows(&contents), expected, "{page}: whole, as before");
            continue;
        }
        split_pages += 1;
        assert!(n >= 2, "{page}: {n} part");
        // The contents page links every part once, in order, and holds no row.
        let base = page.rsplit('/').next().unwrap().trim_end_matches(".html");
        let linked: Vec<String> = hrefs(&contents)
            .into_iter()
            .filter(|h| {
                h.trim_start_matches("../").starts_with(&format!("{base}-"))
                    || h.contains(&format!("/{base}-"))
            })
            .collect();
        let root = "../".repeat(page.matches('/').count());
        let want: Vec<String> = (1..=n)
            .map(|i| format!("{root}{}", part(page, i)))
            .collect();
        assert_eq!(linked, want, "{page}: contents");
        assert!(
            body_rows(&contents).is_empty(),
            "{page}: the contents page holds no row"
        );
        let mut got = Vec::new();
        for i in 1..=n {
            let html = std::fs::read_to_string(split.join(part(page, i))).unwrap();
            assert!(
                html.contains(&format!("Pjesa {i} nga {n}:")),
                "{page} part {i}: says which part it is"
            );
            let links = hrefs(&html);
            assert!(
                links.contains(&format!("{root}{page}")),
                "{page} part {i}: contents link"
            );
            assert_eq!(
                i > 1,
                links.contains(&format!("{root}{}", part(page, i.max(2) - 1)))
            );
            assert_eq!(
                i < n,
                links.contains(&format!("{root}{}", part(page, i + 1)))
            );
            got.extend(body_rows(&html));
        }
        expected.sort();
        got.sort();
        assert_eq!(got, expected, "{page}: every row in exactly one part");
    }
    assert!(
        split_pages >= 3,
        "the register and at least two role pages are split ({split_pages})"
    );
}

/// A split catalogue's standard file (`vleresim/catalog/SN.js`) as the criteria the page
/// has once it ran (`DORACAK_CATALOG_PART` made each usual criterion whole), as JSON text.
pub(crate) fn catalog_part(file: &Path) -> String {
    let text = std::fs::read_to_string(file).unwrap();
    let list = text
        .split_once("DORACAK_CATALOG_PART(")
        .and_then(|(_, t)| t.split_once(','))
        .and_then(|(_, t)| t.trim_end().strip_suffix(");"))
        .unwrap_or_else(|| panic!("{}: a standard's file", file.display()));
    let standard = file.file_stem().unwrap().to_str().unwrap();
    let list: Vec<serde_json::Value> = serde_json::from_str(list).unwrap();
    let whole: Vec<serde_json::Value> = list
        .into_iter()
        .enumerate()
        .map(|(j, c)| {
            let Some(c) = c.as_array() else { return c };
            let (n, id) = (j + 1, format!("{standard}.{}", j + 1));
            let items = |texts: &serde_json::Value, mark: &str| -> Vec<serde_json::Value> {
                let texts = texts.as_array().unwrap().iter().enumerate();
                texts
                    .map(|(k, t)| serde_json::json!({"id": format!("{id}{mark}{}", k + 1), "number": format!("{n}.{}", k + 1), "text": t}))
                    .collect()
            };
            serde_json::json!({"evidence": items(&c[1], "."), "guidance": items(&c[2], ".g"), "id": id, "number": n, "text": c[0]})
        })
        .collect();
    serde_json::to_string(&whole).unwrap()
}

/// The `src`s of a page's scripts under the assessment's split catalogue.
fn catalog_scripts(html: &str) -> Vec<String> {
    html.split("<script src=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(|h| h.replace("&#x2f;", "/"))
        .filter(|h| h.contains("catalog/"))
        .collect()
}

#[test]
fn a_split_catalogue_loads_one_standard_on_its_page_and_keeps_every_rating() {
    use crate::common::browser::{
        browser, eval, file_url, new_assessment, open, wait_for, wait_stored,
    };
    let dir = tempfile::tempdir().unwrap();
    let site = synth_site(dir.path(), Some("split_page_bytes = 40000\n"));
    let head = std::fs::read_to_string(site.join("vleresim/catalog.js")).unwrap();
    assert!(head.starts_with("// Generated by doracak"));
    assert_eq!(head.matches("\"criteria\":null").count(), 7, "{head}");
    let standards = criteria(&site);
    for (s, ids) in &standards {
        let part = catalog_part(&site.join(format!("vleresim/catalog/{s}.js")));
        for c in ids {
            assert_eq!(
                part.matches(&format!("\"id\":\"{c}\"")).count(),
                1,
                "{s}: {c}"
            );
        }
        let page = std::fs::read_to_string(site.join(format!("vleresim/{s}.html"))).unwrap();
        assert_eq!(
            catalog_scripts(&page),
            vec![format!("../vleresim/catalog/{s}.js")],
            "the page of {s} loads its own standard only"
        );
        assert_eq!(
            page.matches("data-field=\"location\"").count(),
            1,
            "{s}: the evidence fields are written once, in the template"
        );
        assert_eq!(
            page.matches("data-field=\"rating\"").count(),
            4,
            "{s}: the rating choices are written once, in the template"
        );
    }
    // The evidence tracker's address holds a contents page above the split size: its
    // standards are on their own self-assessment pages, each loading its own standard.
    // A part of the printout loads the standards it prints, and only those.
    let html = std::fs::read_to_string(site.join("vleresim/printo-2.html")).unwrap();
    let printed: Vec<String> = html
        .split("<section class=\"audit-sheet filled\"")
        .skip(1)
        .filter_map(|s| s.split("data-filled-standard=\"").nth(1))
        .filter_map(|s| s.split('"').next())
        .map(|s| format!("../vleresim/catalog/{s}.js"))
        .collect();
    assert!(!printed.is_empty(), "printo-2.html prints a standard");
    assert_eq!(
        catalog_scripts(&html),
        printed,
        "printo-2.html loads its own standards only"
    );
    // The contents pages load the catalogue's shape, a standard's file only where they show
    // its text (split_contents).
    for page in ["index.html", "plani.html", "krahasimi.html"] {
        let html = std::fs::read_to_string(site.join("vleresim").join(page)).unwrap();
        assert!(
            !html.contains("class=\"assess-nav-num\""),
            "{page}: the numbers come from the catalogue"
        );
        assert!(
            catalog_scripts(&html).is_empty() && html.contains("vleresim/catalog-shape.js"),
            "{page} loads the catalogue's shape"
        );
    }
    let Some(browser) =
        browser("a_split_catalogue_loads_one_standard_on_its_page_and_keeps_every_rating")
    else {
        return;
    };
    new_assessment(
        &browser,
        &site.join("vleresim/index.html"),
        "Qendra Y — 2026",
    );
    for (s, c, value) in [("S3", "S3.1", "met"), ("S5", "S5.2", "partial")] {
        let tab = open(
            &browser,
            &file_url(&site.join(format!("vleresim/{s}.html"))),
        );
        assert_eq!(
            eval(&tab, "DORACAK_CATALOG.standards.map(s => s.id)"),
            serde_json::json!([s]),
            "the page of {s} knows its standard"
        );
        // Each evidence item's fields, copied from the template.
        let first = format!("{}.1", &c[..c.find('.').unwrap()]);
        let fields = eval(
            &tab,
            &format!(
                "(() => {{ const f = document.querySelector('[data-evidence=\"{first}.1\"]'); return [f.querySelector('legend').textContent, f.querySelectorAll('input[name=\"ev-{first}.1\"]').length, f.querySelectorAll('[data-field]').length]; }})()"
            ),
        );
        assert_eq!(
            fields,
            serde_json::json!([format!("Prova {}.1: gjendja", &first[1..]), 3, 7]),
            "{s}"
        );
        eval(
            &tab,
            &format!(
                "document.querySelector('input[name=\"ev-{first}.1\"][value=present]').click()"
            ),
        );
        wait_stored(
            &tab,
            "present",
            "the evidence status, through the copied fields",
        );
        // The standards' numbers in the navigation, written from the catalogue.
        let nav = eval(
            &tab,
            "[...document.querySelectorAll('.assess-nav a.assess-nav-num')].map(a => [a.textContent, a.getAttribute('href'), a.title])",
        );
        assert_eq!(nav.as_array().map(Vec::len), Some(7), "{nav}");
        assert_eq!(
            nav[4],
            serde_json::json!([
                "5",
                "../vleresim/S5.html",
                "Standardi 5: Standardi sintetik 5"
            ]),
            "{nav}"
        );
        tab.wait_for_element(&format!("input[name='r-{c}'][value={value}]"))
            .unwrap()
            .click()
            .unwrap();
        wait_stored(&tab, c, "the autosave of the rating");
    }
    // Rated on two pages that each knew one standard: both ratings kept, both scored.
    let tab = open(&browser, &file_url(&site.join("vleresim/index.html")));
    wait_for(
        &tab,
        "DORACAK_CATALOG.standards.length === 7 && !DORACAK_CATALOG.partial",
        "the overview knows every standard",
    );
    let kept = eval(
        &tab,
        "Object.keys(localStorage).map(k => localStorage.getItem(k)).join(' ')",
    );
    let kept = kept.as_str().unwrap_or("");
    assert!(
        kept.contains("\"S3.1\"") && kept.contains("\"S5.2\""),
        "{kept}"
    );
    for s in ["S3", "S5"] {
        wait_for(
            &tab,
            &format!(
                "document.querySelector('[data-score-row=\"{s}\"] [data-col=unrated]').textContent.trim() === '8'"
            ),
            "the overview scores both standards",
        );
    }
}

/// Above the split size the pages a contents page links print on their own: a standard's
/// page (for print everything), its audit sheet (for the full audit set) and its part of
/// the printed assessment, filled from an assessment, each on A4 with every criterion and
/// evidence text of its standard.
#[test]
fn the_pages_a_contents_page_links_print_on_a4_with_their_standards_text() {
    use crate::common::browser::{browser, eval, file_url, new_assessment, open, wait_for};
    use crate::common::pdf::{contains, letters, pages_and_size, print_tab};
    let Some(browser) =
        browser("the_pages_a_contents_page_links_print_on_a4_with_their_standards_text")
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let site = synth_site(dir.path(), Some("split_page_bytes = 40000\n"));
    let cat: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.join("catalog.json")).unwrap()).unwrap();
    let s3 = &cat["standards"][2];
    assert_eq!(s3["id"], "S3");
    new_assessment(
        &browser,
        &site.join("vleresim/index.html"),
        "Qendra Z — 2026",
    );
    for page in ["S3.html", "auditim/S3.html", "vleresim/printo-3.html"] {
        let tab = open(&browser, &file_url(&site.join(page)));
        if page.starts_with("vleresim/") {
            wait_for(
                &tab,
                "!document.querySelector('[data-filled-print]').hidden && document.querySelector('[data-fill=name]').textContent.length > 0",
                "the printout filled from the assessment",
            );
            assert_eq!(
                eval(
                    &tab,
                    "document.querySelectorAll('[data-fill-rating]').length"
                ),
                serde_json::json!(s3["criteria"].as_array().unwrap().len()),
                "{page}: the part holds its standard alone"
            );
        }
        let pdf = print_tab(&tab);
        let (pages, a4) = pages_and_size(&pdf);
        assert!(a4 && pages >= 1, "{page} prints on A4 ({pages} pages)");
        let hay = letters(&pdf_extract::extract_text_from_mem(&pdf).expect("the PDF has text"));
        let mut missing = Vec::new();
        for c in s3["criteria"].as_array().unwrap() {
            let texts = std::iter::once(c).chain(c["evidence"].as_array().unwrap());
            for x in texts {
                let plain = doracak::markdown::to_plain(x["text"].as_str().unwrap());
                if !contains(&hay, &letters(&plain)) {
                    missing.push(x["id"].as_str().unwrap().to_string());
                }
            }
        }
        assert!(
            missing.is_empty(),
            "{page}: texts missing from the PDF: {missing:?}"
        );
    }
}
