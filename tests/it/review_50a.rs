//! Issue 25, stop 50 (helper a): adversary 49's LOW-2, LOW-5 and LOW-6, each pinned to its
//! source lines or its repro.

use crate::common::{build, build_ok, minimal_copy, paused, plain, read, shipped_site, site_page};
use serde_json::Value;
use std::fs;

/// The register's row quoting `words`: (data-roles, the "who" cell's text).
fn register_row(words: &str) -> (String, String) {
    site_page("afatet.html")
        .split("<tr data-roles=\"")
        .skip(1)
        .find_map(|chunk| {
            let (roles, rest) = chunk.split_once('"')?;
            let row = rest.split("</tr>").next()?;
            let quote = row.split("<q>").nth(1)?.split("</q>").next()?;
            if !plain(quote).contains(words) {
                return None;
            }
            let who = row.split("<td").nth(2)?.split("</td>").next()?;
            Some((
                roles.to_string(),
                plain(&format!("<td{who}")).trim().to_string(),
            ))
        })
        .unwrap_or_else(|| panic!("no register row quotes {words:?}"))
}

#[test]
fn the_immediate_meeting_of_referral_8_names_the_ap_whose_meeting_it_is() {
    // 001:979-981: "APAP-i … nëse është e nevojshme, kërkon mbledhjen e menjëhershme të
    // AP-së": the sentence names the body whose meeting is immediate; the register said
    // "Burimi nuk emërton askënd" (adversary 49 LOW-5).
    let (roles, who) = register_row("kërkon mbledhjen e menjëhershme të AP-së");
    assert_eq!(roles, "autoriteti-pergjegjes");
    // Named as the body whose own act is timed, never "AP" alone before a quote whose
    // subject is the APAP (adversary 50 M-1).
    assert_eq!(who, "Autoriteti përgjegjës (afati i veprimit të vet)");
    // The AP's page lists it, apart from the steps it acts in: the AP is the object of the
    // APAP's request, no actor of the step (register_binds), and the APAP's own acts have
    // no deadline (register_scope, review 43 L8).
    let ap = site_page("roli/autoriteti-pergjegjes.html");
    assert!(!ap.contains("id=\"card-referimi-mbrojtja-asistenca.8\""));
    let timed = ap
        .split("id=\"timed-referimi-mbrojtja-asistenca.8\"")
        .nth(1)
        .and_then(|r| r.split("</tr>").next())
        .and_then(|r| r.split("class=\"c-when\"").nth(1))
        .expect("the AP's page lists referral 8's deadline");
    let timed = plain(&format!("<td {timed}"));
    assert!(
        timed.contains("AP (afati i veprimit të vet) : nëse është e nevojshme: menjëherë")
            && timed.contains(
                "„APAP-i … nëse është e nevojshme, kërkon mbledhjen e menjëhershme të AP-së“"
            )
            && !timed.contains("duke njoftuar menjëherë drejtorin"),
        "{timed}"
    );
    // The handout says whose it is; the procedure's quiz and the roles' quizzes ask nothing
    // new (the AP acts in no step 8).
    let handout = plain(&site_page(
        "trajnim/fletushka/referimi-mbrojtja-asistenca.html",
    ));
    assert!(
        handout.contains(
            "AP (afati i veprimit të vet) : nëse është e nevojshme: menjëherë „APAP-i … nëse është e nevojshme"
        ),
        "handout"
    );
    for quiz in ["roli-autoriteti-pergjegjes", "roli-apap"] {
        let page = site_page(&format!("trajnim/kuizi/{quiz}.html"));
        assert!(
            !page.contains("data-question=\"referimi-mbrojtja-asistenca.8."),
            "{quiz}"
        );
    }
}

/// The minimal handbook with a second role and `timing` as step 1's only timing.
fn with_body_timing(text: &str, actors: &str, timing: &str) -> tempfile::TempDir {
    let dir = minimal_copy();
    std::fs::write(
        dir.path().join("content/roles/komisioni.yaml"),
        "title: Komisioni\nkind: role\nabbr: KOM\ndefinition: Komisioni shqyrton ankimet.\n",
    )
    .unwrap();
    let sop = dir.path().join("content/sop/02-identifikimi-formal.yaml");
    let src = read(&sop);
    let step = "    text: Intervista formale me fëmijën zgjat jo më shumë se 60 minuta.\n    actors: [punonjes-social]\n    timing:\n      - text: jo më shumë se 60 minuta\n        duration: PT60M\n";
    assert!(src.contains(step), "the fixture's step 1");
    let new = format!("    text: {text}\n    actors: [{actors}]\n    timing:\n{timing}");
    std::fs::write(&sop, src.replace(step, &new)).unwrap();
    dir
}

