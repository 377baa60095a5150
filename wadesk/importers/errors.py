"""The error raised for infrastructure code that cannot be imported."""

from __future__ import annotations

import re
from pathlib import Path

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str, limit: int = 200) -> str:
    """``text`` safe for a terminal: control characters as ``\\x1b``-style escapes, at most ``limit`` characters.

    Text read from a file reaches error messages and reports; an escape sequence in it must not drive the terminal.
    """
    escaped = _CONTROL.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)
    return escaped if len(escaped) <= limit else escaped[: limit - 1] + "…"


class ImportSourceError(Exception):
    """A source that cannot be imported: the message names the file, the line when known, and the reason.

    The command line prints it and exits with code 2; the editor shows it in a dialog. It is never a traceback.
    The reason is stored with its control characters escaped (see ``printable``), so it is one printable line.
    """

    def __init__(self, source: str | Path, reason: str, line: int | None = None) -> None:
        self.source = str(source)
        self.reason = printable(reason, limit=2000)
        self.line = line
        where = f"{self.source}:{line}" if line is not None else self.source
        super().__init__(f"{where}: {self.reason}")
