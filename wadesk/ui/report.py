"""The annotated review report: the design as drawn on the canvas, then its findings, as PNG pages or a PDF.

Rendering needs no window: the design is loaded into a document controller
and a scene exactly as the editor does, and the scene is painted into the
page. Output is written atomically: every page goes to a temporary file
beside its target and is renamed into place only when all pages are done.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication

from wadesk import __version__
from wadesk.export.errors import ExportError
from wadesk.export.targets import check_export_target
from wadesk.model import Architecture
from wadesk.ui.canvas.scene import DesignScene
from wadesk.ui.document import DocumentController
from wadesk.ui.report_pages import (
    DIAGRAM_OVERSAMPLE,
    MAX_DIAGRAM_SCALE,
    SCENE_MARGIN,
    Page,
    lay_out_report,
    paint_footer,
)
from wadesk.ui.report_paint import DPI, PAGE_H, PAGE_W
from wadesk.ui.selection import SelectionModel

#: Called with (pages done, pages in all) after each page; returning False cancels the report.
Progress = Callable[[int, int], bool]

SUFFIXES = (".png", ".pdf")

_app: QCoreApplication | None = None


class ReportCancelled(ExportError):
    """The report was cancelled through its progress callback; nothing was written."""


def _ensure_app() -> None:
    """Create the QApplication the scene needs when the caller has none (headless use)."""
    global _app
    if QCoreApplication.instance() is None:
        _app = QApplication(["wadesk-report"])


def render_design(arch: Architecture, path: Path | None, max_width: float, max_height: float,
                  ) -> tuple[QImage | None, float, float]:
    """The design drawn by the canvas scene, fitted into ``max_width`` x ``max_height`` page pixels.

    Returns:
        The image (None for an empty design) and the width and height it
        takes on the page; the image holds more pixels than that, so it
        stays sharp when a PDF viewer zooms in.
    """
    document = DocumentController()
    selection = SelectionModel()
    try:
        document.replace(arch.copy(), path)  # a copy: the controller subscribes to what it shows
        scene = DesignScene(document, selection)
        scene.router.route_now()  # flows around components, as the editor shows them
        selection.clear()
        scene.clearSelection()
        items = scene.items_bounding_rect()
        if items.isEmpty():
            return None, 0.0, 0.0
        source = items.adjusted(-SCENE_MARGIN, -SCENE_MARGIN, SCENE_MARGIN, SCENE_MARGIN)
        scale = min(max_width / source.width(), max_height / source.height(), MAX_DIAGRAM_SCALE)
        width, height = source.width() * scale, source.height() * scale
        image = QImage(max(1, round(width * DIAGRAM_OVERSAMPLE)), max(1, round(height * DIAGRAM_OVERSAMPLE)),
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("white"))
        painter = QPainter(image)
        try:
            for hint in (QPainter.RenderHint.Antialiasing, QPainter.RenderHint.TextAntialiasing,
                         QPainter.RenderHint.SmoothPixmapTransform):
                painter.setRenderHint(hint, True)
            with scene.editing_handles_hidden():
                scene.render(painter, QRectF(0, 0, image.width(), image.height()), source,
                             Qt.AspectRatioMode.KeepAspectRatio)
        finally:
            painter.end()
        return image, width, height
    finally:
        document.analyzer.close()


def _paint_page(painter: QPainter, page: Page, name: str, number: int, total: int) -> None:
    for op in page.ops:
        painter.save()
        op(painter)
        painter.restore()
    paint_footer(painter, name, number, total)


def _page_image(page: Page, name: str, number: int, total: int) -> QImage:
    image = QImage(PAGE_W, PAGE_H, QImage.Format.Format_RGB32)
    dots_per_metre = round(DPI / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        _paint_page(painter, page, name, number, total)
    finally:
        painter.end()
    return image


def _png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise ExportError("the report page could not be encoded as PNG")
    buffer.close()
    return bytes(data.data())


def _pdf_bytes(pages: list[Page], name: str, progress: Progress | None) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0)))
    writer.setTitle(f"{name} \u2013 Well-Architected review")
    writer.setCreator(f"wadesk {__version__}")
    painter = QPainter(writer)
    try:
        painter.scale(writer.width() / PAGE_W, writer.height() / PAGE_H)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for index, page in enumerate(pages):
            if index:
                writer.newPage()
            _paint_page(painter, page, name, index + 1, len(pages))
            if progress is not None and progress(index + 1, len(pages)) is False:
                raise ReportCancelled("the report was cancelled; nothing was written")
    finally:
        painter.end()
        buffer.close()
    return bytes(data.data())


def page_paths(out: Path, count: int) -> list[Path]:
    """Where ``count`` PNG pages go: ``out`` itself for one page, else ``OUT-1.png``, ``OUT-2.png``..."""
    if count == 1:
        return [out]
    return [out.with_name(f"{out.stem}-{number}{out.suffix}") for number in range(1, count + 1)]


class _Staging:
    """Temporary files beside their targets, renamed into place together or all removed."""

    def __init__(self) -> None:
        self._staged: list[tuple[str, Path]] = []
        self._placed: list[Path] = []

    def stage(self, target: Path, data: bytes) -> None:
        """Write ``data`` to a temporary file in ``target``'s folder."""
        if target.is_dir():
            raise ExportError(f"{target}: is a directory")
        folder = target.parent if str(target.parent) else Path(".")
        try:
            handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        except OSError as exc:
            raise ExportError(f"{target}: cannot be written: {exc.strerror or exc}") from None
        self._staged.append((temp_name, target))
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            mask = os.umask(0)
            os.umask(mask)
            os.chmod(temp_name, 0o666 & ~mask)  # mkstemp makes files private; a report is not
        except OSError as exc:
            raise ExportError(f"{target}: cannot be written: {exc.strerror or exc}") from None

    def commit(self) -> list[Path]:
        """Rename every staged file over its target; returns the targets."""
        for temp_name, target in self._staged:
            try:
                os.replace(temp_name, target)
            except OSError as exc:
                raise ExportError(f"{target}: cannot be written: {exc.strerror or exc}") from None
            self._placed.append(target)
        self._staged = []
        return list(self._placed)

    def discard(self) -> None:
        """Remove every file this report wrote (staged or already placed)."""
        for temp_name, _target in self._staged:
            Path(temp_name).unlink(missing_ok=True)
        for target in self._placed:
            target.unlink(missing_ok=True)
        self._staged, self._placed = [], []


