//! Layout at common screen sizes, in headless Chromium from `file://`: the search panel
//! stays inside the window at every desktop width, the phone header folds its navigation
//! away behind a button, and the overview's figures do not wrap.

use crate::common::browser::*;
use crate::common::*;
use headless_chrome::Tab;
use headless_chrome::protocol::cdp::Emulation;

#[test]
fn search_panel_stays_inside_the_window_at_desktop_widths() {
    let Some(browser) = browser("search_panel_stays_inside_the_window_at_desktop_widths") else {
        return;
    };
    let site = shipped_site().join("site");
    let mut report = Vec::new();
    for page in ["index.html", "S2.html", "vleresim/index.html"] {
        for width in [1024, 1280, 1366, 1440, 1920] {
            let tab = open(&browser, &file_url(&site.join(page)));
            resize(&tab, width, 900, false);
            eval(&tab, "document.getElementById('search-input').focus()");
            tab.type_str("ankes").unwrap();
            wait_for(
                &tab,
                "!document.getElementById('search-panel').hidden && document.querySelectorAll('#search-panel a.result').length > 0",
                "results in the search panel",
            );
            let m = eval(
                &tab,
                "({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth, left: document.getElementById('search-panel').getBoundingClientRect().left, right: document.getElementById('search-panel').getBoundingClientRect().right })",
            );
            let (scroll, inner) = (m["scroll"].as_f64().unwrap(), m["inner"].as_f64().unwrap());
            let (left, right) = (m["left"].as_f64().unwrap(), m["right"].as_f64().unwrap());
            report.push(format!("{page}@{width}: panel {left:.0}–{right:.0}"));
            assert!(
                scroll <= inner,
                "{page} at {width} px: the page is {scroll} px wide"
            );
            assert!(
                right <= inner && left >= 0.0,
                "{page} at {width} px: the search panel spans {left}–{right} px of {inner}"
            );
        }
    }
    eprintln!("{}", report.join("\n"));
}

/// The header's height on a 390 × 844 phone, and whether the navigation shows.
fn phone_header(tab: &Tab) -> (f64, bool) {
    let m = eval(
        tab,
        "({ h: document.querySelector('.site-header').getBoundingClientRect().height, nav: document.getElementById('site-nav').getBoundingClientRect().height > 0 })",
    );
    (m["h"].as_f64().unwrap(), m["nav"].as_bool().unwrap())
}

#[test]
fn phone_header_folds_the_navigation_behind_a_button() {
    let Some(browser) = browser("phone_header_folds_the_navigation_behind_a_button") else {
        return;
    };
    let site = shipped_site().join("site");
    for page in [
        "index.html",
        "S2.html",
        "procedurat.html",
        "auditim/S2.html",
        "vleresim/index.html",
    ] {
        let tab = open(&browser, &file_url(&site.join(page)));
        resize(&tab, 390, 844, true);
        let (h, nav) = phone_header(&tab);
        assert!(!nav, "{page}: the navigation is folded on a phone");
        assert!(
            h <= 0.25 * 844.0,
            "{page}: the header takes {h} px of 844 on a phone"
        );
        assert!(
            eval(
                &tab,
                "document.documentElement.scrollWidth <= window.innerWidth"
            ) == true,
            "{page}: no sideways scrolling on a phone"
        );
        // The button opens and closes the navigation, and says which it is.
        eval(&tab, "document.querySelector('.nav-toggle').click()");
        wait_for(
            &tab,
            "document.getElementById('site-nav').getBoundingClientRect().height > 0",
            "the navigation to open",
        );
        assert_eq!(
            eval(
                &tab,
                "document.querySelector('.nav-toggle').getAttribute('aria-expanded')"
            ),
            "true"
        );
        let label = eval(&tab, "document.querySelector('.nav-toggle').textContent");
        assert!(
            read(&repo().join("theme/locales/sq.toml")).contains(&format!("nav_menu = {label}")),
            "the button's label {label} comes from the strings"
        );
        eval(&tab, "document.querySelector('.nav-toggle').click()");
        wait_for(
            &tab,
            "document.getElementById('site-nav').getBoundingClientRect().height === 0",
            "the navigation to fold",
        );
    }

    // Without JavaScript the button stays hidden and the navigation shows.
    let tab = browser.new_tab().expect("a tab");
    tab.set_default_timeout(std::time::Duration::from_secs(20));
    tab.call_method(Emulation::SetScriptExecutionDisabled { value: true })
        .expect("scripts off");
    tab.navigate_to(&file_url(&site.join("S2.html"))).unwrap();
    tab.wait_until_navigated().unwrap();
    wait_for(
        &tab,
        "document.readyState === 'complete' && document.getElementById('site-nav') !== null",
        "the page without scripts",
    );
    resize(&tab, 390, 844, true);
    assert_eq!(
        eval(
            &tab,
            "document.querySelector('.site-header').classList.contains('nav-foldable')"
        ),
        false,
        "scripts are off"
    );
    let m = eval(
        &tab,
        "({ nav: document.getElementById('site-nav').getBoundingClientRect().height, button: document.querySelector('.nav-toggle').getBoundingClientRect().height })",
    );
    assert!(
        m["nav"].as_f64().unwrap() > 0.0 && m["button"].as_f64().unwrap() == 0.0,
        "without scripts the navigation shows and the button does not: {m}"
    );
}

#[test]
fn overview_scores_do_not_wrap_at_1280() {
    let Some(browser) = browser("overview_scores_do_not_wrap_at_1280") else {
        return;
    };
    let site = shipped_site().join("site");
    let tab = open(&browser, &file_url(&site.join("vleresim/index.html")));
    resize(&tab, 1280, 900, false);
    eval(
        &tab,
        "(() => { const f = document.querySelector('[data-assess-new]'); f.querySelector('[name=name]').value = 'Paraqitja'; f.requestSubmit(); })()",
    );
    wait_for(
        &tab,
        "document.querySelector('[data-score-row=total] [data-col=points]').textContent.includes('/')",
        "the scores to show",
    );
    // One line box per figure: "0 / 132" is never broken after the slash.
    let wrapped = eval(
        &tab,
        "[...document.querySelectorAll('[data-scores] [data-col]')].filter(td => { const r = document.createRange(); r.selectNodeContents(td); const tops = new Set([...r.getClientRects()].map(x => Math.round(x.top))); return tops.size > 1; }).map(td => td.textContent)",
    );
    assert_eq!(wrapped, serde_json::json!([]), "figures wrapped at 1280 px");
}
