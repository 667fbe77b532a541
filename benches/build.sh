#!/usr/bin/env bash
# Build benchmark: wall time and peak memory of a release `doracak build` on the shipped
# handbook and on synthetic handbooks of N = 10, 100, 1000 standards (66 criteria each),
# cold (no output yet) and warm (previous output present); the same text built by mdBook
# (and Hugo, where Debian's package installs) in the same run; the rebuild time of
# `doracak serve` after editing one standard. Prints a Markdown table (see BENCHMARKS.md).
#
#   bash benches/build.sh            # everything
#   RUNS=3 SIZES="10 100" bash benches/build.sh
#
# It installs what it needs (GNU time; mdBook with cargo; Hugo with apt) and skips, saying
# so, a tool it cannot get.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
SIZES=${SIZES:-"10 100 1000"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release -q
BIN=$PWD/target/release/doracak

if [ ! -x /usr/bin/time ]; then
  apt-get install -y -qq time >/dev/null 2>&1 || { echo "GNU time is missing and could not be installed" >&2; exit 1; }
fi

# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# measure PREP CMD…: run PREP then CMD, RUNS times; print "median_seconds median_peak_MiB".
# PREP ends with `sync`, so the kernel's writeback of the previous run (and of a deleted
# output) is not charged to the next one.
measure() {
  local prep=$1; shift
  local times=() mems=()
  for _ in $(seq "$RUNS"); do
    eval "$prep"
    /usr/bin/time -f "%e %M" -o "$work/t" "$@" >/dev/null 2>&1
    read -r t m < "$work/t"
    times+=("$t"); mems+=("$m")
  done
  local tm mm
  tm=$(printf '%s\n' "${times[@]}" | median)
  mm=$(printf '%s\n' "${mems[@]}" | median)
  echo "$tm $(awk -v k="$mm" 'BEGIN {printf "%.0f", k/1024}')"
}

row() { printf '| %s | %s | %s s | %s MiB |\n' "$1" "$2" "$3" "$4"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "doracak: $($BIN --version), runs per figure: $RUNS (median)"
echo
echo "| handbook | run | wall | peak RSS |"
echo "| --- | --- | --- | --- |"

declare -A WARM
# The shipped handbook.
read -r t m < <(measure "rm -rf $work/out; sync" "$BIN" build --out "$work/out")
row "shipped (10 standards)" cold "$t" "$m"
read -r t m < <(measure "sync" "$BIN" build --out "$work/out")
row "shipped (10 standards)" warm "$t" "$m"
WARM[shipped]=$t

for n in $SIZES; do
  "$BIN" synth --standards "$n" --criteria 66 --seed 7 --out "$work/syn$n" >/dev/null
  read -r t m < <(measure "rm -rf $work/syn$n/site; sync" "$BIN" --root "$work/syn$n" build)
  row "synthetic $n × 66" cold "$t" "$m"
  WARM[$n]=$t
  read -r t m < <(measure "sync" "$BIN" --root "$work/syn$n" build)
  row "synthetic $n × 66" warm "$t" "$m"
done
echo
for pair in "10 100" "100 1000"; do
  set -- $pair
  if [ -n "${WARM[$1]:-}" ] && [ -n "${WARM[$2]:-}" ]; then
    echo "growth t($2)/t($1) (cold): $(awk -v a="${WARM[$1]}" -v b="${WARM[$2]}" 'BEGIN {printf "%.1f", b/a}')"
  fi
done

# mdBook on the same text.
echo
"$BIN" synth --mdbook --out "$work/mdbook" >/dev/null
MDBOOK=$(command -v mdbook || true)
if [ -z "$MDBOOK" ]; then
  echo "(installing mdBook with cargo install mdbook --locked …)" >&2
  if cargo install mdbook --locked --root "$HOME/.cache/doracak-bench" -q >/dev/null 2>&1; then
    MDBOOK="$HOME/.cache/doracak-bench/bin/mdbook"
  fi
fi
read -r td md < <(measure "rm -rf $work/out; sync" "$BIN" build --out "$work/out")
if [ -n "$MDBOOK" ]; then
  read -r tb mb < <(measure "rm -rf $work/mdbook/book; sync" "$MDBOOK" build "$work/mdbook")
  echo "| same text | tool | wall | peak RSS |"
  echo "| --- | --- | --- | --- |"
  row "shipped" "doracak (every page type, search index)" "$td" "$md"
  row "shipped" "mdBook $($MDBOOK --version | awk '{print $2}')" "$tb" "$mb"
  echo "ratio doracak/mdBook: $(awk -v a="$td" -v b="$tb" 'BEGIN {printf "%.2f", a/b}')"
else
  echo "mdBook: skipped (cargo install mdbook failed)"
fi

# Hugo, if Debian's package installs.
HUGO=$(command -v hugo || true)
if [ -z "$HUGO" ] && apt-get install -y -qq hugo >/dev/null 2>&1; then HUGO=$(command -v hugo || true); fi
if [ -n "$HUGO" ]; then
  h="$work/hugo"
  mkdir -p "$h/content" "$h/layouts/_default"
  printf 'baseURL = "/"\ntitle = "doracak"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n' > "$h/hugo.toml"
  printf '<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>\n' > "$h/layouts/_default/single.html"
  printf '<!DOCTYPE html><html><body>{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</body></html>\n' > "$h/layouts/_default/list.html"
  for f in "$work"/mdbook/src/*.md; do
    name=$(basename "$f" .md)
    [ "$name" = SUMMARY ] && continue
    { echo "---"; echo "title: \"$name\""; echo "---"; cat "$f"; } > "$h/content/$name.md"
  done
  read -r th mh < <(measure "rm -rf $h/public; sync" "$HUGO" --quiet -s "$h")
  row "shipped" "Hugo $($HUGO version | awk '{print $2}')" "$th" "$mh"
  echo "ratio doracak/Hugo: $(awk -v a="$td" -v b="$th" 'BEGIN {printf "%.2f", a/b}')"
else
  echo "Hugo: skipped (not installable here)"
fi

# serve: rebuild after editing one standard.
echo
port=$((20000 + RANDOM % 20000))
cp -r standards content doracak.toml "$work/" 2>/dev/null || true
mkdir -p "$work/serve" && cp -r standards content doracak.toml "$work/serve/"
"$BIN" --root "$work/serve" serve --port "$port" > "$work/serve.log" 2>&1 &
spid=$!
sleep 2
first=$(ls "$work/serve/standards" | head -1)
times=()
for i in $(seq "$RUNS"); do
  before=$(grep -c 'rebuilt in' "$work/serve.log" || true)
  echo "# edit $i" >> "$work/serve/standards/$first"
  for _ in $(seq 100); do
    now=$(grep -c 'rebuilt in' "$work/serve.log" || true)
    [ "$now" -gt "$before" ] && break
    sleep 0.05
  done
  times+=("$(grep 'rebuilt in' "$work/serve.log" | tail -1 | sed 's/.*rebuilt in \([0-9]*\) ms.*/\1/')")
done
kill "$spid" 2>/dev/null || true
echo "serve rebuild after editing one standard (median of $RUNS): $(printf '%s\n' "${times[@]}" | median) ms"
