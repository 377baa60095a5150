"""The report's later pages: the findings, accepted risks, account assumptions and shared-responsibility tables."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter

from wadesk.analysis.defined_elsewhere import not_judged
from wadesk.analysis.engine import AnalysisResult
from wadesk.analysis.ownership import node_ownership
from wadesk.catalog import CATALOG
from wadesk.catalog.responsibility import LAYERS
from wadesk.model import Architecture
from wadesk.rules.base import PILLAR_NAMES, Finding
from wadesk.ui.report_flow import GAP, SECTION_GAP, Block, Flow, heading, paragraph, place_table
from wadesk.ui.report_paint import (
    CELL_PAD_X,
    CELL_PAD_Y,
    CONTENT_W,
    FIX_INK,
    HEADER_FILL,
    INK,
    MARGIN_X,
    MUTED,
    SMALL_PT,
    Cell,
    Column,
    OwnerStripCell,
    Para,
    Row,
    StackCell,
    TextCell,
    draw_lines,
    font,
    line_height,
    severity_cell,
    wrap,
)

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


def place_unresolved(flow: Flow, arch: Architecture, result: AnalysisResult) -> None:
    """Name the findings set aside because they rest on a value the source leaves unresolved (none is counted)."""
    blocks = [paragraph("Not judged, depends on an unresolved value: these findings would rest on a setting the "
                        "source leaves unresolved (the design holds only its default). Give the value, or state the "
                        "setting in the design, to have them judged.", colour=INK)]
    blocks.extend(paragraph(f"{item.describe(arch)}.", colour=INK) for item in result.unjudged)
    flow.skip(GAP / 2)
    for block, key in zip(blocks, [None, *(item.finding.key for item in result.unjudged)], strict=True):
        if flow.room() < block.height:
            flow.new_page()
        flow.add(block)
        if key is not None:
            flow.page.unresolved.append(key)


def place_sections(flow: Flow, arch: Architecture, result: AnalysisResult) -> None:
    """The findings, the accepted findings and the responsibility table, one after another."""
    active = [f for f in result.findings if not f.suppressed]
    accepted = [f for f in result.findings if f.suppressed]
    place_table(flow, "Findings", f"{_count(len(active), 'open finding')}, worst first. \u201cDo\u201d says how to "
                "fix each one; the best-practice id points into the Well-Architected Framework.", FINDING_COLUMNS,
                [finding_row(arch, f) for f in active], empty="No open findings.", record="findings")
    if outside := not_judged(arch):
        place_not_judged(flow, arch, outside)
    if result.unjudged:
        place_unresolved(flow, arch, result)
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

