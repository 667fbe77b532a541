//! Stage 2, validate: everything the types cannot say. Ids unique, numbers consistent,
//! references resolve, text present, durations well formed. Every problem is reported;
//! nothing stops at the first.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::diagnostics::{Diagnostics, Pos};
use crate::duration;
use crate::pipeline::load::Sources;
use crate::pipeline::source::*;

mod forms;

/// Check the loaded sources; problems go into `diags`.
pub fn validate(src: &Sources, config: &crate::config::Config, diags: &mut Diagnostics) {
    let ids = KnownIds::of(src);
    let collections: Vec<&str> = config.collections.iter().map(|c| c.id.as_str()).collect();
    let mut v = Validator {
        diags,
        ids: &ids,
        collections: &collections,
        undeclared: HashSet::new(),
    };
    v.standards(src);
    for p in &src.procedures {
        v.procedure(&p.path, &p.slug, &p.value);
    }
    v.unique_ids("procedure", &src.procedures);
    v.unique_ids("role", &src.roles);
    v.unique_ids("plan", &src.plans);
    for r in &src.roles {
        v.role(&r.path, &r.value);
    }
    if let Some(f) = &src.forms {
        v.forms(&f.path, &f.value);
    }
    if let Some(g) = &src.glossary {
        v.glossary(&g.path, &g.value);
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
    forms::templates(src, &ids.forms, v.diags);
}

/// The ids references may point at.
struct KnownIds {
    roles: HashSet<String>,
    procedures: HashSet<String>,
    forms: HashSet<String>,
}

impl KnownIds {
    fn of(src: &Sources) -> Self {
        KnownIds {
            roles: src.roles.iter().map(|r| r.slug.clone()).collect(),
            procedures: src.procedures.iter().map(|p| p.slug.clone()).collect(),
            forms: src
                .forms
                .iter()
                .flat_map(|f| &f.value.groups)
                .flat_map(|g| &g.forms)
                .map(|f| f.id.value.clone())
                .collect(),
        }
    }
}

struct Validator<'a> {
    diags: &'a mut Diagnostics,
    ids: &'a KnownIds,
    /// The collections `doracak.toml` declares; none declared means any is taken.
    collections: &'a [&'a str],
    /// Undeclared collections already reported.
    undeclared: HashSet<String>,
}

pub fn at<T>(file: &Path, s: &S<T>) -> Pos {
    Pos::new(
        file,
        s.referenced.line() as u32,
        s.referenced.column() as u32,
    )
}

