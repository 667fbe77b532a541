//! The standards: numbers in order and once, criteria with their evidence and guidance,
//! text present, and the timings (on criteria, steps and sections) well formed.

use std::collections::HashMap;
use std::path::Path;

use super::*;

impl Validator<'_> {
    pub(super) fn standards(&mut self, src: &Sources) {
        let mut numbers: HashMap<u32, Pos> = HashMap::new();
        for l in &src.standards {
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
            }
            self.text(file, &e.text, &format!("text of evidence {num}"));
        }
        let mut g_seen: HashMap<String, Pos> = HashMap::new();
        for g in &c.guidance {
            if let Some(n) = &g.number {
                let num = n.value.trim();
                if num
                    .split_once('.')
                    .is_none_or(|(h, t)| h.parse::<u32>().is_err() || t.is_empty())
                {
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
                }
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
            self.not_from_evidence(file, t, c);
        }
        self.refs(file, &c.roles, RefKind::Role);
        self.refs(file, &c.procedures, RefKind::Procedure);
        self.refs(file, &c.forms, RefKind::Form);
    }

    /// A timing's own actors must stand among those of the step or criterion it sits on
    /// (`owner`): it narrows whom the step binds, it names no one new. A section has no
    /// actors, so any role may stand there (the body whose duty the passage sets).
    ///
    /// `example`: the timing's words stand only in an example (`only_in_example`), an
    /// error of its own whose fix is to drop it: whom it binds is not asked then
    /// (adversary 46, W-8: "drop this timing" and "write `actors: [mr]`" at one place).
    pub(super) fn timing_actors(
        &mut self,
        file: &Path,
        t: &TimingSrc,
        owner: Option<&[S<String>]>,
        example: bool,
    ) {
        let Some(owner) = owner else { return };
        if let Some(b) = &t.body {
            self.timing_body(file, t, b, owner);
        }
        // `actors: []` says the source names no one whom the deadline binds: its own words
        // must then name none of the step's actors (adversary 45, W-1: "QPS do të emërojë
        // … brenda 24 orësh" with `actors: []` showed "the source names no one").
        // (A timing that quotes whom it binds, `persons:`, has said so in the source's words.)
        let persons = t.persons.as_ref().is_some_and(|p| !p.is_empty());
        if t.actors.as_ref().is_some_and(|a| a.is_empty()) && !persons && !example {
            let words = crate::markdown::without_examples(&t.text.value);
            let named = owner.iter().find_map(|o| {
                let names = self.ids.role_names.get(o.value.trim())?;
                crate::text::names::first_named(&words, names).map(|w| (o.value.trim(), w))
            });
            if let Some((id, w)) = named {
                self.diags
                    .warning(
                        at(file, &t.text),
                        format!("expected a timing that binds no one (`actors: []`) to name none of the actors of its step or criterion, found \"{w}\" ({id}) in its words"),
                    )
                    .hint(format!("where \"{w}\" is whom the deadline binds, write `actors: [{id}]`"));
            }
        }
        for a in t.actors.iter().flatten() {
            if !owner.iter().any(|o| o.value.trim() == a.value.trim()) {
                let list: Vec<&str> = owner.iter().map(|o| o.value.trim()).collect();
                self.diags
                    .error(
                        at(file, a),
                        format!(
                            "expected one of the actors of this step or criterion ({}), found \"{}\"",
                            list.join(", "),
                            a.value.trim()
                        ),
                    )
                    .hint("a timing's `actors:` names whom of the step's actors it binds; add the role to the step's `actors:` first");
            }
        }
    }

    /// A timing's `body:` is a role none of the step's actors (else `actors:` says it)
    /// whose name stands in the timing's own words: the object they time ("mbledhjen e
    /// menjëhershme të AP-së").
    fn timing_body(&mut self, file: &Path, t: &TimingSrc, b: &S<String>, owner: &[S<String>]) {
        let id = b.value.trim();
        let Some(names) = self.ids.role_names.get(id) else {
            self.diags
                .error(
                    at(file, b),
                    format!("expected a role id as a timing's `body:`, found \"{id}\""),
                )
                .hint("`body:` names the role whose act the timing's words time");
            return;
        };
        if owner.iter().any(|o| o.value.trim() == id) {
            self.diags
                .error(at(file, b), format!("expected a timing's `body:` to be none of its step's actors, found \"{id}\""))
                .hint(format!("an actor of the step the timing binds is written `actors: [{id}]`"));
        } else if crate::text::names::first_named(&t.text.value, names).is_none() {
            self.diags
                .error(at(file, b), format!("expected the timing's words to name its `body:` \"{id}\""))
                .hint("quote the words that name the body whose act the timing times (\"mbledhjen e menjëhershme të AP-së\")");
        }
    }

    /// A timing's `persons:` quote whom it binds in the source's words: they stand in the
    /// text it sits on (the step's, the criterion's, the passage's), outside any example.
    pub(super) fn timing_persons(&mut self, file: &Path, t: &TimingSrc, text: &str, whose: &str) {
        let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let own = squash(&crate::markdown::without_examples(text));
        for p in t.persons.iter().flatten() {
            self.text(file, p, "words naming whom a timing binds");
            let words = squash(p.value.trim());
            if !words.is_empty() && !own.contains(&words) {
                self.diags
                    .error(
                        at(file, p),
                        format!("expected words of the {whose} text, found \"{words}\""),
                    )
                    .hint("a timing's `persons:` quotes the source: copy the words that name whom it binds from the text");
            }
        }
    }

    /// A criterion's timing quoted only from the evidence column names whose act it is.
    /// Evidence ("Prova që tregojnë përmbushjen e kriterit") is what the criterion is checked
    /// by: an act of one of the criterion's roles with its time ("Punonjësi social do të
    /// vlerësojë çdo muaj") is a timing of that role; a document it describes ("Një strategji
    /// të paktën 2 vjeçare") is no one's act and sets none.
    fn not_from_evidence(&mut self, file: &Path, t: &TimingSrc, c: &CriterionSrc) {
        let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let words = squash(t.text.value.trim());
        let in_text = std::iter::once(&c.text)
            .chain(c.guidance.iter().map(|g| &g.text))
            .any(|s| squash(&s.value).contains(&words));
        let names_actor = t.actors.as_ref().is_some_and(|a| !a.is_empty());
        if !in_text
            && !names_actor
            && c.evidence
                .iter()
                .any(|e| squash(&e.text.value).contains(&words))
        {
            self.diags
                .error(
                    at(file, &t.text),
                    format!("expected a timing found only in the evidence to name whose act it is (`actors:`), found \"{words}\" with no one"),
                )
                .hint("evidence (Prova) sets a timing only where it states an act of one of the criterion's roles with its time; a document it describes sets none: name the actors or drop this timing");
        }
    }

    /// A timing flagged as having no length of time (`continuous`, `no_time_limit`): the
    /// flag must be true and no duration may stand beside it. Whether the flag is true.
    fn timeless<'a>(
        &mut self,
        file: &Path,
        flag: &S<bool>,
        says: Timeless,
        mut extras: impl Iterator<Item = &'a S<String>>,
    ) -> bool {
        let Timeless {
            key,
            expected,
            what,
            off,
            extra,
        } = says;
        if !flag.value {
            self.diags
                .error(
                    at(file, flag),
                    format!("expected `{key}: true`, found false"),
                )
                .hint(off);
            return false;
        }
        if let Some(found) = extras.next() {
            self.diags
                .error(
                    at(file, found),
                    format!(
                        "expected {expected} on {what} (`{key}: true`), found \"{}\"",
                        found.value.trim()
                    ),
                )
                .hint(extra);
        }
        true
    }

    pub(super) fn timing(&mut self, file: &Path, t: &TimingSrc) {
        self.text(file, &t.text, "words of the source that set this timing");
        self.timing_qualifiers(file, t);
        if let Some(a) = &t.actors {
            self.refs(file, a, RefKind::Role);
        }
        if let Some(b) = &t.bound {
            if !matches!(b.value.trim(), "at_most" | "at_least") {
                self.diags
                    .error(
                        at(file, b),
                        format!("expected `bound: at_most` or `bound: at_least`, found \"{}\"", b.value.trim()),
                    )
                    .hint("`at_most` for \"maksimumi\", \"nuk duhet të kalojë\", \"deri në\"; `at_least` for \"jo më pak se\"");
            }
            if t.no_time_limit.is_some() {
                self.diags.error(
                    at(file, b),
                    "expected no `bound` on words that set no time limit (`no_time_limit: true`)",
                );
            }
        }
        // "every nothing" is no frequency: it would be shown as "menjëherë" under "çdo".
        if let Some(e) = &t.every
            && duration::parse(e.value.trim()).is_ok_and(|d| d.approx_seconds() == 0)
        {
            self.diags
                .error(
                    at(file, e),
                    format!("expected a frequency longer than nothing (`every: P1M`), found \"{}\"", e.value.trim()),
                )
                .hint("a frequency says how often: \"çdo muaj\" is `every: P1M`; \"menjëherë\" is `within: P0D`");
        }
        if let Some(f) = t.same_day.as_ref().filter(|f| f.value) {
            let zero = t
                .within
                .as_ref()
                .and_then(|w| duration::parse(w.value.trim()).ok())
                .is_some_and(|d| d.approx_seconds() == 0);
            if !zero {
                self.diags
                    .error(
                        at(file, f),
                        "expected `same_day: true` only with `within: P0D`",
                    )
                    .hint("\"brenda ditës\" is `within: P0D` and `same_day: true`");
            }
        }
        if let Some(p) = &t.per {
            if let Err(e) = duration::parse(p.value.trim()) {
                self.diags.error(at(file, p), e.to_string());
            } else if t.duration.is_none() {
                self.diags
                    .error(
                        at(file, p),
                        format!(
                            "expected `per` only with `duration`, found \"per: {}\"",
                            p.value.trim()
                        ),
                    )
                    .hint("\"dy javë në vit\" is `duration: P2W` and `per: P1Y`");
            }
        }
        if let Some(n) = &t.times {
            let every = t
                .every
                .as_ref()
                .and_then(|e| duration::parse(e.value.trim()).ok());
            if n.value == 0 {
                self.diags
                    .error(at(file, n), "expected `times` of 1 or more, found 0");
            } else if every.is_none() || t.to.is_some() {
                self.diags
                    .error(
                        at(file, n),
                        format!(
                            "expected `times` only with `every` (a count in that period), found \"times: {}\" with {}",
                            n.value,
                            if t.to.is_some() { "a range (`to:`)" } else { "no `every`" }
                        ),
                    )
                    .hint("\"të paktën 2 herë në vit\" is `every: P1Y`, `times: 2` and `bound: at_least`");
            }
        }
        const KINDS: &str = "`within`, `every`, `duration` or `before`";
        let given: Vec<&S<String>> = [&t.within, &t.every, &t.duration, &t.before]
            .into_iter()
            .flatten()
            .collect();
        if let Some(flag) = &t.continuous {
            // A round-the-clock duty has no length of time, bound or count.
            let extras = [&t.to, &t.days, &t.per, &t.bound].into_iter().flatten();
            let ok = self.timeless(
                file,
                flag,
                Timeless {
                    key: "continuous",
                    expected: "no duration, bound or count",
                    what: "a round-the-clock duty",
                    off: "leave `continuous` out where the duty does not run round the clock",
                    extra: "\"mbikqyrje 24 orë\" is `continuous: true` alone",
                },
                given.iter().copied().chain(extras),
            );
            if ok {
                if let Some(n) = &t.times {
                    self.diags.error(
                        at(file, n),
                        "expected no `times` on a round-the-clock duty (`continuous: true`)",
                    );
                } else if t.no_time_limit.is_some() {
                    self.diags.error(
                        at(file, flag),
                        "expected `continuous` or `no_time_limit`, found both",
                    );
                }
            }
            return;
        }
        if let Some(flag) = &t.no_time_limit {
            // Words that set no time limit carry no duration at all.
            let extras = [&t.to, &t.days].into_iter().flatten();
            self.timeless(
                file,
                flag,
                Timeless {
                    key: "no_time_limit",
                    expected: "no duration",
                    what: "words that set no time limit",
                    off: "leave `no_time_limit` out where the words do set a time",
                    extra: "drop `no_time_limit` if the words do set a time, or drop the duration",
                },
                given.iter().copied().chain(extras),
            );
            return;
        }
        let start = match given.as_slice() {
            // As soon as possible with no latest: no length of time (`timing_qualifiers`).
            [] if t.asap.as_ref().is_some_and(|f| f.value) => return,
            [] => {
                self.diags
                    .error(at(file, &t.text), format!("expected one of {KINDS} with an ISO 8601 duration, or `no_time_limit: true`, found none"))
                    .hint("e.g. `within: P14D` for a deadline, `every: P1M` for a frequency, `duration: PT60M` for a length of time, `before: P14D` for a lead time before an event");
                return;
            }
            [one] => match duration::parse(one.value.trim()) {
                Ok(d) => d,
                Err(e) => {
                    self.diags.error(at(file, one), e.to_string());
                    return;
                }
            },
            [_, second, ..] => {
                self.diags
                    .error(
                        at(file, second),
                        format!("expected exactly one of {KINDS}, found more than one"),
                    )
                    .hint("split the timing into two entries if the source sets both");
                return;
            }
        };
        let working = match &t.days {
            None => false,
            Some(d) if d.value.trim() == "working" => true,
            Some(d) => {
                self.diags
                    .error(
                        at(file, d),
                        format!("expected `days: working`, found \"{}\"", d.value.trim()),
                    )
                    .hint("leave `days` out for calendar days");
                false
            }
        };
        if working && !start.is_days_only() {
            let d = t.days.as_ref().expect("working implies days");
            self.diags
                .error(at(file, d), format!("expected a number of days (e.g. P30D) with `days: working`, found \"{}\"", given[0].value.trim()))
                .hint("working days count days only: write \"brenda 30 ditëve pune\" as `within: P30D` and `days: working`");
        }
        if let Some(to) = &t.to {
            match duration::parse(to.value.trim()) {
                Err(e) => {
                    self.diags.error(at(file, to), e.to_string());
                }
                Ok(end) => {
                    if end.approx_seconds() <= start.approx_seconds() {
                        self.diags
                            .error(at(file, to), format!("expected the end of the range to be longer than its start \"{}\", found \"{}\"", given[0].value.trim(), to.value.trim()))
                            .hint("the kind's key holds the shorter end: \"nga 4 deri në 12 muaj\" is `duration: P4M` and `to: P12M`");
                    } else if working && !end.is_days_only() {
                        self.diags.error(
                            at(file, to),
                            format!("expected a number of days (e.g. P30D) with `days: working`, found \"{}\"", to.value.trim()),
                        );
                    }
                }
            }
        }
    }
}

/// What the validator says of a timing flagged as having no length of time.
struct Timeless {
    key: &'static str,
    expected: &'static str,
    what: &'static str,
    off: &'static str,
    extra: &'static str,
}
