"""A flow on the canvas: an arrow along its route from the source's border to the target's border, with its label."""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from wadesk import routing
from wadesk.ui._compat import override
from wadesk.ui.canvas import styles
from wadesk.ui.text_clip import CANVAS_CHARS, clipped

ARROW = 9.0
#: The height of a flow's label box on the canvas.
LABEL_H = 16.0


def border_point(rect: QRectF, towards: QPointF) -> QPointF:
    """Where the line from ``rect``'s centre towards ``towards`` leaves ``rect`` (3 px out, as
    :func:`wadesk.routing.border_point`, in Qt types: it runs for every flow of a design when it opens)."""
    centre = rect.center()
    dx, dy = towards.x() - centre.x(), towards.y() - centre.y()
    if dx == 0 and dy == 0:
        return centre
    half_w, half_h = rect.width() / 2 + 3, rect.height() / 2 + 3
    scale = min(half_w / abs(dx) if dx else math.inf, half_h / abs(dy) if dy else math.inf)
    return QPointF(centre.x() + dx * scale, centre.y() + dy * scale)


class EdgeItem(QGraphicsItem):
    """A directed flow drawn along its route (straight, or around components once routed), with its label."""

    def __init__(self, edge_id: str, label: str) -> None:
        super().__init__()
        self.edge_id = edge_id
        self._label = label
        self._shown_label = clipped(label, CANVAS_CHARS)  # drawing cost stays bounded
        self._route = routing.Route(((0.0, 0.0),) * 4)
        self._path = QPainterPath()
        self._label_box = QRectF()
        self._bounds = QRectF()
        self._straight = True
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setZValue(900)

    @property
    def label(self) -> str:
        """The text drawn at the middle of the arrow."""
        return self._label

    @property
    def route(self) -> routing.Route:
        """The route drawn (scene coordinates)."""
        return self._route

    def path(self) -> QPainterPath:
        """The drawn line as a painter path (scene coordinates), without the arrowhead."""
        return QPainterPath(self._path)

    def label_rect(self) -> QRectF:
        """The box the label is drawn in (empty without a label)."""
        return QRectF(self._label_box)

    def label_size(self) -> tuple[float, float] | None:
        """Width and height of the label box, or None without a label."""
        if not self._label:
            return None
        return (max(30.0, 6.5 * len(self._shown_label) + 8), LABEL_H)

    def set_label(self, label: str) -> None:
        """Show a new label (centred on the route until the next routing places it)."""
        self.prepareGeometryChange()
        self._label = label
        self._shown_label = clipped(label, CANVAS_CHARS)  # drawing cost stays bounded
        self._label_box = self._centred_label()
        self._bounds = self._path.controlPointRect().adjusted(-ARROW, -ARROW, ARROW, ARROW).united(self._label_box)
        self.update()

    def set_ends(self, source: QRectF, target: QRectF) -> None:
        """Draw the straight arrow between the two boxes (while they move, or when flows are not routed)."""
        self.prepareGeometryChange()
        start, end = border_point(source, target.center()), border_point(target, source.center())
        a, b = (start.x(), start.y()), (end.x(), end.y())
        self._route = routing.Route((a, a, b, b))
        self._straight = True
        self._path = QPainterPath(start)
        self._path.lineTo(end)
        self._label_box = self._centred_label()
        bounds = QRectF(start, end).normalized().adjusted(-ARROW, -ARROW, ARROW, ARROW)
        self._bounds = bounds.united(self._label_box) if self._label else bounds
        self.update()

    def set_route(self, route: routing.Route) -> None:
        """Draw ``route``; its label box, when it has none, is centred on the path."""
        self.prepareGeometryChange()
        self._route = route
        points = route.path
        path = QPainterPath(QPointF(*points[0]))
        self._straight = len(points) == 4 and points[1] == points[0] and points[2] == points[3]
        if self._straight:
            path.lineTo(QPointF(*points[3]))  # straight: cheaper to draw, stroke and hit-test than a curve
        else:
            for index in range(1, len(points) - 2, 3):
                path.cubicTo(QPointF(*points[index]), QPointF(*points[index + 1]), QPointF(*points[index + 2]))
        self._path = path
        self._label_box = QRectF(*route.label) if route.label and self._label else self._centred_label()
        bounds = path.controlPointRect().adjusted(-ARROW, -ARROW, ARROW, ARROW)
        self._bounds = bounds.united(self._label_box) if self._label else bounds
        self.update()

    def _centred_label(self) -> QRectF:
        size = self.label_size()
        if size is None:
            return QRectF()
        points = self._route.path
        if len(points) == 4:  # straight: the middle of the line, without measuring the curve
            mid = QPointF((points[0][0] + points[3][0]) / 2, (points[0][1] + points[3][1]) / 2)
        else:
            mid = self._path.pointAtPercent(0.5)
        return QRectF(mid.x() - size[0] / 2, mid.y() - size[1] / 2, size[0], size[1])

    def _arrowhead(self) -> QPolygonF:
        """The arrowhead at the path's end, pointing along its last segment."""
        points = self._route.path
        tip = QPointF(*points[-1])
        back = next((QPointF(*p) for p in reversed(points[:-1]) if QLineF(QPointF(*p), tip).length() > 0.5), None)
        if back is None:
            return QPolygonF()
        angle = math.atan2(tip.y() - back.y(), tip.x() - back.x())
        wing = 0.45
        return QPolygonF([
            tip,
            QPointF(tip.x() - ARROW * math.cos(angle - wing), tip.y() - ARROW * math.sin(angle - wing)),
            QPointF(tip.x() - ARROW * math.cos(angle + wing), tip.y() - ARROW * math.sin(angle + wing)),
        ])

    @override
    def boundingRect(self) -> QRectF:
        return self._bounds

    @override
    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        shape = stroker.createStroke(self._path)
        shape.addPolygon(self._arrowhead())
        if self._label:
            shape.addRect(self._label_box)
        return shape

    @override
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self._path.length() < 1:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        colour = styles.SELECTION_COLOUR if self.isSelected() else QColor("#545B64")
        painter.setPen(QPen(colour, 2.0 if self.isSelected() else 1.4))
        if self._straight:
            painter.drawLine(QLineF(QPointF(*self._route.path[0]), QPointF(*self._route.path[3])))
        else:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self._path)
        painter.setBrush(QBrush(colour))
        painter.drawPolygon(self._arrowhead())
        if self._label:
            rect = self._label_box
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor(255, 255, 255, 220)))
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(colour)
            painter.setFont(styles.label_font(7.5))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._shown_label)
