"""The legend of the report's overview page: badges, ownership colours and container styles."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen

from wadesk.ui.canvas.styles import CONTAINER_STYLES, OWNER_COLOURS, SEVERITY_COLOURS, SUPPRESSED_COLOUR
from wadesk.ui.report_paint import (
    BODY_PT,
    INK,
    MUTED,
    OWNER_CODES,
    OWNER_NAMES,
    RULE_LINE,
    SMALL_PT,
    TABLE_PT,
    draw_lines,
    font,
    line_height,
    owner_text_colour,
)

PAD = 14.0
TITLE_H = 34.0
ENTRY_H = 36.0
#: Height of the legend panel: a title line and at most five entries per column.
LEGEND_HEIGHT = 2 * PAD + TITLE_H + 5 * ENTRY_H

_BADGES = [("high", "High risk"), ("medium", "Medium risk"), ("low", "Low risk"), ("", "Accepted only")]
_CONTAINERS = [
    ("aws_cloud", "AWS Cloud"),
    ("region", "Region"),
    ("vpc", "VPC"),
    ("availability_zone", "Availability Zone"),
    ("public_subnet", "Public subnet"),
    ("private_subnet", "Private subnet"),
    ("security_group", "Security group"),
    ("auto_scaling_group", "Auto Scaling group"),
]


def _label(painter: QPainter, x: float, y: float, width: float, text: str) -> None:
    draw_lines(painter, [text], font(TABLE_PT), INK, x, y + (ENTRY_H - line_height(font(TABLE_PT))) / 2 - 4, width)


def _badge(painter: QPainter, centre: QPointF, colour: QColor, text: str) -> None:
    painter.setPen(QPen(QColor("white"), 2.0))
    painter.setBrush(QBrush(colour))
    painter.drawEllipse(centre, 14, 14)
    painter.setPen(QColor("white"))
    painter.setFont(font(SMALL_PT, bold=True))
    painter.drawText(QRectF(centre.x() - 14, centre.y() - 14, 28, 28), int(Qt.AlignmentFlag.AlignCenter), text)


def _badges(painter: QPainter, x: float, y: float, width: float) -> None:
    for index, (severity, text) in enumerate(_BADGES):
        top = y + index * ENTRY_H
        colour = SEVERITY_COLOURS[severity] if severity else SUPPRESSED_COLOUR
        _badge(painter, QPointF(x + 16, top + ENTRY_H / 2 - 4), colour, str(index + 1))
        _label(painter, x + 42, top, width - 42, text)
    draw_lines(painter, ["Colour: worst finding;", "number: open findings."], font(SMALL_PT), MUTED, x,
               y + 4 * ENTRY_H - 2, width)


def _owners(painter: QPainter, x: float, y: float, width: float) -> None:
    marker = QRectF(x, y + 4, 54, 24)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(OWNER_COLOURS["customer"]))
    painter.drawRoundedRect(marker, 4, 4)
    painter.setPen(QColor("white"))
    painter.setFont(font(SMALL_PT, bold=True))
    painter.drawText(marker, int(Qt.AlignmentFlag.AlignCenter), "7/12")
    _label(painter, x + 66, y, width - 66, "customer layers")
    for index, owner in enumerate(OWNER_COLOURS):
        top = y + (index + 1) * ENTRY_H
        cell = QRectF(x + 12, top + 4, 30, 24)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(OWNER_COLOURS[owner]))
        painter.drawRoundedRect(cell, 3, 3)
        painter.setPen(owner_text_colour(owner))
        painter.setFont(font(SMALL_PT, bold=True))
        painter.drawText(cell, int(Qt.AlignmentFlag.AlignCenter), OWNER_CODES[owner])
        _label(painter, x + 66, top, width - 66, OWNER_NAMES[owner])


def _containers(painter: QPainter, x: float, y: float, width: float) -> None:
    half = width / 2
    for index, (key, text) in enumerate(_CONTAINERS):
        style = CONTAINER_STYLES[key]
        left = x + (index // 4) * half
        top = y + (index % 4) * ENTRY_H
        swatch = QRectF(left + 2, top + 4, 38, 24)
        pen = QPen(QColor(style.outline), style.width + 0.8)
        if style.dashed:
            pen.setStyle(Qt.PenStyle.CustomDashLine)
            pen.setDashPattern([4, 3])
        painter.setPen(pen)
        painter.setBrush(QBrush(QColor(style.fill)) if style.fill else QBrush(QColor("white")))
        painter.drawRect(swatch)
        _label(painter, left + 52, top, half - 52, text)
    # The fifth row, across both columns: what stands for something another stack or module defines.
    top = y + 4 * ENTRY_H
    painter.setPen(QPen(QColor("#687078"), 1.8, Qt.PenStyle.DotLine))
    painter.setBrush(QBrush(QColor("white")))
    painter.drawRect(QRectF(x + 2, top + 4, 38, 24))
    _label(painter, x + 52, top, width - 52, "Dotted or faded: defined elsewhere")


def paint_legend(painter: QPainter, x: float, y: float, width: float) -> None:
    """The legend panel with its top-left corner at (x, y), ``width`` wide."""
    painter.setPen(QPen(RULE_LINE, 1.0))
    painter.setBrush(QBrush(QColor("#F7F8FA")))
    painter.drawRoundedRect(QRectF(x, y, width, LEGEND_HEIGHT), 6, 6)
    inner_x, inner_y = x + PAD + 4, y + PAD
    widths = (250.0, 280.0, width - 2 * PAD - 8 - 530.0)
    titles = ("Finding badges", "Ownership", "Containers")
    painters = (_badges, _owners, _containers)
    left = inner_x
    for column_width, title, paint in zip(widths, titles, painters, strict=True):
        draw_lines(painter, [title], font(BODY_PT, bold=True), INK, left, inner_y, column_width)
        paint(painter, left, inner_y + TITLE_H, column_width - 12)
        left += column_width
