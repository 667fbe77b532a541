//! Issue 25, review 45: questions that ask what
//! the source says as it says it, and a register that sorts "brenda ditës" as a day.

use std::collections::BTreeSet;

use doracak::pipeline::model::quiz::{self, Answer};

use crate::common::{plain, site_page};
use crate::quiz_feedback::handbook;
use crate::quizzes::{Q, questions};

/// The titles of `role` and of every member of it, through the members' members.
fn people_of(role: &str) -> BTreeSet<String> {
    let hb = handbook();
    let mut todo = vec![role.to_string()];
    let mut seen = BTreeSet::new();
    while let Some(id) = todo.pop() {
        if !seen.insert(id.clone()) {
            continue;
        }
        if let Some(r) = hb.roles.iter().find(|r| r.id == id) {
            todo.extend(r.members.iter().cloned());
        }
    }
    hb.roles
        .iter()
        .filter(|r| seen.contains(&r.id))
        .map(|r| r.title.clone())
        .collect()
}

/// Whether a choice shows the role titled `title` (with its jurisdiction's label, "(Kosovë)").
fn is_title(choice: &str, title: &str) -> bool {
    choice == title
        || choice
            .strip_prefix(title)
            .is_some_and(|rest| rest.starts_with(" ("))
}

#[test]
fn no_one_of_a_provider_whose_other_responsible_persons_may_act_is_a_wrong_answer() {
    // Q-8. 000:1095-1099 "bëhet nga vetë drejtuesi ose nga persona të tjerë përgjegjës
    // brenda secilit ofrues shërbimesh": the centre's social worker is such a person. (With
    // none of them, no wrong answer covers the stem's "qendra" and the page leaves S5.5.who
    // out: the model's question is checked, and every page's.)
    let hb = handbook();
    let provider = people_of("ofruesi-i-sherbimit");
    assert!(
        provider.contains("Punonjësi social i qendrës"),
        "{provider:?}"
    );
    let title = |a: &Answer| match a {
        Answer::Role(id) => hb
            .roles
            .iter()
            .find(|r| &r.id == id)
            .map(|r| r.title.clone()),
        _ => None,
    };
    let mut asked = 0;
    for quiz in quiz::quizzes(hb) {
        for q in quiz.questions.iter().filter(|q| q.id == "S5.5.who") {
            asked += 1;
            let bad: Vec<String> = q
                .choices
                .iter()
                .filter(|c| !c.correct)
                .filter_map(|c| title(&c.answer))
                .filter(|t| provider.contains(t))
                .collect();
            assert!(bad.is_empty(), "{}: {}: wrong {bad:?}", quiz.id, q.id);
        }
    }
    assert!(asked > 0, "the model asks S5.5.who");
    for q in questions()
        .iter()
        .filter(|q| q.stem.contains("persona të tjerë përgjegjës brenda"))
    {
        let bad: Vec<&String> = q.wrong.iter().filter(|w| provider.contains(*w)).collect();
        assert!(bad.is_empty(), "{}: {}: wrong {bad:?}", q.page, q.id);
    }
}

#[test]
fn a_roles_own_which_form_never_names_only_the_title_of_a_step_whose_form_it_holds_out() {
    // 003:2309 "Formularit 4 të MR: Plani i shërbimeve" is step 4's form; 003:2362-2363
    // "Nëse ka nevojë për referim të brendshëm …, Formulari 5 i MR plotësohet nga Shefi i
    // Shërbimit": the Chief's, on a condition.
    let hb = handbook();
    let mut own = 0;
    for q in questions().iter().filter(|q| q.id.ends_with(".form")) {
        let parts: Vec<&str> = q.id.split('.').collect();
        let [procedure, number, _role, _] = parts[..] else {
            continue;
        };
        let step = hb
            .procedures
            .iter()
            .find(|p| p.id == procedure)
            .and_then(|p| p.steps.iter().find(|s| s.number.trim() == number))
            .unwrap_or_else(|| panic!("{}: no step", q.id));
        let title = step.title.as_deref().unwrap_or_default().trim();
        assert!(
            q.quote().trim() != title,
            "{}: {}: a title-only stem",
            q.page,
            q.stem
        );
        own += 1;
    }
    assert!(own > 0);
    let chief: Vec<Q> = questions()
        .into_iter()
        .filter(|q| q.id == "menaxhimi-i-rastit.4.shefi-i-sherbimit.form")
        .collect();
    // (The case manager's own keeps MR4, the main form: the step's text, no box caption.)
    for q in questions()
        .iter()
        .filter(|q| q.id == "menaxhimi-i-rastit.4.menaxheri-i-rastit-kosove.form")
    {
        assert!(!q.quote().contains("Kutia"), "{}", q.stem);
    }
    for q in &chief {
        assert!(
            q.quote()
                .contains("Nëse ka nevojë për referim të brendshëm"),
            "{}",
            q.stem
        );
    }
}

