//! A role's quiz spread over its steps and criteria, not one procedure's repeats (issue 25,
//! item 7; adversary 51, L-6): a duty printed twice is asked once (`TWIN`), a "by when?"
//! answer at most `SAME_WHEN` times, a step once unless the quiz would be too short
//! (`FEW`), and no procedure gives more than half of the questions while another still has
//! one left out by these rules.

use std::collections::{BTreeMap, BTreeSet};

use super::{QuestionView, word_stem};

/// How much of the smaller quote's content words (`content_words`, compared by
/// `word_stem`) two questions of one kind with the same correct answers share before they
/// are one duty asked twice. On the shipped site at base (role quizzes, every pair of one
/// kind with the same answers): referral 30/48 "nis … procedurat për sigurimin e lejes së
/// qëndrimit" 0.69, 43/52 and 51/52 "punonjësi njofton … APAP-in" 0.70, 20/42 (the child's
/// and the adult's leaving without leave, "njofton menjëherë …") 0.77, formal
/// identification 3/7 (who assesses the needs) 0.80, return 1/7 (the same request, form
/// E2) 0.92; the next 0.59 (referral 15/36, the child's and the adult's admission, which
/// say different things) and below. Between the two.
pub const TWIN: f64 = 0.65;

/// How many "by when?"s of a role's quiz may have the same correct answers: after two
/// "menjëherë" the learner guesses the third.
pub const SAME_WHEN: usize = 2;

/// A step is asked twice in a role's quiz ("who?" and "by when?") only where the quiz would
/// otherwise hold fewer questions than this.
pub const FEW: usize = 5;

/// Where a question's answer stands: its procedure's (or standard's) id, its step's (or
/// section's, criterion's) id, and its place in the source's order.
pub type Origin = (String, String, (usize, usize));

/// The sorted texts of a question's correct choices.
fn answers(qv: &QuestionView) -> Vec<String> {
    let mut a: Vec<String> = qv
        .choices
        .iter()
        .filter(|c| c.correct)
        .map(|c| c.text.clone())
        .collect();
    a.sort();
    a
}

/// The stems of a quote's content words.
fn stems(quote: &str) -> BTreeSet<String> {
    super::content_words(quote)
        .iter()
        .map(|w| word_stem(w))
        .collect()
}

/// The share of the smaller set's words the two hold in common (0 where one is empty).
pub fn shared(a: &str, b: &str) -> f64 {
    let (a, b) = (stems(a), stems(b));
    let least = a.len().min(b.len());
    if least == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / least as f64
}

/// Whether two questions are one duty asked twice: one kind, the same correct answers, and
/// quotes that share `TWIN` of their words.
pub fn twins(a: &QuestionView, b: &QuestionView) -> bool {
    a.ask == b.ask && answers(a) == answers(b) && shared(&a.quote, &b.quote) >= TWIN
}

/// Why a question is left out of a role's quiz.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Out {
    /// A twin of a question earlier in the source (`twins`).
    Twin,
    /// A "by when?" whose answers `SAME_WHEN` others have.
    SameWhen,
    /// Its step is asked already.
    StepAsked,
}

/// Which questions of a role's quiz (in page order) to ask: `None` for one that is asked,
/// else why not. `origin` tells each question's place (`Origin`).
///
/// The caps go in the page's order (a procedure's first question, the next procedure's
/// first, … its second, …), the "by when?"s before the "who?"s: in a role's own quiz the
/// role always answers its "who?", its deadline is what it has to learn, so a step's
/// "who?" is asked where its "by when?" is not. Then of two
/// twins asked the first in the source's order stays, and the caps run again without the
/// other, until no twins are left.
pub fn choose(
    questions: &[QuestionView],
    origin: &dyn Fn(&str) -> Option<Origin>,
) -> Vec<Option<Out>> {
    let n = questions.len();
    let place = |i: usize| origin(&questions[i].id);
    let mut twin = vec![false; n];
    let mut by_source: Vec<usize> = (0..n).collect();
    by_source.sort_by_key(|&i| (place(i).map(|o| o.2), i));
    loop {
        let mut out = capped(questions, &place, &twin, None);
        // The half rule: where one procedure gives more than half and another's question
        // was left out by a cap, the others' questions take the caps' places first.
        if let Some(p) = largest(&out, &place)
            && (0..n).any(|i| {
                matches!(out[i], Some(Out::SameWhen | Out::StepAsked))
                    && place(i).is_some_and(|o| o.0 != p)
            })
        {
            out = capped(questions, &place, &twin, Some(&p));
        }
        let mut kept: Vec<usize> = Vec::new();
        let mut more = false;
        for &i in by_source.iter().filter(|&&i| out[i].is_none()) {
            if kept.iter().any(|&k| twins(&questions[k], &questions[i])) {
                twin[i] = true;
                more = true;
            } else {
                kept.push(i);
            }
        }
        if !more {
            return out;
        }
    }
}

