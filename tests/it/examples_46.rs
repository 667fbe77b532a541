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
    // Read-47b L-1: the third "p.sh" of the table, left plain.
    (
        "vleresimi-i-nevojave-komunitare",
        "002:459-460",
        "Merrni në konsideratë gjithashtu koston oportune",
        &["(p.sh, përdorimi i automjeteve)."],
        &["te burimet për mbledhjen e të dhënave"],
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

/// The four examples the standards' source prints ("p.sh.", 000:41, 1249, 1799, 1860): the
/// page, the first words of the paragraph that holds it, the example's words and the words
/// of the paragraph before it.
const IN_STANDARDS: &[(&str, &str, &str, &str)] = &[
    (
        "S1.html",
        "000:41, S1.1.1",
        "(P.sh. deklaratë të misionit, vizionit, të ofruesit të shërbimit, fletëpalosje për shërbimet e ofruara, statuti i shoqatës, programi etj.)",
        "partnerët e programit dhe publikun.",
    ),
    (
        "S6.html",
        "000:1249, S6.4.1",
        "p.sh. një dëshmi penaliteti.",
        "në dosjet personale të secilit anëtarë të stafit,",
    ),
    (
        "S9.html",
        "000:1799, S9.2 guidance 2.1",
        "si p.sh. një OJF apo një rrjeti OJF-sh.",
        "marrëveshjet midis ofruesve publikë dhe jo publikë,",
    ),
    (
        "S9.html",
        "000:1860, S9.4.1",
        "si p.sh. proces-verbalet e referimit etj.",
        "tek cili ofrues shërbimesh është bërë referimi i rastit",
    ),
];

/// The catalogue's hash of the shipped standards as the site at main 789eec9 was built
/// (`vleresim/catalog.js`), before the four were marked: every assessment saved on it.
const SHIPPED_CATALOG: &str = "0d0546c496127631";

#[test]
fn marking_the_standards_examples_leaves_the_catalogue_hash_as_it_was() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (hb, d) = doracak::check(root);
    let mut hb = hb.unwrap_or_else(|| panic!("{d:?}"));
    let marked = doracak::assessment::catalog_hash(&hb);
    let form = doracak::pipeline::render::xlsform::version(&hb);
    assert_eq!(marked, SHIPPED_CATALOG);
    // The browser takes the catalogue's id from the built catalogue (it hashes no text:
    // assessment-core.js records `cat.catalog`), and so does the OSCAL catalogue.
    let site = shipped_site().join("site");
    assert!(read(&site.join("vleresim/catalog.js")).contains(&format!("\"catalog\":\"{marked}\"")));
    assert!(read(&site.join("oscal/catalog.json")).contains(&format!("\"value\": \"{marked}\"")));
    // The same handbook with every mark taken off (the texts as they were written before):
    // the same catalogue, the same form version. The four are marked (else nothing is
    // measured).
    let mut unmarked = 0;
    let mut off = |t: &mut String| {
        let u = doracak::markdown::unmarked(t).into_owned();
        if u != *t {
            unmarked += 1;
            *t = u;
        }
    };
    for c in hb.standards.iter_mut().flat_map(|s| &mut s.criteria) {
        off(&mut c.text);
        c.evidence.iter_mut().for_each(|e| off(&mut e.text));
        c.guidance.iter_mut().for_each(|g| off(&mut g.text));
    }
    assert_eq!(unmarked, 4);
    assert_eq!(doracak::assessment::catalog_hash(&hb), marked);
    assert_eq!(doracak::pipeline::render::xlsform::version(&hb), form);
    // So for a training's content hash: the steps' examples marked or not.
    let subjects = [
        ("procedure", "menaxhimi-i-rastit"),
        ("procedure", "struktura-bashkiake"),
        ("role", "menaxheri-i-rastit-kosove"),
    ];
    let before: Vec<_> = subjects
        .iter()
        .map(|(k, id)| doracak::edition::content::subject_hash(&hb, k, id).unwrap())
        .collect();
    let mut steps = 0;
    for st in hb.procedures.iter_mut().flat_map(|p| &mut p.steps) {
        let u = doracak::markdown::unmarked(&st.text).into_owned();
        steps += usize::from(u != st.text);
        st.text = u;
    }
    assert!(steps >= 7, "{steps} steps mark an example");
    for ((k, id), b) in subjects.iter().zip(before) {
        assert_eq!(
            doracak::edition::content::subject_hash(&hb, k, id).unwrap(),
            b,
            "{id}"
        );
    }
}

