"""Where an export may write: never over the design it was made from, never over a design file, the right suffix."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from wadesk.export.errors import ExportError

#: The suffix of design files; no export ever writes a file ending in it.
DESIGN_SUFFIX = ".wadesk"


def check_export_target(out: Path, suffixes: Iterable[str], what: str, inputs: Iterable[Path] = ()) -> None:
    """Refuse an export file name that would destroy a design or that has the wrong suffix.

    Args:
        out: the file the export would write.
        suffixes: the suffixes this export writes (lower case, with the dot).
        what: the export's name for the message, such as "a diagrams script".
        inputs: the design files the export was made from.

    Raises:
        ExportError: ``out`` is one of ``inputs`` (or a link to one), ends in
            ``.wadesk``, or has a suffix not in ``suffixes``.
    """
    allowed = tuple(suffixes)
    suffix = out.suffix.lower()
    if suffix == DESIGN_SUFFIX:
        raise ExportError(
            f"{out}: refusing to write {what} over a design file (.wadesk); name the file OUT{allowed[0]}"
        )
    for source in inputs:
        if _same_file(out, source):
            raise ExportError(f"{out}: refusing to write {what} over the design it is made from; choose another name")
    if suffix not in allowed:
        shown = f"{suffix!r}" if suffix else "no suffix"
        names = " or ".join(allowed)
        raise ExportError(f"{out}: {what} is written as {names}, and this file name has {shown}; "
                          f"name the file OUT{allowed[0]}")


def _same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` name the same file (through links too, when both exist)."""
    try:
        if os.path.samefile(a, b):
            return True
    except OSError:
        pass
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):
        return os.path.abspath(a) == os.path.abspath(b)
