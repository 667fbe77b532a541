//! The standards as an OSCAL 1.1 catalogue (`oscal/catalog.json`): standards are groups,
//! criteria are controls; the statement and the desired outcome, the evidence and the
//! guidance are parts; timings and role, procedure and form references are properties.
//! The mapping is documented in docs/oscal.md.

use std::collections::HashMap;
use std::path::Path;

use serde_json::{Value, json};

use crate::pipeline::model::{Criterion, Handbook, Standard};

mod shapes;

use shapes::{Control, Group, Link, Part, Prop};

/// The OSCAL version the catalogue follows.
pub const OSCAL_VERSION: &str = "1.1.3";

/// FNV-1a, 64 bits, seeded.
fn fnv(seed: u64, parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ seed;
    for s in parts {
        for b in s.bytes().chain(std::iter::once(0)) {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// A name-based (version 5 layout) UUID derived from `parts`: the same content gives the
/// same UUID, a changed one a new UUID, as OSCAL asks of a document's revisions.
pub fn uuid(parts: &[&str]) -> String {
    let a = fnv(1, parts);
    let b = fnv(2, parts);
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&a.to_be_bytes());
    bytes[8..].copy_from_slice(&b.to_be_bytes());
    bytes[6] = (bytes[6] & 0x0f) | 0x50;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// The catalogue's last-modified time, from the content only (never from file times, so
/// two copies of one handbook give the same bytes): `modified` of doracak.toml; else the
/// newest `published` date of its `[[sources]]`; else a date written in `edition`
/// ("VKM nr. 772, datë 19.12.2025" → 2025-12-19); else 1970-01-01.
pub fn last_modified(_root: &Path, hb: &Handbook) -> String {
    if let Some(d) = &hb.config.modified {
        return format!("{d}T00:00:00Z");
    }
    let published = hb
        .config
        .sources
        .iter()
        .filter_map(|s| s.published.as_deref().and_then(date_in))
        .max();
    let date = published
        .or_else(|| hb.config.edition.as_deref().and_then(date_in))
        .unwrap_or_else(|| "1970-01-01".to_string());
    format!("{date}T00:00:00Z")
}

/// The first date in a text, as `YYYY-MM-DD`: written `YYYY-MM-DD` or `D.M.YYYY`.
fn date_in(text: &str) -> Option<String> {
    let ok = |y: u32, m: u32, d: u32| {
        (1900..=2999).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
    };
    for word in
        text.split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '(' || c == ')')
    {
        let word = word.trim_end_matches('.');
        let parts: Vec<&str> = word.split(['-', '.', '/']).collect();
        if parts.len() != 3
            || parts
                .iter()
                .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            continue;
        }
        let n: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
        if n.len() != 3 {
            continue;
        }
        let (y, m, d) = if parts[0].len() == 4 {
            (n[0], n[1], n[2])
        } else {
            (n[2], n[1], n[0])
        };
        if ok(y, m, d) {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
    }
    None
}

/// Seconds since 1970 as `YYYY-MM-DDThh:mm:ssZ`.
pub fn rfc3339(secs: u64) -> String {
    let rem = secs % 86_400;
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        crate::text::civil_date((secs / 86_400) as i64),
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// The namespace of doracak's own properties (OSCAL's own, `label`, `sort-id` and
/// `method`, need none). A name, not an address: `.invalid` never resolves.
pub const NS: &str = "https://doracak.invalid/ns/oscal";

/// A property of doracak's, in its namespace.
fn own(name: &str, value: &str) -> Value {
    json!({ "name": name, "ns": NS, "value": value })
}

/// A control's title: the criterion's own words, its first sentence, cut at a word to at
/// most 80 characters ("…" marks a cut).
pub fn short_title(text: &str) -> String {
    let plain = crate::markdown::to_plain(&crate::markdown::unmarked(text));
    let first = plain.lines().next().unwrap_or("").trim();
    let sentence = match first.find(['.', ':', ';']) {
        Some(i) if i > 10 => &first[..i],
        _ => first,
    };
    const MAX: usize = 80;
    if sentence.chars().count() <= MAX {
        return sentence.trim().to_string();
    }
    let cut: String = sentence.chars().take(MAX).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ' ']))
}

/// OSCAL text values may not start or end with white space.
fn clean(s: &str) -> String {
    s.trim().to_string()
}

/// A criterion's, evidence item's or guidance note's words as OSCAL prose: as the source
/// prints them, an example unmarked (`markdown::unmarked`; a `>` would be a stray quote).
fn prose(md: &str) -> String {
    clean(&crate::markdown::unmarked(md))
}

