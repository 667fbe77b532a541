//! Issue 25, review 39 (F3, F4, F6, F10, F12): quizzes that test what the source says — only
//! the one who acts is blanked and credited, no stem keeps the head noun of its answer or
//! the words that single out its form, one question per sentence, deadlines asked as the
//! source sets them, and every stem a sentence that names what it asks.

use std::collections::{BTreeMap, BTreeSet};

use crate::quizzes::{Q, content_words, prefix, questions};

/// The questions with id `id`, on any quiz page.
fn asked<'a>(all: &'a [Q], id: &str) -> Vec<&'a Q> {
    all.iter().filter(|q| q.id == id).collect()
}

/// The first content word of a choice ("menaxheri" of "Menaxheri i rastit") as its
/// inflected forms begin: less its last letter where it has more than four.
fn head(choice: &str) -> Option<String> {
    let t = choice.split_once(" — ").map_or(choice, |(_, t)| t);
    content_words(t).first().map(|w| {
        let n = w.chars().count();
        w.chars().take(if n > 4 { n - 1 } else { n }).collect()
    })
}

/// Whether a word of `quote` is an inflected form of `head`, outside a phrase that names
/// something else (`other_names`: "njësi administrative", adversary 48 L-2).
fn holds(quote: &str, head: &str, correct: &str) -> bool {
    let words = content_words(quote);
    let fits = |w: &str, h: &str| w.starts_with(h) && w.chars().count() <= h.chars().count() + 4;
    let stem = |w: &str| -> String {
        let n = w.chars().count();
        w.chars().take(if n > 4 { n - 1 } else { n }).collect()
    };
    let mut other = vec![false; words.len()];
    for name in other_names().iter().filter(|n| n.as_str() != correct) {
        let p: Vec<String> = content_words(name).iter().map(|w| stem(w)).collect();
        if p.len() < 2 {
            continue;
        }
        for i in 0..words.len().saturating_sub(p.len() - 1) {
            if words[i..i + p.len()]
                .iter()
                .zip(&p)
                .all(|(w, h)| fits(w, h))
            {
                other[i..i + p.len()].iter_mut().for_each(|o| *o = true);
            }
        }
    }
    words.iter().zip(&other).any(|(w, o)| !o && fits(w, head))
}

/// The names of the handbook's roles and institutions and its glossary's terms, from the
/// content (`title:`, `institution:`, `- term:` lines).
fn other_names() -> &'static [String] {
    static NAMES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let root = crate::common::repo().join("content");
        let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(root.join("roles"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.push(root.join("glossary.yaml"));
        let mut out = Vec::new();
        for f in files {
            for line in std::fs::read_to_string(f).unwrap().lines() {
                let line = line.trim_start_matches([' ', '-']);
                for key in ["title:", "institution:", "term:"] {
                    if let Some(v) = line.strip_prefix(key) {
                        let v = v.trim().trim_matches(|c: char| !c.is_alphanumeric());
                        if !v.is_empty() {
                            out.push(v.to_string());
                        }
                    }
                }
            }
        }
        out
    })
}

/// The words (first five letters) of a text.
fn stems(s: &str) -> BTreeSet<String> {
    content_words(s).iter().map(|w| prefix(w)).collect()
}

/// The give-away rules of review 39 F4 beyond "every word in the stem": a correct role's head
/// noun in the stem that no wrong choice has as its head; a correct form's words in the stem
/// that no wrong choice has all of.
pub(crate) fn gives_away_more(q: &Q) -> Vec<String> {
    let quote = stems(q.quote());
    let mut out = Vec::new();
    if q.id.ends_with(".who") {
        let wrong: BTreeSet<String> = q
            .wrong
            .iter()
            .filter_map(|w| head(w))
            .map(|h| prefix(&h))
            .collect();
        for c in &q.correct {
            let title = c.split_once(" — ").map_or(c.as_str(), |(_, t)| t);
            if let Some(h) =
                head(c).filter(|h| holds(q.quote(), h, title) && !wrong.contains(&prefix(h)))
            {
                out.push(format!("head {h} of {c}"));
            }
        }
    }
    if q.id.ends_with(".who") {
        out.extend(attribute_after_blank(q));
    }
    if q.id.ends_with(".form") {
        let title = |c: &str| stems(c.split_once(" — ").map_or(c, |(_, t)| t));
        for c in &q.correct {
            let held: BTreeSet<String> = title(c).intersection(&quote).cloned().collect();
            if !held.is_empty() && q.wrong.iter().all(|w| !held.is_subset(&title(w))) {
                out.push(format!("{held:?} single out {c}"));
            }
        }
    }
    out
}

