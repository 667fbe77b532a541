//! What `doracak.toml` must hold beyond its shape: the id prefix, the scale, the centres,
//! the dates and the output folder, each fault an error or warning at the file.

use std::path::Path;

use super::Config;
use crate::diagnostics::{Diagnostics, Pos};

/// Check a `doracak.toml` that parsed.
pub(super) fn validate(cfg: &Config, diags: &mut Diagnostics) {
    let pos = || Pos::file("doracak.toml");
    if cfg.id_prefix.is_empty() || !cfg.id_prefix.chars().all(|c| c.is_ascii_alphabetic()) {
        diags.error(
            pos(),
            format!(
                "expected `id_prefix` to be one or more letters A–Z (as the `S` of `S2.3`), found {:?}",
                cfg.id_prefix
            ),
        );
    }
    if let Some(d) = cfg
        .direction
        .as_deref()
        .filter(|d| !matches!(*d, "ltr" | "rtl"))
    {
        diags.error(
            pos(),
            format!("expected `direction` to be \"ltr\" or \"rtl\", found {d:?}"),
        );
    }
    if cfg.scale.len() < 2 {
        diags.error(
            pos(),
            format!(
                "expected a rating scale with at least two steps, found {}",
                match cfg.scale.len() {
                    0 => "an empty [[scale]]".to_string(),
                    n => format!("{n} step"),
                }
            ),
        );
    }
    let mut ids = std::collections::HashSet::new();
    for c in &cfg.collections {
        if c.id.trim().is_empty() || c.title.trim().is_empty() {
            diags.error(
                pos(),
                format!(
                    "expected an id and a title for every [[collections]], found id {:?} and title {:?}",
                    c.id, c.title
                ),
            );
        }
        if !ids.insert(&c.id) {
            diags.error(
                pos(),
                format!("expected each collection id once, found {:?} twice", c.id),
            );
        }
        if let Some(j) = &c.jurisdiction
            && (j.trim().is_empty() || j.trim() != j)
        {
            diags.error(
                pos(),
                format!(
                    "expected the jurisdiction of collection {:?} as its roles write it, found {j:?}",
                    c.id
                ),
            );
        }
    }
    let mut centre_ids = std::collections::HashSet::new();
    let mut centre_names = std::collections::HashMap::new();
    for c in &cfg.centres {
        let ok = !c.id.is_empty()
            && c.id
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_')
            && c.id != crate::centres::OTHER;
        if !ok {
            diags.error(
                pos(),
                format!(
                    "expected each [[centres]] id to be letters a–z, digits, '-' or '_' (and not \"{}\"), found {:?}",
                    crate::centres::OTHER,
                    c.id
                ),
            );
        }
        if c.name.trim().is_empty() {
            diags.error(
                pos(),
                format!("expected a name for the centre {:?}, found none", c.id),
            );
        }
        if !centre_ids.insert(&c.id) {
            diags.error(
                pos(),
                format!("expected each centre id once, found {:?} twice", c.id),
            );
        }
        if let Some(first) = centre_names.insert(crate::centres::normalise(&c.name), &c.id) {
            diags.error(
                pos(),
                format!(
                    "expected each centre's name once, found {:?} for both {first:?} and {:?}",
                    c.name, c.id
                ),
            );
        }
    }
    let mut source_ids = std::collections::HashSet::new();
    for s in &cfg.sources {
        if s.id.trim().is_empty() || s.title.trim().is_empty() || !source_ids.insert(&s.id) {
            diags.error(
                pos(),
                format!(
                    "expected an id (once) and a title for every [[sources]], found id {:?} and title {:?}",
                    s.id, s.title
                ),
            );
        }
    }
    let mut seen = std::collections::HashSet::new();
    for r in &cfg.scale {
        if !seen.insert(&r.code) {
            diags.error(
                pos(),
                format!("expected each scale code once, found {:?} twice", r.code),
            );
        }
    }
    if cfg.scale.iter().all(|r| r.points.is_none()) && !cfg.scale.is_empty() {
        diags.error(
            pos(),
            "expected at least one scale step with points, found none",
        );
    }
    if let Some(m) = &cfg.modified
        && !is_date(m)
    {
        diags.error(
            pos(),
            format!("expected `modified` as a date YYYY-MM-DD, found {m:?}"),
        );
    }
    if cfg.refresher_months == Some(0) {
        diags.error(
            pos(),
            "expected `refresher_months` to be a number of months from 1, found 0",
        );
    }
    if cfg.edition.as_deref().is_some_and(|e| e.trim().is_empty()) {
        diags.error(
            pos(),
            "expected `edition` to name the edition, found empty text",
        );
    }
    let out = Path::new(&cfg.output);
    if out.is_absolute()
        || out
            .components()
            .any(|c| matches!(c, std::path::Component::ParentDir))
        || cfg.output.is_empty()
    {
        diags
            .error(
                pos(),
                format!(
                    "expected `output` to be a folder inside the handbook, found {:?}",
                    cfg.output
                ),
            )
            .hint("use --out DIR to build somewhere else");
    }
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && s[0..4].parse::<u32>().is_ok()
        && s[5..7].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
        && s[8..10].parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
}
