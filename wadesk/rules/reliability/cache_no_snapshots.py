"""A Redis or Valkey cache that keeps no automatic snapshots."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="REL-CACHE-NO-SNAPSHOTS",
    title="ElastiCache automatic backups are off",
    pillar="reliability",
    severity="high",
    wa_bp="REL09-BP03",
    rationale=(
        "Redis and Valkey are often used for sessions, queues and counters that exist nowhere else. With no "
        "snapshots, a failure of all nodes or a bad flush loses that data for good."
    ),
    remediation="Set snapshot_retention_days to 1 or more so ElastiCache takes a daily snapshot.",
    securityhub=("ElastiCache.1",),
    checkov=("CKV_AWS_134",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a Redis/Valkey cache whose snapshot_retention_days is 0 (Memcached has no snapshots)."""
    if ctx.prop(node_id, "engine") not in ("redis", "valkey"):
        return None
    if int(ctx.prop(node_id, "snapshot_retention_days", 0) or 0) > 0:
        return None
    return f"{ctx.label(node_id)} takes no automatic snapshots (snapshot_retention_days is 0)."


RULE = node_rule(META, ("elasticache",), check)
