"""A compute tier whose every member runs in the same single Availability Zone."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.groups import PLACEMENT_READS, SERVER_COMPUTE
from wadesk.rules.reliability._common import ASG, NOT_REQUEST_SOURCES, known_zones

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


def _tier_members(ctx: Context, node_id: str) -> list[str]:
    """Server compute that receives what ``node_id`` sends: its successors, an ASG target standing for its members."""
    out: list[str] = []
    for target in ctx.successors(node_id):
        kind = ctx.kind(target)
        if kind in SERVER_COMPUTE:
            out.append(target)
        elif kind == ASG:
            out.extend(d for d in ctx.descendants(target) if ctx.kind(d) in SERVER_COMPUTE)
    return out


def check(ctx: Context) -> Iterator[Hit]:
    """Report server compute whose tier (peers of its kind fed by a common upstream node) spans one known AZ.

    A node's peers are the nodes of the same kind that some upstream node of
    it also sends to. The node is reported only when it and all those peers
    have a known placement and together run in exactly one AZ.
    """
    members = ctx.nodes_in(SERVER_COMPUTE)
    if not members:
        return
    zones: dict[str, frozenset[str] | None] = {m: known_zones(ctx, m) for m in members}

    # Each (upstream node, kind) pair is a tier; summarise its zones once (None: some member unknown).
    tiers_of: dict[str, list[tuple[str, str]]] = defaultdict(list)
    tier_zones: dict[tuple[str, str], set[str] | None] = {}
    tier_size: dict[tuple[str, str], int] = defaultdict(int)
    upstream = {p for m in members for p in ctx.predecessors(m)}
    upstream.update(p for g in ctx.nodes(ASG) for p in ctx.predecessors(g))
    upstream = {p for p in upstream if ctx.kind(p) not in NOT_REQUEST_SOURCES}
    for source in upstream:
        for member in dict.fromkeys(_tier_members(ctx, source)):
            tier = (source, ctx.kind(member))
            tiers_of[member].append(tier)
            tier_size[tier] += 1
            member_zones = zones[member]
            current = tier_zones.setdefault(tier, set())
            if current is None:
                continue
            if member_zones is None:
                tier_zones[tier] = None
            else:
                current.update(member_zones)

    for member in members:
        if ctx.kind(member) == "ec2" and ctx.prop(member, "workload") == "bastion":
            continue  # an administrator's jump host, not a serving tier
        own = zones[member]
        if own is None or len(own) != 1:
            continue
        union = set(own)
        unknown = False
        peers = 0
        for tier in tiers_of.get(member, []):
            tz = tier_zones[tier]
            if tz is None:
                unknown = True
                break
            union |= tz
            peers = max(peers, tier_size[tier] - 1)
        if unknown or len(union) != 1:
            continue
        zone = next(iter(union))
        if peers:
            message = (
                f"{ctx.label(member)} and the {peers} other member(s) of its tier all run in {zone}: "
                "losing that Availability Zone stops the whole tier."
            )
        else:
            message = (
                f"{ctx.label(member)} is the only member of its tier and runs in {zone} alone: losing that "
                "Availability Zone stops it."
            )
        yield Hit(member, message)


RULE = graph_rule(META, check, reads={**PLACEMENT_READS, "ec2": {"workload"}})
