"""The start-up question "recover autosaved work?": every autosave worth offering, one line each."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from wadesk.ui.session import Recoverable


class RecoveryChoice(Enum):
    """What the user chose to do with the picked autosave."""

    RECOVER = "recover"
    DISCARD = "discard"
    LATER = "later"


class RecoveryDialog(QDialog):
    """Lists autosaves newer than their files (or of untitled designs); the user recovers, discards or waits."""

    def __init__(self, candidates: list[Recoverable], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Recover autosaved work")
        self.choice = RecoveryChoice.LATER
        count = len(candidates)
        intro = QLabel(
            "wadesk found work that was autosaved but never saved, perhaps because it closed unexpectedly. "
            + ("Recover it?" if count == 1 else f"{count} designs can be recovered: pick one to open.")
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        for candidate in candidates:
            item = QListWidgetItem(candidate.describe())
            item.setData(Qt.ItemDataRole.UserRole, candidate)
            item.setToolTip(str(candidate.autosave))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.setWordWrap(True)
        buttons = QDialogButtonBox()
        recover = buttons.addButton("Recover", QDialogButtonBox.ButtonRole.AcceptRole)
        discard = buttons.addButton("Discard", QDialogButtonBox.ButtonRole.DestructiveRole)
        later = buttons.addButton("Not now", QDialogButtonBox.ButtonRole.RejectRole)
        recover.clicked.connect(lambda: self._finish(RecoveryChoice.RECOVER))
        discard.clicked.connect(lambda: self._finish(RecoveryChoice.DISCARD))
        later.clicked.connect(lambda: self._finish(RecoveryChoice.LATER))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(QLabel("Not now keeps the autosaves: File → Recover Autosaved Work… offers them again."))
        layout.addWidget(buttons)
        self.resize(640, 160 + 40 * min(count, 6))

    def picked(self) -> Recoverable | None:
        """The autosave selected in the list."""
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _finish(self, choice: RecoveryChoice) -> None:
        self.choice = choice
        if choice is RecoveryChoice.LATER:
            self.reject()
        else:
            self.accept()
