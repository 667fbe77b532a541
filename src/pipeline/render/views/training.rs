//! The views of the trainer's kit and of "what must I do, by when": every action (a step or
//! a criterion) with who does it, what, by when and with which form; the diagrams of the
//! procedures; the role cards; the handouts; the trainer's page.

mod action;
mod card;
mod register;
mod words;
pub use action::ActionView;
pub(super) use action::{ActionAt, action, actions};
pub use card::{CardGroupAt, CardGroupView, for_role, printed_order};
pub(super) use card::{card, card_group, card_plan};
pub use register::{deadline_collections, deadline_roles};
pub use words::{action_words, box_words, timing_words};
