"""Change notifications the model emits, one per change."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

EventType = Literal[
    "node_added",
    "node_removed",
    "node_moved",
    "node_reparented",
    "node_label_changed",
    "node_props_changed",
    "edge_added",
    "edge_removed",
    "edge_label_changed",
    "edge_props_changed",
    "suppressions_changed",
    "meta_changed",
    "scope_changed",
]


@dataclass(frozen=True)
class ModelEvent:
    """One change: ``type`` says what changed, ``target`` the node or edge id.

    ``old`` and ``new`` carry what a listener needs to mirror the change
    (for a removal, ``old`` is the removed snapshot).
    """

    type: EventType
    target: str | None
    old: Any = None
    new: Any = None
