//! Issue 25, the adversarial review of main 248b4b9 (review 45): the provider's own posts are
//! its staff, the Kosovo professionals hold whom 003 says, a catch-all list leaves no honest
//! wrong answer, a described agreement is no duty, each role's deadlines as the source binds.

use crate::common::{plain, site_page};
use crate::quizzes::questions;

fn card_row(role: &str, id: &str) -> Option<String> {
    let page = site_page(&format!("roli/{role}.html"));
    let row = page.split(&format!("id=\"card-{id}\"")).nth(1)?;
    Some(plain(row.split("</tr>").next().unwrap_or(row)))
}

#[test]
fn the_providers_own_posts_are_no_wrong_answer_where_its_staff_or_it_acts() {
    // M-6: 000:1902-1904 the monitoring person is in the provider's organogram, which sets
    // "pozicionet e stafit" (000:990-993); 000:1302-1304 the staff supervisor; 000:285-288
    // the team the provider organises.
    let posts = [
        "Personi i ngarkuar për monitorimin dhe vlerësimin",
        "Supervizori i stafit",
        "Ekipi multidisiplinar",
    ];
    let mut bad = Vec::new();
    for q in questions() {
        if q.correct
            .iter()
            .any(|c| c == "Stafi" || c == "Ofruesi i shërbimit")
        {
            for w in &q.wrong {
                if posts.contains(&w.as_str()) {
                    bad.push(format!("{} {}: {w}", q.page, q.id));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
    for post in ["supervizori-i-stafit", "personi-i-ngarkuar-per-monitorimin"] {
        let card = site_page(&format!("roli/{post}.html"));
        let of = card.split("class=\"role-member-of\"").nth(1).unwrap_or("");
        assert!(
            of.split("</p>").next().unwrap().contains("stafi.html"),
            "{post}"
        );
    }
}

#[test]
fn kosovos_professionals_are_no_wrong_answer_where_one_of_them_acts() {
    // 003:179-185, 1953-1956: the professionals include the case manager, the QPS's
    // social workers, the police; the TMR is "grup profesionistësh" (003:191-193).
    let mut bad = Vec::new();
    for q in questions()
        .iter()
        .filter(|q| q.id.starts_with("menaxhimi-i-rastit."))
    {
        for w in &q.wrong {
            if w.starts_with("Profesionistët për mbrojtjen e fëmijëve") {
                bad.push(format!("{} {}: {:?}", q.page, q.id, q.correct));
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn where_a_catch_all_group_acts_no_body_is_a_wrong_answer() {
    // Q-14: the agencies' lists end "agjenci të tjera shtetërore dhe joshtetërore me
    // veprimtari në fushën e mbrojtjes së viktimave të trafikimit" (001:453-454, 949-951):
    // the ASHDMF, acting in victim protection through its APAP (001:977-978, 1075), is one;
    // so it is no wrong answer where such a group acts.
    let groups = [
        "Agjencitë/institucionet përgjegjëse për identifikim fillestar",
        "Agjencitë/institucionet përgjegjëse për mbrojtjen",
    ];
    let mut asked = 0;
    let mut bad = Vec::new();
    for q in questions() {
        if q.correct.iter().any(|c| groups.contains(&c.as_str())) {
            asked += 1;
            if q.wrong
                .iter()
                .any(|w| w.starts_with("Agjencia Shtetërore për të Drejtat"))
            {
                bad.push(format!("{} {}: {:?}", q.page, q.id, q.wrong));
            }
        }
    }
    assert!(asked > 0, "no question answered by the agencies");
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn the_case_workers_sometimes_holds_both_halves_of_its_definition() {
    // M-5: 001:263-266 "… është punonjësi i mbrojtjes së fëmijëve … ose punonjësi social i
    // qendrës pritëse apo rehabilituese …, në moshë madhore".
    let page = site_page("roli/punonjesi-i-rastit.html");
    let line = page
        .split("class=\"role-may-be\"")
        .nth(1)
        .and_then(|l| l.split("</p>").next())
        .expect("a sometimes line");
    assert!(line.contains("punonjes-mbrojtje-femije.html"), "{line}");
    assert!(line.contains("punonjesi-social-i-qendres.html"), "{line}");
    // Her own card defines her by the definitions, not by step 36's duty.
    let own = plain(&site_page("roli/punonjesi-social-i-qendres.html"));
    assert!(own.contains("në moshë madhore"), "{own}");
    assert!(
        !own.contains("Përkufizimi Një punonjës social ose psikolog"),
        "{own}"
    );
}

#[test]
fn the_monitoring_structure_has_its_monthly_monitoring() {
    // L-6: 000:1894-1897 the structure "ka për detyrë të kryejë monitorimin dhe vlerësimin e
    // brendshëm"; 000:1915-1917 "të paktën një herë në muaj".
    let row = card_row("personi-i-ngarkuar-per-monitorimin", "S10.3").expect("S10.3 on its card");
    assert!(row.contains("1 herë në muaj"), "{row}");
}

#[test]
fn an_adults_long_term_plan_has_the_adults_case_manager() {
    // L-8: "Punonjësi social ose menaxheri i rastit harton një plan individual të
    // riintegrimit për VT dhe VMT" (001:1380); for an adult the case manager is the one the
    // director appoints (001:1115), not the child-protection worker.
    for step in ["1", "4", "11", "12"] {
        assert!(
            card_row(
                "punonjesi-i-rastit",
                &format!("riintegrimi-afatgjate.{step}")
            )
            .is_some(),
            "step {step}"
        );
    }
    assert!(
        card_row("punonjesi-i-rastit", "riintegrimi-afatgjate.4")
            .unwrap()
            .contains("1 herë në muaj")
    );
}
