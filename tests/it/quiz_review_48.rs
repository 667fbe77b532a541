//! Adversary 47 and read-47b, the quizzes' rest: an everyday word of a "who?" stem that is
//! also a word of a correct role's name ("rastin", "fëmijës", "nevojë") points to no one
//! (M-4, M-6).

use crate::quizzes::{Q, questions};

fn all_of(id: &str) -> Vec<Q> {
    questions().into_iter().filter(|q| q.id == id).collect()
}

#[test]
fn a_who_stems_everyday_word_of_a_correct_name_neither_drops_nor_blanks_it() {
    // Each word stands alone in its stem: no other word of the correct role's name beside
    // it, and it is not the name's head. 003:2038, 001:1105-1107 (43), 001:1076 (34), 001:1415
    // (riintegrimi 11), 001:986 (9), 002:125 (13), 001:1054-1055 and 001:1115-1116 (26, 45).
    for (id, words) in [
        ("menaxhimi-i-rastit.3.who", "hap rastin dhe planifikon"),
        (
            "referimi-mbrojtja-asistenca.43.who",
            "monitorimin e mëtejshëm të rastit",
        ),
        (
            "referimi-mbrojtja-asistenca.34.who",
            "referimit të fëmijës në familje",
        ),
        (
            "riintegrimi-afatgjate.11.who",
            "Në varësi të ecurisë së rastit",
        ),
        (
            "referimi-mbrojtja-asistenca.9.who",
            "punonjësin e rastit të qendrës",
        ),
        ("struktura-bashkiake.13.who", "familjeve në nevojë"),
        (
            "referimi-mbrojtja-asistenca.26.who",
            "plan individual ndihme për rastin",
        ),
    ] {
        let qs = all_of(id);
        assert!(!qs.is_empty(), "{id} is not asked");
        for q in qs {
            assert!(q.quote().contains(words), "{}: {id}: {}", q.page, q.stem);
            assert!(!q.quote().contains("[…]"), "{}: {id}: {}", q.page, q.stem);
        }
    }
    // 45 is 26 again, one word apart: asked where 26 is not (adversary 46, Q-3).
    assert!(
        all_of("referimi-mbrojtja-asistenca.45.who")
            .iter()
            .all(|q| {
                q.quote().contains("plan individual ndihme për rastin")
                    && !q.quote().contains("[…]")
            })
    );
}

#[test]
fn a_when_stems_blank_stands_only_where_its_timings_words_are() {
    // Adversary 47, L-2: Kosovo 3.when blanked "nuk ka rrezik të menjëhershëm për jetën"
    // (003:2098), the medium-risk case: no deadline. The timing that binds no one,
    // "nevojitet veprim i menjëhershëm" (003:2099-2100), is quoted without it.
    let q = questions()
        .into_iter()
        .find(|q| q.id == "menaxhimi-i-rastit.3.when")
        .expect("Kosovo 3.when is asked");
    assert!(!q.quote().contains("nuk ka rrezik"), "{}", q.quote());
    assert!(
        q.quote().contains("nevojitet veprim i … për ta shpëtuar"),
        "{}",
        q.quote()
    );
    // Referral 8 (001:971): "Në situatë të rrezikut të lartë dhe të menjëhershëm" is the
    // risk, not when; only "duke njoftuar menjëherë" is. The risk is never blanked: the
    // stem quotes from the PMF, the words before left out (adversary 48 L-5).
    let eight: Vec<_> = questions()
        .into_iter()
        .filter(|q| q.id == "referimi-mbrojtja-asistenca.8.when")
        .collect();
    assert!(!eight.is_empty(), "referral 8.when is asked");
    for q in eight {
        assert!(q.quote().starts_with("[…] PMF-ja inicion"), "{}", q.quote());
        assert!(
            !q.quote().contains("rrezikut të lartë dhe të …"),
            "{}",
            q.quote()
        );
        assert!(
            q.quote().contains("duke njoftuar … drejtorin"),
            "{}",
            q.quote()
        );
    }
}

