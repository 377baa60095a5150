"""An ECS service or Fargate task that gives its tasks public IP addresses."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-TASK-PUBLIC-IP",
    title="Container tasks get public IP addresses",
    pillar="security",
    severity="high",
    wa_bp="SEC05-BP01",
    rationale=(
        "A task with a public address can be reached from the internet whenever its subnet routes to an "
        "internet gateway, bypassing the load balancer and any web ACL in front of it; only its security "
        "group stands in the way."
    ),
    remediation=(
        "Set assign_public_ip to false, run the tasks in private subnets, reach them through a load balancer, "
        "and let them call out through a NAT gateway or VPC endpoints."
    ),
    securityhub=("ECS.2",),
    checkov=("CKV_AWS_333",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a service or task whose assign_public_ip is true."""
    if not ctx.prop(node_id, "assign_public_ip"):
        return None
    return f"{ctx.label(node_id)} gives each task a public IP address (assign_public_ip is true)."


RULE = node_rule(META, ("ecs_service", "fargate_task"), check)