/// A training record made on the site at main 789eec9 holds the hash of the steps as
/// written, marks included (`data-content` then): it stays current; so does one of the
/// words' hash the pages carry now; another hash is due a refresher.
#[test]
fn a_training_record_of_the_text_as_written_stays_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let hb = doracak::check(root).0.unwrap();
    let words =
        doracak::edition::content::subject_hash(&hb, "procedure", "menaxhimi-i-rastit").unwrap();
    let written =
        doracak::edition::content::subject_hash_as_written(&hb, "procedure", "menaxhimi-i-rastit")
            .unwrap();
    // data-content of trajnim/kuizi/menaxhimi-i-rastit.html at 789eec9 was d51d3e86af1c65fc;
    // review 47a M-2 gave step 5's six-monthly visits their case (003:2399-2400) and M-5
    // step 3 its two immediacies (003:2098-2099, 2107-2109), changes of the words, so the
    // hash as written is now this one. Stop 48 marked 003:2527-2534's cases as examples:
    // the hash as written moved again, the words' (the pages' data-content) did not.
    assert_eq!(written, "1ef060b1fd1833aa");
    assert_ne!(words, written);
    let page = site_page("trajnim/kuizi/menaxhimi-i-rastit.html");
    assert!(
        page.contains(&format!("data-content=\"{words}\"")),
        "{words}"
    );
    let dir = tempfile::tempdir().unwrap();
    let rec = |id: &str, name: &str, content: &str| {
        serde_json::json!({"id": id, "name": name, "date": "2026-11-10", "kind": "procedure",
            "subject": "menaxhimi-i-rastit", "title": "T", "score": 1, "total": 1,
            "understood": true, "edition": "VKM nr. 772, datë 19.12.2025",
            "saved": "2026-11-10T09:00:00Z", "content": content})
    };
    let file = dir.path().join("t.json");
    let v = serde_json::json!({
        "format": "doracak-training", "version": 1,
        "handbook": {"title": "Doracak i standardeve për qendrat rezidenciale për viktimat e trafikimit",
            "edition": "VKM nr. 772, datë 19.12.2025"},
        "records": [
            rec("r1", "Arta Written", &written),
            rec("r2", "Besa Words", &words),
            rec("r3", "Drita Other", "0000000000000000"),
        ]
    });
    std::fs::write(&file, v.to_string()).unwrap();
    let out = dir.path().join("roster");
    let html = crate::common::training_roster(root, &file, &out);
    assert!(
        html.contains("data-changed-person=\"Drita Other\""),
        "{html}"
    );
    for name in ["Arta Written", "Besa Words"] {
        assert!(
            !html.contains(&format!("data-changed-person=\"{name}\"")),
            "{name}: {html}"
        );
    }
}

#[test]
fn the_standards_examples_are_examples_on_their_pages() {
    for (page, at, example, before) in IN_STANDARDS {
        // The standard's page, its assessment page, the printed handbook and the printed
        // assessment; the audit sheets where they show the text (evidence: not guidance).
        let standard = page.trim_end_matches(".html");
        let mut pages = vec![
            page.to_string(),
            format!("vleresim/{page}"),
            "printo.html".into(),
        ];
        if !at.contains("guidance") {
            pages.extend([
                format!("auditim/{page}"),
                "auditim/te-gjitha.html".into(),
                "vleresim/printo.html".into(),
                "vleresim/provat.html".into(),
            ]);
        }
        for p in pages {
            let html = site_page(&p);
            let para = paragraph(&html, before);
            assert_eq!(
                spans(para),
                vec![*example],
                "{p} ({at}, {standard}): {para}"
            );
            assert!(
                para.contains(&format!("{before} {SPAN}")),
                "{p} ({at}): {para}"
            );
        }
    }
}

