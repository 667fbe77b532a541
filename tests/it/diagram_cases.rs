//! Reading 47a, M-6 and M-7: a diagram draws an arrow only where the source gives an order.
//! Steps the source gives as other cases ("Nëse …", "Në rast se …", 22's "tri rrugë")
//! stand side by side, dashed, each reached from the step their run branches from, never
//! from a sibling; formal identification's appeal is drawn in the printed order, the
//! optional court appeal apart.

use crate::common::site_page;

/// Every band (`<svg class="diagram"`) of a page.
fn bands(page: &str) -> Vec<&str> {
    page.split("<svg class=\"diagram\"")
        .skip(1)
        .map(|s| s.split("</svg>").next().unwrap())
        .collect()
}

/// The boxes of a band: (step number, left edge, dashed), left to right.
fn boxes(band: &str) -> Vec<(String, u32, bool)> {
    band.split("<a class=\"dg-step-link\" href=\"")
        .skip(1)
        .map(|a| {
            // "…#referimi.2.1": the step's id, its procedure's slug and its number.
            let id = a.split('"').next().unwrap().rsplit('#').next().unwrap();
            let number = id.split_once('.').unwrap().1.to_string();
            let rect = a.split("<rect ").nth(1).unwrap();
            let class = rect.split("class=\"").nth(1).unwrap().split('"').next();
            let x = rect.split(" x=\"").nth(1).unwrap().split('"').next();
            (
                number,
                x.unwrap().parse().unwrap(),
                class.unwrap().contains("dg-alt"),
            )
        })
        .collect()
}

/// Every arrow of the flow (not the returns) of a page: (from step, to step).
fn arrows(page: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for band in bands(page) {
        let bx = boxes(band);
        let step = |x: u32| -> String {
            bx.iter()
                .find(|b| b.1 == x)
                .map(|b| b.0.clone())
                .unwrap_or_else(|| panic!("a box at {x}: {band}"))
        };
        for f in band.split("class=\"dg-flow\" d=\"M").skip(1) {
            let d = f.split('"').next().unwrap();
            let from: u32 = d.split(',').next().unwrap().parse().unwrap();
            // The last horizontal run ends at the box: 1 before its left edge, or 12 into
            // it where the arrow enters from below (a branch past its siblings).
            let h: u32 = d
                .rsplit(" H")
                .next()
                .unwrap()
                .split(' ')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            let to = if d.rsplit(' ').next().unwrap().starts_with('V') {
                h - 12
            } else {
                h + 1
            };
            out.push((step(from - 146), step(to)));
        }
    }
    out
}

fn dashed(page: &str, number: &str) -> bool {
    bands(page)
        .iter()
        .flat_map(|b| boxes(b))
        .find(|b| b.0 == number)
        .unwrap_or_else(|| panic!("a box of {number}"))
        .2
}

