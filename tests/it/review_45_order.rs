//! Review 44, the findings left open on order and labels: a deadline due as soon as possible
//! and a timing that holds only in a case say so wherever their badge stands (R-2); a
//! passage with no printed heading gets none (L-2); a printed label is shown once (L-3);
//! the indicators stand where 001 prints them, as a link (L-4); the multidisciplinary
//! team's card says what the source gives it (L-5).

use crate::common::*;

/// A role's card row for a step or criterion (`card-{id}`), as text.
fn card_row(role: &str, id: &str) -> String {
    let page = site_page(&format!("roli/{role}.html"));
    let row = page
        .split(&format!("id=\"card-{id}\""))
        .nth(1)
        .unwrap_or_else(|| panic!("{role}'s card lists {id}"));
    plain(row.split("</tr>").next().unwrap_or(row))
}

/// The register's rows for a step or criterion (by its link), as text each.
fn register_rows(anchor: &str) -> Vec<String> {
    let page = site_page("afatet.html");
    page.split("<tr data-roles")
        .skip(1)
        .map(|r| r.split("</tr>").next().unwrap_or(r))
        .filter(|r| r.contains(&format!("#{anchor}\"")))
        .map(|r| plain(&format!("<tr data-roles{r}")))
        .collect()
}

#[test]
fn a_deadline_due_as_soon_as_possible_keeps_its_words_wherever_its_badge_stands() {
    // 001:1230-1232 "sa më shpejt që është e mundur dhe jo më vonë se 7 ditë": the duty is
    // as soon as possible, 7 days only its latest; "brenda 7 ditëve" said the opposite.
    let rows = register_rows("kthimi-vullnetar.1");
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(
        rows[0].starts_with("sa më shpejt, jo më vonë se 7 ditë "),
        "{}",
        rows[0]
    );
    assert!(!rows[0].contains("brenda 7 ditëve"), "{}", rows[0]);
    let card = card_row("punonjesi-i-rastit", "kthimi-vullnetar.1");
    assert!(
        card.contains("sa më shpejt, jo më vonë se 7 ditë"),
        "{card}"
    );
    let step = site_page("procedura/kthimi-vullnetar.html");
    assert!(step.contains(">sa më shpejt, jo më vonë se 7 ditë</span>"));
    // No quiz answers "brenda 7 ditëve" for it.
    for q in crate::quizzes::questions() {
        if q.id == "kthimi-vullnetar.1.when" {
            assert!(
                q.correct.iter().all(|c| c != "brenda 7 ditëve"),
                "{}: {:?}",
                q.page,
                q.correct
            );
        }
    }
}

#[test]
fn a_timing_that_holds_only_in_a_case_carries_the_case() {
    // 000:308-311: the assessment is immediate "Për rastet kur vlerësimi kërkohet me
    // urgjencë", else within two weeks; the same pattern where the quote names its case.
    for (anchor, badge) in [
        ("S2.1", "me urgjencë: menjëherë"),
        (
            "referimi-mbrojtja-asistenca.8",
            "nëse është e nevojshme: menjëherë",
        ),
        (
            "menaxhimi-i-rastit.2",
            "Në rastet e fëmijëve pa përkujdesje prindërore: brenda 14 ditëve",
        ),
        (
            "identifikimi-formal.s4",
            "nëse konstatohet se ka nevojë për këtë: menjëherë",
        ),
    ] {
        let rows = register_rows(anchor);
        assert!(
            rows.iter().any(|r| r.starts_with(&format!("{badge} "))),
            "{anchor}: {rows:?}"
        );
    }
    // S2.1's two weeks stay unconditional beside it.
    assert!(
        register_rows("S2.1")
            .iter()
            .any(|r| r.starts_with("brenda 2 javëve "))
    );
    let card = card_row("ofruesi-i-sherbimit", "S2.1");
    assert!(card.contains("me urgjencë: menjëherë"), "{card}");
    let standard = site_page("S2.html");
    assert!(standard.contains(">me urgjencë: menjëherë</span>"));
    assert!(!standard.contains(">menjëherë</span>"));
}

