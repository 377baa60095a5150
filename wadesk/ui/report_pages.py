"""The pages of the review report: the overview page, then the findings and responsibility tables.

:func:`lay_out_report` turns a design into a list of :class:`Page` objects,
each a list of drawing steps in page pixels (A4 portrait at 150 dpi) plus the
keys of the rows it carries, so the writer can paint them on any device and
tests can count what each page holds.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QImage, QPainter, QPen

from wadesk import __version__
from wadesk.analysis.defined_elsewhere import not_judged
from wadesk.analysis.engine import AnalysisResult, analyse
from wadesk.analysis.ownership import node_ownership
from wadesk.catalog import CATALOG
from wadesk.catalog.responsibility import LAYERS
from wadesk.model import Architecture
from wadesk.rules.base import PILLAR_NAMES, PILLARS, SEVERITIES, Finding
from wadesk.ui.canvas.styles import SEVERITY_COLOURS
from wadesk.ui.report_legend import LEGEND_HEIGHT, paint_legend
from wadesk.ui.report_paint import (
    BODY_PT,
    BOTTOM,
    CELL_PAD_X,
    CELL_PAD_Y,
    CONTENT_W,
    FIX_INK,
    HEADER_FILL,
    HEADING_PT,
    INK,
    MARGIN_X,
    MUTED,
    PAGE_H,
    PAGE_W,
    RULE_LINE,
    SMALL_PT,
    TITLE_PT,
    TOP,
    Cell,
    Column,
    Op,
    OwnerStripCell,
    Para,
    Row,
    StackCell,
    TextCell,
    draw_lines,
    font,
    header_height,
    line_height,
    paint_header,
    severity_cell,
    wrap,
)

#: Space between blocks and between sections.
GAP = 18.0
SECTION_GAP = 40.0
#: Diagrams are never drawn larger than the canvas shows them (96 dpi screen pixels on a 150 dpi page).
MAX_DIAGRAM_SCALE = 150 / 96
#: The diagram is rendered at this many device pixels per page pixel, so PDF viewers can zoom into it.
DIAGRAM_OVERSAMPLE = 2.0
#: Scene margin kept around the drawn items.
SCENE_MARGIN = 24.0

#: Short layer names for the rotated header of the responsibility table.
LAYER_SHORT = {
    "physical": "Physical",
    "network_infrastructure": "Network infra.",
    "virtualization": "Virtualization",
    "host_os": "Host OS",
    "guest_os": "Guest OS",
    "platform_runtime": "Runtime",
    "network_config": "Network config",
    "application": "Application",
    "identity_access": "Identity & access",
    "data": "Data",
    "encryption": "Encryption",
    "resilience_config": "Resilience",
}


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


# ------------------------------------------------------------ later pages
FINDING_COLUMNS = [Column("Severity and pillar", 172), Column("Node", 166), Column("Rule and best practice", 196),
                   Column("Problem and what to do", CONTENT_W - 534)]
SUPPRESSED_COLUMNS = [*FINDING_COLUMNS[:3], Column("Finding and why it was accepted", CONTENT_W - 534)]
_FIXED = [Column("Node", 186), Column("Kind", 158), Column("Model", 162),
          Column("Cust.", 80, Qt.AlignmentFlag.AlignCenter)]
LAYER_CELL = (CONTENT_W - sum(c.width for c in _FIXED)) / len(LAYERS)
RESPONSIBILITY_COLUMNS = _FIXED + [Column(LAYER_SHORT[layer], LAYER_CELL) for layer in LAYERS]


def node_label(arch: Architecture, node_id: str | None) -> str:
    """How a report names a node (or the whole design)."""
    if node_id is None:
        return "(whole design)"
    if not arch.has_node(node_id):
        return node_id
    node = arch.node(node_id)
    return node.label or CATALOG.get(node.kind).name


def finding_row(arch: Architecture, finding: Finding) -> Row:
    """A row of the findings table (or of the accepted findings when suppressed)."""
    last: list[Para] = [Para(finding.message)]
    if finding.suppressed:
        last.append(Para(f"Accepted: {finding.justification or '(no justification given)'}", colour=FIX_INK,
                         italic=True))
    else:
        last.append(Para(f"Do: {finding.remediation}", colour=FIX_INK))
    cells: list[Cell] = [
        StackCell(severity_cell(finding.severity, finding.suppressed),
                  TextCell(PILLAR_NAMES.get(finding.pillar, finding.pillar))),
        TextCell(Para(node_label(arch, finding.node), bold=True)),
        TextCell(Para(finding.rule, points=SMALL_PT), Para(finding.wa_bp, points=SMALL_PT, colour=MUTED)),
        TextCell(*last),
    ]
    return Row(cells, finding.key)


def responsibility_rows(arch: Architecture) -> list[Row]:
    """One row per node: label, kind, model, customer layers and the 12 owners."""
    rows = []
    for node_id in arch.node_ids():
        responsibility = node_ownership(arch, node_id)
        node = arch.node(node_id)
        owners = [responsibility.layers[layer] for layer in LAYERS]
        rows.append(Row([
            TextCell(Para(node_label(arch, node_id), bold=True)),
            TextCell(CATALOG.get(node.kind).name),
            TextCell(responsibility.model),
            TextCell(f"{responsibility.customer_layers()}/12", align=Qt.AlignmentFlag.AlignCenter),
            OwnerStripCell(owners, LAYER_CELL),
        ], node_id))
    return rows


def responsibility_header() -> Block:
    """The header of the responsibility table, layer names turned to read bottom-up."""
    header_font = font(SMALL_PT, bold=True)
    metrics = QFontMetricsF(header_font)
    h = max(metrics.horizontalAdvance(name) for name in LAYER_SHORT.values()) + 2 * CELL_PAD_Y + 4

    def draw(painter: QPainter, y: float) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(HEADER_FILL))
        painter.drawRect(QRectF(MARGIN_X, y, CONTENT_W, h))
        left = MARGIN_X
        step = line_height(header_font)
        for column in _FIXED:
            lines = wrap(column.title, header_font, column.width - 2 * CELL_PAD_X)
            draw_lines(painter, lines, header_font, QColor("white"), left + CELL_PAD_X,
                       y + h - CELL_PAD_Y - len(lines) * step, column.width - 2 * CELL_PAD_X, column.align)
            left += column.width
        painter.setFont(header_font)
        painter.setPen(QColor("white"))
        for layer in LAYERS:
            painter.save()
            painter.translate(left + (LAYER_CELL + step) / 2 - 3, y + h - CELL_PAD_Y)
            painter.rotate(-90)
            painter.drawText(QRectF(0, -step, h - 2 * CELL_PAD_Y, step), int(Qt.AlignmentFlag.AlignLeft
                             | Qt.AlignmentFlag.AlignVCenter), LAYER_SHORT[layer])
            painter.restore()
            left += LAYER_CELL

    return Block(h, draw)


def _count(number: int, noun: str) -> str:
    return f"{'No' if number == 0 else number} {noun}{'' if number == 1 else 's'}"


def place_assumptions(flow: Flow, result: AnalysisResult) -> None:
    """What a workload design assumes of its account, stated once (no finding is counted for it)."""
    blocks = [heading("Assumed of the account"),
              paragraph("The design is a workload: its account's baseline is provided elsewhere (for instance by a "
                        "landing zone), so these are stated as assumptions, not counted as findings.")]
    if flow.room() < sum(block.height for block in blocks):
        flow.new_page()
    for block in blocks:
        flow.add(block)
    for assumption in result.assumptions:
        block = paragraph(f"{assumption.rule} ({assumption.wa_bp}): {assumption.text}", colour=INK)
        if flow.room() < block.height:
            flow.new_page()
        flow.add(block)
        flow.page.assumptions.append(assumption.rule)


def place_not_judged(flow: Flow, arch: Architecture, ids: list[str]) -> None:
    """Name what no rule judged (defined elsewhere), under the findings, so none is read as having passed."""
    block = paragraph(f"Not judged, defined elsewhere: {', '.join(arch.label_of(i) for i in ids)}. These stand for "
                      "what another stack, or a module that is not on disk, defines; their settings are not in this "
                      "design, so no rule judged them. Review them where they are defined.", colour=INK)
    flow.skip(GAP / 2)
    if flow.room() < block.height:
        flow.new_page()
    flow.add(block)
    flow.page.not_judged.extend(ids)


def place_sections(flow: Flow, arch: Architecture, result: AnalysisResult) -> None:
    """The findings, the accepted findings and the responsibility table, one after another."""
    active = [f for f in result.findings if not f.suppressed]
    accepted = [f for f in result.findings if f.suppressed]
    place_table(flow, "Findings", f"{_count(len(active), 'open finding')}, worst first. \u201cDo\u201d says how to "
                "fix each one; the best-practice id points into the Well-Architected Framework.", FINDING_COLUMNS,
                [finding_row(arch, f) for f in active], empty="No open findings.", record="findings")
    if outside := not_judged(arch):
        place_not_judged(flow, arch, outside)
    flow.skip(SECTION_GAP)
    place_table(flow, "Accepted risks", f"{_count(len(accepted), 'finding')} suppressed with a justification; "
                "not counted in the pillar summary.", SUPPRESSED_COLUMNS, [finding_row(arch, f) for f in accepted],
                empty="No finding has been suppressed.", record="suppressed")
    flow.skip(SECTION_GAP)
    if result.assumptions:
        place_assumptions(flow, result)
        flow.skip(SECTION_GAP)
    place_table(flow, "Shared responsibility", "Who owns each of the 12 layers of every node: A = AWS, "
                "C = customer, S = shared, \u2013 = does not apply. \u201cCust.\u201d counts the layers the "
                "customer owns alone.", RESPONSIBILITY_COLUMNS, responsibility_rows(arch),
                header=responsibility_header(), empty="The design has no nodes.", record="nodes")


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

