#!/usr/bin/env bash
# Sync from a real Azurite on loopback, against baselines measured in the
# same run (Azurite is started here on a free port and stopped by its PID).
#
# sync_throughput: `holdfast-cli sync --media all --jobs 4` of 1 GiB of media
#   (16 signed packages x 4 tracks x 16 MiB) into a new cache, against curl
#   downloading the same 64 blobs to files, 4 at a time (xargs -P 4), in
#   alternating rounds. Holdfast's time is the engine's own (elapsed_ms of the
#   --json summary: listing, signature checks, download, SHA-256, AES-GCM,
#   fdatasync and commit), not the 0.7 s passphrase KDF at start-up. Both
#   sides end durable, as in bench_blob_store.sh: curl's time includes
#   `sync FILE...` (an fsync of each downloaded file), since each blob the
#   sync commits has been fdatasync'ed; the time before that fsync is printed
#   too. Target >= 0.8x curl's throughput.
# sync_peak_rss: peak RSS of that sync process while it syncs (/usr/bin/time
#   -f %M, with the peak reset through /proc/<pid>/clear_refs once the cache
#   is unlocked: Argon2id's 256 MiB, freed before the sync starts, are
#   printed separately). Target <= 200 MB.
# resync_20k: a vault of 20,000 blobs (4,000 packages of manifest, signature
#   and 3 small tracks), synced once (--media none); then a no-change re-sync,
#   against the bare listing calls it needs done by curl (the keys/ and
#   recordings/ prefixes, 5,000 names a page, following NextMarker). Best of
#   3 each. Target <= 1.5x. Then Azurite is restarted with its debug log on the
#   same data, one more re-sync runs, and the log must show no blob GET (only
#   comp=list): resync_20k_gets, target = 0.
# Usage: tests/benchmarks/bench_sync.sh <build-dir> [throughput|resync]  (default: both)
set -euo pipefail
build="$(cd "${1:?usage: bench_sync.sh <build-dir>}" && pwd)"
root="$(cd "$(dirname "$0")/../.." && pwd)"
tool="$build/tests/benchmarks/bench_sync_vault"
cli="$build/core/cli/holdfast-cli"
azurite="$root/tests/node_modules/.bin/azurite-blob"
for f in "$tool" "$cli" "$azurite"; do
    [[ -x "$f" ]] || { echo "bench_sync: missing $f (build bench_sync_vault and holdfast-cli; run install-deps)" >&2; exit 1; }
done
work="$(mktemp -d "${TMPDIR:-/tmp}/bench_sync.XXXXXX")"
azurite_pid=""
stop_azurite() {
    if [[ -n "$azurite_pid" ]]; then
        kill "$azurite_pid" 2>/dev/null || true
        wait "$azurite_pid" 2>/dev/null || true
        azurite_pid=""
    fi
}
trap 'stop_azurite; rm -rf "$work"' EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
endpoint="http://127.0.0.1:$port/devstoreaccount1"
start_azurite() { # [debug-log]
    local extra=()
    [[ -n "${1:-}" ]] && extra=(--debug "$1")
    "$azurite" --blobHost 127.0.0.1 --blobPort "$port" --location "$work/azurite" --silent "${extra[@]}" \
        >"$work/azurite.out" 2>&1 &
    azurite_pid=$!
    for _ in $(seq 200); do
        curl -s -o /dev/null "$endpoint?comp=list" && return 0
        sleep 0.1
    done
    echo "bench_sync: Azurite did not start: $(cat "$work/azurite.out")" >&2
    exit 1
}
now() { date +%s.%N; }
verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { print ((op == ">=" ? v >= t : v <= t) ? "PASS" : "MISS") }'; }
json_field() { grep '"summary":true' | sed -E "s/.*\"$1\":([0-9]+).*/\\1/"; }

export HOLDFAST_PASSPHRASE="bench passphrase"
export AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=$endpoint"
start_azurite
sas="$("$tool" sas)"

