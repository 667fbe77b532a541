//! The interface strings of one handbook: its language's built-in pack (if doracak has one),
//! the handbook's own `theme/strings.toml` laid over it key by key, and the fallback
//! language's pack for every key still without a text. Counted messages keep one form per
//! CLDR category of the language (`crate::plural`); every translation's `{placeholders}`
//! are those of the reference pack.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{REFERENCE, STRINGS, Theme, parse_strings};
use crate::diagnostics::{Diagnostics, Pos};
use crate::plural;

/// The `{name}` placeholders of a text.
pub fn placeholders(text: &str) -> BTreeSet<&str> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(i) = rest.find('{') {
        rest = &rest[i + 1..];
        if let Some(j) = rest.find('}') {
            let name = &rest[..j];
            if !name.is_empty()
                && name
                    .chars()
                    .all(|c| crate::text::is_word_char(c) || c == '_')
            {
                out.insert(name);
                rest = &rest[j + 1..];
            }
        }
    }
    out
}

/// A brace of `text` that opens or closes no `{name}` placeholder, as what was found
/// ("found `{ value }`", "found an unclosed `{`"); `None` when every brace is a placeholder's.
fn stray_brace(text: &str) -> Option<String> {
    let mut rest = text;
    while let Some(i) = rest.find(['{', '}']) {
        if rest[i..].starts_with('}') {
            return Some("found a `}` that closes no `{`".to_string());
        }
        let after = &rest[i + 1..];
        let Some(j) = after
            .find(['{', '}'])
            .filter(|j| after[*j..].starts_with('}'))
        else {
            return Some("found a `{` that is never closed".to_string());
        };
        let name = &after[..j];
        if name.is_empty()
            || !name
                .chars()
                .all(|c| crate::text::is_word_char(c) || c == '_')
        {
            return Some(format!("found `{{{name}}}`"));
        }
        rest = &after[j + 1..];
    }
    None
}

/// The base keys of the counted messages: every key of `reference` with a `_one` form.
pub fn counted(reference: &HashMap<String, String>) -> BTreeSet<String> {
    reference
        .keys()
        .filter_map(|k| k.strip_suffix("_one"))
        .filter(|base| reference.contains_key(*base))
        .map(str::to_string)
        .collect()
}

/// Whether `key` is a key of the interface: one of the reference's, or a CLDR category
/// form of one of its counted messages (`criteria_count_few`).
fn known(key: &str, reference: &HashMap<String, String>, counted: &BTreeSet<String>) -> bool {
    reference.contains_key(key)
        || plural::split(key).is_some_and(|(base, _)| counted.contains(base))
}

/// The reference text a translation of `key` must match in placeholders, and whether it
/// is one form of a counted message (which may leave some out, as "every month" leaves
/// out the 1).
fn reference_text<'a>(
    key: &str,
    reference: &'a HashMap<String, String>,
    counted: &BTreeSet<String>,
) -> Option<(&'a String, bool)> {
    if counted.contains(key) {
        return reference.get(key).map(|t| (t, true));
    }
    if let Some((base, _)) = plural::split(key).filter(|(b, _)| counted.contains(*b)) {
        return reference.get(base).map(|t| (t, true));
    }
    reference.get(key).map(|t| (t, false))
}

