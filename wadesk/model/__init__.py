"""The architecture model: nodes, containment, flows and change events (no Qt)."""

from __future__ import annotations

from wadesk.model.architecture import Architecture
from wadesk.model.errors import ModelError
from wadesk.model.events import ModelEvent
from wadesk.model.limits import MAX_COORDINATE, MAX_LABEL_CHARS, clamp_coordinate
from wadesk.model.values import SCOPES, Edge, KindSchema, Node, Scope, Suppression

__all__ = [
    "MAX_COORDINATE",
    "MAX_LABEL_CHARS",
    "SCOPES",
    "Architecture",
    "Edge",
    "KindSchema",
    "ModelError",
    "ModelEvent",
    "Node",
    "Scope",
    "Suppression",
    "clamp_coordinate",
]
