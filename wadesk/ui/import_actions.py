"""File -> Import CloudFormation…, File -> Import Terraform…, File -> Update from Template…, and templates, plans
and Terraform folders dropped on the window."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QMenu, QPlainTextEdit, QVBoxLayout

from wadesk.ui._compat import override

if TYPE_CHECKING:
    from wadesk.importers.api import ImportResult
    from wadesk.ui.main_window import MainWindow

TEMPLATE_FILTER = "CloudFormation templates (*.yaml *.yml *.json *.template);;All files (*)"
TERRAFORM_FILTER = "Terraform plans (terraform show -json) and .tf files (*.json *.tf);;All files (*)"


def terraform_source(path: Path) -> Path:
    """What a chosen file imports: a ``.tf`` file stands for its folder (Terraform reads a folder at once)."""
    return path.parent if path.suffix == ".tf" else path


class ImportReportDialog(QDialog):
    """The import report: a summary line and the full text, selectable and scrollable."""

    def __init__(self, title: str, summary: str, text: str, parent: QObject | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.setWindowTitle(title)
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.text = QPlainTextEdit(text)
        self.text.setReadOnly(True)
        # Wrapped: an assumption or an unresolved value is one long line, and its end says what it means.
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)


class ImportActions(QObject):
    """Import and update actions for one main window; also accepts template files dropped on it."""

    def __init__(self, window: MainWindow, menu: QMenu, before: QAction | None = None) -> None:
        super().__init__(window)
        self.window = window
        #: the template the open design was imported from (Update from Template offers it first)
        self.template: Path | None = None
        self._importing = False
        self.report_dialog: ImportReportDialog | None = None
        self.import_action = QAction("&Import CloudFormation…", window)
        self.import_action.triggered.connect(self._on_import_action_triggered)
        self.import_terraform_action = QAction("Import &Terraform…", window)
        self.import_terraform_action.setToolTip("A plan (terraform show -json) or a folder of .tf files")
        self.import_terraform_action.triggered.connect(self._on_import_terraform_action_triggered)
        self.update_action = QAction("&Update from Template…", window)
        self.update_action.triggered.connect(self._on_update_action_triggered)
        menu.insertAction(before, self.import_action)  # type: ignore[arg-type]
        menu.insertAction(before, self.import_terraform_action)  # type: ignore[arg-type]
        menu.insertAction(before, self.update_action)  # type: ignore[arg-type]
        window.document.document_replaced.connect(self._on_document_replaced)
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        window.view.viewport().installEventFilter(self)

    # ---------------------------------------------------------- dialogs (tests replace these)
    def ask_template(self, title: str) -> Path | None:
        """Ask for a template file; None when cancelled."""
        start = str(self.template.parent) if self.template else ""
        name, _ = QFileDialog.getOpenFileName(self.window, title, start, TEMPLATE_FILTER)
        return Path(name) if name else None

    def ask_terraform(self, title: str) -> Path | None:
        """Ask for a plan or for any ``.tf`` file of a configuration (which stands for its folder)."""
        start = str(self.template if self.template and self.template.is_dir() else "")
        name, _ = QFileDialog.getOpenFileName(self.window, title, start, TERRAFORM_FILTER)
        return terraform_source(Path(name)) if name else None

    def show_report(self, title: str, summary: str, text: str) -> None:
        """Show the import report in a dialog that stays open beside the design."""
        if self.report_dialog is not None:
            self.report_dialog.close()
            self.report_dialog.deleteLater()
        self.report_dialog = ImportReportDialog(title, summary, text, self.window)
        self.report_dialog.show()

    # ---------------------------------------------------------- actions
    def import_template(self, path: Path) -> bool:
        """Import ``path`` and open the design as an untitled document; errors are shown, nothing changes."""
        if not self.window._may_discard():
            return False
        result = self._import(path)
        if result is None:
            return False
        self._importing = True
        try:
            self.window.document.replace(result.built.arch, None)
        finally:
            self._importing = False
        self.template = path
        self.window.document.undo_stack.resetClean()  # an import is not saved yet
        self.window.view.fit()
        arch = result.built.arch
        self.show_report(
            f"Imported {path.name}",
            f"{len(arch)} nodes and {len(arch.edge_ids())} flows drawn from {path.name}: "
            f"{result.design.report.summary()}.",
            result.design.report.render_text(),
        )
        return True

    def update_from_template(self, path: Path) -> bool:
        """Re-import ``path`` into the open design as one undo step, keeping every surviving node in place."""
        from wadesk.importers.update import plan_update
        from wadesk.model import ModelError

        result = self._import(path)
        if result is None:
            return False
        plan = plan_update(self.window.document.arch, result.built.arch, f"Update from {path.name}")
        if plan.edit.edits:
            try:
                self.window.document.push(plan.edit)
            except ModelError as exc:
                self.window.show_error("Cannot update from template", str(exc))
                return False
        self.template = path
        self.show_report(
            f"Updated from {path.name}",
            f"{plan.summary()}: {result.design.report.summary()}.",
            result.design.report.render_text(),
        )
        return True

    def _import(self, path: Path) -> ImportResult | None:
        from wadesk.importers.api import import_source
        from wadesk.importers.errors import ImportSourceError

        try:
            return import_source(path)
        except ImportSourceError as exc:
            self.window.show_error("Cannot import template", str(exc))
        except OSError as exc:
            self.window.show_error("Cannot import template", f"{path}: {exc.strerror or exc}")
        return None

    def _on_import_action_triggered(self) -> None:
        path = self.ask_template("Import CloudFormation template")
        if path is not None:
            self.import_template(path)

    def _on_import_terraform_action_triggered(self) -> None:
        path = self.ask_terraform("Import Terraform: a plan (terraform show -json) or any .tf file of the folder")
        if path is not None:
            self.import_template(path)

    def _on_update_action_triggered(self) -> None:
        if self.template is not None and self.template.is_dir():
            path = self.ask_terraform("Update from Terraform: a plan or any .tf file of the folder")
        else:
            path = self.ask_template("Update from template")
        if path is not None:
            self.update_from_template(terraform_source(path))

    def _on_document_replaced(self) -> None:
        if not self._importing:
            self.template = None

    # ---------------------------------------------------------- drops
    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            drag = event
            assert isinstance(drag, QDragEnterEvent | QDropEvent)
            if self._dropped_template(drag) is not None:
                drag.setDropAction(Qt.DropAction.CopyAction)
                drag.accept()
                return True
        elif event.type() == QEvent.Type.Drop:
            drop = event
            assert isinstance(drop, QDropEvent)
            path = self._dropped_template(drop)
            if path is not None:
                drop.acceptProposedAction()
                self.import_template(path)
                return True
        return super().eventFilter(watched, event)

    def _dropped_template(self, event: QDropEvent) -> Path | None:
        from wadesk.importers.api import is_importable

        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile():
                path = Path(url.toLocalFile())
                if (path.is_file() or path.is_dir()) and is_importable(path):
                    return path
        return None
