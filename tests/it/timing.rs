//! The timing kinds (docs/content-format.md, "Timing"): working days, lead times before an
//! event, ranges, and words that set no time limit — loaded, ordered in the deadlines
//! register by calendar length, and worded from every locale pack there is.
//! (Each malformed kind has its located error in tests/fixtures/errors/timing-*.)

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::common::browser::*;
use crate::common::*;
use serde_json::Value;

/// A procedure with one step per kind, plus a timing on a section.
const TIMINGS: &str = r#"title: Afatet
collection: psv
sections:
  - title: Detyrat e Komisionit
    text: "7. Të marrë një vendim brenda një afati maksimal prej 30 ditëve pune."
    timing:
      - text: brenda një afati maksimal prej 30 ditëve pune
        within: P30D
        days: working
steps:
  - number: "1"
    text: Njoftimi bëhet brenda 6 ditëve.
    timing:
      - text: brenda 6 ditëve
        within: P6D
  - number: "2"
    text: Komisioni thirret në mbledhje brenda 5 ditësh pune.
    timing:
      - text: brenda 5 ditësh pune
        within: P5D
        days: working
  - number: "3"
    text: Përgjigjja jepet brenda 8 ditëve.
    timing:
      - text: brenda 8 ditëve
        within: P8D
  - number: "4"
    text: Ankimi paraqitet brenda 31 ditëve.
    timing:
      - text: brenda 31 ditëve
        within: P31D
  - number: "5"
    text: Dërgojë ftesën 14 ditë para datës së takimit.
    timing:
      - text: 14 ditë para datës së takimit
        before: P14D
  - number: "6"
    text: Për objektivin afatmesëm nga 4 deri në 12 muaj.
    timing:
      - text: nga 4 deri në 12 muaj
        duration: P4M
        to: P12M
  - number: "7"
    text: Ofruesi siguron një mbikqyrje 24 orë.
    timing:
      - text: mbikqyrje 24 orë
        no_time_limit: true
  - number: "8"
    text: Supervizimi ofrohet të paktën 2 herë në vit.
    timing:
      - text: të paktën 2 herë në vit
        every: P1Y
        times: 2
        bound: at_least
"#;

fn timings_handbook() -> tempfile::TempDir {
    let dir = minimal_copy();
    std::fs::write(dir.path().join("content/sop/03-afatet.yaml"), TIMINGS).unwrap();
    dir
}

fn catalog(site: &Path) -> Value {
    serde_json::from_str(&read(&site.join("catalog.json"))).unwrap()
}

