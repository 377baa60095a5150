"""The view: zoom with Ctrl+wheel, pan with the middle button or Space+drag, drops from the palette, rename in place."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QLineEdit, QWidget

from wadesk.model import ModelError
from wadesk.ui._compat import override
from wadesk.ui.canvas.node_item import LABEL_TOP, NodeItem
from wadesk.ui.canvas.scene import DesignScene

#: Mime type a palette drag carries: the kind id, UTF-8.
KIND_MIME = "application/x-wadesk-kind"
MIN_ZOOM, MAX_ZOOM = 0.1, 4.0


class DesignView(QGraphicsView):
    """Shows a :class:`DesignScene`; all editing gestures are the scene's, navigation is the view's."""

    #: float: the zoom factor after a change (1.0 = 100 %)
    zoom_changed = Signal(float)
    #: (str | None, QPointF, QPoint): right-click on a node or flow id (None: empty canvas), scene and screen points
    context_menu_requested = Signal(object, QPointF, QPoint)

    def __init__(self, scene: DesignScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self._scene = scene
        self._space = False
        self._panning = False
        self._pan_from = QPointF()
        self._editor: QLineEdit | None = None
        self._editing: str | None = None
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setAcceptDrops(True)
        scene.rename_requested.connect(self._on_scene_rename_requested)

    # ----------------------------------------------------------------- zoom
    def zoom(self) -> float:
        """The current zoom factor."""
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        """Zoom to ``factor`` (clamped to 10 %..400 %)."""
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        current = self.zoom()
        if current and abs(factor - current) > 1e-9:
            self.scale(factor / current, factor / current)
            self.zoom_changed.emit(self.zoom())

    def zoom_in(self) -> None:
        """One step closer."""
        self.set_zoom(self.zoom() * 1.25)

    def zoom_out(self) -> None:
        """One step further."""
        self.set_zoom(self.zoom() / 1.25)

    def fit(self) -> None:
        """Show the whole design."""
        rect = self._scene.items_bounding_rect()
        if rect.isNull():
            self.set_zoom(1.0)
            self.centerOn(0, 0)
            return
        self.fitInView(rect.adjusted(-40, -40, 40, 40), Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 1.5:
            self.set_zoom(1.5)
        self.centerOn(rect.center())
        self.zoom_changed.emit(self.zoom())

    def centre_scene_pos(self) -> QPointF:
        """The scene point at the middle of the viewport (where a double-clicked kind lands)."""
        return self.mapToScene(self.viewport().rect().center())

    @override
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        scene_pos = self.mapToScene(event.pos())
        self.context_menu_requested.emit(self._scene.id_at(scene_pos), scene_pos, event.globalPos())
        event.accept()

    @override
    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if event.angleDelta().y() > 0:
                self.zoom_in()
            elif event.angleDelta().y() < 0:
                self.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)

    # ------------------------------------------------------------------ pan
    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self._editor is None:
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        super().keyPressEvent(event)

    @override
    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().unsetCursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton or (
            self._space and event.button() == Qt.MouseButton.LeftButton
        ):
            self._panning = True
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    @override
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._panning:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.horizontalScrollBar().setValue(int(self.horizontalScrollBar().value() - delta.x()))
            self.verticalScrollBar().setValue(int(self.verticalScrollBar().value() - delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    @override
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._panning:
            self._panning = False
            if self._space:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    # ---------------------------------------------------------------- drops
    @override
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(KIND_MIME):
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    @override
    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(KIND_MIME):
            event.acceptProposedAction()
            return
        super().dragMoveEvent(event)

    @override
    def dropEvent(self, event: QDropEvent) -> None:
        if not event.mimeData().hasFormat(KIND_MIME):
            super().dropEvent(event)
            return
        kind = bytes(event.mimeData().data(KIND_MIME).data()).decode("utf-8")
        where = self.mapToScene(event.position().toPoint())
        try:
            node_id = self._scene.document.add_node_at(kind, where.x(), where.y())
        except ModelError:
            event.ignore()
            return
        self._scene.selection.set([node_id])
        event.acceptProposedAction()

    # ------------------------------------------------------- rename in place
    def edit_label(self, item_id: str) -> QLineEdit | None:
        """Open an in-place editor over the label of node or flow ``item_id``."""
        arch = self._scene.document.arch
        box = self._scene.box(item_id)
        if box is not None:
            if isinstance(box, NodeItem):
                rect = QRectF(box.scenePos().x() - 33, box.scenePos().y() + LABEL_TOP, 130, 20)
            else:
                rect = QRectF(box.scenePos().x() + 26, box.scenePos().y() + 2, 220, 22)
            text = arch.node(item_id).label
        elif arch.has_edge(item_id) and (edge := self._scene.edge_item(item_id)) is not None:
            centre = edge.boundingRect().center()
            rect = QRectF(centre.x() - 70, centre.y() - 10, 140, 20)
            text = arch.edge(item_id).label
        else:
            return None
        self._close_editor()
        editor = QLineEdit(text, self.viewport())
        editor.setObjectName("rename_editor")
        top_left = self.mapFromScene(rect.topLeft())
        editor.setGeometry(top_left.x(), top_left.y(), max(120, int(rect.width() * self.zoom())), 24)
        editor.selectAll()
        editor.editingFinished.connect(self._on_editor_editing_finished)
        editor.installEventFilter(self)
        editor.show()
        editor.setFocus()
        self._editor, self._editing = editor, item_id
        return editor

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._editor and event.type() == QEvent.Type.KeyPress:
            if isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
                self._editing = None  # cancel: nothing is committed
                self._close_editor()
                return True
        return super().eventFilter(watched, event)

    def _on_editor_editing_finished(self) -> None:
        editor, item_id = self._editor, self._editing
        if editor is None or item_id is None:
            return
        text = editor.text().strip()
        self._editing = None
        self._close_editor()
        if self._scene.document.arch.has_node(item_id) or self._scene.document.arch.has_edge(item_id):
            self._scene.document.rename(item_id, text)

    def _close_editor(self) -> None:
        if self._editor is not None:
            editor, self._editor = self._editor, None
            editor.removeEventFilter(self)
            editor.hide()
            editor.deleteLater()
            self.setFocus()

    def _on_scene_rename_requested(self, item_id: str) -> None:
        self.edit_label(item_id)

