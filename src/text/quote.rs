//! A quote that leaves words out: pieces of the source joined by " … ", each verbatim, in
//! the source's order ("APAP-i … nëse është e nevojshme, kërkon mbledhjen e menjëhershme
//! të AP-së", 001:979-981). A quote without " … " is one piece.

/// The pieces of `quote` (written joined by " … "), its spaces made single, each trimmed
/// (one piece where nothing is left out; an empty one where "…" opens or closes it, which
/// validation refuses).
pub fn pieces(quote: &str) -> Vec<String> {
    let single = quote.split_whitespace().collect::<Vec<_>>().join(" ");
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

/// The first place of `piece` in `hay` from byte `from` where it is whole at its edges.
fn find_word(hay: &str, piece: &str, from: usize) -> Option<usize> {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
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

/// Where `quote` stands in `hay`: as `str::find` for a quote that leaves nothing out; for
/// an elided one, the start of its first piece in the first sentence of `hay` that holds
/// every piece in order (`crate::text::sentences`).
pub fn find(hay: &str, quote: &str) -> Option<usize> {
    if !is_elided(quote) {
        return hay.find(quote);
    }
    crate::text::sentences(hay).into_iter().find_map(|s| {
        let offset = s.as_ptr() as usize - hay.as_ptr() as usize;
        span(s, quote).map(|(start, _)| offset + start)
    })
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
}
