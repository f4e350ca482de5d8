#!/usr/bin/env bash
# Demo vault generation speed: the 12 default calls must generate in under
# 3 minutes on 2 cores. Prints the total and the seconds per call-minute.
# The baseline is the call time itself: call-minutes generated vs wall time.
set -euo pipefail
build="${1:?usage: bench_demo_generation.sh <build-dir>}"
cli="$build/core/cli/holdfast-cli"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

start=$(date +%s.%N)
QT_QPA_PLATFORM=offscreen "$cli" demo-vault --out "$out/vault" --calls 12 --seed 1 >/dev/null 2>"$out/log"
end=$(date +%s.%N)

# Sum of call durations from the manifests (started_at .. ended_at).
call_ms=$(python3 - "$out/vault" <<'PY'
import datetime, json, pathlib, sys
def t(s): return datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
total = 0
for manifest in pathlib.Path(sys.argv[1]).glob("recordings/*/*/*/*/manifest.json"):
    m = json.loads(manifest.read_text())
    total += (t(m["ended_at"]) - t(m["started_at"])).total_seconds() * 1000
print(int(total))
PY
)
"$cli" verify --vault "$out/vault" >/dev/null || { echo "demo vault does not verify" >&2; exit 1; }

awk -v s="$start" -v e="$end" -v ms="$call_ms" 'BEGIN {
    total = e - s; minutes = ms / 60000.0;
    printf "BENCH demo_generation_total: %.1f s for 12 calls (target <= 180) %s\n", total, (total <= 180 ? "PASS" : "MISS");
    printf "BENCH demo_generation_rate: %.2f s per call-minute over %.1f call-minutes (target <= %.2f) %s\n",
        total / minutes, minutes, 180 / minutes, (total <= 180 ? "PASS" : "MISS");
}'
