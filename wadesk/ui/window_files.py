"""Opening, saving, reloading and recovering the main window's design, with the file lock and the watch."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from wadesk.fileformat import DesignFileError, ReadOnlyDesignError, load_design, loads_design
from wadesk.ui.file_guard import DesignLock, FileWatch
from wadesk.ui.session import Autosave, Recoverable, add_recent
from wadesk.ui.window_prompts import WindowPrompts

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar

    from wadesk.ui.canvas.view import DesignView
    from wadesk.ui.document import DocumentController

#: What the open and save dialogs offer.
FILE_FILTER = "wadesk designs (*.wadesk);;All files (*)"


class WindowFiles(WindowPrompts):
    """The design's file handling of :class:`~wadesk.ui.main_window.MainWindow` (mixed into it; ``self`` is the
    window): one design file open at a time, locked against a second editor and watched for changes on disk."""

    settings: QSettings
    autosave: Autosave
    document: DocumentController
    view: DesignView
    file_watch: FileWatch
    read_only: bool
    autosave_failed: str | None
    _lock: DesignLock | None
    _asking_reload: bool

    if TYPE_CHECKING:

        def statusBar(self) -> QStatusBar: ...  # noqa: N802 (Qt's name)

        def _update_title(self) -> None: ...

    def start(self, path: str | None, as_copy: bool = False) -> None:
        """Open ``path`` (or a new design; ``as_copy``: an untitled copy of it) and offer autosaved work."""
        if path and as_copy:
            self.open_example(Path(path))
        elif path:
            self.open_file(Path(path))
        else:
            self._offer_recovery(self.autosave.recoverable_all())
            return
        others = [r for r in self.autosave.recoverable_all() if r.design != self.document.path]
        if others:
            self.statusBar().showMessage(
                f"{len(others)} more autosaved design{'s' if len(others) > 1 else ''} can be recovered: "
                "File → Recover Autosaved Work…", 15000)

    def recover_autosaved(self) -> None:
        """Offer every autosave newer than its file (or of an untitled design)."""
        candidates = self.autosave.recoverable_all()
        if not candidates:
            self.statusBar().showMessage("No autosaved work to recover.", 4000)
        elif self._may_discard():
            self._offer_recovery(candidates)

    def new_design(self) -> None:
        """Start a new empty design (after asking about unsaved changes)."""
        if self._may_discard():
            self.document.new()
            self.view.fit()

    def close_document(self) -> None:
        """Close the open design (after asking about unsaved changes); the window stays, empty."""
        self.new_design()

    def open_file(self, path: Path) -> bool:
        """Open ``path``; a broken file shows the reason and changes nothing.

        When another editor has the file open, the user may open it read-only (Save then asks for a new name).
        """
        if not self._may_discard():
            return False
        lock = DesignLock(path, self._lock_folder())
        read_only = False
        if path.exists() and not lock.try_lock():
            if not self.ask_open_read_only(path, lock.holder()):
                return False
            read_only = True
        try:
            self.document.open(path)
        except DesignFileError as exc:
            lock.unlock()
            self.show_error("Cannot open design", str(exc))
            return False
        self._hold(None if read_only else lock, path)
        self.read_only = read_only
        self._update_title()
        self._remember(path)
        self.view.fit()
        candidate = self.autosave.recoverable(path)
        if candidate is not None:
            self._offer_recovery([Recoverable(candidate, path.resolve(), candidate.stat().st_mtime,
                                              self.document.arch.name)])
        return True

    def open_example(self, path: Path) -> bool:
        """Open a shipped example as an untitled copy, so Save never overwrites the example itself."""
        if not self._may_discard():
            return False
        try:
            arch = load_design(path)
        except DesignFileError as exc:
            self.show_error("Cannot open example", str(exc))
            return False
        self.document.replace(arch, None)
        self.view.fit()
        return True

    def save(self) -> bool:
        """Save to the current file (asks for a name the first time)."""
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        """Save under a new name."""
        name, _ = QFileDialog.getSaveFileName(self, "Save design", str(self.document.path or "design.wadesk"),
                                              FILE_FILTER)
        if not name:
            return False
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(".wadesk")
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        old = self.document.path
        same = old is not None and path == old
        if same and self.read_only:
            if self.ask_save_as_instead(f"{path} is open in another editor, so it was opened read-only here."):
                return self.save_as()
            return False
        if same and self.file_watch.changed():
            answer = self.ask_disk_conflict(path)
            if answer == "save_as":
                return self.save_as()
            if answer == "reload":
                self.reload()
                return False
            if answer != "overwrite":
                return False
        lock = None
        if not same:
            lock = DesignLock(path, self._lock_folder())
            if not lock.try_lock():
                self.show_error("Cannot save design",
                                f"{path} is open in {lock.holder()}; save under another name, or close it there first.")
                return False
        try:
            self.document.save(path)
        except ReadOnlyDesignError as exc:
            if lock is not None:
                lock.unlock()
            if self.ask_save_as_instead(str(exc)):
                return self.save_as()
            return False
        except (DesignFileError, OSError, ValueError) as exc:
            if lock is not None:
                lock.unlock()
            self.show_error("Cannot save design", str(exc))
            return False
        if lock is not None:
            self._hold(lock, path)
            self.read_only = False
            self._update_title()
        else:
            self.file_watch.remember()
        self.autosave.discard(old)
        self.autosave.discard(path)
        self._remember(path)
        self.statusBar().showMessage(f"Saved {path}", 4000)
        return True

    def _remember(self, path: Path) -> None:
        recent = self.settings.value("recent", []) or []
        if isinstance(recent, str):
            recent = [recent]
        self.settings.setValue("recent", add_recent(list(recent), path))

    def reload(self) -> bool:
        """Load the open file again from disk, dropping the changes made here."""
        path = self.document.path
        if path is None:
            return False
        try:
            arch = load_design(path)
        except DesignFileError as exc:
            self.show_error("Cannot reload design", str(exc))
            return False
        self.document.replace(arch, path)
        self.file_watch.watch(path)
        self.autosave.discard(path)
        self.statusBar().showMessage(f"Reloaded {path} from disk", 4000)
        return True

    def _lock_folder(self) -> Path:
        return self.autosave.folder / "locks"

    def _hold(self, lock: DesignLock | None, path: Path | None) -> None:
        """Keep ``lock`` (letting go of the one held before) and watch ``path``."""
        if self._lock is not None and self._lock is not lock:
            self._lock.unlock()
        self._lock = lock
        self.file_watch.watch(path)

    def _offer_recovery(self, candidates: list[Recoverable]) -> None:
        chosen = self.ask_recover(candidates) if candidates else None
        if chosen is None:
            return
        try:
            arch = loads_design(chosen.autosave.read_bytes(), str(chosen.autosave))
        except (DesignFileError, OSError) as exc:
            self.show_error("Cannot recover design", str(exc))
            return
        self.document.replace(arch, chosen.design)
        self.document.undo_stack.resetClean()  # recovered work is not saved yet
        self._update_title()
        self.view.fit()
        QTimer.singleShot(0, self.view, self.view.fit)  # again once the window has its final size

    def _may_discard(self) -> bool:
        if not self.document.is_modified():
            return True
        answer = self.ask_save_changes()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.autosave.discard(self.document.path)
            return True
        return False

    def _on_file_watch_changed_on_disk(self, path: Path) -> None:
        if self._asking_reload:
            return
        self._asking_reload = True
        try:
            if self.ask_reload(path):
                self.reload()
        finally:
            self._asking_reload = False

    def write_autosave(self) -> Path | None:
        """Autosave the design if it has unsaved changes."""
        if not self.document.is_modified():
            return None
        try:
            written = self.autosave.write(self.document.arch, self.document.path)
        except (DesignFileError, OSError) as exc:
            self.autosave_failed = str(exc)
            self.statusBar().showMessage(f"Autosave failed: {exc}")  # stays until the next message
            return None
        self.autosave_failed = None
        return written
