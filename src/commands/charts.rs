//! The charts of `doracak report` and `doracak aggregate`, as SVG text made here, with no
//! script: score bars per standard (points earned, lost and still unrated), the change
//! between two assessments, a centres × standards matrix, the most often unmet criteria,
//! and a centre's trend per standard. Every chart names itself (`<title>`) and carries its
//! numbers as text (`<desc>` and the labels), the same numbers as the table beside it.
//! The overview page draws the score bars in the browser the same way
//! (`theme/static/assessment-charts.js`).

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::assessment::Score;
use crate::assessment::compare::Comparison;
use crate::theme::say;

/// Colours: points earned, points lost, and the hatching of the unrated share.
const EARNED: &str = "#0b4f8a";
const LOST: &str = "#d5dbe1";
const UNRATED: &str = "#6b7280";
const FONT: &str = "font-family=\"system-ui, sans-serif\" font-size=\"12\"";

/// Text and attribute values made safe for SVG inside HTML.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            _ => o.push(c),
        }
    }
    o
}

/// A share as the pack writes it (`62,5 %`), or "—".
pub fn percent(ui: &HashMap<String, String>, p: Option<f64>) -> String {
    match p {
        None => "—".into(),
        Some(p) => {
            let dec = ui.get("number_decimal").map_or(".", String::as_str);
            let pattern = ui.get("percent").map_or("{n} %", String::as_str);
            pattern.replace("{n}", &format!("{p:.1}").replace('.', dec))
        }
    }
}

/// A signed change in percentage points (`+12,5`, `−3,0`).
pub fn change(ui: &HashMap<String, String>, d: Option<f64>) -> String {
    match d {
        None => "—".into(),
        Some(d) => {
            let dec = ui.get("number_decimal").map_or(".", String::as_str);
            let n = format!("{:.1}", d.abs()).replace('.', dec);
            let sign = if d > 0.05 {
                "+"
            } else if d < -0.05 {
                "\u{2212}"
            } else {
                "±"
            };
            say(ui, "chart_points_change", &[("n", &format!("{sign}{n}"))])
        }
    }
}

/// Cut `s` to `n` characters, with an ellipsis when cut.
fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut o: String = s.chars().take(n.saturating_sub(1)).collect();
        o.push('…');
        o
    }
}

fn open(id: &str, w: u32, h: u32, title: &str, desc: &str, class: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart {class}\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" {FONT}><title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}</desc>",
        esc(title),
        esc(desc)
    )
}

/// The hatching that marks an unrated share; `id` keeps it apart from other charts.
fn hatch(id: &str) -> String {
    format!(
        "<defs><pattern id=\"{id}-h\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"{UNRATED}\" stroke-width=\"2.5\"/></pattern></defs>"
    )
}

fn legend(id: &str, y: u32, x0: u32, ui: &HashMap<String, String>) -> String {
    let mut s = String::new();
    let items = [
        (EARNED.to_string(), "chart_earned"),
        (LOST.to_string(), "chart_lost"),
        (format!("url(#{id}-h)"), "chart_unrated"),
    ];
    let mut x = x0;
    for (fill, key) in items {
        let word = say(ui, key, &[]);
        let _ = write!(
            s,
            "<rect x=\"{x}\" y=\"{}\" width=\"14\" height=\"12\" fill=\"{fill}\" stroke=\"#555\" stroke-width=\"0.5\"/><text x=\"{}\" y=\"{}\">{}</text>",
            y,
            x + 19,
            y + 10,
            esc(&word)
        );
        x += 19 + 7 * word.chars().count() as u32 + 20;
    }
    s
}

/// One line of a chart's text equivalent for a standard's score.
fn score_words(ui: &HashMap<String, String>, s: &Score) -> String {
    crate::plural::say_count(
        ui,
        "chart_score_line",
        s.unrated as u64,
        &[
            ("standard", &format!("{}. {}", s.number, s.title)),
            ("percent", &percent(ui, s.percent)),
            ("points", &format!("{} / {}", s.points, s.max)),
            ("unrated", &s.unrated.to_string()),
        ],
    )
}

