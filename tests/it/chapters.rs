//! Chapters (`content/chapters/NN-slug.md`): a fixture handbook with two chapters — a
//! table, a footnote, a list, a link to a step — builds; the chapters are pages under
//! "Reference" in the navigation, in file order, every heading an anchor, and searchable;
//! a reference that does not resolve is a located error.

use crate::common::*;

/// The minimal fixture with the two chapters of `tests/fixtures/chapters`, and its site.
pub fn chapters_site() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = minimal_copy();
    copy_tree(&fixtures().join("chapters"), dir.path());
    let out = dir.path().join("site");
    build_ok(dir.path(), &out);
    (dir, out)
}

#[test]
fn two_chapters_build_into_pages_under_reference() {
    let (_dir, site) = chapters_site();
    let index = read(&site.join("index.html"));
    assert!(
        index.contains("href=\"referenca.html\">Referenca</a>"),
        "the navigation has a Reference entry: {index}"
    );
    let reference = unescape(&read(&site.join("referenca.html")));
    let first = reference
        .find("referenca/hyrja.html")
        .expect("Hyrja listed");
    let second = reference
        .find("referenca/korniza.html")
        .expect("Korniza listed");
    assert!(first < second, "in file order");
    // The chapter of a collection is listed under it on the procedures index too.
    let procs = unescape(&read(&site.join("procedurat.html")));
    assert!(procs.contains("referenca/hyrja.html"), "{procs}");
    assert!(
        !procs.contains("referenca/korniza.html"),
        "no collection: not there"
    );

    let hyrja = unescape(&read(&site.join("referenca/hyrja.html")));
    // A list, a footnote (mark and note, linked both ways), a link to a step.
    assert!(hyrja.contains("<li>punonjësve socialë;</li>"), "{hyrja}");
    assert!(
        hyrja.contains("<a href=\"#fn-1\" id=\"fnref-1\""),
        "{hyrja}"
    );
    assert!(
        hyrja.contains("<div class=\"footnote\" id=\"fn-1\">"),
        "{hyrja}"
    );
    assert!(hyrja.contains("href=\"#fnref-1\""), "{hyrja}");
    assert!(
        hyrja.contains("href=\"../procedura/identifikimi-formal.html#identifikimi-formal.1\""),
        "the step link resolves to the step's anchor: {hyrja}"
    );
    // Every heading an anchor; the front matter's references as links.
    assert!(
        hyrja.contains("<h2 id=\"qellimi-i-udhezuesit\">"),
        "{hyrja}"
    );
    assert!(
        hyrja.contains("href=\"../roli/punonjes-social.html\""),
        "{hyrja}"
    );
    let korniza = unescape(&read(&site.join("referenca/korniza.html")));
    assert!(
        korniza.contains("<table>") && korniza.contains("<td>Ligji i punës</td>"),
        "{korniza}"
    );
    assert!(
        korniza.contains("<h2 id=\"kutia-1\">"),
        "its own anchor: {korniza}"
    );
    assert!(
        korniza.contains("href=\"../referenca/hyrja.html\""),
        "{korniza}"
    );
}

