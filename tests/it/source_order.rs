//! Issue 25 item 4 and review 43 (M2, L3, L5, L6, L7, L11): order and shape as printed —
//! a documentation list with its lead sentence where the source prints it, examples
//! printed inside a paragraph marked as examples, printed labels beside their step
//! numbers, and diagrams that follow the source's logic and quote its deadlines.

use crate::common::{plain, read, repo, site_page, sop_yamls, step_deadlines};

/// Where `needle` stands on `page`, or a panic naming it.
fn at(page: &str, needle: &str) -> usize {
    page.find(needle)
        .unwrap_or_else(|| panic!("not on the page: {needle}"))
}

/// The `<svg class="diagram"` band of a page holding a box of `step`.
fn band_of<'a>(page: &'a str, step: &str) -> &'a str {
    page.split("<svg class=\"diagram\"")
        .skip(1)
        .find(|s| {
            s.split("</svg>")
                .next()
                .unwrap()
                .contains(&format!("#{step}\""))
        })
        .map(|s| s.split("</svg>").next().unwrap())
        .unwrap_or_else(|| panic!("a band of {step}"))
}

#[test]
fn a_documentation_list_stands_with_its_lead_sentence_where_printed() {
    // 001:804-812: "Dokumentimi / Formatet … janë:" and the three formats, before
    // "Procedura në rast të mos dakordësisë" (813, step 12); 001:1193-1197 between "Arsimi"
    // (step 65) and "Regjistrimi në zyrën e gjendjes civile" (1198, step 66).
    for (page, lead, first, before, after) in [
        (
            "procedura/identifikimi-formal.html",
            "për identifikimin formal janë:",
            "Formati i intervistës formale për fëmijë;",
            "id=\"identifikimi-formal.11\"",
            "id=\"identifikimi-formal.12\"",
        ),
        (
            "procedura/referimi-mbrojtja-asistenca.html",
            ">Dokumentimi</h2>",
            "Dokumenti i pranimit në strehëz",
            "id=\"referimi-mbrojtja-asistenca.65\"",
            "id=\"referimi-mbrojtja-asistenca.66\"",
        ),
    ] {
        let p = site_page(page);
        let article = &p[at(&p, "<h2>Hapat</h2>")..];
        let (l, f) = (at(article, lead), at(article, first));
        assert!(
            at(article, before) < l && l < f,
            "{page}: the list after its lead"
        );
        assert!(
            f < at(article, after),
            "{page}: the list before the next step"
        );
        // Once: no second list at the page's end; the phase's forms index stays.
        assert_eq!(article.matches(first).count(), 1, "{page}");
        assert_eq!(article.matches(">Dokumentimi</h2>").count(), 1, "{page}");
        assert!(article.contains("Formularët e kësaj faze"), "{page}");
    }
    // The handouts alike: the list in the passage row, before the next step's row.
    for (slug, first, before, after) in [
        (
            "identifikimi-formal",
            "Formati i intervistës formale për fëmijë;",
            "#identifikimi-formal.11\"",
            "#identifikimi-formal.12\"",
        ),
        (
            "referimi-mbrojtja-asistenca",
            "Dokumenti i pranimit në strehëz",
            "#referimi-mbrojtja-asistenca.65\"",
            "#referimi-mbrojtja-asistenca.66\"",
        ),
    ] {
        let h = site_page(&format!("trajnim/fletushka/{slug}.html"));
        let table = &h[at(&h, "class=\"handout-table\"")..];
        let f = at(table, first);
        assert!(at(table, before) < f && f < at(table, after), "{slug}");
        assert_eq!(h.matches(first).count(), 1, "{slug}: the list once");
    }
    // A list the source prints at the phase's end stays there, under the site's heading.
    let p = site_page("procedura/kthimi-vullnetar.html");
    assert!(at(&p, "Vlerësimi shëndetësor, psikik.") > at(&p, "id=\"kthimi-vullnetar.15\""));
    // 001:1224-1227: the secretariat's passage is printed before "Për fëmijët" (step 1).
    let article = &p[at(&p, "</svg>")..];
    assert!(at(article, "Sekretariati teknik") < at(article, "id=\"kthimi-vullnetar.1\""));
}

