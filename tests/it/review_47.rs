//! Issue 25, the reading of the built site against the source (review 47a): each deadline,
//! role card and form link says what the source says, of whom it says it.

use crate::common::site_page;

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
