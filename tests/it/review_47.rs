//! Issue 25, the reading of the built site against the source (review 47a): each deadline,
//! role card and form link says what the source says, of whom it says it.

use crate::common::{plain, site_page};

/// The register's rows whose quote holds `words`: (the role ids of `data-roles`, the row's
/// text).
pub(crate) fn rows_quoting(words: &str) -> Vec<(Vec<String>, String)> {
    site_page("afatet.html")
        .split("<tr data-roles=\"")
        .skip(1)
        .filter_map(|chunk| {
            let (roles, rest) = chunk.split_once('"')?;
            let row = rest.split("</tr>").next()?;
            let quote = row.split("<q>").nth(1)?.split("</q>").next()?;
            plain(quote).contains(words).then(|| {
                (
                    roles.split_whitespace().map(str::to_string).collect(),
                    plain(row),
                )
            })
        })
        .collect()
}

/// The one register row quoting `words`.
fn row(words: &str) -> (Vec<String>, String) {
    let rows = rows_quoting(words);
    assert_eq!(rows.len(), 1, "one row quoting {words:?}: {rows:#?}");
    rows.into_iter().next().unwrap()
}

#[test]
fn kosovos_labour_inspectorate_is_no_member_of_the_albanian_agencies() {
    // H-2: the A/IPIF and A/IPM lists name "Inspektorati Shtetëror i Punës" (001:442, 945),
    // Albania's; the Kosovo inspectorate's card is 003:1297-1325.
    let card = site_page("roli/inspektorati-i-punes.html");
    for group in ["a-ipif.html", "a-ipm.html"] {
        assert!(
            !card.contains(group),
            "the Kosovo inspectorate links {group}"
        );
    }
}

#[test]
fn a_conditional_immediacy_keeps_its_case() {
    // M-1: "Në rast se punonjësi social vlerëson se rasti duhet trajtuar me emergjencë, …
    // vepron për të mbështetur individin në mënyrë të menjëhershme" (002:678-682).
    let (roles, text) = row("vepron për të mbështetur individin në mënyrë të menjëhershme");
    assert_eq!(roles, ["punonjes-social"]);
    assert!(
        text.contains("rasti duhet trajtuar me emergjencë: menjëherë"),
        "{text}"
    );
    assert!(
        plain(&site_page("roli/punonjes-social.html"))
            .contains("rasti duhet trajtuar me emergjencë: menjëherë")
    );
}

#[test]
fn the_six_monthly_visits_hold_after_reintegration() {
    // M-2: "Pas procesit të ri-integrimit, vizitat monitoruese të fëmijës do të bëhen të
    // paktën një herë në 6 muaj" (003:2399-2400).
    let (roles, text) = row("vizitat monitoruese të fëmijës do të bëhen");
    assert_eq!(roles, ["menaxheri-i-rastit-kosove"]);
    assert!(
        text.contains("Pas procesit të ri-integrimit: të paktën 1 herë në 6 muaj"),
        "{text}"
    );
}

#[test]
fn a_passive_three_days_binds_no_one() {
    // M-4: "Pas akomodimit, brenda tre ditëve informohet rasti në lidhje me intervistën
    // formale" (001:1060): passive with no agent; the staff's notice that follows
    // (001:1061-1063) has no deadline.
    let (roles, text) = row("brenda tre ditëve informohet rasti");
    assert!(roles.is_empty(), "{roles:?}");
    assert!(text.contains("Burimi nuk emërton askënd"), "{text}");
    assert!(
        !plain(&site_page("roli/stafi.html")).contains("brenda 3 ditëve"),
        "the staff's card"
    );
}

