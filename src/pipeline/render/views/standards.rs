//! The views of the standards: each standard with its criteria, evidence, guidance and
//! timings, as the standard pages, the audit sheets and the self-assessment show them.

use serde::Serialize;

use super::{Cx, Html, LinkView, TimingView, timing_view};

#[derive(Serialize)]
pub struct StandardView {
    pub id: String,
    pub number: u32,
    pub title: String,
    pub url: String,
    pub outcome_html: Html,
    pub statement_html: Html,
    pub evidence_total: usize,
    pub criteria: Vec<CriterionView>,
}

#[derive(Serialize)]
pub struct CriterionView {
    pub id: String,
    pub number: u32,
    pub text_html: Html,
    /// Whether the catalogue's plain text prints exactly as `text_html` ([`drawn_same`]).
    pub drawn_same: bool,
    pub evidence: Vec<EvidenceView>,
    pub guidance: Vec<GuidanceView>,
    pub timing: Vec<TimingView>,
    pub roles: Vec<LinkView>,
    pub procedures: Vec<LinkView>,
    pub forms: Vec<LinkView>,
}

#[derive(Serialize)]
pub struct EvidenceView {
    pub id: String,
    pub number: String,
    pub text_html: Html,
    /// Whether the catalogue's plain text prints exactly as `text_html` ([`drawn_same`]).
    pub drawn_same: bool,
}

#[derive(Serialize)]
pub struct GuidanceView {
    pub id: String,
    pub number: Option<String>,
    pub text_html: Html,
    /// Whether the catalogue's plain text prints exactly as `text_html` ([`drawn_same`]).
    pub drawn_same: bool,
}

/// The view of one standard.
pub(super) fn one(cx: &Cx, s: &crate::pipeline::model::Standard) -> StandardView {
    StandardView {
        id: s.id.clone(),
        number: s.number,
        title: s.title.clone(),
        url: cx.addr.standard(&s.id),
        outcome_html: cx.html(&s.outcome),
        statement_html: cx.html(&s.statement),
        evidence_total: s.criteria.iter().map(|c| c.evidence.len()).sum(),
        criteria: s
            .criteria
            .iter()
            .map(|c| {
                let text_html = cx.html(&c.text);
                CriterionView {
                    id: c.id.clone(),
                    number: c.number,
                    drawn_same: drawn_same(&c.text, &text_html),
                    text_html,
                    evidence: c
                        .evidence
                        .iter()
                        .map(|e| {
                            let text_html = cx.html(&e.text);
                            EvidenceView {
                                id: e.id.clone(),
                                number: e.number.clone(),
                                drawn_same: drawn_same(&e.text, &text_html),
                                text_html,
                            }
                        })
                        .collect(),
                    guidance: c
                        .guidance
                        .iter()
                        .map(|g| {
                            let text_html = cx.html(&g.text);
                            GuidanceView {
                                id: g.id.clone(),
                                number: g.number.clone(),
                                drawn_same: drawn_same(&g.text, &text_html),
                                text_html,
                            }
                        })
                        .collect(),
                    timing: c.timing.iter().map(|t| timing_view(t, cx.ui)).collect(),
                    roles: cx
                        .titles
                        .links(&c.roles, &cx.titles.roles, |id| cx.addr.role(id)),
                    procedures: cx.titles.links(&c.procedures, &cx.titles.procedures, |id| {
                        cx.addr.procedure(id)
                    }),
                    forms: cx.titles.form_links(&c.forms),
                }
            })
            .collect(),
    }
}

/// Whether a text's catalogue form (`to_plain(unmarked(md))`, what a split printout part
/// draws its row from and a split self-assessment page its texts) prints exactly as its
/// page HTML `html`: one paragraph with no mark, and the same characters once the
/// paragraph's entities are read. Else the page keeps the HTML. "No tag left" alone is not
/// enough: an image's alt text is in the plain text and not in the HTML, which drops the
/// image (adversary 50b MED-1).
fn drawn_same(md: &str, html: &Html) -> bool {
    let html = html.as_str().unwrap_or_default();
    let Some(inner) = html
        .strip_prefix("<p>")
        .and_then(|h| h.strip_suffix("</p>\n"))
    else {
        return false;
    };
    !inner.contains('<')
        && unescape(inner)
            .is_some_and(|t| t == crate::markdown::to_plain(&crate::markdown::unmarked(md)))
}

/// `text` with the entities an HTML writer puts in a paragraph read (`&amp;`, `&lt;`,
/// `&gt;`, `&quot;`, numeric ones); none where another stands (then the text is not drawn
/// from the catalogue).
fn unescape(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let (name, after) = rest[at + 1..].split_once(';')?;
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            _ => {
                let n = match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => name.strip_prefix('#')?.parse().ok()?,
                };
                char::from_u32(n)?
            }
        };
        out.push(c);
        rest = after;
    }
    out.push_str(rest);
    Some(out)
}

/// What every page knows of a standard, to list it: number, title, address and counts (its
/// criteria are made into template values only for the pages that show them).
pub fn summary(s: &StandardView) -> minijinja::Value {
    minijinja::context! {
        id => s.id.clone(),
        number => s.number,
        title => s.title.clone(),
        url => s.url.clone(),
        evidence_total => s.evidence_total,
        criteria_count => s.criteria.len(),
    }
}
