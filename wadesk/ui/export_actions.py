"""The File → Export menu: the design as a report, a canvas image, a diagrams image or a diagrams script.

Long exports show a progress dialog that can cancel them. The diagrams render
(pure, on a copy of the design) runs on a worker thread that the GUI polls with
a timer; a cancelled render is left to finish in the background and its output
is thrown away. The report draws with a canvas scene, which Qt allows on the
GUI thread only, so it runs there and keeps the window alive from its
per-page progress callback.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMainWindow, QMenu, QMessageBox, QProgressDialog

from wadesk.export.errors import ExportError
from wadesk.ui.canvas.scene import DesignScene
from wadesk.ui.document import DocumentController
from wadesk.ui.export_dialog import DiagramExportDialog, ImageExportDialog
from wadesk.ui.scene_image import IMAGE_FORMATS, export_scene_image
from wadesk.ui.selection import SelectionModel

#: How often the GUI looks at a running export (ms).
POLL_MS = 50
#: A progress dialog shows only for exports that take longer than this (ms).
PROGRESS_DELAY_MS = 400
#: Save-dialog filters by suffix.
FILTERS: dict[str, str] = {
    ".png": "PNG image (*.png)",
    ".svg": "SVG drawing (*.svg)",
    ".pdf": "PDF document (*.pdf)",
    ".py": "Python script (*.py)",
}
#: What a report made of an unsaved design names as its source.
UNSAVED_SOURCE = "unsaved design"

@dataclass
class _Job:
    """One export running on a worker thread; the worker only reads ``cancelled``."""

    what: str
    future: Future[Any]
    cancelled: threading.Event
    on_success: Callable[[Any], list[Path]]
    on_discard: Callable[[], None]
    dialog: QProgressDialog | None = None


class ExportActions(QObject):
    """The export menu of one editor window and the exports behind it."""

    #: list[Path]: the files an export wrote
    export_finished = Signal(list)

    def __init__(self, document: DocumentController, selection: SelectionModel, scene: DesignScene,
                 window: QMainWindow) -> None:
        super().__init__(window)
        self._document = document
        self._selection = selection
        self._scene = scene
        self._window = window
        self._job: _Job | None = None
        self._report_dialog: QProgressDialog | None = None
        self._abandoned: list[_Job] = []  # cancelled jobs whose worker has not ended yet
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._on_poll_timer_timeout)
        self.menu = QMenu("E&xport", window)
        self.report_action = self._add("Export &Report…", self._on_report_action_triggered)
        self.image_action = self._add("Export &Image…", self._on_image_action_triggered)
        self.menu.addSeparator()
        self.diagram_action = self._add("Export with &diagrams…", self._on_diagram_action_triggered)
        self.script_action = self._add("Export diagrams &script…", self._on_script_action_triggered)

    def _add(self, text: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self.menu)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    @property
    def busy(self) -> bool:
        """Whether an export's worker thread is still running (a cancelled one included)."""
        return self._job is not None or bool(self._abandoned)

    @property
    def progress_dialog(self) -> QProgressDialog | None:
        """The progress dialog of the running export."""
        return self._job.dialog if self._job is not None else self._report_dialog

    # ------------------------------------------------------------- exports
    def export_image(self) -> None:
        """Ask for options and a file name, then draw the canvas there (PNG or SVG)."""
        ids = self._selection.ids
        dialog = ImageExportDialog(bool(ids), self._window)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            options = dialog.options()
        finally:
            dialog.deleteLater()
        out = self._ask_file("Export image", [IMAGE_FORMATS[options.format]])
        if out is None:
            return
        try:
            size = export_scene_image(self._scene, out, options, ids)
        except (ExportError, OSError) as exc:
            self._warn(exc)
            return
        self._finished([out], f"Exported a {size.width()} × {size.height()} image to {out}")

    def export_diagram(self) -> None:
        """Ask PNG or SVG, annotations and a file name, then draw the design with diagrams on a worker thread."""
        dialog = DiagramExportDialog(self._window)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            suffix, annotate = IMAGE_FORMATS[dialog.image_format()], dialog.annotate()
        finally:
            dialog.deleteLater()
        out = self._ask_file("Export with diagrams", [suffix])
        if out is None:
            return
        from wadesk.export.diagrams_render import render_diagram

        # Graphviz writes beside the target under a private name, which replaces the target only
        # on success: a cancelled render leaves an older file as it was.
        temp = out.with_name(f".{out.stem}.{uuid.uuid4().hex[:8]}.part{out.suffix}")
        arch = self._document.arch.copy()

        def discard() -> None:
            with contextlib.suppress(OSError):
                temp.unlink()

        def run(cancelled: threading.Event) -> None:
            render_diagram(arch, temp, annotate=annotate)
            if cancelled.is_set():  # also when the window is gone by now
                discard()

        def success(_result: object) -> list[Path]:
            os.replace(temp, out)
            return [out]

        self._start("Drawing with diagrams…", run, success, discard)

    def export_script(self) -> None:
        """Ask a file name, then write the design as a diagrams program."""
        out = self._ask_file("Export diagrams script", [".py"])
        if out is None:
            return
        from wadesk.export.python_script import write_python_script

        try:
            write_python_script(self._document.arch, out)
        except (ExportError, OSError) as exc:
            self._warn(exc)
            return
        self._finished([out], f"Exported the diagrams script to {out}")

    def export_report(self) -> None:
        """Ask PDF or PNG pages and a file name, then write the report page by page behind a progress dialog.

        The report draws the design with a canvas scene (pixmaps included), which Qt allows on the
        GUI thread only; so it runs here, and the progress callback keeps the window responsive.
        """
        out = self._ask_file("Export report", [".pdf", ".png"])
        if out is None:
            return
        from wadesk.ui import report

        arch = self._document.arch.copy()
        source = str(self._document.path) if self._document.path is not None else UNSAVED_SOURCE
        dialog = self._progress_dialog("Writing the report…")
        self._report_dialog = dialog
        self.report_action.setEnabled(False)

        def progress(done: int, total: int) -> bool:
            dialog.setMaximum(total)
            dialog.setLabelText(f"Writing the report… page {min(done + 1, total)} of {total}")
            dialog.setValue(done)
            QApplication.processEvents()
            return not dialog.wasCanceled()

        try:
            files = report.write_report(arch, out, source, progress=progress)
        except report.ReportCancelled:
            self._window.statusBar().showMessage("Export cancelled", 4000)
            return
        except (ExportError, OSError) as exc:
            self._warn(exc)
            return
        finally:
            self._report_dialog = None
            self.report_action.setEnabled(self._job is None)
            dialog.hide()
            dialog.deleteLater()
        shown = str(files[0]) if len(files) == 1 else f"{len(files)} pages from {files[0]}"
        self._finished(files, f"Exported the report to {shown}")

    # ---------------------------------------------------------------- jobs
    def _start(self, what: str, work: Callable[[threading.Event], object],
               on_success: Callable[[Any], list[Path]], on_discard: Callable[[], None]) -> None:
        """Run ``work`` on a worker thread behind a busy progress dialog; the GUI polls it."""
        cancelled = threading.Event()
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="wadesk-export")
        future = executor.submit(work, cancelled)
        executor.shutdown(wait=False)  # the thread ends with its one job; nobody waits for it here
        job = _Job(what, future, cancelled, on_success, on_discard)
        # A window closed mid-render cannot take the result: the worker then discards it itself.
        self.destroyed.connect(lambda *_: cancelled.set())
        job.dialog = self._progress_dialog(what)
        job.dialog.canceled.connect(self._on_progress_dialog_canceled)
        self._job = job
        self._set_actions_enabled(False)
        self._poll.start()

    def _progress_dialog(self, what: str) -> QProgressDialog:
        """A window-modal progress dialog, busy (0..0) until a page count arrives; shown after a short delay."""
        dialog = QProgressDialog(what, "Cancel", 0, 0, self._window)
        dialog.setWindowTitle("Export")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        return dialog

    def _close_dialog(self, job: _Job) -> None:
        dialog, job.dialog = job.dialog, None
        if dialog is not None:
            dialog.canceled.disconnect(self._on_progress_dialog_canceled)
            dialog.hide()
            dialog.deleteLater()
        self._set_actions_enabled(True)

    def _finish(self, job: _Job) -> None:
        """The worker of ``job`` ended: keep or discard its output and tell the user (unless cancelled)."""
        error = job.future.exception()
        result = job.future.result() if error is None else None
        if job.cancelled.is_set():
            job.on_discard()
            return
        if job is self._job:
            self._job = None
            self._close_dialog(job)
        if error is not None:
            job.on_discard()
            self._warn(error)
            return
        try:
            files = job.on_success(result)
        except OSError as exc:
            job.on_discard()
            self._warn(exc)
            return
        shown = str(files[0]) if len(files) == 1 else f"{len(files)} files beside {files[0]}" if files else "nothing"
        self._finished(files, f"Exported {shown}")

    # --------------------------------------------------------------- helpers
    def _ask_file(self, title: str, suffixes: list[str]) -> Path | None:
        """A save-file name ending in one of ``suffixes`` (the chosen filter's suffix is added if it has none)."""
        path = self._document.path
        base = path.with_suffix(suffixes[0]) if path else Path(f"{_file_stem(self._document.arch.name)}{suffixes[0]}")
        filters = [FILTERS[s] for s in suffixes]
        name, chosen = QFileDialog.getSaveFileName(self._window, title, str(base), ";;".join(filters))
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in suffixes:
            suffix = suffixes[filters.index(chosen)] if chosen in filters else suffixes[0]
            path = path.with_name(path.name + suffix)
        return path

    def _finished(self, files: list[Path], message: str) -> None:
        self._window.statusBar().showMessage(message, 6000)
        self.export_finished.emit(files)

    def _warn(self, error: BaseException) -> None:
        text = str(error) if isinstance(error, ExportError | OSError) else f"unexpected error: {error!r}"
        QMessageBox.warning(self._window, "Export failed", text)

    def _set_actions_enabled(self, on: bool) -> None:
        self.diagram_action.setEnabled(on)

    # --------------------------------------------------------------- slots
    def _on_report_action_triggered(self) -> None:
        self.export_report()

    def _on_image_action_triggered(self) -> None:
        self.export_image()

    def _on_diagram_action_triggered(self) -> None:
        self.export_diagram()

    def _on_script_action_triggered(self) -> None:
        self.export_script()

    def _on_progress_dialog_canceled(self) -> None:
        job = self._job
        if job is None:
            return
        # A diagrams render cannot be stopped: it finishes in the background and its output
        # is thrown away then. For the user it is over now.
        job.cancelled.set()
        self._job = None
        self._close_dialog(job)
        self._abandoned.append(job)
        self._window.statusBar().showMessage("Export cancelled", 4000)

    def _on_poll_timer_timeout(self) -> None:
        for ended in [job for job in self._abandoned if job.future.done()]:
            self._abandoned.remove(ended)
            self._finish(ended)
        if self._job is not None and self._job.future.done():
            self._finish(self._job)
        if not self.busy:
            self._poll.stop()


def _file_stem(name: str) -> str:
    """A file name made from a design name ("Three-tier web" -> "three-tier-web"); "design" when empty."""
    stem = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return stem[:60] or "design"
