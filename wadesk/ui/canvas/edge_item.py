"""A flow on the canvas: an arrow from the source's border to the target's border, with its label."""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from wadesk.ui._compat import override
from wadesk.ui.canvas import styles
from wadesk.ui.text_clip import CANVAS_CHARS, clipped

ARROW = 9.0


def border_point(rect: QRectF, towards: QPointF) -> QPointF:
    """Where the line from ``rect``'s centre towards ``towards`` leaves ``rect``."""
    centre = rect.center()
    dx, dy = towards.x() - centre.x(), towards.y() - centre.y()
    if dx == 0 and dy == 0:
        return centre
    half_w, half_h = rect.width() / 2 + 3, rect.height() / 2 + 3
    scale = min(half_w / abs(dx) if dx else math.inf, half_h / abs(dy) if dy else math.inf)
    return QPointF(centre.x() + dx * scale, centre.y() + dy * scale)


class EdgeItem(QGraphicsItem):
    """A directed flow between two boxes given in scene coordinates."""

    def __init__(self, edge_id: str, label: str) -> None:
        super().__init__()
        self.edge_id = edge_id
        self._label = label
        self._shown_label = clipped(label, CANVAS_CHARS)  # drawing cost stays bounded
        self._line = QLineF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setZValue(900)

    @property
    def label(self) -> str:
        """The text drawn at the middle of the arrow."""
        return self._label

    def set_label(self, label: str) -> None:
        """Show a new label."""
        self.prepareGeometryChange()
        self._label = label
        self._shown_label = clipped(label, CANVAS_CHARS)  # drawing cost stays bounded
        self.update()

    def set_ends(self, source: QRectF, target: QRectF) -> None:
        """Route the arrow between the two boxes."""
        self.prepareGeometryChange()
        start = border_point(source, target.center())
        end = border_point(target, source.center())
        self._line = QLineF(start, end)
        self.update()

    def _label_rect(self) -> QRectF:
        if not self._label:
            return QRectF()
        width = max(30.0, 6.5 * len(self._shown_label) + 8)
        mid = self._line.center()
        return QRectF(mid.x() - width / 2, mid.y() - 8, width, 16)

    @override
    def boundingRect(self) -> QRectF:
        box = QRectF(self._line.p1(), self._line.p2()).normalized().adjusted(-ARROW, -ARROW, ARROW, ARROW)
        return box.united(self._label_rect())

    @override
    def shape(self) -> QPainterPath:
        path = QPainterPath(self._line.p1())
        path.lineTo(self._line.p2())
        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        shape = stroker.createStroke(path)
        if self._label:
            shape.addRect(self._label_rect())
        return shape

    @override
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self._line.length() < 1:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        colour = styles.SELECTION_COLOUR if self.isSelected() else QColor("#545B64")
        painter.setPen(QPen(colour, 2.0 if self.isSelected() else 1.4))
        painter.drawLine(self._line)
        angle = math.atan2(self._line.dy(), self._line.dx())
        tip = self._line.p2()
        wing = 0.45
        head = QPolygonF([
            tip,
            QPointF(tip.x() - ARROW * math.cos(angle - wing), tip.y() - ARROW * math.sin(angle - wing)),
            QPointF(tip.x() - ARROW * math.cos(angle + wing), tip.y() - ARROW * math.sin(angle + wing)),
        ])
        painter.setBrush(QBrush(colour))
        painter.drawPolygon(head)
        if self._label:
            rect = self._label_rect()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor(255, 255, 255, 220)))
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(colour)
            painter.setFont(styles.label_font(7.5))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._shown_label)
