# Sourced by the bench scripts: `chipmap_bin` prints the binary to time ($CHIPMAP_BIN, else a
# release build of this tree, built first); `measure LABEL COMMAND...` runs COMMAND $runs
# times (after one warm-up run), each a whole process with its output thrown away, and prints
# the median, min and max wall time and the peak memory of one more run.

chipmap_bin() {
  if [[ -n ${CHIPMAP_BIN:-} ]]; then
    realpath "$CHIPMAP_BIN"
  else
    cargo build --release --quiet
    echo "$PWD/target/release/chipmap"
  fi
}

measure() { # label, then the command
  local label=$1; shift
  "$@" >/dev/null 2>&1 # warm the page cache (an edit's note on stderr is not the result)
  local times=()
  for ((i = 0; i < runs; i++)); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1
    t1=$(date +%s%N)
    times+=($(((t1 - t0) / 1000)))
  done
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  local median min max
  median=$(sed -n "$((runs / 2 + 1))p" <<<"$sorted")
  min=$(head -1 <<<"$sorted")
  max=$(tail -1 <<<"$sorted")
  local rss="n/a"
  if [[ -x /usr/bin/time ]]; then
    rss=$(/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1)" KiB"
  fi
  awk -v l="$label" -v md="$median" -v mn="$min" -v mx="$max" -v r="$rss" 'BEGIN {
    printf "%-46s median %8.2f ms   min %8.2f ms   max %8.2f ms   peak RSS %s\n", l, md / 1000, mn / 1000, mx / 1000, r }'
}
