//! Review 43 H2, H4: a form is the role's where the source gives it to the role, not to every
//! actor of its step; a job description counted under a role that acts points to that role.

use crate::common::{plain, site_page};

/// The forms a role's card gives a step: the codes in its "Formulari" cell.
fn card_forms(role: &str, step: &str) -> String {
    let page = site_page(&format!("roli/{role}.html"));
    let row = page
        .split(&format!("id=\"card-{step}\""))
        .nth(1)
        .and_then(|r| r.split("</tr>").next())
        .unwrap_or_else(|| panic!("{role}'s card has no {step}"));
    plain(row.split("class=\"c-form\"").nth(1).unwrap_or(""))
}

/// The codes a role's quiz marks correct in its "which form?" of `step`.
fn quiz_forms(role: &str, step: &str) -> Vec<String> {
    let page = site_page(&format!("trajnim/kuizi/roli-{role}.html"));
    page.split("data-question=\"")
        .skip(1)
        .filter(|q| {
            let id = q.split('"').next().unwrap();
            id.starts_with(&format!("{step}.")) && id.ends_with(".form")
        })
        .flat_map(|q| {
            let q = q.split("</fieldset>").next().unwrap();
            q.split("<label")
                .filter(|l| l.contains("data-correct=\"true\""))
                .map(|l| {
                    let text = plain(&format!("<label{l}"));
                    // "C . B2 — …": the choice's letter off.
                    let t = text.trim();
                    t.split_once(". ").map_or(t, |(_, c)| c).to_string()
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn a_role_s_card_and_quiz_give_it_only_the_forms_the_source_gives_it() {
    // 001:718-720: the child's formal interview by the police and the PMF (B1), the adult's
    // by the police and the State Social Service (B2).
    assert_eq!(card_forms("shssh", "identifikimi-formal.6"), "B2");
    assert_eq!(
        card_forms("punonjes-mbrojtje-femije", "identifikimi-formal.6"),
        "B1"
    );
    assert_eq!(card_forms("policia", "identifikimi-formal.6"), "B1 B2");
    for (role, mine, other) in [
        ("shssh", "B2", "B1"),
        ("punonjes-mbrojtje-femije", "B1", "B2"),
    ] {
        let correct = quiz_forms(role, "identifikimi-formal.6");
        assert!(
            correct.iter().any(|c| c.starts_with(mine)),
            "{role}: {correct:?}"
        );
        assert!(
            !correct.iter().any(|c| c.starts_with(other)),
            "{role}: {correct:?}"
        );
    }
    // 003:2364-2365 "Formulari 5 i MR plotësohet nga Shefi i Shërbimit"; 003:2354 the plan
    // (MR4) signed "nga MR"; 003:2410-2411 "Të gjitha aktivitetet e ndërmarra nga MR …
    // Formularin 6": the TMR and the QPS fill none of them.
    assert_eq!(
        card_forms("shefi-i-sherbimit", "menaxhimi-i-rastit.4"),
        "MR5 (E-5)"
    );
    assert_eq!(
        card_forms("menaxheri-i-rastit-kosove", "menaxhimi-i-rastit.4"),
        "MR4 (E-4)"
    );
    for step in ["menaxhimi-i-rastit.4", "menaxhimi-i-rastit.5"] {
        assert_eq!(card_forms("tryeza-multidisiplinare", step), "", "{step}");
        assert!(
            quiz_forms("tryeza-multidisiplinare", step).is_empty(),
            "{step}"
        );
    }
    // The QPS is no actor of step 4 since review 44 L-1 (its card does not list it).
    assert!(
        !site_page("roli/qendra-per-pune-sociale.html")
            .contains("id=\"card-menaxhimi-i-rastit.4\"")
    );
    // Support to the investigation, step 1 "Pas çdo interviste të kryer …" (001:1339-1340),
    // names no format: neither card gives it one (session 44; this test had pinned the
    // `tied:` links from the phase's documentation list, A3 A4 on the A/IPIF's card and
    // B1 B2 on the G/SPIF's).
    assert_eq!(card_forms("g-spif", "mbeshtetja-hetimit.1"), "");
    assert_eq!(card_forms("a-ipif", "mbeshtetja-hetimit.1"), "");
    // The procedure's page still gives the step every form.
    let page = plain(&site_page("procedura/identifikimi-formal.html"));
    assert!(page.contains("B1") && page.contains("B2"));
}

#[test]
fn a_job_description_counted_under_an_acting_role_points_to_its_card() {
    // 001:695-697: the PMF of formal identification is the child-protection worker "në
    // bashki/njësi administrative përkatëse", the posts of 002's annexes 2 and 3.
    for job in ["pmf-bashki", "pmf-nja"] {
        let page = site_page(&format!("roli/{job}.html"));
        let member = page
            .split("class=\"role-member-of\"")
            .nth(1)
            .and_then(|r| r.split("</p>").next())
            .unwrap_or_else(|| panic!("{job} names no role it is counted under"));
        assert!(
            member.contains("roli/punonjes-mbrojtje-femije.html"),
            "{member}"
        );
        let text = plain(&page);
        assert!(
            !text.contains("Ky rol nuk vepron në asnjë hap apo kriter"),
            "{job}"
        );
        assert!(text.contains("Karta e rolit"), "{job}");
    }
}
