//! Editions: `doracak diff` between the two fixture editions (tests/fixtures/editions/{old,new}):
//! a criterion reworded, one removed, one added, a step's deadline changed from calendar to
//! working days, an actor replaced, steps renumbered by an inserted step.

use std::collections::BTreeSet;

use crate::common::*;

/// `report` and `aggregate` map with the table the build wrote, or say why they cannot.
mod table;

pub fn edition(name: &str) -> String {
    fixtures()
        .join("editions")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// (kind, change, id, old id, matched) of every change the fixtures hold, and nothing else.
fn expected() -> BTreeSet<(String, String, String, String, String)> {
    let s = |v: [&str; 5]| {
        (
            v[0].to_string(),
            v[1].to_string(),
            v[2].to_string(),
            v[3].to_string(),
            v[4].to_string(),
        )
    };
    [
        s(["criterion", "changed", "S1.2", "S1.2", "id"]),
        s(["criterion", "removed", "S1.3", "S1.3", ""]),
        s(["evidence", "removed", "S1.3.1", "S1.3.1", ""]),
        s(["criterion", "added", "S2.3", "", ""]),
        s(["evidence", "added", "S2.3.1", "", ""]),
        s([
            "timing",
            "changed",
            "identifikimi-formal.1#timing-1",
            "identifikimi-formal.1#timing-1",
            "",
        ]),
        s([
            "step",
            "changed",
            "identifikimi-formal.2",
            "identifikimi-formal.2",
            "id",
        ]),
        s(["step", "added", "identifikimi-formal.3", "", ""]),
        s([
            "step",
            "moved",
            "identifikimi-formal.4",
            "identifikimi-formal.3",
            "text",
        ]),
        s([
            "step",
            "moved",
            "identifikimi-formal.5",
            "identifikimi-formal.4",
            "text",
        ]),
    ]
    .into_iter()
    .collect()
}

pub fn diff_json() -> serde_json::Value {
    let o = doracak(&["--root", &edition("new"), "diff", &edition("old"), "--json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("diff --json prints JSON")
}

#[test]
fn diff_json_finds_exactly_the_fixture_changes() {
    let d = diff_json();
    assert_eq!(d["format"], "doracak-edition-diff");
    assert_eq!(d["old"]["edition"], "Botimi 2024");
    assert_eq!(d["new"]["edition"], "Botimi 2026");
    let str_of = |v: &serde_json::Value| v.as_str().unwrap_or("").to_string();
    let found: BTreeSet<_> = d["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                str_of(&c["kind"]),
                str_of(&c["change"]),
                str_of(&c["id"]),
                str_of(&c["old_id"]),
                str_of(&c["matched"]),
            )
        })
        .collect();
    assert_eq!(found, expected());
    assert_eq!(d["counts"]["added"], 3);
    assert_eq!(d["counts"]["removed"], 2);
    assert_eq!(d["counts"]["moved"], 2);
    assert_eq!(d["counts"]["changed"], 3);
    let change = |id: &str| {
        d["changes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap()
            .clone()
    };
    // The reworded criterion, word by word.
    let words = &change("S1.2")["fields"][0]["words"];
    let inserted: Vec<&str> = words
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["op"] == "insert")
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert_eq!(inserted, [", e shkruar në gjuhë të thjeshtë"], "{words}");
    assert!(
        words
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["op"] != "delete"),
        "nothing of the old text was deleted: {words}"
    );
    // The deadline, spelled out in the locale pack's words.
    let t = change("identifikimi-formal.1#timing-1");
    assert_eq!(
        t["timing"]["words"],
        "brenda 30 ditëve → brenda 30 ditëve pune"
    );
    assert_eq!(t["timing"]["old"]["working_days"], false);
    assert_eq!(t["timing"]["new"]["working_days"], true);
    assert_eq!(t["owner"], "identifikimi-formal.1");
    // The actor replaced on step 2.
    let a = &change("identifikimi-formal.2")["actors"];
    assert_eq!(a["removed"][0]["id"], "punonjes-social");
    assert_eq!(a["added"][0]["id"], "menaxher-rasti");
    assert_eq!(a["added"][0]["title"], "Menaxheri i rastit");
    // Renumbered steps say their old number and how they were matched.
    let m = change("identifikimi-formal.4");
    assert_eq!(m["old_number"], "3");
    assert_eq!(m["number"], "4");
    assert_eq!(m["similarity"], 1.0);
}

