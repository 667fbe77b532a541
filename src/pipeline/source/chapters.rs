//! `content/chapters/NN-slug.md`: a source's running text (an introduction, a legal
//! background, principles), Markdown after a YAML front matter (see "Chapters" in
//! `docs/content-format.md`).

use serde::Deserialize;

use super::{S, empty};

/// The front matter between the two `---` lines at the top of a chapter file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChapterFrontSrc {
    pub title: S<String>,
    /// The procedure collection the chapter belongs to (declared in `doracak.toml`).
    #[serde(default)]
    pub collection: Option<S<String>>,
    /// Where the text comes from, as a reader would cite it.
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default = "empty")]
    pub procedures: Vec<S<String>>,
    #[serde(default = "empty")]
    pub roles: Vec<S<String>>,
    #[serde(default = "empty")]
    pub forms: Vec<S<String>>,
}

/// A chapter file: its front matter, and the Markdown after it with the line it starts at
/// (so a link in it is reported at its own line and column).
#[derive(Debug)]
pub struct ChapterSrc {
    pub front: ChapterFrontSrc,
    pub body: String,
    /// The 1-based line of the file the body's first line is.
    pub body_line: u32,
}

/// The front matter and the body of a chapter file's text: `(front, front_line, body,
/// body_line)`, or `None` when the file does not start with a `---` line closed by another.
pub fn split_front_matter(text: &str) -> Option<(&str, u32, &str, u32)> {
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        if line.trim_end() == "---" {
            let front = &rest[..offset];
            let body = &rest[offset + line.len()..];
            return Some((front, 2, body, i as u32 + 3));
        }
        offset += line.len();
    }
    None
}
