//! Review 43 H3, L2, L4, L8, L9, L10: what the deadlines register takes from the sources, whom
//! it credits, and how it words a deadline.

use crate::common::{plain, read, repo, site_page, unescape};

/// The register's rows: (the role ids of `data-roles`, the badge's words, the quote, the row).
fn rows() -> Vec<(String, String, String, String)> {
    site_page("afatet.html")
        .split("<tr data-roles=\"")
        .skip(1)
        .map(|chunk| {
            let (roles, rest) = chunk.split_once('"').unwrap();
            let row = rest.split("</tr>").next().unwrap().to_string();
            let badge = row
                .split("class=\"badge")
                .nth(1)
                .and_then(|b| b.split_once('>'))
                .map(|(_, b)| unescape(b.split("</span>").next().unwrap()))
                .unwrap_or_default();
            let quote = row
                .split("<q>")
                .nth(1)
                .map(|q| plain(q.split("</q>").next().unwrap()))
                .unwrap_or_default();
            (roles.to_string(), badge, quote, row)
        })
        .collect()
}

/// The one row whose quote holds `words`.
fn row_quoting(words: &str) -> (String, String, String, String) {
    let found: Vec<_> = rows().into_iter().filter(|r| r.2.contains(words)).collect();
    assert_eq!(found.len(), 1, "rows quoting {words}");
    found.into_iter().next().unwrap()
}

/// The "by when" cell of a role's card row for a step or criterion.
fn card_when(role: &str, id: &str) -> String {
    let page = site_page(&format!("roli/{role}.html"));
    let row = page
        .split(&format!("id=\"card-{id}\""))
        .nth(1)
        .unwrap_or_else(|| panic!("{role} has no card row {id}"));
    let row = row.split("</tr>").next().unwrap();
    plain(row.split("class=\"c-when\"").nth(1).unwrap_or(""))
}

#[test]
fn an_act_with_its_time_in_the_evidence_is_a_row_of_whoever_acts() {
    // H3: S2.3 evidence 3.4 "Punonjësi social do të vlerësojë çdo muaj situatën e
    // përfituesit" (000:473-474), the responsible worker's monthly assessment.
    let (roles, badge, _, _) =
        row_quoting("Punonjësi social do të vlerësojë çdo muaj situatën e përfituesit");
    assert_eq!(roles, "punonjesi-social-pergjegjes");
    assert_eq!(badge, "çdo muaj");
    assert!(card_when("punonjesi-social-pergjegjes", "S2.3").contains("çdo muaj"));
    // A document the evidence describes, or a time with no length, is no row: S5.3's
    // "strategji të paktën 2 vjeçare" (000:1055), S2.3's "takohet rregullisht" (000:458),
    // S8.10's "grafikët javor/mujor" (000:1700).
    for words in [
        "strategji të paktën 2 vjeçare",
        "rregullisht",
        "grafikët javor",
    ] {
        assert!(rows().iter().all(|r| !r.2.contains(words)), "{words}");
    }
}

#[test]
fn round_the_clock_cover_is_a_row_wherever_the_provider_ensures_it() {
    // L2: S1.5 (000:174), S8.9 evidence 9.1 (000:1678-1681): the provider's.
    for (words, criterion) in [
        ("Ruajtje ose siguri fizike 24 orë", "S1.5"),
        ("siguron një mbikqyrje 24 orë për fëmijët", "S8.9"),
    ] {
        let (roles, badge, _, row) = row_quoting(words);
        assert_eq!(roles, "ofruesi-i-sherbimit", "{words}");
        assert_eq!(badge, "24 orë", "{words}");
        assert!(row.contains(&format!("#{criterion}\"")), "{words}");
    }
    // Review 45 R-3: S7.7 evidence 7.1 (000:1512-1516) describes the provider's agreement
    // with the police "për të siguruar për 24 orë në ditë mbrojtjen fizike": a document, the
    // protection the police's; no row, and none on the provider's card.
    assert!(
        rows()
            .iter()
            .all(|r| !r.2.contains("për 24 orë në ditë mbrojtjen fizike")),
        "S7.7 is no row"
    );
    assert!(!card_when("ofruesi-i-sherbimit", "S7.7").contains("24 orë"));
}

#[test]
fn the_ap_meeting_s_immediacy_binds_no_apap() {
    // L8: "nëse është e nevojshme, kërkon mbledhjen e menjëhershme të AP-së" (001:979-981):
    // the immediacy is the meeting's, and only if necessary; the APAP's own acts have none.
    // The meeting is the AP's: the row names it (adversary 49 LOW-5; review_50a).
    let (roles, _, quote, _) = row_quoting("mbledhjen e menjëhershme të AP-së");
    assert_eq!(roles, "autoriteti-pergjegjes", "{quote}");
    // It names who requests and leaves out the APAP's forwarding, which has no deadline
    // (task c51: an elided quote, `text::quote`).
    assert!(
        quote.starts_with("„APAP-i … nëse është e nevojshme"),
        "{quote}"
    );
    assert!(!quote.contains("përcjell"), "{quote}");
    assert!(!card_when("apap", "referimi-mbrojtja-asistenca.8").contains("menjëher"));
    let quiz = site_page("trajnim/kuizi/roli-apap.html");
    assert!(!quiz.contains("data-question=\"referimi-mbrojtja-asistenca.8.apap.when\""));
    assert!(!quiz.contains("data-question=\"referimi-mbrojtja-asistenca.8.when\""));
}

