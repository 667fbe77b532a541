//! The diagram's layout and drawing.

use super::*;

fn words() -> Words {
    Words {
        band_title: "Diagram of {procedure}: {part}".into(),
        steps: "Steps {from}–{to}".into(),
        steps_printed: "{from}–{to}".into(),
        no_actor: "No one named".into(),
        group_steps: "{group} — {steps}".into(),
        steps_list: "Steps {steps}".into(),
        separator: ", ".into(),
        returns: "Back to {step}: {words}".into(),
    }
}

fn node(n: u32, group: Option<&str>, actors: &[&str]) -> Node {
    Node {
        number: n.to_string(),
        label: format!("Step {n}"),
        printed: None,
        group: group.map(str::to_string),
        action: format!("Do thing <{n}> & report it to the others in writing"),
        actors: actors.iter().map(|a| a.to_string()).collect(),
        deadline: n.is_multiple_of(2).then(|| "within 24 hours".to_string()),
        forms: if n.is_multiple_of(3) {
            vec!["MR1".into(), "MR2".into()]
        } else {
            vec![]
        },
        url: format!("procedura/p.html#p.{n}"),
        alternative: false,
        parallel: false,
        follows: None,
        free: false,
        returns_to: None,
    }
}

fn diagram(steps: Vec<Node>) -> Diagram {
    Diagram {
        id: "p".into(),
        title: "P & Q".into(),
        lanes: ["a", "b", "c"]
            .iter()
            .map(|id| Lane {
                id: id.to_string(),
                title: format!("Role {id}"),
            })
            .collect(),
        steps,
    }
}

/// Every tag closed in order, every attribute quoted: a small well-formedness check.
fn well_formed(svg: &str) {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find('<') {
        let text = &rest[..i];
        assert!(!text.contains('>'), "a stray > in text: {text}");
        for (k, _) in text.match_indices('&') {
            let ent = &text[k..];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;"]
                    .iter()
                    .any(|e| ent.starts_with(e)),
                "a bare & in {text}"
            );
        }
        let end = rest[i..].find('>').expect("every tag ends") + i;
        let tag = &rest[i + 1..end];
        assert!(!tag.contains('<'), "a < inside a tag: {tag}");
        assert_eq!(tag.matches('"').count() % 2, 0, "quotes pair in {tag}");
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop().as_deref(), Some(name), "closing {name}");
        } else if !tag.ends_with('/') {
            let name = tag.split_whitespace().next().unwrap().to_string();
            stack.push(name);
        }
        rest = &rest[end + 1..];
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

#[test]
fn every_step_is_drawn_once_with_one_lane_per_acting_role() {
    let d = diagram(vec![
        node(1, Some("A"), &["a"]),
        node(2, Some("A"), &["b", "a"]),
        node(3, Some("B"), &["c"]),
        node(4, Some("B"), &[]),
    ]);
    let bands = layout(&d, &words());
    assert_eq!(bands.len(), 2, "one band per group");
    assert_eq!(bands[0].lanes, ["Role a", "Role b"]);
    assert_eq!(bands[1].lanes, ["Role c", "No one named"]);
    let steps: Vec<&String> = bands.iter().flat_map(|b| &b.steps).collect();
    assert_eq!(steps, ["1", "2", "3", "4"]);
    for b in &bands {
        well_formed(&b.svg);
        assert_eq!(b.svg.matches("class=\"dg-box\"").count(), b.steps.len());
        assert_eq!(
            b.svg.matches("<rect class=\"dg-lane").count(),
            b.lanes.len()
        );
        assert!(b.svg.contains("&lt;1&gt; &amp;") || b.svg.contains("&lt;3&gt; &amp;"));
    }
    // Step 2 acts in two lanes: a box in b's lane, a tag and a link in a's.
    assert_eq!(bands[0].svg.matches("class=\"dg-tag\"").count(), 1);
    assert_eq!(bands[0].svg.matches("class=\"dg-link\"").count(), 1);
    assert!(bands[0].svg.contains("within 24 hours"));
    assert!(bands[1].svg.contains(">MR1<") && bands[1].svg.contains(">MR2<"));
    assert_eq!(bands[0].caption, "A — Steps 1–2");
    assert!(
        bands[0]
            .svg
            .contains("<title id=\"p-diagram-1-t\">Diagram of P &amp; Q: A — Steps 1–2</title>")
    );
}