fn control<'a>(
    hb: &Handbook,
    s: &Standard,
    c: &'a Criterion,
    ui: &HashMap<String, String>,
) -> Control<'a> {
    let t = |k: &str| ui.get(k).cloned().unwrap_or_default();
    let label = format!("{}.{}", s.number, c.number);
    let mut props = vec![
        Prop::new("label", label.clone()),
        Prop::new("sort-id", format!("{:03}.{:03}", s.number, c.number)),
    ];
    for tm in &c.timing {
        // A timing that sets no limit (`none`) has no duration: its kind stands in.
        // As soon as possible with no latest has no duration either: "asap".
        let value = match (tm.iso.is_empty(), tm.asap_only()) {
            (true, true) => "asap",
            (true, false) => tm.kind,
            (false, _) => &tm.iso,
        };
        let class = if tm.working_days {
            format!("{}-working-days", tm.kind)
        } else {
            tm.kind.to_string()
        };
        let remarks = (!tm.text.trim().is_empty()).then(|| clean(&tm.text));
        let to = tm.to_iso.as_deref().filter(|t| !t.is_empty());
        props.push(Prop {
            class: Some(class.clone()),
            remarks,
            ..Prop::own("timing", value)
        });
        if let Some(to) = to {
            props.push(Prop {
                class: Some(class),
                ..Prop::own("timing-to", to)
            });
        }
    }
    for r in &c.roles {
        props.push(Prop::own("responsible-role", r.as_str()));
    }
    for p in &c.procedures {
        props.push(Prop::own("procedure", p.as_str()));
    }
    for f in &c.forms {
        props.push(Prop::own("form", f.as_str()));
    }
    let mut parts = vec![Part {
        prose: Some(prose(&c.text)),
        ..Part::new(format!("{}_smt", c.id), "statement")
    }];
    for g in &c.guidance {
        parts.push(Part {
            title: Some(t("guidance")),
            prose: Some(prose(&g.text)),
            props: g
                .number
                .as_ref()
                .map(|n| vec![Prop::new("label", n.as_str())]),
            ..Part::new(g.id.as_str(), "guidance")
        });
    }
    if !c.evidence.is_empty() {
        let objects: Vec<Part> = c
            .evidence
            .iter()
            .map(|e| Part {
                props: Some(vec![Prop::new(
                    "label",
                    format!("{}.{}", s.number, e.number),
                )]),
                prose: Some(prose(&e.text)),
                ..Part::new(e.id.as_str(), "assessment-objects")
            })
            .collect();
        parts.push(Part {
            title: Some(t("col_evidence")),
            props: Some(vec![Prop::new("method", "EXAMINE")]),
            parts: Some(objects),
            ..Part::new(format!("{}_examine", c.id), "assessment-method")
        });
    }
    Control {
        id: &c.id,
        class: "criterion",
        title: short_title(&c.text),
        props,
        links: [Link {
            href: format!("../{}", hb.addresses.criterion(&c.id)),
            rel: "alternate",
            media_type: "text/html",
            text: format!("{} {label}", t("criterion")),
        }],
        parts,
    }
}

/// One standard as an OSCAL group, its criteria the controls.
fn group<'a>(hb: &Handbook, s: &'a Standard, ui: &HashMap<String, String>) -> Group<'a> {
    let t = |k: &str| ui.get(k).cloned().unwrap_or_default();
    Group {
        id: &s.id,
        class: "standard",
        title: clean(&s.title),
        props: [Prop::new("label", s.number.to_string())],
        parts: [
            Part {
                title: Some(t("statement")),
                prose: Some(clean(&s.statement)),
                ..Part::new(format!("{}_smt", s.id), "statement")
            },
            Part {
                title: Some(t("outcome")),
                prose: Some(clean(&s.outcome)),
                ..Part::new(format!("{}_obj", s.id), "objective")
            },
        ],
        controls: s.criteria.iter().map(|c| control(hb, s, c, ui)).collect(),
    }
}

/// Write the catalogue to `w` as it is made: the standards' groups one at a time, never
/// the whole catalogue in memory; indented, or on one line where `compact`.
pub fn write_catalog(
    hb: &Handbook,
    ui: &HashMap<String, String>,
    last_modified: &str,
    w: &mut dyn std::io::Write,
    compact: bool,
) -> std::io::Result<()> {
    let catalog = skeleton(hb, last_modified);
    let lazy = Lazy {
        catalog: &catalog,
        hb,
        ui,
    };
    if compact {
        serde_json::to_writer(w, &lazy)
    } else {
        serde_json::to_writer_pretty(w, &lazy)
    }
    .map_err(std::io::Error::other)
}

/// The whole catalogue as one value (tests).
pub fn catalog(hb: &Handbook, ui: &HashMap<String, String>, last_modified: &str) -> Value {
    let mut c = skeleton(hb, last_modified);
    c["catalog"]["groups"] = hb
        .standards
        .iter()
        .map(|s| serde_json::to_value(group(hb, s, ui)).unwrap_or_default())
        .collect();
    c
}

