#!/usr/bin/env bash
# Desktop app on a cache of 100,000 recordings (real Argon2id cost): time from
# process start to the unlocked, painted library; scrolling the list from top
# to bottom one page per frame; peak resident memory. Offscreen platform.
# Prints:
#   BENCH desktop_cold_start: <ms> ms (target <= 1500 ms) PASS|MISS
#   BENCH desktop_scroll_frame_max: <ms> ms, p99 <ms> ms over <n> frames; ... (target < 16 ms) PASS|MISS
#   BENCH desktop_rss: <MB> MB (target <= 300 MB) PASS|MISS
# Usage: bench_desktop_start.sh <build-dir> [recordings]
set -euo pipefail
build="${1:?usage: bench_desktop_start.sh <build-dir> [recordings]}"
count="${2:-100000}"
bench="$build/tests/benchmarks/holdfast-bench-desktop-start"
if [[ ! -x "$bench" ]]; then
    echo "bench_desktop_start.sh: $bench not built (cmake --build $build --target holdfast-bench-desktop-start)" >&2
    exit 2
fi
base="${HOLDFAST_BENCH_TMP:-${TMPDIR:-/var/tmp}}"
work="$(mktemp -d "$base/holdfast-bench-desktop.XXXXXX")"
trap 'rm -rf "$work"' EXIT
echo "bench passphrase for a throwaway cache" >"$work/passphrase"
export QT_QPA_PLATFORM=offscreen

"$bench" --fill "$work/cache" --count "$count" --passphrase-file "$work/passphrase" >/dev/null
# Warm the page cache once (a "cold start" of the program, not of the disk).
"$bench" --measure "$work/cache" --passphrase-file "$work/passphrase" >/dev/null
"$bench" --measure "$work/cache" --passphrase-file "$work/passphrase" >"$work/out"

value() { awk -v k="$1" '$1 == k { print $2 }' "$work/out"; }
# The longest frame: wall, the GUI thread's CPU time, its context switches and major faults.
longest() {
    awk '$1 == "longest_frame" { printf "%s ms wall, %s ms CPU, %s voluntary and %s involuntary switch(es), %s major fault(s), frame %s", $2, $3, $4, $5, $6, $7 }
         $1 == "longest_frame_event" { event = sprintf(", its slowest event %s ms (%s)", $3, $2) }
         END { printf "%s", event }' "$work/out"
}
verdict() { awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN { ok = (op == "<=") ? v <= t : v < t; print ok ? "PASS" : "MISS" }'; }
start=$(value start_ms)
frame_max=$(value frame_max_ms)
frame_p99=$(value frame_p99_ms)
frames=$(value frames)
rss=$(value rss_mb)
echo "BENCH desktop_cold_start: $start ms with $(value start_rows) of $count rows loaded (target <= 1500 ms) $(verdict "$start" "<=" 1500)"
echo "BENCH desktop_scroll_frame_max: $frame_max ms, p99 $frame_p99 ms over $frames frames; frames that inserted a page: max $(value fetch_frame_max_ms) ms, others: max $(value other_frame_max_ms) ms; GUI thread CPU per frame: max $(value frame_cpu_max_ms) ms; longest frame: $(longest); $(value starved_frames) frame(s) waited for a page; at most $(value paints_per_frame_max) paint(s) per frame (target < 16 ms) $(verdict "$frame_max" "<" 16)"
echo "BENCH desktop_rss: $rss MB (target <= 300 MB) $(verdict "$rss" "<=" 300)"
