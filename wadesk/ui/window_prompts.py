"""The questions and messages the main window puts to the user, each one method so tests can answer it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from wadesk.ui.recovery import RecoveryChoice, RecoveryDialog
from wadesk.ui.session import Autosave, Recoverable

if TYPE_CHECKING:
    from wadesk.ui.document import DocumentController


class WindowPrompts:
    """Dialogs of :class:`~wadesk.ui.main_window.MainWindow` (mixed into it; ``self`` is the window).

    Tests replace these methods on a window to answer for the user.
    """

    autosave: Autosave
    document: DocumentController

    def ask_save_changes(self) -> QMessageBox.StandardButton:
        """Ask whether to save unsaved changes."""
        buttons = QMessageBox.StandardButton
        return QMessageBox.question(self, "Unsaved changes", "Save the changes to this design?",
                                    buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)

    def ask_recover(self, candidates: list[Recoverable]) -> Recoverable | None:
        """Ask which autosave to recover (None: none); a discarded one is deleted."""
        dialog = RecoveryDialog(candidates, self)
        dialog.exec()
        picked = dialog.picked()
        if picked is not None and dialog.choice is RecoveryChoice.DISCARD:
            self.autosave.forget(picked.autosave)
        return picked if dialog.choice is RecoveryChoice.RECOVER else None

    def ask_open_read_only(self, path: Path, holder: str) -> bool:
        """Ask whether to open read-only a design another editor has open."""
        answer = QMessageBox.question(
            self, "Design open elsewhere",
            f"{path.name} is open in {holder}.\n\nEditing it in two places would lose one side's changes. "
            "Open it read-only here? (Save As can still write a copy.)")
        return answer == QMessageBox.StandardButton.Yes

    def ask_disk_conflict(self, path: Path) -> str:
        """The file changed on disk since it was loaded: "overwrite", "save_as", "reload" or "cancel"."""
        box = QMessageBox(QMessageBox.Icon.Warning, "Design changed on disk",
                          f"{path.name} was changed on disk by another program since you opened it.\n\n"
                          "Overwrite it with your version, save yours under another name, or reload it "
                          "(dropping your changes)?", QMessageBox.StandardButton.Cancel, self)
        buttons = {box.addButton("Overwrite", QMessageBox.ButtonRole.DestructiveRole): "overwrite",
                   box.addButton("Save As…", QMessageBox.ButtonRole.AcceptRole): "save_as",
                   box.addButton("Reload", QMessageBox.ButtonRole.ResetRole): "reload"}
        box.exec()
        return buttons.get(box.clickedButton(), "cancel")

    def ask_reload(self, path: Path) -> bool:
        """The file changed on disk: ask whether to load it again."""
        extra = " Your unsaved changes here would be lost." if self.document.is_modified() else ""
        answer = QMessageBox.question(self, "Design changed on disk",
                                      f"{path.name} was changed on disk by another program. Reload it?{extra}")
        return answer == QMessageBox.StandardButton.Yes

    def ask_save_as_instead(self, reason: str) -> bool:
        """Saving to the file is refused (``reason``): ask whether to save under another name."""
        answer = QMessageBox.question(self, "Cannot save design", f"{reason}\n\nSave under another name?")
        return answer == QMessageBox.StandardButton.Yes

    def show_error(self, title: str, text: str) -> None:
        """Show a message the user can act on."""
        QMessageBox.critical(self, title, text)
