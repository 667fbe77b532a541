//! One centre identity in the CLI and in the browser: the same assessments
//! (`tests/fixtures/centres/`, three centres in eight spellings and one assessment without a
//! centre) make the same centres in `doracak aggregate`, in `doracak report --since` and on
//! the browser's comparison page, with the centres of `[[centres]]` in `doracak.toml`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::browser::*;
use crate::common::*;

/// The corpus, oldest first (as the browser lists them).
const FILES: [&str; 8] = [
    "t1-2025.json",
    "vatra-2025.json",
    "shpresa-2025.json",
    "t1-2026.json",
    "vatra-2026.json",
    "t1-id.json",
    "shpresa-2026.json",
    "pa-qender.json",
];

fn corpus(name: &str) -> PathBuf {
    fixtures().join("centres").join(name)
}

/// The minimal handbook with the corpus's centres declared.
fn handbook() -> tempfile::TempDir {
    let dir = minimal_copy();
    let toml = dir.path().join("doracak.toml");
    let mut text = read(&toml);
    text.push_str(&read(&corpus("centres.toml")));
    std::fs::write(&toml, text).unwrap();
    dir
}

/// What `doracak aggregate` makes of the corpus: each assessment's centre (the CSV's first
/// two columns), and what it said.
fn cli_centres(root: &Path, out: &Path) -> (BTreeMap<String, String>, String) {
    let mut args = vec![
        "--root".to_string(),
        root.to_string_lossy().into_owned(),
        "aggregate".into(),
    ];
    // Given newest first: the names do not hang on the order of the files.
    args.extend(
        FILES
            .iter()
            .rev()
            .map(|f| corpus(f).to_string_lossy().into_owned()),
    );
    args.extend(["--out".into(), out.to_string_lossy().into_owned()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = doracak(&args);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "{err}");
    let text = read(&out.join("krahasimi.csv"));
    // Albanian writes a decimal comma: the fields part with `;`.
    let rows: BTreeMap<String, String> = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[1].to_string(), r[0].to_string())
        })
        .collect();
    (rows, err)
}

/// `report NEW --since OLD`: whether the report warns that the two are of different centres.
fn cli_other_centre(root: &Path, new: &str, old: &str, out: &Path) -> bool {
    let report = out.join(format!("{new}-{old}.html"));
    let o = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "report",
        corpus(new).to_str().unwrap(),
        "--since",
        corpus(old).to_str().unwrap(),
        "--out",
        report.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    read(&report).contains("të dy vlerësimet janë të qendrave të ndryshme")
}

#[test]
fn the_cli_counts_one_centre_however_it_is_typed() {
    let hb = handbook();
    let out = tempfile::tempdir().unwrap();
    let (centres, said) = cli_centres(hb.path(), out.path());
    let mut groups: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (name, centre) in &centres {
        groups.entry(centre).or_default().push(name);
    }
    assert_eq!(groups.len(), 4, "{groups:?}");
    assert_eq!(
        groups["Qendra Tiranë 1"],
        [
            "Tirana 1, pranverë 2026",
            "Tirana 1, vizita nga telefoni",
            "Tirana 1, vjeshtë 2025"
        ]
    );
    assert_eq!(groups["Qendra Vatra, Vlorë"], ["Vatra 2025", "Vatra 2026"]);
    assert_eq!(groups["Shtëpia Shpresa"], ["Shpresa 2025", "Shpresa 2026"]);
    assert_eq!(groups["Vlerësim pa qendër"], ["Vlerësim pa qendër"]);
    assert!(
        said.contains(
            "centre \"Shtëpia Shpresa\": also written \"shtepia  shpresa\", counted as one centre"
        ),
        "{said}"
    );
    assert_eq!(
        read(&out.path().join("krahasimi.html"))
            .matches("data-trend=")
            .count(),
        3,
        "a trend for each centre assessed twice or more"
    );
}

