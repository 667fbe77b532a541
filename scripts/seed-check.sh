#!/bin/sh
# The seed-check measurements of the content against its sources, with the exact section
# boundaries (docs/seed-check.md gives the figures and what they mean). seed-check and the
# sources are not part of this repository: SEED_CHECK names the tool (default
# ../shared/tools/seed-check beside the checkout), and it finds the seeds beside itself.
# Exit status: 1 when a comparison is below its threshold, as seed-check's own.
#
#   scripts/seed-check.sh            the YAML measurements
#   scripts/seed-check.sh --printed  also the printed form pages of a build in $SITE
#                                    (default site/), see scripts/seed-check-rendered.py
set -u
cd "$(dirname "$0")/.."
SC=${SEED_CHECK:-../shared/tools/seed-check}
if [ ! -x "$SC" ]; then
    echo "seed-check: not found at $SC (set SEED_CHECK)" >&2
    exit 2
fi
SEEDS=$(dirname "$(dirname "$SC")")/seeds
status=0
run() { "$SC" "$@" || status=1; }

# The ten standards, each against its "Standardi N:" (seed 000).
run standards --dir standards

# Issue 19: the nine case-management forms against Part 5 of 003 (to the end of the guide),
# and the NJVNR form against its pages in 002 (up to the next guide).
run section --seed 003 --from '^\s*PJESA 5' --recall 0.95 \
    content/forms/MR1.yaml content/forms/MR2.yaml content/forms/MR3.yaml \
    content/forms/MR4.yaml content/forms/MR5.yaml content/forms/MR6.yaml \
    content/forms/MR7.yaml content/forms/MR8.yaml content/forms/MR9.yaml
run section --seed 002 --from '^\s*Formular i menaxhimit të rastit' \
    --to 'Udhërrëfyes për punonjësin e mbrojtjes' --recall 0.95 \
    content/forms/NJVNR-MR.yaml

# Issue 15: the procedures of 002, each against its own section.
run section --seed 002 --from 'SEKSIONI I:' --to '^3\.\s+Vlerësimi\s+i nevojave komunitare' \
    content/sop/20-struktura-bashkiake.yaml
run section --seed 002 --from '^3\. Menaxhimi i rasteve të referuara' \
    --to 'Formular i menaxhimit të rastit' \
    content/sop/23-menaxhimi-i-rastit-nja.yaml

# The forms catalogue takes its groups from three sources: the VKM's list (001), Part 5 of 003
# and the NJVNR form of 002. Each group is measured against its own source, without the
# `procedure:` slugs (references, which seed-check would read as prose). A form's printed code
# is its `id` (A1 … E5), shown on the site beside its title; seed-check does not count ids,
# so the measured copy holds each printed code as text too (`printed_code`), as the site
# shows it. The 003 and 002 groups are one title each: fidelity only (--recall 0).
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
python3 - "$TMP" <<'PY' || status=1
import sys, yaml
out = sys.argv[1]
doc = yaml.safe_load(open("content/forms.yaml", encoding="utf-8"))
parts = {"001": [], "003": [], "002": []}
for g in doc["groups"]:
    p = g.get("procedure")
    key = {"menaxhimi-i-rastit": "003", "menaxhimi-i-rastit-nja": "002"}.get(p, "001")
    group = {k: v for k, v in g.items() if k != "procedure"}
    group["forms"] = [
        dict(f, printed_code=f["id"]) if not f.get("no_code") else f
        for f in group.get("forms", [])
    ]
    parts[key].append(group)
for key, groups in parts.items():
    with open(f"{out}/forms-{key}.yaml", "w", encoding="utf-8") as f:
        yaml.safe_dump({"groups": groups}, f, allow_unicode=True)
PY
run section --seed 001 --from 'FORMATET PËR ZBATIMIN' "$TMP/forms-001.yaml"
run section --seed 003 --from '^\s*PJESA 5' --recall 0 "$TMP/forms-003.yaml"
run section --seed 002 --from '^\s*Formular i menaxhimit të rastit' \
    --to 'Udhërrëfyes për punonjësin e mbrojtjes' --recall 0 "$TMP/forms-002.yaml"

