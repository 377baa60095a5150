"""The analysis pane patched after each edit shows exactly what a full rebuild shows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wadesk.ui.main_window import MainWindow
from wadesk.ui.panels.analysis import FINDING_ROLE

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "flawed-startup.wadesk"


def _tree(window: MainWindow) -> list[tuple[str, list[str]]]:
    tree = window.analysis.tree
    out = []
    for index in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(index)
        keys = [group.child(i).data(0, FINDING_ROLE).key for i in range(group.childCount())]
        out.append((group.text(0), keys))
    return sorted(out)


@pytest.mark.parametrize("grouping", [0, 1, 2])
def test_patched_tree_equals_a_rebuilt_one(window: MainWindow, grouping: int) -> None:
    assert window.open_file(EXAMPLE)
    window.analysis.group_by.setCurrentIndex(grouping)
    doc = window.document
    edits = [
        lambda: doc.set_property("main-db", "multi_az", True),
        lambda: doc.set_property("main-db", "storage_encrypted", True),
        lambda: doc.rename("main-db", "Orders DB"),
        lambda: doc.suppress("SEC-NO-CONFIG", None, "organisation-wide"),
        lambda: doc.delete(["old-volume"]),
        lambda: doc.undo_stack.undo(),
        lambda: doc.connect("users", "uploads-bucket"),
    ]
    for edit in edits:
        edit()
        patched = _tree(window)
        window.analysis.refresh()
        assert patched == _tree(window)
    total = sum(len(keys) for _, keys in _tree(window))
    assert total == len(window.analysis.visible_findings())


def test_with_nothing_selected_the_pane_shows_the_design_total(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.open_file(EXAMPLE)
    window.selection.set([])
    # The title may still show the empty window's total (0 of 0) until the opened design's analysis lands.
    layers = f" of {12 * len(window.document.arch)} layers"
    qtbot.waitUntil(lambda: window.analysis.matrix_title.text().startswith("Design: you own ")
                    and layers in window.analysis.matrix_title.text())
    text = window.analysis.matrix_title.text()
    # Every layer is counted somewhere: the parts add up to the whole.
    match = re.search(r"you own (\d+) of (\d+) layers, AWS (\d+), shared (\d+), not applicable (\d+)\.", text)
    assert match is not None, text
    own, total, aws, shared, none = (int(n) for n in match.groups())
    assert own + aws + shared + none == total == 12 * len(window.document.arch)
    # The matrix is not left empty: each layer counts the nodes each owner holds it for.
    matrix = window.analysis.matrix
    counted = {"C": 0, "A": 0, "S": 0}
    for row in range(matrix.rowCount()):
        parts = [(part[0], part[1:]) for part in matrix.item(row, 1).text().split(" \u00b7 ") if part]
        assert sum(int(n) for _, n in parts) <= len(window.document.arch), matrix.item(row, 0).text()
        for letter, n in parts:
            counted[letter] += int(n)
    assert (counted["C"], counted["A"], counted["S"]) == (own, aws, shared)
    window.selection.set(["main-db"])
    assert "customer owns 5/12" in window.analysis.matrix_title.text()


def test_picking_a_finding_selects_and_centres_its_node(window: MainWindow) -> None:
    assert window.open_file(EXAMPLE)
    window.view.zoom_in()
    window.view.centerOn(-5000, -5000)
    assert window.analysis.select_finding("SEC-DB-PUBLIC-SUBNET@main-db")
    assert window.selection.ids == ["main-db"]
    box = window.scene.box("main-db")
    centre = window.view.mapToScene(window.view.viewport().rect().center())
    assert (centre - box.sceneBoundingRect().center()).manhattanLength() < 80


def test_a_long_node_label_leaves_the_finding_the_widest_column(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.open_file(EXAMPLE)
    window.resize(1400, 900)
    long_label = "aws_api_gateway_rest_api.private_api_for_the_orders_service_in_the_shared_account"
    window.document.rename("main-db", long_label)
    tree = window.analysis.tree

    def rows_of_the_database() -> list:  # type: ignore[type-arg]
        groups = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
        return [g.child(j) for g in groups for j in range(g.childCount()) if g.child(j).text(2) == long_label]

    qtbot.waitUntil(lambda: bool(rows_of_the_database()))
    item = rows_of_the_database()[0]
    assert tree.columnWidth(0) > tree.columnWidth(2)
    assert item.toolTip(2) == long_label  # the whole label, where the column cuts it
