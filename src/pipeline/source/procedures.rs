//! `content/sop/NN-slug.yaml`: a procedure, its agencies, sections and steps, the
//! documents a step names, and the timings (deadlines, frequencies, durations, lead times)
//! they quote.

use serde::Deserialize;

use super::FormLinkSrc;
use super::S;
use super::empty;
use super::flag::flag;
use super::form_link::form_links;
use super::form_link::one_or_many;

/// A deadline, frequency, duration or lead time, quoted from the source with an ISO 8601
/// duration (see "Timing" in `docs/content-format.md`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimingSrc {
    pub text: S<String>,
    /// A deadline: must happen within this time.
    #[serde(default)]
    pub within: Option<S<String>>,
    /// A frequency: happens at least this often.
    #[serde(default)]
    pub every: Option<S<String>>,
    /// A length of time.
    #[serde(default)]
    pub duration: Option<S<String>>,
    /// A lead time: at least this long before the event the words name.
    #[serde(default)]
    pub before: Option<S<String>>,
    /// The longer end of a range ("nga 4 deri në 12 muaj"); the kind's key holds the shorter.
    #[serde(default)]
    pub to: Option<S<String>>,
    /// `working`: the days counted are working days ("30 ditë pune").
    #[serde(default)]
    pub days: Option<S<String>>,
    /// `true`: the words set no time limit at all ("mbikqyrje 24 orë", round the clock).
    #[serde(default, deserialize_with = "flag")]
    pub no_time_limit: Option<S<bool>>,
    /// `true`: a duty that never stops, round the clock ("Ruajtje ose siguri fizike 24 orë",
    /// "mbikqyrje 24 orë"): no length of time, but a register row.
    #[serde(default, deserialize_with = "flag")]
    pub continuous: Option<S<bool>>,
    /// Whom this timing binds, where the source names them apart from the rest of the
    /// step's actors ("brenda 15 ditëve NJMF-ja …"), or the body whose duty it is where the
    /// passage has no actor (a commission's duty in a list). Left out: the step's actors;
    /// `[]`: none of them (the source names no one: "kujdestari ligjor do të emërohet").
    #[serde(default)]
    pub actors: Option<Vec<S<String>>>,
    /// Whom the timing binds in the source's words where no role of the handbook is that
    /// one ("Ofruesi i shërbimeve"); shown in the register's "who" beside `actors`.
    #[serde(default)]
    pub persons: Option<Vec<S<String>>>,
    /// The body the timing's own words time, where it is none of the step's actors: the
    /// object of another's act ("kërkon mbledhjen e menjëhershme të AP-së", 001:980, the
    /// AP's meeting). The timing binds it (and `actors`, if any); the step does not.
    #[serde(default)]
    pub body: Option<S<String>>,
    /// `at_most` ("maksimumi 60 minuta", "nuk duhet të kalojë 45 minuta", "deri në") or
    /// `at_least` ("nuk mund të jetë më pak se dy javë"): the bound the words set.
    #[serde(default)]
    pub bound: Option<S<String>>,
    /// The period a length of time is counted in ("dy javë në vit": `per: P1Y`).
    #[serde(default)]
    pub per: Option<S<String>>,
    /// `true` with `within: P0D`: "brenda ditës" (within the day), not "menjëherë".
    #[serde(default, deserialize_with = "flag")]
    pub same_day: Option<S<bool>>,
    /// With `every` of one unit: how many times in that period ("2 herë në vit": `every:
    /// P1Y`, `times: 2`), not once every half of it.
    #[serde(default)]
    pub times: Option<S<u32>>,
    /// `true` with `within`: the act is due as soon as possible, the duration only its
    /// latest ("sa më shpejt që është e mundur dhe jo më vonë se 7 ditë"); alone, with no
    /// length of time: as soon as possible, no latest ("në kohën më të shpejtë të mundshme").
    #[serde(default, deserialize_with = "flag")]
    pub asap: Option<S<bool>>,
    /// The case the timing holds in, in the source's words standing in `text` ("me
    /// urgjencë"), where the step or criterion holds in others too: shown with the badge.
    #[serde(default)]
    pub condition: Option<S<String>>,
    /// On a step's timing only: the title of a passage of the same procedure whose words
    /// it quotes, where the step's own text does not print them (formal identification
    /// step 6, the interview, and its limits printed under "Kohëzgjatja e intervistës
    /// formale:", 001:775-778). The words stand there, not in the step.
    #[serde(default)]
    pub from_section: Option<S<String>>,
}

