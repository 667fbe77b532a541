//! Right to left, complete: on the Arabic fixture the "next standard" arrow points the way
//! the page goes (left), the chosen search result's bar sits at the start of the line (the
//! right), and a printed report carries its running head at the top right and its page
//! number at the bottom left — as the French (left-to-right) report has them at the left
//! and the right.

use crate::common::browser::*;
use crate::common::*;

fn site_of(fixture: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join(fixture), dir.path());
    let site = dir.path().join("site");
    build_ok(dir.path(), &site);
    (dir, site)
}

#[test]
fn the_next_standard_arrow_and_the_result_bar_mirror_right_to_left() {
    let Some(browser) =
        browser("rtl::the_next_standard_arrow_and_the_result_bar_mirror_right_to_left")
    else {
        return;
    };
    for (fixture, dir) in [("arabic", "rtl"), ("french", "ltr")] {
        let (_keep, site) = site_of(fixture);
        let page = if fixture == "arabic" {
            "S1.html"
        } else {
            "N1.html"
        };
        let tab = open(&browser, &file_url(&site.join(page)));
        crate::common::browser::resize(&tab, 1280, 900, false);
        let got = eval(
            &tab,
            "(() => { const a = document.querySelector('a[rel=next]'); const g = a.querySelector('.dir-arrow'); const r = a.getBoundingClientRect(), t = g.getBoundingClientRect(); return { dir: getComputedStyle(document.documentElement).direction, transform: getComputedStyle(g).transform, linkCentre: (r.left + r.right) / 2, arrowAtLinkStart: Math.abs(t.left - r.left) < Math.abs(t.right - r.right), width: window.innerWidth, glyph: g.textContent }; })()",
        );
        assert_eq!(got["dir"], dir, "{fixture}: {got}");
        let centre = got["linkCentre"].as_f64().unwrap();
        let width = got["width"].as_f64().unwrap();
        if dir == "rtl" {
            // Mirrored: the arrow drawn pointing left, at the link's left end, the link on
            // the page's left, where the next page lies for a reader of Arabic.
            assert_eq!(got["transform"], "matrix(-1, 0, 0, 1, 0, 0)", "{got}");
            assert_eq!(got["arrowAtLinkStart"], true, "{got}");
            assert!(centre < width / 2.0, "the next link on the left: {got}");
        } else {
            assert_eq!(got["transform"], "none", "{got}");
            assert_eq!(got["arrowAtLinkStart"], false, "{got}");
            assert!(centre > width / 2.0, "the next link on the right: {got}");
        }
        // The chosen search result's bar: at the start of the line, in either direction.
        let q: String = if fixture == "arabic" {
            "الحماية"
        } else {
            "enfant"
        }
        .bytes()
        .map(|b| format!("%{b:02X}"))
        .collect();
        let tab = open(
            &browser,
            &format!("{}?q={q}", file_url(&site.join("search.html"))),
        );
        wait_for(
            &tab,
            "!!document.querySelector('.search-results .result')",
            &format!("a result on the {fixture} search page"),
        );
        let bar = eval(
            &tab,
            "(() => { const e = document.querySelector('.search-results .result'); e.setAttribute('aria-selected', 'true'); const s = getComputedStyle(e, '::before'); const w = e.getBoundingClientRect().width; return { left: parseFloat(s.left), right: parseFloat(s.right), width: parseFloat(s.width), box: w, shadow: getComputedStyle(e).boxShadow }; })()",
        );
        assert_eq!(bar["width"], 6.0, "{fixture}: {bar}");
        assert_eq!(bar["shadow"], "none", "no physical inset shadow: {bar}");
        let (near, far) = if dir == "rtl" {
            (&bar["right"], &bar["left"])
        } else {
            (&bar["left"], &bar["right"])
        };
        assert_eq!(
            near.as_f64(),
            Some(0.0),
            "{fixture}: the bar at the line's start: {bar}"
        );
        assert!(far.as_f64().unwrap() > 100.0, "{fixture}: {bar}");
    }
}

