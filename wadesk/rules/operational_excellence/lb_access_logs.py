"""A load balancer that keeps no access logs."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="OPS-LB-ACCESS-LOGS",
    title="Load balancer access logs are off",
    pillar="operational_excellence",
    severity="medium",
    wa_bp="OPS08-BP02",
    rationale=(
        "Access logs record every request the load balancer handled, with client, target, status and "
        "latency. Without them, errors and slow responses seen by users cannot be traced back to a "
        "target or a time window."
    ),
    remediation="Set access_logs to true and deliver the logs to an S3 bucket that you query with Athena.",
    securityhub=("ELB.5",),
    checkov=("CKV_AWS_91", "CKV_AWS_92"),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a load balancer whose access_logs property is off."""
    if ctx.prop(node_id, "access_logs"):
        return None
    return f"{ctx.label(node_id)} does not write access logs (access_logs is false)."


RULE = node_rule(META, ("alb", "nlb", "elb"), check)