/// The caps (`SAME_WHEN`, a step's "who?" and "by when?" once unless the quiz holds fewer
/// than `FEW`) over the questions that are no `twin`, in the page's order, those of every
/// procedure but `behind` first where it is given.
fn capped(
    questions: &[QuestionView],
    place: &dyn Fn(usize) -> Option<Origin>,
    twin: &[bool],
    behind: Option<&str>,
) -> Vec<Option<Out>> {
    let n = questions.len();
    let step_of = |i: usize| place(i).map(|o| (o.0, o.1)).unwrap_or_default();
    let mut order: Vec<usize> = (0..n).filter(|&i| !twin[i]).collect();
    if let Some(p) = behind {
        order.sort_by_key(|&i| (step_of(i).0 == p, i));
    }
    let mut out: Vec<Option<Out>> = (0..n).map(|i| twin[i].then_some(Out::Twin)).collect();
    let mut when: BTreeMap<Vec<String>, usize> = BTreeMap::new();
    let mut steps: BTreeSet<(String, String)> = BTreeSet::new();
    let mut count = 0usize;
    // The "by when?"s and "which form?"s first, then the "who?"s of the steps not asked yet;
    // then, where the quiz is short, the steps' second questions.
    for phase in 0..3 {
        for &i in &order {
            let q = &questions[i];
            let take = match phase {
                0 => q.ask != "who",
                1 => q.ask == "who",
                _ => count < FEW && out[i] == Some(Out::StepAsked),
            };
            if !take {
                continue;
            }
            if q.ask == "when" && when.get(&answers(q)).copied().unwrap_or(0) >= SAME_WHEN {
                out[i] = Some(Out::SameWhen);
                continue;
            }
            let once = q.ask == "when" || q.ask == "who";
            if once && phase < 2 && !steps.insert(step_of(i)) {
                out[i] = Some(Out::StepAsked);
                continue;
            }
            if q.ask == "when" {
                *when.entry(answers(q)).or_default() += 1;
            }
            out[i] = None;
            count += 1;
        }
    }
    out
}

/// The procedure that gives more than half of the questions asked, if one does.
fn largest(out: &[Option<Out>], place: &dyn Fn(usize) -> Option<Origin>) -> Option<String> {
    let mut by: BTreeMap<String, usize> = BTreeMap::new();
    let asked = (0..out.len()).filter(|&i| out[i].is_none());
    for i in asked.clone() {
        *by.entry(place(i).map(|o| o.0).unwrap_or_default())
            .or_default() += 1;
    }
    let total = asked.count();
    by.into_iter().find(|(_, c)| 2 * c > total).map(|(p, _)| p)
}

/// Keeps the questions of a role's quiz `choose` asks.
pub(super) fn spread(questions: &mut Vec<QuestionView>, origin: &dyn Fn(&str) -> Option<Origin>) {
    let out = choose(questions, origin);
    let mut out = out.into_iter();
    questions.retain(|_| out.next().flatten().is_none());
}

#[cfg(test)]
mod tests {
    use super::super::{ChoiceView, QuestionView};
    use super::{Origin, Out, choose};

    fn q(id: &str, ask: &'static str, quote: &str, answer: &str) -> QuestionView {
        QuestionView {
            id: id.to_string(),
            number: 0,
            ask,
            prompt: String::new(),
            multiple: false,
            step_label: String::new(),
            step_short: String::new(),
            step_url: String::new(),
            choices: vec![ChoiceView {
                letter: String::new(),
                text: answer.to_string(),
                correct: true,
                members: String::new(),
            }],
            answer: String::new(),
            answer_note: String::new(),
            source: String::new(),
            quote: quote.to_string(),
            whole: quote.to_string(),
            names: Default::default(),
            apart: None,
            proved: true,
            examples_follow: false,
        }
    }

    fn origin(id: &str) -> Option<Origin> {
        let mut it = id.split('.');
        let (p, s) = (it.next()?.to_string(), it.next()?.to_string());
        let order = (usize::from(p == "b"), s.parse().ok()?);
        Some((p, s, order))
    }

    fn asked(qs: &[QuestionView]) -> Vec<&str> {
        let out = choose(qs, &origin);
        qs.iter()
            .zip(out)
            .filter(|(_, o)| o.is_none())
            .map(|(q, _)| q.id.as_str())
            .collect()
    }

    #[test]
    fn another_procedures_deadline_takes_the_caps_place_before_the_largests() {
        // Procedure a's two "menjëherë" come first on the page: without the half rule they
        // fill the cap and b's deadline is left out, a giving three of four. (The quiz is
        // short, `FEW`: b's step asks its "who?" too.)
        let qs = [
            q("a.1.when", "when", "njofton … policinë", "menjëherë"),
            q(
                "a.2.when",
                "when",
                "fillon … vlerësimin e nevojave",
                "menjëherë",
            ),
            q("a.3.who", "who", "… harton planin", "X"),
            q("b.1.when", "when", "informon … prindin", "menjëherë"),
            q("b.1.who", "who", "… informon prindin", "X"),
        ];
        assert_eq!(asked(&qs), ["a.1.when", "a.3.who", "b.1.when", "b.1.who"]);
    }

    #[test]
    fn a_twin_is_asked_once_the_first_in_the_source_and_frees_its_step() {
        // b.2 is printed after a.… in the source but first on the page; a.5's twin b.2 goes,
        // and b.2's step may then ask its "who?".
        let qs = [
            q(
                "b.2.when",
                "when",
                "nis … procedurat për sigurimin e lejes",
                "menjëherë",
            ),
            q("b.2.who", "who", "… nis procedurat", "X"),
            q(
                "a.5.when",
                "when",
                "menaxheri nis … procedurat për sigurimin e lejes",
                "menjëherë",
            ),
            q("a.6.who", "who", "… harton planin", "X"),
            q("a.7.who", "who", "… raporton", "X"),
            q("a.8.who", "who", "… mbyll rastin", "X"),
        ];
        let out = choose(&qs, &origin);
        assert_eq!(out[0], Some(Out::Twin));
        assert_eq!(
            asked(&qs),
            ["b.2.who", "a.5.when", "a.6.who", "a.7.who", "a.8.who"]
        );
    }
}
