"""Small compatibility shims for the Qt shell."""

from __future__ import annotations

from typing_extensions import override

__all__ = ["override"]
