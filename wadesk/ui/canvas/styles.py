"""Colours, pens and small painters shared by the canvas items (AWS diagram conventions)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QPixmap

from wadesk.rules.base import Finding

ICON = 64.0
SEVERITY_COLOURS = {"high": QColor("#D13212"), "medium": QColor("#E07B00"), "low": QColor("#0073BB")}
SUPPRESSED_COLOUR = QColor("#8D99A8")
OWNER_COLOURS = {
    "aws": QColor("#F6B26B"),
    "customer": QColor("#3D85C6"),
    "shared": QColor("#8E63CE"),
    "n/a": QColor("#C9CED6"),
}
SELECTION_COLOUR = QColor("#1A73E8")


@dataclass(frozen=True)
class ContainerStyle:
    """How one container kind is drawn."""

    outline: str
    fill: str | None
    title: str
    dashed: bool
    width: float = 1.6
    icon: bool = True


CONTAINER_STYLES: dict[str, ContainerStyle] = {
    "aws_cloud": ContainerStyle("#232F3E", None, "#232F3E", False, 2.0, icon=False),
    "region": ContainerStyle("#00A4A6", None, "#00797B", True),
    "vpc": ContainerStyle("#8C4FFF", None, "#6B2FD9", False, 2.0),
    "availability_zone": ContainerStyle("#147EBA", None, "#147EBA", True),
    "public_subnet": ContainerStyle("#7AA116", "#E9F3E6", "#3F7A12", False),
    "private_subnet": ContainerStyle("#147EBA", "#E6F2F8", "#0F5F8C", False),
    "security_group": ContainerStyle("#DD344C", None, "#B3182E", True),
    "auto_scaling_group": ContainerStyle("#ED7100", None, "#B35500", True),
}
DEFAULT_CONTAINER_STYLE = ContainerStyle("#5F6B7A", None, "#3B4450", True)

#: Largest icon source kept (4x the icon: crisp up to the 400 % zoom limit).
SOURCE_LIMIT = 256
_PIXMAPS: dict[tuple[str, int], QPixmap] = {}


def icon_pixmap(path: Path, size: int = int(ICON)) -> QPixmap:
    """The icon at ``path`` scaled to ``size`` px, cached per file and size."""
    key = (str(path), size)
    pixmap = _PIXMAPS.get(key)
    if pixmap is None:
        source = QPixmap(str(path))
        if source.isNull():
            source = QPixmap(size, size)
            source.fill(QColor("#C9CED6"))
        pixmap = source.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                               Qt.TransformationMode.SmoothTransformation)
        _PIXMAPS[key] = pixmap
    return pixmap


def icon_source(path: Path, limit: int = SOURCE_LIMIT) -> QPixmap:
    """The icon at ``path`` at its own size (at most ``limit`` px), for drawing crisply when zoomed in."""
    key = (str(path), -limit)
    pixmap = _PIXMAPS.get(key)
    if pixmap is None:
        pixmap = QPixmap(str(path))
        if pixmap.isNull():
            pixmap = QPixmap(limit, limit)
            pixmap.fill(QColor("#C9CED6"))
        elif max(pixmap.width(), pixmap.height()) > limit:
            pixmap = pixmap.scaled(limit, limit, Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
        _PIXMAPS[key] = pixmap
    return pixmap


def label_font(size: float = 8.5, bold: bool = False) -> QFont:
    """The font of labels and titles."""
    font = QFont()
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def badge_colour(findings: Sequence[Finding]) -> QColor:
    """Worst unsuppressed severity, or grey when every finding is suppressed."""
    active = [f for f in findings if not f.suppressed]
    if not active:
        return SUPPRESSED_COLOUR
    for severity in ("high", "medium", "low"):
        if any(f.severity == severity for f in active):
            return SEVERITY_COLOURS[severity]
    return SUPPRESSED_COLOUR


def badge_count(findings: Sequence[Finding]) -> int:
    """The number a badge shows: unsuppressed findings, or all when every one is suppressed."""
    active = [f for f in findings if not f.suppressed]
    return len(active) if active else len(findings)


def draw_badge(painter: QPainter, rect: QRectF, findings: Sequence[Finding]) -> None:
    """A round finding badge in ``rect``: the count on the worst severity's colour."""
    painter.setPen(QPen(QColor("white"), 1.5))
    painter.setBrush(QBrush(badge_colour(findings)))
    painter.drawEllipse(rect)
    painter.setPen(QColor("white"))
    painter.setFont(label_font(7.5, bold=True))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(badge_count(findings)))


def draw_owner_marker(painter: QPainter, rect: QRectF, customer_layers: int) -> None:
    """A small tag saying how many of the 12 layers the customer owns."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(OWNER_COLOURS["customer"]))
    painter.drawRoundedRect(rect, 3, 3)
    painter.setPen(QColor("white"))
    painter.setFont(label_font(6.5, bold=True))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"{customer_layers}/12")


def draw_owner_strip(painter: QPainter, rect: QRectF, owners: Sequence[str]) -> None:
    """One cell per layer, coloured by who owns it."""
    if not owners:
        return
    cell = rect.width() / len(owners)
    painter.setPen(Qt.PenStyle.NoPen)
    for index, owner in enumerate(owners):
        painter.setBrush(QBrush(OWNER_COLOURS.get(owner, OWNER_COLOURS["n/a"])))
        painter.drawRect(QRectF(rect.left() + index * cell, rect.top(), cell - 0.5, rect.height()))
