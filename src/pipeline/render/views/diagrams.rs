//! A procedure's diagram as the handout and the presentation show it: its steps, band by
//! band, each box the step's words (`box_words`), its deadlines and forms.

use crate::text::TextExt;

use serde::Serialize;

use super::training::box_words;
use super::{Cx, Html, ui_get};
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
/// one's (the QPS's 24 hours, then the guardian's 14 days). Each is given in the source's
/// words it quotes, as the register and the role cards give it, so that a reader knows
/// which is which (Kosovo step 3: the initial assessment's 2 hours, the comprehensive
/// one's 7 days, the interview's 45 minutes) and reads what the source says ("nuk zgjat më
/// shumë se një orë", review 43 L3, never the site's label). Whom a deadline binds stands
/// before it in one form ("MR: „…“"): the roles the register credits with it (its own,
/// else the step's); a deadline binding none of the roles has none.
///
/// Deadlines of one sentence split by the case each holds in (formal identification 1:
/// "…, PMF-ja në rastin e fëmijëve dhe shërbimi social për të rriturit", 001:702-704), each
/// quoting the sentence up to its case, give the sentence once, then each whom it binds
/// with its case's words (adversary 48 L-4).
fn deadline(cx: &Cx, st: &model::Step) -> Option<String> {
    let timed: Vec<&model::Timing> = st.timing.iter().filter(|t| t.kind != "none").collect();
    // The longest quote of the cases, where others of them stand inside it.
    let whole = timed
        .iter()
        .filter(|t| t.condition.is_some())
        .max_by_key(|t| t.text.len())
        .map(|t| crate::text::single_spaced(&t.text));
    let in_whole = |t: &model::Timing| {
        // Found as every timing's quote is, by its pieces (`text::quote`): an elided one too.
        t.condition.is_some()
            && whole.as_ref().is_some_and(|w| {
                crate::text::quote::stands_in(w, &crate::text::single_spaced(&t.text))
            })
    };
    let shared = timed.iter().filter(|t| in_whole(t)).count() > 1;
    let first_shared = timed.iter().position(|t| in_whole(t));
    let mut lines: Vec<String> = Vec::new();
    for (i, t) in timed.iter().enumerate() {
        if shared && Some(i) == first_shared {
            let sentence = whole.as_deref().unwrap_or_default();
            lines.push(crate::theme::say(
                cx.ui,
                "diagram_deadline_quoted",
                &[("words", sentence)],
            ));
        }
        let quote = match (shared && in_whole(t), &t.condition) {
            (true, Some(case)) => case.trim(),
            _ => t.text.trim(),
        };
        lines.push(line(cx, st, t, quote));
    }
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// One deadline's line of a box: whom it binds, then the source's `words` it quotes.
fn line(cx: &Cx, st: &model::Step, t: &model::Timing, words: &str) -> String {
    let words = crate::theme::say(cx.ui, "diagram_deadline_quoted", &[("words", words)]);
    let mut who = bound_by(cx, st, t);
    // A deadline the source gives no one, in the box of a step someone acts in,
    // says so: unlabelled under another's it would read as theirs (Kosovo 2's "kujdestari
    // ligjor do të emërohet brenda 14 ditëve" under the QPS's, 003:2003). On a step whose
    // persons act, `actors: []` binds them, as the register says (formal identification
    // 15's appellant, 001:836-839; adversary 49 LOW-5 sweep): the box is in their lane.
    if who.is_empty()
        && t.named
        && t.actors.is_empty()
        && t.persons.is_empty()
        && st.persons.is_empty()
        && !st.actors.is_empty()
    {
        who.push(ui_get(cx.ui, "deadlines_no_one"));
    }
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
}

/// Whom a deadline binds, as the register credits them: its roles, its own where the
/// source names them, else every actor of its step (short names); and before them the
/// persons it binds in the source's words. Persons who lead the box's lane (its title is
/// their words) and are all it binds need no prefix; bound beside roles (reintegration 4,
/// 001:1391), or apart from the step's actors (Kosovo 1's "çdo partner i mandatuar",
/// 003:1965-1967, in a box of the referring roles), they are named.
fn bound_by(cx: &Cx, st: &model::Step, t: &model::Timing) -> Vec<String> {
    let roles: Vec<String> = t
        .bound_actors(&st.actors)
        .iter()
        .map(|a| super::timing::as_body(t, a, cx.titles.role_short(a), cx.ui))
        .collect();
    if roles.is_empty() && t.persons == st.persons {
        return roles;
    }
    t.persons.iter().cloned().chain(roles).collect()
}

/// The diagram of a procedure, band by band.
pub(super) fn diagram(cx: &Cx, p: &model::Procedure) -> Vec<DiagramBandView> {
    let words = diagram::Words {
        band_title: ui_get(cx.ui, "diagram_band_title"),
        steps: ui_get(cx.ui, "diagram_steps"),
        steps_printed: ui_get(cx.ui, "diagram_steps_printed"),
        no_actor: ui_get(cx.ui, "diagram_no_actor"),
        group_steps: ui_get(cx.ui, "diagram_group_steps"),
        steps_list: ui_get(cx.ui, "diagram_steps_list"),
        separator: ui_get(cx.ui, "list_separator"),
        returns: ui_get(cx.ui, "diagram_return"),
    };
    // Persons a step names in the source's words (the appellant) lead in a lane of their
    // own, titled with those words; its roles (who receives the appeal) are tags. The same
    // words printed at a sentence's start and inside one ("Punonjësi social" … "punonjësi
    // social", 001:1380, 1415) are one lane, titled as the first step prints them.
    let persons_lane = |st: &model::Step| {
        (!st.persons.is_empty()).then(|| {
            let words = st.persons.join("; ");
            (
                format!("{}{}", diagram::PERSONS_LANE, crate::text::lower(&words)),
                words,
            )
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
                group: st.group.as_deref().map(super::as_name),
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
                follows: st.follows.clone(),
                free: st.free,
                returns_to: st.returns_to.as_ref().map(|(to, words)| {
                    let words = words.single_spaced();
                    (
                        to.clone(),
                        crate::theme::say(cx.ui, "diagram_deadline_quoted", &[("words", &words)]),
                    )
                }),
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
