//! A page's template indentation taken out as it is written: the spaces and tabs that
//! begin a line, and blank lines, in the page's text and between a tag's attributes. What
//! a reader sees does not change: outside `<pre>`, `<textarea>`, `<script>` and `<style>`
//! (left as they are) a run of white space renders as one space whether or not it holds
//! indentation, and attribute values (between quotes) are left as they are.

use std::io::{self, Write};

/// The state of the squeeze between two pieces of one page.
#[derive(Default)]
pub(super) struct Squeeze {
    /// The last byte written was a line break (or nothing was written yet).
    line_start: bool,
    /// Inside a tag (`<…>`), and which quote is open in it.
    in_tag: bool,
    quote: Option<u8>,
    /// The name of the tag being read (lowercase, up to the first space).
    name: Vec<u8>,
    reading_name: bool,
    /// Inside an element whose text is kept as it is: the closing tag that ends it.
    raw_end: Option<&'static [u8]>,
    /// How many bytes of `raw_end` have matched so far.
    matched: usize,
}

/// Elements whose content is written as it is.
const RAW: [(&[u8], &[u8]); 4] = [
    (b"pre", b"</pre"),
    (b"textarea", b"</textarea"),
    (b"script", b"</script"),
    (b"style", b"</style"),
];

impl Squeeze {
    pub(super) fn new() -> Self {
        Squeeze {
            line_start: true,
            ..Squeeze::default()
        }
    }

    /// Squeeze `input`, appending to `out`.
    ///
    /// Each turn of the loop is in one state (in a raw element, in a quoted attribute value,
    /// in the text, in a tag) and copies the longest run that state lets through whole
    /// before it looks at one byte alone: a tag's name is read with the `<` before it.
    pub(super) fn feed(&mut self, input: &[u8], out: &mut Vec<u8>) {
        out.reserve(input.len());
        let n = input.len();
        let mut i = 0;
        while i < n {
            if let Some(end) = self.raw_end {
                // Inside a raw element: up to the next `<` where no closing tag is half
                // read, then its closing tag matched a byte at a time.
                if self.matched == 0 {
                    let k = memchr::memchr(b'<', &input[i..]).unwrap_or(n - i);
                    if !copied(input, &mut i, k, out) {
                        return;
                    }
                }
                let b = taken(input, &mut i, out);
                if b.to_ascii_lowercase() == end[self.matched] {
                    self.matched += 1;
                    if self.matched == end.len() {
                        // The closing tag's name is out; its `>` is read as a tag's.
                        self.raw_end = None;
                        self.matched = 0;
                        self.in_tag = true;
                        self.reading_name = false;
                        self.name.clear();
                        self.line_start = false;
                    }
                } else {
                    self.matched = usize::from(b == b'<');
                }
                continue;
            }
            if let Some(q) = self.quote {
                // An attribute value, up to its closing quote, as it is.
                match memchr::memchr(q, &input[i..]) {
                    Some(k) => {
                        out.extend_from_slice(&input[i..=i + k]);
                        i += k + 1;
                        self.quote = None;
                        self.line_start = false;
                    }
                    None => {
                        out.extend_from_slice(&input[i..]);
                        self.line_start = false;
                        return;
                    }
                }
                continue;
            }
            // The indentation and blank lines at a line's start, skipped whole.
            if self.line_start {
                let k = input[i..]
                    .iter()
                    .position(|&b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
                    .unwrap_or(n - i);
                i += k;
                if i == n {
                    return;
                }
            }
            if !self.in_tag {
                // The text, up to the next tag or line break.
                let k = memchr::memchr2(b'<', b'\n', &input[i..]).unwrap_or(n - i);
                if k > 0 {
                    self.line_start = false;
                    if !copied(input, &mut i, k, out) {
                        return;
                    }
                }
                if taken(input, &mut i, out) == b'\n' {
                    self.line_start = true;
                    continue;
                }
                // A tag opens: its name, letters and digits, read at once (lower-cased
                // into `name`, up to 16: a longer one is no raw element's).
                self.line_start = false;
                self.in_tag = true;
                self.name.clear();
                let k = input[i..]
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .unwrap_or(n - i);
                let kept = k.min(16);
                self.name
                    .extend(input[i..i + kept].iter().map(u8::to_ascii_lowercase));
                self.reading_name = kept == k;
                out.extend_from_slice(&input[i..i + k]);
                i += k;
                continue;
            }
            // In a tag: its attributes past its name, up to a quote, its end or a line
            // break (half of a page's bytes are its tags').
            if !self.reading_name {
                // (A plain loop: the runs are short, `class=` and the like, where a
                // `memchr3` cost more than it saved.)
                let k = input[i..]
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'\'' | b'>' | b'\n'))
                    .unwrap_or(n - i);
                if k > 0 {
                    self.line_start = false;
                    if !copied(input, &mut i, k, out) {
                        return;
                    }
                }
            }
            let b = taken(input, &mut i, out);
            self.line_start = b == b'\n';
            match b {
                b'"' | b'\'' => self.quote = Some(b),
                b'>' => {
                    self.in_tag = false;
                    self.reading_name = false;
                    if let Some((_, end)) = RAW.iter().find(|(n, _)| *n == self.name) {
                        self.raw_end = Some(end);
                        self.matched = 0;
                    }
                }
                // (A name cut by the end of a piece, or by a quote in it, read on here.)
                _ if self.reading_name => {
                    if b.is_ascii_alphanumeric() && self.name.len() < 16 {
                        self.name.push(b.to_ascii_lowercase());
                    } else {
                        self.reading_name = false;
                    }
                }
                _ => {}
            }
        }
    }
}

