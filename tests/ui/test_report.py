"""The annotated review report: PNG pages and PDF from every example, atomic writing, cancelling, the CLI."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from wadesk.analysis.engine import analyse
from wadesk.export.errors import ExportError
from wadesk.fileformat import load_design
from wadesk.ui.report import ReportCancelled, page_paths, render_design, write_report
from wadesk.ui.report_pages import lay_out_report

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.wadesk"))


def _non_white(image: QImage, step: int = 4) -> int:
    """Pixels that are not white, sampled on a grid."""
    white = QColor("white").rgb()
    return sum(1 for x in range(0, image.width(), step) for y in range(0, image.height(), step)
               if image.pixel(x, y) != white)


def _pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", data))


def _layout(path: Path):  # type: ignore[no-untyped-def]
    arch = load_design(path)
    return lay_out_report(arch, str(path), lambda w, h: render_design(arch, path, w, h))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_gives_full_a4_pages_listing_every_finding(qapp, tmp_path: Path, example: Path) -> None:
    arch = load_design(example)
    written = write_report(arch, tmp_path / "report.png", str(example))
    assert written == page_paths(tmp_path / "report.png", len(written))
    assert sorted(tmp_path.iterdir()) == sorted(written)  # no temporary files left behind
    for path in written:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1240, 1754)
        assert _non_white(image) > 2_000, f"{path.name} is blank"
    pages = _layout(example)
    assert len(pages) == len(written)
    result = analyse(arch)
    listed = [key for page in pages for key in page.findings]
    accepted = [key for page in pages for key in page.suppressed]
    assert sorted(listed) == sorted(f.key for f in result.findings if not f.suppressed)
    assert sorted(accepted) == sorted(f.key for f in result.findings if f.suppressed)
    assert [rule for page in pages for rule in page.assumptions] == [a.rule for a in result.assumptions]
    assert sorted(node for page in pages for node in page.nodes) == sorted(arch.node_ids())


def test_a_long_report_is_split_into_numbered_pages(qapp, tmp_path: Path) -> None:
    example = ROOT / "examples" / "flawed-startup.wadesk"
    written = write_report(load_design(example), tmp_path / "out.png", str(example))
    assert len(written) > 1
    assert [p.name for p in written] == [f"out-{n}.png" for n in range(1, len(written) + 1)]
    assert not (tmp_path / "out.png").exists()


def test_a_small_report_fits_one_page_named_as_asked(qapp, tmp_path: Path) -> None:
    from wadesk.model import Architecture

    arch = load_design(ROOT / "examples" / "static-website.wadesk")
    tiny = Architecture(arch.schema, "Tiny")
    written = write_report(tiny, tmp_path / "tiny.png", "tiny.wadesk")
    assert written == [tmp_path / "tiny.png"]
    assert QImage(str(written[0])).width() == 1240


@pytest.mark.parametrize("name", ["flawed-startup", "three-tier-web"])
def test_pdf_has_as_many_pages_as_the_png_run(qapp, tmp_path: Path, name: str) -> None:
    example = ROOT / "examples" / f"{name}.wadesk"
    arch = load_design(example)
    pngs = write_report(arch, tmp_path / "r.png", str(example))
    written = write_report(arch, tmp_path / "r.pdf", str(example))
    assert written == [tmp_path / "r.pdf"]
    data = written[0].read_bytes()
    assert data.startswith(b"%PDF")
    assert _pdf_pages(data) == len(pngs)


@pytest.mark.parametrize("suffix", [".svg", ".PNGX", ""])
def test_an_unknown_suffix_is_refused_naming_it(qapp, tmp_path: Path, suffix: str) -> None:
    arch = load_design(ROOT / "examples" / "static-website.wadesk")
    with pytest.raises(ExportError) as caught:
        write_report(arch, tmp_path / f"report{suffix}", "x.wadesk")
    assert (suffix.lower() or "without a suffix") in str(caught.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["r.png", "r.pdf"])
def test_cancelling_leaves_no_file(qapp, tmp_path: Path, name: str) -> None:
    example = ROOT / "examples" / "flawed-startup.wadesk"
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < 2

    with pytest.raises(ReportCancelled):
        write_report(load_design(example), tmp_path / name, str(example), progress=progress)
    assert calls[-1][0] == 2 and calls[-1][1] > 2
    assert list(tmp_path.iterdir()) == []


def test_progress_counts_every_page(qapp, tmp_path: Path) -> None:
    example = ROOT / "examples" / "three-tier-web.wadesk"
    calls: list[tuple[int, int]] = []
    written = write_report(load_design(example), tmp_path / "r.png", str(example),
                           progress=lambda done, total: calls.append((done, total)) is None)
    assert calls == [(n, len(written)) for n in range(1, len(written) + 1)]


def test_an_unwritable_folder_is_an_export_error(qapp, tmp_path: Path) -> None:
    arch = load_design(ROOT / "examples" / "static-website.wadesk")
    with pytest.raises(ExportError, match="cannot be written"):
        write_report(arch, tmp_path / "missing" / "r.png", "x.wadesk")


def test_the_caller_design_is_left_untouched(qapp, tmp_path: Path) -> None:
    example = ROOT / "examples" / "static-website.wadesk"
    arch = load_design(example)
    before = list(arch.nodes())
    write_report(arch, tmp_path / "r.png", str(example))
    assert list(arch.nodes()) == before


def test_cli_writes_the_report_and_prints_each_page(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}  # the command sets it itself
    out = tmp_path / "OUT.png"
    done = subprocess.run([sys.executable, "-m", "wadesk", "export", "examples/flawed-startup.wadesk",
                           "--report", str(out)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    printed = [line.removeprefix("wrote ") for line in done.stdout.splitlines()]
    assert len(printed) > 1
    assert printed == [str(p) for p in page_paths(out, len(printed))]
    assert all(Path(p).is_file() for p in printed)


def test_cli_refuses_a_bad_report_suffix_without_a_traceback(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "wadesk", "export", "examples/static-website.wadesk",
                           "--report", str(tmp_path / "out.jpg")], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 2
    assert "'.jpg'" in done.stderr and "Traceback" not in done.stderr


def test_components_defined_elsewhere_are_named_as_not_judged(qapp, tmp_path: Path) -> None:
    from wadesk.analysis.defined_elsewhere import not_judged
    from wadesk.importers.api import import_source

    folder = tmp_path / "infra"
    folder.mkdir()
    (folder / "main.tf").write_text(
        'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\n'
        'module "eks" {\n  source     = "terraform-aws-modules/eks/aws"\n  subnet_ids = module.vpc.private_subnets\n}\n'
    )
    arch = import_source(folder, variables={}, layout=False).built.arch
    assert not [f for f in analyse(arch).findings if not f.suppressed]  # "No open findings."...
    pages = lay_out_report(arch, str(folder), lambda w, h: render_design(arch, folder, w, h))
    # ...and the page says what that does not cover.
    named = [node for page in pages for node in page.not_judged]
    assert named == not_judged(arch) and "module.eks" in named and "module.vpc.vpc_id" in named
    plain = load_design(EXAMPLES[0])
    assert [node for page in _layout(EXAMPLES[0]) for node in page.not_judged] == not_judged(plain) == []
