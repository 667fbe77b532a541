//! Review 41 (issue 25 item 7): a question's feedback quotes the source sentence that holds
//! each correct answer, not the whole step (Q3); a "who?" shows or quotes the words that
//! name each of its answers (Q4); a role's "by when?" asks only that role's deadlines (Q8).

use std::collections::BTreeMap;

use doracak::pipeline::model::Handbook;
use doracak::pipeline::model::quiz::{self, Answer, Place, Question};

use crate::common::{read, repo, shipped_site, unescape};
use crate::quizzes::{content_words, prefix};

pub(crate) fn handbook() -> &'static Handbook {
    static HB: std::sync::OnceLock<Handbook> = std::sync::OnceLock::new();
    HB.get_or_init(|| {
        doracak::check(&repo())
            .0
            .expect("the shipped handbook checks")
    })
}

/// A text's spaces made single, without the full stop that ends it.
pub(crate) fn norm(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s.trim().trim_end_matches('.').trim().to_string()
}

/// The sentences of a text's normative words (its examples left out), as the quotes cut
/// them: at ". " within a paragraph, never after "nr." (`text::sentences`).
fn sentences(text: &str) -> Vec<String> {
    doracak::markdown::without_examples(text)
        .split("\n\n")
        .flat_map(|p| {
            let plain = norm(&doracak::markdown::to_plain(p));
            doracak::text::sentences(&plain)
                .into_iter()
                .map(norm)
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The feedback of every question of every quiz page: (page, question id) → the quote.
pub(crate) fn feedbacks() -> BTreeMap<(String, String), String> {
    let dir = shipped_site().join("site/trajnim/kuizi");
    let mut out = BTreeMap::new();
    for e in std::fs::read_dir(&dir).unwrap() {
        let path = e.unwrap().path();
        let page = unescape(&read(&path));
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        for q in page.split("<li class=\"quiz-q\"").skip(1) {
            let id = q.split("data-question=\"").nth(1).unwrap();
            let id = id.split('"').next().unwrap().to_string();
            let source = q
                .split("data-quiz-source hidden><q>")
                .nth(1)
                .and_then(|s| s.split("</q>").next())
                .unwrap_or_default();
            let source = source.trim().trim_start_matches('„').trim_end_matches('“');
            out.insert((name.clone(), id), norm(source));
        }
    }
    out
}

/// Every question of the model's quizzes, by id.
fn model() -> BTreeMap<String, Question> {
    quiz::quizzes(handbook())
        .into_iter()
        .flat_map(|q| q.questions)
        .map(|q| (q.id.clone(), q))
        .collect()
}

/// The texts a question's answers stand in: its place's (a step's, a section's, a
/// criterion's with its evidence), then, for a step, its procedure's sections (a step's
/// timing may be printed in the passage beside it: the formal interview's 60 minutes).
fn texts(q: &Question) -> (Vec<String>, Vec<String>, Vec<String>) {
    let hb = handbook();
    match q.place {
        Place::Criterion => {
            let c = hb
                .standards
                .iter()
                .flat_map(|s| &s.criteria)
                .find(|c| c.id == q.step)
                .unwrap();
            (
                vec![c.text.clone()],
                c.evidence.iter().map(|e| e.text.clone()).collect(),
                c.roles.clone(),
            )
        }
        Place::Section => {
            let p = hb.procedures.iter().find(|p| p.id == q.procedure).unwrap();
            let s = p.sections.iter().find(|s| s.id == q.step).unwrap();
            (vec![s.text.clone().unwrap_or_default()], vec![], vec![])
        }
        Place::Step => {
            let p = hb.procedures.iter().find(|p| p.id == q.procedure).unwrap();
            let s = p.steps.iter().find(|s| s.id == q.step).unwrap();
            (
                vec![s.text.clone()],
                p.sections
                    .iter()
                    .flat_map(|s| s.text.iter().chain(&s.items).cloned())
                    .collect(),
                s.actors.clone(),
            )
        }
    }
}

/// The sentences that hold a correct answer's source words: a timing's words, a role's
/// title, abbreviation or other printed name (or those of the same person under another
/// title), a person's words, a form's code or title; those of the place, or, for a timing
/// the place's words do not hold, of the texts beside it (and, for a role of a criterion
/// that its words do not name whole, of its evidence: `evidence`).
fn holding(answer: &Answer, own: &[String], beside: &[String], evidence: bool) -> Vec<String> {
    let hb = handbook();
    let holds = |s: &String| -> bool {
        match answer {
            Answer::Timing(t) => s.contains(&norm(&t.text)),
            Answer::Role(id) => {
                let named = quiz::names(hb, s);
                named.contains(id) || quiz::same_person(hb, id).any(|o| named.contains(o)) || {
                    // Two words of its title in a row ("strukturave të policisë").
                    let title = &hb.roles.iter().find(|r| &r.id == id).unwrap().title;
                    let two: Vec<String> = content_words(title)
                        .iter()
                        .take(2)
                        .map(|w| prefix(w))
                        .collect();
                    let words: Vec<String> = content_words(s).iter().map(|w| prefix(w)).collect();
                    two.len() == 2 && words.windows(2).any(|w| w == two.as_slice())
                }
            }
            Answer::Person(words) => s.contains(&norm(words)),
            Answer::Form(id) => {
                let f = hb.forms.iter().find(|f| &f.id == id).unwrap();
                let words: Vec<&str> = s.split(|c: char| !c.is_alphanumeric()).collect();
                // (Or as the step's link words name it: "Formulari 5 i MR", the rule the
                // links are validated by.)
                f.code.as_deref().is_some_and(|c| words.contains(&c))
                    || s.contains(&f.title)
                    || doracak::form_words::name_form(s, f.code.as_deref(), &f.title)
            }
        }
    };
    let find = |texts: &[String]| -> Vec<String> {
        texts
            .iter()
            .flat_map(|t| sentences(t))
            .filter(|s| holds(s))
            .collect()
    };
    let found = find(own);
    match answer {
        Answer::Timing(_) if found.is_empty() => find(beside),
        // A role a criterion's own words name only by two words of its title ("një
        // punonjës social si përgjegjës", S2.3) is named whole in its evidence ("Punonjësi
        // social përgjegjës …"): that sentence names it (review 44, Q-4).
        Answer::Role(id) if evidence => {
            let whole = |s: &String| {
                let named = quiz::names(hb, s);
                named.contains(id) || quiz::same_person(hb, id).any(|o| named.contains(o))
            };
            let mut found = found;
            if !found.iter().any(whole) {
                found.extend(
                    beside
                        .iter()
                        .flat_map(|t| sentences(t))
                        .filter(|s| whole(s)),
                );
            }
            found
        }
        _ => found,
    }
}

/// A sentence as a quote may print it: a footnote's number ("14 Në rastet …") as its
/// marker, so compared without it.
fn unnumbered(s: &str) -> &str {
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    match digits > 0 && s[digits..].starts_with(' ') {
        true => &s[digits + 1..],
        false => s,
    }
}

/// A text without its footnote markers ("¹⁴").
fn unmarked(s: &str) -> String {
    s.chars().filter(|c| !"⁰¹²³⁴⁵⁶⁷⁸⁹".contains(*c)).collect()
}

#[test]
fn feedback_quotes_the_sentence_that_holds_each_answer_and_no_more() {
    let model = model();
    let mut missing = Vec::new();
    let mut whole = Vec::new();
    let mut asked = 0;
    for ((page, id), feedback) in feedbacks() {
        let q = model
            .get(&id)
            .unwrap_or_else(|| panic!("{page}: {id} not in the model"));
        asked += 1;
        let (own, beside, _) = texts(q);
        let mut all_holding: Vec<String> = Vec::new();
        for c in q.choices.iter().filter(|c| c.correct) {
            let held = holding(&c.answer, &own, &beside, q.place == Place::Criterion);
            if held.is_empty() {
                continue;
            }
            // (A footnote marker whose footnote is not quoted is left out of the quote,
            // review 44 Q-6: compared without markers.)
            if !held
                .iter()
                .any(|h| unmarked(&feedback).contains(&unmarked(unnumbered(h))))
            {
                missing.push(format!(
                    "{page}: {id}: {:?} ← {feedback}\n    held: {}",
                    c.answer.key(),
                    held[0]
                ));
            }
            all_holding.extend(held);
        }
        if all_holding.is_empty() {
            continue;
        }
        // Every sentence of the feedback holds an answer, or leads into one that does (the
        // sentence that says who acts before "Kjo …").
        let parts: Vec<String> = feedback
            .split(" … ")
            .flat_map(|p| {
                doracak::text::sentences(p)
                    .into_iter()
                    .map(norm)
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
            })
            .collect();
        let holds = |s: &String| {
            let s = s
                .trim_start_matches(|c: char| "⁰¹²³⁴⁵⁶⁷⁸⁹".contains(c))
                .trim();
            let s = unmarked(s);
            all_holding.iter().any(|h| {
                let h = unmarked(h);
                // A list is quoted with the lead-in that opens it ("… në praninë e
                // detyrueshme të: të gjithë anëtarëve të AP-së; …", 001:824-827).
                h.contains(&s)
                    || s.strip_suffix(h.as_str())
                        .is_some_and(|lead| lead.trim_end().ends_with(':'))
            })
        };
        for (i, s) in parts.iter().enumerate() {
            if !holds(s) && !parts.get(i + 1).is_some_and(holds) {
                whole.push(format!("{page}: {id}: quotes „{s}“"));
                break;
            }
        }
    }
    eprintln!("feedback: {asked} questions");
    assert!(
        missing.is_empty(),
        "{} questions whose feedback lacks the sentence of an answer:\n{}",
        missing.len(),
        missing.join("\n")
    );
    assert!(
        whole.is_empty(),
        "{} questions whose feedback quotes more than the answers' sentences:\n{}",
        whole.len(),
        whole.join("\n")
    );
}