#[test]
fn each_timing_kind_loads_into_the_catalogue() {
    let dir = timings_handbook();
    let site = dir.path().join("site");
    build_ok(dir.path(), &site);
    let cat = catalog(&site);
    let proc = cat["procedures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "afatet")
        .expect("the procedure");
    let timing = |n: &str| -> Value {
        proc["steps"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["number"] == n)
            .unwrap()["timing"][0]
            .clone()
    };
    let working = timing("2");
    assert_eq!(working["kind"], "within");
    assert_eq!(working["iso"], "P5D");
    assert_eq!(working["working_days"], true);
    assert_eq!(
        working["seconds"],
        7 * 86_400,
        "5 working days count as 7 calendar days"
    );
    let lead = timing("5");
    assert_eq!(lead["kind"], "before");
    assert_eq!(lead["iso"], "P14D");
    let range = timing("6");
    assert_eq!(range["kind"], "duration");
    assert_eq!(range["iso"], "P4M");
    assert_eq!(range["to_iso"], "P12M");
    let none = timing("7");
    assert_eq!(none["kind"], "none");
    assert_eq!(none["iso"], "");
    assert_eq!(none["text"], "mbikqyrje 24 orë");
    let section = &proc["sections"][0];
    assert_eq!(section["id"], "afatet.s1");
    assert_eq!(section["timing"][0]["working_days"], true);

    let register = cat["deadlines"].as_array().unwrap();
    assert!(
        register.iter().all(|d| d["timing"]["kind"] != "none"),
        "words that set no time limit stay out of the deadlines register"
    );
    assert!(
        register
            .iter()
            .any(|d| d["owner"] == "afatet.s1" && d["owner_kind"] == "section"),
        "a section's deadline is in the register"
    );
}

#[test]
fn the_register_orders_working_days_by_their_calendar_length() {
    let dir = timings_handbook();
    let site = dir.path().join("site");
    build_ok(dir.path(), &site);
    let cat = catalog(&site);
    let owners: Vec<&str> = cat["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["timing"]["kind"] == "within")
        .filter(|d| d["owner"].as_str().unwrap().starts_with("afatet"))
        .map(|d| d["owner"].as_str().unwrap())
        .collect();
    // 6 days < 5 working days (about 7) < 8 days < 31 days < 30 working days (about 42).
    assert_eq!(
        owners,
        ["afatet.1", "afatet.2", "afatet.3", "afatet.4", "afatet.s1"]
    );

    // The page lists them in the same order, each sortable by its calendar length.
    let page = read(&site.join("afatet.html"));
    let within = page
        .split("id=\"dl-within\"")
        .nth(1)
        .and_then(|s| s.split("</section>").next())
        .expect("the deadlines section");
    let order: Vec<usize> = [
        "brenda 6 ditëve",
        "brenda 5 ditësh pune",
        "brenda 8 ditëve",
        "brenda 31 ditëve",
        "brenda një afati maksimal prej 30 ditëve pune",
    ]
    .iter()
    .map(|q| {
        within
            .find(&format!("<q>„{q}“</q>"))
            .unwrap_or_else(|| panic!("{q} is in the register"))
    })
    .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "register order {order:?}"
    );
    // The length column sorts by the row's place in that order (review_49): increasing.
    let values: Vec<usize> = within
        .split("<td data-value=\"")
        .skip(1)
        .map(|c| c.split('"').next().unwrap().parse().unwrap())
        .collect();
    assert!(values.len() >= 5 && values.windows(2).all(|w| w[0] < w[1]));
    let before = page
        .split("id=\"dl-before\"")
        .nth(1)
        .expect("lead times have their own part of the register");
    assert!(before.contains("<q>„14 ditë para datës së takimit“</q>"));
    assert!(!page.contains("mbikqyrje 24 orë"));
}

/// The locale packs the theme ships (`theme/locales/*.toml`), and any
/// `theme/strings*.toml` beside them.
pub(crate) fn locale_packs() -> Vec<PathBuf> {
    let theme = repo().join("theme");
    let mut packs: Vec<PathBuf> = std::fs::read_dir(&theme)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with("strings") && name.ends_with(".toml")
        })
        .collect();
    if let Ok(dir) = std::fs::read_dir(theme.join("locales")) {
        packs.extend(
            dir.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml")),
        );
    }
    packs.sort();
    packs
}

/// A locale pack's strings (its text), by key.
pub fn pack_strings(text: &str) -> HashMap<String, String> {
    let table: toml::Table = toml::from_str(text).unwrap();
    table
        .into_iter()
        .filter_map(|(k, v)| v.as_str().map(|s| (k, s.to_string())))
        .collect()
}

