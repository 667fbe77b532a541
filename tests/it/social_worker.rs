//! Session 42 (review P1): the NJVNR's social worker of the administrative unit is one
//! person, whether the guide names her role (002 Seksioni I, 2) or her job description
//! (002 Shtojcë 1); the shelter's own social worker (000, the standards) is never she.

use crate::common::site_page;

/// Whether a role's page credits a step or criterion (its card).
fn credits(role: &str, id: &str) -> bool {
    site_page(&format!("roli/{role}.html")).contains(&format!("id=\"card-{id}\""))
}

#[test]
fn the_njvnr_social_worker_is_one_person_with_all_her_steps() {
    // 21–23 name her "punonjësi social" (002:474 "punonjësi social i NJVNR"): the role is
    // credited; the job description stays, linked to it. (Reintegration's "Punonjësi social"
    // (001:1380) is named with no employer: not she, review 47a M-3.)
    for st in ["informimi.1.1", "referimi.2.1", "menaxhimi-i-rastit-nja.4"] {
        assert!(credits("punonjes-social", st), "{st}");
        assert!(!credits("punonjes-social-nja", st), "{st}");
    }
    let job = site_page("roli/punonjes-social-nja.html");
    assert!(
        job.contains("class=\"role-same-as\""),
        "the job page links the role"
    );
    assert!(job.contains("punonjes-social.html\""));
    let role = site_page("roli/punonjes-social.html");
    assert!(
        role.contains("punonjes-social-nja.html\""),
        "the role page links the job"
    );
    // Her one quiz asks about her referral and case management (before: two quizzes, of 5
    // and 3 questions), not reintegration (review 47a M-3).
    let quiz = site_page("trajnim/kuizi/roli-punonjes-social.html");
    for p in ["referimi.", "menaxhimi-i-rastit-nja."] {
        assert!(quiz.contains(&format!("data-question=\"{p}")), "{p}");
    }
    assert!(!quiz.contains("data-question=\"riintegrimi-afatgjate."));
}

#[test]
fn the_shelters_social_worker_is_never_the_municipal_one() {
    // Issue 25 found S2, S4.1 and S9.4 crediting the municipal social worker; S4.1's file may
    // be seen "vetëm nga përfituesi dhe punonjësi social ose drejtuesi i shërbimit"
    // (000:766-769), the shelter's.
    for role in ["punonjes-social", "punonjes-social-nja"] {
        let page = site_page(&format!("roli/{role}.html"));
        assert!(
            !page.contains("id=\"card-S"),
            "{role} is credited with a criterion"
        );
        assert!(
            !page.contains("punonjesi-social-pergjegjes.html\""),
            "{role}"
        );
    }
    let own = site_page("roli/punonjesi-social-pergjegjes.html");
    assert!(
        !own.contains("class=\"role-same-as\""),
        "the shelter's worker is linked"
    );
    assert!(!own.contains("punonjes-social.html\""));
    assert!(!own.contains("punonjes-social-nja.html\""));
    for c in ["S2.3", "S9.4"] {
        assert!(credits("punonjesi-social-pergjegjes", c), "{c}");
    }
}
