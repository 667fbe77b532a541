//! Every integration test in one binary: it links once.

#[allow(dead_code)]
mod common;

mod a11y;
mod assessment_browser;
mod assessment_pages;
mod assessment_rules;
mod charts;
mod content;
mod english;
mod errors;
mod forms;
mod forms_browser;
mod html_valid;
mod i18n;
mod init;
mod interop;
mod js_units;
mod layout;
mod locales;
mod output_guard;
mod print;
mod properties;
mod report;
mod search;
mod serve;
mod site;
mod timing;
mod training;
mod training_browser;
mod training_report;
