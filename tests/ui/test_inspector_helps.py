"""Issue 13, item 2: references are picked, values are checked where typed, new nodes get readable ids."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QTableWidget

from wadesk.ui.main_window import MainWindow
from wadesk.ui.panels.editors import NodeChecklist, ZoneCombo

pytestmark = pytest.mark.gui

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "three-tier-web.wadesk"


def _rows(checklist: NodeChecklist) -> dict[str, tuple[str, bool]]:
    out = {}
    for row in range(checklist.count()):
        item = checklist.item(row)
        out[item.data(Qt.ItemDataRole.UserRole)] = (item.text(), item.checkState() == Qt.CheckState.Checked)
    return out


def test_subnets_of_a_load_balancer_are_a_checklist_by_label(qtbot, window: MainWindow) -> None:
    assert window.open_file(EXAMPLE)
    window.selection.set(["web-alb"])
    checklist = window.inspector.fields["subnets"].widget
    assert isinstance(checklist, NodeChecklist)
    rows = _rows(checklist)
    assert len(rows) == 6
    assert rows["public-a"] == ("Public A 10.0.0.0/24 · eu-west-1a · public", True)
    assert rows["app-b"] == ("Private app B 10.0.11.0/24 · eu-west-1b · private", False)
    # Tick a subnet as a user does: the property follows, and undo names the change.
    app_b = next(checklist.item(r) for r in range(checklist.count())
                 if checklist.item(r).data(Qt.ItemDataRole.UserRole) == "app-b")
    app_b.setCheckState(Qt.CheckState.Checked)
    assert window.document.arch.props_of("web-alb")["subnets"] == ["public-a", "public-b", "app-b"]
    assert window.undo_action.text() == "&Undo Change subnets of Web ALB"
    window.undo_action.trigger()
    assert window.document.arch.props_of("web-alb")["subnets"] == ["public-a", "public-b"]
    assert not _rows(window.inspector.fields["subnets"].widget)["app-b"][1]


def test_availability_zone_is_chosen_from_the_designs_zones_or_typed(qtbot, window: MainWindow) -> None:
    window.document.add_node("vpc", 0, 0)
    subnet = window.document.add_node("subnet", 10, 10)
    other = window.document.add_node("subnet", 400, 10)
    window.document.set_property(other, "availability_zone", "eu-west-1c")
    window.selection.set([subnet])
    combo = window.inspector.fields["availability_zone"].widget
    assert isinstance(combo, ZoneCombo)
    assert [combo.itemText(i) for i in range(combo.count())] == ["eu-west-1c"]
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    assert window.document.arch.props_of(subnet)["availability_zone"] == "eu-west-1c"
    combo.lineEdit().setFocus()
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), "eu-west-1a")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    assert window.document.arch.props_of(subnet)["availability_zone"] == "eu-west-1a"


def test_a_cidr_that_is_not_a_network_is_refused_where_it_is_typed(qtbot, window: MainWindow) -> None:
    vpc = window.document.add_node("vpc", 0, 0)
    window.selection.set([vpc])
    line = window.inspector.findChild(QLineEdit, "field_cidr")
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, "10.0.1.0/99")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    error = window.inspector.findChild(QLabel, "error_cidr")
    assert not error.isHidden() and "IPv4 CIDR block" in error.text()
    assert window.document.arch.props_of(vpc)["cidr"] == "10.0.0.0/16"
    line.selectAll()
    qtbot.keyClicks(line, "10.1.0.0/16")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert error.isHidden() and window.document.arch.props_of(vpc)["cidr"] == "10.1.0.0/16"


def test_an_unknown_instance_type_is_kept_with_a_warning(qtbot, window: MainWindow) -> None:
    node = window.document.add_node("ec2", 0, 0)
    window.selection.set([node])
    warning = window.inspector.findChild(QLabel, "warning_instance_type")
    assert warning.isHidden()
    line = window.inspector.findChild(QLineEdit, "field_instance_type")
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, "q9.mega")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert window.document.arch.props_of(node)["instance_type"] == "q9.mega"
    assert not warning.isHidden() and "q9.mega" in warning.text()
    assert window.inspector.findChild(QLabel, "error_instance_type").isHidden()


def test_new_nodes_and_flows_get_readable_ids(qtbot, window: MainWindow) -> None:
    doc = window.document
    first = doc.add_node("alb", 0, 0)
    second = doc.add_node("alb", 100, 0)
    group = doc.add_node("security_group", 300, 0)
    flow = doc.connect(first, second)
    assert (first, second, group, flow) == ("alb-1", "alb-2", "security-group-1", "flow-1")
    doc.delete([first])
    assert doc.add_node("alb", 0, 0) == "alb-3"  # never hands an id back out while the design is open


def test_a_value_longer_than_its_field_reads_from_its_start(qtbot, window: MainWindow) -> None:
    alb = window.document.add_node("alb", 0, 0)
    policy = "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04"
    window.document.set_property(alb, "tls_policy", policy)
    window.selection.set([alb])
    line = window.inspector.fields["tls_policy"].widget
    assert isinstance(line, QLineEdit) and line.text() == policy
    assert line.cursorPosition() == 0  # the field scrolls to the cursor: the start shows, not the end


def test_a_table_of_rules_takes_the_whole_width_of_the_panel(qtbot, window: MainWindow) -> None:
    group = window.document.add_node("security_group", 0, 0)
    window.selection.set([group])
    inspector = window.inspector
    table = inspector.findChild(QTableWidget, "field_ingress")
    caption = inspector.findChild(QLabel, "label_ingress")
    assert table is not None and caption is not None
    qtbot.waitUntil(table.isVisible)
    table_at, caption_at = table.mapTo(inspector, QPoint(0, 0)), caption.mapTo(inspector, QPoint(0, 0))
    # Under its caption, from the panel's left edge: every column has room, not only the first two.
    assert table_at.y() > caption_at.y() and abs(table_at.x() - caption_at.x()) <= 4
    assert table.width() > inspector.width() * 0.8
