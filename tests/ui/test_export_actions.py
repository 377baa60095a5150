"""File → Export through the main window: canvas images, diagrams image and script, report; failures and cancels."""

from __future__ import annotations

import ast
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QPushButton

from wadesk.export import diagrams_render
from wadesk.export.errors import ExportError
from wadesk.ui.export_dialog import DiagramExportDialog, ImageExportDialog
from wadesk.ui.main_window import MainWindow
from wadesk.ui.session import EXAMPLES_DIR

pytestmark = pytest.mark.gui

EXAMPLE = EXAMPLES_DIR / "flawed-startup.wadesk"


@pytest.fixture
def design(window: MainWindow) -> MainWindow:
    """The window with an example design that has findings and ownership markers."""
    assert window.open_file(EXAMPLE)
    assert any(window.document.analyzer.findings_for(n) for n in window.document.arch.node_ids())
    return window


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An empty folder for the exports (the window keeps its settings in ``tmp_path``)."""
    path = tmp_path / "exports"
    path.mkdir()
    return path


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Records QMessageBox.warning instead of showing it."""
    shown: list[tuple[str, str]] = []

    def warning(_parent: object, title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return shown


def answer_save_dialog(monkeypatch: pytest.MonkeyPatch, path: Path, chosen_filter: str = "") -> list[str]:
    """Make the save dialog answer ``path``; returns the filters it was offered."""
    offered: list[str] = []

    def get_save_file_name(_parent: object, _title: str, _dir: str, filters: str, *_args: object) -> tuple[str, str]:
        offered.append(filters)
        return str(path), chosen_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save_file_name))
    return offered


def answer_image_dialog(monkeypatch: pytest.MonkeyPatch, *, scale: int = 200, selection_only: bool = False,
                        annotations: bool = True, image_format: str = "png",
                        seen: Callable[[ImageExportDialog], None] | None = None) -> None:
    """Make the image dialog accept with these choices, set through its widgets."""

    def exec_(dialog: ImageExportDialog) -> QDialog.DialogCode:
        if seen is not None:
            seen(dialog)
        dialog.scale_spin.setValue(scale)
        (dialog.selection_radio if selection_only else dialog.whole_radio).setChecked(True)
        dialog.annotations_check.setChecked(annotations)
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(image_format))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImageExportDialog, "exec", exec_)


def answer_diagram_dialog(monkeypatch: pytest.MonkeyPatch, image_format: str = "png", annotate: bool = True) -> None:
    def exec_(dialog: DiagramExportDialog) -> QDialog.DialogCode:
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(image_format))
        dialog.annotate_check.setChecked(annotate)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(DiagramExportDialog, "exec", exec_)


def export_image(window: MainWindow, monkeypatch: pytest.MonkeyPatch, out: Path, **choices: Any) -> QImage:
    answer_image_dialog(monkeypatch, **choices)
    answer_save_dialog(monkeypatch, out)
    window.exports.image_action.trigger()
    image = QImage(str(out))
    assert not image.isNull(), out
    return image


def colours(image: QImage) -> set[int]:
    return {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}


