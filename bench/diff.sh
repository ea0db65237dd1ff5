#!/usr/bin/env bash
# Wall time and peak memory of `chipmap diff OLD NEW --format json` on two generated snapshot files
# (bench/gen_snapshots.py: N entries over 20 vendors; new = old with ~5% modified, ~1% removed,
# ~1% added, a few renamed), next to `diff -u OLD NEW` on the same files.
# Usage: bench/diff.sh [SIZES...]   (default 1000 10000 100000)
#   RUNS=5   timed runs per command (the median is reported)     SEED=1   generator seed
#   CHIPMAP_BIN=PATH   the binary to time (default: a release build of this tree), e.g. an older
#            build, to compare before and after in the same conditions
# Generated files are cached in ${TMPDIR:-/tmp}/chipmap-bench-diff/nSIZE-sSEED (regenerated when
# gen_snapshots.py is newer). Needs bash, python3, cargo (unless CHIPMAP_BIN is given), GNU diff, awk; /usr/bin/time is optional.
# Prints figures and the goals they are held to; exits 0 whatever they are (fails only if a run fails).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
sizes=("$@")
((${#sizes[@]})) || sizes=(1000 10000 100000)
runs=${RUNS:-5}
seed=${SEED:-1}
if [[ -n ${CHIPMAP_BIN:-} ]]; then
  bin=$CHIPMAP_BIN
else
  cargo build --release --quiet
  bin=$root/target/release/chipmap
fi
gen=$root/bench/gen_snapshots.py
# The 100k-entry snapshots are ~67 MB each, over chipmap's default limit of 64 MiB a file.
export CHIPMAP_TODAY=2026-11-30 NO_COLOR=1 CHIPMAP_MAX_FILE_MB=1024
cache=${TMPDIR:-/tmp}/chipmap-bench-diff
work=$(mktemp -d) # cwd of every run: no roadmaps/ folder above it
trap 'rm -rf "$work"' EXIT
cd "$work"
have_time=0
[[ -x /usr/bin/time ]] && have_time=1

# median wall ms of RUNS runs of the command (stdout discarded; exit status 0, or 1 for diff -u)
median_ms() {
  local times=() t0 t1 rc
  for ((i = 0; i < runs; i++)); do
    t0=$(date +%s%N)
    rc=0
    "$@" >/dev/null || rc=$?
    t1=$(date +%s%N)
    if ((rc > 1)); then
      echo "failed (exit $rc): $*" >&2
      return 1
    fi
    times+=($((t1 - t0)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END {
    m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; printf "%.1f", m / 1e6 }'
}

# peak RSS in KiB of one run, or n/a
peak_kib() {
  if ((have_time)); then
    local f=$work/time.out
    /usr/bin/time -f %M -o "$f" "$@" >/dev/null 2>&1 || true
    tail -1 "$f"
  else
    echo n/a
  fi
}

declare -A chip_ms
rows=()
for n in "${sizes[@]}"; do
  dir=$cache/n$n-s$seed
  if [[ ! -s $dir/new.yaml || $gen -nt $dir/new.yaml ]]; then
    echo "generating $n entries (seed $seed) into $dir" >&2
    python3 "$gen" "$n" "$dir" --seed "$seed"
  fi
  old=$dir/old.yaml new=$dir/new.yaml
  # one correctness look before timing: the command works and finds what the generator made
  got=$("$bin" diff "$old" "$new" --format json | python3 -c 'import json, sys; print(json.dumps(json.load(sys.stdin)["summary"], sort_keys=True))')
  want=$(python3 -c 'import json, sys; print(json.dumps(json.load(open(sys.argv[1])), sort_keys=True))' "$dir/expected.json")
  [[ $got == "$want" ]] || echo "warning: $n entries: summary $got, generator expected $want" >&2
  diff -u "$old" "$new" >/dev/null || true # warm the page cache for both
  bytes=$(($(wc -c <"$old") + $(wc -c <"$new")))
  c_ms=$(median_ms "$bin" diff "$old" "$new" --format json)
  d_ms=$(median_ms diff -u "$old" "$new")
  c_kib=$(peak_kib "$bin" diff "$old" "$new" --format json)
  chip_ms[$n]=$c_ms
  rows+=("$n $bytes $c_ms $d_ms $c_kib")
done

printf '\nchipmap diff OLD NEW --format json vs diff -u OLD NEW; median of %s runs, wall clock, cwd %s\n\n' "$runs" "$work"
printf '%s\n' "${rows[@]}" | awk '
  BEGIN {
    printf "%9s | %17s | %10s | %10s | %6s | %15s | %17s\n", "entries", "file MB (old+new)", "chipmap ms", "diff -u ms", "ratio", "chipmap peak MB", "peak / files size"
    printf "%9s-+-%17s-+-%10s-+-%10s-+-%6s-+-%15s-+-%17s\n", "---------", "-----------------", "----------", "----------", "------", "---------------", "-----------------"
  }
  {
    mb = $2 / 1048576
    ratio = ($4 > 0) ? sprintf("%.1fx", $3 / $4) : "n/a"
    if ($5 == "n/a") { pk = "n/a"; pr = "n/a" } else { pk = sprintf("%.1f", $5 / 1024); pr = sprintf("%.1fx", $5 * 1024 / $2) }
    printf "%9d | %17.1f | %10.1f | %10.1f | %6s | %15s | %17s\n", $1, mb, $3, $4, ratio, pk, pr
  }'
echo
prev=""
for n in "${sizes[@]}"; do
  if [[ -n $prev ]]; then
    awk -v a="$prev" -v b="$n" -v ta="${chip_ms[$prev]}" -v tb="${chip_ms[$n]}" 'BEGIN {
      printf "chipmap time growth %d -> %d entries: %.1fx (linear would be %.1fx)\n", a, b, (ta > 0 ? tb / ta : 0), b / a }'
  fi
  prev=$n
done
cat <<'EOF'

goals: chipmap within 5x of diff -u at 10000 entries; growth 10000 -> 100000 no worse than linear (10x);
       chipmap peak memory under 10x the two files' size.
EOF
