//! The procedures of the model: their steps as the source prints them, the passages
//! between them, who acts (and for whom), and the documents they name.

use serde::Serialize;

use super::Timing;

#[derive(Debug, Serialize)]
pub struct Procedure {
    pub id: String,
    pub order: usize,
    pub title: String,
    pub collection: String,
    pub source: Option<String>,
    pub definition: Option<String>,
    pub agencies: Option<Agencies>,
    pub sections: Vec<Section>,
    pub steps: Vec<Step>,
    /// The words the source prints before the documentation list.
    pub documentation_intro: Option<String>,
    pub documentation: Vec<Document>,
}

#[derive(Debug, Serialize)]
pub struct Agencies {
    pub intro: Option<String>,
    pub items: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Section {
    /// `slug.sN`, N the section's position (1-based).
    pub id: String,
    /// Its printed heading, or the words other pages call it by where none is printed.
    pub title: Option<String>,
    /// The title is a heading the source prints (not a `name` for other pages).
    pub heading: bool,
    /// The source prints the trafficking indicators here (a link on the page).
    pub indicators: bool,
    pub text: Option<String>,
    pub items: Vec<String>,
    pub timing: Vec<Timing>,
    /// The step the source prints the passage before, where it stands between steps.
    pub before_step: Option<String>,
    /// The procedure's documentation list is printed in this passage, after its words.
    pub documents: bool,
}

#[derive(Debug, Serialize)]
pub struct Step {
    pub id: String,
    pub number: String,
    /// The number or letter the source prints ("a)", "1."), where it prints one.
    pub printed: Option<String>,
    /// An alternative to the step before it, not its sequel.
    pub alternative: bool,
    /// Beside the step before it, neither the sequel of the other.
    pub parallel: bool,
    /// The step it follows in the source's logic, where not the one printed before it.
    pub follows: Option<String>,
    /// Follows no step and no step follows it: drawn apart.
    pub free: bool,
    /// The step the source sends the case back to, and the step's words saying so.
    pub returns_to: Option<(String, String)>,
    /// The procedure names other steps "Hapi N": a printed label ("1.") carries its N
    /// beside it, so that no number of the sequence is missing to a reader.
    pub numbered_beside: bool,
    pub group: Option<String>,
    /// The source prints the group as a lead-in of its numbered points, with its colon
    /// (the group's own last character, as printed).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub lead_in: bool,
    pub title: Option<String>,
    pub text: String,
    pub actors: Vec<String>,
    /// Who acts where the source names a person, not a role: the source's words.
    pub persons: Vec<String>,
    /// Actors of the step who act for an institution, in the source's words.
    pub acting_for: Vec<ActingFor>,
    pub timing: Vec<Timing>,
    /// The forms the step uses, by id, in the order the content gives them.
    pub forms: Vec<String>,
    /// The same links with the source words each rests on (`source::form_link`).
    pub form_links: Vec<FormLink>,
}

/// A step's link to a form and the source words it rests on.
#[derive(Debug, Clone, Serialize)]
pub struct FormLink {
    pub form: String,
    /// The words quoted for the link: the step's own (`named`) or the form's title's or the
    /// procedure's documentation list's; none for a link given by the form's id alone.
    pub words: Option<String>,
    /// The words stand in the step's own text and name the form: a learner learns the link
    /// from the step, and only such a link is asked "which form?".
    pub named: bool,
    /// Those of the step's actors who use the form; none: all of them.
    pub actors: Vec<String>,
}

impl FormLink {
    /// Whether `role`, one of `step_actors` or not, uses the form.
    pub fn binds(&self, role: &str, step_actors: &[String]) -> bool {
        if self.actors.is_empty() {
            step_actors.iter().any(|a| a == role)
        } else {
            self.actors.iter().any(|a| a == role)
        }
    }
}

/// An actor of a step who acts for an institution ("APAP-i i SHSSH-së"): the actor is
/// credited with the step and its timings; the institution only with acting through it.
#[derive(Debug, Clone, Serialize)]
pub struct ActingFor {
    pub actor: String,
    /// The institution's role, where it has one.
    pub of: Option<String>,
    pub words: String,
}

#[derive(Debug, Serialize)]
pub struct Document {
    pub text: String,
    /// The forms the document is (one, or the annex's forms of one title).
    pub forms: Vec<String>,
}

impl Step {
    /// How every page names the step: as the source prints it ("ç)", "1.") where it prints
    /// a number or letter of its own (`step_printed`), "Hapi N" (`step_number`) otherwise.
    /// The procedure page, the register, role cards, quizzes, answer sheets, handouts,
    /// diagrams and search results all name a step by this.
    pub fn label(&self, ui: &std::collections::HashMap<String, String>) -> String {
        match self.printed.as_deref() {
            Some(printed) if self.numbered_beside => crate::theme::say(
                ui,
                "step_printed_numbered",
                &[("label", printed), ("number", self.number.trim())],
            ),
            Some(printed) => crate::theme::say(ui, "step_printed", &[("label", printed)]),
            None => crate::theme::say(ui, "step_number", &[("number", self.number.trim())]),
        }
    }

    /// The step's label (`label`) where the quizzes point to it, told apart from another
    /// step of `steps` printed with the same label by the opening words of its list's
    /// lead-in, as few as tell them apart ("a) nën „Kjo strukturë kryen edhe funksione …“",
    /// `step_printed_in_group`; read-47b L-7).
    pub fn label_among(
        &self,
        steps: &[Step],
        ui: &std::collections::HashMap<String, String>,
    ) -> String {
        let label = self.label(ui);
        let others: Vec<&str> = steps
            .iter()
            .filter(|o| o.id != self.id && o.printed.is_some() && o.printed == self.printed)
            .filter_map(|o| o.group.as_deref())
            .filter(|g| Some(*g) != self.group.as_deref())
            .collect();
        let Some(group) = self.group.as_deref().filter(|_| !others.is_empty()) else {
            return label;
        };
        let words = |g: &str, n: usize| -> String {
            let all: Vec<&str> = g.split_whitespace().collect();
            match all.len() > n {
                true => format!("{} …", all[..n].join(" ").trim_end_matches([',', ';', ':'])),
                false => all.join(" "),
            }
        };
        let n = (5..=group.split_whitespace().count().max(5))
            .find(|&n| others.iter().all(|o| words(o, n) != words(group, n)))
            .unwrap_or(5);
        crate::theme::say(
            ui,
            "step_printed_in_group",
            &[("label", &label), ("group", &words(group, n))],
        )
    }

    /// How a sentence naming the step fills its message: by its printed label (`{label}`,
    /// the `…_item` form of the message) or by its number (`{step}`, the plain form), and
    /// the value. The sentence's key is named whole where it is chosen.
    /// A printed label with its N beside it (`numbered_beside`) is named whole.
    pub fn named(
        &self,
        ui: &std::collections::HashMap<String, String>,
    ) -> (bool, &'static str, String) {
        match self.printed.as_deref() {
            Some(_) if self.numbered_beside => (true, "label", self.label(ui)),
            Some(printed) => (true, "label", printed.to_string()),
            None => (false, "step", self.number.trim().to_string()),
        }
    }
}
