//! Procedure diagrams: a swimlane picture of a procedure, laid out by hand and written as
//! inline SVG at build time (no script).
//!
//! One lane (a row) per role that acts; the steps in order, one column each, as boxes in
//! their first actor's lane. A step with several actors links the box to a small tag in each
//! other actor's lane by a dashed line down its column. The deadline in words is on the box,
//! the forms as small tags under it. Long procedures are cut into bands: at every change of
//! the step group (the source's section) and every [`COLUMNS`] steps; each band is its own
//! `<svg>`, holding only the lanes that act in it, so it fits A4 width and a printed page
//! breaks between bands, never through one.
//!
//! Input is a [`Diagram`] built by the views from the model; every word in it is already
//! in the reader's language.

use std::fmt::Write as _;

/// Width of a band in SVG units (about screen pixels; 182 mm on A4).
pub const WIDTH: u32 = 800;
/// Steps per band at most.
pub const COLUMNS: usize = 4;
const LABEL_W: u32 = 150;
const COL_W: u32 = (WIDTH - LABEL_W) / COLUMNS as u32;
const GAP: u32 = 16;
const BOX_W: u32 = COL_W - GAP;
const PAD: u32 = 6;
const LINE: u32 = 14;
const LANE_PAD: u32 = 5;
/// Line height of a lane's title.
const LABEL_LINE: u32 = 12;
/// Height of a tag of a co-acting role in its lane.
const TAG_H: u32 = 22;
/// Lines of a step's action and of its deadline, at most.
const ACTION_LINES: usize = 4;
const DEADLINE_LINES: usize = 2;
/// Characters per line, from the average width of a sans-serif letter (0.55 em).
const BOX_CHARS: usize = ((BOX_W - 2 * PAD) as f32 / (12.0 * 0.55)) as usize;
const DEADLINE_CHARS: usize = ((BOX_W - 2 * PAD) as f32 / (11.0 * 0.55)) as usize;
const LABEL_CHARS: usize = ((LABEL_W - 2 * PAD) as f32 / (10.0 * 0.58)) as usize;

/// A procedure as the diagram sees it.
#[derive(Debug, Clone)]
pub struct Diagram {
    /// The procedure's id: the prefix of every id in its bands.
    pub id: String,
    pub title: String,
    /// Every role that can act, by id (the diagram keeps those that do).
    pub lanes: Vec<Lane>,
    pub steps: Vec<Node>,
}

#[derive(Debug, Clone)]
pub struct Lane {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone)]
pub struct Node {
    pub number: String,
    /// The step's group (its section in the source), if any.
    pub group: Option<String>,
    /// What is done, in words (the step's title or first sentence).
    pub action: String,
    /// Role ids, the first one leading; none puts the step in the lane of no one.
    pub actors: Vec<String>,
    /// By when, in words.
    pub deadline: Option<String>,
    /// Form labels (codes).
    pub forms: Vec<String>,
}

/// The words a diagram needs from the pack.
#[derive(Debug, Clone)]
pub struct Words {
    /// "Hapi".
    pub step: String,
    /// Title of a band: `{procedure}`, `{part}`, `{steps}`.
    pub band_title: String,
    /// "Hapat {from}–{to}" (`{from}`, `{to}`); a band of one step uses `step`.
    pub steps: String,
    /// The lane of steps that name no actor.
    pub no_actor: String,
}

/// One band: an `<svg>` of its own.
#[derive(Debug, Clone)]
pub struct Band {
    pub id: String,
    /// The band's step group and step range, in words.
    pub caption: String,
    /// Lane titles, top to bottom.
    pub lanes: Vec<String>,
    /// Step numbers, left to right.
    pub steps: Vec<String>,
    pub svg: String,
}

