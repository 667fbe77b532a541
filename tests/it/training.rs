//! The trainer's kit on the shipped handbook (every procedure's diagram: `training_diagram`):
//! the role card of *Punonjësi social* against the content YAML read here on its own, the
//! handouts printed to A4 with every step, and the deadlines register's filters in Chromium
//! from `file://`.

use std::path::Path;

use crate::common::browser::*;
use crate::common::pdf::*;
use crate::common::*;

/// A YAML file of the content as plain data.
fn yaml(path: &Path) -> serde_json::Value {
    serde_saphyr::from_str(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The procedures of the content, in file order: (id, the YAML).
pub(crate) fn procedures() -> Vec<(String, serde_json::Value)> {
    let mut files: Vec<_> = std::fs::read_dir(repo().join("content/sop"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let stem = p.file_stem().unwrap().to_str().unwrap();
            // `02-identifikimi-formal.yaml` → `identifikimi-formal`.
            let id = stem
                .split_once('-')
                .filter(|(n, _)| n.chars().all(|c| c.is_ascii_digit()))
                .map_or(stem, |(_, rest)| rest)
                .to_string();
            (id, yaml(&p))
        })
        .collect()
}

/// Role id → its title as pages show it (with the jurisdiction, where it has one).
pub(crate) fn role_titles() -> std::collections::HashMap<String, String> {
    let ui: std::collections::HashMap<String, String> =
        toml::from_str(&read(&repo().join("theme/locales/sq.toml"))).unwrap();
    std::fs::read_dir(repo().join("content/roles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let y = yaml(&p);
            let id = p.file_stem().unwrap().to_str().unwrap().to_string();
            let title = y["title"].as_str().unwrap().to_string();
            let title = match y["jurisdiction"].as_str() {
                Some(j) => ui["role_title_jurisdiction"]
                    .replace("{title}", &title)
                    .replace("{jurisdiction}", j),
                None => title,
            };
            (id, title)
        })
        .collect()
}

pub(crate) fn strings(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The text of an HTML fragment, without its tags.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn the_role_card_of_the_social_worker_lists_every_step_and_criterion_where_it_acts() {
    // The centre's social worker, who admits (001:1011, 1047, 1083, 1110; session 44, review
    // 43 M3: before, the S2.3 responsible worker, `punonjesi-social-pergjegjes`, was).
    let role = "punonjesi-social-i-qendres";
    let site = shipped_site().join("site");
    let html = read(&site.join(format!("roli/{role}.html")));
    let start = html
        .find(&format!(r#"id="{role}-card""#))
        .expect("the role page has its card");
    let card = &html[start..start + html[start..].find("</section>").unwrap()];
    let card_text = letters(&unescape(&strip_tags(card)));

    // Expected from the YAML: the procedures in file order, their steps in order.
    let mut expected: Vec<(String, String, String)> = Vec::new();
    for (_, p) in procedures() {
        for s in p["steps"].as_array().unwrap() {
            if strings(&s["actors"]).iter().any(|a| a == role) {
                let what = s["title"]
                    .as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| doracak::markdown::to_plain(s["text"].as_str().unwrap()));
                expected.push((
                    p["title"].as_str().unwrap().to_string(),
                    s["number"].as_str().unwrap().to_string(),
                    what,
                ));
            }
        }
    }
    // (Four admission steps of 03 since review A2/A4: 07 names no role.)
    assert!(expected.len() >= 4, "the social worker acts in steps");
    // In order: each procedure's heading, then its steps, each with the start of its action.
    let mut at = 0;
    let mut heading = "";
    for (title, number, what) in &expected {
        if heading != title {
            let t = letters(title);
            at = card_text[at..]
                .find(&t)
                .map(|i| i + at + t.len())
                .unwrap_or_else(|| panic!("the card names {title} after position {at}"));
            heading = title;
        }
        let start: String = letters(what).chars().take(40).collect();
        let row = format!("{}{start}", letters(&format!("Hapi {number}")));
        let r = card_text[at..]
            .find(&row)
            .unwrap_or_else(|| panic!("{title}: step {number} on the card, saying what is done"))
            + at;
        at = r + row.len();
    }
    // Every criterion where it acts, from the standards' YAML.
    let mut criteria = 0;
    for e in std::fs::read_dir(repo().join("standards")).unwrap() {
        let s = yaml(&e.unwrap().path());
        for c in s["criteria"].as_array().unwrap() {
            if strings(&c["roles"]).iter().any(|r| r == role) {
                criteria += 1;
                let label = letters(&format!("Kriteri {}.{}", s["number"], c["number"]));
                assert!(card_text.contains(&label), "the card lists {label}");
            }
        }
    }
    let rows = card.matches("<tr id=\"card-").count();
    assert_eq!(rows, expected.len() + criteria, "one row per action");
    eprintln!(
        "role card of {role}: {} steps, {criteria} criteria",
        expected.len()
    );
}

#[test]
fn the_deadlines_register_names_who_and_what_and_hides_the_iso_codes() {
    let site = shipped_site().join("site");
    let html = read(&site.join("afatet.html"));
    assert!(!html.contains("<code>P"), "no ISO code as screen text");
    assert!(html.contains(r#"data-iso="P"#) || html.contains(r#"data-iso="PT"#));
    assert!(
        html.contains(r#"id="dl-filter-role""#) && html.contains(r#"id="dl-filter-collection""#)
    );
    let rows = html.matches("<tr data-roles=").count();
    let with_roles = html.matches("<tr data-roles=\"\"").count();
    assert!(rows > 50, "rows: {rows}");
    assert!(with_roles * 3 < rows, "most rows name who acts");
}

#[test]
fn the_deadlines_register_filters_by_role_and_collection_from_file() {
    let test = "the_deadlines_register_filters_by_role_and_collection_from_file";
    let Some(browser) = browser(test) else { return };
    let site = shipped_site().join("site");
    let tab = open(&browser, &file_url(&site.join("afatet.html")));
    wait_for(
        &tab,
        "!document.getElementById('deadline-filters').hidden",
        "the filters shown",
    );
    let visible = "Array.prototype.filter.call(document.querySelectorAll('tbody tr'), function (r) { return r.offsetParent !== null; })";
    let total = eval(&tab, "document.querySelectorAll('tbody tr').length");
    assert_eq!(eval(&tab, &format!("{visible}.length")), total);
    let choose = |id: &str, value: &str| {
        eval(
            &tab,
            &format!(
                "(function () {{ var s = document.getElementById('{id}'); s.value = '{value}'; s.dispatchEvent(new Event('change')); return s.value; }})()"
            ),
        );
    };
    choose("dl-filter-role", "punonjesi-social-pergjegjes");
    wait_for(
        &tab,
        &format!(
            "{visible}.length > 0 && {visible}.every(function (r) {{ return r.getAttribute('data-roles').split(' ').indexOf('punonjesi-social-pergjegjes') >= 0; }})"
        ),
        "only the social worker's rows",
    );
    let shown = eval(&tab, &format!("{visible}.length"));
    let expected = eval(
        &tab,
        "document.querySelectorAll('tbody tr[data-roles~=\"punonjesi-social-pergjegjes\"]').length",
    );
    assert_eq!(shown, expected, "every row of the role, and only those");
    let status = eval(
        &tab,
        "document.getElementById('dl-filter-status').textContent",
    );
    assert!(
        status.as_str().unwrap().contains(&expected.to_string()),
        "the status counts: {status}"
    );
    choose("dl-filter-role", "");
    choose("dl-filter-collection", "standards");
    wait_for(
        &tab,
        &format!(
            "{visible}.length > 0 && {visible}.every(function (r) {{ return r.getAttribute('data-collection') === 'standards'; }})"
        ),
        "only the standards' rows",
    );
    // Both at once: a role that acts in no row of a collection shows the empty notice.
    choose("dl-filter-role", "punonjesi-social-pergjegjes");
    choose("dl-filter-collection", "njvnr");
    let n = eval(&tab, &format!("{visible}.length")).as_u64().unwrap();
    let empty = eval(&tab, "!document.getElementById('dl-filter-empty').hidden");
    assert_eq!(empty, serde_json::Value::Bool(n == 0));
    choose("dl-filter-role", "");
    choose("dl-filter-collection", "");
    assert_eq!(eval(&tab, &format!("{visible}.length")), total);
}

#[test]
fn every_handout_prints_on_a4_with_every_step() {
    let test = "every_handout_prints_on_a4_with_every_step";
    let Some(browser) = browser(test) else { return };
    let site = shipped_site().join("site");
    let mut report = Vec::new();
    for (id, p) in procedures() {
        let tab = open(
            &browser,
            &file_url(&site.join(format!("trajnim/fletushka/{id}.html"))),
        );
        let pdf = print_tab(&tab);
        let (pages, a4) = pages_and_size(&pdf);
        assert!(a4, "{id}: the handout prints on A4");
        let text = letters(&pdf_extract::extract_text_from_mem(&pdf).expect("text"));
        assert!(
            text.contains(&letters(p["title"].as_str().unwrap())),
            "{id}: the procedure's title"
        );
        let book = read(&repo().join("doracak.toml"));
        let title: toml::Value = toml::from_str(&book).unwrap();
        assert!(
            text.contains(&letters(title["title"].as_str().unwrap())),
            "{id}: the handbook's title"
        );
        let mut missing = Vec::new();
        for s in p["steps"].as_array().unwrap() {
            let what = s["title"]
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| doracak::markdown::to_plain(s["text"].as_str().unwrap()));
            let start: String = letters(&what).chars().take(30).collect();
            let number = s["number"].as_str().unwrap();
            // Named as printed ("1.") where the source numbers the step itself.
            let name = match s["printed"].as_str() {
                Some(printed) => printed.to_string(),
                None => format!("Hapi {number}"),
            };
            if !text.contains(&letters(&name)) || !contains(&text, &start) {
                missing.push(number.to_string());
            }
        }
        assert!(
            missing.is_empty(),
            "{id}: steps missing from the PDF: {missing:?}"
        );
        // Every paragraph of every step, not only its first (issue 25): the whole text.
        let mut cut = Vec::new();
        for s in p["steps"].as_array().unwrap() {
            let number = s["number"].as_str().unwrap();
            for para in s["text"].as_str().unwrap().split("\n\n") {
                let plain = letters(&doracak::markdown::to_plain(para));
                if !plain.is_empty() && !contains(&text, &plain) {
                    cut.push(format!(
                        "{number}: {}",
                        para.chars().take(60).collect::<String>()
                    ));
                }
            }
        }
        // Every section the procedure page prints, its title, text and items (review 2).
        for sec in p["sections"].as_array().into_iter().flatten() {
            let title = sec["title"].as_str().unwrap_or("");
            let parts = std::iter::once(title.to_string())
                .chain(
                    sec["text"]
                        .as_str()
                        .unwrap_or("")
                        // Line by line: a list's item without its marker (the PDF's
                        // list numbers are drawn, not text).
                        .lines()
                        .map(|l| {
                            let l = l.trim_start();
                            let l = l.strip_prefix("- ").unwrap_or(l);
                            match l.split_once(". ") {
                                Some((n, rest)) if n.chars().all(|c| c.is_ascii_digit()) => {
                                    rest.to_string()
                                }
                                _ => l.to_string(),
                            }
                        }),
                )
                .chain(
                    sec["items"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|i| i.as_str().unwrap().to_string()),
                );
            for para in parts {
                let plain = letters(&doracak::markdown::to_plain(&para));
                if !plain.is_empty() && !contains(&text, &plain) {
                    cut.push(format!(
                        "section {title:?}: {}",
                        para.chars().take(60).collect::<String>()
                    ));
                }
            }
        }
        // Every block of the procedure page (review 37 N4): its opening, the bodies
        // responsible, passages, step titles, documentation and forms, line by line.
        for line in crate::handouts::page_lines(&id) {
            let l = letters(&line);
            if !l.is_empty() && !contains(&text, &l) {
                cut.push(format!(
                    "page line: {}",
                    line.chars().take(60).collect::<String>()
                ));
            }
        }
        assert!(
            cut.is_empty(),
            "{id}: paragraphs missing from the PDF: {cut:#?}"
        );
        report.push(format!("{id}: {pages} pages"));
    }
    eprintln!("handouts: {}", report.join(", "));
}

#[test]
fn the_role_card_prints_alone_on_a4() {
    let test = "the_role_card_prints_alone_on_a4";
    let Some(browser) = browser(test) else { return };
    let site = shipped_site().join("site");
    let tab = open(&browser, &file_url(&site.join("roli/punonjes-social.html")));
    // What the card's print button does before it opens the dialog.
    eval(
        &tab,
        "(function () { document.getElementById('punonjes-social-card').classList.add('printing'); document.documentElement.classList.add('print-only'); return true; })()",
    );
    let pdf = print_tab(&tab);
    let (pages, a4) = pages_and_size(&pdf);
    assert!(a4, "the card prints on A4");
    let text = letters(&pdf_extract::extract_text_from_mem(&pdf).expect("text"));
    assert!(text.contains(&letters("Ku vepron ky rol: Punonjësi social")));
    // The rest of the role page is not on the card.
    let y = yaml(&repo().join("content/roles/punonjes-social.yaml"));
    let definition = doracak::markdown::to_plain(y["definition"].as_str().unwrap());
    let start: String = letters(&definition).chars().take(40).collect();
    assert!(!text.contains(&start), "the card leaves out the definition");
    // (Session 42: her card holds the steps of 21-23 too, 16 in all, each whole: 6 pages,
    // where it held the 4 of reintegration in at most 3. Printed whole, her page is 6 pages
    // too: the card is most of it; the definition above shows it prints alone.)
    assert!(pages <= 6, "a card of {pages} pages");
    eprintln!("role card of punonjes-social printed: {pages} page(s)");
}

#[test]
fn a_handout_carries_the_handbook_s_title_and_edition() {
    let dir = minimal_copy();
    let toml = dir.path().join("doracak.toml");
    let text = format!("edition = \"VKM nr. 772, 19.12.2025\"\n{}", read(&toml));
    std::fs::write(&toml, text).unwrap();
    let out = dir.path().join("site");
    build_ok(dir.path(), &out);
    let handouts: Vec<_> = std::fs::read_dir(out.join("trajnim/fletushka"))
        .expect("the handouts' folder")
        .map(|e| e.unwrap().path())
        .collect();
    assert!(!handouts.is_empty(), "a handout for each procedure");
    for h in handouts {
        let html = read(&h);
        let head = &html[html.find("handout-book").expect("the book line")..];
        let head = &head[..head.find("</p>").unwrap()];
        assert!(head.contains("Doracak provë"), "{}: {head}", h.display());
        assert!(
            head.contains("VKM nr. 772, 19.12.2025"),
            "{}: {head}",
            h.display()
        );
        assert!(html.contains("<svg class=\"diagram\""), "the diagram");
    }
    let trainer = unescape(&read(&out.join("trajnim.html")));
    assert!(
        trainer.contains("trajnim/fletushka/"),
        "the trainer's page links the handouts"
    );
}
