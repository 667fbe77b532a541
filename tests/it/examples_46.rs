//! Issue 25, "examples are examples" (session 46): the examples the sources print inside
//! list items and in the chapters ("(p.sh. …)", "Për shembull, …") are marked as examples —
//! shown as such on their pages and handouts, and nothing normative taken from them: no
//! quiz asks or quotes their words, no timing may come from them.

use std::path::Path;

use crate::common::{build, minimal_copy, read, shipped_site, site_page};

const SPAN: &str = "<span class=\"example\">";

/// The list item of a page that opens with `start`, to its end (panics where none does).
fn item<'a>(page: &'a str, start: &str) -> &'a str {
    let at = page
        .find(&format!("<li>{start}"))
        .unwrap_or_else(|| panic!("no item opening with {start:?}"));
    let rest = &page[at..];
    &rest[..rest.find("</li>").unwrap()]
}

/// The paragraph of a page that holds `words` (panics where none does).
fn paragraph<'a>(page: &'a str, words: &str) -> &'a str {
    let at = page
        .find(words)
        .unwrap_or_else(|| panic!("not on the page: {words}"));
    let start = page[..at].rfind("<p>").unwrap();
    &page[start..at + page[at..].find("</p>").unwrap()]
}

/// The words of each example (`span.example`) of a passage.
fn spans(passage: &str) -> Vec<&str> {
    passage
        .split(SPAN)
        .skip(1)
        .map(|s| s.split("</span>").next().unwrap())
        .collect()
}

/// The examples newly marked in the procedures (issue 25, session 46): the item (or the
/// paragraph) that holds each, by its first words; the examples' words; the words of the
/// item that stay outside them. Procedure slug, source line.
type Case = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);
const IN_PROCEDURES: &[Case] = &[
    (
        "vleresimi-i-nevojave-komunitare",
        "002:420",
        "Vendimi që do të marrin përdoruesit",
        &["(p.sh., disa pyetje kërkojnë të dhëna cilësore dhe sasiore)."],
        &["pyetjeve korrespondente që udhëzojnë mbledhjen e të dhënave"],
    ),
    (
        "vleresimi-i-nevojave-komunitare",
        "002:447",
        "Cilat grupe kanë fuqi dhe status",
        &["(p.sh., gjinia, pasuria, mosha, etnia)"],
        &["brenda komunitetit?"],
    ),
    (
        "menaxhimi-i-rastit",
        "003:2141",
        "Vëzhgimi",
        &[
            "(p.sh. i shëndetit fizik të fëmijës, mirëqenia emocionale dhe mendore, cilësia e kushteve të banimit).",
        ],
        &["Vëzhgimi"],
    ),
    (
        "menaxhimi-i-rastit",
        "003:2246-2250",
        "Reagimi i prindërve ndaj traumës",
        &[
            "(p.sh. zemërimi, dëshpërimi, mjerimi, faji),",
            "(p.sh. mohimi - “është e pamundur",
            "(p.sh. ata janë tepër mbrojtës",
        ],
        &[
            "ngjarjes traumatike - emocionale",
            "kognitive",
            "dhe sjellja",
        ],
    ),
    (
        "menaxhimi-i-rastit",
        "003:2256",
        "Përvojat e mëparshme traumatike",
        &["(p.sh. nëna ishte gjithashtu viktimë e abuzimit seksual ose punës shfrytëzuese);"],
        &["perceptimin e tyre të botës dhe normalitetit"],
    ),
    (
        "menaxhimi-i-rastit",
        "003:2267",
        "Mënyra në të cilën prindërit janë të përfshirë",
        &["(p.sh. nëse ata inkurajojnë dhe mbështesin fëmijën në rifillimin e shkollimit"],
        &["strategjive dhe metodave të rehabilitimit"],
    ),
];

#[test]
fn the_examples_in_list_items_are_examples_on_page_and_handout() {
    for (slug, line, start, examples, outside) in IN_PROCEDURES {
        for page in [
            format!("procedura/{slug}.html"),
            format!("trajnim/fletushka/{slug}.html"),
        ] {
            let html = site_page(&page);
            let li = item(&html, start);
            let marked = spans(li);
            assert_eq!(marked.len(), examples.len(), "{page} {line}: {li}");
            for (span, words) in marked.iter().zip(examples.iter()) {
                assert!(span.starts_with(words), "{page} {line}: {span}");
            }
            for words in *outside {
                assert!(
                    li.split(SPAN).any(|part| {
                        part.split_once("</span>")
                            .map_or(part, |(_, after)| after)
                            .contains(words)
                    }),
                    "{page} {line}: {words:?} outside the examples of {li}"
                );
            }
            assert!(!li.contains("<blockquote"), "{page} {line}: {li}");
        }
    }
    // The item goes on after each example, in the order printed (003:2246-2250).
    let page = site_page("procedura/menaxhimi-i-rastit.html");
    let li = item(&page, "Reagimi i prindërve ndaj traumës");
    assert!(
        li.contains("faji),</span> kognitive <span class=\"example\">(p.sh. mohimi")
            && li.contains("</span> dhe sjellja <span class=\"example\">(p.sh. ata"),
        "{li}"
    );
}

