"""Qt test set-up: a main window on temporary settings, and a guard against leaked top-level windows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
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
        self.read_only_answer = True
        self.asked_read_only: list[tuple[Path, str]] = []
        self.conflict_answer = "cancel"
        self.asked_conflict: list[Path] = []
        self.reload_answer = False
        self.asked_reload: list[Path] = []
        self.save_as_instead_answer = False
        self.asked_save_as_instead: list[str] = []


@pytest.fixture
def dialogs() -> Dialogs:
    return Dialogs()


def script_file_dialogs(win: MainWindow, dialogs: Dialogs) -> None:
    """Answer the open-elsewhere, changed-on-disk and read-only questions from ``dialogs``."""

    def ask_open_read_only(path: Path, holder: str) -> bool:
        dialogs.asked_read_only.append((path, holder))
        return dialogs.read_only_answer

    def ask_disk_conflict(path: Path) -> str:
        dialogs.asked_conflict.append(path)
        return dialogs.conflict_answer

    def ask_reload(path: Path) -> bool:
        dialogs.asked_reload.append(path)
        return dialogs.reload_answer

    def ask_save_as_instead(reason: str) -> bool:
        dialogs.asked_save_as_instead.append(reason)
        return dialogs.save_as_instead_answer

    win.ask_open_read_only = ask_open_read_only  # type: ignore[method-assign]
    win.ask_disk_conflict = ask_disk_conflict  # type: ignore[method-assign]
    win.ask_reload = ask_reload  # type: ignore[method-assign]
    win.ask_save_as_instead = ask_save_as_instead  # type: ignore[method-assign]


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
    script_file_dialogs(win, dialogs)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    return win


def drop_on(window: MainWindow, path: Path) -> bool:
    """Drag ``path`` onto the window and drop it there; whether the window accepted the drag."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(window, enter)  # Qt delivers a drop only to where the drag entered
    if not enter.isAccepted():
        return False
    QApplication.sendEvent(window, QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, buttons, keys))
    return True


def close_import_report(window: MainWindow) -> str:
    """Close the import report dialog, which must be showing, and give its text."""
    dialog = window.imports.report_dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.text.toPlainText()
    dialog.close()
    return text