/// Words of a PDF's first page with their box in mm: (x_min, x_max, y_min, text).
fn first_page_words(pdf: &[u8]) -> Option<Vec<(f64, f64, f64, String)>> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("f.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args(["-bbox", "-f", "1", "-l", "1"])
        .arg(&file)
        .arg("-")
        .output()
        .ok()?;
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let attr = |line: &str, name: &str| -> f64 {
        let pat = format!("{name}=\"");
        let i = line.find(&pat).unwrap() + pat.len();
        line[i..].split('"').next().unwrap().parse::<f64>().unwrap() * 25.4 / 72.0
    };
    Some(
        text.lines()
            .map(str::trim)
            .filter(|l| l.starts_with("<word "))
            .map(|l| {
                let w = l.split('>').nth(1).unwrap_or("").trim_end_matches("</word");
                (
                    attr(l, "xMin"),
                    attr(l, "xMax"),
                    attr(l, "yMin"),
                    w.to_string(),
                )
            })
            .collect(),
    )
}

/// Words' left and right edges, in mm.
type Spans = Vec<(f64, f64)>;

/// A report of `fixture`'s handbook, printed by Chromium: the words in the top margin (the
/// running head) and in the bottom margin (the page number), as (x_min, x_max).
fn report_margins(browser: &headless_chrome::Browser, fixture: &str) -> Option<(Spans, Spans)> {
    let dir = tempfile::tempdir().unwrap();
    let root = fixtures().join(fixture);
    let files = dir.path().join("files");
    let json = synth_assessments(&root, 1, &files).remove(0);
    let out = dir.path().join("report.html");
    let o = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "report",
        &json,
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let tab = open(browser, &file_url(&out));
    let pdf = crate::common::pdf::print_tab(&tab);
    let words = first_page_words(&pdf)?;
    // A4 is 297 mm high; the page's margins are 16 mm at the top and 18 mm at the foot.
    let head = words
        .iter()
        .filter(|w| w.2 < 14.0)
        .map(|w| (w.0, w.1))
        .collect();
    let foot = words
        .iter()
        .filter(|w| w.2 > 281.0)
        .map(|w| (w.0, w.1))
        .collect();
    Some((head, foot))
}

#[test]
fn a_printed_right_to_left_report_has_its_head_at_the_right_and_its_page_number_at_the_left() {
    let Some(browser) = browser(
        "rtl::a_printed_right_to_left_report_has_its_head_at_the_right_and_its_page_number_at_the_left",
    ) else {
        return;
    };
    let Some((head, foot)) = report_margins(&browser, "arabic") else {
        return skip(
            "rtl::a_printed_…",
            "pdftotext",
            "apt-get install poppler-utils",
        );
    };
    assert!(!head.is_empty() && !foot.is_empty(), "{head:?} {foot:?}");
    // A4 is 210 mm wide, 14 mm margins: the head ends at the right margin, the number sits
    // in the left half.
    let head_right = head.iter().map(|w| w.1).fold(0.0, f64::max);
    let head_left = head.iter().map(|w| w.0).fold(f64::MAX, f64::min);
    assert!(
        head_right > 190.0 && head_left > 60.0,
        "the running head at the top right: {head:?}"
    );
    assert!(
        foot.iter().all(|w| w.1 < 105.0),
        "the page number at the bottom left: {foot:?}"
    );
    // Left to right, the same report has them the other way round.
    let (head, foot) = report_margins(&browser, "french").unwrap();
    assert!(
        !head.is_empty() && head.iter().map(|w| w.0).fold(f64::MAX, f64::min) < 20.0,
        "the French head at the top left: {head:?}"
    );
    assert!(
        !foot.is_empty() && foot.iter().all(|w| w.0 > 105.0),
        "the French page number at the bottom right: {foot:?}"
    );
}