/// Read-47b M-1: the attribute right after a blank ("… i AP-së") that correct choices fit
/// and no wrong one: a choice holds the word (its first five letters), or the abbreviation,
/// or words whose initials spell it ("autoritetit përgjegjës" for "AP").
fn attribute_after_blank(q: &Q) -> Vec<String> {
    let fits = |choice: &str, word: &str| {
        if word.chars().all(char::is_uppercase) {
            let initials: String = content_words(choice)
                .iter()
                .filter_map(|w| w.chars().next())
                .collect();
            choice
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == word)
                || initials.contains(&word.to_lowercase())
        } else {
            stems(choice).contains(&prefix(&word.to_lowercase()))
        }
    };
    let mut out = Vec::new();
    for after in q.quote().split('…').skip(1) {
        let mut words = after.split_whitespace();
        let (Some(article), Some(next)) = (words.next(), words.next()) else {
            continue;
        };
        let word: String = next.chars().take_while(|c| c.is_alphanumeric()).collect();
        if !["i", "e", "të", "së"].contains(&article) || word.is_empty() {
            continue;
        }
        if q.correct.iter().any(|c| fits(c, &word)) && !q.wrong.iter().any(|w| fits(w, &word)) {
            out.push(format!("attribute „{article} {next}“ after the blank"));
        }
    }
    out
}

#[test]
fn no_stem_keeps_the_head_of_its_role_or_the_words_that_single_out_its_form() {
    // The rules themselves (review 39 F4): referral step 28 and step 15.
    let q = Q {
        page: String::new(),
        id: "x.28.who".into(),
        stem: "Kush vepron në hapin 28: „Menaxheri informon prindin/kujdestarin ligjor“?".into(),
        correct: vec!["Menaxheri i rastit".into()],
        wrong: vec![
            "Psikologu".into(),
            "Tryeza multidisiplinare për ndihmë në menaxhimin e rasteve (Kosovë)".into(),
        ],
    };
    assert_eq!(gives_away_more(&q).len(), 1);
    let q = Q {
        id: "x.15.form".into(),
        stem: "Cili formular përdoret në hapin 15: „… plotëson deklaratën e pranimit dhe njofton fëmijën“?".into(),
        correct: vec!["C3 — Formular pranimi në qendër rezidenciale/emergjente për fëmijë".into()],
        wrong: vec![
            "C1 — Për pranimin në qendër rezidenciale/emergjence për të rritur".into(),
            "A3 — Intervista fillestare me fëmijën".into(),
        ],
        ..q
    };
    assert_eq!(gives_away_more(&q).len(), 1);
    // A wrong choice with the same head keeps the stem honest.
    let q = Q {
        id: "x.3.who".into(),
        stem: "Kush vepron në hapin 3: „Drejtuesi i … mbledh …“?".into(),
        correct: vec!["Drejtues/kryesues i autoritetit përgjegjës".into()],
        wrong: vec!["Drejtuesi i qendrës së shërbimit".into()],
        ..q
    };
    assert!(gives_away_more(&q).is_empty());
    // Read-47b M-1: "… i AP-së" where only the secretariat belongs to the AP.
    let q = Q {
        id: "pritja-shtetas-shqiptare.2.who".into(),
        stem: "Kush vepron në hapin 2: „… i AP-së, menjëherë harton dhe dërgon kërkesën“?".into(),
        correct: vec!["Sekretariati teknik i autoritetit përgjegjës".into()],
        wrong: vec![
            "Njësia e Vlerësimit të Nevojave dhe Referimit".into(),
            "Njësia e Mbrojtjes së Fëmijës".into(),
        ],
        ..q
    };
    assert_eq!(gives_away_more(&q).len(), 1);
    let all = questions();
    let found: Vec<String> = all
        .iter()
        .flat_map(|q| {
            gives_away_more(q)
                .into_iter()
                .map(move |g| format!("{}: {}: {g} ← {}", q.page, q.id, q.quote()))
        })
        .collect();
    assert!(found.is_empty(), "{} give-aways: {found:#?}", found.len());
    // The cases the review names: referral 28 blanks its manager, 15 and 24 their form.
    for q in asked(&all, "referimi-mbrojtja-asistenca.28.who") {
        assert!(!q.quote().starts_with("Menaxheri"), "{}", q.stem);
    }
}