/// `{"catalog": …}` with its `groups` made while they are written (`serde_json` writes a
/// map's keys in order, as `Value` holds them, so the bytes are those of the whole value).
struct Lazy<'a> {
    catalog: &'a Value,
    hb: &'a Handbook,
    ui: &'a HashMap<String, String>,
}

impl serde::Serialize for Lazy<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let Some(Value::Object(inner)) = self.catalog.get("catalog") else {
            return self.catalog.serialize(s);
        };
        struct Inner<'a>(&'a Lazy<'a>, &'a serde_json::Map<String, Value>);
        impl serde::Serialize for Inner<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(self.1.len()))?;
                for (k, v) in self.1 {
                    if k == "groups" {
                        m.serialize_entry(k, &Groups(self.0))?;
                    } else {
                        m.serialize_entry(k, v)?;
                    }
                }
                m.end()
            }
        }
        struct Groups<'a>(&'a Lazy<'a>);
        impl serde::Serialize for Groups<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let l = self.0;
                s.collect_seq(l.hb.standards.iter().map(|st| group(l.hb, st, l.ui)))
            }
        }
        let mut outer = s.serialize_map(Some(1))?;
        outer.serialize_entry("catalog", &Inner(self, inner))?;
        outer.end()
    }
}

/// The catalogue as a JSON value (`{"catalog": …}`), its `groups` left null: filled by
/// [`write_catalog`] one standard at a time.
fn skeleton(hb: &Handbook, last_modified: &str) -> Value {
    let hash = crate::assessment::catalog_id(hb).to_string();
    // The roles the criteria name, with their titles.
    let titles: HashMap<&str, &str> = hb
        .roles
        .iter()
        .map(|r| (r.id.as_str(), r.title.as_str()))
        .collect();
    let mut named: Vec<&str> = hb
        .standards
        .iter()
        .flat_map(|s| &s.criteria)
        .flat_map(|c| &c.roles)
        .map(String::as_str)
        .collect();
    named.sort_unstable();
    named.dedup();
    let roles: Vec<Value> = named
        .iter()
        .map(|id| json!({ "id": id, "title": clean(titles.get(id).copied().unwrap_or(id)) }))
        .collect();
    let version = hb.config.edition.clone().unwrap_or_else(|| hash.clone());
    let mut metadata = json!({
        "title": clean(&hb.config.title),
        "last-modified": last_modified,
        "version": version,
        "oscal-version": OSCAL_VERSION,
        "props": [own("catalog-hash", &hash)],
    });
    let sources: Vec<Value> = hb
        .config
        .sources
        .iter()
        .map(|src| {
            let mut r = json!({
                "uuid": uuid(&["source", &src.id, &src.title]),
                "title": clean(&src.title),
                "props": [own("source-id", &src.id)],
                "citation": { "text": clean(&src.title) },
            });
            if let Some(url) = &src.url {
                r["rlinks"] = json!([{ "href": url }]);
            }
            if let Some(p) = src.published.as_deref().and_then(date_in) {
                r["props"]
                    .as_array_mut()
                    .unwrap()
                    .push(own("published", &p));
            }
            r
        })
        .collect();
    if !sources.is_empty() {
        metadata["links"] = sources
            .iter()
            .map(|r| json!({ "href": format!("#{}", r["uuid"].as_str().unwrap_or("")), "rel": "reference" }))
            .collect();
    }
    if !roles.is_empty() {
        metadata["roles"] = Value::from(roles);
    }
    if !hb.config.description.trim().is_empty() {
        metadata["remarks"] = Value::from(clean(&hb.config.description));
    }
    let mut catalog = json!({
        "uuid": uuid(&[&hash, &version, last_modified]),
        "metadata": metadata,
        "groups": Value::Null,
    });
    if !sources.is_empty() {
        catalog["back-matter"] = json!({ "resources": sources });
    }
    json!({ "catalog": catalog })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_uuids() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_790_000_000), "2026-09-21T14:13:20Z");
        let u = uuid(&["a"]);
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "5");
        assert!(matches!(&u[19..20], "8" | "9" | "a" | "b"));
        assert_ne!(u, uuid(&["b"]));
    }

    #[test]
    fn dates_in_words_and_short_titles() {
        assert_eq!(
            date_in("VKM nr. 772, datë 19.12.2025").as_deref(),
            Some("2025-12-19")
        );
        assert_eq!(date_in("2026-10-01").as_deref(), Some("2026-10-01"));
        assert_eq!(date_in("edition 2026"), None);
        assert_eq!(
            short_title(
                "Ofruesi i shërbimit ka një deklaratë të misionit të tij, një strukturë shërbimesh të përcaktuar qartë dhe demonstron kapacitete."
            ),
            "Ofruesi i shërbimit ka një deklaratë të misionit të tij, një strukturë…"
        );
        assert_eq!(
            short_title("Stafi është i trajnuar. Më tej …"),
            "Stafi është i trajnuar"
        );
    }
}
