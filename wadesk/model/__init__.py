"""The architecture model: nodes, containment, flows and change events (no Qt)."""

from __future__ import annotations

from wadesk.model.architecture import Architecture, Edge, KindSchema, Node, Suppression
from wadesk.model.errors import ModelError
from wadesk.model.events import ModelEvent

__all__ = ["Architecture", "Edge", "KindSchema", "ModelError", "ModelEvent", "Node", "Suppression"]
