#!/usr/bin/env bash
# Mutation fuzzer: builds the release binary, then for SECONDS mutates copies of the shipped
# roadmaps/ (vendor files and snapshots) and runs real commands on them (check, list, timeline,
# show, diff, snapshot --dry-run, update --dry-run), each under a timeout. A run fails on an exit
# code other than 0/1/2, "panicked" on stderr, a timeout, a raw ESC byte in its output, or a
# change to the data by a command that must not write; each failing input is kept.
# Usage: bench/fuzz.sh [SECONDS]   (default 60)
#   SEED=N        reproduce a run (the summary line prints its seed)
#   TIMEOUT=S     per-run timeout in seconds (default 10)
#   FINDINGS=DIR  where failing inputs go (default ${TMPDIR:-/tmp}/chipmap-fuzz-findings)
# Needs bash, cargo, python3. Prints one summary line; exits 1 when any run failed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
findings=${FINDINGS:-${TMPDIR:-/tmp}/chipmap-fuzz-findings}
command -v python3 >/dev/null || {
  echo "bench/fuzz.sh needs python3" >&2
  exit 2
}
cargo build --release --locked --quiet
args=(target/release/chipmap "$seconds" roadmaps "$findings" --timeout "${TIMEOUT:-10}")
[[ -n ${SEED:-} ]] && args+=(--seed "$SEED")
exec python3 bench/fuzz.py "${args[@]}"
