//! ISO 8601 durations (`P14D`, `PT24H`, `P1Y6M`), as the `timing` entries use them.
//!
//! Only the duration form is accepted, in whole numbers (no dates, no fractions),
//! which is all a deadline or frequency in the source ever needs.

use std::fmt;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Duration {
    pub years: u32,
    pub months: u32,
    pub weeks: u32,
    pub days: u32,
    pub hours: u32,
    pub minutes: u32,
    pub seconds: u32,
}

impl Duration {
    /// Length in seconds, counting a month as 30 days and a year as 365: good for sorting
    /// deadlines, not for calendars.
    pub fn approx_seconds(&self) -> u64 {
        let days = self.years as u64 * 365
            + self.months as u64 * 30
            + self.weeks as u64 * 7
            + self.days as u64;
        days * 86_400 + self.hours as u64 * 3600 + self.minutes as u64 * 60 + self.seconds as u64
    }

    /// The one unit and its count of a duration of one part (`P3M`: month, 3).
    pub fn single(&self) -> Option<(&'static str, u32)> {
        let parts: Vec<(&'static str, u32)> = [
            ("year", self.years),
            ("month", self.months),
            ("week", self.weeks),
            ("day", self.days),
            ("hour", self.hours),
            ("minute", self.minutes),
            ("second", self.seconds),
        ]
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .collect();
        match parts.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// Whether the duration counts whole days only (`P30D`), as working days must.
    pub fn is_days_only(&self) -> bool {
        self.days > 0
            && self.years == 0
            && self.months == 0
            && self.weeks == 0
            && self.hours == 0
            && self.minutes == 0
            && self.seconds == 0
    }

    /// The duration in words, each part with its number said by `name(unit, count)`, where
    /// unit is one of `year`, `month`, `week`, `day`, `hour`, `minute`, `second`; the caller
    /// looks the counted names up in the locale pack. Empty for a duration of no time (`P0D`).
    pub fn words(&self, name: impl Fn(&str, u32) -> String) -> String {
        [
            ("year", self.years),
            ("month", self.months),
            ("week", self.weeks),
            ("day", self.days),
            ("hour", self.hours),
            ("minute", self.minutes),
            ("second", self.seconds),
        ]
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(unit, n)| name(unit, n))
        .collect::<Vec<_>>()
        .join(" ")
    }
}

/// Why a duration string was refused, in words for the author.
#[derive(Debug, PartialEq)]
pub struct ParseError(pub String);

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub fn parse(s: &str) -> Result<Duration, ParseError> {
    let err = |why: &str| {
        Err(ParseError(format!(
            "expected an ISO 8601 duration such as P14D, PT24H or P1Y, found {s:?}: {why}"
        )))
    };
    let Some(rest) = s.strip_prefix('P') else {
        return err("it must start with P");
    };
    if rest.is_empty() {
        return err("P must be followed by at least one number and unit");
    }
    let mut d = Duration::default();
    let mut in_time = false;
    let mut number = String::new();
    let mut seen_any = false;
    let mut last_rank = 0u8;
    for c in rest.chars() {
        match c {
            '0'..='9' => number.push(c),
            'T' => {
                if in_time || !number.is_empty() {
                    return err("T may appear once, between the date and the time part");
                }
                in_time = true;
                last_rank = 4;
            }
            unit => {
                if number.is_empty() {
                    return err(&format!("the unit {unit} has no number before it"));
                }
                let n: u32 = match number.parse() {
                    Ok(n) => n,
                    Err(_) => return err("the number is too large"),
                };
                number.clear();
                let (slot, rank) = match (in_time, unit) {
                    (false, 'Y') => (&mut d.years, 1),
                    (false, 'M') => (&mut d.months, 2),
                    (false, 'W') => (&mut d.weeks, 3),
                    (false, 'D') => (&mut d.days, 4),
                    (true, 'H') => (&mut d.hours, 5),
                    (true, 'M') => (&mut d.minutes, 6),
                    (true, 'S') => (&mut d.seconds, 7),
                    (false, 'H' | 'S') => {
                        return err("hours, minutes and seconds go after T (e.g. PT24H)");
                    }
                    _ => {
                        return err(&format!(
                            "{unit} is not a duration unit (Y, M, W, D, and after T: H, M, S)"
                        ));
                    }
                };
                if rank <= last_rank {
                    return err("the units must be in the order Y M W D T H M S, each once");
                }
                last_rank = rank;
                *slot = n;
                seen_any = true;
            }
        }
    }
    if !number.is_empty() {
        return err("the last number has no unit");
    }
    if !seen_any {
        return err("it has no number and unit");
    }
    if in_time && last_rank == 4 {
        return err("T must be followed by a time (H, M or S)");
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_forms_content_uses() {
        assert_eq!(parse("P14D").unwrap().days, 14);
        assert_eq!(parse("PT24H").unwrap().hours, 24);
        assert_eq!(parse("P1Y6M").unwrap().months, 6);
        assert_eq!(parse("P2W").unwrap().approx_seconds(), 14 * 86_400);
        assert_eq!(parse("PT90M").unwrap().minutes, 90);
        assert_eq!(parse("P0D").unwrap().approx_seconds(), 0);
    }

    #[test]
    fn refuses_malformed_durations() {
        for bad in [
            "", "14D", "P", "PT", "P14", "PD", "P1H", "PT1D", "P1M1Y", "P1X", "P1DT", "P1.5D",
            "p1d",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn names_its_parts_through_the_caller() {
        let name = |unit: &str, n: u32| format!("{n} {unit}{}", if n == 1 { "" } else { "s" });
        assert_eq!(parse("P1Y6M").unwrap().words(name), "1 year 6 months");
        assert_eq!(parse("PT24H").unwrap().words(name), "24 hours");
        assert_eq!(parse("P0D").unwrap().words(name), "");
        assert!(parse("P30D").unwrap().is_days_only());
        assert!(!parse("P1M").unwrap().is_days_only());
        assert!(!parse("P1W").unwrap().is_days_only());
        assert_eq!(parse("P3M").unwrap().single(), Some(("month", 3)));
        assert_eq!(parse("P1Y6M").unwrap().single(), None);
    }

    #[test]
    fn reads_in_albanian() {}
}
