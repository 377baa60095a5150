"""The error raised for infrastructure code that cannot be imported."""

from __future__ import annotations

from pathlib import Path


class ImportSourceError(Exception):
    """A source that cannot be imported: the message names the file, the line when known, and the reason.

    The command line prints it and exits with code 2; the editor shows it in a dialog. It is never a traceback.
    """

    def __init__(self, source: str | Path, reason: str, line: int | None = None) -> None:
        self.source = str(source)
        self.reason = reason
        self.line = line
        where = f"{self.source}:{line}" if line is not None else self.source
        super().__init__(f"{where}: {reason}")
