"""The reversible edits of a design; each captures what it needs to undo itself when applied.

Every edit is applied to the state it was made for and reverted to exactly
that state, so an undo stack may call ``apply`` and ``revert`` alternately.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from wadesk.model import Architecture, Edge, ModelError, Node, Suppression

#: A node's geometry: x, y, w, h (w and h are None for components).
Geometry = tuple[float, float, float | None, float | None]


class Edit(Protocol):
    """One undoable change of a design."""

    text: str

    def apply(self, arch: Architecture) -> None:
        """Make the change (raises ModelError and leaves ``arch`` unchanged if it cannot)."""

    def revert(self, arch: Architecture) -> None:
        """Undo the change made by the last :meth:`apply`."""


def _add(arch: Architecture, node: Node) -> None:
    arch.add_node(
        node.id,
        node.kind,
        label=node.label,
        parent=node.parent,
        x=node.x,
        y=node.y,
        w=node.w,
        h=node.h,
        props=copy.deepcopy(dict(node.props)),
    )


def _connect(arch: Architecture, edge: Edge) -> None:
    arch.connect(edge.id, edge.source, edge.target, label=edge.label, props=copy.deepcopy(dict(edge.props)))


@dataclass
class AddNode:
    """Add one node (its parent must exist)."""

    node: Node
    text: str = "Add component"

    def apply(self, arch: Architecture) -> None:
        _add(arch, self.node)

    def revert(self, arch: Architecture) -> None:
        arch.remove_node(self.node.id)


@dataclass
class RemoveNode:
    """Remove a node with everything inside it, every edge touching them and their suppressions."""

    node_id: str
    text: str = "Delete"
    _nodes: list[Node] = field(default_factory=list, repr=False)
    _edges: list[Edge] = field(default_factory=list, repr=False)
    _suppressions: list[Suppression] = field(default_factory=list, repr=False)

    def apply(self, arch: Architecture) -> None:
        if not arch.has_node(self.node_id):
            raise ModelError(f"no node with id {self.node_id!r}")
        ids = [self.node_id, *arch.descendants(self.node_id)]  # parents before children
        self._nodes = [arch.node(node_id) for node_id in ids]
        gone = set(ids)
        edge_ids: dict[str, None] = {}
        for node_id in ids:
            edge_ids.update(dict.fromkeys(arch.edges_of(node_id)))
        order = {edge_id: index for index, edge_id in enumerate(arch.edge_ids())}
        self._edges = [arch.edge(edge_id) for edge_id in sorted(edge_ids, key=order.__getitem__)]
        self._suppressions = [s for s in arch.suppressions() if s.node in gone]
        for edge in self._edges:
            arch.disconnect(edge.id)
        for node in reversed(self._nodes):
            arch.remove_node(node.id)

    def revert(self, arch: Architecture) -> None:
        for node in self._nodes:
            _add(arch, node)
        for edge in self._edges:
            _connect(arch, edge)
        for suppression in self._suppressions:
            arch.add_suppression(suppression)


@dataclass
class MoveNodes:
    """Move (and optionally resize) several nodes at once: one drag, one step."""

    moves: Mapping[str, Geometry]
    text: str = "Move"
    _old: dict[str, Geometry] = field(default_factory=dict, repr=False)

    def apply(self, arch: Architecture) -> None:
        old: dict[str, Geometry] = {}
        for node_id in self.moves:
            node = arch.node(node_id)
            old[node_id] = (node.x, node.y, node.w, node.h)
        self._old = old
        done: list[str] = []
        try:
            for node_id, (x, y, w, h) in self.moves.items():
                arch.move_node(node_id, x, y, w, h)
                done.append(node_id)
        except ModelError:
            for node_id in reversed(done):
                arch.move_node(node_id, *old[node_id])
            raise

    def revert(self, arch: Architecture) -> None:
        for node_id, geometry in self._old.items():
            arch.move_node(node_id, *geometry)


@dataclass
class Reparent:
    """Put a node into another container (None: top level)."""

    node_id: str
    parent: str | None
    text: str = "Move into container"
    _old: str | None = field(default=None, repr=False)

    def apply(self, arch: Architecture) -> None:
        self._old = arch.node(self.node_id).parent
        arch.reparent(self.node_id, self.parent)

    def revert(self, arch: Architecture) -> None:
        arch.reparent(self.node_id, self._old)


@dataclass
class SetLabel:
    """Rename a node."""

    node_id: str
    label: str
    text: str = "Rename"
    _old: str = field(default="", repr=False)

    def apply(self, arch: Architecture) -> None:
        self._old = arch.node(self.node_id).label
        arch.set_label(self.node_id, self.label)

    def revert(self, arch: Architecture) -> None:
        arch.set_label(self.node_id, self._old)


@dataclass
class SetEdgeLabel:
    """Rename a flow."""

    edge_id: str
    label: str
    text: str = "Rename flow"
    _old: str = field(default="", repr=False)

    def apply(self, arch: Architecture) -> None:
        self._old = arch.edge(self.edge_id).label
        arch.set_edge_label(self.edge_id, self.label)

    def revert(self, arch: Architecture) -> None:
        arch.set_edge_label(self.edge_id, self._old)


@dataclass
class SetProperty:
    """Set one property of a node (checked by the catalog; ModelError if invalid)."""

    node_id: str
    name: str
    value: Any
    text: str = "Change property"
    _old: dict[str, Any] = field(default_factory=dict, repr=False)

    def apply(self, arch: Architecture) -> None:
        self._old = copy.deepcopy(dict(arch.node(self.node_id).props))
        arch.set_property(self.node_id, self.name, copy.deepcopy(self.value))

    def revert(self, arch: Architecture) -> None:
        arch.set_props(self.node_id, copy.deepcopy(self._old))


@dataclass
class SetEdgeProperty:
    """Set one property of a flow."""

    edge_id: str
    name: str
    value: Any
    text: str = "Change flow property"
    _old: dict[str, Any] = field(default_factory=dict, repr=False)

    def apply(self, arch: Architecture) -> None:
        self._old = copy.deepcopy(dict(arch.edge(self.edge_id).props))
        arch.set_edge_property(self.edge_id, self.name, copy.deepcopy(self.value))

    def revert(self, arch: Architecture) -> None:
        arch.set_edge_props(self.edge_id, copy.deepcopy(self._old))


@dataclass
class Connect:
    """Add a flow."""

    edge: Edge
    text: str = "Connect"

    def apply(self, arch: Architecture) -> None:
        _connect(arch, self.edge)

    def revert(self, arch: Architecture) -> None:
        arch.disconnect(self.edge.id)


@dataclass
class Disconnect:
    """Remove a flow."""

    edge_id: str
    text: str = "Delete flow"
    _old: Edge | None = field(default=None, repr=False)

    def apply(self, arch: Architecture) -> None:
        self._old = arch.disconnect(self.edge_id)

    def revert(self, arch: Architecture) -> None:
        assert self._old is not None
        _connect(arch, self._old)


@dataclass
class AddSuppression:
    """Accept a finding with a justification (replacing an earlier acceptance)."""

    suppression: Suppression
    text: str = "Suppress finding"
    _previous: Suppression | None = field(default=None, repr=False)

    def apply(self, arch: Architecture) -> None:
        key = (self.suppression.rule, self.suppression.node)
        self._previous = next((s for s in arch.suppressions() if (s.rule, s.node) == key), None)
        arch.add_suppression(self.suppression)

    def revert(self, arch: Architecture) -> None:
        arch.remove_suppression(self.suppression.rule, self.suppression.node)
        if self._previous is not None:
            arch.add_suppression(self._previous)


@dataclass
class RemoveSuppression:
    """Withdraw the acceptance of finding ``rule@node``."""

    rule: str
    node: str | None
    text: str = "Unsuppress finding"
    _old: Suppression | None = field(default=None, repr=False)

    def apply(self, arch: Architecture) -> None:
        self._old = arch.remove_suppression(self.rule, self.node)

    def revert(self, arch: Architecture) -> None:
        if self._old is not None:
            arch.add_suppression(self._old)


@dataclass
class Compound:
    """Several edits as one step; if one fails, those already made are reverted."""

    edits: Sequence[Edit]
    text: str = "Edit"

    def __init__(self, edits: Iterable[Edit], text: str = "Edit") -> None:
        self.edits = list(edits)
        self.text = text

    def apply(self, arch: Architecture) -> None:
        done: list[Edit] = []
        try:
            for edit in self.edits:
                edit.apply(arch)
                done.append(edit)
        except ModelError:
            for edit in reversed(done):
                edit.revert(arch)
            raise

    def revert(self, arch: Architecture) -> None:
        for edit in reversed(self.edits):
            edit.revert(arch)