#[test]
fn the_browser_groups_the_centres_as_the_cli_does() {
    let Some(browser) = browser("the_browser_groups_the_centres_as_the_cli_does") else {
        return;
    };
    let hb = handbook();
    let out = tempfile::tempdir().unwrap();
    let (cli, _) = cli_centres(hb.path(), out.path());
    let site = hb.path().join("site");
    build_ok(hb.path(), &site);
    let tab = open(&browser, &file_url(&site.join("vleresim/index.html")));
    // The visit of the phone (the centre given by its id) last: it becomes the current one.
    let mut order: Vec<&str> = FILES
        .iter()
        .copied()
        .filter(|f| *f != "t1-id.json")
        .collect();
    order.push("t1-id.json");
    for f in &order {
        let text = serde_json::to_string(&read(&corpus(f))).unwrap();
        eval(
            &tab,
            &format!("window.Doracak.assessmentPage.importText({text})"),
        );
    }
    wait_for(
        &tab,
        "document.querySelectorAll('#assess-select option').length === 8",
        "all eight imported",
    );
    let tab = open(&browser, &file_url(&site.join("vleresim/krahasimi.html")));
    wait_for(
        &tab,
        "!!document.querySelector('[data-compare=improved]')",
        "the comparison",
    );
    // The lists group the assessments by centre: the same groups as the CLI's.
    let groups = eval(
        &tab,
        "[...document.querySelectorAll('[data-compare-new] optgroup')].map(g => [g.label, [...g.querySelectorAll('option')].map(o => o.textContent.replace(/ \\(\\d{4}-\\d\\d-\\d\\d\\)$/, ''))])",
    );
    let groups: Vec<(String, Vec<String>)> = serde_json::from_value(groups).unwrap();
    assert_eq!(groups.len(), 4, "{groups:?}");
    let browser_centres: BTreeMap<String, String> = groups
        .iter()
        .flat_map(|(centre, names)| names.iter().map(move |n| (n.clone(), centre.clone())))
        .collect();
    assert_eq!(browser_centres, cli, "browser and CLI group alike");
    // The earlier of the two is the latest one before of the same centre, however typed.
    let picked = eval(
        &tab,
        "[document.querySelector('[data-compare-old]').selectedOptions[0].textContent, document.querySelector('[data-compare-new]').selectedOptions[0].textContent]",
    );
    assert_eq!(
        picked,
        serde_json::json!([
            "Tirana 1, pranverë 2026 (2026-03-01)",
            "Tirana 1, vizita nga telefoni (2026-06-01)"
        ])
    );
    // "Of different centres" where the CLI says so, and only there.
    for old in [
        "t1-2025.json",
        "t1-2026.json",
        "vatra-2025.json",
        "shpresa-2025.json",
        "pa-qender.json",
    ] {
        let name = serde_json::to_string(
            &serde_json::from_str::<serde_json::Value>(&read(&corpus(old))).unwrap()["assessment"]
                ["name"],
        )
        .unwrap();
        let shown = eval(
            &tab,
            &format!(
                "(() => {{ const sel = document.querySelector('[data-compare-old]'); sel.value = [...sel.options].find(o => o.textContent.startsWith({name} + ' (')).value; sel.dispatchEvent(new Event('change', {{ bubbles: true }})); return !!document.querySelector('[data-compare-other-centre]'); }})()"
            ),
        );
        assert_eq!(
            shown,
            serde_json::Value::Bool(cli_other_centre(hb.path(), "t1-id.json", old, out.path())),
            "t1-id.json since {old}"
        );
    }
}

/// The browser's normalising of a centre's name is Rust's, character for character.
#[test]
fn the_js_twin_normalises_names_as_rust_does() {
    let Some(browser) = browser("the_js_twin_normalises_names_as_rust_does") else {
        return;
    };
    let names = [
        "  Qendra  TIRANË\t1 ",
        "Çerdhja\u{a0}e\u{2003}Fëmijëve",
        "Straße Øre Łódź",
        "İstanbul ǅemal",
        "ﬁ Ⅻ ｑｅｎｄｒａ",
        "a\u{85}b\u{feff}c",
    ];
    let (_dir, out) = minimal_site();
    let tab = open(&browser, &file_url(&out.join("vleresim/krahasimi.html")));
    let js = eval(
        &tab,
        &format!(
            "{}.map(n => Doracak.assessment.normaliseCentre(n))",
            serde_json::to_string(&names).unwrap()
        ),
    );
    let rust: Vec<String> = names
        .iter()
        .map(|n| doracak::centres::normalise(n))
        .collect();
    assert_eq!(js, serde_json::to_value(rust).unwrap());
}
