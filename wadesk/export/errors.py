"""The error raised when an export cannot be written."""

from __future__ import annotations

from wadesk.model import ModelError


class ExportError(ModelError):
    """An export that cannot be written; the message says why and what to do about it."""
