//! The one template environment for every page the tool writes, and template errors
//! said for people.

use std::collections::HashMap;

use minijinja::{Environment, UndefinedBehavior};

use crate::diagnostics::{Diagnostics, Pos};
use crate::theme::Theme;

/// The one template environment for every page the tool writes (the site, and the
/// reports of `doracak report` and `aggregate`): every theme template compiled once.
pub fn environment<'a>(
    theme: &'a Theme,
    ui: &HashMap<String, String>,
    diags: &mut Diagnostics,
) -> Option<Environment<'a>> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    env.set_recursion_limit(64);
    // A share as the handbook's language writes it (`62,5 %`, `62.5%`).
    let decimal = ui
        .get("number_decimal")
        .cloned()
        .unwrap_or_else(|| ".".into());
    let pattern = ui.get("percent").cloned().unwrap_or_else(|| "{n} %".into());
    env.add_filter("percent", move |p: f64| {
        pattern.replace("{n}", &format!("{p:.1}").replace('.', &decimal))
    });
    // A counted message in the form the count takes in the handbook's language (CLDR):
    // `plural("criteria_count", n)`, with more named values as keyword arguments.
    let strings = ui.clone();
    env.add_function(
        "plural",
        move |key: &str,
              n: i64,
              kwargs: minijinja::value::Kwargs|
              -> Result<String, minijinja::Error> {
            let values = named_values(&kwargs)?;
            let values: Vec<(&str, &str)> = values
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            Ok(crate::plural::say_count(
                &strings,
                key,
                n.max(0) as u64,
                &values,
            ))
        },
    );
    // A message with named values: `say("label_value", label=…, value=…)`. The message is
    // one whole sentence of the pack; a value the template marked safe stays markup (the
    // rest, message included, is escaped), so `<strong>` can sit inside a sentence whose
    // word order the pack decides.
    let strings = ui.clone();
    env.add_function(
        "say",
        move |key: &str,
              kwargs: minijinja::value::Kwargs|
              -> Result<minijinja::Value, minijinja::Error> {
            let mut values = Vec::new();
            let mut markup = false;
            for name in kwargs.args() {
                let v: minijinja::Value = kwargs.get(name)?;
                markup |= v.is_safe();
                values.push((name.to_string(), v));
            }
            if !markup {
                let plain: Vec<(String, String)> = values
                    .iter()
                    .map(|(k, v)| (k.clone(), v.to_string()))
                    .collect();
                let plain: Vec<(&str, &str)> = plain
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str()))
                    .collect();
                return Ok(minijinja::Value::from(crate::theme::say(
                    &strings, key, &plain,
                )));
            }
            let text = strings.get(key).map_or(key, String::as_str);
            let mut out = minijinja::HtmlEscape(text).to_string();
            for (name, v) in &values {
                let html = match v.is_safe() {
                    true => v.to_string(),
                    false => minijinja::HtmlEscape(&v.to_string()).to_string(),
                };
                crate::theme::fill(&mut out, name, &html);
            }
            Ok(minijinja::Value::from_safe_string(out))
        },
    );
    // A label and its value as one message of the pack (`label_value`: "{label}: {value}",
    // in French "{label} : {value}"); a value the template marked safe stays markup.
    let pattern = ui
        .get("label_value")
        .cloned()
        .unwrap_or_else(|| "{label}: {value}".into());
    env.add_function(
        "pair",
        move |label: minijinja::Value, value: minijinja::Value| {
            let html = |v: &minijinja::Value| match v.is_safe() {
                true => v.to_string(),
                false => minijinja::HtmlEscape(&v.to_string()).to_string(),
            };
            let escaped = minijinja::HtmlEscape(&pattern).to_string();
            minijinja::Value::from_safe_string(
                escaped
                    .replacen("{label}", &html(&label), 1)
                    .replacen("{value}", &html(&value), 1),
            )
        },
    );
    // A date (`YYYY-MM-DD`, or a timestamp that starts with one) as the pack writes dates
    // (`date_format`, with {year}, {month} and {day}); anything else as it is.
    let format = ui
        .get("date_format")
        .cloned()
        .unwrap_or_else(|| "{year}-{month}-{day}".into());
    env.add_filter("date", move |s: String| local_date(&format, &s));
    let mut ok = true;
    for (name, bytes) in theme.templates() {
        let Ok(src) = std::str::from_utf8(bytes) else {
            diags.error(
                Pos::file(format!("theme/templates/{name}")),
                "expected a UTF-8 template, found other bytes",
            );
            ok = false;
            continue;
        };
        if let Err(e) = env.add_template(name, src) {
            report_template_error(diags, &e, "");
            ok = false;
        }
    }
    ok.then_some(env)
}

/// `iso` (`2026-12-03`, or a timestamp starting with a date) in `format`; other text as it is.
pub fn local_date(format: &str, iso: &str) -> String {
    let date = iso.get(..10).unwrap_or("");
    let b = date.as_bytes();
    let ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && date
            .chars()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !ok {
        return iso.to_string();
    }
    format
        .replace("{year}", &date[..4])
        .replace("{month}", &date[5..7])
        .replace("{day}", &date[8..10])
}

/// The keyword arguments of a template call, as text.
fn named_values(
    kwargs: &minijinja::value::Kwargs,
) -> Result<Vec<(String, String)>, minijinja::Error> {
    let mut out = Vec::new();
    for name in kwargs.args() {
        let v: minijinja::Value = kwargs.get(name)?;
        out.push((name.to_string(), v.to_string()));
    }
    Ok(out)
}

pub(super) fn report_template_error(diags: &mut Diagnostics, e: &minijinja::Error, page: &str) {
    let name = e.name().unwrap_or("?");
    let line = e.line().unwrap_or(1) as u32;
    let detail = e.detail().map(|d| format!(": {d}")).unwrap_or_default();
    let (what, hint) = match e.kind() {
        minijinja::ErrorKind::SyntaxError => (
            "expected a valid template, found a syntax error".to_string(),
            "every {{ needs its }}, every {% its %}, every block its end tag",
        ),
        minijinja::ErrorKind::UndefinedError => (
            format!(
                "template error while rendering {page}: a value the template uses is not defined"
            ),
            "a template can use only the values the built-in templates use; see theme/templates/",
        ),
        kind => (
            format!("template error while rendering {page}: {kind}"),
            "see the built-in templates in theme/templates/",
        ),
    };
    diags
        .error(
            Pos::new(format!("theme/templates/{name}"), line, 1),
            format!("{what}{detail}"),
        )
        .hint(hint);
}
