"""Errors a user can cause by editing or loading a design."""

from __future__ import annotations


class ModelError(ValueError):
    """A change or a design that breaks the model's rules; the message names what and where."""
