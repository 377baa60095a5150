"""Judging a design as it would be with other property values, without changing it (no event, restored after)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from wadesk.model.architecture import Architecture


@contextmanager
def props_swapped(arch: Architecture, props_by_node: Mapping[str, Mapping[str, Any]]) -> Iterator[None]:
    """While inside, each node named holds the (complete) properties given, as every reader sees them.

    Values are not checked and no listener hears of it: this is for analyses that ask "what if this unknown
    setting were that", never for edits. The properties are put back on leaving, whatever happens inside.
    """
    attrs = arch._node_attrs  # noqa: SLF001 - the model's own package: the one place that may swap them
    saved = {node_id: attrs[node_id]["props"] for node_id in props_by_node}
    try:
        for node_id, props in props_by_node.items():
            attrs[node_id]["props"] = props
        yield
    finally:
        for node_id, props in saved.items():
            attrs[node_id]["props"] = props