/// A located error for every text of `pack` whose placeholders are not the reference's.
/// `locate` gives a key's line and column.
pub fn check_placeholders(
    pack: &BTreeMap<String, String>,
    reference: &HashMap<String, String>,
    shown: &str,
    locate: impl Fn(&str) -> (u32, u32),
    diags: &mut Diagnostics,
) {
    let counted = counted(reference);
    for (key, text) in pack {
        let Some((reference_text, is_form)) = reference_text(key, reference, &counted) else {
            continue;
        };
        if let Some(found) = stray_brace(text) {
            let (line, col) = locate(key);
            diags
                .error(
                    Pos::new(shown, line, col),
                    format!("expected the text of `{key}` to hold placeholders as `{{name}}`, {found}"),
                )
                .hint(format!(
                    "a placeholder is a name in braces, as the reference pack has it: `{key} = {reference_text:?}`"
                ));
            continue;
        }
        let want = placeholders(reference_text);
        let have = placeholders(text);
        let unknown: Vec<&&str> = have.difference(&want).filter(|n| **n != "count").collect();
        let missing: Vec<&&str> = want.difference(&have).collect();
        let wrong = !unknown.is_empty() || (!is_form && !missing.is_empty());
        if !wrong {
            continue;
        }
        let list = |v: &[&&str]| {
            v.iter()
                .map(|n| format!("{{{n}}}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let found = match (unknown.is_empty(), missing.is_empty() || is_form) {
            (false, true) => format!("found {} that the interface does not fill", list(&unknown)),
            (true, false) => format!("found {} missing", list(&missing)),
            _ => format!("found {} instead of {}", list(&unknown), list(&missing)),
        };
        let (line, col) = locate(key);
        diags
            .error(
                Pos::new(shown, line, col),
                format!(
                    "expected the text of `{key}` to hold the placeholders {}, {found}",
                    if want.is_empty() {
                        "(none)".to_string()
                    } else {
                        want.iter().map(|n| format!("{{{n}}}")).collect::<Vec<_>>().join(", ")
                    }
                ),
            )
            .hint(format!(
                "keep the names in braces as the reference pack has them: `{key} = {reference_text:?}`"
            ));
    }
}

impl Theme {
    /// The interface strings for `config.language`: its built-in pack, the handbook's
    /// `theme/strings.toml` over it, and `config.fallback()`'s pack for every key still
    /// without a text (one warning with their count; the keys with `--verbose`).
    pub fn strings(
        &self,
        config: &crate::config::Config,
        diags: &mut Diagnostics,
    ) -> Option<HashMap<String, String>> {
        let language = config.language.as_str();
        let reference = self.pack(REFERENCE, diags)?;
        let counted = counted(&reference);
        let built_in = self.files.contains_key(&format!("locales/{language}.toml"));
        let fallback = config.fallback();
        if !self.files.contains_key(&format!("locales/{fallback}.toml")) {
            diags.error(
                Pos::file("doracak.toml"),
                format!(
                    "expected `fallback_language` to be a language with a built-in pack (sq, en …), found {fallback:?}"
                ),
            );
            return None;
        }
        let mut strings = match built_in {
            true => self.pack(language, diags)?,
            false => HashMap::new(),
        };
        let shown = format!("theme/{STRINGS}");
        // Counted messages the handbook words itself: their forms come from it alone.
        let mut own_counted = BTreeSet::new();
        let categories = plural::categories(language);
        // The handbook's own strings: UTF-8, or a located error (a file saved as Windows-1252
        // is not read as if it were absent).
        let own = match self.files.get(STRINGS) {
            Some(bytes) => Some(crate::pipeline::load::decode_utf8(
                bytes.clone(),
                std::path::Path::new(&shown),
                diags,
            )?),
            None => None,
        };
        if let Some(text) = own.as_deref() {
            let over: BTreeMap<String, toml::Spanned<String>> = parse_strings(text, &shown, diags)?;
            let locate = |key: &str| {
                over.get(key)
                    .map_or((1, 1), |v| crate::config::line_col(text, v.span().start))
            };
            let plain: BTreeMap<String, String> = over
                .iter()
                .map(|(k, v)| (k.clone(), v.get_ref().clone()))
                .collect();
            check_placeholders(&plain, &reference, &shown, locate, diags);
            crate::pipeline::load::warn_unseen_toml(text, &shown, diags);
            for (key, value) in over {
                if !known(&key, &reference, &counted) {
                    let (line, col) = crate::config::line_col(text, value.span().start);
                    diags
                        .warning(
                            Pos::new(shown.clone(), line, col),
                            format!("the interface has no string `{key}`; this text is not used"),
                        )
                        .hint(
                            "the keys are those of doracak's built-in packs (docs/translating.md)",
                        );
                    continue;
                }
                if let Some((_, cat)) = plural::split(&key).filter(|(b, c)| {
                    counted.contains(*b) && *c != "exact" && !categories.contains(c)
                }) {
                    let (line, col) = crate::config::line_col(text, value.span().start);
                    diags
                        .warning(
                            Pos::new(shown.clone(), line, col),
                            format!(
                                "`{language}` has no `{cat}` plural form (its forms: {}); this text of `{key}` is not used",
                                categories.join(", ")
                            ),
                        )
                        .hint("the CLDR plural categories of the language decide which forms a count takes");
                    continue;
                }
                let (base, key) = match plural::split(&key).filter(|(b, _)| counted.contains(*b)) {
                    Some((base, "other")) => (base.to_string(), base.to_string()),
                    Some((base, _)) => (base.to_string(), key),
                    None => (key.clone(), key),
                };
                if counted.contains(&base) && own_counted.insert(base.clone()) {
                    strings.retain(|k, _| {
                        k != &base && plural::split(k).is_none_or(|(b, _)| b != base)
                    });
                }
                strings.insert(key, value.into_inner());
            }
        }
        let mut missing: Vec<&String> = reference
            .keys()
            .filter(|k| !strings.contains_key(*k))
            .filter(|k| {
                // A form the handbook's own counted message leaves out: its `other` form.
                plural::split(k).is_none_or(|(b, _)| !own_counted.contains(b))
            })
            .collect();
        missing.sort();
        if !missing.is_empty() {
            let backup = self.pack(fallback, diags)?;
            let mut filled = 0;
            let isolate = isolation(config.dir(), fallback);
            for key in &missing {
                if let Some(text) = backup.get(*key) {
                    strings.insert((*key).clone(), isolated(key, text, isolate));
                    filled += 1;
                }
            }
            let n = missing.len();
            diags
                .warning(
                    Pos::file(shown.clone()),
                    format!(
                        "{n} of {} interface strings {} no `{language}` text; {} in the fallback language `{fallback}`",
                        reference.len(),
                        if n == 1 { "has" } else { "have" },
                        if n == 1 { "it is shown" } else { "they are shown" },
                    ),
                )
                .hint(format!(
                    "add them to theme/{STRINGS} (doracak check --verbose lists them; docs/translating.md)"
                ))
                .detail(
                    missing
                        .iter()
                        .map(|k| k.as_str())
                        .collect::<Vec<_>>()
                        .join("\n"),
                );
            if filled < n {
                return None;
            }
        }
        strings.insert(plural::LANGUAGE_KEY.to_string(), language.to_string());
        Some(strings)
    }
}

/// The keys of the packs that are no words a reader reads but formats the files and the
/// machines read: the site's addresses, the CSV columns a spreadsheet matches, the number and
/// date patterns. Declared here, by name, for every pack: a fallback text written the other
/// way from the page is isolated (`isolated`) unless its key is one of these, so a new key is
/// prose until it is declared, never by the look of its name.
pub const FORMAT_KEYS: &[&str] = &[
    "address_abbreviation_anchor",
    "address_assessment",
    "address_assessment_compare",
    "address_assessment_dir",
    "address_assessment_evidence",
    "address_assessment_plan",
    "address_assessment_print",
    "address_audit_all",
    "address_audit_dir",
    "address_audit_form",
    "address_chapter_dir",
    "address_deadlines",
    "address_definition_anchor",
    "address_form_dir",
    "address_forms",
    "address_glossary",
    "address_handout_dir",
    "address_indicators",
    "address_plan_dir",
    "address_principles",
    "address_print_all",
    "address_procedure_dir",
    "address_procedures",
    "address_quiz_dir",
    "address_quiz_key_dir",
    "address_reference",
    "address_role_dir",
    "address_role_quiz_prefix",
    "address_roles",
    "address_search",
    "address_training",
    "address_training_records",
    "csv_action",
    "csv_assessment",
    "csv_centre",
    "csv_cost",
    "csv_due",
    "csv_evidence_gaps",
    "csv_evidence_unmarked",
    "csv_id",
    "csv_indicator",
    "csv_kind",
    "csv_location",
    "csv_next_review",
    "csv_notes",
    "csv_number",
    "csv_owner",
    "csv_points",
    "csv_rating",
    "csv_reviewed",
    "csv_row_criterion",
    "csv_row_evidence",
    "csv_row_plan",
    "csv_standard",
    "csv_status",
    "csv_text",
    "csv_total",
    "csv_unrated",
    "date_format",
    "number_decimal",
];

/// Whether `text` has words of its own, outside its `{placeholders}`: "“{text}”" and
/// "{label}: {value}" have none (their values are the page's own language and keep its
/// direction), "Every {count} years." has.
fn words(text: &str) -> bool {
    placeholders(text)
        .iter()
        .fold(text.to_string(), |t, p| t.replace(&format!("{{{p}}}"), ""))
        .chars()
        .any(crate::text::is_letter)
}

/// The mark that opens a fallback text written the other way from the page: a right-to-left
/// page (Arabic) showing English falls back within a left-to-right isolate (U+2066 … U+2069),
/// so its full stop stays at its end and "2 criteria · 3 evidence items" keeps its order;
/// `None` where the two run the same way.
fn isolation(dir: &str, fallback: &str) -> Option<char> {
    let back_rtl = crate::plural::is_right_to_left(fallback);
    match (dir == "rtl", back_rtl) {
        (true, false) => Some('\u{2066}'),
        (false, true) => Some('\u{2067}'),
        _ => None,
    }
}

/// A fallback text as the page shows it: isolated (`isolation`) when it is words a reader
/// sees. The `FORMAT_KEYS` are no words: they stay as they are, or a file name, a column a
/// spreadsheet matches or a date would carry the marks.
fn isolated(key: &str, text: &str, mark: Option<char>) -> String {
    let machine = FORMAT_KEYS.contains(&key);
    match mark {
        Some(m) if !machine && words(text) => {
            format!("{m}{text}\u{2069}")
        }
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fallback_written_the_other_way_is_isolated_but_not_an_address() {
        let ltr = isolation("rtl", "en");
        assert_eq!(
            isolated("contents", "Contents.", ltr),
            "\u{2066}Contents.\u{2069}"
        );
        assert_eq!(
            isolated("address_search", "search.html", ltr),
            "search.html"
        );
        assert_eq!(isolated("csv_id", "id", ltr), "id");
        assert_eq!(isolated("list_separator", ", ", ltr), ", ");
        // A pattern of placeholders and punctuation holds no English: the Arabic it is
        // filled with keeps the page's direction ("“{text}”" quoting the source).
        assert_eq!(isolated("quote", "“{text}”", ltr), "“{text}”");
        assert_eq!(
            isolated("label_value", "{label}: {value}", ltr),
            "{label}: {value}"
        );
        assert_eq!(
            isolated("every_year", "every {count} years", ltr),
            "\u{2066}every {count} years\u{2069}"
        );
        assert_eq!(isolation("ltr", "en"), None);
        assert_eq!(isolated("contents", "Contents", None), "Contents");
    }

    #[test]
    fn a_key_is_a_format_by_its_declaration_not_by_its_name() {
        let ltr = isolation("rtl", "en");
        // A prose key whose name merely starts like a format key's is words: isolated.
        assert_eq!(
            isolated("date_of_visit", "Date of the visit", ltr),
            "\u{2066}Date of the visit\u{2069}"
        );
        assert_eq!(
            isolated("csv_explained", "Columns of the file", ltr),
            "\u{2066}Columns of the file\u{2069}"
        );
        // Every declared key is a key of every built-in pack, and every text that is an
        // address is declared.
        let files: std::collections::HashMap<&str, &[u8]> =
            crate::theme::EMBEDDED.iter().copied().collect();
        for lang in ["sq", "en", "sr-Latn"] {
            let text =
                std::str::from_utf8(files[format!("locales/{lang}.toml").as_str()]).expect("UTF-8");
            let pack: BTreeMap<String, String> = toml::from_str(text).expect("a pack");
            for k in FORMAT_KEYS {
                assert!(
                    pack.contains_key(*k),
                    "{lang}: {k} declared but not in the pack"
                );
            }
            for (k, v) in &pack {
                let address = [".html", ".xlsx", ".csv", ".json"]
                    .iter()
                    .any(|e| v.ends_with(e))
                    || (v.ends_with(['/', '-']) && !v.contains(' '));
                assert!(
                    !address || FORMAT_KEYS.contains(&k.as_str()),
                    "{lang}: {k} = {v:?} is an address: declare it in FORMAT_KEYS"
                );
            }
        }
    }

    #[test]
    fn a_brace_that_is_no_placeholder_s_is_found() {
        assert_eq!(stray_brace("{count} critères · {n}"), None);
        assert_eq!(stray_brace("Ballina"), None);
        assert_eq!(
            stray_brace("Accueil {").as_deref(),
            Some("found a `{` that is never closed")
        );
        assert_eq!(
            stray_brace("{value %").as_deref(),
            Some("found a `{` that is never closed")
        );
        assert_eq!(stray_brace("{ n } %").as_deref(), Some("found `{ n }`"));
        assert_eq!(
            stray_brace("n} %").as_deref(),
            Some("found a `}` that closes no `{`")
        );
        assert_eq!(
            stray_brace("{{n}}").as_deref(),
            Some("found a `{` that is never closed")
        );
    }

    #[test]
    fn placeholders_are_the_names_in_braces() {
        let p = placeholders("Showing {shown} of {total} {x-y} {} {");
        assert_eq!(p.into_iter().collect::<Vec<_>>(), ["shown", "total"]);
    }
}
