"""Right-click menus on the canvas (nodes, containers, flows, empty space) and the Arrange menu.

The view reports where the user right-clicked; this module builds the menu
that applies there, from actions the main window already has.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from wadesk.catalog import CATALOG
from wadesk.editing.arrange import ALIGNMENTS, DISTRIBUTIONS, align, distribute
from wadesk.editing.naming import describe
from wadesk.model import Architecture
from wadesk.ui.document import ICON_SIZE

if TYPE_CHECKING:
    from wadesk.ui.main_window import MainWindow

#: Submenus that list nodes stop here (a design of hundreds of nodes gets the nearest ones).
MENU_LIMIT = 30


class CanvasMenus:
    """Builds the canvas's context menus and the Arrange menu for one window."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    # ------------------------------------------------------------- arrange
    def fill_arrange_menu(self, menu: QMenu) -> None:
        """Align and distribute entries for the selection (each one undo step)."""
        for how in ALIGNMENTS:
            action = menu.addAction(f"Align {how}", lambda h=how: self.align(h))
            action.setObjectName(f"align_{how}")
        menu.addSeparator()
        for how in DISTRIBUTIONS:
            action = menu.addAction(f"Distribute {how}", lambda h=how: self.distribute(h))
            action.setObjectName(f"distribute_{how}")

    def align(self, how: str) -> None:
        """Line the selected nodes up (left, centre, right, top, middle or bottom)."""
        doc, ids = self._window.document, self._window.selection.ids
        moves = align(doc.arch, ids, how, ICON_SIZE)
        if moves:
            doc.move_nodes(moves, text=f"Align {how} {describe(doc.arch, _nodes(doc.arch, ids))}")

    def distribute(self, how: str) -> None:
        """Space three or more selected nodes evenly."""
        doc, ids = self._window.document, self._window.selection.ids
        moves = distribute(doc.arch, ids, how, ICON_SIZE)
        if moves:
            doc.move_nodes(moves, text=f"Distribute {describe(doc.arch, _nodes(doc.arch, ids))} {how}")

    # ------------------------------------------------------------ context
    def show(self, item_id: str | None, scene_pos: QPointF, global_pos: QPoint) -> None:
        """Select what was right-clicked (unless it is already selected) and pop its menu up."""
        menu = self.menu_for(item_id, scene_pos)
        menu.exec(global_pos)
        menu.deleteLater()

    def menu_for(self, item_id: str | None, scene_pos: QPointF, parent: QWidget | None = None) -> QMenu:
        """The menu for a right-click on ``item_id`` (None: empty canvas) at ``scene_pos``."""
        window = self._window
        arch = window.document.arch
        if item_id is not None and item_id not in window.selection.ids:
            window.selection.set([item_id])
        menu = QMenu(parent or window)
        if item_id is None or not (arch.has_node(item_id) or arch.has_edge(item_id)):
            window.selection.clear()
            self._canvas_menu(menu, scene_pos)
        elif arch.has_edge(item_id):
            self._flow_menu(menu, item_id)
        else:
            self._node_menu(menu, item_id)
        return menu

    def _canvas_menu(self, menu: QMenu, scene_pos: QPointF) -> None:
        window = self._window
        _add(menu, "Paste here", lambda: window.paste(at=(scene_pos.x(), scene_pos.y())))
        add = menu.addMenu("Add component here")
        for category, kinds in CATALOG.by_category().items():
            sub = add.addMenu(category.capitalize())
            for kind in kinds:
                sub.addAction(kind.name, lambda k=kind.id: self._add_here(k, scene_pos))
        menu.addSeparator()
        _add(menu, "Select all", window.select_all)
        _add(menu, "Auto layout", window.auto_layout)
        _add(menu, "Fit to window", window.view.fit)
        _add(menu, "Design properties", window.selection.clear)

    def _node_menu(self, menu: QMenu, node_id: str) -> None:
        window = self._window
        arch = window.document.arch
        selected = window.selection.ids
        many = len(_nodes(arch, selected)) > 1
        _add(menu, "Rename", window.rename_selection).setEnabled(not many)
        _add(menu, "Duplicate", window.duplicate)
        _add(menu, "Copy", window.copy)
        _add(menu, "Cut", window.cut)
        _add(menu, "Delete" + (" with contents" if arch.is_container(node_id) else ""), window.delete_selection)
        menu.addSeparator()
        if arch.is_container(node_id):
            _add(menu, "Select contents", lambda: window.selection.set(arch.children(node_id)))
        if not many:
            self._flow_submenu(menu, node_id)
            self._container_entries(menu, node_id)
            self._finding_entries(menu, node_id)
        if many:
            arrange = menu.addMenu("Arrange")
            self.fill_arrange_menu(arrange)

    def _flow_menu(self, menu: QMenu, edge_id: str) -> None:
        window = self._window
        edge = window.document.arch.edge(edge_id)
        _add(menu, "Rename", window.rename_selection)
        _add(menu, "Delete flow", window.delete_selection)
        menu.addSeparator()
        _add(menu, f"Select source: {window.document.arch.label_of(edge.source)}",
             lambda: window.selection.set([edge.source]))
        _add(menu, f"Select target: {window.document.arch.label_of(edge.target)}",
             lambda: window.selection.set([edge.target]))

    def _flow_submenu(self, menu: QMenu, node_id: str) -> None:
        """"Add flow to" every other component, nearest first."""
        window = self._window
        arch = window.document.arch
        here = arch.node(node_id)
        others = [n for n in arch.nodes() if n.id != node_id and not arch.is_container(n.id)]
        others.sort(key=lambda n: (n.x - here.x) ** 2 + (n.y - here.y) ** 2)
        sub = menu.addMenu("Add flow to")
        sub.setObjectName("add_flow_to")
        for other in sorted(others[:MENU_LIMIT], key=lambda n: arch.label_of(n.id).lower()):
            sub.addAction(arch.label_of(other.id), lambda t=other.id: self._connect(node_id, t))
        sub.setEnabled(bool(others))

    def _container_entries(self, menu: QMenu, node_id: str) -> None:
        """Move into a container, or out of the one it is in."""
        window = self._window
        arch = window.document.arch
        banned = {node_id, *arch.descendants(node_id)}
        parent = arch.parent_of(node_id)
        targets = [n for n in arch.nodes()
                   if arch.is_container(n.id) and n.id not in banned and n.id != parent]
        sub = menu.addMenu("Move into")
        sub.setObjectName("move_into")
        for target in sorted(targets, key=lambda n: arch.label_of(n.id).lower())[:MENU_LIMIT]:
            sub.addAction(arch.label_of(target.id), lambda t=target.id: self._move_into(node_id, t))
        sub.setEnabled(bool(targets))
        if parent is not None:
            _add(menu, f"Move out of {arch.label_of(parent)}", lambda: self._move_out(node_id))

    def _finding_entries(self, menu: QMenu, node_id: str) -> None:
        window = self._window
        findings = [f for f in window.document.analyzer.findings_for(node_id) if not f.suppressed]
        if not findings:
            return
        menu.addSeparator()
        first = findings[0]
        _add(menu, f"Show findings ({len(findings)})", lambda: window.analysis.select_finding(first.key))
        sub = menu.addMenu("Suppress finding")
        for finding in findings[:MENU_LIMIT]:
            sub.addAction(f"{finding.rule}: {finding.message[:60]}",
                          lambda k=finding.key: window.analysis.suppress_key(k))

    # ------------------------------------------------------------- actions
    def _add_here(self, kind: str, pos: QPointF) -> None:
        window = self._window
        node_id = window.document.add_node_at(kind, pos.x(), pos.y())
        window.selection.set([node_id])

    def _connect(self, source: str, target: str) -> None:
        edge_id = self._window.document.connect(source, target)
        if edge_id is not None:
            self._window.selection.set([edge_id])

    def _move_into(self, node_id: str, container: str) -> None:
        """Put the node inside ``container``, at its top-left, with everything it holds."""
        arch = self._window.document.arch
        box = arch.node(container)
        node = arch.node(node_id)
        dx, dy = box.x + 20 - node.x, box.y + 36 - node.y
        self._shift_into(node_id, dx, dy, container, f"Move {arch.label_of(node_id)} into {arch.label_of(container)}")

    def _move_out(self, node_id: str) -> None:
        """Put the node beside its container, in the container's own parent."""
        arch = self._window.document.arch
        parent = arch.node(arch.parent_of(node_id) or "")
        node = arch.node(node_id)
        dx, dy = parent.x + (parent.w or ICON_SIZE) + 30 - node.x, 0.0
        self._shift_into(node_id, dx, dy, parent.parent, f"Move {arch.label_of(node_id)} out of {parent.label}")

    def _shift_into(self, node_id: str, dx: float, dy: float, parent: str | None, text: str) -> None:
        doc = self._window.document
        arch = doc.arch
        moves = {}
        for moved in (node_id, *arch.descendants(node_id)):
            node = arch.node(moved)
            moves[moved] = (node.x + dx, node.y + dy, node.w, node.h)
        doc.move_nodes(moves, {node_id: parent}, text=text)


def _nodes(arch: Architecture, ids: list[str]) -> list[str]:
    return [i for i in ids if arch.has_node(i)]


def _add(menu: QMenu, text: str, slot: object) -> QAction:
    action = menu.addAction(text)
    action.triggered.connect(lambda _=False: slot())  # type: ignore[operator]
    return action
