#!/usr/bin/env bash
# The review player on the sync test call (mixed audio, two participants'
# audio and camera, a screen share; a beep and a flash each second) in an
# encrypted cache, offscreen, with a fakesink as the audio output (this
# machine has no sound card): HOLDFAST_AUDIO_SINK="fakesink sync=true".
# Prints:
#   BENCH player_first_frame: <ms> ms, <r>× QMediaPlayer (<ms> ms) (target <= 300 ms and <= 1.5×) PASS|MISS
#   BENCH player_seek: <ms> ms, <r>× playbin (<ms> ms) ... (target <= 250 ms and <= 1.5×) PASS|MISS
#   BENCH player_drift_1x: <ms> ms ... (target <= 40 ms) PASS|MISS
#   BENCH player_drift_2x: <ms> ms ... (target <= 40 ms) PASS|MISS
#   BENCH player_cpu: <pct> % of one core ... (target <= 60 %) PASS|MISS
# Usage: bench_player.sh <build-dir> [drift-seconds per rate (default 600)] [cpu-seconds (default 30)]
#                         [figure ...]
# Figures: first-frame seek drift-1x drift-2x cpu (default: all), e.g.
# "bench_player.sh build 120 30 drift-2x" for a short drift run at 2× only.
# HOLDFAST_BENCH_LOG_DIR=DIR keeps every round's figures there.
set -euo pipefail
build="${1:?usage: bench_player.sh <build-dir> [drift-seconds] [cpu-seconds]}"
drift_s="${2:-600}"
cpu_s="${3:-30}"
shift $(($# < 3 ? $# : 3))
figures=" ${*:-first-frame seek drift-1x drift-2x cpu} "
for figure in $figures; do
    case "$figure" in
    first-frame | seek | drift-1x | drift-2x | cpu) ;;
    *)
        echo "bench_player.sh: unknown figure $figure (first-frame, seek, drift-1x, drift-2x, cpu)" >&2
        exit 2
        ;;
    esac
done
wanted() { [[ "$figures" == *" $1 "* ]]; }
bench="$build/tests/benchmarks/holdfast-bench-player"
cli="$build/core/cli/holdfast-cli"
for program in "$bench" "$cli"; do
    if [[ ! -x "$program" ]]; then
        echo "bench_player.sh: $program not built (cmake --build $build --target holdfast-bench-player holdfast-cli)" >&2
        exit 2
    fi
