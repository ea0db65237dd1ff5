#!/usr/bin/env bash
# Wall time and peak memory of the pictures and documents over the shipped data, next to the
# terminal timeline (the baseline: the same load and layout, drawn as text) measured in the
# same run; and the binary's size. Usage: bench/pictures.sh [RUNS] (default 20). Asserts
# nothing.
#   CHIPMAP_BIN=PATH   the binary to time (default: a release build of this tree)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
if [[ -n ${CHIPMAP_BIN:-} ]]; then
  bin=$(realpath "$CHIPMAP_BIN")
else
  cargo build --release --quiet
  bin=$PWD/target/release/chipmap
fi
export CHIPMAP_TODAY=2026-11-30 NO_COLOR=1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

measure() { # label, then the command (its stdout is thrown away)
  local label=$1; shift
  "$@" >/dev/null 2>&1
  local times=()
  for ((i = 0; i < runs; i++)); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1
    t1=$(date +%s%N)
    times+=($(((t1 - t0) / 1000)))
  done
  local sorted median min max rss="n/a"
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  median=$(sed -n "$((runs / 2 + 1))p" <<<"$sorted")
  min=$(head -1 <<<"$sorted")
  max=$(tail -1 <<<"$sorted")
  if [[ -x /usr/bin/time ]]; then
    rss=$(/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1)" KiB"
  fi
  awk -v l="$label" -v md="$median" -v mn="$min" -v mx="$max" -v r="$rss" 'BEGIN {
    printf "%-46s median %8.2f ms   min %8.2f ms   max %8.2f ms   peak RSS %s\n", l, md / 1000, mn / 1000, mx / 1000, r }'
}

size() { # label, then the command whose stdout is measured
  local label=$1; shift
  printf '%-46s %s bytes\n' "$label" "$("$@" 2>/dev/null | wc -c)"
}

echo "binary: $(stat -c %s "$bin") bytes ($bin); $runs runs each"
measure "timeline (terminal, the baseline)" "$bin" --data roadmaps timeline --width 160
measure "timeline --format svg" "$bin" --data roadmaps timeline --format svg
measure "timeline --format png" "$bin" --data roadmaps timeline --format png
measure "timeline --format png --scale 2" "$bin" --data roadmaps timeline --format png --scale 2
size "timeline --format svg: size" "$bin" --data roadmaps timeline --format svg
size "timeline --format png: size" "$bin" --data roadmaps timeline --format png
measure "history --chart --format png (4 entries)" "$bin" --data roadmaps history nvidia/rubin nvidia/rubin-ultra intel/jaguar-shores microsoft/braga-r --chart --format png
measure "report" "$bin" --data roadmaps report
size "report: size" "$bin" --data roadmaps report