/// The score of each standard as a bar: earned, lost, unrated (hatched), and the share.
pub fn score_bars(id: &str, scores: &[Score], top: u32, ui: &HashMap<String, String>) -> String {
    let (label_w, bar_w, row) = (250u32, 300u32, 22u32);
    let w = label_w + bar_w + 80;
    let h = scores.len() as u32 * row + 34;
    let desc: Vec<String> = scores.iter().map(|s| score_words(ui, s)).collect();
    let mut o = open(
        id,
        w,
        h,
        &say(ui, "chart_scores_title", &[]),
        &desc.join("; "),
        "chart-bars",
    );
    o.push_str(&hatch(id));
    for (i, s) in scores.iter().enumerate() {
        let y = i as u32 * row + 4;
        let _ = write!(
            o,
            "<g data-standard=\"{}\"><text x=\"0\" y=\"{}\">{}</text>",
            esc(&s.standard),
            y + 13,
            esc(&cut(&format!("{}. {}", s.number, s.title), 34))
        );
        let max = s.max.max(1) as f64;
        let earned = s.points as f64 / max * bar_w as f64;
        let unrated = (s.unrated as u32 * top) as f64 / max * bar_w as f64;
        let lost = if s.max == 0 {
            0.0
        } else {
            bar_w as f64 - earned - unrated
        };
        let x = label_w as f64;
        let _ = write!(
            o,
            "<rect x=\"{x}\" y=\"{y}\" width=\"{bar_w}\" height=\"16\" fill=\"none\" stroke=\"#888\" stroke-width=\"0.5\"/><rect x=\"{x}\" y=\"{y}\" width=\"{earned:.1}\" height=\"16\" fill=\"{EARNED}\"/><rect x=\"{:.1}\" y=\"{y}\" width=\"{lost:.1}\" height=\"16\" fill=\"{LOST}\"/><rect x=\"{:.1}\" y=\"{y}\" width=\"{unrated:.1}\" height=\"16\" fill=\"url(#{id}-h)\"/>",
            x + earned,
            x + earned + lost,
        );
        let _ = write!(
            o,
            "<text x=\"{}\" y=\"{}\" font-weight=\"bold\" data-value=\"percent\">{}</text></g>",
            label_w + bar_w + 6,
            y + 13,
            esc(&percent(ui, s.percent))
        );
    }
    o.push_str(&legend(id, scores.len() as u32 * row + 14, 0, ui));
    o.push_str("</svg>");
    o
}

