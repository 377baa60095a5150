"""Issue 13, item 1: the design's name and description, edited in the inspector when nothing is selected."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from wadesk.fileformat import load_design
from wadesk.ui.export_actions import _file_stem
from wadesk.ui.main_window import MainWindow
from wadesk.ui.session import EXAMPLES_DIR

pytestmark = pytest.mark.gui


def test_nothing_selected_shows_the_design_and_its_name_is_editable(qtbot, window: MainWindow, tmp_path: Path) -> None:
    inspector = window.inspector
    assert inspector.title.text() == "Design" and inspector.label_edit.isEnabled()
    assert window.windowTitle().startswith("Untitled design")
    inspector.label_edit.setFocus()
    qtbot.keyClicks(inspector.label_edit, "Checkout service")
    qtbot.keyClick(inspector.label_edit, Qt.Key.Key_Return)
    assert window.document.arch.name == "Checkout service"
    assert window.windowTitle().startswith("Checkout service (untitled)") and window.isWindowModified()
    assert window.undo_action.text() == "&Undo Rename design to 'Checkout service'"
    # The description is applied when the box loses focus.
    inspector.description_edit.setFocus()
    qtbot.keyClicks(inspector.description_edit, "Takes orders and payments")
    inspector.label_edit.setFocus()
    qtbot.waitUntil(lambda: window.document.arch.description == "Takes orders and payments")
    path = tmp_path / "shop.wadesk"
    assert window._save_to(path)
    saved = load_design(path)
    assert (saved.name, saved.description) == ("Checkout service", "Takes orders and payments")
    assert window.windowTitle().startswith("Checkout service (shop.wadesk)")
    window.undo_action.trigger()
    assert window.document.arch.description == "" and inspector.description_edit.toPlainText() == ""
    window.undo_action.trigger()
    assert window.document.arch.name == "" and inspector.label_edit.text() == ""


def test_selecting_a_node_edits_its_label_and_several_disable_the_field(qtbot, window: MainWindow) -> None:
    doc = window.document
    a, b = doc.add_node("s3", 0, 0, label="Assets"), doc.add_node("s3", 100, 0, label="Logs")
    window.selection.set([a])
    assert window.inspector.label_edit.text() == "Assets" and window.inspector.description_edit.isHidden()
    window.selection.set([a, b])
    assert not window.inspector.label_edit.isEnabled() and window.inspector.label_edit.text() == ""
    window.selection.clear()
    assert window.inspector.title.text() == "Design" and window.inspector.label_edit.isEnabled()


def test_start_as_copy_opens_an_untitled_copy_named_after_the_example(qtbot, window: MainWindow) -> None:
    path = EXAMPLES_DIR / "containers-ecs.wadesk"
    window.start(str(path), as_copy=True)
    name = load_design(path).name
    assert window.document.path is None and window.document.arch.name == name
    assert window.windowTitle().startswith(f"{name} (untitled)")
    assert window.inspector.label_edit.text() == name
    assert 3 <= window.document.analyzer.active_count() <= 12  # a handful of findings to look at


def test_exports_of_an_unsaved_design_are_named_after_it() -> None:
    assert _file_stem("Containers on ECS Fargate") == "containers-on-ecs-fargate"
    assert _file_stem("") == "design" and _file_stem("???") == "design"
