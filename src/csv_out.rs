//! The one CSV writer of every CSV doracak makes (`report`/`aggregate`'s comparison, the
//! training roster; the browser's export mirrors it in `theme/static/`): UTF-8 with a
//! byte-order mark, comma-separated (`;` where the handbook's language writes numbers with a
//! decimal comma: [`Csv::with_separator`]), CRLF line ends, and every cell written by the
//! same rule.
//!
//! **The cell rule** (docs/assessment-format.md, "CSV cells"), in this order:
//!
//! 1. *Formula neutralising* (as OWASP advises against CSV injection): a cell whose first
//!    character is `=`, `+`, `-`, `@`, a tab (U+0009) or a carriage return (U+000D) gets a
//!    `'` (U+0027) put before it. Nothing else in the cell changes.
//! 2. *Quoting* (RFC 4180): a cell that then holds `,`, `;`, `"`, a line feed or a carriage
//!    return is wrapped in `"`, each `"` inside doubled. In a file whose fields part with
//!    `;` a `,` is the decimal mark and needs no quotes (`50,0`).
//!
//! The numbers doracak computes (shares, counts) are never negative, so the rule leaves them
//! as numbers.

/// The characters that make a spreadsheet read a cell as a formula when they come first.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One cell, by the cell rule: neutralised, then quoted where it must be.
pub fn cell(s: &str) -> String {
    cell_in(s, ',')
}

/// One cell of a file whose fields part with `sep`.
pub fn cell_in(s: &str, sep: char) -> String {
    let mut v = String::with_capacity(s.len() + 3);
    if s.starts_with(FORMULA_STARTS) {
        v.push('\'');
    }
    v.push_str(s);
    let quote =
        |c: char| matches!(c, ';' | '"' | '\n' | '\r') || c == sep || (sep == ',' && c == ',');
    if v.contains(quote) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

/// A CSV file being put together: the byte-order mark first, then one row a line.
#[derive(Debug, Clone)]
pub struct Csv {
    text: String,
    sep: char,
}

impl Default for Csv {
    fn default() -> Self {
        Csv::new()
    }
}

impl Csv {
    pub fn new() -> Csv {
        Csv::with_separator(',')
    }

    /// A CSV whose fields part with `sep` (`;` for a spreadsheet set to a language that
    /// writes a decimal comma); the cell rule quotes a cell holding either.
    pub fn with_separator(sep: char) -> Csv {
        Csv {
            text: String::from("\u{feff}"),
            sep,
        }
    }

    /// Add one row; every cell goes through [`cell`].
    pub fn row<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) {
        for (i, c) in cells.into_iter().enumerate() {
            if i > 0 {
                self.text.push(self.sep);
            }
            self.text.push_str(&cell_in(c.as_ref(), self.sep));
        }
        self.text.push_str("\r\n");
    }

    pub fn into_string(self) -> String {
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised_then_quoted() {
        assert_eq!(cell("=1+1"), "'=1+1");
        assert_eq!(cell("+cmd|calc!A1"), "'+cmd|calc!A1");
        assert_eq!(cell("- mungon"), "'- mungon");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("\rx"), "\"'\rx\"");
        assert_eq!(
            cell("=HYPERLINK(\"http://x.invalid\",\"Kliko\")"),
            "\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"Kliko\"\")\""
        );
        assert_eq!(cell("a=b"), "a=b");
        assert_eq!(cell(" =x"), " =x");
        assert_eq!(cell("75.0"), "75.0");
        assert_eq!(cell("a;b"), "\"a;b\"");
        assert_eq!(cell(""), "");
    }

    #[test]
    fn rows_end_in_crlf_after_a_bom() {
        let mut c = Csv::new();
        c.row(["a", "=b"]);
        c.row(Vec::<String>::new());
        assert_eq!(c.into_string(), "\u{feff}a,'=b\r\n\r\n");
        let mut c = Csv::with_separator(';');
        c.row(["50,0", "a;b", "c"]);
        assert_eq!(c.into_string(), "\u{feff}50,0;\"a;b\";c\r\n");
    }
}
