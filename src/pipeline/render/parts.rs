//! The pages that hold the whole handbook (print everything, all audit sheets, the evidence
//! tracker, the printed assessment), split by standard into parts when the standards' text
//! is larger than the theme's `split_page_bytes` (`theme/settings.toml`): no page a browser
//! cannot open. The page's own address then holds a contents page linking the parts.

use std::ops::Range;

use serde::Deserialize;

use crate::theme::Theme;

/// The theme's sizes (`theme/settings.toml`).
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct Settings {
    /// Above this many bytes of the standards' text, the whole-handbook pages are split
    /// and the catalogues written compact.
    pub split_page_bytes: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            split_page_bytes: 2_000_000,
        }
    }
}

impl Settings {
    /// The theme's settings; the defaults where the file is missing or unreadable (the
    /// theme's own file is embedded and parsed by the tests).
    pub fn of(theme: &Theme) -> Settings {
        theme
            .text("settings.toml")
            .and_then(|t| toml::from_str(t).ok())
            .unwrap_or_default()
    }
}

/// The theme's settings, a problem with the handbook's own `theme/settings.toml` reported
/// where it is (`theme/settings.toml:2:20: error: …`); the defaults then.
pub fn checked(theme: &Theme, diags: &mut crate::diagnostics::Diagnostics) -> Settings {
    let Some(text) = theme.text("settings.toml") else {
        return Settings::default();
    };
    match toml::from_str::<Settings>(text) {
        Ok(s) => s,
        Err(e) => {
            let (line, col) = e
                .span()
                .map(|r| {
                    let before = &text[..r.start.min(text.len())];
                    let line = before.matches('\n').count() + 1;
                    let col = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
                    (line as u32, col as u32)
                })
                .unwrap_or((1, 1));
            diags.error(
                crate::diagnostics::Pos::new("theme/settings.toml", line, col),
                format!(
                    "expected `split_page_bytes = <bytes>`, found: {}",
                    e.message()
                ),
            );
            Settings::default()
        }
    }
}

/// A standard's weight: the bytes of its view as compact JSON (its text, as the pages
/// show it, with the names of its fields).
pub fn weight<T: serde::Serialize>(x: &T) -> u64 {
    let mut c = Count::<false>(0, 0);
    let _ = serde_json::to_writer(&mut c, x);
    c.0
}

/// The bytes of `x` as compact JSON, counted until they pass `limit` (the count then is
/// above it, and nothing more of `x` is looked at).
fn counted<T: serde::Serialize>(x: &T, limit: u64) -> u64 {
    let mut c = Count::<true>(0, limit);
    let _ = serde_json::to_writer(&mut c, x);
    c.0
}

/// A writer that counts what it is given; `LIMITED`: until the count passes its limit.
struct Count<const LIMITED: bool>(u64, u64);

impl<const LIMITED: bool> std::io::Write for Count<LIMITED> {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0 += b.len() as u64;
        if LIMITED && self.0 > self.1 {
            // Past the limit: serde_json stops here.
            return Err(std::io::Error::other("past the limit"));
        }
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Whether `catalog.json` and the OSCAL catalogue are written compact: when the
/// standards' text is larger than the theme's page size.
pub fn compact_catalogues(theme: &Theme, hb: &crate::pipeline::model::Handbook) -> bool {
    let limit = Settings::of(theme).split_page_bytes;
    counted(&hb.standards, limit) > limit
}

/// The parts of a whole-handbook page, as ranges of standards (in order, each standard
/// in exactly one, none empty); `None` when the whole fits under `limit`.
pub fn plan(weights: &[u64], limit: u64) -> Option<Vec<Range<usize>>> {
    if weights.iter().sum::<u64>() <= limit {
        return None;
    }
    let mut parts = Vec::new();
    let (mut start, mut size) = (0, 0u64);
    for (i, w) in weights.iter().enumerate() {
        if i > start && size + w > limit {
            parts.push(start..i);
            start = i;
            size = 0;
        }
        size += w;
    }
    parts.push(start..weights.len());
    Some(parts)
}

/// The address of part `n` (from 1) of the page at `path`: `printo.html` → `printo-2.html`.
pub fn part_path(path: &str, n: usize) -> String {
    match path.strip_suffix(".html") {
        Some(stem) => format!("{stem}-{n}.html"),
        None => format!("{path}-{n}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_stopped_at_a_limit_is_above_it_exactly_where_the_whole_is() {
        let x: Vec<(String, u32)> = (0..50).map(|i| (format!("a \"{i}\"\n"), i)).collect();
        let whole = weight(&x);
        assert_eq!(whole, serde_json::to_string(&x).unwrap().len() as u64);
        for limit in (0..whole + 3).chain([u64::MAX]) {
            assert_eq!(counted(&x, limit) > limit, whole > limit, "limit {limit}");
        }
    }

    #[test]
    fn parts_cover_every_standard_once_in_order() {
        assert_eq!(plan(&[1, 2, 3], 10), None);
        let p = plan(&[4, 4, 4, 20, 1], 10).unwrap();
        assert_eq!(p, vec![0..2, 2..3, 3..4, 4..5]);
        assert_eq!(
            part_path("auditim/te-gjitha.html", 3),
            "auditim/te-gjitha-3.html"
        );
    }

    #[test]
    fn a_bad_settings_file_is_an_error_where_it_is() {
        let mut theme = Theme::embedded();
        theme.files.insert(
            "settings.toml".into(),
            b"# sizes\nsplit_page_bytes = \"big\"\n".to_vec(),
        );
        let mut diags = crate::diagnostics::Diagnostics::new();
        checked(&theme, &mut diags);
        assert_eq!(diags.error_count(), 1);
        let shown = format!("{:?}", diags.errors().next().unwrap());
        assert!(
            shown.contains("settings.toml") && shown.contains("line: 2"),
            "{shown}"
        );
    }

    #[test]
    fn the_theme_sets_the_size() {
        let s = Settings::of(&Theme::embedded());
        assert!(s.split_page_bytes > 0 && s.split_page_bytes < 5_000_000);
    }
}