/// The change per standard between two assessments: the earlier share as a light bar, the
/// later as a dark one, and the change in points as text.
pub fn change_bars(id: &str, c: &Comparison, ui: &HashMap<String, String>) -> String {
    let (label_w, bar_w, row) = (250u32, 260u32, 30u32);
    let w = label_w + bar_w + 180;
    let h = c.standards.len() as u32 * row + 30;
    let desc: Vec<String> = c
        .standards
        .iter()
        .map(|s| {
            say(
                ui,
                "chart_change_line",
                &[
                    ("standard", &format!("{}. {}", s.number, s.title)),
                    ("before", &percent(ui, s.before)),
                    ("after", &percent(ui, s.after)),
                    ("change", &change(ui, s.change)),
                ],
            )
        })
        .collect();
    let mut o = open(
        id,
        w,
        h,
        &say(
            ui,
            "chart_change_title",
            &[("from", &c.from), ("to", &c.to)],
        ),
        &desc.join("; "),
        "chart-change",
    );
    for (i, s) in c.standards.iter().enumerate() {
        let y = i as u32 * row + 4;
        let _ = write!(
            o,
            "<g data-standard=\"{}\"><text x=\"0\" y=\"{}\">{}</text>",
            esc(&s.id),
            y + 16,
            esc(&cut(&format!("{}. {}", s.number, s.title), 34))
        );
        let bw = |p: Option<f64>| p.unwrap_or(0.0) / 100.0 * bar_w as f64;
        let _ = write!(
            o,
            "<rect x=\"{label_w}\" y=\"{y}\" width=\"{bar_w}\" height=\"24\" fill=\"none\" stroke=\"#888\" stroke-width=\"0.5\"/><rect x=\"{label_w}\" y=\"{y}\" width=\"{:.1}\" height=\"10\" fill=\"#9db7d1\"/><rect x=\"{label_w}\" y=\"{}\" width=\"{:.1}\" height=\"12\" fill=\"{EARNED}\"/>",
            bw(s.before),
            y + 11,
            bw(s.after)
        );
        let _ = write!(
            o,
            "<text x=\"{}\" y=\"{}\" font-size=\"10\">{}</text><text x=\"{}\" y=\"{}\" font-weight=\"bold\" data-value=\"change\">{}</text></g>",
            label_w + bar_w + 6,
            y + 9,
            esc(&format!(
                "{} → {}",
                percent(ui, s.before),
                percent(ui, s.after)
            )),
            label_w + bar_w + 6,
            y + 22,
            esc(&change(ui, s.change))
        );
    }
    let ly = c.standards.len() as u32 * row + 12;
    let _ = write!(
        o,
        "<rect x=\"{label_w}\" y=\"{ly}\" width=\"14\" height=\"10\" fill=\"#9db7d1\"/><text x=\"{}\" y=\"{}\">{}</text><rect x=\"{}\" y=\"{ly}\" width=\"14\" height=\"10\" fill=\"{EARNED}\"/><text x=\"{}\" y=\"{}\">{}</text></svg>",
        label_w + 19,
        ly + 9,
        esc(&c.from),
        label_w + 110,
        label_w + 129,
        ly + 9,
        esc(&c.to)
    );
    o
}

/// A colour-blind-safe sequential scale (viridis, dark for low): the colour of a share and
/// the text colour that reads on it.
pub fn viridis(p: f64) -> (String, &'static str) {
    const STOPS: [(f64, [f64; 3]); 5] = [
        (0.0, [68.0, 1.0, 84.0]),
        (0.25, [59.0, 82.0, 139.0]),
        (0.5, [33.0, 145.0, 140.0]),
        (0.75, [94.0, 201.0, 98.0]),
        (1.0, [253.0, 231.0, 37.0]),
    ];
    let t = (p / 100.0).clamp(0.0, 1.0);
    let mut rgb = STOPS[4].1;
    for w in STOPS.windows(2) {
        let ((a, ca), (b, cb)) = (w[0], w[1]);
        if t <= b {
            let f = (t - a) / (b - a);
            rgb = [0, 1, 2].map(|i| ca[i] + (cb[i] - ca[i]) * f);
            break;
        }
    }
    // White reads (4.5:1 or more) on the dark half up to about 43 %, black above.
    let text = if t < 0.43 { "#fff" } else { "#000" };
    (
        format!(
            "#{:02x}{:02x}{:02x}",
            rgb[0].round() as u8,
            rgb[1].round() as u8,
            rgb[2].round() as u8
        ),
        text,
    )
}

/// One column of the matrix: a standard.
pub struct HeatColumn {
    pub id: String,
    pub label: String,
    pub title: String,
}

/// One row of the matrix: a centre and its share per column (same order as the columns).
pub struct HeatRow {
    pub centre: String,
    pub values: Vec<Option<f64>>,
}