#[test]
fn long_runs_wrap_into_even_bands_that_fit_the_width() {
    let d = diagram((1..=10).map(|n| node(n, None, &["a"])).collect());
    let bands = layout(&d, &words());
    let sizes: Vec<usize> = bands.iter().map(|b| b.steps.len()).collect();
    assert_eq!(sizes, [4, 4, 2]);
    let d = diagram((1..=9).map(|n| node(n, None, &["a", "c"])).collect());
    let sizes: Vec<usize> = layout(&d, &words()).iter().map(|b| b.steps.len()).collect();
    assert_eq!(sizes, [3, 3, 3]);
    for b in layout(&d, &words()) {
        well_formed(&b.svg);
        // Nothing drawn past the right edge.
        for part in b.svg.split(" x=\"").skip(1) {
            let x: u32 = part.split('"').next().unwrap().parse().unwrap();
            assert!(x < WIDTH, "x={x}");
        }
    }
}

#[test]
fn wrap_keeps_to_the_width_and_marks_a_cut() {
    assert_eq!(wrap("one two three", 7, 3), ["one two", "three"]);
    let w = wrap("aaaa bbbb cccc dddd eeee", 9, 2);
    assert_eq!(w.len(), 2);
    assert!(w[1].ends_with('…'), "{w:?}");
    assert!(w.iter().all(|l| l.chars().count() <= 9), "{w:?}");
    assert_eq!(wrap("", 9, 2), Vec::<String>::new());
    assert_eq!(wrap("abcdefghijk", 5, 1), ["abcd…"]);
    // A long word breaks across lines where the lines are there: nothing is cut.
    assert_eq!(wrap("abcdefghijk", 5, usize::MAX), ["abcde", "fghij", "k"]);
    assert_eq!(
        wrap("Agjencitë/institucionet përgjegjëse", 20, 3),
        ["Agjencitë/", "institucionet", "përgjegjëse"]
    );
}

#[test]
fn every_box_is_whole_and_a_link_to_its_step_and_alternatives_branch() {
    let long = "Një veprim shumë i gjatë që nuk mund të hyjë në katër rreshta të kutisë, sepse \
                vazhdon e vazhdon me fjalë të tjera derisa të mbushë shumë më tepër se sa ka \
                vend, dhe prapë duhet të lexohet i tëri, pa asnjë shkurtim në fund";
    let mut a = node(1, None, &["a"]);
    a.action = long.into();
    a.forms = vec!["Një formular pa kod me një titull shumë të gjatë për një etiketë".into()];
    let b = node(2, None, &["a"]);
    let mut c = node(3, None, &["a"]);
    c.alternative = true;
    let bands = layout(&diagram(vec![a, b, c]), &words());
    let svg = &bands[0].svg;
    well_formed(svg);
    assert!(!svg.contains('…'), "nothing cut: {svg}");
    for word in ["shkurtim", "fund", "etiketë"] {
        assert!(svg.contains(word), "{word}");
    }
    for n in 1..=3 {
        assert!(svg.contains(&format!(
            "<a class=\"dg-step-link\" href=\"{ROOT}procedura/p.html#p.{n}\">"
        )));
    }
    assert_eq!(svg.matches("class=\"dg-box dg-alt\"").count(), 1);
    // Two arrows, both from step 1: to step 2 and to its alternative, step 3.
    let flows: Vec<&str> = svg.split("class=\"dg-flow\" d=\"M").skip(1).collect();
    assert_eq!(flows.len(), 2);
    let start = |f: &str| f.split(',').next().unwrap().to_string();
    assert_eq!(start(flows[0]), start(flows[1]), "both leave step 1");
}

#[test]
fn a_step_beside_the_one_before_it_branches_in_a_plain_box() {
    let a = node(1, None, &["a"]);
    let b = node(2, None, &["a"]);
    let mut c = node(3, None, &["a"]);
    c.parallel = true;
    let d = node(4, None, &["a"]);
    let bands = layout(&diagram(vec![a, b, c, d]), &words());
    let svg = &bands[0].svg;
    well_formed(svg);
    assert!(!svg.contains("dg-alt"), "not dashed: {svg}");
    // Three arrows: 1 → 2 and 1 → 3 side by side, then 3 → 4; none from 2 to 3.
    let flows: Vec<&str> = svg.split("class=\"dg-flow\" d=\"M").skip(1).collect();
    assert_eq!(flows.len(), 3);
    let start = |f: &str| f.split(',').next().unwrap().to_string();
    assert_eq!(start(flows[0]), start(flows[1]), "both leave step 1");
    assert_ne!(start(flows[1]), start(flows[2]));
}

