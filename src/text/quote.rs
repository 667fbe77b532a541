//! A quote that leaves words out: pieces of the source joined by " … ", each verbatim, in
//! the source's order ("APAP-i … nëse është e nevojshme, kërkon mbledhjen e menjëhershme
//! të AP-së", 001:979-981). A quote without " … " is one piece.

use crate::text::TextExt;

/// The pieces of `quote` (written joined by " … "), its spaces made single, each trimmed
/// (one piece where nothing is left out; an empty one where "…" opens or closes it, which
/// validation refuses).
pub fn pieces(quote: &str) -> Vec<String> {
    let single = quote.single_spaced();
    single.split('…').map(|p| p.trim().to_string()).collect()
}

/// Whether `quote` leaves words out (holds " … ").
pub fn is_elided(quote: &str) -> bool {
    pieces(quote).len() > 1
}

/// Where each piece of `quote` stands in `hay`, in order, each after the one before and
/// each a whole word at its edges ("APAP-i" is not the start of "APAP-in"): the byte range
/// of each, or the index of the first piece not found after the one before. Each piece is
/// taken at its first place after the one before.
pub fn find_pieces(hay: &str, quote: &str) -> Result<Vec<(usize, usize)>, usize> {
    let mut from = 0;
    let mut out = Vec::new();
    for (i, p) in pieces(quote).iter().enumerate() {
        let at = find_word(hay, p, from).ok_or(i)?;
        out.push((at, at + p.len()));
        from = at + p.len();
    }
    Ok(out)
}

