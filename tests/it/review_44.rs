//! Issue 25, the adversarial review of main d1c125c (review 44): who acts where the source
//! says, each role with its own deadlines and forms, and no wrong answer from another
//! jurisdiction.

use crate::common::{plain, site_page};
use crate::quizzes::questions;

/// A role's card row for a step or criterion (`card-{id}`), as text; none where the card
/// does not list it.
fn card_row(role: &str, id: &str) -> Option<String> {
    let page = site_page(&format!("roli/{role}.html"));
    let row = page.split(&format!("id=\"card-{id}\"")).nth(1)?;
    Some(plain(row.split("</tr>").next().unwrap_or(row)))
}

#[test]
fn the_group_that_interviews_has_its_interviews_limits_and_forms() {
    // H: review 44 M-3. 001:693-699: the G/SPIF interviews, as the police and the PMF for a
    // child, the police and the State Social Service for an adult; 001:778-779 the limits.
    let row = card_row("g-spif", "identifikimi-formal.6").expect("G/SPIF's card lists step 6");
    for words in ["maksimumi 60 minuta", "maksimumi 90 minuta", "B1", "B2"] {
        assert!(row.contains(words), "G/SPIF's step 6 lacks {words}: {row}");
    }
    // Each member still has only its own interview.
    let pmf = card_row("punonjes-mbrojtje-femije", "identifikimi-formal.6").unwrap();
    assert!(
        pmf.contains("60 minuta") && !pmf.contains("90 minuta"),
        "{pmf}"
    );
    let shssh = card_row("shssh", "identifikimi-formal.6").unwrap();
    assert!(
        shssh.contains("90 minuta") && !shssh.contains("60 minuta"),
        "{shssh}"
    );
}

#[test]
fn the_child_protection_unit_acts_in_its_notice_to_the_apap() {
    // Review 44 M-1: "NJMF-ja mund të njoftojnë APAP-in e ASHMDF-në" (001:977-978) is the
    // notice the APAP's forwarding follows (001:979).
    assert!(card_row("njmf", "referimi-mbrojtja-asistenca.8").is_some());
}

#[test]
fn the_social_work_centre_is_no_actor_of_the_service_plan() {
    // Review 44 L-1: in Kosovo step 4 the QPS only holds the services an internal referral
    // goes to (003:2364); its responsibility for the TMR is footnote 24's note.
    assert!(card_row("qendra-per-pune-sociale", "menaxhimi-i-rastit.4").is_none());
    let step = site_page("procedura/menaxhimi-i-rastit.html");
    let four = step
        .split("id=\"menaxhimi-i-rastit.4\"")
        .nth(1)
        .and_then(|r| r.split("id=\"menaxhimi-i-rastit.5\"").next())
        .unwrap();
    assert!(!four.contains("roli/qendra-per-pune-sociale.html"));
}

#[test]
fn a_post_counted_under_a_role_is_not_said_to_be_named_nowhere() {
    // Review 44 M-4: 002:622-645 and 760-762 name the social administrator; the card may
    // say it does not act by itself, never that no step names it.
    let page = plain(&site_page("roli/administrator-shoqeror.html"));
    assert!(!page.contains("nuk emërtohet"), "{page}");
    assert!(page.contains("nuk vepron vetë"), "{page}");
}

/// Whether a choice is a role or form of the Kosovo guide (003): its roles carry
/// "(Kosovë)", its forms the code "MR…".
fn of_kosovo(choice: &str) -> bool {
    choice.contains("(Kosovë)")
        || choice
            .strip_prefix("MR")
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
}

#[test]
fn no_wrong_answer_comes_from_another_jurisdiction_than_its_question() {
    // Review 44 Q-5: a Kosovo body or form is no honest wrong answer to an Albanian step
    // (the labels gave whole answers away), nor an Albanian body to a Kosovo step.
    let mut bad = Vec::new();
    let mut kosovo_roles_or_forms = 0;
    for q in questions() {
        let place = q.id.split('.').next().unwrap();
        let in_kosovo = place == "menaxhimi-i-rastit";
        let asks_roles_or_forms = q.id.ends_with(".who") || q.id.ends_with(".form");
        for w in &q.wrong {
            let kosovo = of_kosovo(w);
            kosovo_roles_or_forms += usize::from(in_kosovo && kosovo);
            if (kosovo && !in_kosovo) || (in_kosovo && asks_roles_or_forms && !kosovo) {
                bad.push(format!("{}: {} offers {w}", q.page, q.id));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{} wrong answers:\n{}",
        bad.len(),
        bad.join("\n")
    );
    // The Kosovo questions still have their own wrong answers.
    assert!(kosovo_roles_or_forms >= 10, "{kosovo_roles_or_forms}");
}