#[test]
fn no_who_question_has_only_free_text_for_its_answer() {
    // 001:902 "Komisioni thirret në mbledhje nga kryetari": no role is the chair, and
    // no other words of that form make a wrong answer, so formal 18 asks no "who?".
    let hb = handbook();
    let titles: BTreeSet<&str> = hb.roles.iter().map(|r| r.title.as_str()).collect();
    for q in questions().iter().filter(|q| q.id.ends_with(".who")) {
        assert!(
            q.correct
                .iter()
                .any(|c| titles.iter().any(|t| is_title(c, t))),
            "{}: {}: {:?}",
            q.page,
            q.id,
            q.correct
        );
    }
    assert!(
        !questions()
            .iter()
            .any(|q| q.id == "identifikimi-formal.18.who")
    );
}

/// The unit class of a length as a choice words it: 0 minutes or hours, 1 days or weeks,
/// 2 months or years; a length counted in a period ("2 javë në vit") 3.
fn unit_class(choice: &str) -> Option<u8> {
    let has = |w: &[&str]| w.iter().any(|w| choice.contains(w));
    if has(&["në vit", "në muaj", "në javë"]) {
        Some(3)
    } else if has(&["minut", "orë"]) {
        Some(0)
    } else if has(&["ditë", "javë"]) {
        Some(1)
    } else if has(&["muaj", "vit", "vjet"]) {
        Some(2)
    } else {
        None
    }
}

#[test]
fn a_length_of_time_has_wrong_answers_of_its_own_unit_class() {
    // 001:778-779 "maksimumi 60 minuta", "maksimumi 90 minuta": an interview's minutes
    // against minutes or hours, never "3 muaj" nor "2 javë në vit".
    let mut asked = 0;
    for q in questions().iter().filter(|q| q.stem.contains("Sa zgjat")) {
        let classes: BTreeSet<u8> = q.correct.iter().filter_map(|c| unit_class(c)).collect();
        // (A length counted in a period, "2 javë në vit", has no other of its kind.)
        if classes.contains(&3) {
            continue;
        }
        for w in &q.wrong {
            assert!(
                unit_class(w).is_none_or(|c| classes.contains(&c)),
                "{}: {}: {w} against {:?}",
                q.page,
                q.id,
                q.correct
            );
        }
        asked += usize::from(q.id.contains("identifikimi-formal.6"));
    }
    assert!(asked >= 2, "the interview's lengths are asked");
}