#[test]
fn diff_html_shows_the_same_changes_grouped_by_standard_and_procedure() {
    let dir = tempfile::tempdir().unwrap();
    let o = doracak(&[
        "--root",
        &edition("new"),
        "diff",
        &edition("old"),
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = read(&dir.path().join("ndryshimet.html"));
    // Every change is an article with its kind, change and id; exactly the expected ones.
    let mut found = BTreeSet::new();
    for part in html.split("<article class=\"diff-change").skip(1) {
        let attr = |name: &str| {
            let start = part.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            part[start..start + part[start..].find('"').unwrap()].to_string()
        };
        found.insert((attr("data-kind"), attr("data-change"), attr("data-id")));
    }
    let want: BTreeSet<_> = expected()
        .into_iter()
        .map(|(k, c, id, _, _)| (k, c, id))
        .collect();
    assert_eq!(found, want);
    // Grouped: standard 1, standard 2, then the procedure.
    let s1 = html.find("Standardi 1. Qëllimi").unwrap();
    let s2 = html.find("Standardi 2. Vlerësimi").unwrap();
    let p = html.find(">Identifikimi formal</h2>").unwrap();
    assert!(s1 < s2 && s2 < p);
    assert!(html.contains("<ins>, e shkruar në gjuhë të thjeshtë</ins>"));
    assert!(html.contains("brenda 30 ditëve → brenda 30 ditëve pune"));
    // The arrow mirrors on a right-to-left page (`.dir-arrow`).
    assert!(html.contains(
        "<del>Punonjësi social</del> <span class=\"dir-arrow\" aria-hidden=\"true\">→</span> <ins>Menaxheri i rastit</ins>"
    ));
    assert!(html.contains("(më parë Hap 3)"));
    assert!(html.contains("gjetur sipas tekstit: 100 % e njëjtë"));
    assert!(html.contains("3 të shtuara · 2 të hequra"));
    assert!(!html.contains("<script"), "the page has no script");
    let o = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.contains("3 added, 2 removed, 2 renumbered or moved, 3 changed"),
        "{o}"
    );
}

#[test]
fn an_edition_compared_with_itself_has_no_changes() {
    let o = doracak(&["--root", &edition("old"), "diff", &edition("old"), "--json"]);
    assert!(o.status.success());
    let d: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(d["changes"].as_array().unwrap().len(), 0);
    assert_eq!(d["old"]["catalog"], d["new"]["catalog"]);
}

#[test]
fn diff_with_a_missing_old_edition_says_so() {
    let o = doracak(&[
        "--root",
        &edition("new"),
        "diff",
        "/nonexistent/old",
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("expected a handbook folder"), "{err}");
    assert!(o.stdout.is_empty());
}

/// The new fixture edition in a temporary folder beside the old one, naming it `previous`.
pub fn new_with_previous() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("editions/old"), &dir.path().join("old"));
    copy_tree(&fixtures().join("editions/new"), &dir.path().join("new"));
    let toml = dir.path().join("new/doracak.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, format!("previous = \"../old\"\n{text}")).unwrap();
    dir
}