#[test]
fn a_who_whose_stem_would_be_a_title_alone_quotes_the_acting_sentences_or_is_not_asked() {
    // Read-47b, M-5: Kosovo 2.who quoted only „Ekzaminimi, regjistrimi dhe caktimi i …“,
    // the step's title, in which the case manager is only appointed. It quotes the
    // sentences in which its answers act: the QPS (003:1994), the Chief of the Service
    // and the case manager who signs (003:2034), whom the feedback names.
    let fb = crate::quiz_feedback::feedbacks();
    let qs = all_of("menaxhimi-i-rastit.2.who");
    assert!(!qs.is_empty());
    for q in qs {
        assert!(!q.quote().starts_with("Ekzaminimi"), "{}", q.stem);
        assert!(q.quote().contains("do të emërojë …"), "{}", q.stem);
        assert!(
            q.quote().contains("Formulari nënshkruhet gjithashtu nga …"),
            "{}",
            q.stem
        );
        let source = &fb[&(q.page.clone(), q.id.clone())];
        assert!(
            source.contains("punëtori i shërbimeve sociale i caktuar për menaxhimin e rastit"),
            "{source}"
        );
    }
    // Kosovo 1.who: the title „Referimi i fëmijës në Qendrën për Punë Sociale“ and a
    // sentence naming "çdo partner i mandatuar" (003:1964-1967), none of its answers: not
    // asked.
    assert!(all_of("menaxhimi-i-rastit.1.who").is_empty());
}

#[test]
fn where_the_ap_acts_no_institution_its_members_act_for_is_a_wrong_answer() {
    // Read-47b L-11: formal 13.who (001:822-826, "të gjithë anëtarëve të AP-së") marked
    // "Ministria e Arsimit" wrong, whose APAP sits in the AP ("përbëhet nga përfaqësues të
    // ministrive", VKM 772). The institutions the APAPs act for (`acting_for: of:`).
    let roles = crate::common::repo().join("content/roles");
    let title = |id: &str| -> String {
        std::fs::read_to_string(roles.join(format!("{id}.yaml")))
            .unwrap()
            .lines()
            .find_map(|l| l.strip_prefix("title: "))
            .unwrap()
            .trim_matches('"')
            .to_string()
    };
    let institutions: Vec<String> = [
        "ministria-e-arsimit",
        "mshms",
        "shssh",
        "ashdmf",
        "policia",
        "mepj",
    ]
    .iter()
    .map(|id| title(id))
    .collect();
    let mut asked = 0;
    for q in questions().into_iter().filter(|q| {
        q.id.ends_with(".who") && q.correct.iter().any(|c| c == "Autoriteti përgjegjës")
    }) {
        asked += 1;
        let bad: Vec<&String> = q
            .wrong
            .iter()
            .filter(|w| institutions.contains(w))
            .collect();
        assert!(bad.is_empty(), "{}: {}: {bad:?}", q.page, q.id);
    }
    assert!(asked >= 3, "{asked}");
}

#[test]
fn a_numbered_points_feedback_carries_the_lead_in_the_source_prints_before_it() {
    // Read-47b L-6: "Veprimet e përgjithshme:" (001:1338) and "Veprimet pas intervistës
    // fillestare:" (001:666) are printed as the lead-ins of numbered points; the feedback
    // quoted the point alone. The point's label as printed ("1."), never "1. (Hapi 15)".
    let fb = crate::quiz_feedback::feedbacks();
    for (page, id, quote) in [
        // (mbeshtetja-hetimit.1.who is no longer asked: "punonjësi që kryen intervistën"
        // names none of its answers, c50b.)
        (
            "mbeshtetja-hetimit.html",
            "mbeshtetja-hetimit.2.when",
            "Veprimet e përgjithshme: 2. APAP-i ndan menjëherë",
        ),
        (
            "identifikimi-fillestar.html",
            "identifikimi-fillestar.15.form",
            "Veprimet pas intervistës fillestare: 1. Kërkesë për identifikim formal",
        ),
    ] {
        let source = fb
            .get(&(page.to_string(), id.to_string()))
            .unwrap_or_else(|| panic!("{id} is not on {page}"));
        assert!(source.contains(quote), "{id}: {source}");
    }
    let told: Vec<String> = fb
        .iter()
        .filter(|(_, s)| s.contains("(Hapi "))
        .map(|((p, id), s)| format!("{p}: {id}: {s}"))
        .collect();
    assert!(told.is_empty(), "{}", told.join("\n"));
}

