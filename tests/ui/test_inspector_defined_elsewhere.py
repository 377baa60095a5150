"""A node that stands for something defined elsewhere says so in the inspector, and shows no default as a fact."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox

from wadesk.ui.main_window import MainWindow

from .conftest import close_import_report

pytestmark = pytest.mark.gui

MODULES_TF = """\
module "eks" {
  source          = "terraform-aws-modules/eks/aws"
  version         = "20.8.5"
  cluster_version = "1.29"
}
module "db" {
  source         = "terraform-aws-modules/rds/aws"
  engine         = "mysql"
  instance_class = "db.t4g.large"
}
resource "aws_s3_bucket" "own" {}
"""


def _import(window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "infra"
    folder.mkdir()
    (folder / "main.tf").write_text(MODULES_TF, encoding="utf-8")
    assert window.imports.import_template(folder)
    close_import_report(window)


def _click_node(qtbot, window: MainWindow, node_id: str) -> None:  # type: ignore[no-untyped-def]
    box = window.scene.box(node_id)
    assert box is not None
    window.view.centerOn(box)
    point = window.view.mapFromScene(box.sceneBoundingRect().center())
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.selection.ids == [node_id]
    # The inspector's new rows are shown by the event loop, as for a user.
    inspector = window.inspector
    qtbot.waitUntil(lambda: all(f.widget.isVisible() or f.unknown.isVisible() for f in inspector.fields.values()))


def test_a_registry_module_database_reads_as_defined_elsewhere_with_unknown_settings(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    _import(window, tmp_path)
    _click_node(qtbot, window, "module.db")
    inspector = window.inspector
    notice = inspector.elsewhere_notice
    assert notice.isVisibleTo(inspector)
    assert "Defined elsewhere" in notice.text() and "module not on disk" in notice.text()
    # Encryption is the module's to decide: not an unticked box, but "unknown".
    encrypted = inspector.fields["storage_encrypted"]
    assert not encrypted.widget.isVisibleTo(inspector)
    assert encrypted.unknown.isVisibleTo(inspector) and "unknown" in encrypted.unknown.text()
    for name in ("multi_az", "publicly_accessible", "backup_retention_days", "deletion_protection"):
        assert inspector.fields[name].unknown.isVisibleTo(inspector), name
    # What the module block states is shown as a value.
    for name, text in (("engine", "mysql"), ("instance_class", "db.t4g.large")):
        field = inspector.fields[name]
        assert field.widget.isVisibleTo(inspector) and not field.unknown.isVisibleTo(inspector), name
        assert field.widget.text() == text
    marker = inspector.fields["defined_elsewhere"].widget
    assert isinstance(marker, QCheckBox) and marker.isVisibleTo(inspector) and marker.isChecked()
    # The analysis says nothing about the placeholder.
    assert window.document.analyzer.findings_for("module.db") == []


def test_unticking_defined_elsewhere_shows_every_setting_and_ticking_hides_them_again(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    _import(window, tmp_path)
    _click_node(qtbot, window, "module.eks")
    inspector = window.inspector
    assert inspector.fields["secrets_encryption"].unknown.isVisibleTo(inspector)
    assert inspector.fields["version"].widget.text() == "1.29"
    marker = inspector.fields["defined_elsewhere"].widget
    assert isinstance(marker, QCheckBox)
    marker.click()
    assert window.document.arch.props_of("module.eks")["defined_elsewhere"] is False
    assert not inspector.elsewhere_notice.isVisibleTo(inspector)
    encryption = inspector.fields["secrets_encryption"]
    assert encryption.widget.isVisibleTo(inspector) and not encryption.unknown.isVisibleTo(inspector)
    window.undo_action.trigger()
    assert inspector.elsewhere_notice.isVisibleTo(inspector)
    assert inspector.fields["secrets_encryption"].unknown.isVisibleTo(inspector)


def test_a_node_described_in_the_design_shows_no_notice(qtbot, window: MainWindow, tmp_path: Path) -> None:
    _import(window, tmp_path)
    _click_node(qtbot, window, "aws_s3_bucket.own")
    inspector = window.inspector
    assert not inspector.elsewhere_notice.isVisibleTo(inspector)
    assert all(not field.unknown.isVisibleTo(inspector) for field in inspector.fields.values())
    assert inspector.fields["versioning"].widget.isVisibleTo(inspector)


def test_the_analysis_pane_names_what_it_did_not_judge(qtbot, window: MainWindow, tmp_path: Path) -> None:
    _import(window, tmp_path)
    label = window.analysis.not_judged
    qtbot.waitUntil(label.isVisible)
    assert label.text().startswith("Not judged, defined elsewhere")
    assert "module.db" in label.text() and "module.eks" in label.text() and "aws_s3_bucket.own" not in label.text()
    # Described here: judged again, and no longer named.
    window.selection.set(["module.db"])
    window.inspector.fields["defined_elsewhere"].widget.click()
    qtbot.waitUntil(lambda: "module.db" not in label.text())
    assert window.document.analyzer.findings_for("module.db")


def test_the_canvas_draws_a_placeholder_apart_and_follows_the_marker(qtbot, window: MainWindow, tmp_path: Path) -> None:
    _import(window, tmp_path)
    scene = window.scene
    assert scene.box("module.db").defined_elsewhere and not scene.box("aws_s3_bucket.own").defined_elsewhere
    window.document.set_property("module.db", "defined_elsewhere", False)
    assert not scene.box("module.db").defined_elsewhere
