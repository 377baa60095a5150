"""A component on the canvas: its icon, label, finding badge, ownership marker and connection handle."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from wadesk.rules.base import Finding
from wadesk.ui._compat import override
from wadesk.ui.canvas import styles
from wadesk.ui.text_clip import CANVAS_CHARS, clipped

LABEL_WIDTH = 130.0
LABEL_TOP = styles.ICON + 4.0
HANDLE = QRectF(styles.ICON + 2.0, styles.ICON / 2 - 6.0, 12.0, 12.0)
BADGE = QRectF(styles.ICON - 10.0, -8.0, 18.0, 18.0)
MARKER = QRectF(-6.0, styles.ICON - 10.0, 28.0, 13.0)


#: Where a label may break, strongest first: between words; at a dot (either side: ``aws_iam_role.`` /
#: ``ecs_agent``, ``aws_autoscaling_group`` / ``.example``); after a colon or slash; after an underscore or
#: hyphen, or before a bracket; where a capital starts a word (``DMSReplication`` / ``Instance``).
_BREAKS = (
    (5, re.compile(r"(?<= )(?=\S)")),
    (4, re.compile(r"(?<=\.)(?=\w)|(?<=\w)(?=\.)")),
    (3, re.compile(r"(?<=[:/])(?=\w)")),
    (2, re.compile(r"(?<=[_-])(?=\w)|(?<=\w)(?=[\[(])")),
    (1, re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")),
)


def label_lines(text: str) -> str:
    """``text`` as drawn under an icon: at most two lines of ``LABEL_WIDTH``, the second cut with an ellipsis.

    The break goes where the whole label then shows, if any break does, and at the strongest place of those
    (see ``_BREAKS``), so an id reads ``aws_acm_certificate.`` / ``cert``, not ``aws_acm_certificate.ce`` /
    ``rt``. A second line too long loses its end, or its middle when it is one id, so both ends of the id
    show. A word with no such place breaks anywhere and loses its end, so a label is always read from its
    start: centred and clipped, such a word lost both its ends.
    """
    font = styles.label_font()
    metrics = QFontMetricsF(font)
    width = LABEL_WIDTH
    if metrics.horizontalAdvance(text) <= width:
        return text
    best: tuple[bool, int, int] | None = None
    for strength, pattern in _BREAKS:
        if best is not None and best[0]:
            break  # the whole label shows with a break of a stronger kind
        for match in pattern.finditer(text):
            at = match.start()
            if metrics.horizontalAdvance(text[:at].rstrip()) > width:
                break  # later places of this kind make the first line longer still
            score = (metrics.horizontalAdvance(text[at:].strip()) <= width, strength, at)
            best = score if best is None or score > best else best
    if best is None:
        return _broken_anywhere(text, font, width)
    rest = text[best[2]:].strip()
    # An id is cut in the middle, as its end tells instances apart (``aws_nat…ay.this[2]``); words at the end.
    cut = Qt.TextElideMode.ElideRight if " " in rest else Qt.TextElideMode.ElideMiddle
    second = metrics.elidedText(rest, cut, width)
    return f"{text[: best[2]].rstrip()}\n{second}"


def _broken_anywhere(text: str, font: QFont, width: float) -> str:
    """Two lines of ``text`` broken where Qt breaks them (between words, else anywhere), the second elided."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    starts: list[int] = []
    while len(starts) < 2:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        starts.append(line.textStart())
    layout.endLayout()
    if len(starts) < 2:
        return text
    first = text[: starts[1]].rstrip()
    second = QFontMetricsF(font).elidedText(text[starts[1]:].strip(), Qt.TextElideMode.ElideRight, width)
    return f"{first}\n{second}"


