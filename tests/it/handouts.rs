//! The trainer's handouts carry what their procedure page prints, in its words (issue 25,
//! review 37 N3–N4): the opening definition, the bodies responsible, every passage under
//! its printed heading, every step with its title, the documentation and the forms; and no
//! heading the source does not print ("Pjesa 1", "Pjesa 2" …).

use crate::common::page_text::{article_headings, article_lines};
use crate::common::pdf::letters;
use crate::common::*;

/// Every string of the Albanian pack: the site's own labels ("Përkufizimi", "Hapat"), which
/// are not the source's text.
pub fn labels() -> Vec<String> {
    fn strings(v: &toml::Value, out: &mut Vec<String>) {
        match v {
            toml::Value::String(s) => out.push(s.clone()),
            toml::Value::Table(t) => t.values().for_each(|v| strings(v, out)),
            toml::Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
            _ => {}
        }
    }
    let pack: toml::Value = toml::from_str(&read(&repo().join("theme/locales/sq.toml"))).unwrap();
    let mut out = Vec::new();
    strings(&pack, &mut out);
    out
}

/// The handouts of the shipped site, by procedure id.
pub fn handout_ids() -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(shipped_site().join("site/trajnim/fletushka"))
        .expect("the handouts' folder")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|n| n.strip_suffix(".html").map(str::to_string))
        .collect();
    ids.sort();
    assert!(ids.len() >= 13, "a handout for each procedure: {ids:?}");
    ids
}

/// The lines of procedura/`id`.html a handout must carry: every line of its text longer
/// than 25 characters that is not one of the site's own labels.
pub fn page_lines(id: &str) -> Vec<String> {
    let labels = labels();
    article_lines(&read(
        &shipped_site().join(format!("site/procedura/{id}.html")),
    ))
    .into_iter()
    .filter(|l| l.chars().count() > 25 && !labels.contains(l))
    .collect()
}

#[test]
fn a_handout_carries_every_line_of_its_procedure_page() {
    let mut report = Vec::new();
    let mut missing_all = Vec::new();
    for id in handout_ids() {
        let handout = read(&shipped_site().join(format!("site/trajnim/fletushka/{id}.html")));
        let text = letters(&article_lines(&handout).join(" "));
        let lines = page_lines(&id);
        let missing: Vec<&String> = lines
            .iter()
            .filter(|l| !text.contains(&letters(l)))
            .collect();
        report.push(format!(
            "{id}: {} of {} missing",
            missing.len(),
            lines.len()
        ));
        missing_all.extend(missing.into_iter().map(|l| format!("{id}: {l}")));
    }
    eprintln!("{}", report.join("\n"));
    assert!(
        missing_all.is_empty(),
        "lines of the procedure page missing from its handout: {missing_all:#?}"
    );
}

#[test]
fn the_named_blocks_of_review_37_are_in_their_handouts() {
    let cases = [
        // The opening definition and the agencies' list (001).
        (
            "identifikimi-formal",
            "Mjeti i identifikimit formal është intervista formale dhe konsultimi i AP-së.",
        ),
        (
            "identifikimi-fillestar",
            "njësitë/punonjësit e mbrojtjes së fëmijës;",
        ),
        // Documentation that is not a form.
        (
            "referimi-mbrojtja-asistenca",
            "Raportet dhe rekomandimet shëndetësore;",
        ),
        (
            "referimi-mbrojtja-asistenca",
            "Procesverbalet e mbledhjes së AP-së.",
        ),
        (
            "kthimi-vullnetar",
            "Procesverbali i mbledhjes dhe vendimi i AP-së;",
        ),
        ("kthimi-vullnetar", "Vlerësimi shëndetësor, psikik."),
        (
            "pritja-shtetas-shqiptare",
            "Përgjigjja nga vendi i destinacionit;",
        ),
        // Kosovo: the passages around the steps and a step's printed title.
        (
            "menaxhimi-i-rastit",
            "Siç u tha më lart, këta hapa nuk janë linearë",
        ),
        (
            "menaxhimi-i-rastit",
            "hapa që janë më shumë rekursiv sesa linear",
        ),
        (
            "menaxhimi-i-rastit",
            "Referimi i fëmijës në Qendrën për Punë Sociale",
        ),
        // NJA: what management comprises, and Annex 1.
        (
            "menaxhimi-i-rastit-nja",
            "Në tërësinë e tij, menaxhimi përfshin:",
        ),
        (
            "menaxhimi-i-rastit-nja",
            "në Shtojcën 1 gjendet një Formular i Menaxhimit të Rastit.",
        ),
        // 24: the introduction and its printed heading.
        (
            "vleresimi-i-nevojave-komunitare",
            "3.1 Si realizohet vlerësimi i nevojave në komunitet? Hapat.",
        ),
        // 20: the printed heading, the law and the two levels.
        ("struktura-bashkiake", "1.1 Në përputhje me Ligjin"),
        ("struktura-bashkiake", "në Nenet 36 dhe 37 ka përcaktuar"),
        (
            "struktura-bashkiake",
            "b) Njësia e vlerësimit të nevojave dhe referimit, e krijuar në nivelin e njësive administrative.",
        ),
        (
            "struktura-bashkiake",
            "2. Shtimi gradual i punonjësve socialë",
        ),
    ];
    for (id, words) in cases {
        // By letters: a term of the glossary in the words is a link.
        let handout = letters(&plain(&site_page(&format!("trajnim/fletushka/{id}.html"))));
        assert!(
            handout.contains(&letters(words)),
            "{id}: the handout lacks {words:?}"
        );
    }
    // A step's printed title heads its text in the handout's table.
    let kosovo = site_page("trajnim/fletushka/menaxhimi-i-rastit.html");
    assert!(kosovo.contains(
        "<p class=\"handout-step-title\"><strong>Referimi i fëmijës në Qendrën për Punë Sociale</strong></p>"
    ));
}

