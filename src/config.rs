//! `doracak.toml`: the site settings (title, language, output folder, rating scale).

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostics, Pos};

mod validate;
use validate::validate;

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
    /// `doracak.toml` was there but could not be read (its error is reported): the defaults
    /// stand in, and nothing is said about what the file would have declared.
    #[serde(skip)]
    pub unread: bool,
    /// The letters before a standard's number in every id (`S` of `S2`, `S2.3`, `S2.3.1`),
    /// and so in its page's name.
    #[serde(default = "default_id_prefix")]
    pub id_prefix: String,
    /// The names of the three columns of a standard's criteria (criterion, evidence,
    /// guidance); without them, the locale pack's.
    #[serde(default)]
    pub columns: Columns,
    /// After how many months a trainee is due a refresher (`doracak training-report`);
    /// 12 when unset.
    #[serde(default)]
    pub refresher_months: Option<u32>,
    /// The language whose built-in pack gives every interface string the handbook's
    /// language has no text for (no built-in pack, or a partial `theme/strings.toml`);
    /// `en` when unset.
    #[serde(default)]
    pub fallback_language: Option<String>,
    /// The writing direction of the pages, `ltr` or `rtl`; without it, the language's
    /// (CLDR: `rtl` for Arabic, Hebrew, Persian, Urdu, Pashto, Dhivehi, Yiddish …).
    #[serde(default)]
    pub direction: Option<String>,
    /// The previous edition: its handbook folder, relative to this handbook's root, or
    /// `git:REVISION`, a commit of the repository holding this handbook: the build
    /// then adds a "what changed" page and maps assessments of that edition.
    #[serde(default)]
    pub previous: Option<String>,
    /// The centres the handbook's audits visit, declared once: the phone form offers them
    /// as a list, and `import-submissions`, `aggregate` and `report --since` know a centre
    /// by its id or its name however it was typed (docs/centres.md).
    #[serde(default)]
    pub centres: Vec<Centre>,
    /// The source documents the content is taken from (the OSCAL catalogue's back-matter).
    #[serde(default)]
    pub sources: Vec<Source>,
    /// The audit form's settings (docs/xlsform-and-submissions.md).
    #[serde(default)]
    pub form: FormSettings,
}

/// A centre: a stable id (what the form records), its name, and optionally its
/// municipality and kind (e.g. "shelter").
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Centre {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub municipality: Option<String>,
    #[serde(default)]
    pub kind: Option<String>,
}

/// A source document: an id, its title, and optionally where it is published and the
/// file it is kept in (relative to the handbook root).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub published: Option<String>,
}

/// The audit form's settings.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FormSettings {
    /// The form's id on the server (`settings.form_id`); `doracak_audit` when unset.
    #[serde(default)]
    pub id: Option<String>,
    /// Record where the visit took place (a `geopoint`). Off by default: a location
    /// pinpoints a shelter for victims of trafficking, whose address is often kept secret.
    #[serde(default)]
    pub gps: bool,
}

/// The headings of a standard's three columns, where the handbook names them.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Columns {
    #[serde(default)]
    pub criterion: Option<String>,
    #[serde(default)]
    pub evidence: Option<String>,
    #[serde(default)]
    pub guidance: Option<String>,
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
    /// Where the collection's procedures apply, for a collection of another jurisdiction
    /// than the handbook's (`Kosovë` for the 003 guide), as its roles' `jurisdiction` says:
    /// a quiz on its procedures offers no role or form of another jurisdiction.
    #[serde(default)]
    pub jurisdiction: Option<String>,
    /// Where `jurisdiction` is written in `doracak.toml` (line, column of its value), for
    /// the diagnostics that judge it against the roles.
    #[serde(skip)]
    pub jurisdiction_at: Option<(u32, u32)>,
}

/// One step of the rating scale. `points: None` means "not applicable": the criterion
/// is left out of the score.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    pub code: String,
    /// What the step is called; without one, the interface string `scale_<code>` of the
    /// handbook's language (`scale_met` …), filled in by `name_scale`.
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub points: Option<u32>,
}

fn default_language() -> String {
    "sq".into()
}

fn default_id_prefix() -> String {
    "S".into()
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
        r("met", "", Some(2)),
        r("partial", "", Some(1)),
        r("not_met", "", Some(0)),
        r("na", "", None),
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
            unread: false,
            id_prefix: default_id_prefix(),
            columns: Columns::default(),
            refresher_months: None,
            fallback_language: None,
            direction: None,
            previous: None,
            centres: Vec::new(),
            sources: Vec::new(),
            form: FormSettings::default(),
        }
    }
}

impl Config {
    /// The interface strings this handbook sets itself (the columns' names), over its
    /// language's pack.
    pub fn name_interface(&self, ui: &mut std::collections::HashMap<String, String>) {
        for (key, value) in [
            ("col_criterion", &self.columns.criterion),
            ("col_evidence", &self.columns.evidence),
            ("col_guidance", &self.columns.guidance),
        ] {
            if let Some(v) = value {
                ui.insert(key.to_string(), v.clone());
            }
        }
    }

    /// The language of the interface strings a handbook leaves untranslated.
    pub fn fallback(&self) -> &str {
        self.fallback_language.as_deref().unwrap_or("en")
    }

