"""A container on the canvas (cloud, region, VPC, AZ, subnet, group) drawn in the AWS diagram style."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from wadesk.rules.base import Finding
from wadesk.ui._compat import override
from wadesk.ui.canvas import styles
from wadesk.ui.text_clip import CANVAS_CHARS, clipped

TITLE_HEIGHT = 26.0
BORDER_GRIP = 6.0
HANDLE_SIZE = 12.0
MIN_SIZE = (120.0, 80.0)


def style_for(kind: str, props: Mapping[str, Any]) -> styles.ContainerStyle:
    """The drawing style of a container of ``kind`` with ``props`` (subnets differ by ``public``)."""
    if kind == "subnet":
        return styles.CONTAINER_STYLES["public_subnet" if props.get("public") else "private_subnet"]
    return styles.CONTAINER_STYLES.get(kind, styles.DEFAULT_CONTAINER_STYLE)


def elided_title(text: str, metrics: QFontMetricsF, width: float) -> str:
    """A title cut to ``width``: words lose their end, an id its middle (its end tells boxes apart:
    ``module.vpcs["spoke-vpc-a"].aws_su…`` said nothing of which subnet it was)."""
    cut = Qt.TextElideMode.ElideRight if " " in text.strip() else Qt.TextElideMode.ElideMiddle
    return metrics.elidedText(text, cut, width)


class ContainerItem(QGraphicsItem):
    """A container box; grabbed by its title bar or border so its inside stays free for rubber-band selection."""

    def __init__(self, node_id: str, kind: str, label: str, icon_path: Path, w: float, h: float,
                 props: Mapping[str, Any]) -> None:
        super().__init__()
        self.node_id = node_id
        self.kind = kind
        self._label = label
        self._shown_label = clipped(label, CANVAS_CHARS)  # drawing cost stays bounded
        self._w, self._h = w, h
        self._style = style_for(kind, props)
        self._defined_elsewhere = bool(props.get("defined_elsewhere"))
        self._icon = styles.icon_pixmap(icon_path, 20)
        self._findings: list[Finding] = []
        self._annotations_visible = True
        self._handles_visible = True
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setToolTip(label)

    # ---------------------------------------------------------------- state
    @property
    def label(self) -> str:
        """The title."""
        return self._label

    @property
    def style(self) -> styles.ContainerStyle:
        """The current drawing style."""
        return self._style

    @property
    def size(self) -> tuple[float, float]:
        """Width and height."""
        return self._w, self._h

    def set_label(self, label: str) -> None:
        """Show a new title."""
        self._label = label
        self._shown_label = clipped(label, CANVAS_CHARS)  # drawing cost stays bounded
        self.setToolTip(label)
        self.update()

    def set_size(self, w: float, h: float) -> None:
        """Resize the box (scene units)."""
        self.prepareGeometryChange()
        self._w, self._h = max(w, MIN_SIZE[0]), max(h, MIN_SIZE[1])
        self.update()

    def set_props(self, props: Mapping[str, Any]) -> None:
        """Restyle after a property change (a subnet turning public, a VPC marked as defined elsewhere)."""
        self._style = style_for(self.kind, props)
        self._defined_elsewhere = bool(props.get("defined_elsewhere"))
        self.update()

    @property
    def defined_elsewhere(self) -> bool:
        """Whether the container stands for one defined outside the design (drawn with a dotted border)."""
        return self._defined_elsewhere

    def set_findings(self, findings: Sequence[Finding]) -> None:
        """Show the badge for ``findings``."""
        self._findings = list(findings)
        self.update()

    @property
    def findings(self) -> list[Finding]:
        """The findings the badge counts."""
        return list(self._findings)

    def set_ownership(self, customer_layers: int, owners: Sequence[str]) -> None:
        """Containers show no ownership marker."""

    def set_responsibility_view(self, on: bool) -> None:
        """Containers look the same in the responsibility view."""

    def set_handles_visible(self, on: bool) -> None:
        """Draw the resize grip (the editor) or leave it out (reports and image exports)."""
        self._handles_visible = on
        self.update()

    def set_annotations_visible(self, on: bool) -> None:
        """Draw (or leave out) the finding badge."""
        self._annotations_visible = on
        self.update()

    def title_rect_in_scene(self) -> QRectF:
        """The box the icon and title take at the top left (flows and their labels keep off it)."""
        x = 28.0 if self._style.icon else 8.0
        metrics = QFontMetricsF(styles.label_font(9, bold=True))
        width = min(metrics.horizontalAdvance(self._shown_label), max(10.0, self._w - x - 24))
        pos = self.scenePos()
        return QRectF(pos.x(), pos.y(), min(self._w, x + width + 6), 24.0)

    def handle_rect(self) -> QRectF:
        """The resize handle at the bottom-right corner, in item coordinates."""
        return QRectF(self._w - HANDLE_SIZE, self._h - HANDLE_SIZE, HANDLE_SIZE, HANDLE_SIZE)

    def handle_contains(self, scene_pos: QPointF) -> bool:
        """Whether ``scene_pos`` is on the resize handle."""
        return self.handle_rect().adjusted(-3, -3, 3, 3).contains(self.mapFromScene(scene_pos))

    # -------------------------------------------------------------- drawing
    @override
    def boundingRect(self) -> QRectF:
        return QRectF(-12, -12, self._w + 24, self._h + 24)

    @override
    def shape(self) -> QPainterPath:
        outer = QPainterPath()
        outer.addRect(QRectF(-BORDER_GRIP, -BORDER_GRIP, self._w + 2 * BORDER_GRIP, self._h + 2 * BORDER_GRIP))
        inner = QPainterPath()
        inner.addRect(QRectF(BORDER_GRIP, TITLE_HEIGHT, self._w - 2 * BORDER_GRIP,
                             self._h - TITLE_HEIGHT - BORDER_GRIP))
        ring = outer.subtracted(inner)
        # united, not added: an added rect overlapping the ring cancels out under the odd-even fill rule,
        # which left holes in the grip and the badge where clicks fell through
        grip = QPainterPath()
        grip.addRect(self.handle_rect().adjusted(-3, -3, 3, 3))
        badge = QPainterPath()
        badge.addEllipse(QRectF(self._w - 10, -10, 20, 20))
        return ring.united(grip).united(badge)

    @override
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        style = self._style
        rect = QRectF(0, 0, self._w, self._h)
        pen = QPen(QColor(style.outline), style.width)
        if self._defined_elsewhere:
            pen.setStyle(Qt.PenStyle.DotLine)  # another stack's or module's: dotted, unlike any kind's own border
        elif style.dashed:
            pen.setStyle(Qt.PenStyle.CustomDashLine)
            pen.setDashPattern([6, 4])
        painter.setPen(pen)
        painter.setBrush(QBrush(QColor(style.fill)) if style.fill else Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        x = 8.0
        if style.icon:
            painter.drawPixmap(QPointF(4, 3), self._icon)
            x = 28.0
        painter.setPen(QColor(style.title))
        painter.setFont(styles.label_font(9, bold=True))
        title = QRectF(x, 3, max(10.0, self._w - x - 24), 20)
        text = elided_title(self._shown_label, QFontMetricsF(painter.font()), title.width())
        painter.drawText(title, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        if self._handles_visible:  # resize grip: two short diagonals
            painter.setPen(QPen(QColor(style.outline), 1.2))
            corner = QPointF(self._w - 3, self._h - 3)
            for d in (5.0, 9.0):
                painter.drawLine(QPointF(corner.x() - d, corner.y()), QPointF(corner.x(), corner.y() - d))
        if self.isSelected():
            painter.setPen(QPen(styles.SELECTION_COLOUR, 2.0, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(-4, -4, 4, 4))
            painter.setBrush(QBrush(styles.SELECTION_COLOUR))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRect(self.handle_rect())
        if self._findings and self._annotations_visible:
            styles.draw_badge(painter, QRectF(self._w - 9, -9, 18, 18), self._findings)
