"""The selection as a model object: the ids (nodes and flows) the user has picked."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal


class SelectionModel(QObject):
    """Selected node and edge ids, in the order they were picked."""

    #: list[str]: the selected ids after the change
    selection_changed = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids: list[str] = []

    @property
    def ids(self) -> list[str]:
        """The selected ids."""
        return list(self._ids)

    def current(self) -> str | None:
        """The single selected id, or None when zero or several are selected."""
        return self._ids[0] if len(self._ids) == 1 else None

    def set(self, ids: Iterable[str]) -> None:
        """Replace the selection (emits only when it changes)."""
        new = list(dict.fromkeys(ids))
        if new != self._ids:
            self._ids = new
            self.selection_changed.emit(list(new))

    def clear(self) -> None:
        """Select nothing."""
        self.set([])

    def discard(self, ids: Iterable[str]) -> None:
        """Drop ids that no longer exist."""
        gone = set(ids)
        self.set([i for i in self._ids if i not in gone])
