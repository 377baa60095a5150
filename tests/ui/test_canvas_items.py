"""Every canvas item type paints offscreen, through its real camelCase virtuals, and looks like its kind."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from wadesk.catalog import CATALOG
from wadesk.rules.base import Finding
from wadesk.ui.canvas import styles
from wadesk.ui.canvas.container_item import ContainerItem, style_for
from wadesk.ui.canvas.edge_item import EdgeItem
from wadesk.ui.canvas.node_item import NodeItem

pytestmark = pytest.mark.gui

CONTAINER_KINDS = [kind.id for kind in CATALOG if kind.container]


def finding(severity: str, suppressed: bool = False) -> Finding:
    return Finding(rule="R", pillar="security", severity=severity, node="n", message="m", remediation="r",
                   wa_bp="SEC01-BP01", suppressed=suppressed)


def paint(item: QGraphicsItem) -> QImage:
    rect = item.boundingRect()
    image = QImage(int(rect.width()) + 2, int(rect.height()) + 2, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.translate(-rect.left() + 1, -rect.top() + 1)
    item.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.end()
    return image


def colours(image: QImage) -> set[int]:
    return {image.pixel(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)}


def test_virtuals_are_overridden_with_their_qt_names() -> None:
    for cls in (NodeItem, ContainerItem, EdgeItem):
        for name in ("paint", "boundingRect", "shape"):
            assert getattr(cls, name) is not getattr(QGraphicsItem, name), (cls, name)


def test_node_paints_icon_label_badge_and_marker(qapp) -> None:
    kind = CATALOG.get("rds")
    item = NodeItem("n", "rds", "Orders DB", kind.icon_path)
    plain = colours(paint(item))
    assert len(plain) > 10
    item.set_findings([finding("medium"), finding("high")])
    item.set_ownership(5, ["aws"] * 7 + ["customer"] * 5)
    image = paint(item)
    origin = item.boundingRect().topLeft()
    shift = QPointF(1, 1) - origin
    badge = {QColor(image.pixel((QPointF(x, y) + shift).toPoint())).name() for x in range(56, 70) for y in range(-6, 8)}
    assert styles.SEVERITY_COLOURS["high"].name() in badge  # the worst severity colours the badge
    assert styles.SEVERITY_COLOURS["medium"].name() not in badge
    item.setSelected(False)
    item.set_responsibility_view(True)
    assert len(colours(paint(item))) > len(plain)


def test_badge_is_grey_when_every_finding_is_suppressed() -> None:
    assert styles.badge_colour([finding("high", suppressed=True)]) == styles.SUPPRESSED_COLOUR
    assert styles.badge_colour([finding("low"), finding("high", True)]) == styles.SEVERITY_COLOURS["low"]
    assert styles.badge_count([finding("low"), finding("high", True)]) == 1


@pytest.mark.parametrize("kind", CONTAINER_KINDS)
def test_every_container_kind_paints_in_its_own_style(qapp, kind: str) -> None:
    info = CATALOG.get(kind)
    item = ContainerItem("c", kind, info.name, info.icon_path, 300, 200, CATALOG.defaults(kind))
    image = paint(item)
    outline = QColor(item.style.outline)
    border = [QColor(image.pixel(x, 12 + y)) for x in (12, 13, 14) for y in range(60, 160)]
    drawn = [c for c in border if c.name() != "#ffffff"]
    assert drawn, "no left border"
    # antialiasing blends the thin line with white: compare hues, not exact colours
    assert any(abs(c.hslHue() - outline.hslHue()) <= 8 for c in drawn), (outline.name(), {c.name() for c in drawn})


def test_subnets_look_public_or_private() -> None:
    assert style_for("subnet", {"public": True}).fill == "#E9F3E6"
    assert style_for("subnet", {"public": False}).fill == "#E6F2F8"
    assert style_for("security_group", {}).dashed and style_for("auto_scaling_group", {}).dashed
    assert not style_for("vpc", {}).dashed


def test_container_is_grabbed_by_its_border_not_its_inside(qapp) -> None:
    info = CATALOG.get("vpc")
    item = ContainerItem("c", "vpc", "VPC", info.icon_path, 300, 200, {})
    assert item.shape().contains(QPointF(100, 10))  # title bar
    assert not item.shape().contains(QPointF(150, 120))  # inside: free for rubber-band selection
    assert item.handle_contains(QPointF(295, 195))


def test_container_grip_and_badge_are_solid_where_they_overlap_the_border(qapp) -> None:
    info = CATALOG.get("vpc")
    item = ContainerItem("c", "vpc", "VPC", info.icon_path, 300, 200, {})
    for point in (QPointF(295, 195), QPointF(299, 199), QPointF(290, 190), QPointF(302, 202)):
        assert item.shape().contains(point), point  # the whole grip, where the diagonals are drawn
    for point in (QPointF(300, 0), QPointF(296, -4), QPointF(304, 4), QPointF(300, 8)):
        assert item.shape().contains(point), point  # the whole badge


def test_edge_paints_arrow_and_label(qapp) -> None:
    item = EdgeItem("e", "HTTPS")
    item.set_ends(QRectF(0, 0, 64, 64), QRectF(300, 100, 64, 64))
    image = paint(item)
    assert len(colours(image)) > 3
    assert item.shape().contains(item.boundingRect().center())


def test_a_label_of_one_long_word_breaks_inside_it_and_is_read_from_its_start(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFontMetricsF

    from wadesk.ui.canvas.node_item import LABEL_WIDTH, label_lines

    metrics = QFontMetricsF(styles.label_font())
    word = "NeptunePrimarySparqlRequestsPerSecAlarm"  # an alarm's logical id, as a template names it
    lines = label_lines(word).split("\n")
    assert len(lines) == 2 and "".join(lines) == word
    assert all(metrics.horizontalAdvance(line) <= LABEL_WIDTH for line in lines)
    # Longer than two lines hold: an id loses its middle, never its start, and keeps the end that tells
    # instances apart; words lose their end.
    long = "aws_cloudwatch_metric_alarm.primary_sparql_requests_per_second_on_the_writer_instance"
    first, second = label_lines(long).split("\n")
    assert long.startswith(first) and "\u2026" in second and second.endswith("_instance")
    assert all(metrics.horizontalAdvance(line) <= LABEL_WIDTH for line in (first, second))
    words = "Fn::GetAtt NetworkPublicSubnet1.SubnetId (value not resolved)"
    first, second = label_lines(words).split("\n")
    assert first == "Fn::GetAtt" and second.startswith("NetworkPublic") and second.endswith("\u2026")
    # Words still wrap between words, and a short label stays on one line.
    assert label_lines("module.eks (terraform-aws-modules/eks/aws)") == "module.eks (terraform-\naws-modules/eks/aws)"
    assert label_lines("App server") == "App server"
    item = NodeItem("alarm", "cloudwatch_alarm", word, CATALOG.get("cloudwatch_alarm").icon_path)
    caption = item.caption_rect_in_scene()
    assert caption.width() <= LABEL_WIDTH and caption.height() == 2 * metrics.height()


@pytest.mark.parametrize(
    "label",
    [
        "DMSReplicationInstance",
        "aws_acm_certificate.cert",
        "aws_iam_role.ecs_agent",
        "aws_autoscaling_group.example instances",
        "module.vpc.aws_nat_gateway.this[0]",
        "aws_api_gateway_rest_api.private_api",
    ],
)
def test_an_id_too_long_for_one_line_breaks_where_its_parts_meet(qapp, label: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFontMetricsF

    from wadesk.ui.canvas.node_item import LABEL_WIDTH, label_lines

    metrics = QFontMetricsF(styles.label_font())
    assert metrics.horizontalAdvance(label) > LABEL_WIDTH  # too long for one line
    first, second = label_lines(label).split("\n")
    # Nothing lost, both lines fit, and the break is between two parts of the id, never inside a part.
    assert f"{first}{second}" == label or f"{first} {second}" == label
    assert all(metrics.horizontalAdvance(line) <= LABEL_WIDTH for line in (first, second))
    a, b = first[-1], second[0]
    assert a in "._-:/ " or b in ".[(" or (a.islower() and b.isupper()) or (b.isupper() and second[1:2].islower())


def test_a_long_container_title_keeps_both_ends_of_an_id_and_the_start_of_words(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFontMetricsF

    from wadesk.ui.canvas.container_item import elided_title

    metrics = QFontMetricsF(styles.label_font(9, bold=True))
    address = 'module.vpcs["spoke-vpc-a"].aws_subnet.private["eu-central-1a"]'
    shown = elided_title(address, metrics, 200)
    assert metrics.horizontalAdvance(shown) <= 200 and "\u2026" in shown
    assert shown.startswith("module.") and shown.endswith('central-1a"]')
    words = "Fn::GetAtt NetworkPublicSubnet1.SubnetId (value not resolved)"
    shown = elided_title(words, metrics, 200)
    assert shown.startswith("Fn::GetAtt Network") and shown.endswith("\u2026")
    assert elided_title("Public subnet", metrics, 200) == "Public subnet"


def _ink(image: QImage) -> int:
    """How dark the image is, summed over a grid (0 for white)."""
    return sum(765 - sum(QColor(image.pixel(x, y)).getRgb()[:3]) for x in range(0, image.width(), 2)
               for y in range(0, image.height(), 2))


def test_a_node_defined_elsewhere_is_drawn_faded_and_says_why(qapp) -> None:  # type: ignore[no-untyped-def]
    item = NodeItem("db", "rds", "module.db", CATALOG.get("rds").icon_path)
    described = paint(item)
    item.set_defined_elsewhere(True)
    placeholder = paint(item)
    assert _ink(placeholder) < 0.8 * _ink(described)
    assert "Defined elsewhere" in item.toolTip()
    item.set_defined_elsewhere(False)
    assert paint(item) == described and "Defined elsewhere" not in item.toolTip()


def test_a_container_defined_elsewhere_has_a_dotted_border(qapp) -> None:  # type: ignore[no-untyped-def]
    icon = CATALOG.get("vpc").icon_path
    own = ContainerItem("own", "vpc", "VPC", icon, 200, 120, {})
    shared = ContainerItem("shared", "vpc", "VPC", icon, 200, 120, {"defined_elsewhere": True})
    assert shared.defined_elsewhere and not own.defined_elsewhere
    white = QColor("white").rgb()

    def gaps(item: ContainerItem) -> int:
        """Blank columns along the bottom border: none for a solid line, many for a dotted one."""
        image, bounds = paint(item), item.boundingRect()
        left, bottom = int(-bounds.left() + 1), int(-bounds.top() + 1 + 120)
        return sum(1 for x in range(left + 20, left + 180)
                   if all(image.pixel(x, y) == white for y in range(bottom - 1, bottom + 2)))

    assert gaps(own) == 0 and gaps(shared) > 20
    shared.set_props({})
    assert not shared.defined_elsewhere and gaps(shared) == 0
