//! Timings as readers see them: the kind, the duration in words, the whole phrase.

use std::collections::HashMap;

use serde::Serialize;

use super::ui_get;
use crate::pipeline::model;

#[derive(Serialize, Clone)]
pub struct TimingView {
    pub text: String,
    pub kind: &'static str,
    /// The words before the duration ("brenda", "të paktën").
    pub kind_label: String,
    /// The words after it ("para" of a lead time), or empty.
    pub kind_suffix: String,
    /// The ISO duration as written; a range as `P4M/P12M`.
    pub iso: String,
    /// The duration in the reader's words ("30 ditë pune", "nga 4 muaj deri në 12 muaj").
    pub human: String,
    /// The whole timing as one phrase of the pack ("brenda 30 ditë pune", "çdo muaj").
    pub phrase: String,
    /// Calendar length for sorting (working days counted 7/5).
    pub seconds: u64,
    pub working_days: bool,
    /// Whom the timing binds where the source names them apart (role ids); empty: every
    /// actor of its step or criterion.
    pub actors: Vec<String>,
    /// Whether the source names them (`actors` may then be empty: no one of the step's).
    pub named: bool,
    /// Those roles' names (abbreviation where the role has one), for saying whom a
    /// deadline binds beside its words; filled where the titles are known.
    pub who: Vec<String>,
}

pub fn timing_view(t: &model::Timing, ui: &HashMap<String, String>) -> TimingView {
    let view = unconditional(t, ui);
    // The case it holds in, in the source's words, goes with the badge wherever it is
    // shown ("me urgjencë: menjëherë"), never the time alone as if it always held.
    match &t.condition {
        Some(condition) => TimingView {
            phrase: crate::theme::say(
                ui,
                "timing_condition",
                &[
                    ("condition", condition.as_str()),
                    ("phrase", view.phrase.as_str()),
                ],
            ),
            ..view
        },
        None => view,
    }
}

/// The view of `t` saying whom it binds: the persons it names in the source's words, then
/// its roles (their short names), where its place gives no "who" beside it.
pub(super) fn timing_view_with_who(t: &model::Timing, cx: &super::Cx) -> TimingView {
    let mut v = timing_view(t, cx.ui);
    v.who = t.persons.to_vec();
    v.who.extend(
        t.actors
            .iter()
            .map(|id| as_body(t, id, cx.titles.role_short(id), cx.ui)),
    );
    v
}

/// A role's `name` where `t` binds it: as the role whose own act the timing's words time,
/// where that is its `body:` and others act in the step ("AP (afati i veprimit të vet)"),
/// so that a label before the quote "kërkon mbledhjen e menjëhershme të AP-së" does not
/// read as the AP requesting (adversary 50 M-1); else the name alone.
pub(super) fn as_body(
    t: &model::Timing,
    id: &str,
    name: String,
    ui: &HashMap<String, String>,
) -> String {
    if t.body.as_deref() == Some(id) {
        crate::theme::say(ui, "timing_body_who", &[("name", name.as_str())])
    } else {
        name
    }
}

/// The timing's phrase without the case it holds in: a quiz choice, whose stem quotes the
/// case in the source's words (the choice's case words would point to the answer).
pub fn phrase_in_quoted_case(t: &model::Timing, ui: &HashMap<String, String>) -> String {
    unconditional(t, ui).phrase
}

