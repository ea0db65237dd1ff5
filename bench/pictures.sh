#!/usr/bin/env bash
# Wall time and peak memory of the pictures and documents over the shipped data, next to the
# terminal timeline (the baseline: the same load and layout, drawn as text) measured in the
# same run; and the binary's size. Usage: bench/pictures.sh [RUNS] (default 20). Asserts
# nothing.
#   CHIPMAP_BIN=PATH   the binary to time (default: a release build of this tree)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
# shellcheck source=bench/measure.sh
source bench/measure.sh
bin=$(chipmap_bin)
export CHIPMAP_TODAY=2026-11-30 NO_COLOR=1

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
