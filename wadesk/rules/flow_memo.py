"""What a design's flows imply, kept between analysis passes and dropped piece by piece as the design changes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wadesk.model import Architecture
from wadesk.rules.walks import Walk

#: Containers that stand for a group of instances: a flow drawn to or from one is a flow of its members.
GROUP_KINDS = ("auto_scaling_group", "security_group")

#: Ports of remote administration (SSH, RDP): a flow to one is an administrator's session, not a request.
ADMIN_PORTS = frozenset({22, 3389})


def is_administrative(props: Mapping[str, Any]) -> bool:
    """Whether a flow is an administrator's session (marked ``administrative``, or to port 22 or 3389)."""
    return bool(props.get("administrative")) or props.get("port") in ADMIN_PORTS


def carries_requests(props: Mapping[str, Any]) -> bool:
    """Whether a flow can carry a request onwards: not an administrator's session, not a service's notices."""
    return not (is_administrative(props) or props.get("service_notifications"))


def _with_members(arch: Architecture, node_id: str, kind: str) -> list[str]:
    if kind not in GROUP_KINDS:
        return [node_id]
    return [node_id, *(n for n in arch.descendants(node_id) if not arch.is_container(n))]


class FlowMemo:
    """Facts about a design's flows that outlive one analysis pass, each dropped when a change can alter it.

    The analysis engine owns one per design and tells it of every change; a
    :class:`Context` built with it reads these facts instead of computing them
    again. A walk along request flows is not dropped when a flow changes: it
    notes the flow's target and repairs itself there when next read (see
    :class:`wadesk.rules.walks.Walk`).
    """

    def __init__(self) -> None:
        self.kind_index: dict[str, list[tuple[int, str]]] | None = None
        self.groups: tuple[dict[str, list[str]], dict[str, list[str]]] | None = None
        #: The same along the flows that carry requests (see :meth:`Context.request_successors`).
        self.request_groups: tuple[dict[str, list[str]], dict[str, list[str]]] | None = None
        #: The administrative flows, by id: (source, target).
        self.admin: dict[str, tuple[str, str]] | None = None
        #: :attr:`admin` in the order the design lists its flows.
        self.admin_order: list[tuple[str, str, str]] | None = None
        self.quiet: frozenset[str] | None = None
        self.positions: dict[str, int] | None = None
        self.node_lists: dict[frozenset[str], list[str]] = {}
        self.reaches: dict[object, Walk] = {}
        #: Facts that read no flow (see :meth:`Context.lasting`).
        self.lasting: dict[object, Any] = {}
        #: Facts about one node that read its own flows (see :meth:`Context.per_node`), by key and node.
        self.node_facts: dict[object, dict[str, Any]] = {}
        #: Facts about one flow (see :meth:`Context.per_flow`), by key and flow id.
        self.flow_facts: dict[object, dict[str, Any]] = {}

    def clear(self) -> None:
        """Forget everything (nodes, containment or properties changed)."""
        self.kind_index = None
        self.groups = None
        self.request_groups = None
        self.admin = None
        self.admin_order = None
        self.quiet = None
        self.positions = None
        self.node_lists.clear()
        self.reaches.clear()
        self.lasting.clear()
        self.node_facts.clear()
        self.flow_facts.clear()

    def forget_derived(self) -> None:
        """Forget the walks and the facts that read properties (a property that a graph rule reads changed)."""
        self.reaches.clear()
        self.lasting.clear()
        self.node_facts.clear()
        self.flow_facts.clear()

    def flow_changed(
        self, arch: Architecture, edge_id: str, source: str, target: str, props: Mapping[str, Any], drawn: bool
    ) -> None:
        """Flow ``edge_id`` from ``source`` to ``target``, with ``props``, was drawn (or removed)."""
        self._forget_flow(edge_id)
        kinds = (arch.kind_of(source), arch.kind_of(target))
        if any(kind in GROUP_KINDS for kind in kinds):
            self.groups = None  # flows to and from groups reach their members
            self.request_groups = None
        targets = _with_members(arch, target, kinds[1])
        self._forget_facts_of([*_with_members(arch, source, kinds[0]), *targets])
        if not carries_requests(props):
            # Administrative sessions and service notifications carry no request: the walks stand as they are.
            if self.quiet is not None:
                self.quiet = self.quiet | {edge_id} if drawn else self.quiet - {edge_id}
            if self.admin is not None and is_administrative(props):
                if drawn:
                    self.admin[edge_id] = (source, target)
                else:
                    self.admin.pop(edge_id, None)
                self.admin_order = None
            return
        self._walks_reach(targets)

    def flow_edited(self, arch: Architecture, edge_id: str, source: str, target: str) -> None:
        """A flow's properties changed (it may have become administrative, or stopped being so)."""
        self._forget_flow(edge_id)
        self.groups = None
        self.request_groups = None
        self.admin = None
        self.admin_order = None
        self.quiet = None
        targets = _with_members(arch, target, arch.kind_of(target))
        self._forget_facts_of([*_with_members(arch, source, arch.kind_of(source)), *targets])
        self._walks_reach(targets)

    def _forget_flow(self, edge_id: str) -> None:
        for facts in self.flow_facts.values():
            facts.pop(edge_id, None)

    def _forget_facts_of(self, nodes: list[str]) -> None:
        """The flows of ``nodes`` changed (a group's members have its flows): their own facts are stale."""
        for facts in self.node_facts.values():
            for node in nodes:
                facts.pop(node, None)

    def _walks_reach(self, targets: list[str]) -> None:
        """Requests into ``targets`` may now go another way: each walk repairs itself there when next read.

        A flow to or from a group is a flow of its members too, so the targets include a target group's members.
        """
        for walk in self.reaches.values():
            walk.pending.update(targets)
