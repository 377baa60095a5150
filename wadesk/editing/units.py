"""The reversible edits of a design; each captures what it needs to undo itself when applied.

Every edit is applied to the state it was made for and reverted to exactly
that state, so an undo stack may call ``apply`` and ``revert`` alternately.
"""

from __future__ import annotations

import bisect
import copy
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from wadesk.model import Architecture, Edge, ModelError, Node, Scope, Suppression

#: A node's geometry: x, y, w, h (w and h are None for components).
Geometry = tuple[float, float, float | None, float | None]


class Edit(Protocol):
    """One undoable change of a design."""

    text: str

    def apply(self, arch: Architecture) -> None:
        """Make the change (raises ModelError and leaves ``arch`` unchanged if it cannot)."""

    def revert(self, arch: Architecture) -> None:
        """Undo the change made by the last :meth:`apply`."""


def _add(arch: Architecture, node: Node, position: int | None = None) -> None:
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
        position=position,
        unknown=dict(node.unknown),
    )


def _connect(arch: Architecture, edge: Edge, position: int | None = None) -> None:
    arch.connect(edge.id, edge.source, edge.target, label=edge.label, props=copy.deepcopy(dict(edge.props)),
                 position=position)


def _index_of(ids: Iterable[str]) -> dict[str, int]:
    return {item_id: index for index, item_id in enumerate(ids)}


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
    """Remove a node with everything inside it, every edge touching them and their suppressions.

    Undo puts each of them back at the index it had, so the design's order
    (and its saved file) is exactly what it was.
    """

    node_id: str
    text: str = "Delete"
    _nodes: list[tuple[Node, int]] = field(default_factory=list, repr=False)
    _edges: list[tuple[Edge, int]] = field(default_factory=list, repr=False)
    _suppressions: list[tuple[Suppression, int]] = field(default_factory=list, repr=False)

    def apply(self, arch: Architecture) -> None:
        if not arch.has_node(self.node_id):
            raise ModelError(f"no node with id {self.node_id!r}")
        ids = [self.node_id, *arch.descendants(self.node_id)]  # parents before children
        node_index = _index_of(arch.node_ids())
        self._nodes = [(arch.node(node_id), node_index[node_id]) for node_id in ids]
        gone = set(ids)
        edge_ids: dict[str, None] = {}
        for node_id in ids:
            edge_ids.update(dict.fromkeys(arch.edges_of(node_id)))
        edge_index = _index_of(arch.edge_ids())
        ordered = sorted(edge_ids, key=edge_index.__getitem__)
        self._edges = [(arch.edge(edge_id), edge_index[edge_id]) for edge_id in ordered]
        self._suppressions = [(s, index) for index, s in enumerate(arch.suppressions()) if s.node in gone]
        for edge, _ in self._edges:
            arch.disconnect(edge.id)
        for node, _ in reversed(self._nodes):
            arch.remove_node(node.id)

    def revert(self, arch: Architecture) -> None:
        # Parents go back before their children, which is not always index order: a node's index
        # now is its old index less the removed nodes before it that are not back yet.
        pending = sorted(index for _, index in self._nodes)
        for node, index in self._nodes:
            at = bisect.bisect_left(pending, index)
            del pending[at]
            _add(arch, node, position=index - at)
        for edge, index in self._edges:  # in index order: each lands where it was
            _connect(arch, edge, position=index)
        for suppression, index in self._suppressions:
            arch.add_suppression(suppression, position=index)


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
class SetScope:
    """Say whether the design is a workload or a whole account."""

    scope: Scope
    text: str = "Set design scope"
    _old: Scope = field(default="workload", repr=False)

    def apply(self, arch: Architecture) -> None:
        self._old = arch.scope
        arch.set_scope(self.scope)

    def revert(self, arch: Architecture) -> None:
        arch.set_scope(self._old)


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
class SetDesignMeta:
    """Change the design's name or description (None leaves that one as it is)."""

    name: str | None = None
    description: str | None = None
    text: str = "Change design properties"
    _old: tuple[str, str] = field(default=("", ""), repr=False)

    def apply(self, arch: Architecture) -> None:
        self._old = (arch.name, arch.description)
        arch.set_meta(self.name, self.description)

    def revert(self, arch: Architecture) -> None:
        arch.set_meta(*self._old)


@dataclass
class SetProperty:
    """Set one property of a node (checked by the catalog; ModelError if invalid).

    A property the design did not know becomes known; undo makes it unknown again.
    """

    node_id: str
    name: str
    value: Any
    text: str = "Change property"
    _old: dict[str, Any] = field(default_factory=dict, repr=False)
    _old_unknown: dict[str, str] = field(default_factory=dict, repr=False)

    def apply(self, arch: Architecture) -> None:
        self._old = copy.deepcopy(dict(arch.node(self.node_id).props))
        self._old_unknown = dict(arch.unknown_of(self.node_id))
        arch.set_property(self.node_id, self.name, copy.deepcopy(self.value))

    def revert(self, arch: Architecture) -> None:
        arch.set_props(self.node_id, copy.deepcopy(self._old), unknown=self._old_unknown)


@dataclass
class SetUnknown:
    """Say which properties of a node the design does not know (name -> source expression); values stay."""

    node_id: str
    unknown: Mapping[str, str]
    text: str = "Change unknown properties"
    _old: dict[str, str] = field(default_factory=dict, repr=False)

    def apply(self, arch: Architecture) -> None:
        self._old = dict(arch.unknown_of(self.node_id))
        arch.set_props(self.node_id, arch.props_of(self.node_id), unknown=dict(self.unknown))

    def revert(self, arch: Architecture) -> None:
        arch.set_props(self.node_id, arch.props_of(self.node_id), unknown=self._old)


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
    _index: int = field(default=0, repr=False)

    def apply(self, arch: Architecture) -> None:
        index = _index_of(arch.edge_ids()).get(self.edge_id, 0)
        self._old = arch.disconnect(self.edge_id)
        self._index = index

    def revert(self, arch: Architecture) -> None:
        assert self._old is not None
        _connect(arch, self._old, position=self._index)


@dataclass
class AddSuppression:
    """Accept a finding with a justification (replacing an earlier acceptance)."""

    suppression: Suppression
    text: str = "Suppress finding"
    _previous: tuple[Suppression, int] | None = field(default=None, repr=False)

    def apply(self, arch: Architecture) -> None:
        key = (self.suppression.rule, self.suppression.node)
        previous = [(s, index) for index, s in enumerate(arch.suppressions()) if (s.rule, s.node) == key]
        arch.add_suppression(self.suppression)
        self._previous = previous[0] if previous else None

    def revert(self, arch: Architecture) -> None:
        arch.remove_suppression(self.suppression.rule, self.suppression.node)
        if self._previous is not None:
            arch.add_suppression(self._previous[0], position=self._previous[1])


@dataclass
class RemoveSuppression:
    """Withdraw the acceptance of finding ``rule@node``."""

    rule: str
    node: str | None
    text: str = "Unsuppress finding"
    _old: Suppression | None = field(default=None, repr=False)
    _index: int = field(default=0, repr=False)

    def apply(self, arch: Architecture) -> None:
        keys = [(s.rule, s.node) for s in arch.suppressions()]
        self._old = arch.remove_suppression(self.rule, self.node)
        self._index = keys.index((self.rule, self.node)) if self._old is not None else 0

    def revert(self, arch: Architecture) -> None:
        if self._old is not None:
            arch.add_suppression(self._old, position=self._index)


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
