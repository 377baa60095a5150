"""A compute tier whose every member runs in the same single Availability Zone."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.groups import PLACEMENT_READS, SERVER_COMPUTE
from wadesk.rules.reliability._common import NOT_REQUEST_SOURCES, known_zones

META = RuleMeta(
    id="REL-SINGLE-AZ-TIER",
    title="Compute tier confined to one Availability Zone",
    pillar="reliability",
    severity="high",
    wa_bp="REL10-BP01",
    rationale=(
        "When every server of a tier lives in the same zone, a zone outage, a power or network event in "
        "that data centre, or a capacity shortage there takes the whole tier down at once, and nothing "
        "upstream can route around it."
    ),
    remediation=(
        "Run the tier in at least two Availability Zones: put its instances in an auto_scaling_group whose "
        "subnets are in two or more AZs, or add a member in a subnet of a second AZ behind the same load balancer."
    ),
    securityhub=(),
    checkov=(),
)


#: Work sources that consumers poll: workers drawn sending to the same queue or stream form one pool.
_POLLED = frozenset({"sqs", "kinesis", "msk", "mq"})


class _Tiers:
    """Union-find over server compute: nodes that do the same job end up in one tier."""

    def __init__(self, nodes: list[str]) -> None:
        self._parent = {node: node for node in nodes}

    def find(self, node: str) -> str:
        root = node
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[node] != root:
            self._parent[node], node = root, self._parent[node]
        return root

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self._parent[rb] = ra
        return True


def _downstream(ctx: Context, node_id: str, hops: int = 3) -> set[str]:
    """Nodes a few flows downstream of ``node_id``, leaving out observers and managers."""
    frontier, seen = [node_id], {node_id}
    for _ in range(hops):
        following = []
        for current in frontier:
            for target in ctx.successors(current):
                if target not in seen and ctx.kind(target) not in NOT_REQUEST_SOURCES:
                    seen.add(target)
                    following.append(target)
        frontier = following
    seen.discard(node_id)
    return seen


def _role(ctx: Context, node_id: str) -> tuple[str, str]:
    kind = ctx.kind(node_id)
    return kind, str(ctx.prop(node_id, "workload", "")) if kind == "ec2" else ""


def _build_tiers(ctx: Context, members: list[str]) -> _Tiers:
    """Group members into tiers.

    Two nodes of the same kind (and, for EC2, the same workload) share a tier
    when one upstream node sends work to both (a load balancer and its
    targets), when both pull from the same queue or stream (a worker pool),
    when nothing sends them work, they sit in the same VPC and their work
    flows to the same place (one worker drawn per AZ), or when their upstream nodes share a tier themselves:
    web-a -> app-a and web-b -> app-b drawn as two AZ columns are one app tier.
    """
    tiers = _Tiers(members)
    by_source: dict[tuple[object, ...], list[str]] = defaultdict(list)
    requesters: dict[str, list[str]] = {}
    for member in members:
        role = _role(ctx, member)
        sources = [p for p in ctx.predecessors(member) if ctx.kind(p) not in NOT_REQUEST_SOURCES]
        requesters[member] = sources
        for source in sources:
            by_source[(source, role)].append(member)
        for target in ctx.successors(member):
            if ctx.kind(target) in _POLLED:
                by_source[(target, role)].append(member)
        if not sources:
            # Nothing drawn sends it work (a worker, a scheduled job): copies of the same role in one
            # VPC whose work ends up in the same place are one pool, drawn one worker per AZ.
            for target in _downstream(ctx, member):
                by_source[("<self-started>", target, role, ctx.vpc_of(member) or "")].append(member)
    for group in by_source.values():
        for other in group[1:]:
            tiers.union(group[0], other)
    known = set(members)
    changed = True
    while changed:
        changed = False
        by_upstream_tier: dict[tuple[str, tuple[str, str]], str] = {}
        for member in members:
            role = _role(ctx, member)
            for source in requesters[member]:
                if source not in known:
                    continue
                key = (tiers.find(source), role)
                first = by_upstream_tier.setdefault(key, member)
                if first != member and tiers.union(first, member):
                    changed = True
    return tiers


def _members(ctx: Context) -> tuple[list[str], bool]:
    """Server compute that forms tiers (a jump host does not), and whether any of it runs in one known zone."""
    members = [
        m for m in ctx.nodes_in(SERVER_COMPUTE) if not (ctx.kind(m) == "ec2" and ctx.prop(m, "workload") == "bastion")
    ]
    return members, any(len(known_zones(ctx, m) or ()) == 1 for m in members)


def check(ctx: Context) -> Iterator[Hit]:
    """Report server compute whose tier runs in exactly one known Availability Zone.

    A tier is built by :func:`_build_tiers`. It is reported only when every
    member has a known placement and together they run in one AZ; a lone node
    is a tier of one.
    """
    # A tier is reported only when each of its members runs in one known zone: when no member does,
    # the tiers (which read flows) need not be built. Placement reads no flow, so this outlives a flow edit.
    members, any_in_one_zone = ctx.lasting((META.id, "members"), lambda: _members(ctx))
    if not members or not any_in_one_zone:
        return
    tiers = _build_tiers(ctx, members)
    groups: dict[str, list[str]] = defaultdict(list)
    for member in members:
        groups[tiers.find(member)].append(member)
    for tier in groups.values():
        zones = [known_zones(ctx, m) for m in tier]
        if any(z is None for z in zones):
            continue
        union = set().union(*(z for z in zones if z is not None))
        if len(union) != 1:
            continue
        zone = next(iter(union))
        for member in tier:
            yield Hit(member, _message(ctx, member, len(tier) - 1, zone))


def _message(ctx: Context, member: str, peers: int, zone: str) -> str:
    if peers:
        return (
            f"{ctx.label(member)} and the {peers} other member(s) of its tier all run in {zone}: "
            "losing that Availability Zone stops the whole tier."
        )
    group = ctx.enclosing(member, "auto_scaling_group")
    if group is not None:
        return (
            f"{ctx.label(member)} runs in auto scaling group {ctx.label(group)}, whose subnets are all in {zone}: "
            "however many instances it starts, losing that Availability Zone stops them all."
        )
    count = ctx.prop(member, "desired_count") if ctx.kind(member) == "ecs_service" else None
    if isinstance(count, int) and count > 1:
        return (
            f"All {count} tasks of {ctx.label(member)} run in {zone}, the only Availability Zone its placement "
            "shows: losing that zone stops the service."
        )
    return (
        f"{ctx.label(member)} is the only member of its tier and runs in {zone} alone: losing that "
        "Availability Zone stops it."
    )


RULE = graph_rule(META, check, reads={**PLACEMENT_READS, "ec2": {"workload"}, "ecs_service": {"desired_count"}})
