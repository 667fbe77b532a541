//! The views of the roles: a job description's sections, or a role's definition, and
//! every place the role acts.

use serde::Serialize;

use super::{CardGroupAt, CardGroupView, Cx, Html, TimingView, role_title, timing_view, ui_get};

#[derive(Serialize)]
pub struct RoleView {
    pub id: String,
    /// The title, with the jurisdiction where the role has one ("… (Kosovë)").
    pub title: String,
    pub jurisdiction: Option<String>,
    pub abbr: Option<String>,
    pub kind: &'static str,
    pub url: String,
    pub source: Option<String>,
    pub definition_html: Option<Html>,
    /// Other words the source names the role by (`named_by`), as it prints them.
    pub named_by: Vec<String>,
    /// The roles the source says are this same person under another title (`same_as`,
    /// declared on either side).
    pub same_as: Vec<super::LinkView>,
    /// The roles the source says are this one in some cases only (`may_be`, declared on
    /// either side: for a child, the case worker is the child-protection worker).
    pub may_be: Vec<super::LinkView>,
    /// The roles whose `members` list this one (a post counted under the title the
    /// procedures use, "PMF" for "PMF në bashki"): where its actions are.
    pub member_of: Vec<super::LinkView>,
    /// Where the source names the role with no act of its own, each place's link.
    pub mentioned: Vec<super::LinkView>,
    /// What the law obliges the institution to do: the table's title, the institution as
    /// its row names it, the duties.
    pub legal_duties: Option<LegalDutiesView>,
    pub sections: Vec<RoleSectionView>,
    pub duty_areas: Vec<RoleSectionView>,
    pub requirements: Vec<RoleSectionView>,
    /// The section the duty areas and the requirements stand after, as their printed
    /// numbers place them ("V." after "IV. DETYRAT KRYESORE"); none: after every section.
    pub duty_areas_after: Option<String>,
    pub requirements_after: Option<String>,
    pub signature_html: Option<Html>,
    /// Printed headings of the job description, by part.
    pub headings: std::collections::BTreeMap<String, String>,
    /// How many criteria and procedure steps name the role (where it acts).
    pub places: usize,
    /// The role card: every action of the role, by procedure, then by standard; its
    /// views made when the role's pages render ([`RoleView::card_group`]).
    #[serde(skip)]
    pub card: Vec<CardGroupAt>,
    /// Steps where an actor acts for this institution ("APAP-i i SHSSH-së"), by procedure:
    /// credited to that actor, so listed apart and without deadlines.
    pub through: Vec<CardGroupView>,
    /// Steps of which the role is no actor where a deadline's words time its act
    /// ("kërkon mbledhjen e menjëhershme të AP-së": the AP's meeting), by procedure, each
    /// with those deadlines only (`body:` on a timing).
    pub timed: Vec<CardGroupView>,
    /// The source's words naming that actor, by step id.
    pub through_words: std::collections::BTreeMap<String, String>,
    /// The role's quiz, where it acts in a step.
    pub quiz_url: Option<String>,
    /// The duties its job description gives a time ("një herë në vit"), each with it.
    pub jd_times: Vec<JdTimeView>,
}

/// A duty of a job description that sets its own time: the printed item, under its part's
/// heading, and the time as a card's "Deri kur" says it (read-47a L-6).
#[derive(Serialize)]
pub struct JdTimeView {
    pub heading: String,
    pub text_html: Html,
    pub when: Vec<String>,
    pub timing: Vec<TimingView>,
}

/// What the lists of roles show of a role (the roles page, the trainer's page): never its
/// card or its places, only how many.
#[derive(Serialize)]
pub struct RoleListing<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub abbr: Option<&'a str>,
    pub kind: &'static str,
    pub url: &'a str,
    pub quiz_url: Option<&'a str>,
    /// The criteria and steps the role acts in.
    pub places: usize,
    pub has_card: bool,
}

