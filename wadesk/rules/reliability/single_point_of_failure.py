"""A single, non-redundant component that every request from the internet to some data store must cross."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.groups import DATA_STORES, OBSERVERS, PLACEMENT_READS, SERVER_COMPUTE
from wadesk.rules.reliability._common import known_zones

META = RuleMeta(
    id="REL-SPOF",
    title="Single point of failure between users and data",
    pillar="reliability",
    severity="high",
    wa_bp="REL10-BP01",
    rationale=(
        "Every path from the users to the data runs through this one component and it has no redundant "
        "copy in another Availability Zone, so a single host, task or zone failure cuts users off from the "
        "data until someone rebuilds it."
    ),
    remediation=(
        "Make the component redundant: run it as several instances in an auto_scaling_group whose subnets "
        "are in two or more AZs behind a load balancer (or an ECS service with tasks in two AZs); for "
        "Amazon MQ use an ACTIVE_STANDBY_MULTI_AZ or CLUSTER_MULTI_AZ broker. "
        "Alternatively add a second path to the data that does not go through it."
    ),
    securityhub=(),
    checkov=(),
)

_ROOT = object()  # a virtual node joined to every internet node


def _single(ctx: Context, node_id: str) -> bool:
    """Whether a node is one non-redundant instance (managed regional services never are)."""
    kind = ctx.kind(node_id)
    if kind == "ec2" and ctx.prop(node_id, "workload") == "bastion":
        return False  # an administrator's way in, not the users' path to the data
    if kind in SERVER_COMPUTE:
        zones = known_zones(ctx, node_id)
        return zones is not None and len(zones) == 1
    # NAT gateways are redundant within their zone; one NAT for several zones is REL-SINGLE-NAT's finding.
    if kind == "mq":
        return bool(ctx.prop(node_id, "deployment_mode") == "SINGLE_INSTANCE")
    return False


def _cut_vertices_to_data(ctx: Context) -> dict[str, str]:
    """Map each node whose removal separates every internet node from some data store to one such store.

    Works on the undirected graph of the nodes reachable from the internet
    (monitoring and key services left out), joined to one virtual root: a
    node that separates the root from a store there also lies on every
    directed path to it. One iterative depth-first search (Tarjan's
    articulation points), linear in nodes and flows.
    """
    internet = ctx.nodes("internet")
    if not internet:
        return {}
    reach = ctx.reachable(internet, through=lambda n: ctx.kind(n) not in OBSERVERS)
    reach = {n for n in reach if ctx.kind(n) not in OBSERVERS}
    adj: dict[object, set[object]] = {n: set() for n in reach}
    adj[_ROOT] = set(internet)
    for source in internet:
        adj[source].add(_ROOT)
    for source in reach:
        for target in ctx.request_successors(source):
            if target in reach and target != source:
                adj[source].add(target)
                adj[target].add(source)

    disc: dict[object, int] = {_ROOT: 0}
    low: dict[object, int] = {_ROOT: 0}
    store: dict[object, str | None] = {_ROOT: None}  # one data store in the DFS subtree
    cuts: dict[str, str] = {}
    stack: list[tuple[object, object | None, Iterator[object]]] = [(_ROOT, None, iter(adj[_ROOT]))]
    counter = 1
    while stack:
        node, parent, it = stack[-1]
        advanced = False
        for nxt in it:
            if nxt == parent:
                continue
            if nxt in disc:
                low[node] = min(low[node], disc[nxt])
                continue
            disc[nxt] = low[nxt] = counter
            counter += 1
            store[nxt] = nxt if isinstance(nxt, str) and ctx.kind(nxt) in DATA_STORES else None
            stack.append((nxt, node, iter(adj[nxt])))
            advanced = True
            break
        if advanced:
            continue
        stack.pop()
        if parent is None:
            continue
        low[parent] = min(low[parent], low[node])
        child_store = store[node]
        if child_store is not None:
            if parent is not _ROOT and low[node] >= disc[parent] and isinstance(parent, str):
                cuts.setdefault(parent, child_store)
            if store[parent] is None:
                store[parent] = child_store
    return cuts


def check(ctx: Context) -> Iterator[Hit]:
    """Report single-instance components that lie on every path from the internet to a data store."""
    # Nothing could be a single point, so the graph search can be skipped. Placement and properties
    # decide that, not flows, so the answer outlives a flow edit.
    candidates = ctx.nodes(*SERVER_COMPUTE, "mq")
    if not ctx.lasting((META.id, "any single"), lambda: any(_single(ctx, n) for n in candidates)):
        return
    for node_id, data in ctx.cached(("rel", "cut_vertices_to_data"), lambda: _cut_vertices_to_data(ctx)).items():
        if ctx.kind(node_id) in DATA_STORES or not _single(ctx, node_id):
            continue
        zones = known_zones(ctx, node_id) if ctx.kind(node_id) in SERVER_COMPUTE else None
        what = f"which runs only in {next(iter(zones))}" if zones else "which is a single instance"
        yield Hit(
            node_id,
            f"Every request from the internet to {ctx.label(data)} passes through {ctx.label(node_id)}, "
            f"{what} with no redundant path around it: if it fails, users lose access to that data.",
        )


RULE = graph_rule(META, check, reads={**PLACEMENT_READS, "mq": {"deployment_mode"}, "ec2": {"workload"}})