#[test]
fn a_timings_body_is_a_role_its_words_name_and_none_of_the_steps_actors() {
    let text = "Punonjësi social kërkon mbledhjen e menjëhershme të Komisionit.";
    let ok = with_body_timing(
        text,
        "punonjes-social",
        "      - text: kërkon mbledhjen e menjëhershme të Komisionit\n        within: P0D\n        body: komisioni\n",
    );
    build_ok(ok.path(), &ok.path().join("site"));
    let register = read(&ok.path().join("site/afatet.html"));
    assert!(
        register.contains("<tr data-roles=\"komisioni\""),
        "the row is the body's"
    );
    // An actor of the step is written `actors:`.
    let actor = with_body_timing(
        text,
        "punonjes-social",
        "      - text: Punonjësi social kërkon mbledhjen e menjëhershme\n        within: P0D\n        body: punonjes-social\n",
    );
    let out = build(actor.path(), &actor.path().join("site"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("none of its step's actors"),
        "{err}"
    );
    // Words that do not name the body.
    let unnamed = with_body_timing(
        text,
        "punonjes-social",
        "      - text: kërkon mbledhjen e menjëhershme\n        within: P0D\n        body: komisioni\n",
    );
    let out = build(unnamed.path(), &unnamed.path().join("site"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("to name its `body:`"),
        "{err}"
    );
}

/// Every timing object of `catalog.json`, wherever it stands (criteria, steps, sections,
/// the deadlines register).
fn catalog_timings() -> Vec<Value> {
    fn walk(v: &Value, out: &mut Vec<Value>) {
        match v {
            Value::Object(m) => {
                if m.contains_key("kind") && m.contains_key("iso") && m.contains_key("asap") {
                    out.push(v.clone());
                }
                m.values().for_each(|x| walk(x, out));
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let cat: Value =
        serde_json::from_str(&read(&shipped_site().join("site/catalog.json"))).unwrap();
    let mut out = Vec::new();
    walk(&cat, &mut out);
    out
}

#[test]
fn a_timing_of_no_length_has_no_seconds_in_the_catalogue() {
    // Adversary 49 LOW-2: "në kohën më të shpejtë të mundshme" (001:775) was
    // `"kind":"within","iso":"","seconds":0` — 0 seconds is "menjëherë" (`P0D`) to whoever
    // sorts by `seconds`. A timing of no length (as soon as possible with no latest, round
    // the clock, no time limit) has `seconds: null`; every other a number.
    let timings = catalog_timings();
    let asap = timings
        .iter()
        .find(|t| {
            t["text"]
                .as_str()
                .is_some_and(|x| x.contains("në kohën më të shpejtë të mundshme"))
        })
        .expect("formal identification's section 3");
    assert_eq!(asap["asap"], true);
    assert_eq!(asap["iso"], "");
    assert!(asap["seconds"].is_null(), "{asap}");
    let mut none = 0;
    for t in &timings {
        let iso = t["iso"].as_str().expect("iso is a string");
        if iso.is_empty() {
            none += 1;
            assert!(t["seconds"].is_null(), "no length, no seconds: {t}");
        } else {
            let secs = t["seconds"].as_u64().unwrap_or_else(|| panic!("{t}"));
            assert_eq!(secs == 0, iso == "P0D" || iso == "PT0S", "{t}");
        }
    }
    // S1.5 and S8.9 round the clock, formal identification's asap: each in its place and
    // in the register.
    assert!(none >= 6, "{none} timings of no length");
    // Still sorted after the last "menjëherë" on the register, as before.
    let register = site_page("afatet.html");
    let asap_at = register.find(">sa më shpejt<").expect("the asap row");
    let last_now = register.rfind(">menjëherë<").expect("a menjëherë row");
    assert!(last_now < asap_at);
}

#[test]
fn a_build_killed_before_it_finished_leaves_a_folder_the_next_one_removes_and_says_so() {
    // Adversary 49 LOW-6: `kill -9` during a build into a fresh `--out` left
    // `.kfresh.doracak-new-PID` beside it until the next build of that output, which removed
    // it without a word.
    let dir = minimal_copy();
    let control = tempfile::tempdir().unwrap();
    let out = dir.path().join("kfresh");
    let args = [
        "--root",
        dir.path().to_str().unwrap(),
        "build",
        "--out",
        out.to_str().unwrap(),
    ];
    // Paused with its new folder made, nothing written in it yet; then killed (SIGKILL).
    let mut child = paused("begun", control.path(), &args);
    let staging = dir
        .path()
        .join(format!(".kfresh.doracak-new-{}", child.id()));
    assert!(staging.is_dir(), "the build's new folder");
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        staging.is_dir() && !out.exists(),
        "the kill leaves its folder"
    );
    // Folders doracak did not make, or a live process's, stay: a name with no process id,
    // and one with this test's own id.
    let foreign = dir.path().join(".kfresh.doracak-new-mine");
    let live = dir
        .path()
        .join(format!(".kfresh.doracak-new-{}", std::process::id()));
    for d in [&foreign, &live] {
        std::fs::create_dir(d).unwrap();
        std::fs::write(d.join("keep.txt"), "mine").unwrap();
    }
    let o = build(dir.path(), &out);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(!staging.exists(), "removed");
    assert!(
        stderr.contains(&format!(
            "removed: {}, left by build process {}, which stopped before it finished",
            std::fs::canonicalize(dir.path())
                .unwrap()
                .join(staging.file_name().unwrap())
                .display(),
            child.id()
        )),
        "{stderr}"
    );
    assert!(out.join("index.html").is_file());
    for d in [&foreign, &live] {
        assert_eq!(read(&d.join("keep.txt")), "mine", "{}", d.display());
    }
    assert_eq!(stderr.matches("removed: ").count(), 1, "{stderr}");
    // A build that finds nothing left says nothing of it.
    let o = build(dir.path(), &out);
    assert!(!String::from_utf8_lossy(&o.stderr).contains("removed: "));
}

#[test]
fn a_handout_never_says_no_role_is_named_where_the_step_names_roles() {
    // Referral 2.2 (002:622-632): "Raste mund të referohen nga … si: … Administratori
    // shoqëror; Punonjësi i mbrojtjes së fëmijëve; … Struktura policore": three roles of the
    // handbook named as examples of who may refer, none charged with it. The Kush cell said
    // "Asnjë rol i manualit nuk emërtohet" (no role of the handbook is named): false. Then
    // "… nuk ngarkohet me këtë" claimed no role has the duty (adversary 50 M-2), and "Burimi
    // këtu nuk emërton rolin …" was false where the text names roles as examples of who may
    // refer (adversary 50c M-3). Now the diagram's words for the same fact, "Pa aktor të
    // caktuar" (no actor assigned), true of each of the 14 rows. Task c51: 2.2's title makes a
    // group act, "Punonjës të institucioneve të bashkisë, … i identifikojnë individët"
    // (002:622-624): its row names the group (`persons:`), the examples stay examples.
    let page = site_page("trajnim/fletushka/referimi.html");
    let row = page
        .split("<tr")
        .find(|r| r.contains("c-who") && r.contains("Administratori shoqëror"))
        .expect("referral 2.2's row");
    let who = row.split("<td class=\"c-who\">").nth(1).unwrap();
    let who = plain(who.split("</td>").next().unwrap());
    assert_eq!(
        who.trim(),
        "Punonjës të institucioneve të bashkisë, të institucioneve publike apo organizatave"
    );
    for handout in [
        "identifikimi-formal",
        "kthimi-vullnetar",
        "mbeshtetja-hetimit",
        "riintegrimi-afatgjate",
        "struktura-bashkiake",
        "vleresimi-i-nevojave-komunitare",
    ] {
        let page = site_page(&format!("trajnim/fletushka/{handout}.html"));
        assert!(!page.contains("nuk emërtohet"), "{handout}");
        assert!(page.contains("Pa aktor të caktuar"), "{handout}");
    }
}

#[test]
fn the_appeal_deadline_in_the_diagram_is_the_appellants_not_no_ones() {
    // Formal identification 15 (001:836-839): "Çdo person, që nuk/është njohur si viktimë …
    // ka të drejtën të paraqesë ankim … brenda 30 ditëve pune nga marrja e njoftimit": the
    // sentence names who appeals, and the register names those persons. The diagram's box
    // said "Burimi nuk emërton askënd: „brenda 30 ditëve pune …“"; it stands in the
    // appellant's lane, so unlabelled it is theirs.
    let page = site_page("procedura/identifikimi-formal.html");
    let boxes: Vec<String> = page
        .split("<text class=\"dg-deadline\"")
        .skip(1)
        .map(|c| plain(c.split("</text>").next().unwrap()))
        .collect();
    let appeal = boxes
        .iter()
        .find(|b| b.contains("brenda 30 ditëve pune nga marrja e njoftimit"))
        .expect("step 15's deadline");
    assert!(!appeal.contains("Burimi nuk emërton"), "{appeal}");
    let (_, who) = register_row("brenda 30 ditëve pune nga marrja e njoftimit");
    assert!(
        who.starts_with("Çdo person, që nuk/është njohur si viktimë"),
        "{who}"
    );
}

#[test]
fn a_build_touches_no_folder_but_its_own_outputs_and_a_refusal_says_what_it_put_right() {
    // Adversary 50 H-1: a sweep of other outputs' folders removed folders doracak never
    // made (names ending in 0, 007, …) and, when the build was then refused, said that
    // nothing was touched. Now a build touches only its own output's side folders, with a
    // process id as doracak writes it, and a refusal names what it put right first.
    let dir = minimal_copy();
    let args = |out: &str| {
        vec![
            "--root".to_string(),
            dir.path().to_str().unwrap().to_string(),
            "build".to_string(),
            "--out".to_string(),
            dir.path().join(out).to_str().unwrap().to_string(),
        ]
    };
    let control = tempfile::tempdir().unwrap();
    let a = args("kfresh");
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    let mut child = paused("begun", control.path(), &a);
    let pid = child.id();
    child.kill().unwrap();
    child.wait().unwrap();
    let half = dir.path().join(format!(".kfresh.doracak-new-{pid}"));
    assert!(half.is_dir(), "{}", half.display());
    let odd: Vec<_> = [
        ".kfresh.doracak-new-0",
        ".kfresh.doracak-new-007",
        ".kfresh.doracak-new-+7",
        ".kfresh.doracak-old-99999999999",
        ".notes.doracak-new-99999",
        "..doracak-new-99998",
    ]
    .iter()
    .map(|n| {
        let p = dir.path().join(n);
        fs::create_dir(&p).unwrap();
        fs::write(p.join("mine.txt"), "a person's file").unwrap();
        p
    })
    .collect();
    // A link named like the previous site moved aside is never put in place as the site.
    let elsewhere = tempfile::tempdir().unwrap();
    fs::write(elsewhere.path().join("keep.txt"), "elsewhere").unwrap();
    let link = dir.path().join(".klink.doracak-old-99999");
    std::os::unix::fs::symlink(elsewhere.path(), &link).unwrap();
    let o = build(dir.path(), &dir.path().join("klink"));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        !fs::symlink_metadata(dir.path().join("klink"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read_dir(elsewhere.path()).unwrap().count(),
        1,
        "nothing written through the link"
    );
    // A build of another output leaves every one of them.
    let o = build(dir.path(), &dir.path().join("ksib"));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(!stderr.contains("removed: "), "{stderr}");
    assert!(
        half.is_dir(),
        "another output's folder waits for its own build"
    );
    // The output holds a person's file: the build is refused, after it removed its own
    // half-written folder, and says so.
    fs::create_dir(dir.path().join("kfresh")).unwrap();
    fs::write(dir.path().join("kfresh/notes.txt"), "mine").unwrap();
    let o = build(dir.path(), &dir.path().join("kfresh"));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success(), "{stderr}");
    assert!(!half.exists(), "its own half-written folder is removed");
    assert!(
        stderr.contains(&format!(
            "before this check, the build put right what a stopped build had left beside the output (removed: {}",
            half.display()
        )) && stderr.contains("nothing else was touched"),
        "{stderr}"
    );
    assert!(!stderr.contains("nothing was touched;"), "{stderr}");
    for p in &odd {
        assert!(
            p.join("mine.txt").is_file(),
            "{} is not doracak's",
            p.display()
        );
    }
    assert_eq!(
        fs::read_to_string(dir.path().join("kfresh/notes.txt")).unwrap(),
        "mine"
    );
}

/// Adversary 50c M-2: `serve` removed a stopped build's folder, said so, then refused the
/// output with "nothing was touched". Its refusal says what it put right first, as
/// `build`'s does.
#[test]
fn serve_refusing_after_recovery_says_what_it_put_right() {
    let dir = minimal_copy();
    let half = dir.path().join(".mine.doracak-new-2147483646");
    fs::create_dir(&half).unwrap();
    fs::create_dir(dir.path().join("mine")).unwrap();
    fs::write(dir.path().join("mine/notes.txt"), "mine").unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_doracak"))
        .args([
            "--root",
            dir.path().to_str().unwrap(),
            "serve",
            "--port",
            "0",
        ])
        .args(["--out", dir.path().join("mine").to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success(), "{stderr}");
    assert!(!half.exists(), "{stderr}");
    assert!(
        stderr.contains("before this check, the build put right what a stopped build had left")
            && !stderr.contains("nothing was touched"),
        "{stderr}"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("mine/notes.txt")).unwrap(),
        "mine"
    );
}
