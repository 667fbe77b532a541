//! Procedure diagrams: a swimlane picture of a procedure, laid out by hand and written as
//! inline SVG at build time (no script).
//!
//! One lane (a row) per role that acts (and one per set of persons a step names in the
//! source's words, who then lead: [`PERSONS_LANE`]); the steps in order, one column each, as boxes in
//! their first actor's lane. A step with several actors links the box to a small tag in each
//! other actor's lane by a dashed line down its column. The deadline in words is on the box,
//! the forms as small tags under it. Long procedures are cut into bands: at every change of
//! the step group (the source's section) and every [`COLUMNS`] steps; each band is its own
//! `<svg>`, holding only the lanes that act in it, so it fits A4 width and a printed page
//! breaks between bands, never through one. A band has no size of its own: its `viewBox`
//! is [`WIDTH`] units wide and it is as wide as the page lets it (`width="100%"`), the
//! style sheet saying how far it may grow and below what width it scrolls sideways
//! instead of shrinking its words.
//!
//! Input is a [`Diagram`] built by the views from the model; every word in it is already
//! in the reader's language.

mod draw;
mod text;

pub use text::wrap;

/// Width of a band in SVG units (about screen pixels; 182 mm on A4).
pub const WIDTH: u32 = 800;
/// Steps per band at most.
pub const COLUMNS: usize = 4;
const LABEL_W: u32 = 150;
const COL_W: u32 = (WIDTH - LABEL_W) / COLUMNS as u32;
const GAP: u32 = 16;
const BOX_W: u32 = COL_W - GAP;
const PAD: u32 = 6;
const LINE: u32 = 14;
const LANE_PAD: u32 = 5;
/// Line height of a lane's title.
const LABEL_LINE: u32 = 12;
/// Space above and below a return arrow's words, under the lanes.
const RETURN_PAD: u32 = 8;
/// Height of a tag of a co-acting role in its lane.
const TAG_H: u32 = 22;
/// Characters per line, from the width of a wide sans-serif letter (DejaVu Sans, the
/// fallback of most systems: about 0.62 em, 0.66 em bold), so that no line runs out of its
/// box (measured in a browser by `tests/it/diagrams.rs`).
const BOX_CHARS: usize = ((BOX_W - 2 * PAD) as f32 / (12.0 * 0.62)) as usize;
const DEADLINE_CHARS: usize = ((BOX_W - 2 * PAD) as f32 / (11.0 * 0.62)) as usize;
/// A lane's title: 11 px bold.
const LABEL_CHARS: usize = ((LABEL_W - 2 * PAD) as f32 / (11.0 * 0.66)) as usize;
/// Written before a box's link where the page's way to the site's root goes (the
/// templates put it in: the same diagram stands on pages at different depths).
pub const ROOT: &str = "@@ROOT@@";

/// How the id of a lane of persons (not a role) begins: `persons:` and their words.
pub const PERSONS_LANE: &str = "persons:";

/// A procedure as the diagram sees it.
#[derive(Debug, Clone)]
pub struct Diagram {
    /// The procedure's id: the prefix of every id in its bands.
    pub id: String,
    pub title: String,
    /// Every role that can act, by id (the diagram keeps those that do).
    pub lanes: Vec<Lane>,
    pub steps: Vec<Node>,
}

#[derive(Debug, Clone)]
pub struct Lane {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone)]
pub struct Node {
    pub number: String,
    /// The step's name as every page gives it ("Hapi 4", or "ç)" as the source prints it).
    pub label: String,
    /// The number or letter the source prints ("ç)", "1."), where it prints one.
    pub printed: Option<String>,
    /// The step's group (its section in the source), if any.
    pub group: Option<String>,
    /// What is done, in words: the step's title and every normative paragraph of its text
    /// (never an example), one a line, each drawn whole.
    pub action: String,
    /// Role ids, the first one leading; none puts the step in the lane of no one.
    pub actors: Vec<String>,
    /// By when, in words.
    pub deadline: Option<String>,
    /// Form labels: the printed code and the whole title ("A3 Formati i intervistës …"),
    /// or the whole title where the form has no code.
    pub forms: Vec<String>,
    /// Where the box links to: the step on its procedure's page, after [`ROOT`].
    pub url: String,
    /// The source gives this step as an alternative to the one before it (the step it
    /// branches from is the one before the run of alternatives): drawn side by side with
    /// its siblings, each reached from that step, not chained after them (or from its
    /// `follows`; a run with no step before it in the band: no arrow in).
    pub alternative: bool,
    /// The source gives this step beside the one before it, neither the sequel of the
    /// other: reached, as an alternative is, from the step before them, in a plain box.
    pub parallel: bool,
    /// The number of the step this one follows in the source's logic, where it is not the
    /// step printed before it: drawn after that step, its arrow from there.
    pub follows: Option<String>,
    /// Follows no step and none follows it: drawn last in its group, no arrow in or out.
    pub free: bool,
    /// The step the case goes back to from this one (its number), and the words saying so
    /// (already quoted): a return arrow under the lanes, its words beside it.
    pub returns_to: Option<(String, String)>,
}

