#!/usr/bin/env bash
# Wall time of `chipmap timeline` (and check, and an edit's dry run) over the shipped data: median, min and max of N runs
# (each a whole process: start, load 16 files, lay out, draw, exit), plus peak memory.
# Usage: bench/timeline.sh [RUNS]   (default 200). Prints figures; asserts nothing.
#   CHIPMAP_BIN=PATH   the binary to time (default: a release build of this tree), e.g. an older
#            build, to compare before and after in the same conditions
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-200}
# shellcheck source=bench/measure.sh
source bench/measure.sh
bin=$(chipmap_bin)
export CHIPMAP_TODAY=2026-11-30 NO_COLOR=1
bytes=$(cat roadmaps/*.yaml | wc -c)
entries=$("$bin" --data roadmaps list --format csv --columns key | tail -n +2 | wc -l)

echo "shipped data: $entries entries, $bytes bytes of YAML; $runs runs each"
measure "timeline --width 80 (files on disk)" "$bin" --data roadmaps timeline --width 80
measure "timeline --width 160 (files on disk)" "$bin" --data roadmaps timeline --width 160
measure "timeline (embedded dataset)" env -C /tmp "$bin" timeline
measure "check (files on disk)" "$bin" --data roadmaps check
measure "update --dry-run (load, splice, re-check)" "$bin" --data roadmaps update nvidia/rubin-ultra --set available=2027H2 --dry-run
measure "baseline: /bin/true (process start)" /bin/true