/// The first place of `piece` in `hay` from byte `from` where it is whole at its edges
/// (a footnote's marker after it, "orësh¹⁴", is no letter of its last word).
fn find_word(hay: &str, piece: &str, from: usize) -> Option<usize> {
    // A footnote's marker ("orësh¹⁴") is no letter of the word it follows.
    let word = |c: Option<char>| {
        c.is_some_and(|c| crate::text::is_word_char(c) && !crate::text::is_note_marker(c))
    };
    let mut start = from;
    while let Some(i) = hay[start..].find(piece) {
        let at = start + i;
        let end = at + piece.len();
        let open = !word(piece.chars().next()) || !word(hay[..at].chars().next_back());
        let close = !word(piece.chars().next_back()) || !word(hay[end..].chars().next());
        if open && close {
            return Some(at);
        }
        start = at + piece.chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// The byte range of `hay` from the first piece of `quote` to the end of its last, where
/// all stand in it in order (`find_pieces`).
pub fn span(hay: &str, quote: &str) -> Option<(usize, usize)> {
    let found = find_pieces(hay, quote).ok()?;
    Some((found.first()?.0, found.last()?.1))
}

/// Whether every piece of `quote` stands in `hay`, in order.
pub fn holds(hay: &str, quote: &str) -> bool {
    span(hay, quote).is_some()
}

/// The sentences a quote stands within: `hay` cut at each line break (a paragraph, a list
/// item: "- Informacione mbi mënyrën …" and "- Arsyet e Referimit" are two), each line cut
/// into sentences (`crate::text::sentences`), and each of those cut again after a "?" or a
/// "!" and a space ("Cilat të dhëna janë më bindëse? Ku ndryshojnë ato?" is two;
/// adversary 51 L-1).
pub fn sentences(hay: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in hay.split('\n') {
        for s in crate::text::sentences(line) {
            let mut start = 0;
            for (i, m) in s.match_indices(['?', '!']) {
                let end = i + m.len();
                if s[end..].starts_with(' ') {
                    out.push(&s[start..=end]);
                    start = end + 1;
                }
            }
            if start < s.len() {
                out.push(&s[start..]);
            }
        }
    }
    out
}

/// Where `quote` stands whole in one sentence of `hay` (`sentences`): the byte range from
/// its first piece to the end of its last, in the first sentence that holds every piece in
/// order, each whole words at its edges (`span`). A quote that leaves nothing out is one
/// piece: "brenda 3 ditë" does not stand in "brenda 3 ditëve", nor a quote across ". ".
/// What validation asks of every timing's words.
pub fn locate(hay: &str, quote: &str) -> Option<(usize, usize)> {
    sentences(hay).into_iter().find_map(|s| {
        let offset = s.as_ptr() as usize - hay.as_ptr() as usize;
        span(s, quote).map(|(start, end)| (offset + start, offset + end))
    })
}

/// Where `quote` stands in `hay`, for a page that looks a validated quote up in text
/// written otherwise (plain, its lines joined): as `str::find` for a quote that leaves
/// nothing out; for an elided one, where it stands whole in one sentence (`locate`).
pub fn find(hay: &str, quote: &str) -> Option<usize> {
    if !is_elided(quote) {
        return hay.find(quote);
    }
    locate(hay, quote).map(|(start, _)| start)
}

/// Whether `quote` stands in `hay` (`find`).
pub fn stands_in(hay: &str, quote: &str) -> bool {
    find(hay, quote).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_stand_in_order() {
        let hay = "APAP-i përcjell informacionin dhe, nëse është e nevojshme, kërkon mbledhjen.";
        assert!(holds(
            hay,
            "APAP-i … nëse është e nevojshme, kërkon mbledhjen"
        ));
        assert!(holds(hay, "përcjell informacionin"));
        assert_eq!(find_pieces(hay, "kërkon … APAP-i"), Err(1));
        assert_eq!(find_pieces(hay, "APAP-i … mungon"), Err(1));
        assert_eq!(
            span(hay, "APAP-i … dhe"),
            Some((0, hay.find(" dhe").unwrap() + 4))
        );
        // A piece is whole at its edges: "APAP-i" is not "APAP-in".
        let two = "njoftojnë APAP-in e ASHMDF-në. Me marrjen, APAP-i kërkon mbledhjen.";
        assert_eq!(
            span(two, "APAP-i … kërkon").map(|s| s.0),
            two.find("APAP-i ")
        );
        assert!(!is_elided("kërkon mbledhjen"));
        // One sentence holds an elided quote's pieces; the first such sentence is found.
        let three = "APAP-i njofton. Pastaj APAP-i përcjell dhe kërkon mbledhjen.";
        assert_eq!(
            find(three, "APAP-i … kërkon"),
            Some(three.rfind("APAP-i").unwrap())
        );
        assert_eq!(find(three, "njofton … kërkon"), None);
        assert_eq!(find(three, "kërkon"), three.find("kërkon"));
    }

    #[test]
    fn a_quote_stands_whole_in_one_sentence() {
        // Adversary 51 L-1: a sentence ends at ". ", "? ", "! " and each line's end.
        assert_eq!(
            sentences("Cilat janë? Ku ndryshojnë! Tjetër. Fundi\n- Arsyet"),
            vec![
                "Cilat janë? ",
                "Ku ndryshojnë! ",
                "Tjetër. ",
                "Fundi",
                "- Arsyet"
            ]
        );
        // "?" or "!" not before a space ends none.
        assert_eq!(sentences("A?B është!një"), vec!["A?B është!një"]);
        let hay = "Cilat të dhëna janë më bindëse? Ku ndryshojnë ato?";
        assert_eq!(locate(hay, "Cilat të dhëna … Ku ndryshojnë ato"), None);
        assert_eq!(
            locate(hay, "Ku ndryshojnë"),
            hay.find("Ku").map(|at| (at, at + "Ku ndryshojnë".len()))
        );
        let items = "- Informacione mbi mënyrën\n- Arsyet e Referimit";
        assert_eq!(
            locate(items, "Informacione mbi mënyrën … Arsyet e Referimit"),
            None
        );
        // Whole words, a quote that leaves nothing out too; a footnote's marker is no letter.
        assert_eq!(locate("brenda 3 ditëve", "brenda 3 ditë"), None);
        assert!(locate("brenda 24 orësh¹⁴. Tjetër", "brenda 24 orësh").is_some());
        // Nor across a sentence's end.
        assert_eq!(
            locate("Njoftohet brenda ditës. Grupi mblidhet.", "ditës. Grupi"),
            None
        );
    }
}
