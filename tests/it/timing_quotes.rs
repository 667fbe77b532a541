//! Issue 25, adversary 51 M-1, M-2, L-1..L-3: every timing's words stand in the text they
//! belong to (the step's, the passage's, the criterion's), verbatim, whole words, within
//! one sentence, outside examples, elided or not; found by one function
//! (`validate::quotes`), so an elided quote is held to every rule a whole one is.

use crate::common::{build, build_ok, minimal_copy, read};

const STEP: &str = "    text: Intervista formale me fëmijën zgjat jo më shumë se 60 minuta.\n    actors: [punonjes-social]\n    timing:\n      - text: jo më shumë se 60 minuta\n        duration: PT60M\n";
const SOP: &str = "content/sop/02-identifikimi-formal.yaml";
const STANDARD: &str = "standards/02-vleresimi.yaml";

/// The minimal handbook with `from` replaced by `to` in its file `path`.
fn with(path: &str, from: &str, to: &str) -> tempfile::TempDir {
    let dir = minimal_copy();
    let file = dir.path().join(path);
    let src = read(&file);
    assert!(src.contains(from), "the fixture's {path} holds {from:?}");
    std::fs::write(&file, src.replacen(from, to, 1)).unwrap();
    dir
}

/// The minimal handbook with its step 1 written as `step` (text, actors, timing).
fn with_step(step: &str) -> tempfile::TempDir {
    with(SOP, STEP, step)
}

/// A step with `text`, acted by the social worker, with one timing of `quote` (and `more`,
/// its other keys, each a line).
fn step(text: &str, quote: &str, more: &str) -> String {
    format!(
        "    text: \"{text}\"\n    actors: [punonjes-social]\n    timing:\n      - text: \"{quote}\"\n        within: P1D\n{more}"
    )
}

/// The build's error output, the build having failed.
fn refused(dir: &tempfile::TempDir) -> String {
    let out = build(dir.path(), &dir.path().join("site"));
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!out.status.success(), "expected a refusal:\n{err}");
    err
}

/// Whether `err` has an error located in `file` (file:line:col) that says `says`.
fn located(err: &str, file: &str, says: &str) -> bool {
    let name = file.rsplit('/').next().unwrap();
    err.lines().any(|l| {
        l.contains(says)
            && l.contains(": error: ")
            && l.split(&format!("{name}:")).nth(1).is_some_and(|at| {
                let mut parts = at.split(':');
                parts.next().is_some_and(|n| n.parse::<u32>().is_ok())
                    && parts.next().is_some_and(|n| n.parse::<u32>().is_ok())
            })
    })
}

#[test]
fn an_elided_quote_from_the_evidence_alone_names_whose_act_it_is() {
    // M-1: the plain quote was refused, the elided one passed (`contains` found neither).
    let timing = "    timing:\n      - text: çdo muaj\n        every: P1M\n";
    let evidence_only = "    timing:\n      - text: \"Formulari i vlerësimit … gjendet në dosje\"\n        every: P1M\n";
    for quote in [
        evidence_only.to_string(),
        evidence_only.replace(
            "Formulari i vlerësimit … gjendet",
            "Formulari i vlerësimit të nevojave, i plotësuar, gjendet",
        ),
    ] {
        let err = refused(&with(STANDARD, timing, &quote));
        assert!(
            located(
                &err,
                STANDARD,
                "expected a timing found only in the evidence to name whose act it is"
            ),
            "{quote}\n{err}"
        );
    }
    // Naming whose act it is, it stands (quoted whole: an elision opens on who acts, and
    // this evidence names no one, `a_quote_leaves_out_only_words_between_who_acts_and_the_act`).
    let named = evidence_only
        .replace(
            "Formulari i vlerësimit … gjendet",
            "Formulari i vlerësimit të nevojave, i plotësuar, gjendet",
        )
        .replace(
            "every: P1M\n",
            "every: P1M\n        actors: [punonjes-social]\n",
        );
    let dir = with(STANDARD, timing, &named);
    let text = read(&dir.path().join(STANDARD)).replace(
        "    text: Vlerësimi bëhet me shkrim.",
        "    roles: [punonjes-social]\n    text: Vlerësimi bëhet me shkrim.",
    );
    std::fs::write(dir.path().join(STANDARD), text).unwrap();
    build_ok(dir.path(), &dir.path().join("site"));
}