#[test]
fn the_type_of_activity_s_examples_are_an_example_in_their_paragraph() {
    // 003:2427-2429: "Lloji i aktivitetit (p.sh. …, etj.), vendndodhja, … duhet të
    // regjistrohen para se të ndërmerret aktiviteti." One paragraph, the example in its
    // middle, on the page and the handout.
    for page in [
        "procedura/menaxhimi-i-rastit.html",
        "trajnim/fletushka/menaxhimi-i-rastit.html",
    ] {
        let html = site_page(page);
        let p = paragraph(&html, "Lloji i aktivitetit");
        assert!(
            p.starts_with(
                "<p>Lloji i aktivitetit <span class=\"example\">(p.sh. këshillimi i fëmijës,"
            ) && p.contains("etj.),</span> vendndodhja, data, koha"),
            "{page}: {p}"
        );
    }
}

/// The chapters' newly marked examples: chapter page, the words the example opens with,
/// the words of its paragraph (or item) outside it.
const IN_CHAPTERS: &[(&str, &str, &str, &str)] = &[
    (
        "te-kuptuarit-e-punes-se-femijeve",
        "003:465",
        "(për shembull vajzat në Azinë Jugore dhe fëmijët Romë në Evropë).",
        "i nënshtrohen dhunës në shkollë",
    ),
    (
        "te-kuptuarit-e-punes-se-femijeve",
        "003:473",
        "(p.sh.: fëmijët në rrugë).",
        "për të jetuar jetën e tij",
    ),
    (
        "parimet-udheheqese",
        "003:1724",
        "Për shembull, martesa e fëmijëve ose puna e fëmijëve",
        "çdo praktikë ose traditë që mund të konsiderohet e dëmshme.",
    ),
    (
        "parimet-udheheqese",
        "003:1736",
        "Për shembull, në një takim diskutimi të rastit",
        "Është e rëndësishme që informatat rreth rastit të mos diskutohen",
    ),
    (
        "mekanizmat-per-koordinim",
        "003:1794",
        "(për shembull, me anëtarët e familjes së ngushtë",
        "dhe/ose",
    ),
    (
        "mekanizmat-per-koordinim",
        "003:1797",
        "(për shembull, mësuesit, mjekët dhe infermierët",
        "ofruesit e shërbimeve",
    ),
    (
        "mekanizmat-per-koordinim",
        "003:1802",
        "si për shembull përmes takimeve të komunitetit",
        "për të diskutuar dhe planifikuar rolet",
    ),
    (
        "mekanizmat-per-koordinim",
        "003:1805",
        "Për shembull, një qeveri lokale mund të krijojë një komitet",
        "Ata gjithashtu mund të flasin për mënyrat",
    ),
    (
        "ceshtjet-kryesore-per-shqyrtim",
        "003:1880",
        "p.sh. në mbledhjet e Ekipeve Komunale për të Drejtat e Fëmijëve",
        "të dhënat e menaxhimit të rasteve duhet të analizohen në mënyrë periodike",
    ),
];

#[test]
fn the_chapters_examples_are_examples_in_their_paragraphs() {
    for (chapter, line, example, outside) in IN_CHAPTERS {
        let html = site_page(&format!("referenca/{chapter}.html"));
        let p = paragraph(&html, example);
        assert!(
            spans(p).iter().any(|s| s.starts_with(example)),
            "{chapter} {line}: {p}"
        );
        assert!(
            p.contains(outside) && spans(p).iter().all(|s| !s.contains(outside)),
            "{chapter} {line}: {outside:?} outside the example in {p}"
        );
    }
    // An example printed mid-paragraph keeps the paragraph whole (003:1736-1742): the text
    // after it is in the same paragraph, outside the example.
    let html = site_page("referenca/parimet-udheheqese.html");
    let p = paragraph(&html, "Për shembull, në një takim diskutimi");
    assert!(
        p.contains("për t›u ndarë.</span> Është e rëndësishme"),
        "{p}"
    );
}

/// Every string of a YAML content file, walked.
fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

