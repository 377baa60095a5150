"""File -> Import Terraform…, dropping a Terraform folder, and updating from it in the editor."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from wadesk.ui.main_window import MainWindow

FIRST = """\
resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }
resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}
resource "aws_instance" "web" {
  subnet_id     = aws_subnet.a.id
  instance_type = "t3.small"
}
resource "aws_sqs_queue" "old" {}
"""
SECOND = FIRST.replace('"t3.small"', '"m5.large"').replace(
    'resource "aws_sqs_queue" "old" {}', 'resource "aws_s3_bucket" "logs" {}'
)


def _folder(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "infra"
    folder.mkdir(exist_ok=True)
    (folder / "main.tf").write_text(text, encoding="utf-8")
    return folder


def _close_report(window: MainWindow) -> str:
    dialog = window.imports.report_dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.text.toPlainText()
    dialog.close()
    return text


def test_import_terraform_from_the_file_menu_reads_the_chosen_files_folder(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    folder = _folder(tmp_path, FIRST)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(folder / "main.tf"), "")))
    window.imports.import_terraform_action.trigger()
    arch = window.document.arch
    assert arch.kind_of("aws_instance.web") == "ec2" and arch.parent_of("aws_instance.web") == "aws_subnet.a"
    assert "aws_instance.web (aws_instance) -> ec2" in _close_report(window)


def test_dropping_a_terraform_folder_imports_it(qtbot, window: MainWindow, tmp_path: Path) -> None:
    folder = _folder(tmp_path, FIRST)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, buttons, keys))
    assert "aws_sqs_queue.old" in window.document.arch
    _close_report(window)


def test_updating_from_the_folder_keeps_positions_by_address_in_one_undo_step(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    folder = _folder(tmp_path, FIRST)
    assert window.imports.import_template(folder)
    _close_report(window)
    document = window.document
    document.move_nodes({"aws_instance.web": (777.0, 333.0, None, None)})
    depth = document.undo_stack.count()
    (folder / "main.tf").write_text(SECOND, encoding="utf-8")
    assert window.imports.update_from_template(folder)
    _close_report(window)
    arch = document.arch
    web = arch.node("aws_instance.web")
    assert (web.x, web.y) == (777.0, 333.0) and web.props["instance_type"] == "m5.large"
    assert "aws_sqs_queue.old" not in arch and arch.kind_of("aws_s3_bucket.logs") == "s3"
    assert document.undo_stack.count() == depth + 1
