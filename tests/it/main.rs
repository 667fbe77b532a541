//! Every integration test in one binary: it links once.

#[allow(dead_code)]
mod common;

mod a11y;
mod a11y_states;
mod assessment_browser;
mod assessment_pages;
mod assessment_rules;
mod browser_store;
mod chapters;
mod charts;
mod content;
mod csv_cells;
mod derived;
mod editions;
mod editions_browser;
mod english;
mod errors;
mod forms;
mod forms_browser;
mod forms_fill;
mod html_valid;
mod i18n;
mod init;
mod interop;
mod js_units;
mod layout;
mod locales;
mod oscal;
mod output_guard;
mod output_paths;
mod print;
mod print_heads;
mod properties;
mod report;
mod search;
mod search_shards;
mod serve;
mod site;
mod submissions;
mod timing;
mod training;
mod training_browser;
mod training_report;
mod xlsform;
