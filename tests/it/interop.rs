//! Into the tools the field uses: the audit as an XLSForm (read back here, converted by
//! pyxform), the data exports of KoboToolbox and ODK Central back as assessment files
//! (`import-submissions`, then `aggregate` and the browser import), and the standards as
//! an OSCAL 1.1 catalogue (checked here, validated by compliance-trestle).

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::browser::*;
use crate::common::python::python_with;
use crate::common::*;
use calamine::{Data, Reader};
use serde_json::Value;

const FORM: &str = "auditim/formulari-auditimit.xlsx";
const OSCAL: &str = "oscal/catalog.json";
/// The XLSForm's columns in the handbook's language.
const LABEL: &str = "label::Shqip (sq)";
const HINT: &str = "hint::Shqip (sq)";
const GUIDANCE: &str = "guidance_hint::Shqip (sq)";

fn site() -> PathBuf {
    shipped_site().join("site")
}

fn json(path: &Path) -> Value {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A sheet of an xlsx file as rows of text.
fn sheet(path: &Path, name: &str) -> Vec<Vec<String>> {
    let mut book = calamine::open_workbook_auto(path).unwrap();
    let range = book.worksheet_range(name).unwrap();
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::String(s) => s.clone(),
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

/// The rows of a sheet as maps from its header.
fn records(rows: &[Vec<String>]) -> Vec<HashMap<String, String>> {
    let header = &rows[0];
    rows[1..]
        .iter()
        .map(|r| {
            header
                .iter()
                .cloned()
                .zip(r.iter().cloned().chain(std::iter::repeat(String::new())))
                .collect()
        })
        .collect()
}

fn strings() -> HashMap<String, String> {
    toml::from_str(&read(&repo().join("theme/locales/sq.toml"))).unwrap()
}

#[test]
fn the_xlsform_has_one_question_per_criterion_and_evidence_item() {
    let catalog = json(&site().join("catalog.json"));
    let survey = records(&sheet(&site().join(FORM), "survey"));
    let by_name: HashMap<&str, &HashMap<String, String>> =
        survey.iter().map(|r| (r["name"].as_str(), r)).collect();
    let ui = strings();

    // The header fields, labelled from the locale pack.
    for (name, key) in [
        ("centre", "audit_centre"),
        ("date", "audit_date"),
        ("inspector", "audit_inspector"),
    ] {
        assert_eq!(by_name[name][LABEL], ui[key], "{name}");
    }
    assert_eq!(by_name["date"]["type"], "date");

    let (mut criteria, mut evidence) = (0, 0);
    for s in catalog["standards"].as_array().unwrap() {
        let sid = s["id"].as_str().unwrap();
        let group = by_name[sid];
        assert_eq!(group["type"], "begin_group");
        assert!(group[LABEL].ends_with(s["title"].as_str().unwrap()));
        for c in s["criteria"].as_array().unwrap() {
            criteria += 1;
            let id = c["id"].as_str().unwrap();
            let q = by_name[id.replace('.', "_").as_str()];
            assert_eq!(q["type"], "select_one rating", "{id}");
            let number = format!("{}.{} ", s["number"], c["number"]);
            assert!(q[LABEL].starts_with(&number), "{id}: {}", q[LABEL]);
            let guidance = c["guidance"].as_array().unwrap();
            assert_eq!(q[HINT].is_empty(), guidance.is_empty(), "{id}: hint");
            assert_eq!(
                q[GUIDANCE].is_empty(),
                guidance.is_empty(),
                "{id}: guidance"
            );
            assert!(q[HINT].chars().count() < 100, "{id}: a short hint");
            assert_eq!(
                by_name[format!("{}_note", id.replace('.', "_")).as_str()]["type"],
                "text"
            );
            for e in c["evidence"].as_array().unwrap() {
                evidence += 1;
                let eid = e["id"].as_str().unwrap();
                let q = by_name[eid.replace('.', "_").as_str()];
                assert_eq!(q["type"], "select_one yes_no", "{eid}");
                let full = format!("{}.{} ", s["number"], e["number"].as_str().unwrap());
                assert!(q[LABEL].starts_with(&full), "{eid}: {}", q[LABEL]);
            }
        }
    }
    assert_eq!((criteria, evidence), (66, 81), "the shipped standards");
    let ratings = survey
        .iter()
        .filter(|r| r["type"] == "select_one rating")
        .count();
    let seen = survey
        .iter()
        .filter(|r| r["type"] == "select_one yes_no")
        .count();
    assert_eq!(
        (ratings, seen),
        (criteria, evidence),
        "no other questions of these kinds"
    );
    let names: BTreeSet<&str> = survey
        .iter()
        .map(|r| r["name"].as_str())
        .filter(|n| !n.is_empty())
        .collect();
    assert_eq!(
        names.len(),
        survey.iter().filter(|r| !r["name"].is_empty()).count(),
        "question names are unique"
    );

    let choices = records(&sheet(&site().join(FORM), "choices"));
    let list = |l: &str| -> Vec<(String, String)> {
        choices
            .iter()
            .filter(|c| c["list_name"] == l)
            .map(|c| (c["name"].clone(), c[LABEL].clone()))
            .collect()
    };
    assert_eq!(
        list("rating"),
        [
            ("met", "Përmbushur"),
            ("partial", "Pjesërisht"),
            ("not_met", "Nuk përmbushet"),
            ("na", "Nuk aplikohet")
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    assert_eq!(
        list("yes_no"),
        [("yes", ui["yes"].clone()), ("no", ui["no"].clone())].map(|(a, b)| (a.to_string(), b))
    );
    let settings = records(&sheet(&site().join(FORM), "settings"));
    assert_eq!(settings[0]["form_id"], "doracak_audit");
    assert_eq!(settings[0]["version"].len(), 16);
}

#[test]
fn the_form_version_changes_when_the_standards_change() {
    let dir = minimal_copy();
    let version = |out: &Path| records(&sheet(&out.join(FORM), "settings"))[0]["version"].clone();
    build_ok(dir.path(), &dir.path().join("a"));
    // Not a wait for a condition: the second build must fall in another second of the
    // clock, so a timestamp of the build would show.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    build_ok(dir.path(), &dir.path().join("b"));
    assert_eq!(
        version(&dir.path().join("a")),
        version(&dir.path().join("b"))
    );
    for file in [FORM, OSCAL] {
        assert!(
            std::fs::read(dir.path().join("a").join(file)).unwrap()
                == std::fs::read(dir.path().join("b").join(file)).unwrap(),
            "{file}: the same content gives the same bytes"
        );
    }
    let f = dir.path().join("standards/02-vleresimi.yaml");
    let text = read(&f).replace("Vlerësimi bëhet me shkrim.", "Vlerësimi bëhet me gojë.");
    std::fs::write(&f, text).unwrap();
    build_ok(dir.path(), &dir.path().join("c"));
    assert_ne!(
        version(&dir.path().join("a")),
        version(&dir.path().join("c"))
    );
}

#[test]
fn pyxform_converts_the_shipped_form_without_warnings() {
    let Some(python) = python_with(
        "pyxform",
        "pyxform_converts_the_shipped_form_without_warnings",
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let xml = dir.path().join("form.xml");
    let o = Command::new(&python)
        .args(["-m", "pyxform.xls2xform", "--json"])
        .arg(site().join(FORM))
        .arg(&xml)
        .output()
        .unwrap();
    // pyxform logs its result, the JSON line, to stderr.
    let output = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    eprintln!("pyxform: {output}");
    assert!(o.status.success(), "{output}");
    let line = output
        .lines()
        .find(|l| l.trim_start().starts_with('{'))
        .unwrap_or_else(|| panic!("pyxform's JSON result: {output}"));
    let result: Value = serde_json::from_str(line.trim()).unwrap();
    assert_eq!(result["code"], 100, "{result}");
    assert_eq!(result["warnings"], Value::Array(vec![]), "{result}");
    let form = read(&xml);
    assert!(form.contains("<h:title>Formulari i auditimit: "));
    assert!(form.contains("S10_1_note"), "question names from the ids");
}

#[test]
fn odk_validate_accepts_the_shipped_form() {
    let test = "odk_validate_accepts_the_shipped_form";
    let Some(python) = python_with("pyxform", test) else {
        return;
    };
    // pyxform ships ODK Validate (JavaRosa, the engine of ODK Collect); it needs Java.
    let java = Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !java {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("{test}: Java is not installed, and CI=true requires this test to run");
        }
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "\n*** SKIPPED {test}: Java not found (apt-get install default-jre-headless) ***\n"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let o = Command::new(&python)
        .args(["-m", "pyxform.xls2xform", "--odk_validate", "--json"])
        .arg(site().join(FORM))
        .arg(dir.path().join("form.xml"))
        .output()
        .unwrap();
    let output = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    eprintln!("pyxform --odk_validate: {output}");
    assert!(o.status.success(), "{output}");
    let line = output
        .lines()
        .find(|l| l.trim_start().starts_with('{'))
        .unwrap_or_else(|| panic!("pyxform's JSON result: {output}"));
    let result: Value = serde_json::from_str(line.trim()).unwrap();
    assert_eq!(result["code"], 100, "{result}");
    assert_eq!(result["warnings"], Value::Array(vec![]), "{result}");
}

#[test]
fn every_criterion_is_a_control_with_its_evidence_and_guidance_parts() {
    let catalog = json(&site().join("catalog.json"));
    let oscal = json(&site().join(OSCAL));
    let cat = &oscal["catalog"];
    assert_eq!(cat["metadata"]["oscal-version"], "1.1.3");
    assert_eq!(
        cat["metadata"]["title"],
        "Doracak i standardeve për qendrat rezidenciale për viktimat e trafikimit"
    );
    assert!(
        cat["metadata"]["last-modified"]
            .as_str()
            .unwrap()
            .ends_with('Z')
    );
    let groups = cat["groups"].as_array().unwrap();
    let standards = catalog["standards"].as_array().unwrap();
    assert_eq!(groups.len(), standards.len());
    for (g, s) in groups.iter().zip(standards) {
        assert_eq!(g["id"], s["id"]);
        assert_eq!(g["title"], s["title"]);
        let names: Vec<&str> = g["parts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["statement", "objective"], "{}", s["id"]);
        let controls = g["controls"].as_array().unwrap();
        let criteria = s["criteria"].as_array().unwrap();
        assert_eq!(controls.len(), criteria.len());
        for (ctl, c) in controls.iter().zip(criteria) {
            let id = c["id"].as_str().unwrap();
            assert_eq!(ctl["id"], c["id"]);
            let parts = ctl["parts"].as_array().unwrap();
            let statement = parts.iter().find(|p| p["name"] == "statement").unwrap();
            // The prose is the text as the source prints it: catalog.json's Markdown with
            // its examples' marks taken off (issue 25).
            let printed = |t: &Value| doracak::markdown::unmarked(t.as_str().unwrap()).into_owned();
            assert_eq!(statement["prose"], printed(&c["text"]).trim(), "{id}");
            let guidance: Vec<&Value> = parts.iter().filter(|p| p["name"] == "guidance").collect();
            let want: Vec<&Value> = c["guidance"].as_array().unwrap().iter().collect();
            assert_eq!(guidance.len(), want.len(), "{id}: guidance");
            for (p, g) in guidance.iter().zip(want) {
                assert_eq!(p["id"], g["id"]);
                assert_eq!(p["prose"], printed(&g["text"]).trim());
            }
            let evidence: Vec<&Value> = parts
                .iter()
                .filter(|p| p["name"] == "assessment-method")
                .flat_map(|m| m["parts"].as_array().unwrap())
                .collect();
            let want = c["evidence"].as_array().unwrap();
            assert_eq!(evidence.len(), want.len(), "{id}: evidence");
            for (p, e) in evidence.iter().zip(want) {
                assert_eq!(p["id"], e["id"]);
                assert_eq!(p["name"], "assessment-objects");
                assert_eq!(p["prose"], printed(&e["text"]).trim());
            }
            let props = ctl["props"].as_array().unwrap();
            let has = |name: &str, value: &str| {
                props
                    .iter()
                    .any(|p| p["name"] == name && p["value"] == value)
            };
            for t in c["timing"].as_array().unwrap() {
                let iso = t["iso"].as_str().unwrap();
                let value = if iso.is_empty() {
                    t["kind"].as_str().unwrap()
                } else {
                    iso
                };
                assert!(has("timing", value), "{id}: timing");
            }
            for r in c["roles"].as_array().unwrap() {
                assert!(has("responsible-role", r.as_str().unwrap()), "{id}: role");
            }
        }
    }
}

#[test]
fn the_oscal_metadata_carries_edition_and_date_from_doracak_toml() {
    let dir = minimal_copy();
    let toml = dir.path().join("doracak.toml");
    let text = format!(
        "edition = \"2026\"\nmodified = \"2026-10-01\"\n{}",
        read(&toml)
    );
    std::fs::write(&toml, text).unwrap();
    let out = dir.path().join("site");
    build_ok(dir.path(), &out);
    let meta = &json(&out.join(OSCAL))["catalog"]["metadata"];
    assert_eq!(meta["title"], "Doracak provë");
    assert_eq!(meta["version"], "2026");
    assert_eq!(meta["last-modified"], "2026-10-01T00:00:00Z");
    assert_eq!(meta["roles"][0]["id"], "punonjes-social");
}

#[test]
fn trestle_validates_the_oscal_catalogue_against_oscal_1_1() {
    let Some(python) = python_with(
        "trestle.oscal.catalog",
        "trestle_validates_the_oscal_catalogue_against_oscal_1_1",
    ) else {
        return;
    };
    let (_dir, minimal) = minimal_site();
    for path in [site().join(OSCAL), minimal.join(OSCAL)] {
        let o = Command::new(&python)
            .args([
                "-c",
                "import sys, pathlib\n\
                 from trestle.oscal import OSCAL_VERSION\n\
                 from trestle.oscal.catalog import Catalog\n\
                 c = Catalog.oscal_read(pathlib.Path(sys.argv[1]))\n\
                 n = sum(len(g.controls or []) for g in c.groups)\n\
                 print(f'valid OSCAL {OSCAL_VERSION} catalog: {len(c.groups)} groups, {n} controls')",
            ])
            .arg(&path)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&o.stdout);
        eprintln!("trestle: {stdout}");
        assert!(
            o.status.success(),
            "{}: {}",
            path.display(),
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(stdout.contains("valid OSCAL 1.1."), "{stdout}");

        // `trestle validate`: the models and trestle's registered checks, in a workspace.
        let ws = tempfile::tempdir().unwrap();
        let trestle = |args: &[&str]| {
            Command::new(&python)
                .args([
                    "-c",
                    "import sys; from trestle.cli import run; sys.exit(run())",
                ])
                .args(args)
                .current_dir(ws.path())
                .output()
                .unwrap()
        };
        let o = trestle(&["init"]);
        assert!(
            o.status.success(),
            "trestle init: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let target = ws.path().join("catalogs/doracak/catalog.json");
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&path, &target).unwrap();
        let o = trestle(&["validate", "-f", target.to_str().unwrap()]);
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        eprintln!("trestle validate: {said}");
        assert!(o.status.success(), "{said}");
        assert!(said.contains("VALID: Model"), "{said}");
    }
}

#[test]
fn the_audit_pages_link_the_form_and_the_catalogue() {
    let ui = strings();
    for page in ["auditim/te-gjitha.html", "auditim/S3.html"] {
        let html = read(&site().join(page));
        let hrefs = attr_values(&html, "href");
        assert!(
            hrefs
                .iter()
                .any(|h| h.ends_with("formulari-auditimit.xlsx")),
            "{page}"
        );
        assert!(
            hrefs.iter().any(|h| h.ends_with("oscal/catalog.json")),
            "{page}"
        );
        assert!(html.contains(&ui["xlsform_link"]), "{page}");
        assert!(html.contains("KoboToolbox"), "{page}");
    }
}

// ---------------------------------------------------------------------------------------
// import-submissions

fn submissions() -> PathBuf {
    fixtures().join("submissions")
}

fn minimal() -> String {
    fixtures().join("minimal").to_string_lossy().into_owned()
}

fn import(file: &Path, out: &Path) -> std::process::Output {
    doracak(&[
        "--root",
        &minimal(),
        "import-submissions",
        file.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ])
}

fn json_files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    v.sort();
    v
}

#[test]
fn kobo_and_odk_exports_become_the_expected_assessments() {
    let dir = tempfile::tempdir().unwrap();
    let kobo = import(&submissions().join("kobo.csv"), dir.path());
    let odk = import(&submissions().join("odk-central.csv"), dir.path());
    // The malformed rows: reported with their row numbers, skipped; the exit status says so.
    let kobo_err = String::from_utf8_lossy(&kobo.stderr);
    assert_eq!(kobo.status.code(), Some(1), "{kobo_err}");
    assert!(
        kobo_err.contains(
            "kobo.csv:4:4: error: row 4: criterion S1.1: expected a rating of met, partial, not_met, na (or its label), found \"shumë mirë\"; the row is skipped"
        ),
        "{kobo_err}"
    );
    let odk_err = String::from_utf8_lossy(&odk.stderr);
    assert!(
        odk_err.contains("odk-central.csv:3:3: error: row 3: expected the date of the visit as YYYY-MM-DD (column date), found \"21.10.2026\""),
        "{odk_err}"
    );
    assert!(
        odk_err.contains("odk-central.csv:3:7: error: row 3: evidence S1.1.2: expected yes or no"),
        "{odk_err}"
    );
    assert!(!kobo_err.contains("panicked") && !odk_err.contains("panicked"));
    assert!(
        String::from_utf8_lossy(&kobo.stdout)
            .contains("submissions: 2 written, 0 unchanged, 0 kept, 1 skipped")
    );

    let expected = submissions().join("expected");
    let names = json_files(&expected);
    assert_eq!(
        json_files(dir.path()),
        names,
        "one file per valid submission"
    );
    let (hb, _) = doracak::check(&fixtures().join("minimal"));
    let hb = hb.unwrap();
    for name in &names {
        let checked = doracak::assessment::read(&read(&dir.path().join(name)), &hb);
        assert!(
            checked.problems.is_empty() && checked.notes.is_empty(),
            "{name}: {checked:?}"
        );
    }
    for name in &names {
        assert_eq!(
            json(&dir.path().join(name)),
            json(&expected.join(name)),
            "{name}"
        );
    }
}

#[test]
fn an_xlsx_export_reads_like_the_csv() {
    // KoboToolbox's XLSX export: group prefixes with "/", the date as a spreadsheet date.
    let dir = tempfile::tempdir().unwrap();
    let csv = read(&submissions().join("kobo.csv"));
    let mut rows = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(csv.as_bytes());
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    for (r, rec) in rows.records().enumerate() {
        for (c, cell) in rec.unwrap().iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            if r > 0 && c == 1 {
                let d = rust_xlsxwriter::ExcelDateTime::parse_from_str(cell).unwrap();
                sheet.write_datetime_with_format(r, c, &d, &date).unwrap();
            } else {
                sheet.write_string(r, c, cell).unwrap();
            }
        }
    }
    let xlsx = dir.path().join("kobo.xlsx");
    book.save(&xlsx).unwrap();
    let out = dir.path().join("out");
    let o = import(&xlsx, &out);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("kobo.xlsx:4:4: error: row 4:"), "{stderr}");
    let expected = submissions().join("expected");
    for name in [
        "qendra-vatra-vlore-2026-10-05--5a1e1c52-7d6a-4f0e-9a4b-1f0f6d1e2a01.json",
        "qendra-tjeter-vizion-2026-10-12--5a1e1c52-7d6a-4f0e-9a4b-1f0f6d1e2a02.json",
    ] {
        assert_eq!(json(&out.join(name)), json(&expected.join(name)), "{name}");
    }
    assert_eq!(json_files(&out).len(), 2);
}

#[test]
fn a_round_of_three_visits_is_compared_in_one_command() {
    let dir = tempfile::tempdir().unwrap();
    import(&submissions().join("kobo.csv"), dir.path());
    import(&submissions().join("odk-central.csv"), dir.path());
    let files: Vec<String> = json_files(dir.path())
        .iter()
        .map(|n| dir.path().join(n).to_string_lossy().into_owned())
        .collect();
    assert_eq!(files.len(), 3);
    let mut args = vec!["--root", &minimal(), "aggregate"]
        .into_iter()
        .map(str::to_string)
        .collect::<Vec<_>>();
    args.extend(files.iter().cloned());
    args.extend([
        "--out".to_string(),
        dir.path().to_string_lossy().into_owned(),
    ]);
    let o = doracak(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let csv = read(&dir.path().join("krahasimi.csv"));
    eprintln!("{csv}");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines,
        [
            "qendra;vleresimi;S1;S2;gjithsej;pa_vleresuar;mangesi_provash;prova_pa_shenuar",
            "Qendra Shpresa, Tiranë;Qendra Shpresa, Tiranë — 2026-10-20 — Besnik Leka;75,0;50,0;66,7;0;1;0",
            "Qendra Tjetër Vizion;Qendra Tjetër Vizion — 2026-10-12 — Arta Hoxha;100,0;50,0;75,0;0;1;0",
            "Qendra Vatra, Vlorë;Qendra Vatra, Vlorë — 2026-10-05 — Arta Hoxha;75,0;0,0;50,0;0;2;0",
        ]
    );
    // And one visit as a report.
    let report = dir.path().join("vatra.html");
    let o = doracak(&[
        "--root",
        &minimal(),
        "report",
        &files[2],
        "--out",
        report.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(read(&report).contains("Mungon formulari i vlerësimit."));
}

#[test]
fn submissions_of_another_form_version_are_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let csv = read(&submissions().join("odk-central.csv"));
    let version = csv.lines().nth(1).unwrap().rsplit(',').next().unwrap();
    let old = dir.path().join("old.csv");
    std::fs::write(&old, csv.replace(version, "0000000000000000")).unwrap();
    let o = import(&old, &dir.path().join("out"));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr
            .contains("old.csv:2:25: warning: row 2: expected submissions of this handbook's form"),
        "{stderr}"
    );
    assert!(
        stderr.contains("found version 0000000000000000"),
        "{stderr}"
    );
    assert!(
        dir.path()
            .join("out/qendra-shpresa-tirane-2026-10-20--2f0c6a4e-1b7d-4c55-8e0a-3d9b7c1a5e01.json")
            .exists()
    );
}

#[test]
fn a_file_that_is_not_the_form_export_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.csv");
    std::fs::write(&other, "emri,mbiemri\nArta,Hoxha\n").unwrap();
    let o = import(&other, &dir.path().join("out"));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr.contains("other.csv:1:1: error: expected the data export of the audit form"),
        "{stderr}"
    );
    assert!(stderr.contains("hint:"), "{stderr}");
    assert!(!dir.path().join("out").exists(), "nothing is written");
    let o = import(&dir.path().join("missing.csv"), &dir.path().join("out"));
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("missing.csv: error: cannot read the file")
    );
}

