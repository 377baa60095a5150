"""The design as a networkx graph: the one place where a design is changed."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import networkx as nx

from wadesk.model.containment import Containment
from wadesk.model.errors import ModelError
from wadesk.model.events import ModelEvent
from wadesk.model.limits import check_label, check_number, check_size, checked_scope, checked_unknown
from wadesk.model.ordering import check_position, move_last_node_to, move_last_to
from wadesk.model.values import Edge, KindSchema, Node, Scope, Suppression

Listener = Callable[[ModelEvent], None]


class Architecture(Containment):
    """A design: nodes, their containment tree and the directed flows between them.

    Every change goes through a method of this class, and each emits a
    :class:`ModelEvent` to the subscribed listeners. Reads go through the
    query methods or :attr:`graph` (which callers must not mutate).
    """

    def __init__(
        self, schema: KindSchema | None = None, name: str = "", description: str = "", scope: Scope = "workload"
    ) -> None:
        self._schema = schema
        self._graph: nx.MultiDiGraph = nx.MultiDiGraph()
        # networkx's own node-attribute dict: reading it directly skips a view object per lookup,
        # which matters in rules that ask for kinds and properties thousands of times.
        self._node_attrs: dict[str, dict[str, Any]] = self._graph._node
        self._edges: dict[str, tuple[str, str]] = {}
        self._children: dict[str | None, dict[str, None]] = {None: {}}
        self._suppressions: list[Suppression] = []
        self._listeners: list[Listener] = []
        self.name = name
        self.description = description
        self._scope: Scope = checked_scope(scope)

    # ---------------------------------------------------------------- events
    def subscribe(self, listener: Listener) -> None:
        """Call ``listener`` with every :class:`ModelEvent` from now on."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        """Stop calling ``listener``."""
        self._listeners.remove(listener)

    def _emit(self, event: ModelEvent) -> None:
        for listener in list(self._listeners):
            listener(event)

    # ---------------------------------------------------------------- reads
    @property
    def schema(self) -> KindSchema | None:
        """The kind schema used to validate properties (None: no validation)."""
        return self._schema

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The flow graph: node attributes as in :class:`Node`, edges keyed by edge id.

        Read-only for callers: change the design through this class only.
        """
        return self._graph

    @property
    def node_attrs(self) -> Mapping[str, Mapping[str, Any]]:
        """Every node's attributes (kind, label, parent, x, y, w, h, props), by id: read-only, for hot loops."""
        return self._node_attrs

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._graph

    def __len__(self) -> int:
        return len(self._node_attrs)

    def has_node(self, node_id: str) -> bool:
        """Whether a node with this id exists."""
        return node_id in self._graph

    def has_edge(self, edge_id: str) -> bool:
        """Whether an edge with this id exists."""
        return edge_id in self._edges

    def node(self, node_id: str) -> Node:
        """A snapshot of node ``node_id``."""
        try:
            data = self._node_attrs[node_id]
        except KeyError:
            raise ModelError(f"no node with id {node_id!r}") from None
        return Node(
            id=node_id,
            kind=data["kind"],
            label=data["label"],
            parent=data["parent"],
            x=data["x"],
            y=data["y"],
            w=data["w"],
            h=data["h"],
            props=dict(data["props"]),
            unknown=dict(data["unknown"]),
        )

    def kind_of(self, node_id: str) -> str:
        """The kind id of node ``node_id``."""
        kind: str = self._node_attrs[node_id]["kind"]
        return kind

    def props_of(self, node_id: str) -> Mapping[str, Any]:
        """The live property mapping of a node (do not mutate)."""
        props: Mapping[str, Any] = self._node_attrs[node_id]["props"]
        return props

    def unknown_of(self, node_id: str) -> Mapping[str, str]:
        """The properties of a node the design does not know, each with its source expression (do not mutate)."""
        unknown: Mapping[str, str] = self._node_attrs[node_id]["unknown"]
        return unknown

    def label_of(self, node_id: str) -> str:
        """The label of a node, or its id when the label is empty."""
        label: str = self._node_attrs[node_id]["label"]
        return label or node_id

    def parent_of(self, node_id: str) -> str | None:
        """The id of the container that holds ``node_id``, if any."""
        parent: str | None = self._node_attrs[node_id]["parent"]
        return parent

    def nodes(self) -> Iterator[Node]:
        """Snapshots of every node, in insertion order."""
        for node_id in self._graph.nodes:
            yield self.node(node_id)

    def node_ids(self) -> list[str]:
        """Every node id, in insertion order."""
        return list(self._graph.nodes)

    def edge(self, edge_id: str) -> Edge:
        """A snapshot of edge ``edge_id``."""
        try:
            source, target = self._edges[edge_id]
        except KeyError:
            raise ModelError(f"no edge with id {edge_id!r}") from None
        data = self._graph.edges[source, target, edge_id]
        return Edge(id=edge_id, source=source, target=target, label=data["label"], props=dict(data["props"]))

    def edges(self) -> Iterator[Edge]:
        """Snapshots of every edge, in insertion order."""
        for edge_id in list(self._edges):
            yield self.edge(edge_id)

    def edge_ids(self) -> list[str]:
        """Every edge id, in insertion order."""
        return list(self._edges)

    def edges_of(self, node_id: str) -> list[str]:
        """Ids of the edges that start or end at ``node_id``."""
        out = [key for _, _, key in self._graph.out_edges(node_id, keys=True)]
        inc = [key for _, _, key in self._graph.in_edges(node_id, keys=True)]
        return out + [key for key in inc if key not in out]

    def suppressions(self) -> list[Suppression]:
        """The accepted findings stored with the design."""
        return list(self._suppressions)

    # ------------------------------------------------------------- changes
    def add_node(
        self,
        node_id: str,
        kind: str,
        *,
        label: str = "",
        parent: str | None = None,
        x: float = 0.0,
        y: float = 0.0,
        w: float | None = None,
        h: float | None = None,
        props: Mapping[str, Any] | None = None,
        position: int | None = None,
        unknown: Mapping[str, str] | None = None,
    ) -> Node:
        """Add a node and return its snapshot.

        Args:
            position: where the node goes in the insertion order (its index in
                :meth:`node_ids`; None or past the end: last). Undo passes the
                index a removed node had, so the order, and the saved file, come
                back exactly. Its parent's children keep the same relative order
                (it goes before the first sibling that follows it). O(n).
            unknown: the properties the design does not know (name -> the source
                expression their value would come from); each must be a property of the kind.

        Raises:
            ModelError: the id is taken, the kind is unknown, the parent is
                missing or not a container, or a property is invalid.
        """
        if not isinstance(node_id, str) or not node_id:
            raise ModelError(f"node id must be a non-empty string, got {node_id!r}")
        if node_id in self._graph or node_id in self._edges:
            raise ModelError(f"duplicate id {node_id!r}")
        check_position(position, f"node {node_id!r}")
        where = f"node {node_id!r}"
        if self._schema is not None and not self._schema.has_kind(kind):
            raise ModelError(f"{where}: unknown kind {kind!r}")
        self._check_parent(node_id, parent)
        label = check_label(label, where)
        x = check_number(x, f"{where}: x")
        y = check_number(y, f"{where}: y")
        if w is not None:
            w = check_size(w, f"{where}: w")
        if h is not None:
            h = check_size(h, f"{where}: h")
        checked = self._validate_props(kind, props or {}, where)
        unknowns = self._checked_unknown(kind, unknown or {}, checked, where)
        self._graph.add_node(
            node_id, kind=kind, label=label, parent=parent, x=x, y=y, w=w, h=h, props=checked, unknown=unknowns
        )
        self._children[parent][node_id] = None
        if position is not None:
            move_last_node_to(self._graph, self._children[parent], position)
        if self._schema is None or self._schema.is_container(kind):
            self._children.setdefault(node_id, {})
        self._emit(ModelEvent("node_added", node_id))
        return self.node(node_id)

    def remove_node(self, node_id: str) -> Node:
        """Remove a node with its edges; its children move up to its parent.

        Callers that want a container and its contents gone remove the
        contents first (see :mod:`wadesk.editing`), so every removal is
        one event a listener can mirror.
        """
        before = self.node(node_id)
        for edge_id in self.edges_of(node_id):
            self.disconnect(edge_id)
        for child in list(self._children.get(node_id, {})):
            self.reparent(child, before.parent)
        self._children.pop(node_id, None)
        del self._children[before.parent][node_id]
        self._graph.remove_node(node_id)
        self._suppressions = [s for s in self._suppressions if s.node != node_id]
        self._emit(ModelEvent("node_removed", node_id, old=before))
        return before

    def move_node(
        self,
        node_id: str,
        x: float,
        y: float,
        w: float | None = None,
        h: float | None = None,
    ) -> None:
        """Move (and for containers, resize) a node. Its children do not move."""
        data = self._node_data(node_id)
        where = f"node {node_id!r}"
        old = (data["x"], data["y"], data["w"], data["h"])
        data["x"] = check_number(x, f"{where}: x")
        data["y"] = check_number(y, f"{where}: y")
        if w is not None:
            data["w"] = check_size(w, f"{where}: w")
        if h is not None:
            data["h"] = check_size(h, f"{where}: h")
        new = (data["x"], data["y"], data["w"], data["h"])
        if new != old:
            self._emit(ModelEvent("node_moved", node_id, old=old, new=new))

    def reparent(self, node_id: str, parent: str | None) -> None:
        """Put ``node_id`` inside container ``parent`` (None: top level)."""
        data = self._node_data(node_id)
        old = data["parent"]
        if old == parent:
            return
        self._check_parent(node_id, parent)
        del self._children[old][node_id]
        self._children[parent][node_id] = None
        data["parent"] = parent
        self._emit(ModelEvent("node_reparented", node_id, old=old, new=parent))

    def set_label(self, node_id: str, label: str) -> None:
        """Rename a node."""
        data = self._node_data(node_id)
        old = data["label"]
        if old != label:
            data["label"] = check_label(label, f"node {node_id!r}")
            self._emit(ModelEvent("node_label_changed", node_id, old=old, new=label))

    def set_property(self, node_id: str, name: str, value: Any) -> None:
        """Set one property of a node, checked against its kind's schema.

        A property the design did not know is known from now on (the user has stated it), even when the
        value given is the one it already held.
        """
        data = self._node_data(node_id)
        props = dict(data["props"])
        old = props.get(name)
        props[name] = value
        checked = self._validate_props(data["kind"], props, f"node {node_id!r}")
        stated = name in data["unknown"]
        if checked == data["props"] and not stated:
            return
        data["props"] = checked
        if stated:
            data["unknown"] = {key: text for key, text in data["unknown"].items() if key != name}
        self._emit(ModelEvent("node_props_changed", node_id, old={name: old}, new={name: checked.get(name)}))

    def set_props(self, node_id: str, props: Mapping[str, Any], unknown: Mapping[str, str] | None = None) -> None:
        """Replace every property of a node at once (missing ones take defaults).

        Args:
            unknown: the properties the node does not know from now on (None: those it did not know, less
                any whose value changes).
        """
        data = self._node_data(node_id)
        where = f"node {node_id!r}"
        checked = self._validate_props(data["kind"], props, where)
        old, was = data["props"], data["unknown"]
        if unknown is None:
            unknown = {key: text for key, text in was.items() if checked.get(key) == old.get(key)}
        unknowns = self._checked_unknown(data["kind"], unknown, checked, where)
        if checked == old and unknowns == was:
            return
        data["props"], data["unknown"] = checked, unknowns
        # Both hold every property, so a name that became known or unknown is among the names that changed.
        self._emit(ModelEvent("node_props_changed", node_id, old=dict(old), new=dict(checked)))

    def connect(
        self,
        edge_id: str,
        source: str,
        target: str,
        *,
        label: str = "",
        props: Mapping[str, Any] | None = None,
        position: int | None = None,
    ) -> Edge:
        """Add a directed flow from ``source`` to ``target``.

        Args:
            position: where the flow goes in the insertion order (its index in
                :meth:`edge_ids`; None or past the end: last), so undo can put a
                removed flow back where it was. O(n).
        """
        if not isinstance(edge_id, str) or not edge_id:
            raise ModelError(f"edge id must be a non-empty string, got {edge_id!r}")
        where = f"edge {edge_id!r}"
        check_position(position, where)
        if edge_id in self._edges or edge_id in self._graph:
            raise ModelError(f"duplicate id {edge_id!r}")
        for end, name in ((source, "source"), (target, "target")):
            if end not in self._graph:
                raise ModelError(f"{where}: {name} {end!r} is not a node of the design")
        label = check_label(label, where)
        checked = self._validate_edge_props(props or {}, where)
        self._graph.add_edge(source, target, key=edge_id, label=label, props=checked)
        self._edges[edge_id] = (source, target)
        if position is not None:
            move_last_to(self._edges, position)
        self._emit(ModelEvent("edge_added", edge_id))
        return self.edge(edge_id)

    def disconnect(self, edge_id: str) -> Edge:
        """Remove the flow ``edge_id`` and return what it was."""
        before = self.edge(edge_id)
        self._graph.remove_edge(before.source, before.target, key=edge_id)
        del self._edges[edge_id]
        self._emit(ModelEvent("edge_removed", edge_id, old=before))
        return before

    def set_edge_label(self, edge_id: str, label: str) -> None:
        """Rename a flow."""
        data = self._edge_data(edge_id)
        old = data["label"]
        if old != label:
            data["label"] = check_label(label, f"edge {edge_id!r}")
            self._emit(ModelEvent("edge_label_changed", edge_id, old=old, new=label))

    def set_edge_property(self, edge_id: str, name: str, value: Any) -> None:
        """Set one property of a flow."""
        data = self._edge_data(edge_id)
        props = dict(data["props"])
        old = props.get(name)
        props[name] = value
        checked = self._validate_edge_props(props, f"edge {edge_id!r}")
        if checked == data["props"]:
            return
        data["props"] = checked
        self._emit(ModelEvent("edge_props_changed", edge_id, old={name: old}, new={name: checked.get(name)}))

    def set_edge_props(self, edge_id: str, props: Mapping[str, Any]) -> None:
        """Replace every property of a flow at once."""
        data = self._edge_data(edge_id)
        checked = self._validate_edge_props(props, f"edge {edge_id!r}")
        old = data["props"]
        if checked == old:
            return
        data["props"] = checked
        self._emit(ModelEvent("edge_props_changed", edge_id, old=dict(old), new=dict(checked)))

    def add_suppression(self, suppression: Suppression, position: int | None = None) -> None:
        """Accept a finding (replacing an earlier acceptance of the same one).

        Args:
            position: its index in :meth:`suppressions` (None or past the end:
                last), so undo can put a withdrawn acceptance back where it was.
        """
        if suppression.node is not None and suppression.node not in self._graph:
            raise ModelError(f"suppression of {suppression.rule!r}: no node {suppression.node!r}")
        check_position(position, f"suppression of {suppression.rule!r}")
        self._suppressions = [s for s in self._suppressions if (s.rule, s.node) != (suppression.rule, suppression.node)]
        self._suppressions.insert(len(self._suppressions) if position is None else position, suppression)
        self._emit(ModelEvent("suppressions_changed", suppression.node))

    def remove_suppression(self, rule: str, node: str | None) -> Suppression | None:
        """Withdraw the acceptance of finding ``rule@node``; return it if it existed."""
        for index, existing in enumerate(self._suppressions):
            if (existing.rule, existing.node) == (rule, node):
                del self._suppressions[index]
                self._emit(ModelEvent("suppressions_changed", node))
                return existing
        return None

    def set_meta(self, name: str | None = None, description: str | None = None) -> None:
        """Change the design's name or description."""
        if name is not None:
            self.name = name
        if description is not None:
            self.description = description
        self._emit(ModelEvent("meta_changed", None))

    @property
    def scope(self) -> Scope:
        """What the design stands for: a ``workload`` (the account's baseline is assumed) or an ``account``."""
        return self._scope

    def set_scope(self, scope: Scope) -> None:
        """Say whether the design is a workload or a whole account."""
        old = self._scope
        self._scope = checked_scope(scope)
        if old != self._scope:
            self._emit(ModelEvent("scope_changed", None, old=old, new=self._scope))

    # ------------------------------------------------------------ helpers
    def copy(self) -> Architecture:
        """An independent copy without listeners."""
        other = Architecture(self._schema, self.name, self.description, self._scope)
        other._graph = copy.deepcopy(self._graph)
        other._node_attrs = other._graph._node
        other._edges = dict(self._edges)
        other._children = {key: dict(value) for key, value in self._children.items()}
        other._suppressions = list(self._suppressions)
        return other

    def _node_data(self, node_id: str) -> dict[str, Any]:
        try:
            data: dict[str, Any] = self._node_attrs[node_id]
        except KeyError:
            raise ModelError(f"no node with id {node_id!r}") from None
        return data

    def _edge_data(self, edge_id: str) -> dict[str, Any]:
        try:
            source, target = self._edges[edge_id]
        except KeyError:
            raise ModelError(f"no edge with id {edge_id!r}") from None
        data: dict[str, Any] = self._graph.edges[source, target, edge_id]
        return data

    def _check_parent(self, node_id: str, parent: str | None) -> None:
        if parent is None:
            return
        if parent not in self._graph:
            raise ModelError(f"node {node_id!r}: parent {parent!r} is not a node of the design")
        if parent not in self._children:
            raise ModelError(
                f"node {node_id!r}: parent {parent!r} is a {self.kind_of(parent)}, which cannot hold other nodes"
            )
        if parent == node_id or (node_id in self._graph and node_id in self.ancestors(parent)):
            raise ModelError(f"node {node_id!r}: putting it inside {parent!r} would make a cycle of parents")

    def _validate_props(self, kind: str, props: Mapping[str, Any], where: str) -> dict[str, Any]:
        if self._schema is None:
            return dict(props)
        return self._schema.validate_props(kind, props, where)

    def _checked_unknown(
        self, kind: str, unknown: Mapping[str, str], props: Mapping[str, Any], where: str
    ) -> dict[str, str]:
        if self._schema is None:
            return dict(unknown)
        return checked_unknown(unknown, props, kind, where)

    def _validate_edge_props(self, props: Mapping[str, Any], where: str) -> dict[str, Any]:
        if self._schema is None:
            return dict(props)
        return self._schema.validate_edge_props(props, where)
