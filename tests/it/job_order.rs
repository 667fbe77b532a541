//! Review 43 M8: a job description's numbered parts stand in their printed order (002's
//! annexes: "IV. DETYRAT KRYESORE" then "V. DETYRAT KRYESORE LIDHUR ME:" then "VI. …"; annex
//! 4: "V. DETYRAT SPECIFIKE", "VI. KËRKESAT PËRKATËSE", "VII. VENDIMMARRJA").

use crate::common::{read, repo, site_page};

/// The number of a printed heading ("VII. VENDIMMARRJA" is 7).
fn roman(h: &str) -> Option<u32> {
    let (n, _) = h.split_once('.')?;
    let value = |c| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        _ => None,
    };
    let digits: Vec<u32> = n.chars().map(value).collect::<Option<_>>()?;
    Some(
        digits
            .iter()
            .enumerate()
            .map(|(i, &d)| match digits.get(i + 1) {
                Some(&next) if next > d => -(d as i64),
                _ => d as i64,
            })
            .sum::<i64>() as u32,
    )
}

#[test]
fn a_job_description_s_parts_stand_in_their_printed_order() {
    let mut jobs = 0;
    for e in std::fs::read_dir(repo().join("content/roles")).unwrap() {
        let path = e.unwrap().path();
        if !read(&path).contains("\nkind: job") {
            continue;
        }
        let id = path.file_stem().unwrap().to_string_lossy().to_string();
        let page = site_page(&format!("roli/{id}.html"));
        let numbers: Vec<u32> = page
            .split("<h2")
            .skip(1)
            .filter_map(|h| h.split_once('>').map(|(_, t)| t))
            .filter_map(roman)
            .collect();
        assert!(numbers.len() >= 6, "{id}: {numbers:?}");
        assert!(
            numbers.windows(2).all(|w| w[0] < w[1]),
            "{id}: parts out of printed order: {numbers:?}"
        );
        jobs += 1;
    }
    assert!(jobs >= 4, "{jobs} job descriptions");
}
