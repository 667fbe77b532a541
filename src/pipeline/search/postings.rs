//! A term's postings in the term shards as one string of base-64 digits (issue 28: the
//! index that the output per criterion must hold down). Each number of the list (a
//! document's distance from the previous one, then its score × 16 + kind, in turn) is a
//! varint of 5-bit groups, least significant first, each group one character of the
//! URL-safe base-64 alphabet with 32 added while more groups follow — the VLQ of source
//! maps without their sign. A delta under 32 is one character, a score-and-kind under
//! 32,768 three: about 4.3 characters a posting where the decimal JSON arrays took 7.9.
//! theme/static/search-engine.js (`decodePost`) is the twin of `decode`.

/// The 64 digits, by value.
pub const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Append `nums`, each a varint, to `out`.
pub fn encode_into(nums: &[u32], out: &mut String) {
    for &n in nums {
        let mut v = n;
        loop {
            let group = (v & 31) as usize;
            v >>= 5;
            if v == 0 {
                out.push(char::from(ALPHABET[group]));
                break;
            }
            out.push(char::from(ALPHABET[group | 32]));
        }
    }
}

/// `nums` as a string of varints.
pub fn encode(nums: &[u32]) -> String {
    let mut out = String::with_capacity(nums.len() * 3);
    encode_into(nums, &mut out);
    out
}

/// How many characters `nums` take.
pub fn encoded_len(nums: &[u32]) -> usize {
    nums.iter()
        .map(|&n| (32 - n.leading_zeros()).div_ceil(5).max(1) as usize)
        .sum()
}

fn digit(c: u8) -> Option<u32> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    } as u32)
}

/// The numbers of a string of varints, or what is wrong with it: a character not of the
/// alphabet, a number over `u32::MAX`, or a number cut short at the end.
pub fn decode(s: &str) -> Result<Vec<u32>, String> {
    let mut out = Vec::with_capacity(s.len() / 2);
    let (mut v, mut shift) = (0u64, 0u32);
    for (i, c) in s.bytes().enumerate() {
        let d = digit(c).ok_or_else(|| format!("postings: {:?} at {i}", char::from(c)))?;
        if shift > 30 {
            return Err(format!("postings: a number too long at {i}"));
        }
        v |= u64::from(d & 31) << shift;
        if d & 32 == 0 {
            out.push(u32::try_from(v).map_err(|_| format!("postings: {v} at {i}"))?);
            (v, shift) = (0, 0);
        } else {
            shift += 5;
        }
    }
    if shift > 0 {
        return Err("postings: cut short".to_string());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_at_every_width() {
        let mut nums = vec![
            0,
            1,
            31,
            32,
            33,
            1023,
            1024,
            32767,
            32768,
            u32::MAX,
            u32::MAX - 1,
        ];
        nums.extend((0..32).map(|b| 1u32 << b));
        nums.extend((1..32).map(|b| (1u32 << b) - 1));
        let s = encode(&nums);
        assert_eq!(s.len(), encoded_len(&nums));
        assert_eq!(decode(&s).unwrap(), nums);
        assert_eq!(encode(&[1, 28720]), "Bwhc");
        assert_eq!(decode("").unwrap(), Vec::<u32>::new());
    }

    #[test]
    fn a_malformed_string_is_refused() {
        assert!(decode("g").is_err(), "cut short");
        assert!(decode("A,B").is_err(), "not a digit");
        assert!(decode("1,2").is_err(), "decimal");
        assert!(decode("_______D").is_err(), "too long");
        // 2^32: seven groups, over u32.
        assert!(
            decode(&{
                let mut s = String::new();
                encode_into(&[u32::MAX], &mut s);
                s.replace('D', "E")
            })
            .is_err()
        );
    }
}
