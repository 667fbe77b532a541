//! Read-47b, the quizzes: a list item's deadline quoted after its lead-in (M-2), a "which
//! form?" that quotes the words naming its form (M-4).

use crate::quiz_feedback::feedbacks;
use crate::quizzes::{Q, questions};

fn on(page: &str, id: &str) -> Option<Q> {
    questions()
        .into_iter()
        .find(|q| q.page == page && q.id == id)
}

#[test]
fn a_list_items_deadline_is_quoted_after_the_lead_in_that_names_its_actor() {
    // 003:2469 "Si pjesë e punës përgatitore për takimin e vlerësimit, MR pritet që të:",
    // 003:2478 "- Dërgojë ftesën për takimin e TMR 14 ditë para datës së takimit".
    let lead =
        "Si pjesë e punës përgatitore për takimin e vlerësimit, MR pritet që të: Dërgojë ftesën";
    let page = "menaxhimi-i-rastit.html";
    let id = "menaxhimi-i-rastit.6.when";
    let q = on(page, id).unwrap_or_else(|| panic!("{id} is not on {page}"));
    assert!(q.quote().contains(lead), "{}", q.stem);
    let fb = feedbacks();
    let source = &fb[&(page.to_string(), id.to_string())];
    assert!(
        source.contains(&format!(
            "{lead} për takimin e TMR 14 ditë para datës së takimit"
        )),
        "{source}"
    );
}

#[test]
fn a_which_form_feedback_quotes_the_words_that_name_each_correct_form() {
    // Read-47b M-4: "Formulari nënshkruhet gjithashtu …" (Kosovo 2) names no form; the
    // Kutia heading does: 003:1969, 2004-2005, 2452. A Kosovo form ("MR2 (E-2) — …") is
    // named by its number with "MR" ("formularit të MR 2", "Formularit 7 të MR") or its code.
    let fb = feedbacks();
    let mut bad = Vec::new();
    for q in questions()
        .iter()
        .filter(|q| q.id.starts_with("menaxhimi-i-rastit.") && q.id.ends_with(".form"))
    {
        let source = &fb[&(q.page.clone(), q.id.clone())];
        let words: Vec<&str> = source
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        for c in &q.correct {
            let code = c.split_whitespace().next().unwrap_or_default();
            let digits: String = code.chars().filter(char::is_ascii_digit).collect();
            let named = words.contains(&code)
                || (words.contains(&"MR") && words.contains(&digits.as_str()));
            if !named {
                bad.push(format!("{}: {}: {c} ← {source}", q.page, q.id));
            }
        }
    }
    assert!(bad.is_empty(), "{} unnamed: {bad:#?}", bad.len());
}

#[test]
fn each_correct_role_of_the_kosovo_assignment_is_proved_where_it_acts() {
    // Read-47b M-5: Kosovo step 2 credits QPS, the head of service and the case manager;
    // the manager acts only at 003:2034. "QPS do të emërojë Menaxherin e Rastit (MR)" names
    // him appointed (the gloss "(MR)" is in the name's case), "Menaxheri i Rastit caktohet
    // nga Shefi" assigned (the passive after the whole name).
    let hb = crate::quiz_feedback::handbook();
    let mr = "menaxheri-i-rastit-kosove";
    let acts = |t: &str| doracak::pipeline::model::quiz::acts_in(hb, mr, t);
    assert_eq!(
        acts("QPS do të emërojë Menaxherin e Rastit (MR) brenda 24 orësh"),
        Some(false)
    );
    assert_eq!(
        acts("Menaxheri i Rastit caktohet nga Shefi i Shërbimit"),
        Some(false)
    );
    assert_eq!(acts("MR (menaxheri) harton planin"), Some(true));
    assert_eq!(
        acts(
            "Formulari nënshkruhet gjithashtu nga punëtori i shërbimeve sociale i caktuar për menaxhimin e rastit"
        ),
        Some(true)
    );
    let fb = feedbacks();
    let source = &fb[&(
        "menaxhimi-i-rastit.html".to_string(),
        "menaxhimi-i-rastit.2.who".to_string(),
    )];
    assert!(
        source.contains("Formulari nënshkruhet gjithashtu nga punëtori i shërbimeve sociale i caktuar për menaxhimin e rastit"),
        "{source}"
    );
}