#[test]
fn a_branch_past_a_sibling_in_the_same_lane_does_not_run_through_it() {
    // 1, then 2 and 3 as alternatives, all in lane "a": the arrow to 3 must not cross the
    // box of 2 (it would read 1 → 2 → 3).
    let a = node(1, None, &["a"]);
    let b = node(2, None, &["a"]);
    let mut c = node(3, None, &["a"]);
    c.alternative = true;
    let bands = layout(&diagram(vec![a, b, c]), &words());
    let svg = &bands[0].svg;
    well_formed(svg);
    // The box of step 2: x, y, width, height.
    let rect = svg
        .split("href=\"@@ROOT@@procedura/p.html#p.2\"><rect ")
        .nth(1)
        .unwrap();
    let num = |k: &str| -> i64 {
        rect.split(&format!(" {k}=\""))
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    let (bx, by, bw, bh) = (num("x"), num("y"), num("width"), num("height"));
    // Walk the arrow to step 3 (the second): no segment inside the box.
    let d = svg
        .split("class=\"dg-flow\" d=\"")
        .nth(2)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let (mut x, mut y) = (0i64, 0i64);
    for part in d.split(' ') {
        let (cmd, v) = part.split_at(1);
        match cmd {
            "M" => {
                let (a, b) = v.split_once(',').unwrap();
                x = a.parse().unwrap();
                y = b.parse().unwrap();
            }
            "H" => {
                let nx: i64 = v.parse().unwrap();
                let (lo, hi) = (x.min(nx), x.max(nx));
                assert!(
                    !(y > by && y < by + bh && hi > bx && lo < bx + bw),
                    "{d} crosses step 2"
                );
                x = nx;
            }
            "V" => {
                let ny: i64 = v.parse().unwrap();
                let (lo, hi) = (y.min(ny), y.max(ny));
                assert!(
                    !(x > bx && x < bx + bw && hi > by && lo < by + bh),
                    "{d} crosses step 2"
                );
                y = ny;
            }
            _ => panic!("{d}"),
        }
    }
}

#[test]
fn a_step_following_a_later_one_is_drawn_after_it_and_a_free_step_apart() {
    // Formal identification 15-20 (001:892-925): the court appeal (16) follows the
    // Commission's decision (20); the members' order (17) follows nothing.
    let g = Some("appeal");
    let mut steps: Vec<Node> = (15..=20).map(|n| node(n, g, &["a"])).collect();
    steps[1].follows = Some("20".into());
    steps[2].free = true;
    let bands = layout(&diagram(steps), &words());
    let order: Vec<&str> = bands
        .iter()
        .flat_map(|b| b.steps.iter().map(String::as_str))
        .collect();
    assert_eq!(order, ["15", "18", "19", "20", "16", "17"]);
    // Named one by one where not a printed run; a printed run keeps its range.
    assert_eq!(bands[0].caption, "appeal — Steps 15, 18, 19");
    let svg = &bands[1].svg;
    well_formed(svg);
    // 20 → 16, and no arrow in or out of 17.
    let flows: Vec<&str> = svg.split("class=\"dg-flow\" d=\"M").skip(1).collect();
    assert_eq!(flows.len(), 1, "{svg}");
}

#[test]
fn a_return_goes_back_under_the_lanes_with_its_words() {
    let mut steps: Vec<Node> = (4..=7).map(|n| node(n, None, &["a"])).collect();
    steps[2].returns_to = Some(("4".into(), "„revise the plan“".into()));
    let bands = layout(&diagram(steps), &words());
    let svg = &bands[0].svg;
    well_formed(svg);
    assert_eq!(svg.matches("dg-return\"").count(), 1, "{svg}");
    assert!(svg.contains("Back to Step 4: „revise the plan“"), "{svg}");
    // The forward chain is untouched: 4 → 5 → 6 → 7.
    assert_eq!(svg.matches("class=\"dg-flow\" d=\"M").count(), 3);
}

#[test]
fn cases_that_branch_from_no_step_of_the_band_have_no_arrow() {
    // 22's three routes (002:610): the first step of the band is the first case; the
    // others are not its sequels, so no arrow reaches them (reading 47a, M-6).
    let a = node(1, None, &["a"]);
    let mut b = node(2, None, &["a"]);
    b.alternative = true;
    let mut c = node(3, None, &["b"]);
    c.alternative = true;
    let bands = layout(&diagram(vec![a, b, c]), &words());
    let svg = &bands[0].svg;
    well_formed(svg);
    assert_eq!(svg.matches("class=\"dg-box dg-alt\"").count(), 2);
    assert!(!svg.contains("class=\"dg-flow\""), "{svg}");
}
