//! Review 43 M3 (issue 25 item 5, the shelter's own staff apart from the municipality's):
//! "Një punonjës social ose psikolog i qendrës bën menjëherë pranimin" (001:1011, 1047,
//! 1083–1086, 1110–1113) is any social worker of the centre, or its psychologist; the worker
//! the provider charges with a beneficiary (000 S2.3) cannot exist before admission.

use crate::common::{plain, site_page};

/// Whether a role's card credits a step or criterion.
fn credits(role: &str, id: &str) -> bool {
    site_page(&format!("roli/{role}.html")).contains(&format!("id=\"card-{id}\""))
}

const ADMISSIONS: [u32; 4] = [15, 24, 36, 44];

#[test]
fn the_responsible_worker_keeps_only_her_own_criteria() {
    // 000 S2.3 and S9.4: the worker charged with a beneficiary; no admission.
    for c in ["S2.3", "S9.4"] {
        assert!(credits("punonjesi-social-pergjegjes", c), "{c}");
        assert!(!credits("punonjesi-social-i-qendres", c), "{c}");
    }
    let own = site_page("roli/punonjesi-social-pergjegjes.html");
    assert!(
        !own.contains("id=\"card-referimi-mbrojtja-asistenca."),
        "the responsible worker is credited with a referral step"
    );
    // The centre's social worker has her own page, titled as the source names her, with the
    // four admissions.
    let page = plain(&site_page("roli/punonjesi-social-i-qendres.html"));
    assert!(page.contains("Punonjësi social i qendrës"), "{page}");
    for n in ADMISSIONS {
        let step = format!("referimi-mbrojtja-asistenca.{n}");
        assert!(credits("punonjesi-social-i-qendres", &step), "{step}");
    }
}

#[test]
fn the_quizzes_teach_a_social_worker_or_psychologist_of_the_centre() {
    // The "who?" of each admission marks the centre's social worker and the psychologist, and
    // never offers the responsible worker (also a social worker of the centre, 000:437-439) or
    // the staff as a wrong answer.
    for page in [
        "referimi-mbrojtja-asistenca.html",
        "roli-psikologu.html",
        "roli-punonjesi-social-i-qendres.html",
    ] {
        let quiz = site_page(&format!("trajnim/kuizi/{page}"));
        for n in ADMISSIONS {
            let id = format!("data-question=\"referimi-mbrojtja-asistenca.{n}.who\"");
            let Some(q) = quiz.split(&id).nth(1) else {
                continue;
            };
            let q = q.split("</fieldset>").next().unwrap();
            for li in q.split("<li>").skip(1) {
                let name = plain(li.split("</label>").next().unwrap());
                let correct = li.contains("data-correct=\"true\"");
                if name.contains("Punonjësi social i qendrës") || name.ends_with("Psikologu") {
                    assert!(correct, "{page} {n}: {name}");
                }
                for kin in ["Punonjësi social përgjegjës", "Stafi"] {
                    assert!(!name.ends_with(kin), "{page} {n} offers {kin}");
                }
            }
        }
    }
    let own = site_page("trajnim/kuizi/roli-punonjesi-social-pergjegjes.html");
    assert!(
        !own.contains("data-question=\"referimi-mbrojtja-asistenca."),
        "the responsible worker's quiz asks an admission"
    );
}
