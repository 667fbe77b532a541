//! Issue 25, review A3, A6–A8: quiz questions whose stems say what the source says — a role
//! the stem names is never a wrong answer, a "who?" shows the paragraph naming its answer,
//! abbreviations are blanked as titles are, a blanked phrase is one gap.

use crate::common::{plain, site_page};

/// The part of a page from `start` up to the next `end`.
fn part<'a>(page: &'a str, start: &str, end: &str) -> &'a str {
    let i = page
        .find(start)
        .unwrap_or_else(|| panic!("not on the page: {start}"));
    let rest = &page[i..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

#[test]
fn a_role_the_stem_names_is_never_a_wrong_answer() {
    // Review A3: steps 46–48 say "menaxheri i rastit"; the quiz may not mark it wrong.
    let quiz = site_page("trajnim/kuizi/referimi-mbrojtja-asistenca.html");
    let mut asked = 0;
    for n in [46, 47, 48] {
        let id = format!("referimi-mbrojtja-asistenca.{n}.who");
        // A "who?" whose answers two others of the quiz have is left out (SAME_ANSWERS).
        if !quiz.contains(&format!("data-question=\"{id}\"")) {
            continue;
        }
        asked += 1;
        let q = part(&quiz, &format!("data-question=\"{id}\""), "</fieldset>");
        for label in q.split("<label>").skip(1) {
            let wrong = label.contains("data-correct=\"false\"");
            let text = plain(&label[..label.find("</label>").unwrap_or(label.len())]);
            assert!(
                !(wrong && text.to_lowercase().contains("menaxheri i rastit")),
                "{id}: {text}"
            );
        }
    }
    assert!(asked > 0, "none of steps 46–48 asked");
}

/// A quiz question's stem (its legend), by page and question id.
fn stem(page: &str, id: &str) -> String {
    let quiz = site_page(&format!("trajnim/kuizi/{page}.html"));
    let q = part(&quiz, &format!("data-question=\"{id}\""), "</fieldset>");
    plain(part(q, "<legend>", "</legend>"))
}

#[test]
fn a_who_stem_shows_the_paragraph_that_names_its_answer_and_blanks_abbreviations() {
    // Review A6: formal identification step 13's attendees are in its second paragraph
    // (001:823–826); step 15's parent in its second (001:834–835); 03 step 29's actors in
    // its second (001:1061–1062).
    let s = stem("identifikimi-formal", "identifikimi-formal.13.who");
    assert!(s.contains("praninë e detyrueshme"), "{s}");
    let s = stem("identifikimi-formal", "identifikimi-formal.15.who");
    // ("personi" points to the person who appeals, the answer: blanked.)
    assert!(s.contains("ankimimi kundër vendimit depozitohet"), "{s}");
    let s = stem(
        "referimi-mbrojtja-asistenca",
        "referimi-mbrojtja-asistenca.29.who",
    );
    assert!(s.contains("punonjësin e policisë"), "{s}");
    // Review A7: a correct role's abbreviation is blanked as its title is.
    let s = stem("pritja-shtetas-shqiptare", "pritja-shtetas-shqiptare.7.who");
    assert!(!s.contains("APAP"), "{s}");
    let s = stem("pritja-shtetas-shqiptare", "pritja-shtetas-shqiptare.4.who");
    assert!(!s.contains("NJMF"), "{s}");
}

#[test]
fn a_blanked_stem_keeps_its_verb_and_reads_one_gap_per_phrase() {
    // Review A8: the source's run-together "dërgonmenjëherë" loses only its time word; a
    // blanked form title is one "…", not "plan … të …".
    let s = stem(
        "pritja-shtetas-shqiptare",
        "pritja-shtetas-shqiptare.5.when",
    );
    assert!(s.contains("APAP-i dërgon…"), "{s}");
    let s = stem("riintegrimi-afatgjate", "riintegrimi-afatgjate.1.form");
    assert!(!s.contains("… të …"), "{s}");
    assert!(!s.contains("… …"), "{s}");
}