/// The bands of a procedure's diagram: cut at every group change and every `COLUMNS` steps,
/// a group's steps spread evenly over its bands.
pub fn layout(d: &Diagram, w: &Words) -> Vec<Band> {
    // Lanes in the order roles first act; the lane of no one last.
    let mut order: Vec<&str> = Vec::new();
    for s in &d.steps {
        let ids: Vec<&str> = if s.actors.is_empty() {
            vec![""]
        } else {
            s.actors.iter().map(String::as_str).collect()
        };
        for id in ids {
            if !order.contains(&id) {
                order.push(id);
            }
        }
    }
    if let Some(i) = order.iter().position(|id| id.is_empty()) {
        let none = order.remove(i);
        order.push(none);
    }
    let title_of = |id: &str| -> String {
        if id.is_empty() {
            return w.no_actor.clone();
        }
        d.lanes
            .iter()
            .find(|l| l.id == id)
            .map_or_else(|| id.to_string(), |l| l.title.clone())
    };

    // Runs of steps under one group, then bands within each run.
    let mut runs: Vec<(Option<&String>, Vec<&Node>)> = Vec::new();
    for s in &d.steps {
        match runs.last_mut() {
            Some((g, v)) if *g == s.group.as_ref() => v.push(s),
            _ => runs.push((s.group.as_ref(), vec![s])),
        }
    }
    let mut bands = Vec::new();
    for (group, steps) in runs {
        let n = steps.len().div_ceil(COLUMNS);
        let per = steps.len().div_ceil(n);
        for chunk in steps.chunks(per) {
            let index = bands.len() + 1;
            bands.push(band(d, w, &order, &title_of, group, chunk, index));
        }
    }
    bands
}

