//! Whether a "who?"'s feedback proves its answer: for every correct choice, the quote names
//! it, the same person by another title, or a correct group it belongs to (or a correct
//! member of it, the group note saying either is enough) (read-47b, M-5).

use super::{Answer, Cx, quiz};

/// Whether `source` (the feedback's quote) names every correct choice of `question`, a
/// "who?" of a step; any other question is proved by its own rules.
pub(super) fn proves(cx: &Cx, question: &quiz::Question, source: &str) -> bool {
    if question.ask != quiz::Ask::Who || question.place != quiz::Place::Step {
        return true;
    }
    let named = quiz::names(cx.hb, source);
    let named_role =
        |id: &str| named.contains(id) || quiz::same_person(cx.hb, id).any(|p| named.contains(p));
    let members = super::group_members(cx, question, source);
    let role = |j: usize| match &question.choices[j].answer {
        Answer::Role(id) => Some(id.as_str()),
        _ => None,
    };
    let in_group = |j: usize| -> Vec<usize> {
        // The groups `j` is a member of and its own members: either answers for it.
        let mut with: Vec<usize> = members[j].clone();
        with.extend((0..members.len()).filter(|&g| members[g].contains(&j)));
        with
    };
    question
        .choices
        .iter()
        .enumerate()
        .filter(|(_, c)| c.correct)
        .all(|(j, c)| match &c.answer {
            Answer::Role(id) => {
                named_role(id)
                    || in_group(j)
                        .into_iter()
                        .any(|k| role(k).is_some_and(named_role))
            }
            Answer::Person(words) => source.contains(words.as_str()),
            _ => true,
        })
}
