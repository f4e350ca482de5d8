#!/usr/bin/env bash
# test_packaging_deb.sh <build-dir> <version> [cpack]
# Packages <build-dir> with `cpack -G DEB` into a scratch directory, unpacks the
# .deb with `dpkg -x` (no root needed) and checks its files, its control
# fields, that the programs start and that the desktop files validate.
set -euo pipefail

build="$1"
version="$2"
cpack="${3:-cpack}"

work="$(mktemp -d "${TMPDIR:-/tmp}/holdfast-deb.XXXXXX")"
trap 'rm -rf "$work"' EXIT

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

for tool in dpkg-deb dpkg-shlibdeps desktop-file-validate appstreamcli readelf; do
    command -v "$tool" >/dev/null || fail "$tool is missing: run packaging/install-deps.sh"
done

echo "== cpack -G DEB ($build)"
if ! (cd "$build" && "$cpack" -G DEB -B "$work/out" --config "$build/CPackConfig.cmake") >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log" >&2
    fail "cpack -G DEB failed"
fi
shopt -s nullglob
debs=("$work"/out/*.deb)
((${#debs[@]} == 1)) || fail "expected one .deb in $work/out, found ${#debs[@]}"
deb="${debs[0]}"
arch="$(dpkg --print-architecture)"
[[ "$(basename "$deb")" == "holdfast_${version}-1_${arch}.deb" ]] || fail "unexpected file name $(basename "$deb")"

echo "== control fields"
dpkg-deb --info "$deb" control
[[ "$(dpkg-deb -f "$deb" Package)" == holdfast ]] || fail "Package is not holdfast"
[[ "$(dpkg-deb -f "$deb" Version)" == "${version}-1" ]] || fail "Version is not ${version}-1"
[[ -n "$(dpkg-deb -f "$deb" Maintainer)" ]] || fail "no Maintainer"
depends="$(dpkg-deb -f "$deb" Depends)"
# libqt6core6 comes from dpkg-shlibdeps, the others are declared by hand.
for package in libqt6core6 libqt6widgets6 gstreamer1.0-plugins-base gstreamer1.0-plugins-good \
    gstreamer1.0-plugins-bad gstreamer1.0-libav espeak-ng-data fonts-dejavu-core libkf5syntaxhighlighting-tools \
    libqt6svg6; do
    [[ ",$depends," =~ [,\ ]$package[\ ,\(] ]] || fail "Depends lacks $package: $depends"
done

echo "== contents"
dpkg-deb -c "$deb"
expected="$(printf '%s\n' \
    ./usr/bin/holdfast \
    ./usr/bin/holdfast-cli \
    ./usr/share/applications/org.holdfast.Holdfast.desktop \
    ./usr/share/icons/hicolor/scalable/apps/org.holdfast.Holdfast.svg \
    ./usr/share/metainfo/org.holdfast.Holdfast.metainfo.xml | sort)"
# Regular files and links only; directories follow from them.
actual="$(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {print $6}' | sort)"
if [[ "$actual" != "$expected" ]]; then
    diff <(echo "$expected") <(echo "$actual") >&2 || true
    fail "package contents differ from the expected list (< expected, > packaged). Tests and build artefacts must not be installed; if a new file is meant to ship, add it to this script"
fi

root="$work/root"
dpkg -x "$deb" "$root"

echo "== programs"
for program in holdfast holdfast-cli; do
    binary="$root/usr/bin/$program"
    [[ -x "$binary" ]] || fail "$program is not executable"
    if readelf -d "$binary" | grep -E 'R(UN)?PATH' | grep -qF "$build"; then
        fail "$program has an RPATH into the build directory"
    fi
    output="$("$binary" --version 2>/dev/null)" || fail "$program --version failed"
    echo "$output"
    [[ "$output" == "$program $version" ]] || fail "$program --version printed \"$output\", expected \"$program $version\""
done

echo "== desktop-file-validate"
desktop-file-validate "$root/usr/share/applications/org.holdfast.Holdfast.desktop" || fail "desktop-file-validate"

echo "== appstreamcli validate"
appstreamcli validate --no-net --pedantic "$root/usr/share/metainfo/org.holdfast.Holdfast.metainfo.xml" ||
    fail "appstreamcli validate"
# The installed tree as a whole: metainfo, its launchable .desktop file and icon together.
appstreamcli validate-tree --no-net "$root/usr" || fail "appstreamcli validate-tree"

echo "PASS: $(basename "$deb")"
