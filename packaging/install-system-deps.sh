#!/bin/sh
# Installs what wadesk needs from Debian's packages: Graphviz's dot and Xvfb.
set -e
missing=""
command -v dot >/dev/null 2>&1 || missing="$missing graphviz"
command -v Xvfb >/dev/null 2>&1 || missing="$missing xvfb"
# The validators and cache tools of the desktop integration (packaging/linux), which the tests run.
command -v desktop-file-validate >/dev/null 2>&1 || missing="$missing desktop-file-utils"
command -v appstreamcli >/dev/null 2>&1 || missing="$missing appstream"
command -v update-mime-database >/dev/null 2>&1 || missing="$missing shared-mime-info"
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
    echo "Please install:$missing (Graphviz, Xvfb, desktop-file-utils, AppStream) with your package manager." >&2
    exit 1
fi
echo "Installing from Debian's packages:$missing"
# Another install (unattended-upgrades, a second terminal) may hold the package locks: wait for it
# rather than fail. apt-get waits for the dpkg lock itself with DPkg::Lock::Timeout; the package
# lists lock of `apt-get update` is retried here, up to the same ten minutes.
WAIT=600
apt_get() {
    waited=0
    while :; do
        if out=$($SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=$WAIT "$@" 2>&1); then
            return 0
        fi
        case "$out" in
            *"Could not get lock"*|*"Unable to acquire"*|*"is held by process"*)
                if [ "$waited" -ge "$WAIT" ]; then echo "$out" >&2; return 1; fi
                [ "$waited" -gt 0 ] || echo "Waiting for another package install to finish..."
                sleep 5
                waited=$((waited + 5)) ;;
            *) echo "$out" >&2; return 1 ;;
        esac
    done
}
apt_get update -qq
apt_get install -y -qq $missing
