"""A Redis or Valkey ElastiCache cluster whose data is not encrypted at rest."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-CACHE-UNENCRYPTED-AT-REST",
    title="ElastiCache data is not encrypted at rest",
    pillar="security",
    severity="medium",
    wa_bp="SEC08-BP02",
    rationale=(
        "Without encryption at rest, the cache's disk swaps, snapshots and backups hold its data in readable form."
    ),
    remediation=(
        "Create the replication group with encryption_at_rest set to true; it cannot be turned on for an "
        "existing cluster."
    ),
    securityhub=("ElastiCache.4",),
    checkov=("CKV_AWS_29",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a Redis or Valkey cluster whose encryption_at_rest is false (Memcached cannot encrypt at rest)."""
    if ctx.prop(node_id, "encryption_at_rest") or ctx.prop(node_id, "engine") == "memcached":
        return None
    return f"{ctx.label(node_id)} stores snapshots and swapped data unencrypted (encryption_at_rest is false)."


RULE = node_rule(META, ("elasticache",), check)
