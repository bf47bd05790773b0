#!/usr/bin/env bash
# Set up Briefing Reader on a fresh Debian/Ubuntu machine: the system libraries Qt needs
# (installed with apt when we are root or have sudo; otherwise listed), then a virtual
# environment in .venv with the app (and, with --test, the test tools) installed.
# Usage: bash scripts/setup.sh [--test]
set -euo pipefail
cd "$(dirname "$0")/.."

extras=""
[ "${1:-}" = "--test" ] && extras="[test]"

# Shared libraries PySide6's QtGui/QtWidgets and its xcb/offscreen platform plugins load.
declare -A need=(
  [libEGL.so.1]=libegl1 [libGL.so.1]=libgl1 [libxkbcommon.so.0]=libxkbcommon0
  [libxkbcommon-x11.so.0]=libxkbcommon-x11-0 [libfontconfig.so.1]=libfontconfig1
  [libfreetype.so.6]=libfreetype6 [libglib-2.0.so.0]=libglib2.0-0 [libdbus-1.so.3]=libdbus-1-3
  [libxcb-cursor.so.0]=libxcb-cursor0 [libxcb-icccm.so.4]=libxcb-icccm4
  [libxcb-keysyms.so.1]=libxcb-keysyms1 [libxcb-image.so.0]=libxcb-image0
  [libxcb-randr.so.0]=libxcb-randr0 [libxcb-render-util.so.0]=libxcb-render-util0
  [libxcb-shape.so.0]=libxcb-shape0 [libxcb-xfixes.so.0]=libxcb-xfixes0
  [libxcb-xkb.so.1]=libxcb-xkb1 [libX11-xcb.so.1]=libx11-xcb1
)
missing=()
for lib in "${!need[@]}"; do
  ldconfig -p 2>/dev/null | grep -q "$lib" || missing+=("${need[$lib]}")
done
fc-list 2>/dev/null | grep -q . || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo="sudo"
    if [ "$(id -u)" -eq 0 ] || [ -n "$sudo" ]; then
      echo "setup: installing system libraries Qt needs: ${missing[*]}"
      $sudo apt-get update -qq
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
    else
      echo "setup: Qt needs these Debian packages; install them as root: ${missing[*]}" >&2
    fi
  else
    echo "setup: Qt needs these system libraries (Debian names): ${missing[*]}" >&2
  fi
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extras}"
# Byte-compile the app now: an editable install leaves that to Python's first run, and where
# PYTHONDONTWRITEBYTECODE is set (CI images, containers) no run ever does it, so every start
# compiled all of the app's modules again (~60 ms of each command-line import).
.venv/bin/python -m compileall -q briefing_app >/dev/null
echo "setup: ready: .venv/bin/briefing-app"
