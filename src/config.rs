//! `doracak.toml`: the site settings (title, language, output folder, rating scale).

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostics, Pos};

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The handbook's title, shown on every page.
    pub title: String,
    /// One or two sentences for the home page: what the handbook is.
    #[serde(default)]
    pub description: String,
    /// The sentence above the list of standards on the home page; where none is set, the
    /// locale pack's general one.
    #[serde(default)]
    pub standards_intro: Option<String>,
    /// The `lang` of every page.
    #[serde(default = "default_language")]
    pub language: String,
    /// Where `build` writes the site, relative to the handbook root.
    #[serde(default = "default_output")]
    pub output: String,
    /// The self-assessment rating scale, best first.
    #[serde(default = "default_scale")]
    pub scale: Vec<Rating>,
    /// The edition of the standards (the OSCAL catalogue's version), e.g. "2026".
    #[serde(default)]
    pub edition: Option<String>,
    /// When the standards last changed, `YYYY-MM-DD` (the OSCAL catalogue's last-modified
    /// date); without it, the newest file under `standards/`.
    #[serde(default)]
    pub modified: Option<String>,
    /// The groups procedures belong to (`collection:` in a procedure file), in the order
    /// the procedures index shows them.
    #[serde(default)]
    pub collections: Vec<Collection>,
    /// After how many months a trainee is due a refresher (`doracak training-report`);
    /// 12 when unset.
    #[serde(default)]
    pub refresher_months: Option<u32>,
}

/// A group of procedures, declared by the handbook: its id (what procedures name), its
/// title, and optionally the act or guide it comes from and a few words of introduction.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Collection {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub intro: Option<String>,
}

/// One step of the rating scale. `points: None` means "not applicable": the criterion
/// is left out of the score.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    pub code: String,
    pub label: String,
    #[serde(default)]
    pub points: Option<u32>,
}

fn default_language() -> String {
    "sq".into()
}

fn default_output() -> String {
    "site".into()
}

fn default_scale() -> Vec<Rating> {
    let r = |code: &str, label: &str, points| Rating {
        code: code.into(),
        label: label.into(),
        points,
    };
    vec![
        r("met", "Përmbushur", Some(2)),
        r("partial", "Pjesërisht", Some(1)),
        r("not_met", "Nuk përmbushet", Some(0)),
        r("na", "Nuk aplikohet", None),
    ]
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Doracak".into(),
            description: String::new(),
            standards_intro: None,
            language: default_language(),
            output: default_output(),
            scale: default_scale(),
            edition: None,
            modified: None,
            collections: Vec::new(),
            refresher_months: None,
        }
    }
}

impl Config {
    /// The highest number of points one criterion can earn.
    pub fn max_points(&self) -> u32 {
        self.scale
            .iter()
            .filter_map(|r| r.points)
            .max()
            .unwrap_or(0)
    }
}

/// Read `doracak.toml` from the handbook root; a missing file means the defaults.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Config {
    let path = root.join("doracak.toml");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Config::default();
    };
    match toml::from_str::<Config>(&text) {
        Ok(cfg) => {
            validate(&cfg, diags);
            cfg
        }
        Err(e) => {
            let (line, col) = e.span().map(|s| line_col(&text, s.start)).unwrap_or((1, 1));
            diags.error(Pos::new("doracak.toml", line, col), e.message().to_string());
            Config::default()
        }
    }
}

fn validate(cfg: &Config, diags: &mut Diagnostics) {
    let pos = || Pos::file("doracak.toml");
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

/// 1-based line and column of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() as u32 + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
    (line, col)
}
