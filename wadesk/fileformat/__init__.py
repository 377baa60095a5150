"""Design files (``*.wadesk``): schema, migrations, strict loading and atomic saving."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from wadesk.fileformat.errors import DesignFileError, ReadOnlyDesignError

if TYPE_CHECKING:
    from wadesk.fileformat.atomic import write_atomic
    from wadesk.fileformat.io import dumps_design, load_design, loads_design, save_design, to_document
    from wadesk.fileformat.schema import CURRENT_VERSION

#: What is loaded on first use, and from where: the reader and writer build pydantic file records, which
#: `wadesk check` on a template or a plan never needs (it only names DesignFileError).
_ON_FIRST_USE = {
    "CURRENT_VERSION": "schema",
    "dumps_design": "io",
    "load_design": "io",
    "loads_design": "io",
    "save_design": "io",
    "to_document": "io",
    "write_atomic": "atomic",
}


def __getattr__(name: str) -> Any:
    home = _ON_FIRST_USE.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


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