#[test]
fn every_locale_pack_words_each_timing_kind() {
    let packs = locale_packs();
    assert!(!packs.is_empty(), "theme/strings.toml is there");
    for pack in packs {
        let text = read(&pack);
        let ui = pack_strings(&text);
        let get = |k: &str| -> &str {
            ui.get(k)
                .map(String::as_str)
                .unwrap_or_else(|| panic!("{}: the key {k} is missing", pack.display()))
        };
        for key in [
            "timing_within",
            "timing_immediately",
            "timing_same_day",
            "timing_at_most",
            "timing_at_least",
            "timing_per",
            "timing_none",
            "timing_continuous",
            "deadlines_continuous",
            "timing_range",
            "deadlines_before",
            "duration_working_day_one",
            "duration_working_day",
            "duration_within_working_day",
            "timing_phrase_within",
            "timing_phrase_before",
            "timing_phrase_duration",
        ] {
            assert!(
                !get(key).trim().is_empty(),
                "{}: {key} is empty",
                pack.display()
            );
        }
        // Build the fixture with this pack as the handbook's strings, and read the badges.
        let dir = timings_handbook();
        std::fs::create_dir_all(dir.path().join("theme")).unwrap();
        std::fs::write(dir.path().join("theme/strings.toml"), &text).unwrap();
        let site = dir.path().join("site");
        build_ok(dir.path(), &site);
        // The procedure's page, in the pack's folder for procedures.
        let page = unescape(&read(
            &site.join(format!("{}afatet.html", get("address_procedure_dir"))),
        ));
        // Counted units in their `other` form (5, 12 and 14 take it in the packs'
        // languages), each timing one phrase of the pack.
        let count = |key: &str, n: u32| get(key).replace("{count}", &n.to_string());
        let phrase = |kind: &str, duration: String| {
            get(&format!("timing_phrase_{kind}")).replace("{duration}", &duration)
        };
        let range = get("timing_range")
            .replace("{from}", &count("duration_month", 4))
            .replace("{to}", &count("duration_month", 12));
        for (kind, words) in [
            // After the pack's "within" a duration takes the case the language gives it
            // ("brenda 5 ditëve pune", review 43 L4).
            (
                "within",
                phrase("within", count("duration_within_working_day", 5)),
            ),
            ("before", phrase("before", count("duration_day", 14))),
            ("duration", phrase("duration", range)),
            ("none", get("timing_none").to_string()),
            // "2 herë në vit" is a count in a year, at least (never "every 6 months").
            (
                "every",
                get("timing_at_least").replace(
                    "{duration}",
                    &ui.get("times_per_year_2")
                        .cloned()
                        .unwrap_or_else(|| count("times_per_year", 2)),
                ),
            ),
        ] {
            let badge = format!("<span class=\"badge badge-{kind}\">{words}</span>");
            assert!(
                page.contains(&badge),
                "{}: the page shows {badge}",
                pack.display()
            );
        }
    }
}

#[test]
fn sorting_the_register_in_the_browser_keeps_working_days_at_their_calendar_length() {
    let Some(browser) =
        browser("sorting_the_register_in_the_browser_keeps_working_days_at_their_calendar_length")
    else {
        return;
    };
    let dir = timings_handbook();
    let site = dir.path().join("site");
    build_ok(dir.path(), &site);
    let tab = open(&browser, &file_url(&site.join("afatet.html")));
    wait_for(
        &tab,
        "document.querySelector('#dl-within ~ .table-wrap th button') !== null",
        "the sort buttons",
    );
    let quotes = "Array.from(document.querySelectorAll('#dl-within ~ .table-wrap tbody q'))\
        .map(q => q.textContent).filter(t => /ditëve|ditësh/.test(t))";
    let ascending = [
        "„brenda 6 ditëve“",
        "„brenda 5 ditësh pune“",
        "„brenda 8 ditëve“",
        "„brenda 31 ditëve“",
        "„brenda një afati maksimal prej 30 ditëve pune“",
    ];
    assert_eq!(eval(&tab, quotes), serde_json::json!(ascending));
    // Sorting by the duration column, longest first, then shortest first again.
    let click = "document.querySelector('#dl-within ~ .table-wrap th button').click()";
    eval(&tab, click);
    wait_for(
        &tab,
        "document.querySelector('#dl-within ~ .table-wrap th').getAttribute('aria-sort') === 'descending'",
        "the register sorted longest first",
    );
    let mut descending = ascending;
    descending.reverse();
    assert_eq!(eval(&tab, quotes), serde_json::json!(descending));
    eval(&tab, click);
    wait_for(
        &tab,
        "document.querySelector('#dl-within ~ .table-wrap th').getAttribute('aria-sort') === 'ascending'",
        "the register sorted shortest first",
    );
    assert_eq!(eval(&tab, quotes), serde_json::json!(ascending));
}