#[test]
fn no_handout_prints_a_heading_the_source_does_not() {
    let labels = labels();
    let seeds: String = ["000", "001", "002", "003"]
        .iter()
        .map(|n| {
            // The source documents beside the checkout (not part of it): where they are
            // not, only the site's own numbering is checked.
            let dir = std::env::var("DORACAK_SEEDS").unwrap_or("/work/shared/seeds".into());
            std::fs::read_dir(dir)
                .ok()
                .into_iter()
                .flatten()
                .map(|e| e.unwrap().path())
                .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(n))
                .map(|p| letters(&read(&p)))
                .collect::<String>()
        })
        .collect();
    let mut invented = Vec::new();
    for id in handout_ids() {
        let handout = site_page(&format!("trajnim/fletushka/{id}.html"));
        let title = plain(
            &article_headings(&site_page(&format!("procedura/{id}.html")))
                .first()
                .cloned()
                .unwrap_or_default(),
        );
        for h in article_headings(&handout) {
            // "Pjesa 1": a number the site gives a passage, never printed over one.
            let numbered_part = h
                .strip_prefix("Pjesa ")
                .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()));
            // A step the source does not number is "Hapi N", the site's name for it.
            let step = labels_say("step_number", "{number}", "");
            let site_step = h.strip_prefix(&step).is_some_and(|n| {
                !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.')
            });
            let site_label = labels.contains(&h)
                || site_step
                || h == labels_say("handout_title", "{procedure}", &title);
            let printed = seeds.is_empty() || seeds.contains(&letters(&h));
            if numbered_part || !(site_label || printed) {
                invented.push(format!("{id}: {h:?}"));
            }
        }
    }
    assert!(
        invented.is_empty(),
        "headings neither the source's nor the site's labels: {invented:#?}"
    );
}

/// A message of the Albanian pack with one placeholder filled.
fn labels_say(key: &str, placeholder: &str, value: &str) -> String {
    let pack: toml::Value = toml::from_str(&read(&repo().join("theme/locales/sq.toml"))).unwrap();
    fn find<'a>(v: &'a toml::Value, key: &str) -> Option<&'a str> {
        let t = v.as_table()?;
        t.get(key)
            .and_then(|v| v.as_str())
            .or_else(|| t.values().find_map(|v| find(v, key)))
    }
    find(&pack, key)
        .unwrap_or_default()
        .replace(placeholder, value)
}

#[test]
fn procedure_20_opens_under_its_printed_heading_not_a_definition() {
    // 002:61-71: "1.1 Në përputhje me Ligjin", the law, the two levels a)/b); the site
    // printed them under its own "Përkufizimi" and "Agjencitë/institucionet përgjegjëse".
    let page = site_page("procedura/struktura-bashkiake.html");
    let page = &page[page.find("<article").unwrap()..];
    let heading = page
        .find("<h2>1.1 Në përputhje me Ligjin</h2>")
        .expect("the heading");
    let law = page.find("Ligji 121/2016").expect("the law");
    let levels = page
        .find("b) Njësia e vlerësimit të nevojave dhe referimit")
        .unwrap();
    let duties = page.find("id=\"struktura-bashkiake.1\"").unwrap();
    assert!(heading < law && law < levels && levels < duties);
    for label in ["definition", "agencies"] {
        let words = labels_say(label, "", "");
        assert!(
            !page.contains(&format!(">{words}</h2>")),
            "no heading {words:?} the source does not print"
        );
    }
}
