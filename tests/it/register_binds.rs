//! Issue 25 (review-39 F3, F5, F8, F11), one actor rule everywhere: a role is credited only
//! where a sentence binds it to act (the subject of the duty, or the agent of "nga …");
//! an object, a recipient, a counterpart or the holder of a permission is no actor; a
//! passive timing with no agent credits no one; the evidence column sets a timing only for an
//! act of the criterion's role with its time (session 44).

use crate::common::{plain, site_page, unescape};

/// Whether a role's card credits a step or criterion.
fn credits(role: &str, id: &str) -> bool {
    site_page(&format!("roli/{role}.html")).contains(&format!("id=\"card-{id}\""))
}

/// A table row's `N` space-separated cells.
fn words<const N: usize>(row: &str) -> [&str; N] {
    let cells: Vec<&str> = row.split_whitespace().collect();
    cells
        .try_into()
        .unwrap_or_else(|c| panic!("{N} cells expected: {c:?}"))
}

/// The text of a frequency row's badge (the first `<span>`).
fn badge(row: &str) -> &str {
    row.split("</span>")
        .next()
        .unwrap()
        .rsplit('>')
        .next()
        .unwrap()
}

/// The "other names" section of a role's page.
fn role_names(role: &str) -> String {
    let page = unescape(&site_page(&format!("roli/{role}.html")));
    page.split("class=\"role-names\"")
        .nth(1)
        .and_then(|r| r.split("</section>").next())
        .unwrap_or_else(|| panic!("{role}'s page names no other titles"))
        .to_string()
}

/// The register's rows whose quote holds `words`, or that link to the step `#id` where
/// `words` is one: (the role ids of `data-roles`, the "who" cell's text, the row's text).
fn rows_quoting(words: &str) -> Vec<(Vec<String>, String, String)> {
    site_page("afatet.html")
        .split("<tr data-roles=\"")
        .skip(1)
        .filter_map(|chunk| {
            let (roles, rest) = chunk.split_once('"')?;
            let row = rest.split("</tr>").next()?;
            let text = plain(row);
            let quote = row.split("<q>").nth(1)?.split("</q>").next()?;
            let step = words.starts_with('#') && row.contains(&format!("{words}\""));
            if !step && !plain(quote).contains(words) {
                return None;
            }
            let who = row.split("<td").nth(2).unwrap_or("");
            let who = plain(&format!("<td{}", who.split("</td>").next().unwrap_or("")));
            Some((
                roles.split_whitespace().map(str::to_string).collect(),
                who.trim().to_string(),
                text,
            ))
        })
        .collect()
}

#[test]
fn an_object_a_recipient_or_a_counterpart_is_no_actor_of_a_step() {
    // "role step source-line", a comment above each group.
    for row in [
        // "kërkon mbledhjen e AP-së": the AP is the object of the request.
        "autoriteti-pergjegjes referimi-mbrojtja-asistenca.8 001:980",
        "autoriteti-pergjegjes referimi-mbrojtja-asistenca.13 001:1004",
        "autoriteti-pergjegjes referimi-mbrojtja-asistenca.41 001:1099",
        // ("mbledh AP-në", 001:1238: the AP is convened there; it acts in step 3 by the
        // passive "caktohen detyrat … sipas vendimit", 001:1240, since read-47b L-12:
        // review_48.)
        "autoriteti-pergjegjes kthimi-vullnetar.10 001:1264",
        "autoriteti-pergjegjes pritja-shtetas-shqiptare.8 001:1320",
        // "duke njoftuar menjëherë drejtorin e strukturës": notified.
        "struktura-pergjegjese-bashki referimi-mbrojtja-asistenca.8 001:975",
        // ("NJMF-ja mund të njoftojnë APAP-in", 001:977, acts since review 44 M-1: the
        // notice the APAP's forwarding follows; review_44.)
        // "kërkon mbledhjen e GTN-së": the object.
        "gtn referimi-mbrojtja-asistenca.9 001:984",
        // "bashkëpunon me NJMF-në": the counterpart.
        "njmf referimi-mbrojtja-asistenca.35 001:1079",
        // "punonjësi i kërkon APAP-it …": whom the request is made to.
        "apap referimi-mbrojtja-asistenca.50 001:1131",
        "apap referimi-mbrojtja-asistenca.54 001:1144",
        // "me miratimin e informuar … menaxherit të rastit": a condition, no duty.
        "menaxheri-i-rastit referimi-mbrojtja-asistenca.60 001:1168",
        // "në bashkëpunim më shërbimet sociale vendore": the counterpart.
        "struktura-pergjegjese-bashki riintegrimi-afatgjate.6 001:1398",
        // "Komisioni thirret në mbledhje nga kryetari": the commission is convened.
        "komisioni-posacem identifikimi-formal.18 001:902",
        // "do t'ia paraqes QPS-së": the QPS receives the referral.
        "qendra-per-pune-sociale menaxhimi-i-rastit.1 003:1966",
    ] {
        let [role, step, line] = words(row);
        assert!(
            !credits(role, step),
            "{role} is credited with {step} ({line})"
        );
    }
    // Whom the same sentences bind stays credited.
    for row in [
        "sekretariati-i-ap referimi-mbrojtja-asistenca.13",
        "apap referimi-mbrojtja-asistenca.41",
        "d-kap kthimi-vullnetar.3",
        "d-kap kthimi-vullnetar.10",
        "d-kap pritja-shtetas-shqiptare.8",
        "punonjes-mbrojtje-femije referimi-mbrojtja-asistenca.8",
        "punonjes-mbrojtje-femije referimi-mbrojtja-asistenca.35",
        "punonjesi-i-rastit referimi-mbrojtja-asistenca.54",
        "apap riintegrimi-afatgjate.6",
    ] {
        let [role, step] = words(row);
        assert!(credits(role, step), "{role} acts in {step}");
    }
}

