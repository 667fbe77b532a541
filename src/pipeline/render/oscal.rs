//! The standards as an OSCAL 1.1 catalogue (`oscal/catalog.json`): standards are groups,
//! criteria are controls; the statement and the desired outcome, the evidence and the
//! guidance are parts; timings and role, procedure and form references are properties.
//! The mapping is documented in docs/oscal.md.

use std::collections::HashMap;
use std::path::Path;

use serde_json::{Value, json};

use crate::pipeline::model::{Criterion, Handbook, Standard};

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

/// The catalogue's last-modified time: `modified` of doracak.toml when set, else the
/// newest modification time of the files under `standards/`.
pub fn last_modified(root: &Path, hb: &Handbook) -> String {
    if let Some(d) = &hb.config.modified {
        return format!("{d}T00:00:00Z");
    }
    let newest = walkdir::WalkDir::new(root.join("standards"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| e.metadata().ok()?.modified().ok())
        .max()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs());
    rfc3339(newest)
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

fn prop(name: &str, value: &str) -> Value {
    json!({ "name": name, "value": value })
}

/// OSCAL text values may not start or end with white space.
fn clean(s: &str) -> String {
    s.trim().to_string()
}

fn control(s: &Standard, c: &Criterion, ui: &HashMap<String, String>) -> Value {
    let t = |k: &str| ui.get(k).cloned().unwrap_or_default();
    let label = format!("{}.{}", s.number, c.number);
    let mut props = vec![
        prop("label", &label),
        prop("sort-id", &format!("{:03}.{:03}", s.number, c.number)),
    ];
    for tm in &c.timing {
        // A timing that sets no limit (`none`) has no duration: its kind stands in.
        let value = if tm.iso.is_empty() { tm.kind } else { &tm.iso };
        let class = if tm.working_days {
            format!("{}-working-days", tm.kind)
        } else {
            tm.kind.to_string()
        };
        let mut p = json!({ "name": "timing", "value": value, "class": class });
        if !tm.text.trim().is_empty() {
            p["remarks"] = Value::from(clean(&tm.text));
        }
        props.push(p);
        if let Some(to) = tm.to_iso.as_deref().filter(|t| !t.is_empty()) {
            props.push(json!({ "name": "timing-to", "value": to, "class": class }));
        }
    }
    for r in &c.roles {
        props.push(prop("responsible-role", r));
    }
    for p in &c.procedures {
        props.push(prop("procedure", p));
    }
    for f in &c.forms {
        props.push(prop("form", f));
    }
    let mut parts = vec![json!({
        "id": format!("{}_smt", c.id),
        "name": "statement",
        "prose": clean(&c.text),
    })];
    for g in &c.guidance {
        let mut part = json!({
            "id": g.id,
            "name": "guidance",
            "title": t("guidance"),
            "prose": clean(&g.text),
        });
        if let Some(n) = &g.number {
            part["props"] = json!([prop("label", n)]);
        }
        parts.push(part);
    }
    if !c.evidence.is_empty() {
        let objects: Vec<Value> = c
            .evidence
            .iter()
            .map(|e| {
                json!({
                    "id": e.id,
                    "name": "assessment-objects",
                    "props": [prop("label", &e.number)],
                    "prose": clean(&e.text),
                })
            })
            .collect();
        parts.push(json!({
            "id": format!("{}_examine", c.id),
            "name": "assessment-method",
            "title": t("col_evidence"),
            "props": [prop("method", "EXAMINE")],
            "parts": objects,
        }));
    }
    json!({
        "id": c.id,
        "class": "criterion",
        "title": format!("{} {label}", t("criterion")),
        "props": props,
        "parts": parts,
    })
}

/// The catalogue as a JSON value (`{"catalog": …}`).
pub fn catalog(hb: &Handbook, ui: &HashMap<String, String>, last_modified: &str) -> Value {
    let t = |k: &str| ui.get(k).cloned().unwrap_or_default();
    let hash = crate::assessment::catalog_hash(hb);
    let groups: Vec<Value> = hb
        .standards
        .iter()
        .map(|s| {
            json!({
                "id": s.id,
                "class": "standard",
                "title": clean(&s.title),
                "props": [prop("label", &s.number.to_string())],
                "parts": [
                    {
                        "id": format!("{}_smt", s.id),
                        "name": "statement",
                        "title": t("statement"),
                        "prose": clean(&s.statement),
                    },
                    {
                        "id": format!("{}_obj", s.id),
                        "name": "objective",
                        "title": t("outcome"),
                        "prose": clean(&s.outcome),
                    }
                ],
                "controls": s.criteria.iter().map(|c| control(s, c, ui)).collect::<Vec<_>>(),
            })
        })
        .collect();
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
        "props": [prop("catalog-hash", &hash)],
    });
    if !roles.is_empty() {
        metadata["roles"] = Value::from(roles);
    }
    if !hb.config.description.trim().is_empty() {
        metadata["remarks"] = Value::from(clean(&hb.config.description));
    }
    json!({
        "catalog": {
            "uuid": uuid(&[&hash, &version, last_modified]),
            "metadata": metadata,
            "groups": groups,
        }
    })
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
}
