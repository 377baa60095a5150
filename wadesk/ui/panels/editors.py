"""Inspector editors beyond the plain ones: a description box, a checklist of nodes, a zone picker."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QListWidget, QListWidgetItem, QPlainTextEdit, QSizePolicy, QWidget

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


class NodeChecklist(QListWidget):
    """Picks nodes by label (the subnets of a load balancer): a checkable row per candidate node."""

    #: list[str]: the checked node ids after the user ticked or cleared one
    picked = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._order: list[str] = []
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.itemChanged.connect(self._on_item_changed)

    def show_choices(self, choices: list[tuple[str, str]], checked: list[str]) -> None:
        """Offer ``choices`` (id, text) with ``checked`` ticked; ids checked but not offered stay, marked."""
        self._order = list(checked)
        offered = {node_id for node_id, _ in choices}
        rows = list(choices) + [(i, f"{i} (not a node of this design)") for i in checked if i not in offered]
        with QSignalBlocker(self):
            self.clear()
            for node_id, text in rows:
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, node_id)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if node_id in checked else Qt.CheckState.Unchecked)
                self.addItem(item)
        row_height = self.sizeHintForRow(0) if self.count() else 20
        self.setFixedHeight(min(8, max(self.count(), 1)) * row_height + 2 * self.frameWidth() + 4)
        if not rows:
            self.setToolTip("The design has no subnets yet: draw one, then tick it here")

    def checked_ids(self) -> list[str]:
        """The ticked ids: those ticked before keep their order, new ones follow in list order."""
        ticked = [self.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.count())
                  if self.item(r).checkState() == Qt.CheckState.Checked]
        return [i for i in self._order if i in ticked] + [i for i in ticked if i not in self._order]

    def _on_item_changed(self, _item: QListWidgetItem) -> None:
        ids = self.checked_ids()
        self._order = ids
        self.picked.emit(ids)


class ZoneCombo(QComboBox):
    """An Availability Zone picked from the zones the design already names, or typed."""

    #: str: the zone the user chose or typed
    zone_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.lineEdit()
        line.setPlaceholderText("such as eu-west-1a")
        line.editingFinished.connect(self._on_line_edit_editing_finished)
        self.activated.connect(self._on_activated)

    def show_zone(self, zone: str, zones: list[str]) -> None:
        """Offer ``zones`` with ``zone`` shown."""
        with QSignalBlocker(self):
            self.clear()
            self.addItems(zones)
            self.setCurrentText(zone)

    def _on_line_edit_editing_finished(self) -> None:
        self.zone_chosen.emit(self.currentText().strip())

    def _on_activated(self, _index: int) -> None:
        self.zone_chosen.emit(self.currentText().strip())