#[test]
fn a_timing_that_leaves_nothing_out_is_checked_against_its_step_too() {
    let text = "Me marrjen e njoftimit, punonjësi social përcjell informacionin brenda 3 ditëve. Grupi mblidhet.";
    // M-2: invented words, or "..." for "…", passed where no "…" was written.
    let err = refused(&with_step(&step(text, "brenda 99 ditëve", "")));
    assert!(
        located(
            &err,
            SOP,
            "expected a timing's words verbatim in the step's text, found \"brenda 99 ditëve\" not in it"
        ),
        "{err}"
    );
    let err = refused(&with_step(&step(
        text,
        "punonjësi social...brenda 3 ditëve",
        "",
    )));
    assert!(located(&err, SOP, "found \"...\" in"), "{err}");
    assert!(
        err.contains("\" … \""),
        "the hint says how to write it: {err}"
    );
    // Whole words: "brenda 3 ditë" is not printed, "brenda 3 ditëve" is.
    let err = refused(&with_step(&step(text, "brenda 3 ditë", "")));
    assert!(
        located(
            &err,
            SOP,
            "found \"brenda 3 ditë\" only inside longer words"
        ),
        "{err}"
    );
    // Words of two sentences.
    let err = refused(&with_step(&step(
        text,
        "brenda 3 ditëve. Grupi mblidhet",
        "",
    )));
    assert!(
        located(&err, SOP, "within one sentence of the step's text"),
        "{err}"
    );
    // As printed, it stands.
    let ok = with_step(&step(text, "brenda 3 ditëve", ""));
    build_ok(ok.path(), &ok.path().join("site"));
}

#[test]
fn a_step_s_timing_may_quote_a_passage_of_its_procedure_it_names() {
    // Formal identification step 6: the interview's limits are printed in the passage
    // "Kohëzgjatja e intervistës formale:" (001:775-778), not in the step.
    let passage = "sections:\n  - title: \"Kohëzgjatja e intervistës:\"\n    items:\n      - Intervista zgjat maksimumi 90 minuta.\nsteps:\n";
    let dir = |quote: &str, from: &str| {
        let d = with_step(&step(
            "Intervista formale me fëmijën zgjat jo më shumë se 60 minuta.",
            quote,
            &format!("        from_section: \"{from}\"\n"),
        ));
        let sop = d.path().join(SOP);
        std::fs::write(&sop, read(&sop).replacen("steps:\n", passage, 1)).unwrap();
        d
    };
    let ok = dir(
        "Intervista zgjat maksimumi 90 minuta",
        "Kohëzgjatja e intervistës:",
    );
    build_ok(ok.path(), &ok.path().join("site"));
    // Not named: the step's text does not hold them.
    let unnamed = with_step(&step(
        "Intervista formale me fëmijën zgjat jo më shumë se 60 minuta.",
        "Intervista zgjat maksimumi 90 minuta",
        "",
    ));
    let err = refused(&unnamed);
    assert!(located(&err, SOP, "verbatim in the step's text"), "{err}");
    // A title no passage has.
    let err = refused(&dir("Intervista zgjat maksimumi 90 minuta", "Kohëzgjatja"));
    assert!(
        located(
            &err,
            SOP,
            "expected the title of a passage of this procedure (\"Kohëzgjatja e intervistës:\"), found \"Kohëzgjatja\""
        ),
        "{err}"
    );
    // Words the passage does not hold.
    let err = refused(&dir(
        "Intervista zgjat maksimumi 60 minuta",
        "Kohëzgjatja e intervistës:",
    ));
    assert!(
        located(
            &err,
            SOP,
            "verbatim in the text of the passage \"Kohëzgjatja e intervistës:\", found \"Intervista zgjat maksimumi 60 minuta\" not in it"
        ),
        "{err}"
    );
    // Words the step holds itself: no passage to name.
    let err = refused(&dir(
        "jo më shumë se 60 minuta",
        "Kohëzgjatja e intervistës:",
    ));
    assert!(
        located(
            &err,
            SOP,
            "expected `from_section` only where the step's text does not hold"
        ),
        "{err}"
    );
    // On a criterion's timing: refused.
    let err = refused(&with(
        STANDARD,
        "        every: P1M\n",
        "        every: P1M\n        from_section: \"Kohëzgjatja\"\n",
    ));
    assert!(
        located(
            &err,
            STANDARD,
            "expected `from_section` only on a step's timing"
        ),
        "{err}"
    );
}

