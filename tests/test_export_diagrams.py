"""Drawing a design with the diagrams API: PNG and SVG files, annotations, errors a user can act on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import diagrams
import pytest
from exportkit import EXAMPLES, HOSTILE, assert_png, hostile_design, small_design, svg_texts

from wadesk.analysis.engine import analyse
from wadesk.export import diagrams_render
from wadesk.export.diagrams_render import render_diagram
from wadesk.export.errors import ExportError
from wadesk.fileformat import load_design, save_design
from wadesk.model import Suppression

ROOT = Path(__file__).resolve().parent.parent


def test_png_is_a_valid_image_and_nothing_else_is_left_behind(tmp_path: Path) -> None:
    out = tmp_path / "design.png"
    render_diagram(small_design(), out)
    assert_png(out)
    assert [path.name for path in tmp_path.iterdir()] == ["design.png"]


def test_svg_shows_labels_clusters_and_flows(tmp_path: Path) -> None:
    out = tmp_path / "design.svg"
    render_diagram(small_design(), out)
    texts = svg_texts(out)
    for text in ("Small web app", "vpc", "public", "Web server 1", "HTTPS", "HTTP 8080", "SQL", "Auto Scaling group"):
        assert text in texts
    assert [path.name for path in tmp_path.iterdir()] == ["design.svg"]


def test_hostile_labels_are_drawn_as_typed(tmp_path: Path) -> None:
    out = tmp_path / "hostile.svg"
    render_diagram(hostile_design(), out)
    drawn = "\n".join(texts.strip() for texts in svg_texts(out))
    for text in HOSTILE:
        for line in text.splitlines():
            assert line.strip() in drawn, line
    assert not list(tmp_path.glob("PWNED*"))


def test_annotate_adds_the_worst_unsuppressed_finding(tmp_path: Path) -> None:
    arch = small_design()
    arch.set_property("db", "publicly_accessible", True)
    findings = [f for f in analyse(arch).findings if f.node == "db" and not f.suppressed]
    worst, runner_up = findings[0], findings[1]
    plain = tmp_path / "plain.svg"
    render_diagram(arch, plain)
    assert not any("\u26a0" in text for text in svg_texts(plain))

    annotated = tmp_path / "annotated.svg"
    render_diagram(arch, annotated, annotate=True)
    assert f"\u26a0 {worst.severity.upper()}: {worst.rule}" in svg_texts(annotated)

    arch.add_suppression(Suppression(worst.rule, "db", "accepted for the test"))
    render_diagram(arch, annotated, annotate=True)
    texts = svg_texts(annotated)
    assert f"\u26a0 {worst.severity.upper()}: {worst.rule}" not in texts
    assert f"\u26a0 {runner_up.severity.upper()}: {runner_up.rule}" in texts


def test_missing_dot_says_how_to_install_graphviz(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(diagrams_render.shutil, "which", lambda name: None)
    with pytest.raises(ExportError) as caught:
        render_diagram(small_design(), tmp_path / "design.png")
    message = str(caught.value)
    assert "Graphviz's dot program is needed" in message
    assert "sudo apt-get install graphviz" in message and "brew install graphviz" in message
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("name", ["design.jpg", "design.pdf", "design.PNG.txt", "design"])
def test_unknown_suffix_is_named_in_the_error(tmp_path: Path, name: str) -> None:
    with pytest.raises(ExportError, match=r"\.png or \.svg") as caught:
        render_diagram(small_design(), tmp_path / name)
    suffix = Path(name).suffix
    assert (repr(suffix) if suffix else "no suffix") in str(caught.value)
    assert not list(tmp_path.iterdir())


def test_missing_folder_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        render_diagram(small_design(), tmp_path / "missing" / "design.png")


def test_a_failure_midway_leaves_no_open_diagram_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "design.png"
    out.write_bytes(b"previous image")

    class Broken(diagrams.Node):
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise RuntimeError("broken icon")

    loaded = diagrams_render._load_classes
    monkeypatch.setattr(
        diagrams_render,
        "_load_classes",
        lambda plan: {**loaded(plan), "diagrams.aws.database.RDS": Broken},
    )
    with pytest.raises(RuntimeError, match="broken icon"):
        render_diagram(small_design(), out)
    assert diagrams.getdiagram() is None and diagrams.getcluster() is None
    assert out.read_bytes() == b"previous image"
    assert [path.name for path in tmp_path.iterdir()] == ["design.png"]
    # And the next drawing works.
    monkeypatch.undo()
    render_diagram(small_design(), tmp_path / "next.png")
    assert_png(tmp_path / "next.png")


def test_graphviz_failure_is_an_export_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(self: diagrams.Diagram) -> None:
        raise subprocess.CalledProcessError(1, ["dot"], stderr=b"Error: something broke in dot")

    monkeypatch.setattr(diagrams.Diagram, "render", fail)
    with pytest.raises(ExportError, match="Graphviz's dot failed: Error: something broke in dot"):
        render_diagram(small_design(), tmp_path / "design.png")
    assert not list(tmp_path.iterdir())
    assert diagrams.getdiagram() is None


@pytest.mark.parametrize("example", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_every_example_renders(example: Path, tmp_path: Path) -> None:
    out = tmp_path / "example.png"
    render_diagram(load_design(example), out, annotate=True)
    assert_png(out)
    assert [path.name for path in tmp_path.iterdir()] == ["example.png"]


def test_cli_writes_the_script_and_the_diagram(tmp_path: Path) -> None:
    design_file = tmp_path / "small.wadesk"
    save_design(small_design(), design_file)
    script, image = tmp_path / "OUT.py", tmp_path / "OUT.png"
    result = subprocess.run(
        [sys.executable, "-m", "wadesk", "export", str(design_file), "--python", str(script), "--diagram", str(image)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert_png(image)
    assert script.read_text(encoding="utf-8").startswith('"""Draws a wadesk design')


def test_cli_reports_a_bad_suffix_without_a_traceback(tmp_path: Path) -> None:
    design_file = tmp_path / "small.wadesk"
    save_design(small_design(), design_file)
    result = subprocess.run(
        [sys.executable, "-m", "wadesk", "export", str(design_file), "--diagram", str(tmp_path / "OUT.gif")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert "'.gif'" in result.stderr and "Traceback" not in result.stderr


def test_an_empty_container_is_drawn_too(tmp_path: Path) -> None:
    from designkit import design

    # A subnet another stack shares, with nothing of this design in it (an imported template's second subnet).
    arch = design([("vpc", "vpc"), ("used", "subnet", "vpc"), ("web", "ec2", "used"), ("spare", "subnet", "vpc")])
    out = tmp_path / "design.svg"
    render_diagram(arch, out)
    texts = svg_texts(out)
    assert "spare" in texts and "used" in texts and "web" in texts
