"""A CloudFront distribution with no secondary origin to fail over to."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="REL-CDN-NO-ORIGIN-FAILOVER",
    title="CloudFront has no origin failover",
    pillar="reliability",
    severity="low",
    wa_bp="REL11-BP02",
    rationale=(
        "When the only origin returns errors or times out, every request that misses the cache fails; an "
        "origin group would retry them on a second origin."
    ),
    remediation=(
        "Set origin_failover to true: configure an origin group with a secondary origin (for example a "
        "replica bucket in another Region) and the status codes that trigger failover."
    ),
    securityhub=("CloudFront.4",),
    checkov=("CKV_AWS_310",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a distribution whose origin_failover is off."""
    if ctx.prop(node_id, "origin_failover"):
        return None
    return f"{ctx.label(node_id)} has one origin and no origin group to fail over to (origin_failover is false)."


RULE = node_rule(META, ("cloudfront",), check)