/// Arabic search in the browser as on the command line: a word typed without its article,
/// with tatweel, with و and ال, or with another alef or ta marbuta form finds what the CLI
/// finds (the forms table is keyed as the analyzer reads Arabic).
#[test]
fn arabic_search_in_the_browser_matches_the_command_line_whatever_the_prefixes() {
    let Some(browser) =
        browser("rtl::arabic_search_in_the_browser_matches_the_command_line_whatever_the_prefixes")
    else {
        return;
    };
    let (keep, site) = site_of("arabic");
    let tab = open(&browser, &file_url(&site.join("search.html")));
    wait_for(&tab, "!!window.DORACAK_SEARCH", "the manifest");
    let root = keep.path();
    let cli = |q: &str| -> Vec<String> {
        let o = doracak(&[
            "--root",
            root.to_str().unwrap(),
            "search",
            "--json",
            "--limit",
            "10",
            q,
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|h| h["url"].as_str().unwrap().to_string())
            .collect()
    };
    let with_article = cli("الحماية");
    assert!(!with_article.is_empty());
    for q in ["حماية", "الحمـــاية", "والحماية", "الحمايه", "حماية الأطفال"]
    {
        let want = cli(q);
        assert!(!want.is_empty(), "{q}: the command line finds it");
        assert_eq!(
            js_search_urls(&tab, q, 10),
            want,
            "{q}: the browser as the CLI"
        );
    }
}

#[test]
fn english_fallback_on_an_arabic_page_is_isolated_left_to_right_but_addresses_are_not() {
    // The Arabic fixture has no strings of its own: every interface text is the English
    // fallback. Unisolated, its full stops land at the wrong end of the line and "2
    // criteria · 3 evidence items" reads "criteria · 3 evidence items 2".
    let (_keep, site) = site_of("arabic");
    let home = std::fs::read_to_string(site.join("index.html")).unwrap();
    let opened = home.matches('\u{2066}').count();
    assert!(
        opened > 5,
        "{opened} isolated fallback texts on the home page"
    );
    assert_eq!(
        opened,
        home.matches('\u{2069}').count(),
        "every isolate is closed"
    );
    assert!(
        !home.contains("\u{2066}search.html") && home.contains("search.html"),
        "an address is no text to isolate"
    );
    // Words quoted from the Arabic source keep the page's direction: the fallback's quote
    // marks hold no English to isolate.
    let s1 = std::fs::read_to_string(site.join("S1.html")).unwrap();
    assert!(s1.contains("<q>“"), "{s1}");
    assert!(!s1.contains("<q>\u{2066}"), "{s1}");
    // The file names and the scripts' addresses carry no marks.
    for e in walkdir::WalkDir::new(&site)
        .into_iter()
        .filter_map(Result::ok)
    {
        let name = e.path().to_string_lossy();
        assert!(!name.contains(['\u{2066}', '\u{2069}']), "{name}");
    }
    let ui = std::fs::read_to_string(site.join("static/ui.js")).unwrap();
    let addr = ui.split("DORACAK_ADDR").nth(1).unwrap_or("");
    assert!(
        !addr.contains('\u{2066}'),
        "addresses in ui.js: {addr:.200}"
    );
}

#[test]
fn an_english_fallback_placeholder_reads_left_to_right_until_arabic_is_typed() {
    // The Arabic fixture has no strings: the search box's placeholder is the English
    // "Search… (press /)". In a right-to-left box Chromium draws it with its bracket at the
    // start ("(/ …"); the box is left to right while empty, right to left once Arabic is
    // typed, and a translated placeholder (the French, left-to-right page) is untouched.
    let Some(browser) =
        browser("rtl::an_english_fallback_placeholder_reads_left_to_right_until_arabic_is_typed")
    else {
        return;
    };
    let (_keep, site) = site_of("arabic");
    let tab = open(&browser, &file_url(&site.join("index.html")));
    let dir_of = "(() => { const i = document.getElementById('search-input'); return i.matches(':dir(rtl)') ? 'rtl' : 'ltr'; })()";
    let page = eval(&tab, "getComputedStyle(document.documentElement).direction");
    assert_eq!(page, "rtl");
    assert_eq!(
        eval(&tab, dir_of),
        "ltr",
        "an empty box with an English placeholder"
    );
    eval(
        &tab,
        "(() => { const i = document.getElementById('search-input'); i.value = 'الحماية'; return 1; })()",
    );
    assert_eq!(eval(&tab, dir_of), "rtl", "Arabic typed into the box");
    let (_keep2, french) = site_of("french");
    let tab = open(&browser, &file_url(&french.join("index.html")));
    assert_eq!(
        eval(
            &tab,
            "document.getElementById('search-input').getAttribute('dir')"
        ),
        serde_json::Value::Null,
        "a placeholder in the page's own direction keeps the page's"
    );
}