#[test]
fn an_elided_quote_stands_within_one_list_item_and_one_question() {
    // L-1: one sentence ended only at ". "; two list items or a "?" were one sentence.
    let items = "Formulari përmban:\\n\\n- Informacione mbi mënyrën e referimit brenda ditës\\n- Arsyet e Referimit";
    let err = refused(&with_step(&step(
        items,
        "Informacione mbi mënyrën … Arsyet e Referimit",
        "",
    )));
    assert!(
        located(
            &err,
            SOP,
            "within one sentence of the step's text, found \"Arsyet e Referimit\" after the sentence ending"
        ),
        "{err}"
    );
    let question = "Cilat të dhëna janë më bindëse brenda ditës? Ku ndryshojnë ato?";
    let err = refused(&with_step(&step(
        question,
        "Cilat të dhëna … Ku ndryshojnë ato",
        "",
    )));
    assert!(
        located(
            &err,
            SOP,
            "found \"Ku ndryshojnë ato\" after the sentence ending \"dhëna janë më bindëse brenda ditës?\""
        ),
        "{err}"
    );
    let bang = "Njoftoni grupin brenda ditës! Pastaj mbyllni dosjen.";
    let err = refused(&with_step(&step(bang, "Njoftoni … mbyllni dosjen", "")));
    assert!(located(&err, SOP, "within one sentence"), "{err}");
    // Within one item, one question, opening on who acts: it stands.
    for (text, quote) in [
        (
            "Formulari përmban:\\n\\n- Punonjësi social plotëson informacionet brenda ditës\\n- Arsyet e Referimit",
            "Punonjësi social … brenda ditës",
        ),
        (
            "A e njofton Punonjësi social grupin brenda ditës? Ku ndryshojnë ato?",
            "Punonjësi social … brenda ditës",
        ),
    ] {
        let ok = with_step(&step(text, quote, ""));
        build_ok(ok.path(), &ok.path().join("site"));
    }
}

#[test]
fn a_condition_never_crosses_an_elision() {
    // L-2: "APAP-i … nëse" stood in the timing's words; the badge read a case the source
    // never prints.
    let text = "Me marrjen e njoftimit, punonjësi social përcjell informacionin dhe, nëse është e nevojshme, kërkon mbledhjen e menjëhershme të grupit.";
    let quote =
        "punonjësi social … nëse është e nevojshme, kërkon mbledhjen e menjëhershme të grupit";
    let err = refused(&with_step(&step(
        text,
        quote,
        "        condition: \"punonjësi social … nëse\"\n",
    )));
    assert!(
        located(
            &err,
            SOP,
            "expected the condition \"punonjësi social … nëse\" within one piece of the timing's words"
        ),
        "{err}"
    );
    let ok = with_step(&step(
        text,
        quote,
        "        condition: \"nëse është e nevojshme\"\n",
    ));
    build_ok(ok.path(), &ok.path().join("site"));
}

#[test]
fn a_piece_from_an_example_is_said_to_be_in_an_example() {
    // L-3: an elided quote's piece from a "Shembull" block was "not in it".
    let text = "Punonjësi social harton raportin.\\n\\n> Shembull: punonjësi social e dërgon raportin brenda 5 ditëve.";
    let err = refused(&with_step(&step(
        text,
        "punonjësi social … brenda 5 ditëve",
        "",
    )));
    assert!(
        located(
            &err,
            SOP,
            "found \"punonjësi social … brenda 5 ditëve\" only in an example"
        ),
        "{err}"
    );
    assert!(!err.contains("not in it"), "{err}");
}

#[test]
fn a_quote_leaves_out_only_words_between_who_acts_and_the_act() {
    // Adversary 51c MED-1: an elision dropped the deadline's own words ("brenda … orëve",
    // "72" left out) or whose limit it is ("Intervista formale … zgjat maksimumi 60
    // minuta", "e fëmijës" left out). One "…", opening on a role's name, no number left out.
    let text = "Punonjësi social, brenda 72 orëve, kërkon mbledhjen e grupit dhe njofton prindin.";
    for (quote, says) in [
        (
            "brenda … orëve, kërkon mbledhjen e grupit",
            "expected an elided quote in the step's text to open on who acts, a role's name, found \"brenda\"",
        ),
        (
            "Punonjësi social, … kërkon mbledhjen e grupit",
            "to open on who acts, a role's name, found \"Punonjësi social,\"",
        ),
        (
            "Punonjësi social … kërkon mbledhjen e grupit",
            "expected the words an elided quote leaves out to hold no number, found \", brenda 72 orëve,\" left out",
        ),
        (
            "Punonjësi social … kërkon … njofton prindin",
            "expected one \"…\" in a timing's words (between who acts and the act), found 2",
        ),
    ] {
        let err = refused(&with_step(&step(text, quote, "")));
        assert!(located(&err, SOP, says), "{quote}\n{err}");
    }
    // Who acts, then the act with its deadline, the words between holding no number: it
    // stands.
    let ok = with_step(&step(
        "Punonjësi social njofton prindin, pastaj kërkon mbledhjen brenda 72 orëve.",
        "Punonjësi social … kërkon mbledhjen brenda 72 orëve",
        "",
    ));
    build_ok(ok.path(), &ok.path().join("site"));
}
