//! Quizzes, adversary 46 continued: a role the stem does not name is no answer where a
//! named answer is the same person; pointing words left out only where they name the
//! answer; near-duplicate "who?"s asked once a page; list items quoted with
//! their lead-in in every feedback (F-3, F-4).

use crate::quizzes::{Q, questions};

fn all_of(id: &str) -> Vec<Q> {
    questions().into_iter().filter(|q| q.id == id).collect()
}

#[test]
fn a_case_worker_the_sentence_does_not_name_is_no_answer() {
    // 001:1380, 1391, 1415: "Punonjësi social ose menaxheri i rastit …". The content
    // credits the adult's case worker too (the same person as an adult's case manager),
    // whom the sentence does not name: no required answer, and no wrong one.
    let mut seen = 0;
    for step in ["1", "4", "11", "12"] {
        for q in all_of(&format!("riintegrimi-afatgjate.{step}.who")) {
            seen += 1;
            let all: Vec<&String> = q.correct.iter().chain(&q.wrong).collect();
            assert!(
                !all.iter().any(|c| c.as_str() == "Punonjësi i rastit"),
                "{} {}: {:?}",
                q.page,
                q.id,
                all
            );
            let mut correct = q.correct.clone();
            correct.sort();
            assert_eq!(
                correct,
                ["Menaxheri i rastit", "Punonjësi social"],
                "{}",
                q.id
            );
            // The sentence is asked whole, not as a part of its step.
            assert!(!q.stem.contains("pjesë"), "{}", q.stem);
        }
    }
    assert!(seen >= 3, "{seen}");
    assert!(
        all_of("riintegrimi-afatgjate.11.who")
            .iter()
            .any(|q| q.page == "roli-menaxheri-i-rastit.html")
    );
    // Where the sentence names the worker ("Menaxheri i rastit së bashku me punonjësin e
    // rastit", 001:989), or the PMF otherwise worded ("Punonjësi për mbrojtjen e fëmijës/
    // menaxheri i rastit", 001:984), each stays an answer.
    for (id, role) in [
        ("referimi-mbrojtja-asistenca.10.who", "Punonjësi i rastit"),
        (
            "referimi-mbrojtja-asistenca.9.who",
            "Punonjësi i mbrojtjes së fëmijës",
        ),
    ] {
        let qs = all_of(id);
        assert!(!qs.is_empty(), "{id}");
        for q in qs {
            assert!(q.correct.iter().any(|c| c == role), "{id}: {:?}", q.correct);
        }
    }
}