#[test]
fn a_site_with_a_previous_edition_has_a_changes_page_and_marks() {
    let dir = new_with_previous();
    let root = dir.path().join("new");
    let o = doracak(&["--root", root.to_str().unwrap(), "build"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let site = root.join("site");
    let home = read(&site.join("index.html"));
    assert!(
        home.contains(
            "<a href=\"ndryshimet.html\">Çfarë ndryshoi që nga botimi i mëparshëm (Botimi 2024)</a>"
        ),
        "the home page links the changes page"
    );
    let page = read(&site.join("ndryshimet.html"));
    assert!(page.contains("<h1>Çfarë ndryshoi që nga Botimi 2024</h1>"));
    assert!(page.contains("id=\"d-step-identifikimi-formal-2\""));
    assert!(page.contains("brenda 30 ditëve → brenda 30 ditëve pune"));
    // Changed criteria are marked on their standard's page, linking to their difference;
    // unchanged ones are not.
    let s1 = read(&site.join("S1.html"));
    assert!(s1.contains("href=\"ndryshimet.html#d-criterion-S1-2\">Ndryshuar në këtë botim</a>"));
    assert_eq!(
        s1.matches("changed-mark").count(),
        1,
        "only S1.2 changed in S1"
    );
    let p = read(&site.join("procedura/identifikimi-formal.html"));
    for anchor in [
        "d-timing-identifikimi-formal-1-timing-1",
        "d-step-identifikimi-formal-2",
        "d-step-identifikimi-formal-3",
        "d-step-identifikimi-formal-4",
        "d-step-identifikimi-formal-5",
    ] {
        assert!(
            p.contains(&format!("ndryshimet.html#{anchor}\"")),
            "{anchor}"
        );
    }
    // Without `previous`, none of it.
    let plain = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("editions/new"), plain.path());
    let o = doracak(&["--root", plain.path().to_str().unwrap(), "build"]);
    assert!(o.status.success());
    assert!(!plain.path().join("site/ndryshimet.html").exists());
    assert!(!read(&plain.path().join("site/index.html")).contains("ndryshimet.html"));
}

#[test]
fn a_missing_previous_edition_is_an_error_in_doracak_toml() {
    let dir = new_with_previous();
    std::fs::remove_dir_all(dir.path().join("old")).unwrap();
    let o = doracak(&["--root", dir.path().join("new").to_str().unwrap(), "check"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(
            "doracak.toml: error: expected `previous` to be the previous edition's handbook folder"
        ),
        "{err}"
    );
}

pub fn old_assessment() -> String {
    fixtures()
        .join("editions/assessments/qendra-botimi-2024.json")
        .to_string_lossy()
        .into_owned()
}

/// The (kind, criterion ids) lists of the carried-over section of a page, in order.
pub fn carry_lists(html: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for part in html.split("data-carry=\"").skip(1) {
        let key = part[..part.find('"').unwrap()].to_string();
        let list = &part[..part.find("</ul>").unwrap()];
        let ids = list
            .split("data-criterion=\"")
            .skip(1)
            .map(|p| p[..p.find('"').unwrap()].to_string())
            .collect();
        out.push((key, ids));
    }
    out
}

pub fn expected_carry() -> Vec<(String, Vec<String>)> {
    let v = |k: &str, ids: &[&str]| (k.to_string(), ids.iter().map(|s| s.to_string()).collect());
    vec![
        v("rerate", &["S1.2"]),
        v("removed", &["S1.3"]),
        v("new", &["S2.3"]),
        v("kept", &["S1.1", "S2.1", "S2.2"]),
    ]
}

/// Build the new edition (with `previous`), so its site holds the mapping table.
pub fn built(root: &std::path::Path) {
    let o = doracak(&["--root", root.to_str().unwrap(), "build"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn report_maps_an_assessment_of_the_previous_edition() {
    let dir = new_with_previous();
    let root = dir.path().join("new");
    built(&root);
    let out = dir.path().join("raport.html");
    let o = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "report",
        &old_assessment(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = unescape(&read(&out));
    assert!(html.contains("Vlerësim i bërë me botimin e mëparshëm (Botimi 2024)"));
    assert_eq!(carry_lists(&html), expected_carry());
    // The re-rate row shows the criterion's difference word by word; the removed one its
    // rating and note.
    assert!(html.contains("<ins>, e shkruar në gjuhë të thjeshtë</ins>"));
    assert!(html.contains("Regjistri mungon."));
    assert!(!html.contains("Kujdes: vlerësimi u bë me një version tjetër"));
    // Scores on the new edition: S1 = met 2 + partial 1 of 4 (S1.3 removed, not scored);
    // S2 = met 2 + partial 1 of 6 (S2.3 new, unrated).
    assert!(html.contains("<td>3 / 4</td><td>75,0 %</td>"), "{html}");
    assert!(html.contains("<td>3 / 6</td><td>50,0 %</td>"));
    // Without `previous`, the file is read against the new edition as before.
    let plain = dir.path().join("plain.html");
    let o = doracak(&[
        "--root",
        &edition("new"),
        "report",
        &old_assessment(),
        "--out",
        plain.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let html = read(&plain);
    assert!(carry_lists(&html).is_empty());
    assert!(html.contains("Kujdes: vlerësimi u bë me një version tjetër"));
}

#[test]
fn aggregate_maps_assessments_of_the_previous_edition() {
    let dir = new_with_previous();
    let root = dir.path().join("new");
    built(&root);
    let out = dir.path().join("krahasimi");
    let o = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "aggregate",
        &old_assessment(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = read(&out.join("krahasimi.html"));
    assert!(html.contains(
        "<h2 id=\"h-carried\">Vlerësime të bëra me botimin e mëparshëm (Botimi 2024)</h2>"
    ));
    // The same kept / re-rate / removed / new lists as `report` and the browser.
    assert_eq!(carry_lists(&html), expected_carry());
    assert!(html.contains("<ins>, e shkruar në gjuhë të thjeshtë</ins>"));
    assert!(
        html.contains("Regjistri mungon."),
        "the removed rating's note is shown"
    );
    // Scored on the new edition: S1 = 3 of 4 points (S1.3 removed, not scored).
    assert!(html.contains("<td>75,0 %</td>"), "{html}");
    // Without `previous`, nothing is mapped.
    let plain = dir.path().join("plain");
    let o = doracak(&[
        "--root",
        &edition("new"),
        "aggregate",
        &old_assessment(),
        "--out",
        plain.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(carry_lists(&read(&plain.join("krahasimi.html"))).is_empty());
}

#[test]
fn an_assessment_names_its_edition_and_a_mapped_one_this_edition() {
    let load = |name: &str| {
        doracak::check(std::path::Path::new(&edition(name)))
            .0
            .unwrap()
    };
    let (old, new) = (load("old"), load("new"));
    let mut script = Vec::new();
    doracak::assessment::write_catalog_script(&new, &mut script).unwrap();
    assert!(
        String::from_utf8(script)
            .unwrap()
            .contains("\"edition\":\"Botimi 2026\"")
    );
    let text = read(std::path::Path::new(&old_assessment())).replacen(
        "\"catalog\": \"ac608ed3380c44f4\"",
        "\"catalog\": \"ac608ed3380c44f4\", \"edition\": \"Botimi 2024\"",
        1,
    );
    let checked = doracak::assessment::read_bytes(text.as_bytes(), &old);
    assert!(checked.problems.is_empty() && checked.notes.is_empty());
    let mut file = checked.file.unwrap();
    assert_eq!(file.handbook.edition, "Botimi 2024");
    let d = doracak::edition::diff(&old, &new, &|t| t.text.clone());
    let m = doracak::edition::carry::mapping(&old, &new, &d);
    doracak::edition::carry::carry(&m, &mut file);
    assert_eq!(file.handbook.edition, "Botimi 2026");
    let json = serde_json::to_value(&file).unwrap();
    assert_eq!(json["handbook"]["edition"], "Botimi 2026");
}

#[test]
fn changed_roles_and_forms_are_marked_on_their_pages() {
    let dir = new_with_previous();
    let (old, new) = (dir.path().join("old"), dir.path().join("new"));
    // In both editions: a role that acts nowhere and stays the same, and form A1 printed
    // field by field; in the new one a field of A1 is renamed and the social worker's
    // definition reworded.
    let template = |label: &str| {
        format!(
            "title: \"DEKLARATË E KONFIDENCIALITETIT\"\nsections:\n  - title: \"Të dhënat\"\n    fields:\n      - kind: text\n        label: \"{label}\"\n"
        )
    };
    for (root, label) in [(&old, "Emri"), (&new, "Emri dhe mbiemri")] {
        std::fs::write(
            root.join("content/roles/drejtues.yaml"),
            "title: Drejtuesi\nkind: role\ndefinition: Drejtuesi drejton qendrën.\n",
        )
        .unwrap();
        std::fs::create_dir_all(root.join("content/forms")).unwrap();
        std::fs::write(root.join("content/forms/A1.yaml"), template(label)).unwrap();
    }
    let role = new.join("content/roles/punonjes-social.yaml");
    let text = read(&role);
    let reworded = text.replacen("definition: ", "definition: Sipas ligjit, ", 1);
    assert_ne!(reworded, text);
    std::fs::write(&role, reworded).unwrap();
    let o = doracak(&["--root", new.to_str().unwrap(), "build"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let site = new.join("site");
    let mark = |anchor: &str| {
        format!(
            "<a class=\"changed-mark badge\" href=\"..&#x2f;ndryshimet.html#{anchor}\">Ndryshuar në këtë botim</a></h1>"
        )
    };
    // A role whose own text changed links to its difference; a role whose steps changed
    // (it came to step 2) to that step's; a role the same in both is not marked.
    let social = read(&site.join("roli/punonjes-social.html"));
    assert!(social.contains(&mark("d-role-punonjes-social")), "{social}");
    let manager = read(&site.join("roli/menaxher-rasti.html"));
    assert!(
        manager.contains(&mark("d-step-identifikimi-formal-2")),
        "{manager}"
    );
    assert!(
        manager.contains(
            "ndryshimet.html#d-step-identifikimi-formal-3\">Ndryshuar në këtë botim</a></th>"
        ),
        "the role's card marks the changed steps"
    );
    assert!(!read(&site.join("roli/drejtues.html")).contains("changed-mark"));
    // The form whose printed words changed: on its page and in the catalogue.
    let form = std::fs::read_dir(site.join("formulari"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("A1"))
        .expect("A1 has a page");
    assert!(read(&form).contains(&mark("d-form-A1")));
    let catalogue = read(&site.join("formularet.html"));
    assert!(catalogue.contains("ndryshimet.html#d-form-A1\">Ndryshuar në këtë botim</a></dt>"));
    let page = read(&site.join("ndryshimet.html"));
    assert!(page.contains("id=\"d-form-A1\""));
    assert!(
        page.contains("<ins>dhe mbiemri</ins>") || page.contains("<ins> dhe mbiemri</ins>"),
        "{page}"
    );
    assert!(!page.contains("id=\"d-role-drejtues\""));
}

#[test]
fn training_report_marks_exactly_those_trained_on_a_changed_procedure() {
    let dir = new_with_previous();
    let root = dir.path().join("new");
    let out = dir.path().join("roster");
    let file = fixtures().join("editions/training/trajnimet.json");
    let html = crate::common::training_roster(&root, &file, &out);
    let marked: Vec<(String, String)> = html
        .split("data-changed-person=\"")
        .skip(1)
        .map(|p| {
            let name = p[..p.find('"').unwrap()].to_string();
            let s = &p[p.find("data-changed-subject=\"").unwrap() + 22..];
            (name, s[..s.find('"').unwrap()].to_string())
        })
        .collect();
    // Ana: trained on the procedure's old content; Elira: on the old edition of a role that
    // acts in changed steps (a record without a content hash). Not Besa and Flora (trained
    // again on this edition), nor Drita (her procedure did not change).
    assert_eq!(
        marked,
        [
            ("Ana Hoxha".to_string(), "identifikimi-formal".to_string()),
            ("Elira Marku".to_string(), "punonjes-social".to_string()),
        ]
    );
    assert!(html.contains("Afat · Hap 1: Ndryshuar · brenda 30 ditëve → brenda 30 ditëve pune"));
    assert!(html.contains("Hap 2: Ndryshuar · Kush e bën: Punonjësi social → Menaxheri i rastit"));
    assert!(html.contains("Identifikimi formal — Hap 4: Rinumëruar · më parë Hap 3"));
}

#[test]
fn quizzes_and_handouts_carry_the_edition_and_content_hash() {
    let dir = tempfile::tempdir().unwrap();
    let o = doracak(&[
        "--root",
        &edition("new"),
        "build",
        "--out",
        dir.path().join("site").to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let quiz = read(
        &dir.path()
            .join("site/trajnim/kuizi/identifikimi-formal.html"),
    );
    assert!(quiz.contains("data-edition=\"Botimi 2026\""));
    assert!(
        quiz.contains("data-content=\"e0c409b2a1fb2268\""),
        "the procedure's content hash"
    );
    let old = tempfile::tempdir().unwrap();
    let o = doracak(&[
        "--root",
        &edition("old"),
        "build",
        "--out",
        old.path().join("site").to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let unchanged = |site: &std::path::Path| {
        let q = read(&site.join("site/trajnim/kuizi/referimi.html"));
        let i = q.find("data-content=\"").unwrap() + 14;
        q[i..i + 16].to_string()
    };
    assert_eq!(
        unchanged(dir.path()),
        unchanged(old.path()),
        "an unchanged procedure keeps its hash"
    );
    let old_quiz = read(
        &old.path()
            .join("site/trajnim/kuizi/identifikimi-formal.html"),
    );
    assert!(old_quiz.contains("data-content=\"ebee084ddad77cb7\""));
    let handout = read(
        &dir.path()
            .join("site/trajnim/fletushka/identifikimi-formal.html"),
    );
    assert!(
        handout.contains("Botimi 2026"),
        "the handout says its edition"
    );
}

#[test]
fn errors_of_the_old_edition_are_said_under_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("editions/old"), dir.path());
    let file = dir.path().join("standards/01-qellimi.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("number: 2\n", "number: two\n", 1)).unwrap();
    let o = doracak(&[
        "--root",
        &edition("new"),
        "diff",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    let want = format!(
        "{}:15:13: error: expected a whole number, found `two`",
        file.display()
    );
    assert!(err.contains(&want), "{err}");
}
