//! A synthetic handbook for benchmarks: N standards × M criteria with evidence, guidance,
//! timings, roles and procedures, its text sampled from a real handbook's sentences,
//! deterministic by seed. (`doracak synth`, hidden from the normal help.)

use crate::text::TextExt;

use std::fmt::Write as _;
use std::path::Path;

use crate::markdown::to_plain;
use crate::pipeline::model::Handbook;

/// Whether `out` may take a synthetic handbook: missing or an empty folder (synth writes
/// many files; it never writes among a person's). The error says why not.
pub fn free(out: &Path) -> Result<(), String> {
    let target = crate::pipeline::write::normalise(out);
    match std::fs::read_dir(&target) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(_) if target.exists() => Err(format!(
            "{}: error: expected a missing or empty folder, found a file; nothing was written",
            out.display()
        )),
        Err(e) => Err(format!(
            "{}: error: cannot read the folder: {e}",
            out.display()
        )),
        Ok(mut rd) => match rd.next() {
            None => Ok(()),
            Some(_) => Err(format!(
                "{}: error: expected a missing or empty folder, found a folder holding files; nothing was written\n  \
                 = hint: choose another folder with --out DIR, or run again with --force to write among them",
                out.display()
            )),
        },
    }
}

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub standards: usize,
    pub criteria: usize,
    pub seed: u64,
}

/// A small deterministic generator (xorshift64*), so a seed always gives the same handbook.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Sentences of the source handbook, to compose text from.
fn sentences(hb: &Handbook) -> Vec<String> {
    let mut texts: Vec<String> = Vec::new();
    for s in &hb.standards {
        texts.push(to_plain(&s.outcome));
        for c in &s.criteria {
            texts.push(to_plain(&c.text));
            texts.extend(c.evidence.iter().map(|e| to_plain(&e.text)));
            texts.extend(c.guidance.iter().map(|g| to_plain(&g.text)));
        }
    }
    for p in &hb.procedures {
        texts.extend(p.steps.iter().map(|s| to_plain(&s.text)));
    }
    let mut out: Vec<String> = texts
        .iter()
        .flat_map(|t| t.split(['.', '\n']))
        .map(|s| s.single_spaced())
        .filter(|s| s.split(' ').count() >= 4)
        .map(|s| format!("{s}."))
        .collect();
    if out.is_empty() {
        out.push("Ofruesi i shërbimit ka një deklaratë të misionit të tij.".into());
    }
    out
}

/// `text` as a TOML basic string.
fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// A YAML block scalar of `text`, indented by `indent` spaces.
fn block(text: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut s = String::from("|-\n");
    for line in text.lines() {
        let _ = writeln!(s, "{pad}{line}");
    }
    s.trim_end_matches('\n').to_string()
}

