"""The ``wadesk`` command: sub-commands run headless, anything else opens the editor."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from wadesk.cli import COMMANDS
from wadesk.cli import main as cli_main

if TYPE_CHECKING:
    from wadesk.model import Architecture


def _write_report(arch: Architecture, out: Path, source: str) -> list[Path]:
    """Write the annotated report and return the files written; Qt is loaded only for this sub-command."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from wadesk.ui.report import write_report

    return write_report(arch, out, source)


def no_display_reason(environ: Mapping[str, str] | None = None, platform: str | None = None) -> str | None:
    """Why the editor cannot open a window here, or None when it can.

    Qt's default platform on Linux needs an X11 or Wayland display; without
    one it aborts the process. A platform chosen with QT_QPA_PLATFORM (say,
    offscreen) is trusted as it is.
    """
    env = os.environ if environ is None else environ
    if (platform or sys.platform) != "linux" or env.get("QT_QPA_PLATFORM"):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return ("wadesk: no display to open the editor on (DISPLAY is not set); "
            "run it on a virtual screen with `xvfb-run -a wadesk [FILE]`, or check designs with `wadesk check FILE`")


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Run a headless command with Python's cycle collector paused, as it was before afterwards.

    A command is a short process whose objects (the imported modules, then one design and its analysis) live
    until it ends; reference counting frees everything else. The collector would only walk those live objects
    again and again while they are created: measured on the corpus, about an eighth of `wadesk check`'s CPU
    time for one template, with the same peak memory without it.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _end_process(code: int) -> None:
    """End the process now with ``code``, once everything written is flushed.

    Used when a headless command is the whole process (``main`` called without ``argv``: the ``wadesk`` script,
    ``python -m wadesk``): its output is complete, and Python's own shutdown would only free every imported
    module and object one by one (a collection of all of them included), about a twelfth of a `wadesk check`
    of one template. Nothing needs that shutdown: files a command writes are closed when it returns, its output
    is flushed here, and the one exit handler registered (the logging module's, which flushes log handlers)
    has none to flush, as wadesk adds none. The export command, which may have started Qt, still shuts down
    normally.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``wadesk`` with ``argv`` (default: the process arguments).

    Without ``argv`` (as the process's entry point), a headless command other than export ends the process
    when it is done (:func:`_end_process`) instead of returning.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    as_copy = len(args) == 2 and args[0] == "--example"
    if as_copy:
        args = args[1:]
    try:
        if (args and (args[0] in COMMANDS or args[0] in ("-h", "--help", "--version", "-V"))) or (
            len(args) > 1 or (args and args[0].startswith("-"))
        ):
            with _without_cycle_collection():
                code = cli_main(args, report_writer=_write_report)
                if argv is None and args[0] != "export":
                    _end_process(code)
                return code
    except BrokenPipeError:
        # The reader (say, `head`) went away: stop quietly like other Unix tools.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
    except MemoryError:
        # Exit 1 means "findings" to CI; running out of memory is an unusable input.
        sys.stderr.write("wadesk: out of memory: the design is too large to process on this machine\n")
        return 2
    reason = no_display_reason()
    if reason is not None:
        print(reason, file=sys.stderr)
        return 2
    # The editor is imported only here, so headless commands never load Qt.
    from wadesk.ui.app import run_editor

    return run_editor(args[0] if args else None, as_copy=as_copy)
