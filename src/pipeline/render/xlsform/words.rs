//! The XLSForm's words made of the pack's messages: a submission's name, numbered items.

use std::collections::HashMap;

use crate::pipeline::model::{Evidence, Standard};

/// The XLSForm expression that names a submission as the pack's `assessment_name` does
/// (`{centre} — {date}`): the message's words between its placeholders, each placeholder the
/// form's field.
pub(super) fn instance_name(message: &str) -> String {
    let quoted = |t: &str| format!("'{}'", t.replace('\'', "’"));
    let mut parts = Vec::new();
    let mut text = String::new();
    let mut rest = message;
    while let Some(i) = rest.find('{') {
        let Some(j) = rest[i..].find('}') else { break };
        let field = match &rest[i + 1..i + j] {
            "centre" => super::CENTRE_NAME,
            "date" => super::DATE,
            _ => {
                text.push_str(&rest[..i + j + 1]);
                rest = &rest[i + j + 1..];
                continue;
            }
        };
        text.push_str(&rest[..i]);
        if !text.is_empty() {
            parts.push(quoted(&std::mem::take(&mut text)));
        }
        parts.push(format!("${{{field}}}"));
        rest = &rest[i + j + 1..];
    }
    text.push_str(rest);
    if !text.is_empty() {
        parts.push(quoted(&text));
    }
    format!("concat({})", parts.join(", "))
}

/// An evidence item as paper and browser number it: `2.2.1 …`, in the pack's words
/// (`sub_number`, `numbered_text`).
pub(super) fn evidence_label(s: &Standard, e: &Evidence, ui: &HashMap<String, String>) -> String {
    numbered(
        ui,
        &s.number.to_string(),
        &e.number.to_string(),
        &super::lines(&e.text),
    )
}

/// `text` numbered `number` within `standard` as the pack writes it: "1.4.1 text".
pub(super) fn numbered(
    ui: &HashMap<String, String>,
    standard: &str,
    number: &str,
    text: &str,
) -> String {
    let say = |k: &str, a: &[(&str, &str)]| crate::theme::say(ui, k, a);
    let number = say("sub_number", &[("standard", standard), ("number", number)]);
    say("numbered_text", &[("number", &number), ("text", text)])
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_submission_is_named_in_the_pack_s_words() {
        assert_eq!(
            super::instance_name("{centre} — {date}"),
            "concat(${centre_name}, ' — ', ${date})"
        );
        assert_eq!(
            super::instance_name("{date} : {centre}'s"),
            "concat(${date}, ' : ', ${centre_name}, '’s')"
        );
    }
}
