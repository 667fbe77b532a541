//! Whom a timing binds: its actors among the step's or criterion's, its body named in its
//! words, its persons quoted from the text it sits on, and a criterion's timing quoted from
//! the evidence column naming whose act it is.

use std::path::Path;

use super::super::*;

impl Validator<'_> {
    /// A timing's own actors must stand among those of the step or criterion it sits on
    /// (`owner`): it narrows whom the step binds, it names no one new. A section has no
    /// actors, so any role may stand there (the body whose duty the passage sets).
    ///
    /// `example`: the timing's words stand only in an example (`only_in_example`), an
    /// error of its own whose fix is to drop it: whom it binds is not asked then
    /// (adversary 46, W-8: "drop this timing" and "write `actors: [mr]`" at one place).
    pub(in crate::pipeline::validate) fn timing_actors(
        &mut self,
        file: &Path,
        t: &TimingSrc,
        owner: Option<&[S<String>]>,
        example: bool,
    ) {
        let Some(owner) = owner else { return };
        if let Some(b) = &t.body {
            self.timing_body(file, t, b, owner);
        }
        // `actors: []` says the source names no one whom the deadline binds: its own words
        // must then name none of the step's actors (adversary 45, W-1: "QPS do të emërojë
        // … brenda 24 orësh" with `actors: []` showed "the source names no one").
        // (A timing that quotes whom it binds, `persons:`, has said so in the source's words.)
        let persons = t.persons.as_ref().is_some_and(|p| !p.is_empty());
        if t.actors.as_ref().is_some_and(|a| a.is_empty()) && !persons && !example {
            let words = crate::markdown::without_examples(&t.text.value);
            let named = owner.iter().find_map(|o| {
                let names = self.ids.role_names.get(o.value.trim())?;
                crate::text::names::first_named(&words, names).map(|w| (o.value.trim(), w))
            });
            if let Some((id, w)) = named {
                self.diags
                    .warning(
                        at(file, &t.text),
                        format!("expected a timing that binds no one (`actors: []`) to name none of the actors of its step or criterion, found \"{w}\" ({id}) in its words"),
                    )
                    .hint(format!("where \"{w}\" is whom the deadline binds, write `actors: [{id}]`"));
            }
        }
        for a in t.actors.iter().flatten() {
            if !owner.iter().any(|o| o.value.trim() == a.value.trim()) {
                let list: Vec<&str> = owner.iter().map(|o| o.value.trim()).collect();
                self.diags
                    .error(
                        at(file, a),
                        format!(
                            "expected one of the actors of this step or criterion ({}), found \"{}\"",
                            list.join(", "),
                            a.value.trim()
                        ),
                    )
                    .hint("a timing's `actors:` names whom of the step's actors it binds; add the role to the step's `actors:` first");
            }
        }
    }

    /// A timing's `body:` is a role none of the step's actors (else `actors:` says it)
    /// whose name stands in the timing's own words: the object they time ("mbledhjen e
    /// menjëhershme të AP-së").
    fn timing_body(&mut self, file: &Path, t: &TimingSrc, b: &S<String>, owner: &[S<String>]) {
        let id = b.value.trim();
        let Some(names) = self.ids.role_names.get(id) else {
            self.diags
                .error(
                    at(file, b),
                    format!("expected a role id as a timing's `body:`, found \"{id}\""),
                )
                .hint("`body:` names the role whose act the timing's words time");
            return;
        };
        if owner.iter().any(|o| o.value.trim() == id) {
            self.diags
                .error(at(file, b), format!("expected a timing's `body:` to be none of its step's actors, found \"{id}\""))
                .hint(format!("an actor of the step the timing binds is written `actors: [{id}]`"));
        } else if crate::text::names::first_named(&t.text.value, names).is_none() {
            self.diags
                .error(at(file, b), format!("expected the timing's words to name its `body:` \"{id}\""))
                .hint("quote the words that name the body whose act the timing times (\"mbledhjen e menjëhershme të AP-së\")");
        }
    }

    /// A timing's `persons:` quote whom it binds in the source's words: they stand in the
    /// text it sits on (the step's, the criterion's, the passage's), outside any example.
    pub(in crate::pipeline::validate) fn timing_persons(
        &mut self,
        file: &Path,
        t: &TimingSrc,
        text: &str,
        whose: &str,
    ) {
        let own = crate::text::single_spaced(&crate::markdown::without_examples(text));
        for p in t.persons.iter().flatten() {
            self.text(file, p, "words naming whom a timing binds");
            let words = crate::text::single_spaced(p.value.trim());
            if !words.is_empty() && !own.contains(&words) {
                self.diags
                    .error(
                        at(file, p),
                        format!("expected words of the {whose} text, found \"{words}\""),
                    )
                    .hint("a timing's `persons:` quotes the source: copy the words that name whom it binds from the text");
            }
        }
    }

    /// A criterion's timing quoted only from the evidence column names whose act it is.
    /// Evidence ("Prova që tregojnë përmbushjen e kriterit") is what the criterion is checked
    /// by: an act of one of the criterion's roles with its time ("Punonjësi social do të
    /// vlerësojë çdo muaj") is a timing of that role; a document it describes ("Një strategji
    /// të paktën 2 vjeçare") is no one's act and sets none.
    pub(super) fn not_from_evidence(&mut self, file: &Path, t: &TimingSrc, c: &CriterionSrc) {
        use super::super::quotes::stands;
        let words = crate::text::single_spaced(t.text.value.trim());
        // Each text found by the quote's pieces (`quotes::place`): an elided quote taken
        // from the evidence is one too (adversary 51 M-1).
        let in_text = std::iter::once(&c.text)
            .chain(c.guidance.iter().map(|g| &g.text))
            .any(|s| stands(&s.value, &words));
        let names_actor = t.actors.as_ref().is_some_and(|a| !a.is_empty());
        if !in_text && !names_actor && c.evidence.iter().any(|e| stands(&e.text.value, &words)) {
            self.diags
                .error(
                    at(file, &t.text),
                    format!("expected a timing found only in the evidence to name whose act it is (`actors:`), found \"{words}\" with no one"),
                )
                .hint("evidence (Prova) sets a timing only where it states an act of one of the criterion's roles with its time; a document it describes sets none: name the actors or drop this timing");
        }
    }
}
