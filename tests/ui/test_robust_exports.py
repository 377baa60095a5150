"""Issue 12 in the editor's exports: hostile text in an SVG, exports that never replace a design."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from wadesk.catalog import new_architecture
from wadesk.ui.export_dialog import ImageExportDialog
from wadesk.ui.main_window import MainWindow
from wadesk.ui.scene_image import xml_safe

pytestmark = pytest.mark.gui

HOSTILE = "Orders\x1b[2J\x00\x07\x0b\ufffe & <b>bold</b>"


def _answer(monkeypatch: pytest.MonkeyPatch, path: Path, image_format: str) -> list[str]:
    def exec_(dialog: ImageExportDialog) -> QDialog.DialogCode:
        dialog.scale_spin.setValue(100)
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(image_format))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImageExportDialog, "exec", exec_)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(path), "")))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text, *_a: warned.append(text)))
    return warned


def test_svg_export_of_control_characters_parses_as_xml(window: MainWindow, monkeypatch, tmp_path: Path) -> None:
    arch = new_architecture(HOSTILE)
    arch.add_node("vpc", "vpc", label=HOSTILE, x=0, y=0, w=300, h=200)
    arch.add_node("db\x1b", "rds", label=HOSTILE, parent="vpc", x=40, y=40)
    window.document.replace(arch, None)
    out = tmp_path / "hostile.svg"
    warned = _answer(monkeypatch, out, "svg")
    window.exports.image_action.trigger()
    assert warned == []
    root = ET.parse(out).getroot()  # raises on a control character
    text = "".join(root.itertext())
    assert "Orders" in text and "<b>bold</b>" in text
    assert "\x1b" not in out.read_text(encoding="utf-8")


def test_xml_safe_keeps_tabs_and_line_breaks() -> None:
    assert xml_safe("a\tb\nc\rd\x1be\x00") == "a\tb\nc\rd e "


def test_editor_exports_never_end_in_wadesk(window: MainWindow, monkeypatch, tmp_path: Path) -> None:
    design = tmp_path / "d.wadesk"
    window.document.add_node("rds", 0, 0)
    assert window._save_to(design)
    before = design.read_bytes()
    warned = _answer(monkeypatch, design, "png")
    window.exports.image_action.trigger()
    assert warned == []
    assert design.read_bytes() == before
    assert (tmp_path / "d.wadesk.png").is_file()  # the format's suffix is added, the design is left alone
