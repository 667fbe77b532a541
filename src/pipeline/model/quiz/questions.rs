//! A step's questions: the answers of each kind it gives, the distractor pools across
//! procedures, and the question as a procedure's quiz or a role's asks it.

use std::collections::BTreeSet;

use super::*;

/// The answers of one kind a step gives (each once).
fn answers(step: &Step, ask: Ask) -> Vec<Answer> {
    let all: Vec<Answer> = match ask {
        Ask::Who => step
            .persons
            .iter()
            .cloned()
            .map(Answer::Person)
            .chain(step.actors.iter().cloned().map(Answer::Role))
            .collect(),
        // Only a link whose words stand in the step's own text and name the form: a
        // learner cannot learn from the step a form only the annex ties to it.
        Ask::Form => step
            .form_links
            .iter()
            .filter(|l| l.named)
            .map(|l| Answer::Form(l.form.clone()))
            .collect(),
        // Words that set no time limit are no answer to "by when?".
        Ask::When => step
            .timing
            .iter()
            .filter(|t| limits(t))
            .cloned()
            .map(|t| Answer::Timing(Box::new(t)))
            .collect(),
    };
    let mut seen = BTreeSet::new();
    all.into_iter().filter(|a| seen.insert(a.key())).collect()
}

/// The deadlines of `step` that bind `role` (each answer once).
fn answers_binding(step: &Step, role: &str, ask: Ask) -> Vec<Answer> {
    let mut seen = BTreeSet::new();
    let all: Vec<Answer> = match ask {
        Ask::Form => step
            .form_links
            .iter()
            .filter(|l| l.named && l.binds(role, &step.actors))
            .map(|l| Answer::Form(l.form.clone()))
            .collect(),
        _ => step
            .timing
            .iter()
            .filter(|t| limits(t) && t.binds(role, &step.actors))
            .map(|t| Answer::Timing(Box::new(t.clone())))
            .collect(),
    };
    all.into_iter().filter(|a| seen.insert(a.key())).collect()
}

/// The distinct answers of one kind across some procedures, in their order.
pub(super) fn pool<'a>(procedures: impl Iterator<Item = &'a Procedure>, ask: Ask) -> Vec<Answer> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for p in procedures {
        for st in &p.steps {
            // A person named in one step's words is no distractor elsewhere.
            for a in answers(st, ask)
                .into_iter()
                .filter(|a| !matches!(a, Answer::Person(_)))
            {
                if seen.insert(a.key()) {
                    out.push(a);
                }
            }
        }
    }
    out
}

/// How many distractors a question gets.
pub const DISTRACTORS: usize = 3;

/// The question of kind `ask` about `step` of `p`, or none where the step gives no answer.
pub fn question(hb: &Handbook, p: &Procedure, step: &Step, ask: Ask) -> Option<Question> {
    question_as(hb, p, step, ask, None)
}

/// The "by when?" of `step` as `role`'s quiz asks it: only the deadlines that bind the role
/// are correct, and the step's other deadlines (another actor's) are no choice at all, right
/// or wrong (review 41, Q8: the NJMF is not told the NJVNR's week). Its id names the role
/// (`{step}.{role}.when`). None where no deadline of the step binds the role.
pub fn role_when(hb: &Handbook, p: &Procedure, step: &Step, role: &str) -> Option<Question> {
    question_as(hb, p, step, Ask::When, Some(role))
}

/// The "by when?" or "which form?" of `step` as `role`'s quiz asks it (`role_when`; for a
/// form, only those the role uses where the source splits them, 001:718-720).
pub fn role_variant(
    hb: &Handbook,
    p: &Procedure,
    step: &Step,
    role: &str,
    ask: Ask,
) -> Option<Question> {
    question_as(hb, p, step, ask, Some(role))
}

/// Whether `q`, a "by when?" of a place whose actors are `owner`, has a correct answer
/// that does not bind `role`.
pub fn asks_others(q: &Question, role: &str, owner: &[String]) -> bool {
    q.ask == Ask::When
        && q.choices
            .iter()
            .any(|c| c.correct && matches!(&c.answer, Answer::Timing(t) if !t.binds(role, owner)))
}