#[test]
fn a_passage_s_own_immediacy_is_a_row_and_the_lead_says_what_is_listed() {
    // L9: the interviewee's right "Personit i jepet ndihmë e menjëhershme mjekësore dhe
    // psikologjike nëse konstatohet se ka nevojë për këtë" (001:784-785): passive, no agent,
    // in a passage no body's: binds no one.
    let (roles, badge, _, row) = row_quoting("Personit i jepet ndihmë e menjëhershme mjekësore");
    assert_eq!(roles, "");
    // Only where the need is found: the badge carries the case (review 44 R-2).
    assert_eq!(badge, "nëse konstatohet se ka nevojë për këtë: menjëherë");
    // Review 45 R-5: the who-cell says so, not left blank as if a name were lost.
    assert!(plain(&row).contains("Burimi nuk emërton askënd"), "{row}");
    for (_, _, _, r) in rows().iter().filter(|r| r.0.is_empty()) {
        let who = r.split("<td").nth(2).unwrap();
        assert!(
            who.contains("class=\"person\"") || who.contains("Burimi nuk emërton askënd"),
            "a blank who-cell: {r}"
        );
    }
    assert!(row.contains("#identifikimi-formal.s"), "{row}");
    // L10: the job descriptions' times (002:1705-1707, 1254-1256) are not listed, and the
    // lead says so in each pack.
    let lead = plain(site_page("afatet.html").split("<table").next().unwrap());
    assert!(lead.contains("Afatet e përshkrimeve të punës"), "{lead}");
    assert!(lead.contains("provat dhe udhëzimet"), "{lead}");
    for (pack, words) in [
        ("en", "job descriptions"),
        ("sr-Latn", "opisa radnih mesta"),
    ] {
        let toml = read(&repo().join(format!("theme/locales/{pack}.toml")));
        let intro = toml
            .lines()
            .find(|l| l.starts_with("deadlines_intro ="))
            .unwrap();
        assert!(intro.contains(words), "{pack}: {intro}");
    }
    assert!(rows().iter().all(|r| !r.2.contains("dy herë në vit")));
}

#[test]
fn a_deadline_after_brenda_takes_the_case_the_sources_give_it() {
    // L4: "brenda 7 ditëve", "brenda 24 orëve", "brenda 30 ditëve pune", "brenda 1 jave", as
    // the sources write it; never "brenda 7 ditë". Register, role cards and quizzes.
    let badges: Vec<String> = rows().into_iter().map(|r| r.1).collect();
    for want in [
        "brenda 7 ditëve",
        "brenda 24 orëve",
        "brenda 30 ditëve pune",
        "brenda 1 jave",
        "brenda 2 javëve",
    ] {
        assert!(badges.iter().any(|b| b == want), "{want}: {badges:?}");
    }
    let bare = |text: &str| -> Option<String> {
        let words: Vec<&str> = text.split_whitespace().collect();
        words.windows(3).find_map(|w| {
            let unit = w[2].trim_end_matches(|c: char| !c.is_alphabetic());
            let bad = w[0] == "brenda"
                && w[1].chars().all(|c| c.is_ascii_digit())
                && ["ditë", "orë", "javë", "muaj", "vjet", "vit", "minuta"].contains(&unit);
            bad.then(|| w.join(" "))
        })
    };
    let mut pages = vec!["afatet.html".to_string()];
    for dir in ["roli", "trajnim/kuizi"] {
        for e in std::fs::read_dir(crate::common::shipped_site().join("site").join(dir)).unwrap() {
            let name = e.unwrap().file_name().into_string().unwrap();
            if name.ends_with(".html") {
                pages.push(format!("{dir}/{name}"));
            }
        }
    }
    for page in pages {
        let text = plain(&site_page(&page));
        assert_eq!(bare(&text), None, "{page}");
    }
}

#[test]
fn a_step_links_a_form_only_where_its_own_words_name_it() {
    // The `tied:` links re-read (session 44): procedure 05 step 4 "kryejnë vlerësimin"
    // (001:1310) names no report (E3, 001:1455); 06 step 1 names "çdo interviste", no format
    // (001:1339-1340); 07 steps 2, 4, 10 "Plani i dërgohet", "raporton", "monitoron"
    // (001:1391, 1414); 04 step 8 "të kërkesës" (001:1259) does not say which request. (04
    // steps 2 and 9 "transferon kërkesën … që mund të bëjnë vlerësimin" name E2's "Kërkesë
    // për vlerësim", and 07 step 2 "Plani … për riintegrim" D1's "Plani i riintegrimit":
    // quiz_proof.)
    let facts = |page: &str, step: &str| -> String {
        let html = site_page(&format!("procedura/{page}.html"));
        let at = html
            .split(&format!("id=\"{step}\""))
            .nth(1)
            .unwrap_or_else(|| panic!("no {step}"));
        at.split("</dl>").next().unwrap().to_string()
    };
    for (page, step) in [
        ("pritja-shtetas-shqiptare", "pritja-shtetas-shqiptare.1"),
        ("pritja-shtetas-shqiptare", "pritja-shtetas-shqiptare.4"),
        ("mbeshtetja-hetimit", "mbeshtetja-hetimit.1"),
        ("riintegrimi-afatgjate", "riintegrimi-afatgjate.4"),
        ("riintegrimi-afatgjate", "riintegrimi-afatgjate.10"),
        ("identifikimi-fillestar", "identifikimi-fillestar.11"),
        ("identifikimi-formal", "identifikimi-formal.11"),
        (
            "referimi-mbrojtja-asistenca",
            "referimi-mbrojtja-asistenca.36",
        ),
        ("kthimi-vullnetar", "kthimi-vullnetar.8"),
    ] {
        let f = facts(page, step);
        assert!(!f.contains("formularet.html#"), "{step}: {f}");
    }
}