class NodeItem(QGraphicsItem):
    """One component, positioned by its top-left icon corner in scene coordinates."""

    def __init__(self, node_id: str, kind: str, label: str, icon_path: Path) -> None:
        super().__init__()
        self.node_id = node_id
        self.kind = kind
        self._label = label
        self._shown_label = label_lines(clipped(label, CANVAS_CHARS))  # drawing cost stays bounded
        self._pixmap = styles.icon_pixmap(icon_path)
        self._source = styles.icon_source(icon_path)
        self._findings: list[Finding] = []
        self._customer_layers: int | None = None
        self._owners: list[str] = []
        self._responsibility_view = False
        self._annotations_visible = True
        self._defined_elsewhere = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setAcceptHoverEvents(True)
        self.setZValue(1000)
        self.setToolTip(label)

    # ---------------------------------------------------------------- state
    @property
    def label(self) -> str:
        """The label shown below the icon."""
        return self._label

    def set_label(self, label: str) -> None:
        """Show a new label."""
        self.prepareGeometryChange()
        self._label = label
        self._shown_label = label_lines(clipped(label, CANVAS_CHARS))  # drawing cost stays bounded
        self._update_tooltip()
        self.update()

    @property
    def defined_elsewhere(self) -> bool:
        """Whether the node stands for something defined outside the design (drawn faded, in a dotted frame)."""
        return self._defined_elsewhere

    def set_defined_elsewhere(self, on: bool) -> None:
        """Draw the node as a placeholder (or not): its settings are not in the design, and no rule judges them."""
        if on != self._defined_elsewhere:
            self._defined_elsewhere = on
            self._update_tooltip()
            self.update()

    def _update_tooltip(self) -> None:
        note = "\nDefined elsewhere: its settings are not in this design, so no rule judges them."
        self.setToolTip(self._label + (note if self._defined_elsewhere else ""))

    @property
    def findings(self) -> list[Finding]:
        """The findings the badge counts."""
        return list(self._findings)

    def set_findings(self, findings: Sequence[Finding]) -> None:
        """Show the badge for ``findings`` (none: no badge)."""
        self._findings = list(findings)
        self.update()

    def set_ownership(self, customer_layers: int, owners: Sequence[str]) -> None:
        """Show how many layers the customer owns, and each layer's owner in the responsibility view."""
        self._customer_layers = customer_layers
        self._owners = list(owners)
        self.update()

    def set_responsibility_view(self, on: bool) -> None:
        """Draw the 12-layer owner strip under the icon."""
        self.prepareGeometryChange()
        self._responsibility_view = on
        self.update()

    def set_annotations_visible(self, on: bool) -> None:
        """Draw (or leave out) the finding badge and the ownership marker."""
        self._annotations_visible = on
        self.update()

    def icon_for_scale(self, scale: float) -> QPixmap:
        """The pixmap the icon is drawn from at ``scale`` device pixels per scene unit.

        At 100 % the pre-scaled 64 px icon is cheapest; zoomed in (or on a
        high-DPI screen) the full-size source is scaled down smoothly instead,
        so the icon stays crisp rather than being blown up from 64 px.
        """
        return self._source if scale > 1.01 else self._pixmap

    def icon_rect_in_scene(self) -> QRectF:
        """The icon's box in scene coordinates (edges end on its border)."""
        return QRectF(self.scenePos(), QPointF(self.scenePos().x() + styles.ICON, self.scenePos().y() + styles.ICON))

    def caption_rect_in_scene(self) -> QRectF:
        """The box the label under the icon takes, as wide as its text (flows and their labels keep off it)."""
        metrics = QFontMetricsF(styles.label_font())
        width = min(LABEL_WIDTH, max(metrics.horizontalAdvance(line) for line in self._shown_label.split("\n")) + 4)
        pos = self.scenePos()
        return QRectF(pos.x() + (styles.ICON - width) / 2, pos.y() + self._label_top(), width,
                      self._label_rect_height())

    def handle_contains(self, scene_pos: QPointF) -> bool:
        """Whether ``scene_pos`` is on the connection handle (shown while selected)."""
        return self.isSelected() and HANDLE.adjusted(-3, -3, 3, 3).contains(self.mapFromScene(scene_pos))

    def _label_lines(self) -> int:
        return 2 if self._label_rect_height() > 16 else 1

    def _label_rect_height(self) -> float:
        return QFontMetricsF(styles.label_font()).height() * (2 if "\n" in self._shown_label else 1)

    def _label_top(self) -> float:
        return LABEL_TOP + (8.0 if self._responsibility_view else 0.0)

    # -------------------------------------------------------------- drawing
    @override
    def boundingRect(self) -> QRectF:
        left = (styles.ICON - LABEL_WIDTH) / 2
        bottom = self._label_top() + self._label_rect_height() + 4
        return QRectF(left, -10.0, LABEL_WIDTH, bottom + 10.0).united(HANDLE.adjusted(-4, -4, 4, 4))

    @override
    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(QRectF(0, 0, styles.ICON, styles.ICON))
        left = (styles.ICON - LABEL_WIDTH) / 2
        path.addRect(QRectF(left, self._label_top(), LABEL_WIDTH, self._label_rect_height()))
        if self.isSelected():
            path.addEllipse(HANDLE.adjusted(-3, -3, 3, 3))
        return path

    @override
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        if self.isSelected():
            painter.setPen(QPen(styles.SELECTION_COLOUR, 1.5, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(-4, -4, styles.ICON + 8, styles.ICON + 8), 4, 4)
        scale = option.levelOfDetailFromTransform(painter.worldTransform()) * painter.device().devicePixelRatioF()
        icon = self.icon_for_scale(scale)
        if self._defined_elsewhere:
            # Faded, in a dotted frame: it stands for what another stack or module defines.
            painter.setPen(QPen(QColor("#687078"), 1.2, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(-2, -2, styles.ICON + 4, styles.ICON + 4), 6, 6)
            painter.setOpacity(0.45)
        painter.drawPixmap(_fitted(icon), icon, QRectF(icon.rect()))
        painter.setOpacity(1.0)
        if self._responsibility_view and self._owners:
            styles.draw_owner_strip(painter, QRectF(0, styles.ICON + 2, styles.ICON, 6), self._owners)
        left = (styles.ICON - LABEL_WIDTH) / 2
        label_rect = QRectF(left, self._label_top(), LABEL_WIDTH, self._label_rect_height())
        painter.setFont(styles.label_font())
        painter.setPen(QColor("#16191F"))
        painter.drawText(label_rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), self._shown_label)
        if self._customer_layers is not None and self._annotations_visible:
            styles.draw_owner_marker(painter, MARKER, self._customer_layers)
        if self._findings and self._annotations_visible:
            styles.draw_badge(painter, BADGE, self._findings)
        if self.isSelected():
            painter.setPen(QPen(QColor("white"), 1.5))
            painter.setBrush(QBrush(styles.SELECTION_COLOUR))
            painter.drawEllipse(HANDLE)

    @override
    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.prepareGeometryChange()
        return super().itemChange(change, value)


def _fitted(pixmap: QPixmap) -> QRectF:
    """The icon box, narrowed to ``pixmap``'s aspect ratio and centred."""
    w, h = max(1, pixmap.width()), max(1, pixmap.height())
    scale = styles.ICON / max(w, h)
    return QRectF((styles.ICON - w * scale) / 2, (styles.ICON - h * scale) / 2, w * scale, h * scale)