#[test]
fn an_imported_visit_opens_in_the_browser_import() {
    let Some(browser) = browser("an_imported_visit_opens_in_the_browser_import") else {
        return;
    };
    let (dir, site) = minimal_site();
    let imported = submissions()
        .join("expected")
        .join("qendra-vatra-vlore-2026-10-05--5a1e1c52-7d6a-4f0e-9a4b-1f0f6d1e2a01.json");
    let tab = open(&browser, &file_url(&site.join("vleresim/index.html")));
    tab.wait_for_element("input[data-action=import]")
        .unwrap()
        .set_input_files(&[imported.to_str().unwrap()])
        .unwrap();
    wait_for(
        &tab,
        "document.querySelector('[data-import-result]').textContent.length > 0",
        "the import result",
    );
    let result = eval(
        &tab,
        "document.querySelector('[data-import-result]').className",
    );
    assert!(!result.as_str().unwrap().contains("error"), "{result}");
    let current = eval(
        &tab,
        "(() => { const s = new Doracak.assessment.Store(DORACAK_CATALOG); return s.load(s.current()).data; })()",
    );
    assert_eq!(current, json(&imported), "imported as written");
    drop(dir);
}

/// Issue 24, Found 7: one cell at XFD1048576 made a 1.6 KB workbook ask for 512 GB and
/// abort. The sheet's size is read first and refused, located, exit 1, never an abort.
#[test]
fn a_corner_cell_xlsx_is_refused_with_its_size_not_an_abort() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "centre").unwrap();
    sheet.write_string(1_048_575, 16_383, "x").unwrap();
    let xlsx = dir.path().join("corner.xlsx");
    book.save(&xlsx).unwrap();
    assert!(std::fs::metadata(&xlsx).unwrap().len() < 10_000);
    let out = dir.path().join("out");
    let o = import(&xlsx, &out);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "corner.xlsx:1048576:16384: error: expected a sheet of at most 100000 rows, 4096 columns and 5000000 cells, found a sheet declared to reach XFD1048576 (1048576 rows × 16384 columns = 17179869184 cells); nothing was read"
        ),
        "{stderr}"
    );
    assert!(!out.exists(), "nothing was written");
}
