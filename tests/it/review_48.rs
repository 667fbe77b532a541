//! Issue 25, stop 48: the open findings of readings 47a/47b and adversary 47 on the
//! deadlines register, role cards, handouts and diagrams, each pinned to its source lines.

use crate::common::{plain, site_page};

/// The register's rows whose quote holds `words`: (the role ids of `data-roles`, the row's
/// text).
fn rows_quoting(words: &str) -> Vec<(Vec<String>, String)> {
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

#[test]
fn formal_identification_as_soon_as_possible_is_in_the_register() {
    // 47a M-5 (a), 001:775-776 "Të gjitha veprimet për identifikimin formal duhet të
    // zhvillohen në kohën më të shpejtë të mundshme;": no agent, no latest.
    let rows = rows_quoting("duhet të zhvillohen në kohën më të shpejtë të mundshme");
    assert_eq!(rows.len(), 1, "{rows:#?}");
    let (roles, text) = &rows[0];
    assert!(roles.is_empty(), "{roles:?}");
    assert!(text.contains("sa më shpejt"), "{text}");
    assert!(!text.contains("menjëherë"), "{text}");
    assert!(text.contains("Burimi nuk emërton askënd"), "{text}");
    assert!(text.contains("Kohëzgjatja e intervistës formale"), "{text}");
}

#[test]
fn the_centre_directors_card_names_where_the_evidence_names_him() {
    // 47a M-8: S2.1 evidence 1.1 "Drejtuesi i shërbimeve … organizon një ekip
    // multidisiplinar profesionistësh" (000:290-293, 323-324); S5.1 evidence 1.2 "Përshkrimi i
    // punës dhe kontrata firmosen nga drejtuesi i institucionit të shërbimit dhe punonjësi i
    // kontraktuar" (000:1014-1017). The evidence column credits no one (session 39,
    // actors_reread), so the card names the two criteria beside those he acts in.
    let html = site_page("roli/drejtuesi-i-qendres.html");
    let also = html
        .split("<p class=\"muted role-mentioned\">")
        .nth(1)
        .expect("the card names where the source also names him")
        .split("</p>")
        .next()
        .unwrap();
    assert!(
        plain(also).starts_with("Burimi e përmend edhe te:"),
        "{also}"
    );
    for place in ["S2.html#S2.1", "S5.html#S5.1"] {
        assert!(also.contains(place), "{place}: {also}");
    }
    // Still the criteria he acts in, as duties.
    let card = plain(&html);
    for criterion in ["Kriteri 1.4", "Kriteri 4.6", "Kriteri 5.5"] {
        assert!(card.contains(criterion), "{criterion}");
    }
}
