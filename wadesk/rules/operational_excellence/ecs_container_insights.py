"""An ECS service whose cluster does not collect Container Insights."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="OPS-ECS-CONTAINER-INSIGHTS",
    title="ECS Container Insights is off",
    pillar="operational_excellence",
    severity="medium",
    wa_bp="OPS04-BP02",
    rationale=(
        "Without Container Insights, CloudWatch sees only service-level CPU and memory averages: task "
        "restarts, per-task resource use and network figures are missing when a service misbehaves."
    ),
    remediation="Set container_insights to true (turn Container Insights on for the service's cluster).",
    securityhub=("ECS.12",),
    checkov=("CKV_AWS_65",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a service whose container_insights property is off."""
    if ctx.prop(node_id, "container_insights"):
        return None
    return f"{ctx.label(node_id)} runs without Container Insights (container_insights is false)."


RULE = node_rule(META, ("ecs_service",), check)
