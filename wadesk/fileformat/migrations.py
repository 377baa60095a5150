"""Upgrades of older file format versions to the current one, keyed by version."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from wadesk.fileformat.errors import DesignFileError
from wadesk.fileformat.schema import CURRENT_VERSION

Document = dict[str, Any]
Migration = Callable[[Document], Document]

#: ``MIGRATIONS[n]`` turns a version-``n`` document into a version ``n + 1`` one.
#: Version 1 is the first published format, so there is nothing to upgrade yet;
#: when version 2 comes, its upgrade goes here as ``1: _v1_to_v2``.
MIGRATIONS: dict[int, Migration] = {}


def migrate(
    document: Document,
    source: str,
    migrations: Mapping[int, Migration] = MIGRATIONS,
    current: int = CURRENT_VERSION,
) -> Document:
    """Bring ``document`` up to version ``current`` one step at a time.

    Raises:
        DesignFileError: the version is missing, newer than ``current``, or has no upgrade path.
    """
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise DesignFileError(source, [f"'version' must be a whole number, got {version!r}"])
    if version > current:
        raise DesignFileError(
            source,
            [f"file format version {version} is newer than this wadesk understands ({current}); update wadesk"],
        )
    if version < 1:
        raise DesignFileError(source, [f"'version' must be 1 or more, got {version}"])
    while version < current:
        step = migrations.get(version)
        if step is None:
            raise DesignFileError(source, [f"no upgrade from file format version {version}"])
        document = step(dict(document))
        version += 1
        document["version"] = version
    return document
