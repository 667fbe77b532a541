#!/usr/bin/env bash
# Build benchmark: wall time, CPU seconds (user+sys) and peak memory of a release `doracak build` on the shipped
# handbook and on synthetic handbooks of N = 10, 100, 1000 standards (66 criteria each),
# cold (no output yet; the previous run's moved aside, not deleted: see `aside`) and warm
# (previous output present), and the largest cold right after `rm -rf` of its site; the same text built by mdBook
# (and Hugo, where Debian's package installs) in the same run; the rebuild time of
# `doracak serve` after editing one standard; bytes written, per criterion, the largest file and the
# HTML pages over 5 MB of each synthetic site. Prints Markdown tables (see BENCHMARKS.md).
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

# aside DIR: the previous run's output moved out of the way, removed at the end. Deleted
# just before a build, it would charge the build for the kernel's handling of just-deleted
# files: ext4 without a journal (this project's machine) skips, one by one, every inode freed
# in the last 60 s (300 s while its table is unwritten) when it makes a file, so a build
# of 1,000 standards right after `rm -rf site` spent 4 of its 10 s there (perf:
# find_inode_bit, recently_deleted). That case has its own row below.
mkdir -p "$work/aside"
aside() { if [ -e "$1" ]; then mv "$1" "$work/aside/$(date +%s%N)"; fi; }

# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# measure PREP CMD…: run PREP then CMD, RUNS times; print "median_wall_s median_peak_MiB
# median_cpu_s" (CPU = user + system: what contention from other work on the machine does
# not inflate). PREP ends with `sync`, so the kernel's writeback of the previous run (and
# of a deleted output) is not charged to the next one.
measure() {
  local prep=$1; shift
  local times=() mems=() cpus=()
  for _ in $(seq "$RUNS"); do
    eval "$prep"
    /usr/bin/time -f "%e %M %U %S" -o "$work/t" "$@" >/dev/null 2>&1
    read -r t m u s < "$work/t"
    times+=("$t"); mems+=("$m"); cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}')")
  done
  local tm mm cm
  tm=$(printf '%s\n' "${times[@]}" | median)
  mm=$(printf '%s\n' "${mems[@]}" | median)
  cm=$(printf '%s\n' "${cpus[@]}" | median)
  echo "$tm $(awk -v k="$mm" 'BEGIN {printf "%.0f", k/1024}') $cm"
}

row() { printf '| %s | %s | %s s | %s s | %s MiB |\n' "$1" "$2" "$3" "$5" "$4"; }

# sizes DIR CRITERIA: "bytes_written KB_per_criterion largest_file largest_bytes pages_over_5MB"
sizes() {
  local bytes largest
  bytes=$(du -sb "$1" | cut -f1)
  largest=$(find "$1" -type f -printf '%s %P\n' | sort -rn | head -1)
  echo "$bytes $(awk -v b="$bytes" -v c="$2" 'BEGIN {printf "%.1f", b/c/1000}') ${largest#* } ${largest%% *} $(find "$1" -type f -name '*.html' -size +5000000c | wc -l)"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "doracak: $($BIN --version), runs per figure: $RUNS (median)"
echo
echo "| handbook | run | wall | CPU (user+sys) | peak RSS |"
echo "| --- | --- | --- | --- | --- |"

declare -A WARM CPU SIZE
# The shipped handbook.
read -r t m c < <(measure "aside $work/out; sync" "$BIN" build --out "$work/out")
row "shipped (10 standards)" cold "$t" "$m" "$c"
read -r t m c < <(measure "sync" "$BIN" build --out "$work/out")
row "shipped (10 standards)" warm "$t" "$m" "$c"
WARM[shipped]=$t

for n in $SIZES; do
  "$BIN" synth --standards "$n" --criteria 66 --seed 7 --out "$work/syn$n" >/dev/null
  read -r t m c < <(measure "aside $work/syn$n/site; sync" "$BIN" --root "$work/syn$n" build)
  row "synthetic $n × 66" cold "$t" "$m" "$c"
  WARM[$n]=$t
  CPU[$n]=$c
  SIZE[$n]=$(sizes "$work/syn$n/site" $((n * 66)))
  read -r t m c < <(measure "sync" "$BIN" --root "$work/syn$n" build)
  row "synthetic $n × 66" warm "$t" "$m" "$c"
  LAST=$n
done
# The largest once more, right after its previous site was deleted (`rm -rf site`).
if [ -n "${LAST:-}" ]; then
  read -r t m c < <(measure "rm -rf $work/syn$LAST/site; sync" "$BIN" --root "$work/syn$LAST" build)
  row "synthetic $LAST × 66" "cold, right after rm -rf of the previous site" "$t" "$m" "$c"
fi
echo
echo "| handbook | bytes written | per criterion | largest file | HTML pages over 5 MB |"
echo "| --- | --- | --- | --- | --- |"
for n in $SIZES; do
  read -r b k lf lb over <<< "${SIZE[$n]}"
  echo "| synthetic $n × 66 | $(awk -v b="$b" 'BEGIN {printf "%.1f MB", b/1e6}') | $k KB | $lf ($(awk -v b="$lb" 'BEGIN {printf "%.1f MB", b/1e6}')) | $over |"
done
echo
for pair in "10 100" "100 1000"; do
  set -- $pair
  if [ -n "${WARM[$1]:-}" ] && [ -n "${WARM[$2]:-}" ]; then
    echo "growth t($2)/t($1) (cold): wall $(awk -v a="${WARM[$1]}" -v b="${WARM[$2]}" 'BEGIN {printf "%.1f", b/a}'), CPU $(awk -v a="${CPU[$1]}" -v b="${CPU[$2]}" 'BEGIN {printf "%.1f", b/a}')"
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
# A/B alternating, one run each in turn, so both see the same load on the machine.
ab_d=() ab_b=() ab_dc=() ab_bc=()
if [ -n "$MDBOOK" ]; then
  for _ in $(seq "$RUNS"); do
    read -r t m c < <(RUNS=1 measure "aside $work/out; sync" "$BIN" build --out "$work/out")
    ab_d+=("$t"); ab_dc+=("$c"); md=$m
    read -r t m c < <(RUNS=1 measure "aside $work/mdbook/book; sync" "$MDBOOK" build "$work/mdbook")
    ab_b+=("$t"); ab_bc+=("$c"); mb=$m
  done
  td=$(printf '%s\n' "${ab_d[@]}" | median); tb=$(printf '%s\n' "${ab_b[@]}" | median)
  cd_=$(printf '%s\n' "${ab_dc[@]}" | median); cb=$(printf '%s\n' "${ab_bc[@]}" | median)
  echo "| same text | tool | wall | CPU (user+sys) | peak RSS |"
  echo "| --- | --- | --- | --- | --- |"
  row "shipped" "doracak (every page type, search index)" "$td" "$md" "$cd_"
  row "shipped" "mdBook $($MDBOOK --version | awk '{print $2}')" "$tb" "$mb" "$cb"
  echo "ratio doracak/mdBook (A/B alternating, medians of $RUNS): wall $(awk -v a="$td" -v b="$tb" 'BEGIN {printf "%.2f", a/b}'), CPU $(awk -v a="$cd_" -v b="$cb" 'BEGIN {printf "%.2f", (b > 0) ? a/b : 0}')"
else
  read -r td md cd_ < <(measure "aside $work/out; sync" "$BIN" build --out "$work/out")
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
  read -r th mh ch < <(measure "aside $h/public; sync" "$HUGO" --quiet -s "$h")
  row "shipped" "Hugo $($HUGO version | awk '{print $2}')" "$th" "$mh" "$ch"
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
