//! Tests of the example marks (`examples.rs`).
#[test]
fn an_example_printed_inside_its_paragraph_stays_there_marked() {
    // 002:262: "… rritje graduale të numrit të punonjësve. Për shembull, … 4-vjeçare …"
    // is one paragraph: the example is glued to the line before it.
    let md = "Rregulli.\n> Për shembull, 4 vjet.\n\n> Shembull: veç.\n\nPastaj.";
    let h = crate::markdown::to_html(md);
    assert!(
        h.starts_with("<p>Rregulli. <span class=\"example\">Për shembull, 4 vjet.</span></p>"),
        "{h}"
    );
    assert!(
        h.contains("<blockquote class=\"example\">\n<p>Shembull: veç.</p>"),
        "{h}"
    );
    assert_eq!(super::without_examples(md), "Rregulli.\n\n\nPastaj.");
    assert_eq!(super::examples(md).len(), 2);
}

#[test]
fn an_example_printed_mid_paragraph_keeps_the_paragraph_whole() {
    // 002:173-178: "… vetë bashkia. Për shembull, … administrative. Kjo formë …" is one
    // paragraph; the text after the example is written under the quote's lone `>`.
    let md = "Rregulli.\n> Për shembull, 4 vjet.\n>\nPastaj rregulli.\n\nTjetër.";
    let h = crate::markdown::to_html(md);
    assert!(
        h.starts_with(
            "<p>Rregulli. <span class=\"example\">Për shembull, 4 vjet.</span> Pastaj rregulli.</p>"
        ),
        "{h}"
    );
    assert!(h.contains("<p>Tjetër.</p>"), "{h}");
    assert_eq!(
        super::without_examples(md),
        "Rregulli.\nPastaj rregulli.\n\nTjetër."
    );
    assert_eq!(super::examples(md), vec!["Për shembull, 4 vjet."]);
}

#[test]
fn an_example_printed_inside_a_list_item_stays_there_marked() {
    // 003:2246-2249: one item, examples in its middle; 002:420: one at its end. The
    // quote is indented as the item's text, right under its last line.
    let md = "Hyrje:\n\n- Reagimi - emocionale\n  > (p.sh. zemërimi),\n  >\n  kognitive\n  > (p.sh. mohimi)\n  >\n  dhe sjellja.\n- Vendimi i dhënave\n  > (p.sh., disa pyetje).\n- Tjetër.";
    let h = crate::markdown::to_html(md);
    assert!(
        h.contains(
            "<li>Reagimi - emocionale <span class=\"example\">(p.sh. zemërimi),</span> kognitive <span class=\"example\">(p.sh. mohimi)</span> dhe sjellja.</li>"
        ),
        "{h}"
    );
    assert!(
        h.contains("<li>Vendimi i dhënave <span class=\"example\">(p.sh., disa pyetje).</span></li>\n<li>Tjetër.</li>"),
        "{h}"
    );
    assert!(
        !h.contains("<blockquote") && !h.contains("<li>\n<p>"),
        "{h}"
    );
    assert_eq!(
        super::without_examples(md),
        "Hyrje:\n\n- Reagimi - emocionale\n  kognitive\n  dhe sjellja.\n- Vendimi i dhënave\n- Tjetër."
    );
    assert_eq!(
        super::examples(md),
        vec![
            "(p.sh. zemërimi),",
            "(p.sh. mohimi)",
            "(p.sh., disa pyetje)."
        ]
    );
    // In plain text (search documents) an example is a line of its own, as one after
    // a paragraph is: never glued to the item's last word.
    assert_eq!(
        crate::markdown::to_plain("- Vendimi\n  > (p.sh. x).\n- Tjetër"),
        "Vendimi\n(p.sh. x).\nTjetër"
    );
    // A loose list (items in paragraphs), and a numbered one.
    let h = crate::markdown::to_html("- një\n  > (p.sh. x)\n\n- dy\n");
    assert!(
        h.contains("<li>\n<p>një <span class=\"example\">(p.sh. x)</span></p>\n</li>"),
        "{h}"
    );
    let h = crate::markdown::to_html("1. një **fjalë**\n   > (p.sh. x)\n2. dy\n");
    assert!(
        h.contains("<li>një <strong>fjalë</strong> <span class=\"example\">(p.sh. x)</span></li>"),
        "{h}"
    );
}

