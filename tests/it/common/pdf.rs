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
    // (A tail shorter than 10 letters counts where the head is most of it: a last word
    // carried over to the next sheet, "sasiore).")
    let tail = chars.len() - lo;
    if lo >= 10
        && (tail >= 10 || lo >= 4 * tail)
        && hay.contains(&chars[lo..].iter().collect::<String>())
    {
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

/// Print the page in `tab` on US Letter paper, as a person whose printer holds Letter
/// prints it (Chromium fits the page's own A4 into the sheet).
pub fn print_tab_letter(tab: &Tab) -> Vec<u8> {
    tab.print_to_pdf(Some(PrintToPdfOptions {
        prefer_css_page_size: Some(false),
        paper_width: Some(8.5),
        paper_height: Some(11.0),
        display_header_footer: Some(false),
        print_background: Some(true),
        ..Default::default()
    }))
    .expect("prints")
}

/// Where the ink of one printed sheet lies, in mm from the sheet's left edge.
#[derive(Debug, Clone, Copy)]
pub struct Ink {
    pub width: f64,
    pub height: f64,
    /// The leftmost and rightmost column with any ink.
    pub left: f64,
    pub right: f64,
    /// The longest unbroken vertical stroke within 0.5 mm of `left`, of `right`: the
    /// frame's own border where the frame is whole, only the cut ends of rules and letters
    /// where a margin cuts it.
    pub left_stroke: f64,
    pub right_stroke: f64,
}

const DPI: f64 = 150.0;

/// The ink of every sheet of `pdf`, rendered at 150 dpi by poppler's pdftoppm (any pixel
/// darker than light grey is ink: a thin border drawn between two pixel columns is grey),
/// or `None` where pdftoppm is missing.
pub fn ink(pdf: &[u8]) -> Option<Vec<Ink>> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("f.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = std::process::Command::new("pdftoppm")
        .args(["-gray", "-r", &DPI.to_string()])
        .arg(&file)
        .arg(dir.path().join("p"))
        .status()
        .ok()?;
    assert!(out.success(), "pdftoppm runs");
    let mut files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "pgm"))
        .collect();
    files.sort();
    let mm = |px: usize| px as f64 * 25.4 / DPI;
    Some(
        files
            .iter()
            .map(|p| {
                let bytes = std::fs::read(p).unwrap();
                // P5 header: "P5\n<w> <h>\n255\n".
                let mut fields = Vec::new();
                let mut i = 0;
                while fields.len() < 4 {
                    while bytes[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    let s = i;
                    while !bytes[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    fields.push(String::from_utf8_lossy(&bytes[s..i]).into_owned());
                }
                let (w, h): (usize, usize) =
                    (fields[1].parse().unwrap(), fields[2].parse().unwrap());
                let px = &bytes[i + 1..];
                let inked = |x: usize, y: usize| px[y * w + x] < 200;
                let col = |x: usize| (0..h).any(|y| inked(x, y));
                let left = (0..w).find(|&x| col(x)).unwrap_or(0);
                let right = (0..w).rev().find(|&x| col(x)).unwrap_or(0);
                // Longest vertical run of ink in columns [from, to].
                let stroke = |from: usize, to: usize| {
                    let (mut best, mut run) = (0, 0);
                    for y in 0..h {
                        if (from..=to.min(w - 1)).any(|x| inked(x, y)) {
                            run += 1;
                            best = best.max(run);
                        } else {
                            run = 0;
                        }
                    }
                    best
                };
                let band = (0.5 * DPI / 25.4).ceil() as usize;
                Ink {
                    width: mm(w),
                    height: mm(h),
                    left: mm(left),
                    right: mm(right + 1),
                    left_stroke: mm(stroke(left, left + band)),
                    right_stroke: mm(stroke(right.saturating_sub(band), right)),
                }
            })
            .collect(),
    )
}

/// Every word of `pdf` by sheet (from 0) with its left and right edge in mm (poppler's
/// pdftotext -bbox), or `None` where pdftotext is missing.
pub fn words(pdf: &[u8]) -> Option<Vec<(usize, f64, f64, String)>> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("f.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg("-bbox")
        .arg(&file)
        .arg("-")
        .output()
        .ok()?;
    assert!(out.status.success(), "pdftotext runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let attr = |line: &str, name: &str| -> f64 {
        let pat = format!("{name}=\"");
        let i = line.find(&pat).unwrap() + pat.len();
        line[i..].split('"').next().unwrap().parse().unwrap()
    };
    let pt = 25.4 / 72.0;
    let mut page = None::<usize>;
    let mut v = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.starts_with("<page ") {
            page = Some(page.map_or(0, |p| p + 1));
        } else if line.starts_with("<word ") {
            let word = line
                .split('>')
                .nth(1)
                .unwrap_or("")
                .trim_end_matches("</word")
                .to_string();
            v.push((
                page.unwrap(),
                attr(line, "xMin") * pt,
                attr(line, "xMax") * pt,
                word,
            ));
        }
    }
    Some(v)
}
