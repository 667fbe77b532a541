#!/usr/bin/env bash
# Compare two builds of one handbook file by file (issue 28: the output must stay
# byte-identical except for the pages split into parts). Prints the files that differ,
# are only in one build, and a count; `static/ui.js` differs only by the interface
# strings added with the parts (part_*, parts_intro), which this checks too.
#   bash scripts/compare-sites.sh BEFORE AFTER
set -euo pipefail
before=$1 after=$2
diff -rq "$before" "$after" | sed -e "s|$before/||g" -e "s|$after/||g" || true
echo "files before: $(find "$before" -type f | wc -l), after: $(find "$after" -type f | wc -l), identical: $(cd "$before" && find . -type f -print0 | xargs -0 -I{} sh -c 'cmp -s "{}" "'"$after"'/{}" && echo' | wc -l)"
if [ -f "$before/static/ui.js" ] && [ -f "$after/static/ui.js" ]; then
  python3 - "$before/static/ui.js" "$after/static/ui.js" <<'PY'
import json, sys
def load(p):
    t = open(p, encoding="utf-8").read()
    line = next(l for l in t.splitlines() if l.startswith("window.DORACAK_UI = "))
    return json.loads(line[len("window.DORACAK_UI = "):].rstrip().rstrip(";"))
a, b = load(sys.argv[1]), load(sys.argv[2])
added = sorted(set(b) - set(a)); removed = sorted(set(a) - set(b))
changed = sorted(k for k in set(a) & set(b) if a[k] != b[k])
print(f"ui.js: added {added}, removed {removed}, changed {changed}")
PY
fi
