//! Stage 2, validate: everything the types cannot say. Ids unique, numbers consistent,
//! references resolve, text present, durations well formed. Every problem is reported;
//! nothing stops at the first.

use crate::text::TextExt;

use std::collections::HashSet;
use std::path::Path;

use crate::diagnostics::{Diagnostics, Pos};
use crate::duration;
use crate::pipeline::load::Sources;
use crate::pipeline::source::*;

mod chapters;
mod content;
mod form_links;
mod forms;
mod mentions;
mod quotes;
mod roles;
mod standards;
mod step_links;
mod timing_words;

/// Check the loaded sources; problems go into `diags`.
pub fn validate(src: &Sources, config: &crate::config::Config, diags: &mut Diagnostics) {
    let mut ids = KnownIds::of(src);
    // No catalogue at all, yet forms referred to: one error for the file, none per reference.
    if forms::catalogue_missing(src, diags) {
        ids.forms_unread = true;
    }
    let collections: Vec<&str> = config.collections.iter().map(|c| c.id.as_str()).collect();
    // A standard or procedure file that could not be read (its error is said): its
    // criteria and steps are unknown, not missing (adversary 45, C-1).
    let places_unread = diags.errors().any(|d| {
        d.pos
            .file
            .components()
            .any(|c| c.as_os_str() == "standards" || c.as_os_str() == "sop")
    });
    let mut v = Validator {
        diags,
        prefix: &config.id_prefix,
        ids: &ids,
        collections: &collections,
        undeclared: HashSet::new(),
        config_unread: config.unread,
        places_unread,
        has_indicators: src.indicators.is_some(),
    };
    v.standards(src);
    for p in &src.procedures {
        v.procedure(&p.path, &p.slug, &p.value);
    }
    v.unique_ids("procedure", &src.procedures);
    v.unique_ids("role", &src.roles);
    v.unique_ids("plan", &src.plans);
    v.mentions(src);
    v.role_timings(src);
    v.unique_ids("printed form", &src.form_templates);
    for r in &src.roles {
        v.role(&r.path, &r.value);
        // A role's own id in a list of other roles.
        let lists = [
            (&r.value.catch_all, "expected in `catch_all` another role"),
            (&r.value.may_be, "expected `may_be` to name another role"),
            (
                &r.value.representatives,
                "expected in `representatives` another role",
            ),
        ];
        for (list, expected) in lists {
            for m in list.iter().filter(|m| m.value.trim() == r.slug) {
                v.diags.error(
                    at(&r.path, m),
                    format!("{expected}, found this role's own id \"{}\"", r.slug),
                );
            }
        }
    }
    // A collection's jurisdiction is one its roles write (`jurisdiction:` on a role): a typo
    // would leave its quizzes without the wrong answers of their jurisdiction.
    let written: Vec<&str> = src
        .roles
        .iter()
        .filter_map(|r| r.value.jurisdiction.as_ref().map(|j| j.value.as_str()))
        .collect();
    for c in &config.collections {
        let Some(j) = c.jurisdiction.as_deref().filter(|j| !j.trim().is_empty()) else {
            continue;
        };
        let toml = std::path::Path::new("doracak.toml");
        let pos = match c.jurisdiction_at {
            Some((line, col)) => Pos::new(toml, line, col),
            None => Pos::file(toml),
        };
        if !written.contains(&j) {
            // "kosovë", "Kosovë " or a decomposed "ë": one a role writes, but for case,
            // spaces or the way a letter is typed (adversary 45, J-1).
            use unicode_normalization::UnicodeNormalization;
            let fold = |s: &str| s.trim().nfc().collect::<String>().lowered();
            let near = written.iter().find(|w| fold(w) == fold(j));
            let e = v.diags.error(
                pos,
                format!(
                    "expected the jurisdiction of collection {:?} to be one a role declares, found {j:?}",
                    c.id
                ),
            );
            match near {
                Some(w) => e.hint(format!("did you mean {w:?}? a role writes it so")),
                None => e.hint("write it as the roles of that jurisdiction do (`jurisdiction:` in content/roles/)"),
            };
            // (The warning below would only follow from this.)
            continue;
        }
        // Its steps are done by roles of its jurisdiction: a jurisdiction on a collection
        // whose every actor is of another would draw its quizzes' wrong answers from the
        // wrong country.
        let of = |id: &str| {
            src.roles
                .iter()
                .find(|r| r.slug == id)
                .map(|r| r.value.jurisdiction.as_ref().map(|x| x.value.as_str()))
        };
        let actors: Vec<Option<&str>> = src
            .procedures
            .iter()
            .filter(|p| p.value.collection.value == c.id)
            .flat_map(|p| p.value.steps.iter().flat_map(|s| s.actors.iter()))
            .filter_map(|a| of(a.value.trim()))
            .collect();
        if !actors.is_empty() && !actors.contains(&Some(j)) {
            v.diags
                .warning(
                    pos,
                    format!(
                        "the collection {:?} has the jurisdiction {j:?}, yet none of its steps is done by a role of it",
                        c.id
                    ),
                )
                .hint("a jurisdiction belongs on the collection of that jurisdiction's procedures; its quizzes offer only that jurisdiction's roles and forms as wrong answers");
        }
    }
    if let Some(f) = &src.forms {
        v.forms(&f.path, &f.value);
    }
    if let Some(g) = &src.glossary {
        v.glossary(&g.path, &g.value);
    }
    if let Some(s) = &src.synonyms {
        for set in &s.value.sets {
            if set.value.len() < 2 {
                v.diags.error(
                    at(&s.path, set),
                    format!(
                        "expected a set of at least two words a reader may type for the same thing, found {}",
                        set.value.len()
                    ),
                );
            }
            let mut seen: Vec<String> = Vec::new();
            for w in &set.value {
                let key = synonym_key(w);
                if key.is_empty() {
                    v.diags
                        .error(
                            at(&s.path, set),
                            format!("expected a word or a phrase in the set, found {w:?}"),
                        )
                        .hint("search expands a typed word or phrase to the others of its set; remove the empty entry");
                } else if seen.contains(&key) {
                    v.diags
                        .error(
                            at(&s.path, set),
                            format!(
                                "expected each word or phrase once in the set, found {w:?} again"
                            ),
                        )
                        .hint("write it once (capitals and ë/ç do not make another entry)");
                } else {
                    seen.push(key);
                }
            }
        }
        // The same word in two sets is allowed (a word with two senses), but worth a look.
        let mut first: std::collections::HashMap<String, usize> = Default::default();
        for (i, set) in s.value.sets.iter().enumerate() {
            let mut keys: Vec<String> = set.value.iter().map(|w| synonym_key(w)).collect();
            keys.sort();
            keys.dedup();
            for key in keys.into_iter().filter(|k| !k.is_empty()) {
                match first.get(&key) {
                    Some(&j) => {
                        let line = s.value.sets[j].referenced.line();
                        v.diags
                            .warning(
                                at(&s.path, set),
                                format!("{key:?} is also in an earlier set (line {line}); a query with it takes the words of both sets"),
                            )
                            .hint("merge the two sets if they mean the same thing");
                    }
                    None => {
                        first.insert(key, i);
                    }
                }
            }
        }
    }
    if let Some(p) = &src.principles {
        for pr in &p.value.principles {
            v.text(&p.path, &pr.title, "principle title");
            v.text(&p.path, &pr.text, "principle text");
        }
    }
    if let Some(i) = &src.indicators {
        v.indicators(&i.path, &i.value);
    }
    for p in &src.plans {
        v.plan(&p.path, &p.value);
    }
    v.chapters(src);
    forms::templates(src, (!ids.forms_unread).then_some(&ids.forms), v.diags);
}

