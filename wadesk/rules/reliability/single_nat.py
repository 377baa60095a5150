"""One NAT gateway serving private subnets in several Availability Zones."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.groups import COMPUTE, PLACEMENT_READS
from wadesk.rules.reliability._common import ASG, drawn_zone, private_zones, zone_list

META = RuleMeta(
    id="REL-SINGLE-NAT",
    title="One NAT gateway serves several Availability Zones",
    pillar="reliability",
    severity="medium",
    wa_bp="REL10-BP01",
    rationale=(
        "A NAT gateway lives in one zone. Private subnets of other zones that route through it lose all "
        "outbound access when that zone fails, so their zone is healthy but their workload still breaks, "
        "and the cross-zone traffic is charged too."
    ),
    remediation=(
        "Add a nat_gateway in a public subnet of every AZ that has private subnets, and route each private "
        "subnet to the NAT gateway of its own AZ (draw the flows from each zone's workload to its own NAT)."
    ),
    securityhub=(),
    checkov=(),
)


def _served_by_flows(ctx: Context, nat: str) -> set[str]:
    """Zones of the private subnets whose nodes send flows to ``nat``."""
    zones: set[str] = set()
    for source in ctx.predecessors(nat):
        zones |= private_zones(ctx, source)
    return zones


def _borrowed_zones(ctx: Context, nat: str, zone: str) -> set[str]:
    """Zones other than ``zone`` whose senders reach out through ``nat`` and no NAT of their own zone."""
    borrowed: set[str] = set()
    for sender in ctx.predecessors(nat):
        own_nats = {drawn_zone(ctx, n) for n in ctx.successors(sender) if ctx.kind(n) == "nat_gateway"}
        if None in own_nats:
            continue  # a NAT gateway of unknown zone may be the sender's own
        borrowed |= {z for z in private_zones(ctx, sender) if z != zone and z not in own_nats}
    return borrowed


def _served_by_vpc(ctx: Context, vpc: str) -> set[str]:
    """Zones of the private subnets of ``vpc`` that hold compute (which may need to reach out)."""
    zones: set[str] = set()
    for node_id in ctx.descendants(vpc):
        kind = ctx.kind(node_id)
        if kind in COMPUTE or kind == ASG:
            zones |= private_zones(ctx, node_id)
    return zones


def check(ctx: Context) -> Iterator[Hit]:
    """Report a NAT gateway that serves 2+ AZs when some of those AZs have no NAT gateway of their own.

    The zones a NAT serves come from the private-subnet nodes that send to it;
    in a VPC where nothing is drawn sending to a NAT, a lone NAT gateway serves
    every private subnet of its VPC that holds compute.
    """
    judged = set(ctx.subjects("nat_gateway"))
    if not judged:
        return
    nats = ctx.nodes("nat_gateway")
    by_vpc: dict[str | None, list[str]] = defaultdict(list)
    for nat in nats:
        by_vpc[ctx.vpc_of(nat)].append(nat)

    for vpc, group in by_vpc.items():
        own_zone = {nat: drawn_zone(ctx, nat) for nat in group}
        nat_zones = {z for z in own_zone.values() if z is not None}
        unknown = sum(1 for z in own_zone.values() if z is None)
        served: dict[str, set[str]] = {nat: _served_by_flows(ctx, nat) for nat in group}
        by_flows = any(ctx.predecessors(nat) for nat in group)
        if not by_flows:
            if vpc is None or len(group) != 1:
                continue
            served[group[0]] = _served_by_vpc(ctx, vpc)
        for nat in group:
            if nat not in judged:
                continue
            zones = served[nat]
            if len(zones) < 2:
                continue
            home = own_zone[nat]
            if by_flows and home is not None:
                # The flows say which zones send through this NAT: another zone depends on this one
                # unless the same sender also uses a NAT gateway in that zone (an auto scaling group
                # spanning two zones drawn sending to the NAT of each), even if an unused NAT is drawn there.
                uncovered = _borrowed_zones(ctx, nat, home)
            else:
                uncovered = zones - nat_zones
                if len(uncovered) <= unknown:
                    continue  # NAT gateways drawn without an AZ may be the missing ones
            if not uncovered:
                continue
            where = f" in {own_zone[nat]}" if own_zone[nat] else ""
            yield Hit(
                nat,
                f"{ctx.label(nat)}{where} serves private subnets in {zone_list(zones)}, but "
                f"{zone_list(uncovered)} {'does' if len(uncovered) == 1 else 'do'} not use a NAT gateway of "
                "its own: outbound access there depends on another zone.",
            )


def _every_nat_when_a_sender_changed(ctx: Context, altered: frozenset[str]) -> list[str]:
    """A NAT gateway's finding reads the flows into every NAT gateway of its VPC and where their senders send.

    So a flow to or from a NAT gateway, or of a node that sends to one, judges every NAT gateway again;
    any other flow changes none of them.
    """
    if not any(
        ctx.kind(node) == "nat_gateway" or any(ctx.kind(t) == "nat_gateway" for t in ctx.successors(node))
        for node in altered
    ):
        return []
    return ctx.nodes("nat_gateway")


RULE = graph_rule(META, check, reads=PLACEMENT_READS, flows="ends", also_affects=_every_nat_when_a_sender_changed)
