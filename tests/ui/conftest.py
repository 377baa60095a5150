"""Qt test set-up: a main window on temporary settings, and a guard against leaked top-level windows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from wadesk.ui.app import release_clipboard
from wadesk.ui.main_window import MainWindow
from wadesk.ui.session import Autosave, Recoverable


@pytest.fixture(autouse=True, scope="session")
def clipboard_released_at_exit(qapp: QApplication) -> Iterator[None]:
    """Copy tests fill the clipboard; PySide6 crashes at exit unless it is released."""
    yield
    release_clipboard()
    QApplication.clipboard().clear()


def _alive_top_levels() -> list[QWidget]:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    return list(QApplication.topLevelWidgets())


@pytest.fixture(autouse=True)
def no_leaked_windows(qapp: QApplication) -> Iterator[None]:
    """Fail a test that leaves a top-level window behind (napari's habit)."""
    before = {id(w) for w in _alive_top_levels()}
    yield
    leaked = [w for w in _alive_top_levels() if id(w) not in before and w.isVisible()]
    for widget in leaked:
        widget.close()
        widget.deleteLater()
    assert not leaked, f"test leaked top-level windows: {[type(w).__name__ for w in leaked]}"


class Dialogs:
    """What the window's dialogs would have said; tests set the answers."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []
        self.save_answer = QMessageBox.StandardButton.Discard
        self.recover_answer = False
        self.asked_recover: list[Path] = []
        self.offered: list[list[Recoverable]] = []


@pytest.fixture
def dialogs() -> Dialogs:
    return Dialogs()


@pytest.fixture
def window(qtbot, tmp_path: Path, dialogs: Dialogs) -> MainWindow:  # type: ignore[no-untyped-def]
    """A shown main window with settings and autosaves under ``tmp_path`` and scripted dialogs."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings=settings, autosave=Autosave(tmp_path / "autosave"))
    win.show_error = lambda title, text: dialogs.errors.append((title, text))  # type: ignore[method-assign]
    win.ask_save_changes = lambda: dialogs.save_answer  # type: ignore[method-assign]

    def ask_recover(candidates: list[Recoverable]) -> Recoverable | None:
        dialogs.asked_recover.extend(c.autosave for c in candidates)
        dialogs.offered.append(list(candidates))
        return candidates[0] if dialogs.recover_answer else None

    win.ask_recover = ask_recover  # type: ignore[method-assign]
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    return win
