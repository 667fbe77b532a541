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

mod centres;

pub use centres::*;

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

/// A standard's number and title as the pack writes them (`standard_numbered`).
fn numbered(ui: &HashMap<String, String>, number: impl std::fmt::Display, title: &str) -> String {
    crate::theme::say(
        ui,
        "standard_numbered",
        &[("number", &number.to_string()), ("title", title)],
    )
}

/// One line of a chart's text equivalent for a standard's score.
fn score_words(ui: &HashMap<String, String>, s: &Score) -> String {
    crate::plural::say_count(
        ui,
        "chart_score_line",
        s.unrated as u64,
        &[
            ("standard", &numbered(ui, s.number, &s.title)),
            ("percent", &percent(ui, s.percent)),
            (
                "points",
                &crate::theme::say(
                    ui,
                    "score_of",
                    &[
                        ("score", &s.points.to_string()),
                        ("total", &s.max.to_string()),
                    ],
                ),
            ),
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
            esc(&cut(&numbered(ui, s.number, &s.title), 34))
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
                    ("standard", &numbered(ui, s.number, &s.title)),
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
            esc(&cut(&numbered(ui, s.number, &s.title), 34))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_cut() {
        assert_eq!(esc("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut("abc", 4), "abc");
    }
}