#[test]
fn the_commission_s_chair_convenes_it_in_the_source_s_words() {
    // 001:902: no role is the chair, so the register names him as the source does.
    let rows = rows_quoting("brenda 5 ditësh pune nga depozitimi i ankimimit");
    assert_eq!(rows.len(), 1, "{rows:?}");
    let (roles, who, _) = &rows[0];
    assert!(roles.is_empty(), "{roles:?}");
    assert_eq!(who, "kryetari");
}

#[test]
fn a_passive_timing_names_its_body_and_no_one_where_the_source_names_none() {
    // Issue 25: "a timing with nobody (like duty 7) names its body". A passive deadline
    // whose body the source names — the step's or criterion's own actor, or the actor of
    // the sentence beside it — is that body's (review 43 H1, M1, L1): "words|roles".
    for row in [
        // 000:1328-1330 with 000:1306 (the provider's training); 000:1915-1917 with 000:1885
        "Vlerësimi i nevojave për trajnim duhet të ndodhë të paktën 1 herë në vit|ofruesi-i-sherbimit",
        // S10.3's whole quote; and the structure bound to monitor (000:1894-1897, review 45 L-6)
        "„të paktën një herë në muaj“|ofruesi-i-sherbimit personi-i-ngarkuar-per-monitorimin",
        // 001:800-803 (the interviewers' decision), 816-819 (their file), 828-832 (the AP's)
        "#identifikimi-formal.11|g-spif", // quoted „brenda ditës“, the row of step "2."
        "brenda të njëjtës ditë|g-spif",
        "i komunikohet menjëherë|autoriteti-pergjegjes",
        // 003:2135-2136, 2160, 2309-2313, 2395-2400, 2461-2464
        "Vlerësimi gjithëpërfshirës do të përfundojë brenda 7 ditëve|menaxheri-i-rastit-kosove",
        "nuk duhet të kalojë 45 minuta|menaxheri-i-rastit-kosove",
        "Plani i shërbimeve duhet të hartohet brenda 14 ditëve|menaxheri-i-rastit-kosove",
        "do të bëhen të paktën një herë në 6 muaj|menaxheri-i-rastit-kosove",
        "rishikohen të paktën çdo tre muaj|menaxheri-i-rastit-kosove tryeza-multidisiplinare",
        // 000:947-948 with S4's statement "Ofruesi i shërbimit mbledh dhe ruan të dhënat"; 001:964
        "të paktën për një periudhë 5 vjeçare|ofruesi-i-sherbimit",
        "trafikimit referohet menjëherë|a-ipm",
    ] {
        let (words, body) = row.split_once('|').unwrap();
        let rows = rows_quoting(words);
        assert_eq!(rows.len(), 1, "\"{words}\": {rows:?}");
        assert_eq!(rows[0].0.join(" "), body, "\"{words}\": {}", rows[0].2);
        assert!(!rows[0].1.is_empty(), "\"{words}\" names no one");
    }
    // Where the source names no body, no one: a guardian appointed
    // (003:2003), the case informed of the formal interview (001:1060: the staff's sentence
    // beside it, 001:1061-1063, notifies the NJMF, the case manager and the police, another
    // act; review 47a M-4).
    // (Care given, 001:958, names its step's body since read-47a L-9: review_48.)
    for words in [
        "brenda tre ditëve informohet rasti",
        "kujdestari ligjor do të emërohet brenda 14 ditëve",
    ] {
        let rows = rows_quoting(words);
        assert!(!rows.is_empty(), "no register row quotes \"{words}\"");
        for (roles, who, text) in rows {
            assert!(
                roles.is_empty(),
                "\"{words}\" is filtered under {roles:?}: {text}"
            );
            // (The cell says the source names no one, in the pack's words: review 45 R-5.)
            assert_eq!(
                who, "Burimi nuk emërton askënd",
                "\"{words}\" names \"{who}\": {text}"
            );
        }
    }
    // An agent named with "nga …" is credited: "do të përfundohet nga MR" (003:2062-2063);
    // "nga profesionistë të specializuar" (001:960), in the source's words.
    let mr = rows_quoting("do të përfundohet nga MR brenda 2 orëve");
    assert_eq!(mr.len(), 1);
    assert_eq!(mr[0].0, vec!["menaxheri-i-rastit-kosove".to_string()]);
    let support = rows_quoting("mbështetje e menjëhershme psiko-sociale");
    assert_eq!(support.len(), 1);
    assert!(support[0].0.is_empty(), "{:?}", support[0].0);
    assert_eq!(support[0].1, "profesionistë të specializuar");
}

