//! The roles: their texts, their lists of other roles (members, catch-all, representatives,
//! same person, may be), and the abbreviations they are printed with.

use std::path::Path;

use super::*;

impl Validator<'_> {
    /// Each role of `list` (a group's `catch_all` or `representatives`) is none of the
    /// group's members and is named once: else an error at it, "expected {expected}, found
    /// …, {member} / a role listed twice".
    fn other_than_members(
        &mut self,
        file: &Path,
        r: &RoleSrc,
        list: &[S<String>],
        expected: &str,
        member: &str,
    ) {
        let mut seen: Vec<&str> = Vec::new();
        for c in list {
            let id = c.value.trim();
            let why = if r.members.iter().any(|m| m.value.trim() == id) {
                Some(member)
            } else if seen.contains(&id) {
                Some("a role listed twice")
            } else {
                None
            };
            if let Some(why) = why {
                self.diags.error(
                    at(file, c),
                    format!("expected {expected}, found \"{id}\", {why}"),
                );
            }
            seen.push(id);
        }
    }

    pub(super) fn role(&mut self, file: &Path, r: &RoleSrc) {
        if let Some(l) = &r.legal_duties {
            self.text(file, &l.table, "title of the table of legal duties");
            self.text(file, &l.institution, "institution as the table names it");
            self.text(file, &l.text, "legal duties");
        }
        self.text(file, &r.title, "role title");
        self.opt_text(file, &r.abbr, "abbreviation");
        for a in &r.abbr_variants {
            self.text(file, a, "other spelling of the abbreviation");
        }
        if !r.abbr_variants.is_empty() && r.abbr.is_none() {
            self.diags
                .error(
                    at(file, &r.abbr_variants[0]),
                    "expected an `abbr` beside `abbr_variants`, found none",
                )
                .hint("`abbr_variants` lists other spellings of the role's abbreviation");
        }
        self.opt_text(file, &r.jurisdiction, "jurisdiction");
        self.refs(file, &r.members, RefKind::Role);
        self.refs(file, &r.catch_all, RefKind::Role);
        self.refs(file, &r.representatives, RefKind::Role);
        // What a catch-all covers is no member already, nor the group itself, each once
        // (adversary 45, A-1); a group's representatives stand for its members: none is a
        // member, each once (adversary 49 M-3).
        self.other_than_members(
            file,
            r,
            &r.catch_all,
            "in `catch_all` a role the list's last words cover",
            "a member the list names already",
        );
        self.other_than_members(
            file,
            r,
            &r.representatives,
            "in `representatives` the role whose persons stand for the group's members",
            "a member, whom a representative stands for",
        );
        self.refs(file, &r.same_as, RefKind::Role);
        self.refs(file, &r.may_be, RefKind::Role);
        for m in &r.may_be {
            let id = m.value.trim();
            if r.same_as.iter().any(|s| s.value.trim() == id) {
                self.diags
                    .error(
                        at(file, m),
                        format!("expected `may_be` to name a role that is not `same_as` this one, found \"{id}\" in both"),
                    )
                    .hint("`same_as`: the same person always; `may_be`: in some cases only");
            }
        }
        for n in &r.named_by {
            self.text(file, n, "words the source names the role by");
        }
        if r.kind.value == RoleKind::Role && r.definition.is_none() && r.legal_duties.is_none() {
            self.diags
                .error(
                    at(file, &r.title),
                    "expected a `definition` (or `legal_duties`) for a role of kind `role`, found none",
                )
                .hint("quote the sentence of the source that defines the role, or its legal duties");
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
}