/// The centres × standards matrix, coloured by share with the value in each cell. The
/// caller orders rows and columns (weakest first).
pub fn heatmap(
    id: &str,
    cols: &[HeatColumn],
    rows: &[HeatRow],
    ui: &HashMap<String, String>,
) -> String {
    let (label_w, cell_w, cell_h, head) = (190u32, 50u32, 20u32, 28u32);
    let w = label_w + cols.len() as u32 * cell_w + 10;
    let h = head + rows.len() as u32 * cell_h + 40;
    let desc: Vec<String> = rows
        .iter()
        .map(|r| {
            let cells: Vec<String> = cols
                .iter()
                .zip(&r.values)
                .map(|(c, v)| format!("{} {}", c.label, percent(ui, *v)))
                .collect();
            format!("{}: {}", r.centre, cells.join(", "))
        })
        .collect();
    let mut o = open(
        id,
        w,
        h,
        &say(ui, "chart_heat_title", &[]),
        &desc.join("; "),
        "chart-heat",
    );
    for (j, c) in cols.iter().enumerate() {
        let x = label_w + j as u32 * cell_w + cell_w / 2;
        let _ = write!(
            o,
            "<text x=\"{x}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"bold\" data-column=\"{}\">{}</text>",
            head - 10,
            esc(&c.id),
            esc(&c.label)
        );
    }
    let dec = ui.get("number_decimal").map_or(".", String::as_str);
    for (i, r) in rows.iter().enumerate() {
        let y = head + i as u32 * cell_h;
        let _ = write!(
            o,
            "<g data-centre=\"{}\"><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            esc(&r.centre),
            label_w - 6,
            y + 14,
            esc(&cut(&r.centre, 28))
        );
        for (j, v) in r.values.iter().enumerate() {
            let x = label_w + j as u32 * cell_w;
            let (fill, ink, text) = match v {
                Some(p) => {
                    let (f, t) = viridis(*p);
                    (f, t, format!("{p:.0}").replace('.', dec))
                }
                None => ("#fff".into(), "#000", "—".into()),
            };
            let _ = write!(
                o,
                "<rect x=\"{x}\" y=\"{y}\" width=\"{cell_w}\" height=\"{cell_h}\" fill=\"{fill}\" stroke=\"#fff\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{ink}\" data-value=\"{}\">{}</text>",
                x + cell_w / 2,
                y + 14,
                v.map(|p| format!("{p:.1}")).unwrap_or_default(),
                text
            );
        }
        o.push_str("</g>");
    }
    // The scale, 0 to 100.
    let ly = head + rows.len() as u32 * cell_h + 12;
    for k in 0..=10 {
        let (fill, ink) = viridis(k as f64 * 10.0);
        let x = label_w + k * 28;
        let _ = write!(
            o,
            "<rect x=\"{x}\" y=\"{ly}\" width=\"28\" height=\"16\" fill=\"{fill}\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"9\" fill=\"{ink}\">{}</text>",
            x + 14,
            ly + 12,
            k * 10
        );
    }
    let _ = write!(
        o,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text></svg>",
        label_w - 6,
        ly + 12,
        esc(&say(ui, "chart_heat_scale", &[]))
    );
    o
}

/// One bar of the unmet-criteria chart.
pub struct CountBar {
    pub label: String,
    pub text: String,
    pub count: usize,
}

/// The most often unmet criteria: how many centres of `of` rate each below the top.
pub fn count_bars(id: &str, bars: &[CountBar], of: usize, ui: &HashMap<String, String>) -> String {
    let (label_w, bar_w, row) = (300u32, 300u32, 20u32);
    let w = label_w + bar_w + 60;
    let h = bars.len() as u32 * row + 10;
    let desc: Vec<String> = bars
        .iter()
        .map(|b| {
            crate::plural::say_count(
                ui,
                "chart_count_line",
                of as u64,
                &[
                    ("criterion", &format!("{} {}", b.label, b.text)),
                    ("count", &b.count.to_string()),
                    ("of", &of.to_string()),
                ],
            )
        })
        .collect();
    let mut o = open(
        id,
        w,
        h,
        &say(ui, "chart_unmet_title", &[("of", &of.to_string())]),
        &desc.join("; "),
        "chart-count",
    );
    for (i, b) in bars.iter().enumerate() {
        let y = i as u32 * row + 4;
        let bw = b.count as f64 / of.max(1) as f64 * bar_w as f64;
        let _ = write!(
            o,
            "<g data-criterion=\"{}\"><text x=\"0\" y=\"{}\"><tspan font-weight=\"bold\">{}</tspan> {}</text><rect x=\"{label_w}\" y=\"{y}\" width=\"{bar_w}\" height=\"14\" fill=\"none\" stroke=\"#888\" stroke-width=\"0.5\"/><rect x=\"{label_w}\" y=\"{y}\" width=\"{bw:.1}\" height=\"14\" fill=\"{EARNED}\"/><text x=\"{}\" y=\"{}\" data-value=\"count\">{}</text></g>",
            esc(&b.label),
            y + 11,
            esc(&b.label),
            esc(&cut(&b.text, 40)),
            label_w + bar_w + 6,
            y + 11,
            b.count
        );
    }
    o.push_str("</svg>");
    o
}

