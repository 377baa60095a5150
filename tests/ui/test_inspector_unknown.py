"""A setting the source leaves unresolved reads "unknown (from <expression>)" in the inspector; editing it makes it
known in one undo step, and the analysis pane and the report name what was not judged for it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox

from wadesk.ui.main_window import MainWindow

from .conftest import close_import_report

pytestmark = pytest.mark.gui

DB_TF = """\
variable "enc" {}
resource "aws_db_instance" "db" {
  engine            = "mysql"
  instance_class    = "db.t3.micro"
  storage_encrypted = var.enc
}
"""
DB = "aws_db_instance.db"
RULE = "SEC-DB-UNENCRYPTED"


def _import(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "infra"
    folder.mkdir()
    (folder / "main.tf").write_text(DB_TF, encoding="utf-8")
    assert window.imports.import_template(folder)
    close_import_report(window)
    box = window.scene.box(DB)
    assert box is not None
    window.view.centerOn(box)
    point = window.view.mapFromScene(box.sceneBoundingRect().center())
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.selection.ids == [DB]
    inspector = window.inspector
    qtbot.waitUntil(lambda: inspector.fields["storage_encrypted"].widget.isVisible())


def _open_keys(window: MainWindow) -> set[str]:
    return {f.key for f in window.document.analyzer.findings_for(DB)}


def test_an_unresolved_setting_reads_unknown_and_an_edit_makes_it_known_in_one_step(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    _import(qtbot, window, tmp_path)
    inspector = window.inspector
    field = inspector.fields["storage_encrypted"]
    # The value is shown (it can be edited), with what it is: the default standing for an unresolved value.
    assert field.widget.isVisibleTo(inspector)
    assert field.unknown.isVisibleTo(inspector) and field.unknown.text() == "unknown (from var.enc)"
    assert not inspector.fields["multi_az"].unknown.isVisibleTo(inspector)
    assert f"{RULE}@{DB}" not in _open_keys(window)
    label = window.analysis.unresolved
    qtbot.waitUntil(label.isVisible)
    assert label.text() == f"Not judged: {RULE} on {DB} depends on unresolved storage_encrypted (var.enc)"

    steps = window.document.undo_stack.count()
    box = field.widget
    assert isinstance(box, QCheckBox)
    box.click()  # encrypted: stated
    assert window.document.undo_stack.count() == steps + 1
    arch = window.document.arch
    assert arch.props_of(DB)["storage_encrypted"] is True and not arch.unknown_of(DB)
    assert not field.unknown.isVisibleTo(inspector)
    qtbot.waitUntil(lambda: not label.isVisible())

    window.undo_action.trigger()  # one undo: unknown again, at the default
    assert dict(arch.unknown_of(DB)) == {"storage_encrypted": "var.enc"}
    assert arch.props_of(DB)["storage_encrypted"] is False
    assert field.unknown.isVisibleTo(inspector) and not box.isChecked()
    qtbot.waitUntil(label.isVisible)


def test_stating_the_value_shown_judges_it(qtbot, window: MainWindow, tmp_path: Path) -> None:
    _import(qtbot, window, tmp_path)
    inspector = window.inspector
    field = inspector.fields["storage_encrypted"]
    assert field.state.isVisibleTo(inspector)
    field.state.click()  # "not encrypted", as shown, is now what the design says
    arch = window.document.arch
    assert not arch.unknown_of(DB) and arch.props_of(DB)["storage_encrypted"] is False
    assert f"{RULE}@{DB}" in _open_keys(window)
    assert not field.state.isVisibleTo(inspector)
    window.undo_action.trigger()
    assert f"{RULE}@{DB}" not in _open_keys(window) and "storage_encrypted" in arch.unknown_of(DB)


def test_the_report_names_the_findings_it_did_not_judge(qapp, tmp_path: Path) -> None:
    from wadesk.analysis.engine import analyse
    from wadesk.importers.api import import_source
    from wadesk.ui.report import render_design
    from wadesk.ui.report_pages import lay_out_report

    folder = tmp_path / "infra"
    folder.mkdir()
    (folder / "main.tf").write_text(DB_TF, encoding="utf-8")
    arch = import_source(folder, layout=False).built.arch
    pages = lay_out_report(arch, str(folder), lambda w, h: render_design(arch, folder, w, h))
    named = [key for page in pages for key in page.unresolved]
    assert named == [u.finding.key for u in analyse(arch).unjudged] == [f"{RULE}@{DB}"]
    assert f"{RULE}@{DB}" not in [key for page in pages for key in page.findings]


def test_a_copy_of_a_node_keeps_what_it_does_not_know(qtbot, window: MainWindow, tmp_path: Path) -> None:
    _import(qtbot, window, tmp_path)
    (copy_id,) = window.document.duplicate([DB])
    arch = window.document.arch
    assert dict(arch.unknown_of(copy_id)) == {"storage_encrypted": "var.enc"}
    assert f"{RULE}@{copy_id}" not in {f.key for f in window.document.analyzer.findings_for(copy_id)}
