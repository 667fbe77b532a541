//! The charts and the comparison over time: `doracak report --since`, the SVG charts of
//! `report` and `aggregate`, and the browser's comparison page against the CLI's, all on the
//! fixture assessments of tests/fixtures/compare/ (made against the shipped handbook).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::common::browser::*;
use crate::common::*;

fn compare_fixture(name: &str) -> String {
    fixtures()
        .join("compare")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// `improved S1.2 …` lines of the hand-made expectation.
fn expected() -> BTreeMap<String, Vec<String>> {
    read(&fixtures().join("compare/expected.txt"))
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut w = l.split_whitespace().map(String::from);
            (w.next().unwrap(), w.collect())
        })
        .collect()
}

/// Every `<svg>…</svg>` of a page.
fn svgs(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<svg") {
        let end = rest[i..].find("</svg>").expect("an svg closes") + i + 6;
        out.push(&rest[i..end]);
        rest = &rest[end..];
    }
    out
}

/// A small XML well-formedness check: tags nest and close, attributes are quoted, text has
/// no bare `<` or `&`. Returns the problem, if any.
fn well_formed(xml: &str) -> Result<(), String> {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = xml;
    while !rest.is_empty() {
        let lt = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..lt];
        for (k, _) in text.match_indices('&') {
            let ent = &text[k..];
            if !["&amp;", "&lt;", "&gt;", "&quot;", "&#"]
                .iter()
                .any(|e| ent.starts_with(e))
            {
                return Err(format!("a bare & in {text:?}"));
            }
        }
        if lt == rest.len() {
            break;
        }
        rest = &rest[lt..];
        let gt = rest.find('>').ok_or("a tag never ends")?;
        let tag = &rest[1..gt];
        // A quote count that is odd means an unquoted or broken attribute.
        if !tag.matches('"').count().is_multiple_of(2) {
            return Err(format!("unbalanced quotes in <{tag}>"));
        }
        if tag.contains('<') {
            return Err(format!("a < inside <{tag}>"));
        }
        if let Some(name) = tag.strip_prefix('/') {
            match stack.pop() {
                Some(open) if open == name => {}
                other => return Err(format!("</{name}> closes {other:?}")),
            }
        } else if !tag.ends_with('/') {
            let name = tag.split_whitespace().next().unwrap_or("").to_string();
            if name.is_empty() {
                return Err("an empty tag".into());
            }
            stack.push(name);
        }
        rest = &rest[gt + 1..];
    }
    if stack.is_empty() {
        Ok(())
    } else {
        Err(format!("never closed: {stack:?}"))
    }
}

/// The values of `attr` in the rows of the table marked `data-compare="key"`.
fn compare_rows(html: &str, key: &str) -> Vec<String> {
    let marker = format!("data-compare=\"{key}\"");
    let Some(i) = html.find(&marker) else {
        return Vec::new();
    };
    let table = &html[i..i + html[i..].find("</table>").unwrap()];
    attr_values(table, "data-criterion")
}

/// Texts of the elements of `svg` that carry `data-value="kind"`.
fn svg_values(svg: &str, kind: &str) -> Vec<String> {
    let marker = format!("data-value=\"{kind}\">");
    svg.match_indices(&marker)
        .map(|(i, _)| {
            let s = &svg[i + marker.len()..];
            unescape(&s[..s.find('<').unwrap()])
        })
        .collect()
}

/// `doracak --root <the shipped handbook> ARGS`.
fn run(args: &[&str]) -> std::process::Output {
    let root = repo().to_string_lossy().into_owned();
    let mut all = vec!["--root", root.as_str()];
    all.extend_from_slice(args);
    doracak(&all)
}

