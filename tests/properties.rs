//! Properties over arbitrary input: the loader never panics, and content Markdown never
//! reaches a page as live markup.

mod common;

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
        let allowed = ["p", "br", "ul", "ol", "li", "em", "strong", "code", "pre", "blockquote", "a", "h3", "h4", "h5", "h6",
                       "table", "thead", "tbody", "tr", "th", "td", "hr", "del", "sup", "sub", "h1", "h2"];
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