/// The words a diagram needs from the pack.
#[derive(Debug, Clone)]
pub struct Words {
    /// Title of a band: `{procedure}`, `{part}`, `{steps}`.
    pub band_title: String,
    /// "Hapat {from}–{to}" (`{from}`, `{to}`: step numbers); a band of one step names it
    /// by its label.
    pub steps: String,
    /// "{from}–{to}" for steps the source prints its own numbers or letters for ("a)–c)").
    pub steps_printed: String,
    /// The lane of steps that name no actor.
    pub no_actor: String,
    /// A band's part when its steps are a group's: `{group}`, `{steps}`.
    pub group_steps: String,
    /// "Hapat {steps}" for a band whose steps are not one run of the printed order (the
    /// source's logic puts a later step before an earlier one).
    pub steps_list: String,
    /// Between the steps of `steps_list`.
    pub separator: String,
    /// A return arrow's words: `{step}` (the label it goes back to), `{words}`.
    pub returns: String,
}

/// One band: an `<svg>` of its own.
#[derive(Debug, Clone)]
pub struct Band {
    pub id: String,
    /// The band's step group and step range, in words.
    pub caption: String,
    /// Lane titles, top to bottom.
    pub lanes: Vec<String>,
    /// Step numbers, left to right.
    pub steps: Vec<String>,
    pub svg: String,
    /// The lanes' titles alone, on a strip as high as the band and as wide as its column
    /// of titles: kept in view while the band scrolls sideways (drawn under the same
    /// scale, aria-hidden: the band itself carries the titles).
    pub lanes_svg: String,
}

/// The bands of a procedure's diagram: cut at every group change and every `COLUMNS` steps,
/// a group's steps spread evenly over its bands.
pub fn layout(d: &Diagram, w: &Words) -> Vec<Band> {
    // Lanes in the order roles first act; the lane of no one last.
    let mut order: Vec<&str> = Vec::new();
    for s in &d.steps {
        let ids: Vec<&str> = if s.actors.is_empty() {
            vec![""]
        } else {
            s.actors.iter().map(String::as_str).collect()
        };
        for id in ids {
            if !order.contains(&id) {
                order.push(id);
            }
        }
    }
    if let Some(i) = order.iter().position(|id| id.is_empty()) {
        let none = order.remove(i);
        order.push(none);
    }
    let title_of = |id: &str| -> String {
        if id.is_empty() {
            return w.no_actor.clone();
        }
        d.lanes
            .iter()
            .find(|l| l.id == id)
            .map_or_else(|| id.to_string(), |l| l.title.clone())
    };

    // Runs of steps under one group, then bands within each run, in the source's logic.
    let mut runs: Vec<(Option<&String>, Vec<&Node>)> = Vec::new();
    for s in flow_order(&d.steps) {
        match runs.last_mut() {
            Some((g, v)) if *g == s.group.as_ref() => v.push(s),
            _ => runs.push((s.group.as_ref(), vec![s])),
        }
    }
    let mut bands = Vec::new();
    for (group, steps) in runs {
        let n = steps.len().div_ceil(COLUMNS);
        let per = steps.len().div_ceil(n);
        for chunk in steps.chunks(per) {
            let index = bands.len() + 1;
            bands.push(draw::band(d, w, &order, &title_of, group, chunk, index));
        }
    }
    bands
}

/// The steps in the source's logic: a step that `follows` a later-printed one right after
/// it; in each run of one group, the steps that stand `free` last.
fn flow_order(steps: &[Node]) -> Vec<&Node> {
    let later = |s: &Node| {
        s.follows.as_ref().is_some_and(|f| {
            let me = steps.iter().position(|o| o.number == s.number);
            let target = steps.iter().position(|o| &o.number == f);
            matches!((me, target), (Some(a), Some(b)) if b > a)
        })
    };
    let mut out: Vec<&Node> = steps.iter().filter(|s| !later(s)).collect();
    for s in steps.iter().filter(|s| later(s)) {
        let f = s.follows.as_deref().unwrap_or_default();
        let at = out
            .iter()
            .position(|o| o.number == f)
            .map_or(out.len(), |i| i + 1);
        out.insert(at, s);
    }
    // Free steps last in their group's run.
    let mut sorted: Vec<&Node> = Vec::with_capacity(out.len());
    let mut i = 0;
    while i < out.len() {
        let g = &out[i].group;
        let j = out[i..]
            .iter()
            .position(|s| &s.group != g)
            .map_or(out.len(), |k| i + k);
        sorted.extend(out[i..j].iter().filter(|s| !s.free));
        sorted.extend(out[i..j].iter().filter(|s| s.free));
        i = j;
    }
    sorted
}

#[cfg(test)]
mod tests;