fn report_since(dir: &Path) -> String {
    let out = dir.join("r.html");
    let o = run(&[
        "report",
        &compare_fixture("2026.json"),
        "--since",
        &compare_fixture("2025.json"),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    read(&out)
}

#[test]
fn report_since_lists_exactly_the_expected_changes() {
    let dir = tempfile::tempdir().unwrap();
    let html = report_since(dir.path());
    for (key, want) in expected() {
        assert_eq!(compare_rows(&html, &key), want, "{key}");
    }
    assert!(
        html.contains("Qendra Shpresa — 2025"),
        "names the earlier one"
    );
    // S1: 10 of 12 → 11 of 12; S3: 8 of 8 → 7 of 8.
    assert!(
        html.contains("<td>83,3 %</td><td>91,7 %</td><td>+8,3 pikë përqindjeje</td>"),
        "{html}"
    );
    assert!(html.contains("<td>100,0 %</td><td>87,5 %</td><td>\u{2212}12,5 pikë përqindjeje</td>"));
    assert!(!html.contains("<script"), "the report has no script");
    // An earlier file that does not pass is refused, and nothing is written.
    let out = dir.path().join("bad.html");
    let o = run(&[
        "report",
        &compare_fixture("2026.json"),
        "--since",
        &fixtures()
            .join("assessments/invalid-bad-rating.json")
            .to_string_lossy(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("invalid-bad-rating.json"));
    assert!(!out.exists());
    // Swapped, the report says the changes read backwards.
    let o = run(&[
        "report",
        &compare_fixture("2025.json"),
        "--since",
        &compare_fixture("2026.json"),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    assert!(read(&out).contains("ndryshimet lexohen së prapthi"));
    assert!(!html.contains("së prapthi"));
}

#[test]
fn report_charts_are_well_formed_and_hold_the_tables_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let html = report_since(dir.path());
    let charts = svgs(&html);
    assert_eq!(charts.len(), 2, "the score bars and the change bars");
    for svg in &charts {
        well_formed(svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
        assert!(
            svg.contains("role=\"img\"") && svg.contains("<title id=") && svg.contains("<desc id=")
        );
        let ids = attr_values(svg, "data-standard");
        let want: Vec<String> = (1..=10).map(|n| format!("S{n}")).collect();
        assert_eq!(ids, want, "every standard, in order");
    }
    // The bars say what the score table says, standard by standard.
    let table = &html[html.find("<table class=\"scores\">").unwrap()..];
    let table = &table[..table.find("</tbody>").unwrap()];
    let shares: Vec<String> = table
        .split("<tr>")
        .skip(2)
        .map(|row| {
            let cells: Vec<&str> = row.split("<td>").skip(1).collect();
            unescape(&cells[1][..cells[1].find('<').unwrap()])
        })
        .collect();
    assert_eq!(svg_values(charts[0], "percent"), shares);
    assert_eq!(shares.len(), 10);
    // The text equivalent holds the same numbers.
    for s in &shares {
        assert!(charts[0].contains(s.as_str()));
    }
    let changes = svg_values(charts[1], "change");
    assert_eq!(changes[0], "+8,3 pikë përqindjeje");
    let d = &charts[1][charts[1].find("<desc").unwrap()..];
    assert!(d.contains("83,3 % → 91,7 % (+8,3 pikë përqindjeje)"), "{d}");
}

#[test]
fn aggregate_of_forty_centres_draws_every_centre_and_standard() {
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("files");
    let o = run(&[
        "synth",
        "--assessments",
        "40",
        "--out",
        files.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut inputs: Vec<String> = std::fs::read_dir(&files)
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .collect();
    inputs.sort();
    assert_eq!(
        inputs.len(),
        46,
        "40 centres, three of them over three years"
    );
    let out = dir.path().join("out");
    let mut args = vec!["aggregate"];
    args.extend(inputs.iter().map(String::as_str));
    args.extend(["--out", out.to_str().unwrap()]);
    let o = run(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = read(&out.join("krahasimi.html"));
    let charts = svgs(&html);
    // The matrix, the unmet criteria, three trends.
    assert_eq!(charts.len(), 5, "{}", charts.len());
    for svg in &charts {
        well_formed(svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
    }
    let heat = charts[0];
    let centres: BTreeSet<String> = attr_values(heat, "data-centre").into_iter().collect();
    assert_eq!(centres.len(), 40, "every centre once");
    let cols: BTreeSet<String> = attr_values(heat, "data-column").into_iter().collect();
    assert_eq!(cols.len(), 10, "every standard");
    // Each cell holds the CSV's number for that centre's latest assessment.
    let csv = read(&out.join("krahasimi.csv"));
    let mut latest: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in csv.trim_start_matches('\u{feff}').lines().skip(1) {
        // Albanian writes decimals with a comma, so its CSV parts fields with `;`.
        let f: Vec<&str> = line.split(';').collect();
        // Files come oldest first per centre: the last row of a centre is its latest.
        latest.insert(
            f[0].to_string(),
            f[2..12].iter().map(|s| s.replace(',', ".")).collect(),
        );
    }
    let col_order = attr_values(heat, "data-column");
    let mut weakest = Vec::new();
    for centre in &centres {
        let esc = centre.replace('&', "&amp;");
        let g = &heat[heat.find(&format!("data-centre=\"{esc}\"")).unwrap()..];
        let g = &g[..g.find("</g>").unwrap()];
        let values = attr_values(g, "data-value");
        let csv_row = &latest[centre];
        for (col, v) in col_order.iter().zip(&values) {
            let j: usize = col[1..].parse::<usize>().unwrap() - 1;
            assert_eq!(v, &csv_row[j], "{centre} {col}");
        }
        weakest.push(values);
    }
    // Sorted: the mean of the first column is the lowest.
    let mean = |j: usize| {
        let v: Vec<f64> = weakest.iter().filter_map(|r| r[j].parse().ok()).collect();
        v.iter().sum::<f64>() / v.len() as f64
    };
    assert!(
        (1..10).all(|j| mean(0) <= mean(j) + 1e-9),
        "weakest standard first"
    );
    // The unmet bars count what the table counts, over the 40 centres' latest assessments.
    assert!(charts[1].contains("nga 40 qendra"), "out of 40 centres");
    let counts = svg_values(charts[1], "count");
    let table = &html[html.find("<table class=\"audit-table\">").unwrap()..];
    let rows: Vec<String> = table
        .split("<tr><td class=\"num\">")
        .skip(1)
        .map(|r| {
            let c: Vec<&str> = r.split("<td>").collect();
            c[2][..c[2].find('<').unwrap()].to_string()
        })
        .collect();
    assert_eq!(counts, rows[..counts.len()].to_vec());
    assert_eq!(html.matches("data-trend=").count(), 3);
}

#[test]
fn the_browser_compares_as_the_cli_does_from_file_urls() {
    let Some(browser) = browser("the_browser_compares_as_the_cli_does_from_file_urls") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let cli = report_since(dir.path());
    let site = shipped_site().join("site");
    let tab = open(&browser, &file_url(&site.join("vleresim/index.html")));
    for name in ["2025.json", "2026.json"] {
        let text = serde_json::to_string(&read(&fixtures().join("compare").join(name))).unwrap();
        eval(
            &tab,
            &format!("window.Doracak.assessmentPage.importText({text})"),
        );
    }
    wait_for(
        &tab,
        "document.querySelectorAll('#assess-select option').length === 2",
        "both imported",
    );
    // The overview chart, drawn by the page's script, says what the overview table says.
    wait_for(
        &tab,
        "!!document.querySelector('[data-score-chart] svg')",
        "the overview chart",
    );
    let same = eval(
        &tab,
        "(() => { const bars = [...document.querySelectorAll('[data-score-chart] [data-value=percent]')].map(e => e.textContent); const cells = [...document.querySelectorAll('tbody [data-score-row] [data-col=percent]')].map(e => e.textContent); return { bars, cells, standards: [...document.querySelectorAll('[data-score-chart] g[data-standard]')].length }; })()",
    );
    assert_eq!(same["bars"], same["cells"], "{same}");
    assert_eq!(same["standards"], 10);
    // Same look as the report's: the same bars as the CLI draws for the same file.
    let tab2 = open(&browser, &file_url(&site.join("vleresim/krahasimi.html")));
    wait_for(
        &tab2,
        "!!document.querySelector('[data-compare=improved]')",
        "the comparison",
    );
    let picked = eval(
        &tab2,
        "[document.querySelector('[data-compare-old]').selectedOptions[0].textContent, document.querySelector('[data-compare-new]').selectedOptions[0].textContent]",
    );
    assert!(
        picked[0].as_str().unwrap().contains("2025")
            && picked[1].as_str().unwrap().contains("2026"),
        "the earlier and the later are picked: {picked}"
    );
    // "Compared with …" is the pack's whole message, as the CLI's report writes it.
    let since = eval(
        &tab2,
        "document.querySelector('[data-compare-since]').textContent + '|' + document.querySelector('[data-compare-since] strong').textContent",
    );
    let since = since.as_str().unwrap();
    let cli_since = &cli[cli
        .find("<p>Krahasuar me <strong>")
        .expect("the CLI's sentence")..];
    let cli_since = unescape(
        &cli_since[3..cli_since.find("</p>").unwrap()]
            .replace("<strong>", "")
            .replace("</strong>", ""),
    );
    assert_eq!(
        since.split('|').next().unwrap().trim(),
        cli_since.trim(),
        "the browser's sentence is the CLI's"
    );
    assert!(
        since.starts_with("Krahasuar me Qendra Shpresa") && !since.contains(": "),
        "{since}"
    );
    let heads = eval(
        &tab2,
        "[...document.querySelectorAll('[data-compare-result] h3')].map(e => e.textContent).filter(t => t.endsWith(')'))",
    );
    let cli_heads: Vec<String> = cli
        .split("<h3>")
        .skip(1)
        .map(|h| unescape(&h[..h.find("</h3>").unwrap()]))
        .filter(|h| h.ends_with(')'))
        .collect();
    assert_eq!(
        serde_json::from_value::<Vec<String>>(heads).unwrap(),
        cli_heads,
        "the counted headings read the same"
    );
    for (key, want) in expected() {
        let got = eval(
            &tab2,
            &format!(
                "[...document.querySelectorAll('[data-compare={key}] [data-criterion]')].map(e => e.getAttribute('data-criterion'))"
            ),
        );
        let got: Vec<String> = serde_json::from_value(got).unwrap();
        assert_eq!(got, want, "browser {key}");
        assert_eq!(
            got,
            compare_rows(&cli, &key),
            "browser and CLI agree on {key}"
        );
    }
    // The per-standard table reads the same, cell for cell.
    let rows = eval(
        &tab2,
        "[...document.querySelectorAll('.compare-standards tbody tr')].map(r => [...r.children].map(c => c.textContent).join('|'))",
    );
    let rows: Vec<String> = serde_json::from_value(rows).unwrap();
    let table = &cli[cli.find("compare-standards").unwrap()..];
    let cli_rows: Vec<String> = table[..table.find("</tbody>").unwrap()]
        .split("<tr data-standard")
        .skip(1)
        .map(|r| {
            let r = &r[r.find('>').unwrap() + 1..];
            r.split("</t")
                .filter_map(|c| c.rsplit('>').next())
                .filter(|c| !c.is_empty())
                .map(unescape)
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect();
    assert_eq!(rows, cli_rows);
    let svg_changes = eval(
        &tab2,
        "[...document.querySelectorAll('svg.chart-change [data-value=change]')].map(e => e.textContent)",
    );
    let cli_svg = svgs(&cli)[1];
    assert_eq!(
        serde_json::from_value::<Vec<String>>(svg_changes).unwrap(),
        svg_values(cli_svg, "change")
    );
}

/// The browser's comparison is the Rust one, field for field, on the same two files.
#[test]
fn the_js_twin_gives_the_rust_answer_field_for_field() {
    let Some(browser) = browser("the_js_twin_gives_the_rust_answer_field_for_field") else {
        return;
    };
    let (hb, diags) = doracak::check(&repo());
    let hb = hb.unwrap_or_else(|| panic!("{}", diags.report()));
    let file = |n: &str| {
        let bytes = std::fs::read(fixtures().join("compare").join(n)).unwrap();
        doracak::assessment::read_bytes(&bytes, &hb).file.unwrap()
    };
    let rust = serde_json::to_value(doracak::assessment::compare::compare(
        &file("2025.json"),
        &file("2026.json"),
        &hb,
    ))
    .unwrap();
    let site = shipped_site().join("site");
    let tab = open(&browser, &file_url(&site.join("vleresim/krahasimi.html")));
    let text = |n: &str| serde_json::to_string(&read(&fixtures().join("compare").join(n))).unwrap();
    let js = eval(
        &tab,
        &format!(
            "(() => {{ const A = Doracak.assessment, C = DORACAK_CATALOG; return A.compare(A.read({}, C).file, A.read({}, C).file, C); }})()",
            text("2025.json"),
            text("2026.json")
        ),
    );
    same(&js, &rust, "");
}

/// JSON values equal, numbers to within rounding (integers and floats alike; the JSON
/// reader may be a unit in the last place off).
fn same(a: &serde_json::Value, b: &serde_json::Value, at: &str) {
    use serde_json::Value::*;
    match (a, b) {
        (Number(x), Number(y)) => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            assert!((x - y).abs() < 1e-9, "{at}: {x} ≠ {y}");
        }
        (Array(x), Array(y)) => {
            assert_eq!(x.len(), y.len(), "{at}: lengths");
            for (i, (x, y)) in x.iter().zip(y).enumerate() {
                same(x, y, &format!("{at}[{i}]"));
            }
        }
        (Object(x), Object(y)) => {
            let kx: Vec<_> = x.keys().collect();
            let ky: Vec<_> = y.keys().collect();
            assert_eq!(kx, ky, "{at}: fields");
            for (k, v) in x {
                same(v, &y[k], &format!("{at}.{k}"));
            }
        }
        _ => assert_eq!(a, b, "{at}"),
    }
}