/// The plain text of each SVG `<text>` of a class on a page (lane titles, deadlines).
fn texts(page: &str, class: &str) -> Vec<String> {
    page.split(&format!("class=\"{class}\""))
        .skip(1)
        .map(|t| {
            let t = t.split_once('>').unwrap().1;
            crate::common::plain(t.split("</text>").next().unwrap())
        })
        .collect()
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[test]
fn the_three_routes_of_referral_stand_side_by_side() {
    // 002:610 "Referimi … arrihet kryesisht përmes tri rrugëve:": 2.1, 2.2, 2.3 are three
    // routes, none the sequel of another: no arrow among them.
    let p = site_page("procedura/referimi.html");
    assert_eq!(arrows(&p), Vec::<(String, String)>::new());
    // And drawn alike: none dashed as another case of the first (adversary 47 L-3).
    for step in ["2.1", "2.2", "2.3"] {
        assert!(!dashed(&p, step), "{step}");
    }
}

#[test]
fn the_cases_of_the_shelter_and_the_centre_are_not_chained() {
    let p = site_page("procedura/referimi-mbrojtja-asistenca.html");
    let a = arrows(&p);
    // (from, to) that must not be drawn: a case after a sibling case or its sequel.
    for (from, to, lines) in [
        (
            "33",
            "34",
            "001:1070-1078: leaves without leave / referred to the family",
        ),
        (
            "34",
            "35",
            "001:1076-1081: 35 is no sequel of the referral to the family",
        ),
        (
            "42",
            "43",
            "001:1102-1107: leaves without leave / referred to the family",
        ),
        (
            "50",
            "51",
            "001:1130-1135: no identity document / leaves without leave",
        ),
        (
            "53",
            "54",
            "001:1137-1145: referred to the family / refuses all help",
        ),
    ] {
        assert!(
            !a.contains(&pair(from, to)),
            "{from} → {to} ({lines}): {a:?}"
        );
    }
    // Each case dashed; the adult centre's two cases both from the APAP's request (41).
    for n in ["32", "34", "43", "51", "52", "54"] {
        assert!(dashed(&p, n), "{n} dashed");
    }
    assert!(
        a.contains(&pair("41", "42")) && a.contains(&pair("41", "43")),
        "{a:?}"
    );
    // A case's own sequel stays: 32 → 33 (the ASHMDF's APAP notifies), 52 → 53.
    assert!(
        a.contains(&pair("32", "33")) && a.contains(&pair("52", "53")),
        "{a:?}"
    );
    // The alternatives already drawn so stay so: 18 → 19 and 18 → 20.
    assert!(
        a.contains(&pair("18", "19")) && a.contains(&pair("18", "20")),
        "{a:?}"
    );
}

/// Reintegration names its social worker in the source's words, at a sentence's start in
/// steps 1 and 4 ("Punonjësi social", 001:1380, 1391) and inside one in 11 and 12
/// ("punonjësi social", 001:1415, 1420): one lane in every band, and the monthly report's
/// deadline, which binds her beside the two case managers (001:1391), names all three.
#[test]
fn persons_named_alike_share_a_lane_and_a_deadline_names_everyone_it_binds() {
    let page = site_page("procedura/riintegrimi-afatgjate.html");
    let titles = texts(&page, "dg-lane-title");
    assert!(
        titles.iter().any(|t| t.starts_with("Punonjësi social")),
        "{titles:?}"
    );
    assert!(
        !titles.iter().any(|t| t.starts_with("punonjësi social")),
        "a second lane for the same persons, in lower case: {titles:?}"
    );
    let deadlines = texts(&page, "dg-deadline");
    assert!(
        deadlines.iter().any(|d| d.starts_with(
            "Punonjësi social, Menaxheri i rastit, Punonjësi i rastit: „raporton 1 herë në muaj“"
        )),
        "{deadlines:?}"
    );
}

/// Referral 8's immediate meeting is the AP's (001:979-980; adversary 49 LOW-5): in the
/// box, under the PMF's own deadline, it says whose, not unlabelled where it would read as
/// the PMF's (reading 47a, H-1), nor "AP:" alone, which would read as the AP requesting
/// its own meeting (adversary 50 M-1).
#[test]
fn a_deadline_that_binds_no_one_says_so_under_anothers() {
    let page = site_page("procedura/referimi-mbrojtja-asistenca.html");
    let deadlines = texts(&page, "dg-deadline");
    let eight = deadlines
        .iter()
        .find(|d| d.contains("mbledhjen e menjëhershme"))
        .expect("referral 8's deadlines");
    assert!(
        eight.contains("PMF: „duke njoftuar menjëherë")
            && eight
                .contains("AP (afati i veprimit të vet): „APAP-i … nëse është e nevojshme, kërkon mbledhjen e menjëhershme të AP-së“"),
        "{eight}"
    );
}

/// Formal identification's appeal as the source reasons it (001:892-925): lodged (15), the
/// Commission convened within 5 working days of it (18), what it examines (19), its decision
/// (20), then the court appeal against that decision, which "mund të bëhet" (16): dashed,
/// a step that may happen, after the decision and not after the appeal is lodged
/// (adversary 47, M-1). The intro says what a dashed box is.
#[test]
fn the_court_appeal_is_drawn_after_the_decision_as_a_step_that_may_happen() {
    let p = site_page("procedura/identifikimi-formal.html");
    let a = arrows(&p);
    // (19 and 20 stand in two bands: no arrow crosses a band.)
    for (from, to) in [("15", "18"), ("18", "19"), ("20", "16")] {
        assert!(a.contains(&pair(from, to)), "{from} → {to}: {a:?}");
    }
    assert!(!a.iter().any(|(f, t)| f == "15" && t == "16"), "{a:?}");
    assert!(dashed(&p, "16") && !dashed(&p, "18") && !dashed(&p, "20"));
    assert!(
        p.contains("Një kuti me vijë të ndërprerë është një rast tjetër"),
        "the intro says what a dashed box is"
    );
}
