"""Names a person can read: ids such as ``alb-1`` for new nodes, "App server (2)" for copies, undo texts."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence

from wadesk.model import Architecture

_COPY_SUFFIX = re.compile(r"^(.*?) \((\d+)\)$")


def id_prefix(kind: str) -> str:
    """The id prefix of new nodes of ``kind``: ``alb``, ``security-group``."""
    return kind.replace("_", "-")


def readable_ids(arch: Architecture, prefixes: Sequence[str]) -> list[str]:
    """One fresh id per prefix, numbered after the highest the design already uses (``alb-1``, ``alb-2``).

    Numbers only grow, so an id never comes back for a different node while
    the design is open, and node and flow ids never collide.
    """
    highest = dict.fromkeys(prefixes, 0)
    for existing in itertools.chain(arch.node_ids(), arch.edge_ids()):
        prefix, _, number = existing.rpartition("-")
        if prefix in highest and number.isdigit():
            highest[prefix] = max(highest[prefix], int(number))
    out = []
    for prefix in prefixes:
        highest[prefix] += 1
        out.append(f"{prefix}-{highest[prefix]}")
    return out


def copy_labels(existing: Iterable[str], labels: Sequence[str]) -> list[str]:
    """Labels for copies of nodes labelled ``labels``: "App server" becomes "App server (2)", then "(3)"."""
    used = set(existing)
    out = []
    for label in labels:
        if not label:
            out.append(label)
            continue
        match = _COPY_SUFFIX.match(label)
        base = match.group(1) if match else label
        number = 2
        while f"{base} ({number})" in used:
            number += 1
        new = f"{base} ({number})"
        used.add(new)
        out.append(new)
    return out


def describe(arch: Architecture, ids: Sequence[str], limit: int = 1) -> str:
    """What an undo text calls nodes or flows ``ids``: their label when there is one, else "3 items"."""
    if not ids:
        return "nothing"
    if len(ids) > limit:
        return f"{len(ids)} items"
    item = ids[0]
    if arch.has_node(item):
        return arch.label_of(item)
    if arch.has_edge(item):
        edge = arch.edge(item)
        return edge.label or f"flow {arch.label_of(edge.source)} → {arch.label_of(edge.target)}"
    return item
