//! Properties over arbitrary input: the loader never panics, and content Markdown never
//! reaches a page as live markup.

use crate::common;
use proptest::prelude::*;

/// Text that looks like YAML content, with the characters that break parsers.
fn yamlish() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "number: ",
        "title: ",
        "text: ",
        "criteria:\n",
        "  - ",
        "    ",
        "\t",
        "evidence:\n",
        "\"",
        "'",
        ":",
        "&a ",
        "*a",
        "[",
        "]",
        "{",
        "}",
        "|\n",
        ">-\n",
        "1.1",
        "P14D",
        "ë",
        "ç",
        "\n",
        "#",
        "---\n",
        "!!str ",
        "~",
        "%YAML 1.2\n",
        "? ",
        "<script>",
        "\u{feff}",
    ]);
    prop::collection::vec(
        prop_oneof![atoms.prop_map(String::from), "[a-zA-Z0-9 ]{0,8}"],
        0..60,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn the_loader_never_panics_on_yamlish_text(text in yamlish()) {
        let dir = common::minimal_copy();
        std::fs::write(dir.path().join("standards/02-vleresimi.yaml"), &text).unwrap();
        let (_hb, diags) = doracak::check(dir.path());
        // Whatever it found, every error is located in a file.
        for line in diags.report().lines().filter(|l| l.contains(": error: ")) {
            prop_assert!(line.starts_with("standards/") || line.starts_with("content/") || line.starts_with("doracak.toml"), "{}", line);
        }
    }

    #[test]
    fn the_loader_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let dir = common::minimal_copy();
        std::fs::write(dir.path().join("content/glossary.yaml"), &bytes).unwrap();
        let _ = doracak::check(dir.path());
    }

    #[test]
    fn markdown_never_yields_live_markup(
        parts in prop::collection::vec(prop_oneof![
            prop::sample::select(vec![
                "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[a](javascript:alert(1))", "[b](data:text/html,x)",
                "<iframe src=//x>", "<a href=\"javascript:x\">x</a>", "<svg onload=x>", "{{ x }}", "{% raw %}", "<style>*{}</style>",
                "`code`", "**b**", "- item\n", "\n\n", "[c](https://example.org)", "<b onclick=x>", "&lt;", "<!-- c -->", "<",
            ]).prop_map(String::from),
            "[^\\x00]{0,20}",
        ], 0..12)
    ) {
        let md = parts.concat();
        let html = doracak::markdown::to_html(&md);
        // Raw HTML may be shown as text (escaped); it must never be a tag.
        // Every tag is on the allowlist, and no attribute is an event handler.
        // ("span": an example printed inside its paragraph is marked `<span class="example">`.)
        let allowed = ["p", "br", "ul", "ol", "li", "em", "strong", "code", "pre", "blockquote", "a", "h3", "h4", "h5", "h6",
                       "table", "thead", "tbody", "tr", "th", "td", "hr", "del", "sup", "sub", "h1", "h2", "span"];
        for tag in html.split('<').skip(1) {
            let name: String = tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
            prop_assert!(allowed.contains(&name.as_str()), "tag <{}> in {}", name, html);
            let inside = &tag[..tag.find('>').unwrap_or(tag.len())];
            let inside = inside.to_lowercase();
            prop_assert!(!inside.split_whitespace().any(|a| a.starts_with("on")), "event handler in <{}>", inside);
            prop_assert!(!inside.contains("javascript:") && !inside.contains("data:"), "dangerous URL in <{}>", inside);
        }
    }
}

/// Arbitrary JSON, with the values the assessment format cares about over-represented.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::{Value, json};
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1e6f64..1e6).prop_map(|f| json!(f)),
        prop::sample::select(vec![
            "",
            " ",
            "met",
            "partial",
            "not_met",
            "na",
            "present",
            "missing",
            "2026-02-29",
            "2028-02-29",
            "2026-13-01",
            "2026-+1-01",
            "2026-10-01T08:00:00Z",
            "S1.1",
            "S1.1.1",
            "S9.9",
            "__proto__",
            "constructor",
            "doracak-assessment",
            "ë",
            "\u{feff}",
        ])
        .prop_map(|s| Value::String(s.to_string())),
        "[^\\x00]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        let keys = prop_oneof![
            prop::sample::select(vec![
                "schema",
                "version",
                "assessment",
                "name",
                "centre",
                "created",
                "updated",
                "ratings",
                "evidence",
                "plan",
                "rating",
                "note",
                "status",
                "location",
                "owner",
                "reviewed",
                "next_review",
                "criterion",
                "action",
                "due",
                "indicator",
                "cost",
                "handbook",
                "S1.1",
                "S1.2",
                "S2.1",
                "S1.1.1",
                "S9.9",
                "",
            ])
            .prop_map(String::from),
            "[a-z_.0-9]{0,6}",
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(keys, inner, 0..5)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