#[test]
fn a_list_item_that_is_an_example_from_its_first_word_stays_an_item_marked() {
    // 003:2527-2534: "… për shembull:" and three cases, the third going on with the
    // guide's definition of a transfer, which is no example.
    let md = "- Rasti, për shembull:\n  - > Zhvendosur;\n  - > MR nuk është;\n  - > Kërkesë.\n    >\n    Transferimi tregon.\n- Tjetër.";
    let h = crate::markdown::to_html(md);
    for item in [
        "<li><span class=\"example\">Zhvendosur;</span></li>",
        "<li><span class=\"example\">Kërkesë.</span> Transferimi tregon.</li>",
    ] {
        assert!(h.contains(item), "{h}");
    }
    assert!(!h.contains("<blockquote"), "{h}");
    assert_eq!(
        super::without_examples(md),
        "- Rasti, për shembull:\n- Tjetër."
    );
    assert_eq!(
        super::examples(md),
        vec!["Zhvendosur;", "MR nuk është;", "Kërkesë."]
    );
    assert_eq!(
        super::unmarked(md),
        "- Rasti, për shembull:\n  - Zhvendosur;\n  - MR nuk është;\n  - Kërkesë. Transferimi tregon.\n- Tjetër."
    );
    // Numbered, and an example item as the list's last line.
    assert_eq!(super::without_examples("1. një\n2. > dy"), "1. një");
    assert_eq!(super::unmarked("1. një\n2. > dy"), "1. një\n2. dy");
}

#[test]
fn an_item_marked_as_an_example_with_no_words_is_found_and_changes_no_other_item() {
    // Adversary 48 L-6.
    assert_eq!(
        super::empty_example_items("1. > një\n2. > dy\n3. >\n4. > katër"),
        [2]
    );
    assert_eq!(
        super::empty_example_items("- > a\n- >\n  teksti\n- > c"),
        [1]
    );
    assert_eq!(super::empty_example_items("- >  "), [0]);
    // Its words on the quoted lines under it: an example.
    assert!(super::empty_example_items("2. >\n   >\n   > dy").is_empty());
    assert!(super::empty_example_items("- > a\n> b").is_empty());
    // The other items render as they do without it, in a tight list and a loose one.
    for (with, others) in [
        ("- > a\n- >\n- > c", ["a", "c"]),
        ("1. > a\n\n2. >\n3. > c", ["a", "c"]),
        ("- > a\n- >\n\n- > c", ["a", "c"]),
        ("1. x\n\n2. >\n3. > a\n4. > c", ["a", "c"]),
    ] {
        let h = crate::markdown::to_html(with);
        assert!(!h.contains("<blockquote"), "{h}");
        for o in others {
            assert!(
                h.contains(&format!("<li><span class=\"example\">{o}</span></li>")),
                "{with:?}: {h}"
            );
        }
    }
}

#[test]
fn a_quoted_block_is_an_example_and_no_normative_text() {
    let md = "Rregulli.\n\n> **Shembull:** çdo 60 ditë.\n\nPastaj.";
    assert!(crate::markdown::to_html(md).contains("<blockquote class=\"example\">"));
    assert_eq!(super::without_examples(md), "Rregulli.\n\n\nPastaj.");
    assert_eq!(super::examples(md), vec!["**Shembull:** çdo 60 ditë."]);
}

#[test]
fn only_a_quote_of_one_paragraph_glued_to_a_paragraph_goes_inline() {
    let h = |md: &str| crate::markdown::to_html(md);
    // Two paragraphs in the quote, a quote under a list, a quote inside a quote: blocks.
    for md in [
        "Rregulli.\n> një\n>\n> dy",
        "- pika\n> shembull",
        "> a\n>\n> > b",
        "Rregulli.\n> - pika",
    ] {
        assert!(!h(md).contains("<span"), "{md:?}: {}", h(md));
    }
    // The marks are markup the sanitiser saw: raw HTML in the example stays text.
    let out = h("Rregulli.\n> <span class=\"x\" onclick=y>**b**</span>");
    assert!(
        out.contains(
            "<span class=\"example\">&lt;span class=\"x\" onclick=y&gt;<strong>b</strong>&lt;/span&gt;</span>"
        ),
        "{out}"
    );
}

