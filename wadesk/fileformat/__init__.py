"""Design files (``*.wadesk``): schema, migrations, strict loading and atomic saving."""

from __future__ import annotations

from wadesk.fileformat.errors import DesignFileError, ReadOnlyDesignError
from wadesk.fileformat.io import dumps_design, load_design, loads_design, save_design, to_document, write_atomic
from wadesk.fileformat.schema import CURRENT_VERSION

__all__ = [
    "CURRENT_VERSION",
    "DesignFileError",
    "ReadOnlyDesignError",
    "dumps_design",
    "load_design",
    "loads_design",
    "save_design",
    "to_document",
    "write_atomic",
]