/// A procedure with a deadline due as soon as possible and one that holds in a case.
const QUALIFIED: &str = r#"title: Afatet
collection: psv
steps:
  - number: "1"
    text: Kërkesa bëhet sa më shpejt që është e mundur dhe jo më vonë se 7 ditë nga mbërritja.
    timing:
      - text: sa më shpejt që është e mundur dhe jo më vonë se 7 ditë nga mbërritja
        within: P7D
        asap: true
  - number: "2"
    text: Për rastet kur vlerësimi kërkohet me urgjencë atëherë vlerësimi bëhet menjëherë.
    timing:
      - text: Për rastet kur vlerësimi kërkohet me urgjencë atëherë vlerësimi bëhet menjëherë
        within: P0D
        condition: me urgjencë
"#;

#[test]
fn every_locale_pack_words_a_deadline_as_soon_as_possible_and_a_case() {
    for pack in crate::timing::locale_packs() {
        let text = read(&pack);
        let ui = crate::timing::pack_strings(&text);
        let get = |k: &str| -> String {
            ui.get(k)
                .cloned()
                .unwrap_or_else(|| panic!("{}: the key {k} is missing", pack.display()))
        };
        let dir = minimal_copy();
        std::fs::write(dir.path().join("content/sop/03-afatet.yaml"), QUALIFIED).unwrap();
        std::fs::create_dir_all(dir.path().join("theme")).unwrap();
        std::fs::write(dir.path().join("theme/strings.toml"), &text).unwrap();
        let site = dir.path().join("site");
        build_ok(dir.path(), &site);
        let page = unescape(&read(&site.join(get("address_deadlines"))));
        let seven = get("duration_day").replace("{count}", "7");
        let asap = get("timing_asap").replace("{duration}", &seven);
        let case = get("timing_condition")
            .replace("{condition}", "me urgjencë")
            .replace("{phrase}", &get("timing_immediately"));
        for badge in [asap, case] {
            assert!(
                page.contains(&format!(">{badge}</span>")),
                "{}: the register shows {badge}",
                pack.display()
            );
        }
        let within = get("timing_phrase_within").replace(
            "{duration}",
            &get("duration_within_day").replace("{count}", "7"),
        );
        assert!(
            !page.contains(&format!(">{within}</span>")),
            "{}: {within} drops \"as soon as possible\"",
            pack.display()
        );
    }
}

