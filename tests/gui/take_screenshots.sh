#!/usr/bin/env bash
# Screenshots of the desktop app for the README, taken on Xvfb, in English and German:
#   tests/gui/take_screenshots.sh <build-dir> <cache-dir> <passphrase-file> <search-text> [out-dir]
# The cache is used as it is (make demo creates one: demo/cache, demo/passphrase.txt);
# the tour opens a search hit in the player and re-syncs the first vault account
# for the sync panel picture, so the cache gains audit events and sync history.
set -euo pipefail
build="${1:?usage: take_screenshots.sh <build-dir> <cache-dir> <passphrase-file> <search-text> [out-dir]}"
cache="${2:?cache directory}"
passphrase="${3:?passphrase file}"
search="${4:?search text}"
out="${5:-$(dirname "$0")/../../resources/screenshots}"
tour="$build/tests/gui/holdfast-screenshot-tour"
[[ -x "$tour" ]] || { echo "$tour not built (cmake --build $build --target holdfast-screenshot-tour)" >&2; exit 2; }
mkdir -p "$out"
# A private settings directory: a language chosen in the user's own settings
# must not override $LANGUAGE.
config="$(mktemp -d)"
trap 'rm -rf "$config"' EXIT
# LANGUAGE picks the UI language (the app's Translations class reads it); LC_ALL
# picks number and date formats (Qt reads the name even where glibc lacks the
# locale, so a German picture shows 1,5× and German dates).
# SCREENSHOT_LANGUAGES="de" takes one language only, e.g. from a cache that
# stored its quarantine reasons in that language.
for language in ${SCREENSHOT_LANGUAGES:-en de}; do
    case "$language" in
        en) formats=C.UTF-8 ;;
        de) formats=de_DE.UTF-8 ;;
    esac
    XDG_CONFIG_HOME="$config" LANGUAGE="$language" LC_ALL="$formats" \
        xvfb-run -a -s "-screen 0 1280x800x24" \
        "$tour" --cache "$cache" --passphrase-file "$passphrase" --search "$search" --out "$out" \
        --language "$language"
done
