//! An action, a diagram's box and a timing in words: the title or the first sentence, the
//! box's title or normative paragraphs, the timing's phrase.

use super::super::TimingView;

/// The action in words: the title where there is one, else the text's first sentence.
pub fn action_words(title: Option<&str>, text: &str) -> String {
    if let Some(t) = title.filter(|t| !t.trim().is_empty()) {
        return t.trim().to_string();
    }
    let plain = crate::markdown::to_plain(text).replace('\n', " ");
    let plain = plain.trim();
    // The first sentence, cut where every quote cuts one (`text::sentences`: never after a
    // declared abbreviation, "nr.", "psh.", nor initials or another abbreviation written with
    // dots, "p.sh."), or at a question or exclamation mark before a capital.
    let first = crate::text::sentences(plain)
        .into_iter()
        .next()
        .unwrap_or(plain)
        .trim_end();
    let chars: Vec<(usize, char)> = first.char_indices().collect();
    for w in chars.windows(3) {
        let ((i, a), (_, b), (_, c)) = (w[0], w[1], w[2]);
        if matches!(a, '?' | '!') && b == ' ' && (c.is_uppercase() || c == '(') {
            return first[..=i].to_string();
        }
    }
    first.to_string()
}

/// What a diagram's box says. A step the source names by a title ("Hapi 3. Vlerësimi …",
/// the Kosovo guide's steps) is drawn by that title, whole: its body runs to pages, and its
/// deadlines and forms are drawn in the box beside it. A step without a title is drawn by
/// every paragraph of its normative text (never an example, never a footnote), whole, one a
/// line: who must attend, where the appeal is lodged and how the commission proceeds are
/// part of the step as much as its deadlines are.
pub fn box_words(st: &crate::pipeline::model::Step) -> String {
    if let Some(t) = st.title.as_deref().filter(|t| !t.trim().is_empty()) {
        return crate::text::single_spaced(t);
    }
    let normative = crate::markdown::without_examples(&st.text);
    crate::markdown::without_notes(&normative)
        .into_iter()
        .map(|p| crate::text::single_spaced(&crate::markdown::to_plain(p)))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A timing in words: "brenda 24 orë", "të paktën 3 ditë para".
pub fn timing_words(t: &TimingView) -> String {
    t.phrase.clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_action_is_the_title_or_the_first_sentence() {
        assert_eq!(action_words(Some("Pritja"), "Tjetër. Fjali."), "Pritja");
        assert_eq!(
            action_words(None, "Personi pritet. Pastaj **intervistohet**."),
            "Personi pritet."
        );
        assert_eq!(
            action_words(None, "Sipas nr. 5 të ligjit, p.sh. Dosja. Pastaj tjetër."),
            "Sipas nr. 5 të ligjit, p.sh. Dosja."
        );
        assert_eq!(action_words(None, "Pa pikë në fund"), "Pa pikë në fund");
        // Cut as every quote is cut (`text::sentences`): a declared abbreviation ends no
        // sentence ("psh.", which has no dot inside), and a short word or a number that
        // is none still ends one.
        assert_eq!(
            action_words(None, "Dokumente psh. Fletëpalosja. Pastaj tjetër."),
            "Dokumente psh. Fletëpalosja."
        );
        assert_eq!(
            action_words(None, "Njofton MR. Pastaj tjetër."),
            "Njofton MR."
        );
        assert_eq!(
            action_words(None, "Sipas nenit 5. Pastaj tjetër."),
            "Sipas nenit 5."
        );
        assert_eq!(action_words(None, "Kush? Pastaj tjetër."), "Kush?");
    }
}
