"""An auto scaling group that launches instances in one Availability Zone only."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.groups import PLACEMENT_READS
from wadesk.rules.reliability._common import ASG, known_zones

META = RuleMeta(
    id="REL-ASG-SINGLE-AZ",
    title="Auto Scaling group spans one Availability Zone",
    pillar="reliability",
    severity="medium",
    wa_bp="REL10-BP01",
    rationale=(
        "An Auto Scaling group replaces failed instances only in the zones it may launch in. With one zone, "
        "a zone outage leaves the group with nowhere to start replacements and the whole fleet is gone."
    ),
    remediation=(
        "List subnets in at least two Availability Zones in the group's subnets property (draw a subnet per "
        "AZ), so instances are spread across zones and replaced in a healthy one."
    ),
    securityhub=("AutoScaling.2",),
    checkov=(),
)


def check(ctx: Context) -> Iterator[Hit]:
    """Report every auto scaling group whose known placement is exactly one AZ."""
    for group in ctx.nodes(ASG):
        zones = known_zones(ctx, group)
        if zones is None or len(zones) != 1:
            continue
        yield Hit(group, f"{ctx.label(group)} launches instances only in {next(iter(zones))}.")


RULE = graph_rule(META, check, reads=PLACEMENT_READS, flows="none")
