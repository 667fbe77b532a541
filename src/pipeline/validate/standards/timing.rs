//! A timing well formed: its words present, its qualifiers and kind, its duration or range,
//! and a timing flagged as having no length of time ([`Timeless`]).

use std::path::Path;

use super::super::*;

impl Validator<'_> {
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

    pub(in crate::pipeline::validate) fn timing(&mut self, file: &Path, t: &TimingSrc) {
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
