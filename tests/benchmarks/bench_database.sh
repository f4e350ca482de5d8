#!/usr/bin/env bash
# Cache database: bulk insert and full-text query speed of the encrypted
# (SQLCipher) database against a keyless one on the same library, schema and
# page size. Corpus: 20,000 calls x 50 segments (1M segments), 200 queries.
# Prints:
#   BENCH fts_query_p95: <ms> ms, p50 <ms> ms, <ratio>x keyless (target <= 50 ms and <= 1.3x) PASS|MISS
#   BENCH bulk_insert: <s> s, <ratio>x keyless (target <= 1.2x) PASS|MISS
# Usage: bench_database.sh <build-dir> [extra holdfast-bench-database options]
set -euo pipefail
build="${1:?usage: bench_database.sh <build-dir>}"
shift
bench="$build/tests/benchmarks/holdfast-bench-database"
if [[ ! -x "$bench" ]]; then
    echo "bench_database.sh: $bench not built (cmake --build $build --target holdfast-bench-database)" >&2
    exit 2
fi

# The two databases take about 1 GB; /tmp may be a small tmpfs.
base="${HOLDFAST_BENCH_TMP:-${TMPDIR:-/var/tmp}}"
need_kb=$((3 * 1024 * 1024))
if [[ $(df -Pk "$base" | awk 'NR == 2 { print $4 }') -lt $need_kb ]]; then
    base="$build"
fi
out="$(mktemp -d "$base/holdfast-bench-db.XXXXXX")"
trap 'rm -rf "$out"' EXIT

"$bench" --dir "$out" "$@"