/// The valid file of the corpus with `value` put at one of its places.
fn valid_with(path: usize, value: serde_json::Value) -> serde_json::Value {
    let mut f: serde_json::Value = serde_json::from_str(&common::read(
        &common::fixtures().join("assessment-files/valid-full.json"),
    ))
    .unwrap();
    let places: [&[&str]; 12] = [
        &["version"],
        &["assessment"],
        &["assessment", "name"],
        &["assessment", "updated"],
        &["ratings"],
        &["ratings", "S1.1"],
        &["ratings", "S1.1", "rating"],
        &["evidence", "S1.1.1"],
        &["evidence", "S1.1.1", "reviewed"],
        &["plan"],
        &["handbook"],
        &["extra"],
    ];
    let place = places[path % places.len()];
    let (last, parents) = place.split_last().unwrap();
    let mut at = &mut f;
    for p in parents {
        at = &mut at[*p];
    }
    at[*last] = value;
    f
}

fn handbook() -> &'static doracak::pipeline::model::Handbook {
    static HB: std::sync::OnceLock<doracak::pipeline::model::Handbook> = std::sync::OnceLock::new();
    HB.get_or_init(|| {
        doracak::check(&common::fixtures().join("minimal"))
            .0
            .unwrap()
    })
}

/// What an accepted file always is: everything its rules promise.
fn holds_the_rules(f: &doracak::assessment::AssessmentFile) -> Result<(), TestCaseError> {
    use doracak::assessment::{EVIDENCE_STATUS, is_date, is_timestamp};
    let hb = handbook();
    prop_assert!(!f.assessment.name.trim().is_empty());
    prop_assert!(f.assessment.name.encode_utf16().count() <= 200);
    for t in [&f.assessment.created, &f.assessment.updated] {
        prop_assert!(t.is_empty() || is_timestamp(t), "{}", t);
    }
    for (id, r) in &f.ratings {
        prop_assert!(doracak::assessment::is_id(id), "{}", id);
        if let Some(code) = &r.rating {
            prop_assert!(hb.config.scale.iter().any(|s| &s.code == code), "{}", code);
        }
    }
    for (id, e) in &f.evidence {
        prop_assert!(doracak::assessment::is_id(id), "{}", id);
        if let Some(st) = &e.status {
            prop_assert!(EVIDENCE_STATUS.contains(&st.as_str()));
        }
        for d in [&e.reviewed, &e.next_review] {
            prop_assert!(d.is_empty() || is_date(d), "{}", d);
        }
    }
    let mut seen = std::collections::HashSet::new();
    for p in &f.plan {
        prop_assert!(doracak::assessment::is_id(&p.criterion));
        prop_assert!(seen.insert(&p.criterion), "one row per criterion");
        prop_assert!(p.due.is_empty() || is_date(&p.due));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn the_assessment_reader_never_panics_on_arbitrary_json(v in json_value()) {
        let r = doracak::assessment::read(&v.to_string(), handbook());
        prop_assert_eq!(r.file.is_some(), r.problems.is_empty());
        if let Some(f) = &r.file {
            holds_the_rules(f)?;
        }
    }

    #[test]
    fn the_assessment_reader_accepts_only_what_the_rules_allow(path in 0usize..12, v in json_value()) {
        let text = valid_with(path, v).to_string();
        let r = doracak::assessment::read(&text, handbook());
        prop_assert_eq!(r.file.is_some(), r.problems.is_empty());
        if let Some(f) = &r.file {
            holds_the_rules(f)?;
            // What it accepted, written out, reads back to the same.
            let again = doracak::assessment::read(&serde_json::to_string(f).unwrap(), handbook());
            prop_assert!(again.problems.is_empty(), "{:?}", again.problems);
            prop_assert_eq!(serde_json::to_value(again.file.unwrap()).unwrap(), serde_json::to_value(f).unwrap());
        }
    }

    #[test]
    fn the_assessment_reader_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let r = doracak::assessment::read_bytes(&bytes, handbook());
        prop_assert!(r.file.is_none() || r.problems.is_empty());
    }
}