#[test]
fn only_the_one_who_acts_is_blanked_and_credited() {
    // Review 39 F3: 001:1004 "Sekretariati i AP-së kërkon mbledhjen e AP-së brenda 24
    // orëve"; 001:1099 "APAP-i i SHSSH-së kërkon mbledhjen e AP-së"; 001:1079 "Punonjësi i
    // rastit bashkëpunon me NJMF-në dhe PMF-ja verifikon".
    let all = questions();
    let ap = "Autoriteti përgjegjës";
    // (Step 41's "who?" has the APAP alone now, an answer set asked twice already: capped.)
    for id in [
        "referimi-mbrojtja-asistenca.13.who",
        "referimi-mbrojtja-asistenca.41.who",
    ] {
        let qs = asked(&all, id);
        assert!(
            !qs.is_empty() || id.ends_with("41.who"),
            "{id} is asked nowhere"
        );
        for q in qs {
            assert!(
                q.quote().contains("mbledhjen e AP-së"),
                "{}: {}",
                q.page,
                q.stem
            );
            assert!(!q.correct.iter().any(|c| c == ap), "{}: {}", q.page, q.stem);
        }
    }
    let qs = asked(&all, "referimi-mbrojtja-asistenca.35.who");
    assert!(!qs.is_empty());
    for q in qs {
        assert!(
            q.quote().contains("bashkëpunon me NJMF-në dhe … verifikon"),
            "{}: {}",
            q.page,
            q.stem
        );
        assert!(
            !q.correct
                .iter()
                .any(|c| c == "Njësia e Mbrojtjes së Fëmijës"),
            "{}",
            q.stem
        );
    }
    // 001:902 "Komisioni thirret në mbledhje nga kryetari": convened, not the one who acts.
    for q in all
        .iter()
        .filter(|q| q.quote().contains("thirret në mbledhje"))
    {
        assert!(
            !q.correct.iter().any(|c| c.starts_with("Komisioni")),
            "{}: {}: {}",
            q.page,
            q.id,
            q.stem
        );
    }
    // No blank spans a conjunction: "… dhe …" stays two gaps wherever two phrases are blanked.
    assert!(
        !all.iter()
            .any(|q| q.quote().contains("bashkëpunon me … verifikon")),
        "a blank swallowed „NJMF-në dhe PMF-ja“"
    );
}

#[test]
fn a_quiz_asks_a_sentence_once_per_kind() {
    // Review 39 F6: referral steps 15 and 24 print the same admission sentence (001).
    let all = questions();
    let mut by: BTreeMap<(String, String, Vec<String>), Vec<String>> = BTreeMap::new();
    for q in &all {
        let kind = q.id.rsplit('.').next().unwrap().to_string();
        let opening: Vec<String> = content_words(q.quote())
            .iter()
            .filter(|w| !w.contains('…'))
            .take(6)
            .map(|w| prefix(w))
            .collect();
        by.entry((q.page.clone(), kind, opening))
            .or_default()
            .push(q.id.clone());
    }
    let twice: Vec<_> = by.iter().filter(|(_, ids)| ids.len() > 1).collect();
    assert!(twice.is_empty(), "{twice:#?}");
    // The psychologist's admission of adults (step 36) says who admits.
    for q in asked(&all, "referimi-mbrojtja-asistenca.36.when") {
        assert!(
            q.quote().starts_with("Një punonjës social ose psikolog"),
            "{}",
            q.stem
        );
    }
    let psy: Vec<&Q> = all
        .iter()
        .filter(|q| q.page == "roli-psikologu.html" && q.id.ends_with(".form"))
        .filter(|q| q.correct.iter().any(|c| c.starts_with("C3")))
        .collect();
    assert!(
        psy.len() <= 1,
        "{:?}",
        psy.iter().map(|q| &q.id).collect::<Vec<_>>()
    );
}