fn unconditional(t: &model::Timing, ui: &HashMap<String, String>) -> TimingView {
    let iso = match &t.to_iso {
        Some(to) => format!("{}/{to}", t.iso),
        None => t.iso.clone(),
    };
    let base = TimingView {
        text: t.text.clone(),
        kind: t.kind,
        kind_label: String::new(),
        kind_suffix: String::new(),
        iso,
        human: String::new(),
        phrase: String::new(),
        seconds: t.seconds,
        working_days: t.working_days,
        actors: t.actors.clone(),
        named: t.named,
        who: Vec::new(),
    };
    // A duty round the clock: the pack's words for it, no length of time.
    if t.kind == "continuous" {
        let words = ui_get(ui, "timing_continuous");
        return TimingView {
            kind_label: words.clone(),
            human: words.clone(),
            phrase: words,
            ..base
        };
    }
    // As soon as possible with no latest ("në kohën më të shpejtë të mundshme", 001:775):
    // "sa më shpejt", no length of time and not "menjëherë".
    if t.asap_only() {
        let words = ui_get(ui, "timing_asap_only");
        return TimingView {
            human: words.clone(),
            phrase: words,
            ..base
        };
    }
    let Some((start, end)) = t.parsed else {
        // Words that set no time limit: only the label saying so.
        return TimingView {
            kind_label: ui_get(ui, "timing_none"),
            phrase: ui_get(ui, "timing_none"),
            ..base
        };
    };
    // A deadline of no time at all reads "menjëherë", or "brenda ditës" where the words
    // say so, not "brenda 0 ditëve".
    if t.seconds == 0 && end.is_none() {
        let key = if t.same_day {
            "timing_same_day"
        } else {
            "timing_immediately"
        };
        return TimingView {
            human: ui_get(ui, key),
            phrase: ui_get(ui, key),
            ..base
        };
    }
    let unit_of = |unit: &str| -> String {
        if t.working_days && unit == "day" {
            "working_day".to_string()
        } else {
            unit.to_string()
        }
    };
    let words = |d: &crate::duration::Duration| {
        d.words(|unit, n| {
            crate::plural::say_count(ui, &format!("duration_{}", unit_of(unit)), n.into(), &[])
        })
    };
    // The case a duration takes after the pack's "within" word ("brenda 7 ditëve", not
    // "brenda 7 ditë"; English and Serbian say it as the duration).
    let words_within = |d: &crate::duration::Duration| {
        d.words(|unit, n| {
            let key = format!("duration_within_{}", unit_of(unit));
            crate::plural::say_count(ui, &key, n.into(), &[])
        })
    };
    let human = match end {
        Some(end) => ui_get(ui, "timing_range")
            .replace("{from}", &words(&start))
            .replace("{to}", &words(&end)),
        None => words(&start),
    };
    // "dy javë në vit": the period a length of time is counted in.
    let human = match &t.per {
        Some(per) => {
            let period = words(per);
            let period = period.strip_prefix("1 ").unwrap_or(&period).to_string();
            crate::theme::say(
                ui,
                "timing_per",
                &[("duration", human.as_str()), ("period", period.as_str())],
            )
        }
        None => human,
    };
    // "2 herë në vit": a count in a period, in the pack's words for that period.
    let human = match (t.times, t.kind, start.single()) {
        (Some(n), "every", Some((unit, 1))) => {
            crate::plural::say_count(ui, &format!("times_per_{unit}"), n.into(), &[])
        }
        // "një herë në 6 muaj": the count in a period of several units.
        (Some(n), "every", _) => {
            crate::plural::say_count(ui, "times_in", n.into(), &[("period", human.as_str())])
        }
        _ => human,
    };
    // The bound the words set ("maksimumi 60 minuta", "të paktën 2 javë"), never one they
    // do not; part of the duration's words, so the register's badge shows it too.
    let human = match t.bound {
        Some(b) => crate::theme::say(ui, &format!("timing_{b}"), &[("duration", human.as_str())]),
        None => human,
    };
    let suffix_key = format!("timing_{}_suffix", t.kind);
    // "Every" with one unit says its count as the language does ("every month", not
    // "every 1 month"); any other timing is the pack's phrase around the duration.
    let phrase = match (t.kind, start.single(), end) {
        // As soon as possible, the duration the latest: "sa më shpejt, jo më vonë se 7 ditë".
        ("within", _, None) if t.asap => {
            crate::theme::say(ui, "timing_asap", &[("duration", human.as_str())])
        }
        ("every", _, None) if t.times.is_some() => human.clone(),
        ("every", Some((unit, n)), None) if t.bound.is_none() && t.per.is_none() => {
            crate::plural::say_count(ui, &format!("every_{}", unit_of(unit)), n.into(), &[])
        }
        // A plain deadline: the duration in the case "within" governs.
        ("within", _, None) if t.bound.is_none() && t.per.is_none() && t.times.is_none() => {
            crate::theme::say(
                ui,
                "timing_phrase_within",
                &[("duration", words_within(&start).as_str())],
            )
        }
        (kind, _, _) => crate::theme::say(
            ui,
            &format!("timing_phrase_{kind}"),
            &[("duration", human.as_str())],
        ),
    };
    // The kind's word ("brenda", "kohëzgjatja"); a lead time has none: "14 ditë para".
    let kind_label = if t.kind == "before" {
        String::new()
    } else {
        ui_get(ui, &format!("timing_{}", t.kind))
    };
    TimingView {
        phrase,
        kind_label,
        kind_suffix: ui.get(&suffix_key).cloned().unwrap_or_default(),
        human,
        ..base
    }
}