/// `content/sop/NN-slug.yaml`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcedureSrc {
    pub title: S<String>,
    pub collection: S<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub definition: Option<S<String>>,
    #[serde(default)]
    pub agencies: Option<AgenciesSrc>,
    #[serde(default = "empty")]
    pub sections: Vec<SectionSrc>,
    #[serde(default = "empty")]
    pub steps: Vec<StepSrc>,
    /// The words the source prints before its "Dokumentimi" list ("Formatet standarde që
    /// duhet të përdoren … janë:"), shown above the list.
    #[serde(default)]
    pub documentation_intro: Option<S<String>>,
    #[serde(default = "empty")]
    pub documentation: Vec<DocumentSrc>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgenciesSrc {
    #[serde(default)]
    pub intro: Option<S<String>>,
    #[serde(default = "empty")]
    pub items: Vec<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionSrc {
    #[serde(default)]
    pub title: Option<S<String>>,
    /// What other pages call a passage the source prints with no heading above it (the
    /// register, a role card, a quiz): words of its own text, never shown as a heading.
    #[serde(default)]
    pub name: Option<S<String>>,
    /// `true`: the source prints the trafficking indicators here; the page shows the
    /// passage's heading and a link to the indicators page, not a copy of them.
    #[serde(default, deserialize_with = "flag")]
    pub indicators: Option<S<bool>>,
    #[serde(default)]
    pub text: Option<S<String>>,
    #[serde(default = "empty")]
    pub items: Vec<S<String>>,
    /// Deadlines the passage itself sets (a duty in a list, not a step).
    #[serde(default = "empty")]
    pub timing: Vec<TimingSrc>,
    /// The number of the step the source prints this passage before: the page shows it
    /// there, between the steps, not after all of them.
    #[serde(default)]
    pub before_step: Option<S<String>>,
    /// `true`: the procedure's documentation list is printed here, after this passage's
    /// words (its lead sentence), not at the page's end.
    #[serde(default, deserialize_with = "flag")]
    pub documents: Option<S<bool>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepSrc {
    pub number: S<String>,
    /// The number or letter the source prints for this item ("a)", "1."), where it is not
    /// "Hapi N": the page shows it as printed.
    #[serde(default)]
    pub printed: Option<S<String>>,
    /// `true`: the source gives this step as an alternative to the step before it (one of
    /// several cases, "Nëse …"), not as its sequel.
    #[serde(default, deserialize_with = "flag")]
    pub alternative: Option<S<bool>>,
    /// `true`: the source gives this step beside the step before it, neither the sequel of
    /// the other (a provision of its own, not another case): drawn side by side, not dashed.
    #[serde(default, deserialize_with = "flag")]
    pub parallel: Option<S<bool>>,
    /// The number of the step this one follows in the source's logic, where that is not
    /// the step printed before it (formal identification 16, the court appeal against the
    /// Commission's decision, follows the decision, 20): the diagram draws it after that
    /// step, its arrow from there.
    #[serde(default)]
    pub follows: Option<S<String>>,
    /// `true`: a provision that follows no step and that no step follows (the Commission's
    /// members set once, formal identification 17): the diagram draws it apart, no arrow.
    #[serde(default, deserialize_with = "flag")]
    pub free: Option<S<bool>>,
    /// The step the source sends the case back to from this one, and the step's words that
    /// say so (Kosovo 6, "rishikimin e Planit të Shërbimeve" → 4): a return arrow.
    #[serde(default)]
    pub returns_to: Option<ReturnSrc>,
    #[serde(default)]
    pub group: Option<S<String>>,
    #[serde(default)]
    pub title: Option<S<String>>,
    pub text: S<String>,
    #[serde(default = "empty")]
    pub actors: Vec<S<String>>,
    /// Who acts where the source names a person, not a role ("Çdo person, që nuk/është
    /// njohur si viktimë …"): the source's own words, as they stand in the step's text.
    #[serde(default)]
    pub persons: Option<S<Vec<S<String>>>>,
    /// An actor of the step who acts for an institution ("APAP-i nga MEPJ-ja", "APAP-i i
    /// SHSSH-së"): the actor is credited, the institution only named as whom it acts for.
    #[serde(default = "empty")]
    pub acting_for: Vec<ActingForSrc>,
    #[serde(default = "empty")]
    pub timing: Vec<TimingSrc>,
    /// The forms the step uses, each with the source words the link rests on
    /// (`form_link`).
    #[serde(default = "empty", deserialize_with = "form_links")]
    pub forms: Vec<FormLinkSrc>,
}

/// A step's `returns_to:`: the step the case goes back to, in the step's own words.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReturnSrc {
    pub step: S<String>,
    pub words: S<String>,
}

/// One `acting_for:` entry of a step.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActingForSrc {
    /// The step's actor who acts (`apap`).
    pub actor: S<String>,
    /// The institution's role, where it has one (`shssh`); never also an actor of the step.
    #[serde(default)]
    pub of: Option<S<String>>,
    /// The source's words naming the actor and its institution, as they stand in the text.
    pub words: S<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentSrc {
    pub text: S<String>,
    /// The form or forms the document is, each one the document's words name (its code or
    /// words of its title): `form: C1`, or `form: [C4, C5]` where the annex prints one
    /// document twice under one title (`form_link::one_or_many`).
    #[serde(default = "empty", deserialize_with = "one_or_many")]
    pub form: Vec<S<String>>,
}