#[test]
fn a_title_one_of_whose_posts_sits_in_the_acting_group_is_no_wrong_answer() {
    // Read-47b M-7: the NJVNR "duhet të ketë të paktën: … b) një punonjës për mbrojtjen e
    // fëmijëve" (002:150-154); "Punonjësi i mbrojtjes së fëmijës" (whose posts are the PMF
    // in the municipality and in the NJA) was a wrong answer to struktura-bashkiake.16.who,
    // whose answer is the NJVNR.
    use doracak::pipeline::model::RoleKind;
    use doracak::pipeline::model::quiz::{self, Answer};
    let hb = crate::quiz_feedback::handbook();
    let posts = |id: &str| -> Vec<String> {
        hb.roles
            .iter()
            .find(|r| r.id == id)
            .filter(|r| {
                !r.members.is_empty()
                    && r.members.iter().all(|m| {
                        hb.roles
                            .iter()
                            .any(|x| &x.id == m && x.kind == RoleKind::Job)
                    })
            })
            .map(|r| r.members.clone())
            .unwrap_or_default()
    };
    let mut bad = Vec::new();
    let mut seen = 0;
    for q in quiz::quizzes(hb).into_iter().flat_map(|q| q.questions) {
        let members: std::collections::BTreeSet<String> = q
            .choices
            .iter()
            .filter(|c| c.correct)
            .filter_map(|c| match &c.answer {
                Answer::Role(id) => Some(quiz::members_of(hb, id)),
                _ => None,
            })
            .flatten()
            .collect();
        for c in q.choices.iter().filter(|c| !c.correct) {
            if let Answer::Role(id) = &c.answer {
                seen += 1;
                if posts(id).iter().any(|p| members.contains(p)) {
                    bad.push(format!("{}: {id}", q.id));
                }
            }
        }
    }
    assert!(seen > 100, "{seen} wrong roles");
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn no_two_steps_an_answer_key_points_to_share_a_label() {
    // Read-47b L-7: struktura-bashkiake.1, .10 and .13 were all "a)" in the keys (the
    // structure's duties, its "edhe funksione", the NJVNR's duties; 002:85, 114, 125).
    use crate::common::{read, shipped_site, unescape};
    let dir = shipped_site().join("site/trajnim/pergjigjet");
    let mut bad = Vec::new();
    let mut links = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let path = e.unwrap().path();
        let page = unescape(&read(&path));
        let mut seen: std::collections::BTreeMap<String, String> = Default::default();
        for row in page.split("<tr id=\"k-").skip(1) {
            let Some(cell) = row.split("<td><a href=\"").last() else {
                continue;
            };
            let (href, rest) = cell.split_once("\">").unwrap();
            let label = rest.split("</a>").next().unwrap().to_string();
            links += 1;
            if let Some(other) = seen.insert(label.clone(), href.to_string())
                && other != href
            {
                bad.push(format!("{}: {label}: {other} / {href}", path.display()));
            }
        }
    }
    assert!(links > 300, "{links} links");
    assert!(bad.is_empty(), "{bad:#?}");
}

/// Roles `(id, title, abbreviation)` written into a minimal handbook with one procedure of
/// `steps` (YAML of its steps); the built quiz page of that procedure, unescaped.
fn quiz_page(roles: &[(&str, &str, &str)], file: &str, steps: &str) -> String {
    let dir = crate::common::minimal_copy();
    for (id, title, abbr) in roles {
        let abbr = if abbr.is_empty() {
            String::new()
        } else {
            format!("abbr: {abbr}\n")
        };
        std::fs::write(
            dir.path().join(format!("content/roles/{id}.yaml")),
            format!("title: {title}\n{abbr}kind: role\ndefinition: {title} vepron.\n"),
        )
        .unwrap();
    }
    crate::validations_45::sop(
        dir.path(),
        &format!("90-{file}.yaml"),
        &format!("title: Mbledhja e grupit\ncollection: psv\nsteps:\n{steps}"),
    );
    let out = dir.path().join("site");
    crate::common::build_ok(dir.path(), &out);
    crate::common::unescape(&crate::common::read(
        &out.join(format!("trajnim/kuizi/{file}.html")),
    ))
}

