//! A page's text as a reader sees it, block by block: what the handout tests compare a
//! procedure page with its handout by.

/// Elements whose content is not read as text, or not the page's text: the diagram (drawn,
/// with its own tests), navigation, buttons and scripts.
const SKIPPED: [&str; 6] = ["svg", "nav", "script", "style", "button", "template"];
/// Classes whose content is for the screen only, or drawn: left out as [`SKIPPED`].
const SKIPPED_CLASSES: [&str; 2] = ["diagram-section", "no-print"];
/// Elements that end a line of text.
const BLOCKS: [&str; 24] = [
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "div",
    "dt",
    "dd",
    "tr",
    "td",
    "th",
    "section",
    "ul",
    "ol",
    "table",
    "br",
    "header",
    "article",
    "figure",
    "figcaption",
    "blockquote",
];
const VOID: [&str; 8] = ["br", "hr", "img", "input", "meta", "link", "wbr", "col"];

/// The text of the page's `<article>`, one line per block (paragraph, list item, heading,
/// table cell), white space collapsed, entities undone. A step's anchor ("Hapi 3") is a line
/// of its own: the heading "Hapi 3: Vlerësimi …" is the step's name and its printed title,
/// which a table gives in two cells.
pub fn article_lines(html: &str) -> Vec<String> {
    let start = html.find("<article").unwrap_or(0);
    let end = html
        .rfind("</article>")
        .map(|i| i + 10)
        .unwrap_or(html.len());
    let html = &html[start..end];
    let mut lines = vec![String::new()];
    let mut skip = 0usize;
    let mut in_anchor = false;
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        if skip == 0 {
            lines.last_mut().unwrap().push_str(&rest[..lt]);
        }
        let Some(gt) = rest[lt..].find('>') else {
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        if tag.starts_with('!') {
            continue;
        }
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let void = VOID.contains(&name.as_str()) || tag.ends_with('/');
        if skip > 0 {
            if !void {
                if closing { skip -= 1 } else { skip += 1 }
            }
            continue;
        }
        if !closing && !void {
            let class = attr(tag, "class");
            let skipped = SKIPPED.contains(&name.as_str())
                || class
                    .split_whitespace()
                    .any(|c| SKIPPED_CLASSES.contains(&c));
            if skipped {
                skip = 1;
                continue;
            }
        }
        let anchor =
            !closing && name == "a" && attr(tag, "class").split_whitespace().any(|c| c == "anchor");
        let anchor_end = closing && name == "a" && std::mem::take(&mut in_anchor);
        in_anchor |= anchor;
        if BLOCKS.contains(&name.as_str()) || anchor || anchor_end {
            lines.push(String::new());
        }
    }
    lines
        .into_iter()
        .map(|l| {
            super::unescape(&l)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .map(|l| l.trim_start_matches([':', ' ']).to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// The text of every heading of the page's `<article>`: `h1`–`h6` and the table's
/// header cells that head a group of rows or a row (a step's or passage's name).
pub fn article_headings(html: &str) -> Vec<String> {
    let start = html.find("<article").unwrap_or(0);
    let end = html.rfind("</article>").unwrap_or(html.len());
    let html = &html[start..end];
    let mut out = Vec::new();
    for open in [
        "<h1",
        "<h2",
        "<h3",
        "<h4",
        "<h5",
        "<h6",
        "<th scope=\"rowgroup\"",
        "<th scope=\"row\"",
    ] {
        let close = if open.starts_with("<th") {
            "</th>"
        } else {
            &open.replace('<', "</")
        };
        let mut rest = html;
        while let Some(i) = rest.find(open) {
            let from = &rest[i..];
            let Some(gt) = from.find('>') else { break };
            let Some(end) = from.find(close) else { break };
            out.push(super::plain(&super::unescape(&from[gt + 1..end])));
            rest = &from[end..];
        }
    }
    out
}

/// An attribute's value in a tag's text (double-quoted, as the templates write).
fn attr<'a>(tag: &'a str, name: &str) -> &'a str {
    let pat = format!(" {name}=\"");
    tag.find(&pat)
        .and_then(|i| {
            let v = &tag[i + pat.len()..];
            v.find('"').map(|e| &v[..e])
        })
        .unwrap_or("")
}

/// Each box of a page's diagrams: (the step id its link goes to, the box's words).
pub fn diagram_boxes(page: &str) -> Vec<(String, String)> {
    page.split("<a class=\"dg-step-link\" href=\"")
        .skip(1)
        .map(|b| {
            let href = b.split('"').next().unwrap();
            let id = href.rsplit_once('#').map(|(_, id)| id).unwrap_or("");
            let words = super::plain(&format!("<x{}", b.split("</a>").next().unwrap()));
            (id.to_string(), words)
        })
        .collect()
}
