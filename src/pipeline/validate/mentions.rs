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