part="${2:-all}"
throughput() {
"$tool" make "$work/big" 16 4 $((16 * 1024 * 1024))
"$tool" upload "$work/big" "$endpoint" big 4
(cd "$work/big" && find recordings -name '*.webm' | sort) >"$work/big.list"
media_bytes=$(cd "$work/big" && find recordings -name '*.webm' -printf '%s\n' | awk '{ s += $1 } END { print s }')
best_curl=""
best_sync=""
rss=""
for round in 1 2 3; do
    rm -rf "$work/curl" && mkdir -p "$work/curl"
    sync
    t0=$(now)
    xargs -P 4 -I{} curl -sf --create-dirs -o "$work/curl/{}" "$endpoint/big/{}?$sas" <"$work/big.list"
    t1=$(now)
    find "$work/curl" -type f -print0 | xargs -0 sync --
    t2=$(now)
    curl_s=$(awk -v a="$t0" -v b="$t2" 'BEGIN { printf "%.3f", b - a }')
    curl_nosync_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
    rm -rf "$work/cache"
    "$cli" init --cache "$work/cache" --role officer --actor bench >/dev/null 2>&1
    sync
    : >"$work/sync.json"
    /usr/bin/time -f '%M' -o "$work/rss" \
        "$cli" sync --cache "$work/cache" --role officer --actor bench --vault azure://big --jobs 4 --json \
        >"$work/sync.json" &
    time_pid=$!
    # Once the listing starts the cache is unlocked and the passphrase KDF's
    # 256 MiB are freed: reset the peak (clear_refs 5) so that %M is the
    # sync's own; the KDF's peak is reported separately.
    for _ in $(seq 1000); do
        grep -q '"stage":"listing"' "$work/sync.json" && break
        sleep 0.01
    done
    cli_pid=$(pgrep -P "$time_pid" -x holdfast-cli)
    unlock_rss=$(awk '/^VmHWM/ { print $2 }' "/proc/$cli_pid/status")
    echo 5 >"/proc/$cli_pid/clear_refs"
    wait "$time_pid"
    sync_s=$(json_field elapsed_ms <"$work/sync.json" | awk '{ printf "%.3f", $1 / 1000 }')
    fetched=$(json_field media_bytes <"$work/sync.json")
    [[ "$fetched" == "$media_bytes" ]] || { echo "bench_sync: the sync fetched $fetched of $media_bytes bytes" >&2; exit 1; }
    echo "round $round: curl ${curl_s}s (${curl_nosync_s}s before its fsync), holdfast ${sync_s}s, peak RSS while syncing $(cat "$work/rss") KiB (while unlocking $unlock_rss KiB)"
    best_curl=$(awk -v a="$curl_s" -v b="$best_curl" 'BEGIN { print (b == "" || a < b) ? a : b }')
    best_sync=$(awk -v a="$sync_s" -v b="$best_sync" 'BEGIN { print (b == "" || a < b) ? a : b }')
    rss=$(awk -v a="$(cat "$work/rss")" -v b="$rss" 'BEGIN { print (b == "" || a > b) ? a : b }')
done
ratio=$(awk -v c="$best_curl" -v s="$best_sync" 'BEGIN { printf "%.2f", c / s }')
mbps=$(awk -v b="$media_bytes" -v s="$best_sync" 'BEGIN { printf "%.0f", b / s / 1048576 }')
curl_mbps=$(awk -v b="$media_bytes" -v s="$best_curl" 'BEGIN { printf "%.0f", b / s / 1048576 }')
echo "holdfast $mbps MiB/s, curl $curl_mbps MiB/s over $((media_bytes / 1048576)) MiB"
echo "BENCH sync_throughput: $ratio x curl (target >= 0.8) $(verdict "$ratio" 0.8 '>=')"
rss_mb=$(awk -v k="$rss" 'BEGIN { printf "%.0f", k * 1024 / 1000000 }')
echo "BENCH sync_peak_rss: $rss_mb MB (target <= 200) $(verdict "$rss_mb" 200 '<=')"
rm -rf "$work/cache" "$work/curl" "$work/big"
}

resync() {
"$tool" make "$work/many" 4000 3 2048
"$tool" upload "$work/many" "$endpoint" many 16
blobs=$(find "$work/many" -type f | wc -l)
"$cli" init --cache "$work/cache" --role officer --actor bench >/dev/null 2>&1
"$cli" sync --cache "$work/cache" --role officer --actor bench --vault azure://many --media none --json >"$work/first.json"
list_all() { # prefix -> number of names
    local marker="" names=0 page
    while :; do
        page=$(curl -sf "$endpoint/many?restype=container&comp=list&prefix=$1&maxresults=5000&marker=$marker&$sas")
        names=$((names + $(grep -o '<Blob>' <<<"$page" | wc -l)))
        marker=$(grep -o '<NextMarker>[^<]*' <<<"$page" | cut -c13- || true)
        [[ -n "$marker" ]] || break
    done
    echo "$names"
}
best_list=""
best_resync=""
for round in 1 2 3; do
    t0=$(now)
    listed=$(($(list_all keys/) + $(list_all recordings/)))
    t1=$(now)
    list_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
    [[ "$listed" == "$blobs" ]] || { echo "bench_sync: curl listed $listed of $blobs blobs" >&2; exit 1; }
    "$cli" sync --cache "$work/cache" --role officer --actor bench --vault azure://many --media none --json >"$work/again.json"
    unchanged=$(json_field unchanged <"$work/again.json")
    [[ "$unchanged" == 4000 ]] || { echo "bench_sync: re-sync found $unchanged unchanged packages" >&2; exit 1; }
    resync_s=$(json_field elapsed_ms <"$work/again.json" | awk '{ printf "%.3f", $1 / 1000 }')
    echo "round $round: bare listing ${list_s}s, no-change re-sync ${resync_s}s"
    best_list=$(awk -v a="$list_s" -v b="$best_list" 'BEGIN { print (b == "" || a < b) ? a : b }')
    best_resync=$(awk -v a="$resync_s" -v b="$best_resync" 'BEGIN { print (b == "" || a < b) ? a : b }')
done
ratio=$(awk -v l="$best_list" -v r="$best_resync" 'BEGIN { printf "%.2f", r / l }')
echo "BENCH resync_20k: $ratio x bare listing ($blobs blobs, ${best_resync}s vs ${best_list}s) (target <= 1.5) $(verdict "$ratio" 1.5 '<=')"

stop_azurite
start_azurite "$work/debug.log"
"$cli" sync --cache "$work/cache" --role officer --actor bench --vault azure://many --media none --json >/dev/null
stop_azurite
requests=$(grep -cE 'RequestMethod=GET|Method: GET' "$work/debug.log" || true)
lists=$(grep -E 'RequestMethod=GET|Method: GET' "$work/debug.log" | grep -c 'comp=list' || true)
gets=$((requests - lists))
echo "debug log: $requests GET requests, $lists of them list calls"
[[ "$requests" -gt 0 ]] || { echo "bench_sync: no request found in Azurite's debug log" >&2; exit 1; }
echo "BENCH resync_20k_gets: $gets GET (target <= 0) $(verdict "$gets" 0 '<=')"
}

[[ "$part" == all || "$part" == throughput ]] && throughput
[[ "$part" == all || "$part" == resync ]] && resync
exit 0
