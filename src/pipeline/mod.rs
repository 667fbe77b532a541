//! A build, one stage a module: load → validate → model → render → search → write.
//! A stage uses only the stages before it (see the map at the top of `lib.rs`).

pub mod load;
pub mod model;
pub mod render;
pub mod search;
pub mod source;
pub mod validate;
pub mod write;
