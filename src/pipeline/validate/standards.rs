//! The standards: numbers in order and once, criteria with their evidence and guidance,
//! text present, and the timings (on criteria, steps and sections) well formed.

use std::collections::HashMap;
use std::path::Path;

use super::*;

mod timing;
mod whom;

impl Validator<'_> {
    pub(super) fn standards(&mut self, src: &Sources) {
        // Each standard's own checks (its texts, criteria, evidence, guidance and timings)
        // made in parallel, each into diagnostics of its own (a thousand standards' quotes
        // were a serial half second of the build, issue 28); said in the standards' order,
        // each after the checks across standards, as one pass said them.
        use rayon::prelude::*;
        let own: Vec<Diagnostics> = src
            .standards
            .par_iter()
            .map(|l| {
                let mut diags = Diagnostics::new();
                Validator {
                    diags: &mut diags,
                    prefix: self.prefix,
                    ids: self.ids,
                    collections: self.collections,
                    config_unread: self.config_unread,
                    places_unread: self.places_unread,
                    has_indicators: self.has_indicators,
                    // (A standard's checks say nothing of collections, the only use of
                    // this set: were they to, a collection would be said once per
                    // standard, not once.)
                    undeclared: HashSet::new(),
                }
                .standard_own(&l.path, &l.value);
                diags
            })
            .collect();
        let mut numbers: HashMap<u32, Pos> = HashMap::new();
        for (l, own) in src.standards.iter().zip(own) {
            let (file, s) = (&l.path, &l.value);
            let n = s.number.value;
            if n == 0 {
                self.diags.error(
                    at(file, &s.number),
                    "expected a standard number from 1 up, found 0",
                );
            }
            if let Some(first) = numbers.get(&n) {
                self.diags
                    .error(
                        at(file, &s.number),
                        format!("expected each standard number once, found standard {n} again"),
                    )
                    .hint(format!("standard {n} is already defined at {first}"));
            } else {
                numbers.insert(n, at(file, &s.number));
            }
            let prefix: String = l
                .path
                .file_name()
                .and_then(|f| f.to_str())
                .unwrap_or("")
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            if let Ok(p) = prefix.parse::<u32>()
                && p != n
            {
                self.diags
                    .warning(
                        at(file, &s.number),
                        format!("the file name says standard {p}, the file says number {n}"),
                    )
                    .hint("rename the file so its number prefix matches `number`");
            }
            self.diags.extend(own);
        }
    }

    /// The checks of one standard `s` of `file` that need no other standard.
    fn standard_own(&mut self, file: &Path, s: &StandardSrc) {
        let n = s.number.value;
        self.text(file, &s.title, "standard title");
        self.text(
            file,
            &s.outcome,
            "desired outcome (Rezultati përfundimtar i dëshiruar)",
        );
        self.text(file, &s.statement, "standard statement (Standardi)");
        if s.criteria.is_empty() {
            self.diags.error(
                at(file, &s.number),
                format!("expected the criteria of standard {n}, found none"),
            );
        }
        let mut crit_numbers: HashMap<u32, Pos> = HashMap::new();
        for c in &s.criteria {
            self.criterion(file, n, c, &mut crit_numbers);
        }
    }

    pub(super) fn criterion(
        &mut self,
        file: &Path,
        std_no: u32,
        c: &CriterionSrc,
        seen: &mut HashMap<u32, Pos>,
    ) {
        let cn = c.number.value;
        let cid = format!("{}{std_no}.{cn}", self.prefix);
        if let Some(first) = seen.get(&cn) {
            self.diags
                .error(at(file, &c.number), format!("expected each criterion number once in standard {std_no}, found criterion {cn} again"))
                .hint(format!("criterion {cid} is already defined at {first}"));
        } else {
            seen.insert(cn, at(file, &c.number));
        }
        self.text(file, &c.text, &format!("text of criterion {cid}"));
        // The ids the model gives the criterion's evidence and guidance (`S2.3.1`, `S2.3.g1`),
        // each once: the pages and the assessment tell the items apart by them.
        let mut ids: HashMap<String, (Pos, String)> = HashMap::new();
        let mut ev_seen: HashMap<String, Pos> = HashMap::new();
        for e in &c.evidence {
            let num = e.number.value.trim();
            match num.split_once('.') {
                Some((head, tail))
                    if head.parse::<u32>().is_ok()
                        && !tail.is_empty()
                        && tail.chars().all(|ch| ch.is_ascii_alphanumeric()) =>
                {
                    if head.parse::<u32>() != Ok(cn) {
                        self.diags
                            .error(
                                at(file, &e.number),
                                format!("expected evidence of criterion {cn} to be numbered {cn}.N, found \"{num}\""),
                            )
                            .hint(format!("evidence \"{num}\" belongs under criterion {head}, or its number has a typo"));
                    }
                }
                _ => {
                    self.diags.error(
                        at(file, &e.number),
                        format!("expected an evidence number like \"{cn}.1\", found \"{num}\""),
                    );
                }
            }
            if let Some(first) = ev_seen.get(num) {
                self.diags
                    .error(at(file, &e.number), format!("expected each evidence number once in criterion {cid}, found \"{num}\" again"))
                    .hint(format!("evidence {num} is already defined at {first}"));
            } else {
                ev_seen.insert(num.to_string(), at(file, &e.number));
                let id = format!("{}{std_no}.{num}", self.prefix);
                self.id_once(
                    &mut ids,
                    id,
                    at(file, &e.number),
                    format!("evidence \"{num}\""),
                    &cid,
                );
            }
            self.text(file, &e.text, &format!("text of evidence {num}"));
        }
        let mut g_seen: HashMap<String, Pos> = HashMap::new();
        for (i, g) in c.guidance.iter().enumerate() {
            if let Some(n) = &g.number {
                let num = n.value.trim();
                // Letters and digits after the dot, as an evidence number: the tail is in
                // the note's id (`S2.3.g1`), which the pages and their scripts carry.
                if num.split_once('.').is_none_or(|(h, t)| {
                    h.parse::<u32>().is_err()
                        || t.is_empty()
                        || !t.chars().all(|ch| ch.is_ascii_alphanumeric())
                }) {
                    self.diags.error(
                        at(file, n),
                        format!("expected a guidance number like \"{cn}.1\", found \"{num}\""),
                    );
                }
                if let Some(first) = g_seen.get(num) {
                    self.diags
                        .error(at(file, n), format!("expected each guidance number once in criterion {cid}, found \"{num}\" again"))
                        .hint(format!("guidance {num} is already defined at {first}"));
                } else {
                    g_seen.insert(num.to_string(), at(file, n));
                    let tail = num.split_once('.').map_or(num, |(_, t)| t);
                    self.id_once(
                        &mut ids,
                        format!("{cid}.g{tail}"),
                        at(file, n),
                        format!("guidance \"{num}\""),
                        &cid,
                    );
                }
            } else {
                let what = format!("the unnumbered guidance note {}", i + 1);
                self.id_once(
                    &mut ids,
                    format!("{cid}.g{}", i + 1),
                    at(file, &g.text),
                    what,
                    &cid,
                );
            }
            self.text(
                file,
                &g.text,
                &format!("text of a guidance note of criterion {cid}"),
            );
        }
        for t in &c.timing {
            self.timing(file, t);
            self.timing_actors(file, t, Some(&c.roles), false);
            self.timing_persons(file, t, &c.text.value, "criterion's");
            let all: Vec<&str> = std::iter::once(c.text.value.as_str())
                .chain(c.guidance.iter().map(|g| g.text.value.as_str()))
                .chain(c.evidence.iter().map(|e| e.text.value.as_str()))
                .collect();
            self.timing_quote(file, t, &all.join("\n\n"), "criterion's text");
            self.not_from_evidence(file, t, c);
            self.no_from_section(file, t);
        }
        self.refs(file, &c.roles, RefKind::Role);
        self.refs(file, &c.procedures, RefKind::Procedure);
        self.refs(file, &c.forms, RefKind::Form);
    }

    /// `id`, the model's id of an item of criterion `cid` (`what`, at `pos`), not already
    /// another item's: two items with one id would be one on the pages (adversary 51b MED-1:
    /// an unnumbered guidance note before a numbered one, evidence "1.g2" and guidance "1.2").
    fn id_once(
        &mut self,
        ids: &mut HashMap<String, (Pos, String)>,
        id: String,
        pos: Pos,
        what: String,
        cid: &str,
    ) {
        if let Some((first, other)) = ids.get(&id) {
            self.diags
                .error(pos, format!("expected each id once in criterion {cid}, found {what} with the id {id} again"))
                .hint(format!("{id} is already the id of {other} at {first}; renumber one of them"));
        } else {
            ids.insert(id, (pos, what));
        }
    }
}
