//! Which step questions are asked at all, and whose part of a step a "who?" asks (review
//! 45: ).

use super::{Answer, Ask, Handbook, Question, Step, acts_in, passages, same_person, sometimes};

/// Whether a question of `step` with these correct answers is worth asking:
/// - no "who?" whose every correct answer is a person in the source's words ("Komisioni
///   thirret në mbledhje nga kryetari", 001:902): no role, and no wrong answer of that form
///   to set beside it (a person of one step is no distractor elsewhere), so the lowercase
///   words gave the answer away (Q-11); nor a group named in a step's title ("Punonjës të
///   institucioneve të bashkisë, …", 002:622-624), of which a role offered as wrong may
///   be a member (the social worker is a municipal worker);
/// - no role's "which form?" that holds out a form of the step unless the sentence of each
///   of its own forms stands in the step's words, to quote it with its condition ("Nëse ka
///   nevojë për referim të brendshëm …, Formulari 5 i MR plotësohet nga Shefi i
///   Shërbimit", 003:2362-2363), never the step's title alone (Q-10).
pub fn worth_asking(step: &Step, ask: Ask, role: Option<&str>, correct: &[Answer]) -> bool {
    match ask {
        Ask::Who => !correct.iter().all(|a| matches!(a, Answer::Person(_))),
        Ask::Form if role.is_some() && holds_out(step, correct) => correct.iter().all(|a| {
            matches!(a, Answer::Form(f) if step.form_links.iter().any(|l| {
                &l.form == f
                    && l.named
                    && l.words
                        .as_deref()
                        .is_some_and(|w| passages::normative_sentence(&step.text, w).is_some())
            }))
        }),
        _ => true,
    }
}

/// Whether the forms `correct` leave out the step's main form: the first its own words
/// name (MR4 of Kosovo step 4, not the Chief's conditional MR5, which the case manager's
/// own question may leave out and still quote the step).
pub fn holds_out(step: &Step, correct: &[Answer]) -> bool {
    step.form_links.iter().find(|l| l.named).is_some_and(|l| {
        !correct
            .iter()
            .any(|a| matches!(a, Answer::Form(f) if *f == l.form))
    })
}

/// Whether `q`, a "which form?" of `step`, is a role's own that holds out a form of the
/// step: its stem quotes the role's own sentences (`worth_asking`).
pub fn own_forms_only(step: &Step, q: &Question) -> bool {
    q.ask == Ask::Form && q.for_role.is_some() && {
        let correct: Vec<Answer> = q
            .choices
            .iter()
            .filter(|c| c.correct)
            .map(|c| c.answer.clone())
            .collect();
        holds_out(step, &correct)
    }
}

/// Whether `q`, a "who?" of `step`, asks only a part of a step with several actors: an
/// actor of the step is no answer, named there only as a counterpart ("MR organizon takim
/// me TMR", 003:2406-2407). Its stem then says that the quoted sentence is asked, not the
/// whole step.
/// An actor the stem names under the title of another correct answer (`named_for`) is no
/// part left out: the sentence is asked whole.
pub fn part_of_step(hb: &Handbook, step: &Step, q: &Question) -> bool {
    let correct: Vec<&str> = q
        .choices
        .iter()
        .filter(|c| c.correct)
        .filter_map(|c| match &c.answer {
            Answer::Role(r) => Some(r.as_str()),
            _ => None,
        })
        .collect();
    q.ask == Ask::Who
        && step.actors.len() > 1
        && step
            .actors
            .iter()
            .any(|a| !correct.contains(&a.as_str()) && !named_for(hb, a, &who_text(step), &correct))
}

/// The words a "who?" of `step` asks: its title and its normative words.
pub fn who_text(step: &Step) -> String {
    format!(
        "{}\n\n{}",
        step.title.as_deref().unwrap_or_default(),
        crate::markdown::normative(&step.text)
    )
}

/// Whether `role`, an actor of a step whose words are `text`, is not named there (by a
/// title, another printed name or an abbreviation, whole: `named_whole`) while
/// another of the `correct` roles, the same person or one the source says it may be
/// (`Role::same_as`, `Role::may_be`, either way), is named acting there: "punonjësi social
/// ose menaxheri i rastit" (001:1415) names the case manager, whom the content credits to
/// the adult's case worker too (`punonjesi-i-rastit`, 001:1115). The stem does not name
/// that worker, so it is no required answer to it, and, being the same person as a named
/// answer, no wrong one either (adversary 46, Q-5).
pub fn named_for(hb: &Handbook, role: &str, text: &str, correct: &[&str]) -> bool {
    // Not named by a whole name: `acts_in` takes a name's first word alone too, and
    // "punonjësi social" begins as "Punonjësi i rastit" does.
    if super::named_whole(hb, role, text) {
        return false;
    }
    let mut same: Vec<&str> = std::iter::once(role).chain(same_person(hb, role)).collect();
    for at in same.clone() {
        for s in sometimes(hb, at) {
            same.push(s);
            same.extend(same_person(hb, s));
        }
    }
    correct
        .iter()
        .any(|o| *o != role && same.contains(o) && acts_in(hb, o, text) == Some(true))
}
