"""The catalog of AWS kinds: names, categories, icons, responsibility and property schemas."""

from __future__ import annotations

from wadesk.catalog.catalog import Catalog, Kind
from wadesk.model import Architecture

#: The catalog of every kind the product knows.
CATALOG = Catalog()


def new_architecture(name: str = "", description: str = "") -> Architecture:
    """An empty design whose properties are checked against :data:`CATALOG`."""
    return Architecture(CATALOG, name=name, description=description)


__all__ = ["CATALOG", "Catalog", "Kind", "new_architecture"]
