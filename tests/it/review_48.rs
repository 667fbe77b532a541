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
