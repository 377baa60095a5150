"""The palette: every kind grouped by category, searchable, dragged onto the canvas or double-clicked to add."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from wadesk.catalog import CATALOG
from wadesk.ui._compat import override

#: Mime type of a palette drag: the kind id, UTF-8 (the canvas view accepts it).
KIND_MIME = "application/x-wadesk-kind"
KIND_ROLE = Qt.ItemDataRole.UserRole + 1


class _KindTree(QTreeWidget):
    """A tree whose leaves drag their kind id."""

    @override
    def mimeData(self, items: list[QTreeWidgetItem]) -> QMimeData:
        data = QMimeData()
        kinds = [item.data(0, KIND_ROLE) for item in items if item.data(0, KIND_ROLE)]
        if kinds:
            data.setData(KIND_MIME, kinds[0].encode("utf-8"))
            data.setText(kinds[0])
        return data

    @override
    def mimeTypes(self) -> list[str]:
        return [KIND_MIME]


class PalettePanel(QWidget):
    """Kinds by category with a search box."""

    #: str: the user double-clicked this kind id (add it at the view centre)
    kind_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search components…")
        self.search.setClearButtonEnabled(True)
        self.tree = _KindTree(self)
        self.tree.setHeaderHidden(True)
        self.tree.setIconSize(QSize(24, 24))
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QTreeWidget.DragDropMode.DragOnly)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)
        self._items: dict[str, QTreeWidgetItem] = {}
        for category, kinds in CATALOG.by_category().items():
            if not kinds:
                continue
            group = QTreeWidgetItem(self.tree, [category.replace("_", " ").capitalize()])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for kind in kinds:
                leaf = QTreeWidgetItem(group, [kind.name])
                leaf.setIcon(0, QIcon(str(kind.icon_path)))
                leaf.setData(0, KIND_ROLE, kind.id)
                leaf.setToolTip(0, f"{kind.name} ({kind.id})")
                leaf.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled)
                self._items[kind.id] = leaf
        self.tree.expandAll()
        self.search.textChanged.connect(self._on_search_text_changed)
        self.tree.itemDoubleClicked.connect(self._on_tree_item_double_clicked)

    def item_for(self, kind: str) -> QTreeWidgetItem:
        """The tree item of ``kind``."""
        return self._items[kind]

    def visible_kinds(self) -> list[str]:
        """Kind ids not hidden by the search."""
        return [kind for kind, item in self._items.items() if not item.isHidden()]

    def _on_search_text_changed(self, text: str) -> None:
        needle = text.strip().lower()
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            shown = 0
            for child_index in range(group.childCount()):
                leaf = group.child(child_index)
                kind = str(leaf.data(0, KIND_ROLE))
                match = not needle or needle in leaf.text(0).lower() or needle in kind
                leaf.setHidden(not match)
                shown += match
            group.setHidden(shown == 0)

    def _on_tree_item_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        kind = item.data(0, KIND_ROLE)
        if kind:
            self.kind_activated.emit(str(kind))
