"""Editor features that had no test: example and recent menus, panning, restored window state, closing,
the ingress-rules table, crisp icons when zoomed in, and the automatic layout action."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRectF, QSettings, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QDockWidget, QMessageBox, QPushButton, QStyleOptionGraphicsItem, QTableWidget

from wadesk import layout
from wadesk.catalog import CATALOG
from wadesk.fileformat import to_document
from wadesk.ui.canvas import styles
from wadesk.ui.canvas.node_item import NodeItem
from wadesk.ui.main_window import MainWindow
from wadesk.ui.session import EXAMPLES_DIR, Autosave, examples

pytestmark = pytest.mark.gui


def scrollbars(window: MainWindow) -> tuple[int, int]:
    return window.view.horizontalScrollBar().value(), window.view.verticalScrollBar().value()


def pan_drag(qtbot: Any, window: MainWindow, button: Qt.MouseButton) -> None:
    """Press ``button`` in the middle of the canvas and drag 150 px right and 100 px down."""
    viewport = window.view.viewport()
    start = viewport.rect().center()
    qtbot.mousePress(viewport, button, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, start + QPoint(30 * step, 20 * step))
    qtbot.mouseRelease(viewport, button, pos=start + QPoint(150, 100))


# ------------------------------------------------------------------ menus
def test_open_example_lists_every_example_by_name_and_opens_it(qtbot, window: MainWindow, dialogs) -> None:
    expected = examples(EXAMPLES_DIR)
    assert len(expected) == len(list(EXAMPLES_DIR.glob("*.wadesk"))) > 0
    actions = window.examples_menu.actions()
    assert [a.text() for a in actions] == [name for name, _ in expected]
    assert all(not name.endswith(".wadesk") for name, _ in expected)  # design names, not file names
    name, path = expected[-1]
    actions[-1].trigger()
    assert not dialogs.errors
    assert window.document.arch.name == name
    assert len(window.scene.items()) >= len(window.document.arch) > 0
    # An untitled copy: saving asks for a new name instead of overwriting the shipped example.
    assert window.document.path is None and window.windowTitle().startswith(f"{name} (untitled)")


def test_open_recent_lists_a_saved_file_and_opens_it(qtbot, window: MainWindow, tmp_path: Path) -> None:
    window.document.add_node("s3", 0, 0)
    path = tmp_path / "saved.wadesk"
    assert window._save_to(path)
    window.new_design()
    window.recent_menu.aboutToShow.emit()
    texts = [a.text() for a in window.recent_menu.actions()]
    assert texts == [str(path.resolve())]
    window.recent_menu.actions()[0].trigger()
    assert window.document.path == path.resolve() and len(window.document.arch) == 1


def test_open_recent_is_empty_at_first(qtbot, window: MainWindow) -> None:
    window.recent_menu.aboutToShow.emit()
    (only,) = window.recent_menu.actions()
    assert only.text() == "(none)" and not only.isEnabled()


# -------------------------------------------------------------------- pan
def test_space_drag_pans_the_view_and_edits_nothing(qtbot, window: MainWindow) -> None:
    window.document.add_node("ec2", 0, 0)
    window.view.set_zoom(1.0)
    window.view.centerOn(0, 0)
    before = scrollbars(window)
    steps = window.document.undo_stack.count()
    qtbot.keyPress(window.view, Qt.Key.Key_Space)
    pan_drag(qtbot, window, Qt.MouseButton.LeftButton)
    qtbot.keyRelease(window.view, Qt.Key.Key_Space)
    after = scrollbars(window)
    assert after[0] < before[0] and after[1] < before[1]  # dragging right and down shows what was left and up
    assert window.document.undo_stack.count() == steps and window.selection.ids == []


def test_a_left_drag_without_space_selects_instead_of_panning(qtbot, window: MainWindow) -> None:
    window.view.set_zoom(1.0)
    window.view.centerOn(0, 0)
    before = scrollbars(window)
    pan_drag(qtbot, window, Qt.MouseButton.LeftButton)
    assert scrollbars(window) == before


def test_middle_drag_pans_the_view(qtbot, window: MainWindow) -> None:
    window.view.set_zoom(1.0)
    window.view.centerOn(0, 0)
    before = scrollbars(window)
    pan_drag(qtbot, window, Qt.MouseButton.MiddleButton)
    after = scrollbars(window)
    assert after[0] < before[0] and after[1] < before[1]


# ------------------------------------------------------------ window state
def test_window_geometry_and_docks_survive_a_restart(qtbot, tmp_path: Path) -> None:
    ini = str(tmp_path / "restart.ini")
    first = MainWindow(settings=QSettings(ini, QSettings.Format.IniFormat), autosave=Autosave(tmp_path / "a"))
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(790, 560)  # the offscreen screen is 800 px wide, and a restored geometry must fit it
    size = first.size()
    assert size != QSize(1400, 900)  # not the default size
    analysis = first.findChild(QDockWidget, "analysis_dock")
    analysis.hide()
    first.palette_panel.parentWidget().setFloating(True)
    assert first.close()
    second = MainWindow(settings=QSettings(ini, QSettings.Format.IniFormat), autosave=Autosave(tmp_path / "a"))
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.size() == size
    assert second.findChild(QDockWidget, "analysis_dock").isHidden()
    assert second.findChild(QDockWidget, "palette_dock").isFloating()
    assert not second.findChild(QDockWidget, "inspector_dock").isHidden()
    second.findChild(QDockWidget, "palette_dock").setFloating(False)  # no floating window left behind


def test_closing_with_unsaved_changes_and_cancel_keeps_the_window(qtbot, window: MainWindow,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    del window.ask_save_changes  # the real question, answered through a patched QMessageBox
    asked: list[str] = []

    def question(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        asked.append(title)
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    window.document.add_node("s3", 0, 0)
    answer = QMessageBox.StandardButton.Cancel
    assert not window.close()
    assert window.isVisible() and asked == ["Unsaved changes"] and len(window.document.arch) == 1
    answer = QMessageBox.StandardButton.Discard
    assert window.close()
    assert not window.isVisible() and asked == ["Unsaved changes"] * 2


# --------------------------------------------------------------- inspector
def test_ingress_table_edits_a_security_group_and_the_analysis_follows(qtbot, window: MainWindow) -> None:
    doc = window.document
    group = doc.add_node("security_group", 0, 0, label="Bastion SG")
    window.selection.set([group])
    rules = {f.rule for f in doc.analyzer.findings_for(group)}
    assert "SEC-SG-OPEN-ADMIN" not in rules
    table = window.inspector.findChild(QTableWidget, "field_ingress")
    add = next(b for b in window.inspector.findChildren(QPushButton) if b.text() == "Add rule")
    add.click()
    assert table.rowCount() == 1 and len(doc.arch.props_of(group)["ingress"]) == 1
    columns = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    for column, text in (("cidr", "0.0.0.0/0"), ("port_from", "22"), ("port_to", "22")):
        table.item(0, columns.index(column)).setText(text)  # as if typed into the cell
    (rule,) = doc.arch.props_of(group)["ingress"]
    assert (rule["cidr"], rule["port_from"], rule["port_to"]) == ("0.0.0.0/0", 22, 22)
    findings = doc.analyzer.findings_for(group)
    assert "SEC-SG-OPEN-ADMIN" in {f.rule for f in findings}
    assert "SEC-SG-OPEN-PORTS" not in {f.rule for f in findings}  # only SSH is open now
    assert any(f.rule == "SEC-SG-OPEN-ADMIN" and f.node == group for f in window.analysis.visible_findings())
    assert window.scene.box(group).findings == findings
    window.undo_action.trigger()
    assert doc.arch.props_of(group)["ingress"][0]["port_to"] == 65535


# ------------------------------------------------------------------- icons
def _render(item: NodeItem, scale: float) -> QImage:
    image = QImage(int(styles.ICON * scale), int(styles.ICON * scale), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.scale(scale, scale)
    item.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.end()
    return image


def _difference(a: QImage, b: QImage) -> float:
    total = 0
    for y in range(a.height()):
        for x in range(a.width()):
            pa, pb = QColor(a.pixel(x, y)), QColor(b.pixel(x, y))
            total += abs(pa.red() - pb.red()) + abs(pa.green() - pb.green()) + abs(pa.blue() - pb.blue())
    return total / (a.width() * a.height())


def _reference(pixmap: QPixmap, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawPixmap(QRectF(0, 0, size, size), pixmap, QRectF(pixmap.rect()))
    painter.end()
    return image


def test_icons_are_crisp_at_200_percent(qapp) -> None:
    path = CATALOG.get("rds").icon_path
    item = NodeItem("n", "rds", "", path)
    assert item.icon_for_scale(2.0).width() >= 128 and item.icon_for_scale(1.0).width() == 64
    drawn = _render(item, 2.0)
    source = styles.icon_source(path)
    assert min(source.width(), source.height()) >= 128
    crisp = _reference(source, 128)  # the full-size source, scaled smoothly to 128 px in one go
    blown_up = _reference(styles.icon_pixmap(path), 128)  # the 64 px icon enlarged: blurry
    assert _difference(drawn, crisp) < 1.0
    assert _difference(drawn, blown_up) > 8.0


# ------------------------------------------------------------- auto layout
@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot is not installed")
def test_auto_layout_is_one_undo_step_and_undoes_exactly(qtbot, window: MainWindow, dialogs) -> None:
    assert window.open_file(EXAMPLES_DIR / "three-tier-web.wadesk"), dialogs.errors
    doc = window.document
    before = to_document(doc.arch)
    window.auto_layout()
    assert doc.undo_stack.count() == 1 and doc.undo_stack.undoText() == "Auto layout"
    assert "grid" not in window.statusBar().currentMessage()
    after = to_document(doc.arch)
    assert after != before
    for node in after["nodes"]:  # the scene follows the model, containers resized too
        box = window.scene.box(node["id"])
        assert (box.pos().x(), box.pos().y()) == (node["x"], node["y"])
        if "w" in node:
            assert box.size == (node["w"], node["h"])
    window.undo_action.trigger()
    assert to_document(doc.arch) == before


def test_auto_layout_without_dot_uses_the_grid_and_says_so(qtbot, window: MainWindow, dialogs,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(layout.shutil, "which", lambda name: None)
    assert window.open_file(EXAMPLES_DIR / "static-website.wadesk"), dialogs.errors
    window.auto_layout()
    message = window.statusBar().currentMessage()
    assert "grid" in message and "Graphviz dot is not installed" in message
    assert window.document.undo_stack.count() == 1
    geometry = layout.grid_layout(window.document.arch)
    assert all((n.x, n.y) == geometry[n.id][:2] for n in window.document.arch.nodes())


def test_close_closes_the_design_not_the_window(window, dialogs) -> None:  # type: ignore[no-untyped-def]
    window.document.add_node("ec2", 0, 0)
    dialogs.save_answer = QMessageBox.StandardButton.Discard
    window.close_document()
    assert len(window.document.arch) == 0 and window.isVisible()


def test_ctrl_z_in_a_property_field_undoes_the_applied_edit(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    node = window.document.add_node("lambda", 0, 0)
    before = window.document.arch.node(node).label
    window.selection.set([node])
    field = window.inspector.label_edit
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "Checkout")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.document.arch.node(node).label == "Checkout"
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.arch.node(node).label == before != "Checkout"