/// Every file of the shipped site as text: an XLSX's sheets and shared strings unzipped.
fn site_texts() -> Vec<(String, String)> {
    let site = shipped_site().join("site");
    let mut out = Vec::new();
    let mut todo = vec![site.clone()];
    while let Some(dir) = todo.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.strip_prefix(&site).unwrap().display().to_string();
            if path.is_dir() {
                todo.push(path);
            } else if name.ends_with(".xlsx") {
                let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
                for i in 0..zip.len() {
                    let mut f = zip.by_index(i).unwrap();
                    let mut s = String::new();
                    std::io::Read::read_to_string(&mut f, &mut s).unwrap();
                    out.push((format!("{name}:{}", f.name().unwrap()), s));
                }
            } else if let Ok(s) = std::fs::read_to_string(&path) {
                out.push((name, s));
            }
        }
    }
    out
}

#[test]
fn no_output_shows_a_standards_example_with_its_quote_marks() {
    let texts = site_texts();
    assert!(texts.iter().any(|(n, _)| n.ends_with("sharedStrings.xml")));
    for (example, _) in IN_STANDARDS.iter().map(|c| (c.2, c.3)) {
        let head: String = example.chars().take(20).collect();
        let mut seen = 0;
        for (name, text) in &texts {
            let text = crate::common::unescape(text).replace("&gt;", ">");
            for (at, _) in text.match_indices(&head) {
                seen += 1;
                let before: String = text[..at]
                    .chars()
                    .rev()
                    .take(8)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let quoted = before.ends_with("> ")
                    || before.ends_with("\\u003e ")
                    || before.ends_with("\n>")
                    || before.ends_with("\\n>");
                // catalog.json is the export of the content as loaded, in its Markdown
                // (README): there the example keeps the mark the content format gives it,
                // as the procedures' examples do.
                assert_eq!(quoted, name == "catalog.json", "{name}: …{before}{head}…");
            }
        }
        assert!(seen >= 4, "{head}: {seen}");
    }
    // No criterion, evidence or guidance text the OSCAL catalogue, the assessment pages'
    // catalogue or the audit form carries starts a line with a quote mark.
    let quote_line = |s: &str| s.lines().any(|l| l.trim_start().starts_with('>'));
    let site = shipped_site().join("site");
    let oscal: serde_json::Value =
        serde_json::from_str(&read(&site.join("oscal/catalog.json"))).unwrap();
    let mut prose = Vec::new();
    strings(&oscal, &mut prose);
    assert!(
        prose
            .iter()
            .any(|p| p.contains("p.sh. një dëshmi penaliteti."))
    );
    assert!(!prose.iter().any(|p| quote_line(p)));
    let script = read(&site.join("vleresim/catalog.js"));
    assert!(!script.contains("\\n>") && !script.contains("\\n\\u003e"));
    assert!(script.contains("stafit, p.sh. një dëshmi penaliteti."));
    let mut book =
        calamine::open_workbook_auto(site.join("auditim/formulari-auditimit.xlsx")).unwrap();
    use calamine::Reader;
    let mut cells = 0;
    for sheet in book.sheet_names() {
        let range = book.worksheet_range(&sheet).unwrap();
        for c in range.used_cells() {
            let s = c.2.to_string();
            cells += usize::from(s.to_lowercase().contains("p.sh."));
            assert!(!quote_line(&s), "{sheet}: {s}");
        }
    }
    assert!(cells >= 4, "{cells}");
}

#[test]
fn no_quiz_or_register_row_comes_from_the_standards_examples() {
    let heads: Vec<String> = IN_STANDARDS
        .iter()
        .map(|c| c.2.trim_start_matches("si ").chars().take(24).collect())
        .collect();
    let site = shipped_site().join("site");
    let mut pages = vec![site.join("afatet.html")];
    for dir in ["trajnim/kuizi", "roli"] {
        for entry in std::fs::read_dir(site.join(dir)).unwrap() {
            pages.push(entry.unwrap().path());
        }
    }
    for path in pages {
        let page = crate::common::unescape(&read(&path));
        for h in &heads {
            assert!(!page.contains(h.as_str()), "{}: {h}", path.display());
        }
    }
    for q in crate::quizzes::questions() {
        for h in &heads {
            assert!(
                !q.stem.contains(h.as_str())
                    && !q
                        .correct
                        .iter()
                        .chain(&q.wrong)
                        .any(|c| c.contains(h.as_str())),
                "{}",
                q.page
            );
        }
    }
}
