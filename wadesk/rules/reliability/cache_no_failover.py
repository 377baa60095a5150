"""A Redis or Valkey cache with no replica to fail over to."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="REL-CACHE-NO-FAILOVER",
    title="ElastiCache has no automatic failover",
    pillar="reliability",
    severity="medium",
    wa_bp="REL11-BP02",
    rationale=(
        "Without a replica and automatic failover, losing the primary node (or its zone) takes the cache "
        "down until a new node is built, and the whole load falls on the database behind it."
    ),
    remediation=(
        "Set replicas to 1 or more (in another Availability Zone) and automatic_failover to true so a replica "
        "is promoted when the primary fails."
    ),
    securityhub=("ElastiCache.3",),
    checkov=("CKV2_AWS_50",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a Redis/Valkey cache with no replicas or with automatic failover off (Memcached cannot fail over)."""
    if ctx.prop(node_id, "engine") not in ("redis", "valkey"):
        return None
    replicas = int(ctx.prop(node_id, "replicas", 0) or 0)
    if replicas == 0:
        return f"{ctx.label(node_id)} has no replica (replicas is 0): the primary node is a single point of failure."
    if not ctx.prop(node_id, "automatic_failover"):
        return (
            f"{ctx.label(node_id)} has replicas but automatic_failover is off, so none is promoted when the "
            "primary fails."
        )
    return None


RULE = node_rule(META, ("elasticache",), check)