done
base="${HOLDFAST_BENCH_TMP:-${TMPDIR:-/var/tmp}}"
work="$(mktemp -d "$base/holdfast-bench-player.XXXXXX")"
keep_logs() {
    if [[ -n "${HOLDFAST_BENCH_LOG_DIR:-}" ]]; then
        mkdir -p "$HOLDFAST_BENCH_LOG_DIR" && cp "$work"/first* "$work"/seek* "$work"/drift* "$work"/cpu* "$HOLDFAST_BENCH_LOG_DIR"/ 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap keep_logs EXIT
echo "bench passphrase for a throwaway cache" >"$work/passphrase"
export QT_QPA_PLATFORM=offscreen
export HOLDFAST_AUDIO_SINK="fakesink sync=true"
export QT_MEDIA_BACKEND=gstreamer # Qt 6.4's default on Linux, named so the baseline cannot change under us

"$cli" demo-vault --out "$work/vault" --calls 0 --sync-test >/dev/null
"$cli" init --cache "$work/cache" --passphrase-file "$work/passphrase" >/dev/null
"$cli" import --cache "$work/cache" --vault "$work/vault" --passphrase-file "$work/passphrase" >/dev/null
run() { "$bench" --cache "$work/cache" --passphrase-file "$work/passphrase" --vault "$work/vault" "$@"; }

value() { awk -v k="$1" '$1 == k { print $2 }' "$2"; }
verdict() { awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN { ok = (op == "<=") ? v <= t : v < t; print ok ? "PASS" : "MISS" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
both() { [[ "$1" == PASS && "$2" == PASS ]] && echo PASS || echo MISS; }
load() { cut -d, -f1 /proc/loadavg | awk '{ print $1 }'; }

# First frame: median of 9 alternating rounds of each side.
if wanted first-frame; then
    run --mode first-frame --rounds 9 >"$work/first" 2>"$work/first.err" || { cat "$work/first.err" >&2; exit 1; }
    ours=$(value first_frame_ms "$work/first")
    plain=$(value qmediaplayer_ms "$work/first")
    r=$(ratio "$ours" "$plain")
    ok=$(both "$(verdict "$ours" "<=" 300)" "$(verdict "$r" "<=" 1.5)")
    [[ "$(value wrong_tracks "$work/first")" == 0 ]] || ok=MISS
    echo "BENCH player_first_frame: $ours ms, ${r}× QMediaPlayer ($plain ms) (median of $(value rounds "$work/first"), $(value tracks "$work/first") tracks; ours $(value first_frame_min_ms "$work/first")–$(value first_frame_max_ms "$work/first") ms; $(value wrong_tracks "$work/first") track(s) without their first frame; load $(load)) (target <= 300 ms and <= 1.5×) $ok"

fi

# Seek: median of 20 random targets, each sought by both sides in turn.
if wanted seek; then
    run --mode seek --rounds 20 >"$work/seek" 2>"$work/seek.err" || { cat "$work/seek.err" >&2; exit 1; }
    ours=$(value seek_ms "$work/seek")
    plain=$(value playbin_ms "$work/seek")
    r=$(ratio "$ours" "$plain")
    ok=$(both "$(verdict "$ours" "<=" 250)" "$(verdict "$r" "<=" 1.5)")
    [[ "$(value wrong_frames "$work/seek")" == 0 ]] || ok=MISS
    echo "BENCH player_seek: $ours ms, ${r}× playbin ($plain ms) (median of $(value targets "$work/seek") targets; max $(value seek_max_ms "$work/seek") ms; the screen share ready after $(value seek_screen_track_ms "$work/seek") ms; six bare playbins on all six files $(value playbins_all_tracks_ms "$work/seek") ms; $(value wrong_frames "$work/seek") wrong frame(s), playbin $(value playbin_wrong_frames "$work/seek"); load $(load)) (target <= 250 ms and <= 1.5×) $ok"

fi

# Drift at 1× and 2×: 20 seeks spread over drift_s seconds of play each.
for rate in 1 2; do
    wanted "drift-${rate}x" || continue
    run --mode drift --rate "$rate" --duration-s "$drift_s" >"$work/drift$rate" 2>"$work/drift$rate.err" ||
        { cat "$work/drift$rate.err" >&2; exit 1; }
    max=$(value drift_max_ms "$work/drift$rate")
    echo "BENCH player_drift_${rate}x: $max ms between two tracks (p99 $(value drift_p99_ms "$work/drift$rate") ms, median $(value drift_median_ms "$work/drift$rate") ms over $(value drift_samples "$work/drift$rate") samples in $drift_s s with $(value seeks "$work/drift$rate") seeks; worst pair $(value drift_max_pair "$work/drift$rate") at call time $(value drift_max_at_call_ms "$work/drift$rate") ms; the first $(value settle_window_ms "$work/drift$rate") ms after each start not counted, max $(value settling_max_ms "$work/drift$rate") ms there; $(value above_target "$work/drift$rate") sample(s) above 40 ms, $(value above_target_after_pause "$work/drift$rate") of them right after a processor paused for half their wall time or more; the machine paused $(value machine_pauses_over_10ms "$work/drift$rate") times for more than 10 ms, longest $(value machine_pause_longest_ms "$work/drift$rate") ms; probes: $(awk '$1 == "stalls_probe" { printf "%s%s %s longest %s ms", n++ ? ", " : "", $2, $3, $9 }' "$work/drift$rate"); load $(load)) (target <= 40 ms) $(verdict "$max" "<=" 40)"
done

# CPU of the real player widget playing every track.
wanted cpu || exit 0
run --mode cpu --duration-s "$cpu_s" >"$work/cpu" 2>"$work/cpu.err" || { cat "$work/cpu.err" >&2; exit 1; }
cpu=$(value cpu_percent "$work/cpu")
echo "BENCH player_cpu: $cpu % of one core ($(value cpu_s "$work/cpu") s CPU in $(value wall_s "$work/cpu") s, $(value played_ms "$work/cpu") ms of the call played; $(value tracks "$work/cpu") pipelines: $(value visual_tracks "$work/cpu") pictures, $(value muted_tracks "$work/cpu") muted; load $(load)) (target <= 60 %) $(verdict "$cpu" "<=" 60)"
