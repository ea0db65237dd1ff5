#!/usr/bin/env bash
# Wall time of `chipmap check` on large and hostile files (bench/gen_check.py), next to a plain
# file of the same size: every rule should cost time linear in the file's size, so each shape's
# row should grow like the plain row and stay within a small factor of it.
# Usage: bench/check.sh [SIZES...]   (default 1000 2000 4000 8000 16000)
#   RUNS=3      timed runs per cell (the median is reported)
#   LIMIT=60    seconds a run may take; a slower one is printed as >LIMITs, and the larger sizes
#               of that shape are then skipped (printed as `-`)
#   CHIPMAP_BIN=PATH   the binary to time (default: a release build of this tree), e.g. an
#               older build, to compare before and after in the same conditions
# Generated files live in a temporary directory, removed on exit. Needs bash, python3, cargo
# (unless CHIPMAP_BIN is given), coreutils `timeout`; /usr/bin/time is optional (peak memory).
# Prints figures; asserts nothing (fails only if a run fails other than by finding problems).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
sizes=("$@")
((${#sizes[@]})) || sizes=(1000 2000 4000 8000 16000)
runs=${RUNS:-3}
limit=${LIMIT:-60}
if [[ -n ${CHIPMAP_BIN:-} ]]; then
  bin=$CHIPMAP_BIN
else
  cargo build --release --quiet
  bin=$root/target/release/chipmap
fi
gen=$root/bench/gen_check.py
export CHIPMAP_TODAY=2026-11-30 NO_COLOR=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
have_time=0
[[ -x /usr/bin/time ]] && have_time=1

# Prints the median wall ms of RUNS runs of `check` on data dir $1, or >LIMITs.
median_ms() {
  local dir=$1 times=() t0 t1 rc
  for ((i = 0; i < runs; i++)); do
    t0=$(date +%s%N)
    rc=0
    timeout "$limit" "$bin" --data "$dir" check >/dev/null 2>&1 || rc=$?
    t1=$(date +%s%N)
    if ((rc == 124)); then
      echo ">${limit}s"
      return
    fi
    if ((rc > 1)); then
      echo "check failed (exit $rc) on $dir" >&2
      return 1
    fi
    times+=($((t1 - t0)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END {
    m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; printf "%.0f", m / 1e6 }'
}

# Prints peak RSS in MB and stdout size in KB of one run of `check` on data dir $1.
peak_and_output() {
  local dir=$1 out=$work/out.txt
  if ((have_time)); then
    /usr/bin/time -f %M -o "$work/time.out" timeout "$limit" "$bin" --data "$dir" check >"$out" 2>/dev/null || true
    awk -v kib="$(tail -1 "$work/time.out")" -v b="$(wc -c <"$out")" 'BEGIN { printf "%.1f %.1f", kib / 1024, b / 1024 }'
  else
    timeout "$limit" "$bin" --data "$dir" check >"$out" 2>/dev/null || true
    awk -v b="$(wc -c <"$out")" 'BEGIN { printf "n/a %.1f", b / 1024 }'
  fi
}

# Generates SHAPE of size N into a fresh data directory and prints its path.
generate() {
  local dir=$work/$1-$2
  python3 "$gen" "$1" "$2" "$dir"
  echo "$dir"
}

echo "binary: $bin; median of $runs runs, wall clock, limit ${limit}s per run"
echo
shapes=(plain chain cycle errors unknown specs aliases)
printf '%-10s' "shape"
for n in "${sizes[@]}"; do printf ' | %10s' "N=$n"; done
printf ' | %s\n' "what N counts"
for shape in "${shapes[@]}"; do
  printf '%-10s' "$shape"
  over=0
  for n in "${sizes[@]}"; do
    if ((over)); then
      printf ' | %10s' "-"
      continue
    fi
    dir=$(generate "$shape" "$n")
    cat "$dir/v.yaml" >/dev/null # warm the page cache
    ms=$(median_ms "$dir")
    [[ $ms == ">"* ]] && over=1
    printf ' | %10s' "$ms"
    rm -rf "$dir"
  done
  case $shape in
    plain) what="valid entries (the baseline)" ;;
    chain) what="entries in one predecessor chain" ;;
    cycle) what="entries in one predecessor cycle" ;;
    errors) what="entries, each with a problem" ;;
    unknown) what="entries, each with an unknown predecessor" ;;
    specs) what="specs in one entry" ;;
    aliases) what="aliases in one entry, half of them repeats" ;;
  esac
  printf ' | %s\n' "$what"
done
echo "(milliseconds)"

# Two shapes of a fixed size, each next to a plain file of about the same number of bytes.
plain_for_bytes() { # bytes -> a plain data dir of about that size
  local probe per
  probe=$(generate plain 1000)
  per=$(($(wc -c <"$probe/v.yaml") / 1000))
  rm -rf "$probe"
  generate plain $(($1 / per))
}
echo
printf '%-44s | %10s | %8s | %14s | %10s\n' "file" "MB" "ms" "peak RSS MB" "output KB"
fixed() { # label, data dir
  local ms mb pk
  ms=$(median_ms "$2")
  mb=$(awk -v b="$(wc -c <"$2/v.yaml")" 'BEGIN { printf "%.1f", b / 1048576 }')
  pk=$(peak_and_output "$2")
  printf '%-44s | %10s | %8s | %14s | %10s\n' "$1" "$mb" "$ms" "${pk% *}" "${pk#* }"
  rm -rf "$2"
}
dir=$(generate specs 100000)
bytes=$(wc -c <"$dir/v.yaml")
fixed "one entry with 100,000 specs" "$dir"
fixed "  plain entries, same size" "$(plain_for_bytes "$bytes")"
dir=$(generate longline 10000000)
bytes=$(wc -c <"$dir/v.yaml")
fixed "one 10 MB line with a problem at its end" "$dir"
fixed "  plain entries, same size" "$(plain_for_bytes "$bytes")"
