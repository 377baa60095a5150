"""Inspector editors beyond the plain ones: a description box, a checklist of nodes, a zone picker."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from wadesk.ui._compat import override


class DescriptionEdit(QPlainTextEdit):
    """Several lines of free text, applied when the editor loses focus (as a line edit applies on Enter)."""

    #: no payload: the user left the box after typing
    editing_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setMaximumHeight(90)
        self._shown = ""

    def show_text(self, text: str) -> None:
        """Show ``text`` without reporting it as an edit."""
        if text != self.toPlainText():
            with QSignalBlocker(self):
                self.setPlainText(text)
        self._shown = text

    @override
    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self.toPlainText() != self._shown:
            self._shown = self.toPlainText()
            self.editing_finished.emit()