/// The ids references may point at.
struct KnownIds {
    roles: HashSet<String>,
    procedures: HashSet<String>,
    forms: HashSet<String>,
    /// Each form's title and whether it has a printed code (its id), by id: the words a
    /// step's link to it may quote (`tied:`) and what names it (`form_words`).
    form_titles: std::collections::HashMap<String, (String, bool)>,
    /// Each role's names (title, other printed names, abbreviations), by id, matched as the
    /// quizzes match them (`text::names`).
    role_names: std::collections::HashMap<String, Vec<crate::text::names::Name>>,
    /// Procedures and roles whose file is there but could not be read (its own error says
    /// why): a reference to them is no second error.
    unread: HashSet<String>,
    /// `content/forms.yaml` is there but could not be read (or is missing, and forms are
    /// referred to: its own error says so).
    forms_unread: bool,
}

impl KnownIds {
    fn of(src: &Sources) -> Self {
        let in_dir = |p: &Path, dir: &str| p.parent().is_some_and(|d| d.ends_with(dir));
        let unread = src
            .files
            .iter()
            .filter(|p| in_dir(p, "content/sop") || in_dir(p, "content/roles"))
            .map(|p| crate::pipeline::load::slug_of(p))
            .filter(|slug| {
                !src.procedures.iter().any(|x| &x.slug == slug)
                    && !src.roles.iter().any(|x| &x.slug == slug)
            })
            .collect();
        let forms_unread =
            src.forms.is_none() && src.files.iter().any(|p| p.ends_with("content/forms.yaml"));
        KnownIds {
            unread,
            forms_unread,
            roles: src.roles.iter().map(|r| r.slug.clone()).collect(),
            role_names: src
                .roles
                .iter()
                .map(|r| {
                    let v = &r.value;
                    let titles = std::iter::once(&v.title).chain(&v.named_by);
                    let abbrs = v.abbr.iter().chain(&v.abbr_variants);
                    let names = crate::text::names::role_names(
                        titles.map(|t| t.value.as_str()),
                        abbrs.map(|a| a.value.as_str()),
                    );
                    (r.slug.clone(), names)
                })
                .collect(),
            procedures: src.procedures.iter().map(|p| p.slug.clone()).collect(),
            forms: src
                .forms
                .iter()
                .flat_map(|f| &f.value.groups)
                .flat_map(|g| &g.forms)
                .map(|f| f.id.value.clone())
                .collect(),
            form_titles: src
                .forms
                .iter()
                .flat_map(|f| &f.value.groups)
                .flat_map(|g| &g.forms)
                .map(|f| {
                    let coded = !f.no_code.as_ref().is_some_and(|n| n.value);
                    (f.id.value.clone(), (f.title.value.clone(), coded))
                })
                .collect(),
        }
    }
}

