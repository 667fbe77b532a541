//! The mapping table the build writes (`vleresim/editions.js`) is what `report` and
//! `aggregate` map with: the same as the library works out, read back strictly, and said
//! plainly when it is missing, stale, of another version, or of another edition than the
//! file's.

use super::{built, carry_lists, new_with_previous, old_assessment};
use crate::common::*;

/// The site's mapping table, as the browser loads it.
fn table_path(root: &std::path::Path) -> std::path::PathBuf {
    root.join("site/vleresim/editions.js")
}

fn report_of(
    root: &std::path::Path,
    out: &std::path::Path,
    extra: &[&str],
) -> std::process::Output {
    let mut args = vec![
        "--root",
        root.to_str().unwrap(),
        "report",
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let file = old_assessment();
    args.push(&file);
    doracak(&args)
}

#[test]
fn report_and_aggregate_map_with_the_table_the_build_wrote() {
    let dir = new_with_previous();
    let root = dir.path().join("new");
    built(&root);
    // The table in the site is the one the library works out, parsed strictly.
    let load = |name: &str| doracak::check(&dir.path().join(name)).0.unwrap();
    let (old, new) = (load("old"), load("new"));
    let d = doracak::edition::diff(&old, &new, &|t| {
        doracak::pipeline::render::views::timing_in_words(
            t,
            &doracak::interface_strings(&dir.path().join("new"), &new),
        )
    });
    let computed = doracak::edition::carry::mapping(&old, &new, &d);
    let written = std::fs::read(table_path(&root)).unwrap();
    assert_eq!(doracak::edition::table::parse(&written).unwrap(), computed);
    // A change to the written table changes what `report` and `aggregate` say: they read
    // it rather than work the mapping out again. S2.1 made "re-rate" by hand:
    let text = String::from_utf8(written).unwrap();
    let tampered = text.replacen(
        "\"S2.1\":{\"to\":\"S2.1\",\"state\":\"kept\"",
        "\"S2.1\":{\"to\":\"S2.1\",\"state\":\"rerate\"",
        1,
    );
    assert_ne!(tampered, text, "{text}");
    std::fs::write(table_path(&root), &tampered).unwrap();
    let out = dir.path().join("raport.html");
    let o = report_of(&root, &out, &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v = |k: &str, ids: &[&str]| {
        (
            k.to_string(),
            ids.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        )
    };
    let edited = vec![
        v("rerate", &["S1.2", "S2.1"]),
        v("removed", &["S1.3"]),
        v("new", &["S2.3"]),
        v("kept", &["S1.1", "S2.2"]),
    ];
    assert_eq!(carry_lists(&read(&out)), edited);
    let agg = dir.path().join("krahasimi");
    let o = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "aggregate",
        &old_assessment(),
        "--out",
        agg.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(carry_lists(&read(&agg.join("krahasimi.html"))), edited);
    // The site given elsewhere with --site.
    let elsewhere = dir.path().join("elsewhere");
    std::fs::rename(root.join("site"), &elsewhere).unwrap();
    let o = report_of(
        &root,
        &out,
        &["--site", elsewhere.to_str().unwrap(), "--force"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(carry_lists(&read(&out)), edited);
}

#[test]
fn report_without_the_table_or_with_another_editions_table_says_so() {
    let dir = new_with_previous();
    let root = dir.path().join("new");
    let out = dir.path().join("raport.html");
    let err = |o: &std::process::Output| {
        assert_eq!(o.status.code(), Some(1));
        assert!(!out.exists(), "nothing written");
        String::from_utf8_lossy(&o.stderr).into_owned()
    };
    // Not built.
    let e = err(&report_of(&root, &out, &[]));
    assert!(
        e.contains("site/vleresim/editions.js: error: expected the mapping table the build writes for assessments of the previous edition (`previous = \"../old\"`), found no built site at "),
        "{e}"
    );
    assert!(e.contains("hint: run: doracak build"), "{e}");
    // Built without `previous`.
    let toml = root.join("doracak.toml");
    let with = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, with.replacen("previous = \"../old\"\n", "", 1)).unwrap();
    built(&root);
    std::fs::write(&toml, &with).unwrap();
    let e = err(&report_of(&root, &out, &[]));
    assert!(e.contains("(it was built without `previous`)"), "{e}");
    // Built, then the handbook changed: the table maps to another catalogue.
    built(&root);
    let s1 = root.join("standards/01-qellimi.yaml");
    let yaml = std::fs::read_to_string(&s1).unwrap();
    let changed = yaml.replacen("text: ", "text: Tani ", 1);
    assert_ne!(changed, yaml);
    std::fs::write(&s1, changed).unwrap();
    let e = err(&report_of(&root, &out, &[]));
    assert!(
        e.contains("error: expected a table that maps to this edition (catalogue "),
        "{e}"
    );
    assert!(e.contains("(the site was built from other content)"), "{e}");
    std::fs::write(&s1, yaml).unwrap();
    // A table that is not doracak's, or of another version.
    let table = std::fs::read_to_string(table_path(&root)).unwrap();
    std::fs::write(
        table_path(&root),
        table.replacen("\"version\":2", "\"version\":1", 1),
    )
    .unwrap();
    let e = err(&report_of(&root, &out, &[]));
    assert!(
        e.contains(
            "found a table of format \"doracak-editions\" version 1 (written by another doracak)"
        ),
        "{e}"
    );
    std::fs::write(table_path(&root), format!("alert(1);\n{table}")).unwrap();
    let e = err(&report_of(&root, &out, &[]));
    assert!(
        e.contains("found a file that does not begin with the line doracak writes"),
        "{e}"
    );
    std::fs::write(table_path(&root), format!("{table}alert(1);\n")).unwrap();
    let e = err(&report_of(&root, &out, &[]));
    assert!(
        e.contains("found JSON doracak cannot read: trailing characters"),
        "{e}"
    );
    std::fs::write(table_path(&root), &table).unwrap();
    // An assessment of neither edition: the site was built from a previous edition other
    // than the one the file was made on.
    let other = dir.path().join("other.json");
    std::fs::write(
        &other,
        read(std::path::Path::new(&old_assessment())).replacen(
            "ac608ed3380c44f4",
            "0123456789abcdef",
            1,
        ),
    )
    .unwrap();
    let o = doracak(&[
        "--root",
        root.to_str().unwrap(),
        "report",
        other.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let e = err(&o);
    assert!(
        e.contains("other.json: error: expected an assessment of this edition (catalogue ")
            && e.contains("or of the previous edition the site was built with (Botimi 2024, catalogue ac608ed3380c44f4), found catalogue 0123456789abcdef"),
        "{e}"
    );
    // With the table in place, the same command works.
    let o = report_of(&root, &out, &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}
