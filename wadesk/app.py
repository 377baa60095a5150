"""The ``wadesk`` command: sub-commands run headless, anything else opens the editor."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from wadesk.cli import COMMANDS
from wadesk.cli import main as cli_main
from wadesk.model import Architecture


def _write_report(arch: Architecture, out: Path, source: str) -> list[Path]:
    """Write the annotated report and return the files written; Qt is loaded only for this sub-command."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from wadesk.ui.report import write_report

    return write_report(arch, out, source)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``wadesk`` with ``argv`` (default: the process arguments)."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and (args[0] in COMMANDS or args[0] in ("-h", "--help", "--version", "-V")):
            return cli_main(args, report_writer=_write_report)
        if len(args) > 1 or (args and args[0].startswith("-")):
            return cli_main(args, report_writer=_write_report)
    except BrokenPipeError:
        # The reader (say, `head`) went away: stop quietly like other Unix tools.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
    # The editor is imported only here, so headless commands never load Qt.
    from wadesk.ui.app import run_editor

    return run_editor(args[0] if args else None)
