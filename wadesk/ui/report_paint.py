"""Page geometry, fonts, wrapped text and table cells of the printed review report.

Everything here works in page pixels of an A4 portrait page at 150 dpi.
Fonts are sized in pixels computed from points at that resolution, so the
same layout measures and draws alike on a PNG image and on a PDF page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QTextLayout, QTextOption

from wadesk.ui.canvas.styles import OWNER_COLOURS, SEVERITY_COLOURS, SUPPRESSED_COLOUR
from wadesk.ui.text_clip import REPORT_CHARS, clipped

#: A4 portrait at 150 dpi, in pixels.
DPI = 150
PAGE_W, PAGE_H = 1240, 1754
MARGIN_X = 72.0
TOP = 72.0
#: Content stops here; the footer sits below.
BOTTOM = PAGE_H - 96.0
CONTENT_W = PAGE_W - 2 * MARGIN_X

INK = QColor("#16191F")
MUTED = QColor("#545B64")
RULE_LINE = QColor("#C6CDD5")
HEADER_FILL = QColor("#232F3E")
ZEBRA = QColor("#F2F4F7")
FIX_INK = QColor("#0B5A3A")
CELL_PAD_X = 8.0
CELL_PAD_Y = 6.0

#: Body text, table text, small print and headings, in points.
BODY_PT = 10.5
TABLE_PT = 10.0
SMALL_PT = 9.0
HEADING_PT = 17.0
TITLE_PT = 22.0

#: A drawing step of a page, in page pixels.
Op = Callable[[QPainter], None]


def font(points: float, bold: bool = False, italic: bool = False) -> QFont:
    """A sans-serif font of ``points`` at 150 dpi, sized in pixels so every device draws it alike."""
    result = QFont("DejaVu Sans")
    result.setStyleHint(QFont.StyleHint.SansSerif)
    result.setPixelSize(max(1, round(points * DPI / 72)))
    result.setBold(bold)
    result.setItalic(italic)
    return result


def line_height(text_font: QFont) -> float:
    """The distance between two lines of ``text_font``."""
    return QFontMetricsF(text_font).lineSpacing()


def wrap(text: str, text_font: QFont, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (at word boundaries, or anywhere in a long word).

    Text beyond :data:`~wadesk.ui.text_clip.REPORT_CHARS` characters is left out (with a note saying how
    much), so wrapping any text takes bounded time.
    """
    lines: list[str] = []
    # Cut first: Qt's line breaking takes time growing with the square of a long word.
    for paragraph in clipped(text, REPORT_CHARS).split("\n"):
        if not paragraph:
            lines.append("")
            continue
        layout = QTextLayout(paragraph, text_font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            lines.append(paragraph[line.textStart(): line.textStart() + line.textLength()].rstrip())
        layout.endLayout()
    return lines


def draw_lines(painter: QPainter, lines: Sequence[str], text_font: QFont, colour: QColor, x: float, y: float,
               width: float, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> float:
    """Draw pre-wrapped ``lines`` from (x, y) down; returns the y below the last line."""
    painter.setFont(text_font)
    painter.setPen(colour)
    step = line_height(text_font)
    for line in lines:
        painter.drawText(QRectF(x, y, width, step), int(align | Qt.AlignmentFlag.AlignVCenter), line)
        y += step
    return y


@dataclass
class Para:
    """A paragraph of one font and colour inside a cell."""

    text: str
    points: float = TABLE_PT
    bold: bool = False
    colour: QColor = field(default_factory=lambda: QColor(INK))
    italic: bool = False


class Cell:
    """A table cell: measures its height for a width and paints itself into a rectangle."""

    def height(self, width: float) -> float:
        """The height the cell needs at ``width`` (padding included)."""
        raise NotImplementedError

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        """Draw the cell into ``rect``."""
        raise NotImplementedError


class TextCell(Cell):
    """One or more wrapped paragraphs."""

    def __init__(self, *paras: Para | str, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> None:
        self.paras = [Para(p) if isinstance(p, str) else p for p in paras]
        self.align = align

    def _laid_out(self, width: float) -> list[tuple[Para, QFont, list[str]]]:
        inner = max(10.0, width - 2 * CELL_PAD_X)
        out = []
        for para in self.paras:
            para_font = font(para.points, para.bold, para.italic)
            out.append((para, para_font, wrap(para.text, para_font, inner)))
        return out

    def height(self, width: float) -> float:
        total = sum(len(lines) * line_height(f) for _, f, lines in self._laid_out(width))
        gaps = 4.0 * max(0, len(self.paras) - 1)
        return total + gaps + 2 * CELL_PAD_Y

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        y = rect.top() + CELL_PAD_Y
        for para, para_font, lines in self._laid_out(rect.width()):
            y = draw_lines(painter, lines, para_font, para.colour, rect.left() + CELL_PAD_X, y,
                           rect.width() - 2 * CELL_PAD_X, self.align) + 4.0


class PillCell(Cell):
    """A coloured rounded tag with white bold text, such as a severity."""

    def __init__(self, text: str, colour: QColor) -> None:
        self.text = text
        self.colour = colour

    def height(self, width: float) -> float:
        return line_height(font(SMALL_PT, bold=True)) + 6 + 2 * CELL_PAD_Y

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        pill_font = font(SMALL_PT, bold=True)
        pill_width = min(rect.width() - 2 * CELL_PAD_X + 4, QFontMetricsF(pill_font).horizontalAdvance(self.text) + 28)
        pill = QRectF(rect.left() + CELL_PAD_X - 2, rect.top() + CELL_PAD_Y, pill_width, line_height(pill_font) + 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(self.colour))
        painter.drawRoundedRect(pill, 6, 6)
        painter.setFont(pill_font)
        painter.setPen(QColor("white"))
        painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), self.text)


class StackCell(Cell):
    """Several cells stacked in one column, such as a severity tag above a pillar name."""

    def __init__(self, *cells: Cell) -> None:
        self.cells = list(cells)

    def height(self, width: float) -> float:
        return sum(cell.height(width) for cell in self.cells) - CELL_PAD_Y * (len(self.cells) - 1)

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        top = rect.top()
        for cell in self.cells:
            h = cell.height(rect.width())
            cell.paint(painter, QRectF(rect.left(), top, rect.width(), h))
            top += h - CELL_PAD_Y


def severity_cell(severity: str, suppressed: bool = False) -> PillCell:
    """The coloured tag of a severity (grey when the finding is accepted)."""
    colour = SUPPRESSED_COLOUR if suppressed else SEVERITY_COLOURS[severity]
    return PillCell(severity.capitalize(), colour)


#: Short owner codes of the responsibility table.
OWNER_CODES = {"aws": "A", "customer": "C", "shared": "S", "n/a": "\u2013"}
OWNER_NAMES = {"aws": "AWS", "customer": "Customer", "shared": "Shared", "n/a": "Does not apply"}


def owner_text_colour(owner: str) -> QColor:
    """Readable text on an owner's colour."""
    return QColor("white") if owner in ("customer", "shared") else INK


class OwnerStripCell(Cell):
    """The 12 layer owners of a node as coloured cells carrying a one-letter code."""

    def __init__(self, owners: Sequence[str], cell_width: float) -> None:
        self.owners = list(owners)
        self.cell_width = cell_width

    def height(self, width: float) -> float:
        return line_height(font(SMALL_PT, bold=True)) + 6 + 2 * CELL_PAD_Y

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        code_font = font(SMALL_PT, bold=True)
        painter.setFont(code_font)
        h = line_height(code_font) + 6
        top = rect.top() + CELL_PAD_Y
        for index, owner in enumerate(self.owners):
            box = QRectF(rect.left() + index * self.cell_width + 3, top, self.cell_width - 6, h)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(OWNER_COLOURS.get(owner, OWNER_COLOURS["n/a"])))
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(owner_text_colour(owner))
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), OWNER_CODES.get(owner, "?"))


