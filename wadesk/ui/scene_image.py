"""Draws the canvas (the whole design or a selection) to a PNG or SVG file, as the user sees it but unselected."""

from __future__ import annotations

import contextlib
import math
import os
import re
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem

from wadesk.export.errors import ExportError
from wadesk.ui.canvas.scene import DesignScene

#: Image formats the canvas export writes, by name, with their file suffix.
IMAGE_FORMATS: dict[str, str] = {"png": ".png", "svg": ".svg"}
#: Scale limits of the canvas export (1.0 is one pixel per scene unit).
MIN_SCALE, MAX_SCALE = 0.5, 4.0
#: Blank space around the drawing, in scene units.
MARGIN = 16.0
#: The largest image side the export agrees to draw, in pixels.
MAX_SIDE = 16_384


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (each becomes a space, as in the diagrams export)."""
    return _XML_INVALID.sub(" ", text)


@dataclass(frozen=True)
class ImageOptions:
    """What the user chose in the image export dialog."""

    selection_only: bool = False
    scale: float = 2.0
    annotations: bool = True
    format: str = "png"


def export_scene_image(scene: DesignScene, out: Path, options: ImageOptions, ids: Iterable[str] = ()) -> QSize:
    """Draw ``scene`` into ``out`` (PNG or SVG, by ``options.format``); returns the image size in pixels.

    Args:
        scene: the canvas.
        out: the file to write; replaced only once the new one is complete.
        options: scope, scale, annotations and format.
        ids: the selected node and flow ids, used when ``options.selection_only``.

    Raises:
        ExportError: nothing to draw, an image too large, or a file that cannot be written.
    """
    out = Path(out)
    if options.format not in IMAGE_FORMATS:
        raise ExportError(f"cannot draw {str(out)!r}: the image export writes PNG or SVG, not {options.format!r}")
    if not MIN_SCALE <= options.scale <= MAX_SCALE:
        raise ExportError(f"the scale must be between {MIN_SCALE:.0%} and {MAX_SCALE:.0%}")
    if not out.parent.is_dir():
        raise ExportError(f"cannot write {str(out)!r}: the folder {str(out.parent)!r} does not exist")
    if scene.router.pending:
        scene.router.route_now()  # the routes the editor is about to show, not the straight stand-ins
    shown = _shown_items(scene, ids if options.selection_only else None)
    if not shown:
        raise ExportError("nothing to draw: the selection is empty" if options.selection_only
                          else "nothing to draw: the design is empty")
    with _drawn_as_exported(scene, shown, options.annotations):
        source = QRectF()
        for item in shown:
            source = source.united(item.sceneBoundingRect())
        source.adjust(-MARGIN, -MARGIN, MARGIN, MARGIN)
        size = QSize(math.ceil(source.width() * options.scale), math.ceil(source.height() * options.scale))
        if max(size.width(), size.height()) > MAX_SIDE:
            raise ExportError(f"the image would be {size.width()} × {size.height()} pixels, more than "
                              f"{MAX_SIDE} on a side; choose a smaller scale or export a selection")
        temp = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.part")
        try:
            if options.format == "png":
                _write_png(scene, source, size, temp)
            else:
                _write_svg(scene, source, size, temp, scene.document.arch.name or "wadesk design")
            os.replace(temp, out)
        except OSError as exc:
            raise ExportError(f"cannot write {str(out)!r}: {exc.strerror or exc}") from None
        finally:
            with contextlib.suppress(OSError):
                temp.unlink()
    return size


def _shown_items(scene: DesignScene, ids: Iterable[str] | None) -> list[QGraphicsItem]:
    """The items of the picture: every node and flow, or the chosen ones, their contents and the flows among them."""
    arch = scene.document.arch
    if ids is None:
        node_ids, edge_ids = set(arch.node_ids()), set(arch.edge_ids())
    else:
        chosen = list(ids)
        node_ids = {i for i in chosen if arch.has_node(i)}
        for node_id in list(node_ids):
            node_ids.update(arch.descendants(node_id))
        edge_ids = {i for i in chosen if arch.has_edge(i)}
        edge_ids.update(e.id for e in arch.edges() if e.source in node_ids and e.target in node_ids)
    items: list[QGraphicsItem] = []
    for node_id in node_ids:
        box = scene.box(node_id)
        if box is not None:
            items.append(box)
    for edge_id in edge_ids:
        edge = scene.edge_item(edge_id)
        if edge is not None:
            items.append(edge)
    return items


@contextlib.contextmanager
def _drawn_as_exported(scene: DesignScene, shown: list[QGraphicsItem], annotations: bool) -> Iterator[None]:
    """Inside the block the scene shows only ``shown``, unselected, on white, with or without annotations."""
    keep = set(shown)
    hidden = [item for item in scene.items() if item.isVisible() and item not in keep]
    was_annotated = scene.annotations_visible
    background = scene.backgroundBrush()
    with scene.editing_handles_hidden():
        try:
            for item in hidden:
                item.setVisible(False)
            scene.set_annotations_visible(annotations)
            scene.setBackgroundBrush(QBrush(QColor("white")))
            yield
        finally:
            scene.setBackgroundBrush(background)
            scene.set_annotations_visible(was_annotated)
            for item in hidden:
                item.setVisible(True)


def _paint(painter: QPainter, scene: DesignScene, source: QRectF, size: QSize) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    target = QRectF(0, 0, size.width(), size.height())
    painter.fillRect(target, QColor("white"))
    scene.render(painter, target, source, Qt.AspectRatioMode.IgnoreAspectRatio)


def _write_png(scene: DesignScene, source: QRectF, size: QSize, temp: Path) -> None:
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():
        raise ExportError(f"not enough memory for a {size.width()} × {size.height()} image; choose a smaller scale")
    painter = QPainter(image)
    try:
        _paint(painter, scene, source, size)
    finally:
        painter.end()
    writer = QImageWriter(str(temp), QByteArray(b"png"))
    if not writer.write(image):
        raise OSError(f"cannot write the image to {str(temp.parent)!r}: {writer.errorString()}")


def _write_svg(scene: DesignScene, source: QRectF, size: QSize, temp: Path, title: str) -> None:
    generator = QSvgGenerator()
    generator.setFileName(str(temp))
    generator.setSize(size)
    generator.setResolution(96)  # CSS pixels: browsers show the drawing at its pixel size
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle(xml_safe(title))
    generator.setDescription("Drawn by wadesk")
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"cannot write the image to {str(temp.parent)!r}")
    try:
        _paint(painter, scene, source, size)
    finally:
        painter.end()
    # Qt writes text as it is; characters XML 1.0 forbids (control characters in a label)
    # would make a file no SVG reader opens.
    temp.write_text(xml_safe(temp.read_text(encoding="utf-8", errors="replace")), encoding="utf-8")