fn band(
    d: &Diagram,
    w: &Words,
    order: &[&str],
    title_of: &dyn Fn(&str) -> String,
    group: Option<&String>,
    steps: &[&Node],
    index: usize,
) -> Band {
    let id = format!("{}-diagram-{index}", d.id);
    let lanes: Vec<&str> = order
        .iter()
        .copied()
        .filter(|l| steps.iter().any(|s| lane_ids(s).contains(l)))
        .collect();
    let range = match (steps.first(), steps.last()) {
        (Some(a), Some(b)) if a.number != b.number => w
            .steps
            .replace("{from}", &a.number)
            .replace("{to}", &b.number),
        (Some(a), _) => format!("{} {}", w.step, a.number),
        _ => String::new(),
    };
    let caption = match group {
        Some(g) => format!("{g} — {range}"),
        None => range,
    };
    let title = w
        .band_title
        .replace("{procedure}", &d.title)
        .replace("{part}", &caption);

    // The boxes: their lines, and the height of each.
    let boxes: Vec<BoxText> = steps.iter().map(|s| box_text(s, w)).collect();
    // Lane heights: the tallest box led in the lane, a tag, or the lane's title.
    let labels: Vec<Vec<String>> = lanes
        .iter()
        .map(|l| {
            let lines = wrap(&title_of(l), LABEL_CHARS, 3);
            if lines.is_empty() {
                vec![String::new()]
            } else {
                lines
            }
        })
        .collect();
    let heights: Vec<u32> = lanes
        .iter()
        .zip(&labels)
        .map(|(l, label)| {
            let mut h = label.len() as u32 * LABEL_LINE + PAD;
            for (s, b) in steps.iter().zip(&boxes) {
                let ids = lane_ids(s);
                if ids.first() == Some(l) {
                    h = h.max(b.height);
                } else if ids.contains(l) {
                    h = h.max(TAG_H);
                }
            }
            h + 2 * LANE_PAD
        })
        .collect();
    let mut tops = Vec::with_capacity(lanes.len());
    let mut y = 0;
    for h in &heights {
        tops.push(y);
        y += h;
    }
    let height = y.max(1);

    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="diagram" id="{id}" role="img" aria-labelledby="{id}-t" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" xmlns="http://www.w3.org/2000/svg"><title id="{id}-t">{}</title>"#,
        esc(&title)
    );
    let _ = write!(
        svg,
        r#"<defs><marker id="{id}-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L8,4 L0,8 z" class="dg-arrowhead"/></marker></defs>"#
    );
    // Lanes: a band of colour each, the role's title at the left.
    for (i, (top, h)) in tops.iter().zip(&heights).enumerate() {
        let _ = write!(
            svg,
            r#"<rect class="dg-lane{}" x="0" y="{top}" width="{WIDTH}" height="{h}"/>"#,
            if i % 2 == 1 { " dg-lane-alt" } else { "" }
        );
        let lines = &labels[i];
        let ty = top + h / 2 + LABEL_LINE / 2 - 2 - (lines.len() as u32 - 1) * LABEL_LINE / 2;
        let _ = write!(svg, r#"<text class="dg-lane-title" x="{PAD}" y="{ty}">"#);
        for (k, line) in lines.iter().enumerate() {
            let dy = if k == 0 { 0 } else { LABEL_LINE };
            let _ = write!(svg, r#"<tspan x="{PAD}" dy="{dy}">{}</tspan>"#, esc(line));
        }
        svg.push_str("</text>");
    }
    let _ = write!(
        svg,
        r#"<line class="dg-divider" x1="{LABEL_W}" y1="0" x2="{LABEL_W}" y2="{height}"/>"#
    );
    let lane_top = |l: &str| -> (u32, u32) {
        let i = lanes.iter().position(|x| *x == l).unwrap_or(0);
        (tops[i], heights[i])
    };
    // Where each step's box sits: (x, y, height).
    let mut placed: Vec<(u32, u32, u32)> = Vec::new();
    for (c, (s, b)) in steps.iter().zip(&boxes).enumerate() {
        let x = LABEL_W + c as u32 * COL_W + GAP / 2;
        let ids = lane_ids(s);
        let (top, h) = lane_top(ids[0]);
        let by = top + (h - b.height) / 2;
        // Co-acting roles: a tag in their lane, linked by a dashed line to the box.
        for other in &ids[1..] {
            let (ot, oh) = lane_top(other);
            let ty = ot + (oh - TAG_H) / 2;
            let cx = x + BOX_W / 2;
            let (y1, y2) = if ty > by {
                (by + b.height, ty)
            } else {
                (ty + TAG_H, by)
            };
            let _ = write!(
                svg,
                r#"<line class="dg-link" x1="{cx}" y1="{y1}" x2="{cx}" y2="{y2}"/><rect class="dg-tag" x="{x}" y="{ty}" width="{BOX_W}" height="{TAG_H}" rx="11"/><text class="dg-tag-text" x="{cx}" y="{}" text-anchor="middle">{}</text>"#,
                ty + 15,
                esc(&format!("{} {}", w.step, s.number))
            );
        }
        let _ = write!(
            svg,
            r#"<rect class="dg-box" x="{x}" y="{by}" width="{BOX_W}" height="{}" rx="4"/>"#,
            b.height
        );
        let tx = x + PAD;
        let mut ly = by + PAD + 11;
        let _ = write!(
            svg,
            r#"<text class="dg-num" x="{tx}" y="{ly}">{}</text>"#,
            esc(&format!("{} {}", w.step, s.number))
        );
        if !b.action.is_empty() {
            let _ = write!(svg, r#"<text class="dg-action" x="{tx}" y="{ly}">"#);
            for line in &b.action {
                let _ = write!(svg, r#"<tspan x="{tx}" dy="{LINE}">{}</tspan>"#, esc(line));
            }
            svg.push_str("</text>");
            ly += LINE * b.action.len() as u32;
        }
        if !b.deadline.is_empty() {
            let _ = write!(svg, r#"<text class="dg-deadline" x="{tx}" y="{ly}">"#);
            for line in &b.deadline {
                let _ = write!(svg, r#"<tspan x="{tx}" dy="{LINE}">{}</tspan>"#, esc(line));
            }
            svg.push_str("</text>");
            ly += LINE * b.deadline.len() as u32;
        }
        if !b.forms.is_empty() {
            let mut fx = tx;
            let fy = ly + 5;
            let mut row_y = fy;
            for f in &b.forms {
                let fw = (f.chars().count() as u32 * 6 + 8).min(BOX_W - 2 * PAD);
                if fx + fw > x + BOX_W - PAD && fx > tx {
                    fx = tx;
                    row_y += 17;
                }
                let _ = write!(
                    svg,
                    r#"<rect class="dg-form" x="{fx}" y="{row_y}" width="{fw}" height="14" rx="2"/><text class="dg-form-text" x="{}" y="{}">{}</text>"#,
                    fx + 4,
                    row_y + 11,
                    esc(f)
                );
                fx += fw + 4;
            }
        }
        placed.push((x, by, b.height));
    }
    // The order of the steps: an arrow from each box to the next.
    for pair in placed.windows(2) {
        let (x1, y1, h1) = pair[0];
        let (x2, y2, h2) = pair[1];
        let (ya, yb) = (y1 + h1.min(40) / 2, y2 + h2.min(40) / 2);
        let xr = x1 + BOX_W;
        let xm = xr + GAP / 2;
        let _ = write!(
            svg,
            r#"<path class="dg-flow" d="M{xr},{ya} H{xm} V{yb} H{}" marker-end="url(#{id}-arrow)"/>"#,
            x2 - 1
        );
    }
    svg.push_str("</svg>");
    Band {
        id,
        caption,
        lanes: lanes.iter().map(|l| title_of(l)).collect(),
        steps: steps.iter().map(|s| s.number.clone()).collect(),
        svg,
    }
}

/// A step's lanes: its actors, or the lane of no one.
fn lane_ids(s: &Node) -> Vec<&str> {
    if s.actors.is_empty() {
        vec![""]
    } else {
        let mut v: Vec<&str> = Vec::new();
        for a in &s.actors {
            if !v.contains(&a.as_str()) {
                v.push(a);
            }
        }
        v
    }
}

struct BoxText {
    action: Vec<String>,
    deadline: Vec<String>,
    forms: Vec<String>,
    height: u32,
}

fn box_text(s: &Node, _w: &Words) -> BoxText {
    let action = wrap(&s.action, BOX_CHARS, ACTION_LINES);
    let deadline = s
        .deadline
        .as_deref()
        .map(|d| wrap(d, DEADLINE_CHARS, DEADLINE_LINES))
        .unwrap_or_default();
    // Rows of form tags, as they are placed.
    let mut rows = 0;
    let mut used = u32::MAX;
    for f in &s.forms {
        let fw = (f.chars().count() as u32 * 6 + 8).min(BOX_W - 2 * PAD);
        if used == u32::MAX || used + fw > BOX_W - 2 * PAD {
            rows += 1;
            used = fw + 4;
        } else {
            used += fw + 4;
        }
    }
    let height = PAD
        + LINE
        + LINE * (action.len() + deadline.len()) as u32
        + if rows > 0 { 5 + rows * 17 } else { 0 }
        + PAD
        + 2;
    BoxText {
        action,
        deadline,
        forms: s.forms.clone(),
        height,
    }
}

/// Words into at most `lines` lines of at most `width` characters; what does not fit ends
/// in "…". A word longer than a line is cut.
pub fn wrap(text: &str, width: usize, lines: usize) -> Vec<String> {
    // Pieces and whether a space goes before each: a long word breaks after a "/".
    let mut pieces: Vec<(String, bool)> = Vec::new();
    for word in text.split_whitespace() {
        if word.chars().count() > width && word.contains('/') {
            let parts: Vec<&str> = word.split_inclusive('/').collect();
            for (k, part) in parts.iter().enumerate() {
                pieces.push((part.to_string(), k == 0));
            }
        } else {
            pieces.push((word.to_string(), true));
        }
    }
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut cut = false;
    for (piece, spaced) in &pieces {
        let piece: String = if piece.chars().count() > width {
            piece.chars().take(width - 1).chain(['…']).collect()
        } else {
            piece.clone()
        };
        let len = cur.chars().count();
        let gap = usize::from(*spaced);
        if len == 0 {
            cur = piece;
        } else if len + gap + piece.chars().count() <= width {
            if *spaced {
                cur.push(' ');
            }
            cur.push_str(&piece);
        } else {
            out.push(std::mem::take(&mut cur));
            if out.len() == lines {
                cut = true;
                break;
            }
            cur = piece;
        }
    }
    if !cur.is_empty() && out.len() < lines {
        out.push(cur);
    }
    if cut && let Some(last) = out.last_mut() {
        while last.chars().count() + 1 > width {
            if let Some((head, _)) = last.rsplit_once(' ') {
                *last = head.to_string();
            } else {
                last.pop();
            }
        }
        last.push('…');
    }
    out
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> Words {
        Words {
            step: "Step".into(),
            band_title: "Diagram of {procedure}: {part}".into(),
            steps: "Steps {from}–{to}".into(),
            no_actor: "No one named".into(),
        }
    }

    fn node(n: u32, group: Option<&str>, actors: &[&str]) -> Node {
        Node {
            number: n.to_string(),
            group: group.map(str::to_string),
            action: format!("Do thing <{n}> & report it to the others in writing"),
            actors: actors.iter().map(|a| a.to_string()).collect(),
            deadline: n.is_multiple_of(2).then(|| "within 24 hours".to_string()),
            forms: if n.is_multiple_of(3) {
                vec!["MR1".into(), "MR2".into()]
            } else {
                vec![]
            },
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
            bands[0].svg.contains(
                "<title id=\"p-diagram-1-t\">Diagram of P &amp; Q: A — Steps 1–2</title>"
            )
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
        assert_eq!(
            wrap("Agjencitë/institucionet përgjegjëse", 20, 3),
            ["Agjencitë/", "institucionet", "përgjegjëse"]
        );
    }
}
