//! The charts of many assessments (`doracak aggregate`): the centres × standards matrix,
//! the most often unmet criteria, and a centre's trend per standard.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::{EARNED, cut, esc, open, percent};
use crate::theme::say;

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
            let sep = crate::theme::say(ui, "list_separator", &[]);
            crate::theme::say(
                ui,
                "label_value",
                &[("label", &r.centre), ("value", &cells.join(&sep))],
            )
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
            let sep = crate::theme::say(ui, "list_separator", &[]);
            crate::theme::say(
                ui,
                "label_value",
                &[("label", &c.label), ("value", &vals.join(&sep))],
            )
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
}
