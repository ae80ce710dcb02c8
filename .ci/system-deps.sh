#!/usr/bin/env bash
# Checks the system libraries Qt needs and installs the missing ones when we may (root on
# Debian/Ubuntu); otherwise prints the exact command and fails, so nothing breaks later with a
# cryptic "could not load the Qt platform plugin".
#   .ci/system-deps.sh test   libraries for the headless (offscreen) test run
#   .ci/system-deps.sh run    plus the X11/xcb libraries the desktop window needs
set -euo pipefail
mode=${1:-test}

# "shared object" "Debian package"
test_libs=(
  "libEGL.so.1 libegl1"
  "libGL.so.1 libgl1"
  "libfontconfig.so.1 libfontconfig1"
  "libfreetype.so.6 libfreetype6"
  "libxkbcommon.so.0 libxkbcommon0"
  "libdbus-1.so.3 libdbus-1-3"
  "libglib-2.0.so.0 libglib2.0-0"
)
run_libs=(
  "libX11-xcb.so.1 libx11-xcb1"
  "libxcb-cursor.so.0 libxcb-cursor0"
  "libxcb-icccm.so.4 libxcb-icccm4"
  "libxcb-keysyms.so.1 libxcb-keysyms1"
  "libxcb-image.so.0 libxcb-image0"
  "libxcb-randr.so.0 libxcb-randr0"
  "libxcb-render-util.so.0 libxcb-render-util0"
  "libxcb-shape.so.0 libxcb-shape0"
  "libxcb-xkb.so.1 libxcb-xkb1"
  "libxkbcommon-x11.so.0 libxkbcommon-x11-0"
)
wanted=("${test_libs[@]}")
[ "$mode" = run ] && wanted+=("${run_libs[@]}")

[ "$(uname -s)" = Linux ] || exit 0
command -v ldconfig >/dev/null || exit 0
known=$(ldconfig -p 2>/dev/null || /sbin/ldconfig -p)

missing=()
for pair in "${wanted[@]}"; do
  lib=${pair% *}; pkg=${pair#* }
  grep -q "$lib" <<<"$known" || missing+=("$pkg")
done
# Qt renders text through fontconfig; with no font at all every widget logs a warning.
if command -v fc-list >/dev/null && [ -z "$(fc-list 2>/dev/null | head -n 1)" ]; then
  missing+=(fonts-dejavu-core)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

# Debian 13 and Ubuntu 24.04 renamed glib for the 64-bit time_t transition.
if command -v apt-cache >/dev/null; then
  for i in "${!missing[@]}"; do
    if [ "${missing[$i]}" = libglib2.0-0 ] && ! apt-cache show libglib2.0-0 >/dev/null 2>&1; then
      missing[$i]=libglib2.0-0t64
    fi
  done
fi

cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing the system libraries Qt needs: ${missing[*]}"
  # Refresh the package lists only when a plain install cannot find a package.
  DEBIAN_FRONTEND=noninteractive $cmd >/dev/null 2>&1 \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive $cmd; }
else
  echo "Qt needs system libraries that are missing: ${missing[*]}" >&2
  echo "Install them with:  sudo $cmd" >&2
  exit 1
fi
