"""Route 53 failover routing with no health check to decide when to fail over."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="REL-DNS-FAILOVER-UNCHECKED",
    title="Route 53 failover records have no health checks",
    pillar="reliability",
    severity="medium",
    wa_bp="REL11-BP02",
    rationale=(
        "Route 53 fails over to the secondary record only when the primary is unhealthy, and it judges health "
        "only through a health check or an alias that evaluates its target's health. Without either, the "
        "primary is always taken as healthy and users are sent to it during the very outage the secondary "
        "exists for."
    ),
    remediation=(
        "Attach a Route 53 health check to the primary record (HealthCheckId), or make it an alias record with "
        "EvaluateTargetHealth true, and set health_checks to true."
    ),
    securityhub=(),
    checkov=(),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a zone whose routing_policy is failover and whose health_checks is false."""
    if ctx.prop(node_id, "routing_policy") != "failover" or ctx.prop(node_id, "health_checks"):
        return None
    return (
        f"{ctx.label(node_id)} routes with failover records but checks no health (health_checks is false), so it "
        "never fails over."
    )


RULE = node_rule(META, ("route53",), check)