#[test]
fn a_text_unmarked_reads_as_the_source_prints_it() {
    use super::unmarked;
    // No example: the very bytes.
    for md in ["Rregulli.\n", "Rregulli", "- një\n- dy\n\nTjetër."] {
        assert_eq!(unmarked(md), md);
    }
    // Inside its paragraph, at its end and mid-paragraph.
    assert_eq!(
        unmarked("Rregulli,\n> p.sh. 4 vjet.\n"),
        "Rregulli, p.sh. 4 vjet.\n"
    );
    assert_eq!(
        unmarked("Rregulli.\n> Për shembull,\n> 4 vjet.\n>\nPastaj rregulli.\n\nTjetër."),
        "Rregulli. Për shembull, 4 vjet. Pastaj rregulli.\n\nTjetër."
    );
    // Inside list items, indented; in the middle of one.
    assert_eq!(
        unmarked(
            "- Reagimi - emocionale\n  > (p.sh. zemërimi),\n  >\n  kognitive\n  > (p.sh. mohimi)\n  >\n  dhe sjellja.\n- Tjetër"
        ),
        "- Reagimi - emocionale (p.sh. zemërimi), kognitive (p.sh. mohimi) dhe sjellja.\n- Tjetër"
    );
    // A block of its own loses its marks only; a quote of two paragraphs is a block.
    assert_eq!(
        unmarked("Rregulli.\n\n> **Shembull:**\n> një\n>\n> dy\n\nPastaj."),
        "Rregulli.\n\n**Shembull:**\nnjë\n\ndy\n\nPastaj."
    );
    assert_eq!(unmarked("Rregulli.\n> një\n>\n> dy"), "Rregulli. një\n\ndy");
    // Whatever the marks, no `>` is left and the words are the same in the same order.
    for md in [
        "Rregulli,\n> p.sh. 4 vjet.\n",
        "A\n> b\n>\nc\n> d\n\n> e\n>\n> f",
    ] {
        let u = unmarked(md);
        assert!(!u.lines().any(|l| l.trim_start().starts_with('>')), "{u:?}");
        let words = |s: &str| {
            s.split_whitespace()
                .filter(|w| *w != ">")
                .map(|w| w.trim_start_matches('>').to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(words(&u), words(md));
    }
}

#[test]
fn a_quote_is_cut_where_its_examples_begin() {
    // Adversary 49 L-4 (003:2527): the item's ", për shembull:" opens the cases given as
    // examples; a stem quotes the item up to there.
    let md = "Mbyllja e rastit mund të jetë rezultat i disa arsyeve:\n\n- Fëmija vdes;\n- QPS \
              transferon fëmijën tjetër, për shembull:\n  - > Fëmija është zhvendosur;\n  - > \
              Klienti ka bërë kërkesë.\n";
    assert_eq!(
        super::before_examples(
            md,
            "Fëmija vdes; … transferon fëmijën tjetër, për shembull:"
        )
        .as_deref(),
        Some("Fëmija vdes; … transferon fëmijën tjetër")
    );
    // A sentence whose lead-in opens no example list is no such quote; nor a quote that
    // does not end on the colon.
    let normative = "Komisioni shqyrton:\n\n- Dosjen e plotë;\n- Vendimin.\n";
    assert_eq!(
        super::before_examples(normative, "Komisioni shqyrton:"),
        None
    );
    assert_eq!(
        super::before_examples(md, "QPS transferon fëmijën tjetër"),
        None
    );
    // Without opening words only the colon goes; "p.sh." is one of them.
    let md = "Rasti mbyllet:\n\n> Personi largohet.\n\nDokumente, p.sh.:\n\n> Fletëpalosje.\n";
    assert_eq!(
        super::before_examples(md, "Rasti mbyllet:").as_deref(),
        Some("Rasti mbyllet")
    );
    assert_eq!(
        super::before_examples(md, "Dokumente, p.sh.:").as_deref(),
        Some("Dokumente")
    );
}
