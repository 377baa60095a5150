"""File -> Import CloudFormation…, dropping a template, and File -> Update from Template… in the editor."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from wadesk.ui.main_window import MainWindow

FIRST = """AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  SubnetA:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: !Select [0, !GetAZs '']}
  Web:
    Type: AWS::EC2::Instance
    Properties: {SubnetId: !Ref SubnetA, InstanceType: t3.small}
  Old:
    Type: AWS::SQS::Queue
"""
SECOND = FIRST.replace("InstanceType: t3.small", "InstanceType: m5.large").replace(
    "  Old:\n    Type: AWS::SQS::Queue\n", "  Logs:\n    Type: AWS::S3::Bucket\n"
)


def _template(tmp_path: Path, text: str, name: str = "stack.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _close_report(window: MainWindow) -> str:
    dialog = window.imports.report_dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.text.toPlainText()
    dialog.close()
    return text


def test_import_from_the_file_menu_opens_an_untitled_design_and_shows_the_report(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    source = _template(tmp_path, FIRST)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(source), "")))
    window.imports.import_action.trigger()
    arch = window.document.arch
    assert arch.kind_of("Web") == "ec2" and arch.parent_of("Web") == "SubnetA"
    assert window.document.path is None and window.document.is_modified()
    assert "Web (AWS::EC2::Instance) -> ec2" in _close_report(window)


def test_a_broken_template_shows_its_error_and_keeps_the_design(qtbot, window: MainWindow, dialogs, tmp_path) -> None:
    before = window.document.arch
    assert not window.imports.import_template(_template(tmp_path, "Resources:\n  A: [1, 2\n", "bad.yaml"))
    assert window.document.arch is before
    assert dialogs.errors and "bad.yaml" in dialogs.errors[0][1]


def test_dropping_a_template_on_the_window_imports_it(qtbot, window: MainWindow, tmp_path: Path) -> None:
    source = _template(tmp_path, FIRST, "dropped.json.template")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(window, enter)  # Qt delivers a drop only to where the drag entered
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, buttons, keys))
    assert "Web" in window.document.arch
    _close_report(window)


def test_update_from_template_keeps_positions_and_is_one_undo_step(qtbot, window: MainWindow, tmp_path: Path) -> None:
    source = _template(tmp_path, FIRST)
    assert window.imports.import_template(source)
    _close_report(window)
    document = window.document
    document.move_nodes({"Web": (777.0, 333.0, None, None)})
    depth = document.undo_stack.count()
    source.write_text(SECOND, encoding="utf-8")
    assert window.imports.update_from_template(source)
    _close_report(window)
    arch = document.arch
    web = arch.node("Web")
    assert (web.x, web.y) == (777.0, 333.0) and web.props["instance_type"] == "m5.large"
    assert "Old" not in arch and arch.kind_of("Logs") == "s3"
    assert document.undo_stack.count() == depth + 1
    document.undo_stack.undo()
    assert "Old" in arch and "Logs" not in arch and arch.node("Web").props["instance_type"] == "t3.small"
    assert (arch.node("Web").x, arch.node("Web").y) == (777.0, 333.0)
