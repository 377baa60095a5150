"""Issue 12, generated: extreme coordinates and long or hostile labels never crash or hang check, the
report, the image exports or the canvas (a value is either refused on load or drawn)."""

from __future__ import annotations

import json
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QColor, QImage, QPainter

from wadesk.analysis.engine import analyse
from wadesk.cli.check import Checked, json_document, text_report
from wadesk.fileformat import DesignFileError, loads_design
from wadesk.model import Architecture
from wadesk.ui.canvas.scene import DesignScene
from wadesk.ui.document import DocumentController
from wadesk.ui.report import write_report
from wadesk.ui.scene_image import ImageOptions, export_scene_image
from wadesk.ui.selection import SelectionModel

pytestmark = pytest.mark.gui

#: Each example must finish well within this (seconds): "never hangs".
BUDGET = 30.0

# Mostly values that load (the extremes of what is allowed); now and then one beyond, which must be refused.
coordinates = st.one_of(
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
    st.sampled_from([0.0, -1e6, 1e6, 999_999.5, -999_999.9, 5e-324]),
    st.sampled_from([0.0, 1e6]),
)
sizes = st.one_of(st.floats(min_value=1e-3, max_value=1e6), st.sampled_from([1e-9, 1e-3, 1e6, 1e6]))
beyond = st.one_of(st.floats(min_value=1e6, allow_infinity=False, exclude_min=True),
                   st.floats(max_value=-1e6, allow_infinity=False, exclude_max=True))
hostile = st.text(alphabet=st.sampled_from(list("ab <>&\"'\\\n\t\r\x00\x07\x1b[]\u202e\x9b\ufffe漢")), max_size=60)
labels = st.one_of(hostile, st.builds(lambda ch, n: ch * n, st.sampled_from(["x", "word ", "\x1b", "漢"]),
                                      st.sampled_from([2_000, 20_000, 100_000])))


@st.composite
def designs(draw: st.DrawFn) -> str:
    container = {"id": draw(hostile) or "vpc", "kind": "vpc", "label": draw(labels),
                 "x": draw(coordinates), "y": draw(coordinates), "w": draw(sizes), "h": draw(sizes)}
    component = {"id": "web", "kind": "ec2", "parent": container["id"], "label": draw(labels),
                 "x": draw(coordinates), "y": draw(coordinates)}
    if component["parent"] == "web":
        component["parent"] = None
    other = {"id": "db", "kind": "rds", "label": draw(hostile), "x": draw(coordinates), "y": draw(coordinates)}
    edge = {"id": "e1", "source": "web", "target": "db", "label": draw(labels)}
    if draw(st.integers(0, 9)) == 0:
        container[draw(st.sampled_from(["x", "y", "w", "h"]))] = draw(beyond)
    return json.dumps({"format": "wadesk", "version": 1, "name": draw(labels), "description": draw(labels),
                       "nodes": [container, component, other], "edges": [edge],
                       "suppressions": [{"rule": "REL-DB-SINGLE-AZ", "node": "db", "justification": draw(labels)}]})


def _paint_canvas(arch: Architecture) -> None:
    document = DocumentController()
    document.replace(arch, None)
    scene = DesignScene(document, SelectionModel())
    rect = scene.itemsBoundingRect()
    image = QImage(400, 300, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        scene.render(painter, source=rect)
    finally:
        painter.end()
    return scene


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(text=designs())
def test_what_loads_is_checked_reported_exported_and_drawn(qapp, tmp_path_factory, text: str) -> None:
    folder: Path = tmp_path_factory.mktemp("hyp")
    started = time.perf_counter()
    try:
        arch = loads_design(text, "d.wadesk")
    except DesignFileError as exc:
        assert exc.problems and all("\n" not in line for line in exc.problems)
        return
    item = Checked("d.wadesk", arch, analyse(arch))
    report = text_report(item, use_color=False, width=100)
    assert "\x1b" not in report and "\x00" not in report
    json.dumps(json_document([item]))
    written = write_report(arch, folder / "r.png", "d.wadesk")
    assert written and all(QImage(str(p)).width() > 0 for p in written[:1])
    scene = _paint_canvas(arch)
    for fmt in ("png", "svg"):
        out = folder / f"canvas.{fmt}"
        try:
            export_scene_image(scene, out, ImageOptions(scale=0.5, format=fmt))
        except Exception as exc:  # only our own refusal (say, an image too large) is acceptable
            assert type(exc).__name__ == "ExportError", repr(exc)
            continue
        if fmt == "svg":
            ET.parse(out)
    assert time.perf_counter() - started < BUDGET


def test_a_huge_label_is_drawn_and_reported_in_linear_time(qapp, tmp_path: Path) -> None:
    arch = loads_design(json.dumps({"format": "wadesk", "version": 1, "name": "n" * 100_000, "nodes": [
        {"id": "web", "kind": "ec2", "label": "x" * 100_000},
        {"id": "vpc", "kind": "vpc", "label": "y" * 100_000, "w": 400, "h": 300}]}), "d.wadesk")
    started = time.perf_counter()
    write_report(arch, tmp_path / "r.png", "d.wadesk")
    _paint_canvas(arch)
    assert time.perf_counter() - started < 20
