//! Long translated labels in the fixed print layouts: the audit sheet's fields ("Inspecteur
//! ou inspectrice") keep their writing space — as much as on the Albanian sheet, or the
//! label wraps and the line keeps most of its column — and the aggregate's header cells hold
//! their words without running into the next column. Measured in Chromium with print media
//! at the printed width of A4 (182 mm), on the French fixture and an Arabic one.

use headless_chrome::Tab;
use serde_json::Value;

use crate::common::browser::*;
use crate::common::*;

/// Print media at A4's printed width (210 − 2 × 14 mm = 182 mm, 688 px).
fn print_width(tab: &Tab) {
    print_media(tab);
    resize(tab, 688, 1000, false);
}

/// Each field of the audit sheet's head: label and line boxes, the label's lines.
fn fields(tab: &Tab) -> Vec<Value> {
    let v = eval(
        tab,
        "[...document.querySelectorAll('.audit-fields > div')].map(d => { const t = d.querySelector('dt'), l = d.querySelector('dd'); const a = t.getBoundingClientRect(), b = l.getBoundingClientRect(), c = d.getBoundingClientRect(); return { label: t.textContent, dtLeft: a.left, dtRight: a.right, dtLines: Math.round(a.height / parseFloat(getComputedStyle(t).lineHeight)), ddLeft: b.left, ddRight: b.right, dd: b.width, col: c.width, left: c.left, right: c.right }; })",
    );
    v.as_array().unwrap().clone()
}

/// A copy of `fixture` whose strings file adds `strings`.
fn with_strings(fixture: &str, strings: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join(fixture), dir.path());
    let path = dir.path().join("theme/strings.toml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let before = std::fs::read_to_string(&path).unwrap_or_default();
    std::fs::write(&path, format!("{before}\n{strings}")).unwrap();
    dir
}

const FRENCH: &str = "audit_centre = \"Centre d'accueil\"\naudit_date = \"Date de la visite\"\naudit_inspector = \"Inspecteur ou inspectrice\"\nassess_total = \"Total pondéré\"\nassess_unrated = \"Critères non évalués\"\nreport_gaps = \"Preuves manquantes\"\n";
const ARABIC: &str = "audit_centre = \"مركز الإيواء\"\naudit_date = \"تاريخ الزيارة\"\naudit_inspector = \"المفتش أو المفتشة المسؤولة\"\nassess_total = \"المجموع المرجّح\"\nassess_unrated = \"معايير غير مقيّمة\"\nreport_gaps = \"أدلة ناقصة\"\n";

#[test]
fn long_labels_keep_the_audit_sheet_s_writing_space() {
    let Some(browser) = browser("print_labels::long_labels_keep_the_audit_sheet_s_writing_space")
    else {
        return;
    };
    let (_keep, site) = minimal_site();
    let tab = open(&browser, &file_url(&site.join("auditim/S1.html")));
    print_width(&tab);
    let albanian = fields(&tab);
    let mut report = Vec::new();
    for (fixture, strings, page, rtl) in [
        ("french", FRENCH, "audit/N1.html", false),
        ("arabic", ARABIC, "audit/S1.html", true),
    ] {
        let dir = with_strings(fixture, strings);
        let site = dir.path().join("site");
        build_ok(dir.path(), &site);
        let tab = open(&browser, &file_url(&site.join(page)));
        print_width(&tab);
        let got = fields(&tab);
        assert_eq!(got.len(), albanian.len());
        for (i, (f, sq)) in got.iter().zip(&albanian).enumerate() {
            let n = |v: &Value, k: &str| v[k].as_f64().unwrap();
            report.push(format!(
                "{fixture} {:?}: {:.0} px to write in ({} line label), Albanian {:?}: {:.0} px",
                f["label"].as_str().unwrap(),
                n(f, "dd"),
                f["dtLines"],
                sq["label"].as_str().unwrap(),
                n(sq, "dd")
            ));
            // As much room to write as on the Albanian sheet, or at least 60 % of the
            // column, the label wrapping to make it so.
            assert!(
                n(f, "dd") >= n(sq, "dd") - 1.0 || n(f, "dd") >= 0.6 * n(f, "col") - 1.0,
                "{fixture}: {f} against {sq}"
            );
            if f["label"] == "Inspecteur ou inspectrice" {
                assert!(
                    f["dtLines"].as_f64().unwrap() >= 2.0,
                    "the long label wraps: {f}"
                );
            }
            // The label does not run under the line, nor the field into the next.
            if rtl {
                assert!(n(f, "dtLeft") >= n(f, "ddRight") - 0.5, "{fixture}: {f}");
            } else {
                assert!(n(f, "dtRight") <= n(f, "ddLeft") + 0.5, "{fixture}: {f}");
            }
            if let Some(next) = got.get(i + 1)
                && (n(next, "left") - n(f, "left")).abs() > 1.0
            {
                let apart = if rtl {
                    n(next, "right") <= n(f, "left") + 0.5
                } else {
                    n(f, "right") <= n(next, "left") + 0.5
                };
                assert!(apart, "{fixture}: {f} runs into {next}");
            }
        }
    }
    eprintln!("{}", report.join("\n"));
}

#[test]
fn the_aggregate_s_header_holds_long_labels_in_their_columns() {
    let Some(browser) =
        browser("print_labels::the_aggregate_s_header_holds_long_labels_in_their_columns")
    else {
        return;
    };
    for (fixture, strings) in [("french", FRENCH), ("arabic", ARABIC)] {
        let dir = with_strings(fixture, strings);
        let root = dir.path();
        let files = root.join("files");
        let mut args = vec![
            "--root".to_string(),
            root.to_string_lossy().into_owned(),
            "aggregate".into(),
        ];
        args.extend(synth_assessments(root, 3, &files));
        let out = root.join("agg");
        args.extend(["--out".into(), out.to_string_lossy().into_owned()]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = doracak(&args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let html = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|x| x == "html"))
            .unwrap();
        let tab = open(&browser, &file_url(&html));
        print_width(&tab);
        let bad = eval(
            &tab,
            "[...document.querySelectorAll('.aggregate-scores thead th')].filter(th => { const r = th.getBoundingClientRect(); const range = document.createRange(); range.selectNodeContents(th); const rects = [...range.getClientRects()]; return th.scrollWidth > th.clientWidth + 1 || rects.some(t => t.left < r.left - 0.5 || t.right > r.right + 0.5); }).map(th => th.textContent + ' ' + th.scrollWidth + '>' + th.clientWidth)",
        );
        assert_eq!(
            bad,
            Value::Array(vec![]),
            "{fixture}: header cells overflow"
        );
        let labels = eval(
            &tab,
            "[...document.querySelectorAll('.aggregate-scores thead th')].map(th => th.textContent)",
        );
        assert!(
            labels.to_string().contains(if fixture == "french" {
                "Critères non évalués"
            } else {
                "معايير غير مقيّمة"
            }),
            "{labels}"
        );
    }
}
