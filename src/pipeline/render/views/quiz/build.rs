//! The quizzes' views built from the model's: each question worded from the locale pack,
//! its step quoted and blanked, its choices lettered; then only the questions that test,
//! each asked once.

use super::*;

pub(in crate::pipeline::render::views) fn build(cx: &Cx) -> Vec<QuizView> {
    let hb = cx.hb;
    let say = |key: &str, args: &[(&str, &str)]| crate::theme::say(cx.ui, key, args);
    let time_words = TimeWords::from_pack(cx.ui);
    // A step's question made into its view once: its procedure's quiz and each role quiz
    // that asks it hold the same question (half of the shipped handbook's conversions),
    // and its view is the same but for its number, which each quiz sets again below.
    // Keyed by the whole question (its choices, their order, whose variant it is).
    // (None: the question does not test, `tests`.)
    let made: std::sync::Mutex<std::collections::HashMap<String, Option<QuestionView>>> =
        Default::default();
    // A step's question as its view (`number` its place in its quiz).
    let step_view = |question: &quiz::Question, number: usize| -> QuestionView {
        let p = hb.procedures.iter().find(|p| p.id == question.procedure);
        let step = p.and_then(|p| p.steps.iter().find(|s| s.id == question.step));
        // A "who?" shows every paragraph that names one of its answers, and
        // quotes a sentence in which one acts, not one that names it only as an
        // object ("NJMF-ja mund të njoftojnë APAP-in"): `acting`.
        let answers = |text: &str, acting: bool| {
            let roles = quiz::names(hb, text);
            question
                .choices
                .iter()
                .filter(|c| c.correct)
                .any(|c| match &c.answer {
                    Answer::Role(id) => {
                        roles.contains(id)
                            && (!acting || quiz::acts_in(hb, id, text) != Some(false))
                    }
                    Answer::Person(words) => text.contains(words.as_str()),
                    _ => false,
                })
        };
        let answers_named = |text: &str| answers(text, false);
        let answers_act = |text: &str| answers(text, true);
        let shown: Option<&dyn Fn(&str) -> bool> =
            (question.ask == quiz::Ask::Who).then_some(&answers_named);
        let acting: Option<&dyn Fn(&str) -> bool> =
            (question.ask == quiz::Ask::Who).then_some(&answers_act);
        // A form whose title shares words with the step's title ("Mbyllja e
        // rastit") is not asked by that title: the step's text is quoted.
        let by_title = question.ask != quiz::Ask::Form
            || !step.and_then(|s| s.title.as_deref()).is_some_and(|t| {
                let words: Vec<String> = content_words(t).iter().map(|w| word_stem(w)).collect();
                question.choices.iter().filter(|c| c.correct).any(|c| {
                    content_words(&choice_text(cx, &c.answer))
                        .iter()
                        .any(|w| words.contains(&word_stem(w)))
                })
            });
        let (label, act, proc_title) = match (p, step) {
            (Some(p), Some(s)) => (
                s.label_among(&p.steps, cx.ui),
                action(s, shown, acting, by_title),
                p.title.clone(),
            ),
            _ => Default::default(),
        };
        let act = step
            .and_then(|s| part::own_form_quote(cx, s, question))
            .unwrap_or(act);
        // A "who?" whose title names none of its answers ("Vlerësimi
        // fillestar") quotes the sentences of the step in which they act
        // (review 43, M4), else the one that names one ("punonjësi social e
        // bën …", review 39 F12).
        // A title that names an answer only as its object ("… caktimi i
        // Menaxherit të Rastit", 003) is no question either: a "who?" whose stem
        // would be its title alone quotes the acting sentences, and is not asked
        // where there are none (read-47b, M-5).
        let title_only = question.ask == quiz::Ask::Who
            && step.and_then(|s| s.title.as_deref()).map(str::trim) == Some(act.as_str());
        // (A title in which an answer acts, "… nga vetë punonjësi social", is
        // the step's own question.)
        let title_only = title_only
            && !question.choices.iter().filter(|c| c.correct).any(|c| {
                matches!(&c.answer, Answer::Role(id)
                        if quiz::acts_in(hb, id, &act) == Some(true))
            });
        let act = match step {
            Some(s) if title_only => acting_sentences(cx, s, question)
                .or_else(|| {
                    naming_sentence(s, |t| names_answer(cx, question, t))
                        .filter(|_| !names_answer(cx, question, &act))
                })
                .unwrap_or(act),
            _ => act,
        };
        // A "by when?" quotes the sentences its deadlines stand in, not the step's
        // title or first paragraph: "… i komunikohet menjëherë …" is when the
        // decision is told, not when it is taken; a condition stays with them.
        let act = match step {
            Some(s) if question.ask == quiz::Ask::When => {
                let quoted: Vec<String> = question
                    .choices
                    .iter()
                    .filter(|c| c.correct)
                    .filter_map(|c| match &c.answer {
                        Answer::Timing(t) => timing_sentence(hb, s, &t.text)
                            .map(|q| from_its_actor(cx, s, t, q, &time_words)),
                        _ => None,
                    })
                    .fold(Vec::new(), |mut all, q| {
                        if !all.contains(&q) {
                            all.push(q);
                        }
                        all
                    });
                // A sentence another quote holds (with the sentence after it)
                // is quoted once.
                let quoted: Vec<String> = quoted
                    .iter()
                    .filter(|q| !quoted.iter().any(|o| o != *q && o.contains(q.as_str())))
                    .cloned()
                    .collect();
                match quoted.is_empty() {
                    true => act,
                    false => quiz::join_in_order(std::slice::from_ref(&s.text), &quoted),
                }
            }
            _ => act,
        };
        // The step as printed: "hapin 4", or "pikën ç)" where the source letters it.
        let (item, name, value) = match step {
            Some(s) => s.named(cx.ui),
            None => (false, "step", String::new()),
        };
        let key = match (lasts(question), item) {
            (true, false) => "quiz_how_long",
            (true, true) => "quiz_how_long_item",
            _ => step
                .and_then(|s| part::part_key(cx, s, question, item))
                .unwrap_or_else(|| stem_key(question.ask, question.multiple(), item)),
        };
        let frame = |a: &str| say(key, &[(name, &value), ("action", a)]);
        let plain_label = step.map(|s| s.label(cx.ui)).unwrap_or_default();
        let correct_texts: Vec<String> = question
            .choices
            .iter()
            .filter(|c| c.correct)
            .map(|c| choice_text(cx, &c.answer))
            .collect();
        // A "by when?" quotes the step without the words that set its deadlines:
        // every one of them, also one that is the same answer as another ("bën
        // menjëherë pranimin …, njeh menjëherë …" is one choice, two quotes).
        let mut act = act;
        // A role's own "by when?" (`quiz::role_when`) keeps another
        // actor's deadline in words: it tells which blank is asked.
        if question.ask == quiz::Ask::When
            && question.for_role.is_none()
            && let Some(s) = step
        {
            for t in s.timing.iter().filter(|t| t.kind != "none") {
                act = blank_deadline(&act, &t.text, &time_words);
            }
        }
        for c in question.choices.iter().filter(|c| c.correct) {
            if let Answer::Timing(t) = &c.answer {
                act = blank_deadline(&act, &t.text, &time_words);
            }
        }
        // A correct role's names ("Menaxherin e Rastit", "PMF-ja") are
        // blanked, then any words left that would hold a whole answer.
        // A "by when?"'s blanks stand only where its timings' words are
        // (`blank_deadline`): "nuk ka rrezik të menjëhershëm" (003:2098) is no
        // deadline; a question whose stem keeps such a word is not asked.
        let blank_all = |act: &str| {
            let act = blank_roles(cx, question, act);
            match question.ask {
                quiz::Ask::When => act,
                _ => blank(&act, frame, &correct_texts),
            }
        };
        // A quote that ends on the colon before the source's examples is cut
        // where they begin: the examples are not asked (adversary 49 L-4).
        let act = step
            .and_then(|s| crate::markdown::before_examples(&s.text, &act))
            .unwrap_or(act);
        let mut whole = act.clone();
        let mut act = blank_all(&act);
        // A step's title that its blanks leave empty ("Referimi i …"), or
        // whose object points to the answer, is no question: its text is
        // quoted instead.
        let wrong_texts = wrong_texts(cx, question);
        if question.ask != quiz::Ask::When
            && (kept(&act, &whole) < KEEP
                || !match question.ask {
                    quiz::Ask::Who => pointing_who(&act, &correct_texts, &wrong_texts),
                    _ => pointing(&act, &correct_texts, &wrong_texts),
                }
                .is_empty())
            && let Some(s) = step
            && s.title.as_deref().is_some_and(|t| t.trim() == whole)
        {
            whole = action(s, shown, acting, false);
            act = blank_all(&whole);
        }
        // A form's title words that together single it out ("pranimit" and
        // "fëmijën" for the children's admission form): the rarest blanked.
        if question.ask == quiz::Ask::Form {
            act = blank_singling(&act, &correct_texts, &wrong_texts);
        }
        if question.ask == quiz::Ask::Who {
            act = giveaway::blank_pointing(
                &act,
                &whole,
                &correct_texts,
                &wrong_texts,
                &printed_names(cx, question),
            );
            act = giveaway::blank_attributes(&act, &correct_texts, &wrong_texts);
        }
        // The blanks of every pass, each run of them one "…" ("nga … ose …",
        // not "nga … ose … i …").
        let act = collapse(&act);
        let prompt = frame(&act);
        let apart = (item && name == "label" && label != plain_label).then(|| {
            let told = giveaway::label_blanked(
                &label,
                &correct_texts,
                &wrong_texts,
                &printed_names(cx, question),
                &other_names(cx, question),
            );
            (value.clone(), say(key, &[(name, &told), ("action", &act)]))
        });
        // A "which form?" quotes the step's words that name its forms;
        // another the sentence that holds each answer, else the step's first
        // paragraph.
        let source = step.and_then(|s| {
            let own = (question.ask == quiz::Ask::Form)
                .then(|| form_sentences(cx, s, question))
                .flatten();
            // A "who?" quotes a list's item with its lead-in itself.
            let own = match (own, question.ask) {
                (own @ Some(_), _) => feedback::with_lead(cx, s, own),
                (None, quiz::Ask::Who) => None,
                (None, _) => feedback::with_lead(
                    cx,
                    s,
                    p.and_then(|p| feedback::answer_sentences(cx, p, s, question)),
                ),
            };
            own.or_else(|| {
                p.map(|p| {
                    feedback::answer_sentences(cx, p, s, question)
                        .unwrap_or_else(|| source_sentence(hb, s, None))
                })
            })
        });
        let quoted = source.as_deref().unwrap_or_default();
        let (choices, answer) = choices(cx, question, quoted);
        let answer_note = group_note(cx, &choices, &group_members(cx, question, quoted));
        // The feedback of every "who?" names every correct answer (read-47b
        // M-5 held it for a stem that was a title alone, c50b for all); a stem
        // that was a title alone is no longer the title.
        let proved = proof::proves(cx, question, quoted)
            && (!title_only
                || step.and_then(|s| s.title.as_deref()).map(str::trim) != Some(whole.as_str()));
        let examples_follow =
            step.is_some_and(|s| crate::markdown::leads_to_examples(&s.text, &act));
        QuestionView {
            examples_follow,
            id: question.id.clone(),
            number,
            ask: question.ask.name(),
            prompt,
            multiple: question.multiple(),
            step_label: say(
                "step_of_procedure",
                &[("step", &label), ("procedure", &proc_title)],
            ),
            step_short: label,
            step_url: cx.addr.in_procedure(&question.procedure, &question.step),
            choices,
            answer,
            answer_note,
            source: feedback::lone_markers_out(&source.unwrap_or_default()),
            quote: act,
            whole,
            names: printed_names(cx, question),
            apart,
            proved,
        }
    };
    // Each quiz made into its view as the model makes it (in parallel): a role's model quiz
    // on a large handbook holds thousands of candidates, of which its view keeps a few.
    quiz::quizzes_each(hb, |q| {
        let (subject_title, subject_url, url, key_url) = match q.kind {
            QuizKind::Procedure => (
                hb.procedures
                    .iter()
                    .find(|p| p.id == q.subject)
                    .map(|p| p.title.clone())
                    .unwrap_or_default(),
                cx.addr.procedure(&q.subject),
                cx.addr.quiz_procedure(&q.subject),
                cx.addr.quiz_key_procedure(&q.subject),
            ),
            QuizKind::Role => (
                cx.titles
                    .roles
                    .get(q.subject.as_str())
                    .copied()
                    .unwrap_or(&q.subject)
                    .to_string(),
                cx.addr.role(&q.subject),
                cx.addr.quiz_role(&q.subject),
                cx.addr.quiz_key_role(&q.subject),
            ),
        };
        let questions = q
            .questions
            .iter()
            .enumerate()
            // Only questions that test (`tests`), dropped as they are made (a step's
            // question judged once, with its view). A role's quiz asks a question once,
            // also where the source prints it at several steps (the admissions of 15, 24,
            // 36, 44): its kind and blanked quote decide.
            .filter_map(|(i, question)| {
                if question.place != quiz::Place::Step {
                    return Some(place::view(cx, question, i + 1, &time_words)).filter(tests);
                }
                let key = format!("{question:?}");
                let known = made.lock().ok().and_then(|m| m.get(&key).cloned());
                if let Some(view) = known {
                    return view.map(|mut view| {
                        view.number = i + 1;
                        view
                    });
                }
                let view = Some(step_view(question, i + 1)).filter(tests);
                if let Ok(mut m) = made.lock() {
                    m.insert(key, view.clone());
                }
                view
            })
            .collect::<Vec<QuestionView>>();
        let mut questions = questions;
        // Never two "who?"s with the same answers whose stems are nearly the same.
        once::near_once(&mut questions);
        // The model keeps past its cap a "who?" it judges to point to its answer (the view
        // leaves it out above); where one was kept, the cap holds here (review 44, Q-7).
        once::same_answers_capped(&mut questions);
        if q.kind == QuizKind::Role {
            once::duties_once(&mut questions);
        }
        // At most one question of a kind per sentence: steps that print the same sentence
        // (the children's admission at 15 and 24) are asked once (review 39, F6).
        let mut seen: std::collections::BTreeSet<(&str, Vec<String>)> = Default::default();
        questions.retain(|qv| seen.insert((qv.ask, opening(&qv.whole))));
        // A role's quiz spread over its steps and criteria (`spread`).
        if q.kind == QuizKind::Role {
            // Each asked question's place, found once: `spread` asks it many times
            // (sorting among them), and a role's model quiz holds thousands on a large
            // handbook.
            let origins: std::collections::HashMap<String, spread::Origin> = questions
                .iter()
                .filter_map(|qv| {
                    let m = q.questions.iter().find(|m| m.id == qv.id)?;
                    let at = (m.procedure.clone(), m.step.clone(), source_order(hb, m));
                    Some((qv.id.clone(), at))
                })
                .collect();
            let origin = |id: &str| origins.get(id).cloned();
            spread::spread(&mut questions, &origin);
        }
        for (i, qv) in questions.iter_mut().enumerate() {
            qv.number = i + 1;
        }
        once::tell_apart(&mut questions);
        let view = QuizView {
            content: crate::edition::content::subject_hash(cx.hb, q.kind.name(), &q.subject)
                .unwrap_or_default(),
            title: say("quiz_title", &[("subject", &subject_title)]),
            key_url,
            id: q.id,
            kind: q.kind.name(),
            subject: q.subject,
            subject_title,
            subject_url,
            url,
            questions,
        };
        // What the model's quiz held (thousands of candidates for a role on a large
        // handbook) goes back before this thread makes the next.
        drop(q.questions);
        crate::give_back_thread_memory();
        // A quiz none of whose questions tests is no quiz: no page, no link to it.
        (!view.questions.is_empty()).then_some(view)
    })
}

/// Where a question's answer stands in the source's order: its procedure's place among the
/// procedures (the standards after them), then its step's among the steps (a section where
/// the step it is printed before is, else after them; a criterion by its place).
fn source_order(hb: &crate::pipeline::model::Handbook, q: &quiz::Question) -> (usize, usize) {
    if let Some((i, p)) = hb
        .procedures
        .iter()
        .enumerate()
        .find(|(_, p)| p.id == q.procedure)
    {
        let at = match q.place {
            quiz::Place::Section => p
                .sections
                .iter()
                .find(|s| s.id == q.step)
                .and_then(|s| s.before_step.as_deref())
                .and_then(|n| p.steps.iter().position(|st| st.number.trim() == n.trim())),
            _ => p.steps.iter().position(|st| st.id == q.step),
        };
        return (i, at.unwrap_or(p.steps.len()));
    }
    let mut standards = hb.standards.iter().enumerate();
    match standards.find(|(_, s)| s.id == q.procedure) {
        Some((i, s)) => {
            let at = s.criteria.iter().position(|c| c.id == q.step);
            (hb.procedures.len() + i, at.unwrap_or(s.criteria.len()))
        }
        None => (usize::MAX, 0),
    }
}