#[test]
fn kosovos_immediate_protection_is_in_the_register_with_its_case() {
    // M-5 (b): 003:2098-2099 "Nëse niveli i rrezikut është i lartë atëherë fillimisht
    // nevojitet veprim i menjëhershëm …" and footnote 17, 003:2107-2109 "… ose viktima të
    // trafikimit, pasi kërkohet mbrojtje e menjëhershme …": impersonal, binding no one.
    for (words, badge) in [
        (
            "nevojitet veprim i menjëhershëm",
            "Nëse niveli i rrezikut është i lartë: menjëherë",
        ),
        (
            "kërkohet mbrojtje e menjëhershme",
            "ose viktima të trafikimit: menjëherë",
        ),
    ] {
        let (roles, text) = row(words);
        assert!(roles.is_empty(), "{words}: {roles:?}");
        assert!(text.contains(badge), "{text}");
        assert!(text.contains("Burimi nuk emërton askënd"), "{text}");
    }
}

#[test]
fn the_formal_identification_groups_members_are_counted_under_it() {
    // M-9: the G/SPIF is "një punonjës i policisë së shtetit … dhe punonjësi i mbrojtjes së
    // fëmijës …" for a child, "… një punonjës social shtetëror i zyrës rajonale të shërbimit
    // social shtetëror" for an adult (001:693-699).
    for member in ["policia", "punonjes-mbrojtje-femije", "shssh"] {
        let card = site_page(&format!("roli/{member}.html"));
        let of = card
            .split("class=\"role-member-of\"")
            .nth(1)
            .unwrap_or_else(|| panic!("{member} is counted under no group"));
        assert!(
            of.split("</p>").next().unwrap().contains("g-spif.html"),
            "{member}"
        );
    }
}

#[test]
fn reintegrations_social_worker_is_named_as_the_source_names_her() {
    // M-3: "Punonjësi social ose menaxheri i rastit …" (001:1380, 1391, 1415, 1420-1421)
    // names no employer: neither the NJVNR's social worker (guide 002) nor the shelter's.
    let page = plain(&site_page("procedura/riintegrimi-afatgjate.html"));
    assert!(
        page.contains("Punonjësi social ; Menaxheri i rastit"),
        "{page}"
    );
    let (roles, text) = row("raporton 1 herë në muaj");
    assert_eq!(roles, ["menaxheri-i-rastit", "punonjesi-i-rastit"]);
    assert!(text.contains("Punonjësi social ;"), "{text}");
    let card = site_page("roli/punonjes-social.html");
    assert!(!card.contains("riintegrimi-afatgjate"), "the NJVNR's card");
    let manager = plain(&site_page("roli/menaxheri-i-rastit.html"));
    assert!(
        manager
            .contains("Punonjësi social, Menaxheri i rastit, Punonjësi i rastit : 1 herë në muaj"),
        "the card says whom the report binds"
    );
}

#[test]
fn kosovos_24_hours_bind_every_mandated_partner_in_the_sources_words() {
    // L-1: "çdo partner i mandatuar rastin e identifikuar do t›ia paraqes QPS-së brenda një
    // maksimumi prej 24 orësh" (003:1965-1967): a group 003 does not define.
    let (roles, text) = row("brenda një maksimumi prej 24 orësh");
    assert!(roles.is_empty(), "{roles:?}");
    assert!(text.contains("çdo partner i mandatuar"), "{text}");
}

#[test]
fn the_cases_of_a_transfer_are_examples_and_its_definition_is_not() {
    // 003:2527-2534: "QPS transferon fëmijën …, për shembull:" and three cases; the third
    // goes on with the guide's definition of a transfer, which is no example.
    for page in [
        "procedura/menaxhimi-i-rastit.html",
        "trajnim/fletushka/menaxhimi-i-rastit.html",
        "roli/menaxheri-i-rastit-kosove.html",
    ] {
        let html = site_page(page);
        for case in [
            "<li><span class=\"example\">Fëmija është zhvendosur në një lokacion",
            "<li><span class=\"example\">Klienti ka bërë kërkesë për transferim.</span> Transferimi i një rasti tregon",
        ] {
            assert!(html.contains(case), "{page}: {case}");
        }
        assert!(
            html.contains(
                "<li><span class=\"example\"><abbr title=\"Menaxheri i Rastit\">MR</abbr> ose"
            ),
            "{page}: the second case"
        );
    }
}