    /// `rtl` or `ltr`: `direction` where set, else the language's.
    pub fn dir(&self) -> &'static str {
        match self.direction.as_deref() {
            Some("rtl") => "rtl",
            Some(_) => "ltr",
            None if crate::plural::is_right_to_left(&self.language) => "rtl",
            None => "ltr",
        }
    }

    /// The highest number of points one criterion can earn.
    pub fn max_points(&self) -> u32 {
        self.scale
            .iter()
            .filter_map(|r| r.points)
            .max()
            .unwrap_or(0)
    }
}

/// Give every scale step without a `label` its name from the interface strings
/// (`scale_<code>`); a step with neither is an error that names what is missing.
pub fn name_scale(
    cfg: &mut Config,
    ui: &std::collections::HashMap<String, String>,
    diags: &mut Diagnostics,
) {
    for r in cfg.scale.iter_mut().filter(|r| r.label.trim().is_empty()) {
        let key = format!("scale_{}", r.code);
        match ui.get(&key) {
            Some(label) => r.label = label.clone(),
            None => {
                diags.error(
                    Pos::file("doracak.toml"),
                    format!(
                        "expected a `label` for the scale step {:?} (or the interface string `{key}`), found neither",
                        r.code
                    ),
                );
            }
        }
    }
}

/// Check that `previous` names an edition that is there: a handbook folder (relative to
/// `root`), or `git:REV`, a commit of the repository holding the handbook.
pub fn check_previous(root: &Path, cfg: &Config, diags: &mut Diagnostics) {
    let Some(prev) = &cfg.previous else {
        return;
    };
    if let Some(rev) = crate::edition::git::revision(prev) {
        if let Err(e) = crate::edition::git::resolve(root, rev) {
            diags
                .error(Pos::file("doracak.toml"), e.message)
                .hint(e.hint);
        }
    } else if root
        .join(prev)
        .canonicalize()
        .ok()
        .zip(root.canonicalize().ok())
        .is_some_and(|(a, b)| a == b)
    {
        // The handbook itself: its "what changed" page would say nothing changed.
        let (line, col) = key_position(root, "previous");
        diags
            .error(
                Pos::new("doracak.toml", line, col),
                format!("expected `previous` to be an earlier edition's handbook folder, found {prev:?}, this handbook itself"),
            )
            .hint("name the folder (or \"git:REVISION\") of the edition this one replaces, relative to this handbook's root; or remove `previous`");
    } else if !root.join(prev).join("doracak.toml").is_file() {
        diags
            .error(
                Pos::file("doracak.toml"),
                format!("expected `previous` to be the previous edition's handbook folder (holding doracak.toml) or \"git:REVISION\", found none at {prev:?}"),
            )
            .hint("the folder is relative to this handbook's root");
    }
}

/// Where `key` is set in the handbook's doracak.toml: line and column of its value (0, 0
/// when not found).
fn key_position(root: &Path, key: &str) -> (u32, u32) {
    let text = std::fs::read_to_string(root.join("doracak.toml")).unwrap_or_default();
    for (i, line) in text.lines().enumerate() {
        if let Some(col) = value_column(line, key) {
            return (i as u32 + 1, col);
        }
    }
    (0, 0)
}

/// The 1-based column where `key = value`'s value begins on `line`, if the line sets `key`.
fn value_column(line: &str, key: &str) -> Option<u32> {
    let rest = line.trim_start().strip_prefix(key)?;
    if !rest.trim_start().starts_with('=') {
        return None;
    }
    let eq = line.find('=')?;
    let after = &line[eq + 1..];
    let value = eq + 1 + (after.len() - after.trim_start().len());
    Some(line[..value].chars().count() as u32 + 1)
}

/// Read `doracak.toml` from the handbook root; a missing file means the defaults.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Config {
    let path = root.join("doracak.toml");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Config::default();
    };
    // Composed (NFC), as the content files are (`load`): "Kosovë" here is the roles'.
    let text = match crate::text::nfc(&text) {
        std::borrow::Cow::Owned(composed) => composed,
        std::borrow::Cow::Borrowed(_) => text,
    };
    match toml::from_str::<Config>(&text) {
        Ok(mut cfg) => {
            crate::pipeline::load::warn_unseen_toml(&text, "doracak.toml", diags);
            validate(&cfg, diags);
            locate_jurisdictions(&text, &mut cfg.collections);
            cfg
        }
        Err(e) => {
            let (line, col) = e.span().map(|s| line_col(&text, s.start)).unwrap_or((1, 1));
            diags.error(Pos::new("doracak.toml", line, col), e.message().to_string());
            Config {
                unread: true,
                ..Config::default()
            }
        }
    }
}

/// Where each collection's `jurisdiction` value is written: the first `jurisdiction =`
/// after the `[[collections]]` table that holds the collection's id.
fn locate_jurisdictions(text: &str, collections: &mut [Collection]) {
    let lines: Vec<&str> = text.lines().collect();
    let tables: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.trim() == "[[collections]]")
        .map(|(i, _)| i)
        .collect();
    for (k, c) in collections.iter_mut().enumerate() {
        let Some(&start) = tables.get(k) else { break };
        let end = tables.get(k + 1).copied().unwrap_or(lines.len());
        for (i, line) in lines.iter().enumerate().take(end).skip(start + 1) {
            let t = line.trim_start();
            if t.starts_with('[') {
                break;
            }
            if let Some(col) = value_column(line, "jurisdiction") {
                c.jurisdiction_at = Some((i as u32 + 1, col));
                break;
            }
        }
    }
}

/// 1-based line and column of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() as u32 + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
    (line, col)
}
