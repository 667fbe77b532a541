//! What CLDR knows about a handbook's language: its plural categories (ICU4X's
//! `icu_plurals`, the Unicode consortium's maintained implementation of the CLDR rules) and
//! its writing direction (ICU4X's `icu_locale`). The browser asks `Intl.PluralRules`, which
//! holds the same CLDR rules, so a page and a script choose the same form.
//!
//! A counted message in a locale pack is a key whose text is its `other` form, with one key
//! per further category the language uses: `key_zero`, `key_one`, `key_two`, `key_few`,
//! `key_many` (`key_other` is accepted for `key`).

use std::collections::HashMap;

use icu_locale::LocaleDirectionality;
use icu_locale_core::LanguageIdentifier;
use icu_plurals::{PluralCategory, PluralRules};

/// The key under which the interface strings carry their language, for `say_count`.
pub const LANGUAGE_KEY: &str = "_language";

/// The CLDR category suffixes a counted key may take, `other` last.
pub const CATEGORIES: &[&str] = &["zero", "one", "two", "few", "many", "other"];

fn langid(language: &str) -> LanguageIdentifier {
    language
        .replace('_', "-")
        .parse()
        .unwrap_or(LanguageIdentifier::UNKNOWN)
}

/// The rules of the language (and region: Portugal's differ from Brazil's); a script
/// subtag (`sr-Latn`) does not change them.
fn rules(language: &str) -> Option<PluralRules> {
    let mut id = langid(language);
    id.script = None;
    PluralRules::try_new_cardinal((&id).into()).ok()
}

fn name(c: PluralCategory) -> &'static str {
    match c {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

/// The categories `language` tells apart for whole numbers and decimals, in
/// `CATEGORIES` order (`["one", "other"]` for English, `["one", "many", "other"]` for
/// French, all six for Arabic).
pub fn categories(language: &str) -> Vec<&'static str> {
    let Some(r) = rules(language) else {
        return vec!["one", "other"];
    };
    let used: Vec<&str> = r.categories().map(name).collect();
    CATEGORIES
        .iter()
        .copied()
        .filter(|c| used.contains(c))
        .collect()
}

/// The category of the count `n` in `language` ("one" for 0 and 1 in French).
pub fn category(language: &str, n: u64) -> &'static str {
    match rules(language) {
        Some(r) => name(r.category_for(n)),
        None if n == 1 => "one",
        None => "other",
    }
}

/// Whether `language` is written right to left (the CLDR likely script of `ar`, `he`, `fa`,
/// `ur`, `ps`, `dv`, `yi` …, or a right-to-left script subtag such as `az-Arab`).
pub fn is_right_to_left(language: &str) -> bool {
    LocaleDirectionality::new_extended().is_right_to_left(&langid(language))
}

/// The base key of a counted key's form (`criteria_count` for `criteria_count_few`), when
/// `key` ends in a category suffix, or in a number for the form of exactly that count
/// (`every_year_1`: "svake godine" where Serbian's `one` also takes 21, "svake 21 godine").
pub fn split(key: &str) -> Option<(&str, &'static str)> {
    CATEGORIES
        .iter()
        .find_map(|c| {
            key.strip_suffix(c)
                .and_then(|k| k.strip_suffix('_'))
                .filter(|k| !k.is_empty())
                .map(|k| (k, *c))
        })
        .or_else(|| {
            let (base, n) = key.rsplit_once('_')?;
            let exact = !base.is_empty() && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit());
            exact.then_some((base, "exact"))
        })
}

/// The text of the counted message `key` for the count `n`: the form of `n`'s category
/// in the strings' language (`key_one` …), else the `other` form (`key`), with `{count}`
/// and the `values` filled.
pub fn say_count(
    ui: &HashMap<String, String>,
    key: &str,
    n: u64,
    values: &[(&str, &str)],
) -> String {
    let language = ui.get(LANGUAGE_KEY).map_or("en", String::as_str);
    let cat = category(language, n);
    let form = match cat {
        "other" => key.to_string(),
        c => format!("{key}_{c}"),
    };
    let exact = format!("{key}_{n}");
    let chosen = if ui.contains_key(&exact) {
        exact
    } else if ui.contains_key(&form) {
        form
    } else {
        key.to_string()
    };
    let count = n.to_string();
    let mut all: Vec<(&str, &str)> = values.to_vec();
    all.push(("count", count.as_str()));
    crate::theme::say(ui, &chosen, &all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_follow_cldr() {
        assert_eq!(categories("en"), ["one", "other"]);
        assert_eq!(categories("fr"), ["one", "many", "other"]);
        assert_eq!(
            categories("ar"),
            ["zero", "one", "two", "few", "many", "other"]
        );
        assert_eq!(categories("sr-Latn"), ["one", "few", "other"]);
        assert_eq!(category("fr", 0), "one");
        assert_eq!(category("fr", 1), "one");
        assert_eq!(category("fr", 2), "other");
        assert_eq!(category("en", 0), "other");
        assert_eq!(category("ar", 14), "many");
        assert_eq!(category("ar", 3), "few");
        assert_eq!(category("sr-Latn", 22), "few");
        assert_eq!(category("sq", 1), "one");
    }

    #[test]
    fn direction_follows_the_script() {
        for rtl in ["ar", "he", "fa", "ur", "ps", "dv", "yi", "ar-EG", "az-Arab"] {
            assert!(is_right_to_left(rtl), "{rtl}");
        }
        for ltr in ["sq", "en", "fr", "sr-Latn", "sr", "tr", "xx"] {
            assert!(!is_right_to_left(ltr), "{ltr}");
        }
    }

    #[test]
    fn forms_are_split_from_their_base() {
        assert_eq!(split("criteria_count_one"), Some(("criteria_count", "one")));
        assert_eq!(split("x_few"), Some(("x", "few")));
        assert_eq!(split("home"), None);
        assert_eq!(split("_one"), None);
        assert_eq!(split("every_year_1"), Some(("every_year", "exact")));
        let ui: HashMap<String, String> = [
            (LANGUAGE_KEY, "sr-Latn"),
            ("every_year", "svakih {count} godina"),
            ("every_year_one", "svake {count} godine"),
            ("every_year_few", "svake {count} godine"),
            ("every_year_1", "svake godine"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        assert_eq!(say_count(&ui, "every_year", 1, &[]), "svake godine");
        assert_eq!(say_count(&ui, "every_year", 21, &[]), "svake 21 godine");
        assert_eq!(say_count(&ui, "every_year", 3, &[]), "svake 3 godine");
        assert_eq!(say_count(&ui, "every_year", 5, &[]), "svakih 5 godina");
    }
}
