//! The shipped content is complete: what the printed originals hold, counted.

use std::collections::{HashMap, HashSet};

use crate::common::*;
use serde_json::Value;

fn catalog() -> Value {
    serde_json::from_str(&read(&shipped_site().join("site/catalog.json"))).unwrap()
}

#[test]
fn ten_standards_66_criteria_81_evidence_items() {
    let cat = catalog();
    let standards = cat["standards"].as_array().unwrap();
    assert_eq!(standards.len(), 10);
    let numbers: Vec<u64> = standards
        .iter()
        .map(|s| s["number"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, (1..=10).collect::<Vec<_>>());
    let criteria: Vec<&Value> = standards
        .iter()
        .flat_map(|s| s["criteria"].as_array().unwrap())
        .collect();
    assert_eq!(criteria.len(), 66);
    let evidence: usize = criteria
        .iter()
        .map(|c| c["evidence"].as_array().unwrap().len())
        .sum();
    assert_eq!(evidence, 81);
    for c in &criteria {
        let n = c["evidence"].as_array().unwrap().len();
        if c["id"] == "S8.1" {
            assert_eq!(n, 0, "S8.1 has a guidance note but no evidence");
            assert!(
                !c["guidance"].as_array().unwrap().is_empty(),
                "S8.1 has its guidance note"
            );
        } else {
            assert!(n >= 1, "{} has at least one evidence item", c["id"]);
        }
    }
    for s in standards {
        for key in ["title", "outcome", "statement"] {
            assert!(
                s[key].as_str().is_some_and(|t| t.trim().len() > 10),
                "{} has its {key}",
                s["id"]
            );
        }
    }
}

#[test]
fn the_standards_set_their_deadlines() {
    let cat = catalog();
    let timings: Vec<&Value> = cat["standards"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["criteria"].as_array().unwrap())
        .flat_map(|c| c["timing"].as_array().unwrap())
        .collect();
    let isos: HashSet<&str> = timings.iter().map(|t| t["iso"].as_str().unwrap()).collect();
    // The needs assessment within 2 weeks ("2-javësh", in weeks as printed); monthly review;
    // records kept 5 years; two-year plan.
    for iso in ["P2W", "P1M", "P5Y", "P2Y"] {
        assert!(isos.contains(iso), "a standard sets {iso}: {isos:?}");
    }
    assert!(
        timings.len() >= 10,
        "{} timings in the standards",
        timings.len()
    );
}

#[test]
fn procedures_roles_forms_and_the_deadlines_register() {
    let cat = catalog();
    let procs = cat["procedures"].as_array().unwrap();
    let psv: Vec<&Value> = procs.iter().filter(|p| p["collection"] == "psv").collect();
    assert_eq!(psv.len(), 7, "the 7 SOP phases");
    for p in &psv {
        assert!(
            !p["steps"].as_array().unwrap().is_empty(),
            "{} has steps",
            p["id"]
        );
    }
    let cm = procs
        .iter()
        .find(|p| p["collection"] == "menaxhimi-rastit")
        .expect("the case-management procedure");
    let steps: Vec<&str> = cm["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["number"].as_str().unwrap())
        .collect();
    for n in ["0", "1", "2", "3", "4", "5", "6", "7"] {
        assert!(steps.contains(&n), "case-management step {n}: {steps:?}");
    }
    let jobs = cat["roles"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == "job")
        .count();
    assert_eq!(jobs, 4, "the 4 job descriptions");
    let forms: HashSet<&str> = cat["forms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    let sop_forms = [
        "A1", "A2", "A3", "A4", "A5", "B1", "B2", "B3", "C1", "C2", "C3", "C4", "C5", "D1", "D2",
        "E1", "E2", "E3", "E4", "E5",
    ];
    assert_eq!(sop_forms.len(), 20);
    assert!(
        forms.contains("vendimi-i-komisionit"),
        "the appeal decision, printed without a code"
    );
    for f in sop_forms {
        assert!(forms.contains(f), "form {f}");
    }
    let deadlines = cat["deadlines"].as_array().unwrap();
    assert!(
        deadlines.len() >= 25,
        "{} timed items in the deadlines register",
        deadlines.len()
    );
    assert!(cat["glossary"]["abbreviations"].as_array().unwrap().len() >= 40);
    assert!(
        !cat["glossary"]["definitions"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert!(cat["indicators"]["groups"].as_array().unwrap().len() >= 3);
    assert!(!cat["plans"].as_array().unwrap().is_empty());
}

#[test]
fn every_role_page_says_where_the_role_acts_and_every_form_page_who_uses_it() {
    let site = shipped_site().join("site");
    let cat = catalog();
    for r in cat["roles"].as_array().unwrap() {
        let html = read(&site.join(format!("roli/{}.html", r["id"].as_str().unwrap())));
        assert!(html.contains("Ku vepron ky rol"), "{}", r["id"]);
        for place in r["acts_in"].as_array().unwrap() {
            assert!(
                html.contains(&format!("#{}\"", place.as_str().unwrap())),
                "{} links {}",
                r["id"],
                place
            );
        }
    }
    let forms = read(&site.join("formularet.html"));
    for f in cat["forms"].as_array().unwrap() {
        assert!(forms.contains(&format!("id=\"{}\"", f["id"].as_str().unwrap())));
        for step in f["used_by"].as_array().unwrap() {
            assert!(
                forms.contains(&format!("#{}\"", step.as_str().unwrap())),
                "{} lists {}",
                f["id"],
                step
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// Issue 15: deadlines that mean what the text says, and the corrections from a side-by-side
// read. Each test pins a correction so it cannot regress.

fn procedure<'a>(cat: &'a Value, id: &str) -> &'a Value {
    cat["procedures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == id)
        .unwrap_or_else(|| panic!("procedure {id}"))
}

/// The step whose text starts with `start`.
fn step<'a>(p: &'a Value, start: &str) -> &'a Value {
    p["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["text"].as_str().unwrap().trim_start().starts_with(start))
        .unwrap_or_else(|| panic!("a step of {} starting {start:?}", p["id"]))
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect()
}

#[test]
fn the_case_review_invitation_is_a_lead_time_before_the_meeting() {
    // Correction 1: "14 ditë para datës së takimit" is at least 14 days before, not within.
    let cat = catalog();
    let p = procedure(&cat, "menaxhimi-i-rastit");
    let t = p["steps"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["timing"].as_array().unwrap())
        .find(|t| {
            t["text"]
                .as_str()
                .unwrap()
                .contains("14 ditë para datës së takimit")
        })
        .expect("the invitation's timing");
    assert_eq!(t["kind"], "before");
    assert_eq!(t["iso"], "P14D");
    // Correction 11 read "nga 4 deri në 12 muaj" as a range; review A9 of issue 25: the
    // sentence is a possibility ("Një afat kohor potencial … mund të jetë", 003:2334–2335),
    // no timing at all (ranges stay tested in the timing module).
    assert!(
        !p["steps"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|s| s["timing"].as_array().unwrap())
            .any(|t| t["text"]
                .as_str()
                .unwrap()
                .contains("nga 4 deri në 12 muaj")),
        "the medium-term objective's possibility is a timing"
    );
    let page = unescape(&read(
        &shipped_site().join("site/procedura/menaxhimi-i-rastit.html"),
    ));
    assert!(page.contains("14 ditë para"));
    assert!(!page.contains("të paktën 14 ditë para"));
    assert!(!page.contains("nga 4 muaj deri në 12 muaj"));
    assert!(page.contains("për objektivin afatmesëm nga 4 deri në 12 muaj"));
}

#[test]
fn the_appeal_counts_working_days_in_the_order_and_places_of_the_source() {
    let cat = catalog();
    let p = procedure(&cat, "identifikimi-formal");
    // Correction 2: working days, kept as such.
    for (start, iso, words) in [
        ("Çdo person, që nuk/është", "P30D", "brenda 30 ditëve pune"),
        (
            "Komisioni thirret në mbledhje",
            "P5D",
            "brenda 5 ditësh pune",
        ),
    ] {
        let t = &step(p, start)["timing"][0];
        assert_eq!(t["iso"], iso, "{start}");
        assert_eq!(t["working_days"], true, "{start}");
        assert!(t["text"].as_str().unwrap().starts_with(words));
    }
    // Correction 3: the commission's 30 working days stand in its duties, where printed.
    let duties = p["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["title"] == "Detyrat e Komisionit të Posaçëm Ndërinstitucional")
        .expect("the commission's duties");
    let t = &duties["timing"][0];
    assert_eq!(
        (t["iso"].as_str(), t["working_days"].as_bool()),
        (Some("P30D"), Some(true))
    );
    assert!(
        t["text"]
            .as_str()
            .unwrap()
            .contains("nga data e shqyrtimit")
    );
    assert!(
        p["steps"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|s| s["timing"].as_array().unwrap())
            .all(|t| !t["text"]
                .as_str()
                .unwrap()
                .contains("nga data e shqyrtimit")),
        "no step quotes the duty's deadline as its own"
    );
    // Correction 4: the source's order after step 14.
    let texts: Vec<&str> = p["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    let at = |start: &str| {
        texts
            .iter()
            .position(|t| t.trim_start().starts_with(start))
            .unwrap_or_else(|| panic!("{start}"))
    };
    let order = [
        at("Çdo person, që nuk/është"),
        at("Kundër vendimit të Komisionit"),
        at("Anëtarët e Komisionit përcaktohen"),
        at("Komisioni thirret në mbledhje"),
        at("Komisioni shqyrton"),
        at("Vendimi merret me shumicë votash"),
    ];
    assert!(order.windows(2).all(|w| w[0] + 1 == w[1]), "{order:?}");
    // The printed numbering stays visible: 1-2 after the interview, 1-7 of the rights.
    assert_eq!(step(p, "Pas intervistës formale")["printed"], "1.");
    assert_eq!(step(p, "Vendimi i marrë dërgohet")["printed"], "2.");
    let rights = p["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["title"] == "Të drejtat e personit që do të intervistohet:")
        .unwrap();
    assert!(rights["text"].as_str().unwrap().contains("\n7. Personit"));
    // Correction 5: who acts.
    // The person appeals (its `persons:`); the secretariat only receives the appeal and the
    // members' names (001:843-844, 898-900): no actor (issue 25).
    let appeal = strs(&step(p, "Çdo person, që nuk/është")["actors"]);
    assert!(appeal.is_empty(), "{appeal:?}");
    let members = strs(&step(p, "Anëtarët e Komisionit përcaktohen")["actors"]);
    assert_eq!(members, ["ministri-pergjegjes"]);
    // Correction 9: the decision form has no printed code, and none is shown.
    let decision = step(p, "Vendimi merret me shumicë votash");
    assert_eq!(strs(&decision["forms"]), ["vendimi-i-komisionit"]);
    let form = cat["forms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "vendimi-i-komisionit")
        .unwrap();
    assert!(form["code"].is_null());
    let forms_page = read(&shipped_site().join("site/formularet.html"));
    assert!(!forms_page.contains("VKP"));
    assert!(!forms_page.contains(">vendimi-i-komisionit<"));
}

#[test]
fn round_the_clock_duties_are_continuous_and_rota_words_set_no_time_limit() {
    // Corrections 6 and 7: "24 orë" round the clock is no length of time. Issue 25 (review
    // 6): it is a duty that never stops, a register row of the continuous kind, bound to
    // whom the source binds: the provider (S1.5). S8.9's "24 orë" in the evidence column
    // (000:1678-1679) is the provider's too (session 44, review 43 L2). S7.7's (000:1512-1516)
    // is the police's protection under an agreement the evidence describes: no row (review
    // 45 R-3; session 44 had made it the provider's).
    let cat = catalog();
    let criteria: Vec<&Value> = cat["standards"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["criteria"].as_array().unwrap())
        .collect();
    let criterion = |id: &str| *criteria.iter().find(|c| c["id"] == id).unwrap();
    assert!(criterion("S8.10")["timing"].as_array().unwrap().is_empty());
    let t = &criterion("S1.5")["timing"][0];
    assert_eq!(
        (t["text"].as_str(), t["kind"].as_str()),
        (Some("Ruajtje ose siguri fizike 24 orë"), Some("continuous")),
    );
    assert_eq!(t["actors"], serde_json::json!(["ofruesi-i-sherbimit"]));
    assert_eq!(t["iso"], "", "S1.5: no length of time");
    assert!(criterion("S7.7")["timing"].as_array().unwrap().is_empty());
    let id = "S8.9";
    let t = &criterion(id)["timing"][0];
    assert_eq!(t["kind"], "continuous", "{id}");
    assert_eq!(
        t["actors"],
        serde_json::json!(["ofruesi-i-sherbimit"]),
        "{id}"
    );
    assert_eq!(t["iso"], "", "{id}: no length of time");
    for d in cat["deadlines"].as_array().unwrap() {
        let words = d["timing"]["text"].as_str().unwrap();
        assert!(!words.contains("grafikët"), "{words:?} is no deadline");
    }
    // The register's rows of the kind, each under whom it binds, in the pack's words.
    let page = site_page("afatet.html");
    let group = page
        .split("id=\"dl-continuous\"")
        .nth(1)
        .expect("a group of round-the-clock duties")
        .split("</section>")
        .next()
        .unwrap();
    let rows: Vec<&str> = group.split("<tr data-roles=\"").skip(1).collect();
    assert_eq!(rows.len(), 2, "{group}");
    for id in ["S1.5", "S8.9"] {
        let row = rows
            .iter()
            .find(|r| r.contains(&format!("#{id}\"")))
            .unwrap_or_else(|| panic!("{id} is not in the register"));
        assert!(row.starts_with("ofruesi-i-sherbimit\""), "{row}");
    }
    let row = rows.iter().find(|r| r.contains("#S1.5\"")).unwrap();
    // The pack's words add nothing the source does not say ("pa ndërprerje" is not in 000);
    // the row quotes the source's.
    let row = plain(row);
    assert!(row.contains("24 orë"), "{row}");
    assert!(!row.contains("pa ndërprerje"), "{row}");
    // The provider still acts in both criteria, by their own sentences (000:1509-1510, 1672).
    let provider = site_page("roli/ofruesi-i-sherbimit.html");
    assert!(provider.contains("id=\"card-S8.9\""));
    assert!(provider.contains("id=\"card-S7.7\""));
}

#[test]
fn the_kosovo_case_management_names_kosovo_roles() {
    // Correction 8.
    let cat = catalog();
    let p = procedure(&cat, "menaxhimi-i-rastit");
    let roles: HashMap<&str, &Value> = cat["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["id"].as_str().unwrap(), r))
        .collect();
    for s in p["steps"].as_array().unwrap() {
        for a in strs(&s["actors"]) {
            assert!(
                a != "menaxheri-i-rastit" && a != "policia",
                "step {} names the Albanian role {a}",
                s["number"]
            );
            assert_eq!(
                roles[a]["jurisdiction"], "Kosovë",
                "step {}: {a} is marked as a Kosovo role",
                s["number"]
            );
        }
    }
    // Step 0 binds the professionals and every person who must report; the police, the
    // victims' office and the centre receive the reports (a recipient is no actor).
    let zero = strs(&step(p, "Secili anëtar i shoqërisë")["actors"]);
    assert_eq!(
        zero,
        ["profesionistet-per-mbrojtjen-e-femijeve"],
        "step 0's actors"
    );
    let persons = strs(&step(p, "Secili anëtar i shoqërisë")["persons"]);
    assert!(
        persons.contains(&"Çdo person që vëren ose ka informacion"),
        "step 0's persons: {persons:?}"
    );
    assert!(strs(&step(p, "Sapo rasti i punës")["actors"]).contains(&"menaxheri-i-rastit-kosove"));
    let site = shipped_site().join("site");
    let role = read(&site.join("roli/menaxheri-i-rastit-kosove.html"));
    assert!(role.contains("Menaxher i rastit (Kosovë)"));
    assert!(role.contains("punëtori i shërbimeve sociale i caktuar"));
    let page = read(&site.join("procedura/menaxhimi-i-rastit.html"));
    assert!(page.contains("Menaxher i rastit (Kosovë)</a>"));
    assert!(page.contains("Policia e Kosovës (Kosovë)</a>"));
}

#[test]
fn the_case_management_forms_carry_their_printed_titles() {
    // Correction 10: Part 5 of 003 prints E-5 "REFERIMI INTERN" and E-6 "FLETA PËRCJELLËSE …".
    let cat = catalog();
    let title = |id: &str| {
        cat["forms"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["id"] == id)
            .unwrap()["title"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(title("MR5"), "Referimi intern");
    assert_eq!(
        title("MR6"),
        "Fleta përcjellëse e kontaktit dhe puna në rast"
    );
    assert_eq!(title("MR9"), "Mbyllja e rastit");
}

/// `scripts/seed-check.sh` measures every encoded form and the procedures checked against
/// their sources, and `docs/seed-check.md` gives the figures for exactly those section
/// boundaries (seed-check itself lives outside the repository, so it is not run here).
#[test]
fn the_seed_check_script_measures_every_encoded_form_at_the_documented_boundaries() {
    let script = read(&repo().join("scripts/seed-check.sh"));
    let doc = read(&repo().join("docs/seed-check.md"));
    let mut forms: Vec<String> = std::fs::read_dir(repo().join("content/forms"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".yaml"))
        .collect();
    forms.sort();
    assert!(forms.len() >= 10, "the encoded forms: {forms:?}");
    for f in forms.iter().map(|f| format!("content/forms/{f}")).chain(
        [
            "content/sop/20-struktura-bashkiake.yaml",
            "content/sop/23-menaxhimi-i-rastit-nja.yaml",
            "content/forms.yaml",
        ]
        .map(String::from),
    ) {
        assert!(script.contains(&f), "scripts/seed-check.sh measures {f}");
    }
    // Every chapter is measured too (as the YAML scripts/chapters-as-yaml.py writes).
    for e in std::fs::read_dir(repo().join("content/chapters")).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        let stem = name.trim_end_matches(".md");
        assert!(
            script.contains(&format!("$TMP/{stem}.yaml")),
            "scripts/seed-check.sh measures content/chapters/{name}"
        );
        assert!(
            doc.contains(&format!("content/chapters/{name}")) || doc.contains(&format!("`{name}`")),
            "docs/seed-check.md gives the figures for content/chapters/{name}"
        );
    }
    // Every boundary the script uses is the one the figures were measured at.
    let mut bounds = 0;
    for flag in ["--from '", "--to '"] {
        for (i, _) in script.match_indices(flag) {
            let rest = &script[i + flag.len()..];
            let regex = &rest[..rest.find('\'').expect("a closing quote")];
            assert!(
                doc.contains(&format!("{flag}{regex}'")),
                "docs/seed-check.md gives the figures for {flag}{regex}'"
            );
            bounds += 1;
        }
    }
    assert!(bounds >= 8, "the script's section boundaries ({bounds})");
}

/// The card's table of one procedure on a role's page: the rows' plain text, per table.
fn card_tables(role: &str, procedure_title: &str) -> Vec<String> {
    let page = site_page(&format!("roli/{role}.html"));
    let card = page
        .split(&format!("id=\"{role}-card\""))
        .nth(1)
        .unwrap()
        .split("</section>")
        .next()
        .unwrap()
        .to_string();
    card.split("<h3>")
        .skip(1)
        .filter(|t| plain(t.split("</h3>").next().unwrap()) == procedure_title)
        .map(|t| plain(t.split("</table>").next().unwrap()))
        .collect()
}

#[test]
fn the_commission_s_card_shows_its_duties_in_one_table() {
    // Review 1: a section row carries the section's text (its nine duties), not its title
    // only; the procedure is one table, its rows as printed.
    let tables = card_tables("komisioni-posacem", "Identifikimi formal");
    assert_eq!(tables.len(), 1, "{tables:#?}");
    let t = &tables[0];
    for duty in [
        "Të administrojë dhe të shqyrtojë në mënyrë të paanshme të gjitha ankimimet",
        "Të marrë një vendim të arsyetuar administrativ mbi ankimimin, me shumicë votash të anëtarëve, brenda një afati maksimal prej 30 ditëve pune nga data e shqyrtimit të dosjes.",
        "Të ruajë konfidencialitetin e plotë",
    ] {
        assert!(t.contains(duty), "{duty}");
    }
    // The duties stand before step 16, as printed.
    // (Step 18 convenes the commission, "nga kryetari" (001:902): the chair's, not its own.)
    assert!(t.find("Të ruajë konfidencialitetin").unwrap() < t.find("Hapi 19").unwrap());
    assert!(!t.contains("Hapi 18"), "{t}");
}

#[test]
fn a_handout_carries_the_procedure_s_sections_where_they_are_printed() {
    // Review 2: the formal identification's handout holds the passages the procedure page
    // places between its steps, duty 7's deadline among them.
    let handout = plain(&site_page("trajnim/fletushka/identifikimi-formal.html"));
    let y: Value = serde_saphyr::from_str(&read(
        &repo().join("content/sop/02-identifikimi-formal.yaml"),
    ))
    .unwrap();
    // The sections in printed order: by the step each stands before (the rest at the end).
    let steps: Vec<&str> = y["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["number"].as_str().unwrap())
        .collect();
    let mut sections: Vec<&Value> = y["sections"].as_array().unwrap().iter().collect();
    sections.sort_by_key(|sec| {
        sec["before_step"]
            .as_str()
            .and_then(|b| steps.iter().position(|n| *n == b))
            .unwrap_or(steps.len())
    });
    let mut last = 0;
    for sec in sections {
        let Some(title) = sec["title"].as_str() else {
            continue;
        };
        // Each after the one before it.
        let at = handout[last..]
            .find(title)
            .unwrap_or_else(|| panic!("the handout lacks the section {title:?} after {last}"));
        last += at + title.len();
    }
    assert!(
        handout.contains(
            "brenda një afati maksimal prej 30 ditëve pune nga data e shqyrtimit të dosjes"
        )
    );
}

#[test]
fn counterparts_and_purposes_are_no_actors() {
    // Review 4: the police whom the NJA social worker works with (002:684-688), the
    // investigator the PMF contacts (001:991-993), the commission reintegration's report is
    // meant for (001:1420-1423) do not act in those steps.
    let actors = |file: &str, n: &str| -> Vec<String> {
        let y: Value =
            serde_saphyr::from_str(&read(&repo().join(format!("content/sop/{file}")))).unwrap();
        y["steps"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["number"] == n)
            .unwrap()["actors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        actors("23-menaxhimi-i-rastit-nja.yaml", "3.1"),
        ["punonjes-social"]
    );
    assert!(!actors("03-referimi-mbrojtja-asistenca.yaml", "10").contains(&"policia".into()));
    let twelve = actors("07-riintegrimi-afatgjate.yaml", "12");
    assert!(!twelve.contains(&"komisioni-posacem".into()), "{twelve:?}");
    assert!(
        !twelve.contains(&"autoriteti-pergjegjes".into()),
        "{twelve:?}"
    );
    // Nor do their role pages list those steps.
    assert!(!site_page("roli/policia.html").contains("#menaxhimi-i-rastit-nja.3.1\""));
    assert!(!site_page("roli/policia.html").contains("#referimi-mbrojtja-asistenca.10\""));
    assert!(!site_page("roli/komisioni-posacem.html").contains("#riintegrimi-afatgjate.12\""));
}

#[test]
fn the_provider_is_one_role_on_the_register_and_its_card() {
    // Review 5: "Ofruesi i shërbimeve" (S2.1) and "Ofruesi i shërbimit" (S5.3, S6.7, S6.9)
    // are one role; each timing keeps its words.
    let cat = catalog();
    let mut bound = Vec::new();
    for d in cat["deadlines"].as_array().unwrap() {
        let persons = d["timing"]["persons"].as_array().unwrap();
        assert!(
            !persons
                .iter()
                .any(|p| p.as_str().unwrap().starts_with("Ofruesi")),
            "{d}"
        );
        if d["timing"]["actors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "ofruesi-i-sherbimit")
        {
            bound.push(d["owner"].as_str().unwrap().to_string());
        }
    }
    for id in ["S2.1", "S5.3", "S6.7", "S6.9"] {
        assert!(bound.iter().any(|b| b == id), "{id}: {bound:?}");
    }
    let register = site_page("afatet.html");
    assert!(
        register.contains("<option value=\"ofruesi-i-sherbimit\">Ofruesi i shërbimit</option>")
    );
    let card = site_page("roli/ofruesi-i-sherbimit.html");
    for id in ["S2.1", "S5.3", "S6.7", "S6.9"] {
        assert!(card.contains(&format!("id=\"card-{id}\"")), "{id}");
    }
    assert!(unescape(&card).contains("brenda një afati kohor maksimal prej 2-javësh"));
}

#[test]
fn reintegration_s_monthly_report_is_the_case_manager_s() {
    // Review 3: "Punonjësi social ose menaxheri i rastit raporton 1 herë në muaj" (001:1391):
    // the case managers' cards (the social worker, named with no employer, is no role's:
    // review 47a M-3).
    for role in ["menaxheri-i-rastit", "punonjesi-i-rastit"] {
        let page = unescape(&site_page(&format!("roli/{role}.html")));
        let row = page
            .split("id=\"card-riintegrimi-afatgjate.4\"")
            .nth(1)
            .unwrap_or_else(|| panic!("{role}: no card row of the monthly report"))
            .split("</tr>")
            .next()
            .unwrap()
            .to_string();
        assert!(row.contains("raporton 1 herë në muaj"), "{role}: {row}");
        assert!(!page.contains("Ky rol nuk vepron"), "{role}");
    }
    let register = site_page("afatet.html");
    assert!(register.contains("<option value=\"punonjes-social\">"));
}