impl Validator<'_> {
    /// Required text: present and not just white space.
    fn text(&mut self, file: &Path, s: &S<String>, what: &str) {
        if s.value.trim().is_empty() {
            self.diags
                .error(at(file, s), format!("expected the {what}, found empty text"))
                .hint("copy the text from the source document; a field without text should be left out");
        }
    }

    fn opt_text(&mut self, file: &Path, s: &Option<S<String>>, what: &str) {
        if let Some(s) = s {
            self.text(file, s, what);
        }
    }

    fn standards(&mut self, src: &Sources) {
        let mut numbers: HashMap<u32, Pos> = HashMap::new();
        for l in &src.standards {
            let (file, s) = (&l.path, &l.value);
            let n = s.number.value;
            if n == 0 {
                self.diags.error(
                    at(file, &s.number),
                    "expected a standard number from 1 up, found 0",
                );
            }
            if let Some(first) = numbers.get(&n) {
                self.diags
                    .error(
                        at(file, &s.number),
                        format!("expected each standard number once, found standard {n} again"),
                    )
                    .hint(format!("standard {n} is already defined at {first}"));
            } else {
                numbers.insert(n, at(file, &s.number));
            }
            let prefix: String = l
                .path
                .file_name()
                .and_then(|f| f.to_str())
                .unwrap_or("")
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            if let Ok(p) = prefix.parse::<u32>()
                && p != n
            {
                self.diags
                    .warning(
                        at(file, &s.number),
                        format!("the file name says standard {p}, the file says number {n}"),
                    )
                    .hint("rename the file so its number prefix matches `number`");
            }
            self.text(file, &s.title, "standard title");
            self.text(
                file,
                &s.outcome,
                "desired outcome (Rezultati përfundimtar i dëshiruar)",
            );
            self.text(file, &s.statement, "standard statement (Standardi)");
            if s.criteria.is_empty() {
                self.diags.error(
                    at(file, &s.number),
                    format!("expected the criteria of standard {n}, found none"),
                );
            }
            let mut crit_numbers: HashMap<u32, Pos> = HashMap::new();
            for c in &s.criteria {
                self.criterion(file, n, c, &mut crit_numbers);
            }
        }
    }

    fn criterion(
        &mut self,
        file: &Path,
        std_no: u32,
        c: &CriterionSrc,
        seen: &mut HashMap<u32, Pos>,
    ) {
        let cn = c.number.value;
        let cid = format!("S{std_no}.{cn}");
        if let Some(first) = seen.get(&cn) {
            self.diags
                .error(at(file, &c.number), format!("expected each criterion number once in standard {std_no}, found criterion {cn} again"))
                .hint(format!("criterion {cid} is already defined at {first}"));
        } else {
            seen.insert(cn, at(file, &c.number));
        }
        self.text(file, &c.text, &format!("text of criterion {cid}"));
        let mut ev_seen: HashMap<String, Pos> = HashMap::new();
        for e in &c.evidence {
            let num = e.number.value.trim();
            match num.split_once('.') {
                Some((head, tail))
                    if head.parse::<u32>().is_ok()
                        && !tail.is_empty()
                        && tail.chars().all(|ch| ch.is_ascii_alphanumeric()) =>
                {
                    if head.parse::<u32>() != Ok(cn) {
                        self.diags
                            .error(
                                at(file, &e.number),
                                format!("expected evidence of criterion {cn} to be numbered {cn}.N, found \"{num}\""),
                            )
                            .hint(format!("evidence \"{num}\" belongs under criterion {head}, or its number has a typo"));
                    }
                }
                _ => {
                    self.diags.error(
                        at(file, &e.number),
                        format!("expected an evidence number like \"{cn}.1\", found \"{num}\""),
                    );
                }
            }
            if let Some(first) = ev_seen.get(num) {
                self.diags
                    .error(at(file, &e.number), format!("expected each evidence number once in criterion {cid}, found \"{num}\" again"))
                    .hint(format!("evidence {num} is already defined at {first}"));
            } else {
                ev_seen.insert(num.to_string(), at(file, &e.number));
            }
            self.text(file, &e.text, &format!("text of evidence {num}"));
        }
        let mut g_seen: HashMap<String, Pos> = HashMap::new();
        for g in &c.guidance {
            if let Some(n) = &g.number {
                let num = n.value.trim();
                if num
                    .split_once('.')
                    .is_none_or(|(h, t)| h.parse::<u32>().is_err() || t.is_empty())
                {
                    self.diags.error(
                        at(file, n),
                        format!("expected a guidance number like \"{cn}.1\", found \"{num}\""),
                    );
                }
                if let Some(first) = g_seen.get(num) {
                    self.diags
                        .error(at(file, n), format!("expected each guidance number once in criterion {cid}, found \"{num}\" again"))
                        .hint(format!("guidance {num} is already defined at {first}"));
                } else {
                    g_seen.insert(num.to_string(), at(file, n));
                }
            }
            self.text(
                file,
                &g.text,
                &format!("text of a guidance note of criterion {cid}"),
            );
        }
        for t in &c.timing {
            self.timing(file, t);
        }
        self.refs(file, &c.roles, RefKind::Role);
        self.refs(file, &c.procedures, RefKind::Procedure);
        self.refs(file, &c.forms, RefKind::Form);
    }

    fn timing(&mut self, file: &Path, t: &TimingSrc) {
        self.text(file, &t.text, "words of the source that set this timing");
        const KINDS: &str = "`within`, `every`, `duration` or `before`";
        let given: Vec<&S<String>> = [&t.within, &t.every, &t.duration, &t.before]
            .into_iter()
            .flatten()
            .collect();
        if let Some(flag) = &t.no_time_limit {
            if !flag.value {
                self.diags
                    .error(
                        at(file, flag),
                        "expected `no_time_limit: true`, found false",
                    )
                    .hint("leave `no_time_limit` out where the words do set a time");
                return;
            }
            // Words that set no time limit carry no duration at all.
            let extra = given
                .iter()
                .copied()
                .chain(t.to.as_ref())
                .chain(t.days.as_ref())
                .next();
            if let Some(extra) = extra {
                self.diags
                    .error(at(file, extra), format!("expected no duration on words that set no time limit (`no_time_limit: true`), found \"{}\"", extra.value.trim()))
                    .hint("drop `no_time_limit` if the words do set a time, or drop the duration");
            }
            return;
        }
        let start = match given.as_slice() {
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
        let mut seen = HashSet::new();
        for r in refs {
            let id = r.value.trim();
            if !set.contains(id) {
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

    fn procedure(&mut self, file: &Path, slug: &str, p: &ProcedureSrc) {
        self.text(file, &p.title, "procedure title");
        let c = p.collection.value.as_str();
        if self.collections.is_empty() {
            // None declared: each collection is shown under its id, and said once.
            if self.undeclared.insert(c.to_string()) {
                self.diags
                    .warning(
                        at(file, &p.collection),
                        format!("the collection \"{c}\" is not declared in doracak.toml; the procedures index titles it by its id"),
                    )
                    .hint(format!(
                        "declare it with its title:\n[[collections]]\nid = \"{c}\"\ntitle = \"…\""
                    ));
            }
        } else if !self.collections.contains(&c) {
            self.diags
                .error(
                    at(file, &p.collection),
                    format!(
                        "expected a collection declared in doracak.toml ({}), found \"{c}\"",
                        self.collections.join(", ")
                    ),
                )
                .hint("add it under [[collections]] in doracak.toml, or use one of those");
        }
        self.opt_text(file, &p.definition, "definition");
        if let Some(a) = &p.agencies {
            self.opt_text(file, &a.intro, "introduction of the agencies");
            for i in &a.items {
                self.text(file, i, "agency");
            }
        }
        for s in &p.sections {
            self.opt_text(file, &s.title, "section title");
            self.opt_text(file, &s.text, "section text");
            for i in &s.items {
                self.text(file, i, "list item");
            }
            for t in &s.timing {
                self.timing(file, t);
            }
        }
        let mut seen: HashMap<String, Pos> = HashMap::new();
        for st in &p.steps {
            let n = st.number.value.trim().to_string();
            if n.is_empty() || !n.chars().all(|c| c.is_ascii_alphanumeric() || c == '.') {
                self.diags.error(
                    at(file, &st.number),
                    format!(
                        "expected a step number of digits and dots (\"3\", \"3.1\"), found \"{n}\""
                    ),
                );
            } else if let Some(first) = seen.get(&n) {
                self.diags
                    .error(at(file, &st.number), format!("expected each step number once in procedure {slug}, found \"{n}\" again"))
                    .hint(format!("step {n} is already defined at {first}"));
            } else {
                seen.insert(n, at(file, &st.number));
            }
            self.opt_text(file, &st.group, "step group heading");
            self.opt_text(file, &st.title, "step title");
            self.text(file, &st.text, "step text");
            for t in &st.timing {
                self.timing(file, t);
            }
            self.refs(file, &st.actors, RefKind::Role);
            self.refs(file, &st.forms, RefKind::Form);
        }
        for d in &p.documentation {
            self.text(file, &d.text, "document name");
            if let Some(f) = &d.form {
                self.refs(file, std::slice::from_ref(f), RefKind::Form);
            }
        }
    }

    /// Two files must not give one id, and so one page (`01-x.yaml` and `02-x.yaml`,
    /// `x.yaml` and `x.yml`): the second would overwrite the first's page.
    fn unique_ids<T>(&mut self, kind: &str, files: &[crate::pipeline::load::Loaded<T>]) {
        let mut seen: HashMap<&str, &Path> = HashMap::new();
        for f in files {
            if let Some(first) = seen.get(f.slug.as_str()) {
                self.diags
                    .error(
                        Pos::file(&f.path),
                        format!(
                            "expected each {kind} id once, found \"{}\" again (also given by {})",
                            f.slug,
                            first.display()
                        ),
                    )
                    .hint(format!(
                        "the id comes from the file name without its number prefix and \
                         extension; both files would make the same page, so rename or merge one \
                         of them ({} and {})",
                        first.display(),
                        f.path.display()
                    ));
            } else {
                seen.insert(&f.slug, &f.path);
            }
        }
    }

    fn role(&mut self, file: &Path, r: &RoleSrc) {
        self.text(file, &r.title, "role title");
        self.opt_text(file, &r.abbr, "abbreviation");
        self.opt_text(file, &r.jurisdiction, "jurisdiction");
        if r.kind.value == RoleKind::Role && r.definition.is_none() {
            self.diags
                .error(
                    at(file, &r.title),
                    "expected a `definition` for a role of kind `role`, found none",
                )
                .hint("quote the sentence of the source that defines the role");
        }
        for f in [
            &r.definition,
            &r.position,
            &r.institution,
            &r.directorate,
            &r.reports_to,
            &r.mission,
            &r.purpose,
            &r.main_duties,
            &r.problem_solving,
            &r.decision_making,
            &r.environment,
            &r.supervision,
            &r.subordinates,
            &r.conditions,
        ] {
            self.opt_text(file, f, "section text");
        }
        self.opt_text(file, &r.signature, "signature block");
        for (key, h) in &r.headings {
            if !ROLE_HEADINGS.contains(&key.as_str()) {
                self.diags.error(
                    at(file, h),
                    format!(
                        "expected a heading for one of {}, found one for \"{key}\"",
                        ROLE_HEADINGS.join(", ")
                    ),
                );
            }
            self.text(file, h, "heading");
        }
        for a in &r.duty_areas {
            self.text(file, &a.title, "duty area title");
            self.text(file, &a.text, "duties");
        }
        if let Some(q) = &r.requirements {
            for f in [&q.education, &q.experience, &q.knowledge, &q.abilities] {
                self.opt_text(file, f, "requirement");
            }
        }
    }

    fn forms(&mut self, file: &Path, f: &FormsSrc) {
        let mut seen: HashMap<&str, Pos> = HashMap::new();
        for g in &f.groups {
            self.text(file, &g.title, "form group title");
            if let Some(p) = &g.procedure {
                self.refs(file, std::slice::from_ref(p), RefKind::Procedure);
            }
            for form in &g.forms {
                let id = form.id.value.trim();
                if id.is_empty()
                    || !id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
                {
                    self.diags.error(
                        at(file, &form.id),
                        format!(
                            "expected a form code of letters and digits (\"A1\"), found \"{id}\""
                        ),
                    );
                }
                if let Some(first) = seen.get(id) {
                    self.diags
                        .error(
                            at(file, &form.id),
                            format!("expected each form id once, found \"{id}\" again"),
                        )
                        .hint(format!("form {id} is already defined at {first}"));
                } else {
                    seen.insert(id, at(file, &form.id));
                }
                self.text(file, &form.title, "form title");
            }
        }
    }

    fn glossary(&mut self, file: &Path, g: &GlossarySrc) {
        for (list, what) in [
            (&g.abbreviations, "abbreviation"),
            (&g.definitions, "definition"),
        ] {
            let mut seen: HashMap<String, Pos> = HashMap::new();
            for t in list {
                self.text(file, &t.term, &format!("{what} term"));
                self.text(file, &t.text, &format!("{what} text"));
                let key = t.term.value.trim().to_string();
                if let Some(first) = seen.get(&key) {
                    self.diags
                        .warning(
                            at(file, &t.term),
                            format!("the {what} \"{key}\" appears twice"),
                        )
                        .hint(format!("first at {first}"));
                } else {
                    seen.insert(key, at(file, &t.term));
                }
            }
        }
    }

    fn indicators(&mut self, file: &Path, i: &IndicatorsSrc) {
        self.text(file, &i.title, "title");
        let mut seen: HashMap<&str, Pos> = HashMap::new();
        for g in &i.groups {
            let id = g.id.value.as_str();
            if id.is_empty()
                || !id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                self.diags
                    .error(at(file, &g.id), format!("expected a group id of lowercase letters, digits and dashes, found \"{id}\""));
            }
            if let Some(first) = seen.get(id) {
                self.diags
                    .error(
                        at(file, &g.id),
                        format!("expected each indicator group id once, found \"{id}\" again"),
                    )
                    .hint(format!("first at {first}"));
            } else {
                seen.insert(id, at(file, &g.id));
            }
            self.text(file, &g.title, "group title");
            for item in &g.items {
                self.text(file, item, "indicator");
            }
        }
    }

    fn plan(&mut self, file: &Path, p: &PlanSrc) {
        self.text(file, &p.title, "plan title");
        let mut seen: HashMap<String, Pos> = HashMap::new();
        let mut unique = |diags: &mut Diagnostics, kind: &str, n: &S<String>| {
            let key = format!("{kind} {}", n.value.trim());
            if let Some(first) = seen.get(&key) {
                diags
                    .error(
                        at(file, n),
                        format!(
                            "expected each {kind} number once, found \"{}\" again",
                            n.value.trim()
                        ),
                    )
                    .hint(format!("first at {first}"));
            } else {
                seen.insert(key, at(file, n));
            }
        };
        for g in &p.goals {
            unique(self.diags, "goal", &g.number);
            self.text(file, &g.title, "goal title");
            for o in &g.objectives {
                unique(self.diags, "objective", &o.number);
                self.text(file, &o.title, "objective title");
                for a in &o.activities {
                    unique(self.diags, "activity", &a.number);
                    self.text(file, &a.text, "activity");
                }
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

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}