/// A role's page's values: the role with `card`, the whole card or one part's groups (the
/// lists of places, which only the roles page counts, left out).
#[derive(Serialize)]
pub struct RolePage<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub jurisdiction: &'a Option<String>,
    pub abbr: &'a Option<String>,
    pub kind: &'static str,
    pub url: &'a str,
    pub source: &'a Option<String>,
    pub definition_html: &'a Option<Html>,
    pub named_by: &'a [String],
    pub same_as: &'a [super::LinkView],
    pub may_be: &'a [super::LinkView],
    pub member_of: &'a [super::LinkView],
    pub mentioned: &'a [super::LinkView],
    pub legal_duties: &'a Option<LegalDutiesView>,
    pub sections: &'a [RoleSectionView],
    pub duty_areas: &'a [RoleSectionView],
    pub requirements: &'a [RoleSectionView],
    pub duty_areas_after: &'a Option<String>,
    pub requirements_after: &'a Option<String>,
    pub signature_html: &'a Option<Html>,
    pub headings: &'a std::collections::BTreeMap<String, String>,
    pub card: &'a [CardGroupView],
    pub through: &'a [CardGroupView],
    pub through_words: &'a std::collections::BTreeMap<String, String>,
    pub timed: &'a [CardGroupView],
    pub quiz_url: &'a Option<String>,
    pub jd_times: &'a [JdTimeView],
}

impl RoleView {
    pub fn listing(&self) -> RoleListing<'_> {
        RoleListing {
            id: &self.id,
            title: &self.title,
            abbr: self.abbr.as_deref(),
            kind: self.kind,
            url: &self.url,
            quiz_url: self.quiz_url.as_deref(),
            places: self.places,
            has_card: !self.card.is_empty(),
        }
    }

    /// The view of the group `i` of the role's card.
    pub(in crate::pipeline::render) fn card_group(&self, cx: &Cx, i: usize) -> CardGroupView {
        super::training::card_group(cx, &self.id, &self.card[i])
    }

    /// The role's page with `card` as its card.
    pub fn page<'a>(&'a self, card: &'a [CardGroupView]) -> RolePage<'a> {
        RolePage {
            id: &self.id,
            title: &self.title,
            jurisdiction: &self.jurisdiction,
            abbr: &self.abbr,
            kind: self.kind,
            url: &self.url,
            source: &self.source,
            definition_html: &self.definition_html,
            named_by: &self.named_by,
            same_as: &self.same_as,
            may_be: &self.may_be,
            member_of: &self.member_of,
            mentioned: &self.mentioned,
            legal_duties: &self.legal_duties,
            sections: &self.sections,
            duty_areas: &self.duty_areas,
            requirements: &self.requirements,
            duty_areas_after: &self.duty_areas_after,
            requirements_after: &self.requirements_after,
            signature_html: &self.signature_html,
            headings: &self.headings,
            card,
            through: &self.through,
            through_words: &self.through_words,
            timed: &self.timed,
            quiz_url: &self.quiz_url,
            jd_times: &self.jd_times,
        }
    }
}

#[derive(Serialize)]
pub struct LegalDutiesView {
    pub table: String,
    pub institution: String,
    pub text_html: Html,
}

#[derive(Serialize)]
pub struct RoleSectionView {
    pub key: String,
    pub title: String,
    pub text_html: Html,
}