struct Validator<'a> {
    diags: &'a mut Diagnostics,
    /// The letters before a standard's number in ids (`id_prefix`).
    prefix: &'a str,
    ids: &'a KnownIds,
    /// The collections `doracak.toml` declares; none declared means any is taken.
    collections: &'a [&'a str],
    /// `doracak.toml` could not be read: its collections are unknown, not undeclared.
    config_unread: bool,
    /// A standard or procedure file could not be read: `mentioned` places are not judged.
    places_unread: bool,
    /// `content/indicators.yaml` was read: a passage may link the indicators' page.
    has_indicators: bool,
    /// Undeclared collections already reported.
    undeclared: HashSet<String>,
}

/// Where line `i` (0-based) of the text `s` holds is written in `file`: a block scalar
/// (`|-`, how Markdown is written) keeps its lines one to one from where its value starts,
/// each at the block's indent plus its own.
pub fn inner_pos(file: &Path, s: &S<String>, i: usize) -> Pos {
    let line = s.value.lines().nth(i).unwrap_or_default();
    let own = line.len() - line.trim_start().len();
    Pos::new(
        file,
        (s.referenced.line() as usize + i) as u32,
        (s.referenced.column() as usize + own) as u32,
    )
}

pub fn at<T>(file: &Path, s: &S<T>) -> Pos {
    Pos::new(
        file,
        s.referenced.line() as u32,
        s.referenced.column() as u32,
    )
}

