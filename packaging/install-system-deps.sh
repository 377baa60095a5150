#!/bin/sh
# Installs what wadesk needs from Debian's packages: Graphviz's dot and Xvfb.
set -e
missing=""
command -v dot >/dev/null 2>&1 || missing="$missing graphviz"
command -v Xvfb >/dev/null 2>&1 || missing="$missing xvfb"
# Qt's xcb platform and fonts for offscreen rendering.
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$missing fonts-dejavu-core"
[ -n "$missing" ] || exit 0
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "Please install:$missing (Graphviz and Xvfb) with your package manager." >&2
    exit 1
fi
echo "Installing from Debian's packages:$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
