"""Queries of a design's containment tree (which container holds which node), shared by the model."""

from __future__ import annotations

from typing import Any


class Containment:
    """The containment queries of :class:`~wadesk.model.Architecture`, over its children index and node attributes."""

    _children: dict[str | None, dict[str, None]]
    _node_attrs: dict[str, dict[str, Any]]

    def children(self, node_id: str | None) -> list[str]:
        """Direct children of container ``node_id`` (None: top-level nodes)."""
        return list(self._children.get(node_id, {}))

    def descendants(self, node_id: str) -> list[str]:
        """Every node inside container ``node_id``, depth first."""
        out: list[str] = []
        stack = list(reversed(self.children(node_id)))
        while stack:
            current = stack.pop()
            out.append(current)
            stack.extend(reversed(self.children(current)))
        return out

    def ancestors(self, node_id: str) -> list[str]:
        """The containers around ``node_id``, innermost first."""
        out: list[str] = []
        parent = self._node_attrs[node_id]["parent"]
        while parent is not None:
            out.append(parent)
            parent = self._node_attrs[parent]["parent"]
        return out

    def is_container(self, node_id: str) -> bool:
        """Whether the node may hold other nodes."""
        return node_id in self._children
