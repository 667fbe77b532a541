//! Issue 25, item 6 outside the procedure page: a step the source numbers or letters itself
//! ("a)" … "f)" of 002's *Organizimi i bashkisë*, "1." "2." of 001's post-interview
//! actions) is named as printed by every output that names it — the register, role cards,
//! quizzes and their answer sheets, handouts, diagrams and search — never "Hapi N" alone
//! (where other steps of its procedure are "Hapi N", its N stands beside the printed label,
//! review 43 L7); and the procedure page prints each heading once, as the source does.

use crate::common::{plain, read, repo, search_index_text, shipped_site, site_page};

/// Every step the content gives a printed label: (step id, its number, the label).
fn printed_steps() -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(repo().join("content/sop")).unwrap() {
        let path = e.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let id = name.split_once('-').unwrap().1.to_string();
        let y: serde_json::Value = serde_saphyr::from_str(&read(&path)).unwrap();
        // Where the procedure names other steps "Hapi N", a printed label carries its N
        // beside it (review 43 L7: no number of the sequence missing to a reader).
        let steps = y["steps"].as_array().cloned().unwrap_or_default();
        let sequenced = steps.iter().any(|s| s["printed"].as_str().is_none());
        for s in &steps {
            if let Some(printed) = s["printed"].as_str() {
                let n = s["number"].as_str().unwrap().trim().to_string();
                let label = match sequenced {
                    true => format!("{printed} (Hapi {n})"),
                    false => printed.to_string(),
                };
                out.push((format!("{id}.{n}"), n, label));
            }
        }
    }
    assert!(out.len() >= 20, "{} lettered or numbered steps", out.len());
    out
}

/// Every HTML page of the shipped site: (its path under the site, its text unescaped).
fn pages() -> Vec<(String, String)> {
    let site = shipped_site().join("site");
    walkdir::WalkDir::new(&site)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let rel = e.path().strip_prefix(&site).unwrap();
            let rel = rel.to_string_lossy().to_string();
            let page = site_page(&rel);
            (rel, page)
        })
        .collect()
}

/// Whether `text` says "Hapi N" / "hapin N" / "hapi N" for exactly this N (not "Hapi 42"),
/// other than in the step's label ("1. (Hapi 10)", its printed label first).
fn says_step_number(text: &str, n: &str) -> bool {
    let lower = text.to_lowercase().replace(&format!(" (hapi {n})"), "");
    ["hapi ", "hapin ", "hapat "].iter().any(|w| {
        let needle = format!("{w}{n}");
        lower.match_indices(&needle).any(|(i, _)| {
            let next = lower[i + needle.len()..].chars().next();
            next.is_none_or(|c| !c.is_ascii_digit() && c != '.')
        })
    })
}

/// The text of every link to `#id` on a page.
fn link_texts(page: &str, id: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in page.match_indices(&format!("#{id}\"")) {
        let rest = &page[i..];
        let Some(open) = rest.find('>') else { continue };
        let body = &rest[open + 1..];
        let end = body.find("</a>").unwrap_or(body.len());
        out.push(plain(&format!("<x>{}", &body[..end])));
    }
    out
}