#[test]
fn a_stems_ap_wants_a_wrong_answer_of_the_ap_too_never_the_one_it_names() {
    // Read-47b L-10: „… mbledh AP-në …“ (pritja 8, 001:1320) and „… informon sekretariatin
    // e AP-së …“ (referral 31, 001:1067) offered one choice of the AP only, the answer.
    let of_ap = |c: &String| c.ends_with("i autoritetit përgjegjës");
    for id in [
        "pritja-shtetas-shqiptare.8.who",
        "referimi-mbrojtja-asistenca.31.who",
    ] {
        let qs = all_of(id);
        assert!(!qs.is_empty(), "{id}");
        for q in qs {
            assert!(q.wrong.iter().any(of_ap), "{}: {id}: {:?}", q.page, q.wrong);
        }
    }
    // The secretariat a stem names („njofton sekretariatin e AP-së“) is no wrong answer:
    // the reader finds it in the stem.
    let bad: Vec<String> = questions()
        .into_iter()
        .filter(|q| {
            q.id.ends_with(".who") && q.quote().to_lowercase().contains("sekretariatin e ap")
        })
        .filter(|q| {
            q.wrong
                .iter()
                .any(|w| w == "Sekretariati teknik i autoritetit përgjegjës")
        })
        .map(|q| format!("{}: {}", q.page, q.id))
        .collect();
    assert!(bad.is_empty(), "{bad:?}");
}

#[test]
fn a_member_with_an_act_of_its_own_is_required_not_answered_by_its_group() {
    // Adversary 48 M-3: S6.7 gives the supervisor the new staff's training ("sigurohet nga
    // Supervizori i stafit", 000:1302-1304) and the provider, in its own name, the
    // continuing training (000:1305-1310): ticking the supervisor alone is not the answer.
    // Where the source names the group and its member as one ("NJMF/PMF-të kryejnë …",
    // formal 8), either still answers for both.
    let pages = crate::common::shipped_site().join("site/trajnim/kuizi");
    let mut notes: std::collections::BTreeMap<String, String> = Default::default();
    for e in std::fs::read_dir(&pages).unwrap() {
        let html = std::fs::read_to_string(e.unwrap().path()).unwrap();
        for chunk in html.split("data-question=\"").skip(1) {
            let id = chunk.split('"').next().unwrap().to_string();
            let head = chunk.split('>').next().unwrap();
            let note = head
                .split("data-answer-note=\"")
                .nth(1)
                .map(|n| n.split('"').next().unwrap().to_string())
                .unwrap_or_default();
            notes.insert(id, note);
        }
    }
    for id in ["S6.7.who", "S2.3.who"] {
        assert_eq!(notes.get(id).map(String::as_str), Some(""), "{id}");
    }
    assert!(
        notes["identifikimi-formal.8.who"].contains("mjafton"),
        "{notes:#?}"
    );
}

#[test]
fn the_municipal_structure_is_shown_where_it_approves_the_measure() {
    // Adversary 48 M-2: referral 22.who required the municipal structure, whose only
    // ground, "Kjo masë miratohet nga drejtori i Shërbimeve Sociale në bashki" (001:1043),
    // stood in neither the stem nor the feedback.
    // (Since c50b the question is not asked: the staff it credits stand in the step only as
    // "përfaqësues të qendrës" (001:1040-1041), words the model does not know for them, so
    // no feedback proves that answer. Where it is asked, the structure's ground is shown.)
    let qs = all_of("referimi-mbrojtja-asistenca.22.who");
    for q in qs {
        assert!(
            q.correct
                .iter()
                .any(|c| c == "Struktura përgjegjëse për shërbimet e kujdesit shoqëror në bashki"),
            "{}",
            q.stem
        );
        assert!(q.stem.contains("Kjo masë miratohet nga …"), "{}", q.stem);
        // The stem blanks it; the feedback, on the same page, quotes it.
        let page = crate::common::plain(&crate::common::site_page(&format!(
            "trajnim/kuizi/{}",
            q.page
        )));
        assert!(
            page.contains("miratohet nga drejtori i Shërbimeve Sociale në bashki"),
            "{}",
            q.page
        );
    }
}