/// `k` bytes of `input` from `*i` copied to `out` and stepped past; `false` where that
/// ends the input.
fn copied(input: &[u8], i: &mut usize, k: usize, out: &mut Vec<u8>) -> bool {
    out.extend_from_slice(&input[*i..*i + k]);
    *i += k;
    *i < input.len()
}

/// The byte of `input` at `*i`, copied to `out` and stepped past.
fn taken(input: &[u8], i: &mut usize, out: &mut Vec<u8>) -> u8 {
    let b = input[*i];
    *i += 1;
    out.push(b);
    b
}

/// A page squeezed whole.
#[cfg(test)]
pub(super) fn squeeze(html: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(html.len());
    Squeeze::new().feed(html.as_bytes(), &mut out);
    out
}

/// How much of a page the template writes is gathered before it is squeezed: the template
/// writes a page in thousands of pieces of a few bytes, and the squeeze runs best over
/// long ones (its fast paths copy whole runs).
const GATHER: usize = 32 * 1024;

/// A writer that squeezes what goes through it, into a page's file or its bytes in memory:
/// the template's pieces gathered a few kilobytes at a time, never the whole page held as
/// the template wrote it. [`Writer::finish`] writes what is left.
pub(super) struct Writer<'a> {
    inner: &'a mut dyn Write,
    squeeze: Squeeze,
    gathered: Vec<u8>,
    buf: Vec<u8>,
}

impl<'a> Writer<'a> {
    pub(super) fn new(inner: &'a mut dyn Write) -> Self {
        Writer {
            inner,
            squeeze: Squeeze::new(),
            gathered: Vec::new(),
            buf: Vec::new(),
        }
    }

    fn put_gathered(&mut self) -> io::Result<()> {
        self.buf.clear();
        self.squeeze.feed(&self.gathered, &mut self.buf);
        self.gathered.clear();
        self.inner.write_all(&self.buf)
    }

    /// Squeeze and write what is still gathered.
    pub(super) fn finish(mut self) -> io::Result<()> {
        self.put_gathered()
    }
}

impl Write for Writer<'_> {
    fn write(&mut self, input: &[u8]) -> io::Result<usize> {
        if self.gathered.len() + input.len() > GATHER {
            self.put_gathered()?;
        }
        self.gathered.extend_from_slice(input);
        Ok(input.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.put_gathered()?;
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::squeeze;

    fn s(html: &str) -> String {
        String::from_utf8(squeeze(html)).unwrap()
    }

    #[test]
    fn indentation_and_blank_lines_go() {
        assert_eq!(
            s("<ul>\n  <li>a</li>\n\n   \n  <li>b\n    c</li>\n</ul>\n"),
            "<ul>\n<li>a</li>\n<li>b\nc</li>\n</ul>\n"
        );
    }

    #[test]
    fn raw_elements_and_attribute_values_stay() {
        let pre =
            "<div>\n  <pre class=\"x\">\n  a\n    b</pre>\n  <p title=\"a\n  b\">x</p>\n</div>";
        assert_eq!(
            s(pre),
            "<div>\n<pre class=\"x\">\n  a\n    b</pre>\n<p title=\"a\n  b\">x</p>\n</div>"
        );
        assert_eq!(
            s("<textarea>\n  kept</textarea>\n  <script>\n  if (a<b) x();\n</script>\n  z"),
            "<textarea>\n  kept</textarea>\n<script>\n  if (a<b) x();\n</script>\nz"
        );
        // A name that only begins like a raw element's is not one.
        assert_eq!(s("<prefix>\n  a</prefix>"), "<prefix>\na</prefix>");
    }

    #[test]
    fn attributes_and_raw_text_are_copied_in_runs_as_byte_by_byte() {
        // A tag's attributes over lines, quotes of both kinds, `>` and `<` inside values, a
        // raw element with a `<` that closes nothing and a closing tag in capitals.
        let page = "<div  class=\"a b\"\n    data-x='1>2'\n  hidden>\n  t <a\n href=\"#\"\n>x</a>\n\
            <SCRIPT type=\"m\">\n  if (a <b && c</sc) {}\n  </SCRIPT  >\n  <p\ttitle=\"<\">u</p>\n";
        let whole = s(page);
        assert_eq!(
            whole,
            "<div  class=\"a b\"\ndata-x='1>2'\nhidden>\nt <a\nhref=\"#\"\n>x</a>\n\
            <SCRIPT type=\"m\">\n  if (a <b && c</sc) {}\n  </SCRIPT  >\n<p\ttitle=\"<\">u</p>\n"
        );
        let mut sq = super::Squeeze::new();
        let mut out = Vec::new();
        for b in page.as_bytes().chunks(1) {
            sq.feed(b, &mut out);
        }
        assert_eq!(String::from_utf8(out).unwrap(), whole);
    }

    #[test]
    fn pieces_squeeze_as_the_whole() {
        let page = "<div>\n  <pre>\n  a</pre>\n  <p class=\"a\n  b\">\n    t</p>\n</div>\n";
        let whole = squeeze(page);
        for cut in 0..page.len() {
            let mut sq = super::Squeeze::new();
            let mut out = Vec::new();
            sq.feed(&page.as_bytes()[..cut], &mut out);
            sq.feed(&page.as_bytes()[cut..], &mut out);
            assert_eq!(out, whole, "cut at {cut}");
        }
    }
}