pub(super) fn build(cx: &Cx) -> Vec<RoleView> {
    let section = |r: &crate::pipeline::model::Role, key: &str, text: &str| RoleSectionView {
        key: key.to_string(),
        title: r
            .headings
            .get(key)
            .cloned()
            .unwrap_or_else(|| ui_get(cx.ui, &format!("role_{key}"))),
        text_html: cx.html(text),
    };
    cx.hb
        .roles
        .iter()
        .map(|r| RoleView {
            id: r.id.clone(),
            title: role_title(r, cx.ui),
            jurisdiction: r.jurisdiction.clone(),
            abbr: r.abbr.clone(),
            kind: r.kind.name(),
            url: cx.addr.role(&r.id),
            source: r.source.clone(),
            definition_html: cx.md.optional_html(&r.definition),
            named_by: r.named_by.clone(),
            same_as: {
                let ids: Vec<String> = crate::pipeline::model::quiz::same_person(cx.hb, &r.id)
                    .map(str::to_string)
                    .collect();
                cx.titles
                    .links(&ids, &cx.titles.roles, |id| cx.addr.role(id))
            },
            may_be: {
                let ids: Vec<String> = crate::pipeline::model::quiz::sometimes(cx.hb, &r.id)
                    .map(str::to_string)
                    .collect();
                cx.titles
                    .links(&ids, &cx.titles.roles, |id| cx.addr.role(id))
            },
            mentioned: r
                .mentioned
                .iter()
                .filter_map(|id| cx.places.get(id))
                .map(|p| {
                    let title = crate::theme::say(
                        cx.ui,
                        "item_aside",
                        &[("item", &p.label), ("aside", &p.context)],
                    );
                    super::LinkView::plain(p.id.clone(), title, p.url.clone())
                })
                .collect(),
            member_of: {
                let ids: Vec<String> = cx
                    .hb
                    .roles
                    .iter()
                    .filter(|g| g.members.contains(&r.id))
                    .map(|g| g.id.clone())
                    .collect();
                cx.titles
                    .links(&ids, &cx.titles.roles, |id| cx.addr.role(id))
            },
            legal_duties: r.legal_duties.as_ref().map(|l| LegalDutiesView {
                table: l.table.clone(),
                institution: l.institution.clone(),
                text_html: cx.html(&l.text),
            }),
            sections: r
                .sections
                .iter()
                .map(|s| section(r, s.key, &s.text))
                .collect(),
            duty_areas: r
                .duty_areas
                .iter()
                .map(|a| RoleSectionView {
                    key: "duty_area".into(),
                    title: a.title.clone(),
                    text_html: cx.html(&a.text),
                })
                .collect(),
            requirements: r
                .requirements
                .iter()
                .map(|s| section(r, s.key, &s.text))
                .collect(),
            duty_areas_after: printed_after(r, "duty_areas"),
            requirements_after: printed_after(r, "requirements"),
            signature_html: cx.md.optional_html(&r.signature),
            headings: r.headings.clone(),
            places: r
                .acts_in
                .iter()
                .filter(|id| cx.places.contains_key(*id))
                .count(),
            card: super::training::card_plan(&r.acts_in, cx),
            through: through(cx, &r.id, &r.acts_through),
            through_words: through_words(cx, &r.id),
            timed: timed(cx, &r.id),
            quiz_url: None,
            jd_times: jd_times(cx, r),
        })
        .collect()
}

/// The number a job description's heading prints ("VII. VENDIMMARRJA" is 7).
fn roman(heading: &str) -> Option<u32> {
    let (n, _) = heading.trim().split_once('.')?;
    let mut total = 0;
    let mut last = 0;
    for c in n.chars().rev() {
        let v = match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            _ => return None,
        };
        if v < last {
            total -= v;
        } else {
            total += v;
            last = v;
        }
    }
    Some(total)
}

/// The section after which the block `key` (`duty_areas`, `requirements`) stands: the last
/// whose printed number is below the block's (002:1018-1045 "IV." then "V."; 002:1665-1761
/// "V. DETYRAT SPECIFIKE", "VI. KËRKESAT PËRKATËSE", "VII. VENDIMMARRJA"). None where
/// the headings print no numbers: after every section, as before.
fn printed_after(r: &crate::pipeline::model::Role, key: &str) -> Option<String> {
    let n = roman(r.headings.get(key)?)?;
    r.sections
        .iter()
        .rfind(|s| {
            r.headings
                .get(s.key)
                .and_then(|h| roman(h))
                .is_some_and(|m| m < n)
        })
        .map(|s| s.key.to_string())
}

