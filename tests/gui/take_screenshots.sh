#!/usr/bin/env bash
# Screenshots of the desktop app for the README, taken on Xvfb:
#   tests/gui/take_screenshots.sh <build-dir> <cache-dir> <passphrase-file> <search-text> [out-dir]
# The cache is used as it is (make demo creates one: demo/cache, demo/passphrase.txt);
# the tour re-syncs its first vault account for the sync panel picture.
set -euo pipefail
build="${1:?usage: take_screenshots.sh <build-dir> <cache-dir> <passphrase-file> <search-text> [out-dir]}"
cache="${2:?cache directory}"
passphrase="${3:?passphrase file}"
search="${4:?search text}"
out="${5:-$(dirname "$0")/../../resources/screenshots}"
tour="$build/tests/gui/holdfast-screenshot-tour"
[[ -x "$tour" ]] || { echo "$tour not built (cmake --build $build --target holdfast-screenshot-tour)" >&2; exit 2; }
mkdir -p "$out"
LANGUAGE=en LC_ALL=C.UTF-8 xvfb-run -a -s "-screen 0 1280x800x24" \
    "$tour" --cache "$cache" --passphrase-file "$passphrase" --search "$search" --out "$out" --suffix en
