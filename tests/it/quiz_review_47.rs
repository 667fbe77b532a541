//! Read-47b, the quizzes: a list item's deadline quoted after its lead-in (M-2), a "which
//! form?" that quotes the words naming its form (M-4).

use crate::quiz_feedback::feedbacks;
use crate::quizzes::{Q, questions};

fn on(page: &str, id: &str) -> Option<Q> {
    questions()
        .into_iter()
        .find(|q| q.page == page && q.id == id)
}

#[test]
fn a_list_items_deadline_is_quoted_after_the_lead_in_that_names_its_actor() {
    // 003:2469 "Si pjesë e punës përgatitore për takimin e vlerësimit, MR pritet që të:",
    // 003:2478 "- Dërgojë ftesën për takimin e TMR 14 ditë para datës së takimit".
    let lead =
        "Si pjesë e punës përgatitore për takimin e vlerësimit, MR pritet që të: Dërgojë ftesën";
    let page = "menaxhimi-i-rastit.html";
    let id = "menaxhimi-i-rastit.6.when";
    let q = on(page, id).unwrap_or_else(|| panic!("{id} is not on {page}"));
    assert!(q.quote().contains(lead), "{}", q.stem);
    let fb = feedbacks();
    let source = &fb[&(page.to_string(), id.to_string())];
    assert!(
        source.contains(&format!(
            "{lead} për takimin e TMR 14 ditë para datës së takimit"
        )),
        "{source}"
    );
}
