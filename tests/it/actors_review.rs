//! Issue 25, item 5: every actor and every timing of the ten standards and of procedures
//! 01, 02, 03 and 05 read against 000 and 001. A recipient of a notice, a request or a
//! document is no actor; a deadline binds whom its sentence binds; the source's own spelling
//! of an abbreviation is blanked as the abbreviation is; a quiz stem reads as a sentence.

use crate::common::{plain, site_page};

/// The part of a page from `start` up to the next `end`.
fn part<'a>(page: &'a str, start: &str, end: &str) -> &'a str {
    let i = page
        .find(start)
        .unwrap_or_else(|| panic!("not on the page: {start}"));
    let rest = &page[i..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

/// Whether a role's card credits a step or criterion.
fn credits(role: &str, id: &str) -> bool {
    site_page(&format!("roli/{role}.html")).contains(&format!("id=\"card-{id}\""))
}

/// A quiz question's stem (its legend), by procedure and question id.
fn stem(procedure: &str, id: &str) -> String {
    let quiz = site_page(&format!("trajnim/kuizi/{procedure}.html"));
    let q = part(&quiz, &format!("data-question=\"{id}\""), "</fieldset>");
    plain(part(q, "<legend>", "</legend>"))
}

/// The roles of the register's rows of a step or criterion (the `data-roles` of each).
fn register_roles(id: &str) -> Vec<(String, String)> {
    site_page("afatet.html")
        .split("<tr data-roles=\"")
        .skip(1)
        .filter(|r| r.contains(&format!("#{id}\"")))
        .map(|r| {
            (
                r.split('"').next().unwrap().to_string(),
                plain(&r[..r.find("</tr>").unwrap()]),
            )
        })
        .collect()
}

/// (role, step, source lines): the role is only notified, informed or sent something there.
const RECIPIENTS: &[(&str, &str, &str)] = &[
    (
        "punonjes-mbrojtje-femije",
        "identifikimi-fillestar.4",
        "001:614",
    ),
    ("apap", "identifikimi-fillestar.7", "001:621-623"),
    ("d-kap", "identifikimi-fillestar.7", "001:621-623"),
    ("apap", "identifikimi-fillestar.11", "001:628"),
    ("g-spif", "identifikimi-fillestar.15", "001:667-669"),
    (
        "autoriteti-pergjegjes",
        "identifikimi-fillestar.16",
        "001:670-672",
    ),
    ("autoriteti-pergjegjes", "identifikimi-formal.11", "001:803"),
    (
        "autoriteti-pergjegjes",
        "identifikimi-formal.12",
        "001:816-819",
    ),
    ("sekretariati-i-ap", "identifikimi-formal.15", "001:843-844"),
    ("sekretariati-i-ap", "identifikimi-formal.17", "001:898-900"),
    (
        "autoriteti-pergjegjes",
        "referimi-mbrojtja-asistenca.6",
        "001:962",
    ),
    (
        "sekretariati-i-ap",
        "referimi-mbrojtja-asistenca.8",
        "001:979-980",
    ),
    (
        "punonjesi-i-rastit",
        "referimi-mbrojtja-asistenca.9",
        "001:986-987",
    ),
    ("apap", "referimi-mbrojtja-asistenca.10", "001:993"),
    ("njmf", "referimi-mbrojtja-asistenca.18", "001:1022"),
    ("njmf", "referimi-mbrojtja-asistenca.20", "001:1031-1032"),
    ("policia", "referimi-mbrojtja-asistenca.20", "001:1032"),
    ("policia", "referimi-mbrojtja-asistenca.29", "001:1061-1063"),
    (
        "sekretariati-i-ap",
        "referimi-mbrojtja-asistenca.31",
        "001:1067-1069",
    ),
    ("policia", "referimi-mbrojtja-asistenca.32", "001:1070-1072"),
    ("apap", "referimi-mbrojtja-asistenca.34", "001:1076-1078"),
    (
        "sekretariati-i-ap",
        "referimi-mbrojtja-asistenca.40",
        "001:1098",
    ),
    ("shssh", "referimi-mbrojtja-asistenca.43", "001:1105-1107"),
    ("apap", "referimi-mbrojtja-asistenca.52", "001:1137-1138"),
    (
        "sekretariati-i-ap",
        "referimi-mbrojtja-asistenca.66",
        "001:1199-1202",
    ),
    ("apap", "pritja-shtetas-shqiptare.2", "001:1303-1304"),
    (
        "punonjes-social",
        "pritja-shtetas-shqiptare.3",
        "001:1306-1307",
    ),
    ("njmf", "pritja-shtetas-shqiptare.3", "001:1307-1308"),
    (
        "sekretariati-i-ap",
        "pritja-shtetas-shqiptare.5",
        "001:1313",
    ),
    (
        "sekretariati-i-ap",
        "pritja-shtetas-shqiptare.7",
        "001:1315",
    ),
];

#[test]
fn a_recipient_of_a_notice_or_a_document_is_no_actor() {
    for (role, step, lines) in RECIPIENTS {
        assert!(
            !credits(role, step),
            "{role} credited with {step} ({lines})"
        );
    }
    // The sender still acts.
    for (role, step) in [
        ("a-ipif", "identifikimi-fillestar.4"),
        ("g-spif", "identifikimi-formal.11"),
        ("ministri-pergjegjes", "identifikimi-formal.17"),
        ("punonjes-mbrojtje-femije", "referimi-mbrojtja-asistenca.8"),
        ("stafi", "referimi-mbrojtja-asistenca.29"),
        ("apap", "referimi-mbrojtja-asistenca.42"),
        ("sekretariati-i-ap", "pritja-shtetas-shqiptare.2"),
        ("apap", "pritja-shtetas-shqiptare.5"),
    ] {
        assert!(credits(role, step), "{role} not credited with {step}");
    }
    // A body convened to a meeting is the object of "mbledh" (001:1320): no actor, unless a
    // sentence binds it to attend ("në praninë e detyrueshme të … anëtarëve të AP-së",
    // 001:824-825).
    assert!(credits("autoriteti-pergjegjes", "identifikimi-formal.13"));
    assert!(!credits(
        "autoriteti-pergjegjes",
        "pritja-shtetas-shqiptare.8"
    ));
    // 02 step 5: one of the actions of formal identification, which only the G/SPIF
    // performs (001:678-680); the sentence names no police (001:716).
    assert!(!credits("policia", "identifikimi-formal.5"));
    // The secretariat is no answer to "who appeals?" (a question left out since review 38
    // F5, "personi" pointing to the appellant: checked where it is asked).
    let page = site_page("trajnim/kuizi/identifikimi-formal.html");
    let mark = "data-question=\"identifikimi-formal.15.who\"";
    let q = if page.contains(mark) {
        part(&page, mark, "</fieldset>").to_string()
    } else {
        String::new()
    };
    for label in q.split("<label>").skip(1) {
        if label.contains("data-correct=\"true\"") {
            assert!(!plain(label).contains("Sekretariati"), "{label}");
        }
    }
}

#[test]
fn a_standard_s_deadline_binds_whom_its_sentence_binds() {
    // S1.4: "Informimi i tij realizohet që në fillim të vendosjes …" names a moment (the
    // start of the placement), not a time limit: no register row, never "menjëherë".
    let rows = register_roles("S1.4");
    assert!(rows.is_empty(), "{rows:?}");
    // S6.7 and S6.9: the provider ensures the training and the supervision; neither the
    // supervisor nor the staff is bound. S5.3: the provider prepares the strategic plan
    // (000:1049). The provider is one role (`ofruesi-i-sherbimit`), named in the "who".
    // S6.7's "Vlerësimi i nevojave për trajnim duhet të ndodhë …" (000:1328-1330) is passive
    // and names its body, the provider (tests/it/register_binds.rs).
    for id in ["S6.7", "S6.9", "S5.3"] {
        let rows = register_roles(id);
        assert!(!rows.is_empty(), "{id}");
        for (roles, text) in rows {
            assert_eq!(roles, "ofruesi-i-sherbimit", "{id}: {text}");
            assert!(text.contains("Ofruesi i shërbimit"), "{id}: {text}");
        }
    }
}

#[test]
fn the_source_s_own_spelling_of_an_abbreviation_is_blanked() {
    // 001 prints "NJVRN-të" for the NJVNR (001:1310): the "who?" of reception step 4 may
    // not show it.
    let s = stem("pritja-shtetas-shqiptare", "pritja-shtetas-shqiptare.4.who");
    assert!(!s.contains("NJVRN"), "{s}");
    assert!(!s.contains("NJVNR"), "{s}");
    // ("vlerësimin" is the step's object, not the unit's name: it stays, and a wrong
    // answer shares it, review 38 F5.)
    assert!(s.contains("kryejnë vlerësimin e të rriturve"), "{s}");
}

#[test]
fn a_deadline_with_its_number_in_brackets_is_one_gap() {
    // "brenda 2 (dy) ditëve nga vendimi" (001:1320): one "…", the rest of the sentence kept,
    // nothing of the answer left but the qualifier "brenda", which every choice has (review
    // 39 F10: qualifiers kept).
    let s = stem(
        "pritja-shtetas-shqiptare",
        "pritja-shtetas-shqiptare.8.when",
    );
    assert!(!s.contains("(…)"), "{s}");
    assert!(!s.contains("… …"), "{s}");
    assert!(
        s.contains("mbledh AP-në brenda … nga vendimi për të caktuar detyrat"),
        "{s}"
    );
    let quiz = site_page("trajnim/kuizi/pritja-shtetas-shqiptare.html");
    let q = plain(part(
        &quiz,
        "data-question=\"pritja-shtetas-shqiptare.8.when\"",
        "</fieldset>",
    ));
    // The stem's, each of the four choices' and the quote of the feedback.
    assert_eq!(q.matches("brenda ").count(), 6, "{q}");
    for w in ["2", "dy", "ditëve"] {
        assert!(!s.split_whitespace().any(|x| x == w), "{w}: {s}");
    }
}

#[test]
fn a_who_stem_shows_the_step_s_paragraphs_where_no_title_names_the_answer() {
    // 03 step 61 has no title; its second paragraph ("Njofton me telefon dhe email njësinë
    // vendore …", 001) is part of what the step binds, and the stem shows it. (Step 29, the
    // earlier case, is no longer asked: its answers are those of two earlier "who?"s.)
    let s = stem(
        "referimi-mbrojtja-asistenca",
        "referimi-mbrojtja-asistenca.61.who",
    );
    assert!(
        s.contains("Stafi i shërbimeve të kujdesit shëndetësor parësor orienton"),
        "{s}"
    );
    assert!(
        s.contains("Njofton me telefon dhe email njësinë vendore"),
        "{s}"
    );
}

#[test]
fn another_spelling_without_an_abbreviation_is_refused() {
    let dir = crate::common::minimal_copy();
    let roles = dir.path().join("content/roles");
    std::fs::create_dir_all(&roles).unwrap();
    std::fs::write(
        roles.join("njesia.yaml"),
        "title: Njësia\nkind: role\ndefinition: Njësia e vlerësimit.\nabbr_variants: [NJVRN]\n",
    )
    .unwrap();
    let out = crate::common::build(dir.path(), &dir.path().join("site"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("njesia.yaml:4:")
            && err.contains("expected an `abbr` beside `abbr_variants`, found none"),
        "{err}"
    );
}

#[test]
fn a_standard_s_timing_keeps_the_source_s_unit_and_binds_no_one_the_text_does_not() {
    // S2.1 "maksimal prej 2-javësh" is two weeks, not "14 ditë"; S6.6's contract lengths
    // ("Kontratat e punës … fillojnë me tre muaj provë", passive) bind no role.
    let s21 = register_roles("S2.1");
    assert!(
        s21.iter().any(|(_, text)| text.contains("2 javë")),
        "{s21:?}"
    );
    let s66 = register_roles("S6.6");
    assert!(!s66.is_empty());
    for (roles, text) in s66 {
        assert_eq!(roles, "", "{text}");
    }
    // "gjatë një viti" (002, item ç) names the year the basic package covers: no row.
    assert!(
        !site_page("afatet.html").contains("gjatë një viti"),
        "no register row quotes \"gjatë një viti\""
    );
}

#[test]
fn a_by_when_question_quotes_the_sentence_its_deadline_stands_in() {
    // Formal identification 14: "menjëherë" is when the decision is told ("i komunikohet
    // menjëherë", 001:831), not when it is taken.
    let s = stem("identifikimi-formal", "identifikimi-formal.14.when");
    assert!(s.contains("i komunikohet"), "{s}");
    assert!(!s.contains("merr një vendim"), "{s}");
    // Referral 12: "menjëherë" belongs to the PMF starting the permit (001:1000-1001).
    let s = stem(
        "referimi-mbrojtja-asistenca",
        "referimi-mbrojtja-asistenca.12.when",
    );
    assert!(s.contains("procedurën për marrjen e lejes"), "{s}");
    // NJA 3.1: the deadline holds where the case is an emergency (002:678-683).
    let s = stem("menaxhimi-i-rastit-nja", "menaxhimi-i-rastit-nja.3.1.when");
    assert!(s.contains("duhet trajtuar me emergjencë"), "{s}");
    assert!(!s.contains("menjëhershme"), "the deadline is blanked: {s}");
}

#[test]
fn a_diagram_box_keeps_both_halves_of_a_duty_and_the_sentence_of_its_deadline() {
    // Formal identification 7: "Për fëmijët … PMF-ja. Për të rriturit … shërbimit social
    // shtetëror" (001:727-728) is one duty of two actors; 14: the deadline "menjëherë" is
    // when the decision is told (001:831), so its sentence stands in the box.
    let page = site_page("procedura/identifikimi-formal.html");
    let boxes = |n: &str| -> String {
        page.split("<a ")
            .filter(|a| a.contains(&format!("#identifikimi-formal.{n}\"")))
            .filter_map(|a| a.split("</a>").next())
            .map(|a| plain(&format!("<a {a}</a>")))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    let seven = boxes("7");
    assert!(seven.contains("Për të rriturit"), "{seven}");
    let fourteen = boxes("14");
    assert!(fourteen.contains("i komunikohet menjëherë"), "{fourteen}");
}
