//! What the quizzes work out again and again from the same part of the handbook, made once
//! per build and shared by every thread: the roles a step involves, the word stems of an
//! answer. Each is a pure function of the handbook, so a value made twice (two threads at
//! once) is the same value, and the output is the same with or without the memo.

use std::collections::BTreeSet;

use crate::memo::Memo;

/// The quizzes' memos (`Handbook::quiz_memo`).
#[derive(Debug, Default)]
pub struct Memos {
    /// `involved` of a step, by the step's place in memory (the handbook is not moved nor
    /// changed while its memos live: they are its own).
    pub involved: Memo<usize, BTreeSet<String>>,
    /// The distinct answers of a kind a procedure's steps give (`questions::pool`), by the
    /// procedure's place in memory.
    pub procedure_pools: Memo<(usize, super::Ask), Vec<super::Answer>>,
    /// The same of a collection's procedures, by the collection.
    pub collection_pools: Memo<(String, super::Ask), Vec<super::Answer>>,
    /// `roles::related` of a role, by its id.
    pub related: Memo<String, BTreeSet<String>>,
    /// `assemble::points` of a step's "who?", by its step and choices.
    pub points: Memo<String, bool>,
    /// `stems` of a text (a step's, the words an answer is shown by), by the text.
    pub stems: Memo<String, BTreeSet<String>>,
}
