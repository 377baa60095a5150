"""Placing the report's blocks on pages: blocks of known height, and titled tables that break across pages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPainter, QPen

from wadesk.ui.report_paint import (
    BODY_PT,
    BOTTOM,
    CONTENT_W,
    HEADING_PT,
    INK,
    MARGIN_X,
    MUTED,
    TOP,
    Column,
    Op,
    Row,
    draw_lines,
    font,
    header_height,
    line_height,
    paint_header,
    wrap,
)

#: Space between blocks and between sections.
GAP = 18.0
SECTION_GAP = 40.0


@dataclass
class Page:
    """One page: drawing steps in page pixels and the keys of the table rows placed on it."""

    ops: list[Op] = field(default_factory=list)
    #: ``rule@node`` of the open findings listed on this page.
    findings: list[str] = field(default_factory=list)
    #: ``rule@node`` of the suppressed findings listed on this page.
    suppressed: list[str] = field(default_factory=list)
    #: Rule ids of the account assumptions stated on this page.
    assumptions: list[str] = field(default_factory=list)
    #: Node ids of the responsibility rows on this page.
    nodes: list[str] = field(default_factory=list)
    #: Node ids named on this page as defined elsewhere, so not judged.
    not_judged: list[str] = field(default_factory=list)
    #: Keys (``rule@node``) of the findings named on this page as set aside: they rest on an unresolved value.
    unresolved: list[str] = field(default_factory=list)


@dataclass
class Block:
    """Something of a known height drawn at a given top y (x is always the left margin)."""

    height: float
    draw: Callable[[QPainter, float], None]


class Flow:
    """Places blocks top to bottom, page after page."""

    def __init__(self, y: float = TOP) -> None:
        self.pages = [Page()]
        self.y = y

    @property
    def page(self) -> Page:
        """The page being filled."""
        return self.pages[-1]

    def room(self) -> float:
        """Height left on the current page."""
        return BOTTOM - self.y

    def new_page(self) -> None:
        """Continue on a fresh page."""
        self.pages.append(Page())
        self.y = TOP

    def add(self, block: Block) -> None:
        """Draw ``block`` at the current position and move below it."""
        top, draw = self.y, block.draw

        def op(painter: QPainter) -> None:
            draw(painter, top)

        self.page.ops.append(op)
        self.y += block.height

    def skip(self, height: float) -> None:
        """Leave ``height`` blank (nothing when at the top of a page)."""
        if self.y > TOP:
            self.y = min(self.y + height, BOTTOM)


# ----------------------------------------------------------------- blocks
def heading(text: str, points: float = HEADING_PT) -> Block:
    """A section heading with a thin rule under it."""
    heading_font = font(points, bold=True)
    step = line_height(heading_font)

    def draw(painter: QPainter, y: float) -> None:
        draw_lines(painter, [text], heading_font, INK, MARGIN_X, y, CONTENT_W)
        painter.setPen(QPen(QColor("#FF9900"), 2.0))
        painter.drawLine(QPointF(MARGIN_X, y + step + 4), QPointF(MARGIN_X + 120, y + step + 4))

    return Block(step + 16, draw)


def paragraph(text: str, points: float = BODY_PT, colour: QColor = MUTED, italic: bool = False) -> Block:
    """Wrapped body text across the content width."""
    text_font = font(points, italic=italic)
    lines = wrap(text, text_font, CONTENT_W)

    def draw(painter: QPainter, y: float) -> None:
        draw_lines(painter, lines, text_font, colour, MARGIN_X, y, CONTENT_W)

    return Block(len(lines) * line_height(text_font) + 8, draw)


def table_header(columns: Sequence[Column]) -> Block:
    """The dark header row of a table."""
    h = header_height(columns)
    return Block(h, lambda painter, y: paint_header(painter, columns, MARGIN_X, y, h))


def table_row(row: Row, columns: Sequence[Column], shaded: bool) -> Block:
    """One table row."""
    h = row.height(columns)
    return Block(h, lambda painter, y: row.paint(painter, columns, MARGIN_X, y, h, shaded))


def place_table(flow: Flow, title: str, note: str, columns: Sequence[Column], rows: Sequence[Row],
                header: Block | None = None, empty: str = "", record: str = "") -> None:
    """A titled table: rows never split, the header row repeats on every page.

    The title, note, header and first row stay together; ``record`` names
    the :class:`Page` list that receives each row's key.
    """
    head = header or table_header(columns)
    title_block, note_block = heading(title), paragraph(note)
    first = table_row(rows[0], columns, False) if rows else paragraph(empty, colour=INK)
    intro = title_block.height + note_block.height + (head.height if rows else 0) + first.height
    if flow.room() < intro:
        flow.new_page()
    flow.add(title_block)
    flow.add(note_block)
    if not rows:
        flow.add(first)
        return
    flow.add(head)
    for index, row in enumerate(rows):
        block = table_row(row, columns, index % 2 == 1)
        if flow.room() < block.height:
            flow.new_page()
            flow.add(heading(f"{title} (continued)"))
            flow.add(head)
        flow.add(block)
        if record:
            getattr(flow.page, record).append(row.key)

