"""File -> Import Terraform…, dropping a Terraform folder, and updating from it in the editor."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from wadesk.ui.main_window import MainWindow

from .conftest import close_import_report, drop_on

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


def test_import_terraform_from_the_file_menu_reads_the_chosen_files_folder(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    folder = _folder(tmp_path, FIRST)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(folder / "main.tf"), "")))
    window.imports.import_terraform_action.trigger()
    arch = window.document.arch
    assert arch.kind_of("aws_instance.web") == "ec2" and arch.parent_of("aws_instance.web") == "aws_subnet.a"
    assert "aws_instance.web (aws_instance) -> ec2" in close_import_report(window)


def test_dropping_a_terraform_folder_imports_it(qtbot, window: MainWindow, tmp_path: Path) -> None:
    folder = _folder(tmp_path, FIRST)
    assert drop_on(window, folder)
    assert "aws_sqs_queue.old" in window.document.arch
    close_import_report(window)


def test_updating_from_the_folder_keeps_positions_by_address_in_one_undo_step(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    folder = _folder(tmp_path, FIRST)
    assert window.imports.import_template(folder)
    close_import_report(window)
    document = window.document
    document.move_nodes({"aws_instance.web": (777.0, 333.0, None, None)})
    depth = document.undo_stack.count()
    (folder / "main.tf").write_text(SECOND, encoding="utf-8")
    assert window.imports.update_from_template(folder)
    close_import_report(window)
    arch = document.arch
    web = arch.node("aws_instance.web")
    assert (web.x, web.y) == (777.0, 333.0) and web.props["instance_type"] == "m5.large"
    assert "aws_sqs_queue.old" not in arch and arch.kind_of("aws_s3_bucket.logs") == "s3"
    assert document.undo_stack.count() == depth + 1


def test_the_import_report_wraps_long_lines_so_each_reads_to_its_end(qtbot, window: MainWindow, tmp_path: Path) -> None:
    folder = _folder(tmp_path, FIRST + '\nmodule "network" {\n  source = "terraform-aws-modules/vpc/aws"\n}\n')
    assert window.imports.import_template(folder)
    dialog = window.imports.report_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    text = dialog.text
    # The sentence about the module not on disk is longer than the dialog is wide.
    assert "module.network (source terraform-aws-modules/vpc/aws)" in text.toPlainText()
    assert max(map(len, text.toPlainText().splitlines())) * text.fontMetrics().averageCharWidth() > text.width()
    assert text.horizontalScrollBar().maximum() == 0  # nothing hides past the right edge
    close_import_report(window)
