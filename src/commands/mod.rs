//! What sits beside the pipeline: commands that run a build or read what people exported.

pub mod aggregate;
pub mod charts;
pub mod diff;
pub mod init;
pub mod output;
pub mod pivot;
pub mod report;
pub mod serve;
pub mod submissions;
pub mod synth;
pub mod training;
pub mod training_editions;