# Issue 31: the Kosovo guide (003) where a case manager needs it. The chapters (Markdown,
# written as YAML by scripts/chapters-as-yaml.py: title and text, without the citation),
# each against its own part of 003; the glossary's 003 entries against the abbreviations and
# the definitions; the legal duties of the Kosovo roles (Kutia 2) with the chapter of 2.2
# against the whole of 2.2. A footnote stands in the source where its page ends: 3.1's note
# is printed inside 3.2, so 3.1 and 3.2 are measured together.
S003=$SEEDS/003_4bf80f4a1ac81f5a.txt
CH=content/chapters
python3 scripts/chapters-as-yaml.py "$TMP" $CH/*.md || status=1
python3 - "$TMP" <<'PY' || status=1
import glob, sys, yaml
out = sys.argv[1]
doc = yaml.safe_load(open("content/glossary.yaml", encoding="utf-8"))
for key in ("abbreviations", "definitions"):
    terms = [{"term": t["term"], "text": t["text"]} | ({"abbr": t["abbr"]} if "abbr" in t else {})
             for t in doc[key] if t.get("collection") == "menaxhimi-rastit"]
    with open(f"{out}/glossary-003-{key}.yaml", "w", encoding="utf-8") as f:
        yaml.safe_dump({key: terms}, f, allow_unicode=True)
duties = []
for path in sorted(glob.glob("content/roles/*.yaml")):
    role = yaml.safe_load(open(path, encoding="utf-8"))
    if "legal_duties" in role:
        duties.append(role["legal_duties"])
with open(f"{out}/roles-003-legal-duties.yaml", "w", encoding="utf-8") as f:
    yaml.safe_dump({"legal_duties": duties}, f, allow_unicode=True)
PY
run section --seed "$S003" --from '^ Falënderime' --to '^ Shkurtesat' --recall 0.95 "$TMP/01-falenderime.yaml"
run section --seed "$S003" --from '^ Shkurtesat' --to '^ Përkufizimet e' --recall 0.95 "$TMP/glossary-003-abbreviations.yaml"
run section --seed "$S003" --from '^ Përkufizimet e' --to '^ Qëllimi dhe fushëveprimi' --recall 0.95 "$TMP/glossary-003-definitions.yaml"
run section --seed "$S003" --from '^ Qëllimi dhe fushëveprimi' --to '^ PJESA 1' --recall 0.95 "$TMP/02-qellimi-i-udhezuesit.yaml"
run section --seed "$S003" --from '^ PJESA 1' --to '^2\.1 Korniza' --recall 0.95 "$TMP/03-te-kuptuarit-e-punes-se-femijeve.yaml"
run section --seed "$S003" --from '^2\.1 Korniza' --to '^2\.2 Përgjegjësitë' --recall 0.95 "$TMP/04-korniza-ligjore.yaml"
run section --seed "$S003" --from '^2\.2 Përgjegjësitë' --to '^PJESA 3' --recall 0.95 \
    "$TMP/05-pergjegjesite-ligjore.yaml" "$TMP/roles-003-legal-duties.yaml"
run section --seed "$S003" --from '^3\.1 Çfarë' --to '^3\.3 Rëndësia' --recall 0.95 \
    "$TMP/06-cfare-nenkupton-menaxhimi-i-rastit.yaml" "$TMP/07-parimet-udheheqese.yaml"
run section --seed "$S003" --from '^3\.3 Rëndësia' --to 'MENAXHIMIN E RASTIT\s*$' --recall 0.95 "$TMP/08-mekanizmat-per-koordinim.yaml"
run section --seed "$S003" --from '^4\.1 Çështjet' --to '^4\.2 Hapat' --recall 0.95 "$TMP/09-ceshtjet-kryesore-per-shqyrtim.yaml"

if [ "${1:-}" = "--printed" ]; then
    SITE=${SITE:-site}
    python3 scripts/seed-check-rendered.py "$SC" "$SEEDS/003_4bf80f4a1ac81f5a.txt" \
        --from '^\s*PJESA 5' \
        "$SITE"/formulari/MR1.html "$SITE"/formulari/MR2.html "$SITE"/formulari/MR3.html \
        "$SITE"/formulari/MR4.html "$SITE"/formulari/MR5.html "$SITE"/formulari/MR6.html \
        "$SITE"/formulari/MR7.html "$SITE"/formulari/MR8.html "$SITE"/formulari/MR9.html
    python3 scripts/seed-check-rendered.py "$SC" "$SEEDS/002_04bdfbe58323071a.txt" \
        --from '^\s*Formular i menaxhimit të rastit' --to 'Udhërrëfyes për punonjësin e mbrojtjes' \
        "$SITE"/formulari/NJVNR-MR.html
fi
exit $status
