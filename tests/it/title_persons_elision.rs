//! Issue 25, task c51: a group named in a step's title acts (`persons:` from the title,
//! referral 2.2, 002:622-632), and a timing's quote may leave words out ("APAP-i … kërkon
//! mbledhjen e menjëhershme të AP-së", 03 step 8, 001:979-982).

use crate::common::{build, build_ok, minimal_copy, plain, read, site_page};

const STEP: &str = "    text: Intervista formale me fëmijën zgjat jo më shumë se 60 minuta.\n    actors: [punonjes-social]\n    timing:\n      - text: jo më shumë se 60 minuta\n        duration: PT60M\n";

/// The minimal handbook with its step 1 written as `step` (title, text, keys).
fn with_step(step: &str) -> tempfile::TempDir {
    let dir = minimal_copy();
    let sop = dir.path().join("content/sop/02-identifikimi-formal.yaml");
    let src = read(&sop);
    assert!(src.contains(STEP), "the fixture's step 1");
    std::fs::write(&sop, src.replace(STEP, step)).unwrap();
    dir
}

/// The build's error output, the build having failed.
fn refused(dir: &tempfile::TempDir) -> String {
    let out = build(dir.path(), &dir.path().join("site"));
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!out.status.success(), "expected a refusal:\n{err}");
    err
}

/// Whether `err` locates an error in the fixture's procedure (file:line:col) with `says`.
fn located(err: &str, says: &str) -> bool {
    err.lines().any(|l| {
        l.contains(says)
            && l.split("02-identifikimi-formal.yaml:")
                .nth(1)
                .is_some_and(|at| {
                    let mut parts = at.split(':');
                    parts.next().is_some_and(|n| n.parse::<u32>().is_ok())
                        && parts.next().is_some_and(|n| n.parse::<u32>().is_ok())
                })
    })
}

#[test]
fn persons_may_quote_the_step_s_title_and_nothing_else() {
    // The group stands in the title only (as 2.2's, 002:622-624): accepted, shown.
    let title = "    title: Punonjës të bashkisë i identifikojnë individët në nevojë\n    text: Raste mund të referohen nga çdo pjesëtar i komunitetit.\n    actors: []\n    persons:\n      - \"Punonjës të bashkisë\"\n";
    let ok = with_step(title);
    build_ok(ok.path(), &ok.path().join("site"));
    let page = plain(&read(
        &ok.path().join("site/procedura/identifikimi-formal.html"),
    ));
    assert!(page.contains("Kush Punonjës të bashkisë"), "{page}");
    // Words in neither the title nor the text: a located error.
    let neither = with_step(&title.replace(
        "      - \"Punonjës të bashkisë\"",
        "      - \"Punonjës të qarkut\"",
    ));
    let err = refused(&neither);
    assert!(
        located(
            &err,
            "as they stand in the step's title or text, found \"Punonjës të qarkut\""
        ),
        "{err}"
    );
}

#[test]
fn an_elided_quote_s_pieces_stand_in_the_step_in_order_within_a_sentence() {
    let text = "Me marrjen e njoftimit, punonjësi social përcjell informacionin dhe, nëse është e nevojshme, kërkon mbledhjen e menjëhershme të grupit. Grupi mblidhet.";
    let step = |quote: &str| {
        format!(
            "    text: {text}\n    actors: [punonjes-social]\n    timing:\n      - text: \"{quote}\"\n        within: P0D\n"
        )
    };
    let ok = with_step(&step(
        "punonjësi social … kërkon mbledhjen e menjëhershme të grupit",
    ));
    build_ok(ok.path(), &ok.path().join("site"));
    let register = read(&ok.path().join("site/afatet.html"));
    assert!(
        register.contains("„punonjësi social … kërkon mbledhjen e menjëhershme të grupit“"),
        "the register quotes it with its ellipsis"
    );
    // A piece not in the text.
    let err = refused(&with_step(&step(
        "punonjësi social … kërkon mbledhjen e menjëhershme të AP-së",
    )));
    assert!(
        located(
            &err,
            "found \"kërkon mbledhjen e menjëhershme të AP-së\" not in it"
        ),
        "{err}"
    );
    // Pieces out of the source's order.
    let err = refused(&with_step(&step(
        "kërkon mbledhjen e menjëhershme … punonjësi social",
    )));
    assert!(
        located(
            &err,
            "in the source's order, found \"punonjësi social\" before \"kërkon mbledhjen e menjëhershme\""
        ),
        "{err}"
    );
    // Pieces of two sentences.
    let err = refused(&with_step(&step("punonjësi social … Grupi mblidhet")));
    assert!(located(&err, "within one sentence"), "{err}");
    // An empty piece.
    let err = refused(&with_step(&step(
        "… kërkon mbledhjen e menjëhershme të grupit",
    )));
    assert!(located(&err, "on both sides of each"), "{err}");
}

