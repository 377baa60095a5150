"""File -> Import CloudFormation…, dropping a template, and File -> Update from Template… in the editor."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from wadesk.ui.main_window import MainWindow

from .conftest import close_import_report, drop_on

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


def test_import_from_the_file_menu_opens_an_untitled_design_and_shows_the_report(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    source = _template(tmp_path, FIRST)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(source), "")))
    window.imports.import_action.trigger()
    arch = window.document.arch
    assert arch.kind_of("Web") == "ec2" and arch.parent_of("Web") == "SubnetA"
    assert window.document.path is None and window.document.is_modified()
    assert "Web (AWS::EC2::Instance) -> ec2" in close_import_report(window)


def test_a_broken_template_shows_its_error_and_keeps_the_design(qtbot, window: MainWindow, dialogs, tmp_path) -> None:
    before = window.document.arch
    assert not window.imports.import_template(_template(tmp_path, "Resources:\n  A: [1, 2\n", "bad.yaml"))
    assert window.document.arch is before
    assert dialogs.errors and "bad.yaml" in dialogs.errors[0][1]


def test_dropping_a_template_on_the_window_imports_it(qtbot, window: MainWindow, tmp_path: Path) -> None:
    source = _template(tmp_path, FIRST, "dropped.json.template")
    assert drop_on(window, source)
    assert "Web" in window.document.arch
    close_import_report(window)


def test_update_from_template_keeps_positions_and_is_one_undo_step(qtbot, window: MainWindow, tmp_path: Path) -> None:
    source = _template(tmp_path, FIRST)
    assert window.imports.import_template(source)
    close_import_report(window)
    document = window.document
    document.move_nodes({"Web": (777.0, 333.0, None, None)})
    depth = document.undo_stack.count()
    source.write_text(SECOND, encoding="utf-8")
    assert window.imports.update_from_template(source)
    close_import_report(window)
    arch = document.arch
    web = arch.node("Web")
    assert (web.x, web.y) == (777.0, 333.0) and web.props["instance_type"] == "m5.large"
    assert "Old" not in arch and arch.kind_of("Logs") == "s3"
    assert document.undo_stack.count() == depth + 1
    document.undo_stack.undo()
    assert "Old" in arch and "Logs" not in arch and arch.node("Web").props["instance_type"] == "t3.small"
    assert (arch.node("Web").x, arch.node("Web").y) == (777.0, 333.0)
