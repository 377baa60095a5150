"""An EBS volume on the older gp2 type where gp3 costs less."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="COST-EBS-GP2",
    title="EBS volume uses gp2 instead of gp3",
    pillar="cost_optimization",
    severity="low",
    wa_bp="COST06-BP02",
    rationale=(
        "gp3 volumes cost about 20% less per gigabyte than gp2 and give a 3,000 IOPS baseline at any size, "
        "so a gp2 volume usually pays more for the same or lower performance."
    ),
    remediation=(
        "Set volume_type to gp3; the change is made in place (Elastic Volumes) without detaching the volume. "
        "Provision extra IOPS or throughput on gp3 only if the workload needs more than the baseline."
    ),
    securityhub=(),
    checkov=(),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a volume whose volume_type is gp2."""
    if ctx.prop(node_id, "volume_type") != "gp2":
        return None
    return f"{ctx.label(node_id)} is a gp2 volume; the same volume on gp3 costs about 20% less."


RULE = node_rule(META, ("ebs",), check)
