"""A read-only view of a design for rules, with the derived facts they share cached."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from typing import Any, TypeVar

from wadesk.model import Architecture
from wadesk.model import queries as q
from wadesk.rules.flow_memo import ADMIN_PORTS, GROUP_KINDS, FlowMemo, carries_requests, is_administrative
from wadesk.rules.walks import Parents, Walk

T = TypeVar("T")

__all__ = ["ADMIN_PORTS", "GROUP_KINDS", "Context", "FlowMemo", "Parents", "carries_requests", "is_administrative"]


def _always(_node: str) -> bool:
    return True


class Context:
    """What rules may read. One context serves one analysis pass; never mutate the design.

    Args:
        arch: the design.
        memo: facts kept between passes by the analysis engine (None: compute everything afresh).
    """

    def __init__(self, arch: Architecture, memo: FlowMemo | None = None) -> None:
        self.arch = arch
        self._attrs = arch.node_attrs
        # networkx's own adjacency dicts (node -> neighbour -> edge key -> data), read without its views'
        # cost: rules read flows hundreds of thousands of times in one analysis of a large design.
        self._succ: dict[str, dict[str, dict[str, dict[str, Any]]]] = arch.graph._succ
        self._pred: dict[str, dict[str, dict[str, dict[str, Any]]]] = arch.graph._pred
        self._memo = memo if memo is not None else FlowMemo()
        self._groups: tuple[dict[str, list[str]], dict[str, list[str]]] | None = None
        self._cache: dict[object, Any] = {}
        self._focus: set[str] | None = None
        self._handed: dict[int | None, set[str]] = {}

    # ------------------------------------------------------------ nodes
    def kind(self, node_id: str) -> str:
        """Kind id of a node."""
        kind: str = self._attrs[node_id]["kind"]
        return kind

    def props(self, node_id: str) -> Mapping[str, Any]:
        """Properties of a node, defaults filled in."""
        props: Mapping[str, Any] = self._attrs[node_id]["props"]
        return props

    def prop(self, node_id: str, name: str, default: Any = None) -> Any:
        """One property of a node."""
        return self._attrs[node_id]["props"].get(name, default)

    def label(self, node_id: str) -> str:
        """What to call a node in a message: its label, else its id."""
        return self.arch.label_of(node_id)

    def nodes(self, *kinds: str) -> list[str]:
        """Ids of nodes of any of ``kinds`` (all nodes when none given), in insertion order."""
        lists = self._memo.node_lists  # which nodes there are changes with nodes only: kept between passes
        key = frozenset(kinds)
        found = lists.get(key)
        if found is None:
            if not kinds:
                found = self.arch.node_ids()
            else:
                index = self._kind_index()
                if len(kinds) == 1:
                    found = [node for _, node in index.get(kinds[0], ())]
                else:
                    merged = sorted(entry for kind in set(kinds) for entry in index.get(kind, ()))
                    found = [node for _, node in merged]
            lists[key] = found
        return list(found)

    def _kind_index(self) -> dict[str, list[tuple[int, str]]]:
        index = self._memo.kind_index
        if index is None:
            index = {}
            for position, (node, kind) in enumerate(self.arch.graph.nodes(data="kind")):
                index.setdefault(kind, []).append((position, node))
            self._memo.kind_index = index
        return index

    def position(self, node_id: str) -> int:
        """Where a node comes in the design's insertion order (to pick "the first" of several nodes stably)."""
        positions = self._memo.positions
        if positions is None:
            positions = {node: index for index, node in enumerate(self.arch.graph)}
            self._memo.positions = positions
        return positions[node_id]

    def subjects(self, *kinds: str) -> list[str]:
        """The nodes of ``kinds`` a rule judges (all when none given), in insertion order.

        A rule that declares a flow scope (see :data:`wadesk.rules.base.FlowScope`) takes the nodes it
        reports on from here: after a flow change, the engine narrows them to those the change can affect.
        """
        if self._focus is None:
            found = self.nodes(*kinds)
        else:
            wanted = frozenset(kinds)
            attrs = self._attrs
            found = [n for n in self._focus if n in attrs and (not wanted or attrs[n]["kind"] in wanted)]
            found.sort(key=self.position)
        self._handed.setdefault(self._focus_token(), set()).update(found)
        return found

    def focus_on(self, nodes: set[str] | None) -> None:
        """Narrow :meth:`subjects` to ``nodes`` (None: every node)."""
        self._focus = nodes

    def handed_out(self) -> set[str]:
        """Every node :meth:`subjects` handed out in this pass under the current focus."""
        return self._handed.get(self._focus_token(), set())

    def _focus_token(self) -> int | None:
        return None if self._focus is None else id(self._focus)

    def cached_for_subjects(self, key: object, compute: Callable[[], T]) -> T:
        """Like :meth:`cached`, for a fact built from :meth:`subjects` (kept per focus, so rules can share it)."""
        return self.cached((key, self._focus_token()), compute)

    def nodes_in(self, kinds: Iterable[str]) -> list[str]:
        """Ids of nodes whose kind is in ``kinds``."""
        return self.nodes(*sorted(kinds))

    def has_kind(self, *kinds: str) -> bool:
        """Whether the design has any node of ``kinds``."""
        return bool(self.nodes(*kinds))

    # -------------------------------------------------------- placement
    def parent(self, node_id: str) -> str | None:
        """The container directly around a node."""
        return self.arch.parent_of(node_id)

    def ancestors(self, node_id: str) -> list[str]:
        """Containers around a node, innermost first."""
        return self.arch.ancestors(node_id)

    def children(self, node_id: str | None) -> list[str]:
        """Direct children of a container."""
        return self.arch.children(node_id)

    def descendants(self, node_id: str) -> list[str]:
        """Every node inside a container."""
        return self.arch.descendants(node_id)

    def enclosing(self, node_id: str, *kinds: str) -> str | None:
        """Innermost container of ``kinds`` around a node."""
        return q.enclosing(self.arch, node_id, *kinds)

    def subnet_of(self, node_id: str) -> str | None:
        """The subnet around a node."""
        return q.subnet_of(self.arch, node_id)

    def vpc_of(self, node_id: str) -> str | None:
        """The VPC around a node."""
        return q.vpc_of(self.arch, node_id)

    def in_public_subnet(self, node_id: str) -> bool:
        """Whether the subnet around a node is public."""
        return q.in_public_subnet(self.arch, node_id)

    def zones_of(self, node_id: str) -> frozenset[str]:
        """AZs a node runs in (SPEC 3b); empty when the drawing does not say."""
        return q.zones_of(self.arch, node_id)

    def subnet_zone(self, subnet_id: str) -> str | None:
        """The AZ of a subnet."""
        return q.subnet_zone(self.arch, subnet_id)

    # ------------------------------------------------------------ flows
    def successors(self, node_id: str) -> list[str]:
        """Nodes a node sends to, reading flows to and from groups (see :meth:`_group_flows`)."""
        raw = list(self._succ[node_id])  # a MultiDiGraph lists each neighbour once
        extra = self._group_flows()[0].get(node_id)
        return list(dict.fromkeys(raw + extra)) if extra else raw

    def predecessors(self, node_id: str) -> list[str]:
        """Nodes that send to a node, reading flows to and from groups."""
        raw = list(self._pred[node_id])
        extra = self._group_flows()[1].get(node_id)
        return list(dict.fromkeys(raw + extra)) if extra else raw

    def neighbours(self, node_id: str) -> list[str]:
        """Nodes joined to a node by a flow either way."""
        return list(dict.fromkeys([*self.successors(node_id), *self.predecessors(node_id)]))

    def sends_to(self, node_id: str, *kinds: str) -> bool:
        """Whether a node sends directly to a node of ``kinds``."""
        wanted = set(kinds)
        return any(self.kind(target) in wanted for target in self.successors(node_id))

    def receives_from(self, node_id: str, *kinds: str) -> bool:
        """Whether a node of ``kinds`` sends directly to a node."""
        wanted = set(kinds)
        return any(self.kind(source) in wanted for source in self.predecessors(node_id))

    def members(self, group_id: str) -> list[str]:
        """The components inside a group container (its descendants that are not containers)."""
        return [n for n in self.descendants(group_id) if not self.arch.is_container(n)]

    def _group_flows(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        """Flows implied by flows drawn to or from an auto scaling group or a security group.

        Designers often draw ``alb -> auto_scaling_group``: the requests reach
        every instance inside the group, and an instance sends wherever an
        arrow leaves its group. Returns extra successors and predecessors.
        """
        if self._groups is None:
            if self._memo.groups is None:
                graph = self.arch.graph

                def targets_of(group: str) -> list[str]:
                    # What the Auto Scaling service reports about a group does not come from its instances.
                    return [
                        target
                        for target, edges in graph.adj[group].items()
                        if not all(data["props"].get("service_notifications") for data in edges.values())
                    ]

                self._memo.groups = self._expand_groups(targets_of, lambda group: graph.predecessors(group))
            self._groups = self._memo.groups
        return self._groups

    def _expand_groups(
        self,
        targets_of: Callable[[str], Iterable[str]],
        sources_of: Callable[[str], Iterable[str]],
    ) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        extra_succ: dict[str, list[str]] = {}
        extra_pred: dict[str, list[str]] = {}
        succ, pred = self._succ, self._pred
        groups = [g for g in self.nodes(*GROUP_KINDS) if succ[g] or pred[g]]
        if not groups:
            return extra_succ, extra_pred
        members = {g: self.members(g) for g in groups}
        for group in groups:
            for target in targets_of(group):
                for member in members[group]:
                    for end in (target, *members.get(target, ())):
                        if end != member:
                            extra_succ.setdefault(member, []).append(end)
                            extra_pred.setdefault(end, []).append(member)
            for source in sources_of(group):
                for start in (source, *members.get(source, ())):
                    for member in members[group]:
                        if start != member:
                            extra_succ.setdefault(start, []).append(member)
                            extra_pred.setdefault(member, []).append(start)
        return extra_succ, extra_pred

    # ------------------------------------------------- request paths
    def is_administrative(self, props: Mapping[str, Any]) -> bool:
        """Whether a flow is an administrator's session (marked ``administrative``, or to port 22 or 3389)."""
        return is_administrative(props)

    def administrative_flows(self) -> list[tuple[str, str, str]]:
        """``(edge id, source, target)`` of every administrative flow, in the order the design lists flows."""
        memo = self._memo
        if memo.admin is None:
            memo.admin = {
                key: (source, target)
                for source, targets in self._succ.items()
                for target, keyed in targets.items()
                for key, data in keyed.items()
                if is_administrative(data["props"])
            }
            memo.admin_order = None
        if memo.admin_order is None:
            succ = self._succ

            def listed(item: tuple[str, tuple[str, str]]) -> tuple[int, int, int]:
                key, (source, target) = item
                return self.position(source), list(succ[source]).index(target), list(succ[source][target]).index(key)

            ordered = sorted(memo.admin.items(), key=listed)
            memo.admin_order = [(key, source, target) for key, (source, target) in ordered]
        return memo.admin_order

    def carries_requests(self, props: Mapping[str, Any]) -> bool:
        """Whether a flow can carry a request onwards: not an administrator's session, not a service's notices."""
        return carries_requests(props)

    def _quiet_flows(self) -> frozenset[str]:
        """Ids of the flows that carry no request (administrative sessions, service notifications)."""
        if self._memo.quiet is None:
            self._memo.quiet = frozenset(
                key
                for targets in self._succ.values()
                for keyed in targets.values()
                for key, data in keyed.items()
                if not carries_requests(data["props"])
            )
        return self._memo.quiet

    def request_successors(self, node_id: str) -> list[str]:
        """Where requests go next from a node: :meth:`successors` along flows that carry requests.

        An SSH or RDP session reaches the host it connects to, but carries no
        user's request onwards to what that host calls; a topic that receives an
        auto scaling group's lifecycle notifications (``service_notifications``)
        receives no request at all.
        """
        quiet = self._quiet_flows()
        if not quiet:
            return self.successors(node_id)
        raw = [target for target, keyed in self._succ[node_id].items() if not quiet.issuperset(keyed)]
        extra = self._request_groups()[0].get(node_id)
        return list(dict.fromkeys(raw + extra)) if extra else raw

    def request_predecessors(self, node_id: str) -> list[str]:
        """Where requests to a node come from: :meth:`predecessors` along flows that carry requests."""
        quiet = self._quiet_flows()
        if not quiet:
            return self.predecessors(node_id)
        raw = [source for source, keyed in self._pred[node_id].items() if not quiet.issuperset(keyed)]
        extra = self._request_groups()[1].get(node_id)
        return list(dict.fromkeys(raw + extra)) if extra else raw

    def _request_groups(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        """:meth:`_group_flows` along the flows that carry requests (kept between passes like it)."""
        if self._memo.request_groups is None:
            quiet = self._quiet_flows()
            succ, pred = self._succ, self._pred

            def targets_of(group: str) -> list[str]:
                return [target for target, keyed in succ[group].items() for key in keyed if key not in quiet]

            def sources_of(group: str) -> list[str]:
                # In the order the design's flows are listed (by source), as a walk over all flows meets them.
                ordered = sorted(pred[group].items(), key=lambda item: self.position(item[0]))
                return [source for source, keyed in ordered for key in keyed if key not in quiet]

            self._memo.request_groups = self._expand_groups(targets_of, sources_of)
        return self._memo.request_groups

    def out_edges(self, node_id: str) -> list[tuple[str, str, Mapping[str, Any]]]:
        """``(edge id, target, props)`` of every flow leaving a node."""
        return [
            (key, target, data["props"]) for target, keyed in self._succ[node_id].items() for key, data in keyed.items()
        ]

    def in_edges(self, node_id: str) -> list[tuple[str, str, Mapping[str, Any]]]:
        """``(edge id, source, props)`` of every flow reaching a node."""
        # In the order networkx's in_edges gives.
        return [
            (key, source, data["props"])
            for source, keyed in self._pred[node_id].items()
            for key, data in keyed.items()
        ]

    def edges(self) -> list[tuple[str, str, str, Mapping[str, Any]]]:
        """``(edge id, source, target, props)`` of every flow."""
        return [(key, s, t, data["props"]) for s, t, key, data in self.arch.graph.edges(keys=True, data=True)]

    def edge_label(self, edge_id: str) -> str:
        """The label of a flow."""
        return self.arch.edge(edge_id).label

    def has_dead_letter_queue(self, node_id: str) -> bool:
        """Whether a node sends to a dead-letter queue (SPEC 3b).

        A flow to an SQS queue or SNS topic counts when the flow is marked
        ``dead_letter`` (labels are names, never read for meaning).
        """
        return any(
            props.get("dead_letter") and self.kind(target) in ("sqs", "sns")
            for _edge_id, target, props in self.out_edges(node_id)
        )

    def reach(
        self,
        sources: Iterable[str],
        through: Callable[[str], bool] | None = None,
        key: object = None,
        variant: object = None,
    ) -> Parents:
        """Nodes that requests from ``sources`` can reach along flows, each mapped to the node it was reached from.

        The node reached from lies on a shortest path (see :mod:`wadesk.rules.walks`). Administrative flows
        carry no request. ``through(node)`` says whether a
        path may continue past ``node`` (default: always); nodes where it may
        not are still returned. Sources map to None and always pass.

        With a ``key``, the walk is kept between analysis passes and repaired
        where flows changed (see :class:`FlowMemo`): ``through`` must then read
        only kinds and properties, and ``variant`` must hold everything else it
        depends on (a walk kept under the same key with another variant is replaced).
        """
        starts = tuple(dict.fromkeys(sources))
        passes = through if through is not None else _always
        if key is not None:
            kept = self._memo.reaches.get(key)
            if kept is not None and kept.matches(starts, variant):
                kept.repair(self.request_successors, self.request_predecessors, passes, self.position)
                return kept.parents
        walk = Walk(starts, variant)
        walk.run(self.request_successors, passes, self.position)
        if key is not None:
            self._memo.reaches[key] = walk
        return walk.parents

    def reachable(
        self, sources: Iterable[str], through: Callable[[str], bool] | None = None, key: object = None
    ) -> AbstractSet[str]:
        """The nodes of :meth:`reach` (``key``: keep the walk between passes, as there)."""
        return self.reach(sources, through, key).keys()

    def from_internet(self) -> AbstractSet[str]:
        """Every node a request from ``internet`` can reach (the internet nodes included)."""
        return self.cached("from_internet", lambda: self.reachable(self.nodes("internet"), key="from_internet"))

    def directly_from_internet(self) -> set[str]:
        """Nodes that receive flows straight from an ``internet`` node."""

        def compute() -> set[str]:
            out: set[str] = set()
            for source in self.nodes("internet"):
                out.update(self.request_successors(source))
            return out

        return self.cached("directly_from_internet", compute)

    # ------------------------------------------------------------ cache
    def cached(self, key: object, compute: Callable[[], T]) -> T:
        """A fact computed once per analysis pass."""
        if key not in self._cache:
            self._cache[key] = compute()
        value: T = self._cache[key]
        return value

    def per_node(self, key: object, node_id: str, compute: Callable[[str], T]) -> T:
        """A fact about one node, kept between analysis passes until the node's own flows change.

        ``compute(node_id)`` may read the node's kind, the properties its rule
        declares in ``reads``, and its own flows (its successors, predecessors
        and neighbours, a group's flows included): a flow change recomputes it
        for the flow's two ends and a group end's members.
        """
        facts = self._memo.node_facts.setdefault(key, {})
        if node_id in facts:
            value: T = facts[node_id]
            return value
        value = compute(node_id)
        facts[node_id] = value
        return value

    def per_flow(self, key: object, edge_id: str, compute: Callable[[str], T]) -> T:
        """A fact about one flow, kept between analysis passes until the flow is edited or removed.

        ``compute(edge_id)`` may read the flow's properties, its ends' kinds,
        labels and placement, and the properties its rule declares in
        ``reads``; never another flow.
        """
        facts = self._memo.flow_facts.setdefault(key, {})
        if edge_id in facts:
            value: T = facts[edge_id]
            return value
        value = compute(edge_id)
        facts[edge_id] = value
        return value

    def lasting(self, key: object, compute: Callable[[], T]) -> T:
        """A fact that reads no flow, kept between analysis passes until a node, a container or a property changes.

        ``compute`` may read kinds, containment and the properties its rule
        declares in ``reads`` (a change of any of them drops the fact), never flows.
        """
        kept = self._memo.lasting
        if key not in kept:
            kept[key] = compute()
        value: T = kept[key]
        return value