/// Adversary 47, L-4: a role "A.P. (Qendrore)" was quoted „A.P.“ in its who feedback, and
/// the when stem of its step began "(Qendrore) …": the sentence was cut after "A.P.".
#[test]
fn initials_with_full_stops_end_no_sentence_of_a_stem_or_a_feedback() {
    let page = quiz_page(
        &[
            ("ap", "A.P. (Qendrore)", "A.P."),
            ("komuna", "Komuna e qytetit", ""),
            ("psikologu", "Psikologu i shkollës", ""),
            ("gjykata", "Gjykata e rrethit", ""),
        ],
        "inicialet",
        "  - number: \"1\"\n    text: A.P. (Qendrore) i A.P.-së kërkon takimin e grupit brenda 3 ditëve.\n    actors: [ap]\n    timing:\n      - text: brenda 3 ditëve\n        within: P3D\n  - number: \"2\"\n    text: Komuna e qytetit harton raportin vjetor.\n    actors: [komuna]\n  - number: \"3\"\n    text: Psikologu i shkollës bisedon me fëmijën.\n    actors: [psikologu]\n  - number: \"4\"\n    text: Gjykata e rrethit vendos për kujdestarinë.\n    actors: [gjykata]\n",
    );
    assert!(
        page.contains("data-question=\"inicialet.1.when\""),
        "no when question: {:?}",
        page.match_indices("data-question=\"")
            .map(|(i, _)| &page[i..i + 40])
            .collect::<Vec<_>>()
    );
    assert!(!page.contains("„A.P.“"), "a feedback quotes „A.P.“");
    assert!(
        !page.contains("„(Qendrore)"),
        "a quote opens at „(Qendrore)"
    );
    assert!(page.contains("„A.P. (Qendrore) i A.P.-së kërkon"));
}

/// The legend (the printed stem) of question `id` of a quiz page.
fn legend<'a>(page: &'a str, id: &str) -> &'a str {
    page.split("<li class=\"quiz-q\"")
        .find(|q| q.contains(&format!("data-question=\"{id}\"")))
        .unwrap_or_else(|| panic!("no question {id}"))
        .split("<legend")
        .nth(1)
        .and_then(|l| l.split("</legend>").next())
        .unwrap()
}

/// Adversary 47, L-4: the stem of a step whose list has 300 items printed all 300, while
/// its feedback quoted the lead-in and the item naming the answer (`LONG_LIST`).
#[test]
fn a_stem_quotes_a_long_list_by_its_lead_in_and_the_items_naming_the_answer() {
    let mut list: String = (0..40)
        .map(|n| format!("      - veprimi numër {n};\n"))
        .collect();
    list.insert_str(
        list.find("      - veprimi numër 20").unwrap(),
        "      - Qendra për Punë Sociale mbyll dosjen brenda 5 ditëve;\n",
    );
    let steps = format!(
        "  - number: \"1\"\n    text: |-\n      Pas pranimit, veprohet si vijon:\n\n{list}    actors: [qps]\n  - number: \"2\"\n    text: Komuna e qytetit harton raportin vjetor.\n    actors: [komuna]\n  - number: \"3\"\n    text: Psikologu i shkollës bisedon me fëmijën.\n    actors: [psikologu]\n  - number: \"4\"\n    text: Gjykata e rrethit vendos për kujdestarinë.\n    actors: [gjykata]\n"
    );
    let page = quiz_page(
        &[
            ("qps", "Qendra për Punë Sociale", "QPS"),
            ("komuna", "Komuna e qytetit", ""),
            ("psikologu", "Psikologu i shkollës", ""),
            ("gjykata", "Gjykata e rrethit", ""),
        ],
        "gjata",
        &steps,
    );
    let stem = legend(&page, "gjata.1.who");
    assert!(
        stem.contains("„Pas pranimit, veprohet si vijon: … mbyll dosjen brenda 5 ditëve"),
        "{stem}"
    );
    assert!(!stem.contains("veprimi numër"), "{stem}");
}

/// Adversary 47, L-5: the struktura-bashkiake role quiz asked "Kush vepron në pikën a):"
/// twice, of two lists' items "a)"; only the link under each told them apart, and the
/// legend is what is printed. Where two questions of a page name different steps by the
/// same printed label, each names its step told apart ("a) nën „…“", as the answer key).
#[test]
fn no_two_questions_of_a_page_name_different_steps_by_the_same_printed_label() {
    let mut seen: std::collections::BTreeMap<(String, String), String> = Default::default();
    let mut same = Vec::new();
    let mut told = 0;
    for q in questions() {
        let frame = q.stem.split_once(": „").map_or("", |(f, _)| f);
        let frame = frame.split_once(". ").map_or(frame, |(_, f)| f).to_string();
        if !frame.contains("pikën") {
            continue;
        }
        told += usize::from(frame.contains(" nën "));
        let step = q.id.rsplit_once('.').map_or("", |(s, _)| s).to_string();
        if let Some(other) = seen.insert((q.page.clone(), frame.clone()), step.clone())
            && other != step
        {
            same.push(format!("{}: {other} and {step}: {frame}", q.page));
        }
    }
    assert!(same.is_empty(), "{same:#?}");
    assert!(told >= 2, "{told} stems told apart");
}
