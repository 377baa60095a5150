"""An ECS service that runs a single task."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="REL-ECS-SINGLE-TASK",
    title="ECS service runs one task",
    pillar="reliability",
    severity="medium",
    wa_bp="REL10-BP01",
    rationale=(
        "With one task, a task crash, a host failure, a deployment or a zone outage makes the service "
        "unavailable until ECS starts a replacement."
    ),
    remediation=(
        "Set desired_count to 2 or more so ECS spreads the tasks over the Availability Zones of the service's "
        "subnets (and keep the service auto scaling minimum at 2 as well)."
    ),
    securityhub=(),
    checkov=(),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a service whose desired_count is 1 (0 is a stopped service and passes)."""
    if int(ctx.prop(node_id, "desired_count", 1)) != 1:
        return None
    return f"{ctx.label(node_id)} runs a single task (desired_count is 1)."


RULE = node_rule(META, ("ecs_service",), check)