#[test]
fn referral_2_2_names_its_group_and_asks_no_who() {
    // 002:622-624: the title makes the group act; "Pa aktor të caktuar" misled.
    const GROUP: &str =
        "Punonjës të institucioneve të bashkisë, të institucioneve publike apo organizatave";
    let handout = site_page("trajnim/fletushka/referimi.html");
    let row = handout
        .split("<tr")
        .find(|r| r.contains("#referimi.2.2\">Hapi 2.2") && r.contains("c-who"))
        .expect("the handout's row of 2.2");
    let who = row.split("class=\"c-who\">").nth(1).unwrap();
    let who = plain(who.split("</td>").next().unwrap());
    assert_eq!(who, GROUP);
    // The diagram's lane, whole, and the procedure page's "Kush".
    let page = site_page("procedura/referimi.html");
    let lanes: Vec<String> = page
        .split("class=\"dg-lane-title\"")
        .skip(1)
        .map(|t| {
            let t = t.split("</text>").next().unwrap();
            plain(&format!("<x {t}"))
        })
        .collect();
    assert!(lanes.iter().any(|l| l == GROUP), "{lanes:?}");
    assert!(!page.contains("Pa aktor të caktuar"));
    let step = page
        .split("id=\"referimi.2.2\"")
        .nth(1)
        .and_then(|s| s.split("id=\"referimi.2.3\"").next())
        .unwrap();
    assert!(
        plain(step).contains(&format!("Kush {GROUP}")),
        "{}",
        plain(step)
    );
    // No "who?" of 2.2: a role offered as wrong may be one of the group.
    for quiz in ["referimi", "roli-punonjes-social"] {
        let q = site_page(&format!("trajnim/kuizi/{quiz}.html"));
        assert!(!q.contains("data-question=\"referimi.2.2.who\""), "{quiz}");
    }
}

#[test]
fn referral_8_s_ap_quote_names_who_requests_without_the_forwarding() {
    // 001:979-981: the APAP requests; "menjëhershme" times the AP's meeting; the forwarding
    // to the secretariat has no deadline (review 43 L8).
    const QUOTE: &str =
        "„APAP-i … nëse është e nevojshme, kërkon mbledhjen e menjëhershme të AP-së“";
    // Each quote of the meeting's deadline on a page (`<q …>` elements).
    let quotes = |page: &str| -> Vec<String> {
        site_page(page)
            .split("<q")
            .skip(1)
            .filter_map(|q| q.split("</q>").next())
            .map(|q| plain(&format!("<q{q}")))
            .filter(|q| q.contains("kërkon mbledhjen e menjëhershme të AP-së"))
            .collect()
    };
    for page in [
        "trajnim/fletushka/referimi-mbrojtja-asistenca.html",
        "afatet.html",
        "roli/autoriteti-pergjegjes.html",
        "procedura/referimi-mbrojtja-asistenca.html",
    ] {
        let found = quotes(page);
        assert!(!found.is_empty(), "{page}");
        for q in found {
            assert_eq!(q, QUOTE, "{page}");
            assert!(!q.contains("përcjell"), "{page}");
        }
    }
    // Whose deadline it is, beside the quote, on the handout and the AP's page.
    for page in [
        "trajnim/fletushka/referimi-mbrojtja-asistenca.html",
        "roli/autoriteti-pergjegjes.html",
    ] {
        let text = plain(&site_page(page));
        assert!(
            text.contains(&format!(
                "AP (afati i veprimit të vet) : nëse është e nevojshme: menjëherë {QUOTE}"
            )),
            "{page}"
        );
    }
    // The diagram's box.
    let procedure = site_page("procedura/referimi-mbrojtja-asistenca.html");
    let boxes: Vec<String> = procedure
        .split("class=\"dg-deadline\"")
        .skip(1)
        .map(|d| plain(&format!("<x {}", d.split("</text>").next().unwrap())))
        .collect();
    assert!(boxes.iter().any(|b| b.contains(QUOTE)), "{boxes:?}");
    let catalog = read(&crate::common::shipped_site().join("site/catalog.json"));
    assert!(catalog.contains(
        "\"text\": \"APAP-i … nëse është e nevojshme, kërkon mbledhjen e menjëhershme të AP-së\""
    ));
}
