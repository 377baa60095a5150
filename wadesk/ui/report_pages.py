"""The pages of the review report: the overview page, then the findings and responsibility tables.

:func:`lay_out_report` turns a design into a list of :class:`Page` objects,
each a list of drawing steps in page pixels (A4 portrait at 150 dpi) plus the
keys of the rows it carries, so the writer can paint them on any device and
tests can count what each page holds.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen

from wadesk import __version__
from wadesk.analysis.engine import AnalysisResult, analyse
from wadesk.model import Architecture
from wadesk.rules.base import PILLAR_NAMES, PILLARS, SEVERITIES
from wadesk.ui.canvas.styles import SEVERITY_COLOURS
from wadesk.ui.report_flow import GAP, SECTION_GAP, Block, Flow, Page, heading, paragraph, place_table
from wadesk.ui.report_legend import LEGEND_HEIGHT, paint_legend
from wadesk.ui.report_paint import (
    BODY_PT,
    BOTTOM,
    CONTENT_W,
    HEADER_FILL,
    INK,
    MARGIN_X,
    MUTED,
    PAGE_H,
    PAGE_W,
    RULE_LINE,
    SMALL_PT,
    TITLE_PT,
    Cell,
    Column,
    Para,
    Row,
    TextCell,
    draw_lines,
    font,
    header_height,
    line_height,
    wrap,
)
from wadesk.ui.report_tables import place_sections

#: Diagrams are never drawn larger than the canvas shows them (96 dpi screen pixels on a 150 dpi page).
MAX_DIAGRAM_SCALE = 150 / 96
#: The diagram is rendered at this many device pixels per page pixel, so PDF viewers can zoom into it.
DIAGRAM_OVERSAMPLE = 2.0
#: Scene margin kept around the drawn items.
SCENE_MARGIN = 24.0


# --------------------------------------------------------------- page one
def title_block(arch: Architecture, source: str, result: AnalysisResult, today: datetime.date) -> Block:
    """Design name, file, date, version and the headline counts."""
    title_font = font(TITLE_PT, bold=True)
    kicker_font = font(SMALL_PT, bold=True)
    meta_font = font(BODY_PT)
    name_lines = wrap(arch.name or "Untitled design", title_font, CONTENT_W)
    active = result.active()
    counts = {s: sum(1 for f in active if f.severity == s) for s in SEVERITIES}
    components = sum(1 for n in arch.node_ids() if not arch.is_container(n))
    meta = [
        f"File: {source}",
        f"Reviewed {today.isoformat()} with wadesk {__version__}",
        f"{components} components, {len(arch) - components} containers \u00b7 {len(active)} open findings "
        f"({counts['high']} high, {counts['medium']} medium, {counts['low']} low) \u00b7 "
        f"{len(result.findings) - len(active)} accepted",
    ]
    meta_lines = [line for text in meta for line in wrap(text, meta_font, CONTENT_W)]
    about = [line for text in arch.description.strip().splitlines() for line in wrap(text, meta_font, CONTENT_W)]
    about_height = len(about) * line_height(meta_font) + (6 if about else 0)
    height = (line_height(kicker_font) + 6 + len(name_lines) * line_height(title_font) + 6 + about_height
              + len(meta_lines) * line_height(meta_font))

    def draw(painter: QPainter, y: float) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(HEADER_FILL))
        painter.drawRect(QRectF(0, 0, PAGE_W, 20))
        painter.setBrush(QBrush(QColor("#FF9900")))
        painter.drawRect(QRectF(0, 20, PAGE_W, 4))
        y = draw_lines(painter, ["WELL-ARCHITECTED REVIEW"], kicker_font, QColor("#B35500"), MARGIN_X, y,
                       CONTENT_W) + 6
        y = draw_lines(painter, name_lines, title_font, INK, MARGIN_X, y, CONTENT_W) + 6
        if about:
            y = draw_lines(painter, about, meta_font, INK, MARGIN_X, y, CONTENT_W) + 6
        draw_lines(painter, meta_lines, meta_font, MUTED, MARGIN_X, y, CONTENT_W)

    return Block(height, draw)


def diagram_block(image: QImage | None, width: float, height: float) -> Block:
    """The rendered design in a thin frame, centred across the content width."""
    if image is None:
        return paragraph("The design is empty: there is nothing to draw.", colour=INK)

    def draw(painter: QPainter, y: float) -> None:
        target = QRectF(MARGIN_X + (CONTENT_W - width) / 2, y, width, height)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawImage(target, image)
        painter.setPen(QPen(RULE_LINE, 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(target)

    return Block(height, draw)


def summary_rows(result: AnalysisResult) -> list[Row]:
    """One row per pillar and a total: open findings counted per severity."""
    summary = result.summary()
    rows = []
    totals = dict.fromkeys(SEVERITIES, 0)
    for pillar in PILLARS:
        cells: list[Cell] = [TextCell(PILLAR_NAMES[pillar])]
        for severity in SEVERITIES:
            count = summary[pillar][severity]
            totals[severity] += count
            cells.append(_count_cell(count, severity))
        rows.append(Row(cells, pillar))
    total: list[Cell] = [TextCell(Para("All pillars", bold=True))]
    total += [_count_cell(totals[s], s, True) for s in SEVERITIES]
    rows.append(Row(total, "total"))
    return rows


def _count_cell(count: int, severity: str, bold: bool = False) -> TextCell:
    colour = QColor(SEVERITY_COLOURS[severity]) if count else QColor("#8D99A8")
    return TextCell(Para(str(count), bold=bold or count > 0, colour=colour), align=Qt.AlignmentFlag.AlignCenter)


SUMMARY_COLUMNS = [Column("Pillar", CONTENT_W - 3 * 200), Column("High risk", 200, Qt.AlignmentFlag.AlignCenter),
                   Column("Medium risk", 200, Qt.AlignmentFlag.AlignCenter),
                   Column("Low risk", 200, Qt.AlignmentFlag.AlignCenter)]
SUMMARY_NOTE = ("Open (unsuppressed) findings per pillar, counted as the Well-Architected Tool counts "
                "high and medium risks. Accepted findings are listed apart.")


def summary_height(rows: Sequence[Row]) -> float:
    """The height of the pillar summary with its heading and note."""
    return (heading("x").height + paragraph(SUMMARY_NOTE).height + header_height(SUMMARY_COLUMNS)
            + sum(r.height(SUMMARY_COLUMNS) for r in rows))


DiagramRenderer = Callable[[float, float], tuple[QImage | None, float, float]]


def lay_out_report(arch: Architecture, source: str, render_diagram: DiagramRenderer,
                   today: datetime.date | None = None) -> list[Page]:
    """Every page of the report of ``arch`` loaded from ``source``.

    Args:
        arch: the design.
        source: the file path shown in the title block.
        render_diagram: draws the design to fit (max width, max height) in
            page pixels; returns the image and the page size it takes.
        today: the review date (default: today).
    """
    result = analyse(arch)
    first = Flow()
    first.add(title_block(arch, source, result, today or datetime.date.today()))
    first.skip(GAP + 6)
    rows = summary_rows(result)
    room = BOTTOM - first.y - LEGEND_HEIGHT - summary_height(rows) - 3 * GAP
    image, width, height = render_diagram(CONTENT_W, max(room, 200.0))
    first.add(diagram_block(image, width, height))
    first.skip(GAP)
    first.add(Block(LEGEND_HEIGHT, lambda painter, y: paint_legend(painter, MARGIN_X, y, CONTENT_W)))
    first.skip(GAP)
    place_table(first, "Pillar summary", SUMMARY_NOTE, SUMMARY_COLUMNS, rows)
    trial = Flow(first.y + SECTION_GAP)
    place_sections(trial, arch, result)
    if len(trial.pages) == 1 and len(first.pages) == 1:
        page = first.pages[0]
        page.ops += trial.page.ops
        page.findings += trial.page.findings
        page.suppressed += trial.page.suppressed
        page.assumptions += trial.page.assumptions
        page.nodes += trial.page.nodes
        return first.pages
    rest = Flow()
    place_sections(rest, arch, result)
    return first.pages + rest.pages


def paint_footer(painter: QPainter, name: str, number: int, total: int) -> None:
    """The footer of a page: design name on the left, "page N of M" on the right."""
    footer_font = font(SMALL_PT)
    y = PAGE_H - 72.0
    painter.setPen(QPen(RULE_LINE, 1.0))
    painter.drawLine(QPointF(MARGIN_X, y - 8), QPointF(MARGIN_X + CONTENT_W, y - 8))
    painter.setFont(footer_font)
    painter.setPen(MUTED)
    step = line_height(footer_font)
    page_text = f"page {number} of {total}"
    right = painter.fontMetrics().horizontalAdvance(page_text) + 20
    painter.drawText(QRectF(MARGIN_X, y, CONTENT_W - right, step), int(Qt.AlignmentFlag.AlignLeft
                     | Qt.AlignmentFlag.AlignVCenter), painter.fontMetrics().elidedText(
                         name, Qt.TextElideMode.ElideRight, int(CONTENT_W - right)))
    painter.drawText(QRectF(MARGIN_X, y, CONTENT_W, step), int(Qt.AlignmentFlag.AlignRight
                     | Qt.AlignmentFlag.AlignVCenter), page_text)

