//! Reading what Chromium printed: page size and count, and text compared the way PDF text
//! extraction allows.

use headless_chrome::Tab;
use headless_chrome::types::PrintToPdfOptions;

/// Print the page in `tab` as Chromium prints for a user: the page's own (A4) size, no
/// browser header or footer, backgrounds on.
pub fn print_tab(tab: &Tab) -> Vec<u8> {
    tab.print_to_pdf(Some(PrintToPdfOptions {
        prefer_css_page_size: Some(true),
        display_header_footer: Some(false),
        print_background: Some(true),
        ..Default::default()
    }))
    .expect("prints")
}

/// Letters and digits only, lowercased, ligatures undone: PDF text extraction adds and
/// drops spaces inside words, so the comparison ignores everything else.
pub fn letters(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfkc()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// `needle` is in `hay`: whole, or (a long text that a page break interrupts with the page
/// number and the repeated table header) as a head and a tail, or in 30-character pieces,
/// nearly all of them found.
pub fn contains(hay: &str, needle: &str) -> bool {
    if hay.contains(needle) {
        return true;
    }
    let chars: Vec<char> = needle.chars().collect();
    // Cut once by a page break: its longest head found, and the rest found whole.
    let head = |n: usize| hay.contains(&chars[..n].iter().collect::<String>());
    let (mut lo, mut hi) = (0, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if head(mid) { lo = mid } else { hi = mid - 1 }
    }
    if lo >= 10 && chars.len() - lo >= 10 && hay.contains(&chars[lo..].iter().collect::<String>()) {
        return true;
    }
    let pieces: Vec<String> = chars.chunks(30).map(|c| c.iter().collect()).collect();
    let found = pieces.iter().filter(|p| hay.contains(p.as_str())).count();
    pieces.len() >= 4 && found * 100 >= pieces.len() * 85
}

/// Page count, and whether every page is A4 (595.28 × 841.89 pt, give or take rounding).
pub fn pages_and_size(pdf: &[u8]) -> (usize, bool) {
    let doc = lopdf::Document::load_mem(pdf).expect("a readable PDF");
    let pages = doc.get_pages();
    let a4 = pages.values().all(|id| {
        let mut node = doc.get_object(*id).and_then(|o| o.as_dict()).ok();
        // The MediaBox may be inherited from a parent Pages node.
        while let Some(dict) = node {
            if let Ok(mb) = dict.get(b"MediaBox").and_then(|o| o.as_array()) {
                let n: Vec<f32> = mb
                    .iter()
                    .filter_map(|v| {
                        v.as_float()
                            .ok()
                            .or_else(|| v.as_i64().ok().map(|i| i as f32))
                    })
                    .collect();
                return n.len() == 4
                    && (n[2] - n[0] - 595.3).abs() < 1.5
                    && (n[3] - n[1] - 841.9).abs() < 1.5;
            }
            node = dict
                .get(b"Parent")
                .and_then(|p| p.as_reference())
                .and_then(|r| doc.get_object(r))
                .and_then(|o| o.as_dict())
                .ok();
        }
        false
    });
    (pages.len(), a4)
}
