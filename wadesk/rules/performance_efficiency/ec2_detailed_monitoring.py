"""An EC2 instance that reports metrics every five minutes only."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="PERF-EC2-DETAILED-MONITORING",
    title="EC2 detailed monitoring is off",
    pillar="performance_efficiency",
    severity="low",
    wa_bp="PERF02-BP03",
    rationale=(
        "With basic monitoring CloudWatch receives instance metrics every five minutes, which hides short "
        "CPU or network spikes and makes alarms and scaling policies react late."
    ),
    remediation="Set detailed_monitoring to true to publish instance metrics at one-minute resolution.",
    checkov=("CKV_AWS_126",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report an instance whose detailed_monitoring property is off."""
    if ctx.prop(node_id, "detailed_monitoring"):
        return None
    return f"{ctx.label(node_id)} reports metrics at five-minute resolution only (detailed_monitoring is false)."


RULE = node_rule(META, ("ec2",), check)