#[test]
fn no_output_names_a_lettered_or_numbered_step_hapi_n() {
    let steps = printed_steps();
    let pages = pages();
    let mut seen = 0;
    let mut wrong = Vec::new();
    for (rel, page) in &pages {
        for (id, n, label) in &steps {
            for text in link_texts(page, id) {
                seen += 1;
                // A diagram box's link holds the whole box: its first words are the label.
                if says_step_number(&text, n)
                    || (!text.is_empty() && !text.contains(label.as_str()))
                {
                    wrong.push(format!(
                        "{rel}: link to {id} says {text:?}, printed {label}"
                    ));
                }
            }
            // A quiz question on the step names it as printed, in its stem.
            for q in page.split(&format!("id=\"q-{id}.")).skip(1) {
                let stem = plain(&format!("<x{}", q.split("</legend>").next().unwrap()));
                if says_step_number(&stem, n) || !stem.contains(label.as_str()) {
                    wrong.push(format!("{rel}: the question on {id} says {stem:?}"));
                }
            }
        }
    }
    // Search results' titles.
    let index = search_index_text(&shipped_site().join("site"));
    for (id, n, label) in &steps {
        let at = index
            .find(&format!("#{id}\""))
            .unwrap_or_else(|| panic!("{id} in the search index"));
        let title = index[at..].split('"').nth(2).unwrap_or("");
        if says_step_number(title, n) || !title.starts_with(label.as_str()) {
            wrong.push(format!("search: {id} titled {title:?}"));
        }
    }
    assert!(seen > 100, "{seen} links to lettered steps");
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn organizimi_i_bashkise_is_c_cedilla_in_the_register_card_quiz_key_and_diagram() {
    let id = "struktura-bashkiake.4";
    // The role card of the municipal structure, the quiz, its answer sheet, the handout.
    for path in [
        "roli/struktura-pergjegjese-bashki.html",
        "trajnim/fletushka/struktura-bashkiake.html",
    ] {
        let texts = link_texts(&site_page(path), id);
        assert!(
            texts.iter().any(|t| t == "ç)"),
            "{path}: a link named ç) to {id}: {texts:?}"
        );
    }
    // The quiz asks the structure's duties twice (a "who?" answer set at most twice): b).
    let quiz = site_page("trajnim/kuizi/struktura-bashkiake.html");
    let q = quiz
        .split("id=\"q-struktura-bashkiake.2.who\"")
        .nth(1)
        .expect("a question on b)");
    let stem = plain(&format!("<x{}", q.split("</legend>").next().unwrap()));
    assert!(stem.contains("pikën b)"), "{stem}");
    // The diagram: the box is named ç), its band "ç)–dh)".
    let handout = site_page("trajnim/fletushka/struktura-bashkiake.html");
    let band = handout
        .split("<figcaption>")
        .find(|b| b.contains(&format!("#{id}\"")))
        .unwrap();
    let caption = band.split("</figcaption>").next().unwrap();
    assert!(caption.ends_with(" — ç)–dh)"), "{caption}");
    let b = band.split(&format!("#{id}\">")).nth(1).unwrap();
    assert!(
        b.contains("<text class=\"dg-num\"") && plain(&format!("<x>{b}")).starts_with("ç) "),
        "{}",
        &b[..200]
    );
}

#[test]
fn the_post_interview_actions_of_identification_are_1_and_2_in_the_diagram() {
    // 001 numbers the actions after the interview "1." "2.", initial and formal alike.
    for (p, numbers, caption) in [
        (
            "identifikimi-fillestar",
            ["15", "16"],
            "Veprimet pas intervistës fillestare — 1.–2.",
        ),
        (
            "identifikimi-formal",
            ["10", "11"],
            "Veprime pas intervistës formale — 1.–2.",
        ),
    ] {
        let page = site_page(&format!("procedura/{p}.html"));
        // Beside the step's number where other steps are "Hapi N" (review 43 L7).
        for (n, printed) in numbers.iter().zip(["1.", "2."]) {
            let label = format!("{printed} (Hapi {n})");
            let id = format!("{p}.{n}");
            let link = format!("class=\"dg-step-link\" href=\"../procedura/{p}.html#{id}\">");
            let b = page
                .split(&link)
                .nth(1)
                .unwrap_or_else(|| panic!("a box of {id}"));
            let num = b.split("class=\"dg-num\"").nth(1).unwrap();
            let num = &num[num.find('>').unwrap() + 1..num.find("</text>").unwrap()];
            assert_eq!(num, label, "{id}");
            assert!(num.starts_with(printed), "{id}: printed as printed");
        }
        assert!(
            page.contains(&format!("<figcaption>{caption}</figcaption>")),
            "{p}: the band is named as printed"
        );
    }
}

#[test]
fn the_appeal_heading_of_formal_identification_stands_once_as_printed() {
    let page = site_page("procedura/identifikimi-formal.html");
    let article = &page[page.find("<h2>Hapat</h2>").unwrap()..];
    let headings = article
        .match_indices("<h")
        .filter(|(i, _)| {
            let tag = &article[*i..];
            let end = tag.find("</h").unwrap_or(tag.len());
            plain(&format!("{}>", &tag[..end]))
                .contains("E drejta për ankimim dhe krijimi i Komisionit të Posaçëm")
        })
        .count();
    // 001:834 prints it once, above step 15.
    assert_eq!(headings, 1, "the heading of the appeal, once");
    let at = article.find("E drejta për ankimim").unwrap();
    assert!(
        article[at..].find("identifikimi-formal.15").unwrap()
            < article[at..].find("Shqyrtimin e ankimeve").unwrap(),
        "step 15 follows the heading, the commission after it"
    );
}

#[test]
fn step_7_of_the_community_needs_assessment_is_a_title_as_steps_1_to_8() {
    let page = site_page("procedura/vleresimi-i-nevojave-komunitare.html");
    let step = page
        .split("<li class=\"step\" id=\"vleresimi-i-nevojave-komunitare.7\">")
        .nth(1)
        .unwrap();
    let heading = step.split("class=\"step-title\">").nth(1).unwrap();
    let heading = heading.split("</h").next().unwrap();
    // "Hapi 7. Analizimi i rezultateve" (002:405): the step's heading, not its body.
    assert_eq!(
        plain(&format!("<x>{heading}")),
        "Hapi 7 : Analizimi i rezultateve"
    );
}
