//! Where a step names no role of the handbook, the derived pages say so (issue 25, stop 49).

use crate::common::{plain, site_page};
use crate::review_47::rows_quoting;

/// The rows of a handout's steps table: (the row's step link text, the "Kush" cell as text).
fn handout_who(procedure: &str) -> Vec<(String, String)> {
    let html = site_page(&format!("trajnim/fletushka/{procedure}.html"));
    html.split("<tr")
        .filter(|r| r.contains("<td class=\"c-who\">"))
        .map(|r| {
            let num = r.split("class=\"c-num\"").nth(1).unwrap_or("");
            let num = plain(
                num.split("</t")
                    .next()
                    .unwrap_or("")
                    .trim_start_matches('>'),
            );
            let cell = r.split("<td class=\"c-who\">").nth(1).unwrap();
            (num, plain(cell.split("</td>").next().unwrap()))
        })
        .collect()
}

#[test]
fn the_passive_sentence_of_the_return_names_no_one_for_the_child_or_the_adult() {
    // read-47b L-12: "caktohen detyrat e organizimit të kthimit … sigurohen fondet e
    // udhëtimit" (001:1240-1241 for the child, 1265-1267 for the adult) names no one. Step 3
    // (the child) is the head's for its first sentence alone; step 11 (the adult) was credited
    // to the AP, which step 10 convenes (it is the object of "mbledh").
    let rows = handout_who("kthimi-vullnetar");
    let step11 = rows.iter().find(|(n, _)| n == "Hapi 11").expect("step 11");
    assert_eq!(step11.1, "Pa aktor të caktuar", "{rows:#?}");
    let card = site_page("roli/autoriteti-pergjegjes.html");
    assert!(!card.contains("kthimi-vullnetar.11"), "the AP's card");
    let quiz = site_page("trajnim/kuizi/kthimi-vullnetar.html");
    assert!(!quiz.contains("kthimi-vullnetar.11.who"));
    let week = rows_quoting("brenda 1 jave nga marrja e përgjigjes");
    assert!(
        week.iter().all(|(roles, _)| roles == &["d-kap"]),
        "{week:#?}"
    );
}

#[test]
fn a_handout_says_so_where_the_source_names_no_one() {
    // An empty "Kush" cell reads as a gap in the handout; where the step names no role of
    // the handbook, the cell says so. Not "the source names no one": referral 2.2 names
    // "Punonjës të institucioneve të bashkisë …" (002:622-624), who are no role here
    // (adversary 49 M-1).
    for p in [
        "identifikimi-fillestar",
        "identifikimi-formal",
        "referimi-mbrojtja-asistenca",
        "kthimi-vullnetar",
        "pritja-shtetas-shqiptare",
        "mbeshtetja-hetimit",
        "riintegrimi-afatgjate",
        "struktura-bashkiake",
        "informimi",
        "referimi",
        "menaxhimi-i-rastit-nja",
        "vleresimi-i-nevojave-komunitare",
        "menaxhimi-i-rastit",
    ] {
        let rows = handout_who(p);
        assert!(!rows.is_empty(), "{p}: no rows");
        for (num, who) in &rows {
            assert!(!who.is_empty(), "{p} {num}: an empty Kush cell");
        }
    }
    // The community needs assessment's steps name no role of the handbook (002).
    let rows = handout_who("vleresimi-i-nevojave-komunitare");
    assert!(
        rows.iter()
            .any(|(n, w)| n == "Hapi 1" && w == "Pa aktor të caktuar"),
        "{rows:#?}"
    );
}
