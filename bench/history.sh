#!/usr/bin/env bash
# Wall time and peak memory of `chipmap history` and `chipmap slips` over many versions:
# - snapshots: a generated data dir of SNAPSHOTS snapshots x ENTRIES entries (bench/gen_history.py),
#   next to `chipmap check` on the same dir (which reads every snapshot once);
# - git: generated repositories of the shipped roadmap with 1,000 and 10,000 commits of one or two
#   entry edits each (bench/gen_git.py), `history --git` and `slips --git` run inside them, next
#   to `git log -p -- roadmaps > /dev/null` on the same repository.
# Usage: bench/history.sh
#   RUNS=3   timed runs per command (the median is reported)     SEED=1   generator seed
#   SNAPSHOTS=200 ENTRIES=500   the snapshot data dir            COMMITS="1000 10000"   git sizes
#   CHIPMAP_BIN=PATH   the binary to time (default: a release build of this tree), e.g. an older
#            build, to compare before and after in the same conditions
# Generated data is cached in ${TMPDIR:-/tmp}/chipmap-bench-history (regenerated when a generator
# is newer) and checked with `chipmap check` when made. Needs bash, python3, git, awk, cargo
# (unless CHIPMAP_BIN is given); /usr/bin/time is optional.
# Prints figures and the goals they are held to; exits 1 if a run failed, else 0 whatever they are.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=${RUNS:-3}
seed=${SEED:-1}
snapshots=${SNAPSHOTS:-200}
entries=${ENTRIES:-500}
read -r -a commits <<<"${COMMITS:-1000 10000}"
if [[ -n ${CHIPMAP_BIN:-} ]]; then
  bin=$(realpath "$CHIPMAP_BIN")
else
  cargo build --release --quiet
  bin=$root/target/release/chipmap
fi
export CHIPMAP_TODAY=2026-11-30 NO_COLOR=1
unset CHIPMAP_DATA
cache=${TMPDIR:-/tmp}/chipmap-bench-history
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
have_time=0
[[ -x /usr/bin/time ]] && have_time=1
failed=0

# stale OUTPUT GENERATOR...: whether OUTPUT is missing or older than a generator that makes it
stale() {
  local out=$1 gen
  shift
  [[ -e $out ]] || return 0
  for gen in "$@"; do
    [[ $root/bench/$gen -nt $out ]] && return 0
  done
  return 1
}

# median wall ms of RUNS runs of the command in the current directory (stdout discarded), or
# "failed" (its stderr kept in $work/err) when a run exits other than 0
median_ms() {
  local times=() t0 t1 rc
  for ((i = 0; i < runs; i++)); do
    t0=$(date +%s%N)
    rc=0
    "$@" >/dev/null 2>"$work/err" || rc=$?
    t1=$(date +%s%N)
    if ((rc)); then
      echo "failed (exit $rc): $* (in $PWD): $(head -1 "$work/err")" >&2
      echo failed
      return
    fi
    times+=($((t1 - t0)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END {
    m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; printf "%.0f", m / 1e6 }'
}

# peak RSS in MB of one run, or n/a
peak_mb() {
  if ((have_time)) && /usr/bin/time -f %M -o "$work/time.out" "$@" >/dev/null 2>&1; then
    awk '{ kb = $1 } END { printf "%.1f", kb / 1024 }' "$work/time.out"
  else
    echo n/a
  fi
}

# row LABEL COMMAND_NAME BASELINE_NAME BASELINE_MS -- COMMAND...: times one command, adds a row
rows=()
row() {
  local label=$1 name=$2 base=$3 base_ms=$4
  shift 5
  local ms mb
  ms=$(median_ms "$@")
  if [[ $ms == failed ]]; then
    failed=1
    mb=n/a
  else
    mb=$(peak_mb "$@")
  fi
  rows+=("$label|$name|$ms|$mb|$base|$base_ms")
  last_ms=$ms
}

# ---- snapshots ------------------------------------------------------------------------------
dir=$cache/snapshots-${snapshots}x$entries-s$seed
if stale "$dir/expected.json" gen_history.py gen_snapshots.py; then
  echo "generating $snapshots snapshots x $entries entries (seed $seed) into $dir" >&2
  python3 "$root/bench/gen_history.py" "$snapshots" "$entries" "$dir" --seed "$seed"
  "$bin" check --data "$dir/roadmaps" >"$work/check" ||
    echo "warning: the generated data dir does not pass chipmap check: $(tail -3 "$work/check")" >&2
fi
data=$dir/roadmaps
mb_files=$(du -sm "$data" | cut -f1)
cd "$work"
check_ms=$(median_ms "$bin" check --data "$data")
label="$snapshots snapshots x $entries entries ($mb_files MB)"
row "$label" "history" "chipmap check" "$check_ms" -- "$bin" history --data "$data"
row "$label" "slips" "chipmap check" "$check_ms" -- "$bin" slips --data "$data"

# ---- git --------------------------------------------------------------------------------------
declare -A git_ms
for n in "${commits[@]}"; do
  repo=$cache/git-$n-s$seed
  if stale "$repo.expected.json" gen_git.py gen_history.py gen_snapshots.py; then
    echo "generating a repository of $n commits (seed $seed) into $repo" >&2
    python3 "$root/bench/gen_git.py" "$n" "$repo" --seed "$seed"
    (cd "$repo" && "$bin" check >"$work/check") ||
      echo "warning: the generated repository does not pass chipmap check: $(tail -3 "$work/check")" >&2
  fi
  cd "$repo"
  git log -p -- roadmaps >/dev/null # warm the page cache
  log_ms=$(median_ms git log -p -- roadmaps)
  label="git, $n commits"
  row "$label" "history --git" "git log -p" "$log_ms" -- "$bin" history --git
  git_ms[$n]=$last_ms
  row "$label" "slips --git" "git log -p" "$log_ms" -- "$bin" slips --git
  cd "$work"
done

printf '\n%s (%s); median of %s runs, wall clock\n\n' "$("$bin" --version)" "$bin" "$runs"
printf '%s\n' "${rows[@]}" | awk -F'|' '
  BEGIN {
    printf "%-36s | %-13s | %8s | %7s | %-13s | %8s | %6s\n", "data", "chipmap", "ms", "peak MB", "baseline", "ms", "ratio"
    printf "%-36s-+-%-13s-+-%8s-+-%7s-+-%-13s-+-%8s-+-%6s\n", "------------------------------------", "-------------", "--------", "-------", "-------------", "--------", "------"
  }
  {
    ratio = ($3 != "failed" && $6 > 0) ? sprintf("%.1fx", $3 / $6) : "n/a"
    printf "%-36s | %-13s | %8s | %7s | %-13s | %8s | %6s\n", $1, $2, $3, $4, $5, $6, ratio
  }'
echo
prev=""
for n in "${commits[@]}"; do
  if [[ -n $prev && ${git_ms[$prev]} != failed && ${git_ms[$n]} != failed ]]; then
    awk -v a="$prev" -v b="$n" -v ta="${git_ms[$prev]}" -v tb="${git_ms[$n]}" 'BEGIN {
      printf "history --git time growth %d -> %d commits: %.1fx (linear would be %.1fx)\n", a, b, (ta > 0 ? tb / ta : 0), b / a }'
  fi
  prev=$n
done
cat <<'EOF'

goals: history and slips over 200 snapshots x 500 entries under 1 s; --git under 10x git log -p
       (aim for 5x), linear in commits, peak memory that does not grow with the commits beyond
       the entries' trajectories.
EOF
((failed == 0)) || {
  echo "some runs failed (see above)" >&2
  exit 1
}