def write_report(arch: Architecture, out: Path, source: str, *, progress: Progress | None = None) -> list[Path]:
    """Write the annotated review report of ``arch`` (loaded from ``source``) to ``out``.

    ``out`` ending in ``.pdf`` gives one PDF of A4 pages; ``.png`` gives one
    A4 image at 150 dpi when the report fits on a page, else ``OUT-1.png``,
    ``OUT-2.png``... Nothing is left behind when writing fails or is cancelled.

    Args:
        arch: the design.
        out: the file to write.
        source: the design's file path, shown in the title block.
        progress: called with (pages done, pages in all) after each page;
            returning False cancels.

    Returns:
        The files written.

    Raises:
        ExportError: ``out`` has another suffix or cannot be written.
        ReportCancelled: ``progress`` returned False.
    """
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise ExportError(f"{out}: cannot write a report as {suffix or 'a file without a suffix'!r}; "
                          "use .png or .pdf")
    path = Path(source) if source else None
    check_export_target(out, SUFFIXES, "the report", [path] if path is not None else [])
    _ensure_app()
    pages = lay_out_report(arch, source, lambda w, h: render_design(arch, path, w, h))
    name = arch.name or "Untitled design"
    staging = _Staging()
    try:
        if suffix == ".pdf":
            staging.stage(out, _pdf_bytes(pages, name, progress))
        else:
            targets = page_paths(out, len(pages))
            for target in targets:
                check_export_target(target, SUFFIXES, "the report", [path] if path is not None else [])
            for index, (page, target) in enumerate(zip(pages, targets, strict=True)):
                staging.stage(target, _png_bytes(_page_image(page, name, index + 1, len(pages))))
                if progress is not None and progress(index + 1, len(pages)) is False:
                    raise ReportCancelled("the report was cancelled; nothing was written")
        return staging.commit()
    except BaseException:
        staging.discard()
        raise
