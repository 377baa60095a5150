#!/bin/sh
# Installs or removes wadesk's desktop integration for the current user: the menu entry, the icon,
# the AppStream metainfo and the *.wadesk file type (so a double-click opens the editor).
#
#   desktop-integration.sh install     # into $XDG_DATA_HOME (default ~/.local/share)
#   desktop-integration.sh uninstall
#
# WADESK names the program the menu entry and double-clicks run (default: `wadesk` on the PATH);
# `make install-desktop` sets it to the checkout's .venv/bin/wadesk, the standalone bundle to its binary.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
app_id=io.github.wadesk.wadesk
data=${XDG_DATA_HOME:-$HOME/.local/share}
program=${WADESK:-wadesk}
sizes="16 22 24 32 48 64 128 256 512"

# Every file this script owns, relative to $data.
owned_files() {
    echo "applications/$app_id.desktop"
    echo "metainfo/$app_id.metainfo.xml"
    echo "mime/packages/$app_id.xml"
    echo "icons/hicolor/scalable/apps/$app_id.svg"
    for size in $sizes; do echo "icons/hicolor/${size}x${size}/apps/$app_id.png"; done
}

# Rebuild the caches desktops read (file types, and which program opens them) when the tools exist.
# (No icon cache: desktops read a user's icon folder without one.)
refresh_caches() {
    if command -v update-mime-database >/dev/null 2>&1; then update-mime-database "$data/mime"; fi
    if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database "$data/applications"; fi
}

install_files() {
    case $program in
        *[\"\`\$\\]*) echo "desktop-integration.sh: cannot put $program in a desktop entry" >&2; exit 2 ;;
    esac
    if [ "$program" != wadesk ] && [ ! -x "$program" ]; then
        echo "desktop-integration.sh: $program is not an executable file (set WADESK to the wadesk program)" >&2
        exit 2
    fi
    mkdir -p "$data/applications" "$data/metainfo" "$data/mime/packages" "$data/icons/hicolor/scalable/apps"
    sed "s|^Exec=wadesk |Exec=\"$program\" |" "$here/$app_id.desktop" > "$data/applications/$app_id.desktop"
    cp "$here/$app_id.metainfo.xml" "$data/metainfo/"
    cp "$here/$app_id.xml" "$data/mime/packages/"
    cp "$here/icons/hicolor/scalable/apps/$app_id.svg" "$data/icons/hicolor/scalable/apps/"
    for size in $sizes; do
        mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
        cp "$here/icons/hicolor/${size}x${size}/apps/$app_id.png" "$data/icons/hicolor/${size}x${size}/apps/"
    done
    refresh_caches
    echo "Installed the wadesk desktop entry, icons and *.wadesk file type under $data (runs $program)."
}

uninstall_files() {
    for file in $(owned_files); do rm -f "$data/$file"; done
    if [ -d "$data/mime" ] && [ -d "$data/applications" ]; then refresh_caches; fi
    echo "Removed the wadesk desktop entry, icons and *.wadesk file type from $data."
}

case ${1:-} in
    install) install_files ;;
    uninstall) uninstall_files ;;
    *) echo "usage: $0 install|uninstall" >&2; exit 2 ;;
esac