#[test]
fn an_example_printed_inside_its_paragraph_is_marked_and_the_paragraph_kept() {
    // 002:173-178 and 003:1925-1930: "Për shembull, …" inside a paragraph that goes on.
    for (page, example, after) in [
        (
            "procedura/struktura-bashkiake.html",
            "<span class=\"example\">Për shembull, edhe aplikimi për ndihmën ekonomike",
            "</span> Kjo formë e menaxhimit të punës",
        ),
        (
            "procedura/menaxhimi-i-rastit.html",
            "<span class=\"example\">Për shembull, gjatë përcjelljes së një rasti",
            "hapin e planifikimit.</span> Prandaj,",
        ),
    ] {
        let p = site_page(page);
        let (e, a) = (at(&p, example), at(&p, after));
        assert!(e < a, "{page}");
        assert!(
            !p[e..a].contains("</p>"),
            "{page}: one paragraph, as printed"
        );
    }
    // No derived output draws on them: the register, the quizzes, the role cards.
    let mut derived = vec![site_page("afatet.html")];
    for dir in ["trajnim/kuizi", "roli"] {
        let folder = crate::common::shipped_site().join("site").join(dir);
        for e in std::fs::read_dir(folder).unwrap() {
            derived.push(read(&e.unwrap().path()));
        }
    }
    for page in &derived {
        assert!(!page.contains("aplikimi për ndihmën ekonomike për banorët"));
        assert!(!page.contains("gjatë përcjelljes së një rasti"));
    }
}

#[test]
fn a_printed_label_carries_its_step_number_where_other_steps_are_numbered() {
    // 001:800-803 prints "1.", "2." among steps the site numbers "Hapi N": the reader
    // finds Hapi 10 and 11 beside them, everywhere the step is named.
    let label = "1. (Hapi 10)";
    let p = site_page("procedura/identifikimi-formal.html");
    let step = &p[at(&p, "<li class=\"step\" id=\"identifikimi-formal.10\">")..];
    assert!(plain(&step[..at(step, "</h")]).contains(label));
    assert!(band_of(&p, "identifikimi-formal.10").contains(&format!(">{label}</text>")));
    let h = site_page("trajnim/fletushka/identifikimi-formal.html");
    assert!(h.contains(&format!("#identifikimi-formal.10\">{label}</a>")));
    let card = site_page("roli/g-spif.html");
    assert!(card.contains(&format!("#identifikimi-formal.10\">{label}")));
    let quiz = site_page("trajnim/kuizi/identifikimi-formal.html");
    let q = &quiz[at(&quiz, "data-question=\"identifikimi-formal.10.when\"")..];
    assert!(plain(&q[..at(q, "</legend>")]).contains(label));
    // A procedure whose every step is printed keeps its labels alone ("a)", 002).
    let p = site_page("procedura/struktura-bashkiake.html");
    assert!(!p.contains("a) (Hapi 1)"));
}

