//! Issue 25, item 5 (review i25b): the actors, deadlines, examples, passages, footnotes and
//! printed numbering of procedures 04, 06, 20–23 and 30 as their sources print them, each
//! change pinned; and a timing's `persons:` checked against the text it sits on.

use crate::common::{plain, site_page};

/// Where `needle` first stands on a page (panics where it does not).
fn at(page: &str, needle: &str) -> usize {
    page.find(needle)
        .unwrap_or_else(|| panic!("not on the page: {needle}"))
}

/// Whether a role's page links a step (on its card or among the steps it acts in through
/// its representative).
fn lists(role: &str, step: &str) -> bool {
    site_page(&format!("roli/{role}.html")).contains(&format!("#{step}\""))
}

/// The role ids of the register's rows for a step whose quoted words hold `words`.
fn register_roles(step: &str, words: &str) -> String {
    site_page("afatet.html")
        .split("<tr data-roles=\"")
        .find(|r| {
            // The words of the row's quote, not of the step's whole text beside it.
            let quote = r.split("<q>").nth(1).and_then(|q| q.split("</q>").next());
            r.contains(&format!("#{step}\"")) && quote.is_some_and(|q| plain(q).contains(words))
        })
        .unwrap_or_else(|| panic!("no register row for {step}: {words}"))
        .split('"')
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn a_recipient_or_a_role_named_only_in_an_example_is_no_actor() {
    // 04 step 8: the AP receives the request (001:1256–1257).
    assert!(!lists("autoriteti-pergjegjes", "kthimi-vullnetar.8"));
    assert!(lists("drejtuesi-i-qendres", "kthimi-vullnetar.8"));
    // 06 step 2: the police's APAP receives the information (001:1343–1344); the police act
    // through their APAP in step 3 only.
    let police = site_page("roli/policia.html");
    assert!(!police.contains("#mbeshtetja-hetimit.2\""));
    assert!(police.contains("#mbeshtetja-hetimit.3\""));
    assert!(lists("apap", "mbeshtetja-hetimit.2"));
    // 20 a)–b) of "Kjo strukturë kryen edhe funksione …" (002:112–116): the structure's.
    assert!(!lists("administrator-shoqeror", "struktura-bashkiake.10"));
    assert!(!lists("pmf-bashki", "struktura-bashkiake.11"));
    assert!(lists(
        "struktura-pergjegjese-bashki",
        "struktura-bashkiake.10"
    ));
    // 22 step 2.1: individuals apply to the social administrator (002:615–616).
    assert!(!lists("administrator-shoqeror", "referimi.2.1"));
    // 23 step 4: the social administrator stands only in the Shembull (002:787–798).
    assert!(!lists("administrator-shoqeror", "menaxhimi-i-rastit-nja.4"));
    assert!(lists("punonjes-social", "menaxhimi-i-rastit-nja.4"));
    // 30 step 0: the report goes to the police, the ZMNV or the QPS (003:1942–1957); the
    // persons who must report stand in the source's words.
    for role in ["policia-e-kosoves", "zmnv", "qendra-per-pune-sociale"] {
        assert!(!lists(role, "menaxhimi-i-rastit.0"), "{role}");
    }
    assert!(lists(
        "profesionistet-per-mbrojtjen-e-femijeve",
        "menaxhimi-i-rastit.0"
    ));
    let page = site_page("procedura/menaxhimi-i-rastit.html");
    let step = &page[at(&page, "id=\"menaxhimi-i-rastit.0\"")..];
    let who = plain(&step[at(step, "<dt>Kush</dt>")..at(step, "</dl>")]);
    assert!(
        who.contains("Çdo person që vëren ose ka informacion"),
        "{who}"
    );
    assert!(
        who.contains("Prindi ose kujdestari si dhe çdo person tjetër"),
        "{who}"
    );
}

#[test]
fn the_kosovo_plan_and_the_monitoring_visits_bind_whom_their_sentences_name() {
    // "Plani i shërbimeve duhet të hartohet brenda 14 ditëve" (003:2313) and "vizitat
    // monitoruese të fëmijës do të bëhen …" (003:2399-2400) are passive: each names its body,
    // the MR (the plan is "Formulari 4 i MR", signed "nga MR", 003:2309, 2354; the visits
    // stand in the paragraph of the MR's contacts, 003:2395-2400) — never the Shefi i
    // Shërbimit, the TMR or the QPS (issue 25: a timing with nobody names its body; review
    // 43 H1, M1). The 7-day home visit "nga MR" (003:2398) is the MR's.
    assert_eq!(
        register_roles("menaxhimi-i-rastit.4", "brenda 14 ditëve"),
        "menaxheri-i-rastit-kosove"
    );
    assert_eq!(
        register_roles("menaxhimi-i-rastit.5", "një herë në 6 muaj"),
        "menaxheri-i-rastit-kosove"
    );
    assert_eq!(
        register_roles("menaxhimi-i-rastit.5", "vizitë në shtëpi nga MR"),
        "menaxheri-i-rastit-kosove"
    );
    // The Shefi i Shërbimit's card: step 4 without the plan's deadline in its "by when".
    let chief = site_page("roli/shefi-i-sherbimit.html");
    let row = &chief[at(&chief, "id=\"card-menaxhimi-i-rastit.4\"")..];
    let row = &row[..at(row, "</tr>")];
    let when = row.split("class=\"c-when\"").nth(1).unwrap_or("");
    assert!(!plain(when).contains("14 ditë"), "{}", plain(when));
}

#[test]
fn the_kosovo_examples_are_examples() {
    // "P.sh. nëse puna e fëmijës …" (003:2101) and "Për shembull, një fëmijë i trafikuar …"
    // (003:2301) introduce a case: each a quoted example, the text around it outside.
    let page = site_page("procedura/menaxhimi-i-rastit.html");
    let examples: Vec<&str> = page
        .split("<blockquote class=\"example\">")
        .skip(1)
        .map(|b| b.split("</blockquote>").next().unwrap())
        .collect();
    for words in [
        "P.sh. nëse puna e fëmijës përfshin aktivitete me rrezikshmëri të lartë",
        "Për shembull, një fëmijë i trafikuar për të kënduar",
    ] {
        assert!(examples.iter().any(|e| e.contains(words)), "{words}");
    }
    for words in [
        "atëherë fillimisht nevojitet veprim i menjëhershëm",
        "duhet të jetë i kujdesshëm që riaktivizimi",
    ] {
        assert!(examples.iter().all(|e| !e.contains(words)), "{words}");
        assert!(page.contains(words), "{words}");
    }
}

#[test]
fn passages_and_footnote_1_of_002_stand_where_printed() {
    // 20: "Rolet dhe funksionet e këtyre dy strukturave …" after the list of the two levels,
    // before the duties (002:68–80).
    let p = site_page("procedura/struktura-bashkiake.html");
    let roles = at(&p, "Rolet dhe funksionet e këtyre dy strukturave");
    assert!(at(&p, "b) Njësia e vlerësimit të nevojave dhe referimit") < roles);
    assert!(roles < at(&p, "id=\"struktura-bashkiake.1\""));
    // Footnote 1: the marker after "Referimit" (002:122), the note with 2 and 3 below the
    // staffing list, after the rule; no marker after "37".
    assert!(!p.contains("37¹"));
    let marker = at(&p, "Nevojave dhe Referimit¹, e cila");
    assert!(marker < at(&p, "id=\"struktura-bashkiake.13\""));
    let staffing = &p[at(&p, "Për të realizuar funksionet")..];
    let staffing = staffing.split("</section>").next().unwrap();
    let rule = at(staffing, "<hr");
    assert!(rule < at(staffing, "<p>1 Nenet 36 dhe 37"));
    assert!(at(staffing, "<p>1 Nenet 36 dhe 37") < at(staffing, "<p>2 Kjo në përputhje"));
    // 21: "1. Informimi" after "Specifikisht:", before the steps (002:546–565); the page has
    // no definition above the introduction.
    let p = site_page("procedura/informimi.html");
    let informing = at(&p, "1. Informimi</h2>");
    assert!(at(&p, "Specifikisht:") < informing);
    assert!(informing < at(&p, "Informimi për ekzistencën e shërbimeve"));
    assert!(at(&p, "Informimi për ekzistencën e shërbimeve") < at(&p, "id=\"informimi.1.1\""));
    // (The guide's title and its "Hyrje" are two printed headings, 002:464–467.)
    assert!(at(&p, "<h2>Hyrje</h2>") < informing);
    // 06: the actions numbered 1.–4. as printed (001:1340–1350).
    let p = site_page("procedura/mbeshtetja-hetimit.html");
    for n in 1..=4 {
        assert!(
            p.contains(&format!("href=\"#mbeshtetja-hetimit.{n}\">{n}.</a>")),
            "{n}"
        );
    }
}

#[test]
fn a_timing_s_persons_not_in_the_step_s_text_are_refused() {
    let dir = crate::common::minimal_copy();
    let sop = dir.path().join("content/sop");
    std::fs::create_dir_all(&sop).unwrap();
    std::fs::write(
        sop.join("97-afati.yaml"),
        concat!(
            "title: Afati\n",                                           // 1
            "collection: psv\n",                                        // 2
            "steps:\n",                                                 // 3
            "  - number: \"1\"\n",                                      // 4
            "    text: Kujdestari ligjor emërohet brenda 14 ditëve.\n", // 5
            "    timing:\n",                                            // 6
            "      - text: brenda 14 ditëve\n",                         // 7
            "        within: P14D\n",                                   // 8
            "        actors: []\n",                                     // 9
            "        persons: [\"Kujdestari ligjor\", \"Gjykata\"]\n",  // 10
            "sections:\n",                                              // 11
            "  - text: Komisioni vendos brenda 30 ditëve.\n",           // 12
            "    timing:\n",                                            // 13
            "      - text: brenda 30 ditëve\n",                         // 14
            "        within: P30D\n",                                   // 15
            "        persons: [\"Sekretariati\"]\n",                    // 16
        ),
    )
    .unwrap();
    let out = crate::common::build(dir.path(), &dir.path().join("site"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains(
            "97-afati.yaml:10:40: error: expected words of the step's text, found \"Gjykata\""
        ),
        "{err}"
    );
    assert!(
        err.contains("97-afati.yaml:16:19: error: expected words of the passage's text, found \"Sekretariati\""),
        "{err}"
    );
    assert!(!err.contains("found \"Kujdestari ligjor\""), "{err}");
}
