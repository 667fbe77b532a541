//! Issue 25, stop 48: the open findings of readings 47a/47b and adversary 47 on the
//! deadlines register, role cards, handouts and diagrams, each pinned to its source lines.

use crate::common::{plain, site_page};
use crate::review_47::rows_quoting;

#[test]
fn formal_identification_as_soon_as_possible_is_in_the_register() {
    // 47a M-5 (a), 001:775-776 "Të gjitha veprimet për identifikimin formal duhet të
    // zhvillohen në kohën më të shpejtë të mundshme;": no latest. The actions of formal
    // identification are those the source lists as "Veprimet e identifikimit formal
    // përfshijnë:" (001:701-711): the G/SPIF's, the police's, the PMF's and the social
    // service's (adversary 48 L-1, adversary 49 M-2).
    let rows = rows_quoting("duhet të zhvillohen në kohën më të shpejtë të mundshme");
    assert_eq!(rows.len(), 1, "{rows:#?}");
    let (roles, text) = &rows[0];
    let mut roles = roles.clone();
    roles.sort();
    assert_eq!(
        roles,
        ["g-spif", "policia", "punonjes-mbrojtje-femije", "shssh"]
    );
    for card in ["policia", "punonjes-mbrojtje-femije", "shssh", "g-spif"] {
        let page = crate::common::site_page(&format!("roli/{card}.html"));
        assert!(
            page.contains("në kohën më të shpejtë të mundshme"),
            "{card}'s card"
        );
    }
    assert!(text.contains("sa më shpejt"), "{text}");
    assert!(!text.contains("menjëherë"), "{text}");
    assert!(!text.contains("Burimi nuk emërton askënd"), "{text}");
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

#[test]
fn formal_identifications_immediate_intervention_is_split_by_the_case() {
    // 47a L-8: "Ndërhyrjen e menjëhershme të sektorit për hetimin e trafikut të paligjshëm,
    // PMF-ja në rastin e fëmijëve dhe shërbimi social për të rriturit" (001:702-704).
    let rows = rows_quoting("Ndërhyrjen e menjëhershme");
    assert_eq!(rows.len(), 2, "{rows:#?}");
    let child = rows
        .iter()
        .find(|(_, t)| t.contains("në rastin e fëmijëve: menjëherë"))
        .expect("the child's row");
    assert_eq!(child.0, ["policia", "punonjes-mbrojtje-femije"]);
    let adult = rows
        .iter()
        .find(|(_, t)| t.contains("për të rriturit: menjëherë"))
        .expect("the adult's row");
    assert_eq!(adult.0, ["policia", "shssh"]);
    assert!(
        !plain(&site_page("roli/shssh.html")).contains("në rastin e fëmijëve: menjëherë"),
        "the child's case on the social service's card"
    );
}

#[test]
fn a_role_card_keeps_the_lead_in_its_steps_stand_under() {
    // 47a L-7: "Për të bërë të mundur informimin, punonjësit social i sugjerohet:" (002:565)
    // introduces Informimi 1.1-1.5 as suggestions; the card shows the lead-in above them, as
    // the handout does.
    let card = site_page("roli/punonjes-social.html");
    let lead = "<tr class=\"card-group\"><th scope=\"rowgroup\" colspan=\"4\">Për të bërë të mundur informimin, punonjësit social i sugjerohet:</th></tr>";
    let at = card.find(lead).expect("the lead-in on the card");
    let first = card.find("id=\"card-informimi.1.1\"").unwrap();
    assert!(at < first);
    assert_eq!(card.matches(lead).count(), 1);
}

#[test]
fn one_passive_sentence_is_read_one_way() {
    // 47a L-9: the general actions of protection (001:952-962) are the A/IPM's: "Masa të
    // menjëhershme" (step 3, 001:957) and "Viktimës i ofrohet kujdes shëndetësor i
    // menjëhershëm" (step 4, 001:958) bind it alike; the psycho-social support has its own
    // agent, "nga profesionistë të specializuar" (001:959-960).
    for words in ["Masa të menjëhershme", "kujdes shëndetësor i menjëhershëm"] {
        let rows = rows_quoting(words);
        assert_eq!(rows.len(), 1, "{words}: {rows:#?}");
        assert_eq!(rows[0].0, ["a-ipm"], "{words}");
    }
    let (roles, text) = &rows_quoting("mbështetje e menjëhershme psiko-sociale")[0];
    assert!(
        roles.is_empty() && text.contains("profesionistë të specializuar"),
        "{text}"
    );
    // (47b L-12, "caktohen detyrat … sigurohen fondet" for the child, step 3, and the adult,
    // step 11, names no one in both: no_one_named.) The week is the head's (001:1238).
    let week = rows_quoting("brenda 1 jave nga marrja e përgjigjes");
    assert!(
        week.iter().all(|(roles, _)| roles == &["d-kap"]),
        "{week:#?}"
    );
}

/// The "Deri kur" cell of step `id` on the handout of `procedure`, as text.
fn handout_when(procedure: &str, id: &str) -> String {
    let html = site_page(&format!("trajnim/fletushka/{procedure}.html"));
    let row = html
        .split("<tr")
        .find(|r| r.contains(&format!("#{id}\"")) && r.contains("class=\"c-when\""))
        .unwrap_or_else(|| panic!("{id} on the handout"));
    let cell = row.split("class=\"c-when\">").nth(1).unwrap();
    plain(cell.split("</td>").next().unwrap())
}

#[test]
fn a_deadline_binding_its_steps_only_actor_says_no_name_before_it() {
    // 47b L-4: identical cases said alike. Initial identification 4 and 5 (001:614-615): the
    // A/IPIF's "njoftimin e menjëhershëm"; referral 30 and 32 (001:1065, 1070-1073): the case
    // worker's "menjëherë". Each is its step's only actor: none says whose it is.
    for (procedure, id) in [
        ("identifikimi-fillestar", "identifikimi-fillestar.4"),
        ("identifikimi-fillestar", "identifikimi-fillestar.5"),
        (
            "referimi-mbrojtja-asistenca",
            "referimi-mbrojtja-asistenca.30",
        ),
        (
            "referimi-mbrojtja-asistenca",
            "referimi-mbrojtja-asistenca.32",
        ),
    ] {
        let when = handout_when(procedure, id);
        assert!(when.starts_with("menjëherë „"), "{id}: {when}");
    }
    // Where a step's timings bind different people, each still says whose it is (referral
    // 4: the A/IPM's care, the specialists' support, 001:958-960).
    let when = handout_when(
        "referimi-mbrojtja-asistenca",
        "referimi-mbrojtja-asistenca.4",
    );
    assert!(when.starts_with("A/IPM : menjëherë"), "{when}");
    assert!(
        when.contains("profesionistë të specializuar : menjëherë"),
        "{when}"
    );
}

#[test]
fn a_job_descriptions_own_times_stand_on_its_card() {
    // 47a L-6: "Afatet e përshkrimeve të punës, në faqet e roleve" (afatet.html) — the times
    // the job descriptions set: "një herë në vit" (002:1254), "çdo dymujor" (002:1681-1682),
    // "dy herë në vit dhe brenda tre muajve të parë … për herë të parë" (002:1705-1707).
    let times = |role: &str| {
        let html = site_page(&format!("roli/{role}.html"));
        let at = html
            .find(&format!("id=\"{role}-jd-times\""))
            .unwrap_or_else(|| panic!("{role}: no times of its job description"));
        plain(html[at..].split("</table>").next().unwrap())
    };
    let pmf = times("pmf-bashki");
    assert!(pmf.contains("1 herë në vit „një herë në vit“"), "{pmf}");
    let adm = times("administrator-shoqeror");
    for says in [
        "çdo 2 muaj „çdo dymujor“",
        "2 herë në vit „dy herë në vit“",
        "për familjet që përfitojnë ndihmën ekonomike për herë të parë: brenda 3 muajve „brenda tre muajve të parë të përfitimit",
    ] {
        assert!(adm.contains(says), "{says}: {adm}");
    }
    // Still not in the register.
    assert!(rows_quoting("çdo dymujor").is_empty());
}

#[test]
fn a_list_keeps_the_numbers_it_is_printed_with() {
    // 47a L-2: "IV. DETYRAT KRYESORE" of the social administrator numbers its duties 1, 2, 3,
    // 4, 5, 5 (002:1643-1663): the sixth item is printed "5." again.
    let html = site_page("roli/administrator-shoqeror.html");
    let at = html
        .find("Koordinon punën dhe ofron mbështetjen e nevojshme")
        .unwrap();
    let list = &html[html[..at].rfind("<ol").unwrap()..];
    let list = list.split("</ol>").next().unwrap();
    assert_eq!(list.matches("<li").count(), 6, "{list}");
    assert!(
        list.contains("<li value=\"5\">Përgatit, monitoron dhe bashkëpunon"),
        "{list}"
    );
}

#[test]
fn a_printed_lead_in_keeps_its_colon_where_it_is_printed_and_names_without_it() {
    // 47b L-3: 001:606, 632, 656, 666 (initial identification), 701, 737, 745, 774, 780
    // (formal identification) print each lead-in with ":".
    let initial = plain(&site_page("procedura/identifikimi-fillestar.html"));
    let formal = plain(&site_page("procedura/identifikimi-formal.html"));
    for (page, lead) in [
        (&initial, "Veprimet që duhet të ndërmerren përfshijnë:"),
        (&initial, "Kushtet për zhvillimin e intervistës:"),
        (
            &initial,
            "Personat e tretë që mund të marrin pjesë në intervistë janë:",
        ),
        (&initial, "Veprimet pas intervistës fillestare:"),
        (&formal, "Veprimet e identifikimit formal përfshijnë:"),
        (
            &formal,
            "Persona të tretë që mund të marrin pjesë në intervistën formale:",
        ),
        (&formal, "Kushtet e intervistimit formal janë:"),
        (&formal, "Kohëzgjatja e intervistës formale:"),
        (&formal, "Të drejtat e personit që do të intervistohet:"),
    ] {
        assert!(page.contains(lead), "{lead}");
    }
    // Used as a name (the register's place, a diagram's band) it is the words alone.
    let register = plain(&site_page("afatet.html"));
    assert!(register.contains("Kohëzgjatja e intervistës formale — Identifikimi formal"));
    assert!(!register.contains("formale: —"));
    assert!(formal.contains("Veprimet e identifikimit formal përfshijnë — Hapat 1–3"));
}

#[test]
fn the_three_routes_of_referral_are_drawn_alike() {
    // adv-47 L-3: "Referimi i individëve në nevojë për shërbime arrihet kryesisht përmes tri
    // rrugëve:" (002:610): 2.1, 2.2 and 2.3 are equal routes, no sequel and no other case of
    // one another: plain boxes alike, no arrow between them.
    let page = site_page("procedura/referimi.html");
    let svg = page
        .split("id=\"referimi-diagram-1\"")
        .nth(1)
        .unwrap()
        .split("</svg>")
        .next()
        .unwrap();
    let boxes: Vec<&str> = svg
        .split("<rect class=\"dg-box")
        .skip(1)
        .map(|r| r.split('"').next().unwrap())
        .collect();
    assert_eq!(boxes, ["", "", ""], "{boxes:?}");
    assert!(!svg.contains("dg-flow"), "an arrow between the routes");
}

#[test]
fn a_step_links_a_form_only_where_its_words_name_it() {
    // 47a M-10 / 47b L-13: child admission 15 fills "deklaratën e pranimit" of "pranimin e
    // fëmijës" (001:1011-1013) and links C3; 24 says only "bën menjëherë pranimin e fëmijës"
    // (001:1047), the act, no document: no form. The adult steps 36 and 44 (001:1083-1086,
    // 1110-1113) name no words of C1's title ("… për të rritur"): no form either.
    let forms = site_page("formularet.html");
    let c3 = forms
        .split("id=\"C3\"")
        .nth(1)
        .unwrap()
        .split("id=\"C4\"")
        .next()
        .unwrap();
    assert!(c3.contains("referimi-mbrojtja-asistenca.15\""), "{c3}");
    assert!(!c3.contains("referimi-mbrojtja-asistenca.24\""), "{c3}");
}

#[test]
fn the_apap_of_the_return_acts_for_the_two_principals_the_source_names() {
    // 47b L-5: "APAP-i nga MSHMS-ja/SHSSH-ja përcjell … APAP-i nga MSHMS-ja/ASHMDF-ja përcjell
    // …" (001:1306-1307): two principals, no third; each after a colon, never inflected after
    // "për"; the two parts of one actor separated.
    let handout = plain(&site_page(
        "trajnim/fletushka/pritja-shtetas-shqiptare.html",
    ));
    let who = handout
        .split("Hapi 3")
        .find(|s| s.contains("vepron për institucionin"))
        .unwrap();
    assert!(
        who.contains(
            "( „APAP-i nga MSHMS-ja/SHSSH-ja“ , vepron për institucionin: Shërbimi Social Shtetëror; „APAP-i nga MSHMS-ja/ASHMDF-ja“ , vepron për institucionin: Agjencia Shtetërore për të Drejtat dhe Mbrojtjen e Fëmijës)"
        ),
        "{who}"
    );
    assert!(
        !handout.contains("„APAP-i nga MSHMS-ja“"),
        "a third principal"
    );
    assert!(
        !handout.contains("vepron për Shërbimi"),
        "the nominative after për"
    );
}

#[test]
fn the_chair_who_convenes_the_commission_is_bound_by_its_five_days() {
    // 47a L-5: "Komisioni thirret në mbledhje nga kryetari, brenda 5 ditësh pune …" (001:902):
    // the chair convenes, the Commission is convened (an object, never its actor: the
    // register_binds pin). The register names the chair in the source's word, and no page
    // says the deadline binds no one.
    let rows = rows_quoting("brenda 5 ditësh pune nga depozitimi i ankimimit");
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert!(rows[0].0.is_empty(), "{rows:#?}");
    assert!(rows[0].1.contains("kryetari"), "{rows:#?}");
    let when = handout_when("identifikimi-formal", "identifikimi-formal.18");
    assert!(!when.contains("Burimi nuk emërton askënd"), "{when}");
    assert!(when.contains("brenda 5 ditësh pune"), "{when}");
    let page = plain(&site_page("procedura/identifikimi-formal.html"));
    let s18 = page.split("Hapi 18").nth(1).unwrap_or_default();
    let s18 = s18.split("Hapi 19").next().unwrap_or_default();
    assert!(!s18.contains("Burimi nuk emërton askënd"), "{s18}");
}
