//! Review of issue 30 (editions): assessments of the previous edition where ids are reused or
//! criteria renumbered. Both tests describe what the issue asks ("removed criteria listed
//! apart, never silently dropped; new criteria unrated"; evidence follows its new id).

use crate::common::*;

/// A handbook folder `new` that is the fixture's old edition with `edit` applied to
/// standards/`file`, named "Botimi R", with `previous = "../old"`.
fn edited_old(file: &str, edit: impl Fn(&str) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("editions/old"), &dir.path().join("old"));
    copy_tree(&fixtures().join("editions/old"), &dir.path().join("new"));
    let toml = dir.path().join("new/doracak.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    let text = text.replace("edition = \"Botimi 2024\"", "edition = \"Botimi R\"");
    std::fs::write(&toml, format!("previous = \"../old\"\n{text}")).unwrap();
    let path = dir.path().join("new/standards").join(file);
    let yaml = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, edit(&yaml)).unwrap();
    let o = doracak(&["--root", dir.path().join("new").to_str().unwrap(), "build"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    dir
}

/// The old edition with criterion 1.3 replaced by a different criterion numbered 1.3,
/// built with `previous = "../old"`.
pub fn reused_id() -> tempfile::TempDir {
    edited_old("01-qellimi.yaml", |y| {
        y.replace(
            "Ofruesi mban një regjistër të ankesave të përfituesve.",
            "Stafi trajnohet për mbrojtjen nga zjarri çdo vit.",
        )
        .replace(
            "Regjistri i ankesave.",
            "Certifikata e trajnimit kundër zjarrit.",
        )
    })
}

/// Criterion 1.3 is removed and a different criterion takes the number 1.3: the old rating
/// ("Nuk përmbushet: Regjistri mungon.") is listed apart as removed and must not be scored
/// against the new 1.3, which is new and unrated.
#[test]
fn a_removed_rating_is_not_scored_against_a_new_criterion_reusing_its_id() {
    let dir = reused_id();
    let out = dir.path().join("r.html");
    let o = doracak(&[
        "--root",
        dir.path().join("new").to_str().unwrap(),
        "report",
        &crate::editions::old_assessment(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // "3 / 6" is a pack message, its "/" escaped in the page.
    let html = unescape(&read(&out));
    // The note of the removed rating is shown once, in the removed list, not beside the new 1.3.
    assert_eq!(html.matches("Regjistri mungon.").count(), 1, "{html}");
    // Standard 1: 1.1 met (2) + 1.2 partial (1) of 6; the new 1.3 unrated (1).
    assert!(
        html.contains("<td>3 / 6</td><td>50,0 %</td><td>1</td>"),
        "{html}"
    );
}

/// An inserted criterion 2.1 pushes 2.1 → 2.2 and 2.2 → 2.3 (matched by text): their evidence
/// items move with them, so the table maps S2.1.1 → S2.2.1 and S2.2.1 → S2.3.1.
#[test]
fn evidence_follows_its_renumbered_criterion() {
    let dir = edited_old("02-vleresimi.yaml", |y| {
        y.replacen(
            "criteria:\n",
            "criteria:\n  - number: 1\n    text: Dosja e përfituesit mbahet e mbyllur.\n    evidence:\n      - number: \"1.1\"\n        text: Dollapi me kyç.\n",
            1,
        )
        .replace("  - number: 2\n", "  - number: 3\n")
        .replacen("  - number: 1\n    text: Vlerësimi", "  - number: 2\n    text: Vlerësimi", 1)
        .replace("number: \"2.1\"", "number: \"3.1\"")
        .replacen("number: \"1.1\"\n        text: Formulari", "number: \"2.1\"\n        text: Formulari", 1)
    });
    let js = read(&dir.path().join("new/site/vleresim/editions.js"));
    assert!(js.contains("\"S2.1\":{\"to\":\"S2.2\""), "{js}");
    assert!(js.contains("\"S2.1.1\":\"S2.2.1\""), "{js}");
    assert!(js.contains("\"S2.2.1\":\"S2.3.1\""), "{js}");
}

/// Review B3: a table edited by hand whose targets are not ids of this edition, or given
/// twice, is refused at the entry that is wrong, and nothing is reported.
#[test]
fn a_table_whose_targets_are_missing_or_shared_is_refused_at_the_entry() {
    let dir = crate::editions::new_with_previous();
    let root = dir.path().join("new");
    crate::editions::built(&root);
    let table = root.join("site/vleresim/editions.js");
    let text = std::fs::read_to_string(&table).unwrap();
    let edited = text
        .replacen(
            "\"S1.3\":{\"to\":null,\"state\":\"removed\"",
            "\"S1.3\":{\"to\":\"S1.1\",\"state\":\"kept\"",
            1,
        )
        .replacen("\"S2.2\":{\"to\":\"S2.2\"", "\"S2.2\":{\"to\":\"S9.9\"", 1);
    assert_eq!(edited.matches("S9.9").count(), 1, "{text}");
    assert!(edited.contains("\"S1.3\":{\"to\":\"S1.1\""), "{text}");
    std::fs::write(&table, &edited).unwrap();
    let out = dir.path().join("r.html");
    let o = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "report",
        &crate::editions::old_assessment(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success(), "{err}");
    assert!(!out.exists());
    let col = |key: &str| {
        let line = edited.lines().nth(1).unwrap();
        line[..line.find(key).unwrap()].chars().count() + 1
    };
    assert!(
        err.contains(&format!(
            "editions.js:2:{}: error: criterion S1.3 of the previous edition: expected its own id in this edition (\"to\"), found \"S1.1\", already given to criterion S1.1",
            col("\"S1.3\":")
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "editions.js:2:{}: error: criterion S2.2 of the previous edition: expected its id in this edition (\"to\") to be a criterion of this edition, found \"S9.9\", which this edition does not have",
            col("\"S2.2\":")
        )),
        "{err}"
    );
    // aggregate refuses it likewise.
    let o = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "aggregate",
        &crate::editions::old_assessment(),
        "--out",
        dir.path().join("a").to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("found \"S9.9\""));
}

/// The fixture's old assessment with a rating, evidence and plan row for S9.9 (an id the
/// previous edition never had) added by hand.
fn old_with_unknown(dir: &std::path::Path) -> std::path::PathBuf {
    let text = std::fs::read_to_string(crate::editions::old_assessment()).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["ratings"]["S9.9"] = serde_json::json!({"rating": "not_met", "note": "Shënim i humbur."});
    v["plan"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"criterion": "S9.9", "action": "Veprim i humbur"}));
    let path = dir.join("me-s9.json");
    std::fs::write(&path, v.to_string()).unwrap();
    path
}

/// Review B4: nothing carried over is dropped unsaid. An id the previous edition never had
/// is listed apart (report and aggregate), with its note and plan row; the removed
/// criterion's plan row is listed under it.
#[test]
fn unknown_ids_and_removed_plan_rows_are_listed_in_report_and_aggregate() {
    let dir = crate::editions::new_with_previous();
    let root = dir.path().join("new");
    crate::editions::built(&root);
    let file = old_with_unknown(dir.path());
    let out = dir.path().join("r.html");
    let o = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "report",
        file.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = read(&out);
    let lists = crate::editions::carry_lists(&html);
    assert!(
        lists.contains(&("unknown".to_string(), vec!["S9.9".to_string()])),
        "{lists:?}"
    );
    let list = |key: &str| {
        let at = html.find(&format!("data-carry=\"{key}\"")).unwrap();
        html[at..at + html[at..].find("</ul>\n").unwrap()].to_string()
    };
    let unknown = list("unknown");
    assert!(unknown.contains("Shënim i humbur."), "{unknown}");
    assert!(
        unknown.contains("Rresht i planit: Veprim i humbur"),
        "{unknown}"
    );
    let removed = list("removed");
    assert!(
        removed.contains("Rresht i planit: Hapja e regjistrit të ankesave"),
        "{removed}"
    );
    // The plan rows set aside are not in the improvement plan of this edition.
    assert_eq!(html.matches("Veprim i humbur").count(), 1, "{html}");
    let out = dir.path().join("a");
    let o = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "aggregate",
        file.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = read(&out.join("krahasimi.html"));
    assert!(
        crate::editions::carry_lists(&html)
            .contains(&("unknown".to_string(), vec!["S9.9".to_string()])),
        "{html}"
    );
    assert!(html.contains("Shënim i humbur."), "{html}");
}

/// Review B4: the notes of a report are in the handbook's language (the locale pack's
/// rule_unknown_* sentences), not English from the code.
#[test]
fn report_notes_are_in_the_locale_pack_s_words() {
    let dir = crate::editions::new_with_previous();
    let root = dir.path().join("new");
    crate::editions::built(&root);
    let file = dir.path().join("s9.json");
    std::fs::write(
        &file,
        r#"{"schema":"doracak-assessment","version":1,"handbook":{"title":"x","catalog":""},"assessment":{"name":"A"},"ratings":{"S9.9":{"rating":"met"}},"evidence":{"S9.9.1":{"status":"present"}},"plan":[{"criterion":"S9.9","action":"x"}]}"#,
    )
    .unwrap();
    let out = dir.path().join("r.html");
    let o = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "report",
        file.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = read(&out);
    for said in [
        "Doracaku nuk ka kriterin S9.9; vlerësimi i tij ruhet, por nuk llogaritet.",
        "Doracaku nuk ka provën S9.9.1; shënimi i saj ruhet.",
        "Rreshti 1 i planit: doracaku nuk ka kriterin S9.9.",
    ] {
        assert!(html.contains(said), "{said}: {html}");
    }
    assert!(!html.contains("the handbook has no"), "{html}");
}

/// Review B5: training-report guesses nothing. A content hash of neither edition, an
/// edition that is neither this one nor the previous, a subject this edition does not have:
/// each is marked, saying what is not known, instead of the full list of changes or silence.
#[test]
fn training_records_of_unknown_hash_edition_or_subject_are_said() {
    let dir = crate::editions::new_with_previous();
    let root = dir.path().join("new");
    let rec = |id: &str, name: &str, subject: &str, edition: &str, content: &str| {
        let mut r = serde_json::json!({"id": id, "name": name, "date": "2025-05-10", "kind": "procedure", "subject": subject, "title": "T", "score": 1, "total": 1, "understood": true, "edition": edition, "saved": "2025-05-10T09:00:00Z"});
        if !content.is_empty() {
            r["content"] = content.into();
        }
        r
    };
    let file = dir.path().join("t.json");
    let v = serde_json::json!({
        "format": "doracak-training", "version": 1,
        "handbook": {"title": "Doracak provë i botimeve", "edition": "Botimi 2026"},
        "records": [
            rec("r1", "Gent Hasa", "identifikimi-formal", "Botimi 2024", "0000000000000000"),
            rec("r2", "Hana Dema", "identifikimi-formal", "Botimi 1999", ""),
            rec("r3", "Ilir Zeka", "nuk-ekziston", "Botimi 2026", ""),
        ]
    });
    std::fs::write(&file, v.to_string()).unwrap();
    let out = dir.path().join("roster");
    let html = crate::common::training_roster(&root, &file, &out);
    let part = |name: &str| {
        let at = html
            .find(&format!("data-changed-person=\"{name}\""))
            .unwrap_or_else(|| panic!("{name} is not marked: {html}"));
        let rest = &html[at..];
        rest[..rest[1..]
            .find("data-changed-person")
            .map_or(rest.len(), |i| i + 1)]
            .to_string()
    };
    let gent = part("Gent Hasa");
    assert!(
        gent.contains(
            "Gjurma e përmbajtjes 0000000000000000 nuk është as e këtij botimi, as e të mëparshmit"
        ),
        "{gent}"
    );
    assert!(
        !gent.contains("brenda 30 ditëve pune"),
        "no guessed list: {gent}"
    );
    assert!(
        part("Hana Dema")
            .contains("Trajnuar me botimin Botimi 1999, që nuk është as ky, as i mëparshmi"),
        "{html}"
    );
    assert!(
        part("Ilir Zeka").contains("Ky botim nuk ka temën nuk-ekziston"),
        "{html}"
    );
}

/// Review B6: `previous = "."` (the handbook itself) is refused where it is set;
/// `previous` in another language is built with a warning.
#[test]
fn previous_as_the_handbook_itself_is_refused_and_another_language_warned() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("editions/new"), &dir.path().join("new"));
    let toml = dir.path().join("new/doracak.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, format!("previous = \".\"\n{text}")).unwrap();
    let o = doracak(&["--root", dir.path().join("new").to_str().unwrap(), "build"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success(), "{err}");
    assert!(
        err.contains("doracak.toml:1:12: error: expected `previous` to be an earlier edition's handbook folder, found \".\", this handbook itself"),
        "{err}"
    );
    // Another language.
    copy_tree(&fixtures().join("editions/old"), &dir.path().join("en"));
    let en = dir.path().join("en/doracak.toml");
    let t = std::fs::read_to_string(&en).unwrap();
    assert!(
        !t.contains("language"),
        "the fixture is in the default language, sq"
    );
    std::fs::write(&en, format!("language = \"en\"\n{t}")).unwrap();
    std::fs::write(&toml, format!("previous = \"../en\"\n{text}")).unwrap();
    let o = doracak(&["--root", dir.path().join("new").to_str().unwrap(), "build"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("warning: expected the previous edition at \"../en\" in this handbook's language (sq), found one in en"),
        "{err}"
    );
}