#[test]
fn the_evidence_column_yields_no_register_row_for_a_document() {
    // S5.3 evidence 3.1 (000:1055-1056): the documents that prove the criterion, no one's
    // act. (Session 44, review 43 H3 and L2: an act of the criterion's role with its time,
    // S2.3 3.4, S7.7 7.1, S8.9 9.1, is a row: `register_scope`; this test had pinned S7.7's
    // and S8.9's "24 orë" as no row.)
    let register = site_page("afatet.html");
    for words in [
        "plane pune një vjeçare",
        "Një strategji të paktën 2 vjeçare",
    ] {
        assert!(
            !register.contains(words),
            "a register row quotes \"{words}\""
        );
    }
    // The criterion's own words stay: "për një periudhë dy-vjeçare" (S5.3, 000:1049).
    assert_eq!(rows_quoting("për një periudhë dy-vjeçare").len(), 1);
}

#[test]
fn a_permission_credits_no_one() {
    // S4.1: "mund të shihet vetëm nga përfituesi dhe punonjësi social ose drejtuesi i
    // shërbimit" (000:766-769) says who may see the file, as S9.1's "mund të diskutojë".
    for role in [
        "punonjesi-social-pergjegjes",
        "drejtuesi-i-qendres",
        "ofruesi-i-sherbimit",
        "punonjes-social",
        "stafi",
    ] {
        assert!(!credits(role, "S4.1"), "{role} is credited with S4.1");
        assert!(!credits(role, "S9.1") || role == "ofruesi-i-sherbimit");
    }
    let s4 = site_page("S4.html");
    let s41 = s4
        .split("id=\"S4.1\"")
        .nth(1)
        .and_then(|r| r.split("id=\"S4.2\"").next())
        .expect("criterion S4.1 on its page");
    for title in ["Punonjësi social përgjegjës", "Drejtuesi i qendrës"] {
        assert!(!s41.contains(title), "S4.1 names {title}");
    }
}

#[test]
fn the_case_manager_of_an_adult_in_a_shelter_is_the_case_worker_and_the_page_says_only_that() {
    // 001:1115 "Drejtuesi i institucionit cakton një punonjës/menaxher të rastit": steps
    // 46–48 ("Menaxheri i rastit …", 001:1118-1123) are the case worker's; elsewhere the
    // defined term (001:256) is the PMF.
    for st in ["47", "48"] {
        let step = format!("referimi-mbrojtja-asistenca.{st}");
        assert!(credits("punonjesi-i-rastit", &step), "{step}");
        assert!(!credits("menaxheri-i-rastit", &step), "{step}");
    }
    let names = role_names("punonjesi-i-rastit");
    assert!(names.contains("punonjës/menaxher të rastit"), "{names}");
    // Not the same person as the case manager (review 44, H-1): "Menaxheri i rastit së
    // bashku me punonjësin e rastit, brenda në qendër" (001:989) are two people; the case
    // worker is the child-protection worker in some cases only (001:263-266).
    assert!(!names.contains("roli/menaxheri-i-rastit.html"), "{names}");
    let sometimes = names
        .split("class=\"role-may-be\"")
        .nth(1)
        .expect("the case worker's page says whom it is in some cases");
    assert!(
        sometimes.contains("roli/punonjes-mbrojtje-femije.html"),
        "{names}"
    );
    let same = role_names("menaxheri-i-rastit");
    assert!(
        same.contains("roli/punonjes-mbrojtje-femije.html"),
        "{same}"
    );
    assert!(!same.contains("roli/punonjesi-i-rastit.html"), "{same}");
}

#[test]
fn a_count_in_a_month_reads_as_a_frequency_as_printed() {
    // 001:1391 "raporton 1 herë në muaj": the frequency table's first cell says so, never a
    // bare length ("1 muaj"), under a frequency's header.
    let page = site_page("afatet.html");
    let every = page
        .split("id=\"dl-every\"")
        .nth(1)
        .and_then(|r| r.split("</section>").next())
        .expect("the register's frequency table");
    assert!(every.contains(">Shpeshtësia</th>"), "{every}");
    assert!(!every.contains(">Kohëzgjatja</th>"));
    let row = every
        .split("<tr data-roles=\"")
        .find(|r| r.contains("„raporton 1 herë në muaj“"))
        .expect("the row of riintegrimi 4");
    assert_eq!(badge(row).trim(), "1 herë në muaj");
    for r in every.split("<tr data-roles=\"").skip(1) {
        let badge = badge(r);
        assert!(
            badge.contains("çdo") || badge.contains("herë"),
            "a frequency reads as a length: {badge}"
        );
    }
}
