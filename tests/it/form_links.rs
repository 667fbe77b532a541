//! Session 42 (review Q6, P1): each step's link to a form quotes the source words it rests
//! on, found in the source; "which form?" asks only forms the step's own words name, and its
//! feedback quotes them. The NJVNR's social worker is one person; the shelter's own social
//! worker is never she.

use serde_json::Value;

use crate::common::pdf::letters;
use crate::common::{read, repo, seed_letters, site_page};

/// The text of the sources 001–003 (letters and digits only), or none where they are not
/// beside the checkout.
fn sources() -> String {
    seed_letters(&["001", "002", "003"])
}

/// Every step's form links: (procedure file, step number, the entry as written).
fn links() -> Vec<(String, String, Value, Value)> {
    let mut out = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(repo().join("content/sop"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for f in files {
        let y: Value = serde_saphyr::from_str(&read(&f)).unwrap();
        for st in y["steps"].as_array().into_iter().flatten() {
            for l in st["forms"].as_array().into_iter().flatten() {
                out.push((
                    f.file_name().unwrap().to_string_lossy().to_string(),
                    st["number"].as_str().unwrap().to_string(),
                    l.clone(),
                    st.clone(),
                ));
            }
        }
    }
    out
}

#[test]
fn every_link_quotes_words_the_source_prints() {
    let sources = sources();
    let all = links();
    assert!(all.len() >= 45, "{} links", all.len());
    let mut named = 0;
    for (file, n, l, st) in &all {
        let words = l["named"].as_str().or(l["tied"].as_str());
        let words = words.unwrap_or_else(|| panic!("{file} step {n}: {l} quotes no words"));
        if !sources.is_empty() {
            assert!(
                sources.contains(&letters(words)),
                "{file} step {n}: {words:?} is not in 001–003"
            );
        }
        if l["named"].is_string() {
            named += 1;
            let text = format!(
                "{} {}",
                st["title"].as_str().unwrap_or(""),
                st["text"].as_str().unwrap()
            );
            assert!(
                letters(&text).contains(&letters(words)),
                "{file} step {n}: {words:?}"
            );
        }
    }
    assert!(
        named >= 20 && named < all.len(),
        "{named} of {} named",
        all.len()
    );
    // The links the source does not make are gone: return 3 (the AP's meeting) and 4 (the
    // travel document) name no parent's authorisation (001:1238-1244).
    for (file, n, form) in [
        ("04-kthimi-vullnetar.yaml", "3", "E4"),
        ("04-kthimi-vullnetar.yaml", "4", "E5"),
    ] {
        assert!(
            !all.iter()
                .any(|(f, m, l, _)| f == file && m == n && l["form"] == form),
            "{file} step {n} links {form}"
        );
    }
}

#[test]
fn which_form_is_asked_only_where_the_step_names_it_and_quotes_its_words() {
    let quiz = site_page("trajnim/kuizi/kthimi-vullnetar.html");
    // Step 7 "bën kërkesë për gjetjen dhe vlerësimin …" (001:1254-1256) names the request.
    assert!(quiz.contains("id=\"q-kthimi-vullnetar.7.form\""));
    // Step 9 (001:1260-1263) names no form.
    assert!(!quiz.contains("id=\"q-kthimi-vullnetar.9.form\""));
    assert!(!quiz.contains("id=\"q-kthimi-vullnetar.2.form\""));
    // The links stay on the step's page.
    let page = site_page("procedura/kthimi-vullnetar.html");
    let nine = &page[page.find("id=\"kthimi-vullnetar.9\"").unwrap()..];
    let nine = &nine[..nine.find("id=\"kthimi-vullnetar.10\"").unwrap()];
    assert!(nine.contains("E2") && nine.contains("E3"), "{nine}");
    // The feedback quotes the step's sentence that names the form.
    let key = site_page("trajnim/pergjigjet/riintegrimi-afatgjate.html");
    let at = key
        .find("riintegrimi-afatgjate.1.form")
        .expect("the plan's question");
    let rest = &key[at..];
    let row = &rest[..rest.find("</tr>").unwrap()];
    assert!(
        row.contains("harton një plan individual të riintegrimit"),
        "{row}"
    );
}

#[test]
fn a_careless_form_link_is_a_located_error() {
    let dir = crate::common::minimal_copy();
    let sop = concat!(
        "title: Kërkesa\n",                                          // 1
        "collection: psv\n",                                         // 2
        "steps:\n",                                                  // 3
        "  - number: \"1\"\n",                                       // 4
        "    text: APAP-i transferon kërkesën sipas formatit A1.\n", // 5
        "    forms:\n",                                              // 6
        "      - form: A1\n",                                        // 7
        "        named: \"transferon kërkesën\"\n",                  // 8
        "      - form: A1\n",                                        // 9
        "        named: \"sipas formatit A9\"\n",                    // 10
        "      - form: A1\n",                                        // 11
        "        tied: \"Deklaratë dakordësie\"\n",                  // 12
        "      - form: A1\n",                                        // 13
        "        named: \"sipas formatit A1\"\n",                    // 14
        "        tied: \"Deklaratë e konfidencialitetit\"\n",        // 15
        "      - form: A1\n",                                        // 16
        "        tied: \"Deklaratë e konfidencialitetit\"\n",        // 17
        "        actors: [apap]\n",                                  // 18
    );
    std::fs::write(dir.path().join("content/sop/97-kerkesa.yaml"), sop).unwrap();
    let out = crate::common::build(dir.path(), &dir.path().join("site"));
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    let f = "97-kerkesa.yaml";
    for (at, message) in [
        ("8:16", "expected words that name form A1"),
        (
            "10:16",
            "expected the words naming form A1 as they stand in the step's own text",
        ),
        (
            "12:15",
            "expected words of form A1's title or of this procedure's documentation list",
        ),
        (
            "14:16",
            "expected either `named:` or `tied:` words for form A1, found both",
        ),
        // A form's users are among the step's actors (it has none).
        (
            "18:18",
            "expected one of the actors of this step (), found \"apap\"",
        ),
    ] {
        assert!(
            err.contains(&format!("{f}:{at}: error: {message}")),
            "{at}: {err}"
        );
    }
    assert_eq!(err.matches("error:").count(), 5, "{err}");
}
