"""A load balancer attached to subnets in fewer than two Availability Zones."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.groups import LOAD_BALANCERS, PLACEMENT_READS

META = RuleMeta(
    id="REL-LB-SINGLE-AZ",
    title="Load balancer in one Availability Zone",
    pillar="reliability",
    severity="medium",
    wa_bp="REL10-BP01",
    rationale=(
        "A load balancer has nodes only in the zones of the subnets it is attached to. Attached to one "
        "zone, it stops accepting traffic when that zone fails, even if targets elsewhere are healthy."
    ),
    remediation=(
        "Attach the load balancer to a subnet in each of at least two Availability Zones (list them in its "
        "subnets property) and register targets in each of those zones."
    ),
    securityhub=("ELB.13", "ELB.10"),
    checkov=(),
)


def _zones(ctx: Context, node_id: str) -> frozenset[str] | None:
    """AZs of the subnets a load balancer is attached to, else of where it is drawn; None if unknown."""
    return ctx.zones_of(node_id) or None


def check(ctx: Context) -> Iterator[Hit]:
    """Report every ALB or NLB whose known placement is exactly one AZ."""
    for lb in ctx.nodes_in(LOAD_BALANCERS):
        zones = _zones(ctx, lb)
        if zones is None or len(zones) != 1:
            continue
        yield Hit(
            lb,
            f"The drawing attaches {ctx.label(lb)} only to subnets in {next(iter(zones))}; AWS needs subnets in "
            "two zones for a load balancer to survive the loss of one.",
        )


RULE = graph_rule(META, check, reads=PLACEMENT_READS, flows="none")
