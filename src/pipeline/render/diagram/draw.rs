//! Drawing one band of a diagram as SVG: the lanes, the boxes (each a link to its step),
//! the tags of co-acting roles and the arrows of the flow.

use std::fmt::Write as _;

use super::text::{BoxText, box_text, esc, lane_ids, tag_width, wrap};
use super::*;

pub(super) fn band(
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
    // A band that is not one run of the printed order names its steps one by one.
    let at = |s: &Node| d.steps.iter().position(|o| o.number == s.number);
    let printed_run = steps
        .windows(2)
        .all(|p| at(p[0]).map(|i| i + 1) == at(p[1]));
    // The band's steps as printed: "Hapat 4–6", or "a)–c)" where the source letters them.
    let range = match (steps.first(), steps.last()) {
        // Steps the source's logic orders apart from print ("Hapat 15, 18, 19"): each named.
        (Some(_), Some(_)) if !printed_run => w.steps_list.replace(
            "{steps}",
            &steps
                .iter()
                .map(|s| s.printed.clone().unwrap_or_else(|| s.number.clone()))
                .collect::<Vec<_>>()
                .join(&w.separator),
        ),
        (Some(a), Some(b)) if a.number != b.number => match (&a.printed, &b.printed) {
            (None, None) => w
                .steps
                .replace("{from}", &a.number)
                .replace("{to}", &b.number),
            _ => w
                .steps_printed
                .replace("{from}", a.printed.as_ref().unwrap_or(&a.label))
                .replace("{to}", b.printed.as_ref().unwrap_or(&b.label)),
        },
        (Some(a), _) => a.label.clone(),
        _ => String::new(),
    };
    let caption = match group {
        // A heading the source prints with the step's own number ("2. Shtimi gradual …"):
        // the number stands once, in the heading.
        Some(g) if steps.len() == 1 && g.starts_with(&format!("{range} ")) => g.clone(),
        Some(g) => w
            .group_steps
            .replace("{group}", g)
            .replace("{steps}", &range),
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
            // A lane's title whole (a role's, or persons named in the source's words): the
            // lane grows to hold its lines, never cut with "…".
            let lines = wrap(&title_of(l), LABEL_CHARS, usize::MAX);
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
    let lanes_bottom = y;
    // Return arrows (a step that sends the case back to an earlier one of the band): under
    // the lanes, each with its words wrapped between the two columns.
    let returns: Vec<(usize, usize, Vec<String>)> = steps
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let (to, words) = s.returns_to.as_ref()?;
            let j = steps[..i].iter().position(|o| &o.number == to)?;
            let text = w
                .returns
                .replace("{step}", &steps[j].label)
                .replace("{words}", words);
            let width = (i - j) as u32 * COL_W - GAP;
            let chars = (width as f32 / (11.0 * 0.62)) as usize;
            Some((i, j, wrap(&text, chars, usize::MAX)))
        })
        .collect();
    for (_, _, lines) in &returns {
        y += RETURN_PAD + lines.len() as u32 * LINE + RETURN_PAD;
    }
    let height = y.max(1);

    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="diagram" id="{id}" role="group" aria-labelledby="{id}-t" viewBox="0 0 {WIDTH} {height}" width="100%" xmlns="http://www.w3.org/2000/svg"><title id="{id}-t">{}</title>"#,
        esc(&title)
    );
    let _ = write!(
        svg,
        r#"<defs><marker id="{id}-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L8,4 L0,8 z" class="dg-arrowhead"/></marker></defs>"#
    );
    // Lanes: a band of colour each, the role's title at the left. The titles are drawn
    // once more on a strip of their own (`lanes_svg`, hidden from assistive technology),
    // which the style sheet keeps at the left edge while a band too wide for the screen
    // scrolls sideways: on a phone, a lane is never left without its title.
    let mut lanes_svg = String::new();
    let _ = write!(
        lanes_svg,
        r#"<svg class="diagram-lanes" viewBox="0 0 {LABEL_W} {height}" width="100%" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">"#
    );
    for (i, (top, h)) in tops.iter().zip(&heights).enumerate() {
        let alt = if i % 2 == 1 { " dg-lane-alt" } else { "" };
        let _ = write!(
            svg,
            r#"<rect class="dg-lane{alt}" x="0" y="{top}" width="{WIDTH}" height="{h}"/>"#
        );
        let _ = write!(
            lanes_svg,
            r#"<rect class="dg-lane{alt}" x="0" y="{top}" width="{LABEL_W}" height="{h}"/>"#
        );
        let lines = &labels[i];
        let ty = top + h / 2 + LABEL_LINE / 2 - 2 - (lines.len() as u32 - 1) * LABEL_LINE / 2;
        let mut title = format!(r#"<text class="dg-lane-title" x="{PAD}" y="{ty}">"#);
        for (k, line) in lines.iter().enumerate() {
            let dy = if k == 0 { 0 } else { LABEL_LINE };
            let _ = write!(title, r#"<tspan x="{PAD}" dy="{dy}">{}</tspan>"#, esc(line));
        }
        title.push_str("</text>");
        svg.push_str(&title);
        lanes_svg.push_str(&title);
    }
    let divider =
        format!(r#"<line class="dg-divider" x1="{LABEL_W}" y1="0" x2="{LABEL_W}" y2="{height}"/>"#);
    svg.push_str(&divider);
    lanes_svg.push_str(&divider);
    lanes_svg.push_str("</svg>");
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
                esc(&s.label)
            );
        }
        // The box is a link to its step; an alternative is drawn dashed.
        let _ = write!(
            svg,
            r#"<a class="dg-step-link" href="{}{}"><rect class="dg-box{}" x="{x}" y="{by}" width="{BOX_W}" height="{}" rx="4"/>"#,
            super::ROOT,
            esc(&s.url),
            if s.alternative { " dg-alt" } else { "" },
            b.height
        );
        let tx = x + PAD;
        let mut ly = by + PAD + 11;
        let _ = write!(
            svg,
            r#"<text class="dg-num" x="{tx}" y="{ly}">{}</text>"#,
            esc(&s.label)
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
        if !b.form_lines.is_empty() {
            let _ = write!(svg, r#"<text class="dg-form-name" x="{tx}" y="{ly}">"#);
            for line in &b.form_lines {
                let _ = write!(svg, r#"<tspan x="{tx}" dy="{LINE}">{}</tspan>"#, esc(line));
            }
            svg.push_str("</text>");
            ly += LINE * b.form_lines.len() as u32;
        }
        if !b.forms.is_empty() {
            let mut fx = tx;
            let fy = ly + 5;
            let mut row_y = fy;
            for f in &b.forms {
                let fw = tag_width(f).unwrap_or(BOX_W - 2 * PAD);
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
        svg.push_str("</a>");
        placed.push((x, by, b.height));
    }
    // The order of the steps: an arrow from each box to the next; an alternative (or a
    // step beside the one before it) is reached from the step its run branches from, not
    // from its sibling. A run that branches from no step of the band (the band's first
    // box is its first case, or the procedure's first step is: 22's three routes) has no
    // arrow in: its cases stand side by side, none the sequel of another.
    let mut from: Option<usize> = None;
    for i in 1..placed.len() {
        // A free step has no arrow; the step after one is reached from the one before it.
        if steps[i].free {
            continue;
        }
        if let Some(f) = &steps[i].follows {
            match steps[..i].iter().position(|o| &o.number == f) {
                Some(j) => from = Some(j),
                // Its step stands in another band: no arrow in this one.
                None => continue,
            }
        } else if !steps[i].alternative && !steps[i].parallel {
            match (0..i).rev().find(|&k| !steps[k].free) {
                Some(k) => from = Some(k),
                None => continue,
            }
        }
        let Some(from) = from else { continue };
        let (x1, y1, h1) = placed[from];
        let (x2, y2, h2) = placed[i];
        let (ya, yb) = (y1 + h1.min(40) / 2, y2 + h2.min(40) / 2);
        let xr = x1 + BOX_W;
        let xm = xr + GAP / 2;
        // A branch past its siblings: where a sibling's box stands across the way in, the
        // arrow runs just under the siblings and enters the step from below (or above),
        // so that it never reads as the sibling's sequel.
        let between = &placed[from + 1..i];
        let blocked = between.iter().any(|&(_, y, h)| y <= yb && yb <= y + h);
        let d = if blocked {
            let under = between.iter().map(|&(_, y, h)| y + h).max().unwrap_or(yb) + LANE_PAD - 1;
            let xe = x2 + 12;
            let end = if under > y2 + h2 { y2 + h2 + 1 } else { y2 - 1 };
            format!("M{xr},{ya} H{xm} V{under} H{xe} V{end}")
        } else {
            format!("M{xr},{ya} H{xm} V{yb} H{}", x2 - 1)
        };
        let _ = write!(
            svg,
            r#"<path class="dg-flow" d="{d}" marker-end="url(#{id}-arrow)"/>"#
        );
    }
    // Return arrows: out of the step's box low on its left, down its gutter, under the
    // lanes to the earlier step's gutter, up and into its box low on its left; the words
    // under the way back.
    let mut ry = lanes_bottom;
    for (i, j, lines) in &returns {
        let (xi, yi, hi) = placed[*i];
        let (xj, yj, hj) = placed[*j];
        let way = ry + RETURN_PAD;
        let (gi, gj) = (xi - GAP / 2 + 3, xj - GAP / 2 + 3);
        let (out_y, in_y) = (yi + hi - 10, yj + hj - 10);
        let _ = write!(
            svg,
            r#"<path class="dg-flow dg-return" d="M{xi},{out_y} H{gi} V{way} H{gj} V{in_y} H{}" marker-end="url(#{id}-arrow)"/>"#,
            xj - 1
        );
        let tx = gj + 6;
        let _ = write!(svg, r#"<text class="dg-return-text" x="{tx}" y="{way}">"#);
        for line in lines {
            let _ = write!(svg, r#"<tspan x="{tx}" dy="{LINE}">{}</tspan>"#, esc(line));
        }
        svg.push_str("</text>");
        ry = way + lines.len() as u32 * LINE + RETURN_PAD;
    }
    svg.push_str("</svg>");
    Band {
        id,
        caption,
        lanes: lanes.iter().map(|l| title_of(l)).collect(),
        steps: steps.iter().map(|s| s.number.clone()).collect(),
        svg,
        lanes_svg,
    }
}