def press_cancel(window: MainWindow) -> None:
    """Press the Cancel button of the running export's progress dialog."""
    dialog = window.exports.progress_dialog
    assert dialog is not None
    (button,) = [b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel"]
    button.click()


def leftovers(folder: Path) -> list[str]:
    """Temporary files an export left behind."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


# ------------------------------------------------------------------ canvas image
def test_menu_lists_the_exports(window: MainWindow) -> None:
    texts = [a.text() for a in window.exports.menu.actions() if not a.isSeparator()]
    assert texts == ["Export &Report…", "Export &Image…", "Export with &diagrams…", "Export diagrams &script…"]
    assert window.exports.menu.menuAction() in window.menuBar().actions()[0].menu().actions()


def test_image_of_the_whole_design_is_drawn_at_the_chosen_scale(design: MainWindow, monkeypatch, folder) -> None:
    small = export_image(design, monkeypatch, folder / "small.png", scale=100)
    large = export_image(design, monkeypatch, folder / "large.png", scale=200)
    assert len(colours(large)) > 50  # icons, labels, containers: not a blank page
    assert QColor(large.pixel(1, 1)) == QColor("white")
    assert abs(large.width() - 2 * small.width()) <= 2 and abs(large.height() - 2 * small.height()) <= 2
    assert leftovers(folder) == []
    assert "large.png" in design.statusBar().currentMessage()


def test_image_of_the_selection_is_smaller_and_keeps_the_selection(design: MainWindow, monkeypatch,
                                                                    folder) -> None:
    whole = export_image(design, monkeypatch, folder / "whole.png", scale=100)
    arch = design.document.arch
    node = next(n for n in arch.node_ids() if not arch.is_container(n))
    design.selection.set([node])
    part = export_image(design, monkeypatch, folder / "part.png", scale=100, selection_only=True)
    assert part.width() < whole.width() / 2 and part.height() < whole.height() / 2
    assert len(colours(part)) > 10
    assert design.selection.ids == [node] and design.scene.box(node).isSelected()


def test_selection_only_is_disabled_when_nothing_is_selected(design: MainWindow, monkeypatch, folder) -> None:
    enabled: list[bool] = []
    answer_image_dialog(monkeypatch, seen=lambda d: enabled.append(d.selection_radio.isEnabled()))
    answer_save_dialog(monkeypatch, folder / "x.png")
    design.exports.image_action.trigger()
    design.selection.set([design.document.arch.node_ids()[0]])
    design.exports.image_action.trigger()
    assert enabled == [False, True]


def test_image_without_annotations_leaves_out_badges_and_markers(design: MainWindow, monkeypatch,
                                                                 folder) -> None:
    plain = export_image(design, monkeypatch, folder / "plain.png", scale=100, annotations=False)
    annotated = export_image(design, monkeypatch, folder / "annotated.png", scale=100, annotations=True)
    assert plain.size() == annotated.size()
    assert plain != annotated
    assert design.scene.annotations_visible  # the canvas shows them again


def test_image_as_svg_is_an_svg_document(design: MainWindow, monkeypatch, folder) -> None:
    out = folder / "design.svg"
    answer_image_dialog(monkeypatch, image_format="svg", scale=100)
    offered = answer_save_dialog(monkeypatch, folder / "design")  # no suffix typed: the format's is added
    design.exports.image_action.trigger()
    assert offered == ["SVG drawing (*.svg)"]
    root = ET.parse(out).getroot()
    assert root.tag.endswith("svg")
    assert "<svg" in out.read_text(encoding="utf-8")


def test_image_of_an_empty_design_warns_and_writes_nothing(window: MainWindow, monkeypatch, folder,
                                                           warnings) -> None:
    answer_image_dialog(monkeypatch)
    answer_save_dialog(monkeypatch, folder / "empty.png")
    window.exports.image_action.trigger()
    assert warnings and "nothing to draw" in warnings[0][1]
    assert list(folder.glob("*.png")) == [] and leftovers(folder) == []


# ------------------------------------------------------------------ diagrams
def test_export_with_diagrams_writes_a_png_off_the_gui_thread(qtbot, design: MainWindow, monkeypatch,
                                                              folder, warnings) -> None:
    out = folder / "diagram.png"
    answer_diagram_dialog(monkeypatch, "png", annotate=True)
    answer_save_dialog(monkeypatch, out)
    with qtbot.waitSignal(design.exports.export_finished, timeout=60_000) as signal:
        design.exports.diagram_action.trigger()
        assert design.exports.busy
    assert signal.args == [[out]]
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert warnings == [] and leftovers(folder) == []


def test_diagrams_script_parses_as_python(design: MainWindow, monkeypatch, folder) -> None:
    out = folder / "design.py"
    answer_save_dialog(monkeypatch, out)
    design.exports.script_action.trigger()
    ast.parse(out.read_text(encoding="utf-8"))


def test_a_failing_diagrams_render_warns_and_leaves_no_file(qtbot, design: MainWindow, monkeypatch, folder,
                                                            warnings) -> None:
    def fail(_arch: object, out: Path, annotate: bool = False) -> None:
        raise ExportError("Graphviz's dot program is needed; install it")

    monkeypatch.setattr(diagrams_render, "render_diagram", fail)
    answer_diagram_dialog(monkeypatch)
    answer_save_dialog(monkeypatch, folder / "diagram.png")
    design.exports.diagram_action.trigger()
    qtbot.waitUntil(lambda: not design.exports.busy, timeout=10_000)
    assert warnings == [("Export failed", "Graphviz's dot program is needed; install it")]
    assert list(folder.iterdir()) == []


def test_a_cancelled_diagrams_render_finishes_in_the_background_and_is_discarded(qtbot, design: MainWindow,
                                                                                monkeypatch, folder,
                                                                                warnings) -> None:
    out = folder / "diagram.png"
    out.write_bytes(b"older image")
    release = threading.Event()

    def slow(_arch: object, target: Path, annotate: bool = False) -> None:
        release.wait(30)
        target.write_bytes(b"\x89PNG new image")

    monkeypatch.setattr(diagrams_render, "render_diagram", slow)
    answer_diagram_dialog(monkeypatch)
    answer_save_dialog(monkeypatch, out)
    finished: list[object] = []
    design.exports.export_finished.connect(finished.append)
    design.exports.diagram_action.trigger()
    press_cancel(design)
    assert design.statusBar().currentMessage() == "Export cancelled"
    assert design.exports.progress_dialog is None and design.exports.diagram_action.isEnabled()
    assert design.exports.busy  # the render goes on in the background
    release.set()
    qtbot.waitUntil(lambda: not design.exports.busy, timeout=10_000)
    assert out.read_bytes() == b"older image"
    assert [p.name for p in folder.iterdir()] == ["diagram.png"]
    assert finished == [] and warnings == []


# ------------------------------------------------------------------ report
def test_a_cancelled_report_leaves_no_file(qtbot, design: MainWindow, monkeypatch, folder, warnings) -> None:
    from wadesk.ui import report

    real = report.write_report
    answers: list[bool] = []

    def spy(arch: Any, out: Path, source: str, *, progress: Callable[[int, int], bool] | None = None) -> Any:
        assert progress is not None

        def recorded(done: int, total: int) -> bool:
            answers.append(progress(done, total))
            return answers[-1]

        return real(arch, out, source, progress=recorded)

    monkeypatch.setattr(report, "write_report", spy)
    answer_save_dialog(monkeypatch, folder / "review.png")
    # The report runs on the GUI thread; its progress callback lets this queued click in.
    QTimer.singleShot(0, lambda: press_cancel(design))
    design.exports.report_action.trigger()
    assert answers and answers[-1] is False
    assert list(folder.iterdir()) == []
    assert design.statusBar().currentMessage() == "Export cancelled" and warnings == []
    assert design.exports.progress_dialog is None and design.exports.report_action.isEnabled()


def test_report_is_written_with_the_design_file_as_its_source(qtbot, design: MainWindow, monkeypatch,
                                                              folder, warnings) -> None:
    from wadesk.ui import report

    sources: list[str] = []
    real = report.write_report

    def spy(arch: Any, out: Path, source: str, **kwargs: Any) -> Any:
        sources.append(source)
        return real(arch, out, source, **kwargs)

    monkeypatch.setattr(report, "write_report", spy)
    out = folder / "review.pdf"
    answer_save_dialog(monkeypatch, out)
    with qtbot.waitSignal(design.exports.export_finished, timeout=60_000) as signal:
        design.exports.report_action.trigger()
    assert sources == [str(EXAMPLE)]
    assert signal.args == [[out]]
    assert out.read_bytes()[:5] == b"%PDF-"
    assert warnings == [] and leftovers(folder) == []


def test_report_of_an_unsaved_design_names_it_so(design: MainWindow, monkeypatch, folder, warnings) -> None:
    from wadesk.ui import report

    sources: list[str] = []
    monkeypatch.setattr(report, "write_report", lambda arch, out, source, **kw: sources.append(source) or [out])
    design.document.path = None
    answer_save_dialog(monkeypatch, folder / "review", "PNG image (*.png)")
    finished: list[object] = []
    design.exports.export_finished.connect(finished.append)
    design.exports.report_action.trigger()
    assert sources == ["unsaved design"]
    assert finished == [[folder / "review.png"]]  # the chosen filter's suffix was added
