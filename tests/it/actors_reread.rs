//! Issue 25, item 5, second reading (session 38): each standard's criterion names whom its
//! sentence binds. The provider where the provider is the subject or the agent ("nga
//! ofruesi"); the staff only where they act, never where they are trained, recruited or
//! cared for; a counterpart (the police of S7.7) or those trained (the managers of S7.5) no
//! actor. Procedures: a notified APAP acts for no one (referral 54); "Qendra ku është
//! akomoduar" is the centre's provider, not its staff (return 5, 13); NJA 4 binds the
//! service provider it names.

use crate::common::site_page;

/// Whether a role's card credits a step or criterion.
fn credits(role: &str, id: &str) -> bool {
    site_page(&format!("roli/{role}.html")).contains(&format!("id=\"card-{id}\""))
}

#[test]
fn the_provider_is_credited_where_its_sentence_binds_it() {
    // 000:234/241, 399, 778-779, 822-823, 904-905, 935, 1444-1445, 1526, 1575-1576,
    // 1801-1802, 1894-1895.
    // (S4.1, S4.6, S7.6 and S7.8 were credited from their evidence column in session 38;
    // session 39 credits no one from it: see `the_evidence_column_credits_no_one`.)
    for id in [
        "S1.6", "S2.2", "S3.3", "S4.3", "S4.4", "S4.7", "S5.4", "S5.6", "S7.4", "S8.1", "S9.3",
        "S10.1",
    ] {
        assert!(
            credits("ofruesi-i-sherbimit", id),
            "the provider acts in {id}"
        );
    }
}

#[test]
fn the_staff_are_credited_only_where_they_act() {
    // Trained (S6.7, 000:1302), recruited and checked (S6.2-6.4), cared for (S6.9), protected
    // by rules (S7.4), not named (S8.9): no actor.
    for id in ["S6.2", "S6.3", "S6.4", "S6.7", "S6.9", "S7.4", "S8.9"] {
        assert!(!credits("stafi", id), "the staff are credited with {id}");
    }
    // They act: "Brenda stafit ka personel të trajnuar, i cili e trajton …" (000:830-831);
    // the professional informs the director (000:916-917); "Stafi që punon me përfituesin
    // është i detyruar" (S4.4); "Stafi i rekrutuar duhet të ketë njohuritë" (000:1258).
    for id in ["S4.3", "S4.6", "S1.4", "S3.3", "S4.4", "S6.5"] {
        assert!(credits("stafi", id), "the staff act in {id}");
    }
    // The supervisor trains the new staff (000:1302).
    assert!(credits("supervizori-i-stafit", "S6.7"));
}

#[test]
fn a_counterpart_or_those_trained_are_no_actors_of_a_criterion() {
    // S7.7: "Ofruesi ka marrëveshje me Drejtorinë e Përgjithshme të Policisë" (000:1512).
    assert!(!credits("policia", "S7.7"));
    assert!(credits("ofruesi-i-sherbimit", "S7.7"));
    // S7.5: "menaxherët e qendrës" are trained (000:1474-1475). (S1.4: "cilët janë drejtuesit
    // e shërbimit" (000:120-121) is what a leaflet says, but the same guidance makes the director
    // sign the contract (000:131-132): session 39 credits him, see below.)
    assert!(!credits("drejtuesi-i-qendres", "S7.5"));
    // The director acts where the source says so (000:916-919, 923).
    assert!(credits("drejtuesi-i-qendres", "S4.6"));
    assert!(credits("drejtuesi-i-qendres", "S4.7"));
}

#[test]
fn the_procedures_name_whom_their_sentences_bind() {
    // Referral 54: the police's APAP is notified (001:1144); the SHSSH's APAP is whom the case
    // worker asks (001:1143-1144), a recipient too (session 40): the case worker acts.
    assert!(
        !site_page("roli/policia.html").contains("id=\"through-referimi-mbrojtja-asistenca.54\"")
    );
    assert!(!credits("apap", "referimi-mbrojtja-asistenca.54"));
    assert!(credits(
        "punonjesi-i-rastit",
        "referimi-mbrojtja-asistenca.54"
    ));
    // Return 5 and 13: "bashkë me qendrën …", "Qendra … siguron shoqëruesin" (001:1247, 1271).
    for st in ["kthimi-vullnetar.5", "kthimi-vullnetar.13"] {
        assert!(credits("ofruesi-i-sherbimit", st), "{st}");
        assert!(!credits("stafi", st), "{st}");
    }
    assert!(credits("menaxheri-i-rastit", "kthimi-vullnetar.5"));
    // NJA 4: "detyrën për zbatimin e planit individual … e ka ofruesi i shërbimit" (002:781-782).
    assert!(credits("ofruesi-i-sherbimit", "menaxhimi-i-rastit-nja.4"));
    assert!(credits("punonjes-social", "menaxhimi-i-rastit-nja.4"));
}

// Session 39 (review-38 F3, F8): one rule over all 66 criteria. A role is credited where the
// criterion's or its guidance's sentence binds it to act; never from the evidence column, and
// never as an object, a recipient, a counterpart, a listed member, a post the structure must
// have or the holder of a right. Each assertion below fails on the content before 8c1f3bb.