/// Whether `q`, a "by when?" or "which form?" of `step`, has a correct answer that does
/// not bind `role` (a form another of the step's actors uses, 001:718-720).
pub fn asks_others_at(q: &Question, step: &Step, role: &str) -> bool {
    asks_others(q, role, &step.actors)
        || q.ask == Ask::Form
            && q.choices.iter().any(|c| {
                c.correct
                    && matches!(&c.answer, Answer::Form(f) if step
                        .form_links
                        .iter()
                        .any(|l| &l.form == f && !l.binds(role, &step.actors)))
            })
}

/// The id of `role`'s own variant of the question `{place}.{ask}` (`role_when`).
pub fn role_question_id(place: &str, role: &str, ask: Ask) -> String {
    format!("{place}.{role}.{}", ask.name())
}

fn question_as(
    hb: &Handbook,
    p: &Procedure,
    step: &Step,
    ask: Ask,
    role: Option<&str>,
) -> Option<Question> {
    let mut correct = match role {
        Some(role) => answers_binding(step, role, ask),
        None => answers(step, ask),
    };
    let mut unnamed: Vec<Answer> = Vec::new();
    if ask == Ask::Who {
        // Only the one who acts: a role the step's words name only as an object or a
        // counterpart ("mbledhjen e AP-së", "bashkëpunon me NJMF-në") is no answer, unless
        // the lead-in of its list names it acting ("ngrihet Njësia …, e cila … duhet të
        // ketë këto detyra:" over a duty that names "njësinë administrative").
        let text = who_text(step);
        let lead_in = step.group.as_deref().unwrap_or_default();
        correct.retain(|a| match a {
            Answer::Role(id) => {
                acts_in(hb, id, &text) != Some(false) || acts_in(hb, id, lead_in) == Some(true)
            }
            _ => true,
        });
        // A role the stem does not name, where another answer named acting there is the
        // same person or may be it, is no answer, right or wrong (`named_for`).
        let ids: Vec<String> = correct
            .iter()
            .filter_map(|a| match a {
                Answer::Role(id) => Some(id.clone()),
                _ => None,
            })
            .collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        unnamed = ids
            .iter()
            .filter(|id| named_for(hb, id, &text, &ids))
            .map(|id| Answer::Role(id.to_string()))
            .collect();
        let gone: BTreeSet<String> = unnamed.iter().map(Answer::key).collect();
        correct.retain(|a| !gone.contains(&a.key()));
    }
    if correct.is_empty() || !asked::worth_asking(step, ask, role, &correct) {
        return None;
    }
    // A "who?" whose only answers are groups the source defines as every institution it
    // names (A/IPM, "të gjitha institucionet e përmendura në këtë dokument") has no honest
    // wrong answer: every body of the document is one of them. Voluntary return 15 names a
    // class, "Autoritetet e përfshira në luftën kundër trafikimit" (001:1273), and the
    // responsible authority is one (001:214–218): not asked (review 44, Q-2).
    if ask == Ask::Who
        && correct.iter().all(|a| {
            matches!(a, Answer::Role(id) if hb.roles.iter().any(|r| &r.id == id && r.names_all))
        })
    {
        return None;
    }
    let id = match role {
        Some(role) => role_question_id(&step.id, role, ask),
        None => format!("{}.{}", step.id, ask.name()),
    };
    // Nearest first: this procedure, its collection, the handbook's places of the
    // procedure's jurisdiction; each level shuffled.
    let here = jurisdiction::of_procedure(hb, p);
    // (Each the same for every step of the procedure, of the collection: made once.)
    let memo = &hb.quiz_memo;
    let near = memo
        .procedure_pools
        .get_or((std::ptr::from_ref(p) as usize, ask), || {
            pool(std::iter::once(p), ask)
        });
    let collection = memo
        .collection_pools
        .get_or((p.collection.clone(), ask), || {
            pool(
                hb.procedures
                    .iter()
                    .filter(|q| q.collection == p.collection),
                ask,
            )
        });
    let far_own: Vec<Answer>;
    let far: &[Answer] = match ask {
        // Every role and form the handbook has, beyond those the steps name.
        Ask::Who => {
            far_own = hb
                .roles
                .iter()
                .map(|r| Answer::Role(r.id.clone()))
                .filter(|a| jurisdiction::holds(hb, a, here))
                .collect();
            &far_own
        }
        Ask::Form => {
            far_own = hb
                .forms
                .iter()
                .map(|f| Answer::Form(f.id.clone()))
                .filter(|a| jurisdiction::holds(hb, a, here))
                .collect();
            &far_own
        }
        // Every timing of the handbook, the standards' too: lengths of the answer's
        // order of magnitude are there (months against "24 muaj"). A timing names no
        // jurisdiction, and any other one is as wrong for the step. The same for every
        // step: made once.
        Ask::When => hb.when_pool.get_or_init(|| {
            let mut all = pool(hb.procedures.iter(), ask);
            all.extend(places::criteria_pool(
                hb.standards.iter().flat_map(|s| &s.criteria),
            ));
            all
        }),
    };
    let levels: [&[Answer]; 3] = [near.as_slice(), collection.as_slice(), far];
    let mut used: BTreeSet<String> = BTreeSet::new();
    // Another actor's deadline or form of the step is true of the step: never a wrong
    // answer.
    if role.is_some() {
        used.extend(answers(step, ask).iter().map(Answer::key));
    }
    used.extend(unnamed.iter().map(Answer::key));
    // The institution an actor acts for ("APAP-i i SHSSH-së") is no wrong answer to "who?".
    // Nor, where a group acts, one of the institutions its representatives act for (the AP
    // "përbëhet nga përfaqësues të ministrive", its `representatives` the APAP, read-47b
    // L-11: "Ministria e Arsimit" at formal 13).
    let representatives: BTreeSet<&str> = correct
        .iter()
        .filter_map(|a| match a {
            Answer::Role(id) => hb.roles.iter().find(|r| &r.id == id),
            _ => None,
        })
        .flat_map(|r| r.representatives.iter().map(String::as_str))
        .collect();
    if matches!(ask, Ask::Who) {
        let steps = hb.procedures.iter().flat_map(|p| &p.steps);
        let of = |s: &'_ Step| {
            s.acting_for
                .iter()
                .filter_map(|a| a.of.clone())
                .collect::<Vec<_>>()
        };
        let by_representative = |s: &'_ Step| {
            s.acting_for
                .iter()
                .filter(|a| representatives.contains(a.actor.as_str()))
                .filter_map(|a| a.of.clone())
                .collect::<Vec<_>>()
        };
        let all = steps.flat_map(by_representative);
        used.extend(
            of(step)
                .into_iter()
                .chain(all)
                .map(|id| Answer::Role(id).key()),
        );
    }
    // A role the step's own words name ("menaxheri i rastit" in a step credited to the case
    // worker) is never a wrong answer: the reader finds it in the stem.
    let named = involved(hb, step);
    // The lead-in the source prints before a numbered point stands in the question too
    // ("Në çdo njësi administrative …:"): a word of it that a correct answer has wants a
    // wrong answer with it as well (adversary 49 L-3: "Njësia …" was the only "Njësia").
    let lead_in = match step.lead_in {
        true => step.group.as_deref().unwrap_or_default(),
        false => "",
    };
    let stem = format!(
        "{lead_in}\n\n{}\n\n{}",
        step.title.as_deref().unwrap_or_default(),
        step.text
    );
    let choices = choose(hb, &id, Stem::Again(&stem), correct, levels, used, &named);
    Some(Question {
        id,
        procedure: p.id.clone(),
        step: step.id.clone(),
        place: Place::Step,
        ask,
        for_role: role.map(str::to_string),
        choices,
    })
}

/// The questions about one step, in the order who, when, form.
pub fn step_questions(hb: &Handbook, p: &Procedure, step: &Step) -> Vec<Question> {
    [Ask::Who, Ask::When, Ask::Form]
        .into_iter()
        .filter_map(|ask| question(hb, p, step, ask))
        .collect()
}
