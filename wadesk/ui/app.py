"""Starts the desktop editor."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication


def run_editor(path: str | None = None) -> int:
    """Open the editor on ``path`` (None: a new empty design) and run until it is closed."""
    from wadesk.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("wadesk")
    app.setOrganizationName("wadesk")
    window = MainWindow()
    window.show()
    window.start(path)
    return int(app.exec())
