"""Issue 13, item 4: flows go around components on the canvas, in image exports and in the report."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt

from wadesk import routing
from wadesk.catalog import new_architecture
from wadesk.ui import report
from wadesk.ui.canvas.edge_item import EdgeItem
from wadesk.ui.main_window import MainWindow
from wadesk.ui.scene_image import ImageOptions, export_scene_image

pytestmark = [pytest.mark.gui,
              pytest.mark.skipif(shutil.which("neato") is None, reason="Graphviz neato is not installed")]

#: How long a test waits for the background routing (it takes a fraction of a second).
WAIT_MS = 15_000


def _rect(rect: QRectF) -> routing.Rect:
    return (rect.x(), rect.y(), rect.width(), rect.height())


def crosses(item: EdgeItem, rect: QRectF) -> bool:
    points = routing.polyline(item.route, steps=24)
    return any(routing.segment_crosses(a, b, _rect(rect)) for a, b in itertools.pairwise(points))


def a_through_b_to_c(window: MainWindow) -> tuple[str, str, str, str]:
    """A -> C drawn so that its straight line runs through B."""
    doc = window.document
    a = doc.add_node("ec2", 0, 0, label="A")
    b = doc.add_node("rds", 200, 0, label="B")
    c = doc.add_node("s3", 400, 0, label="C")
    flow = doc.connect(a, c)
    assert flow is not None
    return a, b, c, flow


def icon(window: MainWindow, node_id: str) -> QRectF:
    box = window.scene.box(node_id)
    assert box is not None
    return box.icon_rect_in_scene()  # type: ignore[union-attr]


def test_a_flow_through_a_node_is_routed_around_it_and_rerouted_after_a_move_and_undo(
        qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.scene.router.routes_changed, timeout=WAIT_MS):
        a, b, c, flow = a_through_b_to_c(window)
    item = window.scene.edge_item(flow)
    assert item is not None
    assert not crosses(item, icon(window, b))
    assert not window.scene.router.pending and window.scene.router.note == ""
    # the arrowhead points along the last piece of the route, into C
    (x0, _y0), (x1, y1) = item.route.path[-2], item.route.path[-1]
    assert x1 > x0 and icon(window, c).adjusted(-4, -4, 4, 4).contains(QPointF(x1, y1))
    # clicking the routed line (away from the straight line) selects the flow
    low = max(routing.polyline(item.route), key=lambda p: abs(p[1] - 32))
    assert abs(low[1] - 32) > 20
    assert item.shape().contains(QPointF(*low)) and not item.shape().contains(QPointF(300, 32))

    with qtbot.waitSignal(window.scene.router.routes_changed, timeout=WAIT_MS):
        window.document.move_nodes({b: (200, 300, None, None)})  # out of the way
    assert max(abs(y - 32) for _x, y in routing.polyline(item.route)) < 2  # straight across now

    with qtbot.waitSignal(window.scene.router.routes_changed, timeout=WAIT_MS):
        window.document.undo_stack.undo()
    assert window.document.arch.node(b).y == 0
    assert not crosses(item, icon(window, b))


def test_while_dragging_the_flow_follows_straight_and_is_routed_on_release(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.scene.router.routes_changed, timeout=WAIT_MS):
        a, b, c, flow = a_through_b_to_c(window)
    item = window.scene.edge_item(flow)
    assert item is not None
    window.selection.set([c])
    viewport = window.view.viewport()
    start, end = window.view.mapFromScene(QPointF(432, 32)), window.view.mapFromScene(QPointF(432, 52))
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, start + (end - start) * (step / 5))
    # during the drag: one straight segment to where C is now, and no routing under way
    assert len(item.route.path) == 4 and not window.scene.router.pending
    assert item.route.path[-1][1] == pytest.approx(52, abs=2)
    with qtbot.waitSignal(window.scene.router.routes_changed, timeout=WAIT_MS):
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    assert window.document.arch.node(c).y == 20
    assert len(item.route.path) > 4  # routed again once the drag ended
    assert not crosses(item, icon(window, b))


def test_the_image_export_draws_the_routes_even_right_after_an_edit(qtbot, window: MainWindow,
                                                                    tmp_path: Path) -> None:
    a, b, c, flow = a_through_b_to_c(window)
    assert window.scene.router.pending  # the edit is not routed yet
    export_scene_image(window.scene, tmp_path / "design.png", ImageOptions(scale=1.0))
    item = window.scene.edge_item(flow)
    assert item is not None and not window.scene.router.pending
    assert not crosses(item, icon(window, b))


def test_the_report_draws_the_routed_flows(qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    arch = new_architecture("Routes")
    arch.add_node("a", "ec2", x=0, y=0, label="A")
    arch.add_node("b", "rds", x=200, y=0, label="B")
    arch.add_node("c", "s3", x=400, y=0, label="C")
    arch.connect("a-c", "a", "c", label="HTTPS")
    scenes = []

    class Recorded(report.DesignScene):
        def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            super().__init__(*args, **kwargs)
            scenes.append(self)

    monkeypatch.setattr(report, "DesignScene", Recorded)
    image, _w, _h = report.render_design(arch, None, 800, 600)
    assert image is not None
    (scene,) = scenes
    item = scene.edge_item("a-c")
    b = scene.box("b")
    assert item is not None and b is not None
    assert not crosses(item, b.icon_rect_in_scene())  # type: ignore[union-attr]
    label = item.label_rect()
    assert not label.isEmpty()
    for node_id in ("a", "b", "c"):
        box = scene.box(node_id)
        assert box is not None
        assert not label.intersects(box.icon_rect_in_scene())  # type: ignore[union-attr]
        assert not label.intersects(box.caption_rect_in_scene())  # type: ignore[union-attr]


def test_a_design_too_large_to_route_keeps_straight_flows_and_says_so(qtbot, window: MainWindow,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(routing, "MAX_SHAPES", 2)
    with qtbot.waitSignal(window.scene.router.note_changed, timeout=WAIT_MS) as note:
        a, b, c, flow = a_through_b_to_c(window)
    assert "straight" in note.args[0]
    assert "straight" in window.statusBar().currentMessage()
    item = window.scene.edge_item(flow)
    assert item is not None and len(item.route.path) == 4
