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
    for id in [
        "S1.6", "S2.2", "S3.3", "S4.1", "S4.3", "S4.6", "S4.7", "S5.4", "S5.6", "S7.4", "S7.6",
        "S7.8", "S8.1", "S9.3", "S10.1",
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
    // the professional informs the director (000:916-917).
    for id in ["S4.3", "S4.6", "S1.4", "S3.3"] {
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
    // S7.5: "menaxherët e qendrës" are trained (000:1474-1475); S1.4: "cilët janë
    // drejtuesit e shërbimit" is what a leaflet says (000:120-121).
    assert!(!credits("drejtuesi-i-qendres", "S7.5"));
    assert!(!credits("drejtuesi-i-qendres", "S1.4"));
    // The director acts where the source says so (000:916-919, 923).
    assert!(credits("drejtuesi-i-qendres", "S4.6"));
    assert!(credits("drejtuesi-i-qendres", "S4.7"));
}

#[test]
fn the_procedures_name_whom_their_sentences_bind() {
    // Referral 54: the police's APAP is notified (001:1144); the SHSSH's APAP acts.
    assert!(
        !site_page("roli/policia.html").contains("id=\"through-referimi-mbrojtja-asistenca.54\"")
    );
    assert!(credits("apap", "referimi-mbrojtja-asistenca.54"));
    // Return 5 and 13: "bashkë me qendrën …", "Qendra … siguron shoqëruesin" (001:1247, 1271).
    for st in ["kthimi-vullnetar.5", "kthimi-vullnetar.13"] {
        assert!(credits("ofruesi-i-sherbimit", st), "{st}");
        assert!(!credits("stafi", st), "{st}");
    }
    assert!(credits("menaxheri-i-rastit", "kthimi-vullnetar.5"));
    // NJA 4: "detyrën për zbatimin e planit individual … e ka ofruesi i shërbimit" (002:781-782).
    assert!(credits("ofruesi-i-sherbimit", "menaxhimi-i-rastit-nja.4"));
    assert!(credits("punonjes-social-nja", "menaxhimi-i-rastit-nja.4"));
}
