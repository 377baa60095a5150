"""Issue 13, item 4: right-click menus, align and distribute, paste that keeps flows, named undo, no grips in images."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QImage, QPainter
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu

from wadesk.ui.canvas.container_item import ContainerItem
from wadesk.ui.main_window import MainWindow
from wadesk.ui.scene_image import ImageOptions, export_scene_image

pytestmark = pytest.mark.gui


def _texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def _action(menu: QMenu, text: str):  # type: ignore[no-untyped-def]
    return next(a for a in menu.actions() if a.text() == text)


def _submenu(menu: QMenu, text: str) -> QMenu:
    return _action(menu, text).menu()


def test_right_click_on_the_canvas_asks_for_the_menu_of_what_is_under_the_mouse(qtbot, window: MainWindow) -> None:
    node = window.document.add_node("s3", 0, 0, label="Assets")
    box = window.scene.box(node)
    window.view.centerOn(box)
    asked = []
    window.view.context_menu_requested.disconnect()
    window.view.context_menu_requested.connect(lambda i, pos, _g: asked.append(i))
    for scene_point in (box.sceneBoundingRect().center(), QPointF(900, 900)):
        local = window.view.mapFromScene(scene_point)
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, local, window.view.viewport().mapToGlobal(local))
        QApplication.sendEvent(window.view.viewport(), event)
    assert asked == [node, None]


def test_node_menu_adds_a_flow_moves_in_and_out_and_suppresses(qtbot, window: MainWindow, monkeypatch) -> None:
    doc = window.document
    subnet = doc.add_node("subnet", 0, 0, label="Private")
    db = doc.add_node("rds", 500, 0, label="Orders DB")
    app = doc.add_node("ec2", 600, 0, label="App server")
    menu = window.canvas_menus.menu_for(app, QPointF(600, 0))
    assert window.selection.ids == [app]
    for text in ("Rename", "Duplicate", "Copy", "Cut", "Delete", "Add flow to", "Move into"):
        assert text in _texts(menu)
    _action(_submenu(menu, "Add flow to"), "Orders DB").trigger()
    assert [(e.source, e.target) for e in doc.arch.edges()] == [(app, db)]
    menu = window.canvas_menus.menu_for(app, QPointF(600, 0))
    _action(_submenu(menu, "Move into"), "Private").trigger()
    assert doc.arch.parent_of(app) == subnet
    assert window.undo_action.text() == "&Undo Move App server into Private"
    menu = window.canvas_menus.menu_for(app, QPointF(600, 0))
    _action(menu, "Move out of Private").trigger()
    assert doc.arch.parent_of(app) is None
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("accepted for the demo", True))
    menu = window.canvas_menus.menu_for(db, QPointF(500, 0))
    suppress = _submenu(menu, "Suppress finding")
    first = suppress.actions()[0]
    rule = first.text().split(":")[0]
    first.trigger()
    assert any(s.rule == rule and s.node == db for s in doc.arch.suppressions())


def test_container_flow_and_empty_canvas_menus(qtbot, window: MainWindow) -> None:
    doc = window.document
    vpc = doc.add_node("vpc", 0, 0, label="VPC")
    inner = doc.add_node("ec2", 40, 60, parent=vpc, label="Web")
    other = doc.add_node("s3", 600, 0, label="Assets")
    flow = doc.connect(inner, other)
    menu = window.canvas_menus.menu_for(vpc, QPointF(5, 5))
    assert "Delete with contents" in _texts(menu) and "Select contents" in _texts(menu)
    _action(menu, "Select contents").trigger()
    assert window.selection.ids == [inner]
    menu = window.canvas_menus.menu_for(flow, QPointF(300, 30))
    assert _texts(menu)[:2] == ["Rename", "Delete flow"]
    _action(menu, "Select target: Assets").trigger()
    assert window.selection.ids == [other]
    window.selection.set([inner])
    window.copy()
    menu = window.canvas_menus.menu_for(None, QPointF(1000, 800))
    assert window.selection.ids == []
    assert {"Paste here", "Add component here", "Select all", "Auto layout", "Design properties"} <= set(_texts(menu))
    _action(menu, "Paste here").trigger()
    (pasted,) = window.selection.ids
    assert (doc.arch.node(pasted).x, doc.arch.node(pasted).y) == (1000, 800)
    add = _submenu(_submenu(menu, "Add component here"), "Database")
    _action(add, "DynamoDB table").trigger()
    (added,) = window.selection.ids
    assert doc.arch.node(added).kind == "dynamodb"


def test_align_and_distribute_from_the_arrange_menu_are_one_named_undo_step(qtbot, window: MainWindow) -> None:
    doc = window.document
    a = doc.add_node("ec2", 0, 0, label="A")
    b = doc.add_node("ec2", 200, 37, label="B")
    c = doc.add_node("ec2", 700, 90, label="C")
    window.selection.set([a, b, c])
    arrange = next(m.menu() for m in window.menuBar().actions() if m.text() == "&Arrange")
    next(x for x in arrange.actions() if x.text() == "Align top").trigger()
    assert {doc.arch.node(n).y for n in (a, b, c)} == {0.0}
    assert window.undo_action.text() == "&Undo Align top 3 items"
    next(x for x in arrange.actions() if x.text() == "Distribute horizontally").trigger()
    assert [doc.arch.node(n).x for n in (a, b, c)] == [0.0, 350.0, 700.0]
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert [(doc.arch.node(n).x, doc.arch.node(n).y) for n in (a, b, c)] == [(0, 0), (200, 37), (700, 90)]
    menu = window.canvas_menus.menu_for(a, QPointF(0, 0))  # several selected: the menu offers Arrange
    assert "Arrange" in _texts(menu)


def test_paste_keeps_flows_between_pasted_nodes_and_labels_copies(qtbot, window: MainWindow) -> None:
    doc = window.document
    app = doc.add_node("ec2", 0, 0, label="App server")
    db = doc.add_node("rds", 200, 0, label="Orders DB")
    outside = doc.add_node("s3", 400, 0, label="Assets")
    doc.connect(app, db, {"protocol": "sql", "port": 5432})
    doc.connect(app, outside)
    window.selection.set([app, db])
    window.copy()
    window.paste()
    new = window.selection.ids
    labels = sorted(doc.arch.node(n).label for n in new)
    assert labels == ["App server (2)", "Orders DB (2)"]
    copied = [e for e in doc.arch.edges() if e.source in new]
    assert len(copied) == 1 and copied[0].target in new and copied[0].props["port"] == 5432
    assert window.undo_action.text() == "&Undo Paste 2 items"
    window.selection.set([app])
    window.duplicate()
    assert doc.arch.node(window.selection.ids[0]).label == "App server (3)"
    assert window.undo_action.text() == "&Undo Duplicate App server"


def test_undo_and_redo_name_the_action(qtbot, window: MainWindow) -> None:
    doc = window.document
    app = doc.add_node("ec2", 0, 0, label="App server")
    assert window.undo_action.text() == "&Undo Add App server"
    doc.move_nodes({app: (100, 40, None, None)})
    assert window.undo_action.text() == "&Undo Move App server"
    doc.set_property(app, "instance_type", "m7g.large")
    assert window.undo_action.text() == "&Undo Change instance type of App server"
    window.undo_action.trigger()
    assert window.redo_action.text() == "&Redo Change instance type of App server"
    doc.delete([app])
    assert window.undo_action.text() == "&Undo Delete App server"


def test_no_resize_grip_or_selection_in_image_exports(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    vpc = window.document.add_node("vpc", 0, 0, label="VPC")
    window.selection.set([vpc])
    painted: list[bool] = []
    original = ContainerItem.paint

    def spy(self, painter, option, widget=None):  # type: ignore[no-untyped-def]
        painted.append(self._handles_visible or self.isSelected())
        original(self, painter, option, widget)

    monkeypatch.setattr(ContainerItem, "paint", spy)
    export_scene_image(window.scene, tmp_path / "d.png", ImageOptions(scale=1.0))
    assert painted and not any(painted)
    painted.clear()
    image = QImage(400, 300, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    window.scene.render(painter)
    painter.end()
    assert painted and all(painted)  # the canvas itself still shows the grip


def test_report_diagram_has_no_grip(qtbot, monkeypatch) -> None:
    from wadesk.catalog import new_architecture
    from wadesk.ui.report import render_design

    arch = new_architecture("r")
    arch.add_node("v", "vpc", w=300, h=200)
    painted: list[bool] = []
    original = ContainerItem.paint

    def spy(self, painter, option, widget=None):  # type: ignore[no-untyped-def]
        painted.append(self._handles_visible)
        original(self, painter, option, widget)

    monkeypatch.setattr(ContainerItem, "paint", spy)
    image, _, _ = render_design(arch, None, 400, 300)
    assert image is not None and painted == [False]


def test_right_click_on_a_finding_offers_its_actions(qtbot, window: MainWindow, monkeypatch) -> None:
    example = Path(__file__).resolve().parents[2] / "examples" / "flawed-startup.wadesk"
    assert window.open_file(example)
    assert window.analysis.select_finding("SEC-DB-PUBLIC-SUBNET@main-db")
    finding = window.analysis.selected_finding()
    menu = window.analysis.finding_menu(finding)
    assert _texts(menu) == ["Show on canvas", "Suppress…", "Open SEC05-BP01 in the Well-Architected Framework",
                            "Copy finding id"]
    _action(menu, "Copy finding id").trigger()
    assert QApplication.clipboard().text() == "SEC-DB-PUBLIC-SUBNET@main-db"
    window.selection.clear()
    _action(menu, "Show on canvas").trigger()
    assert window.selection.ids == ["main-db"]
    assert Qt.ContextMenuPolicy.CustomContextMenu == window.analysis.tree.contextMenuPolicy()