/// A centre's assessments over time: one small panel per standard with its trend line and
/// the first and last shares as text. `dates` are the assessments' days, oldest first;
/// `values[standard][assessment]`.
pub fn trend(
    id: &str,
    centre: &str,
    dates: &[String],
    cols: &[HeatColumn],
    values: &[Vec<Option<f64>>],
    ui: &HashMap<String, String>,
) -> String {
    let (pw, ph, per_row) = (150u32, 78u32, 5u32);
    let nrows = (cols.len() as u32).div_ceil(per_row);
    let w = pw * per_row;
    let h = nrows * ph + 4;
    let desc: Vec<String> = cols
        .iter()
        .zip(values)
        .map(|(c, v)| {
            let vals: Vec<String> = dates
                .iter()
                .zip(v)
                .map(|(d, p)| format!("{d} {}", percent(ui, *p)))
                .collect();
            format!("{}: {}", c.label, vals.join(", "))
        })
        .collect();
    let mut o = open(
        id,
        w,
        h,
        &say(ui, "chart_trend_title", &[("centre", centre)]),
        &desc.join("; "),
        "chart-trend",
    );
    let n = dates.len().max(2) as f64;
    for (k, (c, v)) in cols.iter().zip(values).enumerate() {
        let (px, py) = ((k as u32 % per_row) * pw, (k as u32 / per_row) * ph);
        let (x0, y0, iw, ih) = (px as f64 + 8.0, py as f64 + 20.0, pw as f64 - 24.0, 40.0);
        let _ = write!(
            o,
            "<g data-standard=\"{}\"><text x=\"{}\" y=\"{}\" font-size=\"10\">{}</text><rect x=\"{x0}\" y=\"{y0}\" width=\"{iw}\" height=\"{ih}\" fill=\"#f4f6f8\" stroke=\"#c9d1d9\" stroke-width=\"0.5\"/>",
            esc(&c.id),
            px + 8,
            py + 14,
            esc(&cut(&format!("{} {}", c.label, c.title), 25))
        );
        let pts: Vec<(f64, f64)> = v
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                p.map(|p| (x0 + i as f64 / (n - 1.0) * iw, y0 + ih - p / 100.0 * ih))
            })
            .collect();
        let line: Vec<String> = pts.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
        let _ = write!(
            o,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{EARNED}\" stroke-width=\"2\"/>",
            line.join(" ")
        );
        for (x, y) in &pts {
            let _ = write!(
                o,
                "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"2.5\" fill=\"{EARNED}\"/>"
            );
        }
        let first = v.first().copied().flatten();
        let last = v.last().copied().flatten();
        let _ = write!(
            o,
            "<text x=\"{x0}\" y=\"{}\" font-size=\"10\">{}</text><text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"end\" font-weight=\"bold\">{}</text></g>",
            y0 + ih + 12.0,
            esc(&percent(ui, first)),
            x0 + iw,
            y0 + ih + 12.0,
            esc(&percent(ui, last))
        );
    }
    o.push_str("</svg>");
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viridis_runs_dark_to_light() {
        assert_eq!(viridis(0.0).0, "#440154");
        assert_eq!(viridis(100.0).0, "#fde725");
        assert_eq!(viridis(-5.0), viridis(0.0));
    }

    #[test]
    fn text_is_escaped_and_cut() {
        assert_eq!(esc("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut("abc", 4), "abc");
    }
}
