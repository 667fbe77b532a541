//! A correct group beside its correct members (the NJMF with its PMF): the group, or its
//! members, answers for both; the page's script scores so, and the feedback says so
//! (review 42, Q9).

use super::{Answer, ChoiceView, Cx, quiz};

/// For each correct choice of `question`, the indices of the correct choices that are its
/// nearest members: members of it (`quiz::members_of`) that are no member of another of
/// them. The NJMF with its PMF ("NJMF/PMF-të kryejnë …", 001): either answers. A member
/// that `source` (the feedback's quote) names in a sentence of its own, one that does not
/// name the group, has an act of its own there ("… sigurohet nga Supervizori i stafit",
/// 000:1302-1310, beside the provider's own training, adversary 48 M-3): its box is
/// required, never answered by the group's.
pub(super) fn group_members(cx: &Cx, question: &quiz::Question, source: &str) -> Vec<Vec<usize>> {
    // The roles each sentence of the quote names (its passages stand apart, " … " between
    // them), found once, and only for a question with a group among its answers.
    let named = std::cell::OnceCell::new();
    let on_its_own = |member: &str, group: &str| {
        named
            .get_or_init(|| {
                source
                    .split(" … ")
                    .flat_map(crate::text::sentences)
                    .map(|s| quiz::names(cx.hb, s))
                    .collect::<Vec<_>>()
            })
            .iter()
            .any(|n| n.contains(member) && !n.contains(group))
    };
    let role = |j: usize| match &question.choices[j].answer {
        Answer::Role(id) if question.choices[j].correct => Some(id.as_str()),
        _ => None,
    };
    let n = question.choices.len();
    let below: Vec<std::collections::BTreeSet<String>> = (0..n)
        .map(|j| {
            role(j)
                .map(|id| quiz::members_of(cx.hb, id))
                .unwrap_or_default()
        })
        .collect();
    (0..n)
        .map(|g| {
            let inside = |j: usize, of: usize| {
                role(j).is_some_and(|id| {
                    below[of].contains(id) && !role(of).is_some_and(|g| on_its_own(id, g))
                })
            };
            (0..n)
                .filter(|&j| j != g && inside(j, g))
                .filter(|&j| !(0..n).any(|d| d != g && d != j && inside(d, g) && inside(j, d)))
                .collect()
        })
        .collect()
}

/// What the feedback says of a correct group and its correct members: "C is part of A:
/// either is enough" (`quiz_answer_group`), one sentence a group; empty where none.
pub(super) fn group_note(cx: &Cx, choices: &[ChoiceView], members: &[Vec<usize>]) -> String {
    members
        .iter()
        .enumerate()
        .filter(|(_, m)| !m.is_empty())
        .map(|(g, m)| {
            let letters: Vec<&str> = m.iter().map(|&j| choices[j].letter.as_str()).collect();
            let key = match m.len() {
                1 => "quiz_answer_group_one",
                _ => "quiz_answer_group",
            };
            crate::theme::say(
                cx.ui,
                key,
                &[
                    ("group", &choices[g].letter),
                    (
                        "members",
                        &letters.join(crate::theme::say(cx.ui, "list_separator", &[]).as_str()),
                    ),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}