/// The left edge (x) of the diagram box that links to step `id` in `svg`.
fn box_x(svg: &str, id: &str) -> u32 {
    let a = &svg[at(svg, &format!("#{id}\""))..];
    let a = &a[..at(a, "/>")];
    a.split(" x=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

#[test]
fn the_appeal_branch_is_drawn_as_the_source_reasons() {
    // 001:892-925: the appeal (15) → the Commission convened within 5 working days of it
    // (18) → what it examines (19) → its decision (20) → the court appeal against that
    // decision (16); the members set once by the minister (17) follow no step.
    let p = site_page("procedura/identifikimi-formal.html");
    // Each arrow of a band: where it leaves and where it arrives (x), by box.
    let arrows = |svg: &str| -> Vec<(u32, u32)> {
        svg.split("class=\"dg-flow\" d=\"M")
            .skip(1)
            .map(|f| {
                let d = f.split('"').next().unwrap();
                let from = d.split(',').next().unwrap().parse().unwrap();
                let to: u32 = d.rsplit(" H").next().unwrap().parse().unwrap();
                (from, to + 1)
            })
            .collect()
    };
    let left = |svg: &str, n: &str| box_x(svg, &format!("identifikimi-formal.{n}"));
    let right = |x: u32| x + 146;
    let b = band_of(&p, "identifikimi-formal.15");
    assert!(
        b.contains("#identifikimi-formal.18\""),
        "15 and 18 in one band"
    );
    assert!(
        arrows(b).contains(&(right(left(b, "15")), left(b, "18"))),
        "15 → 18"
    );
    let b = band_of(&p, "identifikimi-formal.16");
    assert!(b.contains("#identifikimi-formal.20\""));
    assert!(
        arrows(b).contains(&(right(left(b, "20")), left(b, "16"))),
        "20 → 16"
    );
    // 17: no arrow arrives at it or leaves it.
    let b = band_of(&p, "identifikimi-formal.17");
    let l17 = left(b, "17");
    assert!(
        arrows(b).iter().all(|&(f, t)| t != l17 && f != right(l17)),
        "17 apart"
    );
    // The bands name their steps as drawn.
    assert!(p.contains("Ndërinstitucional — Hapat 15, 18, 19</figcaption>"));
    // Alternatives are still drawn side by side (referral 19/20: both from 18).
    let p = site_page("procedura/referimi-mbrojtja-asistenca.html");
    let b = band_of(&p, "referimi-mbrojtja-asistenca.20");
    let xs = |n: &str| box_x(b, &format!("referimi-mbrojtja-asistenca.{n}"));
    let into = |x: u32| arrows(b).into_iter().find(|a| a.1 == x).map(|a| a.0);
    assert_eq!(
        into(xs("19")),
        into(xs("20")),
        "19 and 20 branch from one step"
    );
}

#[test]
fn the_kosovo_diagram_goes_back_to_the_plan() {
    // 003:1925 "këta hapa nuk janë linearë"; 003:2495-2496 the TMR may find the plan must be
    // revised (Formulari 8): a return from step 6 to step 4, with the source's words, the
    // whole sentence, the form it sends to included (review 45 L-7).
    let p = site_page("procedura/menaxhimi-i-rastit.html");
    let b = band_of(&p, "menaxhimi-i-rastit.6");
    assert!(b.contains("#menaxhimi-i-rastit.4\""));
    assert_eq!(b.matches("class=\"dg-flow dg-return\"").count(), 1);
    assert!(
        plain(b).contains(
            "Kthim te Hapi 4: „Nëse TMR e konsideron të nevojshëm rishikimin e Planit të Shërbimeve, atëherë Formulari 8 i MR: Rishikimi i planit të shërbimeve duhet të përdoret.“"
        ),
        "{}",
        plain(b)
    );
    // Every pack has the words.
    for pack in ["sq", "en", "sr-Latn"] {
        let t = read(&repo().join(format!("theme/locales/{pack}.toml")));
        assert!(t.contains("\ndiagram_return = "), "{pack}");
    }
}

#[test]
fn every_box_quotes_its_deadlines_in_the_sources_words() {
    // Review 43 L3: "nuk zgjat më shumë se një orë" (001:801-802), not "kohëzgjatja
    // maksimumi 1 orë"; "sa më shpejt që është e mundur dhe jo më vonë se 7 ditë"
    // (001:1231-1232), not "brenda 7 ditë". Every deadline of every box.
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut checked = 0;
    for (slug, y) in sop_yamls() {
        let page = site_page(&format!("procedura/{slug}.html"));
        for st in y["steps"].as_array().unwrap() {
            let id = format!("{slug}.{}", st["number"].as_str().unwrap().trim());
            let deadlines = step_deadlines(st);
            if deadlines.is_empty() {
                continue;
            }
            let b = band_of(&page, &id);
            let bx = &b[at(b, &format!("#{id}\""))..];
            let bx = squash(&plain(&format!("<x{}", &bx[..at(bx, "</a>")])));
            for t in deadlines {
                // One sentence split by case: each its case's words, the sentence once.
                let words = crate::common::box_quote(st, t);
                assert!(bx.contains(&words), "{id}: {words} in {bx}");
                checked += 1;
            }
        }
    }
    assert!(checked >= 60, "{checked} deadlines");
}

#[test]
fn a_step_link_to_an_unknown_step_or_words_not_in_the_step_is_refused() {
    let dir = crate::common::minimal_copy();
    let sop = dir.path().join("content/sop");
    std::fs::create_dir_all(&sop).unwrap();
    std::fs::write(
        sop.join("97-radha.yaml"),
        "title: Radha\ncollection: psv\nsteps:\n  - number: \"1\"\n    text: Hapi.\n  - number: \"2\"\n    follows: \"9\"\n    text: Pastaj.\n    returns_to:\n      step: \"1\"\n      words: rishikim\n",
    )
    .unwrap();
    let out = crate::common::build(dir.path(), &dir.path().join("site"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("expected the number of another step of this procedure, found \"9\""),
        "{err}"
    );
    assert!(
        err.contains("expected words of the step's text, found words it does not hold"),
        "{err}"
    );
}
