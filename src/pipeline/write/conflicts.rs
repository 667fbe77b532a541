//! Where the previous site stands in the new site's way: every such place of a person's,
//! found in one walk (`carry::carry_over`), refused at once with each named.

use std::io;
use std::path::Path;

use super::Refusal;

/// Where the previous site stands in the new one's way, each found in one walk.
#[derive(Default)]
pub(super) struct Conflicts {
    found: Vec<(String, Refusal)>,
}

impl Conflicts {
    pub(super) fn add(&mut self, rel: &str, message: String, hint: &str) {
        if !self.found.iter().any(|(r, _)| r == rel) {
            self.found.push((
                rel.to_string(),
                Refusal {
                    message,
                    hint: hint.to_string(),
                },
            ));
        }
    }

    /// A person's `thing` (or a folder) at `found` holds the place of the new site's file
    /// `rel`.
    pub(super) fn place(&mut self, rel: &str, thing: &str, found: &Path) {
        let kind = if rel.ends_with(".html") {
            "page"
        } else {
            "file"
        };
        let by = if thing == "a file" {
            " doracak did not write"
        } else if thing == "a folder" {
            ""
        } else {
            " doracak did not make"
        };
        let name = thing.trim_start_matches("a ");
        self.add(
            rel,
            format!(
                "expected the place of the new {kind} {rel} to be free, found {thing}{by} at {}",
                found.display()
            ),
            &format!(
                "nothing was touched; the new site would replace it: move or rename that \
                 {name} (it is yours), then build again"
            ),
        );
    }

    /// All of them as one refusal: the first in full, the others by path.
    pub(super) fn refusal(self) -> Option<io::Error> {
        let mut found = self.found.into_iter();
        let (_, mut first) = found.next()?;
        let more: Vec<String> = found.map(|(rel, _)| rel).collect();
        if !more.is_empty() {
            first.hint = "nothing was touched; the new site needs each of these places: move \
                          or rename what is there (it is yours), then build again"
                .into();
            let shown: Vec<&str> = more.iter().take(8).map(String::as_str).collect();
            first.message = format!(
                "{}; and {} more place(s) the new site needs: {}{}",
                first.message,
                more.len(),
                shown.join(", "),
                if more.len() > shown.len() {
                    ", …"
                } else {
                    ""
                }
            );
        }
        Some(io::Error::other(first))
    }
}
