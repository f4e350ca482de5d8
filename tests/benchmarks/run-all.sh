#!/usr/bin/env bash
# Runs every benchmark; each prints `BENCH <name>: <value> <unit> (target <op> <value>) PASS|MISS`.
# Usage: tests/benchmarks/run-all.sh <build-dir>
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="$(cd "${1:?usage: run-all.sh <build-dir>}" && pwd)"
status=0
for bench in "$here"/bench_*.sh; do
    echo "== $(basename "$bench")"
    "$bench" "$build" || status=1
done
exit $status
