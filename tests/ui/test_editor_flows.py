"""Real user flows through the main window: add, connect, move into a subnet, edit, suppress, undo, save."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage, QPainter
from PySide6.QtWidgets import QApplication, QCheckBox, QInputDialog, QLineEdit

from wadesk.fileformat import load_design, to_document
from wadesk.ui.canvas.node_item import HANDLE
from wadesk.ui.main_window import MainWindow
from wadesk.ui.panels.palette import KIND_MIME
from wadesk.ui.session import EXAMPLES_DIR

pytestmark = pytest.mark.gui


def viewport_point(window: MainWindow, scene_point: QPointF) -> QPoint:
    return window.view.mapFromScene(scene_point)


def drop_kind(window: MainWindow, kind: str, scene_point: QPointF) -> str:
    """Drop a palette kind on the canvas at ``scene_point``, as a drag from the palette would."""
    data = QMimeData()
    data.setData(KIND_MIME, kind.encode("utf-8"))
    pos = QPointF(viewport_point(window, scene_point))
    before = set(window.document.arch.node_ids())
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window.view.viewport(), enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window.view.viewport(), drop)
    (new,) = set(window.document.arch.node_ids()) - before
    return new


def drag(qtbot: Any, window: MainWindow, start: QPointF, end: QPointF) -> None:
    """Press at ``start``, move in steps, release at ``end`` (scene coordinates)."""
    viewport = window.view.viewport()
    a, b = viewport_point(window, start), viewport_point(window, end)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a)
    for step in range(1, 6):
        p = a + (b - a) * (step / 5)
        qtbot.mouseMove(viewport, p)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=b)


def click(qtbot: Any, window: MainWindow, point: QPointF) -> None:
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=viewport_point(window, point))


def normal(window: MainWindow) -> dict[str, Any]:
    """The window's design as its file document, in the model's order (undo and redo keep it exactly)."""
    return to_document(window.document.arch)


def test_the_whole_editing_flow_undoes_to_the_start_and_saves(qtbot, window: MainWindow, tmp_path: Path,
                                                              monkeypatch) -> None:
    doc = window.document
    window.view.set_zoom(1.0)
    window.view.centerOn(300, 200)
    start = to_document(doc.arch)

    # add a subnet and two components from the palette
    subnet = drop_kind(window, "subnet", QPointF(500, 200))
    assert doc.arch.kind_of(subnet) == "subnet" and window.scene.box(subnet) is not None
    window.palette_panel.search.setText("EC2")
    assert "ec2" in window.palette_panel.visible_kinds() and "rds" not in window.palette_panel.visible_kinds()
    window.palette_panel.search.setText("")
    item = window.palette_panel.item_for("rds")
    window.palette_panel.tree.scrollToItem(item)
    rect = window.palette_panel.tree.visualItemRect(item)
    qtbot.mouseClick(window.palette_panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(doc.model_changed):
        qtbot.mouseDClick(window.palette_panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    db = window.selection.current()
    assert db is not None and doc.arch.kind_of(db) == "rds"
    web = drop_kind(window, "ec2", QPointF(100, 100))
    assert doc.arch.parent_of(web) is None
    assert doc.undo_stack.count() == 3
    assert window.isWindowModified()

    # connect web -> db by dragging from the connection handle of the selected node
    web_box = window.scene.box(web)
    click(qtbot, window, web_box.scenePos() + QPointF(32, 32))
    assert window.selection.ids == [web]
    handle = web_box.scenePos() + HANDLE.center()
    db_centre = window.scene.box(db).scenePos() + QPointF(32, 32)
    with qtbot.waitSignal(doc.model_changed):
        drag(qtbot, window, handle, db_centre)
    (edge,) = doc.arch.edge_ids()
    assert (doc.arch.edge(edge).source, doc.arch.edge(edge).target) == (web, db)
    assert doc.arch.edge(edge).props["protocol"] == "https"
    assert window.scene.edge_item(edge) is not None

    # move the database into the subnet: one drag, one undo step, snapped to the grid
    window.selection.set([db])
    steps = doc.undo_stack.count()
    target = doc.arch.node(subnet)
    # (grab it away from where the last drag ended, or the press would count as a double-click)
    drag(qtbot, window, db_centre + QPointF(-14, -12), QPointF(target.x + 103, target.y + 97))
    assert doc.arch.parent_of(db) == subnet
    assert doc.undo_stack.count() == steps + 1
    assert doc.arch.node(db).x % 10 == 0 and doc.arch.node(db).y % 10 == 0

    # edit a property in the inspector: the badge and the analysis tree follow
    window.selection.set([db])
    badge_before = len([f for f in window.scene.box(db).findings if not f.suppressed])
    tree_before = [f.key for f in window.analysis.visible_findings()]
    box = window.inspector.findChild(QCheckBox, "field_multi_az")
    assert box is not None and not box.isChecked()
    with qtbot.waitSignal(doc.analysis_changed):
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert doc.arch.props_of(db)["multi_az"] is True
    assert len([f for f in window.scene.box(db).findings if not f.suppressed]) == badge_before - 1
    assert [f.key for f in window.analysis.visible_findings()] != tree_before

    # suppress a finding of the database from the analysis pane
    finding = next(f for f in doc.analyzer.findings_for(db) if not f.suppressed)
    assert window.analysis.select_finding(finding.key)
    assert window.selection.ids == [db]  # picking a finding selects its node
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("accepted risk", True)))
    with qtbot.waitSignal(doc.analysis_changed):
        qtbot.mouseClick(window.analysis.suppress_button, Qt.MouseButton.LeftButton)
    suppressed = [f for f in doc.analyzer.findings_for(db) if f.key == finding.key]
    assert suppressed[0].suppressed and suppressed[0].justification == "accepted risk"
    assert window.analysis.select_finding(finding.key)
    assert window.analysis.unsuppress_button.isEnabled()

    # undo everything back to the start, then redo it all
    edited = normal(window)
    while doc.undo_stack.canUndo():
        window.undo_action.trigger()
    assert to_document(doc.arch) == start and not window.scene.items()
    while doc.undo_stack.canRedo():
        window.redo_action.trigger()
    assert normal(window) == edited
    assert window.scene.box(db).findings == doc.analyzer.findings_for(db)

    # save, reopen and compare
    path = tmp_path / "flow.wadesk"
    assert window._save_to(path)
    assert not window.isWindowModified()
    assert "flow.wadesk" in window.windowTitle()
    assert window.open_file(path)
    assert normal(window) == edited
    assert to_document(load_design(path)) == to_document(window.document.arch)
    assert window.document.path == path and not window.isWindowModified()


def test_undo_of_every_step_returns_to_the_empty_design(qtbot, window: MainWindow) -> None:
    doc = window.document
    window.view.set_zoom(1.0)
    window.view.centerOn(300, 200)
    start = to_document(doc.arch)
    subnet = drop_kind(window, "subnet", QPointF(500, 200))
    web = drop_kind(window, "ec2", QPointF(100, 100))
    db = drop_kind(window, "rds", QPointF(150, 300))
    doc.connect(web, db)
    window.selection.set([db])
    drag(qtbot, window, window.scene.box(db).scenePos() + QPointF(32, 32),
         QPointF(doc.arch.node(subnet).x + 100, doc.arch.node(subnet).y + 100))
    assert doc.arch.parent_of(db) == subnet
    window.inspector.findChild(QCheckBox, "field_storage_encrypted").click()
    finding = doc.analyzer.findings_for(db)[0]
    doc.suppress(finding.rule, db, "why not")
    before_delete = normal(window)
    window.selection.set([subnet])
    window.delete_action.trigger()  # the subnet goes with the database inside and its flow
    assert not doc.arch.has_node(db) and doc.arch.edge_ids() == []
    window.undo_action.trigger()
    assert doc.arch.parent_of(db) == subnet and len(doc.arch.edge_ids()) == 1
    assert any(s.node == db for s in doc.arch.suppressions())
    assert normal(window) == before_delete  # the same file: nothing moved to the end of the order
    while doc.undo_stack.canUndo():
        window.undo_action.trigger()
    assert to_document(doc.arch) == start
    assert window.scene.box(web) is None and not window.isWindowModified()
    assert window.analysis.visible_findings() == list(doc.analyzer.result().findings)


def test_invalid_inspector_value_shows_the_model_error_and_changes_nothing(qtbot, window: MainWindow) -> None:
    doc = window.document
    group = doc.add_node("auto_scaling_group", 0, 0)
    window.selection.set([group])
    steps = doc.undo_stack.count()
    window.inspector._commit("min_size", -3)
    error = window.inspector.fields["min_size"].error
    assert not error.isHidden() and "min_size" in error.text()
    assert doc.arch.props_of(group)["min_size"] == 1 and doc.undo_stack.count() == steps
    # Ids that name no subnet (typed into the file by hand) show as such and can be cleared.
    doc.set_property(group, "subnets", ["a", "b"])
    subnets = window.inspector.fields["subnets"].widget
    assert [subnets.item(r).text() for r in range(subnets.count())] == [
        "a (not a node of this design)", "b (not a node of this design)"]
    subnets.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert doc.arch.props_of(group)["subnets"] == ["b"]


def test_rename_in_place_copy_paste_duplicate_and_layout(qtbot, window: MainWindow) -> None:
    doc = window.document
    node = doc.add_node("lambda", 40, 40)
    window.selection.set([node])
    window.rename_selection()
    editor = window.view.viewport().findChild(QLineEdit, "rename_editor")
    assert editor is not None and editor.isVisible()
    editor.setText("Checkout")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert doc.arch.node(node).label == "Checkout"
    assert window.scene.box(node).label == "Checkout"
    window.copy()
    window.paste()
    (pasted,) = window.selection.ids
    assert pasted != node and doc.arch.node(pasted).x == 60 and doc.arch.node(pasted).label == "Checkout (2)"
    window.duplicate()
    assert len(doc.arch) == 3
    steps = doc.undo_stack.count()
    window.auto_layout()
    assert doc.undo_stack.count() == steps + 1
    boxes = {(doc.arch.node(n).x, doc.arch.node(n).y) for n in doc.arch.node_ids()}
    assert len(boxes) == 3  # no two nodes on top of each other


def test_title_marks_unsaved_changes_and_status_counts(qtbot, window: MainWindow) -> None:
    assert not window.isWindowModified()
    window.document.add_node("s3", 0, 0)
    assert window.isWindowModified() and window.windowTitle().startswith("Untitled")
    qtbot.waitUntil(lambda: "1 nodes" in window.counts_label.text())
    window.undo_action.trigger()
    assert not window.isWindowModified()
    window.view.set_zoom(2.0)
    assert window.zoom_label.text() == "Zoom 200 %"


def test_broken_file_shows_its_error_and_keeps_the_design(qtbot, window: MainWindow, dialogs, tmp_path) -> None:
    bad = tmp_path / "bad.wadesk"
    bad.write_text('{"format": "wadesk", "version": 1, "nodes": [{"id": "a", "kind": "nope"}]}')
    window.document.add_node("s3", 0, 0)
    dialogs.save_answer = window.ask_save_changes()  # Discard
    assert not window.open_file(bad)
    assert dialogs.errors and "nope" in dialogs.errors[0][1]


def test_autosave_is_offered_back_when_newer_than_the_file(qtbot, window: MainWindow, dialogs, tmp_path) -> None:
    doc = window.document
    path = tmp_path / "d.wadesk"
    doc.add_node("s3", 0, 0)
    window._save_to(path)
    doc.add_node("sqs", 100, 0)
    written = window.write_autosave()
    assert written is not None and written.exists()
    doc.undo_stack.setClean()
    dialogs.recover_answer = True
    assert window.open_file(path)
    assert dialogs.asked_recover == [written]
    assert len(doc.arch) == 2 and window.isWindowModified()


def test_responsibility_view_draws_the_layer_strip(qtbot, window: MainWindow) -> None:
    node = window.document.add_node("ec2", 0, 0)
    box = window.scene.box(node)
    plain = box.boundingRect()
    window.responsibility_action.trigger()
    assert box.boundingRect().height() > plain.height()
    assert window.analysis.matrix.rowCount() == 12


@pytest.mark.parametrize("path", sorted(EXAMPLES_DIR.glob("*.wadesk")), ids=lambda p: p.stem)
def test_every_example_opens_and_renders(qtbot, window: MainWindow, path: Path, dialogs) -> None:
    assert window.open_file(path), dialogs.errors
    assert len(window.scene.items()) >= len(window.document.arch)
    image = QImage(800, 600, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    window.scene.render(painter, source=window.scene.items_bounding_rect())
    painter.end()
    colours = {image.pixel(x, y) for x in range(0, 800, 7) for y in range(0, 600, 7)}
    assert len(colours) > 20, "the rendered design is blank"


def test_dragging_a_container_moves_its_contents_in_one_step(qtbot, window: MainWindow) -> None:
    doc = window.document
    window.view.set_zoom(1.0)
    window.view.centerOn(300, 200)
    vpc = doc.add_node("vpc", 100, 50)
    inner = doc.add_node("ec2", 160, 120, parent=vpc)
    click(qtbot, window, QPointF(200, 60))  # the title bar
    assert window.selection.ids == [vpc]
    steps = doc.undo_stack.count()
    drag(qtbot, window, QPointF(220, 62), QPointF(273, 104))
    assert (doc.arch.node(vpc).x, doc.arch.node(vpc).y) == (150, 90)
    assert (doc.arch.node(inner).x, doc.arch.node(inner).y) == (210, 160)
    assert doc.arch.parent_of(inner) == vpc
    assert doc.undo_stack.count() == steps + 1
    window.undo_action.trigger()
    assert (doc.arch.node(inner).x, doc.arch.node(inner).y) == (160, 120)


def test_resize_handle_resizes_the_container(qtbot, window: MainWindow) -> None:
    doc = window.document
    window.view.set_zoom(1.0)
    window.view.centerOn(300, 200)
    vpc = doc.add_node("vpc", 100, 50)
    window.selection.set([vpc])
    node = doc.arch.node(vpc)
    corner = QPointF(node.x + node.w - 5, node.y + node.h - 5)
    drag(qtbot, window, corner, corner + QPointF(81, 42))
    after = doc.arch.node(vpc)
    assert (after.x, after.y) == (100, 50)
    assert (after.w, after.h) == (node.w + 80, node.h + 40)


def test_resize_grip_of_an_unselected_container_resizes_it_instead_of_moving_it(qtbot, window: MainWindow) -> None:
    # the grip is drawn on every container, so grabbing it must resize even when another node is selected
    doc = window.document
    window.view.set_zoom(1.0)
    window.view.centerOn(300, 200)
    vpc = doc.add_node("vpc", 100, 50)
    other = doc.add_node("s3", -200, 50)
    window.selection.set([other])
    node = doc.arch.node(vpc)
    corner = QPointF(node.x + node.w - 5, node.y + node.h - 5)
    drag(qtbot, window, corner, corner + QPointF(81, 42))
    after = doc.arch.node(vpc)
    assert (after.x, after.y) == (100, 50)
    assert (after.w, after.h) == (node.w + 80, node.h + 40)
    assert window.selection.ids == [vpc]


def test_ctrl_wheel_zooms_and_shortcuts_fit(qtbot, window: MainWindow) -> None:
    from PySide6.QtGui import QWheelEvent

    window.document.add_node("s3", 0, 0)
    window.view.set_zoom(1.0)
    centre = QPointF(window.view.viewport().rect().center())
    event = QWheelEvent(centre, window.view.viewport().mapToGlobal(centre), QPoint(), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    QApplication.sendEvent(window.view.viewport(), event)
    assert window.view.zoom() == pytest.approx(1.25)
    assert window.zoom_label.text() == "Zoom 125 %"
    window.view.fit()
    assert window.view.zoom() <= 1.5