@dataclass
class Column:
    """A table column: its header text, width in page pixels and alignment."""

    title: str
    width: float
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft


@dataclass
class Row:
    """A table row: one cell per column (a cell may span the rest), and the key it stands for."""

    cells: list[Cell]
    key: str = ""

    def height(self, columns: Sequence[Column]) -> float:
        """The row's height: its tallest cell."""
        return max(cell.height(width) for cell, width in zip(self.cells, _widths(self.cells, columns), strict=True))

    def paint(self, painter: QPainter, columns: Sequence[Column], x: float, y: float, h: float,
              shaded: bool) -> None:
        """Draw the row with its top-left corner at (x, y) and height ``h``."""
        total = sum(c.width for c in columns)
        if shaded:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(ZEBRA))
            painter.drawRect(QRectF(x, y, total, h))
        left = x
        for cell, width in zip(self.cells, _widths(self.cells, columns), strict=True):
            cell.paint(painter, QRectF(left, y, width, h))
            left += width
        painter.setPen(QPen(RULE_LINE, 1.0))
        painter.drawLine(QPointF(x, y + h), QPointF(x + total, y + h))


def _widths(cells: Sequence[Cell], columns: Sequence[Column]) -> list[float]:
    """Column widths of ``cells``; the last cell spans any columns left over."""
    widths = [c.width for c in columns[: len(cells)]]
    widths[-1] += sum(c.width for c in columns[len(cells):])
    return widths


def header_height(columns: Sequence[Column]) -> float:
    """The height of a plain header row."""
    header_font = font(SMALL_PT, bold=True)
    lines = max(len(wrap(c.title, header_font, c.width - 2 * CELL_PAD_X)) for c in columns)
    return lines * line_height(header_font) + 2 * CELL_PAD_Y


def paint_header(painter: QPainter, columns: Sequence[Column], x: float, y: float, h: float) -> None:
    """A dark header row with white column titles."""
    total = sum(c.width for c in columns)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(HEADER_FILL))
    painter.drawRect(QRectF(x, y, total, h))
    header_font = font(SMALL_PT, bold=True)
    left = x
    for column in columns:
        lines = wrap(column.title, header_font, column.width - 2 * CELL_PAD_X)
        draw_lines(painter, lines, header_font, QColor("white"), left + CELL_PAD_X, y + CELL_PAD_Y,
                   column.width - 2 * CELL_PAD_X, column.align)
        left += column.width
