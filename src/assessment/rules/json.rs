//! The plain checks under the rules: dates and times as the format writes them, and JSON
//! read strictly (a key twice in one object is an error, as the browser must say too).
//! The assessment and the training rules share these, and the browser has the same
//! functions in `theme/static/assessment-core.js`: lengths in Unicode scalar values, one
//! set of blank characters, one byte-order mark stripped, nesting measured on the text
//! before anything is parsed, whole numbers up to 2^53 − 1.

use serde_json::{Map, Value};

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        _ => 0,
    }
}

/// `n` ASCII digits at the start of `s`, as a number.
fn digits(s: &str, n: usize) -> Option<u32> {
    let d = s.get(..n)?;
    d.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| d.parse().ok())?
}

/// A calendar date `YYYY-MM-DD` that exists.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    match (digits(s, 4), digits(&s[5..], 2), digits(&s[8..], 2)) {
        (Some(y), Some(m), Some(d)) => d >= 1 && d <= days_in_month(y, m),
        _ => false,
    }
}

/// A date, or a date and time: `YYYY-MM-DD[Thh:mm[:ss[.fff]]][Z|±hh:mm]`.
pub fn is_timestamp(s: &str) -> bool {
    if s.len() < 10 || !s.is_char_boundary(10) || !is_date(&s[..10]) {
        return false;
    }
    let rest = &s[10..];
    if rest.is_empty() {
        return true;
    }
    let Some(t) = rest.strip_prefix('T') else {
        return false;
    };
    let hm = |t: &str| -> Option<usize> {
        let (h, m) = (digits(t, 2)?, digits(t.get(3..)?, 2)?);
        (t.as_bytes().get(2) == Some(&b':') && h < 24 && m < 60).then_some(5)
    };
    let Some(mut i) = hm(t) else {
        return false;
    };
    if t.as_bytes().get(i) == Some(&b':') {
        match t.get(i + 1..).and_then(|r| digits(r, 2)) {
            Some(sec) if sec < 60 => i += 3,
            _ => return false,
        }
        if t.as_bytes().get(i) == Some(&b'.') {
            let frac = t[i + 1..].bytes().take_while(u8::is_ascii_digit).count();
            if frac == 0 {
                return false;
            }
            i += 1 + frac;
        }
    }
    match &t[i..] {
        "" | "Z" => true,
        zone => {
            let b = zone.as_bytes();
            b.len() == 6 && (b[0] == b'+' || b[0] == b'-') && hm(&zone[1..]).is_some()
        }
    }
}

pub(crate) const DUPLICATE: &str = "duplicate key ";

/// Parse JSON as `serde_json` does, but refuse an object that has a key twice (the
/// browser's `JSON.parse` would silently keep the last one).
pub(crate) fn parse_strict(text: &str) -> Result<Value, serde_json::Error> {
    use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

    struct Strict(Value);
    impl<'de> de::Deserialize<'de> for Strict {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(V).map(Strict)
        }
    }
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Value;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a JSON value")
        }
        fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
            Ok(Value::Bool(v))
        }
        fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
            Ok(Value::from(v))
        }
        fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
            Ok(Value::from(v))
        }
        fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
            Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
        }
        fn visit_str<E>(self, v: &str) -> Result<Value, E> {
            Ok(Value::String(v.to_string()))
        }
        fn visit_string<E>(self, v: String) -> Result<Value, E> {
            Ok(Value::String(v))
        }
        fn visit_unit<E>(self) -> Result<Value, E> {
            Ok(Value::Null)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
            let mut v = Vec::new();
            while let Some(Strict(x)) = seq.next_element()? {
                v.push(x);
            }
            Ok(Value::Array(v))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
            let mut m = Map::new();
            while let Some(k) = map.next_key::<String>()? {
                if m.contains_key(&k) {
                    return Err(de::Error::custom(format!("{DUPLICATE}\"{k}\"")));
                }
                let Strict(v) = map.next_value()?;
                m.insert(k, v);
            }
            Ok(Value::Object(m))
        }
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let Strict(v) = de::Deserialize::deserialize(&mut de)?;
    de.end()?;
    Ok(v)
}

/// Drop one byte-order mark at the start of a file's text (a second one is text, and not
/// JSON).
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// How long a text is, in Unicode scalar values (what a person counts as characters; the
/// browser counts the same, not UTF-16 units).
pub fn length(s: &str) -> usize {
    s.chars().count()
}

/// The characters a name may not consist of alone, trimmed the same on both sides: the
/// Unicode `White_Space` characters and U+FEFF.
pub fn is_blank(c: char) -> bool {
    matches!(
        c,
        '\u{9}'..='\u{d}'
            | ' '
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
            | '\u{feff}'
    )
}

/// `s` without blank characters ([`is_blank`]) at either end.
pub fn trim(s: &str) -> &str {
    s.trim_matches(is_blank)
}

/// The largest whole number both sides hold exactly (2^53 − 1).
pub const MAX_WHOLE: u64 = 9_007_199_254_740_991;

/// A whole number from 0 to [`MAX_WHOLE`], as JSON writes it (`3`, `3.0` or `3e0`); any
/// other number (a fraction, `1e16`, a negative) is none.
pub fn whole_number(v: &Value) -> Option<u64> {
    match v.as_u64() {
        Some(u) => (u <= MAX_WHOLE).then_some(u),
        None => v
            .as_f64()
            .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f <= MAX_WHOLE as f64)
            .map(|f| f as u64),
    }
}

/// How deeply lists and objects nest in a JSON text, measured on the text itself without
/// recursion (so a file nested 5,000 deep is measured, not walked): brackets inside
/// strings do not count. Run before parsing, on any text.
pub fn nesting(text: &str) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for b in text.bytes() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}