/// Write the synthetic handbook into `out` (which must be empty or absent).
pub fn generate(source: &Handbook, spec: Spec, out: &Path) -> std::io::Result<usize> {
    let pool = sentences(source);
    let mut rng = Rng(spec.seed.max(1));
    let para = |rng: &mut Rng, n: usize| -> String {
        (0..n)
            .map(|_| pool[rng.below(pool.len())].as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    std::fs::create_dir_all(out.join("standards"))?;
    std::fs::create_dir_all(out.join("content/roles"))?;
    std::fs::create_dir_all(out.join("content/sop"))?;
    // The procedures' collection declared, titled as the source titles it (or by its id).
    let psv = source
        .config
        .collections
        .iter()
        .find(|c| c.id == "psv")
        .map_or("psv", |c| c.title.as_str());
    std::fs::write(
        out.join("doracak.toml"),
        format!(
            "title = \"Doracak sintetik ({} standarde)\"\ndescription = \"Një doracak i gjeneruar për matje.\"\n\n[[collections]]\nid = \"psv\"\ntitle = {}\n",
            spec.standards,
            toml_string(psv)
        ),
    )?;
    let roles = [
        "drejtuesi",
        "punonjesi-social",
        "psikologu",
        "stafi",
        "ekipi",
    ];
    for r in roles {
        std::fs::write(
            out.join(format!("content/roles/{r}.yaml")),
            format!(
                "title: {r}\nkind: role\ndefinition: {}\n",
                block(&para(&mut rng, 2), 2)
            ),
        )?;
    }
    let procedures = (spec.standards / 10).max(1);
    let mut forms = String::from("groups:\n  - title: Formularët\n    forms:\n");
    for f in 1..=20 {
        let _ = writeln!(forms, "      - id: F{f}\n        title: Formulari {f}");
    }
    std::fs::write(out.join("content/forms.yaml"), forms)?;
    for p in 1..=procedures {
        let mut y = format!(
            "title: Procedura {p}\ncollection: psv\ndefinition: {}\nsteps:\n",
            block(&para(&mut rng, 2), 2)
        );
        for st in 1..=8 {
            let _ = writeln!(
                y,
                "  - number: \"{st}\"\n    text: {}\n    actors: [{}]\n    forms: [F{}]\n    timing:\n      - text: brenda {st} ditëve\n        within: P{st}D",
                // A timing quotes its step's text (`validate::quotes`).
                block(
                    &format!("{} Hapi kryhet brenda {st} ditëve.", para(&mut rng, 2)),
                    6
                ),
                roles[rng.below(roles.len())],
                1 + rng.below(20)
            );
        }
        std::fs::write(
            out.join(format!("content/sop/{p:04}-procedura-{p}.yaml")),
            y,
        )?;
    }
    let mut files = 0;
    for n in 1..=spec.standards {
        let mut y = format!(
            "number: {n}\ntitle: Standardi sintetik {n}\noutcome: {}\nstatement: {}\ncriteria:\n",
            block(&para(&mut rng, 2), 2),
            block(&para(&mut rng, 3), 2)
        );
        for c in 1..=spec.criteria {
            let text = para(&mut rng, 2);
            // The criterion's evidence and guidance, written after its text: whether it has
            // a timing is drawn after them, and its words go in the text.
            let mut rest = String::from("    evidence:\n");
            for e in 1..=1 + rng.below(2) {
                let one = para(&mut rng, 2);
                let _ = writeln!(
                    rest,
                    "      - number: \"{c}.{e}\"\n        text: {}",
                    block(&one, 10)
                );
            }
            if rng.below(3) > 0 {
                let guidance = para(&mut rng, 4);
                let _ = writeln!(
                    rest,
                    "    guidance:\n      - number: \"{c}.1\"\n        text: {}",
                    block(&guidance, 10)
                );
            }
            // A timing quotes the criterion's text (`validate::quotes`), never the evidence
            // alone: that would have to name its actors.
            let monthly = "të paktën një herë në muaj";
            let timed = rng.below(4) == 0;
            let text = if timed {
                format!("{text} Kontrollohet {monthly}.")
            } else {
                text
            };
            let _ = writeln!(y, "  - number: {c}\n    text: {}", block(&text, 6));
            y.push_str(&rest);
            if timed {
                let _ = writeln!(
                    y,
                    "    timing:\n      - text: {monthly}\n        every: P1M"
                );
            }
            let _ = writeln!(y, "    roles: [{}]", roles[rng.below(roles.len())]);
            if rng.below(5) == 0 {
                let _ = writeln!(
                    y,
                    "    procedures: [procedura-{}]",
                    1 + rng.below(procedures)
                );
            }
        }
        std::fs::write(out.join(format!("standards/{n:04}-standardi-{n}.yaml")), y)?;
        files += 1;
    }
    Ok(files)
}

/// The same text laid out as an mdBook (one chapter per standard, one per procedure), for
/// comparing build times on equal content.
pub fn to_mdbook(hb: &Handbook, out: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(out.join("src"))?;
    std::fs::write(
        out.join("book.toml"),
        format!(
            "[book]\ntitle = {:?}\nlanguage = \"sq\"\n\n[output.html]\n",
            hb.config.title
        ),
    )?;
    let mut summary = String::from("# Summary\n\n");
    for s in &hb.standards {
        let _ = writeln!(
            summary,
            "- [Standardi {}: {}](s{}.md)",
            s.number,
            s.title.replace(['[', ']'], ""),
            s.number
        );
        let mut md = format!(
            "# Standardi {}: {}\n\n## Rezultati përfundimtar i dëshiruar\n\n{}\n\n## Standardi\n\n{}\n\n",
            s.number, s.title, s.outcome, s.statement
        );
        for c in &s.criteria {
            let _ = write!(md, "### Kriteri {}\n\n{}\n\n", c.number, c.text);
            for e in &c.evidence {
                let _ = write!(md, "**Prova {}** {}\n\n", e.number, e.text);
            }
            for g in &c.guidance {
                let _ = write!(md, "> {}\n\n", g.text.replace('\n', "\n> "));
            }
        }
        std::fs::write(out.join(format!("src/s{}.md", s.number)), md)?;
    }
    for p in &hb.procedures {
        let _ = writeln!(
            summary,
            "- [{}](p-{}.md)",
            p.title.replace(['[', ']'], ""),
            p.id
        );
        let mut md = format!(
            "# {}\n\n{}\n\n",
            p.title,
            p.definition.as_deref().unwrap_or("")
        );
        for st in &p.steps {
            let _ = write!(md, "## Hapi {}\n\n{}\n\n", st.number, st.text);
        }
        std::fs::write(out.join(format!("src/p-{}.md", p.id)), md)?;
    }
    std::fs::write(out.join("src/SUMMARY.md"), summary)
}

/// Assessment files of `hb` for `centres` made-up centres, named in the words of `ui` (`doracak synth --assessments`),
/// deterministic by seed: each centre has a level and each standard a difficulty, so the
/// comparison has weak and strong rows and columns; some criteria are left unrated. The
/// first three centres are also assessed in the two years before, a little worse each year
/// back. Returns how many files were written.
pub fn assessments(
    hb: &Handbook,
    ui: &std::collections::HashMap<String, String>,
    centres: usize,
    seed: u64,
    out: &Path,
) -> std::io::Result<usize> {
    use crate::assessment::{AssessmentFile, HandbookRef, Meta, RatingEntry, SCHEMA, VERSION};

    std::fs::create_dir_all(out)?;
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let towns = [
        "Tiranë",
        "Durrës",
        "Vlorë",
        "Shkodër",
        "Elbasan",
        "Korçë",
        "Fier",
        "Berat",
        "Lushnjë",
        "Pogradec",
        "Kavajë",
        "Gjirokastër",
        "Sarandë",
        "Lezhë",
        "Kukës",
    ];
    let difficulty: Vec<usize> = hb.standards.iter().map(|_| rng.below(35)).collect();
    let codes = |p: Option<u32>| {
        hb.config
            .scale
            .iter()
            .find(|r| r.points == p)
            .map(|r| r.code.clone())
    };
    let top = hb.config.max_points();
    let mut written = 0;
    for k in 0..centres {
        let centre = format!("Qendra {} {}", towns[k % towns.len()], k / towns.len() + 1);
        let level = 35 + rng.below(60);
        let years: &[u32] = if k < 3 { &[2024, 2025, 2026] } else { &[2026] };
        for (y, year) in years.iter().enumerate() {
            let back = (years.len() - 1 - y) * 12;
            let mut file = AssessmentFile {
                schema: SCHEMA.into(),
                version: VERSION,
                handbook: HandbookRef {
                    title: hb.config.title.clone(),
                    catalog: crate::assessment::catalog_hash(hb),
                    edition: hb.config.edition.clone().unwrap_or_default(),
                },
                assessment: Meta {
                    name: crate::theme::say(
                        ui,
                        "assessment_name",
                        &[("centre", &centre), ("date", &year.to_string())],
                    ),
                    centre: centre.clone(),
                    created: format!("{year}-10-01T08:00:00Z"),
                    updated: format!("{year}-10-{:02}T12:00:00Z", 2 + k % 25),
                },
                ..Default::default()
            };
            for (j, s) in hb.standards.iter().enumerate() {
                for c in &s.criteria {
                    let roll = rng.below(100);
                    if roll < 4 {
                        continue; // unrated
                    }
                    let chance = (level + 30).saturating_sub(difficulty[j] + back);
                    let pts = if rng.below(100) < chance {
                        Some(top)
                    } else if rng.below(100) < 55 {
                        Some(top / 2)
                    } else {
                        Some(0)
                    };
                    let pts = if roll < 7 { None } else { pts };
                    if let Some(code) = codes(pts) {
                        file.ratings.insert(
                            c.id.clone(),
                            RatingEntry {
                                rating: Some(code),
                                note: String::new(),
                            },
                        );
                    }
                }
            }
            let name = format!("{:02}-{year}.json", k + 1);
            let json = serde_json::to_string_pretty(&file).map_err(std::io::Error::other)?;
            std::fs::write(out.join(name), json)?;
            written += 1;
        }
    }
    Ok(written)
}
