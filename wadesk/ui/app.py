"""Starts the desktop editor."""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication

from wadesk.resources import APP_ICON, APP_ID, resource_path


def app_icon() -> QIcon:
    """The application icon, from the package's resources."""
    pixmap = QPixmap()
    pixmap.loadFromData(resource_path(APP_ICON).read_bytes(), "SVG")
    return QIcon(pixmap)


def release_clipboard() -> None:
    """Drop clipboard data this process owns.

    PySide6 crashes at interpreter exit while the clipboard still holds our
    QMimeData (seen with 6.11 on the offscreen platform), so let go first.
    """
    from wadesk.ui.document import CLIPBOARD_MIME

    clipboard = QApplication.clipboard()
    if clipboard is None:
        return
    data = clipboard.mimeData()
    # ownsClipboard() is always false on some platforms (offscreen): recognise our own data too.
    if clipboard.ownsClipboard() or (data is not None and data.hasFormat(CLIPBOARD_MIME)):
        clipboard.clear()


def run_editor(path: str | None = None, as_copy: bool = False) -> int:
    """Open the editor on ``path`` (None: a new empty design) and run until it is closed.

    ``as_copy`` opens ``path`` as an untitled copy (the examples), so Save never overwrites it.
    """
    from wadesk.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("wadesk")
    app.setOrganizationName("wadesk")
    app.setDesktopFileName(APP_ID)  # lets the desktop match windows to the menu entry and its icon
    app.aboutToQuit.connect(release_clipboard)
    app.setWindowIcon(app_icon())
    window = MainWindow()
    window.show()
    window.start(path, as_copy=as_copy)
    return int(app.exec())
