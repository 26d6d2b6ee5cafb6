#!/usr/bin/env bash
# The .deb as a user gets it: cpack -G DEB in the build folder; lintian reports no error; the
# package unpacked with dpkg -x into a temporary root holds both programs, their man pages, the
# desktop entry, icon, file types and copyright; from there tissnet prints its version and
# checks a small phantom data set, and tissnet-workbench answers --help and --version without a
# display and, started without one, says what to do and exits 1.
# Usage: test_package.sh BUILD_DIR VERSION
set -euo pipefail
build=$1 version=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
headless=(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM)

(cd "$build" && cpack -G DEB -B "$work/out") > "$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/out/tissnet-workbench_"$version"_*.deb)
echo "package: $(basename "$deb"), $(du -h "$deb" | cut -f1)"
dpkg-deb --field "$deb" Version Depends Recommends Section

lintian --tag-display-limit 0 "$deb" > "$work/lintian.txt" 2>&1 || true
cat "$work/lintian.txt"
if grep -q '^E:' "$work/lintian.txt"; then echo "lintian reports errors" >&2; exit 1; fi

root="$work/root"
dpkg -x "$deb" "$root"
for f in usr/bin/tissnet usr/bin/tissnet-workbench usr/share/man/man1/tissnet.1.gz usr/share/man/man1/tissnet-workbench.1.gz \
         usr/share/applications/tissnet-workbench.desktop usr/share/icons/hicolor/scalable/apps/tissnet.svg \
         usr/share/mime/packages/tissnet-workbench.xml usr/share/doc/tissnet-workbench/copyright \
         usr/share/doc/tissnet-workbench/changelog.gz; do
  test -e "$root/$f" || { echo "missing in the package: /$f" >&2; exit 1; }
done
zcat "$root/usr/share/man/man1/tissnet.1.gz" | grep -q "dicom" || { echo "tissnet's man page lacks its commands" >&2; exit 1; }
if command -v desktop-file-validate > /dev/null; then desktop-file-validate "$root/usr/share/applications/tissnet-workbench.desktop"; fi

"$root/usr/bin/tissnet" --version | tee "$work/version.txt"
grep -q "^tissnet $version " "$work/version.txt"
"${headless[@]}" "$root/usr/bin/tissnet-workbench" --version | grep -q "tissnet-workbench $version"
"${headless[@]}" "$root/usr/bin/tissnet-workbench" --help | grep -q -- "--open-dicom"
set +e
"${headless[@]}" "$root/usr/bin/tissnet-workbench" > "$work/nodisplay.txt" 2>&1
rc=$?
set -e
cat "$work/nodisplay.txt"
[ "$rc" = 1 ] || { echo "without a display tissnet-workbench exited $rc, not 1" >&2; exit 1; }
grep -q "xvfb-run" "$work/nodisplay.txt"

"$root/usr/bin/tissnet" phantom --layout brats --cases 2 --size 16x32x32 --anatomy ellipsoid --seed 3 --out "$work/data" > /dev/null
"$root/usr/bin/tissnet" check "$work/data"
echo "the package installs and runs"
