//! A role's `mentioned` places: criteria or steps there are, where the source names the
//! role with no act of its own.

use super::*;

impl Validator<'_> {
    pub(super) fn mentions(&mut self, src: &Sources) {
        if self.places_unread {
            return;
        }
        let mut places: HashSet<String> = HashSet::new();
        for s in &src.standards {
            for c in &s.value.criteria {
                places.insert(format!(
                    "{}{}.{}",
                    self.prefix, s.value.number.value, c.number.value
                ));
            }
        }
        for p in &src.procedures {
            for st in &p.value.steps {
                places.insert(format!("{}.{}", p.slug, st.number.value.trim()));
            }
        }
        for r in &src.roles {
            let mut said: Vec<&str> = Vec::new();
            for m in &r.value.mentioned {
                // Each place once (adversary 45, M-1).
                if said.contains(&m.value.trim()) {
                    self.diags.error(
                        at(&r.path, m),
                        format!(
                            "expected each place once in `mentioned`, found \"{}\" again",
                            m.value.trim()
                        ),
                    );
                }
                said.push(m.value.trim());
                if !places.contains(m.value.trim()) {
                    self.diags
                        .error(
                            at(&r.path, m),
                            format!("expected a criterion or step id (`S2.1`, `referimi-mbrojtja-asistenca.26`), found \"{}\"", m.value.trim()),
                        )
                        .hint("`mentioned` lists where the source names the role without an act of its own");
                }
            }
        }
    }
}

impl Validator<'_> {
    /// A job description's own times (`timing:` on a role): each a valid timing whose words
    /// stand in the role's duties, binding the role itself (no `actors` or `persons`).
    pub(super) fn role_timings(&mut self, src: &Sources) {
        for r in &src.roles {
            let duties: Vec<&str> = r
                .value
                .main_duties
                .iter()
                .map(|d| d.value.as_str())
                .chain(r.value.duty_areas.iter().map(|a| a.text.value.as_str()))
                .collect();
            let duties = duties.join("\n");
            for t in &r.value.timing {
                self.timing(&r.path, t);
                self.timing_quote(
                    &r.path,
                    t,
                    &duties,
                    "role's duties (`main_duties` or `duty_areas`)",
                );
                self.no_from_section(&r.path, t);
                if t.actors.is_some() || t.persons.is_some() {
                    self.diags.error(
                        at(&r.path, &t.text),
                        "expected no `actors` or `persons` on a role's own timing: it binds the role",
                    );
                }
            }
        }
    }
}
