#!/bin/sh
# Installs what wadesk needs from Debian's packages: Graphviz's dot and Xvfb.
set -e
missing=""
command -v dot >/dev/null 2>&1 || missing="$missing graphviz"
command -v Xvfb >/dev/null 2>&1 || missing="$missing xvfb"
# Fonts for rendering text, and the X11 libraries Qt's xcb platform loads to open a window.
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$missing fonts-dejavu-core"
for lib in libxcb-cursor.so.0:libxcb-cursor0 libxcb-icccm.so.4:libxcb-icccm4 libxcb-keysyms.so.1:libxcb-keysyms1 \
           libxcb-image.so.0:libxcb-image0 libxcb-render-util.so.0:libxcb-render-util0 \
           libxkbcommon-x11.so.0:libxkbcommon-x11-0 libEGL.so.1:libegl1 libfontconfig.so.1:libfontconfig1; do
    file=${lib%%:*}
    ldconfig -p 2>/dev/null | grep -q "$file" || missing="$missing ${lib##*:}"
done
[ -n "$missing" ] || exit 0
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "Please install:$missing (Graphviz and Xvfb) with your package manager." >&2
    exit 1
fi
echo "Installing from Debian's packages:$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
