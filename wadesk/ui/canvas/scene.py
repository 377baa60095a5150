"""The scene: a projection of the design keyed by id, and the gestures that turn into intents.

Items never write the model: a drag, a resize or a new connection calls the
document controller once, on mouse release, so each gesture is one undo step.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsScene, QGraphicsSceneMouseEvent

from wadesk.analysis.ownership import node_ownership
from wadesk.catalog import CATALOG
from wadesk.catalog.responsibility import LAYERS
from wadesk.model import ModelError, ModelEvent
from wadesk.routing import Routing
from wadesk.ui._compat import override
from wadesk.ui.canvas.container_item import ContainerItem
from wadesk.ui.canvas.edge_item import EdgeItem
from wadesk.ui.canvas.flow_router import FlowRouter, routing_problem
from wadesk.ui.canvas.node_item import NodeItem
from wadesk.ui.canvas.styles import ICON
from wadesk.ui.document import DocumentController
from wadesk.ui.selection import SelectionModel

GRID = 10.0
Box = NodeItem | ContainerItem


def snap(value: float) -> float:
    """``value`` on the 10 px grid."""
    return round(value / GRID) * GRID


class DesignScene(QGraphicsScene):
    """Mirrors the controller's design: one item per node and per flow, found by id."""

    #: str: the user asked to rename this node or flow in place
    rename_requested = Signal(str)

    def __init__(self, document: DocumentController, selection: SelectionModel) -> None:
        super().__init__()
        self.document = document
        self.selection = selection
        self._boxes: dict[str, Box] = {}
        self._edges: dict[str, EdgeItem] = {}
        self._responsibility_view = False
        self._annotations_visible = True
        self._syncing = False
        self._mode: str | None = None
        self._press = QPointF()
        self._drag_start: dict[str, QPointF] = {}
        self._drag_primary: str | None = None
        self._active: str | None = None
        self._rubber_line: QGraphicsLineItem | None = None
        #: routes the flows around components once edits settle (and at once for reports and exports)
        self.router = FlowRouter(lambda: len(self._boxes) + len(self._edges),
                                 lambda: routing_problem(self.document.arch, self._boxes, self._edges),
                                 self._apply_routing, self)
        self.setSceneRect(QRectF(-2000, -2000, 6000, 5000))
        self.setBackgroundBrush(QColor("#FAFBFC"))
        document.model_changed.connect(self._on_document_model_changed)
        document.analysis_changed.connect(self._on_document_analysis_changed)
        document.document_replaced.connect(self._on_document_document_replaced)
        selection.selection_changed.connect(self._on_selection_selection_changed)
        self.selectionChanged.connect(self._on_scene_selection_changed)
        self.rebuild()

    # ------------------------------------------------------------ lookups
    def box(self, node_id: str) -> Box | None:
        """The item drawing node ``node_id``."""
        return self._boxes.get(node_id)

    def edge_item(self, edge_id: str) -> EdgeItem | None:
        """The item drawing flow ``edge_id``."""
        return self._edges.get(edge_id)

    def node_at(self, pos: QPointF, exclude: Iterable[str] = ()) -> str | None:
        """The component or container under ``pos`` (components first)."""
        banned = set(exclude)
        for item in self.items(pos):
            if isinstance(item, NodeItem | ContainerItem) and item.node_id not in banned:
                return item.node_id
        return None

    def id_at(self, pos: QPointF) -> str | None:
        """The node or flow a click at ``pos`` lands on: a component, a flow, a container's border or inside."""
        for item in self.items(pos):
            if isinstance(item, NodeItem | ContainerItem):
                return item.node_id
            if isinstance(item, EdgeItem):
                return item.edge_id
        return self.document.container_at(pos.x(), pos.y())

    def items_bounding_rect(self) -> QRectF:
        """The box around every drawn node and flow."""
        rect = QRectF()
        for item in [*self._boxes.values(), *self._edges.values()]:
            rect = rect.united(item.sceneBoundingRect())
        return rect

    # ------------------------------------------------------------ mirror
    def rebuild(self) -> None:
        """Drop every item and draw the current design again."""
        self._syncing = True
        for item in [*self._edges.values(), *self._boxes.values()]:
            self.removeItem(item)
        self._boxes.clear()
        self._edges.clear()
        arch = self.document.arch
        for node_id in arch.node_ids():
            self._add_box(node_id)
        for edge_id in arch.edge_ids():
            self._add_edge(edge_id)
        self._restack()
        self._refresh_findings(None)
        self._syncing = False
        self.router.schedule()

    def set_responsibility_view(self, on: bool) -> None:
        """Show or hide every component's layer-owner strip."""
        self._responsibility_view = on
        for box in self._boxes.values():
            box.set_responsibility_view(on)
        self._update_edges(self._boxes)
        self.router.schedule()  # captions move down under the owner strip

    @property
    def annotations_visible(self) -> bool:
        """Whether finding badges and ownership markers are drawn."""
        return self._annotations_visible

    def set_annotations_visible(self, on: bool) -> None:
        """Show or hide every finding badge and ownership marker (an image export may leave them out)."""
        self._annotations_visible = on
        for box in self._boxes.values():
            box.set_annotations_visible(on)

    @contextmanager
    def editing_handles_hidden(self) -> Iterator[None]:
        """Inside the block the scene draws as printed: no resize grips, nothing selected."""
        containers = [box for box in self._boxes.values() if isinstance(box, ContainerItem)]
        try:
            for box in containers:
                box.set_handles_visible(False)
            with self.selection_highlight_hidden():
                yield
        finally:
            for box in containers:
                box.set_handles_visible(True)

    @contextmanager
    def selection_highlight_hidden(self) -> Iterator[None]:
        """Inside the block selected items draw as unselected; the selection model is not told."""
        selected = self.selectedItems()
        self._syncing = True
        try:
            for item in selected:
                item.setSelected(False)
            yield
        finally:
            for item in selected:
                item.setSelected(True)
            self._syncing = False

    def _add_box(self, node_id: str) -> None:
        node = self.document.arch.node(node_id)
        kind = CATALOG.get(node.kind)
        box: Box
        if self.document.arch.is_container(node_id):
            box = ContainerItem(node_id, node.kind, node.label, kind.icon_path, node.w or 300.0, node.h or 200.0,
                                node.props)
        else:
            box = NodeItem(node_id, node.kind, node.label or kind.name, kind.icon_path)
            box.set_defined_elsewhere(bool(node.props.get("defined_elsewhere")))
            box.set_responsibility_view(self._responsibility_view)
            self._refresh_ownership(box)
        box.set_annotations_visible(self._annotations_visible)
        box.setPos(node.x, node.y)
        self._boxes[node_id] = box
        self.addItem(box)

    def _add_edge(self, edge_id: str) -> None:
        edge = self.document.arch.edge(edge_id)
        item = EdgeItem(edge_id, edge.label)
        self._edges[edge_id] = item
        self.addItem(item)
        self._route(edge_id)

    def _route(self, edge_id: str) -> None:
        edge = self.document.arch.edge(edge_id)
        source, target = self._boxes.get(edge.source), self._boxes.get(edge.target)
        if source is not None and target is not None:
            self._edges[edge_id].set_ends(_box_rect(source), _box_rect(target))

    def _apply_routing(self, result: Routing) -> None:
        for edge_id, route in result.routes.items():
            item = self._edges.get(edge_id)
            if item is not None:
                item.set_route(route)

    def _update_edges(self, node_ids: Iterable[str]) -> None:
        arch = self.document.arch
        touched: set[str] = set()
        for node_id in node_ids:
            if arch.has_node(node_id):
                touched.update(arch.edges_of(node_id))
        for edge_id in touched:
            if edge_id in self._edges:
                self._route(edge_id)

    def _restack(self) -> None:
        arch = self.document.arch
        for node_id, box in self._boxes.items():
            if isinstance(box, ContainerItem):
                box.setZValue(len(arch.ancestors(node_id)))

    def _refresh_ownership(self, box: NodeItem) -> None:
        responsibility = node_ownership(self.document.arch, box.node_id)
        box.set_ownership(responsibility.customer_layers(), [responsibility.layers[layer] for layer in LAYERS])

    def _refresh_findings(self, ids: Iterable[str | None] | None) -> None:
        analyzer = self.document.analyzer
        targets = self._boxes.keys() if ids is None else [i for i in ids if i is not None]
        for node_id in list(targets):
            box = self._boxes.get(node_id)
            if box is not None:
                box.set_findings(analyzer.findings_for(node_id))

    # -------------------------------------------------------------- slots
    def _on_document_document_replaced(self) -> None:
        self.selection.clear()
        self.rebuild()

    def _on_document_analysis_changed(self, ids: object) -> None:
        self._refresh_findings(None if ids is None else ids)  # type: ignore[arg-type]

    def _on_document_model_changed(self, event: ModelEvent) -> None:
        arch = self.document.arch
        target = event.target
        kind = event.type
        if kind in _RESHAPING:
            self.router.schedule()
        if kind == "node_added" and target is not None:
            self._add_box(target)
            self._restack()
        elif kind == "node_removed" and target is not None:
            box = self._boxes.pop(target, None)
            if box is not None:
                self.removeItem(box)
            self.selection.discard([target])
        elif kind == "node_moved" and target is not None:
            box = self._boxes[target]
            x, y, w, h = event.new
            box.setPos(x, y)
            if isinstance(box, ContainerItem) and w is not None and h is not None:
                box.set_size(w, h)
            self._update_edges([target])
        elif kind == "node_reparented":
            self._restack()
        elif kind == "node_label_changed" and target is not None:
            self._boxes[target].set_label(arch.node(target).label)
        elif kind == "node_props_changed" and target is not None:
            box = self._boxes[target]
            if isinstance(box, ContainerItem):
                box.set_props(arch.props_of(target))
            else:
                box.set_defined_elsewhere(bool(arch.props_of(target).get("defined_elsewhere")))
                self._refresh_ownership(box)
        elif kind == "edge_added" and target is not None:
            self._add_edge(target)
        elif kind == "edge_removed" and target is not None:
            item = self._edges.pop(target, None)
            if item is not None:
                self.removeItem(item)
            self.selection.discard([target])
        elif kind == "edge_label_changed" and target is not None:
            self._edges[target].set_label(arch.edge(target).label)

    def _on_selection_selection_changed(self, ids: list[str]) -> None:
        if self._syncing:
            return
        self._syncing = True
        wanted = set(ids)
        for item_id, item in [*self._boxes.items(), *self._edges.items()]:
            item.setSelected(item_id in wanted)
        self._syncing = False

    def _on_scene_selection_changed(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        ids = [item.node_id if isinstance(item, NodeItem | ContainerItem) else item.edge_id
               for item in self.selectedItems() if isinstance(item, NodeItem | ContainerItem | EdgeItem)]
        self.selection.set(ids)
        self._syncing = False

    # ----------------------------------------------------------- gestures
    @override
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._mode = None
        pos = event.scenePos()
        if event.button() == Qt.MouseButton.LeftButton:
            for box in self._boxes.values():
                if isinstance(box, NodeItem) and box.handle_contains(pos):
                    self._start_connect(box.node_id, pos)
                    event.accept()
                    return
                if isinstance(box, ContainerItem) and box.isSelected() and box.handle_contains(pos):
                    self._mode, self._active, self._press = "resize", box.node_id, pos
                    event.accept()
                    return
            # the grip is drawn on every container: grabbing it on an unselected one selects and resizes it
            # (rather than moving the whole container and everything in it)
            top = self.node_at(pos)
            grip = self._boxes.get(top) if top is not None else None
            if isinstance(grip, ContainerItem) and grip.handle_contains(pos):
                self.selection.set([grip.node_id])
                self._mode, self._active, self._press = "resize", grip.node_id, pos
                event.accept()
                return
        super().mousePressEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        hit = self.node_at(pos)
        if hit is not None and self._boxes[hit].isSelected():
            self._start_drag(hit, pos)

    @override
    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        pos = event.scenePos()
        if self._mode == "drag":
            delta = pos - self._press
            for node_id, start in self._drag_start.items():
                self._boxes[node_id].setPos(start + delta)
            self._update_edges(self._drag_start)
            event.accept()
            return
        if self._mode == "connect" and self._rubber_line is not None:
            line = self._rubber_line.line()
            line.setP2(pos)
            self._rubber_line.setLine(line)
            event.accept()
            return
        if self._mode == "resize" and self._active is not None:
            box = self._boxes[self._active]
            if isinstance(box, ContainerItem):
                corner = box.mapFromScene(pos)
                box.set_size(corner.x(), corner.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    @override
    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        mode, self._mode = self._mode, None
        pos = event.scenePos()
        try:
            if mode == "drag":
                self._finish_drag(pos)
            elif mode == "connect":
                self._finish_connect(pos)
            elif mode == "resize":
                self._finish_resize()
        except ModelError:
            self.rebuild()  # the model refused: show what it holds
        super().mouseReleaseEvent(event)  # releases the mouse grab

    @override
    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        hit = self.node_at(event.scenePos())
        if hit is None:
            for item in self.items(event.scenePos()):
                if isinstance(item, EdgeItem):
                    hit = item.edge_id
                    break
        if hit is not None:
            self.rename_requested.emit(hit)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def _start_drag(self, primary: str, pos: QPointF) -> None:
        arch = self.document.arch
        moving: dict[str, None] = {}
        for node_id in self.selection.ids:
            if arch.has_node(node_id):
                moving[node_id] = None
                moving.update(dict.fromkeys(arch.descendants(node_id)))
        self._drag_start = {node_id: self._boxes[node_id].pos() for node_id in moving}
        self._drag_primary = primary
        self._press = pos
        self._mode = "drag"
        self.router.cancel()  # the moving flows follow straight; they are routed again on release

    def _finish_drag(self, pos: QPointF) -> None:
        arch = self.document.arch
        primary = self._drag_primary
        if primary is None or primary not in self._drag_start:
            return
        start = self._drag_start[primary]
        delta = pos - self._press
        dx = snap(start.x() + delta.x()) - start.x()
        dy = snap(start.y() + delta.y()) - start.y()
        moves = {}
        for node_id, origin in self._drag_start.items():
            node = arch.node(node_id)
            moves[node_id] = (origin.x() + dx, origin.y() + dy, node.w, node.h)
        moving = set(self._drag_start)
        reparent: dict[str, str | None] = {}
        for node_id in self._drag_start:
            if set(arch.ancestors(node_id)) & moving:
                continue  # moves with its container
            x, y, w, h = moves[node_id]
            centre_x = x + (w if w is not None else ICON) / 2
            centre_y = y + (h if h is not None else ICON) / 2
            reparent[node_id] = self.document.container_at(centre_x, centre_y, exclude=moving)
        self._drag_start = {}
        if dx == 0 and dy == 0 and all(arch.parent_of(n) == p for n, p in reparent.items()):
            for node_id in moves:
                self._boxes[node_id].setPos(arch.node(node_id).x, arch.node(node_id).y)
            self._update_edges(moves)
            self.router.schedule()
            return
        self.document.move_nodes(moves, reparent)

    def _start_connect(self, source: str, pos: QPointF) -> None:
        self._mode, self._active, self._press = "connect", source, pos
        self._rubber_line = QGraphicsLineItem(pos.x(), pos.y(), pos.x(), pos.y())
        self._rubber_line.setPen(QPen(QColor("#1A73E8"), 1.5, Qt.PenStyle.DashLine))
        self._rubber_line.setZValue(2000)
        self.addItem(self._rubber_line)

    def _finish_connect(self, pos: QPointF) -> None:
        if self._rubber_line is not None:
            self.removeItem(self._rubber_line)
            self._rubber_line = None
        source = self._active
        target = self.node_at(pos, exclude=[source] if source else [])
        if source is not None and target is not None:
            self.document.connect(source, target)

    def _finish_resize(self) -> None:
        node_id = self._active
        if node_id is None:
            return
        box = self._boxes[node_id]
        if isinstance(box, ContainerItem):
            node = self.document.arch.node(node_id)
            w, h = box.size
            self.document.move_nodes({node_id: (node.x, node.y, max(snap(w), 120.0), max(snap(h), 80.0))})
            after = self.document.arch.node(node_id)
            box.set_size(after.w or w, after.h or h)


#: Model changes that move, resize, add or remove what flows are routed around.
_RESHAPING = frozenset({"node_added", "node_removed", "node_moved", "node_label_changed", "edge_added",
                        "edge_removed", "edge_label_changed"})


def _box_rect(box: Box) -> QRectF:
    if isinstance(box, NodeItem):
        return box.icon_rect_in_scene()
    w, h = box.size
    return QRectF(box.scenePos().x(), box.scenePos().y(), w, h)