#[test]
fn chapters_are_searchable_to_their_heading() {
    let (dir, _site) = chapters_site();
    let o = doracak(&[
        "--root",
        dir.path().to_str().unwrap(),
        "search",
        "--json",
        "mbikeqyresve",
    ]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{out}");
    assert!(
        out.contains("\"kind\": \"chapter\"")
            && out.contains("referenca/hyrja.html#qellimi-i-udhezuesit"),
        "{out}"
    );
    let index = search_index_text(&dir.path().join("site"));
    assert!(
        index.contains("referenca/korniza.html#kutia-1"),
        "the browser's index too"
    );
}

#[test]
fn a_reference_that_does_not_resolve_is_a_located_error() {
    let dir = minimal_copy();
    copy_tree(&fixtures().join("chapters"), dir.path());
    let path = dir.path().join("content/chapters/01-hyrja.md");
    let text = read(&path)
        .replace("step:identifikimi-formal.1", "step:identifikimi-formal.7")
        .replace("roles: [punonjes-social]", "roles: [punonjes-sociale]");
    std::fs::write(&path, text).unwrap();
    std::fs::write(
        dir.path().join("content/chapters/03-pa-titull.md"),
        "Tekst pa front matter.\n",
    )
    .unwrap();
    let o = doracak(&["--root", dir.path().to_str().unwrap(), "check"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("content/chapters/01-hyrja.md:18:34: error: expected the id of a step after `step:`, found \"identifikimi-formal.7\""),
        "{err}"
    );
    assert!(
        err.contains("content/chapters/01-hyrja.md:6:9: error: expected the id of a role, found \"punonjes-sociale\""),
        "{err}"
    );
    assert!(
        err.contains("content/chapters/03-pa-titull.md:1:1: error: expected a front matter"),
        "{err}"
    );
}

/// The shipped handbook holds the Kosovo guide (003) where a case manager needs it: a
/// sentence of each part, on the page a reader would look for it.
#[test]
fn the_shipped_handbook_holds_every_part_of_the_kosovo_guide() {
    let site = shipped_site().join("site");
    let page = |p: &str| unescape(&read(&site.join(p)));
    // Front matter: the purpose, the acknowledgements, the abbreviations, the definitions.
    assert!(page("referenca/qellimi-i-udhezuesit.html")
        .contains("Qëllimi kryesor i këtij udhëzuesi është standardizimi i praktikës së menaxhimit të rasteve për fëmijët në punë"));
    assert!(page("referenca/falenderime.html").contains("www.ilo.org/map16"));
    let glossary = page("fjalori.html");
    assert!(glossary.contains("Ekipet për parandalim dhe reagim ndaj braktisjes dhe mos-regjistrimit në arsimin e obliguar"));
    assert!(glossary.contains("nënkupton fëmijën i cili është në rrugë duke lypur lëmoshë"));
    // A term defined by 001 and by 003: both definitions, each with its source, the 003
    // one marked with its collection.
    let at = glossary
        .find("id=\"perkufizim-menaxheri-i-rastit\"")
        .expect("the VKM's term");
    let entry = &glossary[at..at + glossary[at..].find("</div>").unwrap()];
    assert!(
        entry.contains("është punonjësi për mbrojtjen e fëmijës"),
        "{entry}"
    );
    assert!(entry.contains("Burimi: VKM nr. 772"), "{entry}");
    assert!(
        entry.contains("nënkupton zyrtarin përgjegjës i caktuar nga Organi i Kujdestarisë"),
        "{entry}"
    );
    assert!(
        entry.contains("Burimi: Udhëzues për menaxhimin e rastit të fëmijëve në punë"),
        "{entry}"
    );
    assert!(
        entry.contains("<span class=\"term-tag\">Menaxhimi i rastit</span>"),
        "{entry}"
    );
    // Part 1, 2.1 (Kutia 1), 3 and 4.1 as chapters.
    assert!(
        page("referenca/te-kuptuarit-e-punes-se-femijeve.html")
            .contains("Varfëria është shkak dhe pasojë e punës së fëmijëve.")
    );
    assert!(page("referenca/korniza-ligjore.html").contains("Shkollimi i detyruar ofrohet falas."));
    assert!(
        page("referenca/cfare-nenkupton-menaxhimi-i-rastit.html").contains(
            "Procesi i menaxhimit të rastit gjithashtu mbështet praktikën e menaxhimit të mirë"
        )
    );
    assert!(page("referenca/mekanizmat-per-koordinim.html").contains(
        "Një formë tjetër e koordinimit është kur ofruesit e shërbimeve lokale takohen rregullisht"
    ));
    assert!(
        page("referenca/ceshtjet-kryesore-per-shqyrtim.html")
            .contains("Dokumentacioni duhet të jetë zinxhir i pandërprerë i informacionit")
    );
    // Kutia 2 on the institutions' pages, new roles marked Kosovë like the others.
    let inspectorate = page("roli/inspektorati-i-punes.html");
    assert!(
        inspectorate.contains(
            "Inspektorati i Punës është përgjegjës për monitorimin e punësimit të fëmijës"
        )
    );
    assert!(
        inspectorate.contains("Inspektorati i Punës (Kosovë)"),
        "marked Kosovë"
    );
    assert!(
        page("roli/qendra-per-pune-sociale.html")
            .contains("Qendra për punë sociale formon organin e kujdestarisë")
    );
    // The guiding principles (3.2) beside the case-management procedure.
    let principles = page("referenca/parimet-udheheqese.html");
    assert!(
        principles.contains("<h2 id=\"mos-bej-dem\">Mos bëj dëm</h2>"),
        "{principles}"
    );
    let procs = page("procedurat.html");
    let kosovo = &procs[procs
        .find("id=\"c-menaxhimi-rastit\"")
        .expect("the Kosovo collection")..];
    let kosovo = &kosovo[..kosovo.find("</section>").unwrap()];
    assert!(
        kosovo.contains("referenca/parimet-udheheqese.html"),
        "{kosovo}"
    );
    assert!(
        kosovo.contains("procedura/menaxhimi-i-rastit.html"),
        "{kosovo}"
    );
    // … and on the procedure's own page, with the other chapters that name it.
    let procedure = page("procedura/menaxhimi-i-rastit.html");
    assert!(
        procedure.contains("class=\"procedure-chapters\"")
            && procedure.contains("../referenca/parimet-udheheqese.html"),
        "{procedure}"
    );
}
