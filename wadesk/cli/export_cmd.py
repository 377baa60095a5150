"""``wadesk export``: the annotated report, a diagrams image and a diagrams script."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from wadesk.cli.terminal import error_lines, printable
from wadesk.export.errors import ExportError
from wadesk.export.targets import check_export_target
from wadesk.fileformat import DesignFileError, load_design
from wadesk.model import ModelError

if TYPE_CHECKING:
    from wadesk.cli import ReportWriter

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

#: The suffixes each export writes (the report's and the image's writers check them again).
PYTHON_SUFFIXES = (".py",)
DIAGRAM_SUFFIXES = (".png", ".svg")
REPORT_SUFFIXES = (".png", ".pdf")


def run_export(args: argparse.Namespace, report_writer: ReportWriter | None) -> int:
    """Write each export asked for; return 0, or 2 with a reason on stderr."""
    if not (args.report or args.diagram or args.python):
        sys.stderr.write("wadesk export: say what to write: --report OUT, --diagram OUT or --python OUT\n")
        return EXIT_USAGE
    source = Path(args.file)
    try:
        for out, suffixes, what in (
            (args.python, PYTHON_SUFFIXES, "a diagrams script"),
            (args.diagram, DIAGRAM_SUFFIXES, "a diagrams image"),
            (args.report, REPORT_SUFFIXES, "the report"),
        ):
            if out:
                check_export_target(Path(out), suffixes, what, [source])
    except ExportError as exc:
        sys.stderr.write("wadesk export: " + error_lines(exc))
        return EXIT_USAGE
    try:
        arch = load_design(args.file)
    except DesignFileError as exc:
        sys.stderr.write(error_lines(exc))
        return EXIT_USAGE
    try:
        if args.python:
            from wadesk.export.python_script import write_python_script

            write_python_script(arch, Path(args.python))
            print(printable(f"wrote {args.python}"))
        if args.diagram:
            from wadesk.export.diagrams_render import render_diagram

            render_diagram(arch, Path(args.diagram), annotate=args.annotate)
            print(printable(f"wrote {args.diagram}"))
        if args.report:
            if report_writer is None:
                sys.stderr.write("wadesk export: --report needs the Qt renderer, which is not available here\n")
                return EXIT_USAGE
            for written in report_writer(arch, Path(args.report), args.file):
                print(printable(f"wrote {written}"))
    except ModelError as exc:  # ExportError and file errors derive from it
        sys.stderr.write("wadesk export: " + error_lines(exc))
        return EXIT_USAGE
    return EXIT_OK
