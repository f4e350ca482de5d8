#!/usr/bin/env bash
# Installs what Holdfast needs to build, run and test on Debian 12 (bookworm).
# Idempotent: installs only what is missing and says what it does.
#   packaging/install-deps.sh            build + run + test dependencies
#   packaging/install-deps.sh --runtime  only what the installed app needs
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

runtime_packages=(
    libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6multimedia6 qt6-qpa-plugins
    libgstreamer1.0-0 gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad
    gstreamer1.0-libav gstreamer1.0-pulseaudio gstreamer1.0-x
    libsqlcipher0 libssl3 libargon2-1 libespeak-ng1 espeak-ng-data fonts-dejavu-core
    libkf5syntaxhighlighting-tools libqt6svg6 qt6-translations-l10n
)
build_packages=(
    cmake ninja-build pkg-config g++ make git clang-format
    qt6-base-dev qt6-base-dev-tools qt6-multimedia-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
    libgl-dev libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev
    libsqlcipher-dev libssl-dev libargon2-dev libespeak-ng-dev
)
test_packages=(
    gstreamer1.0-tools espeak-ng sqlcipher sqlite3 openssl sox libsox-fmt-all
    xvfb xauth imagemagick pulseaudio pulseaudio-utils appstream dpkg-dev file curl time desktop-file-utils python3
    nodejs npm
)

packages=("${runtime_packages[@]}")
if [[ "${1:-}" != "--runtime" ]]; then
    packages+=("${build_packages[@]}" "${test_packages[@]}")
fi

as_root() {
    if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

is_installed() {
    dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null | grep -qx installed
}

missing=()
for package in "${packages[@]}"; do
    # A newer Node.js from another source also satisfies the test tools.
    if [[ "$package" == nodejs || "$package" == npm ]] && command -v "${package/nodejs/node}" >/dev/null; then
        continue
    fi
    is_installed "$package" || missing+=("$package")
done

if ((${#missing[@]})); then
    echo "install-deps: installing ${#missing[@]} Debian packages: ${missing[*]}"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
else
    echo "install-deps: all ${#packages[@]} Debian packages present"
fi

if [[ "${1:-}" != "--runtime" ]]; then
    # Test-only npm tools (Azurite, @azure/storage-blob), pinned by tests/package-lock.json.
    stamp="$root/tests/node_modules/.holdfast-lock.sha256"
    want="$(sha256sum "$root/tests/package-lock.json" | cut -d' ' -f1)"
    if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
        echo "install-deps: npm test tools present"
    else
        echo "install-deps: installing npm test tools from tests/package-lock.json"
        (cd "$root/tests" && npm ci --no-audit --no-fund --loglevel=error)
        echo "$want" >"$stamp"
    fi
fi
