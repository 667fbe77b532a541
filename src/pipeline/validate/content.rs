//! The rest of the content: procedures, roles, the forms catalogue, the glossary, the
//! indicators and the action plans.

use std::collections::HashMap;
use std::path::Path;

use super::*;

impl Validator<'_> {
    pub(super) fn procedure(&mut self, file: &Path, slug: &str, p: &ProcedureSrc) {
        self.text(file, &p.title, "procedure title");
        let c = p.collection.value.as_str();
        if self.collections.is_empty() {
            // None declared: each collection is shown under its id, and said once (not when
            // doracak.toml could not be read: its own error says why).
            if !self.config_unread && self.undeclared.insert(c.to_string()) {
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
            // The passage links the indicators' page: there must be one (adversary 45, I-1).
            if let Some(i) = s.indicators.as_ref().filter(|i| i.value)
                && !self.has_indicators
            {
                self.diags
                    .error(
                        at(file, i),
                        "expected content/indicators.yaml for a passage with `indicators: true` to link, found none",
                    )
                    .hint("`indicators: true` prints the passage's heading and a link to the indicators' page");
            }
            self.opt_text(file, &s.title, "section title");
            self.opt_text(file, &s.text, "section text");
            for i in &s.items {
                self.text(file, i, "list item");
            }
            let own = super::quotes::section_words(s);
            for t in &s.timing {
                self.timing(file, t);
                self.timing_persons(file, t, &own, "passage's");
                self.timing_quote(file, t, &own, "passage's text");
                self.no_from_section(file, t);
            }
        }
        // A passage printed between steps names a step of this procedure.
        for s in &p.sections {
            if let Some(b) = &s.before_step {
                let n = b.value.trim();
                if !p.steps.iter().any(|st| st.number.value.trim() == n) {
                    let numbers: Vec<&str> =
                        p.steps.iter().map(|st| st.number.value.trim()).collect();
                    self.diags
                        .error(
                            at(file, b),
                            format!(
                                "expected the number of a step of this procedure ({}), found \"{n}\"",
                                numbers.join(", ")
                            ),
                        )
                        .hint("`before_step` places the passage before that step, where the source prints it");
                }
            }
        }
        self.step_links(file, p);
        self.follows_circles(file, p);
        self.documents_at(file, p);
        self.section_names(file, p);
        if let Some(first) = p.steps.first()
            && let Some(a) = first
                .alternative
                .as_ref()
                .or(first.parallel.as_ref())
                .filter(|a| a.value)
        {
            self.diags
                .error(at(file, a), "expected `alternative: true` on a step after another, found it on the first step")
                .hint("an alternative is one of several cases after the same step: mark the second case and those after it");
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
            // A step the source prints as its heading alone ("Hapi 7. Analizimi i
            // rezultateve") has a title and no text; any other step has its text.
            if st.title.is_none() || !st.text.value.is_empty() {
                self.text(file, &st.text, "step text");
            }
            for t in &st.timing {
                self.timing(file, t);
                // The step's text, or the passage its `from_section` names.
                let place = self
                    .step_quote_text(file, p, st, t)
                    .and_then(|(text, whose)| self.timing_quote(file, t, &text, &whose));
                let example = place == Some(super::quotes::Place::Example);
                self.timing_actors(file, t, Some(&st.actors), example);
                self.timing_persons(file, t, &st.text.value, "step's");
            }
            self.refs(file, &st.actors, RefKind::Role);
            if let Some(persons) = &st.persons {
                if persons.value.is_empty() {
                    self.diags
                        .error(
                            at(file, persons),
                            "expected the words naming at least one person who acts, found an empty list",
                        )
                        .hint("leave `persons:` out where the source names no person who acts");
                }
                let title = st.title.as_ref().map_or("", |t| t.value.as_str());
                self.persons(file, &persons.value, title, &st.text.value);
            }
            self.acting_for(file, st);
            self.form_links(file, p, st);
        }
        self.opt_text(
            file,
            &p.documentation_intro,
            "words before the documentation list",
        );
        self.documentation_links(file, p);
    }

    /// Two files must not give one id, and so one page (`01-x.yaml` and `02-x.yaml`,
    /// `x.yaml` and `x.yml`): the second would overwrite the first's page.
    /// A person who acts is named in the source's words: they stand in the step's own title
    /// or text (not only in an example). The title may name the group that acts where the
    /// text does not ("Punonjës të institucioneve të bashkisë, … i identifikojnë individët",
    /// 002:622-624, whose text gives only examples of who may refer).
    fn persons(&mut self, file: &Path, persons: &[S<String>], title: &str, text: &str) {
        let own = crate::text::single_spaced(&crate::markdown::without_examples(text));
        let title = crate::text::single_spaced(title);
        for p in persons {
            self.text(file, p, "words naming a person who acts");
            let words = crate::text::single_spaced(p.value.trim());
            if !words.is_empty() && !own.contains(&words) && !title.contains(&words) {
                self.diags
                    .error(
                        at(file, p),
                        format!("expected the words naming a person as they stand in the step's title or text, found \"{words}\""),
                    )
                    .hint("`persons:` quotes the source: copy the words from the step's title or text");
            }
        }
    }

    /// `role`, named by a part of a step (its `acting_for:`, a form link's `actors:`), is one
    /// of the step's `actors`: a located error where it is not.
    pub(super) fn step_actor(
        &mut self,
        file: &Path,
        actors: &[&str],
        role: &crate::pipeline::source::S<String>,
        hint: &str,
    ) {
        let id = role.value.trim();
        if !actors.contains(&id) {
            self.diags
                .error(
                    at(file, role),
                    format!(
                        "expected one of the actors of this step ({}), found \"{id}\"",
                        actors.join(", ")
                    ),
                )
                .hint(hint);
        }
    }

    /// An actor who acts for an institution: the actor is one of the step's actors, the
    /// institution a role that is not one (it would be credited too), and the words stand in
    /// the step's own text.
    fn acting_for(&mut self, file: &Path, st: &crate::pipeline::source::StepSrc) {
        let own = crate::text::single_spaced(&crate::markdown::without_examples(&st.text.value));
        let actors: Vec<&str> = st.actors.iter().map(|a| a.value.trim()).collect();
        for a in &st.acting_for {
            self.step_actor(
                file,
                &actors,
                &a.actor,
                "`acting_for:` names which of the step's actors acts for an institution; add it to `actors:` first",
            );
            if let Some(of) = &a.of {
                self.refs(file, std::slice::from_ref(of), RefKind::Role);
                let id = of.value.trim();
                if actors.contains(&id) {
                    self.diags
                        .error(
                            at(file, of),
                            format!("expected an institution that is not itself an actor of this step, found \"{id}\" in `actors:` too"),
                        )
                        .hint("the actor who acts for it is credited, not the institution: take it out of `actors:`");
                }
            }
            self.text(file, &a.words, "words naming the actor and its institution");
            let words = crate::text::single_spaced(a.words.value.trim());
            if !words.is_empty() && !own.contains(&words) {
                self.diags
                    .error(
                        at(file, &a.words),
                        format!("expected the words naming the actor and its institution as they stand in the step's text, found \"{words}\""),
                    )
                    .hint("`words:` quotes the source: copy them from the step's text (\"APAP-i i SHSSH-së\")");
            }
        }
    }

    pub(super) fn unique_ids<T>(&mut self, kind: &str, files: &[crate::pipeline::load::Loaded<T>]) {
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

    pub(super) fn forms(&mut self, file: &Path, f: &FormsSrc) {
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

    pub(super) fn glossary(&mut self, file: &Path, g: &GlossarySrc) {
        for (list, what) in [
            (&g.abbreviations, "abbreviation"),
            (&g.definitions, "definition"),
        ] {
            let mut seen: HashMap<String, Pos> = HashMap::new();
            let terms: Vec<&str> = list.iter().map(|t| t.term.value.trim()).collect();
            for t in list {
                self.text(file, &t.term, &format!("{what} term"));
                self.text(file, &t.text, &format!("{what} text"));
                if let Some(c) = &t.collection
                    && !self.collections.is_empty()
                    && !self.collections.contains(&c.value.as_str())
                {
                    self.diags
                        .error(
                            at(file, c),
                            format!(
                                "expected a collection declared in doracak.toml ({}), found \"{}\"",
                                self.collections.join(", "),
                                c.value
                            ),
                        )
                        .hint("add it under [[collections]] in doracak.toml, or use one of those");
                }
                if let Some(s) = &t.same_as {
                    let target = s.value.trim();
                    if target == t.term.value.trim() || !terms.contains(&target) {
                        self.diags
                            .error(
                                at(file, s),
                                format!("expected `same_as` to name another {what} of this list, found \"{target}\""),
                            )
                            .hint("write the other term exactly as its `term:` is written");
                    }
                }
                // The same term from another source (another collection) is a second
                // definition, shown beside the first.
                let key = format!(
                    "{}\u{0}{}",
                    t.term.value.trim(),
                    t.collection.as_ref().map_or("", |c| c.value.as_str())
                );
                if let Some(first) = seen.get(&key) {
                    self.diags
                        .warning(
                            at(file, &t.term),
                            format!("the {what} \"{}\" appears twice", t.term.value.trim()),
                        )
                        .hint(format!("first at {first}"));
                } else {
                    seen.insert(key, at(file, &t.term));
                }
            }
        }
    }

    pub(super) fn indicators(&mut self, file: &Path, i: &IndicatorsSrc) {
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

    pub(super) fn plan(&mut self, file: &Path, p: &PlanSrc) {
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