#[test]
fn a_by_when_asks_what_the_source_sets_as_it_sets_it() {
    // Review 39 F10.
    let all = questions();
    // S1.5 "Ruajtje ose siguri fizike 24 orë" is a service round the clock: no deadline.
    assert!(asked(&all, "S1.5.when").is_empty());
    // S6.7: "Kjo" is the training the sentence before names; a length is asked "Sa zgjat".
    // Since review 43 L12 it is not asked: "të paktën 2 javë në vit" is the handbook's only
    // yearly amount, and "në vit" singled it out among lengths that are not (no honest
    // wrong answer of its kind: `places::counted_alone`). Where asked, it is asked so.
    let s67 = asked(&all, "S6.7.when");
    assert!(
        s67.is_empty(),
        "{:?}",
        s67.iter().map(|q| &q.stem).collect::<Vec<_>>()
    );
    for q in s67 {
        assert!(q.quote().contains("trajnim"), "{}", q.stem);
        assert!(q.stem.contains("Sa zgjat"), "{}", q.stem);
        assert!(
            !q.wrong.iter().any(|w| w.contains("minuta")),
            "{:?}",
            q.wrong
        );
    }
    // S5.3: the criterion's own words, never its evidence column; one blank for "dy-vjeçare".
    for q in asked(&all, "S5.3.when") {
        assert!(!q.quote().contains("vjeçare"), "{}", q.stem);
        assert!(!q.quote().contains("Një strategji"), "{}", q.stem);
    }
    // S2.1: only "2-javësh" is blanked, its qualifier stays; the little word before it
    // goes with the blank (review 43, L12).
    for q in asked(&all, "S2.1.when") {
        assert!(
            q.quote().contains("brenda një afati kohor maksimal …,"),
            "{}",
            q.stem
        );
    }
    // 001 reintegration step 10 "për një periudhë deri në 24 muaj": months against months,
    // asked how long; the formal interview's minutes against minutes.
    for q in asked(&all, "riintegrimi-afatgjate.10.when") {
        assert!(
            q.stem.starts_with("Sa zgjat") || q.stem.contains(". Sa zgjat"),
            "{}",
            q.stem
        );
        assert!(
            !q.wrong.iter().any(|w| w.contains("minuta")),
            "{:?}",
            q.wrong
        );
    }
    for q in asked(&all, "identifikimi-formal.6.when") {
        assert!(!q.wrong.iter().any(|w| w.contains("muaj")), "{:?}", q.wrong);
    }
    // 003 step 5: "të paktën" is one phrase, never half blanked.
    for q in all.iter().filter(|q| q.id.ends_with(".when")) {
        assert!(!q.quote().contains("të … një"), "{}: {}", q.id, q.stem);
        assert!(!q.quote().contains("…-"), "{}: {}", q.id, q.stem);
    }
    // A sentence is quoted once, also where it says who acts for the next (003 step 5).
    for q in asked(&all, "menaxhimi-i-rastit.5.when") {
        assert_eq!(
            q.quote().matches("të referimit fillestar").count(),
            1,
            "{}",
            q.stem
        );
    }
    // Every single length of time is asked "how long?".
    for q in all.iter().filter(|q| q.id.ends_with(".when")) {
        let lengths = q.correct.len() == 1 && q.correct[0].contains("kohëzgjatja");
        assert_eq!(
            lengths,
            q.stem.contains("Sa zgjat"),
            "{}: {}",
            q.page,
            q.stem
        );
    }
}

#[test]
fn a_who_stem_quotes_the_sentence_that_names_who_acts() {
    // Review 39 F12: 002:574-580 "Informimi i punonjësve në njësi administrative ose
    // bashki" is a heading; "punonjësi social së pari identifikon …" names who acts.
    let all = questions();
    let q = asked(&all, "informimi.1.2.who");
    assert!(!q.is_empty(), "informimi 1.2 is asked nowhere");
    for q in q {
        assert!(q.quote().contains("së pari identifikon"), "{}", q.stem);
    }
    // The place is no role: "njësi administrative" is never blanked beside "punonjësve në".
    assert!(!all.iter().any(|q| q.quote().contains("punonjësve në …")));
    // "Vlerësimi fillestar" (002, 3.1) is a heading: the stem quotes who assesses.
    for q in asked(&all, "menaxhimi-i-rastit-nja.3.1.who") {
        assert_ne!(q.quote(), "Vlerësimi fillestar", "{}", q.stem);
    }
    // A stem never ends pointing at what it does not show ("… që shpjegon:"), unless what
    // it points at are the source's examples ("…, për shembull:", adversary 48 L-7).
    let open: Vec<String> = all
        .iter()
        .filter(|q| q.quote().trim_end().ends_with(':'))
        .filter(|q| !q.quote().trim_end().ends_with("shembull:"))
        .map(|q| format!("{}: {}", q.page, q.stem))
        .collect();
    assert!(open.is_empty(), "{open:#?}");
}
