"""An Elastic Beanstalk environment with basic health reporting only."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="OPS-BEANSTALK-ENHANCED-HEALTH",
    title="Elastic Beanstalk enhanced health is off",
    pillar="operational_excellence",
    severity="low",
    wa_bp="OPS04-BP02",
    rationale=(
        "Basic health reporting only looks at load balancer checks. Enhanced health adds request rates, "
        "latency, response codes and instance-level causes, so a degrading environment is noticed and "
        "explained sooner."
    ),
    remediation="Set enhanced_health to true (the enhanced health reporting system for the environment).",
    securityhub=("ElasticBeanstalk.1",),
    checkov=("CKV_AWS_312",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report an environment whose enhanced_health property is off."""
    if ctx.prop(node_id, "enhanced_health"):
        return None
    return f"{ctx.label(node_id)} reports basic health only (enhanced_health is false)."


RULE = node_rule(META, ("elastic_beanstalk",), check)
