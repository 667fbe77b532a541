//! A procedure's diagram as the handout and the presentation show it: its steps, band by
//! band, each box the step's words (`box_words`), its deadlines and forms.

use serde::Serialize;

use super::training::{box_words, timing_words};
use super::{Cx, Html, timing_view, ui_get};
use crate::pipeline::model;
use crate::pipeline::render::diagram;

/// One band of a procedure's diagram: its own `<svg>`.
#[derive(Serialize)]
pub struct DiagramBandView {
    pub id: String,
    pub caption: String,
    pub svg: Html,
    /// The lanes' titles on a strip of their own, kept in view while the band scrolls.
    pub lanes_svg: Html,
}

/// A box's deadlines, one a line: a deadline wrapped after another's never reads as that
/// one's (the QPS's 24 hours, then the guardian's 14 days). Where the box shows more than
/// one, or one that binds only some of the step's actors (or none of them), each is given
/// in the source's words it quotes, so that a reader knows which is which (Kosovo step 3:
/// the initial assessment's 2 hours, the comprehensive one's 7 days, the interview's 45
/// minutes). Whom a deadline binds stands before it in one form ("MR: „…“") wherever the
/// box quotes it or the source names them apart: the roles the register credits with it
/// (its own, else the step's); a deadline binding none of the roles has none.
fn deadline(cx: &Cx, st: &model::Step) -> Option<String> {
    let shown: Vec<&model::Timing> = st.timing.iter().filter(|t| t.kind != "none").collect();
    let several = shown.len() > 1;
    let words: Vec<String> = shown
        .iter()
        .map(|t| {
            // The step's actors bound apart: some of them, or none.
            let apart = t.named
                && !(t.actors.len() == st.actors.len()
                    && t.actors.iter().all(|a| st.actors.contains(a)));
            let quoted = several || apart;
            let words = if quoted {
                crate::theme::say(
                    cx.ui,
                    "diagram_deadline_quoted",
                    &[("words", t.text.trim())],
                )
            } else {
                timing_words(&timing_view(t, cx.ui))
            };
            let who = if quoted || t.named {
                bound_by(cx, st, t)
            } else {
                Vec::new()
            };
            if who.is_empty() {
                words
            } else {
                crate::theme::say(
                    cx.ui,
                    "label_value",
                    &[
                        ("label", &who.join(&ui_get(cx.ui, "list_separator"))),
                        ("value", &words),
                    ],
                )
            }
        })
        .collect();
    (!words.is_empty()).then(|| words.join("\n"))
}

/// The roles a deadline binds, as the register credits them: its own where the source
/// names them, else every actor of its step (short names). Persons named in the source's
/// words lead the box's lane (its title is their words): no prefix repeats them.
fn bound_by(cx: &Cx, st: &model::Step, t: &model::Timing) -> Vec<String> {
    t.bound_actors(&st.actors)
        .iter()
        .map(|a| cx.titles.role_short(a))
        .collect()
}

/// The diagram of a procedure, band by band.
pub(super) fn diagram(cx: &Cx, p: &model::Procedure) -> Vec<DiagramBandView> {
    let words = diagram::Words {
        band_title: ui_get(cx.ui, "diagram_band_title"),
        steps: ui_get(cx.ui, "diagram_steps"),
        steps_printed: ui_get(cx.ui, "diagram_steps_printed"),
        no_actor: ui_get(cx.ui, "diagram_no_actor"),
        group_steps: ui_get(cx.ui, "diagram_group_steps"),
    };
    // Persons a step names in the source's words (the appellant) lead in a lane of their
    // own, titled with those words; its roles (who receives the appeal) are tags.
    let persons_lane = |st: &model::Step| {
        (!st.persons.is_empty()).then(|| {
            let words = st.persons.join("; ");
            (format!("{}{words}", diagram::PERSONS_LANE), words)
        })
    };
    let d = diagram::Diagram {
        id: p.id.clone(),
        title: p.title.clone(),
        lanes: cx
            .titles
            .roles
            .iter()
            .map(|(id, title)| diagram::Lane {
                id: id.to_string(),
                title: title.to_string(),
            })
            .chain(
                p.steps
                    .iter()
                    .filter_map(persons_lane)
                    .map(|(id, title)| diagram::Lane { id, title }),
            )
            .collect(),
        steps: p
            .steps
            .iter()
            .map(|st| diagram::Node {
                number: st.number.clone(),
                label: st.label(cx.ui),
                printed: st.printed.clone(),
                group: st.group.clone(),
                action: box_words(st),
                actors: persons_lane(st)
                    .map(|(id, _)| id)
                    .into_iter()
                    .chain(st.actors.iter().cloned())
                    .collect(),
                deadline: deadline(cx, st),
                forms: cx
                    .titles
                    .form_links(&st.forms)
                    .into_iter()
                    .map(|f| match f.code {
                        Some(code) => crate::theme::say(
                            cx.ui,
                            "code_title",
                            &[("code", &code), ("title", &f.title)],
                        ),
                        None => f.title,
                    })
                    .collect(),
                url: cx.addr.in_procedure(&p.id, &st.id),
                alternative: st.alternative,
                parallel: st.parallel,
            })
            .collect(),
    };
    diagram::layout(&d, &words)
        .into_iter()
        .map(|b| DiagramBandView {
            id: b.id,
            caption: b.caption,
            svg: minijinja::Value::from_safe_string(b.svg),
            lanes_svg: minijinja::Value::from_safe_string(b.lanes_svg),
        })
        .collect()
}