impl Validator<'_> {
    /// Required text: present and not just white space; no list item marked as an example
    /// that holds no words (`empty_example`).
    fn text(&mut self, file: &Path, s: &S<String>, what: &str) {
        if s.value.trim().is_empty() {
            self.diags
                .error(at(file, s), format!("expected the {what}, found empty text"))
                .hint("copy the text from the source document; a field without text should be left out");
        }
        self.empty_example(file, s);
    }

    /// A list item marked as an example from its first word (`- >`, `3. >`) with no words
    /// after its `>` nor on quoted lines under it: refused where that line is written (an
    /// empty quote would render as an empty block in the list, adversary 48 L-6).
    fn empty_example(&mut self, file: &Path, s: &S<String>) {
        for i in crate::markdown::empty_example_items(&s.value) {
            let line = s.value.lines().nth(i).unwrap_or_default();
            self.diags
                .error(
                    inner_pos(file, s, i),
                    format!("expected the words of the example after `>`, found an empty example item \"{}\"", line.trim()),
                )
                .hint("write the example's words after the `>` (`- > Personi largohet vetë.`), or leave the item out");
        }
    }

    fn opt_text(&mut self, file: &Path, s: &Option<S<String>>, what: &str) {
        if let Some(s) = s {
            self.text(file, s, what);
        }
    }

    fn refs(&mut self, file: &Path, refs: &[S<String>], kind: RefKind) {
        let (set, what, hint) = match kind {
            RefKind::Role => (
                &self.ids.roles,
                "role",
                "roles are the files in content/roles/ (the id is the file name without .yaml)",
            ),
            RefKind::Procedure => (
                &self.ids.procedures,
                "procedure",
                "procedures are the files in content/sop/ (the id is the file name without the NN- prefix and .yaml)",
            ),
            RefKind::Form => (
                &self.ids.forms,
                "form",
                "forms are the `id`s in content/forms.yaml",
            ),
        };
        let unread = |id: &str| match kind {
            RefKind::Form => self.ids.forms_unread,
            _ => self.ids.unread.contains(id),
        };
        let mut seen = HashSet::new();
        for r in refs {
            let id = r.value.trim();
            if !set.contains(id) && !unread(id) {
                let close = closest(id, set);
                let d = self.diags.error(
                    at(file, r),
                    format!("expected the id of a {what}, found \"{id}\", which no {what} has"),
                );
                match close {
                    Some(c) => d.hint(format!("did you mean \"{c}\"? {hint}")),
                    None => d.hint(hint),
                };
            }
            if !seen.insert(id) {
                self.diags
                    .warning(at(file, r), format!("the {what} \"{id}\" is listed twice"));
            }
        }
    }
}

#[derive(Clone, Copy)]
enum RefKind {
    Role,
    Procedure,
    Form,
}

/// The parts of a job description a printed heading may stand over.
pub const ROLE_HEADINGS: [&str; 22] = [
    "document",
    "position_data",
    "position",
    "institution",
    "directorate",
    "reports_to",
    "mission",
    "purpose",
    "main_duties",
    "duty_areas",
    "problem_solving",
    "decision_making",
    "environment",
    "supervision",
    "subordinates",
    "conditions",
    "requirements",
    "education",
    "experience",
    "knowledge",
    "abilities",
    "signature",
];

/// The known id nearest to a mistyped one, if any is near enough to be a typo.
fn closest<'a>(id: &str, set: &'a HashSet<String>) -> Option<&'a str> {
    let mut best: Option<(&str, usize)> = None;
    for cand in set {
        let d = edit_distance(id, cand);
        if d <= 2.max(id.len() / 4)
            && best.is_none_or(|(_, bd)| d < bd || (d == bd && cand.as_str() < best.unwrap().0))
        {
            best = Some((cand, d));
        }
    }
    best.map(|(c, _)| c)
}

pub use crate::text::edit_distance;

/// A synonym entry as search compares them: spaces collapsed, folded, lowercased.
fn synonym_key(w: &str) -> String {
    crate::text::fold(&w.single_spaced()).lowered()
}