#[test]
fn a_qualifier_that_cannot_mean_what_the_words_say_is_refused_where_it_is_written() {
    let dir = minimal_copy();
    let bad = QUALIFIED
        .replace(
            "        within: P7D\n        asap: true",
            "        before: P7D\n        asap: true",
        )
        .replace("condition: me urgjencë", "condition: me nxitim");
    std::fs::write(dir.path().join("content/sop/03-afatet.yaml"), bad).unwrap();
    let out = build(dir.path(), &dir.path().join("site"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    for says in [
        "03-afatet.yaml:9:",
        "expected `asap: true` alone (no latest) or with a deadline longer than nothing",
        "03-afatet.yaml:15:",
        "expected the condition \"me nxitim\" to stand in the timing's words",
    ] {
        assert!(err.contains(says), "{says}:\n{err}");
    }
}

/// Where `needle` first stands in `page`.
fn at(page: &str, needle: &str) -> usize {
    page.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is not on the page"))
}

#[test]
fn the_commissions_definition_has_no_invented_heading_above_it() {
    // 001:855-858: "Komisioni … është organi epror …", then "Detyrat e Komisionit … janë, si
    // më poshtë:" — no heading; the lead-in sentence introduces the list.
    let page = site_page("procedura/identifikimi-formal.html");
    let s6 = page
        .split("id=\"identifikimi-formal.s6\"")
        .nth(1)
        .and_then(|s| s.split("</section>").next())
        .expect("the commission's passage");
    assert!(!s6.contains("<h2"), "{s6}");
    assert!(
        at(s6, "organi epror") < at(s6, "Detyrat e Komisionit të Posaçëm Ndërinstitucional janë"),
        "{s6}"
    );
    let handout = site_page("trajnim/fletushka/identifikimi-formal.html");
    let row = handout
        .split("id=\"identifikimi-formal.s6-handout\"")
        .nth(1)
        .and_then(|s| s.split("</tr>").next())
        .unwrap();
    assert!(!row.contains("<h3"), "{row}");
    // Other pages still call the passage by its lead-in's words.
    let register = site_page("afatet.html");
    assert!(register.contains(
        "#identifikimi-formal.s6\">Detyrat e Komisionit të Posaçëm Ndërinstitucional</a>"
    ));
}

#[test]
fn a_printed_label_is_shown_once_not_in_the_circle_too() {
    // "1." beside "1.", "ç)" beside "ç)": the circle of a step with a printed label is empty.
    for page in [
        "mbeshtetja-hetimit",
        "struktura-bashkiake",
        "identifikimi-formal",
        "identifikimi-fillestar",
    ] {
        let html = site_page(&format!("procedura/{page}.html"));
        let printed: Vec<&str> = html
            .split("<div class=\"step-num step-num-printed\" aria-hidden=\"true\">")
            .skip(1)
            .map(|r| r.split("</div>").next().unwrap())
            .collect();
        assert!(!printed.is_empty(), "{page}: no printed label");
        assert!(printed.iter().all(|c| c.is_empty()), "{page}: {printed:?}");
        // Each step of the timeline reads its label once (the diagram's boxes aside).
        for step in html.split("<li class=\"step\"").skip(1) {
            let text = plain(&format!("<li{}", step.split("</h").next().unwrap_or(step)));
            let words: Vec<&str> = text.split_whitespace().collect();
            assert!(words.len() < 2 || words[0] != words[1], "{page}: {text}");
        }
    }
}

#[test]
fn the_indicators_stand_where_initial_identification_prints_them_as_a_link() {
    // 001:455-605 between the agencies (001:434-453) and the actions (001:606).
    let page = site_page("procedura/identifikimi-fillestar.html");
    let heading = at(
        &page,
        "<h2>Treguesit e trafikimit të qenieve njerëzore</h2>",
    );
    assert!(at(&page, "agjenci të tjera shtetërore dhe joshtetërore") < heading);
    assert!(heading < at(&page, "id=\"identifikimi-fillestar.1\""));
    assert!(page[heading..].contains("<a href=\"../treguesit.html\">"));
    // A link, not a copy.
    assert!(!page.contains("të besojnë se duhet të punojnë kundër vullnetit të tyre"));
    let handout = site_page("trajnim/fletushka/identifikimi-fillestar.html");
    assert!(handout.contains("<a href=\"../../treguesit.html\">"));
}

#[test]
fn the_multidisciplinary_team_is_not_said_to_act_nowhere_while_its_work_is_quoted() {
    // 000:326-330 (S2.1 evidence 1.2), 000:530-532 (S2.4 evidence), 001:1054-1055 and
    // 1115-1116 (referral 26 and 45, "në bashkëpunim me ekipin multidisiplinar"): named with
    // no act of its own — the card lists where, it does not say the team is named nowhere.
    let page = site_page("roli/ekipi-multidisiplinar.html");
    assert!(page.contains("Ekipi zhvillon një plan"), "the definition");
    assert!(!page.contains("Ky rol nuk vepron në asnjë hap apo kriter."));
    let mentioned = page
        .split("role-mentioned")
        .nth(1)
        .and_then(|s| s.split("</p>").next())
        .expect("the places the source names the team");
    for href in [
        "S2.html#S2.1\"",
        "S2.html#S2.4\"",
        "referimi-mbrojtja-asistenca.html#referimi-mbrojtja-asistenca.26\"",
        "referimi-mbrojtja-asistenca.html#referimi-mbrojtja-asistenca.45\"",
    ] {
        assert!(mentioned.contains(href), "{href}: {mentioned}");
    }
    assert!(plain(mentioned).contains("nuk ka hap apo kriter të vetin"));
}

#[test]
fn the_professionals_the_case_manager_may_ask_are_an_example() {
    // 003:2199-2200 "(p.sh. nga mjeku, psikologu, mësuesi ose ndonjë tjetër)": examples of
    // whom to ask, shown as one, never an actor nor a quiz's words.
    let page = site_page("procedura/menaxhimi-i-rastit.html");
    assert!(page.contains(
        "për këto çështje <span class=\"example\">(p.sh. nga mjeku, psikologu, mësuesi ose ndonjë tjetër).</span>"
    ));
    for q in crate::quizzes::questions() {
        assert!(
            !q.stem.contains("p.sh. nga mjeku"),
            "{}: {}",
            q.page,
            q.stem
        );
    }
}
