"""Putting an entry back at a given index of an insertion-ordered dict, so undo restores a design's order."""

from __future__ import annotations

import itertools
from typing import Any

import networkx as nx

from wadesk.model.errors import ModelError


def check_position(position: int | None, where: str) -> None:
    """Refuse a position that is not None or a whole number from 0."""
    if position is not None and (isinstance(position, bool) or not isinstance(position, int) or position < 0):
        raise ModelError(f"{where}: position must be a whole number from 0, got {position!r}")


def move_last_to(table: dict[Any, Any], position: int) -> None:
    """Move the last key of ``table`` to index ``position`` (past the end: stays last), in place, O(n).

    In place because callers hold the dict itself (networkx's tables, the model's caches).
    """
    keys = list(table)
    for key in keys[position:-1]:
        table[key] = table.pop(key)


def move_last_node_to(graph: nx.MultiDiGraph, siblings: dict[str, None], position: int) -> None:
    """Move the node added last to index ``position`` of ``graph``'s node order, in O(n).

    Among ``siblings`` (its parent's children, where it was added last) it
    goes before the first sibling that now follows it in the node order.
    """
    tables = {id(table): table for table in (graph._node, graph._adj, graph._succ, graph._pred)}
    for table in tables.values():
        move_last_to(table, position)
    after = set(itertools.islice(graph._node, position + 1, None))
    keys = list(siblings)
    first_later = next((index for index, key in enumerate(keys) if key in after), None)
    if first_later is not None:
        for key in keys[first_later:-1]:
            siblings[key] = siblings.pop(key)
