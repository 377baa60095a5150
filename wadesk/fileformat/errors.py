"""The error raised for a design file that cannot be used."""

from __future__ import annotations

from wadesk.model.errors import ModelError


class DesignFileError(ModelError):
    """A design file that cannot be loaded; ``problems`` holds one line per problem."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = list(problems) or ["unusable design file"]
        super().__init__("\n".join(f"{source}: {line}" for line in self.problems))


class ReadOnlyDesignError(DesignFileError):
    """Saving was refused because the file may not be written; the editor offers Save As."""
