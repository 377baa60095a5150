"""The main window: canvas in the middle, palette, inspector and analysis docks, menus; files in window_files.py."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QMimeData, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QFileDialog, QLabel, QMainWindow, QMenu, QWidget

from wadesk.model import ModelError
from wadesk.ui._compat import override
from wadesk.ui.canvas.scene import DesignScene
from wadesk.ui.canvas.view import DesignView
from wadesk.ui.context_menus import CanvasMenus
from wadesk.ui.document import CLIPBOARD_MIME, DocumentController
from wadesk.ui.export_actions import ExportActions
from wadesk.ui.file_guard import DesignLock, FileWatch
from wadesk.ui.help_menu import HelpMenu
from wadesk.ui.import_actions import ImportActions
from wadesk.ui.panels.analysis import AnalysisPanel
from wadesk.ui.panels.inspector import InspectorPanel
from wadesk.ui.panels.palette import PalettePanel
from wadesk.ui.selection import SelectionModel
from wadesk.ui.session import EXAMPLES_DIR, Autosave, examples
from wadesk.ui.window_files import FILE_FILTER, WindowFiles

AUTOSAVE_MS = 60_000


class MainWindow(QMainWindow, WindowFiles):
    """One editor window on one design."""

    def __init__(self, settings: QSettings | None = None, autosave: Autosave | None = None,
                 examples_dir: Path = EXAMPLES_DIR, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or QSettings("wadesk", "wadesk")
        self.autosave = autosave or Autosave()
        self._examples_dir = examples_dir
        self.document = DocumentController(self)
        self.read_only = False
        self.autosave_failed: str | None = None
        self._lock: DesignLock | None = None
        self._asking_reload = False
        self.file_watch = FileWatch(self)
        self.file_watch.changed_on_disk.connect(self._on_file_watch_changed_on_disk)
        self.selection = SelectionModel(self)
        self.scene = DesignScene(self.document, self.selection)
        self.view = DesignView(self.scene, self)
        self.setCentralWidget(self.view)
        self.palette_panel = PalettePanel()
        self.inspector = InspectorPanel(self.document, self.selection)
        self.inspector.setMinimumWidth(330)
        self.analysis = AnalysisPanel(self.document, self.selection)
        self._dock(self.palette_panel, "Components", "palette_dock", Qt.DockWidgetArea.LeftDockWidgetArea)
        self._dock(self.inspector, "Properties", "inspector_dock", Qt.DockWidgetArea.RightDockWidgetArea)
        self._dock(self.analysis, "Analysis", "analysis_dock", Qt.DockWidgetArea.BottomDockWidgetArea)
        self.counts_label = QLabel()
        self.zoom_label = QLabel()
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.zoom_label)
        self._build_menus()
        self.palette_panel.kind_activated.connect(self._on_palette_kind_activated)
        self.analysis.node_activated.connect(self._on_analysis_node_activated)
        self.view.zoom_changed.connect(self._on_view_zoom_changed)
        self.scene.router.note_changed.connect(self._on_router_note_changed)
        self.view.context_menu_requested.connect(self.canvas_menus.show)
        self.document.undo_stack.cleanChanged.connect(self._on_undo_stack_clean_changed)
        self.document.path_changed.connect(self._on_document_path_changed)
        self.document.model_changed.connect(self._on_document_model_changed)
        self.document.analysis_changed.connect(self._on_document_analysis_changed)
        self.selection.selection_changed.connect(self._on_selection_selection_changed)
        # Counts follow each edit once the event loop is idle, off the path from edit to badge.
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(0)
        self._status_timer.timeout.connect(self._update_status)
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setInterval(AUTOSAVE_MS)
        self._autosave_timer.timeout.connect(self._on_autosave_timer_timeout)
        self._autosave_timer.start()
        self.resize(1400, 900)
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        self._update_title()
        self._update_status()
        self._on_view_zoom_changed(self.view.zoom())

    def _dock(self, widget: QWidget, title: str, name: str, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    # ----------------------------------------------------------------- menus
    def _action(self, menu: QMenu, text: str, slot: object, shortcut: object = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        key = QKeySequence.StandardKey
        file_menu = self.menuBar().addMenu("&File")
        self.new_action = self._action(file_menu, "&New", self.new_design, key.New)
        self.open_action = self._action(file_menu, "&Open…", self._on_open_action_triggered, key.Open)
        self.examples_menu = file_menu.addMenu("Open &Example")
        for name, path in examples(self._examples_dir):
            self._action(self.examples_menu, name, lambda _=False, p=path: self.open_example(p))
        self.examples_menu.setEnabled(bool(self.examples_menu.actions()))
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._on_recent_menu_about_to_show)
        file_menu.addSeparator()
        self.imports = ImportActions(self, file_menu)
        file_menu.addSeparator()
        self.save_action = self._action(file_menu, "&Save", self.save, key.Save)
        self.save_as_action = self._action(file_menu, "Save &As…", self.save_as, key.SaveAs)
        self.exports = ExportActions(self.document, self.selection, self.scene, self)
        file_menu.addMenu(self.exports.menu)
        self._action(file_menu, "Recover Auto&saved Work…", self.recover_autosaved)
        self._action(file_menu, "&Close", self.close_document, key.Close)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self._on_quit_action_triggered, key.Quit)

        edit = self.menuBar().addMenu("&Edit")
        stack = self.document.undo_stack
        self.undo_action = stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence(key.Undo))
        self.redo_action = stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence(key.Redo))
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        self._action(edit, "Cu&t", self.cut, key.Cut)
        self._action(edit, "&Copy", self.copy, key.Copy)
        self._action(edit, "&Paste", lambda: self.paste(), key.Paste)
        self._action(edit, "D&uplicate", self.duplicate, "Ctrl+D")
        self.delete_action = self._action(edit, "&Delete", self.delete_selection, key.Delete)
        self._action(edit, "Select &All", self.select_all, key.SelectAll)
        self._action(edit, "Re&name", self.rename_selection, "F2")

        self.canvas_menus = CanvasMenus(self)
        self.canvas_menus.fill_arrange_menu(self.menuBar().addMenu("&Arrange"))

        view = self.menuBar().addMenu("&View")
        self._action(view, "Zoom &In", self.view.zoom_in, "Ctrl+=")
        self._action(view, "Zoom &Out", self.view.zoom_out, "Ctrl+-")
        self._action(view, "&Fit", self.view.fit, "Ctrl+0")
        view.addSeparator()
        self.responsibility_action = self._action(view, "&Responsibility view", self.scene.set_responsibility_view,
                                                  "Ctrl+R")
        self.responsibility_action.setCheckable(True)
        self._action(view, "&Auto layout", self.auto_layout, "Ctrl+L")
        view.addSeparator()
        for dock in self.findChildren(QDockWidget):
            view.addAction(dock.toggleViewAction())

        self.help_menu = HelpMenu(self)

    # ------------------------------------------------------------ editing
    def delete_selection(self) -> None:
        """Delete the selected nodes and flows (one undo step)."""
        self.document.delete(self.selection.ids)

    def copy(self) -> None:
        """Put the selected nodes on the clipboard as JSON."""
        text = self.document.copy_json(self.selection.ids)
        data = QMimeData()
        data.setData(CLIPBOARD_MIME, text.encode("utf-8"))
        data.setText(text)
        QApplication.clipboard().setMimeData(data)

    def cut(self) -> None:
        """Copy, then delete the selection."""
        self.copy()
        self.delete_selection()

    def paste(self, at: tuple[float, float] | None = None) -> None:
        """Add the clipboard's nodes, offset by 20 px (or with their top-left at ``at``), and select them."""
        data = QApplication.clipboard().mimeData()
        if data is None:
            return
        raw = data.data(CLIPBOARD_MIME)
        text = bytes(raw.data()).decode("utf-8") if not raw.isEmpty() else data.text()
        new = self.document.paste_json(text, at=at)
        if new:
            self.selection.set(new)

    def duplicate(self) -> None:
        """Copy and paste the selection in one go."""
        new = self.document.duplicate(self.selection.ids)
        if new:
            self.selection.set(new)

    def select_all(self) -> None:
        """Select every node."""
        self.selection.set(self.document.arch.node_ids())

    def rename_selection(self) -> None:
        """Rename the selected node or flow in place."""
        current = self.selection.current()
        if current is not None:
            self.view.edit_label(current)

    def auto_layout(self) -> None:
        """Lay the design out with Graphviz, or on a grid when dot is unavailable (one undo step)."""
        layout = self.document.auto_layout()
        if layout.problem:
            self.statusBar().showMessage(f"Auto layout used a plain grid: {layout.problem}", 8000)
        self.view.fit()

    # --------------------------------------------------------------- slots
    def _on_open_action_triggered(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open design", "", FILE_FILTER)
        if name:
            self.open_file(Path(name))

    def _on_quit_action_triggered(self) -> None:
        self.close()

    def _on_recent_menu_about_to_show(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.value("recent", []) or []
        for text in [recent] if isinstance(recent, str) else recent:
            self._action(self.recent_menu, text, lambda _=False, p=Path(text): self.open_file(p))
        if not self.recent_menu.actions():
            self.recent_menu.addAction("(none)").setEnabled(False)

    def _on_palette_kind_activated(self, kind: str) -> None:
        centre = self.view.centre_scene_pos()
        try:
            node_id = self.document.add_node_at(kind, centre.x(), centre.y())
        except ModelError as exc:
            self.show_error("Cannot add component", str(exc))
            return
        self.selection.set([node_id])

    def _on_analysis_node_activated(self, node_id: str) -> None:
        self.selection.set([node_id])
        box = self.scene.box(node_id)
        if box is not None:
            self.view.centerOn(box)

    def _on_view_zoom_changed(self, factor: float) -> None:
        self.zoom_label.setText(f"Zoom {round(factor * 100)} %")

    def _on_router_note_changed(self, note: str) -> None:
        if note:
            self.statusBar().showMessage(note, 8000)

    def _on_undo_stack_clean_changed(self, _clean: bool) -> None:
        self._update_title()

    def _on_document_path_changed(self, path: object) -> None:
        if path is None or (self.file_watch.path is not None and path != self.file_watch.path):
            self._hold(None, None)  # a new or imported design: the old file is no longer open here
            self.read_only = False
        self._update_title()

    def _on_document_model_changed(self, event: object) -> None:
        self._status_timer.start()
        if getattr(event, "type", "") == "meta_changed":
            self._update_title()

    def _on_document_analysis_changed(self, _ids: object) -> None:
        self._status_timer.start()

    def _on_selection_selection_changed(self, ids: list[str]) -> None:
        self.statusBar().showMessage(f"{len(ids)} selected" if ids else "", 2000)

    def _on_autosave_timer_timeout(self) -> None:
        self.write_autosave()

    def _update_title(self) -> None:
        name = self.document.arch.name.strip() or "Untitled design"
        path = self.document.path
        if path is None:
            where = " (untitled)" if self.document.arch.name.strip() else ""
        else:
            where = f" ({path.name})" if path.stem != name else ""
        if self.read_only:
            where += " [read-only]"
        self.setWindowTitle(f"{name}{where}[*] — wadesk")
        self.setWindowModified(self.document.is_modified())

    def _update_status(self) -> None:
        arch = self.document.arch
        findings = self.document.analyzer.active_count()
        self.counts_label.setText(f"{len(arch)} nodes · {len(arch.edge_ids())} flows · {findings} findings")

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_discard():
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self._autosave_timer.stop()
        self.scene.router.cancel()  # no routing answer lands on a canvas that is going away
        self._hold(None, None)
        self.autosave.close()
        event.accept()
