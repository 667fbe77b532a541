//! The words of a diagram: a box's lines (the whole action, deadline and forms, wrapped,
//! never cut), lanes, wrapping and escaping.

use super::*;

/// A step's lanes: its actors, or the lane of no one.
pub(super) fn lane_ids(s: &Node) -> Vec<&str> {
    if s.actors.is_empty() {
        vec![""]
    } else {
        let mut v: Vec<&str> = Vec::new();
        for a in &s.actors {
            if !v.contains(&a.as_str()) {
                v.push(a);
            }
        }
        v
    }
}

pub(super) struct BoxText {
    pub action: Vec<String>,
    pub deadline: Vec<String>,
    /// Forms short enough for a tag of their own.
    pub forms: Vec<String>,
    /// Forms named by a title too long for a tag: their lines, whole.
    pub form_lines: Vec<String>,
    pub height: u32,
}

/// A form's tag width, or none where its label does not fit a tag.
pub(super) fn tag_width(label: &str) -> Option<u32> {
    let w = label.chars().count() as u32 * 6 + 8;
    (w <= BOX_W - 2 * PAD).then_some(w)
}

/// A box's lines: the whole action, the whole deadline and every form, wrapped to the box,
/// never cut.
pub(super) fn box_text(s: &Node, _w: &Words) -> BoxText {
    // Each paragraph of the step (a line of `action`) begins a line of its own.
    let action: Vec<String> = s
        .action
        .lines()
        .flat_map(|p| wrap(p, BOX_CHARS, usize::MAX))
        .collect();
    let deadline: Vec<String> = s
        .deadline
        .as_deref()
        .map(|d| {
            d.lines()
                .flat_map(|l| wrap(l, DEADLINE_CHARS, usize::MAX))
                .collect()
        })
        .unwrap_or_default();
    let (forms, long): (Vec<&String>, Vec<&String>) =
        s.forms.iter().partition(|f| tag_width(f).is_some());
    let form_lines: Vec<String> = long
        .iter()
        .flat_map(|f| wrap(f, DEADLINE_CHARS, usize::MAX))
        .collect();
    // Rows of form tags, as they are placed.
    let mut rows = 0;
    let mut used = u32::MAX;
    for f in &forms {
        let fw = tag_width(f).unwrap_or(BOX_W - 2 * PAD);
        if used == u32::MAX || used + fw > BOX_W - 2 * PAD {
            rows += 1;
            used = fw + 4;
        } else {
            used += fw + 4;
        }
    }
    let height = PAD
        + LINE
        + LINE * (action.len() + deadline.len() + form_lines.len()) as u32
        + if rows > 0 { 5 + rows * 17 } else { 0 }
        + PAD
        + 2;
    BoxText {
        action,
        deadline,
        forms: forms.into_iter().cloned().collect(),
        form_lines,
        height,
    }
}

/// Words into at most `lines` lines of at most `width` characters; what does not fit ends
/// in "…" (a box asks for every line it needs: nothing is cut). A word longer than a line
/// breaks after a "/", or else across lines.
pub fn wrap(text: &str, width: usize, lines: usize) -> Vec<String> {
    // Pieces and whether a space goes before each: a long word breaks after a "/".
    let mut pieces: Vec<(String, bool)> = Vec::new();
    for word in text.split_whitespace() {
        let parts: Vec<&str> = if word.chars().count() > width && word.contains('/') {
            word.split_inclusive('/').collect()
        } else {
            vec![word]
        };
        for (k, part) in parts.iter().enumerate() {
            // A piece still longer than a line is broken across lines, never cut.
            let chars: Vec<char> = part.chars().collect();
            for (m, chunk) in chars.chunks(width.max(1)).enumerate() {
                pieces.push((chunk.iter().collect(), k == 0 && m == 0));
            }
        }
    }
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut cut = false;
    for (piece, spaced) in &pieces {
        let piece = piece.clone();
        let len = cur.chars().count();
        let gap = usize::from(*spaced);
        if len == 0 {
            cur = piece;
        } else if len + gap + piece.chars().count() <= width {
            if *spaced {
                cur.push(' ');
            }
            cur.push_str(&piece);
        } else {
            out.push(std::mem::take(&mut cur));
            if out.len() == lines {
                cut = true;
                break;
            }
            cur = piece;
        }
    }
    if !cur.is_empty() && out.len() < lines {
        out.push(cur);
    }
    if cut && let Some(last) = out.last_mut() {
        while last.chars().count() + 1 > width {
            if let Some((head, _)) = last.rsplit_once(' ') {
                *last = head.to_string();
            } else {
                last.pop();
            }
        }
        last.push('…');
    }
    out
}

pub(super) fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
