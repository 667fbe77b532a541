//! The trainer's kit on the shipped handbook: every procedure's diagram is well-formed SVG
//! with every step and one lane per acting role (split from `training`).

use std::collections::BTreeSet;

use super::training::{procedures, role_titles, strings};
use crate::common::pdf::letters;
use crate::common::*;

/// The diagram bands (`<svg class="diagram">`) of a page.
fn svgs(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    // The bands, not the strips of lane titles kept in view beside them (`diagram-lanes`).
    while let Some(i) = rest.find("<svg class=\"diagram\"") {
        let end = rest[i..].find("</svg>").expect("every svg ends") + i + "</svg>".len();
        out.push(&rest[i..end]);
        rest = &rest[end..];
    }
    out
}

/// Parse an SVG as XML (panics where it is not well-formed); the text of each element
/// with a class, by class, one entry per element (`tspan` lines joined by a space).
fn svg_texts(svg: &str) -> Vec<(String, String)> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(svg);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Option<String>> = Vec::new();
    let mut out: Vec<(String, String)> = Vec::new();
    let mut open_text: Option<usize> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                let class = e
                    .try_get_attribute("class")
                    .unwrap()
                    .map(|a| a.value.to_string());
                let qname = e.name();
                let name: &str = qname.as_ref();
                if name == "tspan"
                    && let Some(i) = open_text
                {
                    let cur = &mut out[i].1;
                    if !cur.is_empty() && !cur.ends_with('/') {
                        cur.push(' ');
                    }
                }
                if name == "text"
                    && let Some(c) = &class
                {
                    out.push((c.clone(), String::new()));
                    open_text = Some(out.len() - 1);
                }
                stack.push(class);
            }
            Ok(Event::End(e)) => {
                stack.pop();
                let qname = e.name();
                let name: &str = qname.as_ref();
                if name == "text" {
                    open_text = None;
                }
            }
            Ok(Event::Text(t)) => {
                if let Some(i) = open_text {
                    out[i].1.push_str(&t.into_inner());
                }
            }
            Ok(Event::GeneralRef(r)) => {
                if let Some(i) = open_text {
                    let name: &str = &r.into_inner();
                    let c = match name {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        other => panic!("an unknown entity &{other};"),
                    };
                    out[i].1.push(c);
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("the SVG is not well-formed XML: {e}\n{svg}"),
        }
    }
    assert!(stack.is_empty(), "every element closed");
    out
}

#[test]
fn every_procedure_has_a_well_formed_diagram_with_every_step_and_one_lane_per_acting_role() {
    let site = shipped_site().join("site");
    let titles = role_titles();
    let ui: std::collections::HashMap<String, String> =
        toml::from_str(&read(&repo().join("theme/locales/sq.toml"))).unwrap();
    let mut report = Vec::new();
    for (id, p) in procedures() {
        let html = read(&site.join(format!("procedura/{id}.html")));
        let bands = svgs(&html);
        assert!(!bands.is_empty(), "{id}: a diagram");
        let mut boxes: Vec<String> = Vec::new();
        let mut lanes: BTreeSet<String> = BTreeSet::new();
        for svg in &bands {
            // A group with a name (its boxes are links, which an image would hide).
            assert!(
                svg.contains(r#"role="group""#) && svg.contains("aria-labelledby="),
                "{id}: the diagram is a group with a name"
            );
            // Every box whole and a link to its step (issue 25).
            for b in svg.split("<a class=\"dg-step-link\" href=\"").skip(1) {
                let href = b.split('"').next().unwrap();
                assert!(
                    href.starts_with(&format!("{id}.html#{id}."))
                        || href.contains(&format!("procedura/{id}.html#{id}.")),
                    "{id}: a box links to its step: {href}"
                );
                let body = b.split("</a>").next().unwrap();
                // (A quote that leaves words out, " … " between words, is the content's:
                // 03 step 8's "APAP-i … nëse …", task c51; a cut line ends in "…".)
                let text = crate::common::plain(body).replace(" … ", " ");
                assert!(!text.contains('…'), "{id}: a box cut short: {body}");
            }
            assert_eq!(
                svg.matches("<a class=\"dg-step-link\"").count(),
                svg.matches("class=\"dg-box").count(),
                "{id}: every box a link"
            );
            for (class, text) in svg_texts(svg) {
                match class.as_str() {
                    "dg-num" => boxes.push(text),
                    "dg-lane-title" => {
                        lanes.insert(letters(&text));
                    }
                    _ => {}
                }
            }
        }
        let steps = p["steps"].as_array().unwrap();
        let sequenced = steps.iter().any(|s| s["printed"].as_str().is_none());
        let label = |s: &serde_json::Value| {
            let n = s["number"].as_str().unwrap();
            // Named as printed ("ç)", "1.") where the source numbers or letters it, its N
            // beside it where other steps are "Hapi N" (review 43 L7).
            match s["printed"].as_str() {
                Some(printed) if sequenced => ui["step_printed_numbered"]
                    .replace("{label}", printed)
                    .replace("{number}", n),
                Some(printed) => printed.to_string(),
                None => ui["step_number"].replace("{number}", n),
            }
        };
        let expected: Vec<String> = steps.iter().map(label).collect();
        let mut all = (boxes.clone(), expected.clone());
        all.0.sort();
        all.1.sort();
        assert_eq!(all.0, all.1, "{id}: every step, once");
        // In printed order, but for a step the source's logic moves (`follows:` a later
        // step, or `free:` of any: review 43 L11).
        let moved: Vec<String> = steps
            .iter()
            .filter(|s| s.get("follows").is_some() || s.get("free").is_some())
            .map(label)
            .collect();
        let kept = |v: &[String]| -> Vec<String> {
            v.iter().filter(|b| !moved.contains(b)).cloned().collect()
        };
        assert_eq!(kept(&boxes), kept(&expected), "{id}: every step in order");
        let mut acting: BTreeSet<String> = BTreeSet::new();
        for s in steps {
            let actors = strings(&s["actors"]);
            // Persons named in the source's words lead a lane of their own, titled with
            // them (referral 2.2's group, task c51); a step with neither is no one's.
            let persons = strings(&s["persons"]);
            if !persons.is_empty() {
                acting.insert(letters(&persons.join("; ")));
            } else if actors.is_empty() {
                acting.insert(letters(&ui["diagram_no_actor"]));
            }
            for a in actors {
                acting.insert(letters(&titles[&a]));
            }
        }
        // A lane's title may be cut short ("…") when it is long: its start must match.
        for want in &acting {
            assert!(
                lanes
                    .iter()
                    .any(|l| l == want || (l.len() >= 30 && want.starts_with(l.as_str()))),
                "{id}: a lane for {want}; lanes {lanes:?}"
            );
        }
        report.push(format!(
            "{id}: {} steps, {} bands, {} roles",
            steps.len(),
            bands.len(),
            acting.len()
        ));
    }
    eprintln!("{}", report.join("\n"));
}