/// The steps where an actor acts for the role (`acting_for`), grouped as the card is, with
/// no deadline: the actor is credited with those.
fn through(cx: &Cx, role: &str, steps: &[String]) -> Vec<CardGroupView> {
    let mut groups = super::training::card(role, steps, cx);
    for a in groups.iter_mut().flat_map(|g| g.actions.iter_mut()) {
        a.timing.clear();
        a.when.clear();
    }
    groups
}

/// The steps where a timing's `body:` is `role` (of which it is no actor), grouped as the
/// card is, each with those timings only.
fn timed(cx: &Cx, role: &str) -> Vec<CardGroupView> {
    let steps: Vec<String> = cx
        .hb
        .procedures
        .iter()
        .flat_map(|p| &p.steps)
        .filter(|st| st.timing.iter().any(|t| t.body.as_deref() == Some(role)))
        .map(|st| st.id.clone())
        .collect();
    let mut groups = super::training::card(role, &steps, cx);
    for a in groups.iter_mut().flat_map(|g| g.actions.iter_mut()) {
        let keep: Vec<bool> = a
            .timing
            .iter()
            .map(|t| t.named && t.actors.iter().any(|x| x == role))
            .collect();
        let mut k = keep.iter();
        a.timing.retain(|_| *k.next().unwrap_or(&false));
        let mut k = keep.iter();
        a.when.retain(|_| *k.next().unwrap_or(&false));
    }
    groups
}

fn through_words(cx: &Cx, role: &str) -> std::collections::BTreeMap<String, String> {
    cx.hb
        .procedures
        .iter()
        .flat_map(|p| &p.steps)
        .filter_map(|st| {
            let words: Vec<&str> = st
                .acting_for
                .iter()
                .filter(|a| a.of.as_deref() == Some(role))
                .map(|a| a.words.as_str())
                .collect();
            (!words.is_empty()).then(|| (st.id.clone(), words.join("; ")))
        })
        .collect()
}

/// The duties of `r`'s job description its own timings quote, in the order of the timings:
/// the printed item holding the words, under the heading of its part.
fn jd_times(cx: &Cx, r: &crate::pipeline::model::Role) -> Vec<JdTimeView> {
    let main = r
        .sections
        .iter()
        .filter(|s| s.key == "main_duties")
        .map(|s| {
            let heading = r
                .headings
                .get("main_duties")
                .cloned()
                .unwrap_or_else(|| ui_get(cx.ui, "role_main_duties"));
            (heading, s.text.as_str())
        });
    let areas = r
        .duty_areas
        .iter()
        .map(|a| (a.title.clone(), a.text.as_str()));
    let parts: Vec<(String, &str)> = main.chain(areas).collect();
    // One row per item: its times side by side ("dy herë në vit dhe brenda tre muajve …").
    let mut rows: Vec<(String, &str, Vec<TimingView>)> = Vec::new();
    for t in &r.timing {
        let words = crate::text::single_spaced(&t.text);
        let Some((heading, item)) = parts.iter().find_map(|(heading, text)| {
            // By the quote's pieces (`text::quote`), as validation found it.
            let item = text
                .lines()
                .find(|l| crate::text::quote::stands_in(&crate::text::single_spaced(l), &words))?;
            Some((
                heading,
                item.trim().strip_prefix("- ").unwrap_or(item.trim()),
            ))
        }) else {
            continue;
        };
        let view = timing_view(t, cx.ui);
        match rows.iter_mut().find(|(h, i, _)| h == heading && *i == item) {
            Some(row) => row.2.push(view),
            None => rows.push((heading.clone(), item, vec![view])),
        }
    }
    rows.into_iter()
        .map(|(heading, item, timing)| JdTimeView {
            heading,
            text_html: cx.html(item),
            when: timing.iter().map(super::training::timing_words).collect(),
            timing,
        })
        .collect()
}