#[test]
fn no_quiz_asks_or_quotes_the_examples_words() {
    let words: Vec<&str> = IN_PROCEDURES
        .iter()
        .flat_map(|c| c.3.iter().copied())
        .chain(["(p.sh. këshillimi i fëmijës, këshillimi i prindërve"])
        .collect();
    // The normative words of the procedures' texts — what quizzes, timings and actors are
    // taken from — hold none of the examples; their examples hold each.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    for file in [
        "content/sop/24-vleresimi-i-nevojave-komunitare.yaml",
        "content/sop/30-menaxhimi-i-rastit.yaml",
    ] {
        let v: serde_json::Value = serde_saphyr::from_str(&read(&root.join(file))).unwrap();
        strings(&v, &mut texts);
    }
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    for w in &words {
        let holding: Vec<&String> = texts.iter().filter(|t| squash(t).contains(w)).collect();
        assert!(!holding.is_empty(), "{w}");
        for t in holding {
            assert!(
                !squash(&doracak::markdown::normative(t)).contains(w),
                "normative: {w}"
            );
            assert!(
                doracak::markdown::examples(t)
                    .iter()
                    .any(|e| squash(e).contains(w)),
                "an example: {w}"
            );
        }
    }
    // No quiz page shows them: no stem, no choice, no feedback's quote.
    let dir = shipped_site().join("site/trajnim/kuizi");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let page = crate::common::unescape(&read(&path));
        for w in &words {
            let head: String = w.chars().take(30).collect();
            assert!(!page.contains(&head), "{}: {head}", path.display());
        }
    }
    for q in crate::quizzes::questions() {
        for w in &words {
            let head: String = w.chars().take(30).collect();
            assert!(!q.stem.contains(&head), "{}: {}", q.page, q.stem);
            assert!(
                !q.correct.iter().chain(&q.wrong).any(|c| c.contains(&head)),
                "{}",
                q.page
            );
        }
    }
}

/// A minimal handbook with one more procedure, its step's text as given.
fn with_step(text: &str, timing: &str) -> (tempfile::TempDir, std::process::Output) {
    let dir = minimal_copy();
    let indented: String = text.lines().map(|l| format!("      {l}\n")).collect();
    std::fs::write(
        dir.path().join("content/sop/99-lista.yaml"),
        format!(
            "title: Lista\ncollection: psv\nsteps:\n  - number: \"1\"\n    text: |-\n{indented}    actors: [punonjes-social]\n{timing}"
        ),
    )
    .unwrap();
    let out = build(dir.path(), &dir.path().join("site"));
    (dir, out)
}

const STEP: &str = "Punonjësi social mbledh:\n\n- të dhënat e familjes\n  > (p.sh. nga policia brenda 3 ditëve),\n  >\n  dhe të shkollës;\n- vlerësimin e nevojave.";

#[test]
fn an_example_under_a_list_item_s_last_line_is_marked_in_that_item() {
    let (dir, out) = with_step(STEP, "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = read(&dir.path().join("site/procedura/lista.html"));
    assert!(
        page.contains(
            "<li>të dhënat e familjes <span class=\"example\">(p.sh. nga policia brenda 3 ditëve),</span> dhe të shkollës;</li>\n<li>vlerësimin e nevojave.</li>"
        ),
        "{page}"
    );
    assert!(!page.contains("<blockquote"), "{page}");
    // No quiz of the handbook quotes or asks the example's words.
    let quizzes = dir.path().join("site/trajnim/kuizi");
    for entry in std::fs::read_dir(&quizzes).unwrap() {
        let quiz = read(&entry.unwrap().path());
        assert!(!quiz.contains("nga policia brenda 3"), "{quiz}");
    }
}

#[test]
fn a_timing_from_an_example_in_a_list_item_is_refused() {
    let (_dir, out) = with_step(
        STEP,
        "    timing:\n      - text: nga policia brenda 3 ditëve\n        within: P3D\n",
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(
        err.contains("found \"nga policia brenda 3 ditëve\" only in an example"),
        "{err}"
    );
}

#[test]
fn an_example_in_a_list_item_is_shown_in_its_line_in_the_browser() {
    use crate::common::browser::{browser, eval, file_url, open, wait_for};
    let Some(browser) = browser("an_example_in_a_list_item_is_shown_in_its_line_in_the_browser")
    else {
        return;
    };
    let page = shipped_site().join("site/procedura/menaxhimi-i-rastit.html");
    let tab = open(&browser, &file_url(&page));
    let li = "[...document.querySelectorAll('.prose li')].find(l => l.textContent.startsWith('Reagimi i prindërve'))";
    wait_for(&tab, &format!("!!{li}"), "the item of 003:2246");
    // Three examples, in the item, inline: each begins on a line the item's words share, and
    // each is shown as an example (its own background, not the item's).
    let shown = eval(
        &tab,
        &format!(
            "(() => {{ const li = {li}; li.scrollIntoView(); \
             const s = [...li.querySelectorAll(':scope > span.example')]; \
             const bg = e => getComputedStyle(e).backgroundColor; \
             return {{ n: s.length, inline: s.every(e => getComputedStyle(e).display === 'inline'), \
               marked: s.every(e => bg(e) !== bg(li) && bg(e) !== 'rgba(0, 0, 0, 0)'), \
               items: li.parentElement.children.length }}; }})()"
        ),
    );
    assert_eq!(shown["n"], 3, "{shown}");
    assert_eq!(shown["inline"], true, "{shown}");
    assert_eq!(shown["marked"], true, "{shown}");
    // A look at it, where asked for (DORACAK_SHOT=path.png).
    if let Ok(path) = std::env::var("DORACAK_SHOT") {
        let png = tab
            .capture_screenshot(
                headless_chrome::protocol::cdp::Page::CaptureScreenshotFormatOption::Png,
                None,
                None,
                true,
            )
            .unwrap();
        std::fs::write(path, png).unwrap();
    }
}