/// The roles a criterion's page lists under "Rolet:" and whose cards credit it.
fn credited(id: &str) -> Vec<&'static str> {
    const ROLES: [&str; 9] = [
        "ofruesi-i-sherbimit",
        "stafi",
        "drejtuesi-i-qendres",
        "punonjesi-social-pergjegjes",
        "psikologu",
        "ekipi-multidisiplinar",
        "personi-i-ngarkuar-per-monitorimin",
        "supervizori-i-stafit",
        "policia",
    ];
    ROLES.into_iter().filter(|r| credits(r, id)).collect()
}

#[test]
fn s2_1_credits_the_provider_not_the_team_it_organises_nor_its_members() {
    // "Ofruesi primar i shërbimit është përgjegjës për të organizuar një ekip … ku përfshihen
    // …: punonjësi social, psikologu, mësuesi, mjeku dhe juristi. Ofruesi i shërbimeve është
    // përgjegjës për kryerjen e vlerësimit" (000:285-304). The director only in evidence 1.1.
    assert_eq!(credited("S2.1"), ["ofruesi-i-sherbimit"]);
    // S2.3: the provider charges the social worker to coordinate and report (000:437-441);
    // the team only in guidance 3.1's list of means.
    assert_eq!(
        credited("S2.3"),
        ["ofruesi-i-sherbimit", "punonjesi-social-pergjegjes"]
    );
}

#[test]
fn a_criterion_whose_sentences_bind_no_one_credits_no_one() {
    // S2.4 "Çdo përfitues përfshihet" (000:508): the team and the informed social worker are
    // in the evidence column. S3.4: the staff's right to complain (000:638-640, 683). S5.7
    // passive, the job descriptions the object (000:1145-1147). S6.6: the staff hold a contract
    // (000:1271-1273). S7.6 and S7.8: the provider only in the evidence (000:1500, 1525-1526).
    // S7.9: the staff are drilled (000:1544-1547). S10.4: the reports are discussed "me stafin"
    // (000:1926-1928), the counterpart.
    for id in [
        "S2.4", "S3.4", "S5.7", "S6.6", "S7.6", "S7.8", "S7.9", "S10.4",
    ] {
        assert!(credited(id).is_empty(), "{id}: {:?}", credited(id));
    }
}

#[test]
fn the_director_acts_where_the_source_makes_him_act_not_as_a_post() {
    // S5.1: "ka domosdoshmërisht një drejtues" (000:983-984), a post the structure must have.
    assert_eq!(credited("S5.1"), ["ofruesi-i-sherbimit"]);
    // S5.5: "Publikimi … bëhet nga vetë drejtuesi" (000:1095-1097); the staff are those the
    // information is available to (000:1093-1095), recipients.
    assert_eq!(credited("S5.5"), ["drejtuesi-i-qendres"]);
    // S1.4: "Drejtuesi i qendrës së shërbimit dhe përfituesi nënshkruajnë një kontratë"
    // (guidance 4.1, 000:131-132).
    assert_eq!(credited("S1.4"), ["stafi", "drejtuesi-i-qendres"]);
}

#[test]
fn the_evidence_column_credits_no_one() {
    // S4.1: "Ofruesi i shërbimit ka një sistem …" (000:778-779) and S4.6: "ofruesi i shërbimit
    // … e vlerëson" (000:904-906) are evidence; S4.1's guidance only says who may see the
    // file (000:766-769, a permission: session 40 credits no one), S4.6's binds the
    // professional and the director (000:916-919).
    assert!(credited("S4.1").is_empty(), "{:?}", credited("S4.1"));
    assert_eq!(credited("S4.6"), ["stafi", "drejtuesi-i-qendres"]);
    // S4.4: the guidance binds the provider ("Ofruesi i shërbimit kujdeset që jo çdokush të
    // ketë akses", 000:868-869) beside the staff of the criterion.
    assert_eq!(credited("S4.4"), ["ofruesi-i-sherbimit", "stafi"]);
    // S10.1: the structure "që ka për detyrë të kryejë monitorimin" (000:1894-1896).
    assert_eq!(
        credited("S10.1"),
        ["ofruesi-i-sherbimit", "personi-i-ngarkuar-per-monitorimin"]
    );
}

#[test]
fn a_role_left_with_no_place_still_has_a_sensible_page() {
    // The multidisciplinary team is no criterion's actor now: its page says it has no
    // actions, links no quiz, and the roles page counts 0 places for it.
    let team = site_page("roli/ekipi-multidisiplinar.html");
    assert!(
        !team.contains("id=\"card-"),
        "the team's card lists an action"
    );
    assert!(
        !team.contains("roli-ekipi-multidisiplinar.html"),
        "a quiz link"
    );
    let roles = site_page("rolet.html");
    let item = roles
        .split("<li>")
        .find(|li| li.contains("roli/ekipi-multidisiplinar.html"))
        .expect("the team is on the roles page");
    assert!(item.contains("muted\">0 "), "{item}");
}