#[test]
fn a_who_of_a_step_with_several_actors_asks_them_all_or_says_whose_part() {
    // 001:1247-1248 "Menaxheri i rastit bashkë me qendrën … siguron shoqëruesin" (the
    // centre named beside him in the quote) and 003:2406-2407 "MR organizon takim me TMR"
    // (the TMR a counterpart): the question says it asks the quoted part of the step.
    let all = questions();
    for (id, actor) in [
        ("kthimi-vullnetar.5.who", "Menaxheri i rastit"),
        ("menaxhimi-i-rastit.5.who", "Menaxher i rastit (Kosovë)"),
    ] {
        let asked: Vec<&Q> = all.iter().filter(|q| q.id == id).collect();
        assert!(!asked.is_empty(), "{id} is asked");
        for q in asked {
            assert!(q.stem.contains("në këtë pjesë të hapit 5"), "{}", q.stem);
            assert!(q.correct.iter().any(|c| c == actor), "{:?}", q.correct);
        }
    }
    let hb = handbook();
    for q in all.iter().filter(|q| q.id.ends_with(".who")) {
        let Some((procedure, number)) = q.id.strip_suffix(".who").and_then(|s| s.rsplit_once('.'))
        else {
            continue;
        };
        let Some(step) = hb
            .procedures
            .iter()
            .find(|p| p.id == procedure)
            .and_then(|p| p.steps.iter().find(|s| s.number.trim() == number))
        else {
            continue;
        };
        // An actor the stem does not name, where a named answer is the same person or may
        // be it, is no answer at all (adversary 46, Q-5: "punonjësi social ose menaxheri i
        // rastit" names no "Punonjësi i rastit").
        let correct_ids: Vec<&str> = step
            .actors
            .iter()
            .filter_map(|a| hb.roles.iter().find(|r| &r.id == a))
            .filter(|r| q.correct.iter().any(|c| is_title(c, &r.title)))
            .map(|r| r.id.as_str())
            .collect();
        let text = quiz::who_text(step);
        let titles: Vec<&str> = step
            .actors
            .iter()
            .filter(|a| !quiz::named_for(hb, a, &text, &correct_ids))
            .filter_map(|a| hb.roles.iter().find(|r| &r.id == a))
            .map(|r| r.title.as_str())
            .collect();
        let all_correct = titles
            .iter()
            .all(|t| q.correct.iter().any(|c| is_title(c, t)));
        assert!(
            titles.len() < 2 || all_correct || q.stem.contains("në këtë pjesë të"),
            "{}: {}: {:?} of {titles:?}",
            q.page,
            q.stem,
            q.correct
        );
    }
}

#[test]
fn a_timing_of_the_evidence_column_the_register_shows_is_asked() {
    // 000:473-474 "Punonjësi social do të vlerësojë çdo muaj situatën e përfituesit":
    // the responsible social worker's own act, in the register and asked "sa shpesh".
    let all = questions();
    let asked: Vec<&Q> = all
        .iter()
        .filter(|q| q.page == "roli-punonjesi-social-pergjegjes.html" && q.id.starts_with("S2.3."))
        .filter(|q| q.id.ends_with(".when"))
        .collect();
    assert_eq!(asked.len(), 1, "S2.3's monthly assessment is asked");
    let q = asked[0];
    assert!(q.correct.iter().any(|c| c == "çdo muaj"), "{:?}", q.correct);
    assert!(q.quote().contains("do të vlerësojë"), "{}", q.stem);
    assert!(!q.quote().contains("çdo muaj"), "{}", q.stem);
}

#[test]
fn within_the_day_sorts_as_a_day_in_the_register_and_the_quizzes() {
    // R-4. 001:803 "brenda ditës", 001:815-816, 001:1258: up to a day, after "brenda 2
    // orëve" (003 step 3), not with "menjëherë".
    let page = site_page("afatet.html");
    let badges: Vec<String> = page
        .split("<tr data-roles=\"")
        .skip(1)
        .map(|row| {
            let row = row.split("</tr>").next().unwrap();
            let cell = row.split("</td>").next().unwrap();
            plain(cell.split_once('>').map_or(cell, |(_, c)| c))
                .trim()
                .to_string()
        })
        .collect();
    let at = |b: &str| -> Vec<usize> {
        badges
            .iter()
            .enumerate()
            .filter(|(_, x)| x.as_str() == b)
            .map(|(i, _)| i)
            .collect()
    };
    let same_day = at("brenda ditës");
    assert_eq!(same_day.len(), 3, "{badges:?}");
    let last_before = at("menjëherë")
        .into_iter()
        .chain(at("brenda 2 orëve"))
        .max()
        .unwrap();
    let first_after = at("brenda 2 ditëve").into_iter().min().unwrap();
    for i in same_day {
        assert!(i > last_before && i < first_after, "{i}: {badges:?}");
    }
    // In the quizzes: a day's wrong answers are of its order of magnitude, neither
    // "menjëherë" nor "brenda 24 orëve" (the same length in other words).
    let mut asked = 0;
    for q in questions()
        .iter()
        .filter(|q| q.correct.iter().any(|c| c == "brenda ditës"))
    {
        asked += 1;
        for w in &q.wrong {
            assert!(
                w != "menjëherë" && w != "brenda 24 orëve" && unit_class(w) != Some(2),
                "{}: {}: {w}",
                q.page,
                q.id
            );
        }
    }
    assert!(asked > 0);
}
